// SPDX-License-Identifier: PostgreSQL
#include "catalog/secret_keys.h"

#include "pg/connection.h"

namespace mimeo::catalog {

std::string destinationIdentity(const pg::Connection &dest)
{
    // describe() is user@host:port/dbname; the user does not change which
    // catalog (and so which sources) we are looking at.
    const std::string d = dest.describe();
    const auto at = d.find('@');
    return at == std::string::npos ? d : d.substr(at + 1);
}

std::string destinationSecretKey(const std::string &conninfo) { return "destination:" + conninfo; }

std::string sourceSecretKey(const std::string &destIdentity, const std::string &schema, int sourceId)
{
    return "source:" + destIdentity + ":" + schema + ":" + std::to_string(sourceId);
}

} // namespace mimeo::catalog
