// SPDX-License-Identifier: PostgreSQL
#pragma once
// mimeo's pause of time-based tables around daylight saving time changes,
// judged in the destination session's time zone as the extension does:
// dst_active, dst_start and dst_end of refresh_config_*_time.
#include <optional>
#include <string>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication::incremental {

// dst_active for a new table: true when the destination's time zone changes
// its UTC offset during the year (mimeo: whenever the zone is not called UTC
// or GMT, so fixed-offset zones paused for nothing).
bool zoneObservesDst(pg::Connection &dest);

struct DstSettings {
    bool active = false;
    int start = 30;  // hhmm, exclusive
    int end = 230;   // hhmm, exclusive
};

// True when a run at `at` (the destination's now() when nullopt) must not
// pull: today is a day whose UTC offset at midnight differs from tomorrow's
// midnight, and the local time as hour*100+minute lies strictly between
// start and end. mimeo computed hour*100+month (bug 9.2 #6).
bool dstPause(pg::Connection &dest, const DstSettings &settings, const std::optional<std::string> &at = std::nullopt);

} // namespace mimeo::replication::incremental
