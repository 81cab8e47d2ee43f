// SPDX-License-Identifier: PostgreSQL
#include "pg/connection.h"

#include "pg/cancel.h"
#include "pg/error.h"
#include "pg/quote.h"
#include "pg/redact.h"
#include "pg/statement_log.h"

#include <libpq-fe.h>
#include <poll.h>

#include <cstdlib>
#include <sys/stat.h>

namespace mimeo::pg {
namespace {

// libpq's notices (e.g. NOTICE: ... will create implicit index) are not
// errors; keep them off stderr unless the caller asks for them elsewhere.
void quietNotices(void *, const PGresult *) {}

// libpq ignores a password file others can read and says so only on stderr,
// which a desktop application never shows. When a connection then fails for
// want of a password, name the file and the fix in the error itself.
std::string pgpassHint()
{
    std::string path;
    if (const char *f = std::getenv("PGPASSFILE"); f && *f)
        path = f;
    else if (const char *home = std::getenv("HOME"); home && *home)
        path = std::string(home) + "/.pgpass";
    struct stat st {};
    if (path.empty() || stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return {};
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) == 0)
        return {};
    return "the password file " + path + " was ignored because others can read it; run: chmod 0600 " + path;
}

} // namespace

Connection Connection::open(const ConnectSpec &spec)
{
    // Validate and inspect the conninfo first so a syntax error is reported
    // as such, not as a failure to reach a server.
    ConnOptions given;
    try {
        given = parseConninfo(spec.conninfo);
    } catch (const std::invalid_argument &e) {
        throw Error::usage(e.what(), spec.side);
    }

    std::vector<std::string> keys;
    std::vector<std::string> values;
    // The conninfo goes first as an expandable dbname, so everything after it
    // overrides what it says (libpq processes keywords in order).
    keys.emplace_back("dbname");
    values.push_back(spec.conninfo);
    for (const auto &[k, v] : spec.overrides) {
        keys.push_back(k);
        values.push_back(v);
        if (k == "password")
            rememberSecret(v);
    }
    if (auto pw = findOption(given, "password"))
        rememberSecret(*pw);
    keys.emplace_back("application_name");
    values.push_back(clipIdentifier(spec.applicationName));
    const bool timeoutGiven = findOption(given, "connect_timeout").has_value()
        || findOption(spec.overrides, "connect_timeout").has_value() || std::getenv("PGCONNECT_TIMEOUT");
    if (!timeoutGiven && spec.defaultConnectTimeoutSeconds > 0) {
        keys.emplace_back("connect_timeout");
        values.push_back(std::to_string(spec.defaultConnectTimeoutSeconds));
    }

    std::vector<const char *> kp;
    std::vector<const char *> vp;
    for (size_t i = 0; i < keys.size(); ++i) {
        kp.push_back(keys[i].c_str());
        vp.push_back(values[i].c_str());
    }
    kp.push_back(nullptr);
    vp.push_back(nullptr);

    PGconn *conn = PQconnectdbParams(kp.data(), vp.data(), 1);
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        Error err = Error::fromConnection(conn, spec.side, {}, "08001");
        PQfinish(conn);
        if (err.passwordNeeded()) {
            if (std::string hint = pgpassHint(); !hint.empty()) {
                ErrorInfo info = err.info();
                info.hint = hint;
                throw Error(info);
            }
        }
        throw err;
    }
    PQsetNoticeReceiver(conn, quietNotices, nullptr);
    if (const char *pw = PQpass(conn); pw && *pw)
        rememberSecret(pw); // found in .pgpass or PGPASSWORD
    return Connection(conn, spec.side);
}

Connection::Connection(Connection &&other) noexcept
    : conn_(other.conn_)
    , side_(other.side_)
    , cancel_(std::move(other.cancel_))
    , cancelSlot_(other.cancelSlot_)
    , log_(other.log_)
    , rehearsing_(other.rehearsing_)
    , rehearsalTx_(other.rehearsalTx_)
{
    other.conn_ = nullptr;
    other.cancelSlot_ = 0;
    other.log_ = nullptr;
    other.rehearsing_ = other.rehearsalTx_ = false;
}

Connection &Connection::operator=(Connection &&other) noexcept
{
    if (this != &other) {
        rehearse(false);
        unwatch();
        PQfinish(conn_);
        conn_ = other.conn_;
        side_ = other.side_;
        cancel_ = std::move(other.cancel_);
        cancelSlot_ = other.cancelSlot_;
        log_ = other.log_;
        rehearsing_ = other.rehearsing_;
        rehearsalTx_ = other.rehearsalTx_;
        other.conn_ = nullptr;
        other.cancelSlot_ = 0;
        other.log_ = nullptr;
        other.rehearsing_ = other.rehearsalTx_ = false;
    }
    return *this;
}

Connection::~Connection()
{
    rehearse(false); // rolls a rehearsal back before the connection goes
    unwatch();
    PQfinish(conn_);
}

void Connection::watch(const CancelToken *token)
{
    unwatch();
    if (!token || !conn_)
        return;
    cancel_ = token->state();
    std::lock_guard lock(cancel_->mutex);
    cancelSlot_ = cancel_->nextSlot++;
    cancel_->handles.emplace(cancelSlot_, cancelHandle());
}

void Connection::unwatch()
{
    if (!cancel_)
        return;
    {
        std::lock_guard lock(cancel_->mutex);
        cancel_->handles.erase(cancelSlot_);
    }
    cancel_.reset();
    cancelSlot_ = 0;
}

