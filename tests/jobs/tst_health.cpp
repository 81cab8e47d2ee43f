// SPDX-License-Identifier: PostgreSQL
// Issue 17: health grades shared by the CLI and the desktop. Every grade from
// a real catalog (a real failed refresh, a killed refresh, a running one, a
// refresh skipped behind a held lock, last_run moved), worst first, with the
// default and overridden thresholds; mimeo freshness; mimeo status --check
// in the Nagios plugin convention; the upgrade from catalog version 6.
#include "cli_fixture.h"
#include "jobs/freshness.h"
#include "jobs/health.h"
#include "catalog/catalog_ddl.h"
#include "pg/connection.h"
#include "pg/error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace mimeo;

namespace {

// src.slow streams 40 rows, one every half second: a refresh of it runs for
// about 20 s, long enough to watch it (and to kill it).
constexpr const char *kSource =
    "CREATE SCHEMA src; CREATE SCHEMA mimeo;"
    "CREATE TABLE src.t (id int PRIMARY KEY, v text); INSERT INTO src.t SELECT g, 'v' || g FROM generate_series(1, 20) g;"
    "CREATE TABLE src.gone (id int PRIMARY KEY, v text); INSERT INTO src.gone VALUES (1, 'a');"
    "CREATE VIEW src.slow AS SELECT g AS id, 'row ' || g AS v FROM generate_series(1, 40) g WHERE pg_sleep(0.5) IS NOT NULL;";

QString q(const std::string &s) { return QString::fromStdString(s); }

struct HealthFixture : test::CliFixture {
    pg::Connection d;
    HealthFixture(const test::TestEnv *env, const char *prefix)
        : test::CliFixture(env, prefix, kSource)
        , d(dest.connect())
    {
    }
    // A table refreshed lastRunAgo ago (NULL: never), with the period given (empty: none).
    void make(const QString &table, const QString &lastRunAgo, const QString &period = QStringLiteral("1 hour"),
              const QString &source = QStringLiteral("src.t"))
    {
        auto r = run({"make", "table", source, "--source", "1", "--dest-table", table, "--period", QStringLiteral("1 hour")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        d.exec("UPDATE mimeo.refresh_config_table SET last_run = now() - $2::interval, period = $3::interval WHERE dest_table = $1",
               {table.toStdString(), lastRunAgo.isEmpty() ? pg::Param() : pg::Param(lastRunAgo.toStdString()),
                period.isEmpty() ? pg::Param() : pg::Param(period.toStdString())});
    }
    QJsonArray status() const
    {
        auto r = run({"status", "--json"});
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }
    QJsonObject statusOf(const QString &table) const
    {
        for (const auto &v : status())
            if (v.toObject().value(QStringLiteral("dest_table")).toString() == table)
                return v.toObject();
        return {};
    }
    QString healthOf(const QString &table) const { return statusOf(table).value(QStringLiteral("health")).toString(); }
};

using test::Background;

QStringList healthColumn(const QJsonArray &rows)
{
    QStringList out;
    for (const auto &v : rows)
        out << v.toObject().value(QStringLiteral("dest_table")).toString() + QLatin1Char('=')
                + v.toObject().value(QStringLiteral("health")).toString();
    return out;
}

} // namespace

class TestHealth : public QObject {
    Q_OBJECT
private slots:
    void everyGradeWorstFirstWithReasons()
    {
        MIMEO_REQUIRE_ENV(env);
        HealthFixture f(env, "health");
        f.make(QStringLiteral("rep.ok"), QStringLiteral("10 minutes"));
        f.make(QStringLiteral("rep.late"), QStringLiteral("90 minutes"));
        f.make(QStringLiteral("rep.crit"), QStringLiteral("3 hours"));
        f.make(QStringLiteral("rep.never"), {});
        f.make(QStringLiteral("rep.noperiod"), QStringLiteral("3 days"), {});
        f.make(QStringLiteral("rep.busy"), QStringLiteral("10 minutes"));
        f.make(QStringLiteral("rep.fail"), QStringLiteral("10 minutes"), QStringLiteral("1 hour"), QStringLiteral("src.gone"));
        for (const char *t : {"rep.run", "rep.dead", "rep.runlate"}) {
            auto r = f.run({"make", "snap", "src.slow", "--source", "1", "--dest-table", t, "--period", "1 hour", "--no-pulldata"});
            QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        }
        f.d.exec("UPDATE mimeo.refresh_config_snap SET last_run = now() - interval '80 minutes' WHERE dest_table = 'rep.runlate'");

        // A real failure: the source table is gone.
        f.src.connect().exec("DROP TABLE src.gone");
        QCOMPARE(f.run({"refresh", "rep.fail"}).exitCode, 1);
        // A real skip: another session holds the table's lock.
        {
            auto holder = f.dest.connect();
            holder.exec("SELECT pg_advisory_lock(hashtext('mimeo advisory lock'), hashtext('rep.busy'))");
            auto skipped = f.run({"refresh", "rep.busy"});
            QCOMPARE(skipped.exitCode, 3);
        }
        // Two slow refreshes: one keeps running, one is killed.
        Background running(f, {"refresh", "rep.run"});
        Background killed(f, {"refresh", "rep.dead"});
        Background runningLate(f, {"refresh", "rep.runlate"});
        const auto runningRows = [&](const char *t) {
            return f.d.exec("SELECT count(*) FROM mimeo.studio_job_log WHERE dest_table = $1 AND action = 'refresh' AND status = 'running' "
                            "AND backend_pid IS NOT NULL",
                            {std::string(t)})
                .toInt(0, 0);
        };
        QTRY_COMPARE_WITH_TIMEOUT(runningRows("rep.run"), int64_t(1), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(runningRows("rep.dead"), int64_t(1), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(runningRows("rep.runlate"), int64_t(1), 20000);
        ::kill(static_cast<pid_t>(killed.p.processId()), SIGKILL);
        QVERIFY(killed.p.waitForFinished(5000));
        QTRY_COMPARE_WITH_TIMEOUT(f.healthOf(QStringLiteral("rep.dead")), QStringLiteral("abandoned"), 10000);

        // mimeo status: by name, as ever.
        QCOMPARE(healthColumn(f.status()), QStringList({"rep.busy=busy", "rep.crit=critical", "rep.dead=abandoned", "rep.fail=failed",
                                                         "rep.late=late", "rep.never=never run", "rep.noperiod=not scheduled",
                                                         "rep.ok=ok", "rep.run=running", "rep.runlate=late"}));
        auto reason = [&](const char *t) { return f.statusOf(QLatin1String(t)).value(QStringLiteral("health_reason")).toString(); };
        QVERIFY2(reason("rep.fail").startsWith(QStringLiteral("its last refresh failed: ")) && reason("rep.fail").contains(QStringLiteral("src.gone")),
                 qPrintable(reason("rep.fail")));
        QVERIFY2(reason("rep.dead").startsWith(QStringLiteral("its last refresh was abandoned")), qPrintable(reason("rep.dead")));
        QVERIFY2(reason("rep.crit").startsWith(QStringLiteral("no successful refresh for 03:00:0")) && reason("rep.crit").contains(QStringLiteral("critical after 02:00:00")),
                 qPrintable(reason("rep.crit")));
        QVERIFY2(reason("rep.late").startsWith(QStringLiteral("no successful refresh for 01:30:0")) && reason("rep.late").contains(QStringLiteral("late after 01:00:00")),
                 qPrintable(reason("rep.late")));
        QVERIFY2(reason("rep.run").startsWith(QStringLiteral("a refresh is running since ")), qPrintable(reason("rep.run")));
        QVERIFY2(reason("rep.busy").startsWith(QStringLiteral("its last refresh was skipped: another process holds the table's lock")),
                 qPrintable(reason("rep.busy")));
        QVERIFY2(reason("rep.ok").startsWith(QStringLiteral("last successful refresh 00:10:0")), qPrintable(reason("rep.ok")));
        QVERIFY2(reason("rep.never").contains(QStringLiteral("never run")), qPrintable(reason("rep.never")));
        QVERIFY2(reason("rep.noperiod").contains(QStringLiteral("no period")), qPrintable(reason("rep.noperiod")));
        const auto late = f.statusOf(QStringLiteral("rep.late"));
        QCOMPARE(late.value(QStringLiteral("late_after")).toString(), QStringLiteral("01:00:00"));
        QCOMPARE(late.value(QStringLiteral("critical_after")).toString(), QStringLiteral("02:00:00"));
        QVERIFY(late.value(QStringLiteral("late")).toBool());
        QVERIFY(!f.statusOf(QStringLiteral("rep.ok")).value(QStringLiteral("late")).toBool());
        QVERIFY(f.statusOf(QStringLiteral("rep.noperiod")).value(QStringLiteral("late_after")).isNull());

        // The core ranks worst first: failed, abandoned, critical, late,
        // running, busy, ok, never run, not scheduled; by name within a grade.
        auto health = jobs::readHealth(f.d, "mimeo");
        QStringList ranked;
        for (const auto &t : health)
            ranked << q(t.destTable + "=" + jobs::healthName(t.health));
        QCOMPARE(ranked, QStringList({"rep.fail=failed", "rep.dead=abandoned", "rep.crit=critical", "rep.late=late", "rep.runlate=late",
                                      "rep.run=running", "rep.busy=busy", "rep.ok=ok", "rep.never=never run", "rep.noperiod=not scheduled"}));
        QCOMPARE(jobs::worstOf(health), jobs::Health::Failed);
        QCOMPARE(health.at(2).destTable, std::string("rep.crit"));
        QVERIFY(health.at(2).pastLate && health.at(2).pastCritical);

        // --check: critical wins, one line, exit 2.
        auto check = f.run({"status", "--check"});
        QCOMPARE(check.exitCode, 2);
        QCOMPARE(check.out, QStringLiteral("MIMEO CRITICAL - 1 failed, 1 abandoned, 1 critical: rep.fail, rep.dead, rep.crit\n"));

        // The text view shows grade and reason too.
        auto text = f.run({"status"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("not scheduled")) && text.out.contains(QStringLiteral("HEALTH")), qPrintable(text.out));

        // A late table whose refresh runs stays late, and says it runs.
        QVERIFY2(reason("rep.runlate").contains(QStringLiteral("late after 01:00:00; a refresh is running since")), qPrintable(reason("rep.runlate")));
        QVERIFY(running.p.waitForFinished(60000));
        QCOMPARE(running.p.exitCode(), 0);
        QVERIFY(runningLate.p.waitForFinished(60000));
        QCOMPARE(runningLate.p.exitCode(), 0);
        // Their successes moved last_run: ok.
        QCOMPARE(f.healthOf(QStringLiteral("rep.run")), QStringLiteral("ok"));
        QCOMPARE(f.healthOf(QStringLiteral("rep.runlate")), QStringLiteral("ok"));
        // And a later success clears a failure.
        f.src.connect().exec("CREATE TABLE src.gone (id int PRIMARY KEY, v text)");
        QCOMPARE(f.run({"refresh", "rep.fail"}).exitCode, 0);
        QCOMPARE(f.healthOf(QStringLiteral("rep.fail")), QStringLiteral("ok"));
    }

    void thresholdsDefaultAndOverridden()
    {
        MIMEO_REQUIRE_ENV(env);
        HealthFixture f(env, "healthfresh");
        f.make(QStringLiteral("rep.a"), QStringLiteral("90 minutes"));
        f.make(QStringLiteral("rep.b"), QStringLiteral("3 hours"));
        f.make(QStringLiteral("rep.c"), QStringLiteral("3 days"), {});
        QCOMPARE(f.healthOf(QStringLiteral("rep.a")), QStringLiteral("late"));
        QCOMPARE(f.healthOf(QStringLiteral("rep.b")), QStringLiteral("critical"));

        auto shown = f.run({"freshness", "rep.a"});
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(shown.out, QStringLiteral("rep.a: late after 01:00:00 (default: 1x period), critical after 02:00:00 (default: 2x period)\n"));

        // Late after 2 hours: rep.a is ok.
        auto set = f.run({"freshness", "rep.a", "--late", "2 hours", "--critical", "1 day"});
        QVERIFY2(set.exitCode == 0, qPrintable(set.all()));
        QCOMPARE(set.out, QStringLiteral("rep.a: late after 02:00:00 (set), critical after 1 day (set)\n"));
        QCOMPARE(f.healthOf(QStringLiteral("rep.a")), QStringLiteral("ok"));
        QCOMPARE(f.statusOf(QStringLiteral("rep.a")).value(QStringLiteral("late_after")).toString(), QStringLiteral("02:00:00"));
        // Only --critical: the set late stays.
        QCOMPARE(f.run({"freshness", "rep.a", "--critical", "80 minutes"}).exitCode, 1); // before late (2 hours): refused
        QCOMPARE(f.run({"freshness", "rep.a", "--late", "1 hour", "--critical", "80 minutes"}).exitCode, 0);
        QCOMPARE(f.healthOf(QStringLiteral("rep.a")), QStringLiteral("critical"));
        // Critical after 4 hours: rep.b, 3 hours without a success, is only late.
        QCOMPARE(f.run({"freshness", "rep.b", "--critical", "4 hours"}).exitCode, 0);
        QCOMPARE(f.healthOf(QStringLiteral("rep.b")), QStringLiteral("late"));
        // A threshold on a table without a period applies too.
        QCOMPARE(f.run({"freshness", "rep.c", "--late", "1 day", "--critical", "2 days"}).exitCode, 0);
        QCOMPARE(f.healthOf(QStringLiteral("rep.c")), QStringLiteral("critical"));
        // --default: back to 1x/2x.
        QCOMPARE(f.run({"freshness", "rep.b", "--default"}).exitCode, 0);
        QCOMPARE(f.healthOf(QStringLiteral("rep.b")), QStringLiteral("critical"));
        QCOMPARE(f.d.exec("SELECT count(*) FROM mimeo.studio_freshness WHERE dest_table = 'rep.b'").toInt(0, 0), int64_t(0));

        // Refusals name the problem and change nothing.
        const auto before = f.d.exec("SELECT string_agg(dest_table || late_after || critical_after, ',' ORDER BY dest_table) FROM mimeo.studio_freshness").text(0, 0);
        auto bad = f.run({"freshness", "rep.a", "--late", "soon"});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("--late: not an interval: soon")), qPrintable(bad.err));
        auto negative = f.run({"freshness", "rep.a", "--late", "-5 minutes"});
        QCOMPARE(negative.exitCode, 1);
        QVERIFY2(negative.err.contains(QStringLiteral("must be a positive interval")), qPrintable(negative.err));
        auto order = f.run({"freshness", "rep.b", "--late", "3 hours"});
        QCOMPARE(order.exitCode, 1);
        QVERIFY2(order.err.contains(QStringLiteral("critical after 02:00:00 would come before late after 03:00:00")), qPrintable(order.err));
        auto unknown = f.run({"freshness", "rep.nothere", "--late", "1 hour"});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("rep.nothere")), qPrintable(unknown.err));
        auto both = f.run({"freshness", "rep.a", "--default", "--late", "1 hour"});
        QCOMPARE(both.exitCode, 2);
        QCOMPARE(f.d.exec("SELECT string_agg(dest_table || late_after || critical_after, ',' ORDER BY dest_table) FROM mimeo.studio_freshness").text(0, 0),
                 before);

