// SPDX-License-Identifier: PostgreSQL
#include "jobs/error_advice.h"

namespace mimeo::jobs {

namespace {

bool contains(const std::string &s, const char *what) { return s.find(what) != std::string::npos; }

} // namespace

std::optional<std::string> suggestFix(const std::string &sqlstate, const std::string &side, const std::string &message)
{
    const std::string where = side.empty() ? std::string("the server") : "the " + side;
    if (sqlstate == "42501")
        return "A privilege is missing on " + where + ": `mimeo source test` (for the source) or the Roles page (for "
               "the destination) lists the GRANT that fixes it.";
    if (sqlstate == "42P01")
        return "A table is missing on " + where + ": it was dropped or renamed; recreate it, or destroy the replication "
               "and make it again for the new name.";
    if (sqlstate == "42703")
        return "A column is missing on " + where + ": the table changed; fix the column filter or the condition in the "
               "configuration editor, or make the replication again.";
    if (sqlstate == "55P03" || contains(message, "lock timeout"))
        return "Another session held a lock too long: run it again when the other work is done, or look in "
               "pg_stat_activity on " + where + " for what holds it.";
    if (sqlstate == "57014")
        return "The job was cancelled (by a user, statement_timeout or a shutdown); run it again.";
    if (sqlstate == "28P01" || contains(message, "password authentication failed"))
        return "The password was refused: store the right one for this source (Sources page) or in ~/.pgpass on the "
               "runner's host.";
    if (contains(message, "no password supplied") || contains(message, "password is required"))
        return "A password is needed: store it in the keychain from the Sources page, or in ~/.pgpass for mimeo run.";
    if (sqlstate.rfind("08", 0) == 0 || contains(message, "Connection refused") || contains(message, "could not connect"))
        return "Could not reach " + where + ": check that it runs and accepts connections from this host (listen_addresses, "
               "pg_hba.conf, firewall).";
    if (sqlstate == "53100")
        return "The disk of " + where + " is full: free space, then run it again.";
    return std::nullopt;
}

} // namespace mimeo::jobs
