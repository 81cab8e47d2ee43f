// SPDX-License-Identifier: PostgreSQL
#include "wizard_options_page.h"

#include "catalog/config_row.h"
#include "catalog/replication_types.h"
#include "make_wizard.h"
#include "replication/engine.h"
#include "replication/source_relation.h"
#include "setup/option_checks.h"
#include "ui_wizard_options.h"

#include <QFormLayout>
#include <QLabel>

using mimeo::catalog::MakeOption;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

std::vector<std::string> splitList(const QString &text)
{
    std::vector<std::string> out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out.push_back(part.trimmed().toStdString());
    return out;
}

const QString kOk = QStringLiteral("color: #1b7f3b;");
const QString kBad = QStringLiteral("color: #b00020;");

// The labels beside the fields do not wrap: Qt 6.4's QFormLayout computes
// heights for wrapping labels past the end of its row array (valgrind), so
// a label shows the first line, shortened, and the whole text as its tooltip.
void setStatus(QLabel *label, const QString &text, const QString &style = {})
{
    QString line = text.section(QLatin1Char('\n'), 0, 0);
    if (line.size() > 110)
        line = line.left(108) + QStringLiteral("…");
    label->setText(line);
    label->setToolTip(text == line ? QString() : text);
    label->setStyleSheet(style);
}

} // namespace

WizardOptionsPage::WizardOptionsPage(MakeWizard *wizard)
    : QWizardPage(wizard)
    , ui_(std::make_unique<Ui::WizardOptionsPage>())
    , wizard_(wizard)
{
    ui_->setupUi(this);
    typing_.setSingleShot(true);
    typing_.setInterval(300); // ask the servers once per pause in typing
    connect(&typing_, &QTimer::timeout, this, &WizardOptionsPage::checkOnServers);
    for (QLineEdit *e : {ui_->destSchemaEdit, ui_->destNameEdit, ui_->boundaryEdit, ui_->pkNameEdit, ui_->pkTypeEdit,
                         ui_->periodEdit, ui_->sequencesEdit})
        connect(e, &QLineEdit::textChanged, this, &WizardOptionsPage::changed);
    connect(ui_->conditionEdit, &QLineEdit::textChanged, this, [this] {
        setStatus(ui_->conditionStatusLabel, QString()); // a verdict on other text no longer holds
        changed();
    });
    connect(ui_->controlCombo, &QComboBox::currentIndexChanged, this, &WizardOptionsPage::changed);
    connect(ui_->batchLimitSpin, &QSpinBox::valueChanged, this, &WizardOptionsPage::changed);
    for (QCheckBox *c : {ui_->useExistingCheck, ui_->indexCheck, ui_->pullCheck})
        connect(c, &QCheckBox::toggled, this, &WizardOptionsPage::changed);
    connect(ui_->columnsList, &QListWidget::itemChanged, this, &WizardOptionsPage::changed);
    connect(ui_->validateButton, &QPushButton::clicked, this, &WizardOptionsPage::validateCondition);
}

WizardOptionsPage::~WizardOptionsPage() = default;

void WizardOptionsPage::setRowVisible(QWidget *field, bool visible)
{
    // Hiding the field and its label, not QFormLayout::setRowVisible: with
    // word-wrapped labels in the form, Qt 6.4's heightForWidth writes past
    // its row array once rows are hidden that way (seen with valgrind).
    field->setVisible(visible);
    if (QWidget *label = ui_->form->labelForField(field))
        label->setVisible(visible);
}

void WizardOptionsPage::initializePage()
{
    const auto &table = wizard_->table();
    if (!table)
        return;
    const QString key = wizard_->type() + QLatin1Char('|') + q(table->name.catalogText()) + QLatin1Char('|')
        + QString::number(wizard_->sourceId());
    if (key == preparedFor_) { // back and forth: keep what was typed
        changed();
        return;
    }
    preparedFor_ = key;
    const auto &type = mimeo::catalog::concreteType(wizard_->type().toStdString());
    QSignalBlocker blockers[] = {QSignalBlocker(ui_->destSchemaEdit), QSignalBlocker(ui_->destNameEdit),
                                 QSignalBlocker(ui_->columnsList), QSignalBlocker(ui_->controlCombo)};
    ui_->destSchemaEdit->setText(q(table->name.schema));
    ui_->destNameEdit->setText(q(table->name.name));
    // Columns: all chosen; the key's columns locked where the type addresses rows by key.
    std::vector<std::string> keyColumns;
    if (type.keyed)
        if (const auto *k = table->replicationKey())
            keyColumns = k->columns;
    ui_->columnsList->clear();
    for (const auto &c : table->columns) {
        auto *item = new QListWidgetItem(QStringLiteral("%1  (%2)").arg(q(c.name), q(c.type)), ui_->columnsList);
        item->setData(Qt::UserRole, q(c.name));
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Checked);
        if (std::find(keyColumns.begin(), keyColumns.end(), c.name) != keyColumns.end()) {
            item->setFlags(item->flags() & ~Qt::ItemIsUserCheckable & ~Qt::ItemIsEnabled);
            item->setToolTip(tr("A key column: %1 needs it.").arg(wizard_->type()));
        }
    }
    // Control column: the eligible columns of the type's kind only, the suggested one first.
    ui_->controlCombo->clear();
    const bool time = type.control == mimeo::catalog::ControlKind::Time;
    for (const auto &c : table->controlCandidates) {
        if (c.time != time)
            continue;
        ui_->controlCombo->addItem(tr("%1 (%2, %3)").arg(q(c.column), q(c.type), c.indexed ? tr("indexed") : tr("no index")),
                                   q(c.column));
    }
    ui_->pkNameEdit->clear();
    ui_->pkTypeEdit->clear();
    setStatus(ui_->conditionStatusLabel, QString());
    for (auto &b : blockers)
        b.unblock();
    showRowsForType();
    changed();
}

