// SPDX-License-Identifier: PostgreSQL
// text[] values in their text form: what the server prints and what people
// type are read alike; what we write reads back the same.
#include "pg/array.h"

#include <QTest>

using mimeo::pg::parseTextArray;
using mimeo::pg::toTextArrayLiteral;

class TestArray : public QObject {
    Q_OBJECT
private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("items"); // "<NULL>" marks NULL
        QTest::newRow("empty") << "{}" << QStringList{};
        QTest::newRow("plain") << "{a,b}" << QStringList{"a", "b"};
        QTest::newRow("quoted") << "{\"a b\",\"c,d\",\"e\\\"f\",\"g\\\\h\"}" << QStringList{"a b", "c,d", "e\"f", "g\\h"};
        QTest::newRow("null and quoted null") << "{NULL,\"NULL\",null}" << QStringList{"<NULL>", "NULL", "<NULL>"};
        QTest::newRow("typed with spaces") << "  { a ,  \"b\" , c }  " << QStringList{"a", "b", "c"};
        QTest::newRow("dimensions") << "[1:2]={x,y}" << QStringList{"x", "y"};
        QTest::newRow("unicode") << "{Größe,\"€ 5\"}" << QStringList{"Größe", "€ 5"};
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, items);
        const auto got = parseTextArray(text.toStdString());
        QStringList out;
        for (const auto &v : got)
            out << (v ? QString::fromStdString(*v) : QStringLiteral("<NULL>"));
        QCOMPARE(out, items);
    }

    void refusesMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no braces") << "a,b";
        QTest::newRow("unterminated") << "{\"a}";
        QTest::newRow("nested") << "{{a}}";
        QTest::newRow("junk after quote") << "{\"a\"b}";
    }
    void refusesMalformed()
    {
        QFETCH(QString, text);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseTextArray(text.toStdString()));
    }

    void roundTrips()
    {
        const std::vector<std::string> items{"", "a b", "x\"y", "back\\slash", "NULL", "{braces}", "comma,here"};
        const auto back = parseTextArray(toTextArrayLiteral(items));
        QCOMPARE(back.size(), items.size());
        for (size_t i = 0; i < items.size(); ++i)
            QCOMPARE(back[i].value_or("<NULL>"), items[i]);
    }
};

QTEST_APPLESS_MAIN(TestArray)
#include "tst_array.moc"
