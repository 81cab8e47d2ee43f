// SPDX-License-Identifier: PostgreSQL
#include "catalog/roles.h"

#include "catalog/config_tables.h"
#include "catalog/replication_identity.h"
#include "catalog/replication_types.h"
#include "pg/array.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "pg/quote.h"
#include "pg/savepoint.h"

#include <set>

namespace mimeo::catalog {
namespace {

bool roleExists(pg::Connection &dest, const std::string &role)
{
    return dest.exec("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1)", {role}).toBool(0, 0);
}

// The configured destination names (of one table, or all), split with the
// catalog's own rules: a name that holds a dot must never be cut in two by
// SQL string functions (issue 13.1).
std::vector<std::pair<pg::QualifiedName, std::string>> configuredDestinations(pg::Connection &dest, const std::string &schema,
                                                                              const std::string &onlyTable = {})
{
    auto r = dest.exec("SELECT dest_table, type FROM " + pg::quoteIdent(schema) + ".refresh_config WHERE $1 = '' OR dest_table = $1",
                       {onlyTable});
    std::vector<std::pair<pg::QualifiedName, std::string>> out;
    for (int i = 0; i < r.rows(); ++i)
        out.emplace_back(pg::QualifiedName::fromCatalogText(r.text(i, 0)), r.text(i, 1));
    return out;
}

// Every relation the configured tables consist of on the destination (the
// view and both tables of a snapshot), as quoted names with their kind.
std::vector<std::pair<std::string, char>> destinationObjects(pg::Connection &dest, const std::string &schema,
                                                             const std::string &onlyTable = {})
{
    std::vector<std::string> schemas, names;
    for (const auto &[name, type] : configuredDestinations(dest, schema, onlyTable)) {
        schemas.push_back(name.schema);
        names.push_back(name.name);
        if (const auto *t = findType(type); t && t->family == TypeFamily::Snapshot) {
            for (const char *suffix : {"_snap1", "_snap2"}) {
                schemas.push_back(name.schema);
                names.push_back(name.name + suffix);
            }
        }
    }
    auto r = dest.exec(R"SQL(
        SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname), c.relkind
          FROM unnest($1::text[], $2::text[]) AS w (nsp, rel)
          JOIN pg_catalog.pg_namespace n ON n.nspname = w.nsp
          JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = w.rel
         WHERE c.relkind IN ('r', 'p', 'v')
         ORDER BY 1)SQL",
                       {pg::toTextArrayLiteral(schemas), pg::toTextArrayLiteral(names)});
    std::vector<std::pair<std::string, char>> out;
    for (int i = 0; i < r.rows(); ++i)
        out.emplace_back(r.text(i, 0), r.value(i, 1)[0]);
    return out;
}

std::string alterOwner(const std::string &object, char kind, const std::string &owner)
{
    return std::string(kind == 'v' ? "ALTER VIEW " : "ALTER TABLE ") + object + " OWNER TO " + pg::quoteIdent(owner);
}

std::vector<std::string> operatorRights(pg::Connection &dest, const std::string &schema)
{
    const std::string qs = pg::quoteIdent(schema);
    const std::string op = pg::quoteIdent(operatorGroup(schema));
    std::vector<std::string> sql;
    sql.push_back("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + qs + " TO " + op);
    std::string parents = qs + ".refresh_config";
    for (const auto &t : makeTypes())
        if (!t.isConcrete()) // inserter and updater: the parents of their time and serial tables
            parents += ", " + qs + "." + pg::quoteIdent(std::string(t.configTable));
    std::string children;
    for (const auto &t : concreteTypes())
        children += ", " + qs + "." + pg::quoteIdent(std::string(t.configTable));
    sql.push_back("REVOKE UPDATE ON " + parents + children + " FROM " + op);
    for (const auto &t : concreteTypes()) {
        const std::string type(t.name);
        const std::string table(t.configTable);
        auto cols = dest.exec("SELECT a.attname FROM pg_catalog.pg_attribute a "
                              "WHERE a.attrelid = pg_catalog.to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped "
                              "AND a.attname <> 'dest_table' AND a.attname <> ALL ($2::text[]) ORDER BY a.attnum",
                              {qs + "." + pg::quoteIdent(table), pg::toTextArrayLiteral(recordedColumns(type))});
        std::vector<std::string> names;
        for (int i = 0; i < cols.rows(); ++i)
            names.push_back(cols.text(i, 0));
        if (!names.empty())
            sql.push_back("GRANT UPDATE (" + pg::quoteIdentList(names) + ") ON " + qs + "." + pg::quoteIdent(table) + " TO " + op);
    }
    return sql;
}

} // namespace

std::vector<std::string> planOperatorCatalogRights(pg::Connection &dest, const std::string &schema)
{
    if (!roleExists(dest, operatorGroup(schema)))
        return {};
    return operatorRights(dest, schema);
}

std::string monitorGroup(const std::string &schema) { return pg::clipIdentifier(schema + "_monitor"); }
std::string operatorGroup(const std::string &schema) { return pg::clipIdentifier(schema + "_operator"); }

