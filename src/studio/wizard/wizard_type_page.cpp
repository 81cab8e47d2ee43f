// SPDX-License-Identifier: PostgreSQL
#include "wizard_type_page.h"

#include "catalog/replication_types.h"
#include "make_wizard.h"
#include "ui_wizard_type.h"

#include <QButtonGroup>
#include <QLabel>
#include <QRadioButton>

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

// The core's reasons are clauses; on a page they read as sentences.
QString sentence(const std::string &s)
{
    QString t = q(s).trimmed();
    if (t.isEmpty())
        return t;
    t[0] = t[0].toUpper();
    if (!t.endsWith(QLatin1Char('.')))
        t += QLatin1Char('.');
    return t;
}

// The names people know, with a mnemonic each.
QString typeTitle(const QString &type)
{
    static const std::map<QString, const char *> titles = {
        {QStringLiteral("snap"), QT_TRANSLATE_NOOP("WizardTypePage", "&snap: snapshot, swapped in whole")},
        {QStringLiteral("table"), QT_TRANSLATE_NOOP("WizardTypePage", "&table: plain table, emptied and refilled")},
        {QStringLiteral("inserter_time"), QT_TRANSLATE_NOOP("WizardTypePage", "&inserter (time): new rows by a timestamp")},
        {QStringLiteral("inserter_serial"), QT_TRANSLATE_NOOP("WizardTypePage", "inserter (se&rial): new rows by a number")},
        {QStringLiteral("updater_time"), QT_TRANSLATE_NOOP("WizardTypePage", "&updater (time): new and changed rows by a timestamp")},
        {QStringLiteral("updater_serial"), QT_TRANSLATE_NOOP("WizardTypePage", "u&pdater (serial): new and changed rows by a number")},
        {QStringLiteral("dml"), QT_TRANSLATE_NOOP("WizardTypePage", "&dml: every insert, update and delete, by trigger")},
        {QStringLiteral("logdel"), QT_TRANSLATE_NOOP("WizardTypePage", "&logdel: like dml, deleted rows kept and marked")},
    };
    auto it = titles.find(type);
    return it == titles.end() ? type : WizardTypePage::tr(it->second);
}

} // namespace

WizardTypePage::WizardTypePage(MakeWizard *wizard)
    : QWizardPage(wizard)
    , ui_(std::make_unique<Ui::WizardTypePage>())
    , wizard_(wizard)
    , group_(new QButtonGroup(this))
{
    ui_->setupUi(this);
    auto *grid = static_cast<QGridLayout *>(ui_->choices->layout());
    int r = 0;
    for (const auto &t : mimeo::catalog::concreteTypes()) {
        const QString type = q(std::string(t.name));
        auto *button = new QRadioButton(typeTitle(type), ui_->choices);
        button->setObjectName(QStringLiteral("type_") + type);
        auto *reason = new QLabel(ui_->choices);
        reason->setWordWrap(true);
        reason->setObjectName(QStringLiteral("reason_") + type);
        grid->addWidget(button, r, 0, Qt::AlignTop);
        grid->addWidget(reason, r, 1, Qt::AlignTop);
        group_->addButton(button);
        rows_[type] = {button, reason};
        ++r;
    }
    grid->setColumnStretch(1, 1);
    connect(group_, &QButtonGroup::buttonToggled, this, &QWizardPage::completeChanged);
    connect(ui_->keepDeletedCheck, &QCheckBox::toggled, this, [this](bool on) {
        wizard_->setKeepDeletedRows(on);
        advise();
    });
}

WizardTypePage::~WizardTypePage() = default;

QRadioButton *WizardTypePage::button(const QString &type) const
{
    auto it = rows_.find(type);
    return it == rows_.end() ? nullptr : it->second.first;
}

QString WizardTypePage::reasonText(const QString &type) const
{
    auto it = rows_.find(type);
    return it == rows_.end() ? QString() : it->second.second->text();
}

bool WizardTypePage::chooseType(const QString &type)
{
    QRadioButton *b = button(type);
    if (!b || !b->isEnabled())
        return false;
    b->setChecked(true);
    return true;
}

void WizardTypePage::initializePage()
{
    ui_->keepDeletedCheck->setChecked(wizard_->keepDeletedRows());
    advise();
}

void WizardTypePage::advise()
{
    if (!wizard_->table())
        return;
    advice_ = mimeo::setup::adviseTypes(*wizard_->table(), wizard_->keepDeletedRows());
    const QString recommended = q(advice_.recommended);
    for (const auto &choice : advice_.choices) {
        auto it = rows_.find(q(choice.type));
        if (it == rows_.end())
            continue;
        auto [button, label] = it->second;
        button->setEnabled(choice.usable);
        QString text = sentence(choice.reason);
        if (q(choice.type) == recommended)
            text = QStringLiteral("<b>%1</b> %2").arg(tr("Recommended."), text.toHtmlEscaped());
        else
            text = text.toHtmlEscaped();
        label->setText(text);
        label->setEnabled(choice.usable);
        button->setToolTip(q(choice.reason));
    }
    ui_->recommendationLabel->setText(recommended.isEmpty()
                                          ? tr("No type fits this table as it is.")
                                          : tr("Recommended: <b>%1</b>. %2").arg(recommended, sentence(advice_.why).toHtmlEscaped()));
    ui_->sizeLabel->setText(advice_.sizeWarning ? sentence(*advice_.sizeWarning) : QString());
    ui_->sizeLabel->setVisible(advice_.sizeWarning.has_value());
    // Keep a usable choice the user made; else take the recommendation.
    QAbstractButton *checked = group_->checkedButton();
    if (!checked || !checked->isEnabled()) {
        if (QRadioButton *b = button(recommended.isEmpty() ? wizard_->type() : recommended); b && b->isEnabled())
            b->setChecked(true);
    }
    emit completeChanged();
}

bool WizardTypePage::isComplete() const
{
    QAbstractButton *b = group_->checkedButton();
    return b && b->isEnabled();
}

bool WizardTypePage::validatePage()
{
    for (const auto &[type, row] : rows_)
        if (row.first->isChecked()) {
            wizard_->setType(type);
            return true;
        }
    return false;
}
