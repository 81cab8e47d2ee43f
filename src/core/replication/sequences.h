#pragma once
// After a `table` refresh: set each listed sequence to the highest value any
// column that draws from it holds, so new rows written on the destination
// do not collide with replicated ones.
#include <string>
#include <vector>

namespace mimeo::replication {

class Job;

// sequences are mimeo's text form schema.name. A name that does not exist is
// reported as a warning and the others are still reset (mimeo 1.5.1 failed on
// the next one, bug 9.2 #19).
void resetSequences(Job &job, const std::vector<std::string> &sequences);

} // namespace mimeo::replication
