// SPDX-License-Identifier: PostgreSQL
// The incremental types inserter_time, inserter_serial, updater_time and
// updater_serial against real servers: make/refresh equality, the window's
// exclusive bounds, type detection and refusals, updater keys and views,
// repull (full and ranged), and destroy.
#include "catalog/config_row.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication_fixture.h"

#include <QTest>

#include <thread>

using namespace mimeo;
using test::ReplicationFixture;

namespace {

int64_t count(pg::Connection &c, const std::string &sql) { return c.exec(sql).toInt(0, 0); }

// src.items: id is the key, ts the time control, rev the serial control
// (every insert and every change takes the next rev). Rows are three hours
// old, so they are all below a time boundary of ten minutes.
void prepare(ReplicationFixture &f, int rows = 1000)
{
    f.src().exec("CREATE SCHEMA src; CREATE SEQUENCE src.rev_seq;"
                 "CREATE TABLE src.items (id int PRIMARY KEY, v text, ts timestamptz NOT NULL,"
                 " rev bigint NOT NULL DEFAULT nextval('src.rev_seq'));"
                 "CREATE INDEX items_v_idx ON src.items (v);");
    f.src().exec("INSERT INTO src.items (id, v, ts) SELECT g, 'v' || g, now() - interval '3 hours' + g * interval '1 second' "
                 "FROM generate_series(1, " + std::to_string(rows) + ") g");
    f.dest().exec("CREATE SCHEMA rep;");
}

// A row with the highest rev and a timestamp inside the time boundary: it
// stays on the source side of the window's top for either kind, so
// everything else is below the top. Compare rows below id 900000.
void sentinel(ReplicationFixture &f, int n)
{
    f.src().exec("INSERT INTO src.items (id, v, ts) VALUES (" + std::to_string(900000 + n) + ", 'sentinel', now())");
}

std::string controlOf(const std::string &type) { return type.find("_time") != std::string::npos ? "ts" : "rev"; }
std::string boundaryOf(const std::string &type) { return type.find("_time") != std::string::npos ? "10 minutes" : "0"; }

replication::MakeRequest incrementalRequest(ReplicationFixture &f, const std::string &type, const std::string &dest)
{
    auto req = f.request(type, "src.items", dest);
    req.control = controlOf(type);
    req.boundary = boundaryOf(type);
    return req;
}

std::string configValue(ReplicationFixture &f, const std::string &column, const std::string &dest)
{
    // Through the parent of the family: refresh_config_inserter/updater hold every child's rows.
    const std::string family = f.dest().exec("SELECT type FROM mimeo.refresh_config WHERE dest_table = $1", {dest}).text(0, 0);
    return f.dest()
        .exec("SELECT " + column + "::text FROM mimeo.refresh_config_" + family + " WHERE dest_table = $1", {dest})
        .text(0, 0);
}

replication::RunResult refreshWith(ReplicationFixture &f, const std::string &dest, const std::function<void(replication::RefreshRequest &)> &tweak)
{
    replication::RefreshRequest r;
    r.destTable = dest;
    tweak(r);
    return replication::refresh(f.dest(), r, f.context());
}

// Data rows: one per incremental type, in a column "type".
void eachIncrementalType()
{
    QTest::addColumn<QString>("type");
    for (const char *t : {"inserter_time", "updater_time", "inserter_serial", "updater_serial"})
        QTest::newRow(t) << QString::fromLatin1(t);
}

template <typename Fn> QString errorOf(Fn &&fn)
{
    try {
        fn();
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
    return QStringLiteral("(no error)");
}

} // namespace

class TestIncremental : public QObject {
    Q_OBJECT
private slots:
    void makeRefreshEqual_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("control");
        QTest::addColumn<QString>("expectedType");
        // inserter/updater without suffix: the control column's type decides.
        QTest::newRow("inserter_time") << "inserter" << "ts" << "inserter_time";
        QTest::newRow("inserter_serial") << "inserter" << "rev" << "inserter_serial";
        QTest::newRow("updater_time") << "updater" << "ts" << "updater_time";
        QTest::newRow("updater_serial") << "updater" << "rev" << "updater_serial";
        QTest::newRow("explicit --time") << "updater_time" << "ts" << "updater_time";
        QTest::newRow("explicit --serial") << "inserter_serial" << "rev" << "inserter_serial";
    }
    void makeRefreshEqual()
    {
        QFETCH(QString, requested);
        QFETCH(QString, control);
        QFETCH(QString, expectedType);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_eq");
        prepare(f);
        sentinel(f, 0);
        auto req = f.request(requested.toStdString(), "src.items", "rep.items");
        req.control = control.toStdString();
        req.boundary = boundaryOf(expectedType.toStdString());
        replication::RunResult made;
        MIMEO_NOTHROW(made = f.make(req));
        QCOMPARE(made.outcome, replication::Outcome::Done);
        QCOMPARE(made.rows, int64_t(1000));
        QCOMPARE(QString::fromStdString(f.dest().exec("SELECT type FROM mimeo.refresh_config").text(0, 0)), expectedType);
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE id < 900000", "SELECT * FROM rep.items WHERE id < 900000"), QString());
        // The key and the other index were copied.
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM pg_indexes WHERE schemaname = 'rep' AND tablename = 'items'"), int64_t(2));
        const std::string ctl = control.toStdString();
        QCOMPARE(configValue(f, "last_value", "rep.items"),
                 f.dest().exec("SELECT max(" + ctl + ")::text FROM rep.items").text(0, 0));

        // New rows, and for updaters changed rows (a newer control value).
        f.src().exec("INSERT INTO src.items (id, v, ts) SELECT g, 'new' || g, now() - interval '1 hour' + g * interval '1 ms' "
                     "FROM generate_series(1001, 1500) g");
        const bool updater = expectedType.startsWith(QStringLiteral("updater"));
        if (updater)
            f.src().exec("UPDATE src.items SET v = 'changed', ts = now() - interval '30 minutes', rev = nextval('src.rev_seq') "
                         "WHERE id BETWEEN 100 AND 200");
        sentinel(f, 1);
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.items"));
        QCOMPARE(r.outcome, replication::Outcome::Done);
        // The first sentinel is below the second now: a serial run reads it too.
        const bool serial = expectedType.endsWith(QStringLiteral("serial"));
        QCOMPARE(r.rows, int64_t(500 + (updater ? 101 : 0) + (serial ? 1 : 0)));
        // Inserted/updated/deleted in the job log: an inserter's rows are all new.
        QCOMPARE(f.lastChanges("rep.items"), QStringLiteral("%1/%2/0").arg(500 + (serial ? 1 : 0)).arg(updater ? 101 : 0));
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE id < 900000", "SELECT * FROM rep.items WHERE id < 900000"), QString());
        QCOMPARE(configValue(f, "last_value", "rep.items"),
                 f.dest().exec("SELECT max(" + ctl + ")::text FROM rep.items").text(0, 0));
        // Nothing new: nothing read, nothing duplicated.
        MIMEO_NOTHROW(r = f.refresh("rep.items"));
        QCOMPARE(r.rows, int64_t(0));
        QCOMPARE(f.lastChanges("rep.items"), QStringLiteral("0/0/0"));
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE id < 900000", "SELECT * FROM rep.items WHERE id < 900000"), QString());
        const auto job = f.lastJob("rep.items");
        QCOMPARE(job.value(0), QStringLiteral("ok"));
    }

