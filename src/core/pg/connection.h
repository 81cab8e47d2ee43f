// SPDX-License-Identifier: PostgreSQL
#pragma once
// RAII libpq connection. The only place (with copy_stream and cancel) that
// talks to libpq directly; everything else asks this.
#include "pg/conninfo.h"
#include "pg/result.h"
#include "pg/side.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;

namespace mimeo::pg {

class CancelHandle;
class CancelToken;
namespace detail {
struct CancelState;
}

// Text parameters for $1, $2, ...; std::nullopt is SQL NULL.
using Param = std::optional<std::string>;
using Params = std::vector<Param>;

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
    // True while inside a transaction block (BEGIN without COMMIT yet).
    bool inTransaction() const;
    bool isBad() const;

    // A handle another thread can use to cancel the statement running here.
    CancelHandle cancelHandle() const;

    // Lets token cancel what this connection runs (nullptr: stop watching).
    // Once it is requested, every statement but ROLLBACK throws 57014
    // without reaching the server.
    void watch(const CancelToken *token);
    // For ending a transaction: runs even when the watched token was requested.
    Result execCleanup(std::string_view sql);

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

    void unwatch();
    void throwIfCancelled() const;

    pg_conn *conn_ = nullptr;
    Side side_ = Side::Unknown;
    std::shared_ptr<detail::CancelState> cancel_;
    int cancelSlot_ = 0;
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
