// SPDX-License-Identifier: PostgreSQL
// The snap type against real servers: data equality for every common type,
// hostile names, column changes rebuilt in one run with grants, owner and
// post_script kept, filter and condition, views as sources, failures that
// leave the destination untouched, readers never queued behind the swap,
// locks, destroy.
#include "catalog/config_row.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication_fixture.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>
#include <unistd.h>

using namespace mimeo;
using test::ReplicationFixture;

namespace {

const char *kTypes = R"SQL(
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE public.pair AS (a int, b text);
CREATE SCHEMA src;
CREATE TABLE src.t (
    id bigint PRIMARY KEY,
    n numeric(20,6),
    txt text,
    b bytea,
    arr int[],
    tarr text[],
    j json,
    jb jsonb,
    ts timestamptz,
    u uuid,
    m public.mood,
    d date,
    flag boolean
);
CREATE INDEX t_ts_idx ON src.t (ts);
CREATE UNIQUE INDEX t_u_key ON src.t (u);
CREATE INDEX t_lower_txt_idx ON src.t (lower(txt)) WHERE flag;
)SQL";

// (A plain string: moc misreads raw strings that hold backslashes and quotes.)
const char *kFill =
    "INSERT INTO src.t "
    "SELECT g, g * 1.5, CASE WHEN g % 7 = 0 THEN NULL ELSE E'row\\t' || g || E'\\nline two \\\\ back' END, "
    "       CASE WHEN g % 5 = 0 THEN NULL ELSE decode(md5(g::text), 'hex') END, "
    "       ARRAY[g, NULL], ARRAY['x\"y', NULL, 'a,b'], "
    "       json_build_object('g', g), jsonb_build_object('g', g, 'l', jsonb_build_array(1, NULL)), "
    "       timestamptz '2021-01-01 00:00:00+00' + g * interval '1 second', md5(g::text)::uuid, "
    "       (ARRAY['sad','ok','happy']::public.mood[])[1 + g % 3], date '2000-01-01' + g % 1000, g % 2 = 0 "
    "  FROM generate_series($1::int, $2::int) g";

void prepare(ReplicationFixture &f, int rows = 2000)
{
    f.src().exec(kTypes);
    f.src().exec(kFill, {"1", std::to_string(rows)});
    f.dest().exec("CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy'); CREATE TYPE public.pair AS (a int, b text); "
                  "CREATE SCHEMA rep;");
}

QStringList columnsOf(pg::Connection &c, const std::string &rel)
{
    auto r = c.exec("SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = $1::regclass "
                    "AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
                    {rel});
    QStringList out;
    for (int i = 0; i < r.rows(); ++i)
        out << QString::fromStdString(r.text(i, 0));
    return out;
}

int64_t count(pg::Connection &c, const std::string &sql) { return c.exec(sql).toInt(0, 0); }

// Role names are cluster-wide; tests use per-process names (snap_reader ->
// snap_reader_<pid>) so a crashed run cannot get in the way of the next.
std::string subst(std::string sql, const std::string &reader, const std::string &owner)
{
    for (const auto &[from, to] : {std::pair<std::string, std::string>{"snap_reader", reader}, {"snap_owner", owner}}) {
        for (size_t pos = sql.find(from); pos != std::string::npos; pos = sql.find(from, pos + to.size()))
            sql.replace(pos, from.size(), to);
    }
    return sql;
}

} // namespace

class TestSnapshot : public QObject {
    Q_OBJECT
private slots:
    void dataEqualAfterMakeAndRefresh_data()
    {
        QTest::addColumn<bool>("withComposite");
        QTest::newRow("binary COPY") << false;
        QTest::newRow("text COPY (a composite column)") << true;
    }
    void dataEqualAfterMakeAndRefresh()
    {
        QFETCH(bool, withComposite);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "snapeq");
        prepare(f);
        if (withComposite)
            f.src().exec("ALTER TABLE src.t ADD COLUMN p public.pair; UPDATE src.t SET p = ROW(id::int, 'p' || id)::public.pair WHERE id % 3 = 0");
        f.src().exec("INSERT INTO src.t (id) VALUES (0)"); // a row of NULLs

