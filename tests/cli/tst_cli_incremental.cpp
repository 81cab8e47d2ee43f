// SPDX-License-Identifier: PostgreSQL
// mimeo make inserter|updater and mimeo refresh of incremental tables through
// the binary: --control and the type it picks, --time/--serial, refusals,
// --limit, --repull and --repull-start/--repull-end, exit statuses.
#include "cli_fixture.h"
#include "pg/connection.h"

#include <QTest>

using namespace mimeo;
using test::runMimeo;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

struct CliFixture : test::CliFixture {
    CliFixture(const test::TestEnv *env, const char *prefix)
        : test::CliFixture(env, prefix,
                           "CREATE SCHEMA src; CREATE TABLE src.t (id int PRIMARY KEY, v text, ts timestamptz NOT NULL, n bigint NOT NULL);"
                           "INSERT INTO src.t SELECT g, 'v' || g, now() - interval '2 hours' + g * interval '1 second', g "
                           "FROM generate_series(1, 500) g;"
                           "CREATE VIEW src.tv AS SELECT * FROM src.t;")
    {
    }
    std::string value(const std::string &sql) { return dest.connect().exec(sql).text(0, 0); }
};

} // namespace

class TestCliIncremental : public QObject {
    Q_OBJECT
private slots:
    void makeDetectsTimeOrSerial()
    {
        MIMEO_REQUIRE_ENV(env);
        CliFixture f(env, "cliincr");
        auto it = f.run({"make", "inserter", "src.t", "--source", "1", "--dest-table", "rep.it", "--control", "ts"});
        QCOMPARE(it.exitCode, 0);
        QVERIFY2(it.out.contains(QStringLiteral("made inserter_time rep.it (500 rows)")), qPrintable(it.all()));
        auto us = f.run({"make", "updater", "src.t", "--source", "1", "--dest-table", "rep.us", "--control", "n", "--boundary", "0",
                         "--batch-limit", "100", "--period", "5 minutes"});
        QCOMPARE(us.exitCode, 0);
        QVERIFY2(us.out.contains(QStringLiteral("made updater_serial rep.us (499 rows)")), qPrintable(us.all()));
        QCOMPARE(q(f.value("SELECT type || ' ' || batch_limit || ' ' || period || ' ' || boundary || ' ' || pk_name::text "
                           "FROM mimeo.refresh_config_updater_serial WHERE dest_table = 'rep.us'")),
                 QStringLiteral("updater_serial 100 00:05:00 0 {id}"));
        // --time / --serial confirm the column's kind.
        QCOMPARE(f.run({"make", "updater", "src.t", "--source", "1", "--dest-table", "rep.ut", "--control", "ts", "--time"}).exitCode, 0);
        QCOMPARE(q(f.value("SELECT type FROM mimeo.refresh_config WHERE dest_table = 'rep.ut'")), QStringLiteral("updater_time"));
        // A view needs the updater's key named.
        auto view = f.run({"make", "updater", "src.tv", "--source", "1", "--dest-table", "rep.uv", "--control", "ts"});
        QCOMPARE(view.exitCode, 1);
        QVERIFY2(view.err.contains(QStringLiteral("source view src.tv has no primary key")), qPrintable(view.all()));
        auto keyed = f.run({"make", "updater", "src.tv", "--source", "1", "--dest-table", "rep.uv", "--control", "ts", "--pk-name", "id",
                            "--pk-type", "integer"});
        QCOMPARE(keyed.exitCode, 0);
    }

