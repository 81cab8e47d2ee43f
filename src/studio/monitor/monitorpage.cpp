// SPDX-License-Identifier: PostgreSQL
#include "monitorpage.h"

#include "accessible_names.h"
#include "catalog/sources.h"
#include "health_feed.h"
#include "jobs/lag.h"
#include "monitor_delegate.h"
#include "monitor_model.h"
#include "pg/error.h"
#include "run_chart.h"
#include "ui_monitorpage.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTime>
#include <QToolButton>

using mimeo::jobs::Health;

// Which rows the filter bar lets through.
class MonitorFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    MonitorPage::Show show = MonitorPage::Show::All;
    QString type;
    int sourceId = 0;
    QString text;

    void changed() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        const auto *m = static_cast<const MonitorModel *>(sourceModel());
        const auto &t = m->at(row);
        if (show == MonitorPage::Show::Problems
            && !(t.health == Health::Failed || t.health == Health::Abandoned || t.health == Health::Busy))
            return false;
        if (show == MonitorPage::Show::LateOrWorse
            && !(t.health == Health::Failed || t.health == Health::Abandoned || t.health == Health::Critical
                 || t.health == Health::Late))
            return false;
        if (!type.isEmpty() && QString::fromStdString(t.type) != type)
            return false;
        if (sourceId && t.dataSourceId != sourceId)
            return false;
        if (!text.isEmpty() && !QString::fromStdString(t.destTable).contains(text, Qt::CaseInsensitive)
            && !QString::fromStdString(t.sourceTable).contains(text, Qt::CaseInsensitive))
            return false;
        return true;
    }
};

MonitorPage::MonitorPage(DestinationService *service, QWidget *parent)
    : QWidget(parent)
    , ui_(std::make_unique<Ui::MonitorPage>())
    , service_(service)
    , model_(new MonitorModel(this))
    , filter_(new MonitorFilter(this))
    , measureLag_(new QAction(tr("&Measure How Far Behind"), this))
{
    ui_->setupUi(this);
    measureLag_->setToolTip(tr("Measure how far behind their sources the selected tables (or all) are"));
    connect(measureLag_, &QAction::triggered, this, [this] { measureLag(selectedTables()); });
    auto *measureButton = new QToolButton(this);
    measureButton->setDefaultAction(measureLag_);
    ui_->filters->addWidget(measureButton);
    auto title = [this] { setWindowTitle(tr("Monitor – %1").arg(service_->displayName())); };
    title();
    connect(service_, &DestinationService::loaded, this, [this, title] {
        title();
        fillFilters();
    });
    filter_->setSourceModel(model_);
    ui_->tablesView->setModel(filter_);
    ui_->tablesView->setItemDelegate(new MonitorDelegate(ui_->tablesView));
    ui_->tablesView->verticalHeader()->hide();
    ui_->tablesView->verticalHeader()->setDefaultSectionSize(ui_->tablesView->fontMetrics().height() + 8);
    ui_->tablesView->horizontalHeader()->setStretchLastSection(true);
    ui_->tablesView->setIconSize(QSize(16, 16));
    ui_->showCombo->addItem(tr("All tables"), int(Show::All));
    ui_->showCombo->addItem(tr("Errors only"), int(Show::Problems));
    ui_->showCombo->addItem(tr("Late or worse"), int(Show::LateOrWorse));
    connect(ui_->showCombo, &QComboBox::activated, this, [this] {
        filter_->show = static_cast<Show>(ui_->showCombo->currentData().toInt());
        filter_->changed();
    });
    connect(ui_->typeCombo, &QComboBox::activated, this, [this] {
        filter_->type = ui_->typeCombo->currentData().toString();
        filter_->changed();
    });
    connect(ui_->sourceCombo, &QComboBox::activated, this, [this] {
        filter_->sourceId = ui_->sourceCombo->currentData().toInt();
        filter_->changed();
    });
    connect(ui_->findEdit, &QLineEdit::textChanged, this, [this](const QString &t) {
        filter_->text = t.trimmed();
        filter_->changed();
    });
    ui_->tablesView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(ui_->tablesView, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QStringList tables = selectedTables();
        if (tables.isEmpty())
            return;
        QMenu menu(this);
        menu.addAction(tr("Refresh No&w"), this, [this, tables] { emit refreshRequested(tables); });
        menu.addAction(tr("&History of %1").arg(tables.first()), this, [this, tables] { emit historyRequested(tables.first()); });
        menu.addAction(measureLag_);
        menu.addSeparator();
        menu.addActions({validateAction_, repairAction_, resultAction_});
        menu.setToolTipsVisible(true);
        menu.exec(ui_->tablesView->viewport()->mapToGlobal(at));
    });
    connect(ui_->tablesView, &QAbstractItemView::activated, this, [this](const QModelIndex &i) {
        if (i.column() == MonitorModel::ValidatedColumn)
            showValidation(i.data(MonitorModel::DestTableRole).toString());
        else
            emit historyRequested(i.data(MonitorModel::DestTableRole).toString());
    });
    setUpValidation();
    // Live: the destination's health feed (the job log's notifications, at
    // most about one read a second, and polling as the fallback).
    connect(service_->health(), &HealthFeed::updated, this, &MonitorPage::showHealth);
    connect(service_->health(), &HealthFeed::failed, this, [this](const TaskError &e) {
        ui_->updatedLabel->setText(tr("Could not read the health: %1").arg(e.message));
        emit loaded(false);
    });
    nameFieldsByTheirLabels(this);
    ui_->tablesView->setAccessibleName(tr("Tables and their health"));
    setUpRunChart();
    fillFilters();
    service_->health()->start();
    if (service_->health()->hasRead())
        showHealth();
    reload();
}

