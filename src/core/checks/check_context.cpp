// SPDX-License-Identifier: PostgreSQL
#include "checks/check_context.h"

#include "catalog/sources.h"

namespace mimeo::checks {

pg::Connection CheckContext::connectSource(int dataSourceId, const std::string &what) const
{
    return catalog::connectSourceById(dest, schema, dataSourceId, "mimeo:check:" + what,
                                      sourcePassword ? sourcePassword(dataSourceId) : std::nullopt);
}

} // namespace mimeo::checks
