// SPDX-License-Identifier: PostgreSQL
#pragma once
// Wizard step 4: the options of the chosen type, each checked as it is
// typed: the request itself (catalog::validateMakeRequest, as the CLI),
// the destination name against the destination (the engine's own make
// checks), the condition on the source (Validate: EXPLAIN), and for the
// incremental types a sentence on what the next refresh would pull.
#include "catalog/make_request.h"
#include "task_runner.h"

#include <QTimer>
#include <QWizardPage>

#include <memory>

namespace Ui {
class WizardOptionsPage;
}
class MakeWizard;

class WizardOptionsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardOptionsPage(MakeWizard *wizard);
    ~WizardOptionsPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // The make the fields describe now.
    mimeo::catalog::MakeRequest request() const;
    QString destinationStatus() const;
    QString conditionStatus() const;
    QString boundarySentence() const;
    QString problemsText() const;
    // The destination check has answered for the fields as they are.
    bool destinationChecked() const { return destChecked_; }

public slots:
    void validateCondition();

signals:
    void destinationCheckFinished(bool ok);
    void conditionChecked(bool ok);
    void boundaryDescribed(bool ok);

private:
    void showRowsForType();
    void changed();
    void checkOnServers();
    void setRowVisible(QWidget *field, bool visible);

    std::unique_ptr<Ui::WizardOptionsPage> ui_;
    MakeWizard *wizard_;
    QTimer typing_;
    LatestTask destTask_;
    LatestTask boundaryTask_;
    LatestTask conditionTask_;
    bool destChecked_ = false;
    bool destOk_ = false;
    QString preparedFor_; // type and table the fields were filled for
};
