// SPDX-License-Identifier: PostgreSQL
// Repairing the rows a data check finds different (issue 17), against real
// servers: for updater, dml and logdel the check finds exactly the rows
// changed, deleted and added on the destination by hand, the repair
// re-pulls exactly those (every other row keeps its row version), and the
// check is clean again; logdel marks a row gone from the source instead of
// deleting it; types without a key get their refresh as the answer; a
// tampered configuration is refused; a cancel leaves everything as it was;
// and `mimeo check data --repair` end to end with its exit statuses.
#include "checks/data_repair.h"
#include "cli_fixture.h"
#include "pg/cancel.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication_fixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <thread>

using namespace mimeo;
using test::ReplicationFixture;

namespace {

// A composite key whose text part needs quoting everywhere (a comma, quotes,
// a statement terminator): it must travel as a value, never as SQL.
constexpr const char *kTricky = "x, \"y\"); DROP TABLE src.t; --";

void prepare(ReplicationFixture &f)
{
    f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA src;"
                  "CREATE TABLE src.t (id int, k text, v text, n numeric, at timestamptz NOT NULL, PRIMARY KEY (id, k));"
                  "INSERT INTO src.t SELECT g, CASE WHEN g = 5 THEN " + pg::quoteLiteral(kTricky) + " ELSE 'k' || (g % 3) END, "
                  "'v' || g, g / 3.0, timestamptz '2020-01-01' + g * interval '1 minute' FROM generate_series(1, 300) g;"
                  "CREATE TABLE src.other (id int PRIMARY KEY, k text, v text, n numeric, at timestamptz);"
                  "CREATE TABLE src.slow (id int PRIMARY KEY);");
    f.dest().exec("CREATE SCHEMA rep");
}

replication::MakeRequest requestFor(ReplicationFixture &f, const std::string &type, const std::string &dest = "rep.t")
{
    auto req = f.request(type, "src.t", dest);
    if (type == "updater" || type == "inserter") {
        req.control = "at";
        req.boundary = "10 minutes";
    }
    return req;
}

std::string text(pg::Connection &c, const std::string &sql) { return c.exec(sql).text(0, 0); }

QStringList differences(const checks::DataReport &r)
{
    QStringList out;
    for (const auto &d : r.differences) {
        const char *kind = d.kind == checks::RowDifference::Kind::Different ? "different"
            : d.kind == checks::RowDifference::Kind::MissingOnDestination   ? "missing"
                                                                            : "extra";
        out << QString::fromStdString(d.key) + QLatin1Char(' ') + QLatin1String(kind);
    }
    out.sort();
    return out;
}

// Every destination row but the given keys, with its row version: a repair
// that rewrote any other row changes this.
std::string untouched(pg::Connection &d, const std::string &exceptIds)
{
    return text(d, "SELECT string_agg(id || '/' || k || '@' || xmin, ',' ORDER BY id, k) FROM rep.t WHERE id NOT IN (" + exceptIds + ")");
}

// Hand edits on the destination: row 5 (the tricky key) changed, row 6
// deleted, row -1 added; for logdel also row 7 marked deleted by hand.
void damage(pg::Connection &d, bool logdel)
{
    d.exec("UPDATE rep.t SET v = 'edited by hand' WHERE id = 5");
    d.exec("DELETE FROM rep.t WHERE id = 6");
    d.exec("INSERT INTO rep.t (id, k, v, n, at) VALUES (-1, 'extra', 'not on the source', 0, timestamptz '2020-01-01')");
    if (logdel)
        d.exec("UPDATE rep.t SET mimeo_source_deleted = now() WHERE id = 7");
}

} // namespace

class TestRepair : public QObject {
    Q_OBJECT
private slots:
    void repairFixesExactlyTheDifferingRows_data()
    {
        QTest::addColumn<QString>("type");
        QTest::newRow("updater (time)") << "updater";
        QTest::newRow("dml") << "dml";
        QTest::newRow("logdel") << "logdel";
    }
    void repairFixesExactlyTheDifferingRows()
    {
        QFETCH(QString, type);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "rep_" + type.toStdString());
        prepare(f);
        MIMEO_NOTHROW(f.make(requestFor(f, type.toStdString())));
        const bool logdel = type == QStringLiteral("logdel");
        auto &d = f.dest();
        checks::CheckContext c{d, "mimeo", {}};
        checks::DataReport clean;
        MIMEO_NOTHROW(clean = checks::checkData(c, "rep.t"));
        QVERIFY(clean.equal());

