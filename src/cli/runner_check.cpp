// SPDX-License-Identifier: PostgreSQL
#include "runner_check.h"

#include "json_output.h"
#include "jobs/validation.h"
#include "runner_request.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <ostream>

namespace mimeo::cli {
namespace {

// The names a local check data gives each kind of difference.
const char *differenceName(const std::string &kind)
{
    if (kind == "missing")
        return "missing on destination";
    if (kind == "extra")
        return "extra on destination";
    return "different";
}

// What was compared, as a local check data names it: the validation's
// message is "compared " and that (and notes after it).
std::string scopeOf(const jobs::Validation &v)
{
    const std::string prefix = "compared ";
    return v.message.rfind(prefix, 0) == 0 ? v.message.substr(prefix.size()) : v.message;
}

// The text form of a local check data, or of check rowcount when the table has no key
// and the runner could count rows only.
void printValidation(std::ostream &o, const jobs::Validation &v, size_t listed, const std::string &runner)
{
    const bool equal = v.outcome == "validated";
    if (v.kind == "data") {
        o << v.destTable << ": " << (equal ? "rows equal" : "rows DIFFER") << " (" << scopeOf(v) << "; source "
          << v.sourceRows.value_or(0) << ", destination " << v.destRows.value_or(0) << " rows)\n";
        for (size_t i = 0; i < listed; ++i)
            o << "  " << v.keys[i].key << "\t" << differenceName(v.keys[i].kind) << "\n";
        if (listed < v.keys.size())
            o << "  ... more (raise --max-keys)\n";
        else if (v.differing() > static_cast<long long>(listed)) // the runner kept the first keys only
            o << "  ... more (" << v.differing() << " rows differ in all)\n";
    } else {
        o << v.destTable << ": source " << v.sourceRows.value_or(0) << ", destination " << v.destRows.value_or(0) << " rows"
          << (equal ? " (match)" : " (DIFFERENT)") << (v.message.empty() ? "" : "; " + v.message) << "\n";
    }
    o << "checked by runner " << runner << " at " << v.checkedAt << "\n";
}

QJsonObject validationJson(const jobs::Validation &v, size_t listed, const catalog::Request &r)
{
    QJsonArray diffs;
    for (size_t i = 0; i < listed; ++i)
        diffs.append(QJsonObject{{QStringLiteral("key"), fromStd(v.keys[i].key)},
                                 {QStringLiteral("difference"), QString::fromLatin1(differenceName(v.keys[i].kind))}});
    return QJsonObject{{QStringLiteral("dest_table"), fromStd(v.destTable)},
                       {QStringLiteral("equal"), v.outcome == "validated"},
                       {QStringLiteral("kind"), fromStd(v.kind)},
                       {QStringLiteral("scope"), fromStd(scopeOf(v))},
                       {QStringLiteral("source_rows"), jsonValue(v.sourceRows)},
                       {QStringLiteral("dest_rows"), jsonValue(v.destRows)},
                       {QStringLiteral("missing"), jsonValue(v.missing)},
                       {QStringLiteral("extra"), jsonValue(v.extra)},
                       {QStringLiteral("different"), jsonValue(v.different)},
                       {QStringLiteral("differences"), diffs},
                       {QStringLiteral("truncated"), v.differing() > static_cast<long long>(listed)},
                       {QStringLiteral("checked_at"), fromStd(v.checkedAt)},
                       {QStringLiteral("request_id"), static_cast<qint64>(r.id)},
                       {QStringLiteral("runner"), fromStd(r.takenBy.value_or(""))}};
}

} // namespace

int checkDataOnRunner(CliContext &ctx, pg::Connection &dest, const std::string &destTable, int maxKeys, bool json, bool verbose)
{
    // What was recorded before, so that an answer without a record of its
    // own is not taken for the runner's.
    const auto before = jobs::readValidation(dest, ctx.schema, destTable);
    return followRequest(ctx, dest, "validate", destTable, verbose, [&](const catalog::RequestProgress &p) {
        if (p.request.status != "done")
            return requestFailed(ctx, p.request);
        const auto v = jobs::readValidation(dest, ctx.schema, destTable);
        if (!v || (before && before->checkedAt == v->checkedAt)) {
            ctx.e() << "mimeo: runner " << p.request.takenBy.value_or("?") << " recorded no validation of " << destTable << ": "
                    << p.request.message.value_or("") << "\n";
            return static_cast<int>(ExitFailed);
        }
        const size_t listed = std::min(v->keys.size(), static_cast<size_t>(std::max(0, maxKeys)));
        if (json)
            printJson(ctx.o(), QJsonArray{validationJson(*v, listed, p.request)});
        else
            printValidation(ctx.o(), *v, listed, p.request.takenBy.value_or("?"));
        return static_cast<int>(v->outcome == "validated" ? ExitOk : ExitFailed);
    });
}

} // namespace mimeo::cli