void WizardOptionsPage::showRowsForType()
{
    const auto &type = mimeo::catalog::concreteType(wizard_->type().toStdString());
    const auto &table = wizard_->table();
    const bool incremental = type.family == mimeo::catalog::TypeFamily::Incremental;
    setRowVisible(ui_->useExistingCheck, type.allows(MakeOption::UseExisting));
    setRowVisible(ui_->columnsList, type.allows(MakeOption::Filter));
    setRowVisible(ui_->conditionEdit, type.allows(MakeOption::Condition));
    setRowVisible(ui_->validateButton, type.allows(MakeOption::Condition));
    setRowVisible(ui_->conditionStatusLabel, type.allows(MakeOption::Condition));
    setRowVisible(ui_->controlCombo, incremental);
    setRowVisible(ui_->boundaryEdit, type.allows(MakeOption::Boundary));
    setRowVisible(ui_->boundaryLabel, type.allows(MakeOption::Boundary));
    // A key of one's own: only where the table has none the type could use (views).
    const bool needKey = type.keyed && table && !table->replicationKey();
    setRowVisible(ui_->pkNameEdit, needKey);
    setRowVisible(ui_->pkTypeEdit, needKey);
    setRowVisible(ui_->indexCheck, type.allows(MakeOption::NoIndex));
    setRowVisible(ui_->pullCheck, type.allows(MakeOption::NoPulldata));
    setRowVisible(ui_->batchLimitSpin, type.allows(MakeOption::BatchLimit));
    setRowVisible(ui_->sequencesEdit, type.allows(MakeOption::Sequences));
}

mimeo::catalog::MakeRequest WizardOptionsPage::request() const
{
    mimeo::catalog::MakeRequest r;
    const auto &table = wizard_->table();
    if (!table)
        return r;
    const auto &type = mimeo::catalog::concreteType(wizard_->type().toStdString());
    r.type = wizard_->type().toStdString();
    r.source = table->name;
    r.dataSourceId = wizard_->sourceId();
    const mimeo::pg::QualifiedName dest{ui_->destSchemaEdit->text().trimmed().toStdString(),
                                        ui_->destNameEdit->text().trimmed().toStdString()};
    if (!(dest == table->name))
        r.dest = dest;
    if (type.allows(MakeOption::Filter)) {
        std::vector<std::string> chosen;
        for (int i = 0; i < ui_->columnsList->count(); ++i)
            if (ui_->columnsList->item(i)->checkState() == Qt::Checked)
                chosen.push_back(ui_->columnsList->item(i)->data(Qt::UserRole).toString().toStdString());
        if (chosen.size() != static_cast<size_t>(ui_->columnsList->count()))
            r.filter = chosen; // all columns: no filter, as mimeo writes it
    }
    if (type.allows(MakeOption::Condition) && !ui_->conditionEdit->text().trimmed().isEmpty())
        r.condition = ui_->conditionEdit->text().trimmed().toStdString();
    if (type.family == mimeo::catalog::TypeFamily::Incremental && ui_->controlCombo->currentIndex() >= 0)
        r.control = ui_->controlCombo->currentData().toString().toStdString();
    if (type.allows(MakeOption::Boundary) && !ui_->boundaryEdit->text().trimmed().isEmpty())
        r.boundary = ui_->boundaryEdit->text().trimmed().toStdString();
    if (ui_->pkNameEdit->isVisibleTo(this)) {
        r.pkName = splitList(ui_->pkNameEdit->text());
        r.pkType = splitList(ui_->pkTypeEdit->text());
    }
    if (type.allows(MakeOption::UseExisting))
        r.useExisting = ui_->useExistingCheck->isChecked();
    r.index = !type.allows(MakeOption::NoIndex) || ui_->indexCheck->isChecked();
    r.pullData = !type.allows(MakeOption::NoPulldata) || ui_->pullCheck->isChecked();
    if (!ui_->periodEdit->text().trimmed().isEmpty())
        r.period = ui_->periodEdit->text().trimmed().toStdString();
    if (type.allows(MakeOption::BatchLimit) && ui_->batchLimitSpin->value() > 0)
        r.batchLimit = ui_->batchLimitSpin->value();
    if (type.allows(MakeOption::Sequences))
        r.sequences = splitList(ui_->sequencesEdit->text());
    return r;
}

