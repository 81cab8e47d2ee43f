#include "catalog/roles.h"

#include "pg/connection.h"
#include "pg/error.h"
#include "pg/quote.h"
#include "pg/savepoint.h"

namespace mimeo::catalog {
namespace {

bool roleExists(pg::Connection &dest, const std::string &role)
{
    return dest.exec("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1)", {role}).toBool(0, 0);
}

// Every relation the configured tables consist of on the destination (the
// view and both tables of a snapshot), as quoted names with their kind.
std::vector<std::pair<std::string, char>> destinationObjects(pg::Connection &dest, const std::string &schema,
                                                             const std::string &onlyTable = {})
{
    auto r = dest.exec(R"SQL(
        WITH names AS (
            SELECT split_part(dest_table, '.', 1) AS nsp, substr(dest_table, strpos(dest_table, '.') + 1) AS rel, type
              FROM )SQL" + pg::quoteIdent(schema) + R"SQL(.refresh_config
             WHERE $1 = '' OR dest_table = $1),
        wanted AS (
            SELECT nsp, rel FROM names
            UNION ALL SELECT nsp, rel || '_snap1' FROM names WHERE type = 'snap'
            UNION ALL SELECT nsp, rel || '_snap2' FROM names WHERE type = 'snap')
        SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname), c.relkind
          FROM wanted w
          JOIN pg_catalog.pg_namespace n ON n.nspname = w.nsp
          JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = w.rel
         WHERE c.relkind IN ('r', 'p', 'v')
         ORDER BY 1)SQL",
                       {onlyTable});
    std::vector<std::pair<std::string, char>> out;
    for (int i = 0; i < r.rows(); ++i)
        out.emplace_back(r.text(i, 0), r.value(i, 1)[0]);
    return out;
}

std::string alterOwner(const std::string &object, char kind, const std::string &owner)
{
    return std::string(kind == 'v' ? "ALTER VIEW " : "ALTER TABLE ") + object + " OWNER TO " + pg::quoteIdent(owner);
}

} // namespace

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
        } else
            sql.push_back("GRANT SELECT ON " + t + " TO " + mon);
    }
    if (level == RoleLevel::Operator) {
        if (!roleExists(dest, operatorGroup(schema)))
            sql.push_back("CREATE ROLE " + op + " NOLOGIN");
        sql.push_back("GRANT " + mon + " TO " + op);
        sql.push_back("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + qs + " TO " + op);
        sql.push_back("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + qs + " TO " + op);
        // Makers create tables in the destination schemas; refreshes replace
        // views and rebuild indexes, which only an owner may do.
        auto schemas = dest.exec("SELECT DISTINCT pg_catalog.quote_ident(split_part(dest_table, '.', 1)) FROM " + qs
                                 + ".refresh_config ORDER BY 1");
        for (int i = 0; i < schemas.rows(); ++i)
            sql.push_back("GRANT USAGE, CREATE ON SCHEMA " + schemas.text(i, 0) + " TO " + op);
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

} // namespace mimeo::catalog
