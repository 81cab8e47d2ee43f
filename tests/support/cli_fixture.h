// SPDX-License-Identifier: PostgreSQL
#pragma once
// Two scratch databases driven through the mimeo binary, as the CLI suites
// need them: the source set up by the suite's SQL, the destination with a
// schema rep, a catalog (mimeo init) and the source registered as source 1.
#include "testenv.h"

#include <QByteArray>
#include <QProcess>
#include <QStringList>

#include <string>

namespace mimeo::test {

struct CliFixture {
    ScratchDb src;
    ScratchDb dest;

    CliFixture(const TestEnv *env, const std::string &prefix, const std::string &sourceSql);
    // mimeo --dest <dest> args...
    CliResult run(QStringList args, const QByteArray &in = {}) const;
};

// mimeo --dest <f's dest> args... started in the background (for tests that
// watch, skip behind, or kill a running job); killed if still running at the end.
struct Background {
    QProcess p;
    Background(const CliFixture &f, QStringList args);
    ~Background();
    Background(const Background &) = delete;
    Background &operator=(const Background &) = delete;
};

} // namespace mimeo::test
