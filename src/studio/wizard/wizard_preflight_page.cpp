// SPDX-License-Identifier: PostgreSQL
#include "wizard_preflight_page.h"

#include "make_wizard.h"
#include "ui_wizard_preflight.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QStyle>

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

QString whereName(mimeo::pg::Side side)
{
    switch (side) {
    case mimeo::pg::Side::Source: return WizardPreflightPage::tr("source");
    case mimeo::pg::Side::Destination: return WizardPreflightPage::tr("destination");
    default: return WizardPreflightPage::tr("request");
    }
}

} // namespace

WizardPreflightPage::WizardPreflightPage(MakeWizard *wizard)
    : QWizardPage(wizard)
    , ui_(std::make_unique<Ui::WizardPreflightPage>())
    , wizard_(wizard)
{
    ui_->setupUi(this);
    ui_->checksTree->setColumnCount(2);
    ui_->checksTree->setHeaderLabels({tr("Check"), tr("Where")});
    ui_->checksTree->header()->setStretchLastSection(false);
    ui_->checksTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    ui_->checksTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(ui_->recheckButton, &QPushButton::clicked, this, &WizardPreflightPage::recheck);
    connect(ui_->copyButton, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(fixText()); });
}

WizardPreflightPage::~WizardPreflightPage() = default;

void WizardPreflightPage::initializePage() { recheck(); }

QString WizardPreflightPage::fixText() const { return ui_->fixEdit->toPlainText(); }

void WizardPreflightPage::recheck()
{
    settled_ = false;
    emit completeChanged();
    ui_->statusLabel->setText(tr("Checking…"));
    ui_->recheckButton->setEnabled(false);
    const auto req = wizard_->request();
    const std::string schema = wizard_->service()->schema().toStdString();
    const auto ticket = checking_.take();
    wizard_->withSource(this, wizard_, [req, schema](mimeo::pg::Connection &src, mimeo::pg::Connection &dest) {
        return mimeo::setup::preflight(dest, schema, src, req);
    }, [this, ticket](std::vector<mimeo::setup::PreflightCheck> checks) {
        if (!ticket.current())
            return;
        show(checks);
    }, [this, ticket](const TaskError &e) {
        if (!ticket.current())
            return;
        std::vector<mimeo::setup::PreflightCheck> failed(1);
        failed[0].what = tr("reaching the servers").toStdString();
        failed[0].problem = e.message.toStdString();
        show(failed);
    });
}

void WizardPreflightPage::show(const std::vector<mimeo::setup::PreflightCheck> &checks)
{
    checks_ = checks;
    settled_ = true;
    ui_->recheckButton->setEnabled(true);
    ui_->checksTree->clear();
    const QIcon ok = style()->standardIcon(QStyle::SP_DialogApplyButton);
    const QIcon bad = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    QStringList fixes;
    int red = 0;
    for (const auto &c : checks_) {
        // A red check says what is wrong right under what is needed.
        const QString text = c.ok || c.problem.empty() ? q(c.what) : tr("%1\n    %2").arg(q(c.what), q(c.problem));
        auto *item = new QTreeWidgetItem(ui_->checksTree, QStringList{text, whereName(c.side)});
        item->setIcon(0, c.ok ? ok : bad);
        item->setForeground(0, c.ok ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb0, 0x00, 0x20));
        item->setToolTip(0, c.fix.empty() ? text : text + QStringLiteral("\n\n") + q(c.fix));
        if (!c.ok) {
            ++red;
            if (!c.fix.empty())
                fixes << QStringLiteral("-- %1 (%2)\n%3").arg(q(c.what), whereName(c.side), q(c.fix));
        }
    }
    ui_->fixEdit->setPlainText(fixes.join(QStringLiteral("\n\n")));
    ui_->fixEdit->setVisible(red > 0);
    ui_->fixLabel->setVisible(red > 0);
    ui_->copyButton->setEnabled(!fixes.isEmpty());
    ui_->statusLabel->setText(red == 0 ? tr("All %n check(s) passed.", nullptr, static_cast<int>(checks_.size()))
                                       : tr("%n check(s) failed.", nullptr, red));
    ui_->statusLabel->setStyleSheet(red == 0 ? QStringLiteral("color: #1b7f3b;") : QStringLiteral("color: #b00020;"));
    emit completeChanged();
    emit checked(red == 0);
}

bool WizardPreflightPage::isComplete() const
{
    return settled_ && !checks_.empty() && mimeo::setup::allPassed(checks_);
}
