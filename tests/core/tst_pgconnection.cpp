// SPDX-License-Identifier: PostgreSQL
// The libpq layer against real servers: connecting (conninfo, URI, libpq
// defaults), application_name, parameters, hostile identifiers, errors with
// SQLSTATE and side and no password, cancellation from another thread.
#include "pg/cancel.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "pg/quote.h"
#include "testenv.h"

#include <QElapsedTimer>
#include <QTest>

#include <thread>

using namespace mimeo;
using namespace mimeo::pg;

class TestPgConnection : public QObject {
    Q_OBJECT
private slots:
    void connectsWithConninfoAndUri()
    {
        MIMEO_REQUIRE_ENV(env);
        auto c = Connection::open({env->dest.conninfo, {}, "mimeo:test", Side::Destination});
        QCOMPARE(c.exec("SELECT 1").text(0, 0), std::string("1"));
        QCOMPARE(c.serverMajor(), 15);

        const auto opts = parseConninfo(env->dest.conninfo);
        const std::string uri = "postgresql://postgres@127.0.0.1:" + findOption(opts, "port").value() + "/postgres";
        auto u = Connection::open({uri, {}, "mimeo:test-uri", Side::Destination});
        QCOMPARE(u.exec("SELECT current_database()").text(0, 0), std::string("postgres"));
    }

    void emptyConninfoUsesLibpqEnvironment()
    {
        MIMEO_REQUIRE_ENV(env);
        const auto opts = parseConninfo(env->source.conninfo);
        qputenv("PGHOST", "127.0.0.1");
        qputenv("PGPORT", QByteArray::fromStdString(findOption(opts, "port").value()));
        qputenv("PGUSER", "postgres");
        qputenv("PGDATABASE", "template1");
        auto c = Connection::open({"", {}, "mimeo:test-env", Side::Source});
        qunsetenv("PGHOST");
        qunsetenv("PGPORT");
        qunsetenv("PGUSER");
        qunsetenv("PGDATABASE");
        QCOMPARE(c.exec("SELECT current_database()").text(0, 0), std::string("template1"));
    }

    void applicationNameSaysWhatTheConnectionDoes()
    {
        MIMEO_REQUIRE_ENV(env);
        auto c = Connection::open({env->dest.conninfo, {}, "mimeo:refresh:public.orders", Side::Destination});
        auto r = c.exec("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()");
        QCOMPARE(r.text(0, 0), std::string("mimeo:refresh:public.orders"));
    }

    void parametersIncludingNull()
    {
        MIMEO_REQUIRE_ENV(env);
        auto c = env->dest.connect();
        auto r = c.exec("SELECT $1::text, $2::int IS NULL, $3::text", {"it's \"odd\" \\ ; DROP TABLE x", std::nullopt, ""});
        QCOMPARE(r.text(0, 0), std::string("it's \"odd\" \\ ; DROP TABLE x"));
        QVERIFY(r.toBool(0, 1));
        QVERIFY(!r.isNull(0, 2));
        QCOMPARE(r.text(0, 2), std::string());
    }

