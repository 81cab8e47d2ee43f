// SPDX-License-Identifier: PostgreSQL
#pragma once
// The control column of an incremental table: which family it belongs to
// (time or serial), the type its bounds are cast to, and the values that
// stand for "before everything".
#include "replication/source_relation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication::incremental {

enum class ControlKind { Time, Serial };

// One of the four catalog types.
struct Family {
    bool updater = false;
    ControlKind kind = ControlKind::Time;
    std::string type() const; // inserter_time, inserter_serial, updater_time, updater_serial
    std::string name() const { return updater ? "updater" : "inserter"; }
};

// The family a catalog type names; nullopt for anything else.
std::optional<Family> familyOf(const std::string &type);

// What a make request asks for: "inserter"/"updater" leave the kind to the
// column's type, the suffixed forms (from --time/--serial) demand one.
struct RequestedFamily {
    bool updater = false;
    std::optional<ControlKind> kind;
};
RequestedFamily requestedFamily(const std::string &type);

struct ControlColumn {
    std::string name;
    ControlKind kind = ControlKind::Time;
    // Bounds are compared in this type: the column's base type without typmod
    // for time (so timestamp(0) does not round a bound), bigint for serial.
    std::string castType;

    std::string ident() const;                       // "name"
    std::string cast(const std::string &expr) const; // (expr)::castType
};

// Resolves the control column among the replicated columns of rel and checks
// its type: timestamp, timestamptz or date is time; smallint, integer or
// bigint is serial (domains count as their base type). `wanted` set means the
// caller insists on one kind. Throws a usage Error that says what is wrong.
ControlColumn describeControl(pg::Connection &src, const SourceRelation &rel, const std::string &name,
                              std::optional<ControlKind> wanted);

// Every column of a relation whose type (domains unwrapped) makes it a
// possible control column, in column order.
struct ControlCandidate {
    std::string column;
    ControlKind kind = ControlKind::Time;
    std::string baseType; // "timestamp with time zone", "integer", ...
};
std::vector<ControlCandidate> controlCandidates(pg::Connection &src, uint32_t relationOid);

// The lower bound that lets every row through: -infinity, or the smallest
// bigint (mimeo used 0 and so never replicated control values <= 0).
std::string floorValue(ControlKind kind);

// The boundary to store: the default when none is given (10 minutes, or 10
// as mimeo's makers use), else the value checked on conn (the destination
// for a make; an interval or an integer, not negative). Throws a usage Error
// naming the boundary (on conn's side) when invalid.
std::string normalizeBoundary(pg::Connection &conn, ControlKind kind, const std::optional<std::string> &boundary);

} // namespace mimeo::replication::incremental
