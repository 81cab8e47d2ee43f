// SPDX-License-Identifier: PostgreSQL
#include "replication/table_state.h"

#include "pg/array.h"
#include "pg/connection.h"
#include "pg/quote.h"

namespace mimeo::replication {

TableState readTableState(pg::Connection &dest, const std::string &schema, const std::string &destTable)
{
    TableState st;
    auto r = dest.exec("SELECT copy_indexes, pulled_snapshot, pulled_counters, source_filenode FROM " + pg::quoteIdent(schema)
                           + ".studio_table_state WHERE dest_table = $1",
                       {destTable});
    if (r.rows() == 0)
        return st;
    st.copyIndexes = r.toBool(0, 0);
    st.pulledSnapshot = r.optText(0, 1);
    if (!r.isNull(0, 2)) {
        for (const auto &v : pg::parseTextArrayNoNulls(r.value(0, 2)))
            st.pulledCounters.push_back(std::stoll(v));
    }
    if (!r.isNull(0, 3))
        st.sourceFilenode = r.toInt(0, 3);
    return st;
}

void writeTableState(pg::Connection &dest, const std::string &schema, const std::string &destTable, const TableState &st)
{
    std::vector<std::string> counters;
    for (auto c : st.pulledCounters)
        counters.push_back(std::to_string(c));
    dest.exec("INSERT INTO " + pg::quoteIdent(schema)
                  + ".studio_table_state AS s (dest_table, copy_indexes, pulled_snapshot, pulled_counters, source_filenode) "
                    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (dest_table) DO UPDATE SET copy_indexes = EXCLUDED.copy_indexes, "
                    "pulled_snapshot = EXCLUDED.pulled_snapshot, pulled_counters = EXCLUDED.pulled_counters, "
                    "source_filenode = EXCLUDED.source_filenode, updated_at = now()",
              {destTable, st.copyIndexes ? "t" : "f", st.pulledSnapshot,
               counters.empty() ? pg::Param() : pg::Param(pg::toTextArrayLiteral(counters)),
               st.sourceFilenode ? pg::Param(std::to_string(*st.sourceFilenode)) : pg::Param()});
}

void deleteTableState(pg::Connection &dest, const std::string &schema, const std::string &destTable)
{
    dest.exec("DELETE FROM " + pg::quoteIdent(schema) + ".studio_table_state WHERE dest_table = $1", {destTable});
}

} // namespace mimeo::replication