        // Destroying a table forgets its thresholds.
        QCOMPARE(f.run({"destroy", "rep.a"}).exitCode, 0);
        QCOMPARE(f.d.exec("SELECT count(*) FROM mimeo.studio_freshness WHERE dest_table = 'rep.a'").toInt(0, 0), int64_t(0));
        QCOMPARE(f.d.exec("SELECT count(*) FROM mimeo.studio_freshness WHERE dest_table = 'rep.c'").toInt(0, 0), int64_t(1));

        // The core refuses the same way.
        try {
            jobs::setFreshness(f.d, "mimeo", "rep.b", std::string("2 hours"), std::string("1 hour"));
            QFAIL("critical before late was accepted");
        } catch (const pg::Error &e) {
            QVERIFY2(std::string(e.what()).find("would come before") != std::string::npos, e.what());
        }
    }

    void checkExitCodes()
    {
        MIMEO_REQUIRE_ENV(env);
        HealthFixture f(env, "healthcheck");
        auto empty = f.run({"status", "--check"});
        QCOMPARE(empty.exitCode, 0);
        QCOMPARE(empty.out, QStringLiteral("MIMEO OK - no tables configured\n"));

        f.make(QStringLiteral("rep.a"), QStringLiteral("5 minutes"));
        f.make(QStringLiteral("rep.b"), QStringLiteral("90 minutes"));
        f.make(QStringLiteral("rep.c"), QStringLiteral("1 day"), {});
        auto warning = f.run({"status", "--check"});
        QCOMPARE(warning.exitCode, 1);
        QCOMPARE(warning.out, QStringLiteral("MIMEO WARNING - 1 late: rep.b\n"));
        QCOMPARE(warning.err, QString());

        f.d.exec("UPDATE mimeo.refresh_config SET last_run = now() WHERE dest_table = 'rep.b'");
        auto ok = f.run({"status", "--check"});
        QCOMPARE(ok.exitCode, 0);
        QCOMPARE(ok.out, QStringLiteral("MIMEO OK - 2 ok, 1 not scheduled\n"));

        f.d.exec("UPDATE mimeo.refresh_config SET last_run = now() - interval '5 hours' WHERE dest_table = 'rep.a'");
        auto critical = f.run({"status", "--check"});
        QCOMPARE(critical.exitCode, 2);
        QCOMPARE(critical.out, QStringLiteral("MIMEO CRITICAL - 1 critical: rep.a\n"));

        // Unknown: no server, no catalog, an older catalog.
        auto noServer = test::runMimeo({"--dest", "host=127.0.0.1 port=1 dbname=x connect_timeout=5", "status", "--check"});
        QCOMPARE(noServer.exitCode, 3);
        QVERIFY2(noServer.out.startsWith(QStringLiteral("MIMEO UNKNOWN - ")) && noServer.out.count(QLatin1Char('\n')) == 1,
                 qPrintable(noServer.all()));
        test::ScratchDb bare(env->dest, "healthbare");
        auto noCatalog = test::runMimeo({"--dest", q(bare.conninfo()), "status", "--check"});
        QCOMPARE(noCatalog.exitCode, 3);
        QVERIFY2(noCatalog.out.startsWith(QStringLiteral("MIMEO UNKNOWN - ")) && noCatalog.out.contains(QStringLiteral("no mimeo catalog in schema mimeo")),
                 qPrintable(noCatalog.all()));
        test::downgradeCatalogToVersion6(f.d, "mimeo");
        auto old = f.run({"status", "--check"});
        QCOMPARE(old.exitCode, 3);
        QVERIFY2(old.out.contains(QStringLiteral("is version 6; this mimeo needs version %1").arg(mimeo::catalog::kCatalogVersion)), qPrintable(old.all()));

        auto misuse = f.run({"status", "--check", "--json"});
        QCOMPARE(misuse.exitCode, 2);
    }

