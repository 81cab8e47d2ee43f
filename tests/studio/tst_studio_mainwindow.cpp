// SPDX-License-Identifier: PostgreSQL
// The main window opens, the connect dialog tests a real destination off
// the GUI thread, and the navigator shows its sources and tables by type.
#include "catalog/installer.h"
#include "catalog/sources.h"
#include "config_filter.h"
#include "config_model.h"
#include "configeditorpage.h"
#include "connectdialog.h"
#include "connectionfields.h"
#include "mainwindow.h"
#include "monitorpage.h"
#include "navigator_model.h"
#include "sources_model.h"
#include "sourcespage.h"
#include "studio_testutil.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace mimeo;
using namespace studiotest;

namespace {

QStringList texts(QStandardItem *item)
{
    QStringList out;
    for (int r = 0; r < item->rowCount(); ++r) {
        out << item->child(r)->text();
        out << texts(item->child(r));
    }
    return out;
}

} // namespace

class TestStudioMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QSettings().clear();
    }

    void connectDialogTestsOffTheGuiThread()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "studiodlg");
        ConnectDialog dialog;
        dialog.show();
        auto *conninfo = dialog.findChild<QLineEdit *>(QStringLiteral("conninfoEdit"));
        auto *testButton = dialog.findChild<QPushButton *>(QStringLiteral("testButton"));
        auto *fields = dialog.findChild<ConnectionFields *>(QStringLiteral("connectionFields"));
        QVERIFY(conninfo && testButton && fields);
        fields->setMode(ConnectionFields::ConninfoMode);
        QTest::keyClicks(conninfo, q(db.conninfo()));
        QSignalSpy spy(&dialog, &ConnectDialog::testFinished);
        QTest::mouseClick(testButton, Qt::LeftButton);
        QVERIFY(waitForSignals(spy));
        QCOMPARE(spy.first().first().toBool(), true);
        QVERIFY2(dialog.resultText().contains(QStringLiteral("PostgreSQL 15")), qPrintable(dialog.resultText()));
        QVERIFY2(dialog.resultText().contains(QStringLiteral("primary")), qPrintable(dialog.resultText()));
        QVERIFY2(dialog.resultText().contains(QStringLiteral("no catalog")), qPrintable(dialog.resultText()));

        // A bad connection reports the error and keeps the dialog usable.
        conninfo->setText(QStringLiteral("host=127.0.0.1 port=1 dbname=x"));
        QTest::mouseClick(testButton, Qt::LeftButton);
        QVERIFY(waitForSignals(spy, 2));
        QCOMPARE(spy.last().first().toBool(), false);
        QVERIFY2(dialog.resultText().contains(QStringLiteral("127.0.0.1")), qPrintable(dialog.resultText()));
    }

    void navigatorShowsSourcesAndTablesByType()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "studionav");
        {
            auto c = db.connect();
            catalog::installCatalog(c, "mimeo");
            catalog::SourceRegistry reg(c, "mimeo");
            reg.add("host=src.example dbname=shop", "repl");
            c.exec("INSERT INTO mimeo.refresh_config_snap (source_table, dest_table, dblink) VALUES ('shop.orders', 'rep.orders', 1);"
                   "INSERT INTO mimeo.refresh_config_inserter_time (source_table, dest_table, dblink, control, last_value) "
                   "VALUES ('shop.events', 'rep.events', 1, 'ts', now());");
        }
        MainWindow w;
        w.show();
        QSignalSpy loaded(&w, &MainWindow::destinationLoaded);
        DestinationTarget t;
        t.conninfo = q(db.conninfo());
        w.openDestination(t);
        QVERIFY(waitForSignals(loaded));
        QCOMPARE(loaded.first().at(1).toBool(), true);
        auto *model = w.navigatorModel();
        QCOMPARE(model->rowCount(), 1);
        const QStringList all = texts(model->item(0));
        QVERIFY2(all.contains(QStringLiteral("Sources (1)")), qPrintable(all.join(QLatin1Char('\n'))));
        QVERIFY2(all.contains(QStringLiteral("1: host='src.example' dbname='shop' as repl")) ||
                     all.contains(QStringLiteral("1: dbname='shop' host='src.example' as repl")),
                 qPrintable(all.join(QLatin1Char('\n'))));
        QVERIFY(all.contains(QStringLiteral("snap (1)")));
        QVERIFY(all.contains(QStringLiteral("inserter (1)")));
        QVERIFY(all.contains(QStringLiteral("rep.orders")));
        QVERIFY(all.contains(QStringLiteral("rep.events")));

        // Keep a picture of the window as a build artefact.
        w.resize(1100, 700);
        QTest::qWait(50);
        QVERIFY(w.grab().save(QStringLiteral("mainwindow.png")));

        // Double-clicking the navigator opens the destination's pages: its
        // sources, and the configuration editor showing just one table.
        auto *tree = w.findChild<QTreeView *>(QStringLiteral("navigator"));
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("centralTabs"));
        auto find = [&](const QString &text) {
            const auto hits = model->match(model->index(0, 0), Qt::DisplayRole, text, 1,
                                           Qt::MatchExactly | Qt::MatchRecursive);
            return hits.isEmpty() ? QModelIndex() : hits.first();
        };
        auto doubleClick = [&](const QModelIndex &index) {
            tree->scrollTo(index);
            const QPoint at = tree->visualRect(index).center();
            QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
            QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
        };
        doubleClick(find(QStringLiteral("Sources (1)")));
        auto *sources = qobject_cast<SourcesPage *>(tabs->currentWidget());
        QVERIFY(sources);
        QTRY_COMPARE(sources->model()->rowCount(), 1);
        const QModelIndex table = find(QStringLiteral("rep.events"));
        QVERIFY(table.isValid());
        tree->expand(table.parent().parent());
        tree->expand(table.parent());
        doubleClick(table);
        auto *editor = qobject_cast<ConfigEditorPage *>(tabs->currentWidget());
        QVERIFY(editor);
        QTRY_COMPARE(editor->model()->rowCount(), 2);
        QCOMPARE(editor->proxy()->rowCount(), 1);
        // Overview, the monitor (a destination's first page), sources and the editor.
        QCOMPARE(tabs->count(), 4);
        QVERIFY(w.findChild<MonitorPage *>());

        // Destinations are remembered without passwords.
        w.close();
        QSettings s;
        QCOMPARE(s.beginReadArray(QStringLiteral("destinations")), 1);
        s.setArrayIndex(0);
        QCOMPARE(s.value(QStringLiteral("conninfo")).toString(), q(db.conninfo()));
        s.endArray();
    }
};

QTEST_MAIN(TestStudioMainWindow)
#include "tst_studio_mainwindow.moc"
