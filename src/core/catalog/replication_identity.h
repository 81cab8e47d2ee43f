// SPDX-License-Identifier: PostgreSQL
#pragma once
// What each replication was made from and onto (issue 13.2). Operators may
// edit the catalog, and `mimeo run` usually runs as a more powerful role, so
// a catalog row alone must never decide which objects a refresh touches.
// The make records, beside mimeo's tables (studio_replication_identity):
// - the destination relation by identity (its OID), not by name;
// - the settings that decide which objects a refresh reads, writes or runs
//   (source, data source, queue, key, sequences, post_script...);
// - the role that recorded them, stamped by the server (a trigger), so an
//   edit cannot claim to come from someone else.
// A refresh then refuses a row that differs from its record, a destination
// that is no longer the relation it was made as, and a record whose role may
// not change what the refresh would change.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::catalog {

class ConfigRow;

// Columns that decide what a refresh touches; they cannot be edited in
// place (destroy and make again). The type's table must have them.
const std::vector<std::string> &fixedColumns(std::string_view type);

// fixedColumns plus the settings whose change a role may record again
// (sequences and truncate_cascade of table, post_script of snap): an edit
// of those is recorded under the editing role's name.
const std::vector<std::string> &recordedColumns(std::string_view type);

bool isFixedColumn(std::string_view column, std::string_view type);
bool isRecordedColumn(std::string_view column, std::string_view type);

// Records (or records again) the current catalog row of destTable and its
// destination relation, in the caller's transaction. The server stamps the
// current role.
void recordIdentity(pg::Connection &dest, const std::string &schema, const std::string &destTable);

void deleteIdentity(pg::Connection &dest, const std::string &schema, const std::string &destTable);

// Throws Error (usage, destination side) when the row differs from its
// record, its destination relation is not the one recorded, or the role that
// recorded it may not change what a refresh of it changes. Each message
// names the difference and the way out.
void verifyIdentity(pg::Connection &dest, const std::string &schema, const ConfigRow &row);

} // namespace mimeo::catalog