MonitorPage::~MonitorPage() = default;

bool MonitorPage::isListening() const { return service_->health()->isListening(); }
int MonitorPage::visibleRows() const { return filter_->rowCount(); }
QString MonitorPage::summaryText() const { return ui_->summaryLabel->text(); }

void MonitorPage::setShow(Show show)
{
    ui_->showCombo->setCurrentIndex(ui_->showCombo->findData(int(show)));
    filter_->show = show;
    filter_->changed();
}

void MonitorPage::setFindText(const QString &text) { ui_->findEdit->setText(text); }

QStringList MonitorPage::selectedTables() const
{
    QStringList out;
    for (const QModelIndex &i : ui_->tablesView->selectionModel()->selectedRows())
        out << i.data(MonitorModel::DestTableRole).toString();
    return out;
}

void MonitorPage::fillFilters()
{
    const QString type = ui_->typeCombo->currentData().toString();
    ui_->typeCombo->clear();
    ui_->typeCombo->addItem(tr("All types"), QString());
    for (const char *t : {"snap", "table", "inserter_time", "inserter_serial", "updater_time", "updater_serial", "dml", "logdel"})
        ui_->typeCombo->addItem(QString::fromLatin1(t), QString::fromLatin1(t));
    ui_->typeCombo->setCurrentIndex(std::max(0, ui_->typeCombo->findData(type)));
    const int source = ui_->sourceCombo->currentData().toInt();
    ui_->sourceCombo->clear();
    ui_->sourceCombo->addItem(tr("All sources"), 0);
    for (const auto &s : service_->snapshot().sources)
        ui_->sourceCombo->addItem(tr("%1: %2").arg(s.id).arg(QString::fromStdString(s.dataSource)), s.id);
    ui_->sourceCombo->setCurrentIndex(std::max(0, ui_->sourceCombo->findData(source)));
}

void MonitorPage::reload() { service_->health()->reload(); }

