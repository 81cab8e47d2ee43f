// SPDX-License-Identifier: PostgreSQL
#pragma once
// A QCommandLineParser set up for one command: its options, its positional
// arguments, --help, and errors turned into UsageError (exit status 2).
#include <QCommandLineParser>
#include <QStringList>

namespace mimeo::cli {

class CommandParser {
public:
    // name: "source add"; synopsis: the arguments after the name for --help.
    CommandParser(const QString &name, const QString &description);

    void addOption(const QCommandLineOption &option) { parser_.addOption(option); }
    void addPositional(const QString &name, const QString &description, const QString &syntax = {});

    // Parses args (without the program and command names). Returns false when
    // --help was given and printed; throws UsageError on unknown options or a
    // wrong number of positional arguments.
    bool parse(const QStringList &args, int minPositional, int maxPositional);

    bool isSet(const QString &name) const { return parser_.isSet(name); }
    bool isSet(const QCommandLineOption &option) const { return parser_.isSet(option); }
    QString value(const QString &name) const { return parser_.value(name); }
    QString value(const QCommandLineOption &option) const { return parser_.value(option); }
    QStringList positional() const { return parser_.positionalArguments(); }

    // Integer option value; UsageError naming the option when not a number in range.
    long long intValue(const QString &name, long long min, long long max) const;

    QString helpText() const;

private:
    QString name_;
    QCommandLineParser parser_;
};

} // namespace mimeo::cli