    void upgradeFromVersion6KeepsData()
    {
        MIMEO_REQUIRE_ENV(env);
        HealthFixture f(env, "health6");
        f.make(QStringLiteral("rep.a"), QStringLiteral("90 minutes"));
        QCOMPARE(f.run({"refresh", "rep.a"}).exitCode, 0);
        f.d.exec("UPDATE mimeo.refresh_config SET last_run = now() - interval '90 minutes'");
        auto snapshot = [&] {
            return f.d.exec("SELECT (SELECT string_agg(dest_table || coalesce(last_run::text, '-') || coalesce(period::text, '-'), ',' ORDER BY dest_table) "
                            "FROM mimeo.refresh_config) || '|' || (SELECT string_agg(job_id || status, ',' ORDER BY job_id) FROM mimeo.studio_job_log) "
                            "|| '|' || (SELECT count(*) FROM rep.a)")
                .text(0, 0);
        };
        const auto before = snapshot();
        test::downgradeCatalogToVersion6(f.d, "mimeo");
        auto refused = f.run({"status"});
        QCOMPARE(refused.exitCode, 1);
        auto init = f.run({"init"});
        QVERIFY2(init.exitCode == 0, qPrintable(init.all()));
        QVERIFY2(init.all().contains(QStringLiteral("migration 7")), qPrintable(init.all()));
        QCOMPARE(f.d.exec("SELECT max(version) FROM mimeo.studio_catalog_version").toInt(0, 0), int64_t(mimeo::catalog::kCatalogVersion));
        QCOMPARE(snapshot(), before);
        QCOMPARE(f.healthOf(QStringLiteral("rep.a")), QStringLiteral("late"));
        QCOMPARE(f.run({"freshness", "rep.a", "--late", "2 hours"}).exitCode, 0);
        QCOMPARE(f.healthOf(QStringLiteral("rep.a")), QStringLiteral("ok"));
        // A second init changes nothing.
        QCOMPARE(f.run({"init"}).exitCode, 0);
        QCOMPARE(f.d.exec("SELECT late_after::text FROM mimeo.studio_freshness").text(0, 0), std::string("02:00:00"));
    }

