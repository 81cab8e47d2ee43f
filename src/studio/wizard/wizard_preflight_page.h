// SPDX-License-Identifier: PostgreSQL
#pragma once
// Wizard step 5: every privilege and prerequisite the make needs
// (setup::preflight), green or red, with the statements that fix the red
// ones, ready to copy. Next stays disabled while anything is red; Re-check
// asks again (after the fix was run elsewhere) without leaving the wizard.
#include "setup/preflight.h"
#include "task_runner.h"

#include <QWizardPage>

#include <memory>
#include <vector>

namespace Ui {
class WizardPreflightPage;
}
class MakeWizard;

class WizardPreflightPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardPreflightPage(MakeWizard *wizard);
    ~WizardPreflightPage() override;

    void initializePage() override;
    bool isComplete() const override;

    const std::vector<mimeo::setup::PreflightCheck> &checks() const { return checks_; }
    bool settled() const { return settled_; }
    QString fixText() const;

public slots:
    void recheck();

signals:
    void checked(bool allPassed);

private:
    void show(const std::vector<mimeo::setup::PreflightCheck> &checks);

    std::unique_ptr<Ui::WizardPreflightPage> ui_;
    MakeWizard *wizard_;
    LatestTask checking_;
    std::vector<mimeo::setup::PreflightCheck> checks_;
    bool settled_ = false;
};
