// SPDX-License-Identifier: PostgreSQL
// Validate and Repair These Rows in the monitor (issue 17), against real
// servers: for updater, dml and logdel a row changed on the destination
// behind the engine's back is found (the monitor shows the table
// mismatched, the result dialog lists exactly that key as different), and
// Repair fixes exactly it (validated again, the row equals the source's);
// a snapshot with a difference offers Refresh Now instead, with why, and its
// refresh plus a new Validate make it validated. Keeps a picture of the
// result dialog (validation.png).
#include "cli_fixture.h"
#include "job_service.h"
#include "mainwindow.h"
#include "monitor_model.h"
#include "monitorpage.h"
#include "studio_testutil.h"
#include "validation_keys_model.h"
#include "validationdialog.h"

#include <QAction>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace mimeo;
using namespace studiotest;

namespace {

constexpr const char *kSource =
    "CREATE SCHEMA mimeo; CREATE SCHEMA src;"
    "CREATE TABLE src.t (id int PRIMARY KEY, v text, at timestamptz NOT NULL);"
    "INSERT INTO src.t SELECT g, 'v' || g, timestamptz '2020-01-01' + g * interval '1 minute' FROM generate_series(1, 500) g;"
    // Counting it takes a minute: long enough to be stopped.
    "CREATE VIEW src.slow AS SELECT g AS id FROM generate_series(1, 120) g WHERE pg_sleep(0.5) IS NOT NULL;";

} // namespace

class TestStudioValidate : public QObject {
    Q_OBJECT

    std::unique_ptr<test::CliFixture> f_;
    std::unique_ptr<MainWindow> window_;
    QString key_;
    MonitorPage *page_ = nullptr;

    std::optional<jobs::Validation> validationOf(const QString &table) const
    {
        const int row = page_->model()->rowOf(table);
        return row < 0 ? std::nullopt : page_->model()->at(row).validation;
    }
    std::string outcomeOf(const QString &table) const
    {
        const auto v = validationOf(table);
        return v ? v->outcome : std::string("none");
    }
    std::string checkedAt(const QString &table) const
    {
        const auto v = validationOf(table);
        return v ? v->checkedAt : std::string();
    }

    void select(const QString &table)
    {
        auto *view = page_->findChild<QTableView *>(QStringLiteral("tablesView"));
        QVERIFY(view);
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            const QModelIndex i = view->model()->index(r, 0);
            if (i.data(MonitorModel::DestTableRole).toString() == table) {
                view->selectionModel()->select(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                QCOMPARE(page_->selectedTables(), QStringList{table});
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("%1 is not in the monitor").arg(table)));
    }

    bool jobFinished(JobRecord::Action action, const QString &table, JobRecord::State *state = nullptr) const
    {
        for (const auto &j : window_->jobService()->jobs())
            if (j.action == action && j.destTable == table && j.finished()) {
                if (state)
                    *state = j.state;
                return true;
            }
        return false;
    }

    std::string destRow(const QString &table, int id)
    {
        return f_->dest.connect().exec("SELECT v FROM " + table.toStdString() + " WHERE id = $1", {std::to_string(id)}).text(0, 0);
    }
    std::string sourceRow(int id) { return f_->src.connect().exec("SELECT v FROM src.t WHERE id = $1", {std::to_string(id)}).text(0, 0); }

