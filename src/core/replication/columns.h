// SPDX-License-Identifier: PostgreSQL
#pragma once
// Columns of a relation as both servers can agree on them.
#include <string>
#include <vector>

namespace mimeo::replication {

struct Column {
    std::string name;
    std::string type;        // format_type() with search_path = pg_catalog
    bool binarySafe = false; // its binary COPY form carries no server-specific OID

    friend bool operator==(const Column &a, const Column &b) { return a.name == b.name && a.type == b.type; }
};

std::vector<std::string> columnNames(const std::vector<Column> &columns);
// "col" type, "col2" type2 — for CREATE TABLE.
std::string columnDefinitions(const std::vector<Column> &columns);
// "col", "col2" — for SELECT and COPY column lists.
std::string columnList(const std::vector<Column> &columns);
// a."k1" = b."k1" AND a."k2" = b."k2" — rows of two relations with the same key.
std::string keysEqual(const std::string &a, const std::string &b, const std::vector<std::string> &keys);

} // namespace mimeo::replication