std::vector<std::string> planGrant(pg::Connection &dest, const std::string &schema, const std::string &role, RoleLevel level)
{
    if (!roleExists(dest, role))
        throw pg::Error::usage("role " + role + " does not exist", pg::Side::Destination,
                               "create it first: CREATE ROLE " + pg::quoteIdent(role) + " LOGIN;");
    const std::string qs = pg::quoteIdent(schema);
    const std::string mon = pg::quoteIdent(monitorGroup(schema));
    const std::string op = pg::quoteIdent(operatorGroup(schema));
    std::vector<std::string> sql;
    if (!roleExists(dest, monitorGroup(schema)))
        sql.push_back("CREATE ROLE " + mon + " NOLOGIN");
    // Monitors read everything but the stored passwords: not pwd, and not
    // data_source either, which may hold password=... (a catalog adopted from
    // the extension); they list sources through studio_source_list, masked.
    sql.push_back("GRANT USAGE ON SCHEMA " + qs + " TO " + mon);
    auto tables = dest.exec("SELECT pg_catalog.quote_ident(c.relname), c.relname FROM pg_catalog.pg_class c "
                            "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                            "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname",
                            {schema});
    for (int i = 0; i < tables.rows(); ++i) {
        const std::string t = qs + "." + tables.text(i, 0);
        if (tables.text(i, 1) == "dblink_mapping_mimeo") {
            sql.push_back("GRANT SELECT (data_source_id, username) ON " + t + " TO " + mon);
            sql.push_back("GRANT SELECT ON " + qs + ".studio_source_list TO " + mon);
        } else if (tables.text(i, 1) == "studio_lag") {
            // Measuring how far behind a table is, is watching it: monitors record it.
            sql.push_back("GRANT SELECT, INSERT, UPDATE ON " + t + " TO " + mon);
        } else
            sql.push_back("GRANT SELECT ON " + t + " TO " + mon);
    }
    if (level == RoleLevel::Operator) {
        if (!roleExists(dest, operatorGroup(schema)))
            sql.push_back("CREATE ROLE " + op + " NOLOGIN");
        sql.push_back("GRANT " + mon + " TO " + op);
        const auto rights = operatorRights(dest, schema);
        sql.insert(sql.end(), rights.begin(), rights.end());
        sql.push_back("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + qs + " TO " + op);
        // Makers create tables in the destination schemas; refreshes replace
        // views and rebuild indexes, which only an owner may do.
        std::set<std::string> schemas;
        for (const auto &entry : configuredDestinations(dest, schema))
            schemas.insert(entry.first.schema);
        for (const auto &s : schemas)
            sql.push_back("GRANT USAGE, CREATE ON SCHEMA " + pg::quoteIdent(s) + " TO " + op);
        for (const auto &[object, kind] : destinationObjects(dest, schema))
            sql.push_back(alterOwner(object, kind, operatorGroup(schema)));
        sql.push_back("GRANT " + op + " TO " + pg::quoteIdent(role));
    } else {
        sql.push_back("GRANT " + mon + " TO " + pg::quoteIdent(role));
    }
    return sql;
}

std::vector<std::string> planRevoke(pg::Connection &dest, const std::string &schema, const std::string &role)
{
    if (!roleExists(dest, role))
        throw pg::Error::usage("role " + role + " does not exist", pg::Side::Destination);
    std::vector<std::string> sql;
    for (const auto &group : {operatorGroup(schema), monitorGroup(schema)}) {
        const bool member = dest.exec("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m "
                                      "JOIN pg_catalog.pg_roles g ON g.oid = m.roleid JOIN pg_catalog.pg_roles r ON r.oid = m.member "
                                      "WHERE g.rolname = $1 AND r.rolname = $2)",
                                      {group, role})
                                .toBool(0, 0);
        if (member)
            sql.push_back("REVOKE " + pg::quoteIdent(group) + " FROM " + pg::quoteIdent(role));
    }
    return sql;
}

void applyStatements(pg::Connection &dest, const std::vector<std::string> &statements)
{
    pg::Transaction tx(dest);
    for (const auto &s : statements)
        dest.exec(s);
    tx.commit();
}

std::string handOverToOperators(pg::Connection &dest, const std::string &schema, const std::string &destTable)
{
    const std::string op = operatorGroup(schema);
    if (!roleExists(dest, op))
        return {};
    std::string problems;
    for (const auto &[object, kind] : destinationObjects(dest, schema, destTable)) {
        const std::string sql = alterOwner(object, kind, op);
        if (auto e = pg::attemptInSavepoint(dest, [&] { dest.exec(sql); }))
            problems += (problems.empty() ? "" : "; ") + e->message();
    }
    return problems;
}

std::vector<LoginRole> listLoginRoles(pg::Connection &dest, const std::string &schema)
{
    // Direct membership only: that is what grant and revoke change.
    auto r = dest.exec(R"SQL(
        SELECT r.rolname, r.rolsuper,
               EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                        WHERE m.member = r.oid AND g.rolname = $1),
               EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                        WHERE m.member = r.oid AND g.rolname = $2)
          FROM pg_catalog.pg_roles r
         WHERE r.rolcanlogin AND r.rolname !~ '^pg_'
         ORDER BY r.rolname)SQL",
                       {monitorGroup(schema), operatorGroup(schema)});
    std::vector<LoginRole> roles;
    roles.reserve(static_cast<size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        roles.push_back({r.text(i, 0), r.toBool(i, 1), r.toBool(i, 2), r.toBool(i, 3)});
    return roles;
}

} // namespace mimeo::catalog
