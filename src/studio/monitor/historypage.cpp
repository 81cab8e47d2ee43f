// SPDX-License-Identifier: PostgreSQL
#include "historypage.h"

#include "accessible_names.h"
#include "history_model.h"
#include "jobdetailsdialog.h"
#include "ui_historypage.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHeaderView>

HistoryPage::HistoryPage(DestinationService *service, QWidget *parent)
    : QWidget(parent)
    , ui_(std::make_unique<Ui::HistoryPage>())
    , service_(service)
{
    ui_->setupUi(this);
    auto title = [this] { setWindowTitle(tr("History – %1").arg(service_->displayName())); };
    title();
    connect(service_, &DestinationService::loaded, this, title);
    model_ = new HistoryModel(
        [this](const mimeo::jobs::JobFilter &filter, std::optional<long long> before, int limit,
               std::function<void(std::vector<mimeo::jobs::JobRecord>)> done, TaskFailed failed) {
            const DestinationTarget t = service_->target();
            runTask(this, [t, filter, before, limit] {
                auto conn = t.connect("history");
                return mimeo::jobs::jobPage(conn, t.schema.toStdString(), filter, before, limit);
            }, std::move(done), std::move(failed));
        },
        this);
    ui_->jobsView->setModel(model_);
    ui_->jobsView->verticalHeader()->hide();
    ui_->jobsView->verticalHeader()->setDefaultSectionSize(ui_->jobsView->fontMetrics().height() + 6);
    ui_->jobsView->horizontalHeader()->setStretchLastSection(true);
    ui_->statusCombo->addItem(tr("Any status"), QString());
    for (const char *s : {"ok", "failed", "skipped", "running", "cancelled", "abandoned"})
        ui_->statusCombo->addItem(QString::fromLatin1(s), QString::fromLatin1(s));
    ui_->originCombo->addItem(tr("Anywhere"), int(mimeo::jobs::JobFilter::Origin::Any));
    ui_->originCombo->addItem(tr("This application"), int(mimeo::jobs::JobFilter::Origin::Application));
    ui_->originCombo->addItem(tr("Command line (mimeo)"), int(mimeo::jobs::JobFilter::Origin::CommandLine));
    ui_->sinceCombo->addItem(tr("Ever"), 0);
    ui_->sinceCombo->addItem(tr("Last hour"), 3600);
    ui_->sinceCombo->addItem(tr("Last day"), 86400);
    ui_->sinceCombo->addItem(tr("Last week"), 7 * 86400);
    typing_.setSingleShot(true);
    typing_.setInterval(300);
    connect(&typing_, &QTimer::timeout, this, &HistoryPage::reload);
    for (QLineEdit *e : {ui_->tableEdit, ui_->hostEdit})
        connect(e, &QLineEdit::textChanged, this, [this] { typing_.start(); });
    for (QComboBox *c : {ui_->statusCombo, ui_->originCombo, ui_->sinceCombo})
        connect(c, &QComboBox::activated, this, &HistoryPage::reload);
    connect(ui_->reloadButton, &QPushButton::clicked, this, &HistoryPage::reload);
    connect(ui_->jobsView, &QAbstractItemView::activated, this, [this](const QModelIndex &i) { openJob(i.row()); });
    connect(model_, &HistoryModel::pageLoaded, this, [this](bool first, int rows) {
        if (first)
            ui_->jobsView->resizeColumnsToContents();
        ui_->messageLabel->setText(rows == 0 ? tr("No job matches.") : tr("%n job(s) shown; scroll for older ones.", nullptr, rows));
    });
    connect(model_, &HistoryModel::loadFailed, this, [this](const QString &m) { ui_->messageLabel->setText(m); });
    nameFieldsByTheirLabels(this);
    reload();
}

HistoryPage::~HistoryPage() = default;

QString HistoryPage::messageText() const { return ui_->messageLabel->text(); }

void HistoryPage::setTableFilter(const QString &text)
{
    ui_->tableEdit->setText(text);
    typing_.stop();
    reload();
}

void HistoryPage::setStatusFilter(const QString &status)
{
    ui_->statusCombo->setCurrentIndex(std::max(0, ui_->statusCombo->findData(status)));
    reload();
}

void HistoryPage::reload()
{
    mimeo::jobs::JobFilter f;
    f.tableText = ui_->tableEdit->text().trimmed().toStdString();
    f.status = ui_->statusCombo->currentData().toString().toStdString();
    f.origin = static_cast<mimeo::jobs::JobFilter::Origin>(ui_->originCombo->currentData().toInt());
    f.host = ui_->hostEdit->text().trimmed().toStdString();
    if (const int seconds = ui_->sinceCombo->currentData().toInt(); seconds > 0)
        f.from = QDateTime::currentDateTimeUtc().addSecs(-seconds).toString(Qt::ISODate).toStdString();
    ui_->messageLabel->setText(tr("Reading the job log…"));
    model_->setFilter(f);
}

void HistoryPage::openJob(int row)
{
    if (row < 0) {
        const auto rows = ui_->jobsView->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        row = rows.first().row();
    }
    auto *dialog = new JobDetailsDialog(service_, model_->at(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}
