// SPDX-License-Identifier: PostgreSQL
// mimeo make/refresh/destroy through the binary: output, exit statuses
// (3 when another process holds the table), --lock-wait, name forms,
// concurrent makes of one destination, an existing destination table.
#include "cli_fixture.h"
#include "pg/connection.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>

#include <thread>

using namespace mimeo;
using test::runMimeo;

namespace {

struct CliFixture : test::CliFixture {
    CliFixture(const test::TestEnv *env, const char *prefix)
        : test::CliFixture(env, prefix,
                           "CREATE SCHEMA src; CREATE TABLE src.t (id int PRIMARY KEY, v text);"
                           "INSERT INTO src.t SELECT g, 'v' || g FROM generate_series(1, 500) g;"
                           "CREATE TABLE src.\"Mixed Case\" (id int); CREATE TABLE src.\"MyTab\" (id int);"
                           // Reading it takes a second: makes from it overlap.
                           "CREATE VIEW src.slow AS SELECT t.* FROM src.t t, pg_sleep(1);")
    {
    }
};

} // namespace

class TestCliRefresh : public QObject {
    Q_OBJECT
private slots:
    void makeRefreshDestroy()
    {
        MIMEO_REQUIRE_ENV(env);
        CliFixture f(env, "clirefresh");
        auto made = f.run({"make", "snap", "src.t", "--source", "1", "--dest-table", "rep.t", "--period", "1 hour"});
        QCOMPARE(made.exitCode, 0);
        QVERIFY2(made.out.contains(QStringLiteral("made snapshot rep.t (500 rows)")), qPrintable(made.all()));
        auto table = f.run({"make", "table", "src.\"Mixed Case\"", "--source", "1", "--dest-table", "rep.\"Mixed Case\""});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains(QStringLiteral("rep.Mixed Case")), qPrintable(table.all()));

        auto refreshed = f.run({"refresh", "rep.t", "--repull"});
        QCOMPARE(refreshed.exitCode, 0);
        QVERIFY2(refreshed.out.contains(QStringLiteral("refreshed rep.t: 500 rows")), qPrintable(refreshed.all()));
        // The catalog's text form and the SQL form both name it.
        QCOMPARE(f.run({"refresh", "rep.Mixed Case"}).exitCode, 0);
        QCOMPARE(f.run({"refresh", "\"rep\".\"Mixed Case\""}).exitCode, 0);

        auto status = f.run({"status", "--json"});
        const auto arr = QJsonDocument::fromJson(status.out.toUtf8()).array();
        QCOMPARE(arr.size(), 2);
        for (const auto &v : arr)
            QCOMPARE(v.toObject().value(QStringLiteral("last_status")).toString(), QStringLiteral("ok"));

