// SPDX-License-Identifier: PostgreSQL
#include "json_output.h"

#include "jobs/lag.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>

namespace mimeo::cli {

const QCommandLineOption &jsonOption()
{
    static const QCommandLineOption o(QStringLiteral("json"), QStringLiteral("Print one JSON array."));
    return o;
}

QJsonValue jsonValue(const std::optional<std::string> &v)
{
    return v ? QJsonValue(QString::fromStdString(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonValue jsonValue(const std::optional<long long> &v)
{
    return v ? QJsonValue(static_cast<qint64>(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonValue jsonValue(const std::optional<double> &v) { return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null); }

QJsonValue jsonValue(const std::optional<jobs::LagMeasure> &lag)
{
    if (!lag)
        return QJsonValue(QJsonValue::Null);
    const auto amount = lag->amount ? std::optional<long long>(*lag->amount) : std::nullopt;
    return QJsonObject{{QStringLiteral("dest_table"), QString::fromStdString(lag->destTable)},
                       {QStringLiteral("measure"), QString::fromStdString(jobs::lagKindName(lag->kind))},
                       {QStringLiteral("amount"), jsonValue(amount)},
                       {QStringLiteral("behind"), jsonValue(lag->behind)},
                       {QStringLiteral("behind_seconds"), jsonValue(lag->behindSeconds)},
                       {QStringLiteral("estimated"), lag->estimated},
                       {QStringLiteral("figure"), QString::fromStdString(jobs::describeLag(*lag))},
                       {QStringLiteral("message"), jsonValue(lag->message)},
                       {QStringLiteral("measured_at"), QString::fromStdString(lag->measuredAt)},
                       {QStringLiteral("measured_by"), QString::fromStdString(lag->measuredBy)}};
}

void printJson(std::ostream &out, const QJsonArray &array)
{
    out << QJsonDocument(array).toJson(QJsonDocument::Indented).toStdString();
}

} // namespace mimeo::cli
