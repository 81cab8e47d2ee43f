// SPDX-License-Identifier: PostgreSQL
// Incremental edge rules against real servers: batch limits that never split
// a group of equal control values (and never lose or duplicate a row), the
// daylight saving time pause, and a source that dies in the middle of a
// refresh.
#include "pg/connection.h"
#include "pg/error.h"
#include "replication/incremental_dst.h"
#include "replication_fixture.h"

#include <QTest>

using namespace mimeo;
using test::ReplicationFixture;

namespace {

int64_t count(pg::Connection &c, const std::string &sql) { return c.exec(sql).toInt(0, 0); }

std::string str(pg::Connection &c, const std::string &sql) { return c.exec(sql).text(0, 0); }

replication::RunResult refreshWith(ReplicationFixture &f, const std::string &dest, std::optional<int64_t> limit)
{
    replication::RefreshRequest r;
    r.destTable = dest;
    r.limit = limit;
    return replication::refresh(f.dest(), r, f.context());
}

// Groups of equal control values: grp 1 has 2 rows, 2 has 3, 3 has 1, 4 has
// 4, 5 has 6, 6 has 1, 7 has 3 (20 rows). ts rises with grp.
void insertGroups(ReplicationFixture &f)
{
    f.src().exec("INSERT INTO src.g (id, grp, ts, v) "
                 "SELECT row_number() OVER (ORDER BY grp), grp, (SELECT base FROM src.base) + grp * interval '1 second', 'v' "
                 "FROM unnest(ARRAY[1,1,2,2,2,3,4,4,4,4,5,5,5,5,5,5,6,7,7,7]) AS grp");
}

// Every control value on the destination has all of the source's rows for
// it: no group was split across runs. (By id: an updater's destination may
// still hold the old version of a row that moved to another value.)
QString splitGroups(ReplicationFixture &f, const std::string &control)
{
    auto groups = f.dest().exec("SELECT " + control + "::text, array_agg(id)::text FROM rep.g GROUP BY 1 ORDER BY 1");
    QString out;
    for (int i = 0; i < groups.rows(); ++i) {
        const auto missing = f.src().exec("SELECT count(*) FROM src.g WHERE " + control + "::text = $1 AND NOT (id = ANY ($2::int[]))",
                                          {groups.text(i, 0), groups.text(i, 1)});
        if (missing.toInt(0, 0) != 0)
            out += QStringLiteral("value %1 lacks %2 rows; ").arg(QString::fromStdString(groups.text(i, 0))).arg(missing.toInt(0, 0));
    }
    return out;
}

// Sets the destination session's time zone to a POSIX rule under which the
// local time is about 00:45 now and today is a day that switches to DST at
// noon (or, with switchToday false, a day 100 days away does).
void zoneSwitching(pg::Connection &dest, bool switchToday)
{
    const int64_t utcSeconds = dest.exec("SELECT extract(epoch FROM now())::bigint % 86400").toInt(0, 0);
    // POSIX offsets are west-positive (local = UTC - offset), in whole minutes
    // (the server refuses seconds).
    int64_t offset = (utcSeconds - 45 * 60) / 60 * 60;
    offset = ((offset % 86400) + 86400) % 86400;
    if (offset > 43200)
        offset -= 86400;
    const int64_t a = offset < 0 ? -offset : offset;
    char zone[64];
    std::snprintf(zone, sizeof zone, "XST%s%lld:%02lld", offset < 0 ? "-" : "", static_cast<long long>(a / 3600),
                  static_cast<long long>(a / 60 % 60));
    dest.exec(std::string("SET TimeZone = '") + zone + "'");
    const int64_t day = dest.exec("SELECT extract(doy FROM now())::int - 1").toInt(0, 0); // zero-based, leap days counted
    const int64_t start = switchToday ? day : (day + 100) % 365;
    const std::string rule = std::string(zone) + "XDT," + std::to_string(start) + "/12," + std::to_string((start + 180) % 365) + "/12";
    dest.exec("SET TimeZone = '" + rule + "'");
}

} // namespace