void Connection::throwIfCancelled() const
{
    if (cancel_ && cancel_->requested.load(std::memory_order_acquire)) {
        ErrorInfo i;
        i.side = side_;
        i.sqlstate = "57014";
        i.message = "canceling statement due to user request";
        throw Error(i);
    }
}

bool Connection::waitForNotification(int timeoutMs)
{
    auto drain = [this] {
        bool any = false;
        while (PGnotify *n = PQnotifies(conn_)) {
            any = true;
            PQfreemem(n);
        }
        return any;
    };
    if (drain())
        return true;
    pollfd fd{PQsocket(conn_), POLLIN, 0};
    if (fd.fd < 0)
        throw Error::fromConnection(conn_, side_, "LISTEN");
    if (poll(&fd, 1, timeoutMs) <= 0)
        return false;
    if (!PQconsumeInput(conn_))
        throw Error::fromConnection(conn_, side_, "LISTEN");
    return drain();
}

Result Connection::execCleanup(std::string_view sql)
{
    if (log_ || rehearsing_) [[unlikely]]
        return runObserved(sql, nullptr);
    return run(sql, nullptr);
}

Result Connection::execCleanup(std::string_view sql, const Params &params)
{
    if (log_ || rehearsing_) [[unlikely]]
        return runObserved(sql, &params);
    return run(sql, &params);
}

Result Connection::execUnobserved(std::string_view sql) { return run(sql, nullptr); }

Result Connection::startCopy(std::string_view sql)
{
    note(sql, nullptr);
    return Result(PQexec(conn_, std::string(sql).c_str()));
}

void Connection::note(std::string_view sql, const Params *params)
{
    if (!log_)
        return;
    LoggedStatement statement{side_, redact(sql), {}};
    if (params) {
        statement.params.reserve(params->size());
        for (const auto &p : *params)
            statement.params.push_back(p ? Param(redact(*p)) : Param());
    }
    log_->append(std::move(statement));
}

Result Connection::runObserved(std::string_view sql, const Params *params)
{
    note(sql, params);
    return rehearsing_ ? runRehearsed(sql, params) : run(sql, params);
}

Result Connection::run(std::string_view sql, const Params *params)
{
    const std::string text(sql);
    if (!params)
        return check(PQexec(conn_, text.c_str()), sql);
    std::vector<const char *> values;
    values.reserve(params->size());
    for (const auto &p : *params)
        values.push_back(p ? p->c_str() : nullptr);
    return check(PQexecParams(conn_, text.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                              nullptr, 0),
                 sql);
}

Result Connection::check(PGresult *res, std::string_view sql)
{
    Result r(res);
    const auto status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY)
        return r;
    throw Error::fromResult(res, conn_, side_, sql);
}

Result Connection::exec(std::string_view sql)
{
    throwIfCancelled();
    if (log_ || rehearsing_) [[unlikely]]
        return runObserved(sql, nullptr);
    return run(sql, nullptr);
}

Result Connection::exec(std::string_view sql, const Params &params)
{
    throwIfCancelled();
    if (log_ || rehearsing_) [[unlikely]]
        return runObserved(sql, &params);
    return run(sql, &params);
}

std::vector<Connection::ResultColumn> Connection::describeResult(std::string_view sql)
{
    if (rehearsing_ && !rehearsalTx_) [[unlikely]] {
        // A statement the server refuses would abort the rehearsal's transaction.
        std::vector<ResultColumn> out;
        inStatementSavepoint([&] { out = describePlain(sql); });
        return out;
    }
    return describePlain(sql);
}

std::vector<Connection::ResultColumn> Connection::describePlain(std::string_view sql)
{
    const std::string text(sql);
    check(PQprepare(conn_, "", text.c_str(), 0, nullptr), sql);
    Result described = check(PQdescribePrepared(conn_, ""), sql);
    std::vector<ResultColumn> out;
    for (int i = 0; i < PQnfields(described.get()); ++i)
        out.push_back({static_cast<uint32_t>(PQftype(described.get(), i)), PQfmod(described.get(), i)});
    return out;
}

int Connection::serverVersion() const { return PQserverVersion(conn_); }

bool Connection::inTransaction() const
{
    if (rehearsing_)
        return rehearsalTx_;
    const auto s = PQtransactionStatus(conn_);
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

bool Connection::isBad() const { return !conn_ || PQstatus(conn_) == CONNECTION_BAD; }

CancelHandle Connection::cancelHandle() const { return CancelHandle(conn_, side_); }

std::string Connection::describe() const
{
    if (!conn_)
        return "(not connected)";
    std::string out = PQuser(conn_);
    out += "@";
    const char *host = PQhost(conn_);
    out += (host && *host) ? host : "localhost";
    out += ":";
    out += PQport(conn_);
    out += "/";
    out += PQdb(conn_);
    return out;
}

Transaction::Transaction(Connection &conn, std::string_view begin)
    : conn_(conn)
{
    conn_.exec(begin);
}

Transaction::~Transaction()
{
    if (open_ && !conn_.isBad()) {
        try {
            conn_.execCleanup("ROLLBACK");
        } catch (...) {
            // Destructors must not throw; the connection is gone or aborted anyway.
        }
    }
}

void Transaction::commit()
{
    open_ = false;
    conn_.exec("COMMIT");
}

void Transaction::rollback()
{
    open_ = false;
    conn_.execCleanup("ROLLBACK");
}

} // namespace mimeo::pg
