// SPDX-License-Identifier: PostgreSQL
#pragma once
// The login roles of one destination and their access to its catalog:
// make a role a monitor (reads the catalog and the job log) or an operator
// (also edits the configuration and runs makes and refreshes), or revoke
// both, the way `mimeo grant` and `mimeo revoke` do. Every change shows the
// exact SQL (catalog/roles.h) and asks before it runs; reading, planning and
// running all happen off the GUI thread.
#include "destination_service.h"

#include <QStringList>
#include <QWidget>

#include <memory>

namespace Ui {
class RolesPage;
}
class RolesModel;

class RolesPage : public QWidget {
    Q_OBJECT
public:
    enum class Change { Monitor, Operator, Revoke };

    explicit RolesPage(DestinationService *service, QWidget *parent = nullptr);
    ~RolesPage() override;

    RolesModel *model() const { return model_; }
    QString messageText() const;
    bool selectRole(const QString &name);
    QString selectedRole() const; // empty when none
    bool isBusy() const { return busy_; }

public slots:
    void reload();
    void makeMonitor() { startChange(Change::Monitor); }
    void makeOperator() { startChange(Change::Operator); }
    void revoke() { startChange(Change::Revoke); }

signals:
    void loaded(bool ok);
    // A change ran (ok) or failed while being prepared or run (nothing changed).
    void changeFinished(bool ok);
    // The user said no, or there was nothing to do: nothing ran.
    void changeCancelled();

private:
    void startChange(Change change);
    void confirmAndRun(Change change, const QString &role, const QStringList &statements);
    void showMessage(bool ok, const QString &text);
    void setBusy(bool busy);
    void updateButtons();

    std::unique_ptr<Ui::RolesPage> ui_;
    DestinationService *service_;
    RolesModel *model_;
    bool busy_ = false;
    LatestTask reloading_;
};
