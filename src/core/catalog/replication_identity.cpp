// SPDX-License-Identifier: PostgreSQL
#include "catalog/replication_identity.h"

#include "catalog/config_row.h"
#include "catalog/replication_types.h"
#include "pg/array.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "pg/quote.h"

#include <algorithm>

namespace mimeo::catalog {
namespace {

std::vector<std::string> fixedFor(const ReplicationType &type)
{
    // type, data source and source table: what is read. control: the
    // incremental control column, or the dml/logdel queue on the source,
    // whose rows a refresh deletes. The key and (dml/logdel) the filter
    // shape the queue and its trigger, made once on the source.
    std::vector<std::string> c = {"type", "dblink", "source_table"};
    const bool queue = type.family == TypeFamily::Queue;
    if (type.family == TypeFamily::Incremental || queue)
        c.push_back("control");
    if (type.keyed) {
        c.push_back("pk_name");
        c.push_back("pk_type");
    }
    if (queue)
        c.push_back("filter");
    return c;
}

std::vector<std::string> recordedFor(const ReplicationType &type)
{
    auto c = fixedFor(type);
    // Each runs with the refreshing role's rights on objects the row names:
    // post_script is SQL, sequences are reset, truncate_cascade empties the
    // tables that reference the destination.
    if (type.family == TypeFamily::Snapshot)
        c.push_back("post_script");
    if (type.family == TypeFamily::Table) {
        c.push_back("sequences");
        c.push_back("truncate_cascade");
    }
    return c;
}

struct TypeColumns {
    std::string type;
    std::vector<std::string> fixed;
    std::vector<std::string> recorded;
};

// Built once from the type description; an unknown type has none.
const std::vector<std::string> &cached(std::string_view type, bool recorded)
{
    static const std::vector<std::string> none;
    static const std::vector<TypeColumns> all = [] {
        std::vector<TypeColumns> v;
        for (const auto &t : concreteTypes())
            v.push_back({std::string(t.name), fixedFor(t), recordedFor(t)});
        return v;
    }();
    for (const auto &c : all)
        if (c.type == type)
            return recorded ? c.recorded : c.fixed;
    return none;
}

bool contains(const std::vector<std::string> &v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string identityTable(const std::string &schema) { return pg::quoteIdent(schema) + ".studio_replication_identity"; }

std::string configTable(const std::string &schema, const std::string &type)
{
    return pg::quoteIdent(schema) + "." + pg::quoteIdent(configTableFor(type));
}

// The recorded columns of the row, as the server's JSON of each value.
std::string settingsOf(const std::string &rowAlias)
{
    return "(SELECT pg_catalog.jsonb_object_agg(e.key, e.value) FROM pg_catalog.jsonb_each(pg_catalog.to_jsonb(" + rowAlias
        + ")) AS e WHERE e.key = ANY ($3::text[]))";
}

[[noreturn]] void refuse(const std::string &message, const std::string &hint)
{
    throw pg::Error::usage(message, pg::Side::Destination, hint);
}

std::string adoptHint(const std::string &destTable)
{
    return "mimeo adopt " + destTable + " records the row as it is now, as the role that runs it";
}

// What the recording role must be allowed to change for a refresh to act
// for it; empty when it may.
std::string missingRights(pg::Connection &dest, const ConfigRow &row, const std::string &recordedBy, const std::string &destOid,
                          const std::string &refresher)
{
    std::string problems;
    auto add = [&](const std::string &p) { problems += (problems.empty() ? "" : "; ") + p; };
    auto r = dest.exec(R"SQL(
        SELECT pg_catalog.pg_has_role($1, c.relowner, 'USAGE')
               OR (pg_catalog.has_table_privilege($1, c.oid, 'INSERT') AND pg_catalog.has_table_privilege($1, c.oid, 'UPDATE')
                   AND pg_catalog.has_table_privilege($1, c.oid, 'DELETE') AND pg_catalog.has_table_privilege($1, c.oid, 'TRUNCATE')),
               pg_catalog.pg_get_userbyid(c.relowner)
          FROM pg_catalog.pg_class c WHERE c.oid = $2::oid)SQL",
                       {recordedBy, destOid});
    if (r.rows() == 1 && !r.toBool(0, 0))
        add("it may not change " + row.destTable() + " (owned by " + r.text(0, 1) + ")");

    if (row.has("sequences")) {
        for (const auto &seq : row.array("sequences")) {
            std::string quoted;
            try {
                quoted = pg::QualifiedName::fromCatalogText(seq).quoted();
            } catch (const std::invalid_argument &) {
                continue; // the refresh reports the name; nothing is reset
            }
            auto s = dest.exec("SELECT NOT pg_catalog.has_sequence_privilege($1, c.oid, 'UPDATE') FROM pg_catalog.pg_class c "
                               "WHERE c.oid = pg_catalog.to_regclass($2) AND c.relkind = 'S'",
                               {recordedBy, quoted});
            if (s.rows() == 1 && s.toBool(0, 0))
                add("it may not reset sequence " + seq);
        }
    }
    if (row.has("truncate_cascade") && row.boolean("truncate_cascade")) {
        auto t = dest.exec(R"SQL(
            WITH RECURSIVE referencing (oid) AS (
                SELECT con.conrelid FROM pg_catalog.pg_constraint con WHERE con.contype = 'f' AND con.confrelid = $2::oid
                UNION
                SELECT con.conrelid FROM pg_catalog.pg_constraint con JOIN referencing r ON con.confrelid = r.oid WHERE con.contype = 'f')
            SELECT r.oid::pg_catalog.regclass::text FROM referencing r
             WHERE NOT pg_catalog.has_table_privilege($1, r.oid, 'TRUNCATE') ORDER BY 1)SQL",
                           {recordedBy, destOid});
        for (int i = 0; i < t.rows(); ++i)
            add("truncate_cascade would empty " + t.text(i, 0) + ", which it may not truncate");
    }
    if (row.has("post_script") && !row.array("post_script").empty()) {
        // SQL can do anything the refreshing role can (even RESET ROLE), so
        // it runs only for a role that has every right of this one.
        auto p = dest.exec("SELECT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = $1) "
                           "OR pg_catalog.pg_has_role($1, current_user, 'USAGE')",
                           {recordedBy});
        if (!p.toBool(0, 0))
            add("its post_script would run with the rights of " + refresher + ", which it does not have");
    }
    return problems;
}

} // namespace

