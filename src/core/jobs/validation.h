// SPDX-License-Identifier: PostgreSQL
#pragma once
// The last validation of each table (issue 17): what `mimeo check rowcount`,
// `mimeo check data` (and its re-check after --repair) or the desktop's
// Validate found, one row per table in <schema>.studio_validation, replaced
// by the next check. Plain records here, so the health read (jobs/) can show
// them; turning a check's report into one lives in checks/validation_record.h.
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
class Result;
} // namespace mimeo::pg

namespace mimeo::jobs {

// At most this many differing keys are kept with a validation; the counts
// (missing, extra, different) hold the totals.
inline constexpr int kMaxValidationKeys = 100;

struct ValidationKey {
    std::string kind; // "missing" (on the destination), "extra" (on the destination), "different"
    std::string key;  // the key as a row literal, e.g. (42)
};

struct Validation {
    std::string destTable;
    std::string checkedAt; // ISO 8601 UTC with milliseconds (set by the server when recorded)
    std::string checkedBy;
    std::string kind;      // "rowcount" or "data"
    std::string outcome;   // "validated", "mismatched" or "error"
    std::optional<long long> sourceRows;
    std::optional<long long> destRows;
    std::optional<long long> missing;
    std::optional<long long> extra;
    std::optional<long long> different;
    std::vector<ValidationKey> keys; // the first kMaxValidationKeys differing keys
    std::string message;             // the error, or a note for people

    long long differing() const { return missing.value_or(0) + extra.value_or(0) + different.value_or(0); }
};

// Replaces the table's last validation (checked_at and checked_by from the
// server) and tells monitors, as the job log does (catalog::jobChannel).
void saveValidation(pg::Connection &dest, const std::string &schema, const Validation &v);

// The last validation of every table that has one, by table name.
std::vector<Validation> readValidations(pg::Connection &dest, const std::string &schema);
std::optional<Validation> readValidation(pg::Connection &dest, const std::string &schema, const std::string &destTable);

// For readers that join studio_validation themselves (jobs/health.cpp): the
// select list for alias v (kValidationColumns columns; v.dest_table NULL
// when the table has none) and the record from result row i at column first.
inline constexpr int kValidationColumns = 13;
std::string validationSelectSql(const std::string &alias);
std::optional<Validation> validationFromRow(const pg::Result &r, int row, int first);

} // namespace mimeo::jobs
