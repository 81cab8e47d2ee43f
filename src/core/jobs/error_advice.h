// SPDX-License-Identifier: PostgreSQL
#pragma once
// What to do about a failed job, for the common failures: one sentence a
// DBA can act on, from the error's SQLSTATE, side and text. The job log
// keeps the error; the history view and `mimeo log` show the advice.
#include <optional>
#include <string>

namespace mimeo::jobs {

std::optional<std::string> suggestFix(const std::string &sqlstate, const std::string &side, const std::string &message);

} // namespace mimeo::jobs