    void gradeNamesRanksAndSeverities()
    {
        using jobs::Health;
        const std::vector<Health> all = {Health::Failed, Health::Abandoned, Health::Critical, Health::Late, Health::Running,
                                         Health::Busy, Health::Ok, Health::NeverRun, Health::NotScheduled};
        QStringList names;
        for (auto h : all)
            names << q(jobs::healthName(h));
        QCOMPARE(names, QStringList({"failed", "abandoned", "critical", "late", "running", "busy", "ok", "never run", "not scheduled"}));
        for (size_t i = 0; i + 1 < all.size(); ++i) {
            QCOMPARE(jobs::worstOf(all[i], all[i + 1]), all[i]);
            QCOMPARE(jobs::worstOf(all[i + 1], all[i]), all[i]);
        }
        QCOMPARE(jobs::worstOf(std::vector<jobs::TableHealth>{}), Health::NotScheduled);
        QCOMPARE(jobs::severityOf(Health::Failed), jobs::Severity::Critical);
        QCOMPARE(jobs::severityOf(Health::Abandoned), jobs::Severity::Critical);
        QCOMPARE(jobs::severityOf(Health::Critical), jobs::Severity::Critical);
        QCOMPARE(jobs::severityOf(Health::Late), jobs::Severity::Warning);
        QCOMPARE(jobs::severityOf(Health::Busy), jobs::Severity::Warning);
        for (auto h : {Health::Running, Health::Ok, Health::NeverRun, Health::NotScheduled})
            QCOMPARE(jobs::severityOf(h), jobs::Severity::Ok);
    }
};

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"
