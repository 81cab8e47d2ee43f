// SPDX-License-Identifier: PostgreSQL
#pragma once
// The SQL that builds the destination catalog: mimeo 1.5.1's tables exactly
// (same names, columns, defaults, checks, keys, rules and triggers, so the
// extension and people who know it find what they expect), and our own
// tables beside them, added by numbered migrations.
#include <string>
#include <vector>

namespace mimeo::catalog {

// The newest version of our own tables; stored in studio_catalog_version.
inline constexpr int kCatalogVersion = 10;

// mimeo's configuration tables, in creation order (parents before children).
const std::vector<std::string> &mimeoTableNames();

// DDL creating mimeo 1.5.1's tables in the (already quoted) schema.
std::string mimeoTablesDdl(const std::string &quotedSchema);

// The version table, created before any migration runs.
std::string versionTableDdl(const std::string &quotedSchema);

struct Migration {
    int version;
    std::string description;
    std::string sql;
};

// Every migration of our own tables, oldest first; version N brings the
// catalog from N-1 to N.
std::vector<Migration> migrations(const std::string &schema);

// The NOTIFY channel the job log of the catalog in schema announces changes on.
std::string jobChannel(const std::string &schema);

// The NOTIFY channel new and changed requests to runners (studio_request) are
// announced on.
std::string requestChannel(const std::string &schema);

} // namespace mimeo::catalog
