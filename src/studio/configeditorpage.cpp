// SPDX-License-Identifier: PostgreSQL
#include "configeditorpage.h"

#include "catalog/config_tables.h"
#include "catalog/source_columns.h"
#include "config_delegate.h"
#include "config_filter.h"
#include "config_model.h"
#include "ui_configeditor.h"
#include "valueeditdialog.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>

using mimeo::catalog::ColumnKind;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

struct ConfigSnapshot {
    std::vector<mimeo::catalog::ConfigRecord> records;
    std::vector<mimeo::catalog::SourceRecord> sources;
};

// Where a save failed: which change, and the server's words.
struct SaveOutcome {
    bool ok = true;
    int index = -1;
    QString error;
    int written = 0;
};

} // namespace


ConfigEditorPage::ConfigEditorPage(DestinationService *service, QWidget *parent)
    : QWidget(parent)
    , ui_(std::make_unique<Ui::ConfigEditorPage>())
    , service_(service)
    , model_(new ConfigTableModel(this))
    , proxy_(new ConfigFilterProxy(this))
    , delegate_(new ConfigDelegate(model_, this))
{
    ui_->setupUi(this);
    auto title = [this] { setWindowTitle(tr("Configuration – %1").arg(service_->displayName()) + QStringLiteral("[*]")); };
    title();
    connect(service_, &DestinationService::loaded, this, title);
    proxy_->setSourceModel(model_);
    ui_->tableView->setModel(proxy_);
    ui_->tableView->setItemDelegate(delegate_);
    ui_->tableView->setSortingEnabled(true);
    ui_->tableView->sortByColumn(model_->columnOf("dest_table"), Qt::AscendingOrder);
    ui_->tableView->horizontalHeader()->setSectionsMovable(true);
    ui_->tableView->verticalHeader()->setDefaultSectionSize(ui_->tableView->fontMetrics().height() + 8);
    ui_->tableView->installEventFilter(this);
    ui_->tableView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(ui_->tableView, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu(this);
        const QString table = currentDestTable();
        const QModelIndex current = proxy_->mapToSource(ui_->tableView->currentIndex());
        int sourceId = 0;
        QString sourceTable;
        if (current.isValid()) {
            const auto &rec = model_->record(current.row());
            if (auto it = rec.values.find("dblink"); it != rec.values.end() && it->second)
                sourceId = std::atoi(it->second->c_str());
            if (auto it = rec.values.find("source_table"); it != rec.values.end() && it->second)
                sourceTable = q(*it->second);
        }
        const QStringList selected = selectedDestTables();
        QAction *refresh = menu.addAction(tr("&Refresh Now"), this, [this, selected] { emit refreshRequested(selected); });
        refresh->setEnabled(!selected.isEmpty());
        menu.addAction(tr("&New Replication…"), this, [this, sourceId, sourceTable] { emit makeRequested(sourceId, sourceTable); });
        QAction *destroy = menu.addAction(tr("&Destroy Replication of %1…").arg(table), this, [this, table] { emit destroyRequested(table); });
        destroy->setEnabled(!table.isEmpty());
        menu.exec(ui_->tableView->viewport()->mapToGlobal(at));
    });

    ui_->typeCombo->addItem(tr("All types"), QString());
    for (const auto &t : mimeo::catalog::configTypes())
        ui_->typeCombo->addItem(q(t), q(t));

    connect(ui_->filterEdit, &QLineEdit::textChanged, this, &ConfigEditorPage::setTextFilter);
    connect(ui_->typeCombo, &QComboBox::currentIndexChanged, this,
            [this](int i) { proxy_->setTypeFilter(ui_->typeCombo->itemData(i).toString()); });
    connect(ui_->saveButton, &QPushButton::clicked, this, &ConfigEditorPage::save);
    connect(ui_->revertButton, &QPushButton::clicked, this, &ConfigEditorPage::revert);
    connect(ui_->reloadButton, &QPushButton::clicked, this, &ConfigEditorPage::reload);
    connect(ui_->nullButton, &QPushButton::clicked, this, &ConfigEditorPage::setCurrentToNull);
    connect(delegate_, &ConfigDelegate::hint, this, [this](const QString &h) {
        if (!h.isEmpty())
            showMessage(false, h);
        else
            ui_->messageLabel->clear();
    });
    connect(delegate_, &ConfigDelegate::dialogRequested, this, &ConfigEditorPage::editInDialog);
    connect(model_, &ConfigTableModel::valueRefused, this, [this](const QModelIndex &, const QString &reason) {
        showMessage(false, tr("Refused: %1").arg(reason));
    });
    connect(model_, &ConfigTableModel::pendingChanged, this, [this](bool pending) {
        ui_->saveButton->setEnabled(pending && !busy_);
        ui_->revertButton->setEnabled(pending);
        setWindowModified(pending);
        emit pendingChanged(pending);
    });
    ui_->saveButton->setEnabled(false);
    ui_->revertButton->setEnabled(false);
    reload();
}

