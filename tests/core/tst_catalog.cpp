// SPDX-License-Identifier: PostgreSQL
// `init`: the catalog has exactly the mimeo 1.5.1 shape (compared with a
// real extension install), installing twice changes nothing, an extension
// install is adopted without touching it, odd schema names work, and the
// source list view masks passwords exactly as pg::redact does.
#include "catalog/catalog_ddl.h"
#include "catalog/installer.h"
#include "catalog/sources.h"
#include "pg/error.h"
#include "pg/quote.h"
#include "pg/redact.h"
#include "testenv.h"

#include <QTest>

#include <thread>

using namespace mimeo;
using namespace mimeo::pg;

namespace {

// Everything about the tables of one schema that mimeo or a user could
// depend on, as text lines: columns, defaults, inheritance, constraints,
// indexes, rules, triggers, sequences. Tables matching `exclude` are left out.
QStringList describeSchema(Connection &c, const std::string &schema, const std::string &exclude = "studio\\_%")
{
    const char *sql = R"SQL(
WITH rels AS (
  SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'S') AND c.relname NOT LIKE $2
)
SELECT 'column ' || r.relname || ' ' || a.attnum || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
       || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
       || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
       || ' local=' || a.attislocal || ' inh=' || a.attinhcount
  FROM rels r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_attrdef d ON d.adrelid = r.oid AND d.adnum = a.attnum
UNION ALL
SELECT 'inherits ' || r.relname || ' from ' || p.relname || ' #' || i.inhseqno
  FROM rels r JOIN pg_inherits i ON i.inhrelid = r.oid JOIN pg_class p ON p.oid = i.inhparent
UNION ALL
SELECT 'constraint ' || r.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
  FROM rels r JOIN pg_constraint con ON con.conrelid = r.oid
UNION ALL
SELECT 'index ' || r.relname || ' ' || pg_get_indexdef(i.indexrelid)
  FROM rels r JOIN pg_index i ON i.indrelid = r.oid
UNION ALL
SELECT 'rule ' || rw.rulename || ' ' || pg_get_ruledef(rw.oid)
  FROM rels r JOIN pg_rewrite rw ON rw.ev_class = r.oid
UNION ALL
SELECT 'trigger ' || pg_get_triggerdef(t.oid)
  FROM rels r JOIN pg_trigger t ON t.tgrelid = r.oid AND NOT t.tgisinternal
UNION ALL
SELECT 'sequence ' || r.relname || ' ' || s.seqstart || ' ' || s.seqincrement || ' ' || s.seqcache || ' ' || format_type(s.seqtypid, NULL)
  FROM rels r JOIN pg_sequence s ON s.seqrelid = r.oid
ORDER BY 1
)SQL";
    auto res = c.exec(sql, {schema, exclude});
    QStringList out;
    for (int i = 0; i < res.rows(); ++i)
        out << QString::fromStdString(res.text(i, 0));
    return out;
}

void installExtension(Connection &c)
{
    c.exec("CREATE EXTENSION dblink; CREATE SCHEMA mimeo; CREATE EXTENSION mimeo SCHEMA mimeo;");
}

void compareLines(const QStringList &actual, const QStringList &expected)
{
    for (const auto &l : expected)
        QVERIFY2(actual.contains(l), qPrintable(QStringLiteral("missing: ") + l));
    for (const auto &l : actual)
        QVERIFY2(expected.contains(l), qPrintable(QStringLiteral("unexpected: ") + l));
    QCOMPARE(actual, expected);
}

} // namespace

