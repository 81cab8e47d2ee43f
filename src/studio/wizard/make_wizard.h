// SPDX-License-Identifier: PostgreSQL
#pragma once
// The "New Replication" wizard: source, table, type, options, pre-flight,
// summary (the SQL of a rehearsal of the very make that then runs), run.
// The pages share what was chosen through this object; every server
// request runs off the GUI thread (withSource), with the source's password
// from this session, the keychain or a prompt.
#include "catalog/make_request.h"
#include "destination_service.h"
#include "engine_run.h"
#include "password_flow.h"
#include "pg/connection.h"
#include "setup/source_tables.h"

#include <QPointer>
#include <QWizard>

#include <optional>

class MakeWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { SourcePage, TablePage, TypePage, OptionsPage, PreflightPage, SummaryPage, RunPage };

    explicit MakeWizard(DestinationService *service, QWidget *parent = nullptr);

    DestinationService *service() const { return service_; }

    // Start with this source (and table) chosen: from the navigator.
    void presetSource(int sourceId);
    void presetTable(const mimeo::pg::QualifiedName &table);
    int presetSourceId() const { return presetSource_; }
    std::optional<mimeo::pg::QualifiedName> presetTableName() const { return presetTable_; }

    // What the pages chose so far.
    int sourceId() const { return sourceId_; }
    void setSourceId(int id);
    const std::optional<mimeo::setup::SourceTableDetails> &table() const { return table_; }
    void setTable(std::optional<mimeo::setup::SourceTableDetails> table);
    QString type() const { return type_; }     // a concrete type (inserter_time...)
    void setType(const QString &type) { type_ = type; }
    bool keepDeletedRows() const { return keepDeleted_; }
    void setKeepDeletedRows(bool on) { keepDeleted_ = on; }
    // The make the options page describes (filled in by it).
    mimeo::catalog::MakeRequest request() const { return request_; }
    void setRequest(const mimeo::catalog::MakeRequest &r) { request_ = r; }

    // Runs work(source, destination) off the GUI thread with connections to
    // the chosen source and the destination; done or failed on the GUI
    // thread while context lives. The source's password: as the Sources page.
    template <typename Work, typename Done>
    void withSource(QObject *context, QWidget *promptParent, Work work, Done done, TaskFailed failed)
    {
        const DestinationTarget t = service_->target();
        const int id = sourceId_;
        PasswordRequest req = service_->sourcePasswordRequest(id, promptParent);
        req.receiver = context;
        runWithPassword(req, [t, id, work](const std::optional<QString> &password) {
            auto dest = t.connect("wizard");
            auto src = connectSource(dest, t.schema.toStdString(), id, password);
            return work(src, dest);
        }, done, std::move(failed));
    }

    // Starts an engine run with the chosen source's password (read from this
    // session or the keychain here, on the GUI thread, before it starts).
    void runEngine(EngineRun *run, std::function<mimeo::replication::RunResult(mimeo::pg::Connection &,
                                                                               mimeo::replication::RunContext &)> work);

public slots:
    void reject() override;

signals:
    // The make finished: the new row's destination table.
    void made(const QString &destTable);
    void openInEditor(const QString &destTable);

private:
    static mimeo::pg::Connection connectSource(mimeo::pg::Connection &dest, const std::string &schema, int sourceId,
                                               const std::optional<QString> &password);

    DestinationService *service_;
    int presetSource_ = 0;
    std::optional<mimeo::pg::QualifiedName> presetTable_;
    int sourceId_ = 0;
    std::optional<mimeo::setup::SourceTableDetails> table_;
    QString type_;
    bool keepDeleted_ = false;
    mimeo::catalog::MakeRequest request_;
};