        damage(d, logdel);
        const std::string repaired = logdel ? "-1, 5, 6, 7" : "-1, 5, 6";
        const std::string before = untouched(d, repaired);
        checks::DataReport found;
        MIMEO_NOTHROW(found = checks::checkData(c, "rep.t"));
        QStringList expected{"(-1,extra) extra", "(5,\"x, \"\"y\"\"); DROP TABLE src.t; --\") different", "(6,k0) missing"};
        if (logdel)
            expected << "(7,k1) missing";
        expected.sort();
        QCOMPARE(differences(found), expected);
        QCOMPARE(found.keyColumns, std::vector<std::string>({"id", "k"}));

        replication::RunResult r;
        MIMEO_NOTHROW(r = replication::repairRows(d, checks::repairRequestFor(found), f.context()));
        QCOMPARE(r.outcome, replication::Outcome::Done);
        QCOMPARE(r.rows, int64_t(logdel ? 4 : 3)); // changed, inserted, removed (marked), un-marked
        QVERIFY2(r.message.find("1 gone from the source") != std::string::npos, r.message.c_str());

        // Exactly those rows: every other one keeps its row version.
        QCOMPARE(untouched(d, repaired), before);
        QCOMPARE(f.differences("SELECT id, k, v, n, at FROM src.t WHERE id IN (5, 6, 7)",
                               "SELECT id, k, v, n, at FROM rep.t WHERE id IN (5, 6, 7)" + std::string(logdel ? " AND mimeo_source_deleted IS NULL" : "")),
                 QString());
        if (logdel) {
            // Gone from the source: kept, marked deleted (as a refresh marks it).
            QCOMPARE(text(d, "SELECT v || ' ' || (mimeo_source_deleted IS NOT NULL) FROM rep.t WHERE id = -1"),
                     std::string("not on the source true"));
        } else {
            QCOMPARE(text(d, "SELECT count(*) FROM rep.t WHERE id = -1"), std::string("0"));
        }
        checks::DataReport after;
        MIMEO_NOTHROW(after = checks::checkData(c, "rep.t"));
        QVERIFY2(after.equal(), qPrintable(differences(after).join(QLatin1Char(';'))));
        QCOMPARE(text(f.src(), "SELECT count(*) FROM src.t"), std::string("300")); // the tricky key stayed a value

