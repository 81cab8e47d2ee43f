// SPDX-License-Identifier: PostgreSQL
#pragma once
// `mimeo init`: installs or upgrades the destination catalog, or adopts an
// existing mimeo extension install by adding only our own tables.
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::catalog {

// What is in the destination now.
struct CatalogState {
    std::string schema;
    bool schemaExists = false;
    std::string extensionSchema;            // schema of the mimeo extension, empty when not installed
    std::string extensionVersion;
    std::vector<std::string> presentTables; // mimeo's tables found in the schema
    std::vector<std::string> missingTables; // mimeo's tables not found
    int studioVersion = 0;                  // 0 when our tables were never installed

    bool extensionOwnsSchema() const { return !extensionSchema.empty() && extensionSchema == schema; }
    bool mimeoTablesComplete() const { return missingTables.empty(); }
    bool upToDate() const;
};

CatalogState inspectCatalog(pg::Connection &dest, const std::string &schema);

struct InstallStep {
    std::string description; // one line for people
    std::string sql;         // what runs
};

// The steps that would bring the catalog up to date (empty when it is).
// Throws Error when the schema holds part of mimeo's tables only, which
// neither a fresh install nor an adoption can safely complete.
std::vector<InstallStep> planInstall(const CatalogState &state);

struct InstallReport {
    CatalogState before;
    std::vector<InstallStep> applied;
    bool changed() const { return !applied.empty(); }
};

// Applies the plan in one transaction under an advisory lock, so two `init`s
// at once do not race. Idempotent: a second run applies nothing.
InstallReport installCatalog(pg::Connection &dest, const std::string &schema);

} // namespace mimeo::catalog