const std::vector<std::string> &fixedColumns(std::string_view type) { return cached(type, false); }
const std::vector<std::string> &recordedColumns(std::string_view type) { return cached(type, true); }
bool isFixedColumn(std::string_view column, std::string_view type) { return contains(fixedColumns(type), column); }
bool isRecordedColumn(std::string_view column, std::string_view type) { return contains(recordedColumns(type), column); }

void recordIdentity(pg::Connection &dest, const std::string &schema, const std::string &destTable)
{
    auto t = dest.exec("SELECT type FROM " + pg::quoteIdent(schema) + ".refresh_config WHERE dest_table = $1", {destTable});
    if (t.rows() == 0)
        throwNotManaged(destTable);
    const std::string type = t.text(0, 0);
    const std::string quoted = pg::QualifiedName::fromCatalogText(destTable).quoted();
    dest.exec("INSERT INTO " + identityTable(schema) + " AS i (dest_table, dest_oid, settings) "
              "SELECT c.dest_table, pg_catalog.to_regclass($2), " + settingsOf("c") + " FROM " + configTable(schema, type)
                  + " AS c WHERE c.dest_table = $1 "
                    "ON CONFLICT (dest_table) DO UPDATE SET dest_oid = EXCLUDED.dest_oid, settings = EXCLUDED.settings",
              {destTable, quoted, pg::toTextArrayLiteral(recordedColumns(type))});
}