ConfigEditorPage::~ConfigEditorPage() = default;

QTableView *ConfigEditorPage::view() const { return ui_->tableView; }

QString ConfigEditorPage::messageText() const { return ui_->messageLabel->text(); }

void ConfigEditorPage::showMessage(bool ok, const QString &text)
{
    ui_->messageLabel->setText(text);
    ui_->messageLabel->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020;"));
}

void ConfigEditorPage::setTextFilter(const QString &text)
{
    if (ui_->filterEdit->text() != text)
        ui_->filterEdit->setText(text);
    proxy_->setFilterFixedString(text);
}

void ConfigEditorPage::setTypeFilter(const QString &type)
{
    const int i = ui_->typeCombo->findData(type);
    ui_->typeCombo->setCurrentIndex(i < 0 ? 0 : i);
}

void ConfigEditorPage::showTable(const QString &destTable)
{
    setTypeFilter(QString());
    setTextFilter(destTable);
}

void ConfigEditorPage::reload()
{
    if (model_->hasPendingChanges()
        && QMessageBox::question(this, tr("Reload"), tr("Forget the edits that are not saved and read the catalog again?"))
            != QMessageBox::Yes)
        return;
    const DestinationTarget t = service_->target();
    showMessage(true, tr("Reading the configuration…"));
    reloading_.run(this, [t] {
        auto conn = t.connect("config");
        const std::string schema = t.schema.toStdString();
        ConfigSnapshot snap;
        snap.records = mimeo::catalog::readConfigRecords(conn, schema);
        snap.sources = mimeo::catalog::SourceRegistry(conn, schema).list();
        return snap;
    }, [this](ConfigSnapshot snap) {
        const int n = static_cast<int>(snap.records.size());
        model_->setSources(std::move(snap.sources));
        model_->setRecords(std::move(snap.records));
        ui_->tableView->resizeColumnsToContents();
        for (int c = 0; c < model_->columnCount(); ++c)
            ui_->tableView->setColumnWidth(c, std::min(ui_->tableView->columnWidth(c), 260));
        showMessage(true, tr("%n configured table(s).", nullptr, n));
        emit loaded(true);
    }, [this](const TaskError &error) {
        showMessage(false, error.message);
        emit loaded(false);
    });
}

void ConfigEditorPage::save()
{
    if (busy_ || !model_->hasPendingChanges())
        return;
    // An editor still open holds the last edit; take it first.
    ui_->tableView->setFocus();
    std::vector<int> rows;
    const auto changes = model_->pendingChanges(&rows);
    busy_ = true;
    ui_->saveButton->setEnabled(false);
    showMessage(true, tr("Saving…"));
    const DestinationTarget t = service_->target();
    runTask(this, [t, changes] {
        auto conn = t.connect("config-save");
        SaveOutcome out;
        try {
            mimeo::catalog::applyConfigChanges(conn, t.schema.toStdString(), changes);
            out.written = static_cast<int>(changes.size());
        } catch (const mimeo::catalog::ConfigChangeError &e) {
            out.ok = false;
            out.index = static_cast<int>(e.index());
            out.error = QString::fromStdString(e.error().describe());
        }
        return out;
    }, [this, rows](const SaveOutcome &out) {
        busy_ = false;
        if (out.ok) {
            model_->revertAll(); // the reload shows what the server stored
            reload();
            showMessage(true, tr("Saved %n table(s).", nullptr, out.written));
            emit saved(true);
            service_->catalogChanged(); // the navigator shows the new state
            return;
        }
        const int row = rows.at(static_cast<size_t>(out.index));
        model_->setRowError(row, out.error);
        ui_->saveButton->setEnabled(true);
        const QModelIndex at = proxy_->mapFromSource(model_->index(row, ConfigTableModel::StateColumn));
        if (at.isValid())
            ui_->tableView->scrollTo(at);
        showMessage(false, tr("Nothing was saved: %1: %2")
                               .arg(q(model_->record(row).destTable), out.error.section(QLatin1Char('\n'), 0, 0)));
        emit saved(false);
    }, [this](const TaskError &error) {
        busy_ = false;
        ui_->saveButton->setEnabled(true);
        showMessage(false, tr("Nothing was saved: %1").arg(error.message));
        emit saved(false);
    });
}

