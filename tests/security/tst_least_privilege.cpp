// SPDX-License-Identifier: PostgreSQL
// Every replication type made, refreshed and run by roles that are not
// superusers: on the source a role with only SELECT (plus TRIGGER and a
// queue schema for dml/logdel), on the destination an operator from
// `mimeo grant --operator`. What the README's privilege table promises.
#include "pg/connection.h"
#include "pg/conninfo.h"
#include "testenv.h"

#include <QTest>

#include <unistd.h>

using namespace mimeo;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

} // namespace

class TestLeastPrivilege : public QObject {
    Q_OBJECT
private slots:
    void everyTypeWithoutSuperusers()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb src(env->source, "lp_s");
        test::ScratchDb dest(env->dest, "lp_d");
        const std::string pid = std::to_string(getpid());
        const std::string repl = "lp_repl_" + pid;     // the source role
        const std::string op = "lp_operator_" + pid;   // the destination role
        const std::string schema = "lp_" + pid;        // the catalog (its groups are lp_<pid>_operator/_monitor)

        auto s = src.connect();
        s.exec("CREATE ROLE " + repl + " LOGIN");
        s.exec("CREATE SCHEMA app; "
               "CREATE TABLE app.items (id int PRIMARY KEY, v text); "
               "CREATE TABLE app.events (id bigint PRIMARY KEY, at timestamptz NOT NULL, v text); "
               "CREATE TABLE app.counters (id bigint PRIMARY KEY, n int NOT NULL, v text); "
               "INSERT INTO app.items SELECT g, 'v' || g FROM generate_series(1, 300) g; "
               "INSERT INTO app.events SELECT g, now() - interval '1 hour' + g * interval '1 second', 'e' FROM generate_series(1, 300) g; "
               "INSERT INTO app.counters SELECT g, g, 'c' FROM generate_series(1, 300) g; "
               "CREATE VIEW app.item_names AS SELECT id, v FROM app.items;");
        // Exactly the README's grants.
        s.exec("GRANT USAGE ON SCHEMA app TO " + repl + "; GRANT SELECT ON ALL TABLES IN SCHEMA app TO " + repl + ";"
               "GRANT TRIGGER ON app.items, app.counters TO " + repl + ";"
               "CREATE SCHEMA \"" + schema + "\" AUTHORIZATION " + repl + ";");

        auto d = dest.connect();
        d.exec("CREATE ROLE " + op + " LOGIN; CREATE SCHEMA rep;");
        auto destAs = [&](const std::string &user) {
            auto o = pg::parseConninfo(dest.conninfo());
            pg::setOption(o, "user", user);
            return q(pg::toKeywordValueString(o));
        };
        auto mimeoAs = [&](const std::string &user, QStringList args) {
            args = QStringList{"--dest", destAs(user), "--schema", q(schema)} + args;
            auto r = test::runMimeo(args);
            if (r.exitCode != 0)
                qWarning("mimeo %s: %s", qPrintable(args.join(QLatin1Char(' '))), qPrintable(r.all()));
            return r.exitCode;
        };
        // The DBA's part, as a superuser: the catalog, the operator, a schema to replicate into.
        QCOMPARE(mimeoAs("postgres", {"init"}), 0);
        QCOMPARE(mimeoAs("postgres", {"grant", q(op), "--operator"}), 0);
        d.exec("GRANT USAGE, CREATE ON SCHEMA rep TO " + schema + "_operator");
        QCOMPARE(mimeoAs("postgres", {"source", "add", "--conninfo", q(src.conninfoWithoutUser()), "--user", q(repl)}), 0);
        QVERIFY(!d.exec("SELECT rolsuper FROM pg_roles WHERE rolname = $1", {op}).toBool(0, 0));

        // Everything else as the operator, reaching the source as the plain role.
        const std::vector<QStringList> makes = {
            {"make", "snap", "app.items", "--source", "1", "--dest-table", "rep.items_snap"},
            {"make", "table", "app.item_names", "--source", "1", "--dest-table", "rep.item_names"},
            {"make", "inserter", "app.events", "--source", "1", "--dest-table", "rep.events", "--control", "at", "--boundary", "1 second"},
            {"make", "updater", "app.counters", "--source", "1", "--dest-table", "rep.counters_upd", "--control", "n", "--boundary", "0"},
            {"make", "dml", "app.items", "--source", "1", "--dest-table", "rep.items_dml"},
            {"make", "logdel", "app.counters", "--source", "1", "--dest-table", "rep.counters_logdel"},
        };
        for (const auto &m : makes)
            QVERIFY2(mimeoAs(op, m) == 0, qPrintable(m.join(QLatin1Char(' '))));

        s.exec("UPDATE app.items SET v = 'changed' WHERE id <= 20; DELETE FROM app.items WHERE id > 290;"
               "INSERT INTO app.events SELECT g, now() - interval '10 minutes', 'new' FROM generate_series(301, 320) g;"
               "UPDATE app.counters SET n = n + 1000, v = 'bumped' WHERE id <= 10; DELETE FROM app.counters WHERE id = 300;");
        QTest::qWait(1200); // past the inserter's boundary
        for (const char *t : {"rep.items_snap", "rep.item_names", "rep.events", "rep.counters_upd", "rep.items_dml", "rep.counters_logdel"})
            QVERIFY2(mimeoAs(op, {"refresh", t}) == 0, t);
        for (const char *t : {"rep.items_snap", "rep.items_dml", "rep.counters_logdel", "rep.events"})
            QVERIFY2(mimeoAs(op, {"check", "data", t}) == 0, t);
        QCOMPARE(mimeoAs(op, {"check", "rowcount", "rep.item_names"}), 0); // a view has no key to compare rows by
        QCOMPARE(d.exec("SELECT v FROM rep.counters_upd WHERE id = 5").text(0, 0), std::string("bumped"));
        QVERIFY(!d.exec("SELECT mimeo_source_deleted IS NULL FROM rep.counters_logdel WHERE id = 300").toBool(0, 0));
        QCOMPARE(mimeoAs(op, {"status"}), 0);

        d.exec("REASSIGN OWNED BY " + schema + "_operator, " + op + " TO postgres; DROP OWNED BY " + schema + "_operator, "
               + schema + "_monitor, " + op);
        d.exec("DROP ROLE " + op + "; DROP ROLE " + schema + "_operator; DROP ROLE " + schema + "_monitor");
        s.exec("DROP SCHEMA \"" + schema + "\" CASCADE; DROP OWNED BY " + repl + "; DROP ROLE " + repl);
    }
};

QTEST_GUILESS_MAIN(TestLeastPrivilege)
#include "tst_least_privilege.moc"
