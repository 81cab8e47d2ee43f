// SPDX-License-Identifier: PostgreSQL
#pragma once
// The first thing a DBA sees of a destination: every configured table with
// its health (failed, abandoned, critical, late, running, busy, ok, never
// run, not scheduled) by colour, icon and word, worst first, with why, the
// last run and what is due next. Runs made anywhere (mimeo run from cron on
// another host, this application) show up within moments: the page listens
// to the job log's notifications and polls as the fallback, reading the
// whole state each time, at most about once a second.
#include "destination_service.h"
#include "task_runner.h"

#include <QPointer>
#include <QWidget>

#include <memory>

namespace Ui {
class MonitorPage;
}
class MonitorModel;
class QSortFilterProxyModel;
class MonitorFilter;
class QAction;
class ValidationDialog;
class RunChart;

class MonitorPage : public QWidget {
    Q_OBJECT
public:
    enum class Show { All, Problems, LateOrWorse };

    explicit MonitorPage(DestinationService *service, QWidget *parent = nullptr);
    ~MonitorPage() override;

    MonitorModel *model() const { return model_; }
    int visibleRows() const;
    QString summaryText() const;
    void setShow(Show show);
    void setFindText(const QString &text);
    bool isListening() const;
    QStringList selectedTables() const;
    // The selected table's last runs (duration, rows), under the table.
    RunChart *runChart() const { return runChart_; }

    QAction *measureLagAction() const { return measureLag_; }
    // Validate, Repair These Rows and the result dialog of the selected
    // tables (issue 17; in monitorpage_validation.cpp).
    QAction *validateAction() const { return validateAction_; }
    QAction *repairAction() const { return repairAction_; }
    QAction *resultAction() const { return resultAction_; }
    ValidationDialog *showValidation(const QString &destTable);
    ValidationDialog *validationDialog() const;

public slots:
    void reload();
    // Measures how far behind the tables are (none: every table) off the GUI
    // thread, one source connection each (its password as everywhere), records
    // it in the catalog and reads the monitor again; lagMeasured when done.
    void measureLag(const QStringList &destTables);

signals:
    void loaded(bool ok);
    void runsLoaded(const QString &destTable);
    void refreshRequested(const QStringList &destTables);
    void historyRequested(const QString &destTable);
    void lagMeasured(int failedTables); // tables that could not be measured
    void validateRequested(const QStringList &destTables);
    void repairRequested(const QStringList &destTables);
    void repullRequested(const QStringList &destTables);  // asks first (MainWindow::repullTables)
    void recopyRequested(const QStringList &destTables);  // snap/table found differing: re-pulled at once

private:
    void showHealth();
    // The runners serving the destination, alive and gone, in one line.
    QString runnersText() const;
    void fillFilters();
    void setUpValidation();
    // The actions' state and the open result, after a read or a new selection.
    void updateValidation();
    // The run chart: set up, loaded for the selection, and again when the
    // health shows a new run of the charted table.
    void setUpRunChart();
    void loadRuns();
    void runsMayHaveChanged();

    std::unique_ptr<Ui::MonitorPage> ui_;
    DestinationService *service_;
    MonitorModel *model_;
    MonitorFilter *filter_;
    QAction *measureLag_;
    int lagPending_ = 0; // sources still being measured
    int lagFailed_ = 0;
    QAction *validateAction_ = nullptr;
    QAction *repairAction_ = nullptr;
    QAction *resultAction_ = nullptr;
    QPointer<ValidationDialog> validationDialog_;
    int validatedWidth_ = 0;
    RunChart *runChart_ = nullptr;
    LatestTask readingRuns_;
    QString chartedRun_; // the charted table's latest run as the health last showed it
};