    void makeRefusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        const QStringList base{"make", "inserter", "src.t", "--source", "1", "--dest-table", "rep.x"};
        QTest::newRow("no control") << base << 2 << "make: inserter needs --control COLUMN";
        QTest::newRow("text control") << base + QStringList{"--control", "v"} << 1
                                      << "control column v of src.t is text; inserter and updater need timestamp, timestamptz or date (time) or smallint, integer or bigint (serial)";
        QTest::newRow("--serial on time") << base + QStringList{"--control", "ts", "--serial"} << 1
                                          << "control column ts is timestamp with time zone: --serial needs smallint, integer or bigint";
        QTest::newRow("--time on serial") << base + QStringList{"--control", "n", "--time"} << 1
                                          << "control column n is bigint: --time needs timestamp, timestamptz or date";
        QTest::newRow("both") << base + QStringList{"--control", "n", "--time", "--serial"} << 2 << "exclude each other";
        QTest::newRow("bad boundary") << base + QStringList{"--control", "ts", "--boundary", "later"} << 1 << "is not an interval";
        QTest::newRow("pk for inserter") << base + QStringList{"--control", "ts", "--pk-name", "id", "--pk-type", "int"} << 2
                                         << "--pk-name and --pk-type apply to updater, dml and logdel only, not to inserter";
    }
    void makeRefusals()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        MIMEO_REQUIRE_ENV(env);
        CliFixture f(env, "cliincrerr");
        auto r = f.run(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.all()));
        QCOMPARE(f.dest.connect().exec("SELECT count(*) FROM mimeo.refresh_config").toInt(0, 0), int64_t(0));
    }

    void refreshOptions()
    {
        MIMEO_REQUIRE_ENV(env);
        CliFixture f(env, "cliincrref");
        QCOMPARE(f.run({"make", "inserter", "src.t", "--source", "1", "--dest-table", "rep.it", "--control", "ts"}).exitCode, 0);
        QCOMPARE(f.run({"make", "updater", "src.t", "--source", "1", "--dest-table", "rep.us", "--control", "n", "--boundary", "0"}).exitCode, 0);
        auto s = f.src.connect();
        s.exec("INSERT INTO src.t SELECT g, 'new', now() - interval '1 hour' + g * interval '1 ms', g FROM generate_series(501, 600) g");

        auto r = f.run({"refresh", "rep.it"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("refreshed rep.it: 100 rows")), qPrintable(r.all()));
        // validate_rowcount's bounds (spec 5.3) agree with what a refresh keeps.
        r = f.run({"check", "rowcount", "rep.it"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("(match)")), qPrintable(r.all()));
        // --limit: at most N rows this run (n is unique, so exactly N).
        r = f.run({"refresh", "rep.us", "--limit", "30"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("refreshed rep.us: 30 rows (0 updated, 30 inserted)")), qPrintable(r.all()));
        r = f.run({"refresh", "rep.us"});
        QVERIFY2(r.out.contains(QStringLiteral("refreshed rep.us: 70 rows")), qPrintable(r.all())); // 530..599

        // Ranged repull with exclusive bounds; the values are checked.
        s.exec("UPDATE src.t SET v = 'again' WHERE n BETWEEN 10 AND 20");
        r = f.run({"refresh", "rep.us", "--repull-start", "10", "--repull-end", "20"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("refreshed rep.us: 9 rows")) && r.out.contains(QStringLiteral("ranged repull")), qPrintable(r.all()));
        QCOMPARE(q(f.value("SELECT count(*) FROM rep.us WHERE v = 'again'")), QStringLiteral("9"));
        r = f.run({"refresh", "rep.us", "--repull-start", "ten"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--repull-start \"ten\" is not a whole number")), qPrintable(r.all()));
        const std::string start = s.exec("SELECT (ts - interval '0.5 seconds')::text FROM src.t WHERE id = 100").text(0, 0);
        const std::string end = s.exec("SELECT (ts + interval '0.5 seconds')::text FROM src.t WHERE id = 120").text(0, 0);
        s.exec("UPDATE src.t SET v = 'again' WHERE id BETWEEN 90 AND 130");
        // An inserter's ranged repull: rows 100..120 come again (replaced, no duplicates).
        r = f.run({"refresh", "rep.it", "--repull", "--repull-start", q(start), "--repull-end", q(end)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("refreshed rep.it: 21 rows (ranged repull)")), qPrintable(r.all()));
        QCOMPARE(q(f.value("SELECT count(*) || '/' || count(DISTINCT id) FROM rep.it WHERE v = 'again'")), QStringLiteral("21/21"));
        r = f.run({"refresh", "rep.it", "--repull-end", "not a time"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--repull-end \"not a time\" is not a timestamp")), qPrintable(r.all()));

        // Full repull.
        r = f.run({"refresh", "rep.it", "--repull"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("refreshed rep.it: 600 rows (full repull)")), qPrintable(r.all()));

        // Another process holds the table: exit 3, nothing changes.
        auto holder = f.dest.connect();
        holder.exec("BEGIN; SELECT pg_advisory_xact_lock(hashtext('mimeo advisory lock'), hashtext('rep.us'));");
        r = f.run({"refresh", "rep.us"});
        QCOMPARE(r.exitCode, 3);
        holder.exec("ROLLBACK");

        auto destroyed = f.run({"destroy", "rep.it", "--drop-table"});
        QCOMPARE(destroyed.exitCode, 0);
        QVERIFY(!f.dest.connect().exec("SELECT to_regclass('rep.it') IS NOT NULL").toBool(0, 0));
    }
};

QTEST_GUILESS_MAIN(TestCliIncremental)
#include "tst_cli_incremental.moc"
