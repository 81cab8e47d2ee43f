// SPDX-License-Identifier: PostgreSQL
#pragma once
// Runs statements inside a savepoint: on a server error the transaction is
// rolled back to the savepoint (and stays usable) and the error is returned
// instead of thrown.
#include "pg/error.h"

#include <functional>
#include <optional>

namespace mimeo::pg {

class Connection;

std::optional<Error> attemptInSavepoint(Connection &conn, const std::function<void()> &fn);

} // namespace mimeo::pg
