// SPDX-License-Identifier: PostgreSQL
#include "replication/deferred_indexes.h"

#include "pg/connection.h"
#include "pg/search_path.h"

namespace mimeo::replication {

DeferredIndexes DeferredIndexes::takeFrom(pg::Connection &dest, const pg::QualifiedName &table)
{
    DeferredIndexes d;
    const std::string rel = table.quoted();
    // A foreign key elsewhere that points at this table needs its unique index.
    if (dest.exec("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE confrelid = $1::regclass)", {rel}).toBool(0, 0))
        return d;
    std::vector<std::string> drops;
    pg::withCatalogSearchPath(dest, [&] {
        auto r = dest.exec(R"SQL(
            SELECT pg_catalog.pg_get_indexdef(i.indexrelid),
                   c.conname,
                   pg_catalog.pg_get_constraintdef(c.oid),
                   pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(ic.relname)
              FROM pg_catalog.pg_index i
              JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
              LEFT JOIN pg_catalog.pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
                                                   AND c.contype IN ('p', 'u', 'x')
             WHERE i.indrelid = $1::regclass
             ORDER BY c.contype NULLS LAST, ic.relname)SQL",
                           {rel});
        for (int row = 0; row < r.rows(); ++row) {
            if (!r.isNull(row, 1)) {
                const std::string con = pg::quoteIdent(r.text(row, 1));
                drops.push_back("ALTER TABLE " + rel + " DROP CONSTRAINT " + con);
                d.statements_.push_back("ALTER TABLE " + rel + " ADD CONSTRAINT " + con + " " + r.text(row, 2));
            } else {
                drops.push_back("DROP INDEX " + r.text(row, 3));
                d.statements_.push_back(r.text(row, 0));
            }
        }
    });
    for (const auto &sql : drops)
        dest.exec(sql);
    return d;
}

void DeferredIndexes::restore(pg::Connection &dest) const
{
    for (const auto &sql : statements_)
        dest.exec(sql);
}

} // namespace mimeo::replication
