// SPDX-License-Identifier: PostgreSQL
#include "replication/view_swap.h"

#include "pg/connection.h"
#include "pg/error.h"
#include "pg/savepoint.h"
#include "replication/job.h"

#include <chrono>
#include <thread>

namespace mimeo::replication {

std::optional<pg::QualifiedName> viewSource(pg::Connection &dest, const pg::QualifiedName &view)
{
    auto r = dest.exec(R"SQL(
        SELECT DISTINCT n.nspname, c.relname
          FROM pg_catalog.pg_rewrite rw
          JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = rw.oid
                                     AND d.refclassid = 'pg_catalog.pg_class'::regclass
          JOIN pg_catalog.pg_class c ON c.oid = d.refobjid
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE rw.ev_class = $1::regclass AND d.refobjid <> rw.ev_class AND c.relkind IN ('r', 'p'))SQL",
                       {view.quoted()});
    if (r.rows() != 1)
        return std::nullopt;
    return pg::QualifiedName{r.text(0, 0), r.text(0, 1)};
}

void pointViewAt(Job &job, const pg::QualifiedName &view, const pg::QualifiedName &table, bool viewExists)
{
    auto &dest = job.dest();
    const std::string sql = std::string(viewExists ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ") + view.quoted()
        + " AS SELECT * FROM " + table.quoted();
    if (!viewExists) {
        dest.exec(sql);
        return;
    }
    const std::string oldTimeout = dest.exec("SELECT pg_catalog.current_setting('lock_timeout')").text(0, 0);
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int attempts = 0;
    for (;;) {
        job.checkCancel();
        ++attempts;
        const bool lastTry = std::chrono::steady_clock::now() >= giveUp;
        auto error = pg::attemptInSavepoint(dest, [&] {
            // After a minute of busy readers, wait in line like any DDL would.
            dest.exec(std::string("SELECT pg_catalog.set_config('lock_timeout', '") + (lastTry ? "0" : "200ms") + "', true)");
            dest.exec("LOCK TABLE " + view.quoted() + " IN ACCESS EXCLUSIVE MODE");
        });
        if (!error)
            break;
        if (error->sqlstate() != "55P03")
            throw *error;
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(100 * attempts, 1000)));
    }
    dest.exec("SELECT pg_catalog.set_config('lock_timeout', $1, true)", {oldTimeout});
    if (attempts > 1)
        job.step("view " + view.catalogText() + " was busy; swapped after " + std::to_string(attempts) + " attempts");
    dest.exec(sql);
}

} // namespace mimeo::replication
