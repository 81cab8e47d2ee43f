// SPDX-License-Identifier: PostgreSQL
#include "testenv.h"

#include "pg/conninfo.h"
#include "pg/quote.h"

#include <QFile>
#include <QProcess>

#include <atomic>
#include <map>
#include <unistd.h>

namespace mimeo::test {

std::string Cluster::conninfoFor(const std::string &dbname, const std::string &user) const
{
    pg::ConnOptions opts = pg::parseConninfo(conninfo);
    pg::setOption(opts, "dbname", dbname);
    pg::setOption(opts, "user", user);
    return pg::toKeywordValueString(opts);
}

pg::Connection Cluster::connect(const std::string &dbname, pg::Side side) const
{
    pg::ConnectSpec spec;
    spec.conninfo = conninfoFor(dbname);
    spec.applicationName = "mimeo-test";
    spec.side = side;
    return pg::Connection::open(spec);
}

std::optional<std::map<std::string, std::string>> readClustersEnv(const QString &path)
{
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return std::nullopt;
    std::map<std::string, std::string> vars;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        const int eq = line.indexOf('=');
        if (eq > 0)
            vars[line.left(eq).toStdString()] = line.mid(eq + 1).toStdString();
    }
    return vars;
}

const TestEnv *TestEnv::get(QString *why)
{
    static const TestEnv *env = []() -> const TestEnv * {
        auto read = readClustersEnv(QString::fromLocal8Bit(qgetenv("MIMEO_TEST_ENV")));
        if (!read)
            return nullptr;
        auto &vars = *read;
        auto *e = new TestEnv;
        e->source = {vars["MIMEO_TEST_SOURCE"], vars["MIMEO_TEST_SOURCE_DIR"]};
        e->dest = {vars["MIMEO_TEST_DEST"], vars["MIMEO_TEST_DEST_DIR"]};
        e->quiet = {vars["MIMEO_TEST_QUIET"], vars["MIMEO_TEST_QUIET_DIR"]};
        e->tls = {vars["MIMEO_TEST_TLS"], vars["MIMEO_TEST_TLS_DIR"]};
        e->tlsCa = vars["MIMEO_TEST_TLS_CA"];
        e->tlsWrongCa = vars["MIMEO_TEST_TLS_WRONG_CA"];
        e->pgbin = vars["MIMEO_TEST_PGBIN"];
        return e;
    }();
    if (!env && why)
        *why = QStringLiteral("no test clusters: run through ctest (the pg fixture sets MIMEO_TEST_ENV)");
    return env;
}

ScratchDb::ScratchDb(const Cluster &cluster, const std::string &prefix)
    : cluster_(cluster)
{
    static std::atomic<int> counter{0};
    name_ = prefix + "_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    auto admin = cluster_.connect();
    admin.exec("CREATE DATABASE " + pg::quoteIdent(name_));
}

std::string ScratchDb::conninfoWithoutUser() const
{
    auto opts = pg::parseConninfo(conninfo());
    pg::removeOption(opts, "user");
    return pg::toKeywordValueString(opts);
}

ScratchDb::~ScratchDb()
{
    try {
        auto admin = cluster_.connect();
        admin.exec("DROP DATABASE IF EXISTS " + pg::quoteIdent(name_) + " WITH (FORCE)");
    } catch (...) {
        // The cluster goes away at the end of the run anyway.
    }
}

QString mimeoBinary() { return QStringLiteral(MIMEO_CLI_PATH); }

void downgradeCatalogToVersion9(pg::Connection &dest, const std::string &schema)
{
    const std::string qs = pg::quoteIdent(schema);
    dest.exec("DELETE FROM " + qs + ".studio_job_log WHERE action = 'validate';"
              "ALTER TABLE " + qs + ".studio_job_log DROP CONSTRAINT studio_job_log_action_check;"
              "ALTER TABLE " + qs + ".studio_job_log ADD CONSTRAINT studio_job_log_action_check "
              "CHECK (action IN ('make', 'refresh', 'destroy', 'repair'));"
              "DELETE FROM " + qs + ".studio_catalog_version WHERE version = 10");
}

void downgradeCatalogToVersion8(pg::Connection &dest, const std::string &schema)
{
    downgradeCatalogToVersion9(dest, schema);
    const std::string qs = pg::quoteIdent(schema);
    dest.exec("DROP TABLE " + qs + ".studio_request, " + qs + ".studio_runner;"
              "DROP FUNCTION " + qs + ".studio_request_stamp(), " + qs + ".studio_request_notify();"
              "DELETE FROM " + qs + ".studio_catalog_version WHERE version = 9");
}

void downgradeCatalogToVersion7(pg::Connection &dest, const std::string &schema)
{
    downgradeCatalogToVersion8(dest, schema);
    const std::string qs = pg::quoteIdent(schema);
    dest.exec("DROP TABLE " + qs + ".studio_validation, " + qs + ".studio_lag;"
              "ALTER TABLE " + qs + ".studio_job_log DROP COLUMN rows_inserted, DROP COLUMN rows_updated, DROP COLUMN rows_deleted;"
              "DELETE FROM " + qs + ".studio_catalog_version WHERE version = 8");
}

void downgradeCatalogToVersion6(pg::Connection &dest, const std::string &schema)
{
    downgradeCatalogToVersion7(dest, schema);
    const std::string qs = pg::quoteIdent(schema);
    dest.exec("DROP TABLE " + qs + ".studio_freshness; DELETE FROM " + qs + ".studio_catalog_version WHERE version = 7");
}

void downgradeCatalogToVersion5(pg::Connection &dest, const std::string &schema)
{
    downgradeCatalogToVersion6(dest, schema);
    const std::string qs = pg::quoteIdent(schema);
    dest.exec("DROP TRIGGER studio_job_log_notify ON " + qs + ".studio_job_log; DROP FUNCTION " + qs + ".studio_job_log_notify();"
              "DROP INDEX " + qs + ".studio_job_log_running_idx;"
              "ALTER TABLE " + qs + ".studio_job_log DROP COLUMN phase, DROP COLUMN rows_expected, DROP COLUMN reason,"
              "  DROP COLUMN heartbeat_at, DROP COLUMN backend_pid, DROP COLUMN backend_start,"
              "  DROP CONSTRAINT studio_job_log_status_check,"
              "  ADD CONSTRAINT studio_job_log_status_check CHECK (status IN ('running', 'ok', 'failed', 'skipped'));"
              "DELETE FROM " + qs + ".studio_catalog_version WHERE version = 6");
}

CliResult runMimeo(const QStringList &args, const QByteArray &stdinData, const QProcessEnvironment &extraEnv,
                   int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("MIMEO_DEST"));
    for (const QString &k : extraEnv.keys())
        env.insert(k, extraEnv.value(k));
    p.setProcessEnvironment(env);
    p.start(mimeoBinary(), args);
    CliResult r;
    if (!p.waitForStarted()) {
        r.err = QStringLiteral("could not start ") + mimeoBinary();
        return r;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out: mimeo ") + args.join(QLatin1Char(' '));
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace mimeo::test
