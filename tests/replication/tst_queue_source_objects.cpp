// SPDX-License-Identifier: PostgreSQL
// The objects dml and logdel keep on the SOURCE, under attack and under
// neglect: type names from --pk-type resolved by the source (never spliced
// as given), the SECURITY DEFINER trigger function closed to everybody but
// its own table, every refresh checking that the trigger still feeds its
// queue (dropped, disabled, replica-only) and fixing what it may, triggers
// that also fire for replicated changes, and what an interrupted make leaves
// behind found, listed and taken back by the next make.
#include "catalog/installer.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication/queue_orphans.h"
#include "replication_fixture.h"
#include "tst_dml_support.h"

#include <QTest>

#include <future>
#include <unistd.h>

using namespace mimeo;
using test::ReplicationFixture;
using test::queue::count;
using test::queue::sourceObjects;

namespace {

void prepare(ReplicationFixture &f)
{
    f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA src;"
                 "CREATE TABLE src.t (id int PRIMARY KEY, v text);"
                 "INSERT INTO src.t SELECT g, 'v' || g FROM generate_series(1, 100) g;"
                 "CREATE TABLE src.victim (x int); INSERT INTO src.victim VALUES (1);");
    f.dest().exec("CREATE SCHEMA rep");
}

std::string text(pg::Connection &c, const std::string &sql, const pg::Params &params = {})
{
    auto r = c.exec(sql, params);
    return r.rows() && !r.isNull(0, 0) ? r.text(0, 0) : std::string();
}

QString errorOf(const std::function<void()> &fn)
{
    try {
        fn();
    } catch (const pg::Error &e) {
        return QString::fromStdString(e.describe());
    }
    return QStringLiteral("no error");
}

QString same(ReplicationFixture &f) { return f.differences("SELECT * FROM src.t", "SELECT * FROM rep.t"); }

bool victimAlive(ReplicationFixture &f) { return f.src().exec("SELECT to_regclass('src.victim') IS NOT NULL").toBool(0, 0); }

void queueTypes()
{
    QTest::addColumn<QString>("type");
    QTest::newRow("dml") << QStringLiteral("dml");
    QTest::newRow("logdel") << QStringLiteral("logdel");
}

// A make stopped right after its source transaction committed: the test
// holds the catalog table its configuration row goes into, until release().
struct HeldMake {
    pg::Connection holder;
    pg::Connection maker;
    pg::Connection watcher;
    std::string makerPid;
    std::future<std::string> outcome; // "made", or the error

    HeldMake(ReplicationFixture &f, const replication::MakeRequest &req)
        : holder(f.destDb().connect(pg::Side::Destination))
        , maker(f.destDb().connect(pg::Side::Destination))
        , watcher(f.destDb().connect())
    {
        holder.exec("BEGIN; LOCK TABLE mimeo.refresh_config_" + req.type + " IN EXCLUSIVE MODE");
        makerPid = maker.exec("SELECT pg_backend_pid()").text(0, 0);
        outcome = std::async(std::launch::async, [this, &f, req] {
            try {
                replication::make(maker, req, f.context());
                return std::string("made");
            } catch (const std::exception &e) {
                return std::string(e.what());
            }
        });
    }
    // The make waits for the catalog: its source objects are committed.
    bool stopped()
    {
        for (int i = 0; i < 200; ++i) {
            if (watcher.exec("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = $1::int", {makerPid}).toBool(0, 0))
                return true;
            QTest::qWait(50);
        }
        return false;
    }
    std::string release()
    {
        holder.exec("ROLLBACK");
        return outcome.get();
    }
    // A failed check returns early: let the make finish before its connection goes.
    ~HeldMake()
    {
        if (!outcome.valid())
            return;
        try {
            holder.exec("ROLLBACK");
        } catch (...) {
        }
        outcome.wait();
    }
};

} // namespace

class TestQueueSourceObjects : public QObject {
    Q_OBJECT
private slots:
    void pkTypeIsResolvedByTheSource_data() { queueTypes(); }

