// SPDX-License-Identifier: PostgreSQL
#include "catalog/make_request.h"

#include "catalog/replication_types.h"
#include "pg/error.h"

namespace mimeo::catalog {
namespace {

bool given(const MakeRequest &r, MakeOption o)
{
    switch (o) {
    case MakeOption::Control: return r.control.has_value();
    case MakeOption::Boundary: return r.boundary.has_value();
    case MakeOption::Filter: return !r.filter.empty();
    case MakeOption::Condition: return r.condition.has_value();
    case MakeOption::Key: return !r.pkName.empty() || !r.pkType.empty();
    case MakeOption::Sequences: return !r.sequences.empty();
    case MakeOption::UseExisting: return r.useExisting;
    case MakeOption::NoIndex: return !r.index;
    case MakeOption::NoPulldata: return !r.pullData;
    case MakeOption::Period: return r.period.has_value();
    case MakeOption::BatchLimit: return r.batchLimit.has_value();
    case MakeOption::TimeOrSerial: return false; // a concrete type name carries it
    }
    return false;
}

// What a required option is, for the message that asks for it.
std::string neededText(MakeOption o)
{
    if (o == MakeOption::Control)
        return "--control COLUMN (a timestamp, timestamptz or date column for time, "
               "a smallint, integer or bigint column for serial)";
    return std::string(makeOptionText(o));
}

void requireQualified(const pg::QualifiedName &name, const char *what, std::vector<MakeProblem> &out)
{
    if (!name.hasSchema())
        out.push_back({std::string(what) + " " + name.name + " must be schema-qualified (schema.table)", {}});
}

} // namespace

std::vector<MakeProblem> validateMakeRequest(const MakeRequest &req)
{
    std::vector<MakeProblem> out;
    const auto *type = findType(req.type);
    if (!type) {
        out.push_back({"unknown type \"" + req.type + "\"; expected one of " + makeTypeNamesText(), "see: mimeo make --help"});
        return out;
    }
    // Named as the user picked it: inserter for inserter_time (--time).
    const std::string typeName(type->group);
    if (req.dataSourceId < 1)
        out.push_back({"--source ID is required", "list the sources with: mimeo source list"});
    requireQualified(req.source, "source table", out);
    if (req.dest)
        requireQualified(*req.dest, "destination table", out);
    for (const auto o : allMakeOptions()) {
        const auto text = makeOptionText(o);
        if (given(req, o) && !type->allows(o)) {
            const bool several = text.find(" and ") != std::string_view::npos;
            out.push_back({std::string(text) + (several ? " apply to " : " applies to ") + typesAllowingText(o)
                               + " only, not to " + typeName,
                           "see: mimeo make --help"});
        }
        const bool missing = o == MakeOption::Control ? !req.control || req.control->empty() : !given(req, o);
        if (type->needs(o) && missing)
            out.push_back({typeName + " needs " + neededText(o), "see: mimeo make --help"});
    }
    if (req.pkName.size() != req.pkType.size())
        out.push_back({"--pk-name and --pk-type must list the same number of items", "give one type per key column"});
    if (req.batchLimit && *req.batchLimit < 1)
        out.push_back({"--batch-limit must be at least 1", {}});
    return out;
}

void requireValidMakeRequest(const MakeRequest &req)
{
    const auto problems = validateMakeRequest(req);
    if (problems.empty())
        return;
    std::string message, hint;
    for (const auto &p : problems) {
        message += (message.empty() ? "" : "\n") + p.message;
        if (!p.hint.empty() && hint.find(p.hint) == std::string::npos)
            hint += (hint.empty() ? "" : "\n") + p.hint;
    }
    throw pg::Error::usage(message, pg::Side::Unknown, hint);
}

} // namespace mimeo::catalog
