// SPDX-License-Identifier: PostgreSQL
#include "replication/change_detector.h"

#include "pg/array.h"
#include "pg/connection.h"
#include "pg/error.h"


namespace mimeo::replication {
namespace {

struct TxidSnapshot {
    long long xmin = 0;
    long long xmax = 0;
    std::vector<long long> xip;
};

std::optional<TxidSnapshot> parseSnapshot(const std::string &text)
{
    // "xmin:xmax:xip1,xip2,..."
    TxidSnapshot s;
    const auto c1 = text.find(':');
    const auto c2 = c1 == std::string::npos ? c1 : text.find(':', c1 + 1);
    if (c2 == std::string::npos)
        return std::nullopt;
    try {
        s.xmin = std::stoll(text.substr(0, c1));
        s.xmax = std::stoll(text.substr(c1 + 1, c2 - c1 - 1));
        std::string rest = text.substr(c2 + 1);
        size_t pos = 0;
        while (pos < rest.size()) {
            const auto comma = rest.find(',', pos);
            const std::string item = rest.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
            if (!item.empty())
                s.xip.push_back(std::stoll(item));
            if (comma == std::string::npos)
                break;
            pos = comma + 1;
        }
    } catch (const std::exception &) {
        return std::nullopt;
    }
    return s;
}

std::string describe(const std::vector<long long> &c)
{
    return c.size() == 3 ? std::to_string(c[0]) + "/" + std::to_string(c[1]) + "/" + std::to_string(c[2]) : "?";
}

// More transactions than this since the last pull: do not bother checking each.
constexpr long long kMaxTransactionsToCheck = 10000;

} // namespace

SourceCounters readCounters(pg::Connection &src, const SourceRelation &rel)
{
    SourceCounters c;
    if (rel.relkind != 'r' && rel.relkind != 'p')
        return c;
    const std::string sql = rel.relkind == 'p'
        ? "SELECT sum(s.n_tup_ins), sum(s.n_tup_upd), sum(s.n_tup_del), count(*) > 0, sum(s.n_live_tup) "
          "FROM pg_catalog.pg_partition_tree($1::oid) p "
          "JOIN pg_catalog.pg_stat_all_tables s ON s.relid = p.relid WHERE p.isleaf"
        : "SELECT n_tup_ins, n_tup_upd, n_tup_del, true, n_live_tup FROM pg_catalog.pg_stat_all_tables WHERE relid = $1::oid";
    auto r = src.exec(sql, {std::to_string(rel.oid)});
    if (r.rows() == 0 || r.isNull(0, 0) || !r.toBool(0, 3))
        return c;
    c.available = true;
    c.inserted = r.toInt(0, 0);
    c.updated = r.toInt(0, 1);
    c.deleted = r.toInt(0, 2);
    c.live = r.toInt(0, 4);
    return c;
}

SkipDecision decideSkip(pg::Connection &src, const SourceCounters &now, const std::optional<std::vector<long long>> &stored,
                        const TableState &state)
{
    if (!now.available)
        return {false, "the source has no statistics for this relation"};
    if (!stored)
        return {false, "no counters stored from an earlier pull"};
    if (now.asVector() != *stored)
        return {false, "source counters moved (inserted/updated/deleted " + describe(*stored) + " -> "
                           + describe(now.asVector()) + ")"};
    if (!state.pulledSnapshot || state.pulledCounters != *stored)
        return {false, "the last pull was not recorded by Mimeo Studio (made or refreshed elsewhere)"};
    const auto pulled = parseSnapshot(*state.pulledSnapshot);
    if (!pulled)
        return {false, "the recorded source snapshot is unreadable"};
    if (src.serverVersion() < 100000)
        return {false, "the source is older than PostgreSQL 10 (no txid_status)"};
    const auto current = parseSnapshot(src.exec("SELECT pg_catalog.txid_current_snapshot()::text").text(0, 0));
    if (!current)
        return {false, "the source's snapshot is unreadable"};
    if (current->xmax < pulled->xmax)
        return {false, "the source's transaction counter went backwards (restored or replaced server)"};
    if (current->xmax - pulled->xmax > kMaxTransactionsToCheck)
        return {false, std::to_string(current->xmax - pulled->xmax) + " transactions started on the source since the last pull"};

    // Every transaction that could have committed after the pull's snapshot.
    std::vector<std::string> candidates;
    for (long long x : pulled->xip)
        candidates.push_back(std::to_string(x));
    for (long long x = pulled->xmax; x < current->xmax; ++x)
        candidates.push_back(std::to_string(x));
    if (candidates.empty())
        return {true, "source unchanged since the last pull (statistics and transactions checked: counters "
                          + describe(now.asVector()) + ", no transaction since)"};
    long long committed = 0;
    try {
        committed = src.exec("SELECT count(*) FROM pg_catalog.unnest($1::bigint[]) x "
                             "WHERE pg_catalog.txid_status(x) = 'committed'",
                             {pg::toTextArrayLiteral(candidates)})
                        .toInt(0, 0);
    } catch (const pg::Error &e) {
        return {false, "could not check the source's transactions: " + e.message()};
    }
    if (committed > 0)
        return {false, std::to_string(committed) + " write transaction(s) committed on the source since the last pull; "
                           "statistics may not show them yet"};
    return {true, "source unchanged since the last pull (statistics and transactions checked: counters "
                      + describe(now.asVector()) + ", no write transaction committed since)"};
}

} // namespace mimeo::replication