QString MonitorPage::runnersText() const
{
    // Where Refresh Now runs is part of the state a DBA reads first.
    const auto &runners = service_->runners();
    QStringList alive;
    QStringList gone;
    for (const auto &r : runners) {
        const QString host = QString::fromStdString(r.info.host).toHtmlEscaped();
        const QString seen = lagDuration(static_cast<qint64>(r.secondsSinceSeen));
        if (r.gone)
            gone << tr("%1 (pid %2) gone, last seen %3 ago").arg(host).arg(r.info.pid).arg(seen);
        else
            alive << tr("%1 (pid %2, --jobs %3, --interval %4), seen %5 ago")
                         .arg(host)
                         .arg(r.info.pid)
                         .arg(r.info.jobs)
                         .arg(r.info.intervalSeconds)
                         .arg(seen);
    }
    QString text = alive.isEmpty()     ? tr("<b>No runner</b> serves this destination: jobs run on this computer.")
        : alive.size() == 1            ? tr("<b>Runner</b>: %1").arg(alive.front())
                                       : tr("<b>Runners</b>: %1").arg(alive.join(QStringLiteral("; ")));
    if (!gone.isEmpty())
        text += QStringLiteral(" <span style='color:%1'>").arg(healthColor(mimeo::jobs::Health::Late).name()) + gone.join(QStringLiteral("; "))
            + QStringLiteral("</span>");
    return text;
}

void MonitorPage::showHealth()
{
    std::vector<mimeo::jobs::TableHealth> tables = service_->health()->tables();
    std::map<Health, int> counts;
    for (const auto &t : tables)
        ++counts[t.health];
    QStringList parts;
    for (const auto &[h, n] : counts)
        parts << QStringLiteral("<span style='color:%1'>%2 %3</span>").arg(healthColor(h).name()).arg(n).arg(healthText(h));
    ui_->summaryLabel->setText((tables.empty() ? tr("No table is replicated here yet: Destination ▸ New Replication…")
                                               : tr("<b>%n table(s)</b>: ", nullptr, static_cast<int>(tables.size()))
                                                   + parts.join(QStringLiteral(", ")))
                               + QStringLiteral("<br>") + runnersText());
    // Fit the columns when the set of tables changes (the first read, a
    // table made or destroyed), not on every read: widths a user set stay.
    const bool first = model_->rowCount() != static_cast<int>(tables.size());
    model_->setTables(std::move(tables));
    updateValidation();
    if (first) {
        ui_->tablesView->resizeColumnsToContents();
        // Wide enough for a running refresh's bar ("123,456 of 1,234,567").
        auto *header = ui_->tablesView->horizontalHeader();
        header->resizeSection(MonitorModel::RowsColumn,
                              std::max(header->sectionSize(MonitorModel::RowsColumn),
                                       ui_->tablesView->fontMetrics().horizontalAdvance(QStringLiteral("123,456 of 1,234,567")) + 16));
    } else {
        // Figures that arrive later (a measure) widen their column, never narrow it.
        auto *header = ui_->tablesView->horizontalHeader();
        int want = 0;
        for (int r = 0; r < model_->rowCount(); ++r)
            want = std::max(want, ui_->tablesView->fontMetrics().horizontalAdvance(
                                      model_->index(r, MonitorModel::BehindColumn).data().toString()) + 16);
        if (want > header->sectionSize(MonitorModel::BehindColumn))
            header->resizeSection(MonitorModel::BehindColumn, std::min(want, 240));
    }
    ui_->updatedLabel->setText(tr("Read %1%2.").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                                                    isListening() ? tr(", live") : tr(", every 10 s")));
    emit loaded(true);
}

