// SPDX-License-Identifier: PostgreSQL
#pragma once
// The history of a destination's jobs, from the job log: the application's
// runs and those of `mimeo run` on any host alike, newest first, read a page
// at a time, filtered by table, status, origin, host and time. A job opens
// to its steps and its error with a suggested fix.
#include "destination_service.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class HistoryPage;
}
class HistoryModel;

class HistoryPage : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPage(DestinationService *service, QWidget *parent = nullptr);
    ~HistoryPage() override;

    HistoryModel *model() const { return model_; }
    void setTableFilter(const QString &text);
    void setStatusFilter(const QString &status); // "" for all
    QString messageText() const;

public slots:
    void reload();
    // Opens the details of the job in row (the selected one when -1).
    void openJob(int row = -1);

private:
    std::unique_ptr<Ui::HistoryPage> ui_;
    DestinationService *service_;
    HistoryModel *model_;
    QTimer typing_;
};
