// SPDX-License-Identifier: PostgreSQL
// mimeo lag [DEST_TABLE...]: measures how far behind its source each table
// is (jobs/lag.h), records it in the catalog for monitors without source
// access, and prints it. Exit 1 when any table could not be measured.
#include "catalog/config_list.h"
#include "catalog/config_row.h"
#include "catalog/sources.h"
#include "command_parser.h"
#include "commands.h"
#include "jobs/lag.h"
#include "json_output.h"

#include "pg/error.h"

#include <QJsonArray>

#include <algorithm>
#include <optional>

#include <iomanip>
#include <map>
#include <ostream>

namespace mimeo::cli {

int runLag(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("lag"),
                    QStringLiteral("Measures how far behind its source each table is (default: every table), records\n"
                                   "it in the catalog (the desktop's monitor and mimeo status --json show it) and\n"
                                   "prints it. dml/logdel: rows waiting in the source's queue (counted up to\n"
                                   "100,000, estimated above, marked ~). inserter/updater: the source's newest\n"
                                   "control value against last_value, a time (with the rows above it when an index\n"
                                   "leads with the control column) or a count of values. snap/table: rows changed on\n"
                                   "the source since the last pull, from its statistics (an estimate, marked ~).\n"
                                   "Nothing is installed on either server. Exit status 1 when any table could not\n"
                                   "be measured (its error is recorded too)."));
    p.addPositional(QStringLiteral("DEST_TABLE"), QStringLiteral("Destinations as `mimeo status` shows them."),
                    QStringLiteral("[DEST_TABLE...]"));
    p.addOption(jsonOption());
    if (!p.parse(args, 0, -1))
        return ExitOk;
    auto dest = ctx.connectDestination("lag");
    requireCatalog(dest, ctx.schema);
    // The tables by source, so each source is connected to once.
    std::map<int, std::vector<std::string>> bySource;
    if (p.positional().isEmpty()) {
        for (const auto &c : catalog::listConfiguredTables(dest, ctx.schema))
            bySource[c.dataSourceId].push_back(c.destTable);
    } else {
        for (const auto &arg : p.positional()) {
            const auto config = catalog::requireConfig(dest, ctx.schema, catalog::requireConfiguredTable(dest, ctx.schema, toStd(arg)));
            bySource[config.dataSourceId()].push_back(config.destTable());
        }
    }
    std::vector<jobs::LagMeasure> measures;
    for (const auto &[sourceId, tables] : bySource) {
        std::optional<pg::Connection> src;
        try {
            src.emplace(catalog::connectSourceById(dest, ctx.schema, sourceId, "mimeo:lag"));
        } catch (const pg::Error &e) {
            // The source cannot be reached: every table of it says so.
            for (const auto &t : tables)
                measures.push_back(jobs::recordLagError(dest, ctx.schema, t, "source " + std::to_string(sourceId) + ": " + e.what()));
            continue;
        }
        for (const auto &t : tables)
            measures.push_back(jobs::measureAndRecordLag(dest, ctx.schema, t, *src));
    }
    std::sort(measures.begin(), measures.end(), [](const auto &a, const auto &b) { return a.destTable < b.destTable; });
    bool failed = false;
    for (const auto &m : measures)
        failed = failed || m.kind == jobs::LagKind::Error;
    if (p.isSet(jsonOption())) {
        QJsonArray a;
        for (const auto &m : measures)
            a.append(jsonValue(std::optional(m)));
        printJson(ctx.o(), a);
    } else if (measures.empty()) {
        ctx.o() << "no tables configured in schema " << ctx.schema << "\n";
    } else {
        auto &o = ctx.o();
        o << std::left << std::setw(32) << "DEST_TABLE" << std::setw(16) << "MEASURE" << std::setw(26) << "MEASURED_AT"
          << "FIGURE\n";
        for (const auto &m : measures)
            o << std::setw(32) << m.destTable << std::setw(16) << jobs::lagKindName(m.kind) << std::setw(26) << m.measuredAt
              << jobs::describeLag(m) << "\n";
    }
    return failed ? ExitFailed : ExitOk;
}

} // namespace mimeo::cli
