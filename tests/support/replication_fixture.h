// SPDX-License-Identifier: PostgreSQL
#pragma once
// A source database and a destination database with the catalog installed
// and the source registered (as data source 1), for replication tests.
#include "jobs/job_log.h"
#include "replication/engine.h"
#include "testenv.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

namespace mimeo::test {

class ReplicationFixture {
public:
    // Ours: the catalog made by installCatalog. OnMimeoExtension: the mimeo
    // extension (and dblink) installed first and the catalog adopted, so
    // the extension's own functions can work on the same tables.
    enum class Catalog { Ours, OnMimeoExtension };

    // sourceCluster defaults to the shared source cluster.
    ReplicationFixture(const TestEnv *env, const std::string &prefix, const Cluster *sourceCluster = nullptr,
                       Catalog catalog = Catalog::Ours);

    pg::Connection &src() { return src_; }
    pg::Connection &dest() { return dest_; }
    const ScratchDb &srcDb() const { return srcDb_; }
    const ScratchDb &destDb() const { return destDb_; }
    int sourceId() const { return sourceId_; }

    // A RunContext with a job log; progress/warnings collected here.
    replication::RunContext &context() { return ctx_; }
    std::vector<replication::Progress> progress;
    std::vector<std::string> warnings;

    replication::MakeRequest request(const std::string &type, const std::string &sourceTable,
                                     const std::string &destTable = {});
    replication::RunResult make(const replication::MakeRequest &req);
    replication::RunResult refresh(const std::string &destTable, bool repull = false);
    replication::RunResult destroy(const std::string &destTable, bool keep = true);
    // What `mimeo adopt` does: records the row as it is (tables the mimeo
    // extension made, settings changed by hand on purpose).
    void adopt(const std::string &destTable);

    // The rows of a source query and a destination query are the same
    // multiset (each row compared as text, so json and NULLs work): the source
    // rows are copied into a scratch table on the destination and compared
    // with EXCEPT ALL both ways. Returns a description of the differences, or
    // an empty string when equal.
    QString differences(const std::string &sourceQuery, const std::string &destQuery);

    // Last job-log row for a destination table: status, error_sqlstate, error, rows.
    QStringList lastJob(const std::string &destTable);
    // Its rows inserted/updated/deleted as "2/3/1", or "null" when not recorded.
    QString lastChanges(const std::string &destTable);

private:
    ScratchDb srcDb_;
    ScratchDb destDb_;
    pg::Connection src_;
    pg::Connection dest_;
    int sourceId_ = 0;
    std::unique_ptr<jobs::JobLog> log_;
    replication::RunContext ctx_;
    int compareCounter_ = 0;
};

} // namespace mimeo::test
