// SPDX-License-Identifier: PostgreSQL
#include "replication/rehearsal.h"

#include "pg/connection.h"

#include <functional>

namespace mimeo::replication {
namespace {

Rehearsal rehearse(const RunContext &ctx, const std::function<RunResult(RunContext &)> &run)
{
    pg::StatementLog log;
    RunContext rehearsal = ctx;
    rehearsal.log = nullptr;
    rehearsal.statements = &log;
    rehearsal.rehearse = true;
    Rehearsal out;
    try {
        out.result = run(rehearsal);
    } catch (const pg::Error &e) {
        out.error = e;
    }
    out.statements = log.statements();
    return out;
}

} // namespace

Rehearsal rehearseMake(pg::Connection &dest, const MakeRequest &request, const RunContext &ctx)
{
    return rehearse(ctx, [&](RunContext &c) { return make(dest, request, c); });
}

Rehearsal rehearseDestroy(pg::Connection &dest, const std::string &destTable, bool keepTable, const RunContext &ctx)
{
    return rehearse(ctx, [&](RunContext &c) { return destroy(dest, destTable, keepTable, c); });
}

} // namespace mimeo::replication
