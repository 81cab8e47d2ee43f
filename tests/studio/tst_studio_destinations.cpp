// SPDX-License-Identifier: PostgreSQL
// Destinations: added through the dialog with a password that ends up in a
// real keychain and nowhere else; test connection; the catalog installed
// from the application; an existing mimeo extension install adopted, and
// its plain-text source passwords moved into the keychain.
#include "catalog/installer.h"
#include "catalog/sources.h"
#include "cataloginstalldialog.h"
#include "connectdialog.h"
#include "connectionfields.h"
#include "mainwindow.h"
#include "passworddialog.h"
#include "studio_testutil.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace mimeo;
using namespace studiotest;

namespace {

// Fills the server fields of a connection form.
void fillServer(QWidget *dialog, const test::Cluster &cluster, const std::string &db, const QString &user)
{
    auto *fields = dialog->findChild<ConnectionFields *>(QStringLiteral("connectionFields"));
    fields->setMode(ConnectionFields::ServerMode);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("hostEdit")), clusterOption(cluster, "host"));
    dialog->findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(clusterOption(cluster, "port").toInt());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("databaseEdit")), q(db));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("userEdit")), user);
}

// A password prompt in a test that expects none fails the test instead of
// hanging it.
ModalWatch refusePrompts(bool *prompted)
{
    return onModal<PasswordDialog>([prompted](PasswordDialog *d) {
        *prompted = true;
        d->reject();
    }, 60000);
}

} // namespace

