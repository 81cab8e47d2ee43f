// SPDX-License-Identifier: PostgreSQL
#pragma once
// The source registry: rows of mimeo's dblink_mapping_mimeo.
#include "pg/connection.h"
#include "pg/conninfo.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::catalog {

struct SourceRecord {
    int id = 0;
    // The conninfo without user (mimeo's form). A catalog adopted from the
    // mimeo extension may keep password=... in it: from list() it comes
    // masked, for showing; from find()/get() as stored, for connecting and
    // editing.
    std::string dataSource;
    std::string username;
    bool hasStoredPassword = false; // the pwd column is set (mimeo compatibility; discouraged)
    bool passwordInDataSource = false; // data_source holds a password (plain text, readable with it)
};

class SourceRegistry {
public:
    SourceRegistry(pg::Connection &dest, std::string schema);

    // Every source, for showing: data_source masked (studio_source_list,
    // which monitors may read too).
    std::vector<SourceRecord> list();
    std::optional<SourceRecord> find(int id);
    SourceRecord get(int id); // throws Error naming the id when absent

    // Normalises the conninfo (URI or key/value) to quoted key='value' pairs,
    // so mimeo's dblink can read it too. Refuses a conninfo that carries a
    // password; `user` may come from the conninfo when username is empty.
    // storedPassword goes to the pwd column (plain text: callers warn).
    int add(const std::string &conninfo, const std::string &username,
            const std::optional<std::string> &storedPassword = std::nullopt);
    void update(const SourceRecord &record);

    // Refused while refresh_config rows use the source; the error names them.
    void remove(int id);

    // Destination tables configured on this source, sorted.
    std::vector<std::string> tablesUsing(int id);

    // The catalog's stored password (mimeo compatibility), if any.
    std::optional<std::string> storedPassword(int id);

    // The password the catalog keeps for a source (record as get() returns
    // it), to move it somewhere safer: the one inside data_source first (it
    // is the one libpq uses), else the pwd column; nullopt when neither.
    std::optional<std::string> catalogPassword(const SourceRecord &stored);

    // Once the password lives elsewhere: data_source becomes newDataSource
    // and pwd NULL, but only while data_source is still storedDataSource;
    // false when someone changed it meanwhile (nothing is written then).
    bool clearCatalogPasswords(int id, const std::string &storedDataSource, const std::string &newDataSource);

private:
    pg::Connection &dest_;
    std::string schema_;
    std::string qs_;
};

// data_source without its password, with extra options set (for example a
// passfile), in mimeo's quoted key='value' form. Throws Error when libpq
// cannot parse it.
std::string dataSourceWithoutPassword(const std::string &dataSource, const pg::ConnOptions &extra = {});

// What is needed to connect to a source: libpq options from the record, with
// the user, and a password when one is known.
pg::ConnectSpec sourceConnectSpec(const SourceRecord &source, const std::string &applicationName,
                                  const std::optional<std::string> &password = std::nullopt);

// Connects to a source. The password order is the design's: an explicit
// password (keychain) first; else libpq's own means (.pgpass, service file,
// PGPASSWORD); and only when the server then asks for a password that libpq
// could not find, the catalog's pwd column (for mimeo compatibility).
pg::Connection connectSource(SourceRegistry &registry, const SourceRecord &source, const std::string &applicationName,
                             const std::optional<std::string> &password = std::nullopt);

// connectSource for a data source id of the catalog in schema.
pg::Connection connectSourceById(pg::Connection &dest, const std::string &schema, int dataSourceId,
                                 const std::string &applicationName, const std::optional<std::string> &password = std::nullopt);

} // namespace mimeo::catalog
