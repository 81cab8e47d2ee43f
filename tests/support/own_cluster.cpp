// SPDX-License-Identifier: PostgreSQL
#include "own_cluster.h"

#include <QProcess>

#include <optional>
#include <stdexcept>
#include <unistd.h>

namespace mimeo::test {
namespace {

QString script() { return QStringLiteral(MIMEO_PGCLUSTER_SCRIPT); }

// Runs program with args; the output when it fails, else nothing.
std::optional<std::string> runTool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted())
        return "could not start " + program.toStdString();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return program.toStdString() + " timed out";
    }
    const std::string out = QString::fromUtf8(p.readAll()).toStdString();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return program.toStdString() + " " + args.join(QLatin1Char(' ')).toStdString() + " failed: " + out;
    return std::nullopt;
}

} // namespace

OwnCluster::OwnCluster(const std::string &name)
{
    if (!state_.isValid())
        throw std::runtime_error("no temporary folder for the cluster's state");
    if (auto failed = runTool(script(), {QStringLiteral("start"), state_.path(), QString::fromStdString(name)}))
        throw std::runtime_error(*failed);
    auto read = readClustersEnv(state_.filePath(QStringLiteral("clusters.env")));
    if (!read)
        throw std::runtime_error("the cluster script wrote no clusters.env");
    auto &vars = *read;
    const std::string upper = QString::fromStdString(name).toUpper().toStdString();
    cluster_ = {vars["MIMEO_TEST_" + upper], vars["MIMEO_TEST_" + upper + "_DIR"]};
    pgbin_ = vars["MIMEO_TEST_PGBIN"];
    if (cluster_.conninfo.empty() || cluster_.dataDir.empty() || pgbin_.empty())
        throw std::runtime_error("clusters.env lacks the cluster " + name);
}

OwnCluster::~OwnCluster()
{
    // Stops the server (immediate) and removes its folder.
    runTool(script(), {QStringLiteral("stop"), state_.path()});
}

void OwnCluster::restart()
{
    pgCtl({QStringLiteral("-D"), QString::fromStdString(cluster_.dataDir), QStringLiteral("-l"),
           QString::fromStdString(cluster_.dataDir + "/server.log"), QStringLiteral("-m"), QStringLiteral("fast"),
           QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("restart")});
}

void OwnCluster::pgCtl(const QStringList &args)
{
    const QString pgCtl = QString::fromStdString(pgbin_ + "/pg_ctl");
    // PostgreSQL refuses to run as root: as the script, run it as postgres.
    const auto failed = getuid() == 0
        ? runTool(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), pgCtl} + args)
        : runTool(pgCtl, args);
    if (failed)
        throw std::runtime_error(*failed);
}

} // namespace mimeo::test