void WizardOptionsPage::changed()
{
    destChecked_ = false;
    QStringList problems;
    for (const auto &p : mimeo::catalog::validateMakeRequest(request()))
        problems << q(p.message) + (p.hint.empty() ? QString() : QStringLiteral(" (%1)").arg(q(p.hint)));
    if (ui_->controlCombo->isVisibleTo(this) && ui_->controlCombo->count() == 0)
        problems << tr("The table has no column this type can use as its control column.");
    ui_->problemsLabel->setText(problems.join(QLatin1Char('\n')));
    setStatus(ui_->destStatusLabel, tr("Checking…"));
    emit completeChanged();
    typing_.start();
}

void WizardOptionsPage::checkOnServers()
{
    const auto req = request();
    const std::string schema = wizard_->service()->schema().toStdString();
    // The destination: the engine's own make checks, nothing made.
    const auto ticket = destTask_.take();
    wizard_->withSource(this, wizard_, [req, schema](mimeo::pg::Connection &src, mimeo::pg::Connection &dest) {
        const auto rel = mimeo::replication::describeSource(src, req.source, req.filter, req.dataSourceId);
        const std::string destTable = req.dest.value_or(req.source).catalogText();
        std::optional<QString> problem;
        if (auto existing = mimeo::catalog::findConfig(dest, schema, destTable))
            problem = tr("%1 is already configured (type %2).").arg(q(destTable), q(existing->type()));
        else
            mimeo::replication::checkMakeDestination(dest, req, rel); // throws what make would refuse
        return problem;
    }, [this, ticket](const std::optional<QString> &problem) {
        if (!ticket.current())
            return;
        destChecked_ = true;
        destOk_ = !problem;
        setStatus(ui_->destStatusLabel, destOk_ ? tr("✓ The destination accepts this name.") : *problem, destOk_ ? kOk : kBad);
        emit completeChanged();
        emit destinationCheckFinished(destOk_);
    }, [this, ticket](const TaskError &e) {
        if (!ticket.current())
            return;
        destChecked_ = true;
        destOk_ = false;
        setStatus(ui_->destStatusLabel, e.message, kBad);
        emit completeChanged();
        emit destinationCheckFinished(false);
    });
    // The next refresh's window, for the incremental types.
    if (!req.control) {
        setStatus(ui_->boundaryLabel, QString());
        return;
    }
    const bool time = mimeo::catalog::concreteType(req.type).control == mimeo::catalog::ControlKind::Time;
    const auto bticket = boundaryTask_.take();
    wizard_->withSource(this, wizard_, [req, time](mimeo::pg::Connection &src, mimeo::pg::Connection &) {
        return q(mimeo::setup::describeNextPull(src, req.source, *req.control, req.boundary, time));
    }, [this, bticket](const QString &sentence) {
        if (!bticket.current())
            return;
        setStatus(ui_->boundaryLabel, tr("The first refresh after the initial pull reads %1.").arg(sentence));
        emit boundaryDescribed(true);
    }, [this, bticket](const TaskError &e) {
        if (!bticket.current())
            return;
        setStatus(ui_->boundaryLabel, e.message, kBad);
        emit boundaryDescribed(false);
    });
}

void WizardOptionsPage::validateCondition()
{
    const auto req = request();
    const QString condition = ui_->conditionEdit->text().trimmed();
    if (condition.isEmpty()) {
        setStatus(ui_->conditionStatusLabel, tr("No condition: every row is replicated."));
        emit conditionChecked(true);
        return;
    }
    setStatus(ui_->conditionStatusLabel, tr("Asking the source…"));
    const auto ticket = conditionTask_.take();
    wizard_->withSource(this, wizard_, [req, condition = condition.toStdString()](mimeo::pg::Connection &src, mimeo::pg::Connection &) {
        const auto error = mimeo::setup::validateCondition(src, req.source, req.filter, condition);
        return error ? q(*error) : QString();
    }, [this, ticket](const QString &error) {
        if (!ticket.current())
            return;
        setStatus(ui_->conditionStatusLabel, error.isEmpty() ? tr("✓ The source accepts the condition.") : error, error.isEmpty() ? kOk : kBad);
        emit conditionChecked(error.isEmpty());
    }, [this, ticket](const TaskError &e) {
        if (!ticket.current())
            return;
        setStatus(ui_->conditionStatusLabel, e.message, kBad);
        emit conditionChecked(false);
    });
}

// The whole text: the tooltip when the label shows it shortened.
static QString fullText(const QLabel *label) { return label->toolTip().isEmpty() ? label->text() : label->toolTip(); }

QString WizardOptionsPage::destinationStatus() const { return fullText(ui_->destStatusLabel); }
QString WizardOptionsPage::conditionStatus() const { return fullText(ui_->conditionStatusLabel); }
QString WizardOptionsPage::boundarySentence() const { return fullText(ui_->boundaryLabel); }
QString WizardOptionsPage::problemsText() const { return ui_->problemsLabel->text(); }

bool WizardOptionsPage::isComplete() const
{
    return ui_->problemsLabel->text().isEmpty() && destChecked_ && destOk_;
}

bool WizardOptionsPage::validatePage()
{
    wizard_->setRequest(request());
    return isComplete();
}
