// SPDX-License-Identifier: PostgreSQL
#pragma once
// How far behind its source each table is, measured with nothing installed
// on either server (issue 17), and the last measure of each table kept in
// the catalog (studio_lag) so monitors without access to the sources still
// see it, with when and by whom it was taken.
//
// One measure per replication family:
//   queue           dml/logdel: rows waiting in the source's queue table.
//                   Counted exactly up to kExactQueueLimit rows (a bounded
//                   scan); above that the planner's estimate (the larger of
//                   pg_class.reltuples and pg_stat n_live_tup), estimated.
//   control_time    inserter/updater_time: the source's newest control value
//                   minus last_value, as an interval; amount, the rows above
//                   last_value, only when an index leads with the control
//                   column (a bounded index scan), else NULL. The boundary
//                   is part of it: a refresh leaves the newest rows behind
//                   on purpose.
//   control_serial  inserter/updater_serial: max(control) - last_value, a
//                   count of values (not of rows: gaps count too).
//   changes         snap/table: rows inserted, updated and deleted on the
//                   source since the last pull, from the source's statistics
//                   (pg_stat_all_tables) against the counters stored at that
//                   pull: estimated (statistics reach shared memory late and
//                   may be reset). NULL amount when no counters were stored.
//   error           the table could not be measured: message says why.
#include "pg/result.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::catalog {
class ConfigRow;
}

namespace mimeo::jobs {

enum class LagKind { Queue, ControlTime, ControlSerial, Changes, Error };

// The studio_lag.measure spelling: queue, control_time, control_serial, changes, error.
std::string lagKindName(LagKind k);

// Up to this many queue rows are counted exactly.
inline constexpr long long kExactQueueLimit = 100000;
// Up to this many rows above last_value are counted (time tables with an index).
inline constexpr long long kExactControlLimit = 1000000;

struct LagMeasure {
    std::string destTable;
    LagKind kind = LagKind::Error;
    std::optional<long long> amount;     // rows waiting, values behind, rows changed (see above)
    std::optional<std::string> behind;   // control_time: interval text
    std::optional<double> behindSeconds; // the same in seconds
    bool estimated = false;
    std::optional<std::string> message;  // what was compared, or the error (never a password)
    std::string measuredAt;              // ISO 8601 UTC; empty until recorded
    std::string measuredBy;              // the role that recorded it
};

// The figure in a few words, for people and the command line: "1234 rows
// queued", "~56 rows changed", "00:03:12 behind (12 rows)", "42 values
// behind", "error: ...". A "~" marks an estimate.
std::string describeLag(const LagMeasure &m);

// Measures destTable's lag on src (a connection to its data source); does
// not record it. Throws pg::Error when it cannot.
LagMeasure measureLag(pg::Connection &dest, const std::string &schema, const catalog::ConfigRow &config, pg::Connection &src);

// Upserts m into studio_lag (measured now, by the current role) and returns
// it as stored.
LagMeasure recordLag(pg::Connection &dest, const std::string &schema, const LagMeasure &m);

// Records an 'error' measure for destTable with message (redacted).
LagMeasure recordLagError(pg::Connection &dest, const std::string &schema, const std::string &destTable,
                          const std::string &message);

// measureLag and recordLag for one configured table; an error while
// measuring is recorded as an 'error' measure and returned, not thrown.
LagMeasure measureAndRecordLag(pg::Connection &dest, const std::string &schema, const std::string &destTable,
                               pg::Connection &src);

// Every recorded measure, by destination table.
std::vector<LagMeasure> readLag(pg::Connection &dest, const std::string &schema);

// For queries that join studio_lag under alias (readHealth): the select list
// lagFromRow reads, starting at column col; nullopt when the join found none.
std::string lagColumnsSql(const std::string &alias);
inline constexpr int kLagColumns = 9; // how many columns lagColumnsSql selects
std::optional<LagMeasure> lagFromRow(const pg::Result &r, int row, int col);

} // namespace mimeo::jobs
