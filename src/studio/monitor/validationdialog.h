// SPDX-License-Identifier: PostgreSQL
#pragma once
// The last validation of one table (issue 17): its outcome, the counts and
// the differing keys with how each differs; Repair These Rows for the types
// whose rows have a key (updater, dml, logdel), Refresh Now for snap and
// table (each refresh copies every row), a full re-pull for inserter, with
// a sentence saying why. The monitor keeps it current while it is open.
#include "jobs/health.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ValidationDialog;
}
class QPushButton;
class ValidationKeysModel;

class ValidationDialog : public QDialog {
    Q_OBJECT
public:
    explicit ValidationDialog(QWidget *parent = nullptr);
    ~ValidationDialog() override;

    void setTable(const mimeo::jobs::TableHealth &table);
    QString destTable() const { return destTable_; }

    QString outcomeText() const;
    QString adviceText() const;
    ValidationKeysModel *keysModel() const { return keys_; }
    QPushButton *repairButton() const;
    QPushButton *refreshButton() const;
    QPushButton *repullButton() const;
    QPushButton *validateButton() const;

signals:
    void repairRequested(const QString &destTable);
    // snap, table: a refresh that copies every row even when the source
    // looks unchanged (a snap refresh would skip it): a re-pull.
    void recopyRequested(const QString &destTable);
    void repullRequested(const QString &destTable);
    void validateRequested(const QString &destTable);

private:
    // A button pressed asks for a job; it stays disabled until the next validation is read.
    void requested(QPushButton *button);

    std::unique_ptr<Ui::ValidationDialog> ui_;
    ValidationKeysModel *keys_;
    QString destTable_;
    std::string shownCheck_; // checked_at of the validation shown
    std::string pendingSince_; // checked_at when a job was asked for
};
