// SPDX-License-Identifier: PostgreSQL
#include "wizard_table_page.h"

#include "catalog/config_list.h"
#include "make_wizard.h"
#include "source_tables_model.h"
#include "ui_wizard_table.h"

#include <QHeaderView>
#include <QLocale>

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

QString joined(const std::vector<std::string> &v)
{
    QStringList out;
    for (const auto &s : v)
        out << q(s);
    return out.join(QStringLiteral(", "));
}

struct TableFacts {
    mimeo::setup::SourceTableDetails details;
    std::vector<std::string> replicatedAs; // destination tables already pulling it from this source
};

} // namespace

WizardTablePage::WizardTablePage(MakeWizard *wizard)
    : QWizardPage(wizard)
    , ui_(std::make_unique<Ui::WizardTablePage>())
    , wizard_(wizard)
{
    ui_->setupUi(this);
    model_ = new SourceTablesModel(
        [this](const std::string &schema, const std::string &filter, int offset, int limit,
               std::function<void(mimeo::setup::RelationPage)> done, TaskFailed failed) {
            wizard_->withSource(this, wizard_, [schema, filter, offset, limit](mimeo::pg::Connection &src, mimeo::pg::Connection &) {
                return mimeo::setup::listSourceRelations(src, schema, filter, offset, limit);
            }, std::move(done), std::move(failed));
        },
        this);
    ui_->tableView->setModel(model_);
    ui_->tableView->verticalHeader()->hide();
    ui_->tableView->horizontalHeader()->setStretchLastSection(false);
    ui_->tableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    ui_->tableView->horizontalHeader()->setSectionResizeMode(SourceTablesModel::NameColumn, QHeaderView::Stretch);
    ui_->tableView->verticalHeader()->setDefaultSectionSize(ui_->tableView->fontMetrics().height() + 6);
    ui_->splitter->setStretchFactor(0, 3);
    ui_->splitter->setStretchFactor(1, 2);
    typing_.setSingleShot(true);
    typing_.setInterval(250); // one read per pause in typing, not one per key
    connect(&typing_, &QTimer::timeout, this, &WizardTablePage::restart);
    connect(ui_->filterEdit, &QLineEdit::textChanged, this, [this] { typing_.start(); });
    connect(ui_->schemaCombo, &QComboBox::activated, this, &WizardTablePage::restart);
    connect(ui_->tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WizardTablePage::selectionChanged);
    // A double click goes on; Enter already does (the view passes it on to the default button).
    connect(ui_->tableView, &QAbstractItemView::doubleClicked, this, [this] {
        if (isComplete())
            wizard_->next();
    });
    connect(model_, &SourceTablesModel::pageLoaded, this, [this](bool first, int rows) {
        if (first) {
            ui_->messageLabel->setText(rows == 0 ? tr("No relation matches.") : QString());
            if (auto preset = wizard_->presetTableName(); preset && !details_)
                selectTable(*preset);
        }
    });
    connect(model_, &SourceTablesModel::loadFailed, this, [this](const QString &m) { ui_->messageLabel->setText(m); });
}

WizardTablePage::~WizardTablePage() = default;

void WizardTablePage::initializePage()
{
    if (loadedFor_ == wizard_->sourceId()) {
        QTimer::singleShot(0, ui_->tableView, [this] { ui_->tableView->setFocus(); });
        return;
    }
    loadedFor_ = wizard_->sourceId();
    details_.reset();
    ui_->details->clear();
    ui_->schemaCombo->clear();
    ui_->schemaCombo->addItem(tr("All schemas"), QString());
    const auto ticket = schemasTask_.take(); // drops an older source's schema list
    wizard_->withSource(this, wizard_, [](mimeo::pg::Connection &src, mimeo::pg::Connection &) {
        return mimeo::setup::listSourceSchemas(src);
    }, [this, ticket](const std::vector<std::string> &schemas) {
        if (!ticket.current())
            return;
        for (const auto &s : schemas)
            ui_->schemaCombo->addItem(q(s), q(s));
        if (auto preset = wizard_->presetTableName()) {
            const int i = ui_->schemaCombo->findData(q(preset->schema));
            if (i > 0) {
                ui_->schemaCombo->setCurrentIndex(i);
                restart();
            }
        }
    }, [this](const TaskError &e) { ui_->messageLabel->setText(e.message); });
    restart();
    // After QWizard has shown the page and given the focus to its first widget.
    QTimer::singleShot(0, ui_->filterEdit, [this] { ui_->filterEdit->setFocus(); });
}

void WizardTablePage::setFilterText(const QString &text)
{
    ui_->filterEdit->setText(text);
    typing_.stop();
    restart();
}

void WizardTablePage::restart()
{
    details_.reset();
    ui_->details->clear();
    emit completeChanged();
    model_->setQuery(ui_->schemaCombo->currentData().toString(), ui_->filterEdit->text());
}

