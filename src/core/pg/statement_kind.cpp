// SPDX-License-Identifier: PostgreSQL
#include "pg/statement_kind.h"

#include "pg/sql_lexer.h"

#include <algorithm>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

namespace mimeo::pg {
namespace {

using Tokens = std::vector<SqlToken>;

bool isWord(const Tokens &t, size_t i, std::string_view word)
{
    return i < t.size() && t[i].kind == SqlToken::Kind::Word && t[i].text == word;
}

bool isSymbol(const Tokens &t, size_t i, std::string_view symbol)
{
    return i < t.size() && t[i].kind == SqlToken::Kind::Symbol && t[i].text == symbol;
}

bool oneOf(const Tokens &t, size_t i, std::initializer_list<std::string_view> words)
{
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return isWord(t, i, w); });
}

bool hasWord(const Tokens &t, std::string_view word, size_t from = 0)
{
    for (size_t i = from; i < t.size(); ++i) {
        if (isWord(t, i, word))
            return true;
    }
    return false;
}

// A call of one of these functions anywhere in the statement: name( or schema.name(.
bool calls(const Tokens &t, std::initializer_list<std::string_view> functions)
{
    for (size_t i = 0; i + 1 < t.size(); ++i) {
        if (oneOf(t, i, functions) && isSymbol(t, i + 1, "("))
            return true;
    }
    return false;
}

bool callsPrefixed(const Tokens &t, std::string_view prefix)
{
    for (size_t i = 0; i + 1 < t.size(); ++i) {
        if (t[i].kind == SqlToken::Kind::Word && t[i].text.rfind(prefix, 0) == 0 && isSymbol(t, i + 1, "("))
            return true;
    }
    return false;
}

StatementEffect selectEffect(const Tokens &t, size_t start)
{
    for (size_t i = start; i < t.size(); ++i) {
        if (isWord(t, i, "INTO") && t[i].depth == t[start].depth)
            return StatementEffect::Change; // SELECT ... INTO creates a table
    }
    if (calls(t, {"NEXTVAL", "SETVAL"}))
        return StatementEffect::Change;
    if (calls(t, {"SET_CONFIG"}) || callsPrefixed(t, "PG_ADVISORY") || callsPrefixed(t, "PG_TRY_ADVISORY"))
        return StatementEffect::Session;
    return StatementEffect::Read;
}

StatementEffect effectOf(const Tokens &t);

// WITH ...: a change when a CTE modifies data (AS [NOT MATERIALIZED] (INSERT|UPDATE|DELETE ...)
// or the main statement does.
StatementEffect withEffect(const Tokens &t)
{
    for (size_t i = 1; i + 1 < t.size(); ++i) {
        if (isSymbol(t, i, "(") && oneOf(t, i - 1, {"AS", "MATERIALIZED"}) && oneOf(t, i + 1, {"INSERT", "UPDATE", "DELETE", "MERGE"}))
            return StatementEffect::Change;
    }
    for (size_t i = 1; i < t.size(); ++i) {
        if (t[i].depth == 0 && oneOf(t, i, {"SELECT", "VALUES", "TABLE"}))
            return selectEffect(t, i);
        if (t[i].depth == 0 && oneOf(t, i, {"INSERT", "UPDATE", "DELETE", "MERGE"}))
            return StatementEffect::Change;
    }
    return StatementEffect::Change;
}

StatementEffect explainEffect(const Tokens &t)
{
    for (size_t i = 1; i < t.size(); ++i) {
        if (t[i].depth == 0 && oneOf(t, i, {"SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "TABLE", "WITH",
                                             "CREATE", "EXECUTE", "DECLARE"})) {
            bool analyze = false;
            for (size_t j = 1; j < i; ++j)
                analyze = analyze || isWord(t, j, "ANALYZE") || isWord(t, j, "ANALYSE");
            return analyze ? effectOf(Tokens(t.begin() + static_cast<long>(i), t.end())) : StatementEffect::Read;
        }
    }
    return StatementEffect::Read;
}

StatementEffect copyEffect(const Tokens &t)
{
    for (size_t i = 1; i < t.size(); ++i) {
        if (t[i].depth == 0 && isWord(t, i, "FROM"))
            return StatementEffect::Change;
        if (t[i].depth == 0 && isWord(t, i, "TO"))
            return StatementEffect::Read;
    }
    return StatementEffect::Change;
}

