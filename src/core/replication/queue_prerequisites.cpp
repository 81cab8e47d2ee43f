// SPDX-License-Identifier: PostgreSQL
#include "replication/queue_prerequisites.h"

#include "catalog/source_probe.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "pg/type_name.h"

#include <algorithm>

namespace mimeo::replication::queue {
namespace {

bool contains(const std::vector<std::string> &v, const std::string &s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string joined(const std::vector<std::string> &v)
{
    std::string out;
    for (const auto &s : v)
        out += (out.empty() ? "" : ",") + s;
    return out;
}

const Column *findColumn(const std::vector<Column> &cols, const std::string &name)
{
    auto it = std::find_if(cols.begin(), cols.end(), [&](const Column &c) { return c.name == name; });
    return it == cols.end() ? nullptr : &*it;
}

// The checks of one review, each added passed or failed.
struct Checks {
    std::vector<Prerequisite> list;
    void pass(std::string what) { list.push_back({std::move(what), true, {}, {}}); }
    void fail(std::string what, std::string problem, std::string fix)
    {
        list.push_back({std::move(what), false, std::move(problem), std::move(fix)});
    }
    void check(bool ok, std::string what, std::string problem, std::string fix)
    {
        if (ok)
            pass(std::move(what));
        else
            fail(std::move(what), std::move(problem), std::move(fix));
    }
};

const char *kKeyWhat = "a replication key: a primary key, a unique index on NOT NULL columns, or --pk-name and --pk-type";

// How to give the table a key: a unique index whose columns may be NULL
// becomes usable once they are NOT NULL (a statement that runs as it is);
// otherwise a primary key on columns only a person can choose.
std::string addKeyFix(const SourceRelation &rel, const SourceIndexes &indexes)
{
    for (const auto &idx : indexes.others) {
        if (idx.unique && idx.plain && !idx.notNull && !idx.columns.empty()) {
            std::string sql = "ALTER TABLE " + rel.name.quoted();
            for (size_t i = 0; i < idx.columns.size(); ++i)
                sql += std::string(i ? "," : "") + " ALTER COLUMN " + pg::quoteIdent(idx.columns[i]) + " SET NOT NULL";
            return sql + ";  -- makes unique index " + idx.name + " the key";
        }
    }
    return "ALTER TABLE " + rel.name.quoted() + " ADD PRIMARY KEY (<columns>);  -- or give --pk-name and --pk-type";
}

// The key from --pk-name/--pk-type, or the source's own; nullopt (with a
// failed check recorded) when there is none.
std::optional<ReplicationKey> keyFor(pg::Connection &src, const SourceRelation &rel, const std::vector<Column> &allColumns,
                                     const MakeRequest &req, const SourceIndexes &indexes, Checks &checks)
{
    ReplicationKey key;
    if (!req.pkName.empty() || !req.pkType.empty()) {
        if (req.pkName.size() != req.pkType.size()) {
            checks.fail(kKeyWhat,
                        "--pk-name and --pk-type must list the same number of items "
                        "(mimeo: cannot manually set primary/unique key field(s) without defining type(s) or vice versa)",
                        "give one type per key column");
            return std::nullopt;
        }
        key.manual = true;
        bool usable = true;
        for (size_t i = 0; i < req.pkName.size(); ++i) {
            if (!findColumn(allColumns, req.pkName[i])) {
                checks.fail(kKeyWhat,
                            "--pk-name names column " + req.pkName[i] + ", which " + rel.name.catalogText() + " does not have",
                            "column names are case-sensitive");
                usable = false;
            }
            // The type goes into the queue's CREATE TABLE and the catalog
            // row (which mimeo's own refresh reads): the source's spelling of
            // it, never the text as given.
            try {
                key.columns.push_back({req.pkName[i], pg::canonicalTypeName(src, req.pkType[i], "--pk-type " + req.pkType[i]
                                                                                                    + " (for " + req.pkName[i] + ")"),
                                       false});
            } catch (const pg::Error &e) {
                if (!e.sqlstate().empty())
                    throw;
                checks.fail(kKeyWhat, e.message(), e.hint().empty() ? "give a type the source knows" : e.hint());
                usable = false;
            }
        }
        if (!usable)
            return std::nullopt;
        checks.pass(std::string(kKeyWhat) + " (given: " + joined(key.names()) + ")");
        return key;
    }
    if (!indexes.key) {
        checks.fail(kKeyWhat,
                    "source table " + rel.name.catalogText()
                        + " has no valid primary key or unique index on NOT NULL columns, so changed rows cannot be told apart",
                    addKeyFix(rel, indexes));
        return std::nullopt;
    }
    key.primary = indexes.key->primary;
    for (const auto &name : indexes.key->columns) {
        if (const Column *c = findColumn(allColumns, name))
            key.columns.push_back(*c);
    }
    checks.pass(std::string(kKeyWhat) + " (" + (key.primary ? "primary key " : "unique index ") + indexes.key->name + ": "
                + joined(key.names()) + ")");
    return key;
}

} // namespace

std::vector<std::string> ReplicationKey::types() const
{
    std::vector<std::string> out;
    for (const auto &c : columns)
        out.push_back(c.type);
    return out;
}

bool PrerequisiteReview::ok() const
{
    return std::all_of(checks.begin(), checks.end(), [](const Prerequisite &p) { return p.ok; });
}

PrerequisiteReview reviewMakePrerequisites(pg::Connection &src, const SourceRelation &rel, const MakeRequest &req,
                                           const std::string &queueSchema, bool logdel)
{
    Checks checks;
    PrerequisiteReview review;
    const std::string table = rel.name.catalogText();

    checks.check(rel.relkind == 'r' || rel.relkind == 'p', "a table, as " + req.type + " records changes with a trigger on it",
                 "source " + table + " is a " + rel.kindName() + "; " + req.type
                     + " needs a table, because it records changes with a trigger on it",
                 "replicate a " + rel.kindName() + " with snap, table, inserter or updater, or the table behind it with "
                     + req.type);

    // The key may be outside the filter only to be reported: read every column.
    const auto all = describeSource(src, rel.name, {}, req.dataSourceId);
    if (!rel.isView())
        review.plan.indexes = readSourceIndexes(src, rel.oid);
    if (auto key = keyFor(src, rel, all.columns, req, review.plan.indexes, checks)) {
        review.plan.key = *key;
        std::vector<std::string> outside;
        for (const auto &k : review.plan.key.names()) {
            if (!req.filter.empty() && !contains(req.filter, k))
                outside.push_back(k);
        }
        checks.check(outside.empty(), "every key column inside the column filter",
                     "filter list did not contain all columns that compose the primary/unique key of " + table
                         + " (missing: " + joined(outside) + ")",
                     "add them: --filter " + joined(req.filter) + "," + joined(outside));
        if (!logdel)
            checks.check(!contains(review.plan.key.names(), "processed"), "no key column named \"processed\" (the queue's own)",
                         "key column \"processed\" has the name of the queue table's own column",
                         "use another key (--pk-name/--pk-type) or rename the column");
    }
    if (logdel) {
        for (const char *reserved : {"processed", "mimeo_source_deleted"}) {
            checks.check(!findColumn(rel.columns, reserved),
                         std::string("no replicated column named \"") + reserved + "\" (logdel adds it itself)",
                         std::string("column \"") + reserved + "\" of " + table + " has the name of a column logdel adds itself",
                         "leave it out with --filter, or rename it");
        }
    }

    const auto probe = catalog::probeSource(src, queueSchema);
    const std::string role = pg::quoteIdent(probe.role);
    checks.check(!probe.standby, "a primary server, not a standby (" + req.type + " creates objects on the source)",
                 "the source is a standby, where nothing can be created", "register the primary server as the source");
    const std::string queueWhat = "schema " + queueSchema + " on the source, with CREATE for role " + probe.role
        + " (the queue table and trigger function go there)";
    if (!probe.queueSchemaExists)
        checks.fail(queueWhat,
                    "schema " + queueSchema + " does not exist on the source; " + req.type
                        + " keeps its queue table and trigger function there",
                    "CREATE SCHEMA " + pg::quoteIdent(queueSchema) + " AUTHORIZATION " + role + ";");
    else
        checks.check(probe.queueSchemaCreate, queueWhat,
                     "role " + probe.role + " may not create objects in schema " + queueSchema + " on the source",
                     "GRANT USAGE, CREATE ON SCHEMA " + pg::quoteIdent(queueSchema) + " TO " + role + ";");
    const auto access = catalog::probeRelationAccess(src, rel.name, rel.oid, req.filter);
    checks.check(access.usage, "USAGE on schema " + rel.name.schema,
                 "role " + probe.role + " may not use schema " + rel.name.schema, access.usageFix);
    checks.check(access.select, "SELECT on " + table, "role " + probe.role + " may not read " + table, access.selectFix);
    checks.check(access.trigger, "TRIGGER on " + table, "role " + probe.role + " may not create triggers on " + table,
                 access.triggerFix);
    review.checks = std::move(checks.list);
    return review;
}

MakePlan checkMakePrerequisites(pg::Connection &src, const SourceRelation &rel, const MakeRequest &req,
                                const std::string &queueSchema, bool logdel)
{
    auto review = reviewMakePrerequisites(src, rel, req, queueSchema, logdel);
    if (review.ok())
        return std::move(review.plan);
    std::string message = "cannot make " + req.type + " replication of " + rel.name.catalogText() + ":";
    std::string hint = "fix on the source, then run make again:";
    for (const auto &p : review.checks) {
        if (p.ok)
            continue;
        message += "\n  - " + p.problem;
        hint += "\n  " + p.fix;
    }
    throw pg::Error::usage(message, pg::Side::Source, hint);
}

void requireUsableKey(const std::vector<std::string> &pkName, const std::vector<std::string> &pkType,
                      const std::vector<std::string> &filter, const std::string &destTable)
{
    if (pkName.empty() || pkType.empty() || pkName.size() != pkType.size())
        throw pg::Error::usage("Primary key fields in the configuration of " + destTable + " must be defined (pk_name, pk_type)",
                               pg::Side::Destination, "set pk_name and pk_type, one type per key column");
    std::vector<std::string> outside;
    for (const auto &k : pkName) {
        if (!filter.empty() && !contains(filter, k))
            outside.push_back(k);
    }
    if (!outside.empty())
        throw pg::Error::usage("Filter list did not contain all columns that compose primary/unique key for " + destTable
                                   + " (missing: " + joined(outside) + ")",
                               pg::Side::Destination, "add them to the filter of " + destTable);
}

} // namespace mimeo::replication::queue
