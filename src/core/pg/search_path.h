// SPDX-License-Identifier: PostgreSQL
#pragma once
// Runs catalog queries with search_path = pg_catalog, so format_type() and
// pg_get_indexdef() schema-qualify every user type, table and function, and
// the text means the same on the other server. The previous search_path is
// restored afterwards (transaction-local when inside a transaction).
#include <functional>

namespace mimeo::pg {

class Connection;

void withCatalogSearchPath(Connection &conn, const std::function<void()> &fn);

} // namespace mimeo::pg
