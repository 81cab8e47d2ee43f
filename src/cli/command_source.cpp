// SPDX-License-Identifier: PostgreSQL
// mimeo source add|list|remove|test|move-password: the rows of dblink_mapping_mimeo.
#include "catalog/source_probe.h"
#include "catalog/sources.h"
#include "command_parser.h"
#include "json_output.h"
#include "orphan_output.h"
#include "commands.h"
#include "pg/error.h"
#include "pg/pgpass.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <iostream>
#include <ostream>
#include <string>

namespace mimeo::cli {
namespace {

int parseId(const QString &text)
{
    bool ok = false;
    const int id = text.toInt(&ok);
    if (!ok || id <= 0)
        throw UsageError{QStringLiteral("expected a source id (a positive number), got \"%1\"").arg(text),
                         QStringLiteral("list the sources with: mimeo source list")};
    return id;
}


} // namespace

void warnAboutCatalogPasswords(CliContext &ctx, const std::vector<catalog::SourceRecord> &sources)
{
    for (const auto &s : sources) {
        if (!s.passwordInDataSource && !s.hasStoredPassword)
            continue;
        ctx.e() << "mimeo: warning: source " << s.id << " keeps its password in plain text in the catalog ("
                << (s.passwordInDataSource ? "inside data_source" : "the pwd column")
                << "), where whoever may read " << ctx.schema << ".dblink_mapping_mimeo finds it; move it to a "
                << "password file with: mimeo source move-password " << s.id << " --pgpass ~/.pgpass\n";
    }
}

int runSourceAdd(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("source add"),
                    QStringLiteral("Registers a source database and prints its data_source_id alone.\n"
                                   "The password is not stored: libpq finds it in ~/.pgpass, a service file or\n"
                                   "PGPASSWORD when the source is used. --password-stdin stores it in the\n"
                                   "catalog's pwd column in plain text, as mimeo does; avoid it where you can."));
    const QCommandLineOption conninfo(QStringLiteral("conninfo"),
                                      QStringLiteral("Connection string or URI of the source, without password."),
                                      QStringLiteral("STR"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("Role used on the source."), QStringLiteral("NAME"));
    const QCommandLineOption pwStdin(QStringLiteral("password-stdin"),
                                     QStringLiteral("Read the password from the first line of standard input and "
                                                    "store it in the catalog (plain text)."));
    p.addOption(conninfo);
    p.addOption(user);
    p.addOption(pwStdin);
    if (!p.parse(args, 0, 0))
        return ExitOk;
    if (!p.isSet(conninfo))
        throw UsageError{QStringLiteral("source add: --conninfo is required"), QStringLiteral("see: mimeo source add --help")};

    std::optional<std::string> password;
    if (p.isSet(pwStdin)) {
        std::string line;
        if (!std::getline(std::cin, line) || line.empty())
            throw UsageError{QStringLiteral("--password-stdin: no password on standard input"), {}};
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        password = line;
        ctx.e() << "mimeo: warning: the password is stored in plain text in " << ctx.schema
                << ".dblink_mapping_mimeo.pwd (for mimeo compatibility); ~/.pgpass or a service file is safer\n";
    }

    auto dest = ctx.connectDestination("source-add");
    requireCatalog(dest, ctx.schema);
    catalog::SourceRegistry reg(dest, ctx.schema);
    const int id = reg.add(toStd(p.value(conninfo)), toStd(p.value(user)), password);
    ctx.o() << id << "\n";
    return ExitOk;
}

int runSourceList(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("source list"), QStringLiteral("Lists the registered source databases."));
    p.addOption(jsonOption());
    if (!p.parse(args, 0, 0))
        return ExitOk;
    auto dest = ctx.connectDestination("source-list");
    requireCatalog(dest, ctx.schema);
    catalog::SourceRegistry reg(dest, ctx.schema);
    const auto sources = reg.list();
    if (p.isSet(jsonOption())) {
        QJsonArray arr;
        for (const auto &s : sources) {
            QJsonArray tables;
            for (const auto &t : reg.tablesUsing(s.id))
                tables.append(fromStd(t));
            // data_source comes masked (studio_source_list), as anyone may see it.
            arr.append(QJsonObject{{QStringLiteral("data_source_id"), s.id},
                                   {QStringLiteral("data_source"), fromStd(s.dataSource)},
                                   {QStringLiteral("username"), fromStd(s.username)},
                                   {QStringLiteral("stored_password"), s.hasStoredPassword},
                                   {QStringLiteral("password_in_data_source"), s.passwordInDataSource},
                                   {QStringLiteral("tables"), tables}});
        }
        printJson(ctx.o(), arr);
        return ExitOk;
    }
    if (sources.empty()) {
        ctx.o() << "no sources; add one with: mimeo source add --conninfo STR --user NAME\n";
        return ExitOk;
    }
    for (const auto &s : sources) {
        const auto tables = reg.tablesUsing(s.id);
        ctx.o() << s.id << "\t" << s.dataSource << "\tuser=" << s.username << "\t" << tables.size()
                << (tables.size() == 1 ? " table" : " tables")
                << (s.hasStoredPassword ? "\t(password stored in catalog)" : "")
                << (s.passwordInDataSource ? "\t(password inside data_source)" : "") << "\n";
    }
    warnAboutCatalogPasswords(ctx, sources);
    return ExitOk;
}

