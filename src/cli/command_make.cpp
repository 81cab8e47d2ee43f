// SPDX-License-Identifier: PostgreSQL
// mimeo make TYPE SOURCE_TABLE --source ID [...]: set up a replication.
#include "catalog/config_tables.h"
#include "catalog/make_request.h"
#include "catalog/replication_types.h"
#include "command_parser.h"
#include "commands.h"
#include "pg/error.h"
#include "run_reporter.h"

#include <algorithm>

namespace mimeo::cli {

namespace {

using catalog::MakeOption;

// The help of an option some types refuse starts with the types that take it.
QString scoped(MakeOption o, const char *text)
{
    const auto &types = catalog::makeTypes();
    const bool everyType = std::all_of(types.begin(), types.end(), [o](const auto &t) { return t.allows(o); });
    const QString help = QString::fromUtf8(text);
    return everyType ? help : fromStd(catalog::typesAllowingText(o)) + QStringLiteral(": ") + help;
}

QString typesHelp()
{
    QString out;
    for (const auto &t : catalog::makeTypes())
        out += QStringLiteral("\n  %1 %2").arg(fromStd(std::string(t.name)), -9).arg(fromStd(std::string(t.summary)));
    return out;
}

} // namespace

int runMake(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("make"),
                    QStringLiteral("Sets up the replication of SOURCE_TABLE (schema.table on the source) into the\n"
                                   "destination: creates the destination objects, registers the configuration\n"
                                   "and pulls the data. TYPE is one of:%1\n"
                                   "For inserter and updater the control column's type picks time or serial.")
                        .arg(typesHelp()));
    const QString typeNames = fromStd(catalog::makeTypeNamesText());
    p.addPositional(QStringLiteral("TYPE"), typeNames);
    p.addPositional(QStringLiteral("SOURCE_TABLE"), QStringLiteral("schema.table on the source"));
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("data_source_id of the source (see mimeo source list)."), QStringLiteral("ID"));
    const QCommandLineOption destTable(QStringLiteral("dest-table"), QStringLiteral("Destination schema.table (default: the source's name)."), QStringLiteral("NAME"));
    const QCommandLineOption control(QStringLiteral("control"), scoped(MakeOption::Control, "the column that orders new rows."), QStringLiteral("COLUMN"));
    const QCommandLineOption boundary(QStringLiteral("boundary"), scoped(MakeOption::Boundary, "interval (time) or integer (serial) left out at the top."), QStringLiteral("VALUE"));
    const QCommandLineOption filter(QStringLiteral("filter"), scoped(MakeOption::Filter, "Replicate only these columns."), QStringLiteral("COL,COL"));
    const QCommandLineOption condition(QStringLiteral("condition"), scoped(MakeOption::Condition, "SQL appended after FROM on the source (WHERE ..., or extra tables)."), QStringLiteral("SQL"));
    const QCommandLineOption noIndex(QStringLiteral("no-index"), scoped(MakeOption::NoIndex, "Do not copy the source's indexes."));
    const QCommandLineOption noPull(QStringLiteral("no-pulldata"), scoped(MakeOption::NoPulldata, "Create everything but pull no data now."));
    const QCommandLineOption pkName(QStringLiteral("pk-name"), scoped(MakeOption::Key, "key columns, when the source has no usable key (views)."), QStringLiteral("COL,COL"));
    const QCommandLineOption pkType(QStringLiteral("pk-type"), scoped(MakeOption::Key, "types of the --pk-name columns."), QStringLiteral("TYPE,TYPE"));
    const QCommandLineOption sequences(QStringLiteral("sequences"), scoped(MakeOption::Sequences, "destination sequences to reset after each refresh."), QStringLiteral("SEQ,SEQ"));
    const QCommandLineOption period(QStringLiteral("period"), scoped(MakeOption::Period, "How often `mimeo run` refreshes it (an interval)."), QStringLiteral("INTERVAL"));
    const QCommandLineOption batchLimit(QStringLiteral("batch-limit"), scoped(MakeOption::BatchLimit, "Rows (or queued keys) per refresh for incremental/dml/logdel."), QStringLiteral("N"));
    const QCommandLineOption useExisting(QStringLiteral("use-existing"),
                                         scoped(MakeOption::UseExisting, "replicate into a destination table that already exists; "
                                                                         "every refresh replaces its rows."));
    const QCommandLineOption time(QStringLiteral("time"), scoped(MakeOption::TimeOrSerial, "the control column is a time."));
    const QCommandLineOption serial(QStringLiteral("serial"), scoped(MakeOption::TimeOrSerial, "the control column is a serial number."));
    for (const auto *o : {&source, &destTable, &control, &boundary, &filter, &condition, &noIndex, &noPull, &pkName, &pkType,
                          &sequences, &period, &batchLimit, &useExisting, &time, &serial})
        p.addOption(*o);
    if (!p.parse(args, 2, 2))
        return ExitOk;

    replication::MakeRequest req;
    const QString type = p.positional().at(0);
    const auto *described = catalog::findType(toStd(type));
    if (!described || !described->isMakeLevel())
        throw UsageError{QStringLiteral("make: unknown type \"%1\"; expected one of %2").arg(type, typeNames),
                         QStringLiteral("see: mimeo make --help")};
    if (p.isSet(time) && p.isSet(serial))
        throw UsageError{QStringLiteral("make: --time and --serial exclude each other"), {}};
    if ((p.isSet(time) || p.isSet(serial)) && !described->allows(MakeOption::TimeOrSerial))
        throw UsageError{QStringLiteral("make: --time and --serial apply to %1 only, not to %2")
                             .arg(fromStd(catalog::typesAllowingText(MakeOption::TimeOrSerial)), type),
                         QStringLiteral("see: mimeo make --help")};
    req.type = toStd(type);
    if (p.isSet(time))
        req.type += "_time";
    else if (p.isSet(serial))
        req.type += "_serial";
    req.source = parseTableArgument(p.positional().at(1), QStringLiteral("SOURCE_TABLE"));
    if (p.isSet(source))
        req.dataSourceId = static_cast<int>(p.intValue(QStringLiteral("source"), 1, 2147483647));
    if (p.isSet(destTable))
        req.dest = parseTableArgument(p.value(destTable), QStringLiteral("--dest-table"));
    if (p.isSet(control))
        req.control = toStd(p.value(control));
    if (p.isSet(boundary))
        req.boundary = toStd(p.value(boundary));
    if (p.isSet(filter))
        req.filter = parseList(p.value(filter), QStringLiteral("filter"));
    if (p.isSet(condition))
        req.condition = toStd(p.value(condition));
    req.useExisting = p.isSet(useExisting);
    req.index = !p.isSet(noIndex);
    req.pullData = !p.isSet(noPull);
    if (p.isSet(pkName))
        req.pkName = parseList(p.value(pkName), QStringLiteral("pk-name"));
    if (p.isSet(pkType))
        req.pkType = parseList(p.value(pkType), QStringLiteral("pk-type"));
    if (p.isSet(sequences))
        req.sequences = parseList(p.value(sequences), QStringLiteral("sequences"));
    if (p.isSet(period))
        req.period = toStd(p.value(period));
    if (p.isSet(batchLimit))
        req.batchLimit = p.intValue(QStringLiteral("batch-limit"), 1, 2147483647);
    // The engine's make() checks the same again: one validation for the CLI and the application.
    if (const auto problems = catalog::validateMakeRequest(req); !problems.empty()) {
        QStringList messages, hints;
        for (const auto &problem : problems) {
            messages << QStringLiteral("make: ") + fromStd(problem.message);
            if (!problem.hint.empty() && !hints.contains(fromStd(problem.hint)))
                hints << fromStd(problem.hint);
        }
        throw UsageError{messages.join(QLatin1Char('\n')), hints.join(QLatin1Char('\n'))};
    }

    auto dest = ctx.connectDestination("make:" + req.source.catalogText());
    requireCatalog(dest, ctx.schema);
    // Refuse a bad period before anything is made (the maker checks it again).
    if (auto why = req.period ? catalog::checkPeriod(dest, *req.period) : std::nullopt)
        throw pg::Error::usage("--" + *why, pg::Side::Destination, "see: mimeo make --help");
    RunReporter reporter(ctx, "make");
    return reporter.report(replication::make(dest, req, reporter.context()));
}

} // namespace mimeo::cli
