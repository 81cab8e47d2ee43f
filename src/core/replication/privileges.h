// SPDX-License-Identifier: PostgreSQL
#pragma once
// Saves the privileges and owner of a destination relation before it is
// dropped and rebuilt (snapshot column changes), and puts them back. Unlike
// mimeo, grant options and column privileges survive too.
#include "pg/quote.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication {

struct SavedPrivileges {
    struct Grant {
        std::string privilege;  // SELECT, INSERT, ...
        std::string grantee;    // quoted role name or PUBLIC
        bool grantable = false;
        std::string column;     // empty for table-level
    };
    std::vector<Grant> grants;
    std::string owner;
    bool found = false;
};

SavedPrivileges savePrivileges(pg::Connection &dest, const pg::QualifiedName &relation);

// Applies the saved grants and owner to relation (which may be a new object
// of the same name). Column grants for columns that no longer exist, and an
// owner we may not assign, are reported through warn and skipped.
void restorePrivileges(pg::Connection &dest, const pg::QualifiedName &relation, bool isView, const SavedPrivileges &saved,
                       const std::function<void(const std::string &)> &warn);

} // namespace mimeo::replication
