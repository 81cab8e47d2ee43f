// SPDX-License-Identifier: PostgreSQL
#pragma once
// Which server a connection or an error belongs to. Users need to know whether
// the source or the destination refused something; every error carries it.
#include <string_view>

namespace mimeo::pg {

enum class Side { Unknown, Source, Destination };

constexpr std::string_view sideName(Side side)
{
    switch (side) {
    case Side::Source: return "source";
    case Side::Destination: return "destination";
    case Side::Unknown: break;
    }
    return "unknown";
}

} // namespace mimeo::pg
