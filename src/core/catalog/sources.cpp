// SPDX-License-Identifier: PostgreSQL
#include "catalog/sources.h"

#include "pg/error.h"
#include "pg/quote.h"
#include "pg/redact.h"

#include <libpq-fe.h>

#include <stdexcept>

namespace mimeo::catalog {

SourceRegistry::SourceRegistry(pg::Connection &dest, std::string schema)
    : dest_(dest)
    , schema_(std::move(schema))
    , qs_(pg::quoteIdent(schema_))
{
}

namespace {

// A conninfo as it may go into data_source: parsed by libpq, no password
// (it would be stored in plain text), and naming something: an empty one
// would reach libpq's defaults (the local socket, a database named like the
// user), which is never the source someone meant.
pg::ConnOptions checkedConninfo(const std::string &conninfo)
{
    pg::ConnOptions opts;
    try {
        opts = pg::parseConninfo(conninfo);
    } catch (const std::invalid_argument &e) {
        throw pg::Error::usage(e.what());
    }
    if (pg::findOption(opts, "password")) {
        throw pg::Error::usage("the connection string contains a password; it would be stored in plain text",
                               pg::Side::Unknown,
                               "remove it and use ~/.pgpass, a service file, or --password-stdin");
    }
    return opts;
}

void requireTarget(const pg::ConnOptions &opts)
{
    if (opts.empty())
        throw pg::Error::usage("the connection string names no server or database; libpq would connect to its "
                               "defaults (the local socket, a database named like the user)",
                               pg::Side::Unknown, "give the source's server: --conninfo \"host=HOST dbname=DB\" (or service=NAME)");
}

// A row of dblink_mapping_mimeo as stored (data_source with its password).
SourceRecord recordFrom(const pg::Result &r, int row)
{
    SourceRecord s;
    s.id = static_cast<int>(r.toInt(row, 0));
    s.dataSource = r.text(row, 1);
    s.username = r.text(row, 2);
    s.hasStoredPassword = r.toBool(row, 3);
    s.passwordInDataSource = pg::redact(s.dataSource) != s.dataSource;
    return s;
}

} // namespace

std::vector<SourceRecord> SourceRegistry::list()
{
    std::vector<SourceRecord> out;
    // The view comes with catalog version 5; the application also opens
    // catalogs `mimeo init` has not upgraded yet: mask here then.
    if (dest_.exec("SELECT pg_catalog.to_regclass($1) IS NOT NULL", {qs_ + ".studio_source_list"}).toBool(0, 0)) {
        auto r = dest_.exec("SELECT data_source_id, data_source, username, stored_password, password_in_data_source FROM "
                            + qs_ + ".studio_source_list ORDER BY data_source_id");
        for (int i = 0; i < r.rows(); ++i) {
            SourceRecord s;
            s.id = static_cast<int>(r.toInt(i, 0));
            s.dataSource = pg::redact(r.text(i, 1)); // and any secret this process knows
            s.username = r.text(i, 2);
            s.hasStoredPassword = r.toBool(i, 3);
            s.passwordInDataSource = r.toBool(i, 4);
            out.push_back(std::move(s));
        }
        return out;
    }
    auto r = dest_.exec("SELECT data_source_id, data_source, username, pwd IS NOT NULL FROM " + qs_
                        + ".dblink_mapping_mimeo ORDER BY data_source_id");
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(recordFrom(r, i));
        out.back().dataSource = pg::redact(out.back().dataSource);
    }
    return out;
}

std::optional<SourceRecord> SourceRegistry::find(int id)
{
    auto r = dest_.exec("SELECT data_source_id, data_source, username, pwd IS NOT NULL FROM " + qs_
                            + ".dblink_mapping_mimeo WHERE data_source_id = $1",
                        {std::to_string(id)});
    if (r.rows() == 0)
        return std::nullopt;
    return recordFrom(r, 0);
}

SourceRecord SourceRegistry::get(int id)
{
    if (auto s = find(id))
        return *s;
    throw pg::Error::usage("source " + std::to_string(id) + " does not exist in " + schema_ + ".dblink_mapping_mimeo",
                           pg::Side::Destination, "list the sources with: mimeo source list");
}

int SourceRegistry::add(const std::string &conninfo, const std::string &username,
                        const std::optional<std::string> &storedPassword)
{
    pg::ConnOptions opts = checkedConninfo(conninfo);
    std::string user = username;
    if (auto u = pg::findOption(opts, "user")) {
        if (!user.empty() && user != *u)
            throw pg::Error::usage("the connection string names user " + *u + " but --user says " + user);
        user = *u;
        pg::removeOption(opts, "user");
    }
    requireTarget(opts);
    if (user.empty())
        throw pg::Error::usage("no user given for the source", pg::Side::Unknown, "add --user NAME");
    if (storedPassword)
        pg::rememberSecret(*storedPassword);
    auto r = dest_.exec("INSERT INTO " + qs_
                            + ".dblink_mapping_mimeo (data_source, username, pwd) VALUES ($1, $2, $3) "
                              "RETURNING data_source_id",
                        {pg::toKeywordValueString(opts), user, storedPassword});
    return static_cast<int>(r.toInt(0, 0));
}

