// SPDX-License-Identifier: PostgreSQL
#include "replication/queue_plan.h"

#include "pg/array.h"
#include "pg/connection.h"

#include <set>

namespace mimeo::replication::queue {

bool hasKeyIndex(pg::Connection &conn, const std::string &relation, const std::vector<std::string> &keys)
{
    auto r = conn.exec("SELECT ARRAY(SELECT a.attname FROM pg_catalog.unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord) "
                       "JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                       "WHERE k.ord <= $2::int ORDER BY k.ord) "
                       "FROM pg_catalog.pg_index i WHERE i.indrelid = $1::regclass AND i.indisvalid AND i.indpred IS NULL",
                       {relation, std::to_string(keys.size())});
    const std::set<std::string> wanted(keys.begin(), keys.end());
    for (int i = 0; i < r.rows(); ++i) {
        const auto leading = pg::parseTextArrayNoNulls(r.value(i, 0));
        if (leading.size() == keys.size() && std::set<std::string>(leading.begin(), leading.end()) == wanted)
            return true;
    }
    return false;
}

int64_t estimatedRows(pg::Connection &conn, const std::string &relation)
{
    return conn.exec("SELECT reltuples::bigint FROM pg_catalog.pg_class WHERE oid = $1::regclass", {relation}).toInt(0, 0);
}

bool preferLookups(int64_t batchRows, int64_t tableRows)
{
    // Unknown sizes: lookups, whose worst case (every row looked up once) is
    // a small factor, never a full scan per key.
    if (batchRows < 0 || tableRows <= 0)
        return true;
    return batchRows * 5 <= tableRows;
}

} // namespace mimeo::replication::queue
