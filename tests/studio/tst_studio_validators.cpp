// SPDX-License-Identifier: PostgreSQL
// The configuration editor refuses bad values before anything is written.
// Its checks must agree with the server: every case here is also cast by a
// real PostgreSQL, and both must say the same.
#include "catalog/config_tables.h"
#include "testenv.h"

#include <QTest>

using namespace mimeo;

class TestStudioValidators : public QObject {
    Q_OBJECT
private slots:
    void intervalAgreesWithServer_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *t : {"10 minutes", "10 min", "10min", "1 hour", "2 hours 30 minutes", "1 day 02:00:00",
                              "01:00", "01:00:00.5", "@ 3 hours ago", "-1 day", "+1 day", "1.5 hours", "1 week",
                              "3 mons", "1 year 2 months", "1-2", "90", "P1D", "PT2H", "P1Y2M3DT4H5M6S", "P1W",
                              "1 h", "2 d", "5 s", "1 millisecond", "1 century", "10 parsecs", "ten minutes", "",
                              "1 hour 2 hours", "1 hour 01:00", "01:60", "P", "PT", "P1H", "hour", "1 day garbage",
                              "ago", "1 minute ago", "10:", "1 day, 2 hours", "1 Day", "P1DT", "1 day 2", "10:30:", "1:2:3:4",
                              "1 day,", "1e3 seconds", "1 hour -30 minutes", "1 days ago ago"})
            QTest::newRow(t) << QString::fromUtf8(t);
    }

    void intervalAgreesWithServer()
    {
        QFETCH(QString, text);
        MIMEO_REQUIRE_ENV(env);
        auto c = env->dest.connect();
        bool server = true;
        try {
            c.exec("SELECT $1::interval", {text.toStdString()});
        } catch (const pg::Error &) {
            server = false;
        }
        std::string why;
        const bool ours = catalog::isValidInterval(text.toStdString(), &why);
        QVERIFY2(ours == server, qPrintable(QStringLiteral("server %1, we %2 (%3)")
                                                .arg(server ? "accepts" : "refuses", ours ? "accept" : "refuse",
                                                     QString::fromStdString(why))));
        if (!ours)
            QVERIFY(!why.empty());
    }

    void columnRules_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("ok");
        QTest::newRow("batch_limit number") << "batch_limit" << "inserter_time" << "500" << true;
        QTest::newRow("batch_limit zero") << "batch_limit" << "dml" << "0" << false;
        QTest::newRow("batch_limit text") << "batch_limit" << "dml" << "many" << false;
        QTest::newRow("batch_limit too big") << "batch_limit" << "dml" << "3000000000" << false;
        QTest::newRow("serial last_value big") << "last_value" << "inserter_serial" << "3000000000" << true;
        QTest::newRow("time boundary interval") << "boundary" << "updater_time" << "5 minutes" << true;
        QTest::newRow("serial boundary number") << "boundary" << "updater_serial" << "5 minutes" << false;
        QTest::newRow("dst_start hhmm") << "dst_start" << "inserter_time" << "130" << true;
        QTest::newRow("dst_start bad minutes") << "dst_start" << "inserter_time" << "175" << false;
        QTest::newRow("no such column") << "post_script" << "table" << "{}" << false;
        QTest::newRow("dest_table read-only") << "dest_table" << "snap" << "a.b" << false;
        QTest::newRow("source_table unqualified") << "source_table" << "snap" << "orders" << false;
        QTest::newRow("last_run iso") << "last_run" << "snap" << "2024-05-01T13:45:00+00:00" << true;
        QTest::newRow("last_run junk") << "last_run" << "snap" << "yesterday" << false;
        QTest::newRow("post_script array") << "post_script" << "snap" << "{\"select 1\"}" << true;
        QTest::newRow("pk_name empty") << "pk_name" << "dml" << "{}" << false;
        // Issue 13.4: settings that decide what a refresh touches.
        QTest::newRow("dblink fixed") << "dblink" << "table" << "2" << false;
        QTest::newRow("source_table fixed") << "source_table" << "snap" << "shop.other" << false;
        QTest::newRow("dml key fixed") << "pk_name" << "dml" << "{id}" << false;
        QTest::newRow("dml filter fixed") << "filter" << "dml" << "{id,v}" << false;
        QTest::newRow("incremental control fixed") << "control" << "updater_time" << "changed_at" << false;
        QTest::newRow("snap filter narrows") << "filter" << "snap" << "{id,v}" << true;
        QTest::newRow("table sequences recorded") << "sequences" << "table" << "{rep.s}" << true;
    }

    void columnRules()
    {
        QFETCH(QString, column);
        QFETCH(QString, type);
        QFETCH(QString, value);
        QFETCH(bool, ok);
        const auto why = catalog::checkConfigValue(column.toStdString(), type.toStdString(), value.toStdString());
        QVERIFY2(why.has_value() != ok, why ? why->c_str() : "accepted");
    }

    void nullOnlyWhereAllowed()
    {
        QVERIFY(!catalog::checkConfigValue("period", "snap", std::nullopt));
        QVERIFY(catalog::checkConfigValue("boundary", "inserter_time", std::nullopt));
    }

    void arraysRoundTripThroughServer_data()
    {
        QTest::addColumn<QStringList>("items");
        QTest::newRow("plain") << QStringList{"a", "b"};
        QTest::newRow("quotes and commas") << QStringList{"say \"hi\", then", "back\\slash", "{braces}"};
        QTest::newRow("spaces and unicode") << QStringList{"  padded ", "Grüße", "NULL"};
        QTest::newRow("empty") << QStringList{};
    }

    void arraysRoundTripThroughServer()
    {
        QFETCH(QStringList, items);
        MIMEO_REQUIRE_ENV(env);
        std::vector<std::string> v;
        for (const auto &i : items)
            v.push_back(i.toStdString());
        auto c = env->dest.connect();
        auto r = c.exec("SELECT $1::text[]::text, cardinality($1::text[])", {catalog::formatTextArray(v)});
        QCOMPARE(r.toInt(0, 1), static_cast<int64_t>(v.size()));
        QCOMPARE(catalog::parseTextArray(r.text(0, 0)), v);
    }
};

QTEST_GUILESS_MAIN(TestStudioValidators)
#include "tst_studio_validators.moc"
