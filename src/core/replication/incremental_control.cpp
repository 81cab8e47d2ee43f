// SPDX-License-Identifier: PostgreSQL
#include "replication/incremental_control.h"

#include "pg/connection.h"
#include "pg/error.h"
#include "pg/quote.h"

#include <algorithm>

namespace mimeo::replication::incremental {
namespace {

// Each column's type with domains unwrapped (a domain over a domain too).
constexpr const char *kBaseTypesSql = R"SQL(
WITH RECURSIVE t(attnum, attname, oid, typtype, basetype) AS (
    SELECT a.attnum, a.attname, ty.oid, ty.typtype, ty.typbasetype
      FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
     WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    SELECT t.attnum, t.attname, ty.oid, ty.typtype, ty.typbasetype
      FROM t JOIN pg_catalog.pg_type ty ON ty.oid = t.basetype WHERE t.typtype = 'd'
)
SELECT attname, pg_catalog.format_type(oid, NULL) FROM t WHERE typtype <> 'd' ORDER BY attnum
)SQL";

// Column name and base type, in attnum order.
std::vector<std::pair<std::string, std::string>> baseTypes(pg::Connection &src, uint32_t relationOid)
{
    auto r = src.exec(kBaseTypesSql, {std::to_string(relationOid)});
    std::vector<std::pair<std::string, std::string>> out;
    for (int i = 0; i < r.rows(); ++i)
        out.emplace_back(r.text(i, 0), r.text(i, 1));
    return out;
}

const char *kTimeTypes = "timestamp, timestamptz or date";
const char *kSerialTypes = "smallint, integer or bigint";

std::optional<ControlKind> kindOfType(const std::string &base)
{
    if (base == "timestamp with time zone" || base == "timestamp without time zone" || base == "date")
        return ControlKind::Time;
    if (base == "smallint" || base == "integer" || base == "bigint")
        return ControlKind::Serial;
    return std::nullopt;
}

} // namespace

std::string Family::type() const
{
    return name() + (kind == ControlKind::Time ? "_time" : "_serial");
}

std::optional<Family> familyOf(const std::string &type)
{
    for (bool updater : {false, true}) {
        for (auto kind : {ControlKind::Time, ControlKind::Serial}) {
            Family f{updater, kind};
            if (f.type() == type)
                return f;
        }
    }
    return std::nullopt;
}

RequestedFamily requestedFamily(const std::string &type)
{
    if (type == "inserter" || type == "updater")
        return {type == "updater", std::nullopt};
    if (auto f = familyOf(type))
        return {f->updater, f->kind};
    throw pg::Error::usage("unknown incremental type \"" + type + "\"");
}

std::string ControlColumn::ident() const { return pg::quoteIdent(name); }

std::string ControlColumn::cast(const std::string &expr) const { return "(" + expr + ")::" + castType; }

ControlColumn describeControl(pg::Connection &src, const SourceRelation &rel, const std::string &name,
                              std::optional<ControlKind> wanted)
{
    const auto col = std::find_if(rel.columns.begin(), rel.columns.end(), [&](const Column &c) { return c.name == name; });
    if (col == rel.columns.end()) {
        auto r = src.exec("SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = $1 AND attname = $2 AND attnum > 0 "
                          "AND NOT attisdropped",
                          {std::to_string(rel.oid), name});
        if (r.rows() > 0)
            throw pg::Error::usage("control column " + name + " is not in the column filter; the destination needs it",
                                   pg::Side::Source, "add " + name + " to --filter");
        throw pg::Error::usage("control column " + name + " does not exist in " + rel.name.catalogText(), pg::Side::Source,
                               "column names are case-sensitive");
    }
    std::string base = col->type;
    for (const auto &[column, type] : baseTypes(src, rel.oid)) {
        if (column == name)
            base = type;
    }
    const auto kind = kindOfType(base);
    if (!kind) {
        throw pg::Error::usage("control column " + name + " of " + rel.name.catalogText() + " is " + col->type
                                   + "; inserter and updater need " + kTimeTypes + " (time) or " + kSerialTypes + " (serial)",
                               pg::Side::Source);
    }
    if (wanted && *wanted != *kind) {
        const bool time = *wanted == ControlKind::Time;
        throw pg::Error::usage("control column " + name + " is " + col->type + ": " + (time ? "--time" : "--serial")
                                   + " needs " + (time ? kTimeTypes : kSerialTypes),
                               pg::Side::Source, std::string("leave out ") + (time ? "--time" : "--serial")
                                   + ": the column's type picks time or serial");
    }
    return {name, *kind, *kind == ControlKind::Time ? base : std::string("bigint")};
}

std::vector<ControlCandidate> controlCandidates(pg::Connection &src, uint32_t relationOid)
{
    std::vector<ControlCandidate> out;
    for (const auto &[column, base] : baseTypes(src, relationOid)) {
        if (const auto kind = kindOfType(base))
            out.push_back({column, *kind, base});
    }
    return out;
}

std::string floorValue(ControlKind kind) { return kind == ControlKind::Time ? "-infinity" : "-9223372036854775808"; }

std::string normalizeBoundary(pg::Connection &conn, ControlKind kind, const std::optional<std::string> &boundary)
{
    if (kind == ControlKind::Time) {
        const std::string value = boundary.value_or("10 minutes");
        try {
            auto r = conn.exec("SELECT $1::interval < interval '0', $1::interval::text", {value});
            if (r.toBool(0, 0))
                throw pg::Error::usage("boundary " + value + " is negative", conn.side());
            return r.text(0, 1);
        } catch (const pg::Error &e) {
            if (e.sqlstate().empty())
                throw;
            throw pg::Error::usage("boundary \"" + value + "\" is not an interval: " + e.message(), conn.side(),
                                   "for a time control column give an interval, for example --boundary '5 minutes'");
        }
    }
    const std::string value = boundary.value_or("10");
    size_t used = 0;
    long long n = -1;
    try {
        n = std::stoll(value, &used);
    } catch (const std::exception &) {
        used = 0;
    }
    if (used != value.size() || value.empty() || n < 0 || n > 2147483647)
        throw pg::Error::usage("boundary \"" + value + "\" is not a whole number from 0 to 2147483647", conn.side(),
                               "for a serial control column give how many values to leave out, for example --boundary 10");
    return std::to_string(n);
}

} // namespace mimeo::replication::incremental
