// SPDX-License-Identifier: PostgreSQL
#pragma once
// After a `table` refresh: set each listed sequence to the highest value any
// column that draws from it holds, so new rows written on the destination
// do not collide with replicated ones.
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication {

class Job;

// sequences are mimeo's text form schema.name. A name that does not exist is
// reported as a warning and the others are still reset (mimeo 1.5.1 failed on
// the next one, bug 9.2 #19).
void resetSequences(Job &job, const std::vector<std::string> &sequences);

// The oid of the destination sequence an entry names (schema.name, exact), or nullopt.
std::optional<std::string> findSequence(pg::Connection &dest, const std::string &text);

// At make time every listed sequence must exist: a misspelt name would
// otherwise only show as a warning at each refresh. Throws Error naming
// the missing ones.
void requireSequences(pg::Connection &dest, const std::vector<std::string> &sequences);

} // namespace mimeo::replication
