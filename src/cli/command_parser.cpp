// SPDX-License-Identifier: PostgreSQL
#include "command_parser.h"

#include "cli_context.h"

#include <iostream>

namespace mimeo::cli {

CommandParser::CommandParser(const QString &name, const QString &description)
    : name_(name)
{
    parser_.setApplicationDescription(description);
    parser_.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser_.addHelpOption();
}

void CommandParser::addPositional(const QString &name, const QString &description, const QString &syntax)
{
    parser_.addPositionalArgument(name, description, syntax);
}

QString CommandParser::helpText() const
{
    QString text = parser_.helpText();
    // QCommandLineParser names the program from argv[0]; show the command too.
    const QString usage = QStringLiteral("Usage: ");
    const int at = text.indexOf(usage);
    if (at >= 0) {
        const int nameEnd = text.indexOf(QLatin1Char(' '), at + usage.size());
        if (nameEnd > 0)
            text.replace(at + usage.size(), nameEnd - (at + usage.size()),
                         QStringLiteral("mimeo [--dest CONNINFO] [--schema NAME] ") + name_);
    }
    return text;
}

bool CommandParser::parse(const QStringList &args, int minPositional, int maxPositional)
{
    QStringList full = args;
    full.prepend(QStringLiteral("mimeo"));
    if (!parser_.parse(full))
        throw UsageError{parser_.errorText(), QStringLiteral("see: mimeo %1 --help").arg(name_)};
    if (parser_.isSet(QStringLiteral("help"))) {
        std::cout << toStd(helpText());
        return false;
    }
    const auto n = parser_.positionalArguments().size();
    if (n < minPositional)
        throw UsageError{QStringLiteral("%1: missing argument").arg(name_), QStringLiteral("see: mimeo %1 --help").arg(name_)};
    if (maxPositional >= 0 && n > maxPositional)
        throw UsageError{QStringLiteral("%1: unexpected argument \"%2\"").arg(name_, parser_.positionalArguments().at(maxPositional)),
                         QStringLiteral("see: mimeo %1 --help").arg(name_)};
    return true;
}

long long CommandParser::intValue(const QString &name, long long min, long long max) const
{
    bool ok = false;
    const long long v = parser_.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max)
        throw UsageError{QStringLiteral("--%1: expected a whole number from %2 to %3, got \"%4\"")
                             .arg(name)
                             .arg(min)
                             .arg(max)
                             .arg(parser_.value(name)),
                         QStringLiteral("see: mimeo %1 --help").arg(name_)};
    return v;
}

} // namespace mimeo::cli
