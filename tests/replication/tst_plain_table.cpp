// SPDX-License-Identifier: PostgreSQL
// The table type: truncate and reload in one transaction, truncate_cascade,
// sequences reset to the highest value in use, existing destinations, destroy.
#include "catalog/config_row.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication_fixture.h"

#include <QTest>

using namespace mimeo;
using test::ReplicationFixture;

namespace {

void prepare(ReplicationFixture &f)
{
    f.src().exec("CREATE SCHEMA src; CREATE TABLE src.items (id int PRIMARY KEY, name text NOT NULL, price numeric(8,2));"
                 "CREATE UNIQUE INDEX items_name_key ON src.items (name);"
                 "INSERT INTO src.items SELECT g, 'item ' || g, g / 4.0 FROM generate_series(1, 1000) g;");
    f.dest().exec("CREATE SCHEMA rep;");
}

int64_t count(pg::Connection &c, const std::string &sql) { return c.exec(sql).toInt(0, 0); }

} // namespace

class TestPlainTable : public QObject {
    Q_OBJECT
private slots:
    void makeRefreshEqual()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "tblbasic");
        prepare(f);
        replication::RunResult made;
        MIMEO_NOTHROW(made = f.make(f.request("table", "src.items", "rep.items")));
        QCOMPARE(made.rows, int64_t(1000));
        QCOMPARE(f.differences("SELECT * FROM src.items", "SELECT * FROM rep.items"), QString());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM pg_indexes WHERE schemaname = 'rep'"), int64_t(2));
        QVERIFY(!f.dest().exec("SELECT last_run IS NULL FROM mimeo.refresh_config_table").toBool(0, 0));
        f.src().exec("DELETE FROM src.items WHERE id > 900; UPDATE src.items SET price = 0 WHERE id < 10;"
                     "INSERT INTO src.items VALUES (5000, 'new', 1)");
        MIMEO_NOTHROW(f.refresh("rep.items"));
        QCOMPARE(f.differences("SELECT * FROM src.items", "SELECT * FROM rep.items"), QString());
        // Indexes are dropped for the load and built again, a user's own one too.
        f.dest().exec("CREATE INDEX my_price_idx ON rep.items (price)");
        MIMEO_NOTHROW(f.refresh("rep.items"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM pg_indexes WHERE schemaname = 'rep'"), int64_t(3));
        QVERIFY(f.dest().exec("SELECT indisprimary FROM pg_index WHERE indrelid = 'rep.items'::regclass AND indisprimary").rows() == 1);
        // Users may write to it between refreshes; the refresh puts the source's rows back.
        f.dest().exec("DELETE FROM rep.items WHERE id < 100");
        MIMEO_NOTHROW(f.refresh("rep.items"));
        QCOMPARE(f.differences("SELECT * FROM src.items", "SELECT * FROM rep.items"), QString());
    }

    void existingDestinationKeepsItsShapeAndIsLoadedByRefresh()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "tblexisting");
        prepare(f);
        f.dest().exec("CREATE TABLE rep.items (id int PRIMARY KEY, name text, price numeric(8,2), local_note text DEFAULT 'mine')");
        f.dest().exec("INSERT INTO rep.items (id, name) VALUES (-1, 'old')");
        // Not without being asked: every refresh empties the destination.
        try {
            f.make(f.request("table", "src.items", "rep.items"));
            QFAIL("expected an existing destination to be refused");
        } catch (const pg::Error &e) {
            QVERIFY2(std::string(e.what()).find("already exists") != std::string::npos, e.what());
            QVERIFY2(e.hint().find("--use-existing") != std::string::npos, e.hint().c_str());
        }
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config"), int64_t(0));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items WHERE id = -1"), int64_t(1));

        auto useExisting = f.request("table", "src.items", "rep.items");
        useExisting.useExisting = true;
        replication::RunResult made;
        MIMEO_NOTHROW(made = f.make(useExisting));
        QCOMPARE(made.rows, int64_t(0));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items"), int64_t(1));
        MIMEO_NOTHROW(f.refresh("rep.items"));
        QCOMPARE(f.differences("SELECT * FROM src.items", "SELECT id, name, price FROM rep.items"), QString());
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items WHERE local_note = 'mine'"), int64_t(1000));

        // A destination that lacks a source column is refused, naming it.
        f.dest().exec("CREATE TABLE rep.short (id int)");
        try {
            auto shortReq = f.request("table", "src.items", "rep.short");
            shortReq.useExisting = true;
            f.make(shortReq);
            QFAIL("expected an error");
        } catch (const pg::Error &e) {
            QVERIFY2(std::string(e.what()).find("name (missing)") != std::string::npos, e.what());
        }
    }

    void truncateCascadeIsHonoured()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "tblcascade");
        prepare(f);
        MIMEO_NOTHROW(f.make(f.request("table", "src.items", "rep.items")));
        f.dest().exec("CREATE TABLE rep.notes (item_id int REFERENCES rep.items, note text); INSERT INTO rep.notes VALUES (1, 'n')");
        try {
            f.refresh("rep.items");
            QFAIL("expected TRUNCATE to refuse without cascade");
        } catch (const pg::Error &e) {
            QCOMPARE(e.sqlstate(), std::string("0A000"));
        }
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items"), int64_t(1000)); // rolled back
        f.dest().exec("UPDATE mimeo.refresh_config_table SET truncate_cascade = true");
        f.adopt("rep.items"); // set by hand: recorded on purpose (mimeo adopt)
        MIMEO_NOTHROW(f.refresh("rep.items"));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.notes"), int64_t(0));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.items"), int64_t(1000));
    }

    void sequencesAreResetToTheHighestValueInUse()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "tblseq");
        prepare(f);
        f.dest().exec("CREATE SEQUENCE rep.items_seq; CREATE SEQUENCE rep.unused_seq;"
                      "CREATE TABLE rep.items (id int PRIMARY KEY DEFAULT nextval('rep.items_seq'), name text, price numeric(8,2));"
                      "CREATE TABLE rep.other (id int DEFAULT nextval('rep.items_seq')); INSERT INTO rep.other VALUES (1500);");
        auto req = f.request("table", "src.items", "rep.items");
        req.useExisting = true;
        // A name that does not exist is refused at make, naming it...
        req.sequences = {"rep.no_such_seq", "rep.items_seq", "rep.unused_seq"};
        try {
            f.make(req);
            QFAIL("expected a missing sequence to be refused");
        } catch (const pg::Error &e) {
            QVERIFY2(std::string(e.what()).find("sequence rep.no_such_seq does not exist") != std::string::npos, e.what());
        }
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config"), int64_t(0));
        req.sequences = {"rep.items_seq", "rep.unused_seq"};
        MIMEO_NOTHROW(f.make(req));
        // ...but one that disappears later (or is edited in) only warns at refresh.
        f.dest().exec("UPDATE mimeo.refresh_config_table SET sequences = '{rep.no_such_seq,rep.items_seq,rep.unused_seq}'");
        f.adopt("rep.items"); // edited by hand on purpose (mimeo adopt)
        MIMEO_NOTHROW(f.refresh("rep.items"));
        // The highest value of any column that draws from it: 1500 in rep.other.
        QCOMPARE(count(f.dest(), "SELECT nextval('rep.items_seq')"), int64_t(1501));
        f.src().exec("INSERT INTO src.items VALUES (2000, 'big', 1)");
        MIMEO_NOTHROW(f.refresh("rep.items"));
        QCOMPARE(count(f.dest(), "SELECT nextval('rep.items_seq')"), int64_t(2001));
        // The missing sequence is a warning, not a failure, and the others were still reset.
        bool warned = false;
        for (const auto &w : f.warnings)
            warned = warned || w.find("rep.no_such_seq") != std::string::npos;
        QVERIFY(warned);
        QCOMPARE(f.lastJob("rep.items").value(0), QStringLiteral("ok"));
    }

    void missingDestinationIsAClearError()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "tblmissing");
        prepare(f);
        MIMEO_NOTHROW(f.make(f.request("table", "src.items", "rep.items")));
        f.dest().exec("DROP TABLE rep.items");
        try {
            f.refresh("rep.items");
            QFAIL("expected an error");
        } catch (const pg::Error &e) {
            QVERIFY2(std::string(e.what()).find("rep.items is missing") != std::string::npos, e.what());
        }
        try {
            f.refresh("rep.nope");
            QFAIL("expected an error");
        } catch (const pg::Error &e) {
            QVERIFY2(std::string(e.what()).find("(rep.nope) is not managed by mimeo") != std::string::npos, e.what());
        }
    }

    void destroyKeepsOrDrops()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "tbldestroy");
        prepare(f);
        MIMEO_NOTHROW(f.make(f.request("table", "src.items", "rep.a")));
        MIMEO_NOTHROW(f.make(f.request("table", "src.items", "rep.b")));
        MIMEO_NOTHROW(f.destroy("rep.a", true));
        MIMEO_NOTHROW(f.destroy("rep.b", false));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM rep.a"), int64_t(1000));
        QVERIFY(!f.dest().exec("SELECT to_regclass('rep.b') IS NOT NULL").toBool(0, 0));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config"), int64_t(0));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.studio_job_log WHERE action = 'destroy' AND status = 'ok'"), int64_t(2));
    }
};

QTEST_GUILESS_MAIN(TestPlainTable)
#include "tst_plain_table.moc"