class TestIncrementalLimits : public QObject {
    Q_OBJECT
private slots:
    void batchLimitNeverSplitsAGroup_data()
    {
        QTest::addColumn<QString>("type");
        QTest::newRow("inserter_serial") << "inserter_serial";
        QTest::newRow("inserter_time") << "inserter_time";
        QTest::newRow("updater_serial") << "updater_serial";
        QTest::newRow("updater_time") << "updater_time";
    }
    void batchLimitNeverSplitsAGroup()
    {
        QFETCH(QString, type);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_limit");
        const std::string t = type.toStdString();
        const bool time = type.endsWith(QStringLiteral("time"));
        const bool updater = type.startsWith(QStringLiteral("updater"));
        const std::string control = time ? "ts" : "grp";
        f.src().exec("CREATE SCHEMA src; CREATE TABLE src.base AS SELECT now() - interval '5 minutes' AS base;"
                     "CREATE TABLE src.g (id int PRIMARY KEY, grp bigint NOT NULL, ts timestamptz NOT NULL, v text);");
        f.dest().exec("CREATE SCHEMA rep;");
        auto req = f.request(t, "src.g", "rep.g");
        req.control = control;
        req.boundary = time ? "10 minutes" : "0";
        req.batchLimit = 4;
        MIMEO_NOTHROW(f.make(req)); // empty: the rows come later
        insertGroups(f);
        // The top: a row with the highest value and a time inside the boundary.
        f.src().exec("INSERT INTO src.g VALUES (1000, 1000, now(), 'top')");
        if (time)
            f.dest().exec("UPDATE mimeo.refresh_config_" + t + " SET boundary = '1 minute'");

        // Values in order: 1 1 2 2 | 2 3 4 4 4 4 5 x6 6 7 7 7; limit 4.
        struct Step {
            int64_t rows;       // read by this run
            int64_t total;      // on the destination afterwards
            bool oversize;      // warned that one group exceeds the limit
        };
        std::vector<Step> steps = {
            {2, 2, false},  // the 4th and 5th rows share 2: only group 1
            {4, 6, false},  // 2 2 2 3, and the next row (4) is higher: up to 3
            {4, 10, false}, // 4 4 4 4, next 5
            {6, 16, true},  // six 5s: the whole group, beyond the limit
            {4, 20, false}, // 6 7 7 7: exactly the limit, nothing after (updater: 8 is after)
            {0, 20, false},
        };
        if (updater)
            steps.insert(steps.begin() + 5, Step{1, 20, false}); // the moved row replaces its old version
        for (size_t i = 0; i < steps.size(); ++i) {
            f.warnings.clear();
            replication::RunResult r;
            // The first run takes the limit from the request, the others from the configuration.
            MIMEO_NOTHROW(r = refreshWith(f, "rep.g", i == 0 ? std::optional<int64_t>(4) : std::nullopt));
            QVERIFY2(r.rows == steps[i].rows, qPrintable(QStringLiteral("run %1 read %2 rows: %3").arg(i + 1).arg(r.rows).arg(QString::fromStdString(r.message))));
            QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.g"), steps[i].total);
            QCOMPARE(splitGroups(f, control), QString());
            const bool warned = !f.warnings.empty() && f.warnings.front().find("is smaller than the 6 rows sharing control value") != std::string::npos;
            QCOMPARE(warned, steps[i].oversize);
            QCOMPARE(f.lastJob("rep.g").value(0), QStringLiteral("ok"));
            if (updater && i == 1) {
                // A row already replicated changes: it moves past every group
                // and replaces its old version when its turn comes.
                f.src().exec("UPDATE src.g SET grp = 8, ts = (SELECT base FROM src.base) + interval '8 seconds', v = 'moved' WHERE id = 1");
            }
            if (updater && i == 5)
                QVERIFY2(r.message.find("1 updated, 0 inserted") != std::string::npos, r.message.c_str());
        }
        QCOMPARE(f.differences("SELECT * FROM src.g WHERE id < 1000", "SELECT * FROM rep.g"), QString());
        QCOMPARE(str(f.dest(), "SELECT last_value::text FROM mimeo.refresh_config_" + t),
                 str(f.dest(), "SELECT max(" + control + ")::text FROM rep.g"));
    }

    void wholeBatchOfOneValueStillProgresses_data()
    {
        QTest::addColumn<QString>("type");
        QTest::newRow("inserter_time") << "inserter_time";
        QTest::newRow("updater_time") << "updater_time";
    }
    void wholeBatchOfOneValueStillProgresses()
    {
        // mimeo's test90: 10000 rows share one timestamp, the limit is 500.
        // mimeo stopped with "inconsistent state" on every run until the limit
        // was raised; we read the group whole and warn.
        QFETCH(QString, type);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_onevalue");
        const std::string t = type.toStdString();
        f.src().exec("CREATE SCHEMA src; CREATE TABLE src.t (id int PRIMARY KEY, ts timestamptz NOT NULL);"
                     "INSERT INTO src.t SELECT g, now() - interval '1 day' + g * interval '1 ms' FROM generate_series(1, 100) g;");
        f.dest().exec("CREATE SCHEMA rep;");
        auto req = f.request(t, "src.t", "rep.t");
        req.control = "ts";
        req.boundary = "1 minute";
        req.batchLimit = 500;
        MIMEO_NOTHROW(f.make(req));
        f.src().exec("INSERT INTO src.t SELECT g, now() - interval '1 hour' FROM generate_series(101, 10100) g;"
                     "INSERT INTO src.t VALUES (20000, now() - interval '30 minutes')");
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.t"));
        QCOMPARE(r.rows, int64_t(10000));
        QCOMPARE(f.warnings.size(), size_t(1));
        MIMEO_NOTHROW(r = f.refresh("rep.t"));
        QCOMPARE(r.rows, int64_t(1));
        QCOMPARE(f.differences("SELECT * FROM src.t", "SELECT * FROM rep.t"), QString());
    }

