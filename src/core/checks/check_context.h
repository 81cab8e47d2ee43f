// SPDX-License-Identifier: PostgreSQL
#pragma once
// What every check needs: the destination, the catalog schema, and how to
// reach a source (with a keychain password when the application has one).
#include "pg/connection.h"

#include <functional>
#include <optional>
#include <string>

namespace mimeo::checks {

struct CheckContext {
    pg::Connection &dest;
    std::string schema = "mimeo";
    std::function<std::optional<std::string>(int)> sourcePassword;

    pg::Connection connectSource(int dataSourceId, const std::string &what) const;
};

} // namespace mimeo::checks
