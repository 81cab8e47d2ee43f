// SPDX-License-Identifier: PostgreSQL
#include "commands.h"

namespace mimeo::cli {

const std::vector<Command> &commands()
{
    static const std::vector<Command> table = {
        {QStringLiteral("init"), QStringLiteral("install or upgrade the catalog (adopts a mimeo extension install)"), runInit},
        {QStringLiteral("source add"), QStringLiteral("register a source database; prints its id"), runSourceAdd},
        {QStringLiteral("source list"), QStringLiteral("list the registered sources"), runSourceList},
        {QStringLiteral("source remove"), QStringLiteral("remove a source no table uses"), runSourceRemove},
        {QStringLiteral("source test"), QStringLiteral("connect to a source and check its privileges"), runSourceTest},
        {QStringLiteral("source move-password"), QStringLiteral("move a source's password out of the catalog into a password file"),
         runSourceMovePassword},
        {QStringLiteral("make"), QStringLiteral("set up a replication: snap, table, inserter, updater, dml or logdel"), runMake},
        {QStringLiteral("refresh"), QStringLiteral("refresh one table now"), runRefresh},
        {QStringLiteral("destroy"), QStringLiteral("remove a replication (keeps the data unless --drop-table)"), runDestroy},
        {QStringLiteral("adopt"), QStringLiteral("record a table's catalog row as it is now (extension-made tables, deliberate edits)"), runAdopt},
        {QStringLiteral("run"), QStringLiteral("refresh every table whose period has elapsed (for cron/systemd)"), runRun},
        {QStringLiteral("serve"), QStringLiteral("a runner that stays: the schedule every N seconds, and requests made with --runner at once"),
         runServe},
        {QStringLiteral("cancel"), QStringLiteral("stop a job that a runner (mimeo serve) runs"), runCancel},
        {QStringLiteral("status"), QStringLiteral("one line per configured table: last run, last status, health; --check for monitoring"),
         runStatus},
        {QStringLiteral("freshness"), QStringLiteral("show or set when a table counts as late or critical"), runFreshness},
        {QStringLiteral("lag"), QStringLiteral("measure and record how far behind its source each table is"), runLag},
        {QStringLiteral("log"), QStringLiteral("the job log, newest first"), runLog},
        {QStringLiteral("check rowcount"), QStringLiteral("compare row counts of a table on both sides"), runCheckRowcount},
        {QStringLiteral("check columns"), QStringLiteral("source columns missing or changed on the destination"), runCheckColumns},
        {QStringLiteral("check missing"), QStringLiteral("source tables nothing replicates"), runCheckMissing},
        {QStringLiteral("check snapshots"), QStringLiteral("snapshot sources that have grown big"), runCheckSnapshots},
        {QStringLiteral("check data"), QStringLiteral("compare the rows themselves, list differing keys (--repair: re-pull them)"), runCheckData},
        {QStringLiteral("grant"), QStringLiteral("make a role an operator or a monitor of this catalog"), runGrant},
        {QStringLiteral("revoke"), QStringLiteral("take a role's operator or monitor rights away"), runRevoke},
    };
    return table;
}

const Command *findCommand(const QStringList &args, int *consumed)
{
    const Command *best = nullptr;
    int bestWords = 0;
    for (const auto &c : commands()) {
        const QStringList words = c.name.split(QLatin1Char(' '));
        if (words.size() > args.size() || words.size() <= bestWords)
            continue;
        bool match = true;
        for (int i = 0; i < words.size() && match; ++i)
            match = args.at(i) == words.at(i);
        if (match) {
            best = &c;
            bestWords = static_cast<int>(words.size());
        }
    }
    *consumed = bestWords;
    return best;
}

} // namespace mimeo::cli
