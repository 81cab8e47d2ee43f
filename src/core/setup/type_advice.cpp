// SPDX-License-Identifier: PostgreSQL
#include "setup/type_advice.h"

#include "catalog/replication_types.h"
#include "checks/snapshot_size.h"
#include "replication/source_relation.h"

#include <algorithm>
#include <cctype>

namespace mimeo::setup {
namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool containsAny(const std::string &name, std::initializer_list<const char *> parts)
{
    const std::string l = lower(name);
    return std::any_of(parts.begin(), parts.end(), [&](const char *p) { return l.find(p) != std::string::npos; });
}

// Names that say "when the row last changed" (updater) or "when it was made"
// (inserter): a hint only, weighed below an index and NOT NULL.
bool looksUpdated(const std::string &name) { return containsAny(name, {"updat", "modif", "chang", "mtime", "edit", "last_"}); }
bool looksCreated(const std::string &name) { return containsAny(name, {"creat", "insert", "added", "ctime", "_at", "time", "date"}); }

std::string joined(const std::vector<std::string> &v)
{
    std::string out;
    for (const auto &s : v)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

// The control column to suggest: an index on it matters most (every refresh
// looks for the rows past the last value), then NOT NULL (a NULL is never
// replicated), then the name.
const ControlCandidateInfo *bestControl(const SourceTableDetails &t, bool time, bool updater)
{
    const ControlCandidateInfo *best = nullptr;
    int bestScore = -1;
    const SourceKey *key = t.replicationKey();
    for (const auto &c : t.controlCandidates) {
        if (c.time != time)
            continue;
        bool named = false;
        if (time)
            named = updater ? looksUpdated(c.column) : looksCreated(c.column);
        else
            named = !updater && key && key->columns.size() == 1 && key->columns.front() == c.column;
        const int score = (c.indexed ? 4 : 0) + (c.notNull ? 2 : 0) + (named ? 1 : 0);
        if (score > bestScore) {
            best = &c;
            bestScore = score;
        }
    }
    return best;
}

std::string controlText(const ControlCandidateInfo &c)
{
    return c.column + " (" + c.type + (c.indexed ? ", indexed" : ", not indexed: every refresh scans the table") + ")";
}

bool hasColumn(const SourceTableDetails &t, const std::string &name)
{
    return std::any_of(t.columns.begin(), t.columns.end(), [&](const SourceColumnInfo &c) { return c.name == name; });
}

// A relation that cannot carry an index of its own: a key must be named.
bool keyMustBeNamed(const SourceTableDetails &t) { return t.relkind == 'v' || t.relkind == 'f' || t.relkind == 'm'; }

const char *kNoKey = "has no primary key or unique index on NOT NULL columns to match changed rows by "
                     "(add one, or name unique columns with --pk-name and --pk-type)";

TypeChoice fullCopy(const catalog::ReplicationType &type, const SourceTableDetails &t, bool tooBig)
{
    TypeChoice c{std::string(type.name), true, {}, {}, false};
    c.reason = std::string(type.summary) + (tooBig ? "; this " + replication::relationKindName(t.relkind) + " is big for a full copy at every refresh"
                                                   : "; catches every change, deletes too");
    return c;
}

TypeChoice incremental(const catalog::ReplicationType &type, const SourceTableDetails &t)
{
    TypeChoice c{std::string(type.name), false, {}, {}, false};
    const bool time = type.control == catalog::ControlKind::Time;
    const ControlCandidateInfo *control = bestControl(t, time, type.keyed);
    if (!control) {
        c.reason = std::string("no ") + (time ? "timestamp, timestamptz or date" : "smallint, integer or bigint")
            + " column to be the control column";
        return c;
    }
    c.control = control->column;
    if (!type.keyed) {
        c.usable = true;
        c.reason = "new rows by " + controlText(*control) + "; updates and deletes are not replicated";
        return c;
    }
    if (const SourceKey *key = t.replicationKey()) {
        c.usable = true;
        c.reason = "new and changed rows by " + controlText(*control) + ", matched by key " + key->name + " ("
            + joined(key->columns) + "); deletes are not replicated";
    } else if (keyMustBeNamed(t)) {
        c.usable = true;
        c.needsKey = true;
        c.reason = "new and changed rows by " + controlText(*control) + "; a " + replication::relationKindName(t.relkind)
            + " has no key of its own: name its unique columns with --pk-name and --pk-type";
    } else {
        c.reason = "the " + replication::relationKindName(t.relkind) + " " + kNoKey;
    }
    return c;
}

TypeChoice queue(const catalog::ReplicationType &type, const SourceTableDetails &t)
{
    TypeChoice c{std::string(type.name), false, {}, {}, false};
    const SourceKey *key = t.replicationKey();
    if (t.relkind != 'r' && t.relkind != 'p') {
        c.reason = "a " + replication::relationKindName(t.relkind) + " cannot have the row triggers " + c.type + " records changes with";
    } else if (!key) {
        c.reason = "the " + replication::relationKindName(t.relkind) + " " + kNoKey;
    } else if (!type.marksDeleted && std::find(key->columns.begin(), key->columns.end(), "processed") != key->columns.end()) {
        c.reason = "key column \"processed\" has the name of the queue table's own column";
    } else if (type.marksDeleted && (hasColumn(t, "processed") || hasColumn(t, "mimeo_source_deleted"))) {
        c.reason = "a column named \"processed\" or \"mimeo_source_deleted\" has the name of one logdel adds itself "
                   "(leave it out with --filter)";
    } else {
        c.usable = true;
        c.reason = std::string(type.summary) + ", matched by key " + key->name + " (" + joined(key->columns)
            + "); adds a queue table and a trigger on the source";
    }
    return c;
}

std::string activityText(const DmlActivity &a)
{
    return std::to_string(a.inserted) + " inserts, " + std::to_string(a.updated) + " updates and " + std::to_string(a.deleted)
        + " deletes since the statistics were reset";
}

} // namespace

const TypeChoice *TypeAdvice::choice(const std::string &type) const
{
    auto it = std::find_if(choices.begin(), choices.end(), [&](const TypeChoice &c) { return c.type == type; });
    return it == choices.end() ? nullptr : &*it;
}

TypeAdvice adviseTypes(const SourceTableDetails &t, bool keepDeletedRows)
{
    TypeAdvice advice;
    const int64_t rows = t.estimatedRows >= 0 ? t.estimatedRows : t.activity ? t.activity->live : -1;
    advice.sizeWarning = checks::snapshotSizeAdvice(t.name.catalogText(), rows, t.bytes);
    const bool tooBig = advice.sizeWarning.has_value();
    for (const auto &type : catalog::concreteTypes()) {
        switch (type.family) {
        case catalog::TypeFamily::Snapshot:
        case catalog::TypeFamily::Table: advice.choices.push_back(fullCopy(type, t, tooBig)); break;
        case catalog::TypeFamily::Incremental: advice.choices.push_back(incremental(type, t)); break;
        case catalog::TypeFamily::Queue: advice.choices.push_back(queue(type, t)); break;
        }
    }
    auto usable = [&](const char *type) { return advice.choice(type)->usable; };
    auto indexedControl = [&](const char *type) {
        const auto *c = advice.choice(type);
        const auto it = std::find_if(t.controlCandidates.begin(), t.controlCandidates.end(),
                                     [&](const ControlCandidateInfo &i) { return i.column == c->control; });
        return c->usable && !c->needsKey && it != t.controlCandidates.end() && it->indexed;
    };
    auto recommend = [&](const char *type, std::string why) {
        advice.recommended = type;
        advice.why = std::move(why);
        return advice;
    };
    const SourceKey *key = t.replicationKey();
    const auto &a = t.activity;

    std::string prefix;
    if (keepDeletedRows) {
        if (usable("logdel"))
            return recommend("logdel", "deleted rows must stay on the destination: logdel keeps them, marked in "
                                       "mimeo_source_deleted, and replicates every other change by key "
                                           + key->name);
        prefix = "logdel, the one type that keeps deleted rows, cannot be made (" + advice.choice("logdel")->reason + "); ";
    }
    if (a && a->updated > 0 && a->deleted > 0 && usable("dml"))
        return recommend("dml", prefix + "rows are updated and deleted (" + activityText(*a) + ") and key " + key->name
                                    + " names them: dml replicates exactly the changed rows");
    if (a && a->inserted > 0 && a->updated == 0 && a->deleted == 0) {
        for (const char *type : {"inserter_time", "inserter_serial"}) {
            if (indexedControl(type))
                return recommend(type, prefix + "rows are only inserted (" + activityText(*a) + ") and indexed column "
                                           + advice.choice(type)->control + " orders them: the inserter reads just the new rows");
        }
    }
    if (a && a->updated > 0 && a->deleted == 0 && indexedControl("updater_time") && looksUpdated(advice.choice("updater_time")->control))
        return recommend("updater_time", prefix + "rows are updated but not deleted (" + activityText(*a) + "), and indexed column "
                                             + advice.choice("updater_time")->control
                                             + " looks like the time of their last change: the updater reads just the changed rows");
    if (!tooBig)
        return recommend("snap", prefix + "small enough to copy whole at every refresh"
                                     + (key ? std::string() : ", and without a key nothing else could match changed rows")
                                     + ": snap is the simplest and misses no change");
    if (usable("dml"))
        return recommend("dml", prefix + "too big to copy whole at every refresh, and key " + key->name
                                    + " lets dml replicate just the changed rows");
    for (const char *type : {"inserter_time", "inserter_serial"}) {
        if (indexedControl(type))
            return recommend(type, prefix + "too big to copy whole at every refresh, and indexed column "
                                       + advice.choice(type)->control
                                       + " orders new rows: an inserter reads just those (it misses updates and deletes)");
    }
    return recommend("snap", prefix + "too big to copy comfortably, but nothing incremental fits (" + advice.choice("dml")->reason
                                 + "): snap still works; consider a key or an indexed time column");
}

} // namespace mimeo::setup
