// SPDX-License-Identifier: PostgreSQL
#pragma once
// libpq's password file (~/.pgpass): the lines libpq looks a password up by,
// and appending them safely. The one place a password is written to disk,
// and only into a file the user named.
#include "pg/conninfo.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mimeo::pg {

// Where libpq reads passwords when the conninfo names no passfile:
// $PGPASSFILE, else ~/.pgpass.
std::string defaultPassfile();

// host:port:database:user:password lines that libpq finds for a connection
// with these options, one per host (a conninfo may list several). As libpq
// does: a socket directory or no host is "localhost", hostaddr stands in for
// a missing host; what the options do not say (port, database, or the host
// of a service) is "*". ':' and '\' are escaped. Throws
// std::invalid_argument for a password with a line break, which the file
// cannot hold.
std::vector<std::string> passfileLines(const ConnOptions &options, const std::string &user, const std::string &password);

// Appends lines to the file at path, creating it with mode 0600. Refuses
// (std::runtime_error naming the fix) a file that is not a regular file or
// that group or others may read, since libpq ignores such a file. Returns
// the file's size before, for undoAppend.
uint64_t appendToPassfile(const std::string &path, const std::vector<std::string> &lines);

// Takes an append back (truncates to sizeBefore). Best effort.
void undoAppend(const std::string &path, uint64_t sizeBefore);

} // namespace mimeo::pg
