// mimeo make/refresh/destroy dml and logdel through the binary: the options
// (filter, key, limit, repull, no-pulldata), the prerequisite report with
// its fixing statements, exit statuses (1 failed, 3 locked), status and log;
// a hostile --pk-type.
#include "cli_fixture.h"
#include "pg/connection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

};

QTEST_GUILESS_MAIN(TestCliQueue)
#include "tst_cli_queue.moc"
