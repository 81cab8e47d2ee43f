// SPDX-License-Identifier: PostgreSQL
#include "catalog/installer.h"

#include "catalog/catalog_ddl.h"
#include "catalog/roles.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "pg/quote.h"

#include <algorithm>

namespace mimeo::catalog {

bool CatalogState::upToDate() const
{
    return schemaExists && mimeoTablesComplete() && studioVersion == kCatalogVersion;
}

CatalogState inspectCatalog(pg::Connection &dest, const std::string &schema)
{
    CatalogState st;
    st.schema = schema;
    auto r = dest.exec("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1)", {schema});
    st.schemaExists = r.toBool(0, 0);

    r = dest.exec("SELECT n.nspname, e.extversion FROM pg_catalog.pg_extension e "
                  "JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'mimeo'");
    if (r.rows() == 1) {
        st.extensionSchema = r.text(0, 0);
        st.extensionVersion = r.text(0, 1);
    }

    r = dest.exec("SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                  "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')",
                  {schema});
    std::vector<std::string> tables;
    for (int i = 0; i < r.rows(); ++i)
        tables.push_back(r.text(i, 0));
    for (const auto &t : mimeoTableNames()) {
        if (std::find(tables.begin(), tables.end(), t) != tables.end())
            st.presentTables.push_back(t);
        else
            st.missingTables.push_back(t);
    }

    if (std::find(tables.begin(), tables.end(), "studio_catalog_version") != tables.end()) {
        r = dest.exec("SELECT coalesce(max(version), 0) FROM " + pg::quoteIdent(schema) + ".studio_catalog_version");
        st.studioVersion = static_cast<int>(r.toInt(0, 0));
    }
    return st;
}

std::vector<InstallStep> planInstall(const CatalogState &st)
{
    const std::string qs = pg::quoteIdent(st.schema);
    std::vector<InstallStep> steps;
    if (st.studioVersion > kCatalogVersion) {
        throw pg::Error::usage("the catalog in schema " + st.schema + " is version " + std::to_string(st.studioVersion)
                                   + ", newer than this program understands (" + std::to_string(kCatalogVersion) + ")",
                               pg::Side::Destination, "upgrade mimeo before using it on this database");
    }
    if (!st.schemaExists)
        steps.push_back({"create schema " + st.schema, "CREATE SCHEMA " + qs});

    if (st.presentTables.empty()) {
        steps.push_back({"create mimeo's configuration tables (dblink_mapping_mimeo, refresh_config and its children)",
                         mimeoTablesDdl(qs)});
    } else if (!st.missingTables.empty()) {
        std::string missing;
        for (const auto &t : st.missingTables)
            missing += (missing.empty() ? "" : ", ") + t;
        throw pg::Error::usage("schema " + st.schema + " holds only part of mimeo's catalog; missing: " + missing,
                               pg::Side::Destination,
                               "repair the mimeo install, or use --schema to install a new catalog elsewhere");
    }

    if (st.studioVersion == 0)
        steps.push_back({"create the table that records catalog versions", versionTableDdl(qs)});
    for (const auto &m : migrations(st.schema)) {
        if (m.version <= st.studioVersion)
            continue;
        steps.push_back({"migration " + std::to_string(m.version) + ": " + m.description,
                         m.sql + "\nINSERT INTO " + qs + ".studio_catalog_version (version, description) VALUES ("
                             + std::to_string(m.version) + ", " + pg::quoteLiteral(m.description) + ");"});
    }
    return steps;
}

InstallReport installCatalog(pg::Connection &dest, const std::string &schema)
{
    pg::Transaction tx(dest);
    // Serialise concurrent installs on this database; released at commit.
    dest.exec("SELECT pg_advisory_xact_lock(hashtext('mimeo studio catalog install'))");
    InstallReport report;
    report.before = inspectCatalog(dest, schema);
    for (const auto &step : planInstall(report.before)) {
        dest.exec(step.sql);
        report.applied.push_back(step);
    }
    // Catalogs older than version 4 gave operators UPDATE on every column,
    // including the ones that steer a refresh onto other objects.
    if (report.before.studioVersion < 4) {
        const auto rights = planOperatorCatalogRights(dest, schema);
        std::string sql;
        for (const auto &s : rights) {
            dest.exec(s);
            sql += s + ";\n";
        }
        if (!sql.empty())
            report.applied.push_back({"operators may change only the settings that cannot steer a refresh", sql});
    }
    tx.commit();
    return report;
}

} // namespace mimeo::catalog