    void pkTypeIsResolvedByTheSource()
    {
        // --pk-type went unquoted into the queue's CREATE TABLE on the
        // source: this one dropped a table there and the make exited 0.
        QFETCH(QString, type);
        const std::string t = type.toStdString();
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "qsopkt");
        prepare(f);
        f.src().exec("CREATE TABLE src.nokey (price numeric(10,2) NOT NULL, code varchar(20) NOT NULL, v text);"
                     "INSERT INTO src.nokey VALUES (1.5, 'a', 'x'), (2.25, 'b', 'y');");
        auto req = f.request(t, "src.nokey", "rep.nokey");
        req.pkName = {"price", "code"};
        for (const std::string &hostile : {std::string("int); DROP TABLE src.victim; --"), std::string("int, x int"),
                                           std::string("text) WITH (fillfactor=10"), std::string("int /*")}) {
            req.pkType = {hostile, "text"};
            const QString e = errorOf([&] { f.make(req); });
            QVERIFY2(e.contains(QStringLiteral("is not a type name the source accepts")), qPrintable(e));
            QVERIFY2(e.contains(QString::fromStdString("--pk-type " + hostile + " (for price)")), qPrintable(e));
            QVERIFY(victimAlive(f));
        }
        req.pkType = {"no_such_type", "text"};
        QVERIFY(errorOf([&] { f.make(req); }).contains(QStringLiteral("--pk-type no_such_type (for price) is not a type the source knows")));
        req.pkType = {"record", "text"};
        QVERIFY(errorOf([&] { f.make(req); }).contains(QStringLiteral("is a pseudo-type (record)")));
        QCOMPARE(sourceObjects(f.src()), QStringList());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config"), int64_t(0));

