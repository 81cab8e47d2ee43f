// SPDX-License-Identifier: PostgreSQL
#pragma once
// What every command shares: where the destination is, which catalog schema,
// and how to say things on stdout/stderr.
#include "pg/connection.h"

#include <QString>

#include <iosfwd>
#include <string>

namespace mimeo::cli {

enum ExitCode : int {
    ExitOk = 0,
    ExitFailed = 1,  // a refresh or command failed (message on stderr)
    ExitUsage = 2,   // bad command line
    ExitLocked = 3,  // skipped: another process holds the table's lock
    ExitSigint = 130, // cancelled by SIGINT (see signals.h)
    ExitSigterm = 143, // cancelled by SIGTERM
};

// Bad command line: reported with a hint, exit status 2.
struct UsageError {
    QString message;
    QString hint;
};

struct CliContext {
    std::string destConninfo; // --dest, else $MIMEO_DEST, else libpq defaults ("")
    std::string schema = "mimeo";
    std::ostream *out = nullptr;
    std::ostream *err = nullptr;

    // application_name becomes "mimeo:<action>" (for example mimeo:refresh:public.orders).
    pg::ConnectSpec destinationSpec(const std::string &action) const;
    pg::Connection connectDestination(const std::string &action) const;
    std::ostream &o() const { return *out; }
    std::ostream &e() const { return *err; }
};

std::string toStd(const QString &s);
QString fromStd(const std::string &s);

} // namespace mimeo::cli

namespace mimeo::cli {
// Throws an Error with a hint to run `mimeo init` when the schema has no catalog.
void requireCatalog(pg::Connection &dest, const std::string &schema);
} // namespace mimeo::cli