void MonitorPage::measureLag(const QStringList &destTables)
{
    if (lagPending_ > 0)
        return; // one measure at a time
    std::map<int, std::vector<std::string>> bySource;
    for (int r = 0; r < model_->rowCount(); ++r) {
        const auto &t = model_->at(r);
        if (destTables.isEmpty() || destTables.contains(QString::fromStdString(t.destTable)))
            bySource[t.dataSourceId].push_back(t.destTable);
    }
    if (bySource.empty())
        return;
    lagPending_ = static_cast<int>(bySource.size());
    lagFailed_ = 0;
    measureLag_->setEnabled(false);
    ui_->updatedLabel->setText(tr("Measuring how far behind…"));
    const auto finishedOne = [this](int failed) {
        lagFailed_ += failed;
        if (--lagPending_ > 0)
            return;
        measureLag_->setEnabled(true);
        reload();
        emit lagMeasured(lagFailed_);
    };
    const DestinationTarget t = service_->target();
    for (const auto &[id, tables] : bySource) {
        PasswordRequest req = service_->sourcePasswordRequest(id, this);
        req.receiver = this;
        runWithPassword(
            req,
            [t, id = id, tables = tables](const std::optional<QString> &password) {
                auto dest = t.connect("lag");
                const std::string schema = t.schema.toStdString();
                std::optional<mimeo::pg::Connection> src;
                try {
                    src.emplace(mimeo::catalog::connectSourceById(dest, schema, id, "mimeo-studio:lag",
                                                                  password ? std::optional(password->toStdString()) : std::nullopt));
                } catch (const mimeo::pg::Error &e) {
                    // Recorded now; a password asked for next and accepted measures again.
                    for (const auto &table : tables)
                        mimeo::jobs::recordLagError(dest, schema, table, "source " + std::to_string(id) + ": " + e.what());
                    throw;
                }
                int failed = 0;
                for (const auto &table : tables)
                    failed += mimeo::jobs::measureAndRecordLag(dest, schema, table, *src).kind == mimeo::jobs::LagKind::Error;
                return failed;
            },
            finishedOne, [finishedOne, n = static_cast<int>(tables.size())](const TaskError &) { finishedOne(n); });
    }
}

// --- The selected table's last runs (run_chart.h) ---

namespace {

constexpr int kChartedRuns = 30;

// What changes when the job log has a new or finished run of the table.
QString latestRunOf(const MonitorModel *model, const QString &table)
{
    const int row = model->rowOf(table);
    if (row < 0)
        return {};
    const auto &t = model->at(row);
    return QString::fromStdString(t.lastStatus.value_or("") + "|" + t.lastStartedAt.value_or("") + "|"
                                  + std::to_string(t.lastDurationSeconds.value_or(-1)));
}

} // namespace

void MonitorPage::setUpRunChart()
{
    runChart_ = new RunChart(this);
    runChart_->setObjectName(QStringLiteral("runChart"));
    ui_->layout->insertWidget(ui_->layout->indexOf(ui_->tablesView) + 1, runChart_);
    // Shown for a selected table only: the list keeps its room otherwise.
    runChart_->hide();
    connect(ui_->tablesView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MonitorPage::loadRuns);
    // After showHealth (connected before): the model has the new health then.
    connect(service_->health(), &HealthFeed::updated, this, &MonitorPage::runsMayHaveChanged);
}

void MonitorPage::loadRuns()
{
    const QString table = selectedTables().value(0);
    chartedRun_ = latestRunOf(model_, table);
    runChart_->setVisible(!table.isEmpty());
    if (table.isEmpty()) {
        readingRuns_.forget();
        runChart_->setRuns({}, {});
        return;
    }
    if (runChart_->table() != table)
        runChart_->setLoading(table); // the same table keeps its bars until the new ones come
    const DestinationTarget t = service_->target();
    readingRuns_.run(this, [t, table] {
        auto conn = t.connect("monitor-runs");
        return mimeo::jobs::lastRefreshes(conn, t.schema.toStdString(), table.toStdString(), kChartedRuns);
    }, [this, table](std::vector<mimeo::jobs::JobRecord> runs) {
        runChart_->setRuns(table, std::move(runs));
        emit runsLoaded(table);
    }, [this, table](const TaskError &e) { runChart_->setFailed(table, e.message); });
}

void MonitorPage::runsMayHaveChanged()
{
    const QString table = selectedTables().value(0);
    if (!table.isEmpty() && latestRunOf(model_, table) != chartedRun_)
        loadRuns();
}
