// SPDX-License-Identifier: PostgreSQL
// TLS with sslmode=verify-full against a cluster with a throwaway CA: works
// with the right root certificate, fails with a clear message with a wrong
// one or a wrong host name; the same through `mimeo source test`.
#include "pg/connection.h"
#include "pg/conninfo.h"
#include "pg/error.h"
#include "testenv.h"

#include <QTest>

using namespace mimeo;

namespace {

std::string tlsConninfo(const test::TestEnv *env, const std::string &host, const std::string &rootCert)
{
    auto opts = pg::parseConninfo(env->tls.conninfo);
    pg::setOption(opts, "host", host);
    pg::setOption(opts, "sslmode", "verify-full");
    pg::setOption(opts, "sslrootcert", rootCert);
    return pg::toKeywordValueString(opts);
}

} // namespace

class TestTls : public QObject {
    Q_OBJECT
private slots:
    void verifyFullWithTheRightRootCertificate()
    {
        MIMEO_REQUIRE_ENV(env);
        pg::Connection c;
        MIMEO_NOTHROW(c = pg::Connection::open({tlsConninfo(env, "localhost", env->tlsCa), {}, "t", pg::Side::Source}));
        QVERIFY(c.exec("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").toBool(0, 0));
    }

    void wrongRootCertificateOrHostNameFailClearly_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("wrongCa");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("wrong root certificate") << "localhost" << true << "certificate verify failed";
        QTest::newRow("wrong host name") << "127.0.0.1" << false << "does not match host name \"127.0.0.1\"";
    }
    void wrongRootCertificateOrHostNameFailClearly()
    {
        QFETCH(QString, host);
        QFETCH(bool, wrongCa);
        QFETCH(QString, mentions);
        MIMEO_REQUIRE_ENV(env);
        try {
            pg::Connection::open({tlsConninfo(env, host.toStdString(), wrongCa ? env->tlsWrongCa : env->tlsCa), {}, "t",
                                  pg::Side::Source});
            QFAIL("expected the connection to be refused");
        } catch (const pg::Error &e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(mentions), e.what());
            QCOMPARE(e.side(), pg::Side::Source);
        }
    }

    void sourceTestThroughTheCli()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb dest(env->dest, "tlscli");
        const QString d = QString::fromStdString(dest.conninfo());
        QCOMPARE(test::runMimeo({"--dest", d, "init"}).exitCode, 0);
        auto good = test::runMimeo({"--dest", d, "source", "add", "--conninfo",
                                    QString::fromStdString(tlsConninfo(env, "localhost", env->tlsCa)), "--user", "postgres"});
        QCOMPARE(good.exitCode, 0);
        auto bad = test::runMimeo({"--dest", d, "source", "add", "--conninfo",
                                   QString::fromStdString(tlsConninfo(env, "localhost", env->tlsWrongCa)), "--user", "postgres"});
        QCOMPARE(bad.exitCode, 0);
        auto ok = test::runMimeo({"--dest", d, "source", "test", good.out.trimmed()});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY2(ok.out.contains(QStringLiteral("PostgreSQL 15")), qPrintable(ok.all()));
        auto refused = test::runMimeo({"--dest", d, "source", "test", bad.out.trimmed()});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("certificate verify failed")), qPrintable(refused.err));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
