// SPDX-License-Identifier: PostgreSQL
#pragma once
// Pulls a source relation into a destination table with one streamed COPY:
// binary when both servers run the same major version and every column's
// type agrees and is binary-safe, text otherwise.
#include "pg/copy_stream.h"
#include "replication/source_relation.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::replication {

class Job;

struct PullSpec {
    const SourceRelation *source = nullptr;
    std::optional<std::string> condition; // raw SQL after FROM (mimeo's condition)
    // Extra predicates (incremental types' bounds) over the rows the condition
    // selects; they name columns unqualified (the condition is a subquery then).
    std::optional<std::string> extraWhere;
    pg::QualifiedName target;
    std::vector<Column> targetColumns;    // to decide binary: types must agree by name
    bool freeze = false;                  // COPY ... FREEZE (target created or truncated in this transaction)
    bool captureSnapshot = false;         // read the source's txid snapshot in the same transaction as the COPY
};

struct PullResult {
    pg::CopyStats stats;
    bool binary = false;
    std::string sourceSnapshot; // txid_current_snapshot() text, when captured
};

// SELECT <the relation's columns> FROM <relation> <condition>: how the
// condition (raw SQL after FROM, mimeo's) meets the source in every pull.
std::string sourceSelect(const SourceRelation &rel, const std::optional<std::string> &condition);

// The SELECT (or table) part of the source COPY, for logging and dry runs.
std::string sourceCopyStatement(const PullSpec &spec, bool binary);

PullResult pullInto(Job &job, pg::Connection &src, const PullSpec &spec);

} // namespace mimeo::replication
