// SPDX-License-Identifier: PostgreSQL
// The application and a runner (issue 18) on real servers: with no runner
// serving the catalog, Refresh Now runs on this computer (job log origin
// "mimeo studio") and the log says so; with `mimeo serve` running, the
// destination knows it, Refresh Now and Full Re-pull become requests the
// runner answers (origin "mimeo serve"), the Jobs panel's record follows
// the request's job to done, Validate is recorded by the runner, and Cancel
// stops a running job on the runner; the choice is per action and
// remembered (Refresh Now off runs here while Validate still goes there);
// a request left waiting when no runner is alive any more is withdrawn and
// fails here, saying so; closing the window, or removing the destination,
// leaves a runner's job running (removing it still follows it here); a
// runner's job is followed to its end across a restart of the destination.
#include "cli_fixture.h"
#include "own_cluster.h"
#include "destination_registry.h"
#include "destination_service.h"
#include "health_feed.h"
#include "job_service.h"
#include "jobs_model.h"
#include "jobs_panel.h"
#include "mainwindow.h"
#include "monitorpage.h"
#include "studio_testutil.h"

#include <QAbstractButton>
#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace mimeo;
using namespace studiotest;

namespace {

// src.slow pauses 2 s at every 50000th of 400000 rows: a refresh of it runs
// for about 16 s, long enough to cancel it on the runner.
constexpr const char *kSource =
    "CREATE SCHEMA src;"
    "CREATE TABLE src.t (id int PRIMARY KEY, v text); INSERT INTO src.t SELECT g, 'v' || g FROM generate_series(1, 50) g;"
    "CREATE VIEW src.slow AS SELECT g AS id, 'row ' || g AS v FROM generate_series(1, 400000) g "
    "WHERE g % 50000 <> 0 OR pg_sleep(2) IS NOT NULL;";

} // namespace

class TestStudioRunner : public QObject {
    Q_OBJECT

    std::unique_ptr<test::CliFixture> f_;
    std::unique_ptr<MainWindow> window_;
    QString key_;

    JobService *jobs() const { return window_->jobService(); }
    DestinationService *service() const { return window_->registry()->find(key_); }
    long long scalar(const std::string &sql, const pg::Params &params = {})
    {
        auto r = f_->dest.connect().exec(sql, params);
        return r.isNull(0, 0) ? -1 : r.toInt(0, 0);
    }
    std::string text(const std::string &sql, const pg::Params &params = {}) { return f_->dest.connect().exec(sql, params).text(0, 0); }
    const JobRecord &job(int id) const { return *jobs()->find(id); }
    // Refresh Now as the window runs it; the id of the job it added.
    int refreshNow(const QString &table)
    {
        QSignalSpy added(jobs(), &JobService::jobAdded);
        window_->refreshTables(key_, {table});
        if (!waitForSignals(added))
            return 0;
        return jobs()->jobs()[static_cast<size_t>(added.last().at(0).toInt())].id;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        MIMEO_REQUIRE_ENV(env);
        f_ = std::make_unique<test::CliFixture>(env, "studiorunner", kSource);
        for (const char *t : {"rep.t", "rep.u"}) {
            auto r = f_->run({"make", "table", "src.t", "--source", "1", "--dest-table", t, "--period", "1 hour", "--no-pulldata"});
            QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        }
        for (const char *t : {"rep.slow", "rep.slow2"}) {
            auto r = f_->run({"make", "snap", "src.slow", "--source", "1", "--dest-table", t, "--period", "1 hour", "--no-pulldata"});
            QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        }
        window_ = std::make_unique<MainWindow>();
        window_->resize(1100, 700);
        window_->show();
        key_ = openAndWait(*window_, f_->dest.conninfo());
        QVERIFY(!key_.isEmpty());
        for (const char *name : {"actionRefreshOnRunner", "actionRepullOnRunner", "actionValidateOnRunner"}) {
            auto *choice = window_->findChild<QAction *>(QString::fromLatin1(name));
            QVERIFY2(choice, name);
            QVERIFY2(choice->isChecked(), name); // on by default
        }
    }

