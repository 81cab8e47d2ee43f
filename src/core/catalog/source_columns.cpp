// SPDX-License-Identifier: PostgreSQL
#include "catalog/source_columns.h"

#include "pg/connection.h"
#include "pg/error.h"
#include "pg/quote.h"

namespace mimeo::catalog {

std::vector<std::string> sourceColumns(pg::Connection &source, const std::string &catalogTableText)
{
    const auto name = pg::QualifiedName::fromCatalogText(catalogTableText);
    auto r = source.exec("SELECT a.attname FROM pg_catalog.pg_attribute a "
                         "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
                         "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                         "WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped "
                         "ORDER BY a.attnum",
                         {name.schema, name.name});
    if (r.rows() == 0)
        throw pg::Error::usage("source table " + catalogTableText + " does not exist or has no columns",
                               pg::Side::Source);
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(r.text(i, 0));
    return out;
}

} // namespace mimeo::catalog
