// SPDX-License-Identifier: PostgreSQL
#include "jobs/validation.h"

#include "catalog/catalog_ddl.h"
#include "pg/array.h"
#include "pg/connection.h"
#include "pg/quote.h"

namespace mimeo::jobs {
namespace {

pg::Param optNumber(const std::optional<long long> &n) { return n ? pg::Param(std::to_string(*n)) : pg::Param(); }

} // namespace

void saveValidation(pg::Connection &dest, const std::string &schema, const Validation &v)
{
    std::vector<std::string> kinds, keys;
    for (const auto &k : v.keys) {
        if (static_cast<int>(kinds.size()) >= kMaxValidationKeys)
            break;
        kinds.push_back(k.kind);
        keys.push_back(k.key);
    }
    // The keys become jsonb on the server, from two arrays passed as values:
    // [{"kind": "different", "key": "(42)"}, ...] in the order found.
    dest.exec("INSERT INTO " + pg::quoteIdent(schema) + ".studio_validation AS v "
              "(dest_table, kind, outcome, source_rows, dest_rows, missing, extra, different, keys, message) "
              "VALUES ($1, $2, $3, $4::bigint, $5::bigint, $6::bigint, $7::bigint, $8::bigint, "
              "        (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', k, 'key', key) ORDER BY o), '[]'::jsonb) "
              "           FROM unnest($9::text[], $10::text[]) WITH ORDINALITY AS u(k, key, o)), $11) "
              "ON CONFLICT (dest_table) DO UPDATE SET checked_at = clock_timestamp(), checked_by = current_user, "
              "  kind = EXCLUDED.kind, outcome = EXCLUDED.outcome, source_rows = EXCLUDED.source_rows, "
              "  dest_rows = EXCLUDED.dest_rows, missing = EXCLUDED.missing, extra = EXCLUDED.extra, "
              "  different = EXCLUDED.different, keys = EXCLUDED.keys, message = EXCLUDED.message",
              {v.destTable, v.kind, v.outcome, optNumber(v.sourceRows), optNumber(v.destRows), optNumber(v.missing),
               optNumber(v.extra), optNumber(v.different), pg::toTextArrayLiteral(kinds), pg::toTextArrayLiteral(keys),
               v.message.empty() ? pg::Param() : pg::Param(v.message)});
    // Monitors listen on the job log's channel: a validation shows at once.
    dest.exec("SELECT pg_catalog.pg_notify($1, 'validation')", {catalog::jobChannel(schema)});
}

std::string validationSelectSql(const std::string &a)
{
    // checked_at to the millisecond: two checks in one second still tell
    // apart (the desktop waits for a newer one), and Qt reads it as ISO.
    return a + ".dest_table, to_char(" + a + ".checked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"+00:00\"'), " + a + ".checked_by, " + a + ".kind, " + a
        + ".outcome, " + a + ".source_rows, " + a + ".dest_rows, " + a + ".missing, " + a + ".extra, " + a + ".different, "
        + "ARRAY(SELECT e->>'kind' FROM pg_catalog.jsonb_array_elements(coalesce(" + a + ".keys, '[]')) e)::text, "
        + "ARRAY(SELECT e->>'key' FROM pg_catalog.jsonb_array_elements(coalesce(" + a + ".keys, '[]')) e)::text, " + a + ".message";
}

std::optional<Validation> validationFromRow(const pg::Result &r, int i, int c)
{
    if (r.isNull(i, c))
        return std::nullopt;
    Validation v;
    v.destTable = r.text(i, c);
    v.checkedAt = r.text(i, c + 1);
    v.checkedBy = r.text(i, c + 2);
    v.kind = r.text(i, c + 3);
    v.outcome = r.text(i, c + 4);
    v.sourceRows = r.optInt(i, c + 5);
    v.destRows = r.optInt(i, c + 6);
    v.missing = r.optInt(i, c + 7);
    v.extra = r.optInt(i, c + 8);
    v.different = r.optInt(i, c + 9);
    const auto kinds = pg::parseTextArrayNoNulls(r.text(i, c + 10));
    const auto keys = pg::parseTextArrayNoNulls(r.text(i, c + 11));
    for (size_t k = 0; k < kinds.size() && k < keys.size(); ++k)
        v.keys.push_back({kinds[k], keys[k]});
    v.message = r.optText(i, c + 12).value_or("");
    return v;
}

std::vector<Validation> readValidations(pg::Connection &dest, const std::string &schema)
{
    auto r = dest.exec("SELECT " + validationSelectSql("v") + " FROM " + pg::quoteIdent(schema) + ".studio_validation v ORDER BY v.dest_table");
    std::vector<Validation> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(*validationFromRow(r, i, 0));
    return out;
}

std::optional<Validation> readValidation(pg::Connection &dest, const std::string &schema, const std::string &destTable)
{
    auto r = dest.exec("SELECT " + validationSelectSql("v") + " FROM " + pg::quoteIdent(schema) + ".studio_validation v WHERE v.dest_table = $1",
                       {destTable});
    return r.rows() ? validationFromRow(r, 0, 0) : std::nullopt;
}

} // namespace mimeo::jobs
