// SPDX-License-Identifier: PostgreSQL
// mimeo check rowcount|columns|missing|snapshots|data through the binary,
// on data with known differences.
#include "cli_fixture.h"
#include "jobs/health.h"
#include "pg/connection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mimeo;
using test::runMimeo;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

struct CheckFixture : test::CliFixture {
    pg::Connection s;
    pg::Connection d;
    CheckFixture(const test::TestEnv *env, const char *prefix)
        : test::CliFixture(env, prefix,
                           "CREATE SCHEMA src; CREATE TABLE src.t (id int PRIMARY KEY, v text, n numeric, at timestamptz);"
                           "INSERT INTO src.t SELECT g, 'v' || g, g / 3.0, timestamptz '2020-01-01' + g * interval '1 minute' "
                           "FROM generate_series(1, 1000) g;"
                           "CREATE TABLE src.other (x int); CREATE VIEW src.v AS SELECT * FROM src.t;"
                           "CREATE TABLE src.parted (id int, k int) PARTITION BY RANGE (id);"
                           "CREATE TABLE src.parted_1 PARTITION OF src.parted FOR VALUES FROM (0) TO (100);")
        , s(src.connect())
        , d(dest.connect())
    {
    }
    QJsonArray json(const QStringList &args, int expectedExit)
    {
        auto r = run(args + QStringList{QStringLiteral("--json")});
        if (r.exitCode != expectedExit)
            qWarning("%s", qPrintable(r.all()));
        [&] { QCOMPARE(r.exitCode, expectedExit); }();
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }
};

} // namespace

class TestCliChecks : public QObject {
    Q_OBJECT
private slots:
    void rowcountMatchesThenDiffers()
    {
        MIMEO_REQUIRE_ENV(env);
        CheckFixture f(env, "chkrows");
        QCOMPARE(f.run({"make", "snap", "src.t", "--source", "1", "--dest-table", "rep.t"}).exitCode, 0);
        auto ok = f.json({"check", "rowcount", "rep.t"}, 0).at(0).toObject();
        QCOMPARE(ok.value(QStringLiteral("match")).toBool(), true);
        QCOMPARE(ok.value(QStringLiteral("source_count")).toInt(), 1000);
        f.s.exec("DELETE FROM src.t WHERE id <= 10");
        auto bad = f.json({"check", "rowcount", "rep.t"}, 1).at(0).toObject();
        QCOMPARE(bad.value(QStringLiteral("match")).toBool(), false);
        QCOMPARE(bad.value(QStringLiteral("source_count")).toInt(), 990);
        QCOMPARE(bad.value(QStringLiteral("dest_count")).toInt(), 1000);
        // With a condition configured (mimeo's validate_rowcount broke on those).
        auto c = f.run({"make", "table", "src.t", "--source", "1", "--dest-table", "rep.c", "--condition", "WHERE id > 500"});
        QCOMPARE(c.exitCode, 0);
        QCOMPARE(f.json({"check", "rowcount", "rep.c"}, 0).at(0).toObject().value(QStringLiteral("dest_count")).toInt(), 500);
    }

    void rowcountBoundsCannotEscapeAnOrInTheCondition()
    {
        // The bounds were appended as " AND <bounds>" to the condition, so
        // with an OR they bound only its last branch: every even id above the
        // bound was counted on the source.
        MIMEO_REQUIRE_ENV(env);
        CheckFixture f(env, "chkrowsor");
        f.s.exec("INSERT INTO src.other VALUES (0)");
        const QStringList make{"make", "inserter", "src.t", "--source", "1", "--control", "id", "--boundary", "10"};
        QCOMPARE(f.run(make + QStringList{"--dest-table", "rep.o", "--condition", "WHERE id % 2 = 0 OR id < 50"}).exitCode, 0);
        // Tables added before the WHERE stay inside it, as the refresh reads them.
        QCOMPARE(f.run(make + QStringList{"--dest-table", "rep.j", "--condition", ", src.other o WHERE src.t.id % 2 = o.x OR src.t.id < 50"})
                     .exitCode,
                 0);
        f.s.exec("INSERT INTO src.t SELECT g, 'v' || g, g / 3.0, timestamptz '2020-01-01' + g * interval '1 minute' "
                 "FROM generate_series(1001, 1100) g");
        for (const char *table : {"rep.o", "rep.j"}) {
            QCOMPARE(f.run({"refresh", table}).exitCode, 0);
            // Refreshed below 1100 - 10: even ids up to 1088 and the odd ones below 50.
            QCOMPARE(f.d.exec(std::string("SELECT max(id) FROM ") + table).toInt(0, 0), int64_t(1088));
            const auto r = f.json({"check", "rowcount", table}, 0).at(0).toObject();
            QCOMPARE(r.value(QStringLiteral("type")).toString(), QStringLiteral("inserter_serial"));
            QCOMPARE(r.value(QStringLiteral("upper_bound")).toString(), QStringLiteral("1078"));
            // Even ids 2..1076 and odd ids 1..49: none at or above the bound.
            QCOMPARE(r.value(QStringLiteral("source_count")).toInt(), 538 + 25);
            QCOMPARE(r.value(QStringLiteral("dest_count")).toInt(), 538 + 25);
            QCOMPARE(r.value(QStringLiteral("match")).toBool(), true);
        }
    }

