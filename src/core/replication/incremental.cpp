#include "replication/incremental.h"

#include "pg/error.h"

namespace mimeo::replication::incremental {

namespace {
[[noreturn]] void notYet()
{
    throw pg::Error::usage("incremental replication (inserter/updater) is not supported by this version yet");
}
} // namespace

RunResult make(Job &, const MakeRequest &) { notYet(); }
RunResult refresh(Job &, const catalog::ConfigRow &, const RefreshRequest &) { notYet(); }
RunResult destroy(Job &, const catalog::ConfigRow &, bool) { notYet(); }

} // namespace mimeo::replication::incremental
