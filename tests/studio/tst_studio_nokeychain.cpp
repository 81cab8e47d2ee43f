// SPDX-License-Identifier: PostgreSQL
// Without any keychain backend (this test runs with no D-Bus session at
// all): the application says so once, asks for passwords when the server
// wants one, keeps them in memory only, and never falls back to plain text.
#include "catalog/installer.h"
#include "catalog/sources.h"
#include "connectdialog.h"
#include "connectionfields.h"
#include "mainwindow.h"
#include "make_wizard.h"
#include "password_store.h"
#include "passworddialog.h"
#include "sourcespage.h"
#include "studio_testutil.h"
#include "wizard_source_page.h"
#include "wizard_table_page.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace mimeo;
using namespace studiotest;

class TestStudioNoKeychain : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY2(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "run through keyring-session.sh --no-keychain");
    }

    void storeFallsBackToMemoryAndSaysSoOnce()
    {
        PasswordStore store;
        QSignalSpy unavailable(&store, &PasswordStore::keychainUnavailable);
        // Two writes before the store knows: both reach the keychain and fail.
        std::optional<bool> inKeychain, secondInKeychain;
        store.write(QStringLiteral("k1"), QStringLiteral("pw-1"), &store, [&](bool in) { inKeychain = in; });
        store.write(QStringLiteral("k2"), QStringLiteral("pw-2"), &store, [&](bool in) { secondInKeychain = in; });
        QTRY_VERIFY(inKeychain.has_value() && secondInKeychain.has_value());
        QCOMPARE(*inKeychain, false);
        QCOMPARE(*secondInKeychain, false);
        QVERIFY(!store.keychainAvailable());
        // Kept in memory for this session.
        std::optional<QString> read;
        bool done = false;
        store.read(QStringLiteral("k1"), &store, [&](const std::optional<QString> &pw) {
            read = pw;
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(read.value_or(QString()), QStringLiteral("pw-1"));
        done = false;
        store.read(QStringLiteral("unknown"), &store, [&](const std::optional<QString> &pw) {
            read = pw;
            done = true;
        });
        QTRY_VERIFY(done);
        QVERIFY(!read);
        // And a write once it is known: every one of them has finished, and
        // it was said once.
        std::optional<bool> thirdInKeychain;
        store.write(QStringLiteral("k3"), QStringLiteral("pw-3"), &store, [&](bool in) { thirdInKeychain = in; });
        QTRY_VERIFY(thirdInKeychain.has_value());
        QCOMPARE(*thirdInKeychain, false);
        QCOMPARE(unavailable.count(), 1);
    }

    void destinationAndSourcePasswordsAskedAndKeptInMemory()
    {
        MIMEO_REQUIRE_ENV(env);
        PasswordRole destRole(env->dest, "studio_nokc_dest", "NoKc-Dest-Pw1");
        PasswordRole srcRole(env->source, "studio_nokc_src", "NoKc-Src-Pw2");
        test::ScratchDb src(env->source, "studionokcsrc");
        test::ScratchDb dest(env->dest, "studionokc");
        int sourceId = 0;
        {
            auto admin = dest.connect();
            catalog::installCatalog(admin, "mimeo");
            admin.exec("GRANT USAGE ON SCHEMA mimeo TO " + pg::quoteIdent(destRole.name())
                       + "; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA mimeo TO "
                       + pg::quoteIdent(destRole.name()));
            sourceId = catalog::SourceRegistry(admin, "mimeo").add(env->source.conninfoFor(src.name(), srcRole.name()), "");
        }

        MainWindow w;
        w.show();
        // Said once, at start, before anyone types a password.
        QTRY_VERIFY(w.logText().contains(QStringLiteral("No keychain")));

        // The dialog does not offer to save the password.
        bool dialogOk = false;
        auto watch1 = onModal<ConnectDialog>([&](ConnectDialog *d) {
            auto *save = d->findChild<QCheckBox *>(QStringLiteral("savePasswordCheck"));
            dialogOk = !save->isEnabled() && !save->isChecked();
            d->findChild<ConnectionFields *>(QStringLiteral("connectionFields"))->setMode(ConnectionFields::ConninfoMode);
            QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("conninfoEdit")),
                             q(dest.conninfo(destRole.name())));
            QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), destRole.qpassword());
            d->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();
        });
        QSignalSpy loaded(&w, &MainWindow::destinationLoaded);
        w.addDestination();
        QVERIFY(dialogOk);
        QVERIFY(waitForSignals(loaded));
        QVERIFY2(loaded.first().at(1).toBool(), qPrintable(w.logText()));
        const QString key = loaded.first().at(0).toString();

        // The source's password is asked for (the dialog says it stays in memory) ...
        SourcesPage *page = w.openSources(key);
        QVERIFY(page);
        QSignalSpy pageLoaded(page, &SourcesPage::loaded); // made before the event loop runs again
        QVERIFY(waitForSignals(pageLoaded));
        int prompts = 0;
        QString note;
        auto watch2 = onModal<PasswordDialog>([&](PasswordDialog *d) {
            ++prompts;
            note = d->findChild<QLabel *>(QStringLiteral("noteLabel"))->text();
            QVERIFY(!d->saveInKeychain());
            QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), srcRole.qpassword());
            d->accept();
        });
        QVERIFY(page->selectSource(sourceId));
        QSignalSpy tested(page, &SourcesPage::testFinished);
        page->testSource();
        QVERIFY(waitForSignals(tested, 1, 30000));
        QVERIFY2(tested.first().first().toBool(), qPrintable(page->testText()));
        QCOMPARE(prompts, 1);
        QVERIFY2(note.contains(QStringLiteral("memory")), qPrintable(note));

        // ... and not again in this session.
        bool promptedAgain = false;
        auto watch3 = onModal<PasswordDialog>([&](PasswordDialog *d) {
            promptedAgain = true;
            d->reject();
        }, 15000);
        tested.clear();
        page->testSource();
        QVERIFY(waitForSignals(tested, 1, 30000));
        QVERIFY(tested.first().first().toBool());
        QVERIFY(!promptedAgain);

        // The New Replication wizard reaches the source the same way: its
        // table list and the table's details come with the password held
        // in memory, without asking again.
        {
            auto srcAdmin = src.connect();
            srcAdmin.exec("CREATE TABLE public.nokc_items (id int PRIMARY KEY, v text); GRANT SELECT ON public.nokc_items TO "
                          + pg::quoteIdent(srcRole.name()));
        }
        std::unique_ptr<MakeWizard> wizard(w.startMakeWizard(key, sourceId));
        QVERIFY(wizard);
        wizard->setAttribute(Qt::WA_DeleteOnClose, false);
        auto *sources = qobject_cast<WizardSourcePage *>(wizard->page(MakeWizard::SourcePage));
        QVERIFY(QTest::qWaitFor([&] { return sources->selectSource(sourceId); }, 20000));
        wizard->next();
        auto *tables = qobject_cast<WizardTablePage *>(wizard->page(MakeWizard::TablePage));
        tables->setFilterText(QStringLiteral("nokc_items"));
        QVERIFY(QTest::qWaitFor([&] { return tables->selectTable({"public", "nokc_items"}); }, 20000));
        QVERIFY2(QTest::qWaitFor([&] { return tables->isComplete(); }, 20000), qPrintable(tables->detailsText()));
        QVERIFY(tables->detailsText().contains(QStringLiteral("nokc_items_pkey")));
        QVERIFY(!promptedAgain);
        wizard.reset();

        // Nothing reached disk or the catalog, and the app said it once.
        w.close();
        QVERIFY(!settingsFileBytes().contains(destRole.password().c_str()));
        QVERIFY(!settingsFileBytes().contains(srcRole.password().c_str()));
        auto admin = dest.connect();
        QCOMPARE(rowsContaining(admin, "mimeo", srcRole.password()), 0LL);
        QCOMPARE(rowsContaining(admin, "mimeo", destRole.password()), 0LL);
        QCOMPARE(w.logText().count(QStringLiteral("No keychain")), 1);
        QVERIFY(!w.logText().contains(srcRole.qpassword()));
        QVERIFY(!w.logText().contains(destRole.qpassword()));
    }
};

QTEST_MAIN(TestStudioNoKeychain)
#include "tst_studio_nokeychain.moc"
