// SPDX-License-Identifier: PostgreSQL
#include "rolesqldialog.h"

#include "ui_rolesqldialog.h"

#include <QFontDatabase>
#include <QPushButton>

RoleSqlDialog::RoleSqlDialog(const QString &summary, const QStringList &statements, QWidget *parent)
    : QDialog(parent)
    , ui_(std::make_unique<Ui::RoleSqlDialog>())
{
    ui_->setupUi(this);
    ui_->summaryLabel->setText(summary);
    ui_->sqlView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    QStringList lines;
    for (const auto &s : statements)
        lines << s + QLatin1Char(';');
    ui_->sqlView->setPlainText(lines.join(QLatin1Char('\n')));
    QPushButton *run = ui_->buttonBox->button(QDialogButtonBox::Ok);
    run->setText(tr("&Run"));
    // Nothing happens by pressing Enter without reading.
    run->setAutoDefault(false);
    run->setDefault(false);
    ui_->buttonBox->button(QDialogButtonBox::Cancel)->setDefault(true);
}

RoleSqlDialog::~RoleSqlDialog() = default;

QString RoleSqlDialog::summaryText() const { return ui_->summaryLabel->text(); }
QString RoleSqlDialog::sqlText() const { return ui_->sqlView->toPlainText(); }
