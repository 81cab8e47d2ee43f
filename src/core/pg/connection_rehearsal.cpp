// SPDX-License-Identifier: PostgreSQL
// Connection's rehearsal (see rehearse() in connection.h): the code's
// statements run for real inside one transaction that is rolled back at the
// end, and its transaction control runs as savepoints inside that one.
#include "pg/connection.h"
#include "pg/error.h"
#include "pg/statement_kind.h"

#include <libpq-fe.h>

#include <stdexcept>

namespace mimeo::pg {
namespace {

// PostgreSQL has no nested transactions: the code's own transaction is at
// most one savepoint deep, and its own savepoints nest inside that.
constexpr const char *kBegin = "SAVEPOINT mimeo_rehearsal";
constexpr const char *kCommit = "RELEASE SAVEPOINT mimeo_rehearsal";
constexpr const char *kRollback = "ROLLBACK TO SAVEPOINT mimeo_rehearsal; RELEASE SAVEPOINT mimeo_rehearsal";

} // namespace

void Connection::rehearse(bool on)
{
    if (on) {
        if (rehearsing_)
            return;
        if (!conn_)
            throw Error::usage("cannot rehearse on a connection that is not open", side_);
        if (PQtransactionStatus(conn_) != PQTRANS_IDLE)
            throw Error::usage("a rehearsal starts outside a transaction; this connection is in one", side_);
        run("BEGIN", nullptr);
        rehearsing_ = true;
        rehearsalTx_ = false;
        return;
    }
    if (!rehearsing_)
        return;
    rehearsing_ = rehearsalTx_ = false;
    // A connection that broke has lost the transaction with its session.
    if (conn_ && !isBad() && PQtransactionStatus(conn_) != PQTRANS_IDLE) {
        try {
            run("ROLLBACK", nullptr);
        } catch (...) {
            // Closing the connection rolls it back too.
        }
    }
}

void Connection::inStatementSavepoint(const std::function<void()> &fn)
{
    run("SAVEPOINT mimeo_rehearsal_statement", nullptr);
    try {
        fn();
    } catch (...) {
        if (!isBad()) {
            try {
                run("ROLLBACK TO SAVEPOINT mimeo_rehearsal_statement; RELEASE SAVEPOINT mimeo_rehearsal_statement", nullptr);
            } catch (...) {
                // The error that brought us here is the one to report.
            }
        }
        throw;
    }
    run("RELEASE SAVEPOINT mimeo_rehearsal_statement", nullptr);
}

Result Connection::runRehearsed(std::string_view sql, const Params *params)
{
    TransactionControl control = TransactionControl::None;
    try {
        control = transactionControl(sql);
    } catch (const std::invalid_argument &e) {
        throw Error::usage(e.what(), side_);
    }
    switch (control) {
    case TransactionControl::Begin:
        // Inside a transaction the server only warns and carries on.
        if (!rehearsalTx_) {
            run(kBegin, nullptr);
            rehearsalTx_ = true;
        }
        return Result();
    case TransactionControl::Commit:
        if (rehearsalTx_) {
            rehearsalTx_ = false;
            // COMMIT of a failed transaction rolls it back, without an error.
            run(PQtransactionStatus(conn_) == PQTRANS_INERROR ? kRollback : kCommit, nullptr);
        }
        return Result();
    case TransactionControl::Rollback:
        if (rehearsalTx_) {
            rehearsalTx_ = false;
            run(kRollback, nullptr);
        }
        return Result();
    case TransactionControl::Savepoint:
        if (!rehearsalTx_) {
            // What the server says outside a transaction block; inside the
            // rehearsal's own it would have worked.
            ErrorInfo i;
            i.side = side_;
            i.sqlstate = "25P01";
            i.message = "SAVEPOINT can only be used in transaction blocks";
            i.statement = std::string(sql);
            throw Error(i);
        }
        return run(sql, params);
    case TransactionControl::NotInTransactionBlock:
        // Recorded; it could not run inside the rehearsal's transaction.
        return Result();
    case TransactionControl::None:
        break;
    }
    if (rehearsalTx_)
        return run(sql, params);
    // Autocommit: its failure must not abort the rehearsal's transaction.
    Result out;
    inStatementSavepoint([&] { out = run(sql, params); });
    return out;
}

} // namespace mimeo::pg