int runSourceRemove(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("source remove"),
                    QStringLiteral("Removes a source. Refused while tables are replicated from it."));
    p.addPositional(QStringLiteral("ID"), QStringLiteral("The source's data_source_id."));
    if (!p.parse(args, 1, 1))
        return ExitOk;
    const int id = parseId(p.positional().at(0));
    auto dest = ctx.connectDestination("source-remove");
    requireCatalog(dest, ctx.schema);
    catalog::SourceRegistry reg(dest, ctx.schema);
    reg.remove(id);
    ctx.o() << "removed source " << id << "\n";
    return ExitOk;
}

int runSourceMovePassword(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("source move-password"),
                    QStringLiteral("Moves the password the catalog keeps for a source in plain text (password=...\n"
                                   "inside data_source, as a catalog adopted from the mimeo extension may have, or\n"
                                   "the pwd column) into a libpq password file, and out of the catalog.\n"
                                   "FILE is created with mode 0600; an existing FILE must not be readable by group\n"
                                   "or others (libpq ignores it then). The lines added are host:port:database:user:\n"
                                   "password, as libpq looks them up (* for what data_source does not say). When\n"
                                   "FILE is not where libpq looks by default ($PGPASSFILE, else ~/.pgpass),\n"
                                   "data_source names it (passfile=). The catalog changes only after a connection\n"
                                   "to the source with FILE worked; otherwise FILE is left as it was. The mimeo\n"
                                   "extension's own refresh functions then need the password in the database\n"
                                   "server's ~/.pgpass."));
    p.addPositional(QStringLiteral("ID"), QStringLiteral("The source's data_source_id."));
    const QCommandLineOption pgpass(QStringLiteral("pgpass"),
                                    QStringLiteral("The password file that receives the password (for example ~/.pgpass)."),
                                    QStringLiteral("FILE"));
    p.addOption(pgpass);
    if (!p.parse(args, 1, 1))
        return ExitOk;
    const int id = parseId(p.positional().at(0));
    if (!p.isSet(pgpass) || p.value(pgpass).isEmpty())
        throw UsageError{QStringLiteral("source move-password: --pgpass FILE is required"),
                         QStringLiteral("for example: mimeo source move-password %1 --pgpass ~/.pgpass").arg(id)};
    const std::string file = toStd(QFileInfo(p.value(pgpass)).absoluteFilePath());

    auto dest = ctx.connectDestination("source-move-password");
    requireCatalog(dest, ctx.schema);
    catalog::SourceRegistry reg(dest, ctx.schema);
    const auto stored = reg.get(id);
    const auto password = reg.catalogPassword(stored);
    if (!password) {
        ctx.o() << "source " << id << " keeps no password in the catalog; nothing to move\n";
        return ExitOk;
    }
    pg::ConnOptions extra;
    if (file != toStd(QFileInfo(fromStd(pg::defaultPassfile())).absoluteFilePath()))
        extra.emplace_back("passfile", file);
    catalog::SourceRecord moved = stored;
    moved.dataSource = catalog::dataSourceWithoutPassword(stored.dataSource, extra);
    moved.hasStoredPassword = false;
    moved.passwordInDataSource = false;
    std::vector<std::string> lines;
    try {
        lines = pg::passfileLines(pg::parseConninfo(moved.dataSource), stored.username, *password);
    } catch (const std::invalid_argument &e) {
        throw pg::Error::usage("source " + std::to_string(id) + ": " + e.what());
    }
    uint64_t sizeBefore = 0;
    try {
        sizeBefore = pg::appendToPassfile(file, lines);
    } catch (const std::runtime_error &e) {
        throw pg::Error::usage(e.what());
    }
    try {
        // With the file alone, as every later connection will.
        auto spec = catalog::sourceConnectSpec(moved, "mimeo:source-move-password");
        spec.overrides.emplace_back("passfile", file);
        pg::Connection::open(spec);
        if (!reg.clearCatalogPasswords(id, stored.dataSource, moved.dataSource))
            throw pg::Error::usage("source " + std::to_string(id) + " was changed meanwhile; nothing was moved",
                                   pg::Side::Destination, "run the command again");
    } catch (...) {
        pg::undoAppend(file, sizeBefore);
        throw;
    }
    ctx.o() << "moved the password of source " << id << " to " << file << " (" << lines.size()
            << (lines.size() == 1 ? " line" : " lines") << "); data_source is now: " << moved.dataSource << "\n";
    return ExitOk;
}

