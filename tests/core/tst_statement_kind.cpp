// SPDX-License-Identifier: PostgreSQL
// Telling from a statement's text what it does (the application's "what
// will change" preview) and which transaction control it is (a rehearsal
// runs those as savepoints): keywords inside literals, quoted names,
// comments and function bodies never count.
#include "pg/statement_kind.h"
#include "pg/statement_log.h"

#include <QTest>

using namespace mimeo::pg;

Q_DECLARE_METATYPE(mimeo::pg::StatementEffect)
Q_DECLARE_METATYPE(mimeo::pg::TransactionControl)

class TestStatementKind : public QObject {
    Q_OBJECT
private slots:
    void effect_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<StatementEffect>("effect");
        const auto R = StatementEffect::Read, S = StatementEffect::Session, T = StatementEffect::Transaction,
                   C = StatementEffect::Change;
        QTest::newRow("select") << "SELECT 1" << R;
        QTest::newRow("select lowercase, comment first") << "/* a /* nested */ comment */ -- line\n select 1" << R;
        QTest::newRow("show") << "SHOW search_path" << R;
        QTest::newRow("values") << "VALUES (1)" << R;
        QTest::newRow("explain") << "EXPLAIN DELETE FROM t" << R;
        QTest::newRow("explain analyze delete") << "EXPLAIN (ANALYZE, COSTS OFF) DELETE FROM t" << C;
        QTest::newRow("explain analyze select") << "EXPLAIN ANALYZE SELECT 1" << R;
        QTest::newRow("with select") << "WITH x AS (SELECT 1) SELECT * FROM x" << R;
        QTest::newRow("with delete cte") << "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d" << C;
        QTest::newRow("with materialized update cte") << "WITH d AS NOT MATERIALIZED (UPDATE t SET a = 1 RETURNING *) SELECT 1" << C;
        QTest::newRow("with main insert") << "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x" << C;
        QTest::newRow("select for update") << "SELECT * FROM t FOR UPDATE" << R;
        QTest::newRow("select into") << "SELECT * INTO t2 FROM t" << C;
        QTest::newRow("select setval") << "SELECT pg_catalog.setval('s', 5)" << C;
        QTest::newRow("select nextval") << "SELECT nextval('s')" << C;
        QTest::newRow("select set_config") << "SELECT pg_catalog.set_config('jit', 'off', true)" << S;
        QTest::newRow("advisory lock") << "SELECT pg_catalog.pg_advisory_xact_lock(1, 2)" << S;
        QTest::newRow("set local") << "SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'" << S;
        QTest::newRow("reset") << "RESET jit; RESET enable_hashjoin" << S;
        QTest::newRow("lock") << "LOCK TABLE t IN ACCESS EXCLUSIVE MODE" << S;
        QTest::newRow("begin") << "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" << T;
        QTest::newRow("commit") << "COMMIT" << T;
        QTest::newRow("rollback to") << "ROLLBACK TO SAVEPOINT a; RELEASE SAVEPOINT a" << T;
        QTest::newRow("copy to") << "COPY (SELECT \"from\" FROM t) TO STDOUT (FORMAT binary)" << R;
        QTest::newRow("copy table to") << "COPY \"t\" (\"a\", \"from\") TO STDOUT" << R;
        QTest::newRow("copy from") << "COPY \"t\" (\"to\") FROM STDIN (FORMAT binary, FREEZE)" << C;
        QTest::newRow("create") << "CREATE TABLE t (a int)" << C;
        QTest::newRow("create function with body")
            << "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $mimeo$\nBEGIN SELECT 1; COMMIT; END\n$mimeo$" << C;
        QTest::newRow("insert") << "INSERT INTO t VALUES ('SELECT; BEGIN')" << C;
        QTest::newRow("analyze") << "ANALYZE t" << C;
        QTest::newRow("comment") << "COMMENT ON TABLE t IS 'x'" << C;
        QTest::newRow("unknown") << "FROBNICATE" << C;
        QTest::newRow("empty") << "  -- nothing\n" << R;
        QTest::newRow("read then change") << "SELECT 1; DROP TABLE t" << C;
        QTest::newRow("E string") << "SELECT E'it\\'s; DROP TABLE t'" << R;
        QTest::newRow("quoted name with quote") << "SELECT \"a\"\"; drop\" FROM t" << R;
    }

    void effect()
    {
        QFETCH(QString, sql);
        QFETCH(StatementEffect, effect);
        QCOMPARE(statementEffect(sql.toStdString()), effect);
        QCOMPARE(changesSomething({Side::Destination, sql.toStdString(), {}}), effect == StatementEffect::Change);
    }

    void transactionControl_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<TransactionControl>("control");
        using TC = TransactionControl;
        QTest::newRow("begin") << "BEGIN" << TC::Begin;
        QTest::newRow("begin isolation") << "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" << TC::Begin;
        QTest::newRow("start transaction") << "start transaction" << TC::Begin;
        QTest::newRow("commit") << "COMMIT" << TC::Commit;
        QTest::newRow("end") << "END" << TC::Commit;
        QTest::newRow("commit and no chain") << "COMMIT AND NO CHAIN" << TC::Commit;
        QTest::newRow("rollback") << "ROLLBACK" << TC::Rollback;
        QTest::newRow("abort") << "ABORT" << TC::Rollback;
        QTest::newRow("rollback to") << "ROLLBACK TO SAVEPOINT a" << TC::Savepoint;
        QTest::newRow("rollback to and release") << "ROLLBACK TO SAVEPOINT a; RELEASE SAVEPOINT a" << TC::Savepoint;
        QTest::newRow("savepoint") << "SAVEPOINT a" << TC::Savepoint;
        QTest::newRow("select") << "SELECT 'BEGIN'" << TC::None;
        QTest::newRow("function body") << "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$BEGIN RETURN 1; END$$" << TC::None;
        QTest::newRow("vacuum") << "VACUUM ANALYZE t" << TC::NotInTransactionBlock;
        QTest::newRow("create index concurrently") << "CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)" << TC::NotInTransactionBlock;
        QTest::newRow("create index") << "CREATE INDEX i ON t (a)" << TC::None;
        QTest::newRow("drop index concurrently") << "DROP INDEX CONCURRENTLY i" << TC::NotInTransactionBlock;
        QTest::newRow("reindex concurrently") << "REINDEX (VERBOSE) TABLE CONCURRENTLY t" << TC::NotInTransactionBlock;
        QTest::newRow("create database") << "CREATE DATABASE d" << TC::NotInTransactionBlock;
        QTest::newRow("cluster all") << "CLUSTER" << TC::NotInTransactionBlock;
        QTest::newRow("cluster one") << "CLUSTER t USING i" << TC::None;
    }

    void transactionControl()
    {
        QFETCH(QString, sql);
        QFETCH(TransactionControl, control);
        QCOMPARE(mimeo::pg::transactionControl(sql.toStdString()), control);
    }

    void whatARehearsalCannotImitate()
    {
        for (const char *sql : {"BEGIN; INSERT INTO t VALUES (1); COMMIT", "COMMIT AND CHAIN", "PREPARE TRANSACTION 'x'",
                                "COMMIT PREPARED 'x'", "SELECT 1; VACUUM t"})
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mimeo::pg::transactionControl(sql));
    }
};

QTEST_GUILESS_MAIN(TestStatementKind)
#include "tst_statement_kind.moc"
