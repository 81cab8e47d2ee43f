// SPDX-License-Identifier: PostgreSQL
#pragma once
// Least privilege on the destination: two group roles per catalog,
// <schema>_monitor (reads the catalog and the job log, never the stored
// passwords) and <schema>_operator (also edits the configuration and runs
// makes and refreshes). Granting makes a role a member of one; revoking
// removes it. Refreshing needs ownership of the destination objects (views
// are replaced, indexes rebuilt), so the operator group owns them.
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::catalog {

enum class RoleLevel { Monitor, Operator };

std::string monitorGroup(const std::string &schema);
std::string operatorGroup(const std::string &schema);

// The statements that make `role` a monitor or operator of the catalog in
// schema, creating and equipping the group roles as needed. Shown before
// they run (CLI --dry-run, the application's Roles page).
std::vector<std::string> planGrant(pg::Connection &dest, const std::string &schema, const std::string &role, RoleLevel level);
std::vector<std::string> planRevoke(pg::Connection &dest, const std::string &schema, const std::string &role);

// The operator group's rights on the catalog tables: read everything, add
// and remove rows (make, destroy), and change only the columns that cannot
// steer a refresh onto other objects (schedule, limits, condition, filter of
// the types that pull columns, the state a refresh writes). The columns of
// recordedColumns() are not among them, and nothing may be updated through
// the inheritance parents (an UPDATE of a parent reaches its children).
// Empty when the group does not exist.
std::vector<std::string> planOperatorCatalogRights(pg::Connection &dest, const std::string &schema);

// A login role of the destination's cluster and its direct membership in
// the catalog's groups (what grant and revoke change). Roles named pg_* (the
// server's own) are left out.
struct LoginRole {
    std::string name;
    bool superuser = false;
    bool monitor = false;        // a direct member of <schema>_monitor
    bool operatorMember = false; // a direct member of <schema>_operator
};
std::vector<LoginRole> listLoginRoles(pg::Connection &dest, const std::string &schema);

// Runs statements in one transaction.
void applyStatements(pg::Connection &dest, const std::vector<std::string> &statements);

// After a make: hands the destination objects of destTable to the operator
// group when it exists and we may (best effort: returns what went wrong).
// Call inside a transaction.
std::string handOverToOperators(pg::Connection &dest, const std::string &schema, const std::string &destTable);

} // namespace mimeo::catalog
