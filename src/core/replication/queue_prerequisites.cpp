// SPDX-License-Identifier: PostgreSQL
#include "replication/queue_prerequisites.h"

#include "catalog/source_probe.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "pg/type_name.h"

#include <algorithm>

namespace mimeo::replication::queue {
namespace {

struct Problem {
    std::string what;
    std::string fix;
};

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

// The key from --pk-name/--pk-type, or the source's own; nullopt (with a
// problem recorded) when there is none.
std::optional<ReplicationKey> keyFor(pg::Connection &src, const SourceRelation &rel, const std::vector<Column> &allColumns, const MakeRequest &req,
                                     const SourceIndexes &indexes, std::vector<Problem> &problems)
{
    ReplicationKey key;
    if (!req.pkName.empty() || !req.pkType.empty()) {
        if (req.pkName.size() != req.pkType.size()) {
            problems.push_back({"--pk-name and --pk-type must list the same number of items "
                                "(mimeo: cannot manually set primary/unique key field(s) without defining type(s) or vice versa)",
                                "give one type per key column"});
            return std::nullopt;
        }
        key.manual = true;
        for (size_t i = 0; i < req.pkName.size(); ++i) {
            if (!findColumn(allColumns, req.pkName[i]))
                problems.push_back({"--pk-name names column " + req.pkName[i] + ", which " + rel.name.catalogText()
                                        + " does not have",
                                    "column names are case-sensitive"});
            // The type goes into the queue's CREATE TABLE and the catalog
            // row (which mimeo's own refresh reads): the source's spelling of
            // it, never the text as given.
            try {
                key.columns.push_back({req.pkName[i], pg::canonicalTypeName(src, req.pkType[i], "--pk-type " + req.pkType[i]
                                                                                                    + " (for " + req.pkName[i] + ")"),
                                       false});
            } catch (const pg::Error &e) {
                if (e.sqlstate().empty())
                    problems.push_back({e.message(), e.hint().empty() ? "give a type the source knows" : e.hint()});
                else
                    throw;
            }
        }
        return key;
    }
    if (!indexes.key) {
        problems.push_back({"source table " + rel.name.catalogText()
                                + " has no valid primary key or unique index on NOT NULL columns, so changed rows cannot be "
                                  "told apart",
                            "ALTER TABLE " + rel.name.quoted() + " ADD PRIMARY KEY (<columns>);  -- or give --pk-name and --pk-type"});
        return std::nullopt;
    }
    key.primary = indexes.key->primary;
    for (const auto &name : indexes.key->columns) {
        if (const Column *c = findColumn(allColumns, name))
            key.columns.push_back(*c);
    }
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

MakePlan checkMakePrerequisites(pg::Connection &src, const SourceRelation &rel, const MakeRequest &req,
                                const std::string &queueSchema, bool logdel)
{
    std::vector<Problem> problems;
    MakePlan plan;
    const std::string qtable = rel.name.quoted();

    if (rel.relkind != 'r' && rel.relkind != 'p') {
        problems.push_back({"source " + rel.name.catalogText() + " is a " + rel.kindName() + "; " + req.type
                                + " needs a table, because it records changes with a trigger on it",
                            "replicate a " + rel.kindName() + " with snap, table, inserter or updater, or the table behind it with "
                                + req.type});
    }

    // The key may be outside the filter only to be reported: read every column.
    const auto all = describeSource(src, rel.name, {}, req.dataSourceId);
    if (!rel.isView())
        plan.indexes = readSourceIndexes(src, rel.oid);
    if (auto key = keyFor(src, rel, all.columns, req, plan.indexes, problems)) {
        plan.key = *key;
        std::vector<std::string> outside;
        for (const auto &k : plan.key.names()) {
            if (!req.filter.empty() && !contains(req.filter, k))
                outside.push_back(k);
        }
        if (!outside.empty())
            problems.push_back({"filter list did not contain all columns that compose the primary/unique key of "
                                    + rel.name.catalogText() + " (missing: " + joined(outside) + ")",
                                "add them: --filter " + joined(req.filter) + "," + joined(outside)});
        if (!logdel && contains(plan.key.names(), "processed"))
            problems.push_back({"key column \"processed\" has the name of the queue table's own column",
                                "use another key (--pk-name/--pk-type) or rename the column"});
    }
    if (logdel) {
        for (const char *reserved : {"processed", "mimeo_source_deleted"}) {
            if (findColumn(rel.columns, reserved))
                problems.push_back({std::string("column \"") + reserved + "\" of " + rel.name.catalogText()
                                        + " has the name of a column logdel adds itself",
                                    "leave it out with --filter, or rename it"});
        }
    }

    const auto probe = catalog::probeSource(src, queueSchema);
    const std::string role = pg::quoteIdent(probe.role);
    if (!probe.queueSchemaExists)
        problems.push_back({"schema " + queueSchema + " does not exist on the source; " + req.type
                                + " keeps its queue table and trigger function there",
                            "CREATE SCHEMA " + pg::quoteIdent(queueSchema) + " AUTHORIZATION " + role + ";"});
    else if (!probe.queueSchemaCreate)
        problems.push_back({"role " + probe.role + " may not create objects in schema " + queueSchema + " on the source",
                            "GRANT USAGE, CREATE ON SCHEMA " + pg::quoteIdent(queueSchema) + " TO " + role + ";"});
    auto privileges = src.exec("SELECT pg_catalog.has_table_privilege($1::oid, 'SELECT'), "
                               "pg_catalog.has_table_privilege($1::oid, 'TRIGGER')",
                               {std::to_string(rel.oid)});
    if (!privileges.toBool(0, 0))
        problems.push_back({"role " + probe.role + " may not read " + rel.name.catalogText(),
                            "GRANT SELECT ON TABLE " + qtable + " TO " + role + ";"});
    if (!privileges.toBool(0, 1))
        problems.push_back({"role " + probe.role + " may not create triggers on " + rel.name.catalogText(),
                            "GRANT TRIGGER ON TABLE " + qtable + " TO " + role + ";"});

    if (!problems.empty()) {
        std::string message = "cannot make " + req.type + " replication of " + rel.name.catalogText() + ":";
        std::string hint = "fix on the source, then run make again:";
        for (const auto &p : problems) {
            message += "\n  - " + p.what;
            hint += "\n  " + p.fix;
        }
        throw pg::Error::usage(message, pg::Side::Source, hint);
    }
    return plan;
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
