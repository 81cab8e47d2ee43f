// SPDX-License-Identifier: PostgreSQL
// mimeo make/refresh/destroy dml and logdel through the binary: the options
// (filter, key, limit, repull, no-pulldata), the prerequisite report with
// its fixing statements, exit statuses (1 failed, 3 locked), status and log;
// hostile --pk-type, a disabled trigger, and a make killed halfway.
#include "cli_fixture.h"
#include "pg/connection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace mimeo;
using test::runMimeo;

namespace {

struct CliFixture : test::CliFixture {
    CliFixture(const test::TestEnv *env, const char *prefix)
        : test::CliFixture(env, prefix,
                           "CREATE SCHEMA src; CREATE TABLE src.t (id int PRIMARY KEY, v text, w text);"
                           "INSERT INTO src.t SELECT g, 'v' || g, 'w' || g FROM generate_series(1, 500) g;"
                           "CREATE TABLE src.nokey (id int, v text);")
    {
    }
    int64_t count(const std::string &sql, bool onSource = false)
    {
        auto c = onSource ? src.connect() : dest.connect();
        return c.exec(sql).toInt(0, 0);
    }
};

} // namespace

class TestCliQueue : public QObject {
    Q_OBJECT
private slots:
    void prerequisitesComeWithTheirFix()
    {
        MIMEO_REQUIRE_ENV(env);
        CliFixture f(env, "cliqpre");
        auto r = f.run({"make", "dml", "src.nokey", "--source", "1", "--dest-table", "rep.nokey"});
        QCOMPARE(r.exitCode, 1);
        for (const char *expected : {"has no valid primary key or unique index", "ALTER TABLE \"src\".\"nokey\" ADD PRIMARY KEY",
                                     "schema mimeo does not exist on the source", "CREATE SCHEMA \"mimeo\" AUTHORIZATION \"postgres\";"})
            QVERIFY2(r.err.contains(QLatin1String(expected)), qPrintable(r.err));
        QCOMPARE(f.count("SELECT count(*) FROM mimeo.refresh_config"), int64_t(0));
        QCOMPARE(f.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'rep'"), int64_t(0));
        // With --pk-name the key is given; the schema is still missing.
        r = f.run({"make", "dml", "src.nokey", "--source", "1", "--pk-name", "id", "--pk-type", "integer"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(!r.err.contains(QLatin1String("primary key")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("CREATE SCHEMA")), qPrintable(r.err));
    }

    void dmlFromMakeToDestroy()
    {
        MIMEO_REQUIRE_ENV(env);
        CliFixture f(env, "cliqdml");
        f.src.connect().exec("CREATE SCHEMA mimeo");
        auto made = f.run({"make", "dml", "src.t", "--source", "1", "--dest-table", "rep.t", "--filter", "id,v", "--batch-limit",
                           "100", "--period", "5 minutes"});
        QCOMPARE(made.exitCode, 0);
        QVERIFY2(made.out.contains(QStringLiteral("made dml replication rep.t (500 rows; queue mimeo.src_t_q)")), qPrintable(made.all()));
        QCOMPARE(f.count("SELECT count(*) FROM pg_trigger WHERE tgname = 'src_t_mimeo_trig' AND tgattr::text = '1 2'", true),
                 int64_t(1)); // UPDATE OF id, v

        f.src.connect().exec("UPDATE src.t SET v = 'changed' WHERE id <= 150; UPDATE src.t SET w = 'not replicated'");
        auto first = f.run({"refresh", "rep.t"});
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains(QStringLiteral("refreshed rep.t: 100 queued keys applied")), qPrintable(first.all()));
        QVERIFY2(first.err.contains(QStringLiteral("batch limit of 100 keys reached")), qPrintable(first.all()));
        auto second = f.run({"refresh", "rep.t", "--limit", "1000"});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.contains(QStringLiteral("refreshed rep.t: 50 queued keys applied")), qPrintable(second.all()));
        QCOMPARE(f.count("SELECT count(*) FROM rep.t WHERE v = 'changed'"), int64_t(150));

        // Locked: exit 3, nothing taken from the queue.
        f.src.connect().exec("UPDATE src.t SET v = 'again' WHERE id = 1");
        auto holder = f.dest.connect();
        holder.exec("BEGIN; SELECT pg_advisory_xact_lock(hashtext('mimeo advisory lock'), hashtext('rep.t'))");
        auto locked = f.run({"refresh", "rep.t"});
        QCOMPARE(locked.exitCode, 3);
        QCOMPARE(f.count("SELECT count(*) FROM mimeo.src_t_q", true), int64_t(1));
        holder.exec("ROLLBACK");

        auto repull = f.run({"refresh", "rep.t", "--repull"});
        QCOMPARE(repull.exitCode, 0);
        QVERIFY2(repull.out.contains(QStringLiteral("refreshed rep.t: 500 rows (repull)")), qPrintable(repull.all()));
        QCOMPARE(f.count("SELECT count(*) FROM mimeo.src_t_q", true), int64_t(0));

        const auto status = QJsonDocument::fromJson(f.run({"status", "--json"}).out.toUtf8()).array();
        QCOMPARE(status.size(), 1);
        QCOMPARE(status[0].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("dml"));
        QCOMPARE(status[0].toObject().value(QStringLiteral("last_status")).toString(), QStringLiteral("ok"));
        const auto log = QJsonDocument::fromJson(f.run({"log", "rep.t", "--json"}).out.toUtf8()).array();
        QVERIFY(log.size() >= 5);
        QCOMPARE(log[0].toObject().value(QStringLiteral("action")).toString(), QStringLiteral("refresh"));
        QCOMPARE(log[0].toObject().value(QStringLiteral("rows")).toInt(), 500);
        // A repull has no counts; the second refresh updated 50 rows in place.
        QVERIFY(log[0].toObject().value(QStringLiteral("rows_updated")).isNull());
        bool counted = false;
        for (const auto &j : log) {
            const auto o = j.toObject();
            if (o.value(QStringLiteral("rows")).toInt() == 50 && o.value(QStringLiteral("action")).toString() == QStringLiteral("refresh")) {
                QCOMPARE(o.value(QStringLiteral("rows_updated")).toInt(), 50);
                QCOMPARE(o.value(QStringLiteral("rows_inserted")).toInt(), 0);
                QCOMPARE(o.value(QStringLiteral("rows_deleted")).toInt(), 0);
                counted = true;
            }
        }
        QVERIFY(counted);
        const auto lines = f.run({"log", "rep.t"}).out;
        QVERIFY2(lines.contains(QStringLiteral("50 rows (+0 ~50 -0)")), qPrintable(lines));

        auto destroyed = f.run({"destroy", "rep.t", "--drop-table"});
        QCOMPARE(destroyed.exitCode, 0);
        QCOMPARE(f.count("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal", true), int64_t(0));
        QCOMPARE(f.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'mimeo'", true), int64_t(0));
        QCOMPARE(f.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'rep'"), int64_t(0));
    }

    void logdelWithGivenKeyAndNoData()
    {
        MIMEO_REQUIRE_ENV(env);
        CliFixture f(env, "cliqlogdel");
        f.src.connect().exec("CREATE SCHEMA mimeo");
        auto made = f.run({"make", "logdel", "src.nokey", "--source", "1", "--dest-table", "rep.ld", "--pk-name", "id",
                           "--pk-type", "integer", "--no-pulldata", "--no-index"});
        QCOMPARE(made.exitCode, 0);
        QVERIFY2(made.out.contains(QStringLiteral("made logdel replication rep.ld (0 rows; queue mimeo.src_nokey_q)")),
                 qPrintable(made.all()));
        // --pk-name: a unique index on the key (the refresh's lookups need it).
        QCOMPARE(f.count("SELECT count(*) FROM pg_indexes WHERE tablename = 'ld' AND indexdef LIKE 'CREATE UNIQUE INDEX%(id)'"),
                 int64_t(1));
        f.src.connect().exec("INSERT INTO src.nokey VALUES (1, 'a'), (2, 'b'); DELETE FROM src.nokey WHERE id = 2");
        auto refreshed = f.run({"refresh", "rep.ld"});
        QCOMPARE(refreshed.exitCode, 0);
        QCOMPARE(f.count("SELECT count(*) FROM rep.ld WHERE id = 1 AND mimeo_source_deleted IS NULL"), int64_t(1));
        QCOMPARE(f.count("SELECT count(*) FROM rep.ld WHERE id = 2 AND v = 'b' AND mimeo_source_deleted IS NOT NULL"), int64_t(1));
        QCOMPARE(f.run({"destroy", "rep.ld"}).exitCode, 0);
        QCOMPARE(f.count("SELECT count(*) FROM rep.ld"), int64_t(2)); // kept by default
    }

    void pkTypeNeverReachesTheSourceAsGiven()
    {
        // It went unquoted into the queue's CREATE TABLE: this dropped a
        // table on the source and exited 0.
        MIMEO_REQUIRE_ENV(env);
        CliFixture f(env, "cliqpkt");
        f.src.connect().exec("CREATE SCHEMA mimeo; CREATE TABLE src.victim (x int)");
        for (const char *type : {"dml", "logdel"}) {
            auto r = f.run({"make", type, "src.nokey", "--source", "1", "--dest-table", "rep.nokey", "--pk-name", "id", "--pk-type",
                            "int); DROP TABLE src.victim; --"});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("is not a type name the source accepts")), qPrintable(r.all()));
            QCOMPARE(f.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'src' AND tablename = 'victim'", true), int64_t(1));
        }
        QCOMPARE(f.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'mimeo'", true), int64_t(0));
        QCOMPARE(f.count("SELECT count(*) FROM mimeo.refresh_config"), int64_t(0));
    }

    void aDisabledTriggerFailsTheRefresh()
    {
        // It said "0 queued keys applied", exited 0 and logged ok while the
        // destination drifted away.
        MIMEO_REQUIRE_ENV(env);
        CliFixture f(env, "cliqdis");
        f.src.connect().exec("CREATE SCHEMA mimeo");
        QCOMPARE(f.run({"make", "dml", "src.t", "--source", "1", "--dest-table", "rep.t"}).exitCode, 0);
        f.src.connect().exec("ALTER TABLE src.t DISABLE TRIGGER ALL; UPDATE src.t SET v = 'unseen' WHERE id <= 10");
        auto r = f.run({"refresh", "rep.t"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("ALTER TABLE \"src\".\"t\" ENABLE ALWAYS TRIGGER \"src_t_mimeo_trig\"")),
                 qPrintable(r.all()));
        const auto status = QJsonDocument::fromJson(f.run({"status", "--json"}).out.toUtf8()).array();
        QCOMPARE(status[0].toObject().value(QStringLiteral("last_status")).toString(), QStringLiteral("failed"));
        f.src.connect().exec("ALTER TABLE src.t ENABLE ALWAYS TRIGGER src_t_mimeo_trig");
        QCOMPARE(f.run({"refresh", "rep.t", "--repull"}).exitCode, 0);
        QCOMPARE(f.count("SELECT count(*) FROM rep.t WHERE v = 'unseen'"), int64_t(10));
        // Nobody but its owner may attach the SECURITY DEFINER function to a table.
        QCOMPARE(f.count("SELECT count(*) FROM pg_proc WHERE proname = 'src_t_mimeo_queue' "
                         "AND has_function_privilege('public', oid, 'EXECUTE')", true),
                 int64_t(0));
    }

    void aKilledMakeIsListedAndTakenBackByTheNext()
    {
        // kill -9 between the source's commit and the destination's left a
        // trigger queueing for nobody, and the next make took another slot.
        MIMEO_REQUIRE_ENV(env);
        CliFixture f(env, "cliqkill");
        f.src.connect().exec("CREATE SCHEMA mimeo");
        auto holder = f.dest.connect();
        holder.exec("BEGIN; LOCK TABLE mimeo.refresh_config_dml IN EXCLUSIVE MODE");
        QProcess make;
        make.start(test::mimeoBinary(), {"--dest", QString::fromStdString(f.dest.conninfo()), "make", "dml", "src.t", "--source",
                                         "1", "--dest-table", "rep.t"});
        QVERIFY(make.waitForStarted());
        auto watcher = f.dest.connect(); // outside the holder's transaction, whose view of pg_stat_activity stands still
        bool blocked = false;
        for (int i = 0; i < 300 && !blocked; ++i) {
            blocked = watcher.exec("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                  "AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO %refresh_config_dml%'")
                          .toInt(0, 0) == 1;
            if (!blocked)
                QTest::qWait(50);
        }
        QVERIFY(blocked);
        make.kill(); // SIGKILL
        QVERIFY(make.waitForFinished());
        holder.exec("ROLLBACK");
        QCOMPARE(f.count("SELECT count(*) FROM pg_trigger WHERE tgname = 'src_t_mimeo_trig'", true), int64_t(1));

        auto test = f.run({"source", "test", "1"});
        QCOMPARE(test.exitCode, 0);
        for (const char *expected : {"orphaned queues", "mimeo.src_t_q (trigger on src.t, make of rep.t)",
                                     "DROP TRIGGER IF EXISTS \"src_t_mimeo_trig\" ON \"src\".\"t\";",
                                     "DROP FUNCTION IF EXISTS \"mimeo\".\"src_t_mimeo_queue\"();",
                                     "DROP TABLE IF EXISTS \"mimeo\".\"src_t_q\";"})
            QVERIFY2(test.out.contains(QLatin1String(expected)), qPrintable(test.all()));
        auto missing = f.run({"check", "missing", "--json"});
        QCOMPARE(missing.exitCode, 1);
        const auto rows = QJsonDocument::fromJson(missing.out.toUtf8()).array();
        bool listed = false;
        for (const auto &row : rows) {
            const auto o = row.toObject();
            if (o.value(QStringLiteral("kind")).toString() == QStringLiteral("orphaned queue")) {
                listed = true;
                QCOMPARE(o.value(QStringLiteral("table")).toString(), QStringLiteral("src_t_q"));
                QCOMPARE(o.value(QStringLiteral("dest_table")).toString(), QStringLiteral("rep.t"));
                QCOMPARE(o.value(QStringLiteral("fix")).toArray().size(), 3);
            }
        }
        QVERIFY2(listed, qPrintable(missing.all()));

        // The next make succeeds in the same slot and leaves nothing extra.
        auto again = f.run({"make", "dml", "src.t", "--source", "1", "--dest-table", "rep.t"});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QStringLiteral("queue mimeo.src_t_q)")), qPrintable(again.all()));
        QCOMPARE(f.count("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal", true), int64_t(1));
        QCOMPARE(f.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'mimeo'", true), int64_t(1));
        QVERIFY(!f.run({"source", "test", "1"}).out.contains(QLatin1String("orphaned")));
    }
};

QTEST_GUILESS_MAIN(TestCliQueue)
#include "tst_cli_queue.moc"
