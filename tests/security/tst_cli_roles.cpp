// SPDX-License-Identifier: PostgreSQL
// mimeo grant/revoke: a monitor reads status, the job log and the source
// list (masked) but neither the stored passwords (pwd, or inside
// data_source) nor anything it could change; an operator refreshes,
// makes, runs and destroys without being a superuser; revoke takes it back.
#include "pg/connection.h"
#include "pg/conninfo.h"
#include "pg/error.h"
#include "pg/quote.h"
#include "testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <unistd.h>

using namespace mimeo;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

// Roles are shared by the whole cluster: names unique per fixture.
std::string uniqueSuffix()
{
    static int n = 0;
    return std::to_string(getpid()) + "_" + std::to_string(++n);
}

struct RolesFixture {
    test::ScratchDb src;
    test::ScratchDb dest;
    std::string suffix = uniqueSuffix();
    std::string schema = "roles_" + suffix;
    std::string monitor = "mon_" + suffix;
    std::string op = "op_" + suffix;

    explicit RolesFixture(const test::TestEnv *env)
        : src(env->source, "roles_s")
        , dest(env->dest, "roles_d")
    {
        src.connect().exec("CREATE SCHEMA src; CREATE TABLE src.t (id int PRIMARY KEY, v text);"
                           "INSERT INTO src.t SELECT g, 'v' FROM generate_series(1, 100) g;");
        auto d = dest.connect();
        d.exec("CREATE SCHEMA rep; CREATE ROLE " + monitor + " LOGIN; CREATE ROLE " + op + " LOGIN;");
        as("postgres", {"init"});
        as("postgres", {"source", "add", "--conninfo", q(src.conninfoWithoutUser()), "--user", "postgres", "--password-stdin"},
           "stored-secret\n");
        as("postgres", {"make", "snap", "src.t", "--source", "1", "--dest-table", "rep.s", "--period", "1 minute"});
        as("postgres", {"make", "table", "src.t", "--source", "1", "--dest-table", "rep.t"});
    }
    test::CliResult as(const std::string &user, QStringList args, const QByteArray &in = {})
    {
        auto opts = pg::parseConninfo(dest.conninfo());
        pg::setOption(opts, "user", user);
        args.prepend(q(schema));
        args.prepend(QStringLiteral("--schema"));
        args.prepend(q(pg::toKeywordValueString(opts)));
        args.prepend(QStringLiteral("--dest"));
        return test::runMimeo(args, in);
    }
    pg::Connection connectAs(const std::string &user) const
    {
        auto opts = pg::parseConninfo(dest.conninfo());
        pg::setOption(opts, "user", user);
        pg::ConnectSpec spec;
        spec.conninfo = pg::toKeywordValueString(opts);
        return pg::Connection::open(spec);
    }
    void dropRoles()
    {
        auto d = dest.connect();
        d.exec("REASSIGN OWNED BY " + schema + "_operator TO postgres; DROP OWNED BY " + schema + "_operator, " + schema
               + "_monitor, " + monitor + ", " + op);
        d.exec("DROP ROLE " + monitor + "; DROP ROLE " + op + "; DROP ROLE " + schema + "_operator; DROP ROLE " + schema + "_monitor");
    }
    bool memberOf(const std::string &role, const std::string &group)
    {
        return dest.connect()
            .exec("SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                  "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = $1 AND g.rolname = $2)",
                  {role, group})
            .toBool(0, 0);
    }
};

} // namespace

