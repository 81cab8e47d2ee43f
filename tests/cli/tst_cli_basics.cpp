// SPDX-License-Identifier: PostgreSQL
// The command line contract that needs no server: --version, --help, every
// command's --help, exit status 2 with a hint for bad usage, and a warning
// (never an echo) for a password on the command line.
#include "catalog/replication_types.h"
#include "testenv.h"

#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

#include <map>

using mimeo::test::runMimeo;

class TestCliBasics : public QObject {
    Q_OBJECT
private slots:
    void version()
    {
        const auto r = runMimeo({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^mimeo \\d+\\.\\d+\\.\\d+\\n$")).match(r.out).hasMatch(), qPrintable(r.out));
    }

    void helpListsEveryCommand()
    {
        const auto r = runMimeo({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *c : {"init", "source add", "source list", "source remove", "source test"})
            QVERIFY2(r.out.contains(QLatin1String(c)), c);
        QVERIFY(r.out.contains(QStringLiteral("--dest")));
        QVERIFY(r.out.contains(QStringLiteral("Exit status")));
    }

    void commandHelpListsItsOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("init") << QStringList{"init", "--help"} << QStringList{"--dry-run"};
        QTest::newRow("source add") << QStringList{"source", "add", "--help"}
                                    << QStringList{"--conninfo", "--user", "--password-stdin"};
        QTest::newRow("source list") << QStringList{"source", "list", "--help"} << QStringList{"--json"};
        QTest::newRow("source test") << QStringList{"source", "test", "--help"} << QStringList{"--json", "ID"};
        QTest::newRow("lag") << QStringList{"lag", "--help"} << QStringList{"--json", "DEST_TABLE", "estimate"};
        QTest::newRow("help word") << QStringList{"help", "source", "remove"} << QStringList{"ID"};
    }
    void commandHelpListsItsOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, mentions);
        const auto r = runMimeo(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Usage: mimeo")), qPrintable(r.out));
        for (const auto &m : mentions)
            QVERIFY2(r.out.contains(m), qPrintable(m + QStringLiteral(" not in:\n") + r.out));
    }

    void badUsageExitsWithTwoAndAHint_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no command") << QStringList{} << "Usage";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << "unknown command \"frobnicate\"";
        QTest::newRow("unknown global option") << QStringList{"--nope", "init"} << "nope";
        QTest::newRow("unknown command option") << QStringList{"init", "--nope"} << "nope";
        QTest::newRow("incomplete subcommand") << QStringList{"source"} << "source add";
        QTest::newRow("missing argument") << QStringList{"source", "remove"} << "missing argument";
        QTest::newRow("extra argument") << QStringList{"source", "list", "x"} << "unexpected argument";
        QTest::newRow("bad id") << QStringList{"source", "remove", "abc"} << "source id";
        QTest::newRow("missing conninfo") << QStringList{"source", "add", "--user", "u"} << "--conninfo";
    }
    void badUsageExitsWithTwoAndAHint()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const auto r = runMimeo(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.all().contains(mentions), qPrintable(r.all()));
        if (!args.isEmpty())
            QVERIFY2(r.err.contains(QStringLiteral("hint:")), qPrintable(r.err));
    }

    // The types in `mimeo make --help` are exactly the description's
    // (catalog/replication_types.h), not a list of the CLI's own.
    void makeHelpListsTheDescribedTypes()
    {
        const auto r = runMimeo({QStringLiteral("make"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        const auto lines = r.out.split(QLatin1Char('\n'));
        const auto start = lines.indexOf(QRegularExpression(QStringLiteral(".*TYPE is one of:$")));
        QVERIFY2(start >= 0, qPrintable(r.out));
        QStringList listed;
        for (auto i = start + 1; i < lines.size() && lines[i].startsWith(QStringLiteral("  ")); ++i)
            listed << lines[i].trimmed().section(QLatin1Char(' '), 0, 0);
        QStringList described;
        for (const auto &t : mimeo::catalog::makeTypes())
            described << QString::fromStdString(std::string(t.name));
        QCOMPARE(listed, described);
        QVERIFY2(r.out.contains(QStringLiteral("TYPE                   ")
                                + QString::fromStdString(mimeo::catalog::makeTypeNamesText())),
                 qPrintable(r.out));
    }

    // Every option a type does not take is refused before any connection,
    // naming the option and the type: the CLI asks the description.
    void makeRefusesOptionsTheTypeDoesNotTake()
    {
        using mimeo::catalog::MakeOption;
        const std::map<MakeOption, QStringList> args = {
            {MakeOption::Control, {"--control", "c"}},
            {MakeOption::Boundary, {"--boundary", "1"}},
            {MakeOption::Filter, {"--filter", "id"}},
            {MakeOption::Condition, {"--condition", "WHERE true"}},
            {MakeOption::Key, {"--pk-name", "id", "--pk-type", "integer"}},
            {MakeOption::Sequences, {"--sequences", "s.q"}},
            {MakeOption::UseExisting, {"--use-existing"}},
            {MakeOption::NoIndex, {"--no-index"}},
            {MakeOption::NoPulldata, {"--no-pulldata"}},
            {MakeOption::Period, {"--period", "1 hour"}},
            {MakeOption::BatchLimit, {"--batch-limit", "5"}},
            {MakeOption::TimeOrSerial, {"--time"}},
        };
        QCOMPARE(args.size(), mimeo::catalog::allMakeOptions().size());
        int refusals = 0;
        for (const auto &type : mimeo::catalog::makeTypes()) {
            const QString name = QString::fromStdString(std::string(type.name));
            for (const auto option : mimeo::catalog::allMakeOptions()) {
                if (type.allows(option))
                    continue;
                QStringList call{"--dest", "host=/nonexistent", "make", name, "s.t", "--source", "1"};
                if (type.needs(MakeOption::Control))
                    call << "--control" << "c";
                call << args.at(option);
                const auto r = runMimeo(call);
                const QString what = name + QStringLiteral(" with ") + args.at(option).first() + QStringLiteral(": ") + r.all();
                QVERIFY2(r.exitCode == 2, qPrintable(what));
                QVERIFY2(r.err.contains(QString::fromStdString(std::string(mimeo::catalog::makeOptionText(option)))), qPrintable(what));
                QVERIFY2(r.err.contains(QStringLiteral("only, not to ") + name), qPrintable(what));
                QVERIFY2(r.err.contains(QStringLiteral("hint:")), qPrintable(what));
                ++refusals;
            }
        }
        QVERIFY(refusals >= 20); // snap alone refuses seven
    }

    // Every problem at once, so a wizard (or a person) fixes them in one go.
    void makeListsEveryProblem()
    {
        const auto r = runMimeo({"--dest", "host=/nonexistent", "make", "updater", "t", "--pk-name", "a,b", "--pk-type", "int",
                                 "--sequences", "s.q"});
        QCOMPARE(r.exitCode, 2);
        for (const char *m : {"--source ID is required", "source table t must be schema-qualified",
                              "--sequences applies to table only, not to updater", "updater needs --control COLUMN",
                              "--pk-name and --pk-type must list the same number of items"})
            QVERIFY2(r.err.contains(QLatin1String(m)), qPrintable(QLatin1String(m) + QStringLiteral(" not in:\n") + r.err));
    }

    void passwordInDestIsWarnedAboutNeverShown_data()
    {
        QTest::addColumn<QString>("dest");
        QTest::newRow("keyword") << QStringLiteral("host=127.0.0.1 port=1 dbname=x user=u password=Visible-In-Ps-1");
        QTest::newRow("quoted") << QStringLiteral("host=127.0.0.1 port=1 dbname=x password='Visible-In-Ps-1'");
        QTest::newRow("uri") << QStringLiteral("postgresql://u:Visible-In-Ps-1@127.0.0.1:1/x");
        QTest::newRow("uri parameter") << QStringLiteral("postgresql://127.0.0.1:1/x?password=Visible-In-Ps-1");
    }
    void passwordInDestIsWarnedAboutNeverShown()
    {
        // Port 1: nothing listens, so this needs no server; the warning comes first.
        QFETCH(QString, dest);
        const auto r = runMimeo({QStringLiteral("--dest"), dest, QStringLiteral("status")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("warning: --dest contains a password")), qPrintable(r.err));
        for (const char *safer : {"ps", "PGPASSFILE", "PGSERVICE", "MIMEO_DEST"})
            QVERIFY2(r.err.contains(QLatin1String(safer)), safer);
        QVERIFY2(!r.all().contains(QStringLiteral("Visible-In-Ps-1")), qPrintable(r.all()));

        // The same in MIMEO_DEST is private to the user: no warning.
        QProcessEnvironment e;
        e.insert(QStringLiteral("MIMEO_DEST"), dest);
        const auto env = runMimeo({QStringLiteral("status")}, {}, e);
        QCOMPARE(env.exitCode, 1);
        QVERIFY2(!env.err.contains(QStringLiteral("warning")), qPrintable(env.err));
        QVERIFY2(!env.all().contains(QStringLiteral("Visible-In-Ps-1")), qPrintable(env.all()));
    }

    void destWithoutPasswordIsNotWarnedAbout()
    {
        const auto r = runMimeo({QStringLiteral("--dest"), QStringLiteral("host=127.0.0.1 port=1 dbname=x"), QStringLiteral("status")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(!r.err.contains(QStringLiteral("warning")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliBasics)
#include "tst_cli_basics.moc"
