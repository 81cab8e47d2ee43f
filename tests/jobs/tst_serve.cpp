// SPDX-License-Identifier: PostgreSQL
// Issue 18, first part: `mimeo serve` and `mimeo refresh --runner` on real
// servers. Two runners share 20 requests, each done exactly once; a cancel
// request stops a running job within 2 s, and so does SIGINT on the asking
// process; a runner killed while holding a request leaves it to the other;
// refresh --runner exits as a local refresh would; validate requests are
// recorded as the table's last validation; a monitor cannot make
// requests while an operator can, and can run a runner itself; runners are
// listed by mimeo status and marked gone; a runner survives a restart of its
// destination server (a cluster of the test's own); check data --runner
// prints what the runner found; a request no live runner remains to take is
// withdrawn; the catalog upgrade from version 8.
#include "catalog/catalog_ddl.h"
#include "catalog/job_rows.h"
#include "cli_fixture.h"
#include "own_cluster.h"
#include "pg/conninfo.h"
#include "pg/connection.h"
#include "pg/error.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>
#include <memory>
#include <unistd.h>

using namespace mimeo;
using test::Background;

namespace {

// src.slow pauses 2 s at every 50000th of 400000 rows: a refresh of it runs
// for about 16 s, long enough to cancel it. src.brief pauses 0.5 s at each
// of 6 rows: about 3 s, long enough to kill the runner that holds it.
constexpr const char *kSource =
    "CREATE SCHEMA src; CREATE SCHEMA mimeo;"
    "CREATE TABLE src.t (id int PRIMARY KEY, v text); INSERT INTO src.t SELECT g, 'v' || g FROM generate_series(1, 50) g;"
    "CREATE VIEW src.slow AS SELECT g AS id, 'row ' || g AS v FROM generate_series(1, 400000) g "
    "WHERE g % 50000 <> 0 OR pg_sleep(2) IS NOT NULL;"
    "CREATE VIEW src.brief AS SELECT g AS id, 'row ' || g AS v FROM generate_series(1, 6) g WHERE pg_sleep(0.5) IS NOT NULL;";

QString q(const std::string &s) { return QString::fromStdString(s); }

struct ServeFixture : test::CliFixture {
    pg::Connection d;
    ServeFixture(const test::TestEnv *env, const char *prefix)
        : test::CliFixture(env, prefix, kSource)
        , d(dest.connect())
    {
    }
    void make(const char *type, const char *source, const QString &table)
    {
        auto r = run({"make", QLatin1String(type), QLatin1String(source), "--source", "1", "--dest-table", table, "--period", "1 hour",
                      "--no-pulldata"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
    }
    int64_t scalar(const std::string &sql, const pg::Params &params = {})
    {
        auto r = d.exec(sql, params);
        return r.isNull(0, 0) ? -1 : r.toInt(0, 0);
    }
    std::string text(const std::string &sql, const pg::Params &params = {}) { return d.exec(sql, params).text(0, 0); }
    int64_t liveRunners() { return scalar("SELECT count(*) FROM mimeo.studio_runner"); }
    int64_t request(const std::string &table, const std::string &action = "refresh")
    {
        return scalar("INSERT INTO mimeo.studio_request (dest_table, action) VALUES ($1, $2) RETURNING request_id", {table, action});
    }
    std::string status(int64_t request)
    {
        return text("SELECT status FROM mimeo.studio_request WHERE request_id = $1", {std::to_string(request)});
    }
    int64_t jobOf(int64_t request)
    {
        return scalar("SELECT job_id FROM mimeo.studio_request WHERE request_id = $1", {std::to_string(request)});
    }
    // The job's row once it is copying rows (so a cancel reaches a running statement).
    std::string jobStatus(int64_t job)
    {
        return text("SELECT status FROM mimeo.studio_job_log WHERE job_id = $1", {std::to_string(job)});
    }
    bool copying(int64_t job)
    {
        return job > 0
            && scalar("SELECT count(*) FROM mimeo.studio_job_log WHERE job_id = $1 AND status = 'running' AND rows > 0",
                      {std::to_string(job)}) == 1;
    }
};

std::string runnerId(const Background &b)
{
    char host[256] = {0};
    gethostname(host, sizeof host - 1);
    return std::string(host) + ":" + std::to_string(b.p.processId());
}

QStringList serveArgs() { return {"serve", "--interval", "1"}; }

// Whether the catalog's job log takes validate jobs (version 10).
int64_t validationsInJobLog(ServeFixture &f)
{
    return f.scalar("SELECT count(*) FROM pg_catalog.pg_constraint WHERE conname = 'studio_job_log_action_check' "
                    "AND pg_catalog.pg_get_constraintdef(oid) LIKE '%validate%'");
}

} // namespace

class TestServe : public QObject {
    Q_OBJECT
private slots:
    void twoRunnersTakeTwentyRequestsOnceEach()
    {
        MIMEO_REQUIRE_ENV(env);
        ServeFixture f(env, "serve20");
        for (int i = 1; i <= 20; ++i)
            f.make("table", "src.t", QStringLiteral("rep.t%1").arg(i));
        Background a(f, serveArgs() << "--jobs" << "2");
        Background b(f, serveArgs() << "--jobs" << "2");
        const std::string idA = runnerId(a), idB = runnerId(b); // processId() is 0 once a process ended
        QTRY_COMPARE_WITH_TIMEOUT(f.liveRunners(), int64_t(2), 10000);
        std::vector<int64_t> ids;
        for (int i = 1; i <= 20; ++i)
            ids.push_back(f.request("rep.t" + std::to_string(i)));
        QTRY_COMPARE_WITH_TIMEOUT(f.scalar("SELECT count(*) FROM mimeo.studio_request WHERE status IN ('waiting', 'taken')"), int64_t(0),
                                  30000);
        QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_request WHERE status = 'done'"), int64_t(20));
        // Exactly one refresh job per table, and it is the one its request names.
        QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_job_log WHERE action = 'refresh'"), int64_t(20));
        QCOMPARE(f.scalar("SELECT count(DISTINCT dest_table) FROM mimeo.studio_job_log WHERE action = 'refresh' AND status = 'ok' "
                          "AND origin = 'mimeo serve'"),
                 int64_t(20));
        QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_request r JOIN mimeo.studio_job_log j USING (job_id) "
                          "WHERE j.dest_table = r.dest_table AND j.status = 'ok'"),
                 int64_t(20));
        QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_request WHERE taken_by NOT IN ($1, $2)", {idA, idB}),
                 int64_t(0));
        QCOMPARE(f.scalar("SELECT count(*) FROM rep.t7"), int64_t(50));