bool WizardTablePage::selectTable(const mimeo::pg::QualifiedName &name)
{
    const int row = model_->rowOf(name);
    if (row < 0)
        return false;
    ui_->tableView->setCurrentIndex(model_->index(row, SourceTablesModel::NameColumn));
    ui_->tableView->scrollTo(ui_->tableView->currentIndex());
    return true;
}

QString WizardTablePage::detailsText() const { return ui_->details->toPlainText(); }

void WizardTablePage::selectionChanged()
{
    details_.reset();
    emit completeChanged();
    const QModelIndex current = ui_->tableView->currentIndex();
    if (!current.isValid())
        return;
    const auto &entry = model_->at(current.row());
    const mimeo::pg::QualifiedName name{entry.schema, entry.name};
    const int sourceId = wizard_->sourceId();
    ui_->details->setPlainText(tr("Reading %1…").arg(q(name.catalogText())));
    const auto ticket = detailsTask_.take();
    wizard_->withSource(this, wizard_, [name](mimeo::pg::Connection &src, mimeo::pg::Connection &) {
        return TableFacts{mimeo::setup::describeSourceTable(src, name), {}};
    }, [this, ticket, sourceId, name](TableFacts facts) {
        if (!ticket.current())
            return;
        const std::string text = name.catalogText();
        for (const auto &t : wizard_->service()->snapshot().tables)
            if (t.dataSourceId == sourceId && t.sourceTable == text)
                facts.replicatedAs.push_back(t.destTable);
        details_ = facts.details;
        showDetails(facts.details, facts.replicatedAs);
        emit completeChanged();
        emit detailsLoaded(true);
    }, [this, ticket](const TaskError &e) {
        if (!ticket.current())
            return;
        ui_->details->setPlainText(e.message);
        emit detailsLoaded(false);
    });
}

void WizardTablePage::showDetails(const mimeo::setup::SourceTableDetails &d, const std::vector<std::string> &replicatedAs)
{
    QStringList html;
    auto row = [&html](const QString &label, const QString &value) {
        html << QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label.toHtmlEscaped(), value);
    };
    html << QStringLiteral("<table cellspacing='2' cellpadding='2'>");
    row(tr("Relation"), QStringLiteral("%1 (%2)").arg(q(d.name.catalogText()).toHtmlEscaped(), relationKindName(d.relkind)));
    // A table never analyzed has no estimate; its statistics still count live rows.
    if (d.estimatedRows >= 0)
        row(tr("Rows"), tr("about %1").arg(QLocale().toString(static_cast<qlonglong>(d.estimatedRows))));
    else if (d.activity)
        row(tr("Rows"), tr("about %1 (from the statistics; never analyzed)").arg(QLocale().toString(static_cast<qlonglong>(d.activity->live))));
    else
        row(tr("Rows"), tr("unknown (never analyzed)"));
    row(tr("Size"), d.bytes < 0 ? tr("–") : formatBytes(d.bytes));
    QStringList keys;
    for (const auto &k : d.keys)
        keys << QStringLiteral("%1 %2 (%3)%4")
                    .arg(k.primary ? tr("primary key") : tr("unique"), q(k.name).toHtmlEscaped(), joined(k.columns).toHtmlEscaped(),
                         k.notNull ? QString() : tr(": has nullable columns, not usable as a key"));
    row(tr("Keys"), keys.isEmpty() ? QStringLiteral("<span style='color:#b00020'>%1</span>").arg(tr("none")) : keys.join(QStringLiteral("<br>")));
    QStringList controls;
    for (const auto &c : d.controlCandidates)
        controls << QStringLiteral("%1 %2, %3%4")
                        .arg(q(c.column).toHtmlEscaped(), q(c.type).toHtmlEscaped(),
                             c.indexed ? tr("indexed") : QStringLiteral("<span style='color:#b06000'>%1</span>").arg(tr("no index")),
                             c.notNull ? QString() : tr(", nullable"));
    row(tr("Control column candidates"), controls.isEmpty() ? tr("none (no timestamp or integer column)") : controls.join(QStringLiteral("<br>")));
    if (d.activity)
        row(tr("Changes since statistics reset"), tr("%1 inserted, %2 updated, %3 deleted")
                                                      .arg(QLocale().toString(static_cast<qlonglong>(d.activity->inserted)),
                                                           QLocale().toString(static_cast<qlonglong>(d.activity->updated)),
                                                           QLocale().toString(static_cast<qlonglong>(d.activity->deleted))));
    if (d.isView)
        row(tr("View"), tr("yes: no key of its own and no triggers (dml and logdel are not possible)"));
    row(tr("Already replicated here"), replicatedAs.empty() ? tr("no")
                                                            : QStringLiteral("<span style='color:#b06000'>%1</span>")
                                                                  .arg(tr("yes, as %1").arg(joined(replicatedAs).toHtmlEscaped())));
    html << QStringLiteral("</table>");
    ui_->details->setHtml(html.join(QString()));
}

bool WizardTablePage::isComplete() const { return details_.has_value(); }

bool WizardTablePage::validatePage()
{
    wizard_->setTable(details_);
    return details_.has_value();
}
