// SPDX-License-Identifier: PostgreSQL
// The logdel type against real servers: mimeo's queue shape, deletions kept
// with their time and values, a deletion and a re-insert (or two deletions)
// of one key in one batch, random workloads against an independent model,
// repull that keeps logged deletions, source columns dropped and added,
// conditions, filters, a failing commit.
#include "pg/connection.h"
#include "pg/error.h"
#include "replication_fixture.h"
#include "tst_dml_support.h"

#include <QTest>

using namespace mimeo;
using test::ReplicationFixture;
using test::queue::count;
using test::queue::sourceObjects;

namespace {

void prepare(ReplicationFixture &f, int rows = 500)
{
    f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA src;"
                 "CREATE TABLE src.t (a int, b text, v text, n numeric, PRIMARY KEY (a, b));"
                 "INSERT INTO src.t SELECT g, 'k' || (g % 3), 'v' || g, g FROM generate_series(1, " + std::to_string(rows) + ") g;");
    test::queue::installDeletionModel(f.src());
    f.dest().exec("CREATE SCHEMA rep");
}

void settle(pg::Connection &src) { test::queue::settleDeletionModel(src); }

QString matchesModel(ReplicationFixture &f, const std::string &dest = "rep.t") { return test::queue::matchesDeletionModel(f, dest); }

replication::MakeRequest logdel(ReplicationFixture &f, const std::string &dest = "rep.t")
{
    return f.request("logdel", "src.t", dest);
}

std::string text(pg::Connection &c, const std::string &sql) { return c.exec(sql).text(0, 0); }

} // namespace

