// SPDX-License-Identifier: PostgreSQL
// Issue 14: jobs you can watch and stop. A cancel reaches both servers in
// any phase and leaves everything as a failure would; SIGINT/SIGTERM end the
// CLI within 2 s with 130/143; a running job's row shows its phase and
// rising rows to other processes; a killed process's job is abandoned; skips
// say why; a configuration save does not wait behind a refresh.
#include "catalog/config_tables.h"
#include "cli_fixture.h"
#include "pg/cancel.h"
#include "pg/error.h"
#include "replication_fixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <thread>

using namespace mimeo;

namespace {

// A source view that streams 2,000,000 rows and pauses 1 s after every
// 200,000: a pull that is still copying for about 10 s, however busy the
// machine (the tests act on it while it runs).
constexpr const char *kSlowSource =
    "CREATE SCHEMA src; CREATE SCHEMA mimeo;"
    "CREATE TABLE src.t (id int PRIMARY KEY, v text); INSERT INTO src.t SELECT g, 'v' || g FROM generate_series(1, 1000) g;"
    "CREATE VIEW src.slow AS SELECT g AS id, 'row ' || g AS v FROM generate_series(1, 2000000) g "
    "WHERE g % 200000 <> 0 OR pg_sleep(1) IS NOT NULL;";

QJsonArray json(const test::CliResult &r) { return QJsonDocument::fromJson(r.out.toUtf8()).array(); }

// Statements the job left running on a server (for the scratch database).
int64_t activeStatements(const test::ScratchDb &db)
{
    return db.connect()
        .exec("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
              "AND state <> 'idle' AND backend_type = 'client backend'")
        .toInt(0, 0);
}

using test::Background;

// Waits (up to 30 s) until the latest job of table is running with rows > 0.
QJsonObject waitRunning(const test::CliFixture &f, const QString &table)
{
    QJsonObject job;
    for (int i = 0; i < 300; ++i) {
        const auto jobs = json(f.run({QStringLiteral("log"), table, QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("1")}));
        if (!jobs.isEmpty()) {
            job = jobs.at(0).toObject();
            if (job.value(QStringLiteral("status")).toString() == QStringLiteral("running")
                && job.value(QStringLiteral("rows")).toInteger() > 0)
                return job;
        }
        QTest::qWait(100);
    }
    return job;
}

// Runs work with a fresh cancel token in f's context, requests the cancel
// from another thread after ms, and says whether work threw; *elapsed is how
// long it ran.
bool cancelledAfter(test::ReplicationFixture &f, int ms, const std::function<void()> &work, qint64 *elapsed = nullptr)
{
    pg::CancelToken token;
    f.context().cancel = &token;
    std::thread canceller([&token, ms] {
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        token.request("cancelled by the test");
    });
    QElapsedTimer t;
    t.start();
    bool threw = false;
    try {
        work();
    } catch (const pg::Error &) {
        threw = true;
    }
    if (elapsed)
        *elapsed = t.elapsed();
    canceller.join();
    f.context().cancel = nullptr;
    return threw;
}

} // namespace

class TestJobControl : public QObject {
    Q_OBJECT
private slots:
    // SIGTERM and SIGINT during a long pull: out within 2 s, 143/130, one
    // line, the destination as before, nothing left running on either side,
    // and the job log says cancelled with the reason.
    void signalsCancelARefreshMidStatement_data()
    {
        QTest::addColumn<int>("sig");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::newRow("SIGTERM") << int(SIGTERM) << 143 << "cancelled by SIGTERM";
        QTest::newRow("SIGINT") << int(SIGINT) << 130 << "cancelled by SIGINT";
    }

