// SPDX-License-Identifier: PostgreSQL
#pragma once
// The one error type of the engine: which side failed, the SQLSTATE, the
// server's message/detail/hint/context and the statement that failed. Every
// text field is passed through redact(), so an Error can be printed, logged
// or stored in the job log as it is.
#include "pg/side.h"

#include <stdexcept>
#include <string>

struct pg_conn;
struct pg_result;

namespace mimeo::pg {

struct ErrorInfo {
    Side side = Side::Unknown;
    std::string sqlstate;   // five characters, empty when not from the server
    std::string message;    // primary message
    std::string detail;
    std::string hint;
    std::string context;
    std::string statement;  // what we sent, redacted
    // A connection attempt failed because the server wants a password and
    // libpq had none (PQconnectionNeedsPassword).
    bool passwordNeeded = false;
};

class Error : public std::runtime_error {
public:
    explicit Error(ErrorInfo info);
    // Builds an error from a failed result (falls back to the connection's message).
    static Error fromResult(const pg_result *res, const pg_conn *conn, Side side, std::string_view statement);
    // Builds an error from a connection-level failure (connect, lost connection, COPY protocol).
    static Error fromConnection(const pg_conn *conn, Side side, std::string_view statement,
                                std::string_view sqlstate = "08006");
    // An error of ours (bad input, missing object) that is not from the server.
    static Error usage(std::string message, Side side = Side::Unknown, std::string hint = {});

    const ErrorInfo &info() const noexcept { return info_; }
    Side side() const noexcept { return info_.side; }
    const std::string &sqlstate() const noexcept { return info_.sqlstate; }
    const std::string &message() const noexcept { return info_.message; }
    const std::string &detail() const noexcept { return info_.detail; }
    const std::string &hint() const noexcept { return info_.hint; }
    const std::string &statement() const noexcept { return info_.statement; }
    bool passwordNeeded() const noexcept { return info_.passwordNeeded; }

    // "destination: ERROR 42P01: relation ... does not exist" plus detail and hint lines.
    std::string describe(bool withStatement = false) const;

private:
    ErrorInfo info_;
};

} // namespace mimeo::pg