    void rowcountOfEveryIncrementalType_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("control");
        QTest::addColumn<QString>("boundary");
        QTest::addColumn<QString>("expectedType");
        QTest::newRow("inserter_serial") << "inserter" << "rev" << "10" << "inserter_serial";
        QTest::newRow("updater_time") << "updater" << "at" << "10 minutes" << "updater_time";
        QTest::newRow("updater_serial") << "updater" << "rev" << "10" << "updater_serial";
    }
    void rowcountOfEveryIncrementalType()
    {
        QFETCH(QString, kind);
        QFETCH(QString, control);
        QFETCH(QString, boundary);
        QFETCH(QString, expectedType);
        MIMEO_REQUIRE_ENV(env);
        CheckFixture f(env, "chkrowsincr");
        // rev: a serial control column, moving in step with at (minutes after 2020-01-01).
        f.s.exec("ALTER TABLE src.t ADD COLUMN rev bigint; UPDATE src.t SET rev = id");
        // With an OR in the condition, as the bounds must hold for every type.
        const std::string condition = "WHERE id % 2 = 0 OR id < 50";
        QCOMPARE(f.run({"make", kind, "src.t", "--source", "1", "--dest-table", "rep.x", "--control", control, "--boundary", boundary,
                        "--condition", q(condition)})
                     .exitCode,
                 0);
        if (kind == QStringLiteral("updater"))
            f.s.exec("UPDATE src.t SET v = 'changed', rev = 1000 + id, at = timestamptz '2020-01-01' + (1000 + id) * interval '1 minute' "
                     "WHERE id <= 5");
        f.s.exec("INSERT INTO src.t (id, v, n, at, rev) SELECT g, 'v' || g, g / 3.0, timestamptz '2020-01-01' + (g + 10) * interval '1 minute', "
                 "g + 10 FROM generate_series(1001, 1100) g");
        QCOMPARE(f.run({"refresh", "rep.x"}).exitCode, 0);
        const auto ok = f.json({"check", "rowcount", "rep.x"}, 0).at(0).toObject();
        QCOMPARE(ok.value(QStringLiteral("type")).toString(), expectedType);
        QCOMPARE(ok.value(QStringLiteral("match")).toBool(), true);
        const int matched = ok.value(QStringLiteral("source_count")).toInt();
        QCOMPARE(ok.value(QStringLiteral("dest_count")).toInt(), matched);
        // The source rows the condition selects below the bound, and only those.
        const std::string upper = ok.value(QStringLiteral("upper_bound")).toString().toStdString();
        const std::string cast = control == QStringLiteral("at") ? "timestamptz" : "bigint";
        QCOMPARE(f.s.exec("SELECT count(*) FROM src.t WHERE (id % 2 = 0 OR id < 50) AND " + control.toStdString() + " < $1::" + cast, {upper})
                     .toInt(0, 0),
                 int64_t(matched));
        QVERIFY2(matched > 500 && matched < 550 + 25, qPrintable(QString::number(matched))); // of 575 selected, the newest are above the bound
        f.d.exec("DELETE FROM rep.x WHERE id = 500");
        const auto bad = f.json({"check", "rowcount", "rep.x"}, 1).at(0).toObject();
        QCOMPARE(bad.value(QStringLiteral("match")).toBool(), false);
        QCOMPARE(bad.value(QStringLiteral("source_count")).toInt(), matched);
        QCOMPARE(bad.value(QStringLiteral("dest_count")).toInt(), matched - 1);
    }

    void columnsReportsMissingAndRetypedColumnsHonouringFilters()
    {
        MIMEO_REQUIRE_ENV(env);
        CheckFixture f(env, "chkcols");
        QCOMPARE(f.run({"make", "table", "src.t", "--source", "1", "--dest-table", "rep.all"}).exitCode, 0);
        QCOMPARE(f.run({"make", "table", "src.t", "--source", "1", "--dest-table", "rep.some", "--filter", "id,v"}).exitCode, 0);
        QCOMPARE(f.json({"check", "columns"}, 0).size(), 0);
        f.s.exec("DROP VIEW src.v; ALTER TABLE src.t ADD COLUMN extra varchar(42); ALTER TABLE src.t ALTER COLUMN n TYPE text");
        const auto rows = f.json({"check", "columns"}, 1);
        QCOMPARE(rows.size(), 2);
        QStringList seen;
        for (const auto &r : rows) {
            const auto o = r.toObject();
            QCOMPARE(o.value(QStringLiteral("dest_table")).toString(), QStringLiteral("rep.all"));
            seen << o.value(QStringLiteral("column")).toString() + QLatin1Char(' ') + o.value(QStringLiteral("source_type")).toString()
                        + QLatin1Char(' ') + o.value(QStringLiteral("problem")).toString();
        }
        seen.sort();
        QCOMPARE(seen, QStringList({"extra character varying(42) missing", "n text type differs"}));
        QCOMPARE(f.json({"check", "columns", "--source", "1"}, 1).size(), 2);
        QCOMPARE(f.run({"check", "columns", "--source", "9"}).exitCode, 1);
    }

    void missingListsUnreplicatedTablesNotPartitions()
    {
        MIMEO_REQUIRE_ENV(env);
        CheckFixture f(env, "chkmiss");
        QCOMPARE(f.run({"make", "table", "src.t", "--source", "1", "--dest-table", "rep.t"}).exitCode, 0);
        auto names = [](const QJsonArray &a) {
            QStringList out;
            for (const auto &v : a)
                out << v.toObject().value(QStringLiteral("schema")).toString() + QLatin1Char('.') + v.toObject().value(QStringLiteral("table")).toString();
            return out;
        };
        QCOMPARE(names(f.json({"check", "missing"}, 1)), QStringList({"src.other", "src.parted"}));
        QCOMPARE(names(f.json({"check", "missing", "--views"}, 1)), QStringList({"src.other", "src.parted", "src.v"}));
    }

    void snapshotsAboveThresholds()
    {
        MIMEO_REQUIRE_ENV(env);
        CheckFixture f(env, "chksnap");
        QCOMPARE(f.run({"make", "snap", "src.t", "--source", "1", "--dest-table", "rep.big"}).exitCode, 0);
        f.s.exec("INSERT INTO src.other VALUES (1)");
        QCOMPARE(f.run({"make", "snap", "src.other", "--source", "1", "--dest-table", "rep.small"}).exitCode, 0);
        QCOMPARE(f.json({"check", "snapshots"}, 0).size(), 2);
        const auto big = f.json({"check", "snapshots", "--rows", "500"}, 1);
        QCOMPARE(big.size(), 1);
        QCOMPARE(big.at(0).toObject().value(QStringLiteral("dest_table")).toString(), QStringLiteral("rep.big"));
        QCOMPARE(big.at(0).toObject().value(QStringLiteral("source_rows")).toInt(), 1000);
        QCOMPARE(f.json({"check", "snapshots", "--rows", "5000", "--bytes", "1"}, 1).size(), 2);
        QCOMPARE(f.json({"check", "snapshots", "--rows", "5000"}, 0).size(), 0);
    }

    void dataFindsOneChangedRowInAHundredThousand()
    {
        MIMEO_REQUIRE_ENV(env);
        CheckFixture f(env, "chkdata");
        f.s.exec("INSERT INTO src.t SELECT g, 'v' || g, g / 3.0, now() FROM generate_series(1001, 100000) g");
        QCOMPARE(f.run({"make", "table", "src.t", "--source", "1", "--dest-table", "rep.t"}).exitCode, 0);
        auto same = f.json({"check", "data", "rep.t"}, 0).at(0).toObject();
        QCOMPARE(same.value(QStringLiteral("equal")).toBool(), true);
        QCOMPARE(same.value(QStringLiteral("source_rows")).toInt(), 100000);

        f.s.exec("UPDATE src.t SET n = n + 0.000001 WHERE id = 54321");
        auto one = f.json({"check", "data", "rep.t"}, 1).at(0).toObject();
        const auto diffs = one.value(QStringLiteral("differences")).toArray();
        QCOMPARE(diffs.size(), 1);
        QCOMPARE(diffs.at(0).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("(54321)"));
        QCOMPARE(diffs.at(0).toObject().value(QStringLiteral("difference")).toString(), QStringLiteral("different"));

        f.s.exec("DELETE FROM src.t WHERE id = 7; INSERT INTO src.t VALUES (200000, 'new', 1, now())");
        f.d.exec("INSERT INTO rep.t VALUES (-5, 'x', 1, now())");
        const auto three = f.json({"check", "data", "rep.t"}, 1).at(0).toObject().value(QStringLiteral("differences")).toArray();
        QStringList kinds;
        for (const auto &d : three)
            kinds << d.toObject().value(QStringLiteral("key")).toString() + QLatin1Char(' ') + d.toObject().value(QStringLiteral("difference")).toString();
        kinds.sort();
        QCOMPARE(kinds, QStringList({"(-5) extra on destination", "(200000) missing on destination", "(54321) different",
                                     "(7) extra on destination"}));
        auto text = f.run({"check", "data", "rep.t"});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains(QStringLiteral("rows DIFFER")), qPrintable(text.out));
    }

    // Each check of one table leaves its result as the table's last
    // validation (issue 17): what, when, the counts and the differing keys
    // (the first 100, with the totals), an error too; the health read that
    // the monitor and `mimeo status` use carries it.
    void checksRecordTheLastValidation()
    {
        MIMEO_REQUIRE_ENV(env);
        CheckFixture f(env, "chkrec");
        f.s.exec("CREATE SCHEMA mimeo"); // dml's queue lives there on the source
        auto made = f.run({"make", "dml", "src.t", "--source", "1", "--dest-table", "rep.t"});
        QVERIFY2(made.exitCode == 0, qPrintable(made.all()));
        auto row = [&] {
            return f.d.exec("SELECT kind, outcome, source_rows, dest_rows, missing, extra, different, keys::text, "
                            "clock_timestamp() - checked_at < interval '1 minute', checked_by = current_user, message "
                            "FROM mimeo.studio_validation WHERE dest_table = 'rep.t'");
        };
        QCOMPARE(f.run({"check", "rowcount", "rep.t"}).exitCode, 0);
        {
            auto r = row();
            QCOMPARE(r.rows(), 1);
            QCOMPARE(r.text(0, 0), std::string("rowcount"));
            QCOMPARE(r.text(0, 1), std::string("validated"));
            QCOMPARE(r.text(0, 2), std::string("1000"));
            QCOMPARE(r.text(0, 3), std::string("1000"));
            QVERIFY(r.isNull(0, 6));
            QCOMPARE(r.text(0, 8), std::string("t"));
            QCOMPARE(r.text(0, 9), std::string("t"));
        }

        f.d.exec("UPDATE rep.t SET v = 'changed' WHERE id = 10");
        QCOMPARE(f.run({"check", "data", "rep.t"}).exitCode, 1);
        {
            auto r = row();
            QCOMPARE(r.text(0, 0), std::string("data"));
            QCOMPARE(r.text(0, 1), std::string("mismatched"));
            QCOMPARE(r.text(0, 4) + "/" + r.text(0, 5) + "/" + r.text(0, 6), std::string("0/0/1"));
            QCOMPARE(r.text(0, 7), std::string(R"j([{"key": "(10)", "kind": "different"}])j"));
        }
        auto health = jobs::readHealth(f.d, "mimeo");
        QCOMPARE(health.size(), size_t(1));
        QVERIFY(health[0].validation.has_value());
        QCOMPARE(health[0].validation->outcome, std::string("mismatched"));
        QCOMPARE(health[0].validation->different, std::optional<long long>(1));
        QCOMPARE(health[0].validation->keys.size(), size_t(1));
        QCOMPARE(health[0].validation->keys[0].kind, std::string("different"));
        QCOMPARE(health[0].validation->keys[0].key, std::string("(10)"));

        // The repair's check afterwards is what stays.
        QCOMPARE(f.run({"check", "data", "rep.t", "--repair"}).exitCode, 0);
        QCOMPARE(row().text(0, 1), std::string("validated"));
        QCOMPARE(row().text(0, 7), std::string("[]"));

        // Many differences: the totals, and the first 100 keys.
        f.d.exec("UPDATE rep.t SET v = 'x' WHERE id <= 150; DELETE FROM rep.t WHERE id BETWEEN 151 AND 152; "
                 "INSERT INTO rep.t VALUES (-1, 'extra')");
        QCOMPARE(f.run({"check", "data", "rep.t"}).exitCode, 1);
        {
            auto r = row();
            QCOMPARE(r.text(0, 4) + "/" + r.text(0, 5) + "/" + r.text(0, 6), std::string("2/1/150"));
            QCOMPARE(f.d.exec("SELECT jsonb_array_length(keys) FROM mimeo.studio_validation").text(0, 0), std::string("100"));
        }

        // An error is a result too.
        f.s.exec("DROP TABLE src.t CASCADE");
        QCOMPARE(f.run({"check", "data", "rep.t"}).exitCode == 0, false);
        {
            auto r = row();
            QCOMPARE(r.text(0, 1), std::string("error"));
            QVERIFY2(r.text(0, 10).find("src.t") != std::string::npos, r.text(0, 10).c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestCliChecks)
#include "tst_cli_checks.moc"