QStringList ConfigEditorPage::selectedDestTables() const
{
    QStringList out;
    for (const QModelIndex &i : ui_->tableView->selectionModel()->selectedIndexes()) {
        const QString t = q(model_->record(proxy_->mapToSource(i).row()).destTable);
        if (!out.contains(t))
            out << t;
    }
    if (out.isEmpty() && !currentDestTable().isEmpty())
        out << currentDestTable();
    return out;
}

QString ConfigEditorPage::currentDestTable() const
{
    const QModelIndex current = proxy_->mapToSource(ui_->tableView->currentIndex());
    return current.isValid() ? q(model_->record(current.row()).destTable) : QString();
}

void ConfigEditorPage::revert()
{
    model_->revertAll();
    showMessage(true, tr("Edits reverted."));
}

void ConfigEditorPage::setCurrentToNull()
{
    const QModelIndex source = proxy_->mapToSource(ui_->tableView->currentIndex());
    if (!source.isValid() || source.column() == ConfigTableModel::StateColumn)
        return;
    if (!(model_->flags(source) & Qt::ItemIsEditable))
        return;
    model_->setData(source, QVariant());
}

bool ConfigEditorPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == ui_->tableView && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Delete)) {
            setCurrentToNull();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ConfigEditorPage::editInDialog(const QModelIndex &proxyIndex)
{
    const QModelIndex index = proxy_->mapToSource(proxyIndex);
    if (!index.isValid())
        return;
    const int row = index.row();
    const std::string column = model_->columnName(index.column());
    const auto &rec = model_->record(row);
    if (column == "filter") {
        pickColumns(row);
        return;
    }
    const QString title = tr("%1 of %2").arg(q(column), q(rec.destTable));
    if (column == "condition") {
        ValueEditDialog dialog(ValueEditDialog::TextMode, title,
                               tr("SQL added to the query on the source. For incremental types it must start with "
                                  "WHERE. Empty removes the condition."),
                               this);
        dialog.setText(index.data(Qt::EditRole).toString());
        if (dialog.exec() == QDialog::Accepted)
            model_->setData(index, dialog.text());
        return;
    }
    QString hint;
    if (column == "post_script")
        hint = tr("One SQL statement per line, run on the destination after each snapshot refresh.");
    else if (column == "sequences")
        hint = tr("One destination sequence per line (schema.sequence), reset after each refresh.");
    else
        hint = tr("One item per line.");
    ValueEditDialog dialog(ValueEditDialog::LinesMode, title, hint, this);
    dialog.setLines(index.data(Qt::EditRole).toStringList());
    if (dialog.exec() == QDialog::Accepted)
        model_->setData(index, dialog.lines());
}

void ConfigEditorPage::pickColumns(int row)
{
    const auto &rec = model_->record(row);
    const QModelIndex index = model_->index(row, model_->columnOf("filter"));
    const auto dblink = rec.values.count("dblink") ? rec.values.at("dblink") : std::nullopt;
    const int sourceId = dblink ? std::stoi(*dblink) : 0;
    const std::string sourceTable = rec.values.count("source_table") && rec.values.at("source_table")
        ? *rec.values.at("source_table")
        : std::string();

    ValueEditDialog dialog(ValueEditDialog::ColumnsMode, tr("filter of %1").arg(q(rec.destTable)),
                           tr("Columns of %1 to replicate.").arg(q(sourceTable)), this);
    dialog.setChosenColumns(index.data(Qt::EditRole).toStringList());

    // The columns come from the source itself, which may need its password.
    const DestinationTarget t = service_->target();
    const PasswordRequest req = service_->sourcePasswordRequest(sourceId, &dialog);
    runWithPassword(
        req,
        [t, sourceId, sourceTable](const std::optional<QString> &password) {
            auto conn = t.connect("config-columns");
            mimeo::catalog::SourceRegistry reg(conn, t.schema.toStdString());
            const auto record = reg.get(sourceId);
            std::optional<std::string> pw;
            if (password)
                pw = password->toStdString();
            auto src = mimeo::catalog::connectSource(reg, record, "mimeo-studio:columns", pw);
            QStringList cols;
            for (const auto &c : mimeo::catalog::sourceColumns(src, sourceTable))
                cols << QString::fromStdString(c);
            return cols;
        },
        [&dialog](const QStringList &cols) { dialog.setAvailableColumns(cols); },
        [&dialog](const TaskError &e) { dialog.columnsUnavailable(e.message); });
    if (dialog.exec() == QDialog::Accepted)
        model_->setData(index, dialog.chosenColumns());
}
