// SPDX-License-Identifier: PostgreSQL
// The dml type against real servers: mimeo's source objects (names, shapes,
// truncation, UPDATE OF with a filter), random workloads that converge,
// composite and text keys, hostile names, conditions, several destinations
// of one source table, batch limits, repull, destination-only columns,
// prerequisites reported with the statements that fix them, destroy.
#include "catalog/config_row.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication_fixture.h"
#include "tst_dml_support.h"

#include <QTest>

#include <cstdio>
#include <unistd.h>

using namespace mimeo;
using test::ReplicationFixture;
using test::queue::count;
using test::queue::sourceObjects;

namespace {

void prepare(ReplicationFixture &f, int rows = 1000)
{
    f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA src;"
                 "CREATE TABLE src.t (a int, b text, v text, n numeric, PRIMARY KEY (a, b));"
                 "CREATE INDEX t_v_idx ON src.t (v);"
                 "INSERT INTO src.t SELECT g, 'k' || (g % 3), 'v' || g, g * 1.5 FROM generate_series(1, "
                 + std::to_string(rows) + ") g;");
    f.dest().exec("CREATE SCHEMA rep");
}

replication::MakeRequest dml(ReplicationFixture &f, const std::string &source, const std::string &dest)
{
    return f.request("dml", source, dest);
}

QString same(ReplicationFixture &f, const std::string &source = "src.t", const std::string &dest = "rep.t")
{
    return f.differences("SELECT * FROM " + source, "SELECT * FROM " + dest);
}

replication::RunResult refreshWith(ReplicationFixture &f, const std::string &dest, std::optional<int64_t> limit)
{
    replication::RefreshRequest r;
    r.destTable = dest;
    r.limit = limit;
    return replication::refresh(f.dest(), r, f.context());
}

std::string sourceText(pg::Connection &c, const std::string &sql, const std::vector<std::optional<std::string>> &params = {})
{
    auto r = c.exec(sql, params);
    return r.rows() ? r.text(0, 0) : std::string();
}

} // namespace

