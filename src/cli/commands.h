// SPDX-License-Identifier: PostgreSQL
#pragma once
// The table of commands: name, one-line summary, and the function that runs it.
#include "cli_context.h"

#include <QStringList>

#include <vector>

namespace mimeo::catalog {
struct SourceRecord;
}

namespace mimeo::cli {

using CommandFn = int (*)(CliContext &, const QStringList &args);

struct Command {
    QString name;    // "init", "source add"
    QString summary; // one line for `mimeo --help`
    CommandFn run;
};

const std::vector<Command> &commands();

// Finds the longest command name that prefixes the arguments ("source add ...");
// *consumed is set to the number of words of the name.
const Command *findCommand(const QStringList &args, int *consumed);

// The commands (one file each).
int runInit(CliContext &, const QStringList &);
int runSourceAdd(CliContext &, const QStringList &);
int runSourceList(CliContext &, const QStringList &);
int runSourceRemove(CliContext &, const QStringList &);
int runSourceTest(CliContext &, const QStringList &);
int runSourceMovePassword(CliContext &, const QStringList &);
int runStatus(CliContext &, const QStringList &);
int runFreshness(CliContext &, const QStringList &);
int runLag(CliContext &, const QStringList &);
int runMake(CliContext &, const QStringList &);
int runRefresh(CliContext &, const QStringList &);
int runDestroy(CliContext &, const QStringList &);
int runAdopt(CliContext &, const QStringList &);
int runRun(CliContext &, const QStringList &);
int runServe(CliContext &, const QStringList &);
int runCancel(CliContext &, const QStringList &);
int runLog(CliContext &, const QStringList &);
int runCheckRowcount(CliContext &, const QStringList &);
int runCheckColumns(CliContext &, const QStringList &);
int runCheckMissing(CliContext &, const QStringList &);
int runCheckSnapshots(CliContext &, const QStringList &);
int runCheckData(CliContext &, const QStringList &);
int runGrant(CliContext &, const QStringList &);
int runRevoke(CliContext &, const QStringList &);

// A warning on stderr for each source whose password the catalog keeps in
// plain text, naming the command that moves it out (source list, init).
void warnAboutCatalogPasswords(CliContext &ctx, const std::vector<catalog::SourceRecord> &sources);

} // namespace mimeo::cli