class TestCliRoles : public QObject {
    Q_OBJECT
private slots:
    void monitorOperatorRevoke()
    {
        MIMEO_REQUIRE_ENV(env);
        RolesFixture f(env);
        const QString mon = q(f.monitor), op = q(f.op);

        // Before any grant: nothing.
        QCOMPARE(f.as(f.monitor, {"status"}).exitCode, 1);

        auto dry = f.as("postgres", {"grant", mon, "--monitor", "--dry-run"});
        QCOMPARE(dry.exitCode, 0);
        // Not data_source: a catalog adopted from the extension may keep password=... in it.
        QVERIFY2(dry.out.contains(QStringLiteral("GRANT SELECT (data_source_id, username) ON")), qPrintable(dry.out));
        QVERIFY2(dry.out.contains(QStringLiteral(".studio_source_list TO")), qPrintable(dry.out));
        QVERIFY(!f.memberOf(f.monitor, f.schema + "_monitor"));

        QCOMPARE(f.as("postgres", {"grant", mon, "--monitor"}).exitCode, 0);
        QVERIFY(f.memberOf(f.monitor, f.schema + "_monitor"));
        auto status = f.as(f.monitor, {"status", "--json"});
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(status.out.toUtf8()).array().size(), 2);
        QCOMPARE(f.as(f.monitor, {"log", "--json"}).exitCode, 0);
        auto denied = f.as(f.monitor, {"refresh", "rep.t"});
        QCOMPARE(denied.exitCode, 1);
        QVERIFY2(denied.err.contains(QStringLiteral("permission denied")), qPrintable(denied.err));
        {
            auto asMonitor = pg::Connection::open({f.dest.conninfo() + " user=" + f.monitor, {}, "t", pg::Side::Destination});
            try {
                asMonitor.exec("SELECT pwd FROM " + f.schema + ".dblink_mapping_mimeo");
                QFAIL("a monitor must not read stored passwords");
            } catch (const pg::Error &e) {
                QCOMPARE(e.sqlstate(), std::string("42501"));
            }
            try {
                asMonitor.exec("SELECT data_source FROM " + f.schema + ".dblink_mapping_mimeo");
                QFAIL("a monitor must not read data_source, which may hold a password");
            } catch (const pg::Error &e) {
                QCOMPARE(e.sqlstate(), std::string("42501"));
            }
        }
        // ...yet lists the sources, masked (a password inside data_source, as mimeo allows).
        {
            auto d = f.dest.connect();
            const std::string sources = f.schema + ".dblink_mapping_mimeo";
            const std::string original = d.exec("SELECT data_source FROM " + sources + " WHERE data_source_id = 1").text(0, 0);
            d.exec("UPDATE " + sources + " SET data_source = data_source || ' password=Monitor-Never-Sees' WHERE data_source_id = 1");
            auto list = f.as(f.monitor, {"source", "list"});
            QVERIFY2(list.exitCode == 0, qPrintable(list.all()));
            QVERIFY2(list.out.contains(QStringLiteral("password=********")), qPrintable(list.out));
            QVERIFY2(list.out.contains(QStringLiteral("(password inside data_source)")), qPrintable(list.out));
            auto json = f.as(f.monitor, {"source", "list", "--json"});
            QCOMPARE(json.exitCode, 0);
            const auto o = QJsonDocument::fromJson(json.out.toUtf8()).array().at(0).toObject();
            QCOMPARE(o.value(QStringLiteral("stored_password")).toBool(), true);
            QCOMPARE(o.value(QStringLiteral("password_in_data_source")).toBool(), true);
            for (const auto &out : {list.all(), json.all()})
                QVERIFY2(!out.contains(QStringLiteral("Monitor-Never-Sees")) && !out.contains(QStringLiteral("stored-secret")),
                         qPrintable(out));
            d.exec("UPDATE " + sources + " SET data_source = $1 WHERE data_source_id = 1", {original});
        }

