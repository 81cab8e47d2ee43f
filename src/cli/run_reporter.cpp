// SPDX-License-Identifier: PostgreSQL
#include "run_reporter.h"

#include "jobs/job_log.h"
#include "signals.h"

#include <QStringList>

#include <iostream>
#include <unistd.h>

namespace mimeo::cli {

RunReporter::RunReporter(CliContext &ctx, const std::string &action)
    : ctx_(ctx)
    , log_(std::make_unique<jobs::JobLog>(ctx.destinationSpec(action), ctx.schema, "mimeo " + action.substr(0, action.find(':'))))
{
    setActivity(action.substr(0, action.find(':')) + " of " + action.substr(action.find(':') + 1));
    run_.cancel = &processCancel();
    run_.schema = ctx.schema;
    run_.log = log_.get();
    run_.applicationPrefix = "mimeo";
    run_.warn = [this](const std::string &w) { ctx_.e() << "mimeo: warning: " << w << "\n"; };
    if (isatty(STDERR_FILENO)) {
        run_.progress = [this](const replication::Progress &p) {
            ctx_.e() << "\r" << p.phase << ": " << p.rows << " rows";
            if (p.estimatedRows > 0)
                ctx_.e() << " of about " << p.estimatedRows;
            ctx_.e() << "        " << std::flush;
            progressShown_ = true;
        };
    }
}

RunReporter::~RunReporter() = default;

int RunReporter::report(const replication::RunResult &result)
{
    if (progressShown_)
        ctx_.e() << "\n";
    if (!log_->lastWriteError().empty())
        ctx_.e() << "mimeo: warning: the job log could not be written: " << log_->lastWriteError() << "\n";
    switch (result.outcome) {
    case replication::Outcome::Done:
        ctx_.o() << result.message << "\n";
        return ExitOk;
    case replication::Outcome::Skipped:
        ctx_.o() << "skipped: " << result.message << "\n";
        return ExitOk;
    case replication::Outcome::Locked:
        ctx_.e() << "mimeo: " << result.message << "\n";
        return ExitLocked;
    }
    return ExitFailed;
}

pg::QualifiedName parseTableArgument(const QString &text, const QString &what)
{
    const std::string s = toStd(text.trimmed());
    try {
        return pg::QualifiedName::parse(s);
    } catch (const std::invalid_argument &e) {
        if (s.find('"') != std::string::npos)
            throw UsageError{what + QStringLiteral(": ") + fromStd(e.what()), {}};
    }
    // Not SQL (mimeo_source.Snap-test-Source): mimeo's plain catalog form.
    try {
        return pg::QualifiedName::fromCatalogText(s);
    } catch (const std::invalid_argument &e) {
        throw UsageError{what + QStringLiteral(": ") + fromStd(e.what()), {}};
    }
}

std::vector<std::string> parseList(const QString &text, const QString &option)
{
    std::vector<std::string> out;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString p = part.trimmed();
        if (p.isEmpty())
            throw UsageError{QStringLiteral("--%1: empty item in \"%2\"").arg(option, text), {}};
        out.push_back(toStd(p));
    }
    return out;
}

} // namespace mimeo::cli