    void dstRule()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_dstrule");
        auto &d = f.dest();
        d.exec("SET TimeZone = 'America/New_York'");
        const replication::incremental::DstSettings on{true, 30, 230};
        using replication::incremental::dstPause;
        // 2024-11-03 is a switch day in New York (02:00 EDT -> 01:00 EST).
        // 00:45 is inside 00:30-02:30; mimeo computed hour*100+month = 11 and ran.
        QVERIFY(dstPause(d, on, std::string("2024-11-03 00:45")));
        // 02:40 is outside; mimeo computed 211 and paused.
        QVERIFY(!dstPause(d, on, std::string("2024-11-03 02:40")));
        QVERIFY(dstPause(d, on, std::string("2024-11-03 01:30 EST")));
        QVERIFY(!dstPause(d, on, std::string("2024-11-03 00:30"))); // the ends are exclusive
        QVERIFY(dstPause(d, on, std::string("2024-03-10 01:59"))); // spring forward
        QVERIFY(!dstPause(d, on, std::string("2024-11-04 01:00"))); // the day after
        QVERIFY(!dstPause(d, {false, 30, 230}, std::string("2024-11-03 00:45")));
        QVERIFY(!dstPause(d, {true, 100, 130}, std::string("2024-11-03 00:45")));
        d.exec("SET TimeZone = 'UTC'");
        QVERIFY(!dstPause(d, on, std::string("2024-11-03 00:45")));

