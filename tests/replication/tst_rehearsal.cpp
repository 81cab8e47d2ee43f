// SPDX-License-Identifier: PostgreSQL
// Issue 15: the SQL a wizard's Summary page and the Destroy dialog show is a
// rehearsal of the real make and destroy (the same code, run inside
// transactions that are rolled back), and what the real run then sends is
// exactly that. A rehearsal leaves nothing on either server and no job-log
// row. A cancelled make leaves nothing half made. Below the engine: the
// connection's rehearsal (transaction control as savepoints, autocommit
// failures, statements that cannot run in a transaction block, COPY) and
// its statement recording.
#include "pg/cancel.h"
#include "pg/connection.h"
#include "pg/copy_stream.h"
#include "pg/error.h"
#include "pg/statement_kind.h"
#include "pg/statement_log.h"
#include "replication/rehearsal.h"
#include "replication_fixture.h"
#include "tst_dml_support.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>

using namespace mimeo;
using test::ReplicationFixture;

namespace {

// One source table serves every type: a key, a time and a serial control
// column, and an index besides the key.
void prepare(ReplicationFixture &f)
{
    f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA src;"
                 "CREATE TABLE src.t (id int PRIMARY KEY, v text, ts timestamptz NOT NULL, n bigint NOT NULL);"
                 "CREATE INDEX t_v_idx ON src.t (v);"
                 "INSERT INTO src.t SELECT g, 'v' || g, now() - interval '1 day' + g * interval '1 second', g "
                 "FROM generate_series(1, 1000) g;");
    f.dest().exec("CREATE SCHEMA rep");
}

replication::MakeRequest requestFor(ReplicationFixture &f, const std::string &type, const std::string &dest,
                                    const std::string &source = "src.t")
{
    auto r = f.request(type, source, dest);
    if (type.rfind("inserter", 0) == 0 || type.rfind("updater", 0) == 0)
        r.control = type.find("_time") != std::string::npos ? "ts" : "n";
    return r;
}

QStringList rows(pg::Connection &c, const std::string &sql)
{
    auto r = c.exec(sql);
    QStringList out;
    for (int i = 0; i < r.rows(); ++i)
        out << QString::fromStdString(r.text(i, 0));
    return out;
}

// Everything a make or destroy could leave or change, on both sides, and
// what the job log holds: equal before and after a rehearsal.
QStringList state(ReplicationFixture &f)
{
    auto &d = f.dest();
    QStringList out;
    out << rows(d, "SELECT 'relation ' || c.relname || ' ' || c.relkind::text FROM pg_class c "
                   "WHERE c.relnamespace = 'rep'::regnamespace ORDER BY 1");
    out << rows(d, "SELECT 'config ' || tableoid::regclass::text || ' ' || dest_table || ' ' || coalesce(last_run::text, '-') "
                   "FROM mimeo.refresh_config ORDER BY 1");
    out << rows(d, "SELECT 'identity ' || dest_table || ' ' || coalesce(dest_oid::text, '-') FROM mimeo.studio_replication_identity "
                   "ORDER BY 1");
    out << rows(d, "SELECT 'state ' || dest_table FROM mimeo.studio_table_state ORDER BY 1");
    out << rows(d, "SELECT 'jobs ' || count(*) FROM mimeo.studio_job_log");
    out << rows(d, "SELECT 'destination locks ' || count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    for (const auto &table : rows(d, "SELECT c.oid::regclass::text FROM pg_class c WHERE c.relnamespace = 'rep'::regnamespace "
                                     "AND c.relkind IN ('r', 'v') ORDER BY 1"))
        out << rows(d, "SELECT 'rows " + table.toStdString() + " ' || count(*) FROM " + table.toStdString());
    for (const auto &o : test::queue::sourceObjects(f.src()))
        out << QStringLiteral("source ") + o;
    out << rows(f.src(), "SELECT 'source locks ' || count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    out << rows(f.src(), "SELECT 'source rows ' || count(*) FROM src.t");
    return out;
}

