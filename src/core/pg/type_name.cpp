// SPDX-License-Identifier: PostgreSQL
#include "pg/type_name.h"

#include "pg/connection.h"
#include "pg/error.h"
#include "pg/savepoint.h"
#include "pg/search_path.h"

#include <optional>

namespace mimeo::pg {
namespace {

struct Resolved {
    std::string spelling;
    bool pseudo = false;
};

std::optional<Resolved> resolve(Connection &conn, const std::string &typeText)
{
    // to_regtype() accepts exactly one type name (anything more is a syntax
    // error, an unknown name is NULL) but drops the typmod.
    auto r = conn.exec("SELECT pg_catalog.to_regtype($1)::oid", {typeText});
    if (r.isNull(0, 0))
        return std::nullopt;
    const std::string oid = r.text(0, 0);
    // The text is one type name now, so a cast to it is one expression: the
    // server describes its result (type and typmod) without running it.
    const auto columns = conn.describeResult("SELECT NULL::" + typeText);
    if (columns.size() != 1 || std::to_string(columns[0].type) != oid)
        return std::nullopt;
    Resolved out;
    withCatalogSearchPath(conn, [&] {
        auto f = conn.exec("SELECT pg_catalog.format_type(t.oid, $2::int), t.typtype = 'p' FROM pg_catalog.pg_type t "
                           "WHERE t.oid = $1::oid",
                           {oid, std::to_string(columns[0].typmod)});
        out.spelling = f.text(0, 0);
        out.pseudo = f.toBool(0, 1);
    });
    return out;
}

} // namespace

std::string canonicalTypeName(Connection &conn, const std::string &typeText, const std::string &what)
{
    const std::string side(sideName(conn.side()));
    std::optional<Resolved> resolved;
    std::optional<Error> refused;
    if (typeText.find_first_not_of(" \t\r\n") != std::string::npos) {
        const auto attempt = [&] { resolved = resolve(conn, typeText); };
        if (conn.inTransaction()) {
            refused = attemptInSavepoint(conn, attempt);
        } else {
            try {
                attempt();
            } catch (const Error &e) {
                if (conn.isBad())
                    throw;
                refused = e;
            }
        }
    }
    if (refused)
        throw Error::usage(what + " is not a type name the " + side + " accepts: " + refused->message(), conn.side(),
                           "give one type name, e.g. integer, text or numeric(10,2)");
    if (!resolved)
        throw Error::usage(what + " is not a type the " + side + " knows", conn.side(),
                           "type names are resolved with the " + side + " connection's search_path; qualify a type of "
                           "another schema (myschema.mytype)");
    if (resolved->pseudo)
        throw Error::usage(what + " is a pseudo-type (" + resolved->spelling + "), which no column can have", conn.side());
    return resolved->spelling;
}

} // namespace mimeo::pg