void SourceRegistry::update(const SourceRecord &record)
{
    requireTarget(checkedConninfo(record.dataSource));
    auto r = dest_.exec("UPDATE " + qs_ + ".dblink_mapping_mimeo SET data_source = $2, username = $3 "
                              "WHERE data_source_id = $1",
                        {std::to_string(record.id), record.dataSource, record.username});
    if (r.affected() == 0)
        get(record.id); // throws the "does not exist" error
}

std::vector<std::string> SourceRegistry::tablesUsing(int id)
{
    auto r = dest_.exec("SELECT dest_table FROM " + qs_ + ".refresh_config WHERE dblink = $1 ORDER BY dest_table",
                        {std::to_string(id)});
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(r.text(i, 0));
    return out;
}

void SourceRegistry::remove(int id)
{
    pg::Transaction tx(dest_);
    // Lock the row so a maker cannot add a table on it while we check.
    auto r = dest_.exec("SELECT 1 FROM " + qs_ + ".dblink_mapping_mimeo WHERE data_source_id = $1 FOR UPDATE",
                        {std::to_string(id)});
    if (r.rows() == 0)
        get(id);
    auto users = tablesUsing(id);
    if (!users.empty()) {
        std::string list;
        for (const auto &t : users)
            list += (list.empty() ? "" : ", ") + t;
        throw pg::Error::usage("source " + std::to_string(id) + " is still used by " + std::to_string(users.size())
                                   + (users.size() == 1 ? " table: " : " tables: ") + list,
                               pg::Side::Destination, "destroy those replications first (mimeo destroy DEST_TABLE)");
    }
    dest_.exec("DELETE FROM " + qs_ + ".dblink_mapping_mimeo WHERE data_source_id = $1", {std::to_string(id)});
    tx.commit();
}

std::optional<std::string> SourceRegistry::storedPassword(int id)
{
    auto r = dest_.exec("SELECT pwd FROM " + qs_ + ".dblink_mapping_mimeo WHERE data_source_id = $1",
                        {std::to_string(id)});
    if (r.rows() == 0 || r.isNull(0, 0))
        return std::nullopt;
    std::string pw = r.text(0, 0);
    pg::rememberSecret(pw);
    return pw;
}

namespace {

// The options of a stored data_source (libpq's reading, as dblink's).
pg::ConnOptions storedOptions(const std::string &dataSource)
{
    try {
        return pg::parseConninfo(dataSource);
    } catch (const std::invalid_argument &e) {
        throw pg::Error::usage(std::string("data_source: ") + e.what(), pg::Side::Destination);
    }
}

} // namespace

std::optional<std::string> SourceRegistry::catalogPassword(const SourceRecord &stored)
{
    if (auto pw = pg::findOption(storedOptions(stored.dataSource), "password")) {
        pg::rememberSecret(*pw);
        return pw;
    }
    return storedPassword(stored.id);
}

bool SourceRegistry::clearCatalogPasswords(int id, const std::string &storedDataSource, const std::string &newDataSource)
{
    auto r = dest_.exec("UPDATE " + qs_ + ".dblink_mapping_mimeo SET data_source = $3, pwd = NULL "
                              "WHERE data_source_id = $1 AND data_source = $2",
                        {std::to_string(id), storedDataSource, newDataSource});
    return r.affected() == 1;
}

std::string dataSourceWithoutPassword(const std::string &dataSource, const pg::ConnOptions &extra)
{
    pg::ConnOptions opts = storedOptions(dataSource);
    pg::removeOption(opts, "password");
    for (const auto &[k, v] : extra)
        pg::setOption(opts, k, v);
    return pg::toKeywordValueString(opts);
}

pg::ConnectSpec sourceConnectSpec(const SourceRecord &source, const std::string &applicationName,
                                  const std::optional<std::string> &password)
{
    pg::ConnectSpec spec;
    spec.conninfo = source.dataSource;
    spec.overrides.emplace_back("user", source.username);
    if (password)
        spec.overrides.emplace_back("password", *password);
    spec.applicationName = applicationName;
    spec.side = pg::Side::Source;
    return spec;
}

pg::Connection connectSource(SourceRegistry &registry, const SourceRecord &source, const std::string &applicationName,
                             const std::optional<std::string> &password)
{
    if (password || !source.hasStoredPassword)
        return pg::Connection::open(sourceConnectSpec(source, applicationName, password));
    try {
        return pg::Connection::open(sourceConnectSpec(source, applicationName));
    } catch (const pg::Error &e) {
        // Only fall back when the server asked for a password libpq had none for.
        if (!e.passwordNeeded())
            throw;
    }
    return pg::Connection::open(sourceConnectSpec(source, applicationName, registry.storedPassword(source.id)));
}

pg::Connection connectSourceById(pg::Connection &dest, const std::string &schema, int dataSourceId,
                                 const std::string &applicationName, const std::optional<std::string> &password)
{
    SourceRegistry registry(dest, schema);
    return connectSource(registry, registry.get(dataSourceId), applicationName, password);
}

} // namespace mimeo::catalog
