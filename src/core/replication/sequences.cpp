// SPDX-License-Identifier: PostgreSQL
#include "replication/sequences.h"

#include "pg/connection.h"
#include "pg/error.h"
#include "pg/quote.h"
#include "replication/job.h"

namespace mimeo::replication {

std::optional<std::string> findSequence(pg::Connection &dest, const std::string &text)
{
    const auto name = pg::QualifiedName::fromCatalogText(text);
    auto seq = dest.exec("SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                         "WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind = 'S'",
                         {name.schema, name.name});
    if (seq.rows() == 0)
        return std::nullopt;
    return seq.text(0, 0);
}

void requireSequences(pg::Connection &dest, const std::vector<std::string> &sequences)
{
    std::string missing;
    int count = 0;
    for (const auto &text : sequences) {
        if (!findSequence(dest, text)) {
            missing += (missing.empty() ? "" : ", ") + text;
            ++count;
        }
    }
    if (count > 0)
        throw pg::Error::usage((count == 1 ? "sequence " + missing + " does" : "sequences " + missing + " do")
                                   + " not exist on the destination",
                               pg::Side::Destination,
                               "name sequences schema.name as stored (case-sensitive); create them first, or add them "
                               "to refresh_config_table.sequences later");
}

void resetSequences(Job &job, const std::vector<std::string> &sequences)
{
    auto &dest = job.dest();
    for (const auto &text : sequences) {
        const auto found = findSequence(dest, text);
        if (!found) {
            job.warn("sequence " + text + " not found on the destination; not reset");
            continue;
        }
        const std::string oid = *found;
        // Columns whose default calls the sequence, and serial/identity columns that own it.
        auto cols = dest.exec(R"SQL(
            SELECT DISTINCT a.attrelid::regclass::text, pg_catalog.quote_ident(a.attname)
              FROM pg_catalog.pg_depend d
              JOIN pg_catalog.pg_attrdef ad ON d.classid = 'pg_catalog.pg_attrdef'::regclass AND d.objid = ad.oid
              JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
             WHERE d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = $1::oid
            UNION
            SELECT a.attrelid::regclass::text, pg_catalog.quote_ident(a.attname)
              FROM pg_catalog.pg_depend d
              JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
             WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = $1::oid AND d.deptype IN ('a', 'i')
               AND d.refobjsubid > 0)SQL",
                              {oid});
        if (cols.rows() == 0) {
            job.warn("no column uses sequence " + text + "; not reset");
            continue;
        }
        std::string maxSql = "SELECT max(m) FROM (";
        for (int i = 0; i < cols.rows(); ++i) {
            if (i)
                maxSql += " UNION ALL ";
            // regclass::text is already quoted and qualified as needed.
            maxSql += "SELECT max(" + cols.text(i, 1) + ")::bigint AS m FROM " + cols.text(i, 0);
        }
        maxSql += ") x";
        auto max = dest.exec(maxSql);
        if (max.isNull(0, 0)) {
            job.step("sequence " + text + " left as it is: its tables are empty");
            continue;
        }
        dest.exec("SELECT pg_catalog.setval($1::oid::regclass, $2::bigint)", {oid, max.text(0, 0)});
        job.step("sequence " + text + " set to " + max.text(0, 0));
    }
}

} // namespace mimeo::replication
