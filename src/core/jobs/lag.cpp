// SPDX-License-Identifier: PostgreSQL
#include "jobs/lag.h"

#include "catalog/config_row.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "pg/iso_time.h"
#include "pg/quote.h"
#include "pg/redact.h"
#include "replication/change_detector.h"
#include "replication/incremental_control.h"
#include "replication/incremental_source.h"
#include "replication/source_relation.h"
#include "replication/table_state.h"

#include <algorithm>

namespace mimeo::jobs {
namespace {

using pg::QualifiedName;
using replication::incremental::ControlKind;

LagMeasure begin(const catalog::ConfigRow &config, LagKind kind)
{
    LagMeasure m;
    m.destTable = config.destTable();
    m.kind = kind;
    return m;
}

// dml/logdel: the queue's rows, counted up to a bound, else estimated.
LagMeasure measureQueue(const catalog::ConfigRow &config, pg::Connection &src)
{
    LagMeasure m = begin(config, LagKind::Queue);
    const std::string control = config.text("control");
    const QualifiedName queue = QualifiedName::fromCatalogText(control);
    auto stats = src.exec("SELECT c.reltuples::bigint, coalesce(s.n_live_tup, 0) FROM pg_catalog.pg_class c "
                          "LEFT JOIN pg_catalog.pg_stat_all_tables s ON s.relid = c.oid "
                          "WHERE c.oid = pg_catalog.to_regclass($1)",
                          {queue.quoted()});
    if (stats.rows() == 0)
        throw pg::Error::usage("Source queue table missing (" + control + ")", pg::Side::Source,
                               "the source no longer queues changes: destroy and make the replication again");
    // A bounded scan: exact for the queues one meets day to day, and never a
    // full scan of a queue that has grown huge (then the planner's figures).
    const long long counted = src.exec("SELECT count(*) FROM (SELECT FROM " + queue.quoted() + " LIMIT "
                                       + std::to_string(kExactQueueLimit + 1) + ") q")
                                  .toInt(0, 0);
    if (counted <= kExactQueueLimit) {
        m.amount = counted;
        m.message = "rows in the queue " + control + ", counted";
    } else {
        m.amount = std::max({counted, static_cast<long long>(stats.toInt(0, 0)), static_cast<long long>(stats.toInt(0, 1))});
        m.estimated = true;
        m.message = "rows in the queue " + control + ", estimated from the source's statistics (more than "
            + std::to_string(kExactQueueLimit) + ")";
    }
    return m;
}

// last_value as the engine reads it (ISO, in the destination session's zone).
std::string lastValue(pg::Connection &dest, const std::string &schema, const catalog::ConfigRow &config)
{
    pg::Transaction tx(dest);
    replication::incremental::setValueFormats(dest);
    auto v = dest.exec("SELECT last_value::text FROM " + pg::quoteIdent(schema) + "."
                           + pg::quoteIdent(catalog::configTableFor(config.type())) + " WHERE dest_table = $1",
                       {config.destTable()})
                 .text(0, 0);
    tx.commit();
    return v;
}

// Whether a btree index leads with the column, so counting rows above a
// value reads only those rows.
bool leadingIndex(pg::Connection &src, uint32_t rel, const std::string &column)
{
    return src.exec("SELECT EXISTS (SELECT FROM pg_catalog.pg_index i "
                    "  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid JOIN pg_catalog.pg_am a ON a.oid = ic.relam "
                    "  JOIN pg_catalog.pg_attribute at ON at.attrelid = i.indrelid AND at.attnum = i.indkey[0] "
                    " WHERE i.indrelid = $1::oid AND at.attname = $2 AND a.amname = 'btree' AND i.indpred IS NULL)",
                    {std::to_string(rel), column})
        .toBool(0, 0);
}

LagMeasure measureControl(pg::Connection &dest, const std::string &schema, const catalog::ConfigRow &config, pg::Connection &src,
                          const replication::incremental::Family &family)
{
    namespace inc = replication::incremental;
    const bool time = family.kind == ControlKind::Time;
    LagMeasure m = begin(config, time ? LagKind::ControlTime : LagKind::ControlSerial);
    const auto rel = replication::describeSource(src, QualifiedName::fromCatalogText(config.sourceTable()), config.array("filter"),
                                                 config.dataSourceId());
    const auto control = inc::describeControl(src, rel, config.text("control"), family.kind);
    const std::string last = lastValue(dest, schema, config);
    const bool nothingYet = last == inc::floorValue(family.kind);
    const std::string col = control.ident();
    if (time) {
        // Compared in the control's own type as a refresh compares it (a date as a timestamp, for an interval).
        const std::string type = control.castType == "date" ? "timestamp" : control.castType;
        auto r = src.exec("SELECT pg_catalog.max(" + col + ")::text, "
                          "GREATEST(pg_catalog.max(" + col + ")::" + type + " - $1::" + type + ", interval '0')::text, "
                          "extract(epoch FROM GREATEST(pg_catalog.max(" + col + ")::" + type + " - $1::" + type
                              + ", interval '0'))::float8 FROM " + rel.name.quoted(),
                          {nothingYet ? pg::Param() : pg::Param(last)});
        const auto newest = r.optText(0, 0);
        if (!newest) {
            m.message = "the source is empty; replicated up to " + last;
            m.behind = "00:00:00";
            m.behindSeconds = 0;
            m.amount = 0;
            return m;
        }
        if (nothingYet) {
            m.message = "nothing replicated yet; the source's newest " + control.name + " is " + *newest;
        } else {
            m.behind = r.text(0, 1);
            m.behindSeconds = r.optDouble(0, 2);
            m.message = "the source's newest " + control.name + " is " + *newest + ", replicated up to " + last;
        }
        if (leadingIndex(src, rel.oid, control.name)) {
            const long long n = src.exec("SELECT count(*) FROM (SELECT FROM " + rel.name.quoted() + " WHERE " + col + " > $1::"
                                             + control.castType + " LIMIT " + std::to_string(kExactControlLimit + 1) + ") s",
                                         {nothingYet ? std::string("-infinity") : last})
                                    .toInt(0, 0);
            if (n <= kExactControlLimit) {
                m.amount = n;
                *m.message += "; " + std::to_string(n) + " rows above it";
            } else {
                *m.message += "; more than " + std::to_string(kExactControlLimit) + " rows above it";
            }
        }
        return m;
    }
    auto r = src.exec("SELECT pg_catalog.max(" + col + ")::bigint::text FROM " + rel.name.quoted());
    const auto newest = r.optText(0, 0);
    if (!newest) {
        m.amount = 0;
        m.message = "the source is empty; replicated up to " + last;
    } else if (nothingYet) {
        m.message = "nothing replicated yet; the source's highest " + control.name + " is " + *newest;
    } else {
        m.amount = std::max<long long>(0, std::stoll(*newest) - std::stoll(last));
        m.message = "the source's highest " + control.name + " is " + *newest + ", replicated up to " + last;
    }
    return m;
}

// snap/table: the statistics' counters now against those stored at the last pull.
LagMeasure measureChanges(pg::Connection &dest, const std::string &schema, const catalog::ConfigRow &config, pg::Connection &src)
{
    LagMeasure m = begin(config, LagKind::Changes);
    m.estimated = true;
    const auto rel = replication::describeSource(src, QualifiedName::fromCatalogText(config.sourceTable()), config.array("filter"),
                                                 config.dataSourceId());
    const auto now = replication::readCounters(src, rel);
    if (!now.available) {
        m.message = "the source is a " + rel.kindName() + " without statistics: changes cannot be counted";
        return m;
    }
    // mimeo's columns first (snap with check_stats), then what we stored (snap, table).
    std::vector<long long> stored;
    if (config.has("n_tup_ins")) {
        const auto i = config.optInteger("n_tup_ins"), u = config.optInteger("n_tup_upd"), d = config.optInteger("n_tup_del");
        if (i && u && d)
            stored = {*i, *u, *d};
    }
    if (stored.empty())
        stored = replication::readTableState(dest, schema, config.destTable()).pulledCounters;
    if (stored.size() != 3) {
        m.message = "no statistics were stored at the last pull (check_stats off, or pulled by another program)";
        return m;
    }
    const auto current = now.asVector();
    long long sum = 0;
    for (size_t i = 0; i < 3; ++i) {
        if (current[i] < stored[i]) {
            m.message = "the source's statistics were reset since the last pull: changes cannot be counted";
            return m;
        }
        sum += current[i] - stored[i];
    }
    m.amount = sum;
    m.message = "rows inserted, updated and deleted on the source since the last pull (" + std::to_string(current[0] - stored[0])
        + "/" + std::to_string(current[1] - stored[1]) + "/" + std::to_string(current[2] - stored[2])
        + "), from its statistics, which lag";
    return m;
}

} // namespace

std::string lagKindName(LagKind k)
{
    switch (k) {
    case LagKind::Queue: return "queue";
    case LagKind::ControlTime: return "control_time";
    case LagKind::ControlSerial: return "control_serial";
    case LagKind::Changes: return "changes";
    case LagKind::Error: return "error";
    }
    return "error";
}

std::string describeLag(const LagMeasure &m)
{
    const std::string approx = m.estimated ? "~" : "";
    const auto amount = [&] { return m.amount ? approx + std::to_string(*m.amount) : std::string("?"); };
    switch (m.kind) {
    case LagKind::Queue: return amount() + " rows queued";
    case LagKind::ControlTime:
        if (!m.behind)
            return m.amount ? amount() + " rows not replicated yet" : "nothing replicated yet";
        return *m.behind + " behind" + (m.amount ? " (" + amount() + " rows)" : std::string());
    case LagKind::ControlSerial: return m.amount ? amount() + " values behind" : "nothing replicated yet";
    case LagKind::Changes: return m.amount ? amount() + " rows changed" : "unknown: " + m.message.value_or("no statistics");
    case LagKind::Error: return "error: " + m.message.value_or("?");
    }
    return "?";
}

LagMeasure measureLag(pg::Connection &dest, const std::string &schema, const catalog::ConfigRow &config, pg::Connection &src)
{
    const std::string type = config.type();
    if (type == "dml" || type == "logdel")
        return measureQueue(config, src);
    if (const auto family = replication::incremental::familyOf(type))
        return measureControl(dest, schema, config, src, *family);
    return measureChanges(dest, schema, config, src);
}

std::string lagColumnsSql(const std::string &a)
{
    return a + ".dest_table, " + a + ".measure, " + a + ".amount, " + a + ".behind::text, extract(epoch FROM " + a
        + ".behind)::float8, " + a + ".estimated, " + a + ".message, " + pg::isoUtcSql(a + ".measured_at", false) + ", " + a
        + ".measured_by";
}

std::optional<LagMeasure> lagFromRow(const pg::Result &r, int row, int col)
{
    if (r.isNull(row, col))
        return std::nullopt;
    LagMeasure m;
    m.destTable = r.text(row, col);
    const std::string kind = r.text(row, col + 1);
    for (auto k : {LagKind::Queue, LagKind::ControlTime, LagKind::ControlSerial, LagKind::Changes, LagKind::Error})
        if (lagKindName(k) == kind)
            m.kind = k;
    if (auto a = r.optInt(row, col + 2))
        m.amount = *a;
    m.behind = r.optText(row, col + 3);
    m.behindSeconds = r.optDouble(row, col + 4);
    m.estimated = r.toBool(row, col + 5);
    m.message = r.optText(row, col + 6);
    m.measuredAt = r.text(row, col + 7);
    m.measuredBy = r.text(row, col + 8);
    return m;
}

LagMeasure recordLag(pg::Connection &dest, const std::string &schema, const LagMeasure &m)
{
    auto r = dest.exec(
        "INSERT INTO " + pg::quoteIdent(schema) + ".studio_lag AS l "
        "(dest_table, measured_at, measured_by, measure, amount, behind, estimated, message) "
        "VALUES ($1, pg_catalog.clock_timestamp(), current_user, $2, $3::bigint, $4::interval, $5::boolean, $6) "
        "ON CONFLICT (dest_table) DO UPDATE SET measured_at = EXCLUDED.measured_at, measured_by = EXCLUDED.measured_by, "
        "measure = EXCLUDED.measure, amount = EXCLUDED.amount, behind = EXCLUDED.behind, estimated = EXCLUDED.estimated, "
        "message = EXCLUDED.message RETURNING " + lagColumnsSql("l"),
        {m.destTable, lagKindName(m.kind), m.amount ? pg::Param(std::to_string(*m.amount)) : pg::Param(), m.behind,
         std::string(m.estimated ? "t" : "f"), m.message ? pg::Param(pg::redact(*m.message)) : pg::Param()});
    return *lagFromRow(r, 0, 0);
}

LagMeasure recordLagError(pg::Connection &dest, const std::string &schema, const std::string &destTable, const std::string &message)
{
    LagMeasure m;
    m.destTable = destTable;
    m.kind = LagKind::Error;
    m.message = pg::redact(message);
    return recordLag(dest, schema, m);
}

LagMeasure measureAndRecordLag(pg::Connection &dest, const std::string &schema, const std::string &destTable, pg::Connection &src)
{
    const auto config = catalog::requireConfig(dest, schema, destTable);
    LagMeasure m;
    try {
        m = measureLag(dest, schema, config, src);
    } catch (const pg::Error &e) {
        return recordLagError(dest, schema, destTable, e.what());
    }
    return recordLag(dest, schema, m);
}

std::vector<LagMeasure> readLag(pg::Connection &dest, const std::string &schema)
{
    auto r = dest.exec("SELECT " + lagColumnsSql("l") + " FROM " + pg::quoteIdent(schema) + ".studio_lag l ORDER BY l.dest_table");
    std::vector<LagMeasure> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(*lagFromRow(r, i, 0));
    return out;
}

} // namespace mimeo::jobs