        // mimeo status lists both runners; one not seen for 3 intervals is gone.
        auto json = f.run({"status", "--runners", "--json"});
        QCOMPARE(json.exitCode, 0);
        const auto runners = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(runners.size(), 2);
        for (const auto &v : runners) {
            QCOMPARE(v.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("serving"));
            QCOMPARE(v.toObject().value(QStringLiteral("jobs")).toInt(), 2);
        }
        ::kill(static_cast<pid_t>(b.p.processId()), SIGKILL);
        QVERIFY(b.p.waitForFinished(5000));
        const auto stateOf = [&](const std::string &id) {
            for (const auto &v : QJsonDocument::fromJson(f.run({"status", "--runners", "--json"}).out.toUtf8()).array())
                if (v.toObject().value(QStringLiteral("runner_id")).toString() == q(id))
                    return v.toObject().value(QStringLiteral("state")).toString();
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(idB), QStringLiteral("gone"), 8000);
        QCOMPARE(stateOf(idA), QStringLiteral("serving"));
        // The text lists follow the tables.
        auto text = f.run({"status"}).out;
        QVERIFY2(text.contains(QRegularExpression(QRegularExpression::escape(q(idB)) + QStringLiteral(" +\\S+ +2 +1s .* gone\\n"))),
                 qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QRegularExpression::escape(q(idA)) + QStringLiteral(" .* serving\\n"))),
                 qPrintable(text));

        // SIGTERM: a clean end, and the runner leaves the list.
        ::kill(static_cast<pid_t>(a.p.processId()), SIGTERM);
        QVERIFY(a.p.waitForFinished(5000));
        QCOMPARE(a.p.exitCode(), 143);
        QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_runner WHERE runner_id = $1", {idA}), int64_t(0));
    }

    void cancelStopsARunningJobWithinTwoSeconds()
    {
        MIMEO_REQUIRE_ENV(env);
        ServeFixture f(env, "servecancel");
        f.make("snap", "src.slow", QStringLiteral("rep.slow"));
        f.make("snap", "src.slow", QStringLiteral("rep.due"));
        f.d.exec("UPDATE mimeo.refresh_config_snap SET last_run = now() - interval '2 hours' WHERE dest_table = 'rep.due'");
        Background runner(f, serveArgs());
        QTRY_COMPARE_WITH_TIMEOUT(f.liveRunners(), int64_t(1), 10000);

        // A job of the runner's schedule round, cancelled by its id.
        const auto dueJob = [&] {
            return f.scalar("SELECT max(job_id) FROM mimeo.studio_job_log WHERE dest_table = 'rep.due' AND status = 'running' "
                            "AND rows > 0 AND origin = 'mimeo serve'");
        };
        QTRY_VERIFY_WITH_TIMEOUT(dueJob() > 0, 15000);
        const int64_t scheduled = dueJob();
        QElapsedTimer clock;
        clock.start();
        auto cancelled = f.run({"cancel", QString::number(scheduled)});
        QVERIFY2(cancelled.exitCode == 0, qPrintable(cancelled.all()));
        QTRY_COMPARE_WITH_TIMEOUT(f.jobStatus(scheduled), std::string("cancelled"), 2000);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        auto over = f.run({"cancel", QString::number(scheduled)});
        QCOMPARE(over.exitCode, 1);
        QVERIFY2(over.err.contains(QStringLiteral("nothing to cancel")), qPrintable(over.all()));
        f.d.exec("UPDATE mimeo.refresh_config_snap SET period = NULL WHERE dest_table = 'rep.due'"); // due no more

        // A cancel request from anyone who may make requests.
        Background asker(f, {"refresh", "rep.slow", "--runner"});
        QTRY_VERIFY_WITH_TIMEOUT(f.scalar("SELECT count(*) FROM mimeo.studio_request WHERE action = 'refresh'") == 1, 10000);
        const int64_t first = f.scalar("SELECT max(request_id) FROM mimeo.studio_request");
        QTRY_VERIFY_WITH_TIMEOUT(f.copying(f.jobOf(first)), 15000);
        const int64_t job = f.jobOf(first);
        clock.restart();
        f.d.exec("INSERT INTO mimeo.studio_request (action, target_job_id) VALUES ('cancel', $1)", {std::to_string(job)});
        QTRY_COMPARE_WITH_TIMEOUT(f.jobStatus(job), std::string("cancelled"), 2000);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(f.status(first), std::string("cancelled"), 3000);
        QVERIFY(asker.p.waitForFinished(5000));
        QCOMPARE(asker.p.exitCode(), 1);
        QVERIFY2(QString::fromUtf8(asker.p.readAllStandardError()).contains(QStringLiteral("cancelled")), "the asker says why");
        QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_request WHERE action = 'cancel' AND status <> 'done'"), int64_t(0));

        // SIGINT on the asking process: 130, and its job is cancelled too.
        Background interrupted(f, {"refresh", "rep.slow", "--runner"});
        QTRY_VERIFY_WITH_TIMEOUT(f.scalar("SELECT count(*) FROM mimeo.studio_request WHERE action = 'refresh'") == 2, 10000);
        const int64_t second = f.scalar("SELECT max(request_id) FROM mimeo.studio_request WHERE action = 'refresh'");
        QTRY_VERIFY_WITH_TIMEOUT(f.copying(f.jobOf(second)), 15000);
        clock.restart();
        ::kill(static_cast<pid_t>(interrupted.p.processId()), SIGINT);
        QVERIFY(interrupted.p.waitForFinished(5000));
        QCOMPARE(interrupted.p.exitCode(), 130);
        QTRY_COMPARE_WITH_TIMEOUT(f.jobStatus(f.jobOf(second)), std::string("cancelled"), 2500);
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(f.status(second), std::string("cancelled"), 3000);

        // A cancel of a request no runner has started cancels it there.
        runner.p.kill();
        runner.p.waitForFinished();
        auto nobody = f.run({"cancel", QString::number(job), "--wait", "1"});
        QCOMPARE(nobody.exitCode, 1);
        QVERIFY2(nobody.err.contains(QStringLiteral("no runner runs job")), qPrintable(nobody.all()));
        QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_request WHERE status = 'waiting'"), int64_t(0));
        {
            // A request no runner took yet: Ctrl-C withdraws it (the dead
            // runner is made to look alive, so the request is made).
            f.d.exec("UPDATE mimeo.studio_runner SET last_seen_at = now() + interval '1 hour'");
            Background stranded(f, {"refresh", "rep.slow", "--runner"});
            QTRY_COMPARE_WITH_TIMEOUT(f.scalar("SELECT count(*) FROM mimeo.studio_request WHERE status = 'waiting'"), int64_t(1), 5000);
            const int64_t withdrawn = f.scalar("SELECT request_id FROM mimeo.studio_request WHERE status = 'waiting'");
            ::kill(static_cast<pid_t>(stranded.p.processId()), SIGINT);
            QVERIFY(stranded.p.waitForFinished(5000));
            QCOMPARE(stranded.p.exitCode(), 130);
            QCOMPARE(f.status(withdrawn), std::string("cancelled"));
            QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_request WHERE target_request_id = $1", {std::to_string(withdrawn)}),
                     int64_t(0));
            f.d.exec("DELETE FROM mimeo.studio_runner");
        }
        const int64_t waiting = f.request("rep.slow");
        f.d.exec("INSERT INTO mimeo.studio_request (action, target_request_id) VALUES ('cancel', $1)", {std::to_string(waiting)});
        Background other(f, serveArgs());
        QTRY_COMPARE_WITH_TIMEOUT(f.status(waiting), std::string("cancelled"), 10000);
        QCOMPARE(f.jobOf(waiting), int64_t(-1));
    }

    void killedRunnerLeavesItsRequestToTheOther()
    {
        MIMEO_REQUIRE_ENV(env);
        ServeFixture f(env, "servekill");
        f.make("snap", "src.brief", QStringLiteral("rep.brief"));
        Background a(f, serveArgs());
        QTRY_COMPARE_WITH_TIMEOUT(f.liveRunners(), int64_t(1), 10000);
        const int64_t id = f.request("rep.brief");
        QTRY_COMPARE_WITH_TIMEOUT(f.text("SELECT coalesce(taken_by, '') FROM mimeo.studio_request WHERE request_id = $1",
                                         {std::to_string(id)}),
                                  runnerId(a), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(f.jobOf(id) > 0, 5000);
        const int64_t firstJob = f.jobOf(id);
        ::kill(static_cast<pid_t>(a.p.processId()), SIGKILL);
        QVERIFY(a.p.waitForFinished(5000));
        Background b(f, serveArgs());
        QTRY_COMPARE_WITH_TIMEOUT(f.status(id), std::string("done"), 20000);
        QCOMPARE(f.text("SELECT taken_by FROM mimeo.studio_request WHERE request_id = $1", {std::to_string(id)}), runnerId(b));
        QVERIFY(f.jobOf(id) != firstJob);
        QCOMPARE(f.jobStatus(f.jobOf(id)), std::string("ok"));
        QCOMPARE(f.scalar("SELECT count(*) FROM rep.brief"), int64_t(6));
        // The killed runner's job is abandoned, not running.
        QCOMPARE(f.text("SELECT " + catalog::liveStatusSql("j") + " FROM mimeo.studio_job_log j WHERE job_id = $1",
                        {std::to_string(firstJob)}),
                 std::string("abandoned"));
    }

    void runnerThatLostItsConnectionCarriesOn()
    {
        MIMEO_REQUIRE_ENV(env);
        ServeFixture f(env, "servelost");
        f.make("snap", "src.brief", QStringLiteral("rep.brief"));
        f.make("table", "src.t", QStringLiteral("rep.t"));
        Background a(f, serveArgs());
        const std::string idA = runnerId(a);
        QTRY_COMPARE_WITH_TIMEOUT(f.liveRunners(), int64_t(1), 10000);
        const int64_t id = f.request("rep.brief");
        QTRY_VERIFY_WITH_TIMEOUT(f.jobOf(id) > 0, 10000);
        // Its catalog connection dies while its job goes on; another runner
        // is there at once, but the request stays with the runner that has it.
        const auto cut = [&] {
            return f.scalar("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() "
                            "AND application_name = $1",
                            {"mimeo:serve:" + idA});
        };
        QCOMPARE(cut(), int64_t(1));
        Background b(f, serveArgs());
        QTRY_COMPARE_WITH_TIMEOUT(f.status(id), std::string("done"), 15000);
        QCOMPARE(f.text("SELECT taken_by FROM mimeo.studio_request WHERE request_id = $1", {std::to_string(id)}), idA);
        QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_job_log WHERE dest_table = 'rep.brief' AND action = 'refresh'"), int64_t(1));
        QCOMPARE(f.jobStatus(f.jobOf(id)), std::string("ok"));
        // Both reconnect after losing their connections, and serve on.
        b.p.kill();
        b.p.waitForFinished();
        QCOMPARE(cut(), int64_t(1));
        auto ok = f.run({"refresh", "rep.t", "--runner"});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.all()));
        QCOMPARE(f.text("SELECT taken_by FROM mimeo.studio_request ORDER BY request_id DESC LIMIT 1"), idA);
        QVERIFY(QString::fromUtf8(a.p.readAllStandardOutput()).contains(QStringLiteral("lost the catalog connection, reconnecting")));
    }

    void runnerSurvivesARestartOfItsServer()
    {
        MIMEO_REQUIRE_ENV(env);
        // The destination server is restarted: a cluster of this test's own,
        // so that the suites running against the shared one go on undisturbed.
        std::unique_ptr<test::OwnCluster> own;
        MIMEO_NOTHROW(own = std::make_unique<test::OwnCluster>("restartdest"));
        test::TestEnv mine = *env;
        mine.dest = own->cluster();
        ServeFixture f(&mine, "serverestart");
        f.make("table", "src.t", QStringLiteral("rep.t"));
        f.make("snap", "src.brief", QStringLiteral("rep.brief"));
        f.make("table", "src.t", QStringLiteral("rep.due"));
        f.d.exec("UPDATE mimeo.refresh_config_table SET period = interval '1 second' WHERE dest_table = 'rep.due'");
        Background runner(f, serveArgs());
        const std::string id = runnerId(runner);
        QTRY_COMPARE_WITH_TIMEOUT(f.liveRunners(), int64_t(1), 10000);
        const int64_t first = f.request("rep.t");
        QTRY_COMPARE_WITH_TIMEOUT(f.status(first), std::string("done"), 10000);
        const auto scheduled = [&] {
            // The schedule's jobs of rep.due since the server (re)started.
            return f.scalar("SELECT count(*) FROM mimeo.studio_job_log WHERE dest_table = 'rep.due' AND origin = 'mimeo serve' "
                            "AND started_at > pg_catalog.pg_postmaster_start_time()");
        };
        QTRY_VERIFY_WITH_TIMEOUT(scheduled() > 0, 10000);

        // A request whose job runs (about 3 s) when the server goes.
        const int64_t caught = f.request("rep.brief");
        QTRY_VERIFY_WITH_TIMEOUT(f.jobOf(caught) > 0, 10000);
        QCOMPARE(f.status(caught), std::string("taken"));
        MIMEO_NOTHROW(own->restart());
        MIMEO_NOTHROW(f.d = f.dest.connect());
        QVERIFY2(runner.p.state() == QProcess::Running, "the runner outlives its server");
        // It reconnects: announced again, and seen after the restart.
        QTRY_COMPARE_WITH_TIMEOUT(f.scalar("SELECT count(*) FROM mimeo.studio_runner WHERE runner_id = $1 "
                                           "AND last_seen_at > pg_catalog.pg_postmaster_start_time()",
                                           {id}),
                                  int64_t(1), 30000);
        const std::string seen = f.text("SELECT last_seen_at::text FROM mimeo.studio_runner WHERE runner_id = $1", {id});
        QTRY_VERIFY_WITH_TIMEOUT(f.text("SELECT last_seen_at::text FROM mimeo.studio_runner WHERE runner_id = $1", {id}) != seen,
                                 30000);
        // The interrupted request is not lost: given back or taken again, and done.
        const auto row = [&](int64_t request) {
            return f.text("SELECT status || ' by ' || coalesce(taken_by, '-') || ': ' || coalesce(message, '') FROM "
                          "mimeo.studio_request WHERE request_id = $1",
                          {std::to_string(request)});
        };
        QString said; // what the runner printed so far
        const auto output = [&] { return said += QString::fromUtf8(runner.p.readAllStandardOutput()); };
        QTRY_VERIFY2_WITH_TIMEOUT(f.status(caught) == "done", qPrintable(q(row(caught)) + QLatin1Char('\n') + output()), 30000);
        QCOMPARE(f.jobStatus(f.jobOf(caught)), std::string("ok"));
        QCOMPARE(f.scalar("SELECT count(*) FROM rep.brief"), int64_t(6));
        // A request made after the restart is answered by the runner.
        const int64_t after = f.request("rep.t");
        QTRY_COMPARE_WITH_TIMEOUT(f.status(after), std::string("done"), 30000);
        QCOMPARE(f.text("SELECT taken_by FROM mimeo.studio_request WHERE request_id = $1", {std::to_string(after)}), id);
        QCOMPARE(f.text("SELECT origin || ' ' || status FROM mimeo.studio_job_log WHERE job_id = $1", {std::to_string(f.jobOf(after))}),
                 std::string("mimeo serve ok"));
        // And the schedule runs on.
        QTRY_VERIFY_WITH_TIMEOUT(scheduled() > 0, 30000);
        QVERIFY2(runner.p.state() == QProcess::Running, "the runner outlives its server");
        ::kill(static_cast<pid_t>(runner.p.processId()), SIGTERM);
        QVERIFY(runner.p.waitForFinished(10000));
        QCOMPARE(runner.p.exitCode(), 143);
        QVERIFY2(output().contains(QStringLiteral("lost the catalog connection, reconnecting")), qPrintable(said));
    }

    void refreshOnARunnerExitsAsLocally()
    {
        MIMEO_REQUIRE_ENV(env);
        ServeFixture f(env, "serveexit");
        f.make("table", "src.t", QStringLiteral("rep.t"));
        // No runner: said so, nothing requested.
        auto none = f.run({"refresh", "rep.t", "--runner"});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("no runner serves")), qPrintable(none.err));
        QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_request"), int64_t(0));
        QCOMPARE(f.run({"refresh", "rep.t", "--runner", "--limit", "5"}).exitCode, 2);
        QCOMPARE(f.run({"refresh", "rep.nope", "--runner"}).exitCode, 1);

        Background runner(f, serveArgs());
        QTRY_COMPARE_WITH_TIMEOUT(f.liveRunners(), int64_t(1), 10000);
        auto ok = f.run({"refresh", "rep.t", "--runner", "--verbose"});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.all()));
        QVERIFY2(ok.err.contains(q("taken by runner " + runnerId(runner))), qPrintable(ok.err));
        QCOMPARE(f.scalar("SELECT count(*) FROM rep.t"), int64_t(50));
        auto repull = f.run({"refresh", "rep.t", "--runner", "--repull"});
        QVERIFY2(repull.exitCode == 0, qPrintable(repull.all()));
        QCOMPARE(f.text("SELECT action FROM mimeo.studio_request ORDER BY request_id DESC LIMIT 1"), std::string("repull"));
        {
            auto holder = f.dest.connect();
            holder.exec("SELECT pg_advisory_lock(hashtext('mimeo advisory lock'), hashtext('rep.t'))");
            auto busy = f.run({"refresh", "rep.t", "--runner"});
            QVERIFY2(busy.exitCode == 3, qPrintable(busy.all()));
        }
        // Validate requests: the desktop's Validate on the runner, recorded as
        // the table's last validation.
        const int64_t valid = f.request("rep.t", "validate");
        QTRY_COMPARE_WITH_TIMEOUT(f.status(valid), std::string("done"), 10000);
        QCOMPARE(f.text("SELECT outcome FROM mimeo.studio_validation WHERE dest_table = 'rep.t'"), std::string("validated"));
        f.d.exec("DELETE FROM rep.t WHERE id <= 2");
        const int64_t invalid = f.request("rep.t", "validate");
        QTRY_COMPARE_WITH_TIMEOUT(f.status(invalid), std::string("done"), 10000);
        const std::string said = f.text("SELECT message FROM mimeo.studio_request WHERE request_id = $1", {std::to_string(invalid)});
        QVERIFY2(said.find("mismatched") != std::string::npos && said.find("2 rows differ") != std::string::npos, said.c_str());
        QCOMPARE(f.scalar("SELECT missing FROM mimeo.studio_validation WHERE dest_table = 'rep.t'"), int64_t(2));

        f.src.connect().exec("ALTER TABLE src.t RENAME TO t_gone");
        auto failed = f.run({"refresh", "rep.t", "--runner"});
        QVERIFY2(failed.exitCode == 1, qPrintable(failed.all()));
        QVERIFY2(failed.err.contains(QStringLiteral("failed on runner")), qPrintable(failed.err));
    }

    void checkDataOnARunner()
    {
        MIMEO_REQUIRE_ENV(env);
        ServeFixture f(env, "servecheck");
        f.make("table", "src.t", QStringLiteral("rep.t"));
        auto refused = f.run({"check", "data", "rep.t", "--runner", "--repair"});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("--repair runs on this computer only")), qPrintable(refused.all()));
        auto none = f.run({"check", "data", "rep.t", "--runner"});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("no runner serves")), qPrintable(none.all()));
        QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_request"), int64_t(0));
        QVERIFY2(f.run({"check", "data", "--help"}).out.contains(QStringLiteral("--runner")), "check data --help names --runner");

        Background runner(f, serveArgs());
        const std::string id = runnerId(runner);
        QTRY_COMPARE_WITH_TIMEOUT(f.liveRunners(), int64_t(1), 10000);
        QCOMPARE(f.run({"refresh", "rep.t"}).exitCode, 0);
        const auto lastRequest = [&] {
            return f.text("SELECT action || ' ' || status || ' ' || coalesce(taken_by, '-') FROM mimeo.studio_request "
                          "ORDER BY request_id DESC LIMIT 1");
        };
        auto equal = f.run({"check", "data", "rep.t", "--runner"});
        QVERIFY2(equal.exitCode == 0, qPrintable(equal.all()));
        QVERIFY2(equal.out.startsWith(QStringLiteral("rep.t: rows equal (all rows; source 50, destination 50 rows)\n")),
                 qPrintable(equal.out));
        QVERIFY2(equal.out.contains(q("checked by runner " + id)), qPrintable(equal.out));
        QCOMPARE(lastRequest(), "validate done " + id);

        // A row changed on the destination: listed as a local check lists it.
        f.d.exec("UPDATE rep.t SET v = 'changed' WHERE id = 7");
        auto differ = f.run({"check", "data", "rep.t", "--runner"});
        QVERIFY2(differ.exitCode == 1, qPrintable(differ.all()));
        QCOMPARE(lastRequest(), "validate done " + id);
        auto local = f.run({"check", "data", "rep.t"});
        QCOMPARE(local.exitCode, 1);
        QCOMPARE(local.out, QStringLiteral("rep.t: rows DIFFER (all rows; source 50, destination 50 rows)\n  (7)\tdifferent\n"));
        // The local form, then who checked when.
        QVERIFY2(differ.out.startsWith(local.out + q("checked by runner " + id + " at 20")), qPrintable(differ.out));
        auto json = f.run({"check", "data", "rep.t", "--runner", "--json"});
        QVERIFY2(json.exitCode == 1, qPrintable(json.all()));
        const auto o = QJsonDocument::fromJson(json.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(o.value(QStringLiteral("dest_table")).toString(), QStringLiteral("rep.t"));
        QCOMPARE(o.value(QStringLiteral("equal")).toBool(true), false);
        QCOMPARE(o.value(QStringLiteral("different")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("runner")).toString(), q(id));
        const auto diffs = o.value(QStringLiteral("differences")).toArray();
        QCOMPARE(diffs.size(), 1);
        QCOMPARE(diffs.at(0).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("(7)"));
        QCOMPARE(diffs.at(0).toObject().value(QStringLiteral("difference")).toString(), QStringLiteral("different"));
        // --max-keys lists fewer, as locally.
        f.d.exec("DELETE FROM rep.t WHERE id = 9");
        auto fewer = f.run({"check", "data", "rep.t", "--runner", "--max-keys", "1"});
        QVERIFY2(fewer.exitCode == 1, qPrintable(fewer.all()));
        auto fewerHere = f.run({"check", "data", "rep.t", "--max-keys", "1"});
        QVERIFY2(fewerHere.out.endsWith(QStringLiteral("\n  ... more (raise --max-keys)\n")), qPrintable(fewerHere.out));
        // (The runner's Validate counted the rows too, and notes that the counts differ.)
        QVERIFY2(fewer.out.startsWith(QStringLiteral("rep.t: rows DIFFER (all rows; the row count (50 on the source, 49 on the destination")),
                 qPrintable(fewer.out));
        QVERIFY2(fewer.out.section(QLatin1Char('\n'), 1).startsWith(fewerHere.out.section(QLatin1Char('\n'), 1) + QStringLiteral("checked by runner ")),
                 qPrintable(fewer.out + fewerHere.out));
        QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_request WHERE action = 'validate' AND status = 'done' AND taken_by = $1",
                          {id}),
                 int64_t(4));
        // Each is answered in the job log too (catalog version 10): a validate
        // job of the runner, named by its request, that says what it found.
        QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_request r JOIN mimeo.studio_job_log j USING (job_id) "
                          "WHERE r.action = 'validate' AND r.taken_by = $1 AND j.action = 'validate' AND j.origin = 'mimeo serve' "
                          "AND j.status = 'ok' AND j.dest_table = 'rep.t'",
                          {id}),
                 int64_t(4));
        QVERIFY2(f.text("SELECT s.message FROM mimeo.studio_request r JOIN mimeo.studio_job_step s USING (job_id) "
                        "WHERE r.action = 'validate' ORDER BY r.request_id DESC, s.step_no DESC LIMIT 1")
                     .rfind("mismatched: ", 0) == 0,
                 "the job's last step says what it found");
        // The runner's result was the table's last validation (before the local check replaced it).
        QCOMPARE(f.scalar("SELECT different + missing FROM mimeo.studio_validation WHERE dest_table = 'rep.t'"), int64_t(2));
    }

    void requestNoRunnerTakesIsWithdrawn()
    {
        MIMEO_REQUIRE_ENV(env);
        ServeFixture f(env, "servenone");
        f.make("table", "src.t", QStringLiteral("rep.t"));
        f.make("snap", "src.brief", QStringLiteral("rep.brief"));
        const auto gone = [&] { f.d.exec("UPDATE mimeo.studio_runner SET last_seen_at = now() - interval '1 hour'"); };
        const auto withdrawn = [](Background &asker, int64_t request, ServeFixture &fx) {
            QVERIFY(asker.p.waitForFinished(30000));
            QCOMPARE(asker.p.exitCode(), 1);
            const QString err = QString::fromUtf8(asker.p.readAllStandardError());
            QVERIFY2(err.contains(QStringLiteral("no runner is alive to take request %1").arg(request))
                         && err.contains(QStringLiteral("start one with mimeo serve, or run it here without --runner")),
                     qPrintable(err));
            QCOMPARE(fx.status(request), std::string("cancelled"));
        };
        {
            // Its runner was killed while its job ran: the request is taken by
            // a runner that is gone.
            Background runner(f, serveArgs());
            QTRY_COMPARE_WITH_TIMEOUT(f.liveRunners(), int64_t(1), 10000);
            Background asker(f, {"refresh", "rep.brief", "--runner"});
            QTRY_COMPARE_WITH_TIMEOUT(f.scalar("SELECT count(*) FROM mimeo.studio_request"), int64_t(1), 10000);
            const int64_t taken = f.scalar("SELECT max(request_id) FROM mimeo.studio_request");
            QTRY_VERIFY_WITH_TIMEOUT(f.jobOf(taken) > 0, 10000);
            ::kill(static_cast<pid_t>(runner.p.processId()), SIGKILL);
            QVERIFY(runner.p.waitForFinished(5000));
            gone();
            withdrawn(asker, taken, f);
            if (QTest::currentTestFailed())
                return;
        }
        // Requests that wait: their runner dies after they were made (the dead
        // runner looks alive at first, so that they are made).
        f.d.exec("UPDATE mimeo.studio_runner SET last_seen_at = now() + interval '1 hour'");
        Background refresh(f, {"refresh", "rep.t", "--runner"});
        Background check(f, {"check", "data", "rep.t", "--runner"});
        QTRY_COMPARE_WITH_TIMEOUT(f.scalar("SELECT count(*) FROM mimeo.studio_request WHERE status = 'waiting'"), int64_t(2), 10000);
        const int64_t refreshRequest = f.scalar("SELECT request_id FROM mimeo.studio_request WHERE action = 'refresh' AND status = 'waiting'");
        const int64_t checkRequest = f.scalar("SELECT request_id FROM mimeo.studio_request WHERE action = 'validate'");
        QVERIFY(refresh.p.state() == QProcess::Running && check.p.state() == QProcess::Running);
        gone();
        withdrawn(refresh, refreshRequest, f);
        withdrawn(check, checkRequest, f);
        QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_request WHERE status IN ('waiting', 'taken')"), int64_t(0));

        // check data --runner interrupted while its request waits: 130, withdrawn.
        f.d.exec("UPDATE mimeo.studio_runner SET last_seen_at = now() + interval '1 hour'");
        Background interrupted(f, {"check", "data", "rep.t", "--runner"});
        QTRY_COMPARE_WITH_TIMEOUT(f.scalar("SELECT count(*) FROM mimeo.studio_request WHERE status = 'waiting'"), int64_t(1), 10000);
        const int64_t stranded = f.scalar("SELECT request_id FROM mimeo.studio_request WHERE status = 'waiting'");
        ::kill(static_cast<pid_t>(interrupted.p.processId()), SIGINT);
        QVERIFY(interrupted.p.waitForFinished(5000));
        QCOMPARE(interrupted.p.exitCode(), 130);
        QCOMPARE(f.status(stranded), std::string("cancelled"));
    }

    void monitorsCannotRequestOperatorsCanAndServe()
    {
        MIMEO_REQUIRE_ENV(env);
        ServeFixture f(env, "serveroles");
        const std::string suffix = std::to_string(getpid());
        const std::string schema = "srv_" + suffix, mon = "srvmon_" + suffix, op = "srvop_" + suffix;
        f.d.exec("CREATE ROLE " + mon + " LOGIN; CREATE ROLE " + op + " LOGIN;");
        auto as = [&](const std::string &user, QStringList args) {
            auto opts = pg::parseConninfo(f.dest.conninfo());
            pg::setOption(opts, "user", user);
            args.prepend(q(schema));
            args.prepend(QStringLiteral("--schema"));
            args.prepend(q(pg::toKeywordValueString(opts)));
            args.prepend(QStringLiteral("--dest"));
            return args;
        };
        auto run = [&](const std::string &user, const QStringList &args) { return test::runMimeo(as(user, args)); };
        QCOMPARE(run("postgres", {"init"}).exitCode, 0);
        QCOMPARE(run("postgres", {"source", "add", "--conninfo", q(f.src.conninfoWithoutUser()), "--user", "postgres"}).exitCode, 0);
        QCOMPARE(run("postgres", {"make", "table", "src.t", "--source", "1", "--dest-table", "rep.r"}).exitCode, 0);
        QCOMPARE(run("postgres", {"grant", q(mon), "--monitor"}).exitCode, 0);
        QCOMPARE(run("postgres", {"grant", q(op), "--operator"}).exitCode, 0);
        auto connectAs = [&](const std::string &user) {
            auto opts = pg::parseConninfo(f.dest.conninfo());
            pg::setOption(opts, "user", user);
            return pg::Connection::open({pg::toKeywordValueString(opts), {}, "t", pg::Side::Destination});
        };
        const std::string insert = "INSERT INTO " + schema + ".studio_request (dest_table, action) VALUES ('rep.r', 'refresh')";
        {
            auto m = connectAs(mon);
            try {
                m.exec(insert);
                QFAIL("a monitor must not make requests");
            } catch (const pg::Error &e) {
                QCOMPARE(e.sqlstate(), std::string("42501"));
            }
            QCOMPARE(m.exec("SELECT count(*) FROM " + schema + ".studio_runner").toInt(0, 0), int64_t(0));
        }
        {
            // Operators may; the request names its maker and starts waiting,
            // whatever the INSERT claims; a table not configured is refused.
            auto o = connectAs(op);
            auto r = o.exec("INSERT INTO " + schema + ".studio_request (dest_table, action, requested_by, status, taken_by) "
                            "VALUES ('rep.r', 'refresh', 'postgres', 'done', 'x') RETURNING requested_by, status, taken_by IS NULL");
            QCOMPARE(r.text(0, 0), op);
            QCOMPARE(r.text(0, 1), std::string("waiting"));
            QVERIFY(r.toBool(0, 2));
            try {
                o.exec("INSERT INTO " + schema + ".studio_request (dest_table, action) VALUES ('pg_catalog.pg_authid', 'refresh')");
                QFAIL("a request for a table that is not configured must be refused");
            } catch (const pg::Error &e) {
                QCOMPARE(e.sqlstate(), std::string("42P01"));
            }
        }
        {
            // An operator runs a runner, and its requests through it.
            QProcess runner;
            runner.start(test::mimeoBinary(), as(op, serveArgs()));
            QVERIFY(runner.waitForStarted());
            QTRY_COMPARE_WITH_TIMEOUT(f.scalar("SELECT count(*) FROM " + schema + ".studio_runner"), int64_t(1), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(f.scalar("SELECT count(*) FROM " + schema + ".studio_request WHERE status = 'done'"), int64_t(1),
                                      10000);
            auto ok = run(op, {"refresh", "rep.r", "--runner"});
            QVERIFY2(ok.exitCode == 0, qPrintable(ok.all()));
            auto denied = run(mon, {"refresh", "rep.r", "--runner"});
            QCOMPARE(denied.exitCode, 1);
            QVERIFY2(denied.err.contains(QStringLiteral("permission denied")), qPrintable(denied.err));
            auto listed = run(mon, {"status", "--runners"});
            QVERIFY2(listed.exitCode == 0 && listed.out.contains(QStringLiteral("serving")), qPrintable(listed.all()));
            runner.terminate();
            QVERIFY(runner.waitForFinished(5000));
            QCOMPARE(runner.exitCode(), 143);
        }
        f.d.exec("REASSIGN OWNED BY " + schema + "_operator TO postgres; DROP OWNED BY " + schema + "_operator, " + schema + "_monitor, "
                 + mon + ", " + op);
        f.d.exec("DROP ROLE " + mon + "; DROP ROLE " + op + "; DROP ROLE " + schema + "_operator; DROP ROLE " + schema + "_monitor");
    }

    void upgradeFromVersion8()
    {
        MIMEO_REQUIRE_ENV(env);
        ServeFixture f(env, "serveup");
        test::downgradeCatalogToVersion8(f.d, "mimeo");
        auto old = f.run({"serve"});
        QCOMPARE(old.exitCode, 1);
        QVERIFY2(old.err.contains(QStringLiteral("is version 8; this mimeo needs version %1").arg(catalog::kCatalogVersion)),
                 qPrintable(old.err));
        QCOMPARE(f.run({"init"}).exitCode, 0);
        QCOMPARE(f.scalar("SELECT max(version) FROM mimeo.studio_catalog_version"), int64_t(catalog::kCatalogVersion));
        QCOMPARE(f.scalar("SELECT count(*) FROM mimeo.studio_runner"), int64_t(0));
        // Version 10 lets validations into the job log; 9 did not.
        QCOMPARE(validationsInJobLog(f),
                 int64_t(1));
    }

    void upgradeFromVersion9()
    {
        MIMEO_REQUIRE_ENV(env);
        ServeFixture f(env, "serveup9");
        test::downgradeCatalogToVersion9(f.d, "mimeo");
        QCOMPARE(validationsInJobLog(f),
                 int64_t(0));
        auto old = f.run({"serve"});
        QCOMPARE(old.exitCode, 1);
        QVERIFY2(old.err.contains(QStringLiteral("is version 9; this mimeo needs version %1").arg(catalog::kCatalogVersion)),
                 qPrintable(old.err));
        QCOMPARE(f.run({"init"}).exitCode, 0);
        QCOMPARE(f.scalar("SELECT max(version) FROM mimeo.studio_catalog_version"), int64_t(catalog::kCatalogVersion));
        QCOMPARE(validationsInJobLog(f),
                 int64_t(1));
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
