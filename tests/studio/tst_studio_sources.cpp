// SPDX-License-Identifier: PostgreSQL
// Sources: added through the dialog with the password in a real keychain
// (the catalog's pwd column stays NULL), tested with the keychain's
// password, edited, and removal refused while a table uses the source; a
// password inside data_source masked, and moved into the keychain.
#include "catalog/installer.h"
#include "catalog/sources.h"
#include "mainwindow.h"
#include "password_store.h"
#include "passworddialog.h"
#include "sourcedialog.h"
#include "sources_model.h"
#include "sourcespage.h"
#include "connectionfields.h"
#include "studio_testutil.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace mimeo;
using namespace studiotest;

class TestStudioSources : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    // Each test starts with no remembered destinations.
    void init() { QSettings().clear(); }

    void addTestEditRemove()
    {
        MIMEO_REQUIRE_ENV(env);
        PasswordRole role(env->source, "studio_src_repl", "Src-Pw-9q!x");
        test::ScratchDb src(env->source, "studiosrc");
        src.connect().exec("CREATE SCHEMA shop; CREATE TABLE shop.orders (id int PRIMARY KEY, amount numeric);"
                           "GRANT USAGE ON SCHEMA shop TO " + pg::quoteIdent(role.name()) + ";"
                           "GRANT SELECT ON shop.orders TO " + pg::quoteIdent(role.name()) + ";");
        test::ScratchDb dest(env->dest, "studiosrcdest");
        auto admin = dest.connect();
        catalog::installCatalog(admin, "mimeo");
        const QString identity = q(catalog::destinationIdentity(admin));

        MainWindow w;
        w.show();
        QSignalSpy loaded(&w, &MainWindow::destinationLoaded);
        DestinationTarget t;
        t.conninfo = q(dest.conninfo());
        w.openDestination(t);
        QVERIFY(waitForSignals(loaded));
        SourcesPage *page = w.openSources(t.key());
        QVERIFY(page);
        // The page's first load reports through the event loop, which has not
        // run since it was made: this spy sees it. Every change reloads the
        // page once more: the add is the 2nd load, the edit the 3rd.
        QSignalSpy pageLoaded(page, &SourcesPage::loaded);
        QVERIFY(waitForSignals(pageLoaded, 1));
        QCOMPARE(page->model()->rowCount(), 0);

        // Add through the dialog, password to the keychain.
        auto watch1 = onModal<SourceDialog>([&](SourceDialog *d) {
            auto *fields = d->findChild<ConnectionFields *>(QStringLiteral("connectionFields"));
            fields->setMode(ConnectionFields::ServerMode);
            QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("hostEdit")), clusterOption(env->source, "host"));
            d->findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(clusterOption(env->source, "port").toInt());
            QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("databaseEdit")), q(src.name()));
            // The dialog's own user field (the one in the server fields is hidden for sources).
            for (auto *e : d->findChildren<QLineEdit *>(QStringLiteral("userEdit")))
                if (e->isVisible())
                    QTest::keyClicks(e, role.qname());
            QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), role.qpassword());
            QVERIFY(d->findChild<QCheckBox *>(QStringLiteral("savePasswordCheck"))->isChecked());
            d->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();
        });
        QSignalSpy changed(page, &SourcesPage::changeFinished);
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("addButton")), Qt::LeftButton);
        QVERIFY(waitForSignals(changed));
        QVERIFY2(changed.first().first().toBool(), qPrintable(page->messageText()));
        QVERIFY(waitForSignals(pageLoaded, 2));
        QCOMPARE(page->model()->rowCount(), 1);

        auto r = admin.exec("SELECT data_source_id, data_source, username, pwd FROM mimeo.dblink_mapping_mimeo");
        QCOMPARE(r.rows(), 1);
        const int id = static_cast<int>(r.toInt(0, 0));
        QVERIFY(r.isNull(0, 3));
        QCOMPARE(r.text(0, 2), role.name());
        QVERIFY(q(r.text(0, 1)).contains(q(src.name())));
        QCOMPARE(rowsContaining(admin, "mimeo", role.password()), 0LL);
        QTRY_COMPARE(keychainRead(q(catalog::sourceSecretKey(identity.toStdString(), "mimeo", id))).value_or(QString()),
                     role.qpassword());
        QTRY_COMPARE(page->model()->data(page->model()->index(0, SourcesModel::PasswordColumn)).toString(),
                     QStringLiteral("keychain"));

        // Test: the password comes from the keychain (no prompt), and the
        // report names what the role may not do, with the GRANT to fix it.
        bool prompted = false;
        auto watch2 = onModal<PasswordDialog>([&](PasswordDialog *d) {
            prompted = true;
            d->reject();
        }, 20000);
        QVERIFY(page->selectSource(id));
        QSignalSpy tested(page, &SourcesPage::testFinished);
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
        QVERIFY(waitForSignals(tested));
        QVERIFY2(tested.first().first().toBool(), qPrintable(page->testText()));
        QVERIFY(!prompted);
        const QString report = page->testText();
        QVERIFY2(report.contains(QStringLiteral("PostgreSQL 15")), qPrintable(report));
        QVERIFY(report.contains(QStringLiteral("primary")));
        QVERIFY(report.contains(role.qname()));
        QVERIFY2(report.contains(QStringLiteral("GRANT")) || report.contains(QStringLiteral("CREATE SCHEMA")), qPrintable(report));
        QVERIFY(!report.contains(role.qpassword()));

        // Edit: the connection changes, the password stays where it is.
        auto watch3 = onModal<SourceDialog>([&](SourceDialog *d) {
            auto *db = d->findChild<QLineEdit *>(QStringLiteral("databaseEdit"));
            QCOMPARE(db->text(), q(src.name()));
            auto *host = d->findChild<QLineEdit *>(QStringLiteral("hostEdit"));
            host->setText(QStringLiteral("localhost"));
            d->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();
        });
        changed.clear();
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("editButton")), Qt::LeftButton);
        QVERIFY(waitForSignals(changed));
        QVERIFY2(changed.first().first().toBool(), qPrintable(page->messageText()));
        r = admin.exec("SELECT data_source, pwd IS NULL FROM mimeo.dblink_mapping_mimeo");
        QVERIFY(q(r.text(0, 0)).contains(QStringLiteral("host='localhost'")));
        QVERIFY(r.toBool(0, 1));

        // Remove is refused while a table uses the source, naming the table.
        admin.exec("INSERT INTO mimeo.refresh_config_snap (source_table, dest_table, dblink) VALUES "
                   "('shop.orders', 'rep.orders', " + std::to_string(id) + ")");
        QVERIFY(waitForSignals(pageLoaded, 3)); // the edit's reload
        QVERIFY(page->selectSource(id));
        auto watch4 = onModal<QMessageBox>([](QMessageBox *b) { b->button(QMessageBox::Yes)->click(); });
        changed.clear();
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("removeButton")), Qt::LeftButton);
        QVERIFY(waitForSignals(changed));
        QCOMPARE(changed.first().first().toBool(), false);
        QVERIFY2(page->messageText().contains(QStringLiteral("rep.orders")), qPrintable(page->messageText()));
        QCOMPARE(admin.exec("SELECT count(*) FROM mimeo.dblink_mapping_mimeo").toInt(0, 0), 1);

        // Without users it goes, and its keychain entry with it.
        admin.exec("DELETE FROM mimeo.refresh_config_snap");
        auto watch5 = onModal<QMessageBox>([](QMessageBox *b) { b->button(QMessageBox::Yes)->click(); });
        changed.clear();
        page->removeSource();
        QVERIFY(waitForSignals(changed));
        QVERIFY2(changed.first().first().toBool(), qPrintable(page->messageText()));
        QCOMPARE(admin.exec("SELECT count(*) FROM mimeo.dblink_mapping_mimeo").toInt(0, 0), 0);
        QTRY_VERIFY(!keychainRead(q(catalog::sourceSecretKey(identity.toStdString(), "mimeo", id))));

        QVERIFY(!settingsFileBytes().contains(role.password().c_str()));
        QVERIFY(!w.logText().contains(role.qpassword()));
        w.close();
    }

    void wrongPasswordInKeychainIsAskedAgain()
    {
        MIMEO_REQUIRE_ENV(env);
        PasswordRole role(env->source, "studio_src_again", "Right-Pw-42");
        test::ScratchDb src(env->source, "studiosrc2");
        test::ScratchDb dest(env->dest, "studiosrcdest2");
        auto admin = dest.connect();
        catalog::installCatalog(admin, "mimeo");
        catalog::SourceRegistry reg(admin, "mimeo");
        const int id = reg.add(env->source.conninfoFor(src.name(), role.name()), "");

        MainWindow w;
        QSignalSpy loaded(&w, &MainWindow::destinationLoaded);
        DestinationTarget t;
        t.conninfo = q(dest.conninfo());
        w.openDestination(t);
        QVERIFY(waitForSignals(loaded));
        // A stale password in the keychain: the server refuses it, the user is asked.
        const QString key = q(catalog::sourceSecretKey(catalog::destinationIdentity(admin), "mimeo", id));
        w.passwordStore()->write(key, QStringLiteral("stale-pw"));
        QTRY_COMPARE(keychainRead(key).value_or(QString()), QStringLiteral("stale-pw"));

        SourcesPage *page = w.openSources(t.key());
        QSignalSpy pageLoaded(page, &SourcesPage::loaded); // made before the event loop runs again
        QVERIFY(waitForSignals(pageLoaded));
        QString problem;
        auto watch6 = onModal<PasswordDialog>([&](PasswordDialog *d) {
            problem = d->findChild<QLabel *>(QStringLiteral("problemLabel"))->text();
            QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), role.qpassword());
            QVERIFY(d->saveInKeychain());
            d->accept();
        });
        QVERIFY(page->selectSource(id));
        QSignalSpy tested(page, &SourcesPage::testFinished);
        page->testSource();
        QVERIFY(waitForSignals(tested, 1, 30000));
        QVERIFY2(tested.first().first().toBool(), qPrintable(page->testText()));
        QVERIFY2(problem.contains(QStringLiteral("refused")), qPrintable(problem));
        QTRY_COMPARE(keychainRead(key).value_or(QString()), role.qpassword());
        w.close();
    }

    void passwordInsideDataSourceIsMaskedAndMovedToTheKeychain()
    {
        // A catalog adopted from the mimeo extension may keep password=...
        // inside data_source. The application never shows it, edits take it
        // out into the password field, and on opening it offers to move it
        // into the keychain; the source is reached from there afterwards.
        MIMEO_REQUIRE_ENV(env);
        PasswordRole role(env->source, "studio_src_inside", "Inside-Pw-5k'x");
        test::ScratchDb src(env->source, "studiosrcin");
        test::ScratchDb dest(env->dest, "studiosrcindest");
        auto admin = dest.connect();
        catalog::installCatalog(admin, "mimeo");
        auto opts = pg::parseConninfo(env->source.conninfoFor(src.name()));
        pg::removeOption(opts, "user");
        const std::string plain = pg::toKeywordValueString(opts);
        pg::setOption(opts, "password", role.password());
        const int id = static_cast<int>(admin.exec("INSERT INTO mimeo.dblink_mapping_mimeo (data_source, username) "
                                                   "VALUES ($1, $2) RETURNING data_source_id",
                                                   {pg::toKeywordValueString(opts), role.name()})
                                            .toInt(0, 0));
        const QString key = q(catalog::sourceSecretKey(catalog::destinationIdentity(admin), "mimeo", id));
        DestinationTarget t;
        t.conninfo = q(dest.conninfo());

        {
            // Declined: the password stays, but is shown nowhere.
            MainWindow w;
            QString offer;
            auto watch1 = onModal<QMessageBox>([&](QMessageBox *box) {
                offer = box->text();
                box->button(QMessageBox::No)->click();
            });
            QSignalSpy loaded(&w, &MainWindow::destinationLoaded);
            w.openDestination(t);
            QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 20000);
            QTRY_VERIFY(!offer.isEmpty());
            QVERIFY2(offer.contains(QStringLiteral("inside data_source")), qPrintable(offer));
            QTRY_VERIFY(w.logText().contains(QStringLiteral("The passwords stay in the catalog.")));
            SourcesPage *page = w.openSources(t.key());
            QVERIFY(page);
            QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() == 1, 20000);
            const QString shown = page->model()->data(page->model()->index(0, SourcesModel::ConnectionColumn)).toString();
            QVERIFY2(shown.contains(QStringLiteral("password=********")), qPrintable(shown));
            QVERIFY(!shown.contains(role.qpassword()));
            QCOMPARE(page->model()->data(page->model()->index(0, SourcesModel::PasswordColumn)).toString(),
                     QStringLiteral("in the connection string (plain text)"));

            // Editing works on the stored text: the password lands in its own field, not "********".
            QString passwordField;
            QStringList otherFields;
            auto watch2 = onModal<SourceDialog>([&](SourceDialog *d) {
                for (auto *e : d->findChildren<QLineEdit *>()) {
                    if (e->objectName() == QStringLiteral("passwordEdit"))
                        passwordField = e->text();
                    else
                        otherFields << e->text();
                }
                d->reject();
            });
            QVERIFY(page->selectSource(id));
            page->editSource();
            QTRY_VERIFY_WITH_TIMEOUT(!passwordField.isEmpty(), 20000);
            QCOMPARE(passwordField, role.qpassword());
            QVERIFY2(otherFields.contains(q(src.name())), qPrintable(otherFields.join(QLatin1Char('|'))));
            for (const auto &text : otherFields)
                QVERIFY2(!text.contains(role.qpassword()) && !text.contains(QStringLiteral("****")), qPrintable(text));
            QVERIFY(!w.logText().contains(role.qpassword()));
            w.close();
        }

        // Accepted: into the keychain, out of the catalog, and the source is still reached.
        MainWindow w;
        auto watch3 = onModal<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); });
        QSignalSpy imported(&w, &MainWindow::passwordImportFinished);
        QSignalSpy loaded(&w, &MainWindow::destinationLoaded);
        w.openDestination(t);
        QTRY_VERIFY_WITH_TIMEOUT(imported.count() > 0, 30000);
        QCOMPARE(imported.first().at(1).toInt(), 1);
        auto r = admin.exec("SELECT data_source, pwd IS NULL FROM mimeo.dblink_mapping_mimeo");
        QCOMPARE(r.text(0, 0), plain);
        QVERIFY(r.toBool(0, 1));
        QCOMPARE(rowsContaining(admin, "mimeo", role.password()), 0LL);
        QTRY_COMPARE(keychainRead(key).value_or(QString()), role.qpassword());

        bool prompted = false;
        auto watch4 = onModal<PasswordDialog>([&](PasswordDialog *d) {
            prompted = true;
            d->reject();
        }, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2, 20000); // the reload after the move
        SourcesPage *page = w.openSources(t.key());
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() == 1, 20000);
        QVERIFY(page->selectSource(id));
        QSignalSpy tested(page, &SourcesPage::testFinished);
        page->testSource();
        QTRY_VERIFY_WITH_TIMEOUT(tested.count() > 0, 30000);
        QVERIFY2(tested.first().first().toBool(), qPrintable(page->testText()));
        QVERIFY(!prompted);
        QVERIFY(!w.logText().contains(role.qpassword()));
        w.close();
    }
};

QTEST_MAIN(TestStudioSources)
#include "tst_studio_sources.moc"