int runSourceTest(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("source test"),
                    QStringLiteral("Connects to a source and reports its version, whether it is a standby, and the\n"
                                   "privileges the replication types need, with the statement that grants each\n"
                                   "missing one, and the queue objects an interrupted dml/logdel make left there\n"
                                   "with the statements that remove them. Exit status 1 when the connection fails."));
    p.addPositional(QStringLiteral("ID"), QStringLiteral("The source's data_source_id."));
    p.addOption(jsonOption());
    if (!p.parse(args, 1, 1))
        return ExitOk;
    const int id = parseId(p.positional().at(0));
    auto dest = ctx.connectDestination("source-test");
    requireCatalog(dest, ctx.schema);
    catalog::SourceRegistry reg(dest, ctx.schema);
    const auto source = reg.get(id);
    auto conn = catalog::connectSource(reg, source, "mimeo:source-test");
    const auto probe = catalog::probeSource(conn, ctx.schema);
    const auto orphans = replication::queue::findOrphanedQueues(conn, dest, ctx.schema);

    if (p.isSet(jsonOption())) {
        QJsonArray missing;
        for (const auto &m : probe.missing)
            missing.append(QJsonObject{{QStringLiteral("what"), fromStd(m.what)},
                                       {QStringLiteral("needed_for"), fromStd(m.neededFor)},
                                       {QStringLiteral("fix"), fromStd(m.fix)}});
        QJsonObject o{{QStringLiteral("data_source_id"), id},
                      {QStringLiteral("connected"), true},
                      {QStringLiteral("server_version"), fromStd(probe.serverVersion)},
                      {QStringLiteral("server_version_num"), probe.serverVersionNum},
                      {QStringLiteral("standby"), probe.standby},
                      {QStringLiteral("role"), fromStd(probe.role)},
                      {QStringLiteral("superuser"), probe.superuser},
                      {QStringLiteral("tables"), static_cast<qint64>(probe.tables)},
                      {QStringLiteral("selectable"), static_cast<qint64>(probe.selectable)},
                      {QStringLiteral("triggerable"), static_cast<qint64>(probe.triggerable)},
                      {QStringLiteral("queue_schema"), fromStd(probe.queueSchema)},
                      {QStringLiteral("queue_schema_ok"), probe.queueSchemaExists && probe.queueSchemaCreate},
                      {QStringLiteral("missing"), missing},
                      {QStringLiteral("orphaned_queues"), orphanedQueuesJson(orphans)}};
        printJson(ctx.o(), QJsonArray{o});
        return ExitOk;
    }
    auto &o = ctx.o();
    o << "source " << id << ": connected to " << conn.describe() << "\n";
    o << "  server:    PostgreSQL " << probe.serverVersion << (probe.standby ? " (standby)" : " (primary)") << "\n";
    o << "  role:      " << probe.role << (probe.superuser ? " (superuser)" : "") << "\n";
    o << "  tables:    " << probe.tables << ", readable " << probe.selectable << ", triggers allowed on "
      << probe.triggerable << "\n";
    o << "  schema " << probe.queueSchema << " for dml/logdel queues: "
      << (!probe.queueSchemaExists ? "missing" : probe.queueSchemaCreate ? "ok" : "no CREATE privilege") << "\n";
    if (probe.standby)
        o << "  note: a standby's statistics never move, so snap refreshes always pull; dml and logdel cannot be "
             "set up on a standby\n";
    if (probe.missing.empty()) {
        o << "  privileges: everything every replication type needs\n";
    } else {
        o << "  missing:\n";
        for (const auto &m : probe.missing)
            o << "    " << m.what << " (for " << m.neededFor << ")\n      fix: " << m.fix << "\n";
    }
    printOrphanedQueues(o, orphans);
    return ExitOk;
}

} // namespace mimeo::cli