        auto made = f.make(f.request("snap", "src.t", "rep.t"));
        QCOMPARE(made.outcome, replication::Outcome::Done);
        QCOMPARE(made.rows, int64_t(2001));
        QCOMPARE(f.differences("SELECT * FROM src.t", "SELECT * FROM rep.t"), QString());
        // The maker leaves both tables in place and the view on one of them.
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t_snap1") + count(f.dest(), "SELECT count(*) FROM rep.t_snap2"),
                 int64_t(2001));
        QCOMPARE(f.lastJob("rep.t").value(0), QStringLiteral("ok"));
        const auto copied = f.dest().exec("SELECT message FROM mimeo.studio_job_step s JOIN mimeo.studio_job_log l USING (job_id) "
                                          "WHERE l.dest_table = 'rep.t' AND message LIKE 'copied%'").text(0, 0);
        QVERIFY2(copied.find(withComposite ? "text)" : "binary)") != std::string::npos, copied.c_str());

        f.src().exec("UPDATE src.t SET txt = E'changed\\\\ \\t', jb = '{\"x\": null}' WHERE id % 10 = 1; DELETE FROM src.t WHERE id % 10 = 2;");
        f.src().exec(kFill, {"2001", "2500"});
        auto refreshed = f.refresh("rep.t");
        QCOMPARE(refreshed.outcome, replication::Outcome::Done);
        QCOMPARE(f.differences("SELECT * FROM src.t", "SELECT * FROM rep.t"), QString());
        // The table the view no longer shows is emptied after the swap.
        const int64_t inactive = std::min(count(f.dest(), "SELECT count(*) FROM rep.t_snap1"),
                                          count(f.dest(), "SELECT count(*) FROM rep.t_snap2"));
        QCOMPARE(inactive, int64_t(0));
        // Indexes as on the source, on both tables, with mimeo's names.
        const auto idx = f.dest().exec("SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'rep'").text(0, 0);
        for (const char *name : {"t_snap1_id_pk", "t_snap2_id_pk", "snap1_t_snap1_ts_idx", "snap2_t_snap2_u_key",
                                 "snap1_t_snap1_lower_txt_idx"})
            QVERIFY2(idx.find(name) != std::string::npos, idx.c_str());
    }

    void hostileNamesOnBothSides()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "snapnames");
        f.src().exec(R"SQL(CREATE SCHEMA "Src Schema";
            CREATE TABLE "Src Schema"."Tab""le" ("Mixed Case" int PRIMARY KEY, "select" text, "a b" int);
            CREATE INDEX "Tab""le_select_idx" ON "Src Schema"."Tab""le" ("select");
            INSERT INTO "Src Schema"."Tab""le" SELECT g, 'v' || g, g FROM generate_series(1, 100) g;)SQL");
        f.dest().exec("CREATE SCHEMA \"Dest Sch\"");
        // A part holding a dot is double-quoted in the catalog's text form.
        QCOMPARE(f.make(f.request("snap", "Src Schema.Tab\"le", "Dest Sch.\"Dest.Snap\"")).outcome, replication::Outcome::Done);
        QCOMPARE(f.make(f.request("table", "Src Schema.Tab\"le", "Dest Sch.from")).outcome, replication::Outcome::Done);
        f.src().exec("UPDATE \"Src Schema\".\"Tab\"\"le\" SET \"select\" = 'w' WHERE \"Mixed Case\" < 10");
        QCOMPARE(f.refresh("Dest Sch.\"Dest.Snap\"").outcome, replication::Outcome::Done);
        QCOMPARE(f.refresh("Dest Sch.from").outcome, replication::Outcome::Done);
        const std::string src = "SELECT * FROM \"Src Schema\".\"Tab\"\"le\"";
        QCOMPARE(f.differences(src, "SELECT * FROM \"Dest Sch\".\"Dest.Snap\""), QString());
        QCOMPARE(f.differences(src, "SELECT * FROM \"Dest Sch\".\"from\""), QString());
    }

    void columnChangesRebuildInOneRunKeepingGrantsOwnerAndPostScript()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "snapcols");
        prepare(f, 300);
        QCOMPARE(f.make(f.request("snap", "src.t", "rep.t")).outcome, replication::Outcome::Done);
        auto &d = f.dest();
        const std::string reader = "snap_reader_" + std::to_string(getpid());
        const std::string owner = "snap_owner_" + std::to_string(getpid());
        MIMEO_NOTHROW(d.exec(subst("CREATE ROLE snap_reader; CREATE ROLE snap_owner;"
               "GRANT SELECT ON rep.t TO snap_reader WITH GRANT OPTION; GRANT SELECT (id) ON rep.t_snap1 TO snap_reader;"
               "ALTER VIEW rep.t OWNER TO snap_owner; ALTER TABLE rep.t_snap1 OWNER TO snap_owner;"
               "ALTER TABLE rep.t_snap2 OWNER TO snap_owner;"
               "CREATE TABLE public.post_log (at timestamptz DEFAULT clock_timestamp());"
               "UPDATE mimeo.refresh_config_snap SET post_script = ARRAY['INSERT INTO public.post_log DEFAULT VALUES', "
               "'CREATE INDEX IF NOT EXISTS dest_only_idx ON rep.t_snap1 (n)']", reader, owner)));
        f.adopt("rep.t"); // post_script set by hand: recorded on purpose (mimeo adopt)

        const std::vector<std::pair<const char *, const char *>> changes = {
            {"add", "ALTER TABLE src.t ADD COLUMN extra varchar(42) DEFAULT 'x'"},
            {"drop", "ALTER TABLE src.t DROP COLUMN b"},
            {"rename", "ALTER TABLE src.t RENAME COLUMN txt TO body"},
            {"type", "ALTER TABLE src.t ALTER COLUMN n TYPE numeric(30,2)"},
        };
        int rebuilds = 0;
        for (const auto &[what, sql] : changes) {
            f.src().exec(sql);
            replication::RunResult r;
            MIMEO_NOTHROW(r = f.refresh("rep.t"));
            ++rebuilds;
            QVERIFY2(r.message.find("rebuilt") != std::string::npos, (std::string(what) + ": " + r.message).c_str());
            const QStringList srcCols = columnsOf(f.src(), "src.t");
            QCOMPARE(columnsOf(d, "rep.t"), srcCols);
            QCOMPARE(columnsOf(d, "rep.t_snap1"), srcCols);
            QCOMPARE(columnsOf(d, "rep.t_snap2"), srcCols);
            QCOMPARE(f.differences("SELECT * FROM src.t", "SELECT * FROM rep.t"), QString());
            QCOMPARE(count(d, "SELECT count(*) FROM public.post_log"), int64_t(rebuilds));
            QVERIFY(d.exec("SELECT has_table_privilege($1, 'rep.t', 'SELECT WITH GRANT OPTION')", {reader}).toBool(0, 0));
            QVERIFY(d.exec("SELECT has_column_privilege($1, 'rep.t_snap1', 'id', 'SELECT')", {reader}).toBool(0, 0));
            QCOMPARE(d.exec("SELECT string_agg(DISTINCT pg_get_userbyid(relowner), ',') FROM pg_class "
                            "WHERE oid IN ('rep.t'::regclass, 'rep.t_snap1'::regclass, 'rep.t_snap2'::regclass)").text(0, 0),
                     owner);
            QVERIFY(d.exec("SELECT to_regclass('rep.dest_only_idx') IS NOT NULL").toBool(0, 0));
        }
        // No rebuild when nothing changed: post_script does not run again.
        f.src().exec("UPDATE src.t SET d = d + 1 WHERE id < 5");
        QVERIFY(f.refresh("rep.t").message.find("rebuilt") == std::string::npos);
        QCOMPARE(count(d, "SELECT count(*) FROM public.post_log"), int64_t(rebuilds));
        f.destroy("rep.t", false);
        d.exec(subst("DROP TABLE public.post_log; DROP OWNED BY snap_reader, snap_owner; DROP ROLE snap_reader; DROP ROLE snap_owner;",
                     reader, owner));
    }

    void filterAndCondition()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "snapfilter");
        prepare(f, 500);
        f.src().exec("CREATE TABLE src.keep (id bigint); INSERT INTO src.keep SELECT g FROM generate_series(1, 500, 3) g;");
        auto req = f.request("snap", "src.t", "rep.filtered");
        req.filter = {"id", "txt", "m"};
        req.condition = "WHERE id % 2 = 0";
        QCOMPARE(f.make(req).outcome, replication::Outcome::Done);
        QCOMPARE(columnsOf(f.dest(), "rep.filtered"), QStringList({"id bigint", "txt text", "m mood"}));
        QCOMPARE(f.differences("SELECT id, txt, m FROM src.t WHERE id % 2 = 0", "SELECT * FROM rep.filtered"), QString());
        // With a filter only the replication key is indexed (mimeo's rule).
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM pg_indexes WHERE tablename = 'filtered_snap1'"), int64_t(1));

        // Extra source tables before WHERE, as mimeo allows.
        auto joined = f.request("table", "src.t", "rep.joined");
        joined.filter = {"id", "d"};
        joined.condition = ", src.keep k WHERE k.id = t.id";
        QCOMPARE(f.make(joined).outcome, replication::Outcome::Done);
        QCOMPARE(f.differences("SELECT t.id, t.d FROM src.t, src.keep k WHERE k.id = t.id", "SELECT * FROM rep.joined"), QString());

        // A filter naming a column the source lacks is refused, naming it, and nothing is made.
        auto bad = f.request("snap", "src.t", "rep.bad");
        bad.filter = {"id", "nope"};
        try {
            f.make(bad);
            QFAIL("expected an error");
        } catch (const pg::Error &e) {
            QVERIFY2(std::string(e.what()).find("nope") != std::string::npos, e.what());
        }
        QVERIFY(!catalog::findConfig(f.dest(), "mimeo", "rep.bad"));
        QVERIFY(!f.dest().exec("SELECT to_regclass('rep.bad_snap1') IS NOT NULL").toBool(0, 0));
        QCOMPARE(f.lastJob("rep.bad").value(0), QStringLiteral("failed"));
    }

    void viewsAreSources()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "snapview");
        prepare(f, 200);
        f.src().exec("CREATE VIEW src.v AS SELECT id, txt, m FROM src.t WHERE flag");
        QCOMPARE(f.make(f.request("snap", "src.v", "rep.v")).outcome, replication::Outcome::Done);
        QCOMPARE(f.make(f.request("table", "src.v", "rep.vt")).outcome, replication::Outcome::Done);
        QCOMPARE(f.dest().exec("SELECT check_stats FROM mimeo.refresh_config_snap WHERE dest_table = 'rep.v'").text(0, 0),
                 std::string("f"));
        f.src().exec("UPDATE src.t SET flag = NOT flag WHERE id < 50");
        QCOMPARE(f.refresh("rep.v").outcome, replication::Outcome::Done);
        QCOMPARE(f.refresh("rep.vt").outcome, replication::Outcome::Done);
        QCOMPARE(f.differences("SELECT * FROM src.v", "SELECT * FROM rep.v"), QString());
        QCOMPARE(f.differences("SELECT * FROM src.v", "SELECT * FROM rep.vt"), QString());
    }

    void sourceKilledHalfwayLeavesDestinationUnchanged()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "snapkill");
        prepare(f, 60000);
        QCOMPARE(f.make(f.request("snap", "src.t", "rep.t")).outcome, replication::Outcome::Done);
        const auto before = f.dest().exec("SELECT md5(string_agg(t::text, '' ORDER BY id)) FROM rep.t t").text(0, 0);
        f.src().exec("UPDATE src.t SET txt = 'new' WHERE id < 100");
        auto killer = env->source.connect();
        bool killed = false;
        f.context().progress = [&](const replication::Progress &p) {
            if (!killed && p.rows >= 20000) {
                killer.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 "
                            "AND application_name LIKE 'mimeo:refresh:%'",
                            {f.srcDb().name()});
                killed = true;
            }
        };
        try {
            f.refresh("rep.t", true);
            QFAIL("expected the refresh to fail");
        } catch (const pg::Error &e) {
            QCOMPARE(e.side(), pg::Side::Source);
        }
        QVERIFY(killed);
        QCOMPARE(f.dest().exec("SELECT md5(string_agg(t::text, '' ORDER BY id)) FROM rep.t t").text(0, 0), before);
        const auto job = f.lastJob("rep.t");
        QCOMPARE(job.value(0), QStringLiteral("failed"));
        QCOMPARE(job.value(4), QStringLiteral("source"));
        QVERIFY(!job.value(1).isEmpty()); // an SQLSTATE
        // The next refresh converges.
        f.context().progress = nullptr;
        QCOMPARE(f.refresh("rep.t").outcome, replication::Outcome::Done);
        QCOMPARE(f.differences("SELECT * FROM src.t", "SELECT * FROM rep.t"), QString());
    }

    void destinationFailureRollsBackEverything()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "snapdfail");
        prepare(f, 100);
        QCOMPARE(f.make(f.request("snap", "src.t", "rep.t")).outcome, replication::Outcome::Done);
        f.dest().exec("UPDATE mimeo.refresh_config_snap SET post_script = ARRAY['SELECT no_such_function()']");
        f.adopt("rep.t");
        const auto lastRun = f.dest().exec("SELECT last_run::text FROM mimeo.refresh_config_snap").text(0, 0);
        const QStringList columnsBefore = columnsOf(f.dest(), "rep.t");
        f.src().exec("ALTER TABLE src.t ADD COLUMN later int");
        try {
            f.refresh("rep.t");
            QFAIL("expected the post_script to fail");
        } catch (const pg::Error &e) {
            QCOMPARE(e.side(), pg::Side::Destination);
            QCOMPARE(e.sqlstate(), std::string("42883"));
        }
        QCOMPARE(columnsOf(f.dest(), "rep.t"), columnsBefore);
        QCOMPARE(f.dest().exec("SELECT last_run::text FROM mimeo.refresh_config_snap").text(0, 0), lastRun);
        const auto job = f.lastJob("rep.t");
        QCOMPARE(job.value(0), QStringLiteral("failed"));
        QCOMPARE(job.value(1), QStringLiteral("42883"));
        QCOMPARE(job.value(4), QStringLiteral("destination"));
    }

    void readersAreNotQueuedBehindTheSwap()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "snapswap");
        prepare(f, 1000);
        QCOMPARE(f.make(f.request("snap", "src.t", "rep.t")).outcome, replication::Outcome::Done);
        // A long report holds the view.
        auto longReader = f.destDb().connect();
        longReader.exec("BEGIN; SELECT count(*) FROM rep.t;");
        std::atomic<bool> done{false};
        std::string failure;
        std::thread refresher([&] {
            try {
                auto conn = f.destDb().connect(pg::Side::Destination);
                replication::RefreshRequest r;
                r.destTable = "rep.t";
                r.repull = true;
                replication::RunContext ctx;
                replication::refresh(conn, r, ctx);
            } catch (const std::exception &e) {
                failure = e.what();
            }
            done = true;
        });
        // While the refresh waits for the view, new readers still get through.
        auto reader = f.destDb().connect();
        reader.exec("SET lock_timeout = '3s'");
        for (int i = 0; i < 6; ++i) {
            QTest::qWait(300);
            QCOMPARE(reader.exec("SELECT count(*) FROM rep.t").toInt(0, 0), int64_t(1000));
        }
        QVERIFY(!done.load()); // it is really waiting for the long reader
        longReader.exec("COMMIT");
        refresher.join();
        QVERIFY2(failure.empty(), failure.c_str());
    }

    void concurrentRefreshIsLockedAndLogged()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "snaplock");
        prepare(f, 10);
        QCOMPARE(f.make(f.request("snap", "src.t", "rep.t")).outcome, replication::Outcome::Done);
        auto holder = f.destDb().connect();
        holder.exec("BEGIN; SELECT pg_advisory_xact_lock(hashtext('mimeo advisory lock'), hashtext('rep.t'));");
        const auto r = f.refresh("rep.t", true);
        QCOMPARE(r.outcome, replication::Outcome::Locked);
        QCOMPARE(f.lastJob("rep.t").value(0), QStringLiteral("skipped"));
        holder.exec("COMMIT");
        QCOMPARE(f.refresh("rep.t", true).outcome, replication::Outcome::Done);
    }

    void progressReportsRowsAndTheEstimate()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "snapprog");
        prepare(f, 30000);
        f.src().exec("ANALYZE src.t");
        QCOMPARE(f.make(f.request("snap", "src.t", "rep.t")).outcome, replication::Outcome::Done);
        QVERIFY(f.progress.size() >= 3);
        bool sawCopy = false;
        for (const auto &p : f.progress) {
            if (p.phase == "copying") {
                sawCopy = true;
                QVERIFY(p.estimatedRows > 25000 && p.estimatedRows < 35000);
            }
        }
        QVERIFY(sawCopy);
        int64_t last = 0;
        for (const auto &p : f.progress)
            if (p.phase == "copying")
                last = p.rows;
        QCOMPARE(last, int64_t(30000));
    }

    void makeRefusesExistingObjectsAndBadNames()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "snapexists");
        prepare(f, 10);
        f.dest().exec("CREATE TABLE rep.taken_snap2 (x int)");
        try {
            f.make(f.request("snap", "src.t", "rep.taken"));
            QFAIL("expected an error");
        } catch (const pg::Error &e) {
            QVERIFY2(std::string(e.what()).find("rep.taken_snap2") != std::string::npos, e.what());
        }
        QVERIFY(!catalog::findConfig(f.dest(), "mimeo", "rep.taken"));
        try {
            f.make(f.request("snap", "src.t", "nosuchschema.t"));
            QFAIL("expected an error");
        } catch (const pg::Error &e) {
            QVERIFY2(e.hint().find("CREATE SCHEMA") != std::string::npos, e.what());
        }
        try {
            f.make(f.request("snap", "src.t", "rep." + std::string(60, 'x')));
            QFAIL("expected an error");
        } catch (const pg::Error &e) {
            QVERIFY2(std::string(e.what()).find("too long") != std::string::npos, e.what());
        }
        try {
            f.make(f.request("snap", "src.missing", "rep.m"));
            QFAIL("expected an error");
        } catch (const pg::Error &e) {
            QCOMPARE(e.side(), pg::Side::Source);
            QVERIFY2(std::string(e.what()).find("src.missing") != std::string::npos, e.what());
        }
        QCOMPARE(f.make(f.request("snap", "src.t", "rep.ok")).outcome, replication::Outcome::Done);
        try {
            f.make(f.request("table", "src.t", "rep.ok"));
            QFAIL("expected an error");
        } catch (const pg::Error &e) {
            QVERIFY2(std::string(e.what()).find("already configured") != std::string::npos, e.what());
        }
    }

    void noIndexIsRememberedAcrossRebuilds()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "snapnoidx");
        prepare(f, 10);
        auto req = f.request("snap", "src.t", "rep.t");
        req.index = false;
        QCOMPARE(f.make(req).outcome, replication::Outcome::Done);
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM pg_indexes WHERE schemaname = 'rep'"), int64_t(0));
        f.src().exec("ALTER TABLE src.t ADD COLUMN z int");
        QCOMPARE(f.refresh("rep.t").outcome, replication::Outcome::Done);
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM pg_indexes WHERE schemaname = 'rep'"), int64_t(0));
    }

    void destroyKeepsOrDrops()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "snapdestroy");
        prepare(f, 50);
        QCOMPARE(f.make(f.request("snap", "src.t", "rep.keep")).outcome, replication::Outcome::Done);
        QCOMPARE(f.make(f.request("snap", "src.t", "rep.drop")).outcome, replication::Outcome::Done);
        const std::string reader = "snap_destroy_reader_" + std::to_string(getpid());
        f.dest().exec(subst("CREATE ROLE snap_reader; GRANT SELECT ON rep.keep TO snap_reader", reader, {}));
        f.destroy("rep.keep", true);
        QCOMPARE(f.dest().exec("SELECT relkind FROM pg_class WHERE oid = 'rep.keep'::regclass").text(0, 0), std::string("r"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.keep"), int64_t(50));
        QVERIFY(f.dest().exec("SELECT has_table_privilege($1, 'rep.keep', 'SELECT')", {reader}).toBool(0, 0));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM pg_indexes WHERE tablename = 'keep'"), int64_t(4));
        QVERIFY(!f.dest().exec("SELECT to_regclass('rep.keep_snap1') IS NOT NULL OR to_regclass('rep.keep_snap2') IS NOT NULL").toBool(0, 0));
        f.destroy("rep.drop", false);
        QVERIFY(!f.dest().exec("SELECT to_regclass('rep.drop') IS NOT NULL OR to_regclass('rep.drop_snap1') IS NOT NULL").toBool(0, 0));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config"), int64_t(0));
        f.dest().exec(subst("DROP OWNED BY snap_reader; DROP ROLE snap_reader", reader, {}));
    }
};

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
