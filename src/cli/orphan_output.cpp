// SPDX-License-Identifier: PostgreSQL
#include "orphan_output.h"

#include <QJsonObject>
#include <QString>

namespace mimeo::cli {

void printOrphanedQueues(std::ostream &out, const std::vector<replication::queue::OrphanedQueue> &orphans)
{
    if (orphans.empty())
        return;
    out << "  orphaned queues (left by interrupted makes; they queue every write for nobody):\n";
    for (const auto &o : orphans) {
        out << "    " << o.objects.queue.catalogText() << " (trigger on " << o.source.catalogText() << ", make of " << o.destTable
            << ")\n      fix:";
        for (const auto &s : o.dropStatements)
            out << " " << s << ";";
        out << "\n";
    }
}

QJsonArray orphanedQueuesJson(const std::vector<replication::queue::OrphanedQueue> &orphans)
{
    QJsonArray out;
    for (const auto &o : orphans) {
        QJsonArray fix;
        for (const auto &s : o.dropStatements)
            fix.append(QString::fromStdString(s));
        out.append(QJsonObject{{QStringLiteral("queue"), QString::fromStdString(o.objects.queue.catalogText())},
                               {QStringLiteral("source_table"), QString::fromStdString(o.source.catalogText())},
                               {QStringLiteral("dest_table"), QString::fromStdString(o.destTable)},
                               {QStringLiteral("fix"), fix}});
    }
    return out;
}

} // namespace mimeo::cli