// The SQL texts of one side, in order; only those that change something
// when changesOnly.
QStringList texts(const std::vector<pg::LoggedStatement> &all, pg::Side side, bool changesOnly)
{
    QStringList out;
    for (const auto &s : pg::statementsOf(all, side)) {
        if (!changesOnly || pg::changesSomething(s))
            out << QString::fromStdString(s.sql);
    }
    return out;
}

bool anyStartsWith(const QStringList &list, const QString &prefix)
{
    return std::any_of(list.begin(), list.end(), [&](const QString &s) { return s.startsWith(prefix); });
}

// What the rehearsal showed is what the real run sent: every statement, in
// order, on each side, and so also the ones that change something. No
// normalisation is needed: nothing in our statements' texts is specific to
// one run (run-specific values, such as last_run or a pulled snapshot, are
// parameters).
void compareRuns(const std::vector<pg::LoggedStatement> &shown, const std::vector<pg::LoggedStatement> &ran)
{
    for (const auto side : {pg::Side::Destination, pg::Side::Source}) {
        QCOMPARE(texts(ran, side, true), texts(shown, side, true));
        QCOMPARE(texts(ran, side, false), texts(shown, side, false));
    }
    QCOMPARE(texts(ran, pg::Side::Unknown, false), QStringList());
}

std::vector<pg::LoggedStatement> recorded(ReplicationFixture &f, const std::function<void()> &run)
{
    pg::StatementLog log;
    f.context().statements = &log;
    try {
        run();
    } catch (...) {
        f.context().statements = nullptr;
        throw;
    }
    f.context().statements = nullptr;
    return log.statements();
}

const QStringList kTypes = {"snap", "table", "inserter_time", "inserter_serial", "updater_time", "updater_serial", "dml", "logdel"};

bool isQueue(const QString &type) { return type == QLatin1String("dml") || type == QLatin1String("logdel"); }

} // namespace

class TestRehearsal : public QObject {
    Q_OBJECT
private slots:
    // ---- the connection's rehearsal and recording -------------------------

