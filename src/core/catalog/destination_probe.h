// SPDX-License-Identifier: PostgreSQL
#pragma once
// What a destination is: server version, primary or standby, and the state
// of the catalog in the chosen schema. Used by "Test connection".
#include "catalog/installer.h"

#include <string>

namespace mimeo::catalog {

struct DestinationProbe {
    std::string serverVersion;
    int serverVersionNum = 0;
    bool standby = false;
    std::string user;
    std::string database;
    CatalogState catalog;
};

DestinationProbe probeDestination(pg::Connection &dest, const std::string &schema);

} // namespace mimeo::catalog
