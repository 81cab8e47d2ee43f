// SPDX-License-Identifier: PostgreSQL
#pragma once
// The Jobs panel (a dock of the main window): one row per job with its
// progress bar and a Cancel button; finished jobs stay with their outcome
// until cleared; a busy table can be queued again to wait for its lock.
#include <QWidget>

#include <memory>

namespace Ui {
class JobsPanel;
}
class JobService;
class JobsModel;
class DestinationRegistry;
class QTableView;

class JobsPanel : public QWidget {
    Q_OBJECT
public:
    JobsPanel(JobService *jobs, DestinationRegistry *registry, QWidget *parent = nullptr);
    ~JobsPanel() override;

    JobsModel *model() const { return model_; }
    QTableView *view() const;

private:
    void updateSummary();
    void waitForLock();

    std::unique_ptr<Ui::JobsPanel> ui_;
    JobService *jobs_;
    DestinationRegistry *registry_;
    JobsModel *model_;
};
