// SPDX-License-Identifier: PostgreSQL
// Issue 17: how far behind each table is, measured from real changes on a
// real source: a dml queue (counted, and estimated once it is big), an
// inserter_time gap (with and without an index on the control column), a
// serial gap, snap and table statistics since the last pull, a measure that
// fails, and `mimeo lag` (output, JSON, exit status, an unreachable source
// whose password never shows), with the figure in readHealth and status.
#include "catalog/config_row.h"
#include "cli_fixture.h"
#include "jobs/health.h"
#include "jobs/lag.h"
#include "pg/connection.h"
#include "replication_fixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mimeo;
using test::ReplicationFixture;

namespace {

jobs::LagMeasure measure(ReplicationFixture &f, const std::string &table)
{
    return jobs::measureAndRecordLag(f.dest(), "mimeo", table, f.src());
}

// Waits until the source's statistics show at least `total` inserted +
// updated + deleted rows of table (they reach shared memory late).
void waitForStatistics(ReplicationFixture &f, const std::string &table, long long total)
{
    f.src().exec("SELECT pg_stat_force_next_flush()");
    f.src().exec("SELECT 1");
    auto probe = f.srcDb().connect();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000
           && probe.exec("SELECT coalesce(n_tup_ins + n_tup_upd + n_tup_del, 0) FROM pg_stat_all_tables WHERE relid = $1::regclass",
                         {table})
                      .toInt(0, 0)
               < total)
        QTest::qWait(100);
}

const jobs::TableHealth *healthOf(const std::vector<jobs::TableHealth> &all, const std::string &table)
{
    for (const auto &h : all)
        if (h.destTable == table)
            return &h;
    return nullptr;
}

} // namespace