    void withoutRunnerRunsHere()
    {
        QVERIFY(!service()->runnerAlive());
        const int id = refreshNow(QStringLiteral("rep.t"));
        QVERIFY(id > 0);
        QVERIFY(!job(id).onRunner);
        QTRY_VERIFY_WITH_TIMEOUT(job(id).finished(), 30000);
        QCOMPARE(int(job(id).state), int(JobRecord::State::Done));
        QCOMPARE(scalar("SELECT count(*) FROM rep.t"), 50LL);
        QCOMPARE(text("SELECT origin FROM mimeo.studio_job_log WHERE dest_table = 'rep.t' AND action = 'refresh' ORDER BY job_id DESC "
                      "LIMIT 1"),
                 std::string("mimeo studio"));
        QCOMPARE(scalar("SELECT count(*) FROM mimeo.studio_request"), 0LL);
        QCOMPARE(window_->logText().count(QStringLiteral("No runner serves")), 1);
        // The monitor says so at the top, before any table.
        MonitorPage *monitor = window_->openMonitor(key_);
        QVERIFY(monitor);
        service()->health()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(monitor->summaryText().contains(QStringLiteral("No runner</b> serves this destination")), 15000);
        // A full re-pull's question says it would run here (answered No: nothing runs).
        QString question;
        auto answer = onModal<QMessageBox>([&question](QMessageBox *box) {
            question = box->text();
            box->button(QMessageBox::No)->click();
        });
        QSignalSpy none(jobs(), &JobService::jobAdded);
        window_->repullTables(key_, {QStringLiteral("rep.t")});
        QVERIFY(answer.seen());
        QVERIFY2(question.contains(QStringLiteral("It runs on this computer: every row passes through it.")), qPrintable(question));
        QCOMPARE(none.count(), 0);
        // Said once: a second refresh runs here too, silently.
        const int again = refreshNow(QStringLiteral("rep.t"));
        QTRY_VERIFY_WITH_TIMEOUT(job(again).finished(), 30000);
        QVERIFY(!job(again).onRunner);
        QCOMPARE(window_->logText().count(QStringLiteral("No runner serves")), 1);
    }

