// SPDX-License-Identifier: PostgreSQL
// mimeo run, log and status through the binary: which tables are due and in
// what order, type filter, batch limit, parallel workers, two runners at
// once doing each table exactly once, failures, the destination dropping
// the run's connections mid-refresh, job log retention.
#include "cli_fixture.h"
#include "pg/connection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace mimeo;
using test::runMimeo;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

struct RunFixture : test::CliFixture {
    pg::Connection d;
    RunFixture(const test::TestEnv *env, const char *prefix)
        // A view that takes half a second to read makes parallelism visible.
        : test::CliFixture(env, prefix,
                           "CREATE SCHEMA src; CREATE TABLE src.t (id int PRIMARY KEY, v text);"
                           "INSERT INTO src.t SELECT g, 'v' || g FROM generate_series(1, 50) g;"
                           "CREATE VIEW src.slow AS SELECT t.* FROM src.t t, pg_sleep(0.5);")
        , d(dest.connect())
    {
    }
    void make(const QString &type, const QString &source, const QString &dest, const QString &lastRunAgo,
              const QString &period = QStringLiteral("1 minute"))
    {
        auto r = run({"make", type, source, "--source", "1", "--dest-table", dest, "--period", period});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        if (!lastRunAgo.isEmpty())
            d.exec("UPDATE mimeo.refresh_config SET last_run = now() - $2::interval WHERE dest_table = $1",
                   {dest.toStdString(), lastRunAgo.toStdString()});
    }
    int refreshJobs(const std::string &table)
    {
        return static_cast<int>(d.exec("SELECT count(*) FROM mimeo.studio_job_log WHERE action = 'refresh' AND dest_table = $1", {table}).toInt(0, 0));
    }
};

} // namespace

class TestCliRun : public QObject {
    Q_OBJECT
private slots:
    void dueSelectionOrderTypeAndBatchLimit()
    {
        MIMEO_REQUIRE_ENV(env);
        RunFixture f(env, "rundue");
        f.make("table", "src.t", "rep.old", "3 hours");
        f.make("table", "src.t", "rep.older", "5 hours");
        f.make("snap", "src.t", "rep.snap", "1 hour");
        f.make("table", "src.t", "rep.recent", "10 seconds");
        f.make("table", "src.t", "rep.never", "");
        f.d.exec("UPDATE mimeo.refresh_config SET last_run = NULL WHERE dest_table = 'rep.never'");
        f.make("table", "src.t", "rep.noperiod", "5 hours");
        f.d.exec("UPDATE mimeo.refresh_config SET period = NULL WHERE dest_table = 'rep.noperiod'");

        // --batch-limit 1 takes the oldest only.
        auto one = f.run({"run", "--batch-limit", "1", "--verbose"});
        QCOMPARE(one.exitCode, 0);
        QVERIFY2(one.out.contains(QStringLiteral("refreshed rep.older")), qPrintable(one.all()));
        QCOMPARE(f.refreshJobs("rep.old"), 0);

        // --type picks a family (a snap may refresh or skip; either way it ran).
        auto snaps = f.run({"run", "--type", "snap", "--verbose"});
        QCOMPARE(snaps.exitCode, 0);
        QVERIFY2(snaps.out.contains(QStringLiteral("rep.snap")), qPrintable(snaps.out));
        QVERIFY(!snaps.out.contains(QStringLiteral("rep.old")));
        QCOMPARE(f.refreshJobs("rep.snap"), 1);

        // Everything due, oldest first; never-run, recent and period-less tables are not due.
        f.d.exec("UPDATE mimeo.refresh_config SET last_run = now() - interval '4 hours' WHERE dest_table = 'rep.older'");
        auto all = f.run({"run", "--verbose"});
        QCOMPARE(all.exitCode, 0);
        const int older = all.out.indexOf(QStringLiteral("rep.older"));
        const int old = all.out.indexOf(QStringLiteral("rep.old "));
        QVERIFY2(older >= 0 && old > older, qPrintable(all.out));
        QCOMPARE(f.refreshJobs("rep.recent"), 0);
        QCOMPARE(f.refreshJobs("rep.never"), 0);
        QCOMPARE(f.refreshJobs("rep.noperiod"), 0);
        QVERIFY(all.out.contains(QStringLiteral("2 due, 2 refreshed, 0 failed")));

        auto badType = f.run({"run", "--type", "snapshot"});
        QCOMPARE(badType.exitCode, 2);
    }

