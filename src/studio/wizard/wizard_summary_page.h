// SPDX-License-Identifier: PostgreSQL
#pragma once
// Wizard step 6: the exact SQL of the make on the source and on the
// destination, recorded from a rehearsal of the same engine code that then
// runs (replication rehearsal: everything rolled back, no job-log row).
#include "pg/statement_log.h"

#include <QWizardPage>

#include <memory>
#include <vector>

namespace Ui {
class WizardSummaryPage;
}
class EngineRun;
class MakeWizard;

class WizardSummaryPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardSummaryPage(MakeWizard *wizard);
    ~WizardSummaryPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    // What the rehearsal recorded (all of it; the page shows the changes
    // unless "reads too" is ticked).
    const std::vector<mimeo::pg::LoggedStatement> &statements() const { return statements_; }
    bool settled() const { return settled_; }
    QString sourceText() const;
    QString destinationText() const;
    QString statusText() const;

signals:
    void rehearsed(bool ok);

private:
    void showStatements();
    size_t changeCount(mimeo::pg::Side side) const;

    std::unique_ptr<Ui::WizardSummaryPage> ui_;
    MakeWizard *wizard_;
    EngineRun *run_ = nullptr;
    std::vector<mimeo::pg::LoggedStatement> statements_;
    bool settled_ = false;
    bool ok_ = false;
};

// The statements of one side as SQL text, parameters written below each one.
QString statementsText(const std::vector<mimeo::pg::LoggedStatement> &statements, mimeo::pg::Side side, bool withReads);