        auto destroyed = f.run({"destroy", "rep.t", "--drop-table"});
        QCOMPARE(destroyed.exitCode, 0);
        QVERIFY(!f.dest.connect().exec("SELECT to_regclass('rep.t') IS NOT NULL").toBool(0, 0));
    }

    void errorsAndUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown table") << QStringList{"refresh", "rep.nope"} << 1 << "(rep.nope) is not managed by mimeo";
        QTest::newRow("unknown type") << QStringList{"make", "snapshot", "src.t", "--source", "1"} << 2 << "unknown type";
        QTest::newRow("no source") << QStringList{"make", "snap", "src.t"} << 2 << "--source";
        QTest::newRow("bad period") << QStringList{"make", "snap", "src.t", "--source", "1", "--dest-table", "rep.p", "--period", "often"}
                                    << 1 << "interval";
        // A period of zero or less makes the table due on every run and late for ever.
        QTest::newRow("zero period") << QStringList{"make", "snap", "src.t", "--source", "1", "--dest-table", "rep.p", "--period", "0"}
                                     << 1 << "longer than zero";
        QTest::newRow("negative period")
            << QStringList{"make", "table", "src.t", "--source", "1", "--dest-table", "rep.p", "--period", "-1 day"} << 1
            << "longer than zero";
        QTest::newRow("unknown sequence")
            << QStringList{"make", "table", "src.t", "--source", "1", "--dest-table", "rep.q", "--sequences", "rep.no_such_seq"}
            << 1 << "sequence rep.no_such_seq does not exist on the destination";
        // Unquoted names are folded as in SQL: the hint says so and names the quoted form.
        QTest::newRow("folded name") << QStringList{"make", "snap", "src.MyTab", "--source", "1", "--dest-table", "rep.m"} << 1
                                     << "\"src\".\"MyTab\"";
        QTest::newRow("unknown source id") << QStringList{"make", "snap", "src.t", "--source", "7", "--dest-table", "rep.x"} << 1
                                           << "source 7 does not exist";
        // Seen without a server (catalog::validateMakeRequest): a usage error.
        QTest::newRow("unqualified") << QStringList{"make", "snap", "t", "--source", "1"} << 2 << "schema-qualified";
        QTest::newRow("keep and drop") << QStringList{"destroy", "rep.t", "--keep-table", "--drop-table"} << 2 << "exclude";
        QTest::newRow("pk counts") << QStringList{"make", "updater", "src.t", "--source", "1", "--pk-name", "a,b", "--pk-type", "int"}
                                   << 2 << "same number";
    }
    void errorsAndUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        MIMEO_REQUIRE_ENV(env);
        CliFixture f(env, "clierr");
        auto r = f.run(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        // Nothing was configured by a failed make.
        QCOMPARE(f.dest.connect().exec("SELECT count(*) FROM mimeo.refresh_config").toInt(0, 0), int64_t(0));
    }

    void lockedTableExitsWithThreeOrWaits()
    {
        MIMEO_REQUIRE_ENV(env);
        CliFixture f(env, "clilock");
        QCOMPARE(f.run({"make", "table", "src.t", "--source", "1", "--dest-table", "rep.t"}).exitCode, 0);
        auto holder = f.dest.connect();
        holder.exec("BEGIN; SELECT pg_advisory_xact_lock(hashtext('mimeo advisory lock'), hashtext('rep.t'));");

        auto locked = f.run({"refresh", "rep.t"});
        QCOMPARE(locked.exitCode, 3);
        QVERIFY2(locked.err.contains(QStringLiteral("another process")), qPrintable(locked.err));

        QElapsedTimer t;
        t.start();
        auto waited = f.run({"refresh", "rep.t", "--lock-wait", "2"});
        QCOMPARE(waited.exitCode, 3);
        QVERIFY(t.elapsed() >= 1900); // it really waited (mimeo 1.5.1 never did)

        std::thread releaser([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            holder.exec("COMMIT");
        });
        auto got = f.run({"refresh", "rep.t", "--lock-wait", "30"});
        releaser.join();
        QCOMPARE(got.exitCode, 0);

        auto statuses = f.dest.connect().exec("SELECT string_agg(status, ',' ORDER BY job_id) FROM mimeo.studio_job_log "
                                              "WHERE dest_table = 'rep.t' AND action = 'refresh'");
        QCOMPARE(statuses.text(0, 0), std::string("skipped,skipped,ok"));
    }

    void concurrentMakesOfOneDestinationLeaveOneConfigured()
    {
        MIMEO_REQUIRE_ENV(env);
        CliFixture f(env, "climakes");
        const QStringList args{"--dest", QString::fromStdString(f.dest.conninfo()), "make", "table", "src.slow", "--source", "1",
                               "--dest-table", "rep.c"};
        std::vector<std::unique_ptr<QProcess>> makers;
        for (int i = 0; i < 3; ++i) {
            makers.push_back(std::make_unique<QProcess>());
            makers.back()->start(test::mimeoBinary(), args);
        }
        int ok = 0;
        for (auto &m : makers) {
            QVERIFY(m->waitForFinished(120000));
            const QString err = QString::fromUtf8(m->readAllStandardError());
            if (m->exitCode() == 0) {
                ++ok;
                continue;
            }
            QCOMPARE(m->exitCode(), 1);
            // The loser is told what happened, not a duplicate key.
            QVERIFY2(err.contains(QStringLiteral("rep.c is already configured")), qPrintable(err));
        }
        QCOMPARE(ok, 1);
        auto d = f.dest.connect();
        QCOMPARE(d.exec("SELECT count(*) FROM mimeo.refresh_config").toInt(0, 0), int64_t(1));
        QCOMPARE(d.exec("SELECT count(*) FROM rep.c").toInt(0, 0), int64_t(500));
        // No lock is left behind: a refresh gets it at once.
        QCOMPARE(f.run({"refresh", "rep.c"}).exitCode, 0);
    }

    void makeTableOntoAnExistingTableOnlyWhenAsked()
    {
        MIMEO_REQUIRE_ENV(env);
        CliFixture f(env, "cliexisting");
        auto d = f.dest.connect();
        d.exec("CREATE TABLE rep.t (id int PRIMARY KEY, v text, mine text); INSERT INTO rep.t VALUES (-1, 'keep me', 'x')");
        auto refused = f.run({"make", "table", "src.t", "--source", "1", "--dest-table", "rep.t"});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("rep.t already exists")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("--use-existing")), qPrintable(refused.err));
        QCOMPARE(d.exec("SELECT count(*) FROM mimeo.refresh_config").toInt(0, 0), int64_t(0));
        QCOMPARE(d.exec("SELECT count(*) FROM rep.t WHERE id = -1").toInt(0, 0), int64_t(1));

        auto wrongType = f.run({"make", "snap", "src.t", "--source", "1", "--dest-table", "rep.s", "--use-existing"});
        QCOMPARE(wrongType.exitCode, 2);

        // Asked for: registered as it is (mimeo's table_maker), loaded by the first refresh.
        auto adopted = f.run({"make", "table", "src.t", "--source", "1", "--dest-table", "rep.t", "--use-existing"});
        QVERIFY2(adopted.exitCode == 0, qPrintable(adopted.all()));
        QVERIFY2(adopted.out.contains(QStringLiteral("registered existing table rep.t")), qPrintable(adopted.out));
        QCOMPARE(d.exec("SELECT count(*) FROM rep.t").toInt(0, 0), int64_t(1));
        QCOMPARE(f.run({"refresh", "rep.t"}).exitCode, 0);
        QCOMPARE(d.exec("SELECT count(*) FROM rep.t WHERE id > 0").toInt(0, 0), int64_t(500));
    }
};

QTEST_GUILESS_MAIN(TestCliRefresh)
#include "tst_cli_refresh.moc"
