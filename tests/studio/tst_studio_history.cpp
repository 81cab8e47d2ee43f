// SPDX-License-Identifier: PostgreSQL
// The history view over a job log of 100,000 jobs: the first page and a
// filter change (times reported), paging as the view scrolls, the filters
// (table, status, origin, host), and a failed job's details: its steps, its
// error with side and SQLSTATE, and the suggested fix. A dml table's
// refreshes by `mimeo refresh` with their rows inserted/updated/deleted in
// the history and the details, and the monitor's chart of its last runs with
// the failed one marked, following a new run (keeps a picture of it).
#include "catalog/installer.h"
#include "catalog/sources.h"
#include "destination_registry.h"
#include "history_model.h"
#include "historypage.h"
#include "jobdetailsdialog.h"
#include "mainwindow.h"
#include "monitor_model.h"
#include "monitorpage.h"
#include "replication/engine.h"
#include "run_chart.h"
#include "studio_testutil.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace mimeo;
using namespace studiotest;

class TestStudioHistory : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ScratchDb> src_;
    std::unique_ptr<test::ScratchDb> dest_;
    std::unique_ptr<MainWindow> window_;
    QString key_;
    HistoryPage *page_ = nullptr;

    HistoryModel *model() const { return page_->model(); }
    bool settled() const { return !model()->isLoading(); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        MIMEO_REQUIRE_ENV(env);
        src_ = std::make_unique<test::ScratchDb>(env->source, "studiohistsrc");
        src_->connect().exec("CREATE SCHEMA src; CREATE TABLE src.items (id int PRIMARY KEY, v text);"
                             "INSERT INTO src.items SELECT g, 'v' FROM generate_series(1, 100) g;");
        dest_ = std::make_unique<test::ScratchDb>(env->dest, "studiohist");
        auto c = dest_->connect();
        catalog::installCatalog(c, "mimeo");
        catalog::SourceRegistry(c, "mimeo").add(env->source.conninfoFor(src_->name()), "");
        c.exec("CREATE SCHEMA rep");
        // A year of history for 500 tables: 100,000 jobs, older than anything real.
        c.exec("INSERT INTO mimeo.studio_job_log (dest_table, type, action, status, started_at, finished_at, rows, origin, host) "
               "SELECT 'rep.t' || (g % 500), 'snap', 'refresh', CASE WHEN g % 97 = 0 THEN 'failed' ELSE 'ok' END, "
               "now() - interval '1 day' - (100001 - g) * interval '5 minutes', now() - interval '1 day' - (100001 - g) * interval '5 minutes' + interval '3 seconds', "
               "g % 1000, CASE WHEN g % 2 = 0 THEN 'mimeo studio' ELSE 'mimeo run' END, 'host' || (g % 3) "
               "FROM generate_series(1, 100000) g");
        c.exec("ANALYZE mimeo.studio_job_log");
        // And one real failure: a refresh whose condition the source refuses.
        replication::MakeRequest req;
        req.type = "snap";
        req.source = {"src", "items"};
        req.dest = pg::QualifiedName{"rep", "items"};
        req.dataSourceId = 1;
        replication::RunContext ctx;
        replication::make(c, req, ctx);
        c.exec("UPDATE mimeo.refresh_config_snap SET condition = 'WHERE no_such_column > 0' WHERE dest_table = 'rep.items'");
        const auto run = test::runMimeo({QStringLiteral("--dest"), q(dest_->conninfo()), QStringLiteral("refresh"),
                                         QStringLiteral("rep.items"), QStringLiteral("--repull")});
        QVERIFY2(run.exitCode != 0, qPrintable(run.all()));

        window_ = std::make_unique<MainWindow>();
        window_->resize(1280, 800);
        window_->show();
        key_ = openAndWait(*window_, dest_->conninfo());
        QVERIFY(!key_.isEmpty());
    }

    void firstPageAndPaging()
    {
        QElapsedTimer clock;
        clock.start();
        page_ = window_->openHistory(key_);
        QVERIFY(page_);
        QSignalSpy pages(model(), &HistoryModel::pageLoaded);
        QVERIFY(QTest::qWaitFor([&] { return model()->rowCount() > 0 && settled(); }, 30000));
        const qint64 first = clock.elapsed();
        QCOMPARE(model()->rowCount(), HistoryModel::kPageSize);
        // Newest first: the real failure is on top.
        QCOMPARE(QString::fromStdString(model()->at(0).destTable), QStringLiteral("rep.items"));
        QVERIFY(model()->canFetchMore({}));
        model()->fetchMore({});
        QVERIFY(QTest::qWaitFor([&] { return model()->rowCount() == 2 * HistoryModel::kPageSize && settled(); }, 30000));
        QVERIFY(model()->at(HistoryModel::kPageSize).jobId < model()->at(HistoryModel::kPageSize - 1).jobId);
        clock.restart();
        page_->setStatusFilter(QStringLiteral("failed"));
        QVERIFY(QTest::qWaitFor([&] { return model()->rowCount() > 0 && settled(); }, 30000));
        const qint64 filtered = clock.elapsed();
        qInfo("History of 100,000 jobs: first page after %lld ms (page opened), filter change to failed after %lld ms",
              static_cast<long long>(first), static_cast<long long>(filtered));
        for (int r = 0; r < model()->rowCount(); ++r)
            QCOMPARE(QString::fromStdString(model()->at(r).status), QStringLiteral("failed"));
        QCOMPARE(model()->rowCount(), HistoryModel::kPageSize); // 100,000 / 97 failures: more than a page
        QVERIFY(window_->grab().save(QStringLiteral("history.png")));
    }

    void filtersByTableOriginAndHost()
    {
        page_->setStatusFilter(QString());
        page_->setTableFilter(QStringLiteral("rep.t499"));
        QVERIFY(QTest::qWaitFor([&] { return model()->rowCount() > 0 && settled(); }, 30000));
        for (int r = 0; r < model()->rowCount(); ++r)
            QCOMPARE(QString::fromStdString(model()->at(r).destTable), QStringLiteral("rep.t499"));
        QCOMPARE(model()->rowCount(), HistoryModel::kPageSize); // 200 of its 200 jobs
        page_->setTableFilter(QStringLiteral("no such table"));
        QVERIFY(QTest::qWaitFor([&] { return settled() && page_->messageText().contains(QStringLiteral("No job")); }, 30000));
        QCOMPARE(model()->rowCount(), 0);
        auto *origin = page_->findChild<QComboBox *>(QStringLiteral("originCombo"));
        page_->setTableFilter(QString());
        origin->setCurrentIndex(origin->findData(int(jobs::JobFilter::Origin::Application)));
        page_->reload();
        QVERIFY(QTest::qWaitFor([&] { return model()->rowCount() > 0 && settled(); }, 30000));
        for (int r = 0; r < model()->rowCount(); ++r)
            QVERIFY(model()->at(r).origin.rfind("mimeo studio", 0) == 0);
        origin->setCurrentIndex(0);
        page_->findChild<QLineEdit *>(QStringLiteral("hostEdit"))->setText(QStringLiteral("host2"));
        page_->reload();
        QVERIFY(QTest::qWaitFor([&] { return model()->rowCount() > 0 && settled(); }, 30000));
        for (int r = 0; r < model()->rowCount(); ++r)
            QCOMPARE(QString::fromStdString(model()->at(r).host.value_or("")), QStringLiteral("host2"));
        page_->findChild<QLineEdit *>(QStringLiteral("hostEdit"))->clear();
    }

    void aFailedJobOpensToItsStepsErrorAndFix()
    {
        page_->setTableFilter(QStringLiteral("rep.items"));
        page_->setStatusFilter(QStringLiteral("failed"));
        QVERIFY(QTest::qWaitFor([&] { return model()->rowCount() == 1 && settled(); }, 30000));
        JobDetailsDialog dialog(window_->registry()->find(key_), model()->at(0));
        QSignalSpy steps(&dialog, &JobDetailsDialog::stepsLoaded);
        QVERIFY(waitForSignals(steps));
        QVERIFY(steps.first().first().toBool());
        QVERIFY(dialog.stepCount() > 0);
        QVERIFY2(dialog.errorText().contains(QStringLiteral("source")) && dialog.errorText().contains(QStringLiteral("42703"))
                     && dialog.errorText().contains(QStringLiteral("no_such_column")),
                 qPrintable(dialog.errorText()));
        QVERIFY2(dialog.fixText().contains(QStringLiteral("column")), qPrintable(dialog.fixText()));
        dialog.show();
        QVERIFY(dialog.grab().save(QStringLiteral("job-details.png")));
    }

    void countsAndChartOfATablesRuns()
    {
        auto mimeo = [this](QStringList args) {
            return test::runMimeo(QStringList{QStringLiteral("--dest"), q(dest_->conninfo())} + args);
        };
        src_->connect().exec("CREATE SCHEMA mimeo; CREATE TABLE src.counted (id int PRIMARY KEY, v text);"
                             "INSERT INTO src.counted SELECT g, 'v' FROM generate_series(1, 20) g;");
        auto made = mimeo({QStringLiteral("make"), QStringLiteral("dml"), QStringLiteral("src.counted"), QStringLiteral("--source"),
                           QStringLiteral("1"), QStringLiteral("--dest-table"), QStringLiteral("rep.counted")});
        QVERIFY2(made.exitCode == 0, qPrintable(made.all()));
        const QStringList refresh = {QStringLiteral("refresh"), QStringLiteral("rep.counted")};
        // 1: three updates, two inserts, a delete. 2: fails (the source table is away).
        // 3: one insert. 4: nothing to do.
        src_->connect().exec("UPDATE src.counted SET v = 'changed' WHERE id <= 3; INSERT INTO src.counted VALUES (21, 'n'), (22, 'n');"
                             "DELETE FROM src.counted WHERE id = 10");
        auto run = mimeo(refresh);
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        src_->connect().exec("ALTER TABLE src.counted RENAME TO counted_away");
        QVERIFY(mimeo(refresh).exitCode != 0);
        src_->connect().exec("ALTER TABLE src.counted_away RENAME TO counted; INSERT INTO src.counted VALUES (23, 'n')");
        for (int i = 0; i < 2; ++i) {
            run = mimeo(refresh);
            QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        }

        // The history: the counts beside the rows, and in the details.
        page_->setStatusFilter(QString());
        page_->setTableFilter(QStringLiteral("rep.counted"));
        QVERIFY(QTest::qWaitFor([&] { return model()->rowCount() == 5 && settled(); }, 30000)); // make + 4 refreshes
        QStringList changes;
        for (int r = 0; r < model()->rowCount(); ++r)
            changes << model()->index(r, HistoryModel::ChangesColumn).data().toString();
        QCOMPARE(changes, (QStringList{QStringLiteral("+0 ~0 −0"), QStringLiteral("+1 ~0 −0"), QString(),
                                       QStringLiteral("+2 ~3 −1"), QString()})); // newest first; the make has none
        QCOMPARE(model()->index(3, HistoryModel::ChangesColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("2 inserted, 3 updated, 1 deleted"));
        QVERIFY(page_->grab().save(QStringLiteral("history-counts.png")));
        {
            JobDetailsDialog dialog(window_->registry()->find(key_), model()->at(3));
            QVERIFY2(dialog.summaryText().contains(QStringLiteral("Rows: 6 (2 inserted, 3 updated, 1 deleted)")),
                     qPrintable(dialog.summaryText()));
        }

        // The monitor's chart of the selected table: four runs, oldest
        // first, the second failed.
        MonitorPage *monitor = window_->openMonitor(key_);
        QVERIFY(monitor);
        auto *view = monitor->findChild<QTableView *>(QStringLiteral("tablesView"));
        QVERIFY(view);
        int row = -1;
        QVERIFY(QTest::qWaitFor([&] {
            for (int r = 0; r < view->model()->rowCount() && row < 0; ++r)
                if (view->model()->index(r, 0).data(MonitorModel::DestTableRole).toString() == QStringLiteral("rep.counted"))
                    row = r;
            return row >= 0;
        }, 30000));
        RunChart *chart = monitor->runChart();
        QVERIFY(chart);
        QVERIFY(!chart->isVisible()); // until a table is selected
        QSignalSpy loaded(monitor, &MonitorPage::runsLoaded);
        view->selectRow(row);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && chart->runs().size() == 4, 20000);
        QCOMPARE(chart->table(), QStringLiteral("rep.counted"));
        QVERIFY(!chart->isLoading());
        QVERIFY(chart->isVisible());
        QStringList statuses;
        for (const auto &r : chart->runs())
            statuses << QString::fromStdString(r.status) + (RunChart::isFailure(r) ? QStringLiteral("!") : QString());
        QCOMPARE(statuses, (QStringList{QStringLiteral("ok"), QStringLiteral("failed!"), QStringLiteral("ok"), QStringLiteral("ok")}));
        QCOMPARE(chart->runs().front().rowsUpdated, std::optional<long long>(3));
        QVERIFY(chart->runs().front().durationMs.has_value());
        QVERIFY2(chart->accessibleName().contains(QStringLiteral("rep.counted")), qPrintable(chart->accessibleName()));
        QVERIFY2(chart->accessibleDescription().contains(QStringLiteral("1 failed")), qPrintable(chart->accessibleDescription()));
        QVERIFY(chart->height() <= 140);

        // A run made elsewhere joins the chart without a new selection.
        src_->connect().exec("DELETE FROM src.counted WHERE id > 20");
        loaded.clear();
        run = mimeo(refresh);
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && chart->runs().size() == 5, 20000);
        QCOMPARE(chart->runs().back().rowsDeleted, std::optional<long long>(3));
        QVERIFY(monitor->grab().save(QStringLiteral("monitor-runs.png")));
        QVERIFY(chart->grab().save(QStringLiteral("run-chart.png")));
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestStudioHistory)
#include "tst_studio_history.moc"