        // The job log: one repair, its steps.
        QCOMPARE(text(d, "SELECT action || ' ' || status FROM mimeo.studio_job_log ORDER BY job_id DESC LIMIT 1"), std::string("repair ok"));
        QVERIFY(text(d, "SELECT string_agg(message, ' | ' ORDER BY step_no) FROM mimeo.studio_job_step WHERE job_id = "
                        "(SELECT max(job_id) FROM mimeo.studio_job_log)")
                    .find(logdel ? "repairing 4 keys of rep.t" : "repairing 3 keys of rep.t")
                != std::string::npos);
        // A repair is not a refresh: the next refresh still has all its work.
        MIMEO_NOTHROW(f.refresh("rep.t"));
        MIMEO_NOTHROW(after = checks::checkData(c, "rep.t"));
        QVERIFY(after.equal());
    }

    void checkAndRepairInOneCall()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "rep_both");
        prepare(f);
        MIMEO_NOTHROW(f.make(requestFor(f, "dml")));
        damage(f.dest(), false);
        checks::CheckContext c{f.dest(), "mimeo", {}};
        // Three differ: a limit of two refuses before anything changes, with the re-pull as the way.
        const std::string before = text(f.dest(), "SELECT string_agg(id || '@' || xmin, ',' ORDER BY id, k) FROM rep.t");
        try {
            checks::checkAndRepair(c, f.context(), "rep.t", 2);
            QFAIL("more keys than allowed were repaired");
        } catch (const pg::Error &e) {
            QVERIFY2(e.message().find("more than 2 rows") != std::string::npos, e.what());
            QVERIFY2(e.hint().find("--repull") != std::string::npos, e.what());
        }
        QCOMPARE(text(f.dest(), "SELECT string_agg(id || '@' || xmin, ',' ORDER BY id, k) FROM rep.t"), before);
        checks::RepairedData r;
        MIMEO_NOTHROW(r = checks::checkAndRepair(c, f.context(), "rep.t", 3));
        QCOMPARE(r.before.differences.size(), size_t(3));
        QVERIFY(r.repair && r.after);
        QVERIFY(r.repaired());
        // Nothing differs: no repair runs.
        MIMEO_NOTHROW(r = checks::checkAndRepair(c, f.context(), "rep.t", 3));
        QVERIFY(r.before.equal() && !r.repair && !r.after);
    }

    void typesWithoutAKeyGetTheirRefresh_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("hint");
        QTest::newRow("snap") << "snap" << "mimeo refresh rep.t";
        QTest::newRow("table") << "table" << "mimeo refresh rep.t";
        QTest::newRow("inserter") << "inserter" << "mimeo refresh rep.t --repull";
    }
    void typesWithoutAKeyGetTheirRefresh()
    {
        QFETCH(QString, type);
        QFETCH(QString, hint);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "rep_nokey_" + type.toStdString());
        prepare(f);
        MIMEO_NOTHROW(f.make(requestFor(f, type.toStdString())));
        f.dest().exec("UPDATE rep.t SET v = 'edited by hand' WHERE id = 5");
        checks::CheckContext c{f.dest(), "mimeo", {}};
        for (int attempt = 0; attempt < 2; ++attempt) {
            try {
                if (attempt == 0)
                    checks::checkAndRepair(c, f.context(), "rep.t", 100);
                else
                    replication::repairRows(f.dest(), {"rep.t", {"id", "k"}, {{"5"}, {kTricky}}}, f.context());
                QFAIL("a repair of a type without a key ran");
            } catch (const pg::Error &e) {
                QVERIFY2(e.message().find("needs a type that addresses rows by key") != std::string::npos, e.what());
                QVERIFY2(QString::fromStdString(e.hint()).endsWith(hint), e.what());
            }
        }
        QCOMPARE(text(f.dest(), "SELECT v FROM rep.t WHERE id = 5"), std::string("edited by hand"));
    }

    void tamperedConfigurationIsRefused()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "rep_tamper");
        prepare(f);
        MIMEO_NOTHROW(f.make(requestFor(f, "dml")));
        f.src().exec("INSERT INTO src.other SELECT * FROM src.t WHERE id = 5; UPDATE src.other SET v = 'from the other table'");
        f.dest().exec("UPDATE rep.t SET v = 'edited by hand' WHERE id = 5");
        f.dest().exec("UPDATE mimeo.refresh_config_dml SET source_table = 'src.other' WHERE dest_table = 'rep.t'");
        try {
            replication::repairRows(f.dest(), {"rep.t", {"id", "k"}, {{"5"}, {kTricky}}}, f.context());
            QFAIL("a repair ran on a configuration edited by hand");
        } catch (const pg::Error &e) {
            QVERIFY2(e.message().find("source_table is \"src.other\", was \"src.t\"") != std::string::npos, e.what());
        }
        QCOMPARE(text(f.dest(), "SELECT v FROM rep.t WHERE id = 5"), std::string("edited by hand"));
        QCOMPARE(f.lastJob("rep.t").value(0), QStringLiteral("failed"));
    }

    void malformedRequestsAreRefused()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "rep_bad");
        prepare(f);
        MIMEO_NOTHROW(f.make(requestFor(f, "dml")));
        auto refused = [&](const replication::RepairRequest &req, const std::string &what) {
            try {
                replication::repairRows(f.dest(), req, f.context());
            } catch (const pg::Error &e) {
                return std::string(e.what()).find(what) != std::string::npos;
            }
            return false;
        };
        QVERIFY(refused({"rep.t", {"id"}, {{"5"}}}, "not given for the key of rep.t (id, k)"));
        QVERIFY(refused({"rep.t", {}, {{"5"}}}, "needs values for 2 key columns, got 1"));
        QVERIFY(refused({"rep.t", {}, {{"5", "6"}, {"k1"}}}, "one value per key"));
        QVERIFY(refused({"rep.t", {}, {{"five"}, {"k1"}}}, "invalid input syntax for type integer"));
        QVERIFY(refused({"rep.nothing", {}, {{"5"}, {"k1"}}}, "rep.nothing"));
    }

    void cancelLeavesEverythingAsItWas()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "rep_cancel");
        prepare(f);
        // Reading a key listed in src.slow takes 5 s on the source.
        auto req = requestFor(f, "dml");
        req.condition = "WHERE src.t.id NOT IN (SELECT id FROM src.slow) OR pg_sleep(5) IS NOT NULL";
        MIMEO_NOTHROW(f.make(req));
        f.src().exec("INSERT INTO src.slow VALUES (5)");
        damage(f.dest(), false);
        const std::string before = text(f.dest(), "SELECT string_agg(id || '@' || xmin, ',' ORDER BY id, k) FROM rep.t");

        pg::CancelToken token;
        f.context().cancel = &token;
        std::thread canceller([&] {
            auto watcher = f.srcDb().connect();
            for (int i = 0; i < 100; ++i) {
                if (watcher.exec("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'").toInt(0, 0) > 0)
                    break;
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            token.request("cancelled by the test");
        });
        QElapsedTimer elapsed;
        elapsed.start();
        std::string error;
        try {
            replication::repairRows(f.dest(), {"rep.t", {}, {{"-1", "5", "6"}, {"extra", kTricky, "k0"}}}, f.context());
        } catch (const pg::Error &e) {
            error = e.what();
        }
        canceller.join();
        f.context().cancel = nullptr;
        QVERIFY2(!error.empty(), "the repair was not cancelled");
        QVERIFY2(elapsed.elapsed() < 4500, qPrintable(QString::number(elapsed.elapsed())));
        QCOMPARE(f.lastJob("rep.t").value(0), QStringLiteral("cancelled"));
        QCOMPARE(text(f.dest(), "SELECT string_agg(id || '@' || xmin, ',' ORDER BY id, k) FROM rep.t"), before);
        QCOMPARE(text(f.dest(), "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"), std::string("0"));
    }

    void cliRepairsAndChecksAgain()
    {
        MIMEO_REQUIRE_ENV(env);
        test::CliFixture f(env, "rep_cli",
                           "CREATE SCHEMA mimeo; CREATE SCHEMA src; CREATE TABLE src.t (id int PRIMARY KEY, v text);"
                           "INSERT INTO src.t SELECT g, 'v' || g FROM generate_series(1, 500) g;"
                           "CREATE TABLE src.s (id int PRIMARY KEY, v text); INSERT INTO src.s VALUES (1, 'a');");
        auto d = f.dest.connect();
        QCOMPARE(f.run({"make", "dml", "src.t", "--source", "1", "--dest-table", "rep.t"}).exitCode, 0);
        QCOMPARE(f.run({"make", "snap", "src.s", "--source", "1", "--dest-table", "rep.s"}).exitCode, 0);
        d.exec("UPDATE rep.t SET v = 'x' WHERE id IN (10, 20); DELETE FROM rep.t WHERE id = 30; INSERT INTO rep.t VALUES (-1, 'e')");

        auto usage = f.run({"check", "data", "rep.t", "--max-repair", "5"});
        QCOMPARE(usage.exitCode, 2);
        QVERIFY2(usage.err.contains(QStringLiteral("--max-repair needs --repair")), qPrintable(usage.all()));

        auto tooMany = f.run({"check", "data", "rep.t", "--repair", "--max-repair", "3"});
        QCOMPARE(tooMany.exitCode, 1);
        QVERIFY2(tooMany.err.contains(QStringLiteral("more than 3 rows of rep.t differ")) && tooMany.err.contains(QStringLiteral("--repull")),
                 qPrintable(tooMany.all()));
        QCOMPARE(f.run({"check", "data", "rep.t"}).exitCode, 1); // nothing was changed

        auto json = f.run({"check", "data", "rep.t", "--repair", "--max-repair", "4", "--json"});
        QVERIFY2(json.exitCode == 0, qPrintable(json.all()));
        QVERIFY2(!json.err.contains(QStringLiteral("job log")), qPrintable(json.err));
        const auto o = QJsonDocument::fromJson(json.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(o.value(QStringLiteral("equal")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("differences")).toArray().size(), 4);
        QCOMPARE(o.value(QStringLiteral("repaired")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("repair")).toObject().value(QStringLiteral("rows_changed")).toInt(), 4);
        QCOMPARE(o.value(QStringLiteral("after")).toObject().value(QStringLiteral("equal")).toBool(), true);
        QCOMPARE(d.exec("SELECT string_agg(id || ':' || v, ',' ORDER BY id) FROM rep.t WHERE id IN (-1, 10, 20, 30)").text(0, 0),
                 std::string("10:v10,20:v20,30:v30"));
        QCOMPARE(f.run({"check", "data", "rep.t"}).exitCode, 0);

        // Text: before, the repair, after; nothing to do is success too.
        d.exec("UPDATE rep.t SET v = 'y' WHERE id = 40");
        auto textRun = f.run({"check", "data", "rep.t", "--repair"});
        QVERIFY2(textRun.exitCode == 0, qPrintable(textRun.all()));
        QVERIFY2(textRun.out.contains(QStringLiteral("rep.t: rows DIFFER")) && textRun.out.contains(QStringLiteral("(40)\tdifferent"))
                     && textRun.out.contains(QStringLiteral("repaired rep.t: 1 keys, 1 re-pulled"))
                     && textRun.out.contains(QStringLiteral("after the repair: rep.t: rows equal")),
                 qPrintable(textRun.all()));
        auto nothing = f.run({"check", "data", "rep.t", "--repair"});
        QCOMPARE(nothing.exitCode, 0);
        QVERIFY2(!nothing.out.contains(QStringLiteral("repaired")), qPrintable(nothing.out));
        QCOMPARE(d.exec("SELECT count(*) FROM mimeo.studio_job_log WHERE action = 'repair' AND status = 'ok'").toInt(0, 0), int64_t(2));

        // A snapshot: its refresh is the answer.
        d.exec("UPDATE rep.s SET v = 'b'");
        auto snap = f.run({"check", "data", "rep.s", "--repair"});
        QCOMPARE(snap.exitCode, 1);
        QVERIFY2(snap.err.contains(QStringLiteral("rep.s is snap")) && snap.err.contains(QStringLiteral("mimeo refresh rep.s")),
                 qPrintable(snap.all()));
    }
};

QTEST_GUILESS_MAIN(TestRepair)
#include "tst_repair.moc"