    void serialTopIsExclusive()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_top");
        f.src().exec("CREATE SCHEMA src; CREATE TABLE src.s (id bigint PRIMARY KEY, v text);"
                     "INSERT INTO src.s SELECT g, 'v' FROM generate_series(1, 100) g;");
        f.dest().exec("CREATE SCHEMA rep;");
        auto req = f.request("inserter", "src.s", "rep.s");
        req.control = "id";
        req.boundary = "5";
        MIMEO_NOTHROW(f.make(req));
        // The top is max - boundary = 95, exclusive: 1..94.
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.s"), int64_t(94));
        QCOMPARE(count(f.dest(), "SELECT max(id) FROM rep.s"), int64_t(94));
        QCOMPARE(configValue(f, "last_value", "rep.s"), std::string("94"));
        // One more row moves the top to 96: exactly row 95 arrives (the lower bound 94 is exclusive too).
        f.src().exec("INSERT INTO src.s VALUES (101, 'v')");
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.s"));
        QCOMPARE(r.rows, int64_t(1));
        QCOMPARE(count(f.dest(), "SELECT max(id) FROM rep.s"), int64_t(95));
        QCOMPARE(f.differences("SELECT * FROM src.s WHERE id < 96", "SELECT * FROM rep.s"), QString());
    }

    void timeTopFollowsTheSourceClockAndBoundary()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_ttop");
        prepare(f, 10);
        // Rows newer than now() - boundary stay on the source until they are older.
        f.src().exec("INSERT INTO src.items (id, v, ts) VALUES (11, 'recent', now() - interval '5 minutes'), "
                     "(12, 'future', now() + interval '1 day')");
        MIMEO_NOTHROW(f.make(incrementalRequest(f, "inserter_time", "rep.items")));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items"), int64_t(10));
        f.dest().exec("UPDATE mimeo.refresh_config_inserter_time SET boundary = '1 minute'");
        MIMEO_NOTHROW(f.refresh("rep.items"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items"), int64_t(11));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items WHERE id = 12"), int64_t(0));
    }

    void emptySourceAtMakeGetsRowsLater_data() { eachIncrementalType(); }
    void emptySourceAtMakeGetsRowsLater()
    {
        // mimeo 1.5.0 slid an empty time table's lower bound to now() on
        // every run, and 1.5.1's maker still sets it to now(): rows stamped
        // before that but committed after (inside the boundary) were lost.
        QFETCH(QString, type);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_empty");
        prepare(f, 0);
        const std::string t = type.toStdString();
        MIMEO_NOTHROW(f.make(incrementalRequest(f, t, "rep.items")));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items"), int64_t(0));
        MIMEO_NOTHROW(f.refresh("rep.items"));
        // A row stamped five minutes ago, inside the 10 minute boundary at
        // make time, committed only now.
        f.src().exec("INSERT INTO src.items (id, v, ts) VALUES (1, 'late', now() - interval '5 minutes')");
        sentinel(f, 0);
        f.dest().exec("UPDATE mimeo.refresh_config_" + t + " SET boundary = '" + (t.find("_time") != std::string::npos ? "1 second" : "0") + "'");
        MIMEO_NOTHROW(f.refresh("rep.items"));
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE id < 900000", "SELECT * FROM rep.items WHERE id < 900000"), QString());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items WHERE id < 900000"), int64_t(1));
    }

    void emptyDestinationLowerBoundAdvancesButNeverPastUnreadRows()
    {
        // mimeo never moved last_value while the destination stayed empty,
        // so every run re-read the source from the start. We move it up to
        // the highest value a run looked at, never further.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_adv");
        prepare(f, 100);
        auto req = incrementalRequest(f, "inserter_serial", "rep.items");
        req.condition = "WHERE v = 'wanted'"; // nothing matches yet
        MIMEO_NOTHROW(f.make(req));
        // The top was max(rev) = 100: everything up to 99 was examined.
        QCOMPARE(configValue(f, "last_value", "rep.items"), std::string("99"));
        f.src().exec("INSERT INTO src.items (id, v, ts) SELECT g, 'v', now() FROM generate_series(101, 150) g");
        MIMEO_NOTHROW(f.refresh("rep.items"));
        QCOMPARE(configValue(f, "last_value", "rep.items"), std::string("149"));
        // Row 150 (rev 150) was not read (the top is exclusive): it still arrives.
        f.src().exec("UPDATE src.items SET v = 'wanted' WHERE id = 150");
        f.src().exec("SELECT setval('src.rev_seq', 149); UPDATE src.items SET rev = 150 WHERE id = 150;"
                     "INSERT INTO src.items (id, v, ts, rev) VALUES (151, 'v', now(), 151)");
        MIMEO_NOTHROW(f.refresh("rep.items"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items WHERE id = 150"), int64_t(1));

        // Time: up to the newest row below now() - boundary that was looked
        // at, not to now() - boundary itself: nothing between them was there.
        ReplicationFixture g(env, "incr_advt");
        prepare(g, 100);
        auto treq = incrementalRequest(g, "inserter_time", "rep.items");
        treq.condition = "WHERE v = 'wanted'";
        MIMEO_NOTHROW(g.make(treq));
        QCOMPARE(configValue(g, "last_value", "rep.items"), g.src().exec("SELECT max(ts)::text FROM src.items").text(0, 0));
        // A source row stamped after that one but before the top arrives.
        g.src().exec("INSERT INTO src.items (id, v, ts) VALUES (101, 'wanted', now() - interval '1 hour')");
        MIMEO_NOTHROW(g.refresh("rep.items"));
        QCOMPARE(count(g.dest(), "SELECT count(*) FROM rep.items WHERE id = 101"), int64_t(1));
    }

    void emptySourceBackfilledWithOldRows_data() { eachIncrementalType(); }
    void emptySourceBackfilledWithOldRows()
    {
        // Made while the source is empty, nothing has been read, so nothing
        // can be re-read: the lower bound stays below every value until rows
        // arrive, and a backfill stamped years earlier (an import) is
        // replicated, down to a row at the type's very bottom.
        QFETCH(QString, type);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_backfill");
        prepare(f, 0);
        const std::string t = type.toStdString();
        const bool time = type.endsWith(QStringLiteral("time"));
        const std::string floor = time ? "-infinity" : "-9223372036854775808";
        MIMEO_NOTHROW(f.make(incrementalRequest(f, t, "rep.items")));
        QCOMPARE(configValue(f, "last_value", "rep.items"), floor);
        for (int i = 0; i < 2; ++i) {
            replication::RunResult r;
            MIMEO_NOTHROW(r = f.refresh("rep.items"));
            QCOMPARE(r.rows, int64_t(0));
            QCOMPARE(configValue(f, "last_value", "rep.items"), floor);
        }
        // With --no-pulldata a time table starts at the source's now()
        // instead (mimeo's rule: the rows already there are not wanted), so
        // the same backfill is not replicated there.
        auto skip = incrementalRequest(f, t, "rep.skipped");
        skip.pullData = false;
        MIMEO_NOTHROW(f.make(skip));

        f.src().exec("INSERT INTO src.items (id, v, ts, rev) SELECT g, 'import ' || g, "
                     "timestamptz '2019-03-01 12:00:00+00' + g * interval '1 day', g FROM generate_series(1, 50) g;"
                     "INSERT INTO src.items (id, v, ts, rev) VALUES (0, 'bottom', '-infinity', -9223372036854775808);"
                     // The top for serial (highest rev); inside the boundary for time.
                     "INSERT INTO src.items (id, v, ts, rev) VALUES (900000, 'sentinel', now(), 1000000)");
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.items"));
        QCOMPARE(r.rows, int64_t(51));
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE id < 900000", "SELECT * FROM rep.items"), QString());
        const std::string ctl = controlOf(t);
        QCOMPARE(configValue(f, "last_value", "rep.items"), f.dest().exec("SELECT max(" + ctl + ")::text FROM rep.items").text(0, 0));
        // Read once: a row at the bottom does not come again.
        MIMEO_NOTHROW(r = f.refresh("rep.items"));
        QCOMPARE(r.rows, int64_t(0));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items"), int64_t(51));

        MIMEO_NOTHROW(f.refresh("rep.skipped"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.skipped"), int64_t(time ? 0 : 51));
    }

    void updaterSameKeyChangedSeveralTimesAndLocalColumnsKept()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_upd");
        prepare(f, 100);
        MIMEO_NOTHROW(f.make(incrementalRequest(f, "updater_serial", "rep.items")));
        // A column of the destination's own is kept when its row is updated
        // (mimeo deleted and re-inserted the row, resetting it).
        f.dest().exec("ALTER TABLE rep.items ADD COLUMN note text DEFAULT 'local'; UPDATE rep.items SET note = 'mine' WHERE id = 5");
        for (int i = 1; i <= 3; ++i)
            f.src().exec("UPDATE src.items SET v = 'take " + std::to_string(i) + "', rev = nextval('src.rev_seq') WHERE id = 5");
        f.src().exec("UPDATE src.items SET v = 'other', rev = nextval('src.rev_seq') WHERE id IN (6, 7)");
        f.src().exec("UPDATE src.items SET v = 'again', rev = nextval('src.rev_seq') WHERE id = 6");
        f.src().exec("INSERT INTO src.items (id, v, ts) VALUES (101, 'new', now())");
        sentinel(f, 0);
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.items"));
        // 5, 6 and 7 updated once each; 101 new, and 100, the make's exclusive top, arrives now.
        QVERIFY2(r.message.find("3 updated, 2 inserted") != std::string::npos, r.message.c_str());
        QCOMPARE(f.lastChanges("rep.items"), QStringLiteral("2/3/0")); // inserted/updated/deleted
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE id < 900000", "SELECT id, v, ts, rev FROM rep.items WHERE id < 900000"), QString());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items WHERE id = 5"), int64_t(1));
        QCOMPARE(QString::fromStdString(f.dest().exec("SELECT v || '/' || note FROM rep.items WHERE id = 5").text(0, 0)),
                 QStringLiteral("take 3/mine"));
        QCOMPARE(QString::fromStdString(f.dest().exec("SELECT note FROM rep.items WHERE id = 101").text(0, 0)),
                 QStringLiteral("local"));
    }

    void updaterWithoutAKeyIndexOnTheDestination_data()
    {
        QTest::addColumn<bool>("ownColumn");
        QTest::newRow("replace") << false;
        QTest::newRow("keep own column") << true;
    }

    void updaterWithoutAKeyIndexOnTheDestination()
    {
        // Someone dropped the key index the make created: the batch cannot be
        // upserted (no ON CONFLICT arbiter) and is applied by key with a join.
        QFETCH(bool, ownColumn);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_noidx");
        prepare(f, 100);
        MIMEO_NOTHROW(f.make(incrementalRequest(f, "updater_serial", "rep.items")));
        f.dest().exec("DO $$DECLARE c text; BEGIN FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'rep.items'::regclass "
                      "LOOP EXECUTE format('ALTER TABLE rep.items DROP CONSTRAINT %I', c); END LOOP; END$$");
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM pg_index WHERE indrelid = 'rep.items'::regclass AND indisunique"), int64_t(0));
        if (ownColumn)
            f.dest().exec("ALTER TABLE rep.items ADD COLUMN note text DEFAULT 'local'; UPDATE rep.items SET note = 'mine' WHERE id = 5");
        f.src().exec("UPDATE src.items SET v = 'changed', rev = nextval('src.rev_seq') WHERE id IN (5, 6)");
        f.src().exec("INSERT INTO src.items (id, v, ts) VALUES (101, 'new', now())");
        sentinel(f, 0);
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.items"));
        // 5 and 6 updated; 101 new, and 100, the make's exclusive top, arrives now.
        const std::string expected = ownColumn ? "2 updated in place, 2 inserted" : "2 replaced, 2 inserted";
        QVERIFY2(r.message.find("2 updated, 2 inserted") != std::string::npos, r.message.c_str());
        QCOMPARE(f.lastChanges("rep.items"), QStringLiteral("2/2/0"));
        QVERIFY2(f.dest().exec("SELECT pg_catalog.string_agg(message, ' | ') FROM mimeo.studio_job_step WHERE job_id = "
                               "(SELECT max(job_id) FROM mimeo.studio_job_log)")
                         .text(0, 0)
                         .find(expected)
                     != std::string::npos,
                 expected.c_str());
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE id < 900000", "SELECT id, v, ts, rev FROM rep.items WHERE id < 900000"), QString());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items WHERE id IN (5, 6)"), int64_t(2));
        if (ownColumn)
            QCOMPARE(QString::fromStdString(f.dest().exec("SELECT note FROM rep.items WHERE id = 5").text(0, 0)), QStringLiteral("mine"));
    }

    void updaterNeedsAKey()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_nokey");
        f.src().exec("CREATE SCHEMA src; CREATE TABLE src.nokey (id int, ts timestamptz);"
                     "CREATE TABLE src.nullable (id int, ts timestamptz); CREATE UNIQUE INDEX ON src.nullable (id);"
                     "CREATE TABLE src.uniq (a int NOT NULL, b int NOT NULL, ts timestamptz);"
                     "CREATE UNIQUE INDEX uniq_z ON src.uniq (a); CREATE UNIQUE INDEX uniq_b ON src.uniq (b);"
                     "INSERT INTO src.uniq VALUES (1, 10, now() - interval '1 hour');");
        f.dest().exec("CREATE SCHEMA rep;");
        for (const char *t : {"src.nokey", "src.nullable"}) {
            auto req = f.request("updater", t, std::string("rep.") + (t + 4));
            req.control = "ts";
            const QString e = errorOf([&] { f.make(req); });
            QVERIFY2(e.contains(QStringLiteral("has no primary key or unique index on NOT NULL columns; an updater needs one")), qPrintable(e));
        }
        // No primary key: the first usable unique index by name is the key.
        auto req = f.request("updater", "src.uniq", "rep.uniq");
        req.control = "ts";
        MIMEO_NOTHROW(f.make(req));
        QCOMPARE(QString::fromStdString(configValue(f, "pk_name", "rep.uniq")), QStringLiteral("{b}"));
        QCOMPARE(QString::fromStdString(configValue(f, "pk_type", "rep.uniq")), QStringLiteral("{integer}"));
        // A filter must keep the key.
        auto filtered = f.request("updater", "src.uniq", "rep.uniq2");
        filtered.control = "ts";
        filtered.filter = {"a", "ts"};
        const QString e = errorOf([&] { f.make(filtered); });
        QVERIFY2(e.contains(QStringLiteral("the column filter lacks key column b")), qPrintable(e));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config"), int64_t(1));
    }

    void controlColumnIsChecked_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("control");
        QTest::addColumn<QStringList>("filter");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("text") << "inserter" << "v" << QStringList() << "control column v of src.items is text; inserter and updater need";
        QTest::newRow("numeric") << "updater" << "num" << QStringList() << "is numeric(10,2); inserter and updater need";
        QTest::newRow("--serial on a time") << "inserter_serial" << "ts" << QStringList()
                                            << "control column ts is timestamp with time zone: --serial needs smallint, integer or bigint";
        QTest::newRow("--time on an integer") << "updater_time" << "rev" << QStringList()
                                              << "control column rev is bigint: --time needs timestamp, timestamptz or date";
        QTest::newRow("missing") << "inserter" << "nope" << QStringList() << "control column nope does not exist in src.items";
        QTest::newRow("filtered out") << "inserter" << "ts" << QStringList{"id", "v"} << "control column ts is not in the column filter";
        QTest::newRow("none") << "inserter" << "" << QStringList() << "inserter needs --control COLUMN (a timestamp, timestamptz or date column for time";
    }
    void controlColumnIsChecked()
    {
        QFETCH(QString, type);
        QFETCH(QString, control);
        QFETCH(QStringList, filter);
        QFETCH(QString, mentions);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_ctl");
        prepare(f, 10);
        f.src().exec("ALTER TABLE src.items ADD COLUMN num numeric(10,2)");
        auto req = f.request(type.toStdString(), "src.items", "rep.items");
        if (!control.isEmpty())
            req.control = control.toStdString();
        for (const auto &c : filter)
            req.filter.push_back(c.toStdString());
        const QString e = errorOf([&] { f.make(req); });
        QVERIFY2(e.contains(mentions), qPrintable(e));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config"), int64_t(0));
        QVERIFY(!f.dest().exec("SELECT to_regclass('rep.items') IS NOT NULL").toBool(0, 0));
    }

    void otherControlTypesAndDomains_data()
    {
        QTest::addColumn<QString>("columnType");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expectedType");
        // Values of the second batch (g > 200) are above those of the first.
        QTest::newRow("timestamp") << "timestamp(0)" << "localtimestamp - interval '2 hours' + g * interval '1 second'" << "inserter_time";
        QTest::newRow("date") << "date" << "current_date - 20 + (g - 1) / 20" << "inserter_time";
        QTest::newRow("smallint") << "smallint" << "g" << "inserter_serial";
        QTest::newRow("integer domain") << "src.posint" << "g" << "inserter_serial";
        QTest::newRow("timestamptz domain") << "src.stamp" << "now() - interval '2 hours' + g * interval '1 ms'" << "inserter_time";
    }
    void otherControlTypesAndDomains()
    {
        QFETCH(QString, columnType);
        QFETCH(QString, value);
        QFETCH(QString, expectedType);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_types");
        f.src().exec("CREATE SCHEMA src; CREATE DOMAIN src.posint AS int CHECK (VALUE > 0);"
                     "CREATE DOMAIN src.stamp AS timestamptz NOT NULL;"
                     "CREATE TABLE src.t (id int PRIMARY KEY, c " + columnType.toStdString() + ");"
                     "INSERT INTO src.t SELECT g, " + value.toStdString() + " FROM generate_series(1, 200) g;");
        // The destination needs the domains too (as for every type).
        f.dest().exec("CREATE SCHEMA rep; CREATE SCHEMA src; CREATE DOMAIN src.posint AS int CHECK (VALUE > 0);"
                      "CREATE DOMAIN src.stamp AS timestamptz NOT NULL;");
        auto req = f.request("inserter", "src.t", "rep.t");
        req.control = "c";
        req.boundary = expectedType.endsWith(QStringLiteral("time")) ? "1 minute" : "0";
        MIMEO_NOTHROW(f.make(req));
        QCOMPARE(QString::fromStdString(f.dest().exec("SELECT type FROM mimeo.refresh_config").text(0, 0)), expectedType);
        const bool serial = expectedType.endsWith(QStringLiteral("serial"));
        // Everything below the top is there (for date: the days before today).
        const std::string below = serial ? "WHERE c < 200" : columnType == QStringLiteral("date") ? "WHERE c < current_date" : "";
        QCOMPARE(f.differences("SELECT * FROM src.t " + below, "SELECT * FROM rep.t"), QString());
        f.src().exec("INSERT INTO src.t SELECT g, " + value.toStdString() + " FROM generate_series(201, 300) g");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        const std::string below2 = serial ? "WHERE c < 300" : columnType == QStringLiteral("date") ? "WHERE c < current_date" : "";
        QCOMPARE(f.differences("SELECT * FROM src.t " + below2, "SELECT * FROM rep.t"), QString());
    }

    void conditionWithOrCannotWidenTheWindow()
    {
        // mimeo appended " AND <bounds>" to the condition: an OR in it let
        // rows outside the window in (duplicates on the next run).
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_or");
        prepare(f, 100);
        auto req = incrementalRequest(f, "inserter_serial", "rep.items");
        req.condition = "WHERE id < 10 OR id > 90";
        MIMEO_NOTHROW(f.make(req));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items"), int64_t(18)); // rev 100 (id 100) is the top
        f.src().exec("INSERT INTO src.items (id, v, ts) SELECT g, 'v', now() FROM generate_series(101, 110) g");
        MIMEO_NOTHROW(f.refresh("rep.items"));
        MIMEO_NOTHROW(f.refresh("rep.items"));
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE (id < 10 OR id > 90) AND id < 110", "SELECT * FROM rep.items"), QString());
    }

    void viewsAsSources()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_view");
        prepare(f, 200);
        f.src().exec("CREATE VIEW src.items_v AS SELECT id, v, ts, rev FROM src.items WHERE id % 2 = 0");
        auto ins = f.request("inserter", "src.items_v", "rep.ins_v");
        ins.control = "ts";
        MIMEO_NOTHROW(f.make(ins));
        // An updater of a view needs the key named.
        auto upd = f.request("updater", "src.items_v", "rep.upd_v");
        upd.control = "rev";
        upd.boundary = "0";
        const QString e = errorOf([&] { f.make(upd); });
        QVERIFY2(e.contains(QStringLiteral("source view src.items_v has no primary key")), qPrintable(e));
        upd.pkName = {"id"};
        upd.pkType = {"int"};
        MIMEO_NOTHROW(f.make(upd));
        // Written as the source spells it (mimeo's own refresh splices pk_type into SQL).
        QCOMPARE(QString::fromStdString(configValue(f, "pk_type", "rep.upd_v")), QStringLiteral("{integer}"));
        // The destination got a unique index on the key all the same.
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM pg_index WHERE indrelid = 'rep.upd_v'::regclass AND indisunique"), int64_t(1));
        f.src().exec("INSERT INTO src.items (id, v, ts) SELECT g, 'n', now() - interval '1 hour' FROM generate_series(201, 260) g");
        MIMEO_NOTHROW(f.refresh("rep.ins_v"));
        QCOMPARE(f.differences("SELECT * FROM src.items_v", "SELECT * FROM rep.ins_v"), QString());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.ins_v"), int64_t(130));
        f.src().exec("UPDATE src.items SET v = 'changed', ts = now() - interval '20 minutes', rev = nextval('src.rev_seq') WHERE id <= 50");
        sentinel(f, 0);
        MIMEO_NOTHROW(f.refresh("rep.upd_v"));
        QCOMPARE(f.differences("SELECT * FROM src.items_v WHERE id < 900000", "SELECT * FROM rep.upd_v WHERE id < 900000"), QString());
        // Wrong key settings are refused.
        auto bad = f.request("updater", "src.items_v", "rep.bad");
        bad.control = "rev";
        bad.pkName = {"id"};
        bad.pkType = {"no_such_type"};
        QVERIFY(errorOf([&] { f.make(bad); }).contains(QStringLiteral("--pk-type no_such_type (for id) is not a type the source knows")));
        bad.pkName = {"id", "v"};
        bad.pkType = {"int"};
        QVERIFY(errorOf([&] { f.make(bad); }).contains(QStringLiteral("must list the same number of items")));
    }

    void noIndexStillGivesAnUpdaterItsKey()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_noidx");
        prepare(f, 50);
        f.src().exec("ALTER TABLE src.items RENAME COLUMN id TO \"Key Col\"");
        auto upd = incrementalRequest(f, "updater_time", "rep.u");
        upd.index = false;
        MIMEO_NOTHROW(f.make(upd));
        // Only the key, quoted (mimeo's updater_maker left it unquoted and failed on mixed case).
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM pg_indexes WHERE schemaname = 'rep' AND tablename = 'u'"), int64_t(1));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM pg_constraint WHERE conrelid = 'rep.u'::regclass AND contype = 'p'"), int64_t(1));
        auto ins = incrementalRequest(f, "inserter_time", "rep.i");
        ins.index = false;
        MIMEO_NOTHROW(f.make(ins));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM pg_indexes WHERE schemaname = 'rep' AND tablename = 'i'"), int64_t(0));
    }

    void existingDestinationStartsFromItsMax()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_exist");
        prepare(f, 100);
        f.dest().exec("CREATE TABLE rep.items (id int PRIMARY KEY, v text, ts timestamptz, rev bigint, extra text);"
                      "INSERT INTO rep.items (id, v, rev) VALUES (1, 'mine', 40)");
        replication::RunResult made;
        MIMEO_NOTHROW(made = f.make(incrementalRequest(f, "inserter_serial", "rep.items")));
        QCOMPARE(made.rows, int64_t(0));
        QCOMPARE(configValue(f, "last_value", "rep.items"), std::string("40"));
        MIMEO_NOTHROW(f.refresh("rep.items"));
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE rev > 40 AND rev < 100", "SELECT id, v, ts, rev FROM rep.items WHERE id > 1"), QString());

        // Empty and time: rows after the make only (mimeo's rule); empty and serial: from the bottom.
        f.dest().exec("CREATE TABLE rep.t (id int, v text, ts timestamptz, rev bigint); CREATE TABLE rep.s (LIKE rep.t)");
        MIMEO_NOTHROW(f.make(incrementalRequest(f, "inserter_time", "rep.t")));
        MIMEO_NOTHROW(f.make(incrementalRequest(f, "inserter_serial", "rep.s")));
        QVERIFY(f.dest().exec("SELECT last_value > now() - interval '1 minute' FROM mimeo.refresh_config_inserter_time").toBool(0, 0));
        QCOMPARE(configValue(f, "last_value", "rep.s"), std::string("-9223372036854775808"));

        // A destination that lacks a source column is refused, naming it.
        f.dest().exec("CREATE TABLE rep.short (id int, ts timestamptz)");
        const QString e = errorOf([&] { f.make(incrementalRequest(f, "inserter_time", "rep.short")); });
        QVERIFY2(e.contains(QStringLiteral("does not match the source: v (missing), rev (missing)")), qPrintable(e));
    }

    void serialValuesAtOrBelowZeroAreReplicated()
    {
        // mimeo's serial lower bound started at 0 (exclusive) and its
        // ranged repull's default start was 0: such rows never arrived.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_neg");
        f.src().exec("CREATE SCHEMA src; CREATE TABLE src.n (id bigint PRIMARY KEY, v text);"
                     "INSERT INTO src.n SELECT g, 'v' FROM generate_series(-20, 10) g;");
        f.dest().exec("CREATE SCHEMA rep;");
        auto req = f.request("inserter", "src.n", "rep.n");
        req.control = "id";
        req.boundary = "0";
        req.pullData = false;
        MIMEO_NOTHROW(f.make(req));
        MIMEO_NOTHROW(f.refresh("rep.n"));
        QCOMPARE(f.differences("SELECT * FROM src.n WHERE id < 10", "SELECT * FROM rep.n"), QString());
        f.src().exec("UPDATE src.n SET v = 'again'");
        MIMEO_NOTHROW(refreshWith(f, "rep.n", [](auto &r) { r.repullEnd = "5"; }));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.n WHERE v = 'again'"), int64_t(25)); // -20..4
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.n"), int64_t(30));
    }

    void filterAndNoPullData()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_filter");
        prepare(f, 100);
        sentinel(f, 0);
        // A filter keeps the key and the control; only the key index is copied.
        auto req = incrementalRequest(f, "updater_time", "rep.f");
        req.filter = {"id", "ts"};
        MIMEO_NOTHROW(f.make(req));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'rep' AND table_name = 'f'"), int64_t(2));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM pg_indexes WHERE schemaname = 'rep' AND tablename = 'f'"), int64_t(1));
        f.src().exec("UPDATE src.items SET v = 'x', ts = now() - interval '20 minutes' WHERE id <= 10");
        MIMEO_NOTHROW(f.refresh("rep.f"));
        QCOMPARE(f.differences("SELECT id, ts FROM src.items WHERE id < 900000", "SELECT * FROM rep.f WHERE id < 900000"), QString());

        // No data at make: a time table replicates rows newer than the make
        // only (mimeo's rule, its test07 _nodata); a serial one everything
        // below the top on its first refresh.
        auto nt = incrementalRequest(f, "inserter_time", "rep.nt");
        nt.pullData = false;
        auto ns = incrementalRequest(f, "inserter_serial", "rep.ns");
        ns.pullData = false;
        MIMEO_NOTHROW(f.make(nt));
        MIMEO_NOTHROW(f.make(ns));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.nt") + count(f.dest(), "SELECT count(*) FROM rep.ns"), int64_t(0));
        f.src().exec("INSERT INTO src.items (id, v, ts) VALUES (500, 'after make', now() + interval '1 second')");
        f.dest().exec("UPDATE mimeo.refresh_config_inserter_time SET boundary = '0'");
        QTest::qWait(1500);
        MIMEO_NOTHROW(f.refresh("rep.nt"));
        MIMEO_NOTHROW(f.refresh("rep.ns"));
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE id = 500", "SELECT * FROM rep.nt"), QString());
        // (500 has the highest rev: the top; the sentinel made before it is below it now.)
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE id <> 500", "SELECT * FROM rep.ns"), QString());
    }

    void oddIdentifiersEverywhere()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_quote");
        f.src().exec("CREATE SCHEMA \"Src Schema\"; CREATE TABLE \"Src Schema\".\"Odd-Table\" (\"Key Col\" int PRIMARY KEY, "
                     "\"select\" text, \"Ctl Col\" bigint NOT NULL, \"When\" timestamptz NOT NULL);"
                     "CREATE INDEX \"Odd-Table-idx\" ON \"Src Schema\".\"Odd-Table\" (\"select\");"
                     "INSERT INTO \"Src Schema\".\"Odd-Table\" SELECT g, 'it''s ' || g, g, now() - interval '1 day' + g * interval '1 s' "
                     "FROM generate_series(1, 100) g;");
        f.dest().exec("CREATE SCHEMA \"Rep Schema\"");
        auto upd = f.request("updater", "Src Schema.Odd-Table", "Rep Schema.Dest Table");
        upd.control = "Ctl Col";
        upd.boundary = "0";
        upd.condition = "WHERE \"select\" <> 'it''s 3'";
        MIMEO_NOTHROW(f.make(upd));
        auto ins = f.request("inserter", "Src Schema.Odd-Table", "Rep Schema.Other \"Table\"");
        ins.control = "When";
        MIMEO_NOTHROW(f.make(ins));
        f.src().exec("UPDATE \"Src Schema\".\"Odd-Table\" SET \"select\" = 'changed', \"Ctl Col\" = 1000 + \"Key Col\" WHERE \"Key Col\" <= 5;"
                     "INSERT INTO \"Src Schema\".\"Odd-Table\" VALUES (101, 'new', 2000, now() - interval '1 hour')");
        MIMEO_NOTHROW(f.refresh("Rep Schema.Dest Table"));
        MIMEO_NOTHROW(f.refresh("Rep Schema.Other \"Table\""));
        QCOMPARE(f.differences("SELECT * FROM \"Src Schema\".\"Odd-Table\" WHERE \"Ctl Col\" < 2000 AND \"select\" <> 'it''s 3'",
                               "SELECT * FROM \"Rep Schema\".\"Dest Table\""),
                 QString());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM \"Rep Schema\".\"Other \"\"Table\"\"\""), int64_t(101));
        MIMEO_NOTHROW(f.refresh("Rep Schema.Dest Table", true));
        MIMEO_NOTHROW(f.destroy("Rep Schema.Other \"Table\"", false));
    }

    void bigSerialValues()
    {
        // mimeo kept the serial top in an int: above 2^31 - 1 it failed.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_big");
        f.src().exec("CREATE SCHEMA src; CREATE TABLE src.b (id bigint PRIMARY KEY, v text);"
                     "INSERT INTO src.b SELECT 5000000000 + g, 'v' FROM generate_series(1, 50) g;");
        f.dest().exec("CREATE SCHEMA rep;");
        auto req = f.request("updater", "src.b", "rep.b");
        req.control = "id";
        req.boundary = "0";
        MIMEO_NOTHROW(f.make(req));
        QCOMPARE(configValue(f, "last_value", "rep.b"), std::string("5000000049"));
        f.src().exec("INSERT INTO src.b SELECT 5000000050 + g, 'w' FROM generate_series(1, 50) g");
        MIMEO_NOTHROW(f.refresh("rep.b"));
        QCOMPARE(f.differences("SELECT * FROM src.b WHERE id < 5000000100", "SELECT * FROM rep.b"), QString());
    }

    void sourceAndDestinationInOtherTimeZones()
    {
        // A timestamp (without time zone) control holds the source's wall
        // clock. mimeo compared it with the destination's now() - boundary
        // printed in the destination's zone: 14 hours apart here, it read
        // rows still inside the boundary. We bound it by the source's clock.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_zones");
        f.src().exec("ALTER DATABASE " + f.srcDb().name() + " SET timezone = 'America/New_York'");
        f.src().exec("SET timezone = 'America/New_York'; CREATE SCHEMA src; CREATE TABLE src.l (id int PRIMARY KEY, at timestamp NOT NULL);"
                     "INSERT INTO src.l SELECT g, localtimestamp - interval '2 hours' + g * interval '1 s' FROM generate_series(1, 100) g;"
                     "INSERT INTO src.l VALUES (101, localtimestamp - interval '5 minutes')");
        f.dest().exec("CREATE SCHEMA rep; SET TimeZone = 'Asia/Tokyo'");
        auto req = f.request("updater", "src.l", "rep.l");
        req.control = "at";
        MIMEO_NOTHROW(f.make(req));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.l"), int64_t(100)); // 101 is inside the boundary
        f.src().exec("SET timezone = 'America/New_York';"
                     "INSERT INTO src.l SELECT g, localtimestamp - interval '1 hour' + g * interval '1 s' FROM generate_series(102, 150) g;"
                     "UPDATE src.l SET at = localtimestamp - interval '30 minutes' WHERE id <= 10");
        MIMEO_NOTHROW(f.refresh("rep.l"));
        MIMEO_NOTHROW(f.refresh("rep.l"));
        QCOMPARE(f.differences("SELECT * FROM src.l WHERE id <> 101", "SELECT * FROM rep.l"), QString());
        // A ranged repull's bounds are wall-clock times for such a column.
        const std::string from = f.src().exec("SELECT (min(at) - interval '1 s')::text FROM src.l WHERE id BETWEEN 102 AND 110").text(0, 0);
        const std::string to = f.src().exec("SELECT (max(at) + interval '1 s')::text FROM src.l WHERE id BETWEEN 102 AND 110").text(0, 0);
        f.src().exec("UPDATE src.l SET at = at WHERE id BETWEEN 102 AND 110");
        replication::RunResult r;
        MIMEO_NOTHROW(r = refreshWith(f, "rep.l", [&](auto &q) {
            q.repullStart = from;
            q.repullEnd = to;
        }));
        QCOMPARE(r.rows, int64_t(9));
        QCOMPARE(f.differences("SELECT * FROM src.l WHERE id <> 101", "SELECT * FROM rep.l"), QString());
    }

    void fullRepull_data() { eachIncrementalType(); }
    void fullRepull()
    {
        QFETCH(QString, type);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_full");
        prepare(f, 300);
        sentinel(f, 0);
        const std::string t = type.toStdString();
        MIMEO_NOTHROW(f.make(incrementalRequest(f, t, "rep.items")));
        // Changes a normal run cannot see (no control change), rows deleted
        // on the source, rows removed on the destination.
        f.src().exec("UPDATE src.items SET v = 'repull' WHERE id <= 100; DELETE FROM src.items WHERE id > 250 AND id < 900000");
        f.dest().exec("DELETE FROM rep.items WHERE id BETWEEN 120 AND 130");
        f.dest().exec("UPDATE mimeo.refresh_config_" + t + " SET batch_limit = 7");
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.items", true));
        QVERIFY2(r.message.find("full repull") != std::string::npos, r.message.c_str());
        QCOMPARE(r.rows, int64_t(250)); // the batch limit does not apply to a repull (the sentinel is the top)
        QCOMPARE(f.lastChanges("rep.items"), QStringLiteral("null")); // a repull replaces everything: no counts
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE id < 900000", "SELECT * FROM rep.items WHERE id < 900000"), QString());
        QCOMPARE(configValue(f, "last_value", "rep.items"),
                 f.dest().exec("SELECT max(" + controlOf(t) + ")::text FROM rep.items").text(0, 0));
    }

    void rangedRepullTime_data()
    {
        QTest::addColumn<QString>("type");
        QTest::newRow("inserter_time") << "inserter_time";
        QTest::newRow("updater_time") << "updater_time";
    }
    void rangedRepullTime()
    {
        QFETCH(QString, type);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_rngt");
        prepare(f, 100);
        const std::string t = type.toStdString();
        MIMEO_NOTHROW(f.make(incrementalRequest(f, t, "rep.items")));
        const std::string lastBefore = configValue(f, "last_value", "rep.items");
        // Old rows a normal run never reads (their time is below last_value),
        // including two exactly on the range's ends.
        f.src().exec("INSERT INTO src.items (id, v, ts) VALUES "
                     "(1001, 'old', '2013-01-01 02:00+00'), (1002, 'old', '2013-01-01 02:05+00'), (1003, 'old', '2013-01-01 02:10+00'),"
                     "(1004, 'at start', '2013-01-01 01:00+00'), (1005, 'at end', '2013-01-01 03:00+00'), (1006, 'outside', '2012-12-31 23:00+00')");
        // A destination row inside the range that the source no longer has,
        // and one exactly on the start bound: exclusive, so it stays.
        f.dest().exec("INSERT INTO rep.items (id, v, ts, rev) VALUES (2001, 'gone', '2013-01-01 02:30+00', 1), "
                      "(2002, 'kept', '2013-01-01 01:00+00', 1)");
        replication::RunResult r;
        MIMEO_NOTHROW(r = refreshWith(f, "rep.items", [](auto &q) {
            q.repull = true;
            q.repullStart = "2013-01-01 01:00:00+00";
            q.repullEnd = "2013-01-01 03:00:00+00";
            q.limit = 1; // ignored by a repull
        }));
        QVERIFY2(r.message.find("ranged repull") != std::string::npos, r.message.c_str());
        QCOMPARE(r.rows, int64_t(3));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items WHERE id IN (1001, 1002, 1003)"), int64_t(3));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items WHERE id IN (1004, 1005, 1006, 2001)"), int64_t(0));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items WHERE id = 2002"), int64_t(1));
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE id <= 1003", "SELECT * FROM rep.items WHERE id <= 1003"), QString());
        // last_value is the destination's max (test10): unchanged here.
        QCOMPARE(configValue(f, "last_value", "rep.items"), lastBefore);
        // Only a start: everything above it is replaced, up to the top.
        f.src().exec("UPDATE src.items SET v = 'again' WHERE id <= 50");
        MIMEO_NOTHROW(refreshWith(f, "rep.items", [](auto &q) { q.repullStart = "2013-01-01 02:07+00"; }));
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE ts > '2013-01-01 02:07+00'",
                               "SELECT * FROM rep.items WHERE ts > '2013-01-01 02:07+00'"),
                 QString());
        QCOMPARE(configValue(f, "last_value", "rep.items"), lastBefore);
    }

    void rangedRepullSerial_data()
    {
        QTest::addColumn<QString>("type");
        QTest::newRow("inserter_serial") << "inserter_serial";
        QTest::newRow("updater_serial") << "updater_serial";
    }
    void rangedRepullSerial()
    {
        QFETCH(QString, type);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_rngs");
        prepare(f, 200);
        sentinel(f, 0);
        const std::string t = type.toStdString();
        MIMEO_NOTHROW(f.make(incrementalRequest(f, t, "rep.items")));
        f.src().exec("UPDATE src.items SET v = 'repull' WHERE id BETWEEN 50 AND 150");
        MIMEO_NOTHROW(refreshWith(f, "rep.items", [](auto &q) {
            q.repull = true;
            q.repullStart = "80";
            q.repullEnd = "120";
        }));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items WHERE v = 'repull'"), int64_t(39)); // 81..119
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items"), int64_t(200));
        // Only a start (mimeo failed with "value out of range" here).
        MIMEO_NOTHROW(refreshWith(f, "rep.items", [](auto &q) { q.repullStart = "140"; }));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items WHERE v = 'repull'"), int64_t(39 + 10)); // + 141..150
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE id > 140 AND id < 900000", "SELECT * FROM rep.items WHERE id > 140"), QString());
        QCOMPARE(configValue(f, "last_value", "rep.items"), std::string("200"));
        // Bad bounds are refused naming the option, and change nothing.
        const QString e = errorOf([&] { refreshWith(f, "rep.items", [](auto &q) { q.repullStart = "yesterday"; }); });
        QVERIFY2(e.contains(QStringLiteral("--repull-start \"yesterday\" is not a whole number")), qPrintable(e));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items"), int64_t(200));
    }

    void destinationMissingOrUnknown()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_missing");
        prepare(f, 10);
        MIMEO_NOTHROW(f.make(incrementalRequest(f, "inserter_time", "rep.items")));
        f.dest().exec("DROP TABLE rep.items");
        QVERIFY(errorOf([&] { f.refresh("rep.items"); }).contains(QStringLiteral("Destination table is missing (rep.items)")));
        QVERIFY(errorOf([&] { f.refresh("rep.nope"); }).contains(QStringLiteral("(rep.nope) is not managed by mimeo")));
        const QString e = errorOf([&] {
            auto req = incrementalRequest(f, "updater_time", "rep.items2");
            req.boundary = "soon";
            f.make(req);
        });
        QVERIFY2(e.contains(QStringLiteral("boundary \"soon\" is not an interval")), qPrintable(e));
        const QString e2 = errorOf([&] {
            auto req = incrementalRequest(f, "updater_serial", "rep.items2");
            req.boundary = "-3";
            f.make(req);
        });
        QVERIFY2(e2.contains(QStringLiteral("boundary \"-3\" is not a whole number")), qPrintable(e2));
    }

    void lockedTableIsSkipped()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_lock");
        prepare(f, 10);
        MIMEO_NOTHROW(f.make(incrementalRequest(f, "updater_serial", "rep.items")));
        const auto before = configValue(f, "last_value", "rep.items");
        auto holder = f.destDb().connect();
        holder.exec("BEGIN; SELECT pg_advisory_xact_lock(hashtext('mimeo advisory lock'), hashtext('rep.items'));");
        f.src().exec("INSERT INTO src.items (id, v, ts) VALUES (11, 'x', now()), (12, 'y', now())");
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.items"));
        QCOMPARE(r.outcome, replication::Outcome::Locked);
        QCOMPARE(configValue(f, "last_value", "rep.items"), before);
        holder.exec("ROLLBACK");
        MIMEO_NOTHROW(r = f.refresh("rep.items"));
        QCOMPARE(r.outcome, replication::Outcome::Done);
        QCOMPARE(r.rows, int64_t(2));
    }

    void aWaitingRefreshReadsItsWindowAgain()
    {
        // A refresh that waited for the lock (--lock-wait) must start from
        // the last_value the run before it committed, not from the one it
        // read before waiting (mimeo 1.3.9): else it pulls those rows again.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_wait");
        prepare(f, 10);
        MIMEO_NOTHROW(f.make(incrementalRequest(f, "inserter_serial", "rep.items")));
        f.src().exec("INSERT INTO src.items (id, v, ts) VALUES (11, 'x', now()), (12, 'y', now())");
        sentinel(f, 0);
        // What the run holding the lock will have written: every row above
        // last_value below the sentinel (10, the make's exclusive top, 11, 12).
        const auto last = configValue(f, "last_value", "rep.items");
        const auto rows = f.src().exec("SELECT id, v, ts::text, rev FROM src.items WHERE rev > $1::bigint AND id < 900000 ORDER BY rev",
                                       {last});
        QCOMPARE(rows.rows(), 3);
        auto other = f.destDb().connect(); // plays the run that holds the lock
        other.exec("BEGIN; SELECT pg_advisory_xact_lock(hashtext('mimeo advisory lock'), hashtext('rep.items'))");
        replication::RunResult waited;
        std::string failure;
        std::thread waiter([&] {
            try {
                waited = refreshWith(f, "rep.items", [](replication::RefreshRequest &r) { r.lockWait = catalog::LockWait::untilGranted(); }); // waits until granted
            } catch (const std::exception &e) {
                failure = e.what();
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(other.exec("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").toInt(0, 0) == 1,
                                 20000);
        for (int i = 0; i < rows.rows(); ++i)
            other.exec("INSERT INTO rep.items (id, v, ts, rev) VALUES ($1, $2, $3, $4)",
                       {rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), rows.text(i, 3)});
        other.exec("UPDATE mimeo.refresh_config_inserter_serial SET last_value = $1 WHERE dest_table = 'rep.items'", {rows.text(2, 3)});
        other.exec("COMMIT");
        waiter.join();
        QVERIFY2(failure.empty(), failure.c_str());
        QCOMPARE(waited.outcome, replication::Outcome::Done);
        QCOMPARE(waited.rows, int64_t(0));
        QCOMPARE(f.differences("SELECT * FROM src.items WHERE id < 900000", "SELECT id, v, ts, rev FROM rep.items WHERE id < 900000"), QString());
    }

    void destroyKeepsOrDrops()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "incr_destroy");
        prepare(f, 10);
        MIMEO_NOTHROW(f.make(incrementalRequest(f, "inserter_time", "rep.a")));
        MIMEO_NOTHROW(f.make(incrementalRequest(f, "updater_serial", "rep.b")));
        MIMEO_NOTHROW(f.destroy("rep.a", true));
        MIMEO_NOTHROW(f.destroy("rep.b", false));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.a"), int64_t(10));
        QVERIFY(!f.dest().exec("SELECT to_regclass('rep.b') IS NOT NULL").toBool(0, 0));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config"), int64_t(0));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.studio_table_state"), int64_t(0));
        // A destination name is now free for the other kind again.
        MIMEO_NOTHROW(f.make(incrementalRequest(f, "inserter_serial", "rep.b")));
    }
};

QTEST_GUILESS_MAIN(TestIncremental)
#include "tst_incremental.moc"
