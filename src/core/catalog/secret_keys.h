// SPDX-License-Identifier: PostgreSQL
#pragma once
// Where passwords live in the OS keychain: one service, and keys that name
// the destination and the source, so the desktop application and the
// command line tool find the same entries.
#include <string>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::catalog {

// The keychain service (the "application" an entry belongs to).
inline constexpr const char *kKeychainService = "mimeo-studio";

// host:port/dbname of a destination as the server connection reports it.
// Used instead of the conninfo text, which differs between spellings
// (URI, key/value, service) of the same database.
std::string destinationIdentity(const pg::Connection &dest);

// The password of a destination, keyed by the conninfo the user saved
// (it is known before any connection exists): "destination:<conninfo>".
std::string destinationSecretKey(const std::string &conninfo);

// The password of a source registered in a destination's catalog:
// "source:<identity>:<schema>:<data_source_id>".
std::string sourceSecretKey(const std::string &destIdentity, const std::string &schema, int sourceId);

} // namespace mimeo::catalog
