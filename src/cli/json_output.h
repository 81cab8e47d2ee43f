// SPDX-License-Identifier: PostgreSQL
#pragma once
// What every --json output shares: the option itself, NULL-aware values, and
// printing one indented array.
#include "jobs/lag.h"

#include <QCommandLineOption>
#include <QJsonArray>
#include <QJsonValue>

#include <iosfwd>
#include <optional>
#include <string>

namespace mimeo::cli {

const QCommandLineOption &jsonOption();
QJsonValue jsonValue(const std::optional<std::string> &v);
QJsonValue jsonValue(const std::optional<long long> &v);
QJsonValue jsonValue(const std::optional<double> &v);
// A lag measure (jobs/lag.h) as `mimeo lag --json` and `mimeo status --json` print it; null when none.
QJsonValue jsonValue(const std::optional<jobs::LagMeasure> &lag);
void printJson(std::ostream &out, const QJsonArray &array);

} // namespace mimeo::cli