        // An operator: no superuser, yet refreshes, makes, runs and destroys.
        auto granted = f.as("postgres", {"grant", op, "--operator"});
        QCOMPARE(granted.exitCode, 0);
        QVERIFY2(granted.out.contains(QStringLiteral("OWNER TO")), qPrintable(granted.out));
        auto r1 = f.as(f.op, {"refresh", "rep.s", "--repull"});
        QVERIFY2(r1.exitCode == 0, qPrintable(r1.all()));
        auto r2 = f.as(f.op, {"refresh", "rep.t"});
        QVERIFY2(r2.exitCode == 0, qPrintable(r2.all()));
        auto made = f.as(f.op, {"make", "table", "src.t", "--source", "1", "--dest-table", "rep.t2", "--period", "1 minute"});
        QVERIFY2(made.exitCode == 0, qPrintable(made.all()));
        auto d = f.dest.connect();
        QCOMPARE(d.exec("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'rep.t2'::regclass").text(0, 0), f.schema + "_operator");
        d.exec("UPDATE " + f.schema + ".refresh_config SET last_run = now() - interval '1 hour'");
        auto run = f.as(f.op, {"run"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        // rep.s and rep.t by hand, then run: rep.s (a snapshot may skip) and rep.t2 (rep.t has no period).
        QCOMPARE(d.exec("SELECT count(*) FROM " + f.schema + ".studio_job_log WHERE role = $1 AND action = 'refresh' "
                        "AND status IN ('ok', 'skipped')",
                        {f.op}).toInt(0, 0),
                 int64_t(4));
        QCOMPARE(f.as(f.op, {"destroy", "rep.t2", "--drop-table"}).exitCode, 0);

        // Revoked: refreshing is refused again.
        QCOMPARE(f.as("postgres", {"revoke", op}).exitCode, 0);
        QVERIFY(!f.memberOf(f.op, f.schema + "_operator"));
        QCOMPARE(f.as(f.op, {"refresh", "rep.t"}).exitCode, 1);
        QCOMPARE(f.as("postgres", {"grant", "no_such_role_anywhere", "--monitor"}).exitCode, 1);
        QCOMPARE(f.as("postgres", {"grant", op}).exitCode, 2);

        f.dropRoles();
    }

    // Issue 13.2: an operator edits the catalog, a more powerful role runs
    // the refreshes. No edit may make that run touch what the operator
    // could not change itself.
    void operatorCannotSteerTheRunnerOntoAnotherTable()
    {
        MIMEO_REQUIRE_ENV(env);
        RolesFixture f(env);
        QCOMPARE(f.as("postgres", {"grant", q(f.op), "--operator"}).exitCode, 0);
        auto d = f.dest.connect();
        d.exec("CREATE TABLE public.victim_" + f.suffix + " (id int PRIMARY KEY, v text); INSERT INTO public.victim_" + f.suffix
               + " VALUES (-1, 'precious')");
        const std::string victim = "public.victim_" + f.suffix;
        const std::string cfg = f.schema + ".refresh_config_table";
        auto asOp = [&](const std::string &sql) { f.connectAs(f.op).exec(sql); };
        auto refused = [&](const std::string &sql) {
            try {
                asOp(sql);
            } catch (const pg::Error &e) {
                return e.sqlstate() == "42501";
            }
            return false;
        };
        // Operators change schedule and limits, not what a refresh touches,
        // neither in the child table nor through the inheritance parent.
        asOp("UPDATE " + cfg + " SET period = '5 minutes', batch_limit = 10 WHERE dest_table = 'rep.t'");
        QVERIFY(refused("UPDATE " + cfg + " SET dest_table = '" + victim + "' WHERE dest_table = 'rep.t'"));
        QVERIFY(refused("UPDATE " + cfg + " SET source_table = 'src.other' WHERE dest_table = 'rep.t'"));
        QVERIFY(refused("UPDATE " + cfg + " SET sequences = '{public.some_seq}' WHERE dest_table = 'rep.t'"));
        QVERIFY(refused("UPDATE " + f.schema + ".refresh_config SET dest_table = '" + victim + "' WHERE dest_table = 'rep.t'"));
        QVERIFY(refused("UPDATE " + f.schema + ".refresh_config_snap SET post_script = '{select 1}'"));

        // A new row for the victim, with a forged record claiming the
        // superuser made it: the server stamps the operator instead.
        asOp("INSERT INTO " + cfg + " (source_table, dest_table, dblink) VALUES ('src.t', '" + victim + "', 1)");
        asOp("INSERT INTO " + f.schema + ".studio_replication_identity (dest_table, dest_oid, settings, recorded_by) "
             "SELECT '" + victim + "', '" + victim + "'::regclass, "
             "jsonb_build_object('type', 'table', 'dblink', 1, 'source_table', 'src.t', 'sequences', NULL, 'truncate_cascade', false), "
             "'postgres'");
        QCOMPARE(d.exec("SELECT recorded_by::text FROM " + f.schema + ".studio_replication_identity WHERE dest_table = $1",
                        {victim}).text(0, 0),
                 f.op);
        d.exec("UPDATE " + f.schema + ".refresh_config SET last_run = now() - interval '1 hour', period = '1 minute'");
        auto run = f.as("postgres", {"run"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(q("recorded by " + f.op)) && run.err.contains(q("may not change " + victim)), qPrintable(run.all()));
        auto refresh = f.as("postgres", {"refresh", q(victim)});
        QCOMPARE(refresh.exitCode, 1);
        QCOMPARE(d.exec("SELECT string_agg(id || ':' || v, ',') FROM " + victim).text(0, 0), std::string("-1:precious"));
        // The operator's own tables are refreshed as before.
        QVERIFY(!run.err.contains(QStringLiteral("rep.t:")));
        f.dropRoles();
    }

    // A superuser's hand edit of what decides a refresh's objects is refused
    // by name until someone records it on purpose.
    void editedSettingsWaitForAdopt()
    {
        MIMEO_REQUIRE_ENV(env);
        RolesFixture f(env);
        f.src.connect().exec("CREATE TABLE src.other (id int PRIMARY KEY, v text); INSERT INTO src.other VALUES (7, 'other')");
        auto d = f.dest.connect();
        const std::string before = d.exec("SELECT count(*)::text FROM rep.t").text(0, 0);
        d.exec("UPDATE " + f.schema + ".refresh_config_table SET source_table = 'src.other' WHERE dest_table = 'rep.t'");
        auto r = f.as("postgres", {"refresh", "rep.t"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("source_table is \"src.other\", was \"src.t\"")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("mimeo adopt rep.t")), qPrintable(r.err));
        QCOMPARE(d.exec("SELECT count(*)::text FROM rep.t").text(0, 0), before);

        auto adopted = f.as("postgres", {"adopt", "rep.t"});
        QVERIFY2(adopted.exitCode == 0, qPrintable(adopted.all()));
        auto again = f.as("postgres", {"refresh", "rep.t"});
        QVERIFY2(again.exitCode == 0, qPrintable(again.all()));
        QCOMPARE(d.exec("SELECT string_agg(id || ':' || v, ',') FROM rep.t").text(0, 0), std::string("7:other"));

        // A destination dropped and made again by hand is not what was made.
        d.exec("DROP TABLE rep.t; CREATE TABLE rep.t (id int PRIMARY KEY, v text); INSERT INTO rep.t VALUES (1, 'mine')");
        auto recreated = f.as("postgres", {"refresh", "rep.t"});
        QCOMPARE(recreated.exitCode, 1);
        QVERIFY2(recreated.err.contains(QStringLiteral("not the relation it was made as")), qPrintable(recreated.err));
        QCOMPARE(d.exec("SELECT string_agg(id || ':' || v, ',') FROM rep.t").text(0, 0), std::string("1:mine"));
    }

    // post_script is SQL: it runs only for a role with every right of the
    // refreshing one, whatever grants an older catalog left.
    void postScriptOfAnOperatorNeverRunsAsTheRunner()
    {
        MIMEO_REQUIRE_ENV(env);
        RolesFixture f(env);
        QCOMPARE(f.as("postgres", {"grant", q(f.op), "--operator"}).exitCode, 0);
        auto d = f.dest.connect();
        const std::string victim = "public.victim_" + f.suffix;
        d.exec("CREATE TABLE " + victim + " (id int)");
        // As an older catalog allowed: the operator may write post_script.
        d.exec("GRANT UPDATE (post_script) ON " + f.schema + ".refresh_config_snap TO " + f.op);
        f.connectAs(f.op).exec("UPDATE " + f.schema + ".refresh_config_snap SET post_script = ARRAY['DROP TABLE " + victim + "']");
        QCOMPARE(f.as("postgres", {"refresh", "rep.s"}).exitCode, 1); // changed since the make
        QCOMPARE(f.as(f.op, {"adopt", "rep.s"}).exitCode, 0);
        f.src.connect().exec("ALTER TABLE src.t ADD COLUMN w int"); // a rebuild runs post_script
        auto r = f.as("postgres", {"refresh", "rep.s"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("post_script would run with the rights of postgres")), qPrintable(r.err));
        QVERIFY(d.exec("SELECT to_regclass($1) IS NOT NULL", {victim}).toBool(0, 0));
        // The operator's own refresh runs it with the operator's rights.
        auto own = f.as(f.op, {"refresh", "rep.s"});
        QCOMPARE(own.exitCode, 1);
        QVERIFY2(own.err.contains(QStringLiteral("must be owner")), qPrintable(own.all()));
        QVERIFY(d.exec("SELECT to_regclass($1) IS NOT NULL", {victim}).toBool(0, 0));
        f.dropRoles();
    }

    // Freshness thresholds steer no refresh: operators set them, monitors
    // read them (status, status --check), on a new catalog and on one
    // upgraded from version 6 with groups granted before.
    void operatorsSetFreshnessMonitorsReadIt()
    {
        MIMEO_REQUIRE_ENV(env);
        RolesFixture f(env);
        QCOMPARE(f.as("postgres", {"grant", q(f.monitor), "--monitor"}).exitCode, 0);
        QCOMPARE(f.as("postgres", {"grant", q(f.op), "--operator"}).exitCode, 0);
        auto d = f.dest.connect();
        const std::string qs = pg::quoteIdent(f.schema);
        auto check = [&](const char *when) {
            d.exec("UPDATE " + qs + ".refresh_config SET last_run = now() - interval '90 seconds' WHERE dest_table = 'rep.s'");
            d.exec("DELETE FROM " + qs + ".studio_freshness");
            auto late = f.as(f.monitor, {"status", "--check"});
            QVERIFY2(late.exitCode == 1 && late.out == QStringLiteral("MIMEO WARNING - 1 late: rep.s\n"), qPrintable(late.all() + when));
            auto denied = f.as(f.monitor, {"freshness", "rep.s", "--late", "1 hour", "--critical", "2 hours"});
            QCOMPARE(denied.exitCode, 1);
            QVERIFY2(denied.err.contains(QStringLiteral("permission denied")), qPrintable(denied.all() + when));
            QCOMPARE(f.as(f.monitor, {"freshness", "rep.s"}).exitCode, 0);
            auto set = f.as(f.op, {"freshness", "rep.s", "--late", "1 hour", "--critical", "2 hours"});
            QVERIFY2(set.exitCode == 0, qPrintable(set.all() + when));
            auto ok = f.as(f.monitor, {"status", "--check"});
            QVERIFY2(ok.exitCode == 0 && ok.out.startsWith(QStringLiteral("MIMEO OK - ")), qPrintable(ok.all() + when));
            QCOMPARE(f.as(f.op, {"freshness", "rep.s", "--default"}).exitCode, 0);
            // The last validation and lag measure (catalog version 8) too.
            // Monitors record lag measures (measuring is watching), not validations.
            for (const auto &[table, monitorWrites] : {std::pair{".studio_validation", false}, std::pair{".studio_lag", true}}) {
                const std::string t = qs + table;
                QVERIFY2(d.exec("SELECT has_table_privilege($1, $2, 'SELECT') AND has_table_privilege($1, $2, 'INSERT') = $4::boolean "
                                "AND NOT has_table_privilege($1, $2, 'DELETE') AND has_table_privilege($3, $2, 'INSERT, UPDATE, DELETE')",
                                {f.monitor, t, f.op, monitorWrites ? "true" : "false"})
                             .toBool(0, 0),
                         qPrintable(QString::fromStdString(t) + when));
            }
        };
        check(" (new catalog)");
        test::downgradeCatalogToVersion6(d, f.schema);
        auto init = f.as("postgres", {"init"});
        QVERIFY2(init.exitCode == 0, qPrintable(init.all()));
        check(" (upgraded from version 6)");
        test::downgradeCatalogToVersion7(d, f.schema);
        init = f.as("postgres", {"init"});
        QVERIFY2(init.exitCode == 0, qPrintable(init.all()));
        check(" (upgraded from version 7)");
        f.dropRoles();
    }

    void upgradeTakesDataSourceAwayFromEarlierMonitors()
    {
        // Monitors granted before catalog version 5 could read data_source;
        // `mimeo init` takes it away and gives them the masked list instead.
        MIMEO_REQUIRE_ENV(env);
        RolesFixture f(env);
        QCOMPARE(f.as("postgres", {"grant", q(f.monitor), "--monitor"}).exitCode, 0);
        const std::string qs = pg::quoteIdent(f.schema), mon = pg::quoteIdent(f.schema + "_monitor");
        auto d = f.dest.connect();
        test::downgradeCatalogToVersion5(d, f.schema);
        d.exec("GRANT SELECT (data_source) ON " + qs + ".dblink_mapping_mimeo TO " + mon + "; DROP VIEW " + qs
               + ".studio_source_list; DELETE FROM " + qs + ".studio_catalog_version WHERE version = 5");
        d.exec("UPDATE " + qs + ".dblink_mapping_mimeo SET data_source = data_source || ' password=Old-Monitor-Pw'");
        auto asMonitor = pg::Connection::open({f.dest.conninfo() + " user=" + f.monitor, {}, "t", pg::Side::Destination});
        QCOMPARE(asMonitor.exec("SELECT count(*) FROM " + qs + ".dblink_mapping_mimeo WHERE data_source LIKE '%Old-Monitor-Pw%'")
                     .toInt(0, 0),
                 int64_t(1)); // the leak this closes

        auto init = f.as("postgres", {"init"});
        QVERIFY2(init.exitCode == 0, qPrintable(init.all()));
        QVERIFY2(init.err.contains(QStringLiteral("source 1 keeps its password in plain text in the catalog (inside data_source)")),
                 qPrintable(init.err));
        QVERIFY2(!init.all().contains(QStringLiteral("Old-Monitor-Pw")), qPrintable(init.all()));
        try {
            asMonitor.exec("SELECT data_source FROM " + qs + ".dblink_mapping_mimeo");
            QFAIL("the upgrade must take data_source away from monitors");
        } catch (const pg::Error &e) {
            QCOMPARE(e.sqlstate(), std::string("42501"));
        }
        auto list = f.as(f.monitor, {"source", "list"});
        QVERIFY2(list.exitCode == 0, qPrintable(list.all()));
        QVERIFY2(!list.all().contains(QStringLiteral("Old-Monitor-Pw")), qPrintable(list.all()));

        d.exec("REVOKE " + mon + " FROM " + pg::quoteIdent(f.monitor) + "; DROP OWNED BY " + mon + ", " + pg::quoteIdent(f.monitor)
               + "; DROP ROLE " + pg::quoteIdent(f.monitor) + "; DROP ROLE " + pg::quoteIdent(f.op) + "; DROP ROLE " + mon);
    }
};

QTEST_GUILESS_MAIN(TestCliRoles)
#include "tst_cli_roles.moc"