class TestDml : public QObject {
    Q_OBJECT
private slots:
    void makeCreatesMimeosObjects()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlobj");
        prepare(f);
        replication::RunResult made;
        MIMEO_NOTHROW(made = f.make(dml(f, "src.t", "rep.t")));
        QCOMPARE(made.outcome, replication::Outcome::Done);
        QCOMPARE(made.rows, int64_t(1000));
        QCOMPARE(same(f), QString());
        QCOMPARE(sourceObjects(f.src()), QStringList({"function mimeo.src_t_mimeo_queue", "table mimeo.src_t_q",
                                                      "trigger src_t_mimeo_trig on src.t"}));
        // The queue's shape: the key, as the source types it, then processed.
        QCOMPARE(sourceText(f.src(), "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) "
                                     "FROM pg_attribute WHERE attrelid = 'mimeo.src_t_q'::regclass AND attnum > 0"),
                 std::string("a integer, b text, processed boolean"));
        QCOMPARE(sourceText(f.src(), "SELECT indexdef FROM pg_indexes WHERE schemaname = 'mimeo'"),
                 std::string("CREATE INDEX src_t_q_a_b_idx ON mimeo.src_t_q USING btree (a, b)"));
        // SECURITY DEFINER with a fixed search_path; a row trigger on all three events.
        QCOMPARE(sourceText(f.src(), "SELECT prosecdef::text || ' ' || array_to_string(proconfig, ',') FROM pg_proc "
                                     "WHERE proname = 'src_t_mimeo_queue'"),
                 std::string("true search_path=pg_catalog, pg_temp"));
        QCOMPARE(sourceText(f.src(), "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'src_t_mimeo_trig'"),
                 std::string("CREATE TRIGGER src_t_mimeo_trig AFTER INSERT OR DELETE OR UPDATE ON src.t FOR EACH ROW "
                             "EXECUTE FUNCTION mimeo.src_t_mimeo_queue()"));
        // mimeo's configuration row.
        const auto cfg = f.dest().exec("SELECT control, pk_name::text, pk_type::text, last_run IS NOT NULL, insert_on_fetch "
                                       "FROM mimeo.refresh_config_dml WHERE dest_table = 'rep.t'");
        QCOMPARE(cfg.text(0, 0), std::string("mimeo.src_t_q"));
        QCOMPARE(cfg.text(0, 1), std::string("{a,b}"));
        QCOMPARE(cfg.text(0, 2), std::string("{integer,text}"));
        QVERIFY(cfg.toBool(0, 3));
        QVERIFY(cfg.toBool(0, 4));
        // The destination got the source's key and indexes, with mimeo's names.
        QCOMPARE(QString::fromStdString(sourceText(f.dest(), "SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes "
                                                             "WHERE schemaname = 'rep'")),
                 QStringLiteral("t_a_b_pk,t_v_idx"));
        // The queue is empty after the pull; changes from now on are queued.
        QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"), int64_t(0));
        f.src().exec("UPDATE src.t SET v = 'x' WHERE a <= 10");
        QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"), int64_t(10));
        QCOMPARE(f.lastJob("rep.t").value(0), QStringLiteral("ok"));
    }

    void randomWorkloadConverges()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlrand");
        prepare(f, 3000);
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t")));
        for (int round = 1; round <= 6; ++round) {
            test::queue::randomWorkload(f.src(), "src.t", round);
            QVERIFY(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q") > 0);
            replication::RunResult r;
            MIMEO_NOTHROW(r = f.refresh("rep.t"));
            QCOMPARE(r.outcome, replication::Outcome::Done);
            QCOMPARE(same(f), QString());
            QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"), int64_t(0));
        }
        // An empty queue is a run too: last_run moves.
        const auto before = sourceText(f.dest(), "SELECT last_run::text FROM mimeo.refresh_config_dml");
        QTest::qWait(20);
        QCOMPARE(f.refresh("rep.t").rows, int64_t(0));
        QVERIFY(sourceText(f.dest(), "SELECT last_run::text FROM mimeo.refresh_config_dml") != before);
    }

    void singleOperationBatches()
    {
        // mimeo's test11: a batch of only inserts, only updates, only deletes.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlsingle");
        prepare(f, 100);
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t")));
        for (const char *sql : {"INSERT INTO src.t SELECT g, 'k', 'insert' || g, g FROM generate_series(100031, 100040) g",
                                "UPDATE src.t SET v = 'update_test' || a WHERE a > 100030",
                                "DELETE FROM src.t WHERE a > 100030"}) {
            f.src().exec(sql);
            MIMEO_NOTHROW(f.refresh("rep.t"));
            QCOMPARE(same(f), QString());
        }
    }

    void keyChangesOfOneColumnOfACompositeKey()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlkeys");
        prepare(f, 50);
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t")));
        // Swap keys inside one statement, change only b, change only a, and
        // change a key and back again before the refresh.
        f.src().exec("UPDATE src.t SET a = CASE a WHEN 1 THEN 2 ELSE 1 END WHERE a IN (1, 2) AND b = 'k1'");
        f.src().exec("UPDATE src.t SET b = 'changed' WHERE a = 3");
        f.src().exec("UPDATE src.t SET a = 1003 WHERE a = 4");
        f.src().exec("UPDATE src.t SET a = 2005 WHERE a = 5; UPDATE src.t SET a = 5 WHERE a = 2005");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
    }

    void filterTriggersOnlyOnItsColumns()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlfilter");
        prepare(f, 100);
        auto req = dml(f, "src.t", "rep.t");
        req.filter = {"a", "b", "v"};
        MIMEO_NOTHROW(f.make(req));
        QCOMPARE(sourceText(f.src(), "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'src_t_mimeo_trig'"),
                 std::string("CREATE TRIGGER src_t_mimeo_trig AFTER INSERT OR DELETE OR UPDATE OF a, b, v ON src.t FOR EACH ROW "
                             "EXECUTE FUNCTION mimeo.src_t_mimeo_queue()"));
        // Only the key is copied of the indexes when a filter is set (mimeo's rule).
        QCOMPARE(sourceText(f.dest(), "SELECT string_agg(indexname, ',') FROM pg_indexes WHERE schemaname = 'rep'"),
                 std::string("t_a_b_pk"));
        f.src().exec("UPDATE src.t SET n = 0");
        QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"), int64_t(0));
        f.src().exec("UPDATE src.t SET v = 'seen' WHERE a < 10");
        QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"), int64_t(9));
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(f.differences("SELECT a, b, v FROM src.t", "SELECT * FROM rep.t"), QString());
    }

    void conditionMovesRowsInAndOut()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlcond");
        prepare(f, 200);
        f.src().exec("CREATE TABLE src.allowed (b text); INSERT INTO src.allowed VALUES ('k1'), ('k2')");
        auto req = dml(f, "src.t", "rep.t");
        // mimeo's forms: a WHERE, and extra tables after a comma.
        req.condition = ", src.allowed WHERE allowed.b = t.b AND n > 30";
        MIMEO_NOTHROW(f.make(req));
        const std::string selected = "SELECT t.* FROM src.t, src.allowed WHERE allowed.b = t.b AND n > 30";
        QCOMPARE(f.differences(selected, "SELECT * FROM rep.t"), QString());
        f.src().exec("UPDATE src.t SET n = 0 WHERE a < 50");        // leave
        f.src().exec("UPDATE src.t SET n = 1000 WHERE a < 15");     // some come back
        f.src().exec("UPDATE src.t SET b = 'k0' WHERE a = 100");    // key moves out of the allowed list
        f.src().exec("INSERT INTO src.t VALUES (500, 'k2', 'new', 500), (501, 'k0', 'never', 501)");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(f.differences(selected, "SELECT * FROM rep.t"), QString());
    }

    void severalDestinationsOfOneSource()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlmulti");
        prepare(f, 300);
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t")));
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t2")));
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t3")));
        QCOMPARE(sourceObjects(f.src()),
                 QStringList({"function mimeo.src_t_mimeo_queue", "function mimeo.src_t_mimeo_queue01",
                              "function mimeo.src_t_mimeo_queue02", "table mimeo.src_t_q", "table mimeo.src_t_q01",
                              "table mimeo.src_t_q02", "trigger src_t_mimeo_trig on src.t", "trigger src_t_mimeo_trig01 on src.t",
                              "trigger src_t_mimeo_trig02 on src.t"}));
        QCOMPARE(sourceText(f.dest(), "SELECT string_agg(control, ',' ORDER BY control) FROM mimeo.refresh_config_dml"),
                 std::string("mimeo.src_t_q,mimeo.src_t_q01,mimeo.src_t_q02"));
        test::queue::randomWorkload(f.src(), "src.t", 1);
        // Each destination has its own queue: refreshing one leaves the others' changes queued.
        MIMEO_NOTHROW(f.refresh("rep.t2"));
        QCOMPARE(same(f, "src.t", "rep.t2"), QString());
        QVERIFY(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q") > 0);
        QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q01"), int64_t(0));

        // Destroying the second destination removes its own objects, never
        // the first one's (mimeo recomputed the base names, bug 9.2 #14).
        MIMEO_NOTHROW(f.destroy("rep.t2"));
        QCOMPARE(sourceObjects(f.src()),
                 QStringList({"function mimeo.src_t_mimeo_queue", "function mimeo.src_t_mimeo_queue02", "table mimeo.src_t_q",
                              "table mimeo.src_t_q02", "trigger src_t_mimeo_trig on src.t",
                              "trigger src_t_mimeo_trig02 on src.t"}));
        MIMEO_NOTHROW(f.refresh("rep.t"));
        MIMEO_NOTHROW(f.refresh("rep.t3"));
        QCOMPARE(same(f, "src.t", "rep.t"), QString());
        QCOMPARE(same(f, "src.t", "rep.t3"), QString());
        // The freed slot is used again.
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t4")));
        QCOMPARE(sourceText(f.dest(), "SELECT control FROM mimeo.refresh_config_dml WHERE dest_table = 'rep.t4'"),
                 std::string("mimeo.src_t_q01"));
        test::queue::randomWorkload(f.src(), "src.t", 2);
        for (const char *t : {"rep.t", "rep.t3", "rep.t4"}) {
            MIMEO_NOTHROW(f.refresh(t));
            QCOMPARE(same(f, "src.t", t), QString());
        }
    }

    void oneHundredDestinationsAtMost()
    {
        // mimeo's test81: the base name and 99 numbered ones, then a clear error.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmllimit100");
        prepare(f, 10);
        f.src().exec("CREATE TABLE mimeo.src_t_q (a int, b text, processed boolean)");
        for (int n = 1; n <= 98; ++n) {
            char name[32];
            std::snprintf(name, sizeof name, "src_t_q%02d", n);
            f.src().exec(std::string("CREATE TABLE mimeo.") + name + " (LIKE mimeo.src_t_q)");
        }
        // The 100th destination takes the last slot...
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.last")));
        QCOMPARE(sourceText(f.dest(), "SELECT control FROM mimeo.refresh_config_dml"), std::string("mimeo.src_t_q99"));
        // ...and the 101st is refused before anything is made.
        std::string refused;
        try {
            f.make(dml(f, "src.t", "rep.onetoomany"));
        } catch (const pg::Error &e) {
            refused = e.describe();
        }
        QVERIFY2(refused.find("Limit of 99 queue tables for a single source table reached") != std::string::npos, refused.c_str());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config"), int64_t(1));
        QVERIFY(!f.dest().exec("SELECT to_regclass('rep.onetoomany') IS NOT NULL").toBool(0, 0));
    }

    void ambiguousTemplatesKeepTheirOwnObjects()
    {
        // a_b.c and a.b_c share the template a_b_c (bug 9.2 #21): the second
        // takes the next slot, and each destroy removes only its own objects.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmltmpl");
        f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA a_b; CREATE SCHEMA a;"
                     "CREATE TABLE a_b.c (id int PRIMARY KEY, v text); CREATE TABLE a.b_c (id int PRIMARY KEY, v text);"
                     "INSERT INTO a_b.c VALUES (1, 'x'); INSERT INTO a.b_c VALUES (2, 'y');");
        f.dest().exec("CREATE SCHEMA rep");
        MIMEO_NOTHROW(f.make(dml(f, "a_b.c", "rep.one")));
        MIMEO_NOTHROW(f.make(dml(f, "a.b_c", "rep.two")));
        QCOMPARE(sourceText(f.dest(), "SELECT string_agg(control, ',' ORDER BY dest_table) FROM mimeo.refresh_config_dml"),
                 std::string("mimeo.a_b_c_q,mimeo.a_b_c_q01"));
        MIMEO_NOTHROW(f.destroy("rep.one"));
        QCOMPARE(sourceObjects(f.src()), QStringList({"function mimeo.a_b_c_mimeo_queue01", "table mimeo.a_b_c_q01",
                                                      "trigger a_b_c_mimeo_trig01 on a.b_c"}));
        f.src().exec("UPDATE a.b_c SET v = 'z'");
        MIMEO_NOTHROW(f.refresh("rep.two"));
        QCOMPARE(f.differences("SELECT * FROM a.b_c", "SELECT * FROM rep.two"), QString());
    }

    void longAndMultibyteNamesAreCutLikeMimeo()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmllong");
        // 50 ASCII characters: the template is cut so each suffix fits (mimeo's check_name_length).
        const std::string ascii(50, 'l');
        // 30 two-byte characters: 60 characters but 120 bytes; mimeo counted
        // characters and the server then cut the suffix off (bug 9.2 #20).
        std::string multibyte;
        for (int i = 0; i < 30; ++i)
            multibyte += "\xc3\xa9"; // é
        f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA s;"
                     "CREATE TABLE s.\"" + ascii + "\" (id int PRIMARY KEY); CREATE TABLE s.\"" + multibyte + "\" (id int PRIMARY KEY);");
        f.dest().exec("CREATE SCHEMA rep");
        MIMEO_NOTHROW(f.make(dml(f, "s." + ascii, "rep.l1")));
        MIMEO_NOTHROW(f.make(dml(f, "s." + ascii, "rep.l2")));
        MIMEO_NOTHROW(f.make(dml(f, "s." + multibyte, "rep.m1")));
        const std::string tmpl = "s_" + ascii; // 52 characters
        QCOMPARE(sourceText(f.dest(), "SELECT control FROM mimeo.refresh_config_dml WHERE dest_table = 'rep.l1'"),
                 "mimeo." + tmpl + "_q");
        QCOMPARE(sourceText(f.dest(), "SELECT control FROM mimeo.refresh_config_dml WHERE dest_table = 'rep.l2'"),
                 "mimeo." + tmpl + "_q01");
        const auto objects = sourceObjects(f.src());
        QVERIFY2(objects.contains(QString::fromStdString("function mimeo." + tmpl.substr(0, 63 - 12) + "_mimeo_queue")),
                 qPrintable(objects.join(QLatin1Char('\n'))));
        QVERIFY2(objects.contains(QString::fromStdString("trigger " + tmpl.substr(0, 63 - 13) + "_mimeo_trig01 on s." + ascii)),
                 qPrintable(objects.join(QLatin1Char('\n'))));
        // Every multibyte name keeps its suffix and fits in 63 bytes.
        auto r = f.src().exec("SELECT name FROM (SELECT relname::text AS name FROM pg_class UNION ALL SELECT proname FROM pg_proc "
                              "UNION ALL SELECT tgname FROM pg_trigger) x WHERE name LIKE 's\\_\xc3\xa9%'");
        QCOMPARE(r.rows(), 4); // queue, its index, function, trigger
        for (int i = 0; i < r.rows(); ++i) {
            const std::string n = r.text(i, 0);
            QVERIFY2(n.size() <= 63, n.c_str());
            QVERIFY2(n.size() > 60, n.c_str());
        }
        for (const char *suffix : {"_q", "_mimeo_queue", "_mimeo_trig"}) {
            QVERIFY2(f.src().exec("SELECT 1 FROM (SELECT relname::text AS name FROM pg_class UNION ALL SELECT proname FROM pg_proc "
                                  "UNION ALL SELECT tgname FROM pg_trigger) x WHERE name LIKE $1",
                                  {"s\\_\xc3\xa9%" + std::string(suffix)})
                         .rows() == 1,
                     suffix);
        }
        f.src().exec("INSERT INTO s.\"" + multibyte + "\" VALUES (1), (2)");
        MIMEO_NOTHROW(f.refresh("rep.m1"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.m1"), int64_t(2));
        MIMEO_NOTHROW(f.destroy("rep.m1"));
        MIMEO_NOTHROW(f.destroy("rep.l2"));
        QCOMPARE(sourceObjects(f.src()).size(), 3);
    }

    void hostileIdentifiers()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlnames");
        f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA \"Src Sch\";"
                     "CREATE TABLE \"Src Sch\".\"Tab\"\"le\" (\"Key Col\" text, \"select\" int, \"$mimeo$\" text, \"é ü\" text, "
                     "PRIMARY KEY (\"Key Col\", \"select\"));"
                     "INSERT INTO \"Src Sch\".\"Tab\"\"le\" SELECT 'k ' || g || ' '' \"', g, '$x$', 'ü' || g FROM generate_series(1, 50) g;");
        f.dest().exec("CREATE SCHEMA \"Dest Sch\"");
        MIMEO_NOTHROW(f.make(dml(f, "Src Sch.Tab\"le", "Dest Sch.My \"Dest\"")));
        const std::string src = "\"Src Sch\".\"Tab\"\"le\"";
        const std::string dst = "\"Dest Sch\".\"My \"\"Dest\"\"\"";
        f.src().exec("UPDATE " + src + " SET \"$mimeo$\" = 'changed' WHERE \"select\" < 10");
        f.src().exec("UPDATE " + src + " SET \"Key Col\" = \"Key Col\" || '!' WHERE \"select\" BETWEEN 10 AND 15");
        f.src().exec("DELETE FROM " + src + " WHERE \"select\" > 45");
        MIMEO_NOTHROW(f.refresh("Dest Sch.My \"Dest\""));
        QCOMPARE(f.differences("SELECT * FROM " + src, "SELECT * FROM " + dst), QString());
        MIMEO_NOTHROW(f.destroy("Dest Sch.My \"Dest\"", false));
        QCOMPARE(sourceObjects(f.src()), QStringList());
        QVERIFY(!f.dest().exec("SELECT to_regclass($1) IS NOT NULL", {dst}).toBool(0, 0));
    }

    void batchLimitTakesOldestChangesFirst()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmllimit");
        prepare(f, 2000);
        auto req = dml(f, "src.t", "rep.t");
        req.batchLimit = 100;
        MIMEO_NOTHROW(f.make(req));
        // Old changes to high keys, then a stream of newer changes to low
        // keys. mimeo took the lowest keys first, so the high keys waited as
        // long as the low ones kept changing (bug 9.2 #4).
        f.src().exec("UPDATE src.t SET v = 'old' WHERE a BETWEEN 1901 AND 1950");
        for (int i = 0; i < 3; ++i)
            f.src().exec("UPDATE src.t SET v = 'hot' || " + std::to_string(i) + " WHERE a <= 200");
        f.warnings.clear();
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.t"));
        QCOMPARE(r.rows, int64_t(100)); // the limit counts keys
        QCOMPARE(f.differences("SELECT * FROM src.t WHERE a BETWEEN 1901 AND 1950", "SELECT * FROM rep.t WHERE a BETWEEN 1901 AND 1950"),
                 QString());
        QVERIFY(!f.warnings.empty()); // batch limit reached
        // Exactly the rows of the 100 handled keys left the queue.
        QCOMPARE(count(f.src(), "SELECT count(DISTINCT (a, b)) FROM mimeo.src_t_q"), int64_t(200 - 50));
        QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q WHERE a > 1900"), int64_t(0));
        // A --limit overrides batch_limit; later runs converge.
        MIMEO_NOTHROW(r = refreshWith(f, "rep.t", 1000));
        QCOMPARE(r.rows, int64_t(150));
        QCOMPARE(same(f), QString());
        QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"), int64_t(0));
        // One statement's keys share an age: they go by key (mimeo's test90: keys <= 100500 after one run of 500).
        f.src().exec("INSERT INTO src.t SELECT g, 'x', 'batch', g FROM generate_series(100001, 101000) g");
        MIMEO_NOTHROW(r = refreshWith(f, "rep.t", 500));
        QCOMPARE(f.differences("SELECT * FROM src.t WHERE a <= 100500", "SELECT * FROM rep.t"), QString());
        MIMEO_NOTHROW(r = refreshWith(f, "rep.t", 20000));
        QCOMPARE(same(f), QString());
    }

    void repullReloadsEverything()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlrepull");
        prepare(f, 500);
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t")));
        // The destination drifted (someone wrote to it), and changes are queued.
        f.dest().exec("DELETE FROM rep.t WHERE a < 100; UPDATE rep.t SET v = 'drift'");
        test::queue::randomWorkload(f.src(), "src.t", 1);
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.t", true));
        QCOMPARE(same(f), QString());
        QCOMPARE(r.rows, count(f.src(), "SELECT count(*) FROM src.t"));
        QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"), int64_t(0));
    }

    void destinationOnlyColumnsSurviveUpdates()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmldestcol");
        f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA src; CREATE TABLE src.t (id int PRIMARY KEY, u text UNIQUE NOT NULL, v text);"
                     "INSERT INTO src.t SELECT g, 'u' || g, 'v' || g FROM generate_series(1, 100) g;");
        f.dest().exec("CREATE SCHEMA rep");
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t")));
        f.dest().exec("ALTER TABLE rep.t ADD COLUMN note text DEFAULT 'mine'");
        f.src().exec("UPDATE src.t SET v = 'changed' WHERE id <= 10");
        f.src().exec("DELETE FROM src.t WHERE id = 11; INSERT INTO src.t VALUES (1000, 'u1000', 'new')");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(f.differences("SELECT * FROM src.t", "SELECT id, u, v FROM rep.t"), QString());
        QCOMPARE(f.lastChanges("rep.t"), QStringLiteral("1/10/1")); // inserted/updated/deleted, in place
        // Updated rows kept the destination's own column (mimeo deleted and re-inserted them, bug 9.2 #23).
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t WHERE note = 'mine'"), int64_t(100));
        // Two rows swapping a unique value cannot be updated in place: the
        // batch is deleted and re-inserted instead, with a warning.
        f.warnings.clear();
        f.src().exec("BEGIN; UPDATE src.t SET u = 'swap' WHERE id = 20; UPDATE src.t SET u = 'u20' WHERE id = 21;"
                     "UPDATE src.t SET u = 'u21' WHERE id = 20; COMMIT;");
        f.src().exec("DELETE FROM src.t WHERE id = 30; INSERT INTO src.t VALUES (2000, 'u2000', 'new')");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(f.differences("SELECT * FROM src.t", "SELECT id, u, v FROM rep.t"), QString());
        QCOMPARE(f.warnings.size(), size_t(1));
        QVERIFY2(f.warnings[0].find("destination-only columns") != std::string::npos, f.warnings[0].c_str());
        // Deleted and re-inserted, the two keys still count as updated.
        QCOMPARE(f.lastChanges("rep.t"), QStringLiteral("1/2/1"));
    }

    void rowChangesAreCountedPerKey()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlcounts");
        prepare(f, 100);
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t")));
        QCOMPARE(f.lastChanges("rep.t"), QStringLiteral("null")); // a make pulls the whole table
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(f.lastChanges("rep.t"), QStringLiteral("0/0/0"));
        f.src().exec("UPDATE src.t SET v = 'changed' WHERE a IN (1, 2, 3);"
                     "INSERT INTO src.t VALUES (1001, 'k', 'new', 1), (1002, 'k', 'new', 2);"
                     "DELETE FROM src.t WHERE a = 4");
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
        QCOMPARE(f.lastChanges("rep.t"), QStringLiteral("2/3/1"));
        QVERIFY(r.changes && *r.changes == (replication::RowChanges{2, 3, 1}));
        // A key changed twice counts once; one inserted and deleted before the
        // refresh never reached the destination; a moved key is one deleted
        // and one inserted.
        f.src().exec("UPDATE src.t SET v = 'x' WHERE a = 5; UPDATE src.t SET v = 'y' WHERE a = 5;"
                     "INSERT INTO src.t VALUES (1003, 'k', 'brief', 3); DELETE FROM src.t WHERE a = 1003;"
                     "UPDATE src.t SET a = 2000 WHERE a = 6");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
        QCOMPARE(f.lastChanges("rep.t"), QStringLiteral("1/1/1"));
        // A repull replaces everything: no counts.
        MIMEO_NOTHROW(f.refresh("rep.t", true));
        QCOMPARE(f.lastChanges("rep.t"), QStringLiteral("null"));
    }

    void insertOnFetchEitherWay()
    {
        // mimeo's test03 sets insert_on_fetch false on one table. Both values
        // run the same pipeline here: one COPY into a temporary table, read
        // to the end before anything is applied, memory flat.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlfetch");
        prepare(f, 200);
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t")));
        f.dest().exec("UPDATE mimeo.refresh_config_dml SET insert_on_fetch = false");
        test::queue::randomWorkload(f.src(), "src.t", 1);
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
    }

    void noPulldataAndExistingDestination()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlnopull");
        prepare(f, 100);
        auto req = dml(f, "src.t", "rep.nodata");
        req.pullData = false;
        req.index = false;
        MIMEO_NOTHROW(f.make(req));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.nodata"), int64_t(0));
        // Without --no-index... minimal key only: mimeo's PRIMARY KEY on the key.
        QCOMPARE(sourceText(f.dest(), "SELECT string_agg(indexname, ',') FROM pg_indexes WHERE tablename = 'nodata'"),
                 std::string("nodata_pkey"));
        f.src().exec("UPDATE src.t SET v = 'later' WHERE a > 90; INSERT INTO src.t VALUES (200, 'k', 'n', 1)");
        MIMEO_NOTHROW(f.refresh("rep.nodata"));
        // Pre-existing rows are never pulled; changed ones arrive (mimeo's test07 for _nodata).
        QCOMPARE(f.differences("SELECT * FROM src.t WHERE a > 90", "SELECT * FROM rep.nodata"), QString());

        // An existing destination keeps its rows; only queued changes arrive.
        f.dest().exec("CREATE TABLE rep.existing (a int, b text, v text, n numeric, extra int, PRIMARY KEY (a, b))");
        f.dest().exec("INSERT INTO rep.existing (a, b, v) VALUES (1, 'k1', 'old')");
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.existing")));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.existing"), int64_t(1));
        f.src().exec("UPDATE src.t SET v = 'seen' WHERE a = 2");
        MIMEO_NOTHROW(f.refresh("rep.existing"));
        QCOMPARE(f.differences("SELECT a, b, v, n FROM src.t WHERE a = 2 UNION ALL SELECT 1, 'k1', 'old', NULL",
                               "SELECT a, b, v, n FROM rep.existing"),
                 QString());

        // A partitioned destination (mimeo 0.10.0): rows land in, move between
        // and leave its partitions, and a repull fills it again.
        f.dest().exec("CREATE TABLE rep.parted (a int, b text, v text, n numeric, PRIMARY KEY (a, b)) PARTITION BY RANGE (a);"
                      "CREATE TABLE rep.parted_low PARTITION OF rep.parted FOR VALUES FROM (MINVALUE) TO (50);"
                      "CREATE TABLE rep.parted_high PARTITION OF rep.parted FOR VALUES FROM (50) TO (MAXVALUE);");
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.parted")));
        MIMEO_NOTHROW(f.refresh("rep.parted", true));
        QCOMPARE(same(f, "src.t", "rep.parted"), QString());
        f.src().exec("UPDATE src.t SET v = 'moved', a = a + 100 WHERE a BETWEEN 10 AND 12;"
                     "DELETE FROM src.t WHERE a = 60; INSERT INTO src.t VALUES (7000, 'k', 'high', 1), (-5, 'k', 'low', 1)");
        MIMEO_NOTHROW(f.refresh("rep.parted"));
        QCOMPARE(same(f, "src.t", "rep.parted"), QString());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.parted_low WHERE a BETWEEN 10 AND 12"), int64_t(0));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.parted_high WHERE v = 'moved'"), int64_t(3));
    }

    void missingPrerequisitesAreReportedWithTheirFix()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlprereq");
        const std::string role = "mimeo_q_" + std::to_string(::getpid());
        auto admin = f.srcDb().connect();
        admin.exec("DROP ROLE IF EXISTS " + role);
        admin.exec("CREATE ROLE " + role + " LOGIN");
        admin.exec("CREATE SCHEMA src; CREATE TABLE src.nokey (id int, v text); CREATE TABLE src.t (id int PRIMARY KEY, v text);"
                   "GRANT USAGE ON SCHEMA src TO " + role + "; GRANT SELECT ON src.nokey, src.t TO " + role + ";");
        f.dest().exec("CREATE SCHEMA rep; UPDATE mimeo.dblink_mapping_mimeo SET username = '" + role + "'");
        auto failure = [&](const replication::MakeRequest &req) -> std::string {
            try {
                f.make(req);
            } catch (const pg::Error &e) {
                return e.describe();
            }
            return "no error";
        };
        // No key, no queue schema, no TRIGGER: all three at once, each with its fix.
        const auto nokey = failure(dml(f, "src.nokey", "rep.nokey"));
        for (const std::string &expected : std::initializer_list<std::string>
             {"has no valid primary key or unique index", "ALTER TABLE \"src\".\"nokey\" ADD PRIMARY KEY",
              "schema mimeo does not exist on the source", "CREATE SCHEMA \"mimeo\" AUTHORIZATION \"" + role + "\";",
              "may not create triggers on src.nokey", "GRANT TRIGGER ON TABLE \"src\".\"nokey\" TO \"" + role + "\";"})
            QVERIFY2(nokey.find(expected) != std::string::npos, nokey.c_str());
        admin.exec("CREATE SCHEMA mimeo");
        const auto noCreate = failure(dml(f, "src.t", "rep.t"));
        QVERIFY2(noCreate.find("GRANT USAGE, CREATE ON SCHEMA \"mimeo\" TO \"" + role + "\";") != std::string::npos, noCreate.c_str());
        admin.exec("GRANT USAGE, CREATE ON SCHEMA mimeo TO " + role);
        auto filtered = dml(f, "src.t", "rep.t");
        filtered.filter = {"v"};
        const auto noKeyInFilter = failure(filtered);
        QVERIFY2(noKeyInFilter.find("filter list did not contain all columns") != std::string::npos, noKeyInFilter.c_str());
        QVERIFY2(noKeyInFilter.find("--filter v,id") != std::string::npos, noKeyInFilter.c_str());
        admin.exec("CREATE VIEW src.vw AS SELECT * FROM src.t; GRANT SELECT ON src.vw TO " + role);
        auto onView = dml(f, "src.vw", "rep.vw");
        onView.pkName = {"id"};
        onView.pkType = {"integer"};
        const auto view = failure(onView);
        QVERIFY2(view.find("is a view; dml needs a table") != std::string::npos, view.c_str());
        // Nothing was made anywhere.
        QCOMPARE(sourceObjects(f.src()), QStringList());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config"), int64_t(0));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM pg_tables WHERE schemaname = 'rep'"), int64_t(0));
        // With TRIGGER granted it works as the unprivileged role.
        admin.exec("GRANT TRIGGER ON src.t TO " + role);
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t")));
        // A writer without any right on the queue still gets changes queued (SECURITY DEFINER).
        admin.exec("INSERT INTO src.t VALUES (1, 'by admin')");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t"), int64_t(1));
        // destroy: the role may not drop a trigger on a table it does not own.
        std::string refused;
        try {
            f.destroy("rep.t");
        } catch (const pg::Error &e) {
            refused = e.describe();
        }
        QVERIFY2(refused.find("Unable to drop the mimeo trigger on source table (src.t)") != std::string::npos, refused.c_str());
        QVERIFY2(refused.find("DROP TRIGGER \"src_t_mimeo_trig\" ON \"src\".\"t\"") != std::string::npos, refused.c_str());
        QCOMPARE(sourceObjects(f.src()).size(), 3); // nothing dropped
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config"), int64_t(1));
        admin.exec("ALTER TABLE src.t OWNER TO " + role);
        MIMEO_NOTHROW(f.destroy("rep.t"));
        QCOMPARE(sourceObjects(f.src()), QStringList());
        admin.exec("DROP OWNED BY " + role + " CASCADE");
        f.dest().exec("UPDATE mimeo.dblink_mapping_mimeo SET username = 'postgres'");
        admin.exec("DROP ROLE " + role);
    }

    void destroyKeepsOrDropsAndSurvivesAMissingSource()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmldestroy");
        prepare(f, 10);
        f.src().exec("CREATE TABLE src.other (id int PRIMARY KEY)");
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t")));
        MIMEO_NOTHROW(f.make(dml(f, "src.other", "rep.other")));
        MIMEO_NOTHROW(f.destroy("rep.t"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t"), int64_t(10)); // kept by default
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config WHERE dest_table = 'rep.t'"), int64_t(0));
        // A renamed source table: the queue keeps its old name, and destroy
        // still finds the trigger that writes to it, so no write fails afterwards.
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.renamed")));
        f.src().exec("ALTER TABLE src.t RENAME TO t_new");
        f.dest().exec("UPDATE mimeo.refresh_config_dml SET source_table = 'src.t_new' WHERE dest_table = 'rep.renamed'");
        f.adopt("rep.renamed"); // the DBA follows the rename on purpose (mimeo adopt)
        f.src().exec("UPDATE src.t_new SET v = 'renamed' WHERE a = 1");
        MIMEO_NOTHROW(f.refresh("rep.renamed"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.renamed WHERE v = 'renamed'"), int64_t(1));
        MIMEO_NOTHROW(f.destroy("rep.renamed"));
        MIMEO_NOTHROW(f.src().exec("UPDATE src.t_new SET v = 'still writable'"));
        QVERIFY2(!sourceObjects(f.src()).join(QLatin1Char(',')).contains(QStringLiteral("src_t_")),
                 qPrintable(sourceObjects(f.src()).join(QLatin1Char(','))));
        // A dropped source table (mimeo's destroyer failed then, bug 9.2 #14).
        f.src().exec("DROP TABLE src.other");
        MIMEO_NOTHROW(f.destroy("rep.other", false));
        QCOMPARE(sourceObjects(f.src()), QStringList());
        QVERIFY(!f.dest().exec("SELECT to_regclass('rep.other') IS NOT NULL").toBool(0, 0));
    }

    void sourceTruncateIsReplicated()
    {
        // No row trigger fires for TRUNCATE (mimeo kept the truncated rows
        // for good, bug 9.2 #5); the refresh notices the new file and drops
        // every key the source no longer has, in the same transaction.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmltrunc");
        prepare(f, 200);
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t")));
        f.src().exec("UPDATE src.t SET v = 'before' WHERE a <= 10");
        f.src().exec("TRUNCATE src.t");
        // Some keys come back with new values, one is new; the rest are gone.
        f.src().exec("INSERT INTO src.t SELECT g, 'k' || (g % 3), 'again', g FROM generate_series(1, 20) g");
        f.src().exec("INSERT INTO src.t VALUES (5000, 'k', 'new', 1)");
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t"), int64_t(21));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.studio_job_step WHERE message LIKE "
                                 "'the source table was truncated or rewritten since the last refresh%: 180 rows it no longer has removed'"),
                 int64_t(1));
        // A rewrite that keeps every row (VACUUM FULL) changes nothing, and
        // the check runs once per new file, not on every refresh.
        f.src().exec("VACUUM FULL src.t");
        f.src().exec("UPDATE src.t SET v = 'later' WHERE a = 1");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.studio_job_step WHERE message LIKE 'the source table was truncated%'"),
                 int64_t(2));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.studio_job_step WHERE message LIKE 'the source table was truncated%: 0 rows%'"),
                 int64_t(1));
    }

    void triggerIgnoresTheWritersSearchPath()
    {
        // A writer who puts a schema of their own before pg_catalog must not
        // get the SECURITY DEFINER trigger to run their operators.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "dmlhijack");
        prepare(f, 10);
        MIMEO_NOTHROW(f.make(dml(f, "src.t", "rep.t")));
        f.src().exec("CREATE SCHEMA evil; CREATE TABLE evil.calls (who text);"
                     "CREATE FUNCTION evil.texteq(text, text) RETURNS boolean LANGUAGE plpgsql AS "
                     "$$BEGIN INSERT INTO evil.calls VALUES (current_user); RETURN $1 OPERATOR(pg_catalog.=) $2; END$$;"
                     "CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.texteq);");
        // The writer is an ordinary role: it may write src.t and use its own
        // schema, and has no right at all on the queue table.
        const std::string writer = "mimeo_writer_" + std::to_string(::getpid());
        const std::string queue = f.dest().exec("SELECT control FROM mimeo.refresh_config_dml WHERE dest_table = 'rep.t'").text(0, 0);
        f.src().exec("DROP ROLE IF EXISTS " + writer);
        f.src().exec("CREATE ROLE " + writer + "; GRANT USAGE ON SCHEMA src, evil TO " + writer
                     + "; GRANT SELECT, INSERT, UPDATE, DELETE ON src.t TO " + writer + "; GRANT INSERT ON evil.calls TO " + writer);
        QVERIFY(!f.src().exec("SELECT pg_catalog.has_table_privilege($1, $2, 'INSERT')", {writer, queue}).toBool(0, 0));
        f.src().exec("SET ROLE " + writer);
        f.src().exec("SET search_path = evil, pg_catalog, public");
        f.src().exec("SELECT 'a'::text = 'a'::text"); // the operator works for the writer...
        f.src().exec("UPDATE src.t SET v = 'w' WHERE a < 5; INSERT INTO src.t VALUES (99, 'k', 'x', 1); DELETE FROM src.t WHERE a = 9");
        f.src().exec("RESET search_path; RESET ROLE");
        QCOMPARE(count(f.src(), "SELECT count(*) FROM evil.calls"), int64_t(1)); // ...but never inside the trigger
        // Queued all the same (the function runs as its owner), and replayed.
        QVERIFY(count(f.src(), "SELECT count(*) FROM " + queue) >= 6);
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
        f.src().exec("DROP OWNED BY " + writer + "; DROP ROLE " + writer);
    }
};

QTEST_GUILESS_MAIN(TestDml)
#include "tst_dml.moc"
