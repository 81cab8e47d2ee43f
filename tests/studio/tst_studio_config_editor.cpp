// SPDX-License-Identifier: PostgreSQL
// The refresh configuration editor: real editors in the cells, values read
// back with SQL after saving, an invalid interval refused with its reason,
// a concurrent last_run update surviving an edit of another column, server
// errors shown next to their row with nothing written, a period of zero or
// less refused by the server's reading, revert, filters,
// the column picker over the source's real columns. Keeps a screenshot.
#include "catalog/installer.h"
#include "catalog/replication_identity.h"
#include "catalog/sources.h"
#include "config_filter.h"
#include "config_model.h"
#include "configeditorpage.h"
#include "mainwindow.h"
#include "passworddialog.h"
#include "studio_testutil.h"
#include "valueeditdialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFont>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace mimeo;
using namespace studiotest;

class TestStudioConfigEditor : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ScratchDb> src_;
    std::unique_ptr<test::ScratchDb> dest_;
    std::unique_ptr<MainWindow> window_;
    ConfigEditorPage *page_ = nullptr;

    ConfigTableModel *model() const { return page_->model(); }

    // The view's index of a catalog column in the row of destTable.
    QModelIndex cell(const QString &destTable, const std::string &column) const
    {
        const int row = model()->rowOf(destTable);
        return page_->proxy()->mapFromSource(model()->index(row, model()->columnOf(column)));
    }

    std::string sql(const std::string &query)
    {
        auto c = dest_->connect();
        auto r = c.exec(query);
        return r.isNull(0, 0) ? std::string("NULL") : r.text(0, 0);
    }

    // Types text into the cell's own editor and presses Enter, as a user does.
    void typeIntoCell(const QModelIndex &index, const QString &text)
    {
        QTableView *view = page_->view();
        view->setFocus();
        view->setCurrentIndex(index);
        view->edit(index);
        auto *editor = qobject_cast<QLineEdit *>(view->indexWidget(index));
        if (!editor)
            editor = view->viewport()->findChild<QLineEdit *>();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, text);
        // The delegate commits and closes the editor from the event loop.
        QPointer<QLineEdit> open(editor);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!open);
    }

    // Saves and, when that worked, waits for the reload it starts: both
    // spies are there before save() so neither signal can pass unseen.
    bool save()
    {
        QSignalSpy saved(page_, &ConfigEditorPage::saved);
        QSignalSpy loaded(page_, &ConfigEditorPage::loaded);
        page_->save();
        if (!waitForSignals(saved))
            return false;
        return saved.first().first().toBool() && waitForSignals(loaded);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        MIMEO_REQUIRE_ENV(env);
        src_ = std::make_unique<test::ScratchDb>(env->source, "studiocfgsrc");
        src_->connect().exec("CREATE SCHEMA shop; CREATE TABLE shop.orders (id int PRIMARY KEY, amount numeric, note text);");
        dest_ = std::make_unique<test::ScratchDb>(env->dest, "studiocfg");
        auto c = dest_->connect();
        catalog::installCatalog(c, "mimeo");
        catalog::SourceRegistry(c, "mimeo").add(env->source.conninfoFor(src_->name()), "");
        c.exec("INSERT INTO mimeo.refresh_config_snap (source_table, dest_table, dblink, period, post_script) VALUES "
               "('shop.orders', 'rep.orders', 1, '1 hour', '{\"analyze rep.orders\"}');"
               "INSERT INTO mimeo.refresh_config_inserter_time (source_table, dest_table, dblink, control, last_value, "
               "  period, batch_limit) VALUES ('shop.events', 'rep.events', 1, 'ts', '2024-01-01 00:00:00+00', "
               "  '10 minutes', 1000);"
               "INSERT INTO mimeo.refresh_config_table (source_table, dest_table, dblink) VALUES "
               "('shop.items', 'rep.items', 1);"
               "INSERT INTO mimeo.refresh_config_dml (source_table, dest_table, dblink, control, pk_name, pk_type) VALUES "
               "('shop.customers', 'rep.customers', 1, 'mimeo.shop_customers_q', '{id}', '{int}');");
        // As `mimeo adopt` would: rows written by hand have no make record.
        pg::Transaction tx(c);
        for (const char *t : {"rep.orders", "rep.events", "rep.items", "rep.customers"})
            catalog::recordIdentity(c, "mimeo", t);
        tx.commit();

        window_ = std::make_unique<MainWindow>();
        window_->resize(1280, 760);
        window_->show();
        QSignalSpy loaded(window_.get(), &MainWindow::destinationLoaded);
        DestinationTarget t;
        t.conninfo = q(dest_->conninfo());
        window_->openDestination(t);
        QVERIFY(waitForSignals(loaded));
        // The page starts reading the catalog as it is made: wait for what it shows.
        page_ = window_->openConfigEditor(t.key());
        QVERIFY(page_);
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 4, 20000);
    }

    void showsEveryTypeWithItsColumns()
    {
        // Columns a type lacks are not editable; its own ones are.
        const QModelIndex snapBoundary = model()->index(model()->rowOf(QStringLiteral("rep.orders")), model()->columnOf("boundary"));
        QVERIFY(!(model()->flags(snapBoundary) & Qt::ItemIsEditable));
        const QModelIndex insBoundary = model()->index(model()->rowOf(QStringLiteral("rep.events")), model()->columnOf("boundary"));
        QVERIFY(model()->flags(insBoundary) & Qt::ItemIsEditable);
        QCOMPARE(insBoundary.data().toString(), QStringLiteral("00:10:00"));
        const QModelIndex destTable = model()->index(0, model()->columnOf("dest_table"));
        QVERIFY(!(model()->flags(destTable) & Qt::ItemIsEditable));
        QCOMPARE(cell(QStringLiteral("rep.customers"), "pk_name").data().toString(), QStringLiteral("id"));
        QCOMPARE(cell(QStringLiteral("rep.events"), "last_value").data().toString(), QStringLiteral("2024-01-01 00:00:00 UTC"));
    }

    void invalidIntervalIsRefusedWithReason()
    {
        typeIntoCell(cell(QStringLiteral("rep.events"), "period"), QStringLiteral("10 parsecs"));
        QVERIFY2(page_->messageText().contains(QStringLiteral("Refused")), qPrintable(page_->messageText()));
        QVERIFY2(page_->messageText().contains(QStringLiteral("parsecs")), qPrintable(page_->messageText()));
        QVERIFY(!model()->hasPendingChanges());
        QCOMPARE(cell(QStringLiteral("rep.events"), "period").data().toString(), QStringLiteral("00:10:00"));

        typeIntoCell(cell(QStringLiteral("rep.events"), "batch_limit"), QStringLiteral("-5"));
        QVERIFY2(page_->messageText().contains(QStringLiteral("at least 1")), qPrintable(page_->messageText()));
        QVERIFY(!model()->hasPendingChanges());
        QVERIFY(!page_->findChild<QPushButton *>(QStringLiteral("saveButton"))->isEnabled()); // nothing to save
    }

    void editPeriodAndPostScript()
    {
        typeIntoCell(cell(QStringLiteral("rep.orders"), "period"), QStringLiteral("2 hours"));
        QVERIFY(model()->hasPendingChanges());

        // post_script is a list: one statement per line in a dialog.
        bool seen = false;
        auto watch1 = onModal<ValueEditDialog>([&](ValueEditDialog *d) {
            seen = true;
            QCOMPARE(d->lines(), QStringList{QStringLiteral("analyze rep.orders")});
            d->findChild<QPlainTextEdit *>(QStringLiteral("textEdit"))
                ->setPlainText(QStringLiteral("analyze rep.orders\nselect 'it''s, \"quoted\"'\n"));
            d->accept();
        });
        page_->view()->edit(cell(QStringLiteral("rep.orders"), "post_script"));
        QTRY_VERIFY(seen);
        QTRY_VERIFY(!QApplication::activeModalWidget());

        QVERIFY(save());
        QCOMPARE(sql("SELECT period::text FROM mimeo.refresh_config_snap WHERE dest_table = 'rep.orders'"),
                 std::string("02:00:00"));
        auto c = dest_->connect();
        auto r = c.exec("SELECT post_script[1], post_script[2], cardinality(post_script) FROM mimeo.refresh_config_snap");
        QCOMPARE(r.text(0, 0), std::string("analyze rep.orders"));
        QCOMPARE(r.text(0, 1), std::string("select 'it''s, \"quoted\"'"));
        QCOMPARE(r.toInt(0, 2), int64_t(2));
        // A post_script is recorded again, under the role that saved it.
        QCOMPARE(sql("SELECT settings->>'post_script' FROM mimeo.studio_replication_identity WHERE dest_table = 'rep.orders'"),
                 std::string("[\"analyze rep.orders\", \"select 'it''s, \\\"quoted\\\"'\"]"));
        QVERIFY(!model()->hasPendingChanges());
        QCOMPARE(cell(QStringLiteral("rep.orders"), "period").data().toString(), QStringLiteral("02:00:00"));
    }

    void concurrentLastRunSurvivesAnotherEdit()
    {
        typeIntoCell(cell(QStringLiteral("rep.events"), "batch_limit"), QStringLiteral("250"));
        QVERIFY(model()->hasPendingChanges());
        // A runner finishes a refresh meanwhile.
        dest_->connect().exec("UPDATE mimeo.refresh_config_inserter_time SET last_run = '2001-02-03 04:05:06+00', "
                              "last_value = '2001-02-03 04:00:00+00' WHERE dest_table = 'rep.events'");
        QVERIFY(save());
        QCOMPARE(sql("SELECT batch_limit::text FROM mimeo.refresh_config_inserter_time"), std::string("250"));
        QCOMPARE(sql("SELECT to_char(last_run AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM mimeo.refresh_config_inserter_time"),
                 std::string("2001-02-03 04:05:06"));
        QCOMPARE(sql("SELECT to_char(last_value AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM mimeo.refresh_config_inserter_time"),
                 std::string("2001-02-03 04:00"));
    }

    void lastRunWithTheDateTimeEditor()
    {
        const QModelIndex at = cell(QStringLiteral("rep.items"), "last_run");
        QTableView *view = page_->view();
        view->setCurrentIndex(at);
        view->edit(at);
        auto *editor = view->viewport()->findChild<QDateTimeEdit *>();
        QVERIFY(editor);
        editor->setDateTime(QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QPointer<QDateTimeEdit> open(editor);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!open);
        QVERIFY(model()->hasPendingChanges());
        QVERIFY(save());
        QCOMPARE(sql("SELECT to_char(last_run AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM mimeo.refresh_config_table"),
                 std::string("2020-01-02 03:04:05"));
    }

    // Issue 13.4: what decides the objects a refresh touches is not edited
    // in place (the refresh would refuse the row): destroy and make again.
    void settingsThatDecideWhatIsTouchedAreReadOnly()
    {
        const int items = model()->rowOf(QStringLiteral("rep.items"));
        const int events = model()->rowOf(QStringLiteral("rep.events"));
        const int customers = model()->rowOf(QStringLiteral("rep.customers"));
        for (const auto &[row, column] : {std::pair{items, "dblink"}, std::pair{items, "source_table"}, std::pair{events, "control"},
                                          std::pair{customers, "pk_name"}, std::pair{customers, "control"},
                                          std::pair{customers, "filter"}}) {
            const QModelIndex at = model()->index(row, model()->columnOf(column));
            QVERIFY2(!(at.flags() & Qt::ItemIsEditable), column);
            QSignalSpy refused(model(), &ConfigTableModel::valueRefused);
            QVERIFY(!model()->setData(at, QStringLiteral("{x}")));
            QCOMPARE(refused.count(), 1);
            QVERIFY2(refused.at(0).at(1).toString().contains(QStringLiteral("destroy the replication and make it again")),
                     qPrintable(refused.at(0).at(1).toString()));
        }
        QVERIFY(!model()->hasPendingChanges());
        // A snapshot's filter only narrows what is read: still editable.
        QVERIFY(cell(QStringLiteral("rep.orders"), "filter").flags() & Qt::ItemIsEditable);
    }

    void serverErrorIsShownNextToItsRowAndNothingIsWritten()
    {
        typeIntoCell(cell(QStringLiteral("rep.orders"), "period"), QStringLiteral("3 hours"));
        const std::string lastRun = sql("SELECT last_run::text FROM mimeo.refresh_config_table");
        // Month 13 has the shape of a date, so only the server refuses it.
        QVERIFY(model()->setData(model()->index(model()->rowOf(QStringLiteral("rep.items")), model()->columnOf("last_run")),
                                 QStringLiteral("2024-13-01 10:00:00+00")));
        QVERIFY(!save());
        const int row = model()->rowOf(QStringLiteral("rep.items"));
        const QString state = model()->index(row, ConfigTableModel::StateColumn).data().toString();
        QVERIFY2(state.contains(QStringLiteral("out of range")), qPrintable(state));
        QVERIFY(model()->index(model()->rowOf(QStringLiteral("rep.orders")), ConfigTableModel::StateColumn).data().toString()
                    == QStringLiteral("edited"));
        QVERIFY2(page_->messageText().contains(QStringLiteral("Nothing was saved")), qPrintable(page_->messageText()));
        QCOMPARE(sql("SELECT period::text FROM mimeo.refresh_config_snap"), std::string("02:00:00"));
        QCOMPARE(sql("SELECT last_run::text FROM mimeo.refresh_config_table"), lastRun);

        // Revert forgets both edits and the error.
        QTest::mouseClick(page_->findChild<QPushButton *>(QStringLiteral("revertButton")), Qt::LeftButton);
        QVERIFY(!model()->hasPendingChanges());
        QVERIFY(model()->index(row, ConfigTableModel::StateColumn).data().toString().isEmpty());
        QCOMPARE(cell(QStringLiteral("rep.orders"), "period").data().toString(), QStringLiteral("02:00:00"));
    }

    void nonPositivePeriodIsRefusedOnSave()
    {
        // The server reads the interval, so every spelling of zero or less is caught.
        for (const QString &period : {QStringLiteral("0"), QStringLiteral("-1 day"), QStringLiteral("1 day -25 hours")}) {
            typeIntoCell(cell(QStringLiteral("rep.orders"), "period"), period);
            QVERIFY(model()->hasPendingChanges());
            QVERIFY(!save());
            const QString state = model()->index(model()->rowOf(QStringLiteral("rep.orders")), ConfigTableModel::StateColumn)
                                      .data()
                                      .toString();
            QVERIFY2(state.contains(QStringLiteral("longer than zero")), qPrintable(period + QStringLiteral(": ") + state));
            QCOMPARE(sql("SELECT period::text FROM mimeo.refresh_config_snap"), std::string("02:00:00"));
            QTest::mouseClick(page_->findChild<QPushButton *>(QStringLiteral("revertButton")), Qt::LeftButton);
            QVERIFY(!model()->hasPendingChanges());
        }
    }

    void filterPickedFromTheSourceColumns()
    {
        bool ready = false;
        QStringList offered;
        auto watch2 = onModal<ValueEditDialog>([&](ValueEditDialog *d) {
            // The columns may have arrived before this dialog was seen here:
            // ask its state instead of waiting for a signal already sent.
            QTRY_VERIFY_WITH_TIMEOUT(d->columnsSettled(), 20000);
            ready = true;
            auto *list = d->findChild<QListWidget *>(QStringLiteral("columnList"));
            for (int i = 0; i < list->count(); ++i) {
                offered << list->item(i)->text();
                if (list->item(i)->text() != QStringLiteral("note"))
                    list->item(i)->setCheckState(Qt::Checked);
            }
            d->accept();
        });
        page_->view()->edit(cell(QStringLiteral("rep.orders"), "filter"));
        QTRY_VERIFY(ready);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QCOMPARE(offered, (QStringList{QStringLiteral("id"), QStringLiteral("amount"), QStringLiteral("note")}));
        QVERIFY(save());
        QCOMPARE(sql("SELECT filter::text FROM mimeo.refresh_config_snap"), std::string("{id,amount}"));
    }

    void deleteKeyClearsANullableColumn()
    {
        const QModelIndex at = cell(QStringLiteral("rep.orders"), "filter");
        page_->view()->setFocus();
        page_->view()->setCurrentIndex(at);
        QTest::keyClick(page_->view(), Qt::Key_Delete);
        QVERIFY(model()->hasPendingChanges());
        // NOT NULL columns refuse it with the reason.
        page_->view()->setCurrentIndex(cell(QStringLiteral("rep.events"), "boundary"));
        QTest::keyClick(page_->view(), Qt::Key_Delete);
        QVERIFY2(page_->messageText().contains(QStringLiteral("cannot be empty")), qPrintable(page_->messageText()));
        // Booleans are check boxes.
        const QModelIndex checkStats = model()->index(model()->rowOf(QStringLiteral("rep.orders")), model()->columnOf("check_stats"));
        QCOMPARE(checkStats.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(model()->flags(checkStats) & Qt::ItemIsUserCheckable);
        QVERIFY(model()->setData(checkStats, Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(save());
        QCOMPARE(sql("SELECT filter::text FROM mimeo.refresh_config_snap"), std::string("NULL"));
        QCOMPARE(sql("SELECT check_stats::text FROM mimeo.refresh_config_snap"), std::string("false"));
    }

    void sortAndFilter()
    {
        auto *proxy = page_->proxy();
        page_->setTypeFilter(QStringLiteral("snap"));
        QCOMPARE(proxy->rowCount(), 1);
        page_->setTypeFilter(QString());
        page_->setTextFilter(QStringLiteral("EVENTS"));
        QCOMPARE(proxy->rowCount(), 1);
        QCOMPARE(proxy->index(0, model()->columnOf("dest_table")).data().toString(), QStringLiteral("rep.events"));
        page_->setTextFilter(QString());
        QCOMPARE(proxy->rowCount(), 4);
        page_->view()->sortByColumn(model()->columnOf("dest_table"), Qt::DescendingOrder);
        QCOMPARE(proxy->index(0, model()->columnOf("dest_table")).data().toString(), QStringLiteral("rep.orders"));
        page_->view()->sortByColumn(model()->columnOf("dest_table"), Qt::AscendingOrder);
        QCOMPARE(proxy->index(0, model()->columnOf("dest_table")).data().toString(), QStringLiteral("rep.customers"));
    }

    // jobmon and insert_on_fetch are mimeo's catalog columns that only the
    // mimeo extension's own refresh functions read: shown, and editable for
    // the extension, but not as settings of ours.
    void extensionOnlySettingsSaySo()
    {
        for (const auto &[column, row] : {std::pair{"jobmon", "rep.orders"}, std::pair{"insert_on_fetch", "rep.customers"}}) {
            const int section = model()->columnOf(column);
            const QString header = model()->headerData(section, Qt::Horizontal).toString();
            QCOMPARE(header, QStringLiteral("%1 (extension)").arg(QLatin1String(column)));
            const QString help = model()->headerData(section, Qt::Horizontal, Qt::ToolTipRole).toString();
            QVERIFY2(help.contains(QStringLiteral("A setting of the mimeo extension"))
                         && help.contains(QStringLiteral("Mimeo Studio and the mimeo command do not read it")),
                     qPrintable(help));
            QVERIFY(model()->headerData(section, Qt::Horizontal, Qt::FontRole).value<QFont>().italic());
            // The cell says it too, where the check box is.
            QCOMPARE(cell(QString::fromLatin1(row), column).data(Qt::ToolTipRole).toString(), help);
            QVERIFY(cell(QString::fromLatin1(row), column).flags() & Qt::ItemIsUserCheckable);
        }
        // The other columns keep their own names.
        QCOMPARE(model()->headerData(model()->columnOf("filter"), Qt::Horizontal).toString(), QStringLiteral("filter"));
        // A picture of those columns, as a build artefact to look at.
        page_->view()->scrollTo(cell(QStringLiteral("rep.orders"), "insert_on_fetch"));
        page_->view()->scrollTo(cell(QStringLiteral("rep.orders"), "jobmon"));
        QTest::qWait(100);
        QVERIFY(window_->grab().save(QStringLiteral("config-editor-extension-columns.png")));
        page_->view()->horizontalScrollBar()->setValue(0);
    }

    void screenshot()
    {
        // Keep a picture of the editor as a build artefact, with one edit pending.
        typeIntoCell(cell(QStringLiteral("rep.customers"), "batch_limit"), QStringLiteral("5000"));
        page_->view()->setCurrentIndex(cell(QStringLiteral("rep.orders"), "dest_table"));
        page_->view()->scrollToTop();
        page_->view()->horizontalScrollBar()->setValue(0);
        QTest::qWait(100);
        QVERIFY(window_->grab().save(QStringLiteral("config-editor.png")));
        page_->revert();
    }

    void cleanupTestCase()
    {
        if (window_)
            window_->close();
        window_.reset();
        dest_.reset();
        src_.reset();
    }
};

QTEST_MAIN(TestStudioConfigEditor)
#include "tst_studio_config_editor.moc"
