// SPDX-License-Identifier: PostgreSQL
// dml under failure: a source or destination backend killed at each point of
// a refresh, a destination commit that fails, changes committed while a
// refresh runs, a writer that never stops, a failing make, a held lock.
// Whatever happens, no queued change is lost and the next refresh converges.
#include "pg/connection.h"
#include "pg/error.h"
#include "replication_fixture.h"
#include "tst_dml_support.h"

#include <QProcess>
#include <QTest>

#include <atomic>
#include <thread>

using namespace mimeo;
using test::ReplicationFixture;
using test::queue::count;
using test::queue::sourceObjects;

namespace {

void prepare(ReplicationFixture &f, int rows)
{
    f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA src;"
                 "CREATE TABLE src.t (a int, b text, v text, n numeric, PRIMARY KEY (a, b));"
                 "INSERT INTO src.t SELECT g, 'k' || (g % 3), 'v' || g, g FROM generate_series(1, " + std::to_string(rows) + ") g;");
    f.dest().exec("CREATE SCHEMA rep");
    MIMEO_NOTHROW(f.make(f.request("dml", "src.t", "rep.t")));
}

QString same(ReplicationFixture &f) { return f.differences("SELECT * FROM src.t", "SELECT * FROM rep.t"); }

std::string digest(pg::Connection &c) { return c.exec("SELECT md5(string_agg(t::text, '|' ORDER BY a, b)) FROM rep.t t").text(0, 0); }

int64_t queued(ReplicationFixture &f) { return count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"); }

// Terminates the refresh's source backend (found by its application_name).
void killSource(const test::TestEnv *env, ReplicationFixture &f)
{
    auto killer = env->source.connect();
    killer.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE 'mimeo:%'",
                {f.srcDb().name()});
}

} // namespace

