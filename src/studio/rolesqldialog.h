// SPDX-License-Identifier: PostgreSQL
#pragma once
// Shows the exact statements a role change will run (from planGrant or
// planRevoke, catalog/roles.h) and asks before anything happens. The text
// is read-only: what is shown is what runs.
#include <QDialog>
#include <QStringList>

#include <memory>

namespace Ui {
class RoleSqlDialog;
}

class RoleSqlDialog : public QDialog {
    Q_OBJECT
public:
    // summary: what the change means, in words; statements: the SQL, without
    // trailing semicolons, shown one per line.
    RoleSqlDialog(const QString &summary, const QStringList &statements, QWidget *parent = nullptr);
    ~RoleSqlDialog() override;

    QString summaryText() const;
    QString sqlText() const;

private:
    std::unique_ptr<Ui::RoleSqlDialog> ui_;
};
