// SPDX-License-Identifier: PostgreSQL
#pragma once
// Destroys one replication, as `mimeo destroy` does: keep or drop the
// destination table; for dml and logdel the source's trigger, trigger
// function and queue table go too. The SQL shown comes from a rehearsal of
// the same destroy (rolled back); the destroy runs in the background and
// Stop cancels it on the servers.
#include "destination_service.h"
#include "engine_run.h"

#include <QDialog>

#include <memory>

namespace Ui {
class DestroyDialog;
}
class QPushButton;

class DestroyDialog : public QDialog {
    Q_OBJECT
public:
    DestroyDialog(DestinationService *service, const QString &destTable, QWidget *parent = nullptr);
    ~DestroyDialog() override;

    void setKeepTable(bool keep);
    bool previewSettled() const { return previewSettled_; }
    QString destinationSql() const;
    QString sourceSql() const;
    QString statusText() const;
    bool wasDestroyed() const { return destroyed_; }
    QPushButton *destroyButton() const { return destroyButton_; }

public slots:
    void destroyNow();
    void reject() override;

signals:
    void previewReady(bool ok);
    void destroyFinished(bool ok);

private:
    void preview();
    // rehearsalLog: rehearse into it instead of destroying.
    void startRun(EngineRun *run, bool keep, std::shared_ptr<mimeo::pg::StatementLog> rehearsalLog);

    std::unique_ptr<Ui::DestroyDialog> ui_;
    DestinationService *service_;
    QString destTable_;
    int sourceId_ = 0;
    QPushButton *destroyButton_;
    EngineRun *previewRun_ = nullptr;
    EngineRun *run_ = nullptr;
    bool previewSettled_ = false;
    bool destroyed_ = false;
};