    void hostileIdentifiersRoundTrip_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        QTest::newRow("mixed case") << "My Schema" << "Tab.le" << "MixedCol";
        QTest::newRow("quotes") << "sch\"ema" << "ta\"\"ble" << "co\"l";
        QTest::newRow("reserved") << "select" << "from" << "where";
        QTest::newRow("unicode") << "Verkäufe" << "Bestellungen €" << "Größe";
        QTest::newRow("spaces and semicolon") << " lead" << "a; DROP TABLE x" << "trail ";
    }
    void numbersAsPostgreSQLWritesThem()
    {
        // Seconds of intervals and float8 values, read whatever the locale
        // (from_chars, never the C library's locale-bound parsing).
        MIMEO_REQUIRE_ENV(env);
        auto c = env->dest.connect();
        auto r = c.exec("SELECT 1.5::float8, extract(epoch FROM interval '2 min 0.25 s'), NULL::float8, -1e-3::float8, 'x'");
        QCOMPARE(r.optDouble(0, 0), std::optional<double>(1.5));
        QCOMPARE(r.optDouble(0, 1), std::optional<double>(120.25));
        QVERIFY(!r.optDouble(0, 2));
        QCOMPARE(r.optDouble(0, 3), std::optional<double>(-0.001));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, r.optDouble(0, 4));
    }

    void hostileIdentifiersRoundTrip()
    {
        QFETCH(QString, schema);
        QFETCH(QString, table);
        QFETCH(QString, column);
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "quote");
        auto c = db.connect();
        const QualifiedName name{schema.toStdString(), table.toStdString()};
        c.exec("CREATE SCHEMA " + quoteIdent(name.schema));
        c.exec("CREATE TABLE " + name.quoted() + " (" + quoteIdent(column.toStdString()) + " text)");
        c.exec("INSERT INTO " + name.quoted() + " VALUES ($1)", {"v"});
        // The server agrees on the names we meant.
        auto r = c.exec("SELECT n.nspname, c.relname, a.attname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = 1 WHERE c.oid = $1::regclass",
                        {name.quoted()});
        QCOMPARE(QString::fromStdString(r.text(0, 0)), schema);
        QCOMPARE(QString::fromStdString(r.text(0, 1)), table);
        QCOMPARE(QString::fromStdString(r.text(0, 2)), column);
        // Parsing the quoted form gives the same name back; the catalog text form too
        // (the schema has no dot, so the first dot splits correctly).
        QCOMPARE(QualifiedName::parse(name.quoted()), name);
        QCOMPARE(QualifiedName::fromCatalogText(name.catalogText()), name);
        QCOMPARE(c.exec("SELECT " + quoteIdent(column.toStdString()) + " FROM " + name.quoted()).text(0, 0),
                 std::string("v"));
        // quoteLiteral survives the server too, with backslashes.
        QCOMPARE(c.exec("SELECT " + quoteLiteral("a'b\\c")).text(0, 0), std::string("a'b\\c"));
    }

    void errorCarriesSqlstateSideAndStatement()
    {
        MIMEO_REQUIRE_ENV(env);
        auto c = Connection::open({env->source.conninfo, {}, "mimeo:test", Side::Source});
        try {
            c.exec("SELECT * FROM no_such_table_here");
            QFAIL("expected an error");
        } catch (const Error &e) {
            QCOMPARE(e.sqlstate(), std::string("42P01"));
            QCOMPARE(e.side(), Side::Source);
            QVERIFY(e.message().find("no_such_table_here") != std::string::npos);
            QCOMPARE(e.statement(), std::string("SELECT * FROM no_such_table_here"));
            QVERIFY(std::string(e.what()).rfind("source: [42P01]", 0) == 0);
        }
        try {
            c.exec("DO $$ BEGIN RAISE EXCEPTION 'boom' USING DETAIL = 'the detail', HINT = 'the hint', ERRCODE = 'P0001'; END $$");
            QFAIL("expected an error");
        } catch (const Error &e) {
            QCOMPARE(e.sqlstate(), std::string("P0001"));
            QCOMPARE(e.detail(), std::string("the detail"));
            QCOMPARE(e.hint(), std::string("the hint"));
        }
    }

    void wrongPasswordErrorNeverShowsThePassword()
    {
        MIMEO_REQUIRE_ENV(env);
        auto admin = env->dest.connect();
        admin.exec("DROP ROLE IF EXISTS pw_conn_test");
        admin.exec("CREATE ROLE pw_conn_test LOGIN PASSWORD 'right-Pa55' IN ROLE mimeo_pw_users");
        const std::string wrong = "Wr0ng-Pa55word-XYZ";
        try {
            Connection::open({env->dest.conninfoFor("postgres", "pw_conn_test") + " password=" + wrong, {}, "t",
                              Side::Destination});
            QFAIL("expected an error");
        } catch (const Error &e) {
            const std::string all = e.describe(true);
            QVERIFY2(all.find("password authentication failed") != std::string::npos, all.c_str());
            QVERIFY2(all.find(wrong) == std::string::npos, all.c_str());
            QCOMPARE(e.sqlstate(), std::string("08001"));
        }
        // An override password (as from a keychain) works and is remembered for redaction.
        auto ok = Connection::open({env->dest.conninfoFor("postgres", "pw_conn_test"), {{"password", "right-Pa55"}}, "t",
                                    Side::Destination});
        QCOMPARE(ok.exec("SELECT current_user").text(0, 0), std::string("pw_conn_test"));
        try {
            ok.exec("SELECT 'right-Pa55'::int");
            QFAIL("expected an error");
        } catch (const Error &e) {
            QVERIFY2(e.describe(true).find("right-Pa55") == std::string::npos, e.describe(true).c_str());
        }
        // No password at all: libpq says so, and we can tell.
        try {
            Connection::open({env->dest.conninfoFor("postgres", "pw_conn_test"), {}, "t", Side::Destination});
            QFAIL("expected an error");
        } catch (const Error &e) {
            QVERIFY(e.passwordNeeded());
        }
        admin.exec("DROP ROLE pw_conn_test");
    }

    void unreachableServerFailsFastWithClearMessage()
    {
        // A port nobody listens on: refused at once, and the message says where.
        QElapsedTimer t;
        t.start();
        try {
            Connection::open({"host=127.0.0.1 port=1 dbname=x user=y", {}, "t", Side::Source});
            QFAIL("expected an error");
        } catch (const Error &e) {
            QVERIFY2(e.message().find("127.0.0.1") != std::string::npos, e.what());
            QCOMPARE(e.side(), Side::Source);
        }
        // A syntax error in the conninfo is reported as such, not as a network failure.
        try {
            Connection::open({"host=h bogus_option=1", {}, "t", Side::Source});
            QFAIL("expected an error");
        } catch (const Error &e) {
            QVERIFY2(std::string(e.what()).find("bogus_option") != std::string::npos, e.what());
        }
        QVERIFY(t.elapsed() < 30000);
    }

    void cancelFromAnotherThread()
    {
        MIMEO_REQUIRE_ENV(env);
        auto c = env->dest.connect();
        const CancelHandle handle = c.cancelHandle();
        std::thread canceller([handle] {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            handle.cancel();
        });
        QElapsedTimer t;
        t.start();
        try {
            c.exec("SELECT pg_sleep(60)");
            QFAIL("expected the statement to be cancelled");
        } catch (const Error &e) {
            QCOMPARE(e.sqlstate(), std::string("57014"));
        }
        canceller.join();
        QVERIFY(t.elapsed() < 30000);
        QCOMPARE(c.exec("SELECT 2").text(0, 0), std::string("2")); // still usable
    }

    void transactionRollsBackUnlessCommitted()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "tx");
        auto c = db.connect();
        c.exec("CREATE TABLE t (x int)");
        {
            Transaction tx(c);
            c.exec("INSERT INTO t VALUES (1)");
        }
        QCOMPARE(c.exec("SELECT count(*) FROM t").toInt(0, 0), int64_t(0));
        {
            Transaction tx(c);
            c.exec("INSERT INTO t VALUES (1)");
            tx.commit();
        }
        QCOMPARE(c.exec("SELECT count(*) FROM t").toInt(0, 0), int64_t(1));
    }
};

QTEST_GUILESS_MAIN(TestPgConnection)
#include "tst_pgconnection.moc"
