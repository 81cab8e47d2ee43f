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

// A rehearsal (Connection::rehearse) moves no row, but both statements are
// sent exactly as the real run sends them, so the servers check them as they
// would: the source's COPY starts inside a savepoint of its own and is
// cancelled at once (a big table is not read to the end; the cancel aborts
// that savepoint only), and the destination's ends with no data.
constexpr const char *kCopySavepoint = "SAVEPOINT mimeo_rehearsal_copy";
constexpr const char *kCopyRelease = "RELEASE SAVEPOINT mimeo_rehearsal_copy";
constexpr const char *kCopyRollback = "ROLLBACK TO SAVEPOINT mimeo_rehearsal_copy; RELEASE SAVEPOINT mimeo_rehearsal_copy";

void rehearseCopyOut(Connection &from, std::string_view sql)
{
    const bool guard = from.rehearsing() || from.inTransaction();
    if (guard)
        from.execUnobserved(kCopySavepoint);
    std::optional<Error> err;
    Result r = from.startCopy(sql);
    if (PQresultStatus(r.get()) != PGRES_COPY_OUT) {
        err = Error::fromResult(r.get(), from.raw(), from.side(), sql);
    } else {
        from.cancelHandle().cancel();
        char *buf = nullptr;
        while (PQgetCopyData(from.raw(), &buf, 0) > 0)
            PQfreemem(buf);
        err = finish(from, sql);
        // 57014 is our cancel; anything else the real run would have met too.
        if (err && err->sqlstate() == "57014")
            err.reset();
    }
    if (guard && !from.isBad())
        from.execUnobserved(kCopyRollback);
    if (err)
        throw *err;
}

void rehearseCopyIn(Connection &to, std::string_view sql)
{
    // The code's own transaction is a savepoint of the rehearsal's: a COPY
    // FREEZE into a table created in it works there as in the real run. Only
    // outside it does the COPY need a savepoint (autocommit).
    const bool guard = to.rehearsing() && !to.inTransaction();
    if (guard)
        to.execUnobserved(kCopySavepoint);
    std::optional<Error> err;
    Result r = to.startCopy(sql);
    if (PQresultStatus(r.get()) != PGRES_COPY_IN) {
        err = Error::fromResult(r.get(), to.raw(), to.side(), sql);
    } else {
        // Binary COPY data is a header and a trailer even without rows.
        static constexpr char kEmptyBinary[] = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', '\377', '\r', '\n', '\0', // signature
                                                0, 0, 0, 0,   // flags
                                                0, 0, 0, 0,   // header extension length
                                                '\377', '\377'}; // trailer: field count -1
        const bool sent = (!PQbinaryTuples(r.get()) || PQputCopyData(to.raw(), kEmptyBinary, sizeof kEmptyBinary) == 1)
            && PQputCopyEnd(to.raw(), nullptr) == 1;
        err = finish(to, sql);
        if (!sent && !err)
            err = Error::fromConnection(to.raw(), to.side(), sql);
    }
    if (guard && !to.isBad())
        to.execUnobserved(err ? kCopyRollback : kCopyRelease);
    if (err)
        throw *err;
}

CopyStats rehearseCopy(Connection &from, std::string_view copyOutSql, Connection &to, std::string_view copyInSql,
                       const CopyOptions &options)
{
    rehearseCopyOut(from, copyOutSql);
    rehearseCopyIn(to, copyInSql);
    CopyStats stats;
    if (options.progress)
        options.progress(stats);
    return stats;
}

} // namespace

CopyStats streamCopy(Connection &from, std::string_view copyOutSql, Connection &to, std::string_view copyInSql,
                     const CopyOptions &options)
{
    if (from.rehearsing() || to.rehearsing()) [[unlikely]]
        return rehearseCopy(from, copyOutSql, to, copyInSql, options);
    {
        Result r = from.startCopy(copyOutSql);
        if (PQresultStatus(r.get()) != PGRES_COPY_OUT)
            throw Error::fromResult(r.get(), from.raw(), from.side(), copyOutSql);
    }
    {
        Result r = to.startCopy(copyInSql);
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