StatementEffect effectOf(const Tokens &t)
{
    if (t.empty())
        return StatementEffect::Read;
    if (oneOf(t, 0, {"BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE"})
        || (isWord(t, 0, "PREPARE") && isWord(t, 1, "TRANSACTION")))
        return StatementEffect::Transaction;
    if (oneOf(t, 0, {"SELECT", "VALUES", "TABLE"}))
        return selectEffect(t, 0);
    if (isWord(t, 0, "WITH"))
        return withEffect(t);
    if (isWord(t, 0, "EXPLAIN"))
        return explainEffect(t);
    if (isWord(t, 0, "COPY"))
        return copyEffect(t);
    if (oneOf(t, 0, {"SHOW", "FETCH", "MOVE", "CLOSE", "DECLARE"}))
        return StatementEffect::Read;
    if (oneOf(t, 0, {"SET", "RESET", "LOCK", "LISTEN", "UNLISTEN", "DISCARD", "LOAD", "DEALLOCATE", "PREPARE"}))
        return StatementEffect::Session;
    return StatementEffect::Change;
}

bool cannotRunInTransactionBlock(const Tokens &t)
{
    if (isWord(t, 0, "VACUUM") || (isWord(t, 0, "ALTER") && isWord(t, 1, "SYSTEM")))
        return true;
    if (oneOf(t, 0, {"CREATE", "DROP"}) && oneOf(t, 1, {"DATABASE", "TABLESPACE"}))
        return true;
    if (isWord(t, 0, "CREATE") && (isWord(t, 1, "INDEX") || (isWord(t, 1, "UNIQUE") && isWord(t, 2, "INDEX"))))
        return isWord(t, isWord(t, 1, "UNIQUE") ? 3 : 2, "CONCURRENTLY");
    if (isWord(t, 0, "DROP") && isWord(t, 1, "INDEX"))
        return isWord(t, 2, "CONCURRENTLY");
    if (isWord(t, 0, "REINDEX"))
        return hasWord(t, "CONCURRENTLY");
    // CLUSTER without a table works through every clustered table, one transaction each.
    if (isWord(t, 0, "CLUSTER"))
        return t.size() == 1 || (t.size() == 2 && isWord(t, 1, "VERBOSE"));
    return false;
}

TransactionControl controlOf(const Tokens &t)
{
    if (oneOf(t, 0, {"BEGIN", "START"}))
        return TransactionControl::Begin;
    if (oneOf(t, 0, {"SAVEPOINT", "RELEASE"}))
        return TransactionControl::Savepoint;
    if (isWord(t, 0, "PREPARE") && isWord(t, 1, "TRANSACTION"))
        throw std::invalid_argument("a rehearsal cannot run PREPARE TRANSACTION");
    const bool commit = oneOf(t, 0, {"COMMIT", "END"});
    const bool rollback = oneOf(t, 0, {"ROLLBACK", "ABORT"});
    if (!commit && !rollback)
        return cannotRunInTransactionBlock(t) ? TransactionControl::NotInTransactionBlock : TransactionControl::None;
    if (hasWord(t, "PREPARED"))
        throw std::invalid_argument("a rehearsal cannot run COMMIT PREPARED or ROLLBACK PREPARED");
    if (hasWord(t, "CHAIN") && !(hasWord(t, "NO")))
        throw std::invalid_argument("a rehearsal cannot run COMMIT AND CHAIN or ROLLBACK AND CHAIN");
    if (rollback && hasWord(t, "TO"))
        return TransactionControl::Savepoint;
    return commit ? TransactionControl::Commit : TransactionControl::Rollback;
}

} // namespace

StatementEffect statementEffect(std::string_view sql)
{
    StatementEffect out = StatementEffect::Read;
    auto rank = [](StatementEffect e) {
        switch (e) {
        case StatementEffect::Read: return 0;
        case StatementEffect::Session: return 1;
        case StatementEffect::Transaction: return 2;
        case StatementEffect::Change: return 3;
        }
        return 3;
    };
    for (const auto &statement : sqlStatements(sql)) {
        const auto e = effectOf(statement);
        if (rank(e) > rank(out))
            out = e;
    }
    return out;
}

TransactionControl transactionControl(std::string_view sql)
{
    const auto statements = sqlStatements(sql);
    if (statements.size() == 1)
        return controlOf(statements.front());
    bool allSavepoints = !statements.empty();
    for (const auto &statement : statements) {
        const auto c = controlOf(statement);
        if (c != TransactionControl::None && c != TransactionControl::Savepoint)
            throw std::invalid_argument("a rehearsal cannot run transaction control, or a statement that cannot run in a "
                                        "transaction block, together with other statements in one string");
        allSavepoints = allSavepoints && c == TransactionControl::Savepoint;
    }
    return allSavepoints ? TransactionControl::Savepoint : TransactionControl::None;
}

} // namespace mimeo::pg
