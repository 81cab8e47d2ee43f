// SPDX-License-Identifier: PostgreSQL
#include "pg/copy_stream.h"

#include "pg/connection.h"
#include "pg/error.h"

#include <libpq-fe.h>

#include <optional>
#include <string>

namespace mimeo::pg {
namespace {

struct Freer {
    void operator()(char *p) const { PQfreemem(p); }
};

// Collects the final result(s) of a command; returns the first error, if any.
std::optional<Error> finish(Connection &c, std::string_view sql, int64_t *rowsOut = nullptr)
{
    std::optional<Error> err;
    while (PGresult *raw = PQgetResult(c.raw())) {
        Result r(raw);
        const auto st = PQresultStatus(raw);
        if (st == PGRES_COMMAND_OK) {
            if (rowsOut)
                *rowsOut = r.affected();
        } else if (st == PGRES_COPY_IN) {
            // Still waiting for data: end it so the connection leaves COPY mode.
            PQputCopyEnd(c.raw(), "aborted");
        } else if (st == PGRES_COPY_OUT) {
            char *buf = nullptr;
            while (PQgetCopyData(c.raw(), &buf, 0) > 0)
                PQfreemem(buf);
        } else if (!err) {
            err = Error::fromResult(raw, c.raw(), c.side(), sql);
        }
        if (c.isBad())
            break;
    }
    if (!err && c.isBad())
        err = Error::fromConnection(c.raw(), c.side(), sql);
    return err;
}

// Stops a running COPY TO STDOUT early: cancel on the server, then drain.
void abortCopyOut(Connection &from)
{
    from.cancelHandle().cancel();
    char *buf = nullptr;
    int n = 0;
    while ((n = PQgetCopyData(from.raw(), &buf, 0)) > 0)
        PQfreemem(buf);
    finish(from, {});
}

void abortCopyIn(Connection &to, const char *why)
{
    PQputCopyEnd(to.raw(), why);
    finish(to, {});
}

Error cancelledError(Side side)
{
    ErrorInfo i;
    i.side = side;
    i.sqlstate = "57014";
    i.message = "canceling statement due to user request";
    return Error(std::move(i));
}

} // namespace

CopyStats streamCopy(Connection &from, std::string_view copyOutSql, Connection &to, std::string_view copyInSql,
                     const CopyOptions &options)
{
    {
        Result r(PQexec(from.raw(), std::string(copyOutSql).c_str()));
        if (PQresultStatus(r.get()) != PGRES_COPY_OUT)
            throw Error::fromResult(r.get(), from.raw(), from.side(), copyOutSql);
    }
    {
        Result r(PQexec(to.raw(), std::string(copyInSql).c_str()));
        if (PQresultStatus(r.get()) != PGRES_COPY_IN) {
            Error err = Error::fromResult(r.get(), to.raw(), to.side(), copyInSql);
            abortCopyOut(from);
            throw err;
        }
    }

    CopyStats stats;
    int64_t nextProgress = options.progressEveryRows;
    std::string chunk;
    chunk.reserve(options.chunkBytes + 64 * 1024);

    auto flush = [&]() -> bool {
        if (chunk.empty())
            return true;
        const int ok = PQputCopyData(to.raw(), chunk.data(), static_cast<int>(chunk.size()));
        chunk.clear();
        return ok == 1;
    };

    bool destinationFailed = false;
    for (;;) {
        if (options.cancel && options.cancel->requested()) {
            abortCopyOut(from);
            abortCopyIn(to, "canceled by user");
            throw cancelledError(Side::Unknown);
        }
        char *raw = nullptr;
        const int n = PQgetCopyData(from.raw(), &raw, 0);
        if (n > 0) {
            std::unique_ptr<char, Freer> row(raw);
            chunk.append(raw, static_cast<size_t>(n));
            ++stats.rows;
            stats.bytes += n;
            if (chunk.size() >= options.chunkBytes && !flush()) {
                destinationFailed = true; // reported below
                break;
            }
            if (options.progress && stats.rows >= nextProgress) {
                options.progress(stats);
                nextProgress = stats.rows + options.progressEveryRows;
            }
            continue;
        }
        if (n == -1)
            break; // the source's COPY ended: well or not, its result says
        // n == -2: the source connection failed.
        std::optional<Error> err = finish(from, copyOutSql);
        abortCopyIn(to, "aborted because the source failed");
        throw err.value_or(Error::fromConnection(from.raw(), from.side(), copyOutSql));
    }

    if (!destinationFailed) {
        // A source that fails (an error, its backend terminated) also ends
        // its COPY: only a clean end may complete the destination's, else
        // the rows so far would stand as a finished COPY there.
        int64_t sourceRows = -1;
        if (std::optional<Error> srcErr = finish(from, copyOutSql, &sourceRows)) {
            abortCopyIn(to, "aborted because the source failed");
            throw *srcErr;
        }
        if (flush() && PQputCopyEnd(to.raw(), nullptr) == 1) {
            if (std::optional<Error> dstErr = finish(to, copyInSql))
                throw *dstErr;
            // The source's "COPY n" tag is exact; the message count is off by one in
            // binary format (the trailer travels as a message of its own).
            if (sourceRows >= 0)
                stats.rows = sourceRows;
            if (options.progress)
                options.progress(stats);
            return stats;
        }
        // The destination refused the last rows or the end of its COPY.
        std::optional<Error> err = finish(to, copyInSql);
        throw err.value_or(Error::fromConnection(to.raw(), to.side(), copyInSql));
    }
    // The destination left COPY mode (it raised an error); stop the source too.
    std::optional<Error> err = finish(to, copyInSql);
    abortCopyOut(from);
    throw err.value_or(Error::fromConnection(to.raw(), to.side(), copyInSql));
}

} // namespace mimeo::pg
