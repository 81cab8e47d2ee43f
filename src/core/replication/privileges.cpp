// SPDX-License-Identifier: PostgreSQL
#include "replication/privileges.h"

#include "pg/connection.h"
#include "pg/error.h"
#include "pg/savepoint.h"

namespace mimeo::replication {

SavedPrivileges savePrivileges(pg::Connection &dest, const pg::QualifiedName &relation)
{
    SavedPrivileges saved;
    auto o = dest.exec("SELECT pg_catalog.pg_get_userbyid(c.relowner) FROM pg_catalog.pg_class c "
                       "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2",
                       {relation.schema, relation.name});
    if (o.rows() == 0)
        return saved;
    saved.found = true;
    saved.owner = o.text(0, 0);
    auto r = dest.exec(R"SQL(
        SELECT a.privilege_type,
               CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(a.grantee)) END,
               a.is_grantable, ''
          FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
         WHERE c.oid = $1::regclass AND a.grantee <> c.relowner
        UNION ALL
        SELECT a.privilege_type,
               CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(a.grantee)) END,
               a.is_grantable, att.attname
          FROM pg_catalog.pg_attribute att, pg_catalog.aclexplode(att.attacl) a
         WHERE att.attrelid = $1::regclass AND att.attacl IS NOT NULL AND NOT att.attisdropped)SQL",
                       {relation.quoted()});
    for (int i = 0; i < r.rows(); ++i)
        saved.grants.push_back({r.text(i, 0), r.text(i, 1), r.toBool(i, 2), r.text(i, 3)});
    return saved;
}

void restorePrivileges(pg::Connection &dest, const pg::QualifiedName &relation, bool isView, const SavedPrivileges &saved,
                       const std::function<void(const std::string &)> &warn)
{
    if (!saved.found)
        return;
    auto attempt = [&](const std::string &sql, const std::string &what) {
        if (auto e = pg::attemptInSavepoint(dest, [&] { dest.exec(sql); }); e && warn)
            warn(what + " not restored on " + relation.catalogText() + ": " + e->message());
    };
    for (const auto &g : saved.grants) {
        std::string sql = "GRANT " + g.privilege;
        if (!g.column.empty())
            sql += " (" + pg::quoteIdent(g.column) + ")";
        sql += " ON TABLE " + relation.quoted() + " TO " + g.grantee;
        if (g.grantable)
            sql += " WITH GRANT OPTION";
        attempt(sql, g.privilege + (g.column.empty() ? "" : " (" + g.column + ")") + " for " + g.grantee);
    }
    // The owner last: ALTER ... OWNER rewrites the grantor of the grants above.
    const auto current = dest.exec("SELECT pg_catalog.pg_get_userbyid(relowner) FROM pg_catalog.pg_class WHERE oid = $1::regclass",
                                   {relation.quoted()});
    if (current.rows() == 1 && current.text(0, 0) != saved.owner)
        attempt(std::string(isView ? "ALTER VIEW " : "ALTER TABLE ") + relation.quoted() + " OWNER TO "
                    + pg::quoteIdent(saved.owner),
                "owner " + saved.owner);
}

} // namespace mimeo::replication
