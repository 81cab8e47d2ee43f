// SPDX-License-Identifier: PostgreSQL
#pragma once
// One job of the job log: what ran, its outcome, its error (side, SQLSTATE,
// message) with a suggested fix for the common failures, and its steps.
#include "destination_service.h"
#include "jobs/job_history.h"

#include <QDialog>

#include <memory>

namespace Ui {
class JobDetailsDialog;
}

class JobDetailsDialog : public QDialog {
    Q_OBJECT
public:
    JobDetailsDialog(DestinationService *service, const mimeo::jobs::JobRecord &job, QWidget *parent = nullptr);
    ~JobDetailsDialog() override;

    QString summaryText() const;
    QString errorText() const;
    QString fixText() const;
    int stepCount() const;

signals:
    void stepsLoaded(bool ok);

private:
    std::unique_ptr<Ui::JobDetailsDialog> ui_;
};