        // Typmods survive, and what is written is the source's own spelling.
        req.pkType = {"NUMERIC(10, 2)", "varchar(20)"};
        MIMEO_NOTHROW(f.make(req));
        const std::string queue = text(f.dest(), "SELECT control FROM mimeo.refresh_config_" + t + " WHERE dest_table = 'rep.nokey'");
        QCOMPARE(text(f.src(), "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) "
                               "FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND attname IN ('price', 'code')",
                      {queue}),
                 std::string("price numeric(10,2), code character varying(20)"));
        QCOMPARE(text(f.dest(), "SELECT pk_type::text FROM mimeo.refresh_config_" + t + " WHERE dest_table = 'rep.nokey'"),
                 std::string("{\"numeric(10,2)\",\"character varying(20)\"}"));
        f.src().exec("UPDATE src.nokey SET v = 'changed'; DELETE FROM src.nokey WHERE code = 'b'");
        MIMEO_NOTHROW(f.refresh("rep.nokey"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.nokey WHERE code = 'a' AND v = 'changed'"), int64_t(1));
    }

    void updaterPkTypeIsResolvedByTheSource()
    {
        // An updater writes pk_type only to the catalog, where mimeo's own
        // refresh functions splice it into SQL: the same rule.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "qsopku");
        prepare(f);
        f.src().exec("ALTER TABLE src.t ADD COLUMN rev int NOT NULL DEFAULT 0");
        auto req = f.request("updater", "src.t", "rep.u");
        req.control = "rev";
        req.boundary = "0";
        req.pkName = {"id"};
        req.pkType = {"int); DROP TABLE src.victim; --"};
        QVERIFY(errorOf([&] { f.make(req); }).contains(QStringLiteral("is not a type name the source accepts")));
        req.pkType = {"int4"};
        MIMEO_NOTHROW(f.make(req));
        QCOMPARE(text(f.dest(), "SELECT pk_type::text FROM mimeo.refresh_config_updater WHERE dest_table = 'rep.u'"),
                 std::string("{integer}"));
        QVERIFY(victimAlive(f));
    }

    void triggerFunctionServesOnlyItsOwnTable()
    {
        // The SECURITY DEFINER function was executable by PUBLIC and queued
        // for whatever table fired it: a role that could use the queue
        // schema attached it to its own table and queued forged keys.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "qsofn");
        prepare(f);
        MIMEO_NOTHROW(f.make(f.request("dml", "src.t", "rep.t")));
        const std::string fn = "mimeo.src_t_mimeo_queue()";
        QVERIFY(!f.src().exec("SELECT has_function_privilege('public', $1, 'EXECUTE')", {fn}).toBool(0, 0));

        const std::string role = "qso_forger_" + std::to_string(::getpid());
        f.src().exec("DROP ROLE IF EXISTS " + role);
        f.src().exec("CREATE ROLE " + role + "; GRANT USAGE ON SCHEMA mimeo TO " + role + "; GRANT USAGE, CREATE ON SCHEMA src TO " + role);
        f.src().exec("SET ROLE " + role);
        f.src().exec("CREATE TABLE src.forged (id int, v text)");
        const QString attach = errorOf([&] {
            f.src().exec("CREATE TRIGGER forge AFTER INSERT ON src.forged FOR EACH ROW EXECUTE FUNCTION " + fn);
        });
        f.src().exec("RESET ROLE");
        QVERIFY2(attach.contains(QStringLiteral("permission denied for function")), qPrintable(attach));

        // Attached all the same (by someone who may), it refuses to queue.
        f.src().exec("CREATE TRIGGER forge AFTER INSERT ON src.forged FOR EACH ROW EXECUTE FUNCTION " + fn);
        f.src().exec("GRANT INSERT ON src.forged TO " + role + "; SET ROLE " + role);
        const QString fired = errorOf([&] { f.src().exec("INSERT INTO src.forged VALUES (-1, 'forged')"); });
        f.src().exec("RESET ROLE");
        QVERIFY2(fired.contains(QStringLiteral("queues only for its own table")), qPrintable(fired));
        QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"), int64_t(0));
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.t WHERE id = -1"), int64_t(0));

        // Its own table keeps queueing, renamed or not (the oid decides).
        f.src().exec("UPDATE src.t SET v = 'mine' WHERE id <= 3");
        QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"), int64_t(3));
        f.src().exec("ALTER TABLE src.t RENAME TO t_renamed; UPDATE src.t_renamed SET v = 'renamed' WHERE id = 4;"
                     "ALTER TABLE src.t_renamed RENAME TO t");
        QCOMPARE(count(f.src(), "SELECT count(*) FROM mimeo.src_t_q"), int64_t(4));
        f.src().exec("DROP TABLE src.forged; DROP OWNED BY " + role + "; DROP ROLE " + role);
    }

    void refreshFailsLoudlyWhenTheTriggerIsDisabled_data()
    {
        QTest::addColumn<QString>("disable");
        QTest::newRow("disable trigger all") << QStringLiteral("ALTER TABLE src.t DISABLE TRIGGER ALL");
        QTest::newRow("disable our trigger") << QStringLiteral("ALTER TABLE src.t DISABLE TRIGGER src_t_mimeo_trig");
        QTest::newRow("replica only") << QStringLiteral("ALTER TABLE src.t ENABLE REPLICA TRIGGER src_t_mimeo_trig");
    }

    void refreshFailsLoudlyWhenTheTriggerIsDisabled()
    {
        QFETCH(QString, disable);
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "qsodis");
        prepare(f);
        MIMEO_NOTHROW(f.make(f.request("dml", "src.t", "rep.t")));
        f.src().exec(disable.toStdString());
        f.src().exec("UPDATE src.t SET v = 'unseen' WHERE id <= 10; DELETE FROM src.t WHERE id = 50");
        const QString e = errorOf([&] { f.refresh("rep.t"); });
        QVERIFY2(e.contains(QStringLiteral("trigger src_t_mimeo_trig on src.t")), qPrintable(e));
        QVERIFY2(e.contains(QStringLiteral("changes of the source table are not being queued")), qPrintable(e));
        const QString repair = QStringLiteral("ALTER TABLE \"src\".\"t\" ENABLE ALWAYS TRIGGER \"src_t_mimeo_trig\"");
        QVERIFY2(e.contains(repair), qPrintable(e));
        QVERIFY2(e.contains(QStringLiteral("mimeo refresh rep.t --repull")), qPrintable(e));
        QCOMPARE(f.lastJob("rep.t").value(0), QStringLiteral("failed"));
        // What the message says repairs it.
        f.src().exec(repair.toStdString());
        MIMEO_NOTHROW(f.refresh("rep.t", true));
        QCOMPARE(same(f), QString());
    }

