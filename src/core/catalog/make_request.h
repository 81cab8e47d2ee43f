// SPDX-License-Identifier: PostgreSQL
#pragma once
// What a make asks for, and the one check of it that needs no server: the
// CLI refuses a bad request with it before connecting, the engine's make()
// runs it first, so the application (and the wizards) get the same answers.
// The checks that need the source (columns, key, control column's type,
// privileges) stay with each replication family.
#include "pg/quote.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mimeo::catalog {

struct MakeRequest {
    // A make-level name (snap, table, inserter, updater, dml, logdel) or a
    // concrete one (inserter_time, ...: what --time/--serial ask for); see
    // replication_types.h.
    std::string type;
    pg::QualifiedName source;
    int dataSourceId = 0;
    std::optional<pg::QualifiedName> dest; // defaults to the source's name
    std::vector<std::string> filter;
    std::optional<std::string> condition;
    bool index = true;
    bool pullData = true;
    std::optional<std::string> period;
    std::optional<int64_t> batchLimit;
    std::vector<std::string> sequences; // table: sequences to reset after each refresh
    // table: replicate into a destination table that already exists (mimeo's
    // table_maker does so silently; every refresh then empties it first).
    bool useExisting = false;
    // Incremental and dml/logdel types.
    std::optional<std::string> control;
    std::optional<std::string> boundary;
    std::vector<std::string> pkName;
    std::vector<std::string> pkType;
};

// One thing wrong with a request: a sentence naming the option (as written
// on the command line) and, where there is one, the way out.
struct MakeProblem {
    std::string message;
    std::string hint;
};

// Every problem of the request that can be seen without a server: the type,
// the options it allows and needs, the data source, schema-qualified names,
// --pk-name/--pk-type counts, the batch limit. Empty when there is none.
std::vector<MakeProblem> validateMakeRequest(const MakeRequest &request);

// validateMakeRequest, thrown as one pg::Error (usage) listing every problem.
void requireValidMakeRequest(const MakeRequest &request);

} // namespace mimeo::catalog
