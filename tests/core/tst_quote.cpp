// SPDX-License-Identifier: PostgreSQL
// Identifier/literal quoting and name parsing, without a server (the
// round trip through real tables is in tst_pgconnection).
#include "pg/quote.h"

#include <QTest>

using mimeo::pg::QualifiedName;

class TestQuote : public QObject {
    Q_OBJECT
private slots:
    void quoteIdent_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << "orders" << "\"orders\"";
        QTest::newRow("mixed case") << "Orders" << "\"Orders\"";
        QTest::newRow("space") << "my table" << "\"my table\"";
        QTest::newRow("quote") << "a\"b" << "\"a\"\"b\"";
        QTest::newRow("only quotes") << "\"\"" << "\"\"\"\"\"\"";
        QTest::newRow("reserved") << "select" << "\"select\"";
        QTest::newRow("unicode") << "Bestellungen_äöü" << "\"Bestellungen_äöü\"";
        QTest::newRow("dot") << "Tab.le" << "\"Tab.le\"";
    }
    void quoteIdent()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(QString::fromStdString(mimeo::pg::quoteIdent(in.toStdString())), out);
    }

    void quoteLiteral_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << "abc" << "'abc'";
        QTest::newRow("quote") << "it's" << "'it''s'";
        QTest::newRow("backslash") << "a\\b" << "E'a\\\\b'";
        QTest::newRow("both") << "a\\'b" << "E'a\\\\''b'";
        QTest::newRow("empty") << "" << "''";
    }
    void quoteLiteral()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(QString::fromStdString(mimeo::pg::quoteLiteral(in.toStdString())), out);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("name");
        QTest::newRow("unqualified") << "t" << "" << "t";
        QTest::newRow("qualified") << "public.t" << "public" << "t";
        QTest::newRow("folds case") << "Public.Orders" << "public" << "orders";
        QTest::newRow("quoted keeps case") << "\"My Schema\".\"Tab.le\"" << "My Schema" << "Tab.le";
        QTest::newRow("mixed quoting") << "sales.\"Order Lines\"" << "sales" << "Order Lines";
        QTest::newRow("doubled quote") << "\"a\"\"b\".c" << "a\"b" << "c";
        QTest::newRow("spaces around") << "  s . \"T\"  " << "s" << "T";
        QTest::newRow("dollar and digits") << "t$1" << "" << "t$1";
        QTest::newRow("unicode unquoted keeps non-ascii") << "Äpfel.Birnen" << "Äpfel" << "birnen";
        QTest::newRow("reserved word quoted") << "\"select\".\"from\"" << "select" << "from";
        QTest::newRow("underscore start") << "_x._y" << "_x" << "_y";
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, schema);
        QFETCH(QString, name);
        const auto q = QualifiedName::parse(text.toStdString());
        QCOMPARE(QString::fromStdString(q.schema), schema);
        QCOMPARE(QString::fromStdString(q.name), name);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << "" << "missing";
        QTest::newRow("trailing dot") << "s." << "missing";
        QTest::newRow("three parts") << "db.s.t" << "3 parts";
        QTest::newRow("unterminated") << "\"abc" << "unterminated";
        QTest::newRow("empty quoted") << "\"\".t" << "zero-length";
        QTest::newRow("hyphen unquoted") << "s.my-table" << "'-'";
        QTest::newRow("digit start") << "1abc" << "'1'";
    }
    void parseErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        try {
            QualifiedName::parse(text.toStdString());
            QFAIL("expected an error");
        } catch (const std::invalid_argument &e) {
            const QString msg = QString::fromUtf8(e.what());
            QVERIFY2(msg.contains(mentions), qPrintable(msg));
        }
    }

    void longNamesAreClippedLikeTheServer()
    {
        const std::string longAscii(70, 'a');
        QCOMPARE(QualifiedName::parse(longAscii).name.size(), size_t(63));
        // 62 ASCII bytes and then a two-byte character: the server clips to 62.
        const std::string multi = std::string(62, 'b') + "ä" + "c";
        const auto clipped = mimeo::pg::clipIdentifier(multi);
        QCOMPARE(clipped, std::string(62, 'b'));
    }

    void catalogTextIsMimeosPlainForm()
    {
        // mimeo's own rows: plain, case-sensitive, special characters kept.
        const auto q = QualifiedName::fromCatalogText("mimeo_source.Snap-test-Source");
        QCOMPARE(q.schema, std::string("mimeo_source"));
        QCOMPARE(q.name, std::string("Snap-test-Source"));
        QCOMPARE(q.quoted(), std::string("\"mimeo_source\".\"Snap-test-Source\""));
        QCOMPARE(q.catalogText(), std::string("mimeo_source.Snap-test-Source"));
        QCOMPARE(QualifiedName({"S p", "Has\"Quote"}).catalogText(), std::string("S p.Has\"Quote"));
    }

    // Issue 13.1: "a.b".c and a."b.c" are different tables; the catalog text
    // of each must read back as exactly that table.
    void namesWithDotsRoundTrip_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("text");
        QTest::newRow("dot in schema") << "a.b" << "c" << "\"a.b\".c";
        QTest::newRow("dot in table") << "a" << "b.c" << "a.\"b.c\"";
        QTest::newRow("dots in both") << "x.y" << "z.w" << "\"x.y\".\"z.w\"";
        QTest::newRow("leading quote") << "s" << "\"t" << "s.\"\"\"t\"";
        QTest::newRow("quote and dot") << "s" << "a\".b" << "s.\"a\"\".b\"";
    }

    void namesWithDotsRoundTrip()
    {
        QFETCH(QString, schema);
        QFETCH(QString, name);
        QFETCH(QString, text);
        const QualifiedName q{schema.toStdString(), name.toStdString()};
        QCOMPARE(QString::fromStdString(q.catalogText()), text);
        QCOMPARE(QualifiedName::fromCatalogText(q.catalogText()), q);
        // The SQL form the user types names the same table.
        QCOMPARE(QualifiedName::parse(q.quoted()), q);
    }

    void ambiguousCatalogTextIsRefused()
    {
        // mimeo split this at the first dot and then took the second part
        // only: neither reading is safe, so it is an error naming the text.
        for (const char *bad : {"a.b.c", "\"a.b\"x.c", "a.", ".b", "\"a.b", "a..b"}) {
            try {
                QualifiedName::fromCatalogText(bad);
                QFAIL(qPrintable(QString("accepted %1").arg(bad)));
            } catch (const std::invalid_argument &e) {
                QVERIFY2(std::string(e.what()).find(bad) != std::string::npos, e.what());
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestQuote)
#include "tst_quote.moc"
