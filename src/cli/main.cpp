// SPDX-License-Identifier: PostgreSQL
// mimeo: per-table PostgreSQL replication from the command line (for cron,
// systemd and scripts). Global options come before the command.
#include "cli_context.h"
#include "commands.h"
#include "mimeo/version.h"
#include "pg/conninfo.h"
#include "pg/error.h"
#include "pg/redact.h"
#include "signals.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <cstdlib>
#include <iostream>

using namespace mimeo::cli;

namespace {

QString globalHelp()
{
    QString text = QStringLiteral(
        "Usage: mimeo [--dest CONNINFO] [--schema NAME] COMMAND [ARGS...]\n"
        "\n"
        "Per-table PostgreSQL replication, compatible with the mimeo extension's catalog.\n"
        "\n"
        "Global options:\n"
        "  --dest CONNINFO   destination database (conninfo or URI); default $MIMEO_DEST,\n"
        "                    else libpq's defaults (PGHOST, PGDATABASE, PGSERVICE, ...)\n"
        "  --schema NAME     catalog schema on the destination (default mimeo)\n"
        "  -h, --help        this help; mimeo COMMAND --help for a command's options\n"
        "  -v, --version     the version\n"
        "\n"
        "Commands:\n");
    qsizetype width = 0; // the summaries start in one column, after the longest name
    for (const auto &c : commands())
        width = std::max(width, c.name.size() + 2);
    for (const auto &c : commands())
        text += QStringLiteral("  %1%2\n").arg(c.name, -static_cast<int>(width)).arg(c.summary);
    text += QStringLiteral(
        "\n"
        "Exit status: 0 success; 1 a refresh or command failed (message on stderr);\n"
        "2 usage error; 3 skipped because another process holds the table's lock;\n"
        "130 and 143 cancelled by SIGINT and SIGTERM (every job rolled back).\n");
    return text;
}

int usageError(const UsageError &u)
{
    std::cerr << "mimeo: " << toStd(u.message) << "\n";
    if (!u.hint.isEmpty())
        std::cerr << "hint: " << toStd(u.hint) << "\n";
    return ExitUsage;
}

} // namespace

// After a signal, whatever the command ended with: one line and 130/143.
int cancelled()
{
    std::cerr << "mimeo: " << activity() << " " << processCancel().reason() << "; nothing was left half done\n";
    return cancelledExitCode();
}

int main(int argc, char *argv[])
{
    startSignalWatcher();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mimeo"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(mimeo::kVersion));

    QCommandLineParser global;
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption dest(QStringLiteral("dest"), QString(), QStringLiteral("CONNINFO"));
    const QCommandLineOption schema(QStringLiteral("schema"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")});
    global.addOptions({dest, schema, help, version});

    try {
        if (!global.parse(QCoreApplication::arguments()))
            throw UsageError{global.errorText(), QStringLiteral("see: mimeo --help")};
        if (global.isSet(version)) {
            std::cout << "mimeo " << mimeo::kVersion << "\n";
            return ExitOk;
        }
        QStringList rest = global.positionalArguments();
        if (!rest.isEmpty() && rest.first() == QStringLiteral("help")) {
            rest.removeFirst();
            rest.append(QStringLiteral("--help"));
        }
        if (global.isSet(help) || rest.isEmpty() || rest.first() == QStringLiteral("--help")) {
            std::cout << toStd(globalHelp());
            return rest.isEmpty() && !global.isSet(help) ? ExitUsage : ExitOk;
        }

        int consumed = 0;
        const Command *cmd = findCommand(rest, &consumed);
        if (!cmd) {
            QStringList subcommands;
            for (const auto &c : commands()) {
                if (c.name.startsWith(rest.first() + QLatin1Char(' ')))
                    subcommands << c.name;
            }
            if (!subcommands.isEmpty())
                throw UsageError{QStringLiteral("%1: expected one of: %2").arg(rest.first(), subcommands.join(QStringLiteral(", "))),
                                 QStringLiteral("see: mimeo --help")};
            throw UsageError{QStringLiteral("unknown command \"%1\"").arg(rest.first()), QStringLiteral("see: mimeo --help")};
        }

        CliContext ctx;
        ctx.out = &std::cout;
        ctx.err = &std::cerr;
        if (global.isSet(dest)) {
            ctx.destConninfo = toStd(global.value(dest));
            // The command line is public: every local user sees it in ps.
            if (mimeo::pg::containsPassword(ctx.destConninfo))
                std::cerr << "mimeo: warning: --dest contains a password, which every local user can read in the "
                             "process list (ps); keep it in ~/.pgpass (or the file PGPASSFILE names) or a service "
                             "file (PGSERVICE), or pass the connection string in MIMEO_DEST, which only you can read\n";
        } else if (const char *env = std::getenv("MIMEO_DEST"))
            ctx.destConninfo = env;
        if (global.isSet(schema)) {
            ctx.schema = toStd(global.value(schema));
            if (ctx.schema.empty())
                throw UsageError{QStringLiteral("--schema: the name is empty"), {}};
        }
        setActivity(toStd(cmd->name));
        const int code = cmd->run(ctx, rest.mid(consumed));
        return cancelledExitCode() != 0 ? cancelled() : code;
    } catch (const UsageError &u) {
        return usageError(u);
    } catch (const mimeo::pg::Error &e) {
        if (cancelledExitCode() != 0)
            return cancelled();
        std::cerr << "mimeo: " << e.describe() << "\n";
        return ExitFailed;
    } catch (const std::exception &e) {
        if (cancelledExitCode() != 0)
            return cancelled();
        std::cerr << "mimeo: " << mimeo::pg::redact(e.what()) << "\n";
        return ExitFailed;
    }
}
