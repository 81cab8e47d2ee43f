// SPDX-License-Identifier: PostgreSQL
#include "catalog/config_tables.h"

#include "catalog/config_row.h"
#include "catalog/job_rows.h"
#include "catalog/replication_identity.h"
#include "catalog/replication_types.h"
#include "pg/array.h"
#include "pg/connection.h"
#include "pg/quote.h"
#include "pg/savepoint.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace mimeo::catalog {

ConfigChangeError::ConfigChangeError(size_t index, pg::Error error)
    : std::runtime_error(error.describe())
    , index_(index)
    , error_(std::move(error))
{
}

namespace {

// Unknown types have none of the type-specific columns.
const ReplicationType *described(std::string_view type)
{
    const auto *t = findType(type);
    return t && t->isConcrete() ? t : nullptr;
}
bool isFamily(std::string_view type, TypeFamily f)
{
    const auto *t = described(type);
    return t && t->family == f;
}
bool isTime(std::string_view type)
{
    const auto *t = described(type);
    return t && t->control == ControlKind::Time;
}
bool isIncremental(std::string_view type) { return isFamily(type, TypeFamily::Incremental); }
bool isKeyed(std::string_view type)
{
    const auto *t = described(type);
    return t && t->keyed;
}

std::string sqlType(ColumnKind kind)
{
    switch (kind) {
    case ColumnKind::Text: return "text";
    case ColumnKind::Integer: return "integer";
    case ColumnKind::BigInt: return "bigint";
    case ColumnKind::Interval: return "interval";
    case ColumnKind::Timestamptz: return "timestamptz";
    case ColumnKind::Boolean: return "boolean";
    case ColumnKind::TextArray: return "text[]";
    }
    return "text";
}

std::string trimmed(std::string_view s)
{
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return std::string(s.substr(b, e - b));
}

std::string lowered(std::string s)
{
    for (auto &c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads [+-]?digits[.digits] at i; false when there is no number there.
bool readNumber(const std::string &s, size_t &i, bool allowSign = true)
{
    size_t j = i;
    if (allowSign && j < s.size() && (s[j] == '+' || s[j] == '-'))
        ++j;
    const size_t digitsStart = j;
    while (j < s.size() && isDigit(s[j]))
        ++j;
    bool digits = j > digitsStart;
    if (j < s.size() && s[j] == '.') {
        size_t k = j + 1;
        while (k < s.size() && isDigit(s[k]))
            ++k;
        digits = digits || k > j + 1;
        j = k;
    }
    if (!digits)
        return false;
    i = j;
    return true;
}

// PostgreSQL's interval unit words (its deltatktbl), mapped to the field
// they set; a field may be given only once.
std::string intervalUnit(const std::string &word)
{
    static const std::map<std::string, std::string> units = {
        {"microsecond", "microsecond"}, {"microseconds", "microsecond"}, {"microsecon", "microsecond"},
        {"us", "microsecond"}, {"usec", "microsecond"}, {"usecs", "microsecond"}, {"useconds", "microsecond"},
        {"millisecond", "millisecond"}, {"milliseconds", "millisecond"}, {"millisecon", "millisecond"},
        {"ms", "millisecond"}, {"msec", "millisecond"}, {"msecs", "millisecond"}, {"mseconds", "millisecond"},
        {"s", "second"}, {"sec", "second"}, {"secs", "second"}, {"second", "second"}, {"seconds", "second"},
        {"m", "minute"}, {"min", "minute"}, {"mins", "minute"}, {"minute", "minute"}, {"minutes", "minute"},
        {"h", "hour"}, {"hr", "hour"}, {"hrs", "hour"}, {"hour", "hour"}, {"hours", "hour"},
        {"d", "day"}, {"day", "day"}, {"days", "day"},
        {"w", "week"}, {"week", "week"}, {"weeks", "week"},
        {"mon", "month"}, {"mons", "month"}, {"month", "month"}, {"months", "month"},
        {"y", "year"}, {"yr", "year"}, {"yrs", "year"}, {"year", "year"}, {"years", "year"},
        {"dec", "decade"}, {"decs", "decade"}, {"decade", "decade"}, {"decades", "decade"},
        {"c", "century"}, {"cent", "century"}, {"century", "century"}, {"centuries", "century"},
        {"mil", "millennium"}, {"mils", "millennium"}, {"millennium", "millennium"}, {"millennia", "millennium"},
    };
    auto it = units.find(word);
    return it == units.end() ? std::string() : it->second;
}

bool fail(std::string *why, std::string message)
{
    if (why)
        *why = std::move(message);
    return false;
}

// P[nY][nM][nW][nD][T[nH][nM][nS]], numbers possibly signed or fractional.
bool isValidIsoInterval(const std::string &s, std::string *why)
{
    size_t i = 1;
    bool inTime = false;
    bool any = false;
    std::string dateOrder = "ymwd", timeOrder = "hms";
    size_t datePos = 0, timePos = 0;
    while (i < s.size()) {
        if (s[i] == 't' && !inTime) {
            inTime = true;
            ++i;
            continue;
        }
        if (!readNumber(s, i))
            return fail(why, "ISO 8601 interval: expected a number at \"" + s.substr(i) + "\"");
        if (i >= s.size())
            return fail(why, "ISO 8601 interval: a number without a designator (Y, M, W, D, H, M or S)");
        const char d = s[i++];
        const std::string &order = inTime ? timeOrder : dateOrder;
        size_t &pos = inTime ? timePos : datePos;
        const size_t at = order.find(d, pos);
        if (at == std::string::npos)
            return fail(why, std::string("ISO 8601 interval: unexpected designator \"") + char(std::toupper(d)) + "\"");
        pos = at + 1;
        any = true;
    }
    // The server reads a bare "PT" as zero, but not a bare "P".
    if (!any && !inTime)
        return fail(why, "ISO 8601 interval without any field (write for example P1D or PT2H)");
    return true;
}

} // namespace

bool isValidInterval(std::string_view text, std::string *why)
{
    const std::string s = lowered(trimmed(text));
    if (s.empty())
        return fail(why, "an interval cannot be empty");
    if (s[0] == 'p')
        return isValidIsoInterval(s, why);

    size_t i = s[0] == '@' ? 1 : 0;
    std::set<std::string> seen;
    bool any = false;
    // The server takes commas for blanks ("1 day, 2 hours").
    auto skipSpaces = [&] {
        while (i < s.size() && (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == ','))
            ++i;
    };
    auto mark = [&](const std::string &field) {
        if (!seen.insert(field).second)
            return fail(why, "the " + field + "s are given twice");
        return true;
    };
    for (skipSpaces(); i < s.size(); skipSpaces()) {
        // Trailing "ago" (the server takes it more than once, too).
        if (s.compare(i, 3, "ago") == 0 && any) {
            std::string rest = trimmed(std::string_view(s).substr(i + 3));
            while (rest.compare(0, 3, "ago") == 0)
                rest = trimmed(std::string_view(rest).substr(3));
            if (rest.empty())
                break;
        }
        const size_t start = i;
        size_t j = i;
        if (j < s.size() && (s[j] == '+' || s[j] == '-'))
            ++j;
        size_t k = j;
        while (k < s.size() && isDigit(s[k]))
            ++k;
        if (k > j && k < s.size() && s[k] == ':') {
            // hh:mm[:ss[.frac]]: sets hours, minutes and seconds at once.
            // "10:" is ten hours to the server.
            size_t m = k + 1, mStart = m;
            while (m < s.size() && isDigit(s[m]))
                ++m;
            if (m - mStart > 2)
                return fail(why, "malformed time \"" + s.substr(start, m - start) + "\"");
            if (m > mStart && std::stoi(s.substr(mStart, m - mStart)) > 59)
                return fail(why, "minutes out of range in \"" + s.substr(start, m - start) + "\"");
            if (m < s.size() && s[m] == ':') {
                size_t sec = m + 1, secStart = sec;
                while (sec < s.size() && isDigit(s[sec]))
                    ++sec;
                if (sec - secStart > 2)
                    return fail(why, "malformed time \"" + s.substr(start, sec - start) + "\"");
                if (sec > secStart && std::stoi(s.substr(secStart, sec - secStart)) > 59)
                    return fail(why, "seconds out of range in \"" + s.substr(start, sec - start) + "\"");
                if (sec < s.size() && s[sec] == '.') {
                    ++sec;
                    while (sec < s.size() && isDigit(s[sec]))
                        ++sec;
                }
                m = sec;
            }
            if (m < s.size() && !std::isspace(static_cast<unsigned char>(s[m])) && s[m] != ',')
                return fail(why, "unexpected \"" + s.substr(m) + "\" after a time");
            if (!mark("hour") || !mark("minute") || !mark("second"))
                return false;
            i = m;
            any = true;
            continue;
        }
        if (k > j && k < s.size() && s[k] == '-' && k + 1 < s.size() && isDigit(s[k + 1])) {
            // SQL standard year-month: 1-2 is one year two months.
            size_t m = k + 1;
            while (m < s.size() && isDigit(s[m]))
                ++m;
            if (m < s.size() && !std::isspace(static_cast<unsigned char>(s[m])))
                return fail(why, "unexpected \"" + s.substr(m) + "\" after a year-month value");
            if (!mark("year") || !mark("month"))
                return false;
            i = m;
            any = true;
            continue;
        }
        if (!readNumber(s, i)) {
            size_t w = i;
            while (w < s.size() && !std::isspace(static_cast<unsigned char>(s[w])))
                ++w;
            return fail(why, "expected a number, found \"" + s.substr(i, w - i) + "\"");
        }
        skipSpaces();
        size_t w = i;
        while (w < s.size() && isAlpha(s[w]))
            ++w;
        const std::string word = s.substr(i, w - i);
        if (word.empty() || word == "ago") {
            // A bare number counts as seconds, as the server reads it.
            if (!mark("second"))
                return false;
        } else {
            const std::string field = intervalUnit(word);
            if (field.empty())
                return fail(why, "unknown unit \"" + word + "\" (use for example minutes, hours, days)");
            if (!mark(field))
                return false;
            i = w;
        }
        if (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != ',')
            return fail(why, "unexpected \"" + s.substr(i) + "\"");
        any = true;
    }
    if (!any)
        return fail(why, "no interval given (write for example 10 minutes or 1 day)");
    return true;
}

std::vector<std::string> parseTextArray(std::string_view lit)
{
    std::vector<std::string> out;
    for (auto &item : pg::parseTextArray(lit)) {
        if (item)
            out.push_back(std::move(*item));
    }
    return out;
}

std::string formatTextArray(const std::vector<std::string> &items) { return pg::toTextArrayLiteral(items); }

const std::vector<std::string> &configTypes()
{
    static const std::vector<std::string> types = [] {
        std::vector<std::string> v;
        for (const auto &t : concreteTypes())
            v.emplace_back(t.name);
        return v;
    }();
    return types;
}

const std::vector<std::string> &configColumnNames()
{
    static const std::vector<std::string> names = {
        "dest_table", "type", "dblink", "source_table", "period", "last_run", "batch_limit", "condition",
        "filter", "jobmon", "control", "boundary", "last_value", "dst_active", "dst_start", "dst_end",
        "check_stats", "post_script", "truncate_cascade", "sequences", "insert_on_fetch", "pk_name", "pk_type"};
    return names;
}

std::optional<ColumnKind> configColumnKind(std::string_view c, std::string_view type)
{
    if (c == "dest_table" || c == "type" || c == "source_table" || c == "condition")
        return ColumnKind::Text;
    if (c == "dblink" || c == "batch_limit")
        return ColumnKind::Integer;
    if (c == "period")
        return ColumnKind::Interval;
    if (c == "last_run")
        return ColumnKind::Timestamptz;
    if (c == "filter")
        return ColumnKind::TextArray;
    if (c == "jobmon")
        return ColumnKind::Boolean;
    if (c == "control" && (isIncremental(type) || isFamily(type, TypeFamily::Queue)))
        return ColumnKind::Text;
    if (c == "boundary" && isIncremental(type))
        return isTime(type) ? ColumnKind::Interval : ColumnKind::Integer;
    if (c == "last_value" && isIncremental(type))
        return isTime(type) ? ColumnKind::Timestamptz : ColumnKind::BigInt;
    if (isTime(type)) {
        if (c == "dst_active")
            return ColumnKind::Boolean;
        if (c == "dst_start" || c == "dst_end")
            return ColumnKind::Integer;
    }
    if (isFamily(type, TypeFamily::Snapshot)) {
        if (c == "check_stats")
            return ColumnKind::Boolean;
        if (c == "post_script")
            return ColumnKind::TextArray;
    }
    if (isFamily(type, TypeFamily::Table)) {
        if (c == "truncate_cascade")
            return ColumnKind::Boolean;
        if (c == "sequences")
            return ColumnKind::TextArray;
    }
    if (isFamily(type, TypeFamily::Queue) && c == "insert_on_fetch")
        return ColumnKind::Boolean;
    if (isKeyed(type) && (c == "pk_name" || c == "pk_type"))
        return ColumnKind::TextArray;
    return std::nullopt;
}

bool configColumnNullable(std::string_view c)
{
    return c == "last_run" || c == "filter" || c == "condition" || c == "period" || c == "batch_limit"
        || c == "post_script" || c == "sequences";
}

bool configColumnReadOnly(std::string_view c, std::string_view type)
{
    return c == "dest_table" || c == "type" || isFixedColumn(c, type);
}

std::vector<ConfigRecord> readConfigRecords(pg::Connection &dest, const std::string &schema)
{
    const std::string qs = pg::quoteIdent(schema);
    pg::Transaction tx(dest, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Interval text depends on the session's style; read the form people
    // type and the server reads back ("1 day 02:00:00").
    dest.exec("SET LOCAL IntervalStyle = 'postgres'");
    std::vector<ConfigRecord> rows;
    for (const auto &type : configTypes()) {
        std::vector<std::string> cols;
        std::string select;
        for (const auto &c : configColumnNames()) {
            const auto kind = configColumnKind(c, type);
            if (!kind)
                continue;
            cols.push_back(c);
            select += select.empty() ? "" : ", ";
            if (*kind == ColumnKind::Timestamptz)
                select += "to_char(" + pg::quoteIdent(c)
                    + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')";
            else
                select += pg::quoteIdent(c) + "::text";
        }
        auto r = dest.exec("SELECT " + select + " FROM " + qs + "." + pg::quoteIdent(configTableFor(type)));
        for (int i = 0; i < r.rows(); ++i) {
            ConfigRecord row;
            row.table = configTableFor(type);
            row.type = type;
            for (size_t c = 0; c < cols.size(); ++c)
                row.values[cols[c]] = r.optText(i, static_cast<int>(c));
            row.destTable = row.values["dest_table"].value_or(std::string());
            rows.push_back(std::move(row));
        }
    }
    tx.commit();
    std::sort(rows.begin(), rows.end(), [](const ConfigRecord &a, const ConfigRecord &b) {
        return a.destTable != b.destTable ? a.destTable < b.destTable : a.type < b.type;
    });
    return rows;
}

std::optional<std::string> checkConfigValue(std::string_view column, std::string_view type,
                                            const std::optional<std::string> &text)
{
    const auto kind = configColumnKind(column, type);
    const std::string col(column);
    if (!kind)
        return "type " + std::string(type) + " has no column " + col;
    if (column == "dest_table" || column == "type")
        return col + " identifies the row and cannot be changed here";
    if (configColumnReadOnly(column, type))
        return col + " decides what a refresh reads and writes, so it cannot be changed in place (a refresh would refuse "
            "the row): destroy the replication and make it again";
    if (!text) {
        if (!configColumnNullable(column))
            return col + " cannot be empty";
        return std::nullopt;
    }
    const std::string v = trimmed(*text);
    switch (*kind) {
    case ColumnKind::Text:
        if (v.empty() && !configColumnNullable(column))
            return col + " cannot be empty";
        if (column == "source_table" && v.find('.') == std::string::npos)
            return "source_table must be schema-qualified (schema.table)";
        return std::nullopt;
    case ColumnKind::Integer:
    case ColumnKind::BigInt: {
        long long n = 0;
        const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (v.empty() || ec != std::errc() || p != v.data() + v.size())
            return col + " must be a whole number, not \"" + v + "\"";
        if (*kind == ColumnKind::Integer && (n < -2147483648LL || n > 2147483647LL))
            return col + " is out of range for an integer";
        if ((column == "batch_limit" || column == "dblink") && n < 1)
            return col + " must be at least 1";
        if (column == "boundary" && n < 0)
            return "boundary cannot be negative";
        if ((column == "dst_start" || column == "dst_end") && (n < 0 || n > 2359 || n % 100 > 59))
            return col + " is a time of day written HHMM (0 to 2359), not " + v;
        return std::nullopt;
    }
    case ColumnKind::Interval: {
        std::string why;
        if (!isValidInterval(v, &why))
            return col + ": \"" + v + "\" is not an interval: " + why;
        return std::nullopt;
    }
    case ColumnKind::Timestamptz: {
        // YYYY-MM-DD[ T]HH:MM[:SS[.frac]][Z|+HH[:MM]]; the server checks the rest.
        auto digits = [&](size_t at, size_t n) {
            if (at + n > v.size())
                return false;
            for (size_t k = at; k < at + n; ++k)
                if (!isDigit(v[k]))
                    return false;
            return true;
        };
        const bool ok = digits(0, 4) && v.size() >= 10 && v[4] == '-' && digits(5, 2) && v[7] == '-' && digits(8, 2)
            && (v.size() == 10 || ((v[10] == 'T' || v[10] == ' ') && digits(11, 2) && v.size() >= 16 && v[13] == ':'
                                   && digits(14, 2)));
        if (!ok)
            return col + " must be a date and time like 2024-05-01 13:45:00+00, not \"" + v + "\"";
        return std::nullopt;
    }
    case ColumnKind::Boolean: {
        const std::string b = lowered(v);
        if (b != "true" && b != "false" && b != "t" && b != "f")
            return col + " must be true or false";
        return std::nullopt;
    }
    case ColumnKind::TextArray:
        try {
            const auto items = parseTextArray(v);
            if (items.empty() && !configColumnNullable(column))
                return col + " needs at least one item";
        } catch (const std::invalid_argument &e) {
            return col + ": " + e.what();
        }
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<std::string> checkPeriod(pg::Connection &dest, const std::string &period)
{
    bool positive = false;
    auto read = [&] { positive = dest.exec("SELECT $1::interval > interval '0'", {period}).toBool(0, 0); };
    std::optional<pg::Error> refused;
    if (dest.inTransaction()) {
        refused = pg::attemptInSavepoint(dest, read);
    } else {
        try {
            read();
        } catch (const pg::Error &e) {
            refused = e;
        }
    }
    if (refused) {
        // Class 22 (data exception): the text is no interval. Anything else
        // (a lost connection) is not the value's fault.
        if (refused->sqlstate().rfind("22", 0) != 0)
            throw *refused;
        return "period: \"" + period + "\" is not an interval: " + refused->message();
    }
    if (!positive)
        return "period must be longer than zero, not \"" + period
            + "\" (a table with such a period is due on every run and late for ever; write for example 10 minutes "
              "or 1 day, or leave it empty for no schedule)";
    return std::nullopt;
}

void applyConfigChanges(pg::Connection &dest, const std::string &schema, const std::vector<ConfigChange> &changes)
{
    const std::string qs = pg::quoteIdent(schema);
    // Check everything before the first statement: a refused value must not
    // leave half a save behind, and needs no round trip to be explained.
    for (size_t i = 0; i < changes.size(); ++i) {
        const auto &ch = changes[i];
        try {
            configTableFor(ch.type);
        } catch (const pg::Error &e) {
            throw ConfigChangeError(i, e);
        }
        if (ch.values.empty())
            throw ConfigChangeError(i, pg::Error::usage("nothing to change for " + ch.destTable, pg::Side::Destination));
        for (const auto &[col, value] : ch.values) {
            if (auto why = checkConfigValue(col, ch.type, value))
                throw ConfigChangeError(i, pg::Error::usage(ch.destTable + ": " + *why, pg::Side::Destination));
            if (auto why = col == "period" && value ? checkPeriod(dest, *value) : std::nullopt)
                throw ConfigChangeError(i, pg::Error::usage(ch.destTable + ": " + *why, pg::Side::Destination));
        }
    }
    pg::Transaction tx(dest);
    // A running refresh holds its row FOR UPDATE for as long as it runs: a
    // save says so at once instead of waiting silently behind it.
    dest.exec("SET LOCAL lock_timeout = '2s'");
    for (size_t i = 0; i < changes.size(); ++i) {
        const auto &ch = changes[i];
        // post_script, sequences, truncate_cascade: recorded again under the
        // saving role, whose rights a refresh then never exceeds for them.
        // Only a row that still matches its record may be recorded again.
        const bool recordAgain = std::any_of(ch.values.begin(), ch.values.end(),
                                             [&](const auto &v) { return isRecordedColumn(v.first, ch.type); });
        if (recordAgain) {
            try {
                verifyIdentity(dest, schema, requireConfig(dest, schema, ch.destTable));
            } catch (const pg::Error &e) {
                throw ConfigChangeError(i, e);
            }
        }
        std::string set;
        pg::Params params{ch.destTable};
        for (const auto &[col, value] : ch.values) {
            params.push_back(value);
            set += (set.empty() ? "" : ", ") + pg::quoteIdent(col) + " = $" + std::to_string(params.size())
                + "::" + sqlType(*configColumnKind(col, ch.type));
        }
        try {
            auto r = dest.exec("UPDATE " + qs + "." + pg::quoteIdent(configTableFor(ch.type)) + " SET " + set
                                   + " WHERE dest_table = $1",
                               params);
            if (r.affected() == 0)
                throw pg::Error::usage(ch.destTable + " is no longer configured as " + ch.type
                                           + " (removed or changed meanwhile); reload",
                                       pg::Side::Destination);
            if (recordAgain)
                recordIdentity(dest, schema, ch.destTable);
        } catch (const pg::Error &e) {
            if (e.sqlstate() != "55P03")
                throw ConfigChangeError(i, e);
            tx.rollback();
            throw ConfigChangeError(i, pg::Error::usage(ch.destTable + " is being refreshed: "
                                                            + describeLockHolder(dest, schema, ch.destTable)
                                                            + "; nothing was saved, try again when it finishes",
                                                        pg::Side::Destination));
        }
    }
    tx.commit();
}

} // namespace mimeo::catalog
