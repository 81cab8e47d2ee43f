// SPDX-License-Identifier: PostgreSQL
#include "replication/batch_plan_settings.h"

#include "pg/connection.h"

namespace mimeo::replication {

BatchPlanSettings::BatchPlanSettings(pg::Connection &conn, Joins joins)
    : conn_(conn)
{
    conn_.exec("SELECT pg_catalog.set_config('jit', 'off', true)");
    if (joins != Joins::Any)
        conn_.exec("SELECT pg_catalog.set_config('enable_hashjoin', 'off', true)");
    if (joins == Joins::LookupsOnly)
        conn_.exec("SELECT pg_catalog.set_config('enable_mergejoin', 'off', true)");
}

BatchPlanSettings::~BatchPlanSettings()
{
    if (!conn_.isBad() && conn_.inTransaction()) {
        try {
            conn_.exec("RESET jit; RESET enable_hashjoin; RESET enable_mergejoin");
        } catch (...) {
            // An aborted transaction ends soon and takes the settings with it.
        }
    }
}

} // namespace mimeo::replication
