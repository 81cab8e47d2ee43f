// mimeo make TYPE SOURCE_TABLE --source ID [...]: set up a replication.
#include "catalog/config_tables.h"
#include "command_parser.h"
#include "commands.h"
#include "pg/error.h"
#include "run_reporter.h"

namespace mimeo::cli {

int runMake(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("make"),
                    QStringLiteral("Sets up the replication of SOURCE_TABLE (schema.table on the source) into the\n"
                                   "destination: creates the destination objects, registers the configuration\n"
                                   "and pulls the data. TYPE is snap, table, inserter, updater, dml or logdel;\n"
                                   "for inserter and updater the control column's type picks time or serial."));
    p.addPositional(QStringLiteral("TYPE"), QStringLiteral("snap, table, inserter, updater, dml or logdel"));
    p.addPositional(QStringLiteral("SOURCE_TABLE"), QStringLiteral("schema.table on the source"));
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("data_source_id of the source (see mimeo source list)."), QStringLiteral("ID"));
    const QCommandLineOption destTable(QStringLiteral("dest-table"), QStringLiteral("Destination schema.table (default: the source's name)."), QStringLiteral("NAME"));
    const QCommandLineOption control(QStringLiteral("control"), QStringLiteral("inserter/updater: the column that orders new rows."), QStringLiteral("COLUMN"));
    const QCommandLineOption boundary(QStringLiteral("boundary"), QStringLiteral("inserter/updater: interval (time) or integer (serial) left out at the top."), QStringLiteral("VALUE"));
    const QCommandLineOption filter(QStringLiteral("filter"), QStringLiteral("Replicate only these columns."), QStringLiteral("COL,COL"));
    const QCommandLineOption condition(QStringLiteral("condition"), QStringLiteral("SQL appended after FROM on the source (WHERE ..., or extra tables)."), QStringLiteral("SQL"));
    const QCommandLineOption noIndex(QStringLiteral("no-index"), QStringLiteral("Do not copy the source's indexes."));
    const QCommandLineOption noPull(QStringLiteral("no-pulldata"), QStringLiteral("Create everything but pull no data now."));
    const QCommandLineOption pkName(QStringLiteral("pk-name"), QStringLiteral("Key columns, when the source has no usable key (views)."), QStringLiteral("COL,COL"));
    const QCommandLineOption pkType(QStringLiteral("pk-type"), QStringLiteral("Types of the --pk-name columns."), QStringLiteral("TYPE,TYPE"));
    const QCommandLineOption sequences(QStringLiteral("sequences"), QStringLiteral("table: destination sequences to reset after each refresh."), QStringLiteral("SEQ,SEQ"));
    const QCommandLineOption period(QStringLiteral("period"), QStringLiteral("How often `mimeo run` refreshes it (an interval)."), QStringLiteral("INTERVAL"));
    const QCommandLineOption batchLimit(QStringLiteral("batch-limit"), QStringLiteral("Rows (or queued keys) per refresh for incremental/dml/logdel."), QStringLiteral("N"));
    const QCommandLineOption useExisting(QStringLiteral("use-existing"),
                                         QStringLiteral("table: replicate into a destination table that already exists; "
                                                        "every refresh replaces its rows."));
    const QCommandLineOption time(QStringLiteral("time"), QStringLiteral("inserter/updater: the control column is a time."));
    const QCommandLineOption serial(QStringLiteral("serial"), QStringLiteral("inserter/updater: the control column is a serial number."));
    for (const auto *o : {&source, &destTable, &control, &boundary, &filter, &condition, &noIndex, &noPull, &pkName, &pkType,
                          &sequences, &period, &batchLimit, &useExisting, &time, &serial})
        p.addOption(*o);
    if (!p.parse(args, 2, 2))
        return ExitOk;

    replication::MakeRequest req;
    const QString type = p.positional().at(0);
    static const QStringList types{QStringLiteral("snap"), QStringLiteral("table"), QStringLiteral("inserter"),
                                   QStringLiteral("updater"), QStringLiteral("dml"), QStringLiteral("logdel")};
    if (!types.contains(type))
        throw UsageError{QStringLiteral("make: unknown type \"%1\"; expected one of %2").arg(type, types.join(QStringLiteral(", "))),
                         QStringLiteral("see: mimeo make --help")};
    if (p.isSet(time) && p.isSet(serial))
        throw UsageError{QStringLiteral("make: --time and --serial exclude each other"), {}};
    if ((p.isSet(time) || p.isSet(serial)) && type != QStringLiteral("inserter") && type != QStringLiteral("updater"))
        throw UsageError{QStringLiteral("make: --time and --serial apply to inserter and updater only"), {}};
    req.type = toStd(type);
    if (p.isSet(time))
        req.type += "_time";
    else if (p.isSet(serial))
        req.type += "_serial";
    req.source = parseTableArgument(p.positional().at(1), QStringLiteral("SOURCE_TABLE"));
    if (!p.isSet(source))
        throw UsageError{QStringLiteral("make: --source ID is required"), QStringLiteral("list the sources with: mimeo source list")};
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
    if (p.isSet(useExisting) && type != QStringLiteral("table"))
        throw UsageError{QStringLiteral("make: --use-existing applies to table only"), QStringLiteral("see: mimeo make --help")};
    req.useExisting = p.isSet(useExisting);
    req.index = !p.isSet(noIndex);
    req.pullData = !p.isSet(noPull);
    if (p.isSet(pkName))
        req.pkName = parseList(p.value(pkName), QStringLiteral("pk-name"));
    if (p.isSet(pkType))
        req.pkType = parseList(p.value(pkType), QStringLiteral("pk-type"));
    if (req.pkName.size() != req.pkType.size())
        throw UsageError{QStringLiteral("make: --pk-name and --pk-type must list the same number of items"), {}};
    if (p.isSet(sequences))
        req.sequences = parseList(p.value(sequences), QStringLiteral("sequences"));
    if (p.isSet(period))
        req.period = toStd(p.value(period));
    if (p.isSet(batchLimit))
        req.batchLimit = p.intValue(QStringLiteral("batch-limit"), 1, 2147483647);
    if ((type == QStringLiteral("inserter") || type == QStringLiteral("updater")) && !p.isSet(control))
        throw UsageError{QStringLiteral("make: %1 needs --control COLUMN (a timestamp, timestamptz or date column for time, "
                                        "a smallint, integer or bigint column for serial)").arg(type),
                         QStringLiteral("see: mimeo make --help")};

    auto dest = ctx.connectDestination("make:" + req.source.catalogText());
    requireCatalog(dest, ctx.schema);
    // Refuse a bad period before anything is made (the maker checks it again).
    if (auto why = req.period ? catalog::checkPeriod(dest, *req.period) : std::nullopt)
        throw pg::Error::usage("--" + *why, pg::Side::Destination, "see: mimeo make --help");
    RunReporter reporter(ctx, "make");
    return reporter.report(replication::make(dest, req, reporter.context()));
}

} // namespace mimeo::cli
