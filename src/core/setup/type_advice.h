// SPDX-License-Identifier: PostgreSQL
#pragma once
// Which replication type suits a source table, from what describeSourceTable
// read (no server): every concrete type with whether it can be made and why,
// one recommendation with its reason, and the snapshot size advice when the
// table is too big to copy whole at every refresh.
#include "setup/source_tables.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::setup {

struct TypeChoice {
    std::string type;    // a concrete type: snap, table, inserter_time, inserter_serial, updater_time, updater_serial, dml, logdel
    bool usable = false; // can be made as the table is (with needsKey: once a key is named)
    std::string reason;  // one sentence: what it would use, or why it cannot be made
    std::string control; // incremental types: the suggested control column (empty otherwise)
    bool needsKey = false; // usable only with --pk-name and --pk-type (a view has no key of its own)
};

struct TypeAdvice {
    std::vector<TypeChoice> choices; // in catalog::concreteTypes() order
    std::string recommended;         // one of the usable choices' type
    std::string why;                 // one sentence
    std::optional<std::string> sizeWarning; // checks::snapshotSizeAdvice when the table is too big for snap/table
    const TypeChoice *choice(const std::string &type) const;
};

// keepDeletedRows: rows deleted on the source must stay on the destination
// (only logdel does that).
TypeAdvice adviseTypes(const SourceTableDetails &table, bool keepDeletedRows);

} // namespace mimeo::setup
