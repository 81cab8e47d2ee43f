// SPDX-License-Identifier: PostgreSQL
#pragma once
// Statement parameters as libpq takes them: text for $1, $2, ...
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {

// Text parameters for $1, $2, ...; std::nullopt is SQL NULL.
using Param = std::optional<std::string>;
using Params = std::vector<Param>;

} // namespace mimeo::pg
