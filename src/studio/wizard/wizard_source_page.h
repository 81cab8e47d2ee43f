// SPDX-License-Identifier: PostgreSQL
#pragma once
// Wizard step 1: pick one of the catalog's sources, or add one right here
// (the Sources page's dialog; its password goes to the keychain).
#include <QWizardPage>

#include <memory>

namespace Ui {
class WizardSourcePage;
}
class MakeWizard;

class WizardSourcePage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardSourcePage(MakeWizard *wizard);
    ~WizardSourcePage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    bool selectSource(int id);
    int selectedSourceId() const;

public slots:
    void addSource();

signals:
    void sourceAdded(int id);

private:
    void fill();

    std::unique_ptr<Ui::WizardSourcePage> ui_;
    MakeWizard *wizard_;
    int pendingSelect_ = 0;
};
