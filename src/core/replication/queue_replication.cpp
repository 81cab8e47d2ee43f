#include "replication/queue_replication.h"

#include "pg/error.h"

namespace mimeo::replication::queue_replication {

namespace {
[[noreturn]] void notYet()
{
    throw pg::Error::usage("dml and logdel replication are not supported by this version yet");
}
} // namespace

RunResult make(Job &, const MakeRequest &) { notYet(); }
RunResult refresh(Job &, const catalog::ConfigRow &, const RefreshRequest &) { notYet(); }
RunResult destroy(Job &, const catalog::ConfigRow &, bool) { notYet(); }

} // namespace mimeo::replication::queue_replication
