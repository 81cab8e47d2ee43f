// SPDX-License-Identifier: PostgreSQL
#include "json_output.h"

#include <QJsonDocument>

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

void printJson(std::ostream &out, const QJsonArray &array)
{
    out << QJsonDocument(array).toJson(QJsonDocument::Indented).toStdString();
}

} // namespace mimeo::cli
