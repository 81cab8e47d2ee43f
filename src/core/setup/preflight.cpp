// SPDX-License-Identifier: PostgreSQL
#include "setup/preflight.h"

#include "catalog/config_row.h"
#include "catalog/installer.h"
#include "catalog/replication_types.h"
#include "catalog/roles.h"
#include "catalog/source_probe.h"
#include "pg/array.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "pg/quote.h"
#include "replication/dest_objects.h"
#include "replication/engine.h"
#include "replication/incremental_control.h"
#include "replication/incremental_key.h"
#include "replication/index_copy.h"
#include "replication/queue_prerequisites.h"
#include "replication/source_relation.h"
#include "setup/option_checks.h"

#include <algorithm>
#include <functional>
#include <optional>

namespace mimeo::setup {
namespace {

namespace inc = replication::incremental;
using pg::Side;

class Checks {
public:
    std::vector<PreflightCheck> list;

    void pass(Side side, std::string what) { list.push_back({side, std::move(what), true, {}, {}}); }
    void fail(Side side, std::string what, std::string problem, std::string fix)
    {
        list.push_back({side, std::move(what), false, std::move(problem), std::move(fix)});
    }
    void check(Side side, bool ok, std::string what, std::string problem, std::string fix)
    {
        if (ok)
            pass(side, std::move(what));
        else
            fail(side, std::move(what), std::move(problem), std::move(fix));
    }
    // Runs one of the engine's own checks: passed when it returns, failed
    // with its message and hint when it throws. A lost connection ends the
    // pre-flight (nothing else could be asked).
    bool attempt(Side side, std::string what, pg::Connection &conn, const std::function<void()> &fn)
    {
        try {
            fn();
        } catch (const pg::Error &e) {
            if (conn.isBad())
                throw;
            fail(side, std::move(what), e.message(), e.hint());
            return false;
        }
        pass(side, std::move(what));
        return true;
    }
};

std::string joinedLines(const std::vector<std::string> &statements)
{
    std::string out;
    for (const auto &s : statements)
        out += (out.empty() ? "" : "\n") + s + ";";
    return out;
}

std::string joinedList(const std::vector<std::string> &v)
{
    std::string out;
    for (const auto &s : v)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

// The catalog tables a make uses, with the privilege it needs on each: its
// configuration row (found first), the table's state and identity, and its
// job-log rows.
struct CatalogRights {
    std::vector<std::string> tables;
    std::vector<std::string> privileges;
    void add(std::string table, const char *privilege)
    {
        tables.push_back(std::move(table));
        privileges.push_back(privilege);
    }
};

CatalogRights writtenTables(const std::string &schema, const catalog::ReplicationType &type,
                            const std::optional<inc::ControlKind> &kind)
{
    const std::string qs = pg::quoteIdent(schema) + ".";
    CatalogRights out;
    out.add(qs + "refresh_config", "SELECT");
    if (type.isConcrete()) {
        out.add(qs + pg::quoteIdent(std::string(type.configTable)), "INSERT");
    } else {
        // inserter/updater: the child follows from the control column's type.
        for (auto k : {inc::ControlKind::Time, inc::ControlKind::Serial}) {
            if (!kind || *kind == k)
                out.add(qs + pg::quoteIdent(catalog::configTableFor(inc::Family{type.keyed, k}.type())), "INSERT");
        }
    }
    for (const char *t : {"studio_table_state", "studio_replication_identity", "studio_job_log", "studio_job_step"})
        out.add(qs + t, "INSERT");
    return out;
}

// What gives a role every right a make needs on the catalog: membership of
// its operator group when there is one; else the statements `mimeo grant
// ROLE --operator` runs, which need the catalog to be read, and where we may
// not read it, that command.
std::string operatorGrant(pg::Connection &dest, const std::string &schema, const std::string &role)
{
    const std::string group = catalog::operatorGroup(schema);
    if (dest.exec("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1)", {group}).toBool(0, 0))
        return "GRANT " + pg::quoteIdent(group) + " TO " + pg::quoteIdent(role) + ";";
    try {
        return joinedLines(catalog::planGrant(dest, schema, role, catalog::RoleLevel::Operator));
    } catch (const pg::Error &) {
        if (dest.isBad())
            throw;
        return "as the catalog's owner: mimeo --schema " + schema + " grant " + role + " --operator";
    }
}

void checkSource(Checks &c, pg::Connection &src, const std::string &schema, const catalog::MakeRequest &req,
                 const catalog::ReplicationType &type, std::optional<replication::SourceRelation> &rel,
                 std::optional<inc::ControlKind> &controlKind)
{
    const std::string table = req.source.catalogText();
    replication::SourceRelation whole;
    if (!c.attempt(Side::Source, "source " + table + " exists", src,
                   [&] { whole = replication::describeSource(src, req.source, {}, req.dataSourceId); }))
        return;
    if (!req.filter.empty()) {
        if (!c.attempt(Side::Source, "the columns of --filter exist in " + table, src,
                       [&] { rel = replication::describeSource(src, req.source, req.filter, req.dataSourceId); }))
            return;
    } else {
        rel = whole;
    }

    // dml/logdel's own review below checks these two as well.
    const auto access = catalog::probeRelationAccess(src, rel->name, rel->oid, req.filter);
    if (type.family != catalog::TypeFamily::Queue) {
        c.check(Side::Source, access.usage, "USAGE on schema " + rel->name.schema,
                "role " + access.role + " may not use schema " + rel->name.schema, access.usageFix);
        const std::string readWhat = "SELECT on " + table + (req.filter.empty() ? "" : " (columns " + joinedList(req.filter) + ")");
        c.check(Side::Source, access.select, readWhat, "role " + access.role + " may not read " + table, access.selectFix);
    }
    if (req.condition && access.usage && access.select) {
        const auto refused = validateCondition(src, req.source, req.filter, *req.condition);
        c.check(Side::Source, !refused, "the source accepts --condition", "the source refuses the condition: " + refused.value_or(""),
                "correct the condition: it follows FROM " + table + " as written (WHERE ..., or joins)");
    }

    switch (type.family) {
    case catalog::TypeFamily::Snapshot:
    case catalog::TypeFamily::Table: break;
    case catalog::TypeFamily::Incremental: {
        const auto wanted = inc::requestedFamily(req.type).kind;
        c.attempt(Side::Source, "control column " + req.control.value_or("") + ": timestamp, timestamptz or date (time), or "
                                    "smallint, integer or bigint (serial)",
                  src, [&] { controlKind = inc::describeControl(src, *rel, req.control.value_or(""), wanted).kind; });
        if (type.keyed) {
            c.attempt(Side::Source, "a replication key: a primary key, a unique index on NOT NULL columns, or --pk-name and --pk-type",
                      src, [&] {
                          std::optional<replication::SourceIndexes> indexes;
                          if (!rel->isView())
                              indexes = replication::readSourceIndexes(src, rel->oid);
                          inc::resolveKey(src, *rel, indexes, req.pkName, req.pkType, req.filter);
                      });
        }
        break;
    }
    case catalog::TypeFamily::Queue:
        for (auto &p : replication::queue::reviewMakePrerequisites(src, *rel, req, schema, type.marksDeleted).checks)
            c.list.push_back({Side::Source, std::move(p.what), p.ok, std::move(p.problem), std::move(p.fix)});
        break;
    }
}

// The catalog: there, readable by us, up to date, and ours to write in.
void checkCatalog(Checks &c, pg::Connection &dest, const std::string &schema, const std::string &role,
                  const catalog::MakeRequest &req, const catalog::ReplicationType &type,
                  const std::optional<inc::ControlKind> &controlKind)
{
    const pg::QualifiedName destName = req.dest.value_or(req.source);
    const std::string rightsWhat = "rights to record the replication in catalog " + schema;
    auto sch = dest.exec("SELECT n.oid IS NOT NULL, coalesce(pg_catalog.has_schema_privilege(n.oid, 'USAGE'), false) "
                         "FROM (SELECT 1) x LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = $1",
                         {schema});
    const std::string init = "as a role that may create it: mimeo --schema " + schema + " init";
    if (!sch.toBool(0, 0)) {
        c.fail(Side::Destination, "the catalog in schema " + schema + ", installed and up to date", "no catalog in schema " + schema,
               init);
        return;
    }
    if (!sch.toBool(0, 1)) {
        c.fail(Side::Destination, rightsWhat, "role " + role + " may not use schema " + schema, operatorGrant(dest, schema, role));
        return;
    }
    std::optional<catalog::CatalogState> state;
    if (!c.attempt(Side::Destination, "the catalog in schema " + schema + " can be read", dest,
                   [&] { state = catalog::inspectCatalog(dest, schema); })) {
        c.list.back().fix = operatorGrant(dest, schema, role);
        return;
    }
    c.check(Side::Destination, state->upToDate(), "the catalog in schema " + schema + ", installed and up to date",
            "the catalog in schema " + schema + " is not complete or not up to date", init);
    if (!state->mimeoTablesComplete())
        return;
    // SELECT to find the row, INSERT for every row a make adds.
    const auto needed = writtenTables(schema, type, controlKind);
    const auto missing =
        dest.exec("SELECT pg_catalog.string_agg(p || ' on ' || t, ', ' ORDER BY o) "
                  "FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS w(t, p, o) "
                  "WHERE pg_catalog.to_regclass(t) IS NOT NULL AND NOT pg_catalog.has_table_privilege(pg_catalog.to_regclass(t), p)",
                  {pg::toTextArrayLiteral(needed.tables), pg::toTextArrayLiteral(needed.privileges)})
            .optText(0, 0);
    c.check(Side::Destination, !missing, rightsWhat, "role " + role + " lacks " + missing.value_or(""),
            missing ? operatorGrant(dest, schema, role) : std::string());
    const std::string destTable = destName.catalogText();
    c.attempt(Side::Destination, destTable + " not configured yet", dest, [&] {
        if (const auto existing = catalog::findConfig(dest, schema, destTable))
            throw pg::Error::usage(destTable + " is already configured (type " + existing->type() + ")", Side::Destination,
                                   "destroy it first, or choose another destination name");
    });

}

void checkDestination(Checks &c, pg::Connection &dest, const std::string &schema, const catalog::MakeRequest &req,
                      const catalog::ReplicationType &type, const std::optional<replication::SourceRelation> &rel,
                      const std::optional<inc::ControlKind> &controlKind)
{
    const pg::QualifiedName destName = req.dest.value_or(req.source);
    auto who = dest.exec("SELECT current_user, pg_catalog.pg_is_in_recovery()");
    const std::string role = who.text(0, 0);
    c.check(Side::Destination, !who.toBool(0, 1), "a primary destination server, not a standby",
            "the destination is a standby, where nothing can be written", "connect to the primary server");

    checkCatalog(c, dest, schema, role, req, type, controlKind);

    if (rel) {
        const char *accepted = type.family == catalog::TypeFamily::Snapshot ? " (a view, with tables _snap1 and _snap2) free"
            : type.family == catalog::TypeFamily::Table ? " free, or with --use-existing a table with the source's columns"
                                                        : " free, or a table with the source's columns";
        c.attempt(Side::Destination, "destination " + destName.catalogText() + accepted, dest,
                  [&] { replication::checkMakeDestination(dest, req, *rel); });
    }
    // Needed where make creates the relations (a snapshot always does).
    const bool creates = type.family == catalog::TypeFamily::Snapshot || !replication::relationKind(dest, destName);
    auto rights = dest.exec("SELECT n.oid IS NOT NULL, coalesce(pg_catalog.has_schema_privilege(n.oid, 'USAGE, CREATE'), false) "
                            "FROM (SELECT 1) x LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = $1",
                            {destName.schema});
    if (creates && rights.toBool(0, 0)) {
        c.check(Side::Destination, rights.toBool(0, 1), "USAGE and CREATE on destination schema " + destName.schema,
                "role " + role + " may not create tables in schema " + destName.schema,
                "GRANT USAGE, CREATE ON SCHEMA " + pg::quoteIdent(destName.schema) + " TO " + pg::quoteIdent(role) + ";");
    }
    // The boundary is checked where make checks it: on the destination.
    if (type.family == catalog::TypeFamily::Incremental && controlKind)
        c.attempt(Side::Destination, "a boundary for the " + std::string(*controlKind == inc::ControlKind::Time ? "time" : "serial")
                                         + " control column",
                  dest, [&] { inc::normalizeBoundary(dest, *controlKind, req.boundary); });
}

} // namespace

bool allPassed(const std::vector<PreflightCheck> &checks)
{
    return std::all_of(checks.begin(), checks.end(), [](const PreflightCheck &c) { return c.ok; });
}

std::vector<PreflightCheck> preflight(pg::Connection &dest, const std::string &catalogSchema, pg::Connection &src,
                                      const catalog::MakeRequest &req)
{
    Checks c;
    const auto problems = catalog::validateMakeRequest(req);
    for (const auto &p : problems)
        c.fail(Side::Unknown, "the request's type and options", p.message, p.hint);
    const auto *type = catalog::findType(req.type);
    if (!problems.empty() || !type)
        return c.list;
    c.pass(Side::Unknown, "the request's type and options");

    std::optional<replication::SourceRelation> rel;
    std::optional<inc::ControlKind> controlKind;
    checkSource(c, src, catalogSchema, req, *type, rel, controlKind);
    checkDestination(c, dest, catalogSchema, req, *type, rel, controlKind);
    return c.list;
}

} // namespace mimeo::setup
