// SPDX-License-Identifier: PostgreSQL
#pragma once
// Wizard step 3: the replication types, each with one sentence on what it
// would use or why this table cannot have it (those are disabled); the
// recommended one is chosen and says why; a table too big for snapshots
// says so.
#include "setup/type_advice.h"

#include <QWizardPage>

#include <map>
#include <memory>

namespace Ui {
class WizardTypePage;
}
class MakeWizard;
class QButtonGroup;
class QLabel;
class QRadioButton;

class WizardTypePage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardTypePage(MakeWizard *wizard);
    ~WizardTypePage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // For tests: the radio button of a concrete type, the recommendation.
    QRadioButton *button(const QString &type) const;
    QString recommendedType() const { return QString::fromStdString(advice_.recommended); }
    QString reasonText(const QString &type) const;
    bool chooseType(const QString &type);

private:
    void advise();

    std::unique_ptr<Ui::WizardTypePage> ui_;
    MakeWizard *wizard_;
    QButtonGroup *group_;
    std::map<QString, std::pair<QRadioButton *, QLabel *>> rows_;
    mimeo::setup::TypeAdvice advice_;
};
