// SPDX-License-Identifier: PostgreSQL
#pragma once
// What a statement does, told from its text (pg/sql_lexer.h): whether it
// only reads, sets something for the session or transaction, controls the
// transaction, or changes something that stays; and, for a rehearsal, which
// transaction control it is.
#include <string_view>

namespace mimeo::pg {

enum class StatementEffect {
    Read,        // SELECT, SHOW, EXPLAIN (without ANALYZE), COPY ... TO, VALUES, TABLE, FETCH
    Session,     // SET, RESET, LOCK, LISTEN, SELECT set_config() or advisory locks: gone with the session or transaction
    Transaction, // BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, SAVEPOINT, RELEASE
    Change,      // everything else: DDL, DML, COPY ... FROM, ANALYZE, NOTIFY, SELECT nextval()/setval(), DO, CALL
};

// Of a string with several statements, the strongest of theirs (Change,
// then Transaction, then Session, then Read). Unknown statements count as
// changes: a preview that shows too much is safer than one that hides a
// change. A SELECT that calls a function of its own with side effects is
// seen as a read; none of ours does.
StatementEffect statementEffect(std::string_view sql);

// How a rehearsal (Connection::rehearse) has to treat a statement.
enum class TransactionControl {
    None,                  // runs as it is
    Begin,                 // BEGIN [ISOLATION ...], START TRANSACTION
    Commit,                // COMMIT, END
    Rollback,              // ROLLBACK, ABORT (not ROLLBACK TO)
    Savepoint,             // SAVEPOINT, RELEASE, ROLLBACK TO: the code's own, inside its transaction
    NotInTransactionBlock, // VACUUM, CREATE/DROP INDEX CONCURRENTLY, CREATE DATABASE, ...: cannot run in one
};

// Throws std::invalid_argument for what a rehearsal cannot imitate: a string
// that mixes BEGIN/COMMIT/ROLLBACK (or a statement that cannot run in a
// transaction block) with other statements, COMMIT AND CHAIN, two-phase
// commit.
TransactionControl transactionControl(std::string_view sql);

} // namespace mimeo::pg
