// SPDX-License-Identifier: PostgreSQL
#pragma once
// What every check needs: the destination, the catalog schema, and how to
// reach a source (with a keychain password when the application has one).
#include "pg/cancel.h"
#include "pg/connection.h"

#include <functional>
#include <optional>
#include <string>

namespace mimeo::checks {

struct CheckContext {
    pg::Connection &dest;
    std::string schema = "mimeo";
    std::function<std::optional<std::string>(int)> sourcePassword;
    // A run that can be stopped (the desktop's Validate): the source
    // connections the checks open watch it; the caller watches dest.
    const pg::CancelToken *cancel = nullptr;

    pg::Connection connectSource(int dataSourceId, const std::string &what) const;
};

} // namespace mimeo::checks