    void refreshFailsLoudlyWhenTheTriggerIsDropped()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "qsodrop");
        prepare(f);
        auto req = f.request("dml", "src.t", "rep.t");
        req.filter = {"id", "v"};
        MIMEO_NOTHROW(f.make(req));
        f.src().exec("DROP TRIGGER src_t_mimeo_trig ON src.t; UPDATE src.t SET v = 'unseen' WHERE id <= 10");
        const QString e = errorOf([&] { f.refresh("rep.t"); });
        QVERIFY2(e.contains(QStringLiteral("the trigger on src.t that writes queue mimeo.src_t_q is missing")), qPrintable(e));
        const QString create = QStringLiteral("CREATE TRIGGER \"src_t_mimeo_trig\" AFTER INSERT OR DELETE OR UPDATE OF \"id\", \"v\" "
                                              "ON \"src\".\"t\" FOR EACH ROW EXECUTE PROCEDURE \"mimeo\".\"src_t_mimeo_queue\"()");
        QVERIFY2(e.contains(create), qPrintable(e));
        f.src().exec(create.toStdString());
        MIMEO_NOTHROW(f.refresh("rep.t", true));
        QCOMPARE(same(f), QString());
        // Function gone too: only destroy and make remain.
        f.src().exec("DROP FUNCTION mimeo.src_t_mimeo_queue() CASCADE");
        const QString gone = errorOf([&] { f.refresh("rep.t"); });
        QVERIFY2(gone.contains(QStringLiteral("no trigger on src.t writes queue mimeo.src_t_q")), qPrintable(gone));
        QVERIFY2(gone.contains(QStringLiteral("mimeo destroy rep.t")), qPrintable(gone));
    }

    void replicatedChangesAreQueuedToo()
    {
        // A source table that is a logical-replication subscriber gets its
        // changes from an apply worker running as replica, where an
        // ordinarily enabled trigger never fires.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "qsoreplica");
        prepare(f);
        MIMEO_NOTHROW(f.make(f.request("dml", "src.t", "rep.t")));
        QCOMPARE(text(f.src(), "SELECT tgenabled FROM pg_trigger WHERE tgname = 'src_t_mimeo_trig'"), std::string("A"));
        auto applier = f.srcDb().connect(pg::Side::Source);
        applier.exec("SET session_replication_role = replica");
        applier.exec("UPDATE src.t SET v = 'replicated' WHERE id <= 5; INSERT INTO src.t VALUES (1000, 'new')");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(same(f), QString());

        // A trigger and function as mimeo (and our older makes) left them:
        // the refresh makes the trigger fire always and closes the function
        // to PUBLIC, since we own both.
        f.src().exec("ALTER TABLE src.t ENABLE TRIGGER src_t_mimeo_trig;"
                     "GRANT EXECUTE ON FUNCTION mimeo.src_t_mimeo_queue() TO PUBLIC");
        QCOMPARE(text(f.src(), "SELECT tgenabled FROM pg_trigger WHERE tgname = 'src_t_mimeo_trig'"), std::string("O"));
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(text(f.src(), "SELECT tgenabled FROM pg_trigger WHERE tgname = 'src_t_mimeo_trig'"), std::string("A"));
        QVERIFY(!f.src().exec("SELECT has_function_privilege('public', 'mimeo.src_t_mimeo_queue()', 'EXECUTE')").toBool(0, 0));
        applier.exec("DELETE FROM src.t WHERE id <= 2");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        QCOMPARE(same(f), QString());
    }

    void interruptedMakeLeavesNothingTheNextMakeKeeps_data() { queueTypes(); }

    void interruptedMakeLeavesNothingTheNextMakeKeeps()
    {
        // The make's source connection is lost between the source's commit
        // and the destination's: it cannot take its objects back.
        QFETCH(QString, type);
        const std::string t = type.toStdString();
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "qsoorphan");
        prepare(f);
        // Another destination of the same table already has slot 0.
        MIMEO_NOTHROW(f.make(f.request(t, "src.t", "rep.first")));
        const auto before = sourceObjects(f.src());

        HeldMake held(f, f.request(t, "src.t", "rep.t"));
        QVERIFY(held.stopped());
        QCOMPARE(sourceObjects(f.src()).size(), before.size() + 3); // committed on the source
        auto killer = env->source.connect();
        killer.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE 'mimeo:%'",
                    {f.srcDb().name()});
        held.watcher.exec("SELECT pg_terminate_backend($1::int)", {held.makerPid});
        const auto outcome = held.release();
        QVERIFY2(outcome != "made", outcome.c_str());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config WHERE dest_table = 'rep.t'"), int64_t(0));

        // Left behind, found as ours and unreferenced, with what removes it.
        QCOMPARE(sourceObjects(f.src()).size(), before.size() + 3);
        const auto orphans = replication::queue::findOrphanedQueues(f.src(), f.dest(), "mimeo");
        QCOMPARE(orphans.size(), size_t(1));
        QCOMPARE(orphans[0].objects.queue.catalogText(), std::string("mimeo.src_t_q01"));
        QCOMPARE(orphans[0].destTable, std::string("rep.t"));
        QCOMPARE(orphans[0].source.catalogText(), std::string("src.t"));
        QCOMPARE(orphans[0].dropStatements.size(), size_t(3));
        // Another destination database with a catalog of the same name sees
        // the same queue schema, and neither this queue nor rep.first's
        // (which it does not reference either) is its orphan.
        test::ScratchDb otherDb(env->dest, "qsoorphan_other");
        auto other = otherDb.connect(pg::Side::Destination);
        catalog::installCatalog(other, "mimeo");
        QCOMPARE(replication::queue::findOrphanedQueues(f.src(), other, "mimeo").size(), size_t(0));

        // The next make takes the slot back: no extra objects.
        f.src().exec("UPDATE src.t SET v = 'after' WHERE id <= 5");
        MIMEO_NOTHROW(f.make(f.request(t, "src.t", "rep.t")));
        QCOMPARE(text(f.dest(), "SELECT control FROM mimeo.refresh_config_" + t + " WHERE dest_table = 'rep.t'"), std::string("mimeo.src_t_q01"));
        QCOMPARE(sourceObjects(f.src()).size(), before.size() + 3);
        QCOMPARE(replication::queue::findOrphanedQueues(f.src(), f.dest(), "mimeo").size(), size_t(0));
        f.src().exec("UPDATE src.t SET v = 'later' WHERE id <= 7");
        MIMEO_NOTHROW(f.refresh("rep.t"));
        MIMEO_NOTHROW(f.refresh("rep.first"));
        if (t == "dml") {
            QCOMPARE(same(f), QString());
            QCOMPARE(f.differences("SELECT * FROM src.t", "SELECT * FROM rep.first"), QString());
        }
    }

    void aMakeInProgressIsNoOrphan()
    {
        // Listing while a make holds its table's lock must not call its
        // fresh objects orphans.
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "qsoinprog");
        prepare(f);
        HeldMake held(f, f.request("dml", "src.t", "rep.t"));
        QVERIFY(held.stopped());
        QCOMPARE(sourceObjects(f.src()).size(), 3);
        QCOMPARE(replication::queue::findOrphanedQueues(f.src(), held.watcher, "mimeo").size(), size_t(0));
        QCOMPARE(held.release(), std::string("made"));
        QCOMPARE(replication::queue::findOrphanedQueues(f.src(), f.dest(), "mimeo").size(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestQueueSourceObjects)
#include "tst_queue_source_objects.moc"
