// SPDX-License-Identifier: PostgreSQL
#pragma once
// The one description of the replication types: their names, family,
// config table, the make options each accepts or needs, and what each needs
// on the source and the destination. The engine dispatches on it, the
// catalog code finds tables with it, and the CLI (help and validation) and
// the application describe and check a make request with it, so none of
// them keeps a list of types of its own.
#include <string>
#include <string_view>
#include <vector>

namespace mimeo::catalog {

enum class TypeFamily {
    Snapshot,    // snap: two tables behind a view, swapped after each full copy
    Table,       // table: one table, emptied and filled again
    Incremental, // inserter/updater: rows past the control column's last value
    Queue,       // dml/logdel: keys queued on the source by a trigger
};

// What the control column of an incremental type is. Either: the make-level
// names inserter and updater, which leave it to the column's SQL type.
enum class ControlKind { None, Time, Serial, Either };

// The options of a make request beyond source, destination and data source.
enum class MakeOption : unsigned {
    Control = 1u << 0,
    Boundary = 1u << 1,
    Filter = 1u << 2,
    Condition = 1u << 3,
    Key = 1u << 4,          // --pk-name with --pk-type
    Sequences = 1u << 5,
    UseExisting = 1u << 6,
    NoIndex = 1u << 7,
    NoPulldata = 1u << 8,
    Period = 1u << 9,
    BatchLimit = 1u << 10,
    TimeOrSerial = 1u << 11, // --time / --serial: only with the make-level names
};

struct ReplicationType {
    std::string_view name;        // snap, table, inserter_time, ..., or the make-level inserter/updater
    std::string_view group;       // the name a user picks (make TYPE, run --type): inserter for inserter_time
    TypeFamily family;
    ControlKind control;
    bool keyed;                   // rows are addressed by a key (pk_name, pk_type): updater, dml, logdel
    bool marksDeleted;            // deleted source rows stay, marked in mimeo_source_deleted: logdel
    std::string_view configTable; // refresh_config_<name>; for inserter/updater the parent of both children
    unsigned allowed;             // MakeOption bits
    unsigned required;            // MakeOption bits
    std::string_view summary;     // one line for --help
    std::string_view sourceNeeds;
    std::string_view destinationNeeds;

    bool allows(MakeOption o) const { return (allowed & static_cast<unsigned>(o)) != 0; }
    bool needs(MakeOption o) const { return (required & static_cast<unsigned>(o)) != 0; }
    bool isConcrete() const { return control != ControlKind::Either; }
    bool isMakeLevel() const { return name == group; } // one of makeTypes()
};

// The eight types a catalog row can have, in mimeo's order.
const std::vector<ReplicationType> &concreteTypes();
// What a user picks: snap, table, inserter, updater, dml, logdel.
const std::vector<ReplicationType> &makeTypes();

// A concrete or make-level type by name; nullptr when there is none.
const ReplicationType *findType(std::string_view name);
// A concrete type by name; throws pg::Error (usage, destination side) for
// anything else (e.g. a type column an operator edited).
const ReplicationType &concreteType(std::string_view name);

// The concrete child table of a type: refresh_config_<type>. Throws like
// concreteType.
std::string configTableFor(std::string_view type);

// "snap, table, inserter, updater, dml or logdel".
std::string makeTypeNamesText();

// The option as written on the command line, e.g. "--pk-name and --pk-type".
std::string_view makeOptionText(MakeOption o);
const std::vector<MakeOption> &allMakeOptions();
// The make-level types that accept the option, e.g. "updater, dml and logdel".
std::string typesAllowingText(MakeOption o);

} // namespace mimeo::catalog