class TestDmlFailures : public QObject {
    Q_OBJECT
private slots:
    void sourceKilledWhileReading()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlfsrc");
        prepare(f, 40000);
        // Wide rows, so the server is still sending when the kill comes
        // (a few MB fit in the socket buffers).
        f.src().exec("UPDATE src.t SET v = repeat('changed', 150) WHERE a <= 30000");
        const auto before = digest(f.dest());
        const int64_t queue = queued(f);
        bool killed = false;
        f.context().progress = [&](const replication::Progress &p) {
            if (!killed && p.phase == "copying" && p.rows >= 10000) {
                killSource(env, f);
                killed = true;
            }
        };
        try {
            f.refresh("rep.t");
            QFAIL("expected the refresh to fail");
        } catch (const pg::Error &e) {
            QCOMPARE(e.side(), pg::Side::Source);
        }
        QVERIFY(killed);
        QCOMPARE(digest(f.dest()), before);
        QCOMPARE(queued(f), queue);
        QCOMPARE(f.lastJob("rep.t").value(0), QStringLiteral("failed"));
        f.context().progress = nullptr;
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
        QCOMPARE(queued(f), int64_t(0));
    }

    void destinationKilledWhileApplying()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlfdst");
        prepare(f, 5000);
        test::queue::randomWorkload(f.src(), "src.t", 1);
        const auto before = digest(f.dest());
        const int64_t queue = queued(f);
        auto victim = f.destDb().connect(pg::Side::Destination);
        const auto pid = victim.exec("SELECT pg_backend_pid()").text(0, 0);
        f.context().progress = [&](const replication::Progress &p) {
            if (p.phase == "applying")
                f.dest().exec("SELECT pg_terminate_backend($1::int)", {pid});
        };
        replication::RefreshRequest r;
        r.destTable = "rep.t";
        try {
            replication::refresh(victim, r, f.context());
            QFAIL("expected the refresh to fail");
        } catch (const pg::Error &e) {
            QCOMPARE(e.side(), pg::Side::Destination);
        }
        f.context().progress = nullptr;
        QCOMPARE(digest(f.dest()), before);
        QCOMPARE(queued(f), queue);
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
        QCOMPARE(queued(f), int64_t(0));
    }

    void destinationCommitFailureLosesNothing()
    {
        // mimeo deleted the queue rows before the destination committed: a
        // failing commit lost those changes for good (bug 9.2 #2).
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlfcommit");
        prepare(f, 1000);
        f.dest().exec("CREATE TABLE rep.block (why text); INSERT INTO rep.block VALUES ('maintenance');"
                      "CREATE FUNCTION rep.refuse() RETURNS trigger LANGUAGE plpgsql AS "
                      "$$BEGIN IF EXISTS (SELECT 1 FROM rep.block) THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NULL; END$$;"
                      "CREATE CONSTRAINT TRIGGER refuse AFTER INSERT OR UPDATE OR DELETE ON rep.t DEFERRABLE INITIALLY DEFERRED "
                      "FOR EACH ROW EXECUTE FUNCTION rep.refuse();");
        test::queue::randomWorkload(f.src(), "src.t", 1);
        const auto before = digest(f.dest());
        const int64_t queue = queued(f);
        QVERIFY(queue > 0);
        // A normal refresh and a repull (which empties the destination first).
        for (bool repull : {false, true}) {
            try {
                f.refresh("rep.t", repull);
                QFAIL("expected the commit to fail");
            } catch (const pg::Error &e) {
                QVERIFY2(e.message().find("refused at commit") != std::string::npos, e.message().c_str());
            }
            QCOMPARE(digest(f.dest()), before);
            QCOMPARE(queued(f), queue);
        }
        f.dest().exec("DELETE FROM rep.block");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
    }

    void sourceLostAfterTheDestinationCommitted()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlfafter");
        prepare(f, 1000);
        test::queue::randomWorkload(f.src(), "src.t", 1);
        const int64_t queue = queued(f);
        f.context().progress = [&](const replication::Progress &p) {
            if (p.phase == "removing queue rows")
                killSource(env, f);
        };
        f.warnings.clear();
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.t"));
        f.context().progress = nullptr;
        QCOMPARE(r.outcome, replication::Outcome::Done);
        QCOMPARE(same(f), QString());
        QCOMPARE(f.warnings.size(), size_t(1));
        QVERIFY2(f.warnings[0].find("the next refresh applies them again") != std::string::npos, f.warnings[0].c_str());
        // The rows stayed; applying them again is harmless.
        QCOMPARE(queued(f), queue);
        test::queue::randomWorkload(f.src(), "src.t", 2);
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
        QCOMPARE(queued(f), int64_t(0));
    }

    void changesCommittedDuringARefreshStayQueued()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlfduring");
        prepare(f, 2000);
        f.src().exec("UPDATE src.t SET v = 'first' WHERE a <= 500");
        auto writer = f.srcDb().connect(pg::Side::Source);
        bool wrote = false;
        f.context().progress = [&](const replication::Progress &p) {
            if (!wrote && p.phase == "applying") {
                // After the batch was read: keys of the batch and others.
                writer.exec("UPDATE src.t SET v = 'second' WHERE a BETWEEN 100 AND 200");
                writer.exec("DELETE FROM src.t WHERE a BETWEEN 300 AND 310");
                writer.exec("INSERT INTO src.t VALUES (9001, 'new', 'during', 1)");
                writer.exec("UPDATE src.t SET a = 9002 WHERE a = 1500");
                wrote = true;
            }
        };
        MIMEO_NOTHROW(f.refresh("rep.t"));
        f.context().progress = nullptr;
        QVERIFY(wrote);
        QVERIFY(!same(f).isEmpty());            // the batch did not see them...
        QCOMPARE(queued(f), int64_t(101 + 11 + 1 + 2)); // ...and they are still queued
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
    }

    void aWriterThatNeverStops()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlfwriter");
        prepare(f, 3000);
        std::atomic<bool> stop{false};
        std::atomic<int> rounds{0};
        std::string failure;
        std::thread writer([&] {
            try {
                auto c = f.srcDb().connect(pg::Side::Source);
                for (int round = 1; !stop; ++round) {
                    test::queue::randomWorkload(c, "src.t", round);
                    ++rounds;
                }
            } catch (const std::exception &e) {
                failure = e.what();
            }
        });
        for (int i = 0; i < 6; ++i) {
            try {
                f.refresh("rep.t");
            } catch (const std::exception &e) {
                stop = true;
                writer.join();
                QFAIL(e.what());
            }
            QTest::qWait(100);
        }
        stop = true;
        writer.join();
        QVERIFY2(failure.empty(), failure.c_str());
        QVERIFY(rounds >= 2);
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
        QCOMPARE(queued(f), int64_t(0));
    }

    void failingMakeRemovesWhatItCreated_data()
    {
        QTest::addColumn<QString>("type");
        QTest::newRow("dml") << QStringLiteral("dml");
        QTest::newRow("logdel") << QStringLiteral("logdel");
    }

    void failingMakeRemovesWhatItCreated()
    {
        // mimeo decided whether to clean up by looking for a configuration
        // named like the source, so a failing make could leave a trigger
        // queueing for nobody (bug 9.2 #18).
        QFETCH(QString, type);
        const std::string t = type.toStdString();
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlfmake");
        f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA src; CREATE TABLE src.t (id int PRIMARY KEY, v text);"
                     "INSERT INTO src.t SELECT g, 'v' || g FROM generate_series(1, 30000) g;");
        f.dest().exec("CREATE SCHEMA rep");
        auto victim = f.destDb().connect(pg::Side::Destination);
        const auto pid = victim.exec("SELECT pg_backend_pid()").text(0, 0);
        f.context().progress = [&](const replication::Progress &p) {
            if (p.phase == "copying" && p.rows >= 10000)
                f.dest().exec("SELECT pg_terminate_backend($1::int)", {pid});
        };
        try {
            replication::make(victim, f.request(t, "src.t", "rep.t"), f.context());
            QFAIL("expected the make to fail");
        } catch (const pg::Error &) {
        }
        f.context().progress = nullptr;
        QCOMPARE(sourceObjects(f.src()), QStringList());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config"), int64_t(0));
        QVERIFY(!f.dest().exec("SELECT to_regclass('rep.t') IS NOT NULL").toBool(0, 0));
        // And it can simply be made again.
        MIMEO_NOTHROW(f.make(f.request(t, "src.t", "rep.t")));
        QCOMPARE(f.differences("SELECT * FROM src.t", "SELECT id, v FROM rep.t"), QString());
    }

    void aHeldLockSkipsTheRun()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlflock");
        prepare(f, 100);
        f.src().exec("UPDATE src.t SET v = 'queued'");
        auto holder = f.destDb().connect();
        holder.exec("BEGIN; SELECT pg_advisory_xact_lock(hashtext('mimeo advisory lock'), hashtext('rep.t'))");
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.t"));
        QCOMPARE(r.outcome, replication::Outcome::Locked);
        QCOMPARE(queued(f), int64_t(100));
        holder.exec("COMMIT");
        MIMEO_NOTHROW(r = f.refresh("rep.t"));
        QCOMPARE(r.outcome, replication::Outcome::Done);
        QCOMPARE(same(f), QString());
    }

    void killedRefreshProcessLosesNoQueuedChange()
    {
        // SIGKILL of `mimeo refresh` with 200k queued changes, at three
        // points held in place by a lock of the test's: while the source
        // reads the batch, while the destination applies it, and after the
        // destination committed while the queue rows are being removed.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlfkill");
        prepare(f, 200000);
        f.src().exec("UPDATE src.t SET v = v || '+'");
        const int64_t queue = queued(f);
        QCOMPARE(queue, int64_t(200000));
        struct Point {
            const char *name;
            bool onSource;
            std::string lock;  // held while the refresh runs into it
            std::string waits; // the refresh's statement that ends up waiting
        };
        const std::vector<Point> points = {
            {"reading", true, "LOCK TABLE src.t IN ACCESS EXCLUSIVE MODE", "COPY%"},
            {"applying", false, "LOCK TABLE rep.t IN SHARE MODE", "%rep%t%"},
            {"removing queue rows", true, "LOCK TABLE mimeo.src_t_q IN SHARE MODE", "DELETE%"},
        };
        for (const auto &point : points) {
            const auto before = digest(f.dest());
            auto holder = point.onSource ? f.srcDb().connect() : f.destDb().connect();
            holder.exec("BEGIN; " + point.lock);
            QProcess refresh;
            refresh.start(test::mimeoBinary(), {"--dest", QString::fromStdString(f.destDb().conninfo()), "refresh", "rep.t"});
            QVERIFY(refresh.waitForStarted());
            // Watched from outside the holder's transaction, whose view of
            // pg_stat_activity stands still.
            auto watcher = point.onSource ? f.srcDb().connect() : f.destDb().connect();
            bool waiting = false;
            for (int i = 0; i < 1200 && !waiting; ++i) {
                waiting = watcher.exec("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                      "AND application_name LIKE 'mimeo:%' AND wait_event_type = 'Lock' AND query LIKE $1",
                                      {point.waits})
                              .toInt(0, 0) == 1;
                if (!waiting)
                    QTest::qWait(50);
            }
            QVERIFY2(waiting, point.name);
            if (point.onSource && std::string(point.waits) == "DELETE%") {
                // The removal starts while the destination applies: kill
                // only once the destination committed.
                bool committed = false;
                for (int i = 0; i < 1200 && !committed; ++i) {
                    committed = count(f.dest(), "SELECT count(*) FROM rep.t WHERE v LIKE '%+'") == queue;
                    if (!committed)
                        QTest::qWait(50);
                }
                QVERIFY(committed);
            }
            refresh.kill();
            QVERIFY(refresh.waitForFinished());
            holder.exec("ROLLBACK");
            // The killed run's backends finish what they waited for, find
            // their client gone and roll back.
            for (auto *db : {&f.srcDb(), &f.destDb()}) {
                auto c = db->connect();
                bool gone = false;
                for (int i = 0; i < 1200 && !gone; ++i) {
                    gone = c.exec("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                  "AND application_name LIKE 'mimeo:%'")
                               .toInt(0, 0) == 0;
                    if (!gone)
                        QTest::qWait(50);
                }
                QVERIFY2(gone, point.name);
            }
            QVERIFY2(queued(f) == queue, point.name);
            if (std::string(point.name) != "removing queue rows")
                QVERIFY2(digest(f.dest()) == before, point.name);
            else
                QCOMPARE(same(f), QString()); // committed; the rows stay and apply again harmlessly
        }
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
        QCOMPARE(queued(f), int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestDmlFailures)
#include "tst_dml_failures.moc"
