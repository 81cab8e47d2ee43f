// SPDX-License-Identifier: PostgreSQL
#include "replication_fixture.h"

#include "catalog/installer.h"
#include "catalog/replication_identity.h"
#include "catalog/sources.h"
#include "pg/copy_stream.h"

namespace mimeo::test {

ReplicationFixture::ReplicationFixture(const TestEnv *env, const std::string &prefix, const Cluster *sourceCluster,
                                       Catalog catalog)
    : srcDb_(sourceCluster ? *sourceCluster : env->source, prefix + "_s")
    , destDb_(env->dest, prefix + "_d")
    , src_(srcDb_.connect(pg::Side::Source))
    , dest_(destDb_.connect(pg::Side::Destination))
{
    if (catalog == Catalog::OnMimeoExtension)
        dest_.exec("CREATE EXTENSION dblink; CREATE SCHEMA mimeo; CREATE EXTENSION mimeo SCHEMA mimeo;");
    catalog::installCatalog(dest_, "mimeo"); // adopts the extension's catalog when there is one
    catalog::SourceRegistry reg(dest_, "mimeo");
    sourceId_ = reg.add(srcDb_.conninfoWithoutUser(), "postgres");
    pg::ConnectSpec spec;
    spec.conninfo = destDb_.conninfo();
    spec.applicationName = "mimeo-test";
    log_ = std::make_unique<jobs::JobLog>(spec, "mimeo", "test");
    ctx_.schema = "mimeo";
    ctx_.log = log_.get();
    ctx_.progress = [this](const replication::Progress &p) { progress.push_back(p); };
    ctx_.warn = [this](const std::string &w) { warnings.push_back(w); };
}

replication::MakeRequest ReplicationFixture::request(const std::string &type, const std::string &sourceTable,
                                                      const std::string &destTable)
{
    replication::MakeRequest r;
    r.type = type;
    r.source = pg::QualifiedName::fromCatalogText(sourceTable);
    r.dataSourceId = sourceId_;
    if (!destTable.empty())
        r.dest = pg::QualifiedName::fromCatalogText(destTable);
    return r;
}

void ReplicationFixture::adopt(const std::string &destTable)
{
    pg::Transaction tx(dest_);
    catalog::recordIdentity(dest_, "mimeo", destTable);
    tx.commit();
}

replication::RunResult ReplicationFixture::make(const replication::MakeRequest &req)
{
    return replication::make(dest_, req, ctx_);
}

replication::RunResult ReplicationFixture::refresh(const std::string &destTable, bool repull)
{
    replication::RefreshRequest r;
    r.destTable = destTable;
    r.repull = repull;
    return replication::refresh(dest_, r, ctx_);
}

replication::RunResult ReplicationFixture::destroy(const std::string &destTable, bool keep)
{
    return replication::destroy(dest_, destTable, keep, ctx_);
}

QString ReplicationFixture::differences(const std::string &sourceQuery, const std::string &destQuery)
{
    const std::string expected = "mimeo_test_expected_" + std::to_string(++compareCounter_);
    dest_.exec("CREATE TEMP TABLE " + expected + " (r text)");
    pg::streamCopy(src_, "COPY (SELECT q::text FROM (" + sourceQuery + ") q) TO STDOUT", dest_,
                   "COPY " + expected + " FROM STDIN");
    const std::string actual = "SELECT q::text AS r FROM (" + destQuery + ") q";
    auto missing = dest_.exec("SELECT r FROM " + expected + " EXCEPT ALL " + actual + " LIMIT 5");
    auto extra = dest_.exec(actual + " EXCEPT ALL SELECT r FROM " + expected + " LIMIT 5");
    QString out;
    for (int i = 0; i < missing.rows(); ++i)
        out += QStringLiteral("missing on destination: ") + QString::fromStdString(missing.text(i, 0)) + QLatin1Char('\n');
    for (int i = 0; i < extra.rows(); ++i)
        out += QStringLiteral("extra on destination: ") + QString::fromStdString(extra.text(i, 0)) + QLatin1Char('\n');
    dest_.exec("DROP TABLE " + expected);
    return out;
}

QStringList ReplicationFixture::lastJob(const std::string &destTable)
{
    auto r = dest_.exec("SELECT status, coalesce(error_sqlstate, ''), coalesce(error, ''), coalesce(rows::text, ''), "
                        "coalesce(error_side, '') FROM mimeo.studio_job_log WHERE dest_table = $1 ORDER BY job_id DESC LIMIT 1",
                        {destTable});
    QStringList out;
    if (r.rows() == 1) {
        for (int c = 0; c < r.columns(); ++c)
            out << QString::fromStdString(r.text(0, c));
    }
    return out;
}

QString ReplicationFixture::lastChanges(const std::string &destTable)
{
    auto r = dest_.exec("SELECT coalesce(rows_inserted || '/' || rows_updated || '/' || rows_deleted, 'null') "
                        "FROM mimeo.studio_job_log WHERE dest_table = $1 ORDER BY job_id DESC LIMIT 1",
                        {destTable});
    return r.rows() == 1 ? QString::fromStdString(r.text(0, 0)) : QStringLiteral("no job");
}

} // namespace mimeo::test
