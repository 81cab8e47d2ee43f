// SPDX-License-Identifier: PostgreSQL
#pragma once
// A PostgreSQL cluster of one test's own, for tests that restart or stop the
// server: the fixture's shared clusters serve the suites that run in
// parallel, which a restart would disturb. Started by the fixture's script
// (tests/fixture/pgcluster.sh) in a state folder of its own; stopped and
// removed when the object goes away, a failed test included.
#include "testenv.h"

#include <QTemporaryDir>

#include <string>

namespace mimeo::test {

class OwnCluster {
public:
    // name: the cluster's folder name (letters only). Throws std::runtime_error
    // with the script's output when it cannot start.
    explicit OwnCluster(const std::string &name);
    ~OwnCluster();
    OwnCluster(const OwnCluster &) = delete;
    OwnCluster &operator=(const OwnCluster &) = delete;

    const Cluster &cluster() const { return cluster_; }
    // pg_ctl restart -m fast: every connection is cut, and the server comes
    // back on the same port (pg_ctl waits until it accepts connections).
    void restart();

private:
    // Runs a server binary (as postgres when we are root, as the script does).
    void pgCtl(const QStringList &args);

    QTemporaryDir state_;
    Cluster cluster_;
    std::string pgbin_;
};

} // namespace mimeo::test
