// SPDX-License-Identifier: PostgreSQL
#pragma once
// Installs, upgrades or adopts the catalog of a destination. Shows every
// step and the SQL that will run before anything happens; installs in one
// transaction (catalog/installer.h) off the GUI thread.
#include "destination_session.h"

#include <QDialog>

#include <memory>

namespace Ui {
class CatalogInstallDialog;
}
class QPushButton;

class CatalogInstallDialog : public QDialog {
    Q_OBJECT
public:
    explicit CatalogInstallDialog(const DestinationTarget &target, QWidget *parent = nullptr);
    ~CatalogInstallDialog() override;

    bool wasInstalled() const { return installed_; }
    QString resultText() const;
    // Number of planned steps (0 until the plan is read, or when up to date).
    int stepCount() const;
    // Whether the plan was read (or could not be): planReady may have been
    // sent before a caller connected to it, so such a caller asks this first.
    bool planSettled() const { return planSettled_; }

public slots:
    void install();

signals:
    void planReady(bool ok);
    void installed();
    void installFailed(const QString &error);

private:
    void loadPlan();

    std::unique_ptr<Ui::CatalogInstallDialog> ui_;
    DestinationTarget target_;
    QPushButton *installButton_;
    bool installed_ = false;
    bool planSettled_ = false;
};
