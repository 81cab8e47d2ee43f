// SPDX-License-Identifier: PostgreSQL
// Issue 13.1: names that hold a dot. "a.b".c and a."b.c" are two tables;
// mimeo's catalog keeps plain `schema.table` text, and reading it back by
// splitting at the first dot replicated the wrong source table into (and
// truncated) the wrong destination table. Every type, made and refreshed
// with a decoy of the other reading on both sides.
#include "replication_fixture.h"

#include <QTest>

using namespace mimeo;
using test::ReplicationFixture;

namespace {

std::string text(pg::Connection &c, const std::string &sql) { return c.exec(sql).text(0, 0); }

} // namespace

class TestDottedNames : public QObject {
    Q_OBJECT
private slots:
    void everyTypeReplicatesTheTableItWasMadeFrom_data()
    {
        QTest::addColumn<QString>("type");
        for (const char *t : {"snap", "table", "inserter", "updater", "dml", "logdel"})
            QTest::newRow(t) << t;
    }

    void everyTypeReplicatesTheTableItWasMadeFrom()
    {
        MIMEO_REQUIRE_ENV(env);
        QFETCH(QString, type);
        const std::string t = type.toStdString();
        ReplicationFixture f(env, "dots_" + t);
        // The column names hold dots and quotes too.
        const std::string cols = "(id int PRIMARY KEY, \"v.al\" text, \"ve\"\"r\" bigint)";
        f.src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA \"a.b\"; CREATE TABLE \"a.b\".c " + cols + "; INSERT INTO \"a.b\".c VALUES (1, 'right', 1), (2, 'right', 2);"
                     "CREATE SCHEMA a; CREATE TABLE a.\"b.c\" " + cols + "; INSERT INTO a.\"b.c\" VALUES (1, 'WRONG', 1), (2, 'WRONG', 2), (5, 'WRONG', 5);");
        const std::string destName = "t_" + t;
        f.dest().exec("CREATE SCHEMA \"r.s\"; CREATE SCHEMA r; CREATE TABLE r.\"s." + destName + "\" " + cols
                      + "; INSERT INTO r.\"s." + destName + "\" VALUES (-1, 'precious', -1)");

        replication::MakeRequest req;
        req.type = t;
        req.source = pg::QualifiedName{"a.b", "c"};
        req.dest = pg::QualifiedName{"r.s", destName};
        req.dataSourceId = f.sourceId();
        if (t == "inserter" || t == "updater") {
            req.control = "ve\"r";
            req.boundary = "0";
        }
        replication::RunResult made;
        MIMEO_NOTHROW(made = f.make(req));
        const std::string catalogName = "\"r.s\"." + destName;
        QCOMPARE(text(f.dest(), "SELECT source_table FROM mimeo.refresh_config WHERE dest_table = '" + catalogName + "'"),
                 std::string("\"a.b\".c"));

        f.src().exec("INSERT INTO \"a.b\".c VALUES (3, 'right', 10), (4, 'right', 11); UPDATE a.\"b.c\" SET \"ve\"\"r\" = 20");
        MIMEO_NOTHROW(f.refresh(catalogName));
        MIMEO_NOTHROW(f.refresh(catalogName)); // a second run reads the catalog text again

        const std::string dest = "\"r.s\".\"" + destName + "\"";
        QCOMPARE(text(f.dest(), "SELECT count(*) FILTER (WHERE \"v.al\" <> 'right')::text FROM " + dest), std::string("0"));
        QCOMPARE(text(f.dest(), "SELECT count(*) FILTER (WHERE id = 3)::text FROM " + dest), std::string("1"));
        QCOMPARE(text(f.dest(), "SELECT string_agg(id || ':' || \"v.al\", ',') FROM r.\"s." + destName + "\""),
                 std::string("-1:precious"));
        // `mimeo destroy` removes what was made, not the decoy.
        MIMEO_NOTHROW(f.destroy(catalogName, false));
        QVERIFY(f.dest().exec("SELECT to_regclass('r.\"s." + destName + "\"') IS NOT NULL").toBool(0, 0));
        QVERIFY(f.dest().exec("SELECT to_regclass($1) IS NULL", {dest}).toBool(0, 0));
        if (t == "dml" || t == "logdel")
            QCOMPARE(text(f.src(), "SELECT count(*)::text FROM pg_trigger WHERE NOT tgisinternal"), std::string("0"));
    }
};

QTEST_GUILESS_MAIN(TestDottedNames)
#include "tst_dotted_names.moc"
