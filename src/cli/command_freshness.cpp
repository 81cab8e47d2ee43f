// SPDX-License-Identifier: PostgreSQL
// mimeo freshness DEST_TABLE [--late INTERVAL] [--critical INTERVAL] [--default]:
// shows or sets after how long without a successful refresh a table counts
// as late or critical (the health grades of mimeo status and the desktop).
#include "catalog/config_row.h"
#include "command_parser.h"
#include "commands.h"
#include "jobs/freshness.h"

#include <ostream>

namespace mimeo::cli {
namespace {

void printFreshness(std::ostream &o, const std::string &table, const jobs::Freshness &f)
{
    auto show = [](const std::optional<std::string> &inEffect, const std::optional<std::string> &override, const char *dflt) {
        if (!inEffect)
            return std::string("never (no period)");
        return *inEffect + (override ? " (set)" : std::string(" (default: ") + dflt + ")");
    };
    o << table << ": late after " << show(f.lateAfter, f.lateOverride, "1x period") << ", critical after "
      << show(f.criticalAfter, f.criticalOverride, "2x period") << "\n";
}

} // namespace

int runFreshness(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("freshness"),
                    QStringLiteral("Shows or sets after how long without a successful refresh a table counts as late\n"
                                   "or critical in mimeo status, mimeo status --check and the desktop. By default\n"
                                   "late after 1x its period and critical after 2x. An option not given keeps its\n"
                                   "current setting. Intervals as PostgreSQL writes them ('90 minutes', '1 day')."));
    p.addPositional(QStringLiteral("DEST_TABLE"), QStringLiteral("The destination as `mimeo status` shows it (schema.table)."));
    const QCommandLineOption late(QStringLiteral("late"), QStringLiteral("late after INTERVAL without a successful refresh"),
                                  QStringLiteral("INTERVAL"));
    const QCommandLineOption critical(QStringLiteral("critical"),
                                      QStringLiteral("critical after INTERVAL (not shorter than late)"), QStringLiteral("INTERVAL"));
    const QCommandLineOption reset(QStringLiteral("default"), QStringLiteral("back to the defaults (1x and 2x the period)"));
    p.addOption(late);
    p.addOption(critical);
    p.addOption(reset);
    if (!p.parse(args, 1, 1))
        return ExitOk;
    if (p.isSet(reset) && (p.isSet(late) || p.isSet(critical)))
        throw UsageError{QStringLiteral("freshness: --default goes alone (it resets both thresholds)"), {}};

    auto dest = ctx.connectDestination("freshness:" + toStd(p.positional().at(0)));
    requireCatalog(dest, ctx.schema);
    const std::string table = catalog::requireConfiguredTable(dest, ctx.schema, toStd(p.positional().at(0)));
    auto current = jobs::readFreshness(dest, ctx.schema, table);
    if (p.isSet(reset) || p.isSet(late) || p.isSet(critical)) {
        std::optional<std::string> newLate, newCritical;
        if (!p.isSet(reset)) {
            newLate = p.isSet(late) ? std::optional(toStd(p.value(late))) : current.lateOverride;
            newCritical = p.isSet(critical) ? std::optional(toStd(p.value(critical))) : current.criticalOverride;
        }
        jobs::setFreshness(dest, ctx.schema, table, newLate, newCritical);
        current = jobs::readFreshness(dest, ctx.schema, table);
    }
    printFreshness(ctx.o(), table, current);
    return ExitOk;
}

} // namespace mimeo::cli
