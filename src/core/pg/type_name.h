// SPDX-License-Identifier: PostgreSQL
#pragma once
// Type names that come from a user (--pk-type) or a catalog row go into SQL
// text (a queue table's CREATE TABLE, mimeo's own refresh functions read
// pk_type too), so they are never written as given: the server resolves the
// text to one real type, and its canonical spelling is what we write.
#include <string>

namespace mimeo::pg {

class Connection;

// The server's spelling of typeText: format_type(oid, typmod) with
// search_path = pg_catalog, so "int" is "integer", "varchar(20)" is
// "character varying(20)" (typmods are kept) and a user type is
// schema-qualified. The name is resolved with the connection's search_path,
// as a cast would. Throws a usage Error, naming `what` (e.g. "--pk-type x
// (for id)"), when the text is anything but exactly one type name the server
// knows, or names a pseudo-type no column can have. Inside a transaction a
// refused name leaves the transaction usable.
std::string canonicalTypeName(Connection &conn, const std::string &typeText, const std::string &what);

} // namespace mimeo::pg