    void signalsCancelARefreshMidStatement()
    {
        MIMEO_REQUIRE_ENV(env);
        QFETCH(int, sig);
        QFETCH(int, code);
        QFETCH(QString, reason);
        test::CliFixture f(env, "jobsig", kSlowSource);
        QCOMPARE(f.run({"make", "snap", "src.slow", "--source", "1", "--dest-table", "rep.slow", "--no-pulldata"}).exitCode, 0);
        Background refresh(f, {"refresh", "rep.slow"});
        const auto running = waitRunning(f, QStringLiteral("rep.slow"));
        QCOMPARE(running.value(QStringLiteral("phase")).toString(), QStringLiteral("copying"));
        QElapsedTimer t;
        t.start();
        ::kill(static_cast<pid_t>(refresh.p.processId()), sig);
        QVERIFY(refresh.p.waitForFinished(5000));
        // The watcher ends any process 1.8 s after the signal; that this one
        // ended by its cancel is shown by its job row (cancelled, with the
        // reason) and its line. The bound here leaves room for a busy machine.
        QVERIFY2(t.elapsed() < 4000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(refresh.p.exitCode(), code);
        const QString err = QString::fromUtf8(refresh.p.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("refresh of rep.slow ") + reason), qPrintable(err));
        QCOMPARE(err.count(QStringLiteral("mimeo:")), 1);
        QCOMPARE(f.dest.connect().exec("SELECT count(*) FROM rep.slow").toInt(0, 0), int64_t(0));
        QCOMPARE(activeStatements(f.src), int64_t(0));
        QCOMPARE(activeStatements(f.dest), int64_t(0));
        const auto job = json(f.run({"log", "rep.slow", "--json", "--limit", "1"})).at(0).toObject();
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(job.value(QStringLiteral("reason")).toString(), reason);
    }

