// SPDX-License-Identifier: PostgreSQL
#include "pg/result.h"

#include <libpq-fe.h>

#include <charconv>
#include <stdexcept>

namespace mimeo::pg {

Result &Result::operator=(Result &&other) noexcept
{
    if (this != &other) {
        PQclear(res_);
        res_ = other.release();
    }
    return *this;
}

Result::~Result() { PQclear(res_); }

pg_result *Result::release() noexcept
{
    auto *r = res_;
    res_ = nullptr;
    return r;
}

int Result::rows() const { return res_ ? PQntuples(res_) : 0; }
int Result::columns() const { return res_ ? PQnfields(res_) : 0; }

int Result::column(std::string_view name) const
{
    // PQfnumber folds unquoted names; compare exactly instead.
    for (int c = 0; c < columns(); ++c) {
        if (name == PQfname(res_, c))
            return c;
    }
    throw std::out_of_range("result has no column " + std::string(name));
}

std::string Result::columnName(int col) const { return PQfname(res_, col); }

bool Result::isNull(int row, int col) const { return PQgetisnull(res_, row, col) != 0; }

std::string_view Result::value(int row, int col) const
{
    return std::string_view(PQgetvalue(res_, row, col), static_cast<size_t>(PQgetlength(res_, row, col)));
}

std::optional<std::string> Result::optText(int row, int col) const
{
    if (isNull(row, col))
        return std::nullopt;
    return text(row, col);
}

int64_t Result::toInt(int row, int col) const
{
    auto v = optInt(row, col);
    if (!v)
        throw std::runtime_error("unexpected NULL in column " + columnName(col));
    return *v;
}

namespace {

// A number as PostgreSQL writes it (from_chars: no locale), whole or nothing.
template <class T>
std::optional<T> parsed(const Result &r, int row, int col, const char *what)
{
    if (r.isNull(row, col))
        return std::nullopt;
    auto s = r.value(row, col);
    T v{};
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size())
        throw std::runtime_error(std::string("not ") + what + " in column " + r.columnName(col) + ": " + std::string(s));
    return v;
}

} // namespace

std::optional<int64_t> Result::optInt(int row, int col) const { return parsed<int64_t>(*this, row, col, "an integer"); }

std::optional<double> Result::optDouble(int row, int col) const { return parsed<double>(*this, row, col, "a number"); }

bool Result::toBool(int row, int col) const
{
    return value(row, col) == "t";
}

std::optional<bool> Result::optBool(int row, int col) const
{
    if (isNull(row, col))
        return std::nullopt;
    return toBool(row, col);
}

int64_t Result::affected() const
{
    if (!res_)
        return 0;
    const char *n = PQcmdTuples(res_);
    if (!n || !*n)
        return 0;
    return std::stoll(n);
}

} // namespace mimeo::pg
