// SPDX-License-Identifier: PostgreSQL
#include "replication/queue_orphans.h"

#include "catalog/table_lock.h"
#include "pg/connection.h"
#include "replication/queue_names.h"

#include <set>
#include <stdexcept>

namespace mimeo::replication::queue {
namespace {

std::string markerPrefix(const std::string &identity) { return "mimeo queue made by " + identity + " for "; }

// Reads a "double-quoted" token at pos ("" is a quote); advances pos past it.
std::optional<std::string> quotedToken(const std::string &s, size_t &pos)
{
    if (pos >= s.size() || s[pos] != '"')
        return std::nullopt;
    std::string out;
    for (size_t i = pos + 1; i < s.size(); ++i) {
        if (s[i] != '"') {
            out += s[i];
        } else if (i + 1 < s.size() && s[i + 1] == '"') {
            out += '"';
            ++i;
        } else {
            pos = i + 1;
            return out;
        }
    }
    return std::nullopt;
}

struct Marked {
    std::string queue; // table name in the queue schema
    pg::QualifiedName source;
    std::string destTable;
};

// The source table and destination table a marker names, if it is exactly
// one ownerMarker() of this identity would write.
std::optional<Marked> parseMarker(const std::string &identity, const std::string &queue, const std::string &comment)
{
    const std::string prefix = markerPrefix(identity);
    if (comment.compare(0, prefix.size(), prefix) != 0)
        return std::nullopt;
    size_t pos = prefix.size();
    const auto destTable = quotedToken(comment, pos);
    const std::string from = " from ";
    if (!destTable || comment.compare(pos, from.size(), from) != 0)
        return std::nullopt;
    try {
        const auto source = pg::QualifiedName::parse(comment.substr(pos + from.size()));
        if (ownerMarker(identity, source, *destTable) != comment)
            return std::nullopt;
        return Marked{queue, source, *destTable};
    } catch (const std::invalid_argument &) {
        return std::nullopt;
    }
}

std::vector<Marked> markedQueues(pg::Connection &src, const std::string &queueSchema, const std::string &identity)
{
    auto r = src.exec("SELECT c.relname, d.description FROM pg_catalog.pg_class c "
                      "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                      "JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0 "
                      "AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass "
                      "WHERE n.nspname = $1 AND c.relkind = 'r' "
                      "AND pg_catalog.left(d.description, pg_catalog.length($2)) = $2 ORDER BY 1",
                      {queueSchema, markerPrefix(identity)});
    std::vector<Marked> out;
    for (int i = 0; i < r.rows(); ++i) {
        if (auto m = parseMarker(identity, r.text(i, 0), r.text(i, 1)))
            out.push_back(*m);
    }
    return out;
}

std::set<std::string> referencedQueues(pg::Connection &dest, const std::string &catalogSchema)
{
    const std::string s = pg::quoteIdent(catalogSchema);
    auto r = dest.exec("SELECT control FROM " + s + ".refresh_config_dml UNION SELECT control FROM " + s
                       + ".refresh_config_logdel");
    std::set<std::string> out;
    for (int i = 0; i < r.rows(); ++i)
        out.insert(r.text(i, 0));
    return out;
}

// No make of destTable is running: its advisory lock is free.
bool noMakeRunning(pg::Connection &dest, const std::string &destTable)
{
    if (dest.inTransaction())
        return catalog::acquireTableLock(dest, destTable, catalog::LockWait::noWait());
    pg::Transaction tx(dest);
    return catalog::acquireTableLock(dest, destTable, catalog::LockWait::noWait()); // released by the rollback
}

} // namespace

std::string destinationIdentity(pg::Connection &dest, const std::string &catalogSchema)
{
    auto r = dest.exec("SELECT s.system_identifier::text, pg_catalog.current_database() FROM pg_catalog.pg_control_system() s");
    return r.text(0, 0) + "/" + pg::quoteIdent(r.text(0, 1)) + "/" + pg::quoteIdent(catalogSchema);
}

std::string ownerMarker(const std::string &identity, const pg::QualifiedName &source, const std::string &destTable)
{
    return markerPrefix(identity) + pg::quoteIdent(destTable) + " from " + source.quoted();
}

std::vector<OrphanedQueue> findOrphanedQueues(pg::Connection &src, pg::Connection &dest, const std::string &catalogSchema,
                                              const std::optional<std::string> &destTable, bool lockHeld)
{
    const auto identity = destinationIdentity(dest, catalogSchema);
    auto marked = markedQueues(src, catalogSchema, identity);
    std::vector<OrphanedQueue> out;
    if (marked.empty())
        return out;
    const auto referenced = referencedQueues(dest, catalogSchema);
    for (const auto &m : marked) {
        if (destTable && m.destTable != *destTable)
            continue;
        if (referenced.count(controlText(catalogSchema, m.queue)))
            continue;
        if (!lockHeld && !noMakeRunning(dest, m.destTable))
            continue; // being made right now
        OrphanedQueue o;
        o.source = m.source;
        o.destTable = m.destTable;
        o.objects = findQueueObjects(src, m.source, {catalogSchema, m.queue});
        o.dropStatements = dropStatements(m.source, o.objects);
        out.push_back(std::move(o));
    }
    return out;
}

} // namespace mimeo::replication::queue
