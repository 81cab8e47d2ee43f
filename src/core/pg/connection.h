// SPDX-License-Identifier: PostgreSQL
#pragma once
// RAII libpq connection. The only place (with copy_stream and cancel) that
// talks to libpq directly; everything else asks this.
#include "pg/conninfo.h"
#include "pg/params.h"
#include "pg/result.h"
#include "pg/side.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;

namespace mimeo::pg {

class CancelHandle;
class CancelToken;
class StatementLog;
namespace detail {
struct CancelState;
}

struct ConnectSpec {
    // Conninfo string or URI; empty means libpq's defaults (PG* variables,
    // PGSERVICE, ~/.pgpass, ...), exactly as psql with no arguments.
    std::string conninfo;
    // Options that win over the conninfo (user, password from a keychain, ...).
    ConnOptions overrides;
    // What the connection is doing, visible in pg_stat_activity
    // (for example "mimeo:refresh:public.orders"). Clipped to 63 bytes.
    std::string applicationName = "mimeo";
    Side side = Side::Unknown;
    // Used unless the conninfo or PGCONNECT_TIMEOUT sets one: an unreachable
    // host should fail in seconds, not after the kernel's TCP timeout.
    int defaultConnectTimeoutSeconds = 10;
};

class Connection {
public:
    // Connects or throws Error (SQLSTATE 08001 for connection failures).
    static Connection open(const ConnectSpec &spec);

    Connection() = default;
    Connection(Connection &&other) noexcept;
    Connection &operator=(Connection &&other) noexcept;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    ~Connection();

    bool isOpen() const noexcept { return conn_ != nullptr; }
    Side side() const noexcept { return side_; }

    // Runs one or more statements; throws Error on failure.
    Result exec(std::string_view sql);
    // Runs one statement with parameters; throws Error on failure.
    Result exec(std::string_view sql, const Params &params);

    // The result columns a statement would have (type OID and typmod of
    // each), found by preparing it as the unnamed statement and describing
    // it: the server parses and analyses the statement but never plans or
    // runs it. Throws Error when the server refuses it.
    struct ResultColumn {
        uint32_t type = 0;
        int typmod = -1;
    };
    std::vector<ResultColumn> describeResult(std::string_view sql);

    // PQserverVersion: 150004 for 15.4.
    int serverVersion() const;
    int serverMajor() const { return serverVersion() / 10000; }
    // True while inside a transaction block (BEGIN without COMMIT yet); in a
    // rehearsal, inside the code's own.
    bool inTransaction() const;
    bool isBad() const;

    // A handle another thread can use to cancel the statement running here.
    CancelHandle cancelHandle() const;

    // Lets token cancel what this connection runs (nullptr: stop watching).
    // Once it is requested, every statement but ROLLBACK throws 57014
    // without reaching the server.
    void watch(const CancelToken *token);
    // For ending a transaction or releasing a lock: runs even when the
    // watched token was requested.
    Result execCleanup(std::string_view sql);
    Result execCleanup(std::string_view sql, const Params &params);

    // Appends every statement run here (exec, execCleanup, the COPY
    // statements of streamCopy) to log, with this connection's side, before
    // it runs; nullptr stops. Statements a rehearsal adds of its own (its
    // savepoints) are not in it: the log holds what the code asked for.
    // Nothing is recorded while log is nullptr, at the cost of one pointer test.
    void record(StatementLog *log) noexcept { log_ = log; }
    StatementLog *recordingTo() const noexcept { return log_; }

    // A rehearsal runs the code's statements for real inside one transaction
    // of its own that is rolled back at its end (rehearse(false), or when the
    // connection closes), so nothing it did remains. The code's transaction
    // control runs as savepoints inside it: BEGIN [ISOLATION ...] and START
    // TRANSACTION as SAVEPOINT, COMMIT and END as RELEASE SAVEPOINT, ROLLBACK
    // and ABORT as ROLLBACK TO SAVEPOINT and RELEASE; inTransaction() says
    // what the code would see. A statement outside the code's transaction
    // runs inside a savepoint of its own, so its failure spoils nothing that
    // follows, as with autocommit. A statement that cannot run in a
    // transaction block (VACUUM, ... CONCURRENTLY) is recorded and skipped.
    // streamCopy starts both COPY statements and moves no row.
    // What differs from the real run: locks are held, and settings made with
    // SET LOCAL stay, until the rehearsal ends; isolation levels and READ
    // ONLY of the code's BEGIN are not applied; sequences keep the values
    // they handed out. Throws Error when on is true while a transaction is
    // open; rehearse(false) never throws.
    void rehearse(bool on);
    bool rehearsing() const noexcept { return rehearsing_; }

    // Sends a COPY statement and returns libpq's result, whatever its status
    // (for streamCopy): recorded like every statement, not cancel-checked.
    Result startCopy(std::string_view sql);
    // Runs sql unrecorded and untranslated (a rehearsal's own savepoints);
    // throws Error on failure.
    Result execUnobserved(std::string_view sql);

    // After LISTEN: waits up to timeoutMs for notifications; true when at
    // least one arrived (all that arrived are consumed). Throws when the
    // connection is lost.
    bool waitForNotification(int timeoutMs);

    // user@host:port/dbname, for messages. Never includes a password.
    std::string describe() const;

    pg_conn *raw() const noexcept { return conn_; }

private:
    explicit Connection(pg_conn *conn, Side side) : conn_(conn), side_(side) {}
    Result check(pg_result *res, std::string_view sql);
    Result run(std::string_view sql, const Params *params);
    Result runObserved(std::string_view sql, const Params *params);
    Result runRehearsed(std::string_view sql, const Params *params);
    void note(std::string_view sql, const Params *params);
    void inStatementSavepoint(const std::function<void()> &fn);
    std::vector<ResultColumn> describePlain(std::string_view sql);

    void unwatch();
    void throwIfCancelled() const;

    pg_conn *conn_ = nullptr;
    Side side_ = Side::Unknown;
    std::shared_ptr<detail::CancelState> cancel_;
    int cancelSlot_ = 0;
    StatementLog *log_ = nullptr;
    bool rehearsing_ = false;
    bool rehearsalTx_ = false; // the code's own transaction, a savepoint inside the rehearsal's
};

// BEGIN on construction, ROLLBACK on destruction unless commit() was called.
class Transaction {
public:
    explicit Transaction(Connection &conn, std::string_view begin = "BEGIN");
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();
    void commit();
    void rollback();

private:
    Connection &conn_;
    bool open_ = true;
};

} // namespace mimeo::pg