class TestCatalog : public QObject {
    Q_OBJECT
private slots:
    void freshInstallCreatesEverything()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "catfresh");
        auto c = db.connect(Side::Destination);
        const auto report = catalog::installCatalog(c, "mimeo");
        QVERIFY(report.changed());
        const auto st = catalog::inspectCatalog(c, "mimeo");
        QVERIFY(st.mimeoTablesComplete());
        QCOMPARE(st.studioVersion, catalog::kCatalogVersion);
        QVERIFY(st.upToDate());
        for (const char *t : {"studio_job_log", "studio_job_step", "studio_settings", "studio_catalog_version", "studio_freshness",
                              "studio_validation", "studio_lag", "studio_request", "studio_runner"}) {
            QVERIFY2(c.exec("SELECT to_regclass($1) IS NOT NULL", {std::string("mimeo.") + t}).toBool(0, 0), t);
        }
        QCOMPARE(c.exec("SELECT value FROM mimeo.studio_settings WHERE name = 'job_log_retention'").text(0, 0),
                 std::string("90 days"));
        // The parent tables refuse rows of their own, as in mimeo.
        c.exec("INSERT INTO mimeo.dblink_mapping_mimeo (data_source, username) VALUES ('host=x', 'u')");
        c.exec("INSERT INTO mimeo.refresh_config (dest_table, source_table, type, dblink) VALUES ('a.b', 'a.b', 'snap', 1)");
        QCOMPARE(c.exec("SELECT count(*) FROM mimeo.refresh_config").toInt(0, 0), int64_t(0));
    }

    void secondInstallChangesNothing()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "catidem");
        auto c = db.connect(Side::Destination);
        catalog::installCatalog(c, "mimeo");
        const auto before = describeSchema(c, "mimeo", "");
        const auto versionsBefore = c.exec("SELECT count(*) FROM mimeo.studio_catalog_version").toInt(0, 0);
        const auto report = catalog::installCatalog(c, "mimeo");
        QVERIFY(!report.changed());
        QCOMPARE(describeSchema(c, "mimeo", ""), before);
        QCOMPARE(c.exec("SELECT count(*) FROM mimeo.studio_catalog_version").toInt(0, 0), versionsBefore);
        QVERIFY(catalog::planInstall(catalog::inspectCatalog(c, "mimeo")).empty());
    }

    void shapeMatchesTheMimeoExtension()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb ext(env->dest, "catext");
        test::ScratchDb ours(env->dest, "catours");
        auto e = ext.connect();
        installExtension(e);
        auto o = ours.connect();
        catalog::installCatalog(o, "mimeo");
        const auto expected = describeSchema(e, "mimeo");
        QVERIFY(expected.size() > 100);
        compareLines(describeSchema(o, "mimeo"), expected);
    }

    void adoptsAnExtensionInstallWithoutTouchingIt()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "catadopt");
        auto c = db.connect(Side::Destination);
        installExtension(c);
        c.exec("INSERT INTO mimeo.dblink_mapping_mimeo (data_source, username) VALUES ('host=src dbname=x', 'repl')");
        const auto before = describeSchema(c, "mimeo");
        const auto members = c.exec("SELECT count(*) FROM pg_depend d JOIN pg_extension x ON x.oid = d.refobjid "
                                    "WHERE x.extname = 'mimeo' AND d.deptype = 'e'")
                                 .toInt(0, 0);
        const auto st = catalog::inspectCatalog(c, "mimeo");
        QVERIFY(st.extensionOwnsSchema());
        QCOMPARE(st.extensionVersion, std::string("1.5.1"));
        const auto report = catalog::installCatalog(c, "mimeo");
        QVERIFY(report.changed());
        for (const auto &step : report.applied)
            QVERIFY2(step.description.find("mimeo's configuration tables") == std::string::npos, step.description.c_str());
        compareLines(describeSchema(c, "mimeo"), before);
        QCOMPARE(c.exec("SELECT count(*) FROM pg_depend d JOIN pg_extension x ON x.oid = d.refobjid "
                        "WHERE x.extname = 'mimeo' AND d.deptype = 'e'")
                     .toInt(0, 0),
                 members);
        QCOMPARE(catalog::inspectCatalog(c, "mimeo").studioVersion, catalog::kCatalogVersion);
        QCOMPARE(c.exec("SELECT count(*) FROM mimeo.dblink_mapping_mimeo").toInt(0, 0), int64_t(1));
        // The extension's own functions still see their catalog.
        QCOMPARE(c.exec("SELECT mimeo.auth(1)").text(0, 0), std::string("host=src dbname=x user=repl"));
        QVERIFY(!catalog::installCatalog(c, "mimeo").changed());
    }

    void oddSchemaNamesWork_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::newRow("mixed case and space") << "Replication Catalog";
        QTest::newRow("quotes") << "my \"cat\"'s";
        QTest::newRow("unicode") << "Katalog_ä";
    }
    void oddSchemaNamesWork()
    {
        QFETCH(QString, schema);
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "catodd");
        auto c = db.connect(Side::Destination);
        const std::string s = schema.toStdString();
        catalog::installCatalog(c, s);
        QVERIFY(catalog::inspectCatalog(c, s).upToDate());
        catalog::SourceRegistry reg(c, s);
        QCOMPARE(reg.add("host=a dbname=b", "u"), 1);
        QCOMPARE(reg.add("host=c dbname=d", "u"), 2);
        QVERIFY(!catalog::installCatalog(c, s).changed());
    }

    void sourceListMasksPasswordsAsRedactDoes()
    {
        // studio_source_list masks in SQL (monitors read it), pg::redact in
        // C++: the same text in, the same text out, and no password left.
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "catmask");
        auto c = db.connect(Side::Destination);
        catalog::installCatalog(c, "mimeo");
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"host=h dbname=x", ""},
            {"host=h password=Sup3rSecret dbname=x", "Sup3rSecret"},
            {"host=h password='two words' dbname=x", "two words"},
            {"password='it\\'s here' host=h", "it\\'s here"},
            {"password = Hunter2xyz host=h", "Hunter2xyz"},
            {"host='h' port='5432' dbname='d' password='quoted-Pw'", "quoted-Pw"},
            {"postgresql://alice:TopSecret9@db.example:5432/app", "TopSecret9"},
            {"postgres://db/app?user=a&password=ParamPw77&sslmode=require", "ParamPw77"},
            {"PASSWORD=Upper123 host=h", "Upper123"},
            {"host=h sslpassword=KeyPass1 dbname=x", "KeyPass1"},
        };
        for (const auto &[text, secret] : cases)
            c.exec("INSERT INTO mimeo.dblink_mapping_mimeo (data_source, username) VALUES ($1, 'u')", {text});
        auto r = c.exec("SELECT m.data_source, v.data_source, v.password_in_data_source FROM mimeo.dblink_mapping_mimeo m "
                        "JOIN mimeo.studio_source_list v USING (data_source_id) ORDER BY data_source_id");
        QCOMPARE(r.rows(), static_cast<int>(cases.size()));
        for (int i = 0; i < r.rows(); ++i) {
            const auto &[text, secret] = cases[static_cast<size_t>(i)];
            QCOMPARE(r.text(i, 0), text);
            QCOMPARE(r.text(i, 1), redact(text));
            QCOMPARE(r.toBool(i, 2), !secret.empty());
            if (!secret.empty())
                QVERIFY2(r.text(i, 1).find(secret) == std::string::npos, r.text(i, 1).c_str());
        }
        // The registry lists through the view: masked, with the flag.
        const auto listed = catalog::SourceRegistry(c, "mimeo").list();
        QCOMPARE(listed.size(), cases.size());
        QCOMPARE(listed[1].dataSource, std::string("host=h password=******** dbname=x"));
        QVERIFY(listed[1].passwordInDataSource && !listed[0].passwordInDataSource);
        // get() returns what is stored, for connecting.
        QCOMPARE(catalog::SourceRegistry(c, "mimeo").get(listed[1].id).dataSource, cases[1].first);
    }

    void partialCatalogIsRefusedNamingWhatIsMissing()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "catpart");
        auto c = db.connect(Side::Destination);
        c.exec("CREATE SCHEMA mimeo; CREATE TABLE mimeo.dblink_mapping_mimeo (data_source_id int)");
        try {
            catalog::installCatalog(c, "mimeo");
            QFAIL("expected an error");
        } catch (const Error &e) {
            QVERIFY2(std::string(e.what()).find("refresh_config_snap") != std::string::npos, e.what());
        }
        // Nothing was created.
        QVERIFY(!c.exec("SELECT to_regclass('mimeo.studio_catalog_version') IS NOT NULL").toBool(0, 0));
    }

    void timeAndSerialCannotShareADestination()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "catuniq");
        auto c = db.connect(Side::Destination);
        catalog::installCatalog(c, "mimeo");
        c.exec("INSERT INTO mimeo.dblink_mapping_mimeo (data_source, username) VALUES ('host=x', 'u')");
        c.exec("INSERT INTO mimeo.refresh_config_inserter_time (source_table, dest_table, dblink, control, last_value) "
               "VALUES ('s.t', 'd.t', 1, 'ts', now())");
        try {
            c.exec("INSERT INTO mimeo.refresh_config_inserter_serial (source_table, dest_table, dblink, control) "
                   "VALUES ('s.t', 'd.t', 1, 'id')");
            QFAIL("expected the trigger to refuse");
        } catch (const Error &e) {
            QCOMPARE(e.message(), std::string("Inserter replication already defined for d.t"));
        }
        // Unlike mimeo 1.5.1, touching the row itself is fine.
        c.exec("UPDATE mimeo.refresh_config_inserter_time SET dest_table = dest_table, period = '1 hour'");
        c.exec("INSERT INTO mimeo.refresh_config_updater_serial (source_table, dest_table, dblink, control, pk_name, pk_type) "
               "VALUES ('s.t', 'd.u', 1, 'id', '{id}', '{int}')");
        try {
            c.exec("INSERT INTO mimeo.refresh_config_updater_time (source_table, dest_table, dblink, control, pk_name, pk_type, last_value) "
                   "VALUES ('s.t', 'd.u', 1, 'ts', '{id}', '{int}', now())");
            QFAIL("expected the trigger to refuse");
        } catch (const Error &e) {
            QCOMPARE(e.message(), std::string("Updater replication already defined for d.u"));
        }
    }

    void concurrentInstallsDoNotRace()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "catrace");
        std::atomic<int> changed{0};
        std::atomic<int> failed{0};
        auto work = [&] {
            try {
                auto c = db.connect(Side::Destination);
                if (catalog::installCatalog(c, "mimeo").changed())
                    ++changed;
            } catch (...) {
                ++failed;
            }
        };
        std::thread a(work), b(work), d(work);
        a.join();
        b.join();
        d.join();
        QCOMPARE(failed.load(), 0);
        QCOMPARE(changed.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
