// SPDX-License-Identifier: PostgreSQL
#pragma once
// RAII owner of a PGresult with typed accessors.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct pg_result;

namespace mimeo::pg {

class Result {
public:
    Result() = default;
    explicit Result(pg_result *res) noexcept : res_(res) {}
    Result(Result &&other) noexcept : res_(other.release()) {}
    Result &operator=(Result &&other) noexcept;
    Result(const Result &) = delete;
    Result &operator=(const Result &) = delete;
    ~Result();

    int rows() const;
    int columns() const;
    int column(std::string_view name) const; // throws std::out_of_range when absent
    std::string columnName(int col) const;

    bool isNull(int row, int col) const;
    std::string_view value(int row, int col) const; // "" for NULL
    std::string text(int row, int col) const { return std::string(value(row, col)); }
    std::optional<std::string> optText(int row, int col) const;
    int64_t toInt(int row, int col) const;           // throws on NULL or non-number
    std::optional<int64_t> optInt(int row, int col) const;
    // A float8 or numeric (seconds of an interval, say): read as PostgreSQL
    // writes it whatever the process's locale (std::stod would stop at the
    // '.' under a locale with a decimal comma, as a Qt program sets from the
    // user's). Throws on a non-number.
    std::optional<double> optDouble(int row, int col) const;
    bool toBool(int row, int col) const;             // 't'/'f'
    std::optional<bool> optBool(int row, int col) const;

    // Rows affected, from the command tag ("INSERT 0 5" -> 5); 0 when none.
    int64_t affected() const;

    pg_result *get() const noexcept { return res_; }
    pg_result *release() noexcept;

private:
    pg_result *res_ = nullptr;
};

} // namespace mimeo::pg
