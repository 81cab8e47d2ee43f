// SPDX-License-Identifier: PostgreSQL
#include "checks/check_context.h"

#include "catalog/sources.h"

namespace mimeo::checks {

pg::Connection CheckContext::connectSource(int dataSourceId, const std::string &what) const
{
    auto src = catalog::connectSourceById(dest, schema, dataSourceId, "mimeo:check:" + what,
                                          sourcePassword ? sourcePassword(dataSourceId) : std::nullopt);
    if (cancel)
        src.watch(cancel);
    return src;
}

} // namespace mimeo::checks