    void parallelWorkersRefreshEachTableOnce()
    {
        MIMEO_REQUIRE_ENV(env);
        RunFixture f(env, "runpar");
        for (int i = 0; i < 12; ++i)
            f.make("table", "src.slow", QStringLiteral("rep.s%1").arg(i), "1 hour");
        auto r = f.run({"run", "--jobs", "4"});
        QCOMPARE(r.exitCode, 0);
        for (int i = 0; i < 12; ++i)
            QCOMPARE(f.refreshJobs("rep.s" + std::to_string(i)), 1);
        // Jobs really ran side by side: some pairs overlap in time.
        const auto overlaps = f.d.exec("SELECT count(*) FROM mimeo.studio_job_log a JOIN mimeo.studio_job_log b "
                                       "ON a.job_id < b.job_id AND a.started_at < b.finished_at AND b.started_at < a.finished_at "
                                       "WHERE a.action = 'refresh' AND b.action = 'refresh'").toInt(0, 0);
        QVERIFY2(overlaps >= 3, qPrintable(QString::number(overlaps)));
    }

    void twoRunnersAtOnceDoEachTableExactlyOnce()
    {
        MIMEO_REQUIRE_ENV(env);
        RunFixture f(env, "runtwo");
        for (int i = 0; i < 12; ++i)
            f.make("table", "src.slow", QStringLiteral("rep.s%1").arg(i), "1 hour");
        const QStringList args{"--dest", q(f.dest.conninfo()), "run", "--jobs", "2"};
        QProcess a, b;
        a.start(test::mimeoBinary(), args);
        b.start(test::mimeoBinary(), args);
        QVERIFY(a.waitForFinished(120000));
        QVERIFY(b.waitForFinished(120000));
        QCOMPARE(a.exitCode(), 0);
        QCOMPARE(b.exitCode(), 0);
        for (int i = 0; i < 12; ++i)
            QCOMPARE(f.refreshJobs("rep.s" + std::to_string(i)), 1);
        // Both took part.
        const auto pids = f.d.exec("SELECT count(DISTINCT pid) FROM mimeo.studio_job_log WHERE action = 'refresh'").toInt(0, 0);
        QCOMPARE(pids, int64_t(2));
    }

    void failuresExitOneAndAreLoggedWithSqlstate()
    {
        MIMEO_REQUIRE_ENV(env);
        RunFixture f(env, "runfail");
        f.make("table", "src.t", "rep.good", "1 hour");
        f.make("table", "src.t", "rep.bad", "2 hours");
        f.d.exec("UPDATE mimeo.refresh_config_table SET condition = 'WHERE no_such_column > 0' WHERE dest_table = 'rep.bad'");
        auto r = f.run({"run"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("refresh of rep.bad failed")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("no_such_column")), qPrintable(r.err));
        QCOMPARE(f.refreshJobs("rep.good"), 1); // the failure did not stop the others
        auto log = f.run({"log", "rep.bad", "--json"});
        QCOMPARE(log.exitCode, 0);
        const auto last = QJsonDocument::fromJson(log.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(last.value(QStringLiteral("error_sqlstate")).toString(), QStringLiteral("42703"));
        QCOMPARE(last.value(QStringLiteral("error_side")).toString(), QStringLiteral("source"));
        for (const char *key : {"dest_table", "type", "action", "status", "started_at", "finished_at", "rows", "error"})
            QVERIFY2(last.contains(QLatin1String(key)), key);
        QVERIFY(last.value(QStringLiteral("started_at")).toString().contains(QRegularExpression(QStringLiteral("\\+00:00$"))));
    }

    void destinationConnectionsKilledMidRunLeaveNothingHalfDone()
    {
        // The destination drops the run's connections while two refreshes
        // copy (as a restart would; only this database's mimeo backends are
        // terminated, so suites running beside this one are not disturbed).
        MIMEO_REQUIRE_ENV(env);
        RunFixture f(env, "runkill");
        auto src = f.src.connect();
        src.exec("CREATE VIEW src.slower AS SELECT t.* FROM src.t t, pg_sleep(2)");
        const int tables = 6;
        for (int i = 0; i < tables; ++i)
            f.make("table", "src.slower", QStringLiteral("rep.k%1").arg(i), "1 hour");
        src.exec("UPDATE src.t SET v = v || '-new'; INSERT INTO src.t SELECT g, 'v' || g || '-new' FROM generate_series(51, 60) g");
        const auto sourceRows = src.exec("SELECT count(*) || ':' || string_agg(id || '=' || v, ',' ORDER BY id) FROM src.t").text(0, 0);
        const auto oldRows = f.d.exec("SELECT count(*) || ':' || string_agg(id || '=' || v, ',' ORDER BY id) FROM rep.k0").text(0, 0);
        auto rowsOf = [&](int i) {
            return f.d.exec("SELECT count(*) || ':' || string_agg(id || '=' || v, ',' ORDER BY id) FROM rep.k" + std::to_string(i))
                .text(0, 0);
        };

        QProcess run;
        run.start(test::mimeoBinary(), {"--dest", q(f.dest.conninfo()), "run", "--jobs", "2"});
        QVERIFY(run.waitForStarted());
        // Both workers in the middle of a refresh (each copy takes two seconds).
        QTRY_VERIFY_WITH_TIMEOUT(f.d.exec("SELECT count(*) FROM mimeo.studio_job_log WHERE action = 'refresh' AND status = 'running'")
                                         .toInt(0, 0)
                                     == 2,
                                 30000);
        const auto killed = f.d.exec("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                     "WHERE datname = current_database() AND application_name LIKE 'mimeo:%' "
                                     "AND pid <> pg_backend_pid()")
                                .toInt(0, 0);
        QVERIFY(killed >= 2);
        QVERIFY(run.waitForFinished(120000));
        const QString err = QString::fromUtf8(run.readAllStandardError());
        QCOMPARE(run.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("failed")), qPrintable(err));
        // Each table is whole: as before the run, or refreshed, never emptied or half-loaded.
        int refreshed = 0;
        for (int i = 0; i < tables; ++i) {
            const auto rows = rowsOf(i);
            QVERIFY2(rows == oldRows || rows == sourceRows, rows.c_str());
            refreshed += rows == sourceRows;
        }
        QVERIFY2(refreshed < tables, qPrintable(err)); // the killed ones failed...

        // ...and are due again: the next run completes every table.
        auto again = f.run({"run", "--jobs", "2"});
        QVERIFY2(again.exitCode == 0, qPrintable(again.all()));
        for (int i = 0; i < tables; ++i)
            QCOMPARE(rowsOf(i), sourceRows);
        QCOMPARE(f.d.exec("SELECT count(*) FROM mimeo.refresh_config WHERE last_run < now() - interval '1 minute'").toInt(0, 0),
                 int64_t(0));
    }