class TestLag : public QObject {
    Q_OBJECT
private slots:
    void queueRowsCountedThenEstimated()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "lagq");
        f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA src; CREATE TABLE src.d (id int PRIMARY KEY, v text);"
                     "INSERT INTO src.d SELECT g, 'v' || g FROM generate_series(1, 50) g;");
        f.dest().exec("CREATE SCHEMA rep");
        QCOMPARE(f.make(f.request("dml", "src.d", "rep.d")).outcome, replication::Outcome::Done);

        auto m = measure(f, "rep.d");
        QCOMPARE(m.kind, jobs::LagKind::Queue);
        QCOMPARE(m.amount, std::optional<long long>(0));
        QVERIFY(!m.estimated);

        // 7 updates, 3 inserts, 2 deletes: 12 queued changes, counted exactly.
        f.src().exec("UPDATE src.d SET v = 'x' WHERE id <= 7; INSERT INTO src.d VALUES (101, 'a'), (102, 'b'), (103, 'c');"
                     "DELETE FROM src.d WHERE id IN (40, 41)");
        m = measure(f, "rep.d");
        QCOMPARE(m.kind, jobs::LagKind::Queue);
        QCOMPARE(m.amount, std::optional<long long>(12));
        QVERIFY(!m.estimated);
        QVERIFY(!m.measuredAt.empty());
        QCOMPARE(m.measuredBy, f.dest().exec("SELECT current_user").text(0, 0));
        QCOMPARE(jobs::describeLag(m), std::string("12 rows queued"));

        // Stored, and seen by readLag and readHealth.
        const auto all = jobs::readLag(f.dest(), "mimeo");
        QCOMPARE(all.size(), size_t(1));
        QCOMPARE(all[0].amount, std::optional<long long>(12));
        QCOMPARE(all[0].measuredAt, m.measuredAt);
        const auto health = jobs::readHealth(f.dest(), "mimeo");
        const auto *h = healthOf(health, "rep.d");
        QVERIFY(h && h->lag);
        QCOMPARE(h->lag->kind, jobs::LagKind::Queue);
        QCOMPARE(h->lag->amount, std::optional<long long>(12));

        QCOMPARE(f.refresh("rep.d").outcome, replication::Outcome::Done);
        QCOMPARE(measure(f, "rep.d").amount, std::optional<long long>(0));

        // Beyond the exact limit: the planner's figures, marked as an estimate.
        f.src().exec("INSERT INTO src.d SELECT g, 'big' FROM generate_series(1000, 1000 + " + std::to_string(jobs::kExactQueueLimit)
                     + ") g");
        f.src().exec("ANALYZE mimeo.src_d_q");
        m = measure(f, "rep.d");
        QCOMPARE(m.kind, jobs::LagKind::Queue);
        QVERIFY(m.estimated);
        QVERIFY2(m.amount && *m.amount > jobs::kExactQueueLimit, std::to_string(m.amount.value_or(-1)).c_str());
        QVERIFY(jobs::describeLag(m).rfind("~", 0) == 0);
    }

    void timeGapAndRowsAboveWithAnIndex()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "lagt");
        f.src().exec("CREATE SCHEMA src; CREATE TABLE src.ev (id int PRIMARY KEY, ts timestamptz NOT NULL);"
                     "INSERT INTO src.ev SELECT g, now() - interval '5 hours' + g * interval '1 minute' FROM generate_series(1, 60) g;"
                     "CREATE INDEX ON src.ev (ts)");
        f.dest().exec("CREATE SCHEMA rep");
        auto req = f.request("inserter_time", "src.ev", "rep.ev");
        req.control = "ts";
        req.boundary = "1 minute";
        QCOMPARE(f.make(req).outcome, replication::Outcome::Done);

        auto m = measure(f, "rep.ev");
        QVERIFY2(m.kind == jobs::LagKind::ControlTime, m.message.value_or("").c_str());
        QCOMPARE(m.behindSeconds, std::optional<double>(0));
        QCOMPARE(m.amount, std::optional<long long>(0));

        // Five rows, the newest 30 minutes after last_value.
        const std::string last =
            f.dest().exec("SELECT last_value::text FROM mimeo.refresh_config_inserter_time WHERE dest_table = 'rep.ev'").text(0, 0);
        f.src().exec("INSERT INTO src.ev SELECT 100 + g, $1::timestamptz + g * interval '6 minutes' FROM generate_series(1, 5) g",
                     {last});
        m = measure(f, "rep.ev");
        QCOMPARE(m.kind, jobs::LagKind::ControlTime);
        QVERIFY(!m.estimated);
        QCOMPARE(m.behindSeconds, std::optional<double>(1800));
        QCOMPARE(m.behind, std::optional<std::string>("00:30:00"));
        QCOMPARE(m.amount, std::optional<long long>(5));

        // Without an index leading with the control column, rows are not counted.
        f.src().exec("DROP INDEX src.ev_ts_idx");
        m = measure(f, "rep.ev");
        QCOMPARE(m.behindSeconds, std::optional<double>(1800));
        QVERIFY(!m.amount);
        QCOMPARE(jobs::describeLag(m), std::string("00:30:00 behind"));
    }

    void serialGapIsADifferenceOfValues()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "lags");
        f.src().exec("CREATE SCHEMA src; CREATE TABLE src.s (id int PRIMARY KEY, rev bigint NOT NULL);"
                     "INSERT INTO src.s SELECT g, g FROM generate_series(1, 50) g;");
        f.dest().exec("CREATE SCHEMA rep");
        auto req = f.request("inserter_serial", "src.s", "rep.s");
        req.control = "rev";
        req.boundary = "0";
        QCOMPARE(f.make(req).outcome, replication::Outcome::Done);
        const long long last =
            f.dest().exec("SELECT last_value FROM mimeo.refresh_config_inserter_serial WHERE dest_table = 'rep.s'").toInt(0, 0);
        QVERIFY(last > 0 && last <= 50);
        QCOMPARE(measure(f, "rep.s").amount, std::optional<long long>(50 - last));

        f.src().exec("INSERT INTO src.s VALUES (51, 75), (52, 90)");
        const auto m = measure(f, "rep.s");
        QCOMPARE(m.kind, jobs::LagKind::ControlSerial);
        QCOMPARE(m.amount, std::optional<long long>(90 - last));
        QVERIFY(!m.estimated);
        QVERIFY(!m.behind);
    }

    void snapshotAndTableChangesSinceTheLastPull()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "lagc");
        f.src().exec("CREATE SCHEMA src; CREATE TABLE src.a (id int PRIMARY KEY, v text); CREATE TABLE src.b (id int PRIMARY KEY, v text);"
                     "INSERT INTO src.a SELECT g, 'v' FROM generate_series(1, 20) g; INSERT INTO src.b SELECT g, 'v' FROM generate_series(1, 20) g;");
        f.dest().exec("CREATE SCHEMA rep");
        waitForStatistics(f, "src.a", 20);
        waitForStatistics(f, "src.b", 20);
        QCOMPARE(f.make(f.request("snap", "src.a", "rep.a")).outcome, replication::Outcome::Done);
        QCOMPARE(f.make(f.request("table", "src.b", "rep.b")).outcome, replication::Outcome::Done);
        for (const char *t : {"rep.a", "rep.b"}) {
            const auto m = measure(f, t);
            QCOMPARE(m.kind, jobs::LagKind::Changes);
            QVERIFY(m.estimated);
            QCOMPARE(m.amount, std::optional<long long>(0));
        }

        f.src().exec("UPDATE src.a SET v = 'w' WHERE id <= 5; DELETE FROM src.a WHERE id = 20;"
                     "UPDATE src.b SET v = 'w' WHERE id <= 3");
        waitForStatistics(f, "src.a", 26);
        waitForStatistics(f, "src.b", 23);
        QCOMPARE(measure(f, "rep.a").amount, std::optional<long long>(6));
        QCOMPARE(measure(f, "rep.b").amount, std::optional<long long>(3));

        // A refresh pulls them: nothing changed since.
        QCOMPARE(f.refresh("rep.a").outcome, replication::Outcome::Done);
        QCOMPARE(f.refresh("rep.b").outcome, replication::Outcome::Done);
        QCOMPARE(measure(f, "rep.a").amount, std::optional<long long>(0));
        QCOMPARE(measure(f, "rep.b").amount, std::optional<long long>(0));

        // Without stored counters nothing can be said, and it says so.
        f.dest().exec("UPDATE mimeo.refresh_config_snap SET check_stats = false, n_tup_ins = NULL, n_tup_upd = NULL, n_tup_del = NULL");
        f.dest().exec("UPDATE mimeo.studio_table_state SET pulled_counters = NULL WHERE dest_table = 'rep.a'");
        const auto m = measure(f, "rep.a");
        QCOMPARE(m.kind, jobs::LagKind::Changes);
        QVERIFY(!m.amount);
        QVERIFY(m.message && m.message->find("no statistics were stored") != std::string::npos);
    }

    void aTableThatCannotBeMeasuredRecordsTheError()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "lage");
        f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA src; CREATE TABLE src.d (id int PRIMARY KEY, v text);");
        f.dest().exec("CREATE SCHEMA rep");
        QCOMPARE(f.make(f.request("dml", "src.d", "rep.d")).outcome, replication::Outcome::Done);
        f.src().exec("DROP TABLE mimeo.src_d_q CASCADE");
        const auto m = measure(f, "rep.d");
        QCOMPARE(m.kind, jobs::LagKind::Error);
        QVERIFY2(m.message && m.message->find("queue table missing") != std::string::npos, m.message.value_or("").c_str());
        QCOMPARE(jobs::readLag(f.dest(), "mimeo").at(0).kind, jobs::LagKind::Error);
    }

    void commandLine()
    {
        MIMEO_REQUIRE_ENV(env);
        test::CliFixture f(env, "lagcli",
                           "CREATE SCHEMA mimeo; CREATE SCHEMA src; CREATE TABLE src.d (id int PRIMARY KEY, v text);"
                           "CREATE TABLE src.s (id int PRIMARY KEY, rev int NOT NULL); INSERT INTO src.s VALUES (1, 1), (2, 2);");
        QCOMPARE(f.run({"make", "dml", "src.d", "--source", "1", "--dest-table", "rep.d"}).exitCode, 0);
        QCOMPARE(f.run({"make", "inserter", "src.s", "--source", "1", "--dest-table", "rep.s", "--control", "rev", "--boundary", "0"})
                     .exitCode,
                 0);
        f.src.connect().exec("INSERT INTO src.d SELECT g, 'x' FROM generate_series(1, 4) g; INSERT INTO src.s VALUES (3, 10)");

        auto r = f.run({"lag"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains(QStringLiteral("rep.d")) && r.out.contains(QStringLiteral("4 rows queued")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("control_serial")) && r.out.contains(QStringLiteral("values behind")), qPrintable(r.out));

        r = f.run({"lag", "rep.d", "--json"});
        QCOMPARE(r.exitCode, 0);
        const auto arr = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(arr.size(), 1);
        QCOMPARE(arr.at(0).toObject().value(QStringLiteral("measure")).toString(), QStringLiteral("queue"));
        QCOMPARE(arr.at(0).toObject().value(QStringLiteral("amount")).toInt(), 4);
        QCOMPARE(arr.at(0).toObject().value(QStringLiteral("estimated")).toBool(), false);
        QVERIFY(!arr.at(0).toObject().value(QStringLiteral("measured_at")).toString().isEmpty());

        // The recorded figure shows in status --json.
        r = f.run({"status", "--json"});
        bool seen = false;
        for (const auto &v : QJsonDocument::fromJson(r.out.toUtf8()).array())
            if (v.toObject().value(QStringLiteral("dest_table")).toString() == QStringLiteral("rep.d"))
                seen = v.toObject().value(QStringLiteral("lag")).toObject().value(QStringLiteral("amount")).toInt() == 4;
        QVERIFY2(seen, qPrintable(r.out));

        // An unreachable source: exit 1, an error recorded, no password anywhere.
        auto d = f.dest.connect();
        d.exec("UPDATE mimeo.dblink_mapping_mimeo SET data_source = 'host=127.0.0.1 port=1 dbname=nowhere password=Lag-Secret-77', "
               "pwd = 'Lag-Secret-88'");
        r = f.run({"lag"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("error")), qPrintable(r.all()));
        QVERIFY2(!r.all().contains(QStringLiteral("Lag-Secret")), qPrintable(r.all()));
        auto rows = d.exec("SELECT count(*), bool_and(message NOT LIKE '%Lag-Secret%') FROM mimeo.studio_lag WHERE measure = 'error'");
        QCOMPARE(rows.toInt(0, 0), int64_t(2));
        QVERIFY(rows.toBool(0, 1));

        QCOMPARE(f.run({"lag", "rep.nothing"}).exitCode == 0, false);
    }
};

QTEST_GUILESS_MAIN(TestLag)
#include "tst_lag.moc"
