// SPDX-License-Identifier: PostgreSQL
#pragma once
// What integration tests share: the clusters started by the CTest fixture,
// scratch databases that vanish after the test, and running the `mimeo` CLI.
#include "pg/connection.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <string>

namespace mimeo::test {

struct Cluster {
    std::string conninfo; // admin (superuser) conninfo on database postgres
    std::string dataDir;
    std::string conninfoFor(const std::string &dbname, const std::string &user = "postgres") const;
    pg::Connection connect(const std::string &dbname = "postgres", pg::Side side = pg::Side::Unknown) const;
};

// The NAME=value lines of a clusters.env that tests/fixture/pgcluster.sh
// wrote; nullopt when there is no such file.
std::optional<std::map<std::string, std::string>> readClustersEnv(const QString &path);

class TestEnv {
public:
    // Reads $MIMEO_TEST_ENV (the fixture's clusters.env); QSKIP-worthy message in *why when absent.
    static const TestEnv *get(QString *why = nullptr);
    Cluster source;
    Cluster dest;
    Cluster quiet; // a source cluster no other suite writes to (autovacuum off)
    Cluster tls;   // ssl = on, server certificate for "localhost" signed by tlsCa
    std::string tlsCa;
    std::string tlsWrongCa;
    std::string pgbin;
};

// A fresh database, dropped (WITH FORCE) when the object goes away.
class ScratchDb {
public:
    ScratchDb(const Cluster &cluster, const std::string &prefix);
    ScratchDb(const ScratchDb &) = delete;
    ScratchDb &operator=(const ScratchDb &) = delete;
    ~ScratchDb();
    const std::string &name() const { return name_; }
    std::string conninfo(const std::string &user = "postgres") const { return cluster_.conninfoFor(name_, user); }
    // The conninfo without a user, as a source is registered (the role is
    // given apart: mimeo source add --user, SourceRegistry::add).
    std::string conninfoWithoutUser() const;
    pg::Connection connect(pg::Side side = pg::Side::Unknown) const { return cluster_.connect(name_, side); }

private:
    const Cluster &cluster_;
    std::string name_;
};

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};

// Runs the built `mimeo` binary with args; extraEnv entries override the environment.
CliResult runMimeo(const QStringList &args, const QByteArray &stdinData = {},
                   const QProcessEnvironment &extraEnv = {}, int timeoutMs = 120000);

// Path of the mimeo binary under test.
QString mimeoBinary();

// Takes the catalog in schema back to version 9 (undoes migration 10:
// validations in the job log), for tests of upgrading.
void downgradeCatalogToVersion9(pg::Connection &dest, const std::string &schema);
// Takes the catalog in schema back to version 8 (also undoes migration 9:
// requests to runners and the runner list), for tests of upgrading.
void downgradeCatalogToVersion8(pg::Connection &dest, const std::string &schema);

// Takes the catalog in schema back to version 7 (undoes migration 8: run
// counts, validations and lag measures), for tests of upgrading.
void downgradeCatalogToVersion7(pg::Connection &dest, const std::string &schema);

// Takes the catalog in schema back to version 6 (undoes migration 7, the
// freshness thresholds), for tests of upgrading an older catalog.
void downgradeCatalogToVersion6(pg::Connection &dest, const std::string &schema);

// Takes the catalog in schema back to version 5 (undoes migrations 7 and 6,
// the live job log), for tests of upgrading an older catalog.
void downgradeCatalogToVersion5(pg::Connection &dest, const std::string &schema);

} // namespace mimeo::test

// Runs a statement and turns an exception into a test failure that shows
// the message (Qt Test would only say "Caught unhandled exception").
#define MIMEO_NOTHROW(stmt)                                                                                          \
    do {                                                                                                             \
        try {                                                                                                        \
            stmt;                                                                                                    \
        } catch (const std::exception &mimeoNothrowE_) {                                                             \
            QFAIL(mimeoNothrowE_.what());                                                                            \
        }                                                                                                            \
    } while (false)

// Skips the test (instead of failing) only when the fixture did not run at all,
// e.g. a test binary started by hand; under ctest the fixture always runs.
#define MIMEO_REQUIRE_ENV(envPtr)                                                                                    \
    QString mimeoEnvWhy_;                                                                                            \
    const mimeo::test::TestEnv *envPtr = mimeo::test::TestEnv::get(&mimeoEnvWhy_);                                   \
    if (!envPtr)                                                                                                     \
        QFAIL(qPrintable(mimeoEnvWhy_));