    void requestNoRunnerTakesIsGivenUp()
    {
        // A runner that announced itself and then went away without taking
        // the request (a row with no process behind it, deleted later: as a
        // runner stopped with SIGTERM leaves studio_runner).
        f_->dest.connect().exec("INSERT INTO mimeo.studio_runner (runner_id, host, pid, version, jobs, interval_seconds) "
                                "VALUES ('ghost', 'nowhere', 1, 'test', 1, 60)");
        service()->health()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(service()->runnerAlive(), 15000);
        jobs()->setNoRunnerPatience(1000);
        const int id = refreshNow(QStringLiteral("rep.t"));
        QVERIFY(id > 0);
        QVERIFY(job(id).onRunner);
        QTRY_VERIFY_WITH_TIMEOUT(job(id).requestId > 0, 10000);
        // While a runner is alive, a request waits (it may be busy): not given up.
        QTest::qWait(2500);
        QVERIFY(!job(id).finished());
        QCOMPARE(text("SELECT status FROM mimeo.studio_request WHERE request_id = $1", {std::to_string(job(id).requestId)}),
                 std::string("waiting"));

        f_->dest.connect().exec("DELETE FROM mimeo.studio_runner WHERE runner_id = 'ghost'");
        service()->health()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!service()->runnerAlive(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(job(id).finished(), 15000);
        QVERIFY2(job(id).state == JobRecord::State::Failed, qPrintable(jobStateName(job(id).state)));
        QVERIFY2(job(id).message.contains(QStringLiteral("No runner is alive to carry it out")), qPrintable(job(id).message));
        QCOMPARE(text("SELECT status FROM mimeo.studio_request WHERE request_id = $1", {std::to_string(job(id).requestId)}),
                 std::string("cancelled"));

        // A runner killed while it runs the job: the request stays taken by
        // a backend that is gone, and no runner is alive to take it again.
        int killed = 0;
        {
            test::Background runner(*f_, {"serve", "--interval", "1"});
            QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT count(*) FROM mimeo.studio_runner WHERE pid = $1",
                                             {std::to_string(runner.p.processId())}),
                                      1LL, 15000);
            service()->health()->reload();
            QTRY_VERIFY_WITH_TIMEOUT(service()->runnerAlive(), 15000);
            killed = refreshNow(QStringLiteral("rep.slow"));
            QVERIFY(job(killed).onRunner);
            QTRY_VERIFY_WITH_TIMEOUT(job(killed).runnerJobId > 0 && job(killed).progress.rows > 0, 30000);
        } // SIGKILL: its row stays until it shows as gone (3 intervals)
        service()->health()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!service()->runnerAlive(), 15000);
        service()->health()->reload(); // (the first read may have come before it showed as gone)
        QTRY_VERIFY_WITH_TIMEOUT(job(killed).finished(), 15000);
        QVERIFY2(job(killed).state == JobRecord::State::Failed, qPrintable(jobStateName(job(killed).state)));
        QVERIFY2(job(killed).message.contains(QStringLiteral("No runner is alive to carry it out")), qPrintable(job(killed).message));
        QCOMPARE(text("SELECT status FROM mimeo.studio_request WHERE request_id = $1", {std::to_string(job(killed).requestId)}),
                 std::string("cancelled"));
        jobs()->setNoRunnerPatience(20000);
    }

    void withRunnerRefreshGoesToIt()
    {
        test::Background runner(*f_, {"serve", "--interval", "1"});
        QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT count(*) FROM mimeo.studio_runner WHERE pid = $1", {std::to_string(runner.p.processId())}),
                                  1LL, 15000);
        // The health feed's reads notice it (every 10 s, or now; a read
        // the job log prompted may have seen it already).
        service()->health()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(service()->runnerAlive(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(window_->logText().contains(QStringLiteral("A runner serves")), 5000);
        // The monitor names it: host, pid, how it runs, when it was last seen.
        // (The last test's killed runner is listed too, as gone.) A copy:
        // the feed's next read replaces the list.
        const auto runners = service()->runners();
        const auto alive = std::find_if(runners.begin(), runners.end(), [&](const auto &r) { return !r.gone; });
        QVERIFY(alive != runners.end());
        QCOMPARE(std::count_if(runners.begin(), runners.end(), [](const auto &r) { return !r.gone; }), 1L);
        const auto *row = &*alive;
        QCOMPARE(row->info.pid, int(runner.p.processId()));
        MonitorPage *monitor = window_->openMonitor(key_);
        const QString expected = QStringLiteral("<b>Runner</b>: %1 (pid %2, --jobs 1, --interval 1), seen ")
                                     .arg(QString::fromStdString(row->info.host))
                                     .arg(runner.p.processId());
        QTRY_VERIFY_WITH_TIMEOUT(monitor->summaryText().contains(expected), 15000);

        QCOMPARE(scalar("SELECT count(*) FROM rep.u"), 0LL);
        const int id = refreshNow(QStringLiteral("rep.u"));
        QVERIFY(id > 0);
        QVERIFY(job(id).onRunner);
        QTRY_VERIFY_WITH_TIMEOUT(job(id).finished(), 30000);
        QVERIFY2(job(id).state == JobRecord::State::Done, qPrintable(jobStateName(job(id).state) + QStringLiteral(": ") + job(id).message));
        QVERIFY(job(id).requestId > 0);
        QVERIFY(job(id).runnerJobId > 0);
        QVERIFY(!job(id).runner.isEmpty());
        QCOMPARE(job(id).progress.rows, 50LL);
        // The Jobs panel says where it ran.
        const QModelIndex action = window_->jobsPanel()->model()->index(jobs()->indexOf(id), JobsModel::ActionColumn);
        QVERIFY2(action.data().toString().contains(job(id).runner), qPrintable(action.data().toString()));
        const std::string rid = std::to_string(job(id).requestId);
        QCOMPARE(text("SELECT status FROM mimeo.studio_request WHERE request_id = $1", {rid}), std::string("done"));
        QCOMPARE(text("SELECT action FROM mimeo.studio_request WHERE request_id = $1", {rid}), std::string("refresh"));
        QCOMPARE(text("SELECT j.origin FROM mimeo.studio_request r JOIN mimeo.studio_job_log j USING (job_id) WHERE r.request_id = $1",
                      {rid}),
                 std::string("mimeo serve"));
        QCOMPARE(scalar("SELECT job_id FROM mimeo.studio_request WHERE request_id = $1", {rid}), job(id).runnerJobId);
        QCOMPARE(scalar("SELECT count(*) FROM rep.u"), 50LL);
        // The runner's job, not one of ours: no job of this application for rep.u.
        QCOMPARE(scalar("SELECT count(*) FROM mimeo.studio_job_log WHERE dest_table = 'rep.u' AND origin = 'mimeo studio'"), 0LL);

        // Full Re-pull goes there too (after its question).
        // The question says where it runs: every row moves.
        QString repullQuestion;
        auto answer = onModal<QMessageBox>([&repullQuestion](QMessageBox *box) {
            repullQuestion = box->text();
            box->button(QMessageBox::Yes)->click();
        });
        QSignalSpy added(jobs(), &JobService::jobAdded);
        window_->repullTables(key_, {QStringLiteral("rep.u")});
        QVERIFY(answer.seen());
        QVERIFY2(repullQuestion.contains(QStringLiteral("It runs on the server's runner (%1)").arg(QString::fromStdString(row->info.host))),
                 qPrintable(repullQuestion));
        QVERIFY(waitForSignals(added));
        const int repull = jobs()->jobs()[static_cast<size_t>(added.last().at(0).toInt())].id;
        QVERIFY(job(repull).onRunner);
        QTRY_VERIFY_WITH_TIMEOUT(job(repull).finished(), 30000);
        QVERIFY2(job(repull).state == JobRecord::State::Done, qPrintable(job(repull).message));
        QCOMPARE(text("SELECT action FROM mimeo.studio_request WHERE request_id = $1", {std::to_string(job(repull).requestId)}),
                 std::string("repull"));

        // Validate goes there too, and the runner records the table's last validation.
        QSignalSpy validations(jobs(), &JobService::jobAdded);
        window_->checkTables(key_, {QStringLiteral("rep.u")}, JobRecord::Action::Validate);
        QVERIFY(waitForSignals(validations));
        const int validate = jobs()->jobs()[static_cast<size_t>(validations.last().at(0).toInt())].id;
        QVERIFY(job(validate).onRunner);
        QTRY_VERIFY_WITH_TIMEOUT(job(validate).finished(), 30000);
        QVERIFY2(job(validate).state == JobRecord::State::Done, qPrintable(job(validate).message));
        // Said as a validation run here says it (translated), from the runner's record.
        QCOMPARE(job(validate).message, QStringLiteral("validated: 50 rows equal"));
        QCOMPARE(text("SELECT action FROM mimeo.studio_request WHERE request_id = $1", {std::to_string(job(validate).requestId)}),
                 std::string("validate"));
        QCOMPARE(text("SELECT outcome FROM mimeo.studio_validation WHERE dest_table = 'rep.u'"), std::string("validated"));
        // Answered in the job log too: the runner's validate job, which the panel followed.
        QVERIFY(job(validate).runnerJobId > 0);
        QCOMPARE(text("SELECT action || ' ' || origin || ' ' || status FROM mimeo.studio_job_log WHERE job_id = $1",
                      {std::to_string(job(validate).runnerJobId)}),
                 std::string("validate mimeo serve ok"));

        // Cancel in the Jobs panel stops the job on the runner.
        const int slow = refreshNow(QStringLiteral("rep.slow"));
        QVERIFY(job(slow).onRunner);
        QTRY_VERIFY_WITH_TIMEOUT(job(slow).runnerJobId > 0 && job(slow).progress.rows > 0, 30000);
        QVERIFY(!job(slow).finished());
        // The Jobs panel counts it apart: no worker of ours runs it.
        auto *jobsSummary = window_->jobsPanel()->findChild<QLabel *>(QStringLiteral("summaryLabel"));
        QVERIFY(jobsSummary);
        QTRY_COMPARE(jobsSummary->text(), QStringLiteral("0 running, 0 queued, 1 on a runner"));
        QVERIFY(job(slow).progress.rowsPerSecond > 0); // from the job log's rows and the job's start on the runner
        // Followed on one connection kept between reads, not one per read.
        const std::string followers = "SELECT count(*), min(pid) FROM pg_stat_activity WHERE application_name = 'mimeo-studio:follow' "
                                      "AND datname = current_database()";
        QCOMPARE(scalar(followers), 1LL);
        const std::string followerPid = f_->dest.connect().exec(followers).text(0, 1);
        const qint64 rowsBefore = job(slow).progress.rows;
        QTRY_VERIFY_WITH_TIMEOUT(job(slow).progress.rows > rowsBefore, 15000); // it was read again meanwhile
        QCOMPARE(scalar(followers), 1LL);
        QCOMPARE(f_->dest.connect().exec(followers).text(0, 1), followerPid);
        jobs()->cancel(slow);
        QCOMPARE(int(job(slow).state), int(JobRecord::State::Cancelling));
        QTRY_VERIFY_WITH_TIMEOUT(job(slow).finished(), 15000);
        QVERIFY2(job(slow).state == JobRecord::State::Cancelled, qPrintable(jobStateName(job(slow).state) + QStringLiteral(": ") + job(slow).message));
        // Nothing left to follow: no idle connection is kept.
        QTRY_COMPARE(scalar(followers), 0LL);
        QVERIFY(text("SELECT status FROM mimeo.studio_job_log WHERE job_id = $1", {std::to_string(job(slow).runnerJobId)}) != "running");
        QCOMPARE(scalar("SELECT count(*) FROM mimeo.studio_request WHERE action = 'cancel' AND target_request_id = $1 AND status = 'done'",
                        {std::to_string(job(slow).requestId)}),
                 1LL);

        // The choice is per action: with Refresh Now's off, a refresh runs
        // here although a runner serves, while Validate still goes there.
        auto *refreshChoice = window_->findChild<QAction *>(QStringLiteral("actionRefreshOnRunner"));
        refreshChoice->setChecked(false);
        QCOMPARE(QSettings().value(QStringLiteral("jobs/refreshOnRunner")).toBool(), false);
        QCOMPARE(QSettings().value(QStringLiteral("jobs/validateOnRunner"), true).toBool(), true);
        const int local = refreshNow(QStringLiteral("rep.u"));
        QVERIFY(!job(local).onRunner);
        QCOMPARE(window_->jobsPanel()->model()->index(jobs()->indexOf(local), JobsModel::ActionColumn).data().toString(),
                 jobActionName(JobRecord::Action::Refresh));
        QTRY_VERIFY_WITH_TIMEOUT(job(local).finished(), 30000);
        QCOMPARE(int(job(local).state), int(JobRecord::State::Done));
        QCOMPARE(text("SELECT origin FROM mimeo.studio_job_log WHERE dest_table = 'rep.u' ORDER BY job_id DESC LIMIT 1"),
                 std::string("mimeo studio"));
        QSignalSpy stillRemote(jobs(), &JobService::jobAdded);
        window_->checkTables(key_, {QStringLiteral("rep.u")}, JobRecord::Action::Validate);
        QVERIFY(waitForSignals(stillRemote));
        const int remoteValidate = jobs()->jobs()[static_cast<size_t>(stillRemote.last().at(0).toInt())].id;
        QVERIFY(job(remoteValidate).onRunner);
        QTRY_VERIFY_WITH_TIMEOUT(job(remoteValidate).finished(), 30000);
        QVERIFY2(job(remoteValidate).state == JobRecord::State::Done, qPrintable(job(remoteValidate).message));
        refreshChoice->setChecked(true);

        // Closing the window leaves a job on the runner running there, without asking.
        const int stays = refreshNow(QStringLiteral("rep.slow"));
        QVERIFY(job(stays).onRunner);
        QTRY_VERIFY_WITH_TIMEOUT(job(stays).runnerJobId > 0 && job(stays).progress.rows > 0, 30000);
        const qint64 runnerJob = job(stays).runnerJobId;
        const qint64 request = job(stays).requestId;
        bool asked = false;
        auto question = onModal<QMessageBox>([&asked](QMessageBox *) { asked = true; }, 3000);
        QVERIFY(window_->close());
        QVERIFY(!asked);
        window_.reset();
        // A cancel would have reached it within a second or so; the job runs about 16 s.
        QTest::qWait(2000);
        QCOMPARE(text("SELECT status FROM mimeo.studio_job_log WHERE job_id = $1", {std::to_string(runnerJob)}), std::string("running"));
        QCOMPARE(scalar("SELECT count(*) FROM mimeo.studio_request WHERE action = 'cancel' AND target_request_id = $1",
                        {std::to_string(request)}),
                 0LL);
    }

    void removingTheDestinationLeavesItsRunnerJobs()
    {
        // A new session: the window opens the destination it remembers.
        window_ = std::make_unique<MainWindow>();
        QSignalSpy loaded(window_.get(), &MainWindow::destinationLoaded);
        window_->show();
        QVERIFY(waitForSignals(loaded));
        QCOMPARE(window_->currentDestination(), key_);
        // Two at once: the last test's job on rep.slow was given back when its runner stopped.
        test::Background runner(*f_, {"serve", "--interval", "1", "--jobs", "2"});
        // (The last test's runner was killed: its row stays until it shows as gone.)
        QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT count(*) FROM mimeo.studio_runner WHERE pid = $1", {std::to_string(runner.p.processId())}),
                                  1LL, 15000);
        service()->health()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(service()->runnerAlive(), 15000);
        const int id = refreshNow(QStringLiteral("rep.slow2"));
        QVERIFY(job(id).onRunner);
        QTRY_VERIFY_WITH_TIMEOUT(job(id).runnerJobId > 0 && job(id).progress.rows > 0, 30000);

        // Removing the destination asks only whether to forget it: the job
        // is the runner's and goes on there.
        bool asked = false;
        auto second = std::make_shared<std::optional<ModalWatch>>();
        auto confirm = onModal<QMessageBox>([&asked, second](QMessageBox *box) {
            second->emplace(onModal<QMessageBox>([&asked](QMessageBox *) { asked = true; }, 3000));
            box->button(QMessageBox::Yes)->click();
        });
        window_->removeDestination();
        QVERIFY(confirm.seen());
        QVERIFY(!asked);
        QVERIFY(!window_->registry()->find(key_));
        // Still followed here: its rows move on, and Cancel still reaches the runner.
        QVERIFY(!job(id).finished());
        const qint64 rows = job(id).progress.rows;
        QTRY_VERIFY_WITH_TIMEOUT(job(id).progress.rows > rows, 15000);
        QCOMPARE(text("SELECT status FROM mimeo.studio_job_log WHERE job_id = $1", {std::to_string(job(id).runnerJobId)}),
                 std::string("running"));
        jobs()->cancel(id);
        QTRY_VERIFY_WITH_TIMEOUT(job(id).finished(), 15000);
        QVERIFY2(job(id).state == JobRecord::State::Cancelled, qPrintable(jobStateName(job(id).state) + QStringLiteral(": ") + job(id).message));
    }

    void followsARunnerJobAcrossARestartOfItsServer()
    {
        // The destination server restarts while a runner's job runs: a
        // cluster of this test's own (the shared one serves other suites).
        MIMEO_REQUIRE_ENV(env);
        std::unique_ptr<test::OwnCluster> own;
        MIMEO_NOTHROW(own = std::make_unique<test::OwnCluster>("studiorestart"));
        test::TestEnv mine = *env;
        mine.dest = own->cluster();
        // About 3 s to read: long enough to be cut by the restart.
        test::CliFixture f(&mine, "studiorestart",
                           "CREATE SCHEMA src; CREATE VIEW src.brief AS SELECT g AS id FROM generate_series(1, 6) g "
                           "WHERE pg_sleep(0.5) IS NOT NULL;");
        auto made = f.run({"make", "snap", "src.brief", "--source", "1", "--dest-table", "rep.brief", "--no-pulldata"});
        QVERIFY2(made.exitCode == 0, qPrintable(made.all()));
        test::Background runner(f, {"serve", "--interval", "1"});
        MainWindow window;
        window.show();
        const QString key = openAndWait(window, f.dest.conninfo());
        QVERIFY(!key.isEmpty());
        DestinationService *service = window.registry()->find(key);
        QTRY_COMPARE_WITH_TIMEOUT(f.dest.connect().exec("SELECT count(*) FROM mimeo.studio_runner").text(0, 0), std::string("1"), 15000);
        service->health()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(service->runnerAlive(), 15000);

        JobService *jobs = window.jobService();
        QSignalSpy added(jobs, &JobService::jobAdded);
        window.refreshTables(key, {QStringLiteral("rep.brief")});
        QVERIFY(waitForSignals(added));
        const int id = jobs->jobs()[static_cast<size_t>(added.last().at(0).toInt())].id;
        QVERIFY(jobs->find(id)->onRunner);
        QTRY_VERIFY_WITH_TIMEOUT(jobs->find(id)->runnerJobId > 0, 15000);
        QVERIFY(!jobs->find(id)->finished());
        MIMEO_NOTHROW(own->restart());
        // The follower connects again; the runner answers the job after the
        // restart (given back and done again, or done), and the panel says so.
        QTRY_VERIFY_WITH_TIMEOUT(jobs->find(id)->finished(), 60000);
        QVERIFY2(jobs->find(id)->state == JobRecord::State::Done,
                 qPrintable(jobStateName(jobs->find(id)->state) + QStringLiteral(": ") + jobs->find(id)->message));
        QCOMPARE(f.dest.connect().exec("SELECT count(*) FROM rep.brief").text(0, 0), std::string("6"));
        QCOMPARE(jobs->find(id)->progress.rows, 6LL);
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestStudioRunner)
#include "tst_studio_runner.moc"