class TestLogdel : public QObject {
    Q_OBJECT
private slots:
    void makeCreatesMimeosObjects()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "ldobj");
        prepare(f);
        MIMEO_NOTHROW(f.make(logdel(f)));
        QCOMPARE(matchesModel(f), QString());
        QCOMPARE(text(f.src(), "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) "
                               "FROM pg_attribute WHERE attrelid = 'mimeo.src_t_q'::regclass AND attnum > 0"),
                 std::string("a integer, b text, v text, n numeric, mimeo_source_deleted timestamp with time zone, processed boolean"));
        QCOMPARE(text(f.src(), "SELECT string_agg(indexdef, '; ' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'mimeo'"),
                 std::string("CREATE INDEX src_t_q_a_b_idx ON mimeo.src_t_q USING btree (a, b); "
                             "CREATE INDEX src_t_q_processed_mimeo_source_deleted_idx ON mimeo.src_t_q USING btree (processed, "
                             "mimeo_source_deleted)"));
        QVERIFY(sourceObjects(f.src()).contains(QStringLiteral("trigger src_t_mimeo_trig on src.t")));
        QCOMPARE(text(f.dest(), "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) "
                                "FROM pg_attribute WHERE attrelid = 'rep.t'::regclass AND attnum > 0"),
                 std::string("a integer, b text, v text, n numeric, mimeo_source_deleted timestamp with time zone"));
        QCOMPARE(text(f.dest(), "SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'rep'"),
                 std::string("t_a_b_pk,t_mimeo_source_deleted"));
        QCOMPARE(text(f.dest(), "SELECT control FROM mimeo.refresh_config_logdel"), std::string("mimeo.src_t_q"));
    }

    void sourceTruncateMarksRowsDeleted()
    {
        // A TRUNCATE queues nothing; the refresh notices the new file and
        // marks every live row the source no longer has as deleted (bug 9.2 #5).
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "ldtrunc");
        prepare(f, 100);
        MIMEO_NOTHROW(f.make(logdel(f)));
        f.src().exec("DELETE FROM src.t WHERE a = 99"); // logged the usual way
        MIMEO_NOTHROW(f.refresh("rep.t"));
        const auto deletedBefore = text(f.dest(), "SELECT mimeo_source_deleted::text FROM rep.t WHERE a = 99");
        const auto before = text(f.dest(), "SELECT clock_timestamp()::text");
        f.src().exec("TRUNCATE src.t");
        f.src().exec("INSERT INTO src.t SELECT g, 'k' || (g % 3), 'again', g FROM generate_series(1, 10) g");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        // Live: exactly the source's rows; the other 89 kept, marked deleted
        // at the refresh; the earlier deletion keeps its own time.
        QCOMPARE(f.differences("SELECT a, b, v, n FROM src.t", "SELECT a, b, v, n FROM rep.t WHERE mimeo_source_deleted IS NULL"),
                 QString());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t WHERE mimeo_source_deleted IS NOT NULL"), int64_t(90));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t WHERE mimeo_source_deleted >= '" + before + "'"), int64_t(89));
        QCOMPARE(text(f.dest(), "SELECT mimeo_source_deleted::text FROM rep.t WHERE a = 99"), deletedBefore);
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t WHERE a = 50 AND v = 'v50'"), int64_t(1)); // values kept
        // The 89 marked by the comparison are deleted; keys 1-10, queued by their inserts, updated.
        QCOMPARE(f.lastChanges("rep.t"), QStringLiteral("0/10/89"));
    }

    void deletionsKeepTheirValuesAndTime()
    {
        // mimeo's test11 for logdel: insert, update, delete in separate batches.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "ldsingle");
        prepare(f, 100);
        MIMEO_NOTHROW(f.make(logdel(f)));
        f.src().exec("INSERT INTO src.t SELECT g, 'k', 'insert' || g, g FROM generate_series(100031, 100040) g");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(f.lastChanges("rep.t"), QStringLiteral("10/0/0")); // inserted/updated/deleted
        f.src().exec("UPDATE src.t SET v = 'update_test' || a WHERE a > 100030");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(f.lastChanges("rep.t"), QStringLiteral("0/10/0"));
        const auto before = text(f.src(), "SELECT clock_timestamp()::text");
        f.src().exec("DELETE FROM src.t WHERE a > 100030");
        const auto after = text(f.src(), "SELECT clock_timestamp()::text");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        // Kept and marked, but deleted as far as the source goes.
        QCOMPARE(f.lastChanges("rep.t"), QStringLiteral("0/0/10"));
        settle(f.src());
        QCOMPARE(matchesModel(f), QString());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t WHERE a > 100030 AND v = 'update_test' || a AND mimeo_source_deleted "
                                 "BETWEEN '" + before + "' AND '" + after + "'"),
                 int64_t(10));
    }

    void deleteAndReinsertInOneBatch()
    {
        // mimeo inserted the live row and the deleted copy of one key: a
        // duplicate key error on every later run (bug 9.2 #3).
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "ldsame");
        prepare(f, 100);
        MIMEO_NOTHROW(f.make(logdel(f)));
        f.src().exec("DELETE FROM src.t WHERE a = 1; INSERT INTO src.t VALUES (1, 'k1', 'back again', 1)");
        f.src().exec("DELETE FROM src.t WHERE a = 2; INSERT INTO src.t VALUES (2, 'k2', 'second life', 2);"
                     "DELETE FROM src.t WHERE a = 2");
        f.src().exec("UPDATE src.t SET v = 'last words' WHERE a = 3; DELETE FROM src.t WHERE a = 3;"
                     "INSERT INTO src.t VALUES (3, 'k0', 'other key', 3)");
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.t"));
        settle(f.src());
        QCOMPARE(matchesModel(f), QString());
        QCOMPARE(text(f.dest(), "SELECT v FROM rep.t WHERE a = 2"), std::string("second life")); // the latest deletion
        QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"), int64_t(0));
        // Keys 1 and 3 live before and after: updated; key 2 marked: deleted.
        QCOMPARE(f.lastChanges("rep.t"), QStringLiteral("0/2/1"));
        QVERIFY(r.changes && *r.changes == (replication::RowChanges{0, 2, 1}));
        // A logged key that comes back replaces its logged row (a row rewritten: updated).
        f.src().exec("INSERT INTO src.t VALUES (2, 'k2', 'third life', 2)");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        settle(f.src());
        QCOMPARE(matchesModel(f), QString());
        QCOMPARE(f.lastChanges("rep.t"), QStringLiteral("0/1/0"));
    }

    void randomWorkloadMatchesTheModel()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "ldrand");
        prepare(f, 3000);
        MIMEO_NOTHROW(f.make(logdel(f)));
        settle(f.src());
        for (int round = 1; round <= 6; ++round) {
            test::queue::randomWorkload(f.src(), "src.t", round);
            MIMEO_NOTHROW(f.refresh("rep.t"));
            settle(f.src());
            QCOMPARE(matchesModel(f), QString());
        }
        QVERIFY(count(f.src(), "SELECT count(*) FROM src.expected_log") > 100);
    }

    void repullKeepsLoggedDeletions()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "ldrepull");
        prepare(f, 1000);
        MIMEO_NOTHROW(f.make(logdel(f)));
        f.src().exec("DELETE FROM src.t WHERE a BETWEEN 100 AND 120");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        settle(f.src());
        // Queued at the repull: more deletions, a logged key back, updates.
        f.src().exec("DELETE FROM src.t WHERE a BETWEEN 200 AND 205");
        f.src().exec("INSERT INTO src.t VALUES (100, 'k1', 'back', 100)");
        f.src().exec("UPDATE src.t SET v = 'repull' WHERE a > 900");
        f.dest().exec("UPDATE rep.t SET v = 'drift' WHERE a < 50 AND mimeo_source_deleted IS NULL");
        replication::RunResult r;
        MIMEO_NOTHROW(r = f.refresh("rep.t", true));
        settle(f.src());
        QCOMPARE(matchesModel(f), QString());
        QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"), int64_t(0));
    }

    void rowChangesCountAlikeWhenNotAppliedInPlace()
    {
        // A unique index of the destination's own that two rows swapping
        // values trip over: the batch is deleted and re-inserted, and counts
        // as the in-place apply would (swapped keys updated, a deletion
        // marked: deleted).
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "ldcounts");
        prepare(f, 100);
        MIMEO_NOTHROW(f.make(logdel(f)));
        f.dest().exec("CREATE UNIQUE INDEX t_v_unique ON rep.t (v)");
        f.src().exec("BEGIN; UPDATE src.t SET v = 'swap' WHERE a = 20; UPDATE src.t SET v = 'v20' WHERE a = 21;"
                     "UPDATE src.t SET v = 'v21' WHERE a = 20; COMMIT;");
        f.src().exec("DELETE FROM src.t WHERE a = 30; INSERT INTO src.t VALUES (2000, 'k', 'new', 1)");
        f.warnings.clear();
        MIMEO_NOTHROW(f.refresh("rep.t"));
        settle(f.src());
        QCOMPARE(matchesModel(f), QString());
        QCOMPARE(f.warnings.size(), size_t(1)); // not in place
        QCOMPARE(f.lastChanges("rep.t"), QStringLiteral("1/2/1"));
    }

    void droppedAndAddedSourceColumns()
    {
        // mimeo's trigger listed OLD's columns: after a source column was
        // dropped every DELETE on the source failed (bug 9.2 #22).
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "ldcols");
        prepare(f, 100);
        MIMEO_NOTHROW(f.make(logdel(f)));
        f.src().exec("DROP TRIGGER log_delete ON src.t");
        f.src().exec("ALTER TABLE src.t DROP COLUMN n");
        MIMEO_NOTHROW(f.src().exec("DELETE FROM src.t WHERE a <= 5"));
        MIMEO_NOTHROW(f.refresh("rep.t"));
        // n is no longer replicated: the logged rows keep the value it had.
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t WHERE a <= 5 AND mimeo_source_deleted IS NOT NULL AND n = a "
                                 "AND v = 'v' || a"),
                 int64_t(5));
        QCOMPARE(f.differences("SELECT a, b, v FROM src.t", "SELECT a, b, v FROM rep.t WHERE mimeo_source_deleted IS NULL"), QString());
        // A column added in mimeo's order (destination, queue, source) is
        // logged at once: no trigger function to regenerate.
        f.dest().exec("ALTER TABLE rep.t ADD COLUMN extra text");
        f.src().exec("ALTER TABLE mimeo.src_t_q ADD COLUMN extra text; ALTER TABLE src.t ADD COLUMN extra text;"
                     "UPDATE src.t SET extra = 'x' || a WHERE a <= 20");
        f.src().exec("DELETE FROM src.t WHERE a BETWEEN 6 AND 10");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t WHERE a BETWEEN 6 AND 10 AND mimeo_source_deleted IS NOT NULL "
                                 "AND extra = 'x' || a"),
                 int64_t(5));
        QCOMPARE(f.differences("SELECT a, b, v, extra FROM src.t",
                               "SELECT a, b, v, extra FROM rep.t WHERE mimeo_source_deleted IS NULL"),
                 QString());
    }

    void conditionIsNotAppliedToDeletions()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "ldcond");
        prepare(f, 100);
        auto req = logdel(f);
        req.condition = "WHERE a > 50";
        MIMEO_NOTHROW(f.make(req));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t"), int64_t(50));
        f.src().exec("DELETE FROM src.t WHERE a IN (10, 60); UPDATE src.t SET n = 0 WHERE a = 70");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        // mimeo logs every deletion, also of rows the condition never selected.
        QCOMPARE(text(f.dest(), "SELECT string_agg(a::text, ',' ORDER BY a) FROM rep.t WHERE mimeo_source_deleted IS NOT NULL"),
                 std::string("10,60"));
        QCOMPARE(f.differences("SELECT a, b, v, n FROM src.t WHERE a > 50",
                               "SELECT a, b, v, n FROM rep.t WHERE mimeo_source_deleted IS NULL"),
                 QString());
    }

    void filterShapesTheQueue()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "ldfilter");
        prepare(f, 100);
        auto req = logdel(f);
        req.filter = {"a", "b", "v"};
        MIMEO_NOTHROW(f.make(req));
        QCOMPARE(text(f.src(), "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute "
                               "WHERE attrelid = 'mimeo.src_t_q'::regclass AND attnum > 0"),
                 std::string("a,b,v,mimeo_source_deleted,processed"));
        f.src().exec("UPDATE src.t SET n = 0");
        QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"), int64_t(0));
        f.src().exec("DELETE FROM src.t WHERE a < 10");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        settle(f.src());
        QCOMPARE(f.differences("SELECT a, b, v, false FROM src.t UNION ALL SELECT a, b, v, true FROM src.expected_log",
                               "SELECT a, b, v, mimeo_source_deleted IS NOT NULL FROM rep.t"),
                 QString());
    }

    void failingRepullKeepsQueuedDeletions()
    {
        // mimeo's repull deleted the queue rows before doing anything on the
        // destination: a failure then lost the deletions it had queued.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "ldfail");
        prepare(f, 200);
        MIMEO_NOTHROW(f.make(logdel(f)));
        f.dest().exec("CREATE TABLE rep.block (why text); INSERT INTO rep.block VALUES ('x');"
                      "CREATE FUNCTION rep.refuse() RETURNS trigger LANGUAGE plpgsql AS "
                      "$$BEGIN IF EXISTS (SELECT 1 FROM rep.block) THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NULL; END$$;"
                      "CREATE CONSTRAINT TRIGGER refuse AFTER INSERT OR UPDATE OR DELETE ON rep.t DEFERRABLE INITIALLY DEFERRED "
                      "FOR EACH ROW EXECUTE FUNCTION rep.refuse();");
        f.src().exec("DELETE FROM src.t WHERE a <= 20");
        const auto queued = count(f.src(), "SELECT count(*) FROM mimeo.src_t_q");
        QCOMPARE(queued, int64_t(20));
        for (bool repull : {true, false}) {
            try {
                f.refresh("rep.t", repull);
                QFAIL("expected the commit to fail");
            } catch (const pg::Error &) {
            }
            QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"), queued);
        }
        f.dest().exec("DELETE FROM rep.block");
        MIMEO_NOTHROW(f.refresh("rep.t", true));
        settle(f.src());
        QCOMPARE(matchesModel(f), QString());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t WHERE mimeo_source_deleted IS NOT NULL"), int64_t(20));
    }

    void hostileIdentifiers()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "ldnames");
        f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA \"Src Sch\";"
                     "CREATE TABLE \"Src Sch\".\"Tab\"\"le\" (\"Key Col\" text, \"select\" int, \"$mimeo$\" json, \"é ü\" text[], "
                     "PRIMARY KEY (\"Key Col\", \"select\"));"
                     "INSERT INTO \"Src Sch\".\"Tab\"\"le\" SELECT 'k ' || g || ' '' \"', g, '{ \"a\" :  1 }', ARRAY['ü' || g, NULL] "
                     "FROM generate_series(1, 50) g;");
        f.dest().exec("CREATE SCHEMA \"Dest Sch\"");
        MIMEO_NOTHROW(f.make(f.request("logdel", "Src Sch.Tab\"le", "Dest Sch.My \"Dest\"")));
        const std::string src = "\"Src Sch\".\"Tab\"\"le\"";
        const std::string dst = "\"Dest Sch\".\"My \"\"Dest\"\"\"";
        f.src().exec("CREATE TABLE kept AS SELECT * FROM " + src + " WHERE \"select\" > 40");
        f.src().exec("DELETE FROM " + src + " WHERE \"select\" > 40");
        f.src().exec("UPDATE " + src + " SET \"Key Col\" = \"Key Col\" || '!' WHERE \"select\" < 5");
        MIMEO_NOTHROW(f.refresh("Dest Sch.My \"Dest\""));
        // json exactly as written (the trigger copies OLD through json, not jsonb).
        QCOMPARE(f.differences("SELECT *, false FROM " + src + " UNION ALL SELECT *, true FROM kept",
                               "SELECT \"Key Col\", \"select\", \"$mimeo$\", \"é ü\", mimeo_source_deleted IS NOT NULL FROM " + dst),
                 QString());
        MIMEO_NOTHROW(f.destroy("Dest Sch.My \"Dest\""));
        QCOMPARE(sourceObjects(f.src()), QStringList());
    }

    void destroyRemovesTheSourceObjects()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "lddestroy");
        prepare(f, 10);
        MIMEO_NOTHROW(f.make(logdel(f)));
        MIMEO_NOTHROW(f.make(logdel(f, "rep.t2")));
        MIMEO_NOTHROW(f.destroy("rep.t", false));
        QCOMPARE(sourceObjects(f.src()), QStringList({"function mimeo.src_t_mimeo_queue01", "table mimeo.src_t_q01", "trigger log_delete on src.t",
                                                      "trigger src_t_mimeo_trig01 on src.t"}));
        f.src().exec("DELETE FROM src.t WHERE a = 1");
        MIMEO_NOTHROW(f.refresh("rep.t2"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t2 WHERE mimeo_source_deleted IS NOT NULL"), int64_t(1));
        MIMEO_NOTHROW(f.destroy("rep.t2"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t2"), int64_t(10));
    }
};

QTEST_GUILESS_MAIN(TestLogdel)
#include "tst_logdel.moc"
