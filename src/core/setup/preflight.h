// SPDX-License-Identifier: PostgreSQL
#pragma once
// Before a make: every privilege and prerequisite the request's type needs on
// the source and the destination, passed or failed, each failure with what
// fixes it. The checks are the engine's own (the request's validation,
// describeSource, the control column and key checks, dml/logdel's source
// prerequisites, each family's destination checks), run without making
// anything, plus the rights make would otherwise only find missing half-way.
#include "catalog/make_request.h"
#include "pg/side.h"

#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::setup {

struct PreflightCheck {
    pg::Side side = pg::Side::Unknown; // Unknown: the request itself (its options)
    std::string what;    // what is needed, e.g. "TRIGGER on app.orders"
    bool ok = false;
    std::string problem; // when not ok: what is wrong, one sentence (the make's own message where it has one)
    // When not ok: the statement(s) that fix it, to run on `side` by its owner
    // or a superuser; where no statement can (a bad option, a name taken),
    // what to change instead. Never holds a password.
    std::string fix;
};

// Blocking; changes nothing on either server (the condition is explained
// inside a read-only transaction). catalogSchema: the destination catalog
// (and the name of the source's queue schema for dml/logdel). Throws only
// when a server cannot be asked at all (a lost connection).
std::vector<PreflightCheck> preflight(pg::Connection &dest, const std::string &catalogSchema, pg::Connection &src,
                                      const catalog::MakeRequest &request);

// True when every check passed.
bool allPassed(const std::vector<PreflightCheck> &checks);

} // namespace mimeo::setup