    // Validate on the selected table, as a person does it; waits for the result.
    void validate(const QString &table, const std::string &expected)
    {
        select(table);
        QVERIFY(page_->validateAction()->isEnabled());
        const std::string before = checkedAt(table);
        page_->validateAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(jobFinished(JobRecord::Action::Validate, table), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(checkedAt(table) != before, 20000);
        QCOMPARE(outcomeOf(table), expected);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        MIMEO_REQUIRE_ENV(env);
        f_ = std::make_unique<test::CliFixture>(env, "studioval", kSource);
        for (const QStringList &make : {QStringList{"make", "updater", "src.t", "--source", "1", "--dest-table", "rep.upd",
                                                    "--control", "at", "--boundary", "10 minutes"},
                                        QStringList{"make", "dml", "src.t", "--source", "1", "--dest-table", "rep.dml"},
                                        QStringList{"make", "logdel", "src.t", "--source", "1", "--dest-table", "rep.logdel"},
                                        QStringList{"make", "snap", "src.t", "--source", "1", "--dest-table", "rep.snap"},
                                        QStringList{"make", "snap", "src.slow", "--source", "1", "--dest-table", "rep.slow", "--no-pulldata"}}) {
            auto r = f_->run(make);
            QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        }
        // Behind the engine's back: one row changed on each destination.
        f_->dest.connect().exec("UPDATE rep.upd SET v = 'tampered' WHERE id = 42; UPDATE rep.dml SET v = 'tampered' WHERE id = 42;"
                                "UPDATE rep.logdel SET v = 'tampered' WHERE id = 42; UPDATE rep.snap SET v = 'tampered' WHERE id = 42");

        window_ = std::make_unique<MainWindow>();
        window_->resize(1280, 800);
        window_->show();
        key_ = openAndWait(*window_, f_->dest.conninfo());
        QVERIFY(!key_.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT((page_ = window_->findChild<MonitorPage *>()) != nullptr, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(page_->model()->rowCount(), 5, 20000);
        for (const char *t : {"rep.upd", "rep.dml", "rep.logdel", "rep.snap"}) {
            QCOMPARE(outcomeOf(QString::fromLatin1(t)), std::string("none"));
            const int row = page_->model()->rowOf(QString::fromLatin1(t));
            QCOMPARE(page_->model()->index(row, MonitorModel::ValidatedColumn).data().toString(), QStringLiteral("–"));
        }
    }

    void validateFindsTheRowAndRepairFixesExactlyIt_data()
    {
        QTest::addColumn<QString>("table");
        QTest::newRow("updater") << QStringLiteral("rep.upd");
        QTest::newRow("dml") << QStringLiteral("rep.dml");
        QTest::newRow("logdel") << QStringLiteral("rep.logdel");
    }

    void validateFindsTheRowAndRepairFixesExactlyIt()
    {
        QFETCH(QString, table);
        validate(table, "mismatched");
        if (QTest::currentTestFailed())
            return;
        const int row = page_->model()->rowOf(table);
        const QModelIndex cell = page_->model()->index(row, MonitorModel::ValidatedColumn);
        QVERIFY2(cell.data().toString().startsWith(QStringLiteral("1 differing, ")), qPrintable(cell.data().toString()));
        QVERIFY2(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("different: 1")), qPrintable(cell.data(Qt::ToolTipRole).toString()));
        // The row is still tampered: Validate changed nothing.
        QCOMPARE(destRow(table, 42), std::string("tampered"));
        // It was a job of the job log, as refreshes are: this application's,
        // ok, saying what it found (History shows the reason).
        QCOMPARE(f_->dest.connect()
                     .exec("SELECT origin || ' ' || status || ' ' || rows || ': ' || reason FROM mimeo.studio_job_log "
                           "WHERE dest_table = $1 AND action = 'validate' ORDER BY job_id DESC LIMIT 1",
                           {table.toStdString()})
                     .text(0, 0),
                 std::string("mimeo studio ok 500: mismatched: 1 rows differ (0 missing, 0 extra, 1 different)"));

        select(table);
        QVERIFY(page_->repairAction()->isEnabled());
        QVERIFY(page_->resultAction()->isEnabled());
        page_->resultAction()->trigger();
        ValidationDialog *dialog = page_->validationDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->destTable(), table);
        QCOMPARE(dialog->keysModel()->rowCount(), 1);
        QCOMPARE(dialog->keysModel()->index(0, ValidationKeysModel::KindColumn).data(ValidationKeysModel::KindRole).toString(),
                 QStringLiteral("different"));
        QCOMPARE(dialog->keysModel()->index(0, ValidationKeysModel::KeyColumn).data().toString(), QStringLiteral("(42)"));
        QVERIFY2(dialog->outcomeText().contains(QStringLiteral("Differing rows: 1.")), qPrintable(dialog->outcomeText()));
        QVERIFY(!dialog->repairButton()->isHidden());
        QVERIFY(dialog->repairButton()->isEnabled());
        QVERIFY(dialog->refreshButton()->isHidden());
        if (table == QLatin1String("rep.dml")) {
            QTest::qWait(100); // laid out
            QVERIFY(dialog->grab().save(QStringLiteral("validation.png")));
        }

        // Repair (the updater's from the monitor's menu, the others' from the
        // dialog): exactly that row, then validated again.
        const std::string before = checkedAt(table);
        const std::string others = f_->dest.connect()
                                       .exec("SELECT string_agg(id || '@' || xmin, ',' ORDER BY id) FROM " + table.toStdString() + " WHERE id <> 42")
                                       .text(0, 0);
        if (table == QLatin1String("rep.upd")) {
            page_->repairAction()->trigger();
        } else {
            QTest::mouseClick(dialog->repairButton(), Qt::LeftButton);
            QVERIFY(!dialog->repairButton()->isEnabled()); // asked once
        }
        JobRecord::State state = JobRecord::State::Queued;
        QTRY_VERIFY_WITH_TIMEOUT(jobFinished(JobRecord::Action::Repair, table, &state), 60000);
        QCOMPARE(int(state), int(JobRecord::State::Done));
        QTRY_VERIFY_WITH_TIMEOUT(checkedAt(table) != before, 20000);
        QCOMPARE(outcomeOf(table), std::string("validated"));
        QCOMPARE(destRow(table, 42), sourceRow(42));
        QCOMPARE(f_->dest.connect()
                     .exec("SELECT string_agg(id || '@' || xmin, ',' ORDER BY id) FROM " + table.toStdString() + " WHERE id <> 42")
                     .text(0, 0),
                 others);
        QCOMPARE(f_->dest.connect()
                     .exec("SELECT status FROM mimeo.studio_job_log WHERE dest_table = $1 AND action = 'repair' ORDER BY job_id DESC LIMIT 1",
                           {table.toStdString()})
                     .text(0, 0),
                 std::string("ok"));
        // The open dialog follows: validated, nothing listed, nothing to repair.
        QTRY_VERIFY(dialog->outcomeText().contains(QStringLiteral("Validated")));
        QCOMPARE(dialog->keysModel()->rowCount(), 0);
        QVERIFY(!dialog->repairButton()->isEnabled());
        QVERIFY2(page_->model()->index(row, MonitorModel::ValidatedColumn).data().toString().startsWith(QStringLiteral("validated ✓")),
                 qPrintable(page_->model()->index(row, MonitorModel::ValidatedColumn).data().toString()));
        dialog->close();
    }

    void aSnapshotOffersRefreshInstead()
    {
        const QString table = QStringLiteral("rep.snap");
        validate(table, "mismatched");
        if (QTest::currentTestFailed())
            return;
        select(table);
        QVERIFY(!page_->repairAction()->isEnabled());
        QVERIFY2(page_->repairAction()->toolTip().contains(QStringLiteral("Refresh Now")), qPrintable(page_->repairAction()->toolTip()));
        ValidationDialog *dialog = page_->showValidation(table);
        QVERIFY(dialog);
        QCOMPARE(dialog->keysModel()->rowCount(), 1);
        QCOMPARE(dialog->keysModel()->index(0, ValidationKeysModel::KeyColumn).data().toString(), QStringLiteral("(42)"));
        QVERIFY(dialog->repairButton()->isHidden());
        QVERIFY(!dialog->refreshButton()->isHidden());
        QVERIFY2(dialog->adviceText().contains(QStringLiteral("Refresh Now in its validation result copies every row again")),
                 qPrintable(dialog->adviceText()));

        // The source did not change: a plain snap refresh would skip; this copies.
        QTest::mouseClick(dialog->refreshButton(), Qt::LeftButton);
        JobRecord::State state = JobRecord::State::Queued;
        QTRY_VERIFY_WITH_TIMEOUT(jobFinished(JobRecord::Action::Repull, table, &state), 60000);
        QCOMPARE(int(state), int(JobRecord::State::Done));
        QCOMPARE(destRow(table, 42), sourceRow(42));
        dialog->close();
        validate(table, "validated");
        window_->resize(1280, 800);
        QVERIFY(window_->grab().save(QStringLiteral("monitor-validated.png")));
    }

    // A validation runs in the Jobs panel with its phase, and its Cancel
    // stops the servers at once: no result is recorded for it.
    void aValidationCanBeStopped()
    {
        const QString table = QStringLiteral("rep.slow");
        select(table);
        page_->validateAction()->trigger();
        int id = 0;
        for (const auto &j : window_->jobService()->jobs())
            if (j.action == JobRecord::Action::Validate && j.destTable == table)
                id = j.id;
        QVERIFY(id);
        auto phase = [&] {
            const JobRecord *j = window_->jobService()->find(id);
            return j ? j->progress.phase : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(phase(), QStringLiteral("counting rows"), 20000);
        QTest::qWait(500); // the source's count is under way
        QElapsedTimer stopping;
        stopping.start();
        window_->jobService()->cancel(id);
        QTRY_VERIFY_WITH_TIMEOUT(window_->jobService()->find(id)->finished(), 20000);
        qInfo("The validation stopped %lld ms after Cancel", static_cast<long long>(stopping.elapsed()));
        QCOMPARE(int(window_->jobService()->find(id)->state), int(JobRecord::State::Cancelled));
        QVERIFY2(stopping.elapsed() < 10000, "the count was cancelled on the source, not run to its end");
        QCOMPARE(f_->dest.connect().exec("SELECT count(*) FROM mimeo.studio_validation WHERE dest_table = 'rep.slow'").toInt(0, 0),
                 int64_t(0));
        QCOMPARE(f_->dest.connect()
                     .exec("SELECT status FROM mimeo.studio_job_log WHERE dest_table = 'rep.slow' AND action = 'validate' "
                           "ORDER BY job_id DESC LIMIT 1")
                     .text(0, 0),
                 std::string("cancelled"));
        QCOMPARE(f_->src.connect()
                     .exec("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'")
                     .toInt(0, 0),
                 int64_t(0));
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestStudioValidate)
#include "tst_studio_validate.moc"