    void rehearsalRunsTransactionControlAsSavepoints()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "rh_conn");
        auto c = db.connect(pg::Side::Destination);
        pg::StatementLog log;
        c.record(&log);
        c.rehearse(true);
        QVERIFY(c.rehearsing());
        QVERIFY(!c.inTransaction()); // the code's view: no transaction of its own yet

        c.exec("CREATE TABLE a (x int)"); // outside the code's transaction: autocommit
        {
            pg::Transaction tx(c, "BEGIN ISOLATION LEVEL REPEATABLE READ");
            QVERIFY(c.inTransaction());
            c.exec("INSERT INTO a VALUES (1)");
            tx.commit();
        }
        QVERIFY(!c.inTransaction());
        {
            pg::Transaction tx(c);
            c.exec("INSERT INTO a VALUES (2)");
        } // rolled back
        // A failing autocommit statement spoils nothing that follows; nor
        // does a statement the server refuses to describe (type names).
        QVERIFY_THROWS_EXCEPTION(pg::Error, c.exec("SELECT 1 / 0"));
        QVERIFY_THROWS_EXCEPTION(pg::Error, c.describeResult("SELECT NULL::no_such_type"));
        QCOMPARE(c.describeResult("SELECT NULL::int").size(), size_t(1));
        // A failing statement inside the code's transaction: its COMMIT rolls back, as the server's would.
        {
            pg::Transaction tx(c);
            c.exec("INSERT INTO a VALUES (3)");
            QVERIFY_THROWS_EXCEPTION(pg::Error, c.exec("INSERT INTO a VALUES ('x')"));
            tx.commit();
        }
        QCOMPARE(c.exec("SELECT string_agg(x::text, ',') FROM a").text(0, 0), std::string("1"));
        // Savepoints of the code's own work inside its transaction, and only there.
        {
            pg::Transaction tx(c);
            c.exec("SAVEPOINT mine");
            c.exec("INSERT INTO a VALUES (4)");
            c.exec("ROLLBACK TO SAVEPOINT mine; RELEASE SAVEPOINT mine");
            tx.commit();
        }
        try {
            c.exec("SAVEPOINT outside");
            QFAIL("a savepoint outside a transaction block went through");
        } catch (const pg::Error &e) {
            QCOMPARE(e.sqlstate(), std::string("25P01"));
        }
        // Cannot run in a transaction block: recorded, not run.
        c.exec("VACUUM a");
        QCOMPARE(c.exec("SELECT count(*) FROM a").toInt(0, 0), int64_t(1));

        c.rehearse(false);
        c.record(nullptr);
        QVERIFY(!c.rehearsing());
        QVERIFY(!c.inTransaction());
        QCOMPARE(c.exec("SELECT to_regclass('a') IS NULL").text(0, 0), std::string("t"));

        // The log holds what the code sent, as it sent it, and none of the rehearsal's own savepoints.
        QStringList sent;
        for (const auto &s : log.statements()) {
            QCOMPARE(s.side, pg::Side::Destination);
            sent << QString::fromStdString(s.sql);
        }
        QCOMPARE(sent, QStringList({"CREATE TABLE a (x int)", "BEGIN ISOLATION LEVEL REPEATABLE READ",
                                    "INSERT INTO a VALUES (1)", "COMMIT", "BEGIN", "INSERT INTO a VALUES (2)", "ROLLBACK",
                                    "SELECT 1 / 0", "BEGIN", "INSERT INTO a VALUES (3)", "INSERT INTO a VALUES ('x')",
                                    "COMMIT", "SELECT string_agg(x::text, ',') FROM a", "BEGIN", "SAVEPOINT mine",
                                    "INSERT INTO a VALUES (4)", "ROLLBACK TO SAVEPOINT mine; RELEASE SAVEPOINT mine",
                                    "COMMIT", "SAVEPOINT outside", "VACUUM a", "SELECT count(*) FROM a"}));
    }

    void recordingKeepsParametersAndStopsWhenAsked()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->source, "rh_rec");
        auto c = db.connect(pg::Side::Source);
        pg::StatementLog log;
        c.exec("SELECT 'before'");
        c.record(&log);
        c.exec("SELECT $1::text, $2::int", {std::string("x"), std::nullopt});
        c.execCleanup("SELECT 'cleanup'");
        c.record(nullptr);
        c.exec("SELECT 'after'");
        const auto all = log.statements();
        QCOMPARE(all.size(), size_t(2));
        QCOMPARE(all[0].side, pg::Side::Source);
        QCOMPARE(all[0].sql, std::string("SELECT $1::text, $2::int"));
        QCOMPARE(all[0].params, pg::Params({std::string("x"), std::nullopt}));
        QCOMPARE(all[1].sql, std::string("SELECT 'cleanup'"));
        // A failing statement is in the log too: it is recorded before it runs.
        c.record(&log);
        QVERIFY_THROWS_EXCEPTION(pg::Error, c.exec("SELECT * FROM no_such_table"));
        QCOMPARE(log.statements().back().sql, std::string("SELECT * FROM no_such_table"));
        log.clear();
        QCOMPARE(log.size(), size_t(0));
    }

    void closingARehearsingConnectionRollsBack()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "rh_close");
        {
            auto c = db.connect(pg::Side::Destination);
            c.rehearse(true);
            c.exec("CREATE TABLE gone (x int)");
        }
        auto check = db.connect();
        QCOMPARE(check.exec("SELECT to_regclass('gone') IS NULL").text(0, 0), std::string("t"));
        // A rehearsal starts outside a transaction only.
        pg::Transaction tx(check);
        QVERIFY_THROWS_EXCEPTION(pg::Error, check.rehearse(true));
    }

    // Both COPY statements go to the servers as written (so they are
    // checked), no row moves, and the rest goes on as if the source were
    // empty: text and binary, FREEZE into a table made in the code's
    // transaction, a big source stopped at once.
    void rehearsedCopySendsBothStatementsAndMovesNoRow_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("text") << QString();
        QTest::newRow("binary") << QStringLiteral(" (FORMAT binary)");
    }

    void rehearsedCopySendsBothStatementsAndMovesNoRow()
    {
        MIMEO_REQUIRE_ENV(env);
        QFETCH(QString, format);
        const std::string fmt = format.toStdString();
        test::ScratchDb srcDb(env->source, "rh_copy_s");
        test::ScratchDb destDb(env->dest, "rh_copy_d");
        auto src = srcDb.connect(pg::Side::Source);
        auto dest = destDb.connect(pg::Side::Destination);
        src.exec("CREATE TABLE big AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 300000) g");
        pg::StatementLog log;
        src.record(&log);
        dest.record(&log);
        src.rehearse(true);
        dest.rehearse(true);
        {
            pg::Transaction stx(src, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            pg::Transaction tx(dest);
            dest.exec("CREATE TABLE copy_target (id int, v text)");
            QElapsedTimer t;
            t.start();
            const auto stats = pg::streamCopy(src, "COPY big (id, v) TO STDOUT" + fmt, dest,
                                              "COPY copy_target (id, v) FROM STDIN" + (fmt.empty() ? std::string(" (FREEZE)")
                                                                                                   : " (FORMAT binary, FREEZE)"));
            QCOMPARE(stats.rows, int64_t(0));
            QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
            // Both connections go on in their transactions.
            QCOMPARE(dest.exec("SELECT count(*) FROM copy_target").toInt(0, 0), int64_t(0));
            QCOMPARE(src.exec("SELECT count(*) FROM big").toInt(0, 0), int64_t(300000));
            tx.commit();
            stx.commit();
        }
        // A COPY the server refuses fails as in the real run, on its side, and spoils nothing.
        try {
            pg::streamCopy(src, "COPY big (id, nope) TO STDOUT" + fmt, dest, "COPY copy_target (id, v) FROM STDIN" + fmt);
            QFAIL("a source COPY of a missing column went through");
        } catch (const pg::Error &e) {
            QCOMPARE(e.side(), pg::Side::Source);
            QCOMPARE(e.sqlstate(), std::string("42703"));
        }
        try {
            pg::streamCopy(src, "COPY big (id, v) TO STDOUT" + fmt, dest, "COPY copy_target (id, nope) FROM STDIN" + fmt);
            QFAIL("a destination COPY of a missing column went through");
        } catch (const pg::Error &e) {
            QCOMPARE(e.side(), pg::Side::Destination);
            QCOMPARE(e.sqlstate(), std::string("42703"));
        }
        QCOMPARE(dest.exec("SELECT count(*) FROM copy_target").toInt(0, 0), int64_t(0));
        src.rehearse(false);
        dest.rehearse(false);
        QCOMPARE(dest.exec("SELECT to_regclass('copy_target') IS NULL").text(0, 0), std::string("t"));
        QCOMPARE(texts(log.statements(), pg::Side::Source, false).filter(QStringLiteral("COPY")).size(), 3);
        QCOMPARE(texts(log.statements(), pg::Side::Destination, false).filter(QStringLiteral("COPY")).size(), 2);
    }

    // ---- make and destroy --------------------------------------------------

    void rehearsedMakeIsTheRealMake_data()
    {
        QTest::addColumn<QString>("type");
        for (const auto &t : kTypes)
            QTest::newRow(qPrintable(t)) << t;
    }

    // For every type: the rehearsal leaves nothing (no destination table,
    // no catalog row, no source object, no job-log row); the real make sends
    // what it showed. Then destroy, keeping the table and dropping it: the
    // rehearsal changes nothing, the real destroy sends what it showed.
    void rehearsedMakeIsTheRealMake()
    {
        MIMEO_REQUIRE_ENV(env);
        QFETCH(QString, type);
        const std::string t = type.toStdString();
        ReplicationFixture f(env, "rh_" + t);
        prepare(f);
        const QStringList empty = state(f);
        QVERIFY(empty.contains(QStringLiteral("jobs 0")));

        const auto req = requestFor(f, t, "rep.t");
        const auto shown = replication::rehearseMake(f.dest(), req, f.context());
        QVERIFY2(shown.ok(), shown.error ? shown.error->describe(true).c_str() : "");
        QCOMPARE(shown.result.outcome, replication::Outcome::Done);
        QCOMPARE(shown.result.rows, int64_t(0));
        QCOMPARE(state(f), empty);
        QVERIFY(!f.dest().inTransaction());
        QVERIFY(!f.dest().rehearsing());
        QVERIFY(f.dest().recordingTo() == nullptr);

        // The preview shows the pull and what the make builds.
        const auto destChanges = texts(shown.statements, pg::Side::Destination, true);
        const auto srcAll = texts(shown.statements, pg::Side::Source, false);
        QVERIFY(anyStartsWith(destChanges, QStringLiteral("CREATE TABLE ")));
        QVERIFY(anyStartsWith(destChanges, QStringLiteral("INSERT INTO \"mimeo\".\"refresh_config_")));
        QVERIFY(anyStartsWith(destChanges, QStringLiteral("COPY ")));
        QVERIFY(anyStartsWith(srcAll, QStringLiteral("COPY ")));
        if (isQueue(type)) {
            const auto srcChanges = texts(shown.statements, pg::Side::Source, true);
            QVERIFY(anyStartsWith(srcChanges, QStringLiteral("CREATE TRIGGER ")));
            QVERIFY(anyStartsWith(srcChanges, QStringLiteral("CREATE FUNCTION ")));
        } else {
            QCOMPARE(texts(shown.statements, pg::Side::Source, true), QStringList());
        }

        replication::RunResult made;
        const auto ran = recorded(f, [&] { made = f.make(req); });
        // A serial table's window ends 10 (the default boundary) below the highest value.
        QCOMPARE(made.rows, int64_t(type.endsWith(QLatin1String("_serial")) ? 989 : 1000));
        compareRuns(shown.statements, ran);

        // Destroy keeping the table, then (after a second make) dropping it.
        for (const bool keep : {true, false}) {
            const std::string table = keep ? "rep.t" : "rep.u";
            if (!keep)
                MIMEO_NOTHROW(f.make(requestFor(f, t, table)));
            const QStringList before = state(f);
            const auto preview = replication::rehearseDestroy(f.dest(), table, keep, f.context());
            QVERIFY2(preview.ok(), preview.error ? preview.error->describe(true).c_str() : "");
            QCOMPARE(state(f), before);
            QVERIFY(anyStartsWith(texts(preview.statements, pg::Side::Destination, true), QStringLiteral("DELETE FROM ")));
            QCOMPARE(isQueue(type), anyStartsWith(texts(preview.statements, pg::Side::Source, true), QStringLiteral("DROP TRIGGER ")));
            const auto destroyed = recorded(f, [&] { f.destroy(table, keep); });
            compareRuns(preview.statements, destroyed);
            QCOMPARE(f.lastJob(table).value(0), QStringLiteral("ok"));
        }
    }

    // make() itself with a context that rehearses: the job log it carries is
    // not written, and nothing stays.
    void aRehearsingContextWritesNoJobLog()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "rh_ctx");
        prepare(f);
        const QStringList empty = state(f);
        replication::RunContext ctx = f.context();
        QVERIFY(ctx.log != nullptr);
        ctx.rehearse = true;
        replication::RunResult r;
        MIMEO_NOTHROW(r = replication::make(f.dest(), requestFor(f, "dml", "rep.t"), ctx));
        QCOMPARE(r.outcome, replication::Outcome::Done);
        QCOMPARE(r.jobId, int64_t(0));
        QCOMPARE(state(f), empty);
    }

    // A rehearsal that fails says why, with the statements up to the failing
    // one, and leaves nothing either.
    void failedRehearsalSaysWhy()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "rh_fail");
        prepare(f);
        const QStringList empty = state(f);
        auto req = requestFor(f, "dml", "rep.t");
        req.condition = "WHERE no_such_column > 0";
        const auto shown = replication::rehearseMake(f.dest(), req, f.context());
        QVERIFY(!shown.ok());
        QCOMPARE(shown.error->side(), pg::Side::Source);
        QCOMPARE(shown.error->sqlstate(), std::string("42703"));
        // The statement that failed is among those shown: the pull's COPY.
        const QString failed = QString::fromStdString(shown.error->statement());
        QVERIFY2(failed.startsWith(QStringLiteral("COPY ")), qPrintable(failed));
        QVERIFY(texts(shown.statements, pg::Side::Source, false).contains(failed));
        QCOMPARE(state(f), empty);
        // The real make fails the same way.
        QVERIFY_THROWS_EXCEPTION(pg::Error, f.make(req));
        QCOMPARE(f.lastJob("rep.t").value(1), QStringLiteral("42703"));
    }

    // ---- cancel ------------------------------------------------------------

    void cancelDuringTheInitialPullLeavesNothing_data()
    {
        QTest::addColumn<QString>("type");
        for (const auto &t : kTypes)
            QTest::newRow(qPrintable(t)) << t;
    }

    // A large source whose pull takes seconds (a condition that sleeps now
    // and then); the cancel comes once rows are arriving. Afterwards: no
    // destination table, no catalog row, no source object, no lock, nothing
    // running, and the job log says cancelled.
    void cancelDuringTheInitialPullLeavesNothing()
    {
        MIMEO_REQUIRE_ENV(env);
        QFETCH(QString, type);
        const std::string t = type.toStdString();
        ReplicationFixture f(env, "rh_cancel_" + t);
        f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA src;"
                     "CREATE TABLE src.big (id int PRIMARY KEY, v text, ts timestamptz NOT NULL, n bigint NOT NULL);"
                     "INSERT INTO src.big SELECT g, 'v' || g, now() - interval '1 day', g FROM generate_series(1, 100000) g;");
        f.dest().exec("CREATE SCHEMA rep");
        auto req = requestFor(f, t, "rep.big", "src.big");
        // About 5 s: a second's pause every 20,000 rows.
        req.condition = "WHERE src.big.id % 20000 <> 0 OR pg_sleep(1) IS NOT NULL";

        pg::CancelToken token;
        std::atomic<bool> copying{false};
        f.context().cancel = &token;
        f.context().progress = [&](const replication::Progress &p) {
            if (p.phase == "copying" && p.rows > 0)
                copying = true;
        };
        std::thread canceller([&] {
            for (int i = 0; i < 300 && !copying; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            token.request("cancelled by the test");
        });
        QElapsedTimer elapsed;
        elapsed.start();
        bool threw = false;
        try {
            f.make(req);
        } catch (const pg::Error &) {
            threw = true;
        }
        canceller.join();
        f.context().cancel = nullptr;
        f.context().progress = nullptr;
        QVERIFY(copying);
        QVERIFY(threw);
        QVERIFY2(elapsed.elapsed() < 4500, qPrintable(QString::number(elapsed.elapsed())));
        QCOMPARE(f.lastJob("rep.big").value(0), QStringLiteral("cancelled"));

        auto &d = f.dest();
        QCOMPARE(d.exec("SELECT count(*) FROM pg_class WHERE relnamespace = 'rep'::regnamespace").toInt(0, 0), int64_t(0));
        QCOMPARE(d.exec("SELECT count(*) FROM mimeo.refresh_config").toInt(0, 0), int64_t(0));
        QCOMPARE(d.exec("SELECT count(*) FROM mimeo.studio_replication_identity").toInt(0, 0), int64_t(0));
        QCOMPARE(d.exec("SELECT count(*) FROM mimeo.studio_table_state").toInt(0, 0), int64_t(0));
        QCOMPARE(d.exec("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())").toInt(0, 0), int64_t(0));
        QCOMPARE(test::queue::sourceObjects(f.src()), QStringList());
        QCOMPARE(f.src().exec("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                              "AND pid <> pg_backend_pid() AND state <> 'idle' AND backend_type = 'client backend'")
                     .toInt(0, 0),
                 int64_t(0));
        // And the same make then goes through.
        req.condition = "WHERE src.big.id <= 10";
        replication::RunResult made;
        MIMEO_NOTHROW(made = f.make(req));
        QCOMPARE(made.rows, int64_t(10));
    }
};

QTEST_GUILESS_MAIN(TestRehearsal)
#include "tst_rehearsal.moc"
