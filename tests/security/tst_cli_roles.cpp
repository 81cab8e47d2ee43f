// mimeo grant/revoke: a monitor reads status and the job log but neither the
// stored passwords nor anything it could change; an operator refreshes,
// makes, runs and destroys without being a superuser; revoke takes it back.
#include "pg/connection.h"
#include "pg/conninfo.h"
#include "pg/error.h"
#include "testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <unistd.h>

using namespace mimeo;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

struct RolesFixture {
    test::ScratchDb src;
    test::ScratchDb dest;
    std::string schema = "roles_" + std::to_string(getpid());
    std::string monitor = "mon_" + std::to_string(getpid());
    std::string op = "op_" + std::to_string(getpid());

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
        QVERIFY2(dry.out.contains(QStringLiteral("GRANT SELECT (data_source_id, data_source, username) ON")), qPrintable(dry.out));
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

        d.exec("REASSIGN OWNED BY " + f.schema + "_operator TO postgres; DROP OWNED BY " + f.schema + "_operator, " + f.schema
               + "_monitor, " + f.monitor + ", " + f.op);
        d.exec("DROP ROLE " + f.monitor + "; DROP ROLE " + f.op + "; DROP ROLE " + f.schema + "_operator; DROP ROLE " + f.schema + "_monitor");
    }
};

QTEST_GUILESS_MAIN(TestCliRoles)
#include "tst_cli_roles.moc"
