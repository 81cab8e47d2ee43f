// SPDX-License-Identifier: PostgreSQL
#pragma once
// One health grade per configured table, with a reason for people: the rule
// that `mimeo status`, `mimeo status --check` (alerting) and the desktop's
// monitor all show, so they never disagree.
//
// The grade of a table, first rule that applies:
//   1. failed      its latest refresh job failed;
//   2. abandoned   its latest refresh job's process died without finishing it;
//   3. critical    it ran successfully once (refresh_config.last_run, set by
//                  mimeo and by us on success, including a snapshot skipped
//                  because its source had not changed) and nothing succeeded
//                  for more than critical_after (default 2x its period);
//   4. late        the same with late_after (default 1x its period);
//   5. running     a refresh is running now;
//   6. busy        its latest refresh was skipped because another run held
//                  the table's lock;
//   7. not scheduled  it has no period (only refreshed when asked);
//   8. never run   it has a period but no successful run (mimeo run starts a
//                  table only after its first refresh);
//   9. ok          otherwise.
// A failure outranks lateness (it says why the table is late); lateness
// outranks a running refresh (a refresh still running past the threshold is
// the symptom, and the reason says it is running). A cancelled latest job
// grades by freshness like any other table. Thresholds apply wherever they
// are set, even on a table without a period (set them with setFreshness).
#include "jobs/lag.h"
#include "jobs/validation.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::jobs {

// In rank order, worst first.
enum class Health { Failed, Abandoned, Critical, Late, Running, Busy, Ok, NeverRun, NotScheduled };

// "failed", "abandoned", "critical", "late", "running", "busy", "ok", "never run", "not scheduled".
std::string healthName(Health h);

// The worse of two grades; of a list (NotScheduled, the mildest, when empty).
Health worstOf(Health a, Health b);

// For alerting (the Nagios plugin levels of `mimeo status --check`):
// Critical for failed, abandoned and critical; Warning for late and busy;
// Ok for the rest.
enum class Severity { Ok, Warning, Critical };
Severity severityOf(Health h);

struct TableHealth {
    std::string destTable;
    std::string type;
    std::string sourceTable;
    int dataSourceId = 0;
    Health health = Health::Ok;
    std::string reason; // one sentence for people
    std::optional<std::string> period;        // interval text
    std::optional<std::string> lastRun;       // last success, ISO 8601 UTC
    std::optional<std::string> nextDue;       // last_run + period
    std::optional<std::string> lateAfter;     // in effect (override or 1x period); none: never late
    std::optional<std::string> criticalAfter; // in effect (override or 2x period)
    bool thresholdsOverridden = false;        // either one set in studio_freshness
    bool pastLate = false;                    // no success for longer than lateAfter (whatever the grade)
    bool pastCritical = false;                // ... than criticalAfter
    // The latest refresh job, if any.
    std::optional<std::string> lastStatus;    // running, ok, failed, skipped, cancelled, abandoned
    std::optional<std::string> lastStartedAt; // ISO 8601 UTC
    std::optional<double> lastDurationSeconds;
    std::optional<long long> lastRowsExpected; // while running (lastRows: so far): the rows it expects, when known
    std::optional<long long> lastRows;
    std::optional<LagMeasure> lag;            // the last measure of how far behind (jobs/lag.h)
    std::optional<Validation> validation;     // the last row count or data check (jobs/validation.h)
};

Health worstOf(const std::vector<TableHealth> &tables);

// Every configured table of the catalog in schema, worst first (then by name).
std::vector<TableHealth> readHealth(pg::Connection &dest, const std::string &schema);

} // namespace mimeo::jobs
