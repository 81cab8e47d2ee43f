// SPDX-License-Identifier: PostgreSQL
#pragma once
// Keeps passwords out of everything we print, log or store.
//
// Two mechanisms: every password we hand to libpq is remembered here and
// replaced wherever it shows up; and anything shaped like a password in a
// conninfo string or URI (password=..., user:secret@host) is masked even when
// we never saw the password itself.
#include <string>
#include <string_view>

namespace mimeo::pg {

// Remember a secret so redact() masks it from now on (empty strings ignored).
void rememberSecret(std::string_view secret);

// Returns text with every remembered secret and every conninfo/URI password masked.
std::string redact(std::string_view text);

inline constexpr std::string_view kMask = "********";

} // namespace mimeo::pg
