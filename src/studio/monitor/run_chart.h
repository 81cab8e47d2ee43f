// SPDX-License-Identifier: PostgreSQL
#pragma once
// Two small bar charts of one table's last refreshes, oldest left, newest at
// the right edge: how long each run took, and how many rows it moved (stacked
// inserted / updated / deleted where the engine counted them, one plain bar
// of rows where it did not). A failed or abandoned run is a red bar with a
// red mark under it; a skipped or cancelled one an amber mark. Each chart
// names its largest value; every bar has a tooltip (time, status, duration,
// rows). Drawn here with QPainter: Qt Charts is GPL-only, which does not fit
// the project's licence. Colours follow the palette (light or dark).
#include "jobs/job_history.h"

#include <QWidget>

#include <vector>

class RunChart : public QWidget {
    Q_OBJECT
public:
    explicit RunChart(QWidget *parent = nullptr);

    // runs: oldest first (jobs::lastRefreshes). An empty table: nothing selected.
    void setRuns(const QString &table, std::vector<mimeo::jobs::JobRecord> runs);
    // Another table's runs are being read: says so instead of old bars.
    void setLoading(const QString &table);
    bool isLoading() const { return loading_; }
    // The runs could not be read: says why instead of bars.
    void setFailed(const QString &table, const QString &message);
    // Read-only, for tests and the accessible description.
    const std::vector<mimeo::jobs::JobRecord> &runs() const { return runs_; }
    const QString &table() const { return table_; }
    static bool isFailure(const mimeo::jobs::JobRecord &run);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Area {
        QRect plot;   // where the bars stand
        QRect title;  // the chart's name (and the rows chart's legend)
        QRect gutter; // the axis labels
    };
    QString maxDurationLabel() const;
    QString maxRowsLabel() const;
    Area durationArea() const;
    Area rowsArea() const;
    // The bar slot of run i in a plot (slots fixed per chart, newest right).
    QRectF barSlot(const QRect &plot, size_t i) const;
    // Index of the run under pos, or -1.
    int runAt(const QPoint &pos) const;
    QString tooltipFor(const mimeo::jobs::JobRecord &run) const;
    void describe();

    QString table_;
    std::vector<mimeo::jobs::JobRecord> runs_;
    bool loading_ = false;
    QString failure_;
};