class TestStudioDestinations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void cleanup() { QSettings().clear(); }

    void addDestinationInstallCatalogPasswordOnlyInKeychain()
    {
        MIMEO_REQUIRE_ENV(env);
        PasswordRole role(env->dest, "studio_dest_owner", "Dest-Pw-7f3a!");
        test::ScratchDb db(env->dest, "studiodest");
        env->dest.connect(db.name()).exec("ALTER DATABASE " + pg::quoteIdent(db.name()) + " OWNER TO "
                                          + pg::quoteIdent(role.name()));

        MainWindow w;
        w.show();
        bool installSeen = false;
        bool testsOk = true;
        QString afterInstall;
        auto watch2 = onModal<ConnectDialog>([&](ConnectDialog *d) {
            fillServer(d, env->dest, db.name(), role.qname());
            QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), role.qpassword());
            QVERIFY(d->findChild<QCheckBox *>(QStringLiteral("savePasswordCheck"))->isChecked());
            QSignalSpy tested(d, &ConnectDialog::testFinished);
            QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
            testsOk = waitForSignals(tested) && tested.first().first().toBool();
            testsOk = testsOk && d->resultText().contains(QStringLiteral("PostgreSQL 15"))
                && d->resultText().contains(QStringLiteral("primary"))
                && d->resultText().contains(QStringLiteral("no catalog"));
            auto *install = d->findChild<QPushButton *>(QStringLiteral("installButton"));
            testsOk = testsOk && install->isVisible();
            // The install dialog shows the steps and the SQL before it runs anything.
            auto watch3 = onModal<CatalogInstallDialog>([&](CatalogInstallDialog *c) {
                installSeen = true;
                // The plan may have come before this watch saw the dialog.
                QTRY_VERIFY_WITH_TIMEOUT(c->planSettled(), 20000);
                QVERIFY(c->stepCount() >= 2);
                QVERIFY(c->findChild<QPlainTextEdit *>(QStringLiteral("sqlView"))->toPlainText().contains(
                    QStringLiteral("CREATE TABLE")));
                QSignalSpy done(c, &CatalogInstallDialog::installed);
                QTest::mouseClick(c->findChild<QPushButton *>(QStringLiteral("installButton")), Qt::LeftButton);
                QVERIFY(waitForSignals(done));
                QVERIFY(c->resultText().contains(QStringLiteral("applied")));
                c->accept();
            });
            QTest::mouseClick(install, Qt::LeftButton); // runs the install dialog, then tests again
            QVERIFY(waitForSignals(tested, 2));
            afterInstall = d->resultText();
            d->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();
        });
        QSignalSpy loaded(&w, &MainWindow::destinationLoaded);
        w.addDestination();
        QVERIFY(testsOk);
        QVERIFY(installSeen);
        QVERIFY2(afterInstall.contains(QStringLiteral("is installed")), qPrintable(afterInstall));
        QVERIFY(waitForSignals(loaded));
        QCOMPARE(loaded.first().at(1).toBool(), true);

        // The catalog is there, made by the application.
        auto admin = db.connect();
        QVERIFY(catalog::inspectCatalog(admin, "mimeo").upToDate());

        // The password is in the keychain under the destination's key ...
        const QString key = loaded.first().at(0).toString();
        const QString conninfo = key.section(QLatin1Char('|'), 1);
        QVERIFY(conninfo.contains(role.qname()));
        QVERIFY(!conninfo.contains(role.qpassword()));
        const auto stored = keychainRead(q(catalog::destinationSecretKey(conninfo.toStdString())));
        QVERIFY(stored.has_value());
        QCOMPARE(*stored, role.qpassword());
        // ... and nowhere else: not in the settings file, not in the catalog, not in the log.
        w.close();
        const QByteArray settings = settingsFileBytes();
        QVERIFY(settings.contains(db.name().c_str()));
        QVERIFY(!settings.contains(role.password().c_str()));
        QCOMPARE(rowsContaining(admin, "mimeo", role.password()), 0LL);
        QVERIFY(!w.logText().contains(role.qpassword()));

        // A new session finds the password in the keychain: no prompt, and
        // the role cannot log in without it.
        bool prompted = false;
        auto guard = refusePrompts(&prompted);
        MainWindow again;
        // The constructor starts the load; its result comes through the event
        // loop, which has not run since, so this spy cannot miss it.
        QSignalSpy reloaded(&again, &MainWindow::destinationLoaded);
        QVERIFY(waitForSignals(reloaded));
        QVERIFY(!prompted);
        QCOMPARE(reloaded.first().at(1).toBool(), true);
        QCOMPARE(again.currentDestination(), key);

        // Removing the destination forgets its password too.
        auto confirm = onModal<QMessageBox>([](QMessageBox *b) { b->button(QMessageBox::Yes)->click(); });
        again.removeDestination();
        QVERIFY(confirm.seen());
        QTRY_VERIFY(!keychainRead(q(catalog::destinationSecretKey(conninfo.toStdString()))));
        again.close();
        QVERIFY(!settingsFileBytes().contains(db.name().c_str()));
    }

    void testConnectionTimesOutWithoutFreezing()
    {
        // A server that accepts the connection and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] { held << silent.nextPendingConnection(); });

        ConnectDialog d;
        d.show();
        d.findChild<ConnectionFields *>(QStringLiteral("connectionFields"))->setMode(ConnectionFields::ConninfoMode);
        d.findChild<QLineEdit *>(QStringLiteral("conninfoEdit"))
            ->setText(QStringLiteral("host=127.0.0.1 port=%1 dbname=x user=x").arg(silent.serverPort()));
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(100);
        QSignalSpy tested(&d, &ConnectDialog::testFinished);
        QElapsedTimer clock;
        clock.start();
        d.testConnection();
        QVERIFY(waitForSignals(tested, 1, (ConnectDialog::kTestTimeoutSeconds + 10) * 1000));
        QCOMPARE(tested.first().first().toBool(), false);
        QVERIFY(clock.elapsed() >= (ConnectDialog::kTestTimeoutSeconds - 1) * 1000);
        QVERIFY2(d.resultText().contains(QStringLiteral("timeout")), qPrintable(d.resultText()));
        // The event loop kept running all along.
        QVERIFY2(ticks >= ConnectDialog::kTestTimeoutSeconds * 5, qPrintable(QString::number(ticks)));
    }

    void pastedPasswordIsTakenOutOfTheConninfo()
    {
        MIMEO_REQUIRE_ENV(env);
        ConnectDialog d;
        d.show();
        auto *fields = d.findChild<ConnectionFields *>(QStringLiteral("connectionFields"));
        fields->setMode(ConnectionFields::ConninfoMode);
        auto *conninfo = d.findChild<QLineEdit *>(QStringLiteral("conninfoEdit"));
        conninfo->setFocus();
        QTest::keyClicks(conninfo, QStringLiteral("postgresql://someone:S3cret-in-uri@db.example:5433/shop"));
        QTest::keyClick(conninfo, Qt::Key_Return); // editingFinished
        QCOMPARE(d.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->text(), QStringLiteral("S3cret-in-uri"));
        QVERIFY(!d.target().conninfo.contains(QStringLiteral("S3cret")));
        QVERIFY(d.target().conninfo.contains(QStringLiteral("db.example")));
        QCOMPARE(d.target().password.value_or(QString()), QStringLiteral("S3cret-in-uri"));
    }

    void editingShowsTheServerFields()
    {
        ConnectDialog d;
        DestinationTarget t;
        t.conninfo = QStringLiteral("host='db.example' port='6543' dbname='ware house' sslmode='verify-full'");
        d.setTarget(t);
        auto *fields = d.findChild<ConnectionFields *>(QStringLiteral("connectionFields"));
        QCOMPARE(fields->mode(), ConnectionFields::ServerMode);
        QCOMPARE(d.findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->text(), QStringLiteral("ware house"));
        QCOMPARE(d.findChild<QSpinBox *>(QStringLiteral("portSpin"))->value(), 6543);
        const auto opts = pg::parseConninfo(d.target().conninfo.toStdString());
        QCOMPARE(pg::findOption(opts, "sslmode").value_or(""), std::string("verify-full"));
        QCOMPARE(pg::findOption(opts, "dbname").value_or(""), std::string("ware house"));

        t.conninfo = QStringLiteral("service=warehouse");
        d.setTarget(t);
        QCOMPARE(fields->mode(), ConnectionFields::ServiceMode);
        QCOMPARE(d.target().conninfo, QStringLiteral("service='warehouse'"));
    }

    void adoptExtensionAndMoveItsPasswords()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "studioadopt");
        auto admin = db.connect();
        admin.exec("CREATE EXTENSION dblink; CREATE SCHEMA mimeo; CREATE EXTENSION mimeo SCHEMA mimeo;");
        admin.exec("INSERT INTO mimeo.dblink_mapping_mimeo (data_source, username, pwd) "
                   "VALUES ('host=src.example dbname=a', 'repl_a', 'Plain-Pw-A'), "
                   "('host=src.example dbname=b', 'repl_b', NULL)");

        // The dialog sees the extension and offers to adopt it.
        ConnectDialog d;
        d.show();
        d.findChild<ConnectionFields *>(QStringLiteral("connectionFields"))->setMode(ConnectionFields::ConninfoMode);
        QTest::keyClicks(d.findChild<QLineEdit *>(QStringLiteral("conninfoEdit")), q(db.conninfo()));
        QSignalSpy tested(&d, &ConnectDialog::testFinished);
        d.testConnection();
        QVERIFY(waitForSignals(tested));
        QVERIFY2(d.resultText().contains(QStringLiteral("can adopt")), qPrintable(d.resultText()));
        auto *install = d.findChild<QPushButton *>(QStringLiteral("installButton"));
        QVERIFY(install->isVisible());
        QVERIFY(install->text().contains(QStringLiteral("Adopt")));
        bool adopted = false;
        auto watch4 = onModal<CatalogInstallDialog>([&](CatalogInstallDialog *c) {
            // The plan may have come before this watch saw the dialog.
            QTRY_VERIFY_WITH_TIMEOUT(c->planSettled(), 20000);
            // Only our own tables: mimeo's stay as the extension made them.
            const QString sql = c->findChild<QPlainTextEdit *>(QStringLiteral("sqlView"))->toPlainText();
            QVERIFY(!sql.contains(QStringLiteral("CREATE TABLE \"mimeo\".refresh_config ")));
            QVERIFY(sql.contains(QStringLiteral("studio_catalog_version")));
            QSignalSpy done(c, &CatalogInstallDialog::installed);
            c->install();
            adopted = waitForSignals(done);
            c->accept();
        });
        install->click();
        QVERIFY(adopted);
        QVERIFY(waitForSignals(tested, 2));
        QVERIFY(catalog::inspectCatalog(admin, "mimeo").upToDate());
        QCOMPARE(admin.exec("SELECT extversion FROM pg_extension WHERE extname = 'mimeo'").text(0, 0), std::string("1.5.1"));

        // Opening it offers to move the plain-text password into the keychain.
        MainWindow w;
        bool offered = false;
        auto watch5 = onModal<QMessageBox>([&](QMessageBox *box) {
            offered = box->text().contains(QStringLiteral("dblink_mapping_mimeo.pwd"));
            box->button(QMessageBox::Yes)->click();
        });
        QSignalSpy imported(&w, &MainWindow::passwordImportFinished);
        DestinationTarget t;
        t.conninfo = q(db.conninfo());
        w.openDestination(t);
        QVERIFY(waitForSignals(imported, 1, 30000));
        QVERIFY(offered);
        QCOMPARE(imported.first().at(1).toInt(), 1);
        QCOMPARE(admin.exec("SELECT count(*) FROM mimeo.dblink_mapping_mimeo WHERE pwd IS NOT NULL").toInt(0, 0), 0);
        const QString key = q(catalog::sourceSecretKey(catalog::destinationIdentity(admin), "mimeo", 1));
        QCOMPARE(keychainRead(key).value_or(QString()), QStringLiteral("Plain-Pw-A"));
        QVERIFY(!keychainRead(q(catalog::sourceSecretKey(catalog::destinationIdentity(admin), "mimeo", 2))));
        QVERIFY(!w.logText().contains(QStringLiteral("Plain-Pw-A")));
        w.close();
    }
};

QTEST_MAIN(TestStudioDestinations)
#include "tst_studio_destinations.moc"
