// SPDX-License-Identifier: PostgreSQL
// The snapshot skip rule on a source cluster no other suite writes to: a
// refresh skips only when nothing can have changed, and never skips a change
// that committed before it started, even one whose statistics have not been
// flushed yet (a change made inside a procedure that is still running).
#include "pg/connection.h"
#include "replication_fixture.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>

using namespace mimeo;
using test::ReplicationFixture;

namespace {

void prepare(ReplicationFixture &f)
{
    f.src().exec("CREATE SCHEMA src; CREATE TABLE src.t (id int PRIMARY KEY, v text);"
                 "INSERT INTO src.t SELECT g, 'v' || g FROM generate_series(1, 100) g;");
    f.dest().exec("CREATE SCHEMA rep;");
    // Let the inserts' counters reach shared statistics before anything is
    // made, so later counter movements come only from what a test does
    // (a loaded machine can delay the flush by seconds).
    f.src().exec("SELECT pg_stat_force_next_flush()");
    auto probe = f.srcDb().connect();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000
           && probe.exec("SELECT coalesce(n_tup_ins, 0) FROM pg_stat_all_tables WHERE relid = 'src.t'::regclass").toInt(0, 0) < 100)
        QTest::qWait(100);
}

// Refreshes until one skips (counters of an earlier change may need a flush
// before they stop moving); every pull on the way must leave the view equal.
bool settlesToSkip(ReplicationFixture &f, int seconds)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < seconds * 1000) {
        if (f.refresh("rep.t").outcome == replication::Outcome::Skipped)
            return true;
        QTest::qWait(500);
    }
    return false;
}

} // namespace

class TestSnapSkip : public QObject {
    Q_OBJECT
private slots:
    void makerStoresCountersSoTheFirstRefreshCanSkip()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "skipfirst", &env->quiet);
        prepare(f);
        MIMEO_NOTHROW(f.make(f.request("snap", "src.t", "rep.t")));
        QVERIFY(!f.dest().exec("SELECT n_tup_ins IS NULL FROM mimeo.refresh_config_snap").toBool(0, 0));
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.t"));
        QCOMPARE(r.outcome, replication::Outcome::Skipped);
        QCOMPARE(f.lastJob("rep.t").value(0), QStringLiteral("skipped"));
        // last_run moves on a skip too.
        QVERIFY(f.dest().exec("SELECT last_run > now() - interval '1 minute' FROM mimeo.refresh_config_snap").toBool(0, 0));
        // --repull pulls anyway.
        MIMEO_NOTHROW(r = f.refresh("rep.t", true));
        QCOMPARE(r.outcome, replication::Outcome::Done);
    }

    void aChangeCommittedJustBeforeTheRefreshIsPulled()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "skipupdate", &env->quiet);
        prepare(f);
        MIMEO_NOTHROW(f.make(f.request("snap", "src.t", "rep.t")));
        QVERIFY(settlesToSkip(f, 30));
        for (int round = 0; round < 3; ++round) {
            // The writer's statistics are flushed at most once a second, so a
            // second change right after the first is invisible to the counters.
            const std::string v = "changed " + std::to_string(round);
            f.src().exec("UPDATE src.t SET v = $1 WHERE id = 1", {v});
            f.src().exec("UPDATE src.t SET v = $1 WHERE id = 2", {v});
            replication::RunResult r;
            MIMEO_NOTHROW(r = f.refresh("rep.t"));
            QCOMPARE(r.outcome, replication::Outcome::Done);
            QCOMPARE(f.dest().exec("SELECT v FROM rep.t WHERE id = 2").text(0, 0), v);
        }
        QVERIFY(settlesToSkip(f, 30));
        QCOMPARE(f.differences("SELECT * FROM src.t", "SELECT * FROM rep.t"), QString());
    }

    void aChangeInsideARunningProcedureIsPulled()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "skipproc", &env->quiet);
        prepare(f);
        f.src().exec("CREATE PROCEDURE src.batch() LANGUAGE plpgsql AS $$ BEGIN "
                     "UPDATE src.t SET v = 'from procedure' WHERE id = 3; COMMIT; PERFORM pg_sleep(8); END $$");
        MIMEO_NOTHROW(f.make(f.request("snap", "src.t", "rep.t")));
        QVERIFY(settlesToSkip(f, 30));
        // The procedure commits its update, then keeps working: its counters
        // stay in the backend until the CALL returns.
        std::thread caller([&] {
            try {
                auto c = f.srcDb().connect();
                c.exec("CALL src.batch()");
            } catch (...) {
                // Seen below: the update would be missing.
            }
        });
        QElapsedTimer t;
        t.start();
        while (f.src().exec("SELECT v FROM src.t WHERE id = 3").text(0, 0) != "from procedure" && t.elapsed() < 5000)
            QTest::qWait(50);
        replication::RunResult r;
        std::string failure;
        try {
            r = f.refresh("rep.t");
        } catch (const std::exception &e) {
            failure = e.what();
        }
        const bool procedureStillRunning =
            f.src().exec("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'CALL src.batch()%' AND state = 'active'").toInt(0, 0) == 1;
        caller.join(); // before any check can return early
        QVERIFY2(failure.empty(), failure.c_str());
        QCOMPARE(r.outcome, replication::Outcome::Done);
        QCOMPARE(f.dest().exec("SELECT v FROM rep.t WHERE id = 3").text(0, 0), std::string("from procedure"));
        QVERIFY(procedureStillRunning); // the case where counters alone would have skipped
        // ... and it was the transaction check, not the counters, that saw it.
        const auto why = f.dest().exec("SELECT message FROM mimeo.studio_job_step WHERE job_id = $1 AND message LIKE 'pulling:%'",
                                       {std::to_string(r.jobId)}).text(0, 0);
        QVERIFY2(why.find("committed on the source since the last pull") != std::string::npos, why.c_str());
    }

    void viewsAndCheckStatsOffAlwaysPull()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "skipoff", &env->quiet);
        prepare(f);
        MIMEO_NOTHROW(f.make(f.request("snap", "src.t", "rep.t")));
        f.dest().exec("UPDATE mimeo.refresh_config_snap SET check_stats = false");
        for (int i = 0; i < 2; ++i) {
            replication::RunResult r;
            MIMEO_NOTHROW(r = f.refresh("rep.t"));
            QCOMPARE(r.outcome, replication::Outcome::Done);
        }
        // Stats are not stored when not checked (mimeo's rule), so turning the
        // check back on pulls once before it can skip.
        QVERIFY(f.dest().exec("SELECT n_tup_ins IS NULL FROM mimeo.refresh_config_snap").toBool(0, 0));
    }
};

QTEST_GUILESS_MAIN(TestSnapSkip)
#include "tst_snap_skip.moc"
