// SPDX-License-Identifier: PostgreSQL
#include "pg/error.h"

#include "pg/redact.h"

#include <libpq-fe.h>

namespace mimeo::pg {
namespace {

std::string field(const PGresult *res, int code)
{
    const char *v = res ? PQresultErrorField(res, code) : nullptr;
    return v ? std::string(v) : std::string();
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

std::string headline(const ErrorInfo &i)
{
    std::string text;
    if (i.side != Side::Unknown) {
        text += sideName(i.side);
        text += ": ";
    }
    if (!i.sqlstate.empty())
        text += "[" + i.sqlstate + "] ";
    text += i.message;
    return text;
}

ErrorInfo redacted(ErrorInfo i)
{
    i.message = redact(i.message);
    i.detail = redact(i.detail);
    i.hint = redact(i.hint);
    i.context = redact(i.context);
    i.statement = redact(i.statement);
    return i;
}

} // namespace

Error::Error(ErrorInfo info)
    : std::runtime_error(headline(redacted(info)))
    , info_(redacted(std::move(info)))
{
}

Error Error::fromResult(const PGresult *res, const PGconn *conn, Side side, std::string_view statement)
{
    ErrorInfo i;
    i.side = side;
    i.sqlstate = field(res, PG_DIAG_SQLSTATE);
    i.message = field(res, PG_DIAG_MESSAGE_PRIMARY);
    i.detail = field(res, PG_DIAG_MESSAGE_DETAIL);
    i.hint = field(res, PG_DIAG_MESSAGE_HINT);
    i.context = field(res, PG_DIAG_CONTEXT);
    i.statement = std::string(statement);
    if (i.message.empty()) {
        // Client-side failures (lost connection, protocol) carry no fields.
        const char *m = res ? PQresultErrorMessage(res) : nullptr;
        if ((!m || !*m) && conn)
            m = PQerrorMessage(conn);
        i.message = trimmed(m ? m : "unknown error");
        if (i.sqlstate.empty() && conn && PQstatus(conn) == CONNECTION_BAD)
            i.sqlstate = "08006";
    }
    return Error(std::move(i));
}

Error Error::fromConnection(const PGconn *conn, Side side, std::string_view statement, std::string_view sqlstate)
{
    ErrorInfo i;
    i.side = side;
    i.sqlstate = std::string(sqlstate);
    i.message = trimmed(conn ? PQerrorMessage(conn) : "out of memory creating a connection");
    if (i.message.empty())
        i.message = "connection failed";
    i.statement = std::string(statement);
    i.passwordNeeded = conn && PQconnectionNeedsPassword(conn);
    return Error(std::move(i));
}

Error Error::usage(std::string message, Side side, std::string hint)
{
    ErrorInfo i;
    i.side = side;
    i.message = std::move(message);
    i.hint = std::move(hint);
    return Error(std::move(i));
}

std::string Error::describe(bool withStatement) const
{
    std::string text = what();
    if (!info_.detail.empty())
        text += "\nDETAIL: " + info_.detail;
    if (!info_.hint.empty())
        text += "\nHINT: " + info_.hint;
    if (withStatement && !info_.statement.empty())
        text += "\nSTATEMENT: " + info_.statement;
    return text;
}

} // namespace mimeo::pg