    void logIsNewestFirstAndOldRowsArePruned()
    {
        MIMEO_REQUIRE_ENV(env);
        RunFixture f(env, "runlog");
        f.make("table", "src.t", "rep.a", "1 hour");
        QCOMPARE(f.run({"refresh", "rep.a"}).exitCode, 0);
        auto log = f.run({"log", "--json", "--limit", "2"});
        const auto arr = QJsonDocument::fromJson(log.out.toUtf8()).array();
        QCOMPARE(arr.size(), 2);
        QCOMPARE(arr.at(0).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("refresh"));
        QCOMPARE(arr.at(1).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("make"));

        f.d.exec("INSERT INTO mimeo.studio_job_log (dest_table, action, status, started_at) VALUES "
                 "('rep.a', 'refresh', 'ok', now() - interval '100 days'), ('rep.a', 'refresh', 'ok', now() - interval '10 days')");
        QCOMPARE(f.run({"run"}).exitCode, 0);
        QCOMPARE(f.d.exec("SELECT count(*) FROM mimeo.studio_job_log WHERE started_at < now() - interval '90 days'").toInt(0, 0), int64_t(0));
        QCOMPARE(f.d.exec("SELECT count(*) FROM mimeo.studio_job_log WHERE started_at < now() - interval '9 days'").toInt(0, 0), int64_t(1));
        f.d.exec("UPDATE mimeo.studio_settings SET value = '7 days' WHERE name = 'job_log_retention'");
        QCOMPARE(f.run({"run"}).exitCode, 0);
        QCOMPARE(f.d.exec("SELECT count(*) FROM mimeo.studio_job_log WHERE started_at < now() - interval '7 days'").toInt(0, 0), int64_t(0));
    }

    void statusShowsLateAndLastOutcome()
    {
        MIMEO_REQUIRE_ENV(env);
        RunFixture f(env, "runstatus");
        f.make("table", "src.t", "rep.late", "3 hours", "1 hour");
        f.make("table", "src.t", "rep.fine", "10 minutes", "1 hour");
        auto s = f.run({"status", "--json"});
        QCOMPARE(s.exitCode, 0);
        const auto arr = QJsonDocument::fromJson(s.out.toUtf8()).array();
        QCOMPARE(arr.size(), 2);
        QCOMPARE(arr.at(0).toObject().value(QStringLiteral("dest_table")).toString(), QStringLiteral("rep.fine"));
        QCOMPARE(arr.at(0).toObject().value(QStringLiteral("late")).toBool(), false);
        QCOMPARE(arr.at(1).toObject().value(QStringLiteral("late")).toBool(), true);
        QVERIFY(!arr.at(1).toObject().value(QStringLiteral("next_due")).isNull());
        auto text = f.run({"status"});
        QVERIFY2(text.out.contains(QStringLiteral("LATE")), qPrintable(text.out));
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
