// SPDX-License-Identifier: PostgreSQL
// The history view over a job log of 100,000 jobs: the first page and a
// filter change (times reported), paging as the view scrolls, the filters
// (table, status, origin, host), and a failed job's details: its steps, its
// error with side and SQLSTATE, and the suggested fix.
#include "catalog/installer.h"
#include "catalog/sources.h"
#include "destination_registry.h"
#include "history_model.h"
#include "historypage.h"
#include "jobdetailsdialog.h"
#include "mainwindow.h"
#include "replication/engine.h"
#include "studio_testutil.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
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

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestStudioHistory)
#include "tst_studio_history.moc"
