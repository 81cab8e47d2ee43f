// SPDX-License-Identifier: PostgreSQL
#include "catalog/source_probe.h"

#include "pg/array.h"
#include "pg/connection.h"
#include "pg/quote.h"

namespace mimeo::catalog {

RelationAccess probeRelationAccess(pg::Connection &src, const pg::QualifiedName &name, uint32_t oid,
                                   const std::vector<std::string> &columns)
{
    // has_column_privilege is true for every column when the table is granted.
    auto r = src.exec("SELECT current_user, pg_catalog.has_schema_privilege(c.relnamespace, 'USAGE'), "
                      "(SELECT coalesce(bool_and(pg_catalog.has_column_privilege(c.oid, a.attnum, 'SELECT')), false) "
                      "   FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                      "    AND (pg_catalog.cardinality($2::text[]) = 0 OR a.attname = ANY ($2::text[]))), "
                      "pg_catalog.has_table_privilege(c.oid, 'TRIGGER') "
                      "FROM pg_catalog.pg_class c WHERE c.oid = $1::oid",
                      {std::to_string(oid), pg::toTextArrayLiteral(columns)});
    RelationAccess a;
    if (r.rows() == 0)
        return a;
    a.role = r.text(0, 0);
    const std::string role = pg::quoteIdent(a.role);
    a.usage = r.toBool(0, 1);
    a.select = r.toBool(0, 2);
    a.trigger = r.toBool(0, 3);
    a.usageFix = "GRANT USAGE ON SCHEMA " + pg::quoteIdent(name.schema) + " TO " + role + ";";
    a.selectFix = "GRANT SELECT ON TABLE " + name.quoted() + " TO " + role + ";";
    a.triggerFix = "GRANT TRIGGER ON TABLE " + name.quoted() + " TO " + role + ";";
    return a;
}

SourceProbe probeSource(pg::Connection &src, const std::string &queueSchema)
{
    SourceProbe p;
    p.queueSchema = queueSchema;
    auto r = src.exec("SELECT current_setting('server_version'), current_setting('server_version_num')::int, "
                      "pg_catalog.pg_is_in_recovery(), current_user, "
                      "(SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user), "
                      "current_setting('track_counts')::bool");
    p.serverVersion = r.text(0, 0);
    p.serverVersionNum = static_cast<int>(r.toInt(0, 1));
    p.standby = r.toBool(0, 2);
    p.role = r.text(0, 3);
    p.superuser = r.toBool(0, 4);
    p.trackCounts = r.toBool(0, 5);
    const std::string qrole = pg::quoteIdent(p.role);

    r = src.exec("SELECT n.oid IS NOT NULL, coalesce(pg_catalog.has_schema_privilege(n.oid, 'CREATE, USAGE'), false) "
                 "FROM (SELECT 1) x LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = $1",
                 {queueSchema});
    p.queueSchemaExists = r.toBool(0, 0);
    p.queueSchemaCreate = r.toBool(0, 1);
    if (!p.queueSchemaExists) {
        p.missing.push_back({"schema " + queueSchema + " does not exist", "dml and logdel, whose queue tables live there",
                             "CREATE SCHEMA " + pg::quoteIdent(queueSchema) + " AUTHORIZATION " + qrole + ";"});
    } else if (!p.queueSchemaCreate) {
        p.missing.push_back({"USAGE and CREATE on schema " + queueSchema, "dml and logdel, whose queue tables live there",
                             "GRANT USAGE, CREATE ON SCHEMA " + pg::quoteIdent(queueSchema) + " TO " + qrole + ";"});
    }

    // Per schema: how many tables there are, and how many we can read and
    // put triggers on; a schema we cannot even use is reported as such.
    r = src.exec(R"SQL(
        SELECT n.nspname,
               pg_catalog.has_schema_privilege(n.oid, 'USAGE'),
               count(*),
               count(*) FILTER (WHERE pg_catalog.has_table_privilege(c.oid, 'SELECT')),
               count(*) FILTER (WHERE pg_catalog.has_table_privilege(c.oid, 'TRIGGER'))
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
           AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
           AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
           AND n.nspname <> $1
         GROUP BY n.nspname, n.oid
         ORDER BY n.nspname)SQL",
                 {queueSchema});
    for (int i = 0; i < r.rows(); ++i) {
        const std::string schema = r.text(i, 0);
        const bool usage = r.toBool(i, 1);
        const int64_t total = r.toInt(i, 2);
        const int64_t sel = usage ? r.toInt(i, 3) : 0;
        const int64_t trg = usage ? r.toInt(i, 4) : 0;
        p.tables += total;
        p.selectable += sel;
        p.triggerable += trg;
        const std::string qschema = pg::quoteIdent(schema);
        if (!usage) {
            p.missing.push_back({"USAGE on schema " + schema, "every replication type",
                                 "GRANT USAGE ON SCHEMA " + qschema + " TO " + qrole + ";"});
        }
        if (sel < total) {
            p.missing.push_back({"SELECT on " + std::to_string(total - sel) + " of " + std::to_string(total)
                                     + " tables and views in schema " + schema,
                                 "every replication type",
                                 "GRANT SELECT ON ALL TABLES IN SCHEMA " + qschema + " TO " + qrole + ";"});
        }
        if (trg < total) {
            p.missing.push_back({"TRIGGER on " + std::to_string(total - trg) + " of " + std::to_string(total)
                                     + " tables and views in schema " + schema,
                                 "dml and logdel",
                                 "GRANT TRIGGER ON ALL TABLES IN SCHEMA " + qschema + " TO " + qrole + ";"});
        }
    }
    if (!p.trackCounts) {
        p.missing.push_back({"track_counts is off", "snap's skip when the source has not changed",
                             "ALTER SYSTEM SET track_counts = on; SELECT pg_reload_conf();"});
    }
    return p;
}

} // namespace mimeo::catalog
