// SPDX-License-Identifier: PostgreSQL
#pragma once
// `mimeo source test`: what a source server is and what our role may do on
// it, with the statement that fixes each missing privilege.
#include <cstdint>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
struct QualifiedName;
}

namespace mimeo::catalog {

struct MissingPrivilege {
    std::string what;      // "SELECT on 3 tables in schema sales"
    std::string neededFor; // "every replication type"
    std::string fix;       // the statement a superuser or owner runs
};

struct SourceProbe {
    std::string serverVersion; // "15.4 (Debian 15.4-1)"
    int serverVersionNum = 0;
    bool standby = false;
    std::string role;
    bool superuser = false;
    bool trackCounts = true;     // snap's skip-when-unchanged needs it
    std::string queueSchema;     // the schema dml/logdel queue tables go into
    bool queueSchemaExists = false;
    bool queueSchemaCreate = false;
    int64_t tables = 0;          // ordinary and partitioned tables outside system schemas
    int64_t selectable = 0;
    int64_t triggerable = 0;
    std::vector<MissingPrivilege> missing;
};

// What our role may do with one source relation, each right with the
// statement that grants it (filled whether or not it is missing).
struct RelationAccess {
    std::string role;
    bool usage = false;   // USAGE on the relation's schema
    std::string usageFix;
    bool select = false;  // SELECT on the relation, or on every column asked for (column grants count)
    std::string selectFix;
    bool trigger = false; // TRIGGER (an owner has it)
    std::string triggerFix;
};

// columns: those that will be read; empty means every column.
RelationAccess probeRelationAccess(pg::Connection &source, const pg::QualifiedName &name, uint32_t oid,
                                   const std::vector<std::string> &columns);

// queueSchema is the destination catalog's schema name: mimeo puts dml/logdel
// queue tables into a schema of the same name on the source.
SourceProbe probeSource(pg::Connection &source, const std::string &queueSchema);

} // namespace mimeo::catalog
