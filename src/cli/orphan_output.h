// SPDX-License-Identifier: PostgreSQL
#pragma once
// How `mimeo source test` shows the queue objects an interrupted dml/logdel
// make left on the source (replication/queue_orphans.h).
#include "replication/queue_orphans.h"

#include <QJsonArray>

#include <ostream>
#include <vector>

namespace mimeo::cli {

void printOrphanedQueues(std::ostream &out, const std::vector<replication::queue::OrphanedQueue> &orphans);
QJsonArray orphanedQueuesJson(const std::vector<replication::queue::OrphanedQueue> &orphans);

} // namespace mimeo::cli