        // dst_active for new tables: only zones that change their offset.
        using replication::incremental::zoneObservesDst;
        QVERIFY(!zoneObservesDst(d));
        d.exec("SET TimeZone = 'Asia/Tokyo'");
        QVERIFY(!zoneObservesDst(d)); // mimeo: true (its name is not UTC or GMT)
        d.exec("SET TimeZone = 'Europe/Berlin'");
        QVERIFY(zoneObservesDst(d));
        d.exec("SET TimeZone = 'Australia/Sydney'");
        QVERIFY(zoneObservesDst(d));
    }

    void dstPauseSkipsTheRun()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_dst");
        f.src().exec("CREATE SCHEMA src; CREATE TABLE src.t (id int PRIMARY KEY, ts timestamptz NOT NULL);"
                     "INSERT INTO src.t SELECT g, now() - interval '1 day' + g * interval '1 s' FROM generate_series(1, 100) g;");
        f.dest().exec("CREATE SCHEMA rep;");
        f.dest().exec("SET TimeZone = 'America/New_York'");
        auto req = f.request("updater", "src.t", "rep.t");
        req.control = "ts";
        MIMEO_NOTHROW(f.make(req));
        QVERIFY(f.dest().exec("SELECT dst_active FROM mimeo.refresh_config_updater_time").toBool(0, 0));
        f.src().exec("INSERT INTO src.t SELECT g, now() - interval '1 hour' FROM generate_series(101, 110) g");
        f.dest().exec("UPDATE mimeo.refresh_config_updater_time SET last_run = '2000-01-01'");
        // As a number: the session's time zone changes below.
        const std::string lastValueSql = "SELECT extract(epoch FROM last_value)::text FROM mimeo.refresh_config_updater_time";
        const auto lastValue = str(f.dest(), lastValueSql);

        // Today switches to DST and it is 00:45 local: between dst_start 30 and dst_end 230.
        zoneSwitching(f.dest(), true);
        QVERIFY(f.dest().exec("SELECT to_char(now(), 'HH24MI')::int BETWEEN 35 AND 55").toBool(0, 0));
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.t"));
        QCOMPARE(r.outcome, replication::Outcome::Skipped);
        QVERIFY2(r.message.find("daylight saving") != std::string::npos, r.message.c_str());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t"), int64_t(100));
        QCOMPARE(str(f.dest(), lastValueSql), lastValue);
        QVERIFY(f.dest().exec("SELECT last_run > now() - interval '1 minute' FROM mimeo.refresh_config_updater_time").toBool(0, 0));
        QCOMPARE(f.lastJob("rep.t").value(0), QStringLiteral("skipped"));

        // dst_active off, or a day without a switch: it runs.
        f.dest().exec("UPDATE mimeo.refresh_config_updater_time SET dst_active = false");
        MIMEO_NOTHROW(r = f.refresh("rep.t"));
        QCOMPARE(r.outcome, replication::Outcome::Done);
        f.dest().exec("UPDATE mimeo.refresh_config_updater_time SET dst_active = true");
        zoneSwitching(f.dest(), false);
        MIMEO_NOTHROW(r = f.refresh("rep.t"));
        QCOMPARE(r.outcome, replication::Outcome::Done);
        f.dest().exec("SET TimeZone = 'UTC'"); // rows compare as text
        QCOMPARE(f.differences("SELECT * FROM src.t", "SELECT * FROM rep.t"), QString());

        // Serial tables have no DST rule.
        QVERIFY(!f.dest().exec("SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'mimeo' "
                               "AND table_name = 'refresh_config_updater_serial' AND column_name = 'dst_active')")
                     .toBool(0, 0));
    }

    void sourceKilledMidRefreshChangesNothing_data()
    {
        QTest::addColumn<QString>("type");
        QTest::newRow("inserter_serial") << "inserter_serial";
        QTest::newRow("updater_time") << "updater_time";
    }
    void sourceKilledMidRefreshChangesNothing()
    {
        QFETCH(QString, type);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_kill");
        const std::string t = type.toStdString();
        const bool time = type.endsWith(QStringLiteral("time"));
        f.src().exec("CREATE SCHEMA src; CREATE SEQUENCE src.rev_seq;"
                     "CREATE TABLE src.t (id int PRIMARY KEY, ts timestamptz NOT NULL, rev bigint NOT NULL DEFAULT nextval('src.rev_seq'), pad text);"
                     "INSERT INTO src.t (id, ts, pad) SELECT g, now() - interval '1 day' + g * interval '1 ms', 'p' FROM generate_series(1, 100) g;"
                     // Sleeps on one row so the refresh is surely still streaming when it is killed.
                     "CREATE FUNCTION src.slow(int) RETURNS boolean LANGUAGE plpgsql AS "
                     "'BEGIN IF $1 = 25000 THEN PERFORM pg_sleep(60); END IF; RETURN true; END';");
        f.dest().exec("CREATE SCHEMA rep;");
        auto req = f.request(t, "src.t", "rep.t");
        req.control = time ? "ts" : "rev";
        req.boundary = time ? "1 minute" : "0";
        MIMEO_NOTHROW(f.make(req));
        f.src().exec("INSERT INTO src.t (id, ts, pad) SELECT g, now() - interval '2 hours' + g * interval '1 ms', 'p' "
                     "FROM generate_series(1001, 30000) g");
        if (type.startsWith(QStringLiteral("updater"))) // an inserter would add changed rows again
            f.src().exec("UPDATE src.t SET ts = now() - interval '10 minutes', rev = nextval('src.rev_seq'), pad = 'changed' WHERE id <= 50");
        f.src().exec("INSERT INTO src.t (id, ts) VALUES (900000, now())");
        f.dest().exec("UPDATE mimeo.refresh_config_" + t + " SET condition = 'WHERE src.slow(id)'");
        const auto digest = [&] { return str(f.dest(), "SELECT md5(string_agg(t::text, '' ORDER BY id)) FROM rep.t t"); };
        const auto before = digest();
        const auto lastValue = str(f.dest(), "SELECT last_value::text FROM mimeo.refresh_config_" + t);
        auto killer = env->source.connect();
        bool killed = false;
        f.context().progress = [&](const replication::Progress &p) {
            if (!killed && p.phase == "copying" && p.rows >= 10000) {
                killer.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 "
                            "AND application_name LIKE 'mimeo:refresh:%'",
                            {f.srcDb().name()});
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
        QCOMPARE(digest(), before);
        QCOMPARE(str(f.dest(), "SELECT last_value::text FROM mimeo.refresh_config_" + t), lastValue);
        const auto job = f.lastJob("rep.t");
        QCOMPARE(job.value(0), QStringLiteral("failed"));
        QCOMPARE(job.value(4), QStringLiteral("source"));
        // The next refresh converges.
        f.context().progress = nullptr;
        f.dest().exec("UPDATE mimeo.refresh_config_" + t + " SET condition = NULL");
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.t"));
        QCOMPARE(r.outcome, replication::Outcome::Done);
        QCOMPARE(f.differences("SELECT * FROM src.t WHERE id < 900000", "SELECT * FROM rep.t WHERE id < 900000"), QString());
    }
};

QTEST_GUILESS_MAIN(TestIncrementalLimits)
#include "tst_incremental_limits.moc"
