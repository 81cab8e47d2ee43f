// SPDX-License-Identifier: PostgreSQL
// Passwords never survive redact(): in conninfo strings, URIs, and anywhere a
// remembered secret shows up.
#include "pg/conninfo.h"
#include "pg/error.h"
#include "pg/redact.h"

#include <QTest>

#include <algorithm>

using namespace mimeo::pg;

class TestRedact : public QObject {
    Q_OBJECT
private slots:
    void conninfoForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::newRow("keyword plain") << "host=h password=Sup3rSecret dbname=x" << "Sup3rSecret";
        QTest::newRow("keyword quoted") << "host=h password='two words' dbname=x" << "two words";
        QTest::newRow("keyword quoted escaped") << "password='it\\'s here' host=h" << "it\\'s here";
        QTest::newRow("spaces around =") << "password = Hunter2xyz host=h" << "Hunter2xyz";
        QTest::newRow("uri") << "postgresql://alice:TopSecret9@db.example:5432/app" << "TopSecret9";
        QTest::newRow("uri param") << "postgres://db/app?user=a&password=ParamPw77&sslmode=require" << "ParamPw77";
        QTest::newRow("upper case key") << "PASSWORD=Upper123 host=h" << "Upper123";
    }
    void conninfoForms()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        const QString out = QString::fromStdString(redact(text.toStdString()));
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY2(out.contains(QString::fromLatin1(kMask.data(), kMask.size())), qPrintable(out));
    }

    void rememberedSecretIsMaskedAnywhere()
    {
        rememberSecret("c0rrect-h0rse");
        const auto out = redact("ERROR: syntax error at or near \"c0rrect-h0rse\" in statement");
        QVERIFY(out.find("c0rrect-h0rse") == std::string::npos);
    }

    void errorFieldsAreRedacted()
    {
        rememberSecret("batteryStaple!");
        ErrorInfo i;
        i.side = Side::Source;
        i.sqlstate = "42601";
        i.message = "near batteryStaple!";
        i.detail = "detail batteryStaple!";
        i.hint = "hint batteryStaple!";
        i.statement = "SELECT 'batteryStaple!' FROM t password=batteryStaple!";
        const Error e(i);
        const std::string all = e.describe(true) + e.statement();
        QVERIFY2(all.find("batteryStaple!") == std::string::npos, all.c_str());
        QCOMPARE(e.sqlstate(), std::string("42601"));
        QVERIFY(std::string(e.what()).rfind("source: [42601]", 0) == 0);
    }

    void keywordValueStringRoundTrips()
    {
        ConnOptions opts{{"host", "h"}, {"dbname", "my db"}, {"application_name", "it's \\ odd"}};
        const auto text = toKeywordValueString(opts);
        auto back = parseConninfo(text); // in libpq's keyword order, not ours
        std::sort(back.begin(), back.end());
        std::sort(opts.begin(), opts.end());
        QCOMPARE(back, opts);
    }

    void uriIsParsedToOptions()
    {
        const auto opts = parseConninfo("postgresql://bob@db.example:6543/shop?sslmode=verify-full");
        QCOMPARE(findOption(opts, "host").value_or(""), std::string("db.example"));
        QCOMPARE(findOption(opts, "port").value_or(""), std::string("6543"));
        QCOMPARE(findOption(opts, "dbname").value_or(""), std::string("shop"));
        QCOMPARE(findOption(opts, "user").value_or(""), std::string("bob"));
        QCOMPARE(findOption(opts, "sslmode").value_or(""), std::string("verify-full"));
    }

    void badConninfoIsReportedWithoutPassword()
    {
        try {
            parseConninfo("host=h password=Leak3d nonsense_key=1");
            QFAIL("expected an error");
        } catch (const std::invalid_argument &e) {
            const std::string msg = e.what();
            QVERIFY2(msg.find("nonsense_key") != std::string::npos, msg.c_str());
            QVERIFY2(msg.find("Leak3d") == std::string::npos, msg.c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestRedact)
#include "tst_redact.moc"