    // mimeo run --jobs 2: a stop cancels both workers at once.
    void sigtermStopsEveryWorkerOfARun()
    {
        MIMEO_REQUIRE_ENV(env);
        test::CliFixture f(env, "jobrun", kSlowSource);
        for (const char *t : {"rep.a", "rep.b"})
            QCOMPARE(f.run({"make", "snap", "src.slow", "--source", "1", "--dest-table", t, "--no-pulldata", "--period", "1 minute"}).exitCode, 0);
        f.dest.connect().exec("UPDATE mimeo.refresh_config SET last_run = now() - interval '1 hour'");
        Background run(f, {"run", "--jobs", "2"});
        QCOMPARE(waitRunning(f, QStringLiteral("rep.a")).value(QStringLiteral("status")).toString(), QStringLiteral("running"));
        QCOMPARE(waitRunning(f, QStringLiteral("rep.b")).value(QStringLiteral("status")).toString(), QStringLiteral("running"));
        QElapsedTimer t;
        t.start();
        ::kill(static_cast<pid_t>(run.p.processId()), SIGTERM);
        QVERIFY(run.p.waitForFinished(5000));
        QVERIFY2(t.elapsed() < 4000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(run.p.exitCode(), 143);
        const QString err = QString::fromUtf8(run.p.readAllStandardError());
        QCOMPARE(err.count(QStringLiteral("\n")), 1);
        QVERIFY2(err.contains(QStringLiteral("run cancelled by SIGTERM")), qPrintable(err));
        for (const char *t : {"rep.a", "rep.b"}) {
            QCOMPARE(f.dest.connect().exec(std::string("SELECT count(*) FROM ") + t).toInt(0, 0), int64_t(0));
            QCOMPARE(json(f.run({"log", t, "--json", "--limit", "1"})).at(0).toObject().value(QStringLiteral("status")).toString(),
                     QStringLiteral("cancelled"));
        }
        QCOMPARE(activeStatements(f.src), int64_t(0));
        QCOMPARE(activeStatements(f.dest), int64_t(0));
    }

    // Another process watches: phase, rising rows, the estimate, pid and
    // host; then the job is killed and every reader says abandoned at once,
    // and the next run records it.
    void readersSeeProgressAndAKilledJobAsAbandoned()
    {
        MIMEO_REQUIRE_ENV(env);
        test::CliFixture f(env, "jobwatch", kSlowSource);
        QCOMPARE(f.run({"make", "snap", "src.slow", "--source", "1", "--dest-table", "rep.slow", "--no-pulldata"}).exitCode, 0);
        Background refresh(f, {"refresh", "rep.slow"});
        const auto first = waitRunning(f, QStringLiteral("rep.slow"));
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
        QCOMPARE(first.value(QStringLiteral("pid")).toInteger(), refresh.p.processId());
        QVERIFY(!first.value(QStringLiteral("host")).toString().isEmpty());
        QVERIFY(!first.value(QStringLiteral("heartbeat_at")).toString().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(json(f.run({"log", "rep.slow", "--json", "--limit", "1"})).at(0).toObject().value(QStringLiteral("rows")).toInteger()
                                     > first.value(QStringLiteral("rows")).toInteger(),
                                 10000);
        const auto status = json(f.run({"status", "--json"})).at(0).toObject();
        QCOMPARE(status.value(QStringLiteral("last_status")).toString(), QStringLiteral("running"));
        QCOMPARE(status.value(QStringLiteral("phase")).toString(), QStringLiteral("copying"));

        ::kill(static_cast<pid_t>(refresh.p.processId()), SIGKILL);
        QVERIFY(refresh.p.waitForFinished(5000));
        QElapsedTimer t;
        t.start();
        QTRY_COMPARE_WITH_TIMEOUT(json(f.run({"log", "rep.slow", "--json", "--limit", "1"})).at(0).toObject().value(QStringLiteral("status")).toString(),
                                  QStringLiteral("abandoned"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(json(f.run({"status", "--json"})).at(0).toObject().value(QStringLiteral("last_status")).toString(),
                                  QStringLiteral("abandoned"), 10000);
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(f.run({"run"}).exitCode, 0);
        auto d = f.dest.connect();
        QCOMPARE(d.exec("SELECT status || ':' || (reason LIKE 'its process ended without finishing it%')::text FROM mimeo.studio_job_log "
                        "WHERE dest_table = 'rep.slow' AND action = 'refresh'").text(0, 0),
                 std::string("abandoned:true"));
    }

    // A skip says why: unchanged source; a held table names its holder.
    void skipReasons()
    {
        MIMEO_REQUIRE_ENV(env);
        test::CliFixture f(env, "jobskip", kSlowSource);
        QCOMPARE(f.run({"make", "snap", "src.slow", "--source", "1", "--dest-table", "rep.slow", "--no-pulldata"}).exitCode, 0);
        Background refresh(f, {"refresh", "rep.slow"});
        QCOMPARE(waitRunning(f, QStringLiteral("rep.slow")).value(QStringLiteral("status")).toString(), QStringLiteral("running"));
        auto second = f.run({"refresh", "rep.slow"});
        QCOMPARE(second.exitCode, 3);
        const auto skipped = json(f.run({"log", "rep.slow", "--json", "--limit", "1"})).at(0).toObject();
        QCOMPARE(skipped.value(QStringLiteral("status")).toString(), QStringLiteral("skipped"));
        const QString why = skipped.value(QStringLiteral("reason")).toString();
        QVERIFY2(why.startsWith(QStringLiteral("another run holds the table: mimeo refresh (refresh) on host "))
                     && why.contains(QStringLiteral("(pid %1) since").arg(refresh.p.processId())),
                 qPrintable(why));
        QVERIFY(refresh.p.waitForFinished(60000));
        QCOMPARE(refresh.p.exitCode(), 0);
    }

    // The refresh holds its configuration row FOR UPDATE: a save fails within
    // seconds naming who holds it, and saves nothing.
    void configSaveDuringARefreshFailsFast()
    {
        MIMEO_REQUIRE_ENV(env);
        test::CliFixture f(env, "jobsave", kSlowSource);
        QCOMPARE(f.run({"make", "snap", "src.slow", "--source", "1", "--dest-table", "rep.slow", "--no-pulldata"}).exitCode, 0);
        Background refresh(f, {"refresh", "rep.slow"});
        QCOMPARE(waitRunning(f, QStringLiteral("rep.slow")).value(QStringLiteral("status")).toString(), QStringLiteral("running"));
        auto d = f.dest.connect();
        QElapsedTimer t;
        t.start();
        try {
            catalog::applyConfigChanges(d, "mimeo", {{"snap", "rep.slow", {{"period", std::string("1 hour")}}}});
            QFAIL("the save waited for the refresh and went through");
        } catch (const catalog::ConfigChangeError &e) {
            const std::string what = e.error().message();
            QVERIFY2(what.find("rep.slow is being refreshed: another run holds the table: mimeo refresh") != std::string::npos,
                     what.c_str());
        }
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(d.exec("SELECT period IS NULL FROM mimeo.refresh_config_snap").toBool(0, 0));
    }

    // Cancel from another thread while the job waits for the table lock (a
    // blocking wait, reached only by PQcancel) and while a dml apply waits
    // for a row lock: the job stops, rolls back, and leaves nothing running.
    void cancelReachesLockWaitsAndApply()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ReplicationFixture f(env, "jobcancel");
        f.src().exec("CREATE SCHEMA src; CREATE SCHEMA mimeo; CREATE TABLE src.t (id int PRIMARY KEY, v text);"
                     "INSERT INTO src.t SELECT g, 'v' FROM generate_series(1, 100) g;");
        f.dest().exec("CREATE SCHEMA rep");
        MIMEO_NOTHROW(f.make(f.request("dml", "src.t", "rep.t")));
        f.src().exec("UPDATE src.t SET v = 'changed' WHERE id <= 10");
        const int64_t queued = f.src().exec("SELECT count(*) FROM mimeo.src_t_q").toInt(0, 0);
        QVERIFY(queued > 0);

        auto attempt = [&](const std::function<void(pg::Connection &)> &block, catalog::LockWait wait) {
            auto blocker = f.destDb().connect();
            pg::Transaction tx(blocker);
            block(blocker);
            replication::RefreshRequest req;
            req.destTable = "rep.t";
            req.lockWait = wait;
            qint64 elapsed = 0;
            QVERIFY(cancelledAfter(f, 700, [&] { replication::refresh(f.dest(), req, f.context()); }, &elapsed));
            QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
        };
        // The table lock, waited for without a bound.
        attempt([](pg::Connection &c) { c.exec("SELECT pg_advisory_xact_lock(hashtext('mimeo advisory lock'), hashtext('rep.t'))"); },
                catalog::LockWait::untilGranted());
        QCOMPARE(f.lastJob("rep.t").at(0), QStringLiteral("cancelled"));
        // The apply, behind a row another session holds.
        attempt([](pg::Connection &c) { c.exec("SELECT * FROM rep.t WHERE id = 1 FOR UPDATE"); }, catalog::LockWait::noWait());
        QCOMPARE(f.lastJob("rep.t").at(0), QStringLiteral("cancelled"));
        // Nothing applied, nothing taken from the queue, nothing left running.
        QCOMPARE(f.dest().exec("SELECT count(*) FROM rep.t WHERE v = 'changed'").toInt(0, 0), int64_t(0));
        QCOMPARE(f.src().exec("SELECT count(*) FROM mimeo.src_t_q").toInt(0, 0), queued);
        QCOMPARE(activeStatements(f.srcDb()), int64_t(0));
        // The same refresh then goes through.
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(f.dest().exec("SELECT count(*) FROM rep.t WHERE v = 'changed'").toInt(0, 0), int64_t(10));
    }

    // A make cancelled while it pulls, or while it waits to put its trigger
    // on the source, leaves nothing on either side, as a failed one.
    void cancelledMakesLeaveNothingBehind()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ReplicationFixture f(env, "jobmake");
        f.src().exec(kSlowSource);
        f.dest().exec("CREATE SCHEMA rep");
        QVERIFY(cancelledAfter(f, 1000, [&] { f.make(f.request("snap", "src.slow", "rep.slow")); }));
        QCOMPARE(f.lastJob("rep.slow").at(0), QStringLiteral("cancelled"));

        auto holder = f.srcDb().connect();
        pg::Transaction tx(holder);
        holder.exec("LOCK TABLE src.t IN EXCLUSIVE MODE"); // CREATE TRIGGER waits for it
        QVERIFY(cancelledAfter(f, 700, [&] { f.make(f.request("dml", "src.t", "rep.t")); }));
        tx.rollback();
        QCOMPARE(f.lastJob("rep.t").at(0), QStringLiteral("cancelled"));

        QCOMPARE(f.dest().exec("SELECT count(*) FROM mimeo.refresh_config").toInt(0, 0), int64_t(0));
        QCOMPARE(f.dest().exec("SELECT count(*) FROM mimeo.studio_replication_identity").toInt(0, 0), int64_t(0));
        QCOMPARE(f.dest().exec("SELECT count(*) FROM pg_class WHERE relnamespace = 'rep'::regnamespace").toInt(0, 0), int64_t(0));
        QCOMPARE(f.src().exec("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal").toInt(0, 0), int64_t(0));
        QCOMPARE(f.src().exec("SELECT count(*) FROM pg_class WHERE relnamespace = 'mimeo'::regnamespace").toInt(0, 0), int64_t(0));
        QCOMPARE(activeStatements(f.srcDb()), int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestJobControl)
#include "tst_job_control.moc"
