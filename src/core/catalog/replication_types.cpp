// SPDX-License-Identifier: PostgreSQL
#include "catalog/replication_types.h"

#include "pg/error.h"

#include <algorithm>

namespace mimeo::catalog {
namespace {

constexpr unsigned bit(MakeOption o) { return static_cast<unsigned>(o); }

// Every type reads the source through a query (filter, condition), builds
// its destination (indexes, first pull) and may be run by `mimeo run`.
constexpr unsigned kCommon = bit(MakeOption::Filter) | bit(MakeOption::Condition) | bit(MakeOption::NoIndex)
    | bit(MakeOption::NoPulldata) | bit(MakeOption::Period) | bit(MakeOption::BatchLimit);
constexpr unsigned kIncremental = kCommon | bit(MakeOption::Control) | bit(MakeOption::Boundary);
constexpr unsigned kKeyed = bit(MakeOption::Key);
// inserter/updater without a suffix: --time/--serial may pick the suffix.
constexpr unsigned kPick = bit(MakeOption::TimeOrSerial);

constexpr std::string_view kSelect = "SELECT on the source table (or view) and USAGE on its schema";
constexpr std::string_view kQueueSource =
    "SELECT and TRIGGER on the source table, and CREATE and USAGE on the queue schema (mimeo) on the source, "
    "where the make creates the queue table, its trigger function and the trigger";
constexpr std::string_view kDestination = "CREATE on the destination schema (the make creates the destination table)";
constexpr std::string_view kSnapDestination =
    "CREATE on the destination schema (the make creates the view and its two tables)";
constexpr std::string_view kTableDestination =
    "CREATE on the destination schema, or with --use-existing a destination table that already exists";

using CK = ControlKind;
using TF = TypeFamily;

const std::vector<ReplicationType> kConcrete = {
    {"snap", "snap", TF::Snapshot, CK::None, false, false, "refresh_config_snap", kCommon, 0,
     "full copy into one of two tables behind a view, swapped when done", kSelect, kSnapDestination},
    {"table", "table", TF::Table, CK::None, false, false, "refresh_config_table",
     kCommon | bit(MakeOption::Sequences) | bit(MakeOption::UseExisting), 0,
     "full copy into one plain table, emptied and filled again", kSelect, kTableDestination},
    {"inserter_time", "inserter", TF::Incremental, CK::Time, false, false, "refresh_config_inserter_time", kIncremental,
     bit(MakeOption::Control), "new rows, ordered by a time control column", kSelect, kDestination},
    {"inserter_serial", "inserter", TF::Incremental, CK::Serial, false, false, "refresh_config_inserter_serial", kIncremental,
     bit(MakeOption::Control), "new rows, ordered by an integer control column", kSelect, kDestination},
    {"updater_time", "updater", TF::Incremental, CK::Time, true, false, "refresh_config_updater_time", kIncremental | kKeyed,
     bit(MakeOption::Control), "new and changed rows, by a time control column, matched by key", kSelect, kDestination},
    {"updater_serial", "updater", TF::Incremental, CK::Serial, true, false, "refresh_config_updater_serial",
     kIncremental | kKeyed, bit(MakeOption::Control), "new and changed rows, by an integer control column, matched by key",
     kSelect, kDestination},
    {"dml", "dml", TF::Queue, CK::None, true, false, "refresh_config_dml", kCommon | kKeyed, 0,
     "inserts, updates and deletes, queued on the source by a trigger", kQueueSource, kDestination},
    {"logdel", "logdel", TF::Queue, CK::None, true, true, "refresh_config_logdel", kCommon | kKeyed, 0,
     "like dml, but deleted rows stay on the destination, marked deleted", kQueueSource, kDestination},
};

const std::vector<ReplicationType> kMakeLevel = {
    kConcrete[0],
    kConcrete[1],
    {"inserter", "inserter", TF::Incremental, CK::Either, false, false, "refresh_config_inserter", kIncremental | kPick,
     bit(MakeOption::Control),
     "new rows only, found by a control column (a time or serial)", kSelect, kDestination},
    {"updater", "updater", TF::Incremental, CK::Either, true, false, "refresh_config_updater", kIncremental | kKeyed | kPick,
     bit(MakeOption::Control),
     "new and changed rows, found by a control column, matched by key", kSelect,
     kDestination},
    kConcrete[6],
    kConcrete[7],
};

std::string joinedOr(const std::vector<std::string_view> &names, std::string_view last)
{
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += i + 1 == names.size() ? std::string(" ") + std::string(last) + " " : std::string(", ");
        out += names[i];
    }
    return out;
}

} // namespace

const std::vector<ReplicationType> &concreteTypes() { return kConcrete; }
const std::vector<ReplicationType> &makeTypes() { return kMakeLevel; }

const ReplicationType *findType(std::string_view name)
{
    for (const auto *list : {&kConcrete, &kMakeLevel})
        for (const auto &t : *list)
            if (t.name == name)
                return &t;
    return nullptr;
}

const ReplicationType &concreteType(std::string_view name)
{
    for (const auto &t : kConcrete)
        if (t.name == name)
            return t;
    throw pg::Error::usage("unknown replication type \"" + std::string(name) + "\"", pg::Side::Destination,
                           "the type column of a configuration is one of " + joinedOr([] {
                               std::vector<std::string_view> v;
                               for (const auto &t : kConcrete)
                                   v.push_back(t.name);
                               return v;
                           }(), "or"));
}

std::string configTableFor(std::string_view type) { return std::string(concreteType(type).configTable); }

std::string makeTypeNamesText()
{
    std::vector<std::string_view> v;
    for (const auto &t : kMakeLevel)
        v.push_back(t.name);
    return joinedOr(v, "or");
}

std::string_view makeOptionText(MakeOption o)
{
    switch (o) {
    case MakeOption::Control: return "--control";
    case MakeOption::Boundary: return "--boundary";
    case MakeOption::Filter: return "--filter";
    case MakeOption::Condition: return "--condition";
    case MakeOption::Key: return "--pk-name and --pk-type";
    case MakeOption::Sequences: return "--sequences";
    case MakeOption::UseExisting: return "--use-existing";
    case MakeOption::NoIndex: return "--no-index";
    case MakeOption::NoPulldata: return "--no-pulldata";
    case MakeOption::Period: return "--period";
    case MakeOption::BatchLimit: return "--batch-limit";
    case MakeOption::TimeOrSerial: return "--time and --serial";
    }
    return "";
}

const std::vector<MakeOption> &allMakeOptions()
{
    static const std::vector<MakeOption> all = {
        MakeOption::Control,     MakeOption::Boundary, MakeOption::Filter,     MakeOption::Condition,
        MakeOption::Key,         MakeOption::Sequences, MakeOption::UseExisting, MakeOption::NoIndex,
        MakeOption::NoPulldata,  MakeOption::Period,   MakeOption::BatchLimit, MakeOption::TimeOrSerial};
    return all;
}

std::string typesAllowingText(MakeOption o)
{
    std::vector<std::string_view> v;
    for (const auto &t : kMakeLevel)
        if (t.allows(o))
            v.push_back(t.name);
    return joinedOr(v, "and");
}

} // namespace mimeo::catalog