void deleteIdentity(pg::Connection &dest, const std::string &schema, const std::string &destTable)
{
    dest.exec("DELETE FROM " + identityTable(schema) + " WHERE dest_table = $1", {destTable});
}

void verifyIdentity(pg::Connection &dest, const std::string &schema, const ConfigRow &row)
{
    const std::string destTable = row.destTable();
    const std::string type = row.type();
    const std::string quoted = pg::QualifiedName::fromCatalogText(destTable).quoted();
    auto rec = dest.exec("SELECT i.dest_oid::text, pg_catalog.to_regclass($2)::oid::text, i.recorded_by::text, "
                         "pg_catalog.to_char(i.recorded_at, 'YYYY-MM-DD HH24:MI:SS TZ'), i.recorded_by::text = current_user::text, "
                         "EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = i.recorded_by), current_user::text "
                         "FROM " + identityTable(schema) + " AS i WHERE i.dest_table = $1",
                         {destTable, quoted});
    if (rec.rows() == 0)
        refuse(destTable + " has no record of what it was made from: it was made by the mimeo extension or an older mimeo "
                   "after the catalog was upgraded, or its catalog row was written by hand; a refresh acts only on what a make recorded",
               "check its row in refresh_config_" + type + "; then " + adoptHint(destTable));
    const std::string role = rec.text(0, 2);
    const std::string by = role + " at " + rec.text(0, 3);

    auto diff = dest.exec(
        "WITH cur AS (SELECT e.key, e.value FROM " + configTable(schema, type) + " AS c, pg_catalog.jsonb_each(pg_catalog.to_jsonb(c)) AS e "
        "              WHERE c.dest_table = $1 AND e.key = ANY ($2::text[])), "
        "     was AS (SELECT e.key, e.value FROM " + identityTable(schema) + " AS i, pg_catalog.jsonb_each(i.settings) AS e "
        "              WHERE i.dest_table = $1) "
        "SELECT coalesce(cur.key, was.key), coalesce(cur.value::text, 'null'), coalesce(was.value::text, 'null') "
        "  FROM cur FULL JOIN was ON was.key = cur.key WHERE cur.value IS DISTINCT FROM was.value ORDER BY 1",
        {destTable, pg::toTextArrayLiteral(recordedColumns(type))});
    if (diff.rows() > 0) {
        std::string changes;
        for (int i = 0; i < diff.rows(); ++i)
            changes += (i ? "; " : "") + diff.text(i, 0) + " is " + diff.text(i, 1) + ", was " + diff.text(i, 2);
        refuse("the catalog row of " + destTable + " no longer matches what it was made from (recorded by " + by + "): " + changes,
               "a refresh never follows such an edit: destroy " + destTable
                   + " and make it again; if you made the change on purpose and checked it, " + adoptHint(destTable));
    }

    const auto recordedOid = rec.optText(0, 0);
    const auto currentOid = rec.optText(0, 1);
    if (currentOid && recordedOid != currentOid)
        refuse("destination " + destTable + " is not the relation it was made as (recorded by " + by
                   + "): it was dropped and created again, or another relation took its name",
               "if it is the right relation, " + adoptHint(destTable));

    if (rec.toBool(0, 4) || !currentOid)
        return; // recorded by the refreshing role itself; a missing destination is the refresh's own error
    if (!rec.toBool(0, 5))
        refuse(destTable + " was recorded by role " + role + ", which no longer exists", adoptHint(destTable));
    const std::string refresher = rec.text(0, 6);
    const std::string problems = missingRights(dest, row, role, *currentOid, refresher);
    if (!problems.empty())
        refuse(destTable + " was recorded by " + by + ", and a refresh by " + refresher + " never acts beyond the rights of the role that recorded it: " + problems,
               "grant " + role + " those rights, or check the row and " + adoptHint(destTable));
}

} // namespace mimeo::catalog
