// SPDX-License-Identifier: PostgreSQL
#pragma once
// Wizard step 2: browse the source's relations (searchable, read a page at
// a time) and see, for the selection, what the choice of type depends on:
// row estimate, size, keys, control column candidates and their indexes,
// whether it is a view, and whether this destination replicates it already.
#include "setup/source_tables.h"
#include "task_runner.h"

#include <QTimer>
#include <QWizardPage>

#include <memory>
#include <optional>

namespace Ui {
class WizardTablePage;
}
class MakeWizard;
class SourceTablesModel;

class WizardTablePage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardTablePage(MakeWizard *wizard);
    ~WizardTablePage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    SourceTablesModel *model() const { return model_; }
    bool selectTable(const mimeo::pg::QualifiedName &name);
    QString detailsText() const;
    void setFilterText(const QString &text);

signals:
    // The details of the selected relation were read (or could not be).
    void detailsLoaded(bool ok);

private:
    void restart();
    void selectionChanged();
    void showDetails(const mimeo::setup::SourceTableDetails &d, const std::vector<std::string> &replicatedAs);

    std::unique_ptr<Ui::WizardTablePage> ui_;
    MakeWizard *wizard_;
    SourceTablesModel *model_;
    QTimer typing_;
    LatestTask detailsTask_;
    LatestTask schemasTask_;
    std::optional<mimeo::setup::SourceTableDetails> details_;
    int loadedFor_ = 0; // the source whose relations are listed
};
