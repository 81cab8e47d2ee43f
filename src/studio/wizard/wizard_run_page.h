// SPDX-License-Identifier: PostgreSQL
#pragma once
// Wizard step 7: the make itself, in the background, with its progress
// (phase, rows of the estimate, rate, time left) and a Stop that cancels it
// on the servers at once; the engine leaves nothing half made. Then: refresh
// now, open the new row in the configuration editor, or make another.
#include "engine_run.h"
#include "pg/statement_log.h"

#include <QWizardPage>

#include <memory>

namespace Ui {
class WizardRunPage;
}
class MakeWizard;

class WizardRunPage : public QWizardPage {
    Q_OBJECT
public:
    enum class State { Idle, Running, Made, Cancelled, Failed };

    explicit WizardRunPage(MakeWizard *wizard);
    ~WizardRunPage() override;

    void initializePage() override;
    bool isComplete() const override;

    State state() const { return state_; }
    bool isRunning() const { return run_ && run_->isRunning(); }
    // What the make sent to the servers (for the test that compares it with the summary).
    std::vector<mimeo::pg::LoggedStatement> executedStatements() const;
    QString resultText() const;
    QString destTable() const { return destTable_; }
    EngineProgress lastProgress() const { return run_ ? run_->lastProgress() : EngineProgress{}; }

public slots:
    void cancel();
    void refreshNow();

signals:
    void progressed(const EngineProgress &progress);
    void runFinished(WizardRunPage::State state);
    void refreshFinished(bool ok);

private:
    void showProgress(const EngineProgress &p);
    void finish(State state, const QString &text);

    std::unique_ptr<Ui::WizardRunPage> ui_;
    MakeWizard *wizard_;
    EngineRun *run_ = nullptr;
    std::shared_ptr<mimeo::pg::StatementLog> statements_;
    State state_ = State::Idle;
    QString destTable_;
};
