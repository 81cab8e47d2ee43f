// SPDX-License-Identifier: PostgreSQL
#pragma once
// Helpers shared by the dml, logdel and queue interop suites.
#include "pg/connection.h"
#include "replication_fixture.h"

#include <QString>
#include <QStringList>

#include <string>

namespace mimeo::test::queue {

// The objects mimeo keeps on the source, sorted: "table mimeo.x_q",
// "function mimeo.x_mimeo_queue", "trigger x_mimeo_trig on s.t".
inline QStringList sourceObjects(pg::Connection &src)
{
    auto r = src.exec("SELECT 'table ' || n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                      "WHERE n.nspname = 'mimeo' AND c.relkind = 'r' "
                      "UNION ALL SELECT 'function ' || n.nspname || '.' || p.proname FROM pg_proc p "
                      "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'mimeo' "
                      "UNION ALL SELECT 'trigger ' || t.tgname || ' on ' || n.nspname || '.' || c.relname FROM pg_trigger t "
                      "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal "
                      "ORDER BY 1");
    QStringList out;
    for (int i = 0; i < r.rows(); ++i)
        out << QString::fromStdString(r.text(i, 0));
    return out;
}

inline int64_t count(pg::Connection &c, const std::string &sql) { return c.exec(sql).toInt(0, 0); }

// A random workload on a table (a int, b text, v text, n numeric, PRIMARY KEY
// (a, b)): updates, key changes, deletes, inserts and re-inserts of deleted
// keys, each statement its own transaction, several changes per key. Seeded,
// so a failure reproduces.
inline void randomWorkload(pg::Connection &src, const std::string &table, int round)
{
    const std::string r = std::to_string(round);
    src.exec("SELECT setseed(0." + std::to_string(10 + round) + ")");
    for (const std::string &sql : std::initializer_list<std::string>{
             "UPDATE " + table + " SET v = md5(random()::text) WHERE random() < 0.15",
             "UPDATE " + table + " SET n = n + 1 WHERE random() < 0.10",
             // key changes, to keys no other round uses
             "UPDATE " + table + " SET a = a + 1000000 * " + r + " WHERE a < 1000000 AND random() < 0.03",
             "UPDATE " + table + " SET b = b || '~" + r + "' WHERE random() < 0.02",
             "CREATE TEMP TABLE IF NOT EXISTS gone (a int, b text, v text, n numeric)",
             "WITH d AS (DELETE FROM " + table + " WHERE random() < 0.05 RETURNING *) INSERT INTO gone SELECT * FROM d",
             "INSERT INTO " + table + " SELECT g, 'k' || (g % 3), 'new' || g, g FROM generate_series(" + std::to_string(5000 + round * 300)
                 + ", " + std::to_string(5000 + round * 300 + 299) + ") g ON CONFLICT DO NOTHING",
             // re-insert about half of what was deleted, with other values
             "WITH r AS (DELETE FROM gone WHERE random() < 0.5 RETURNING *) INSERT INTO " + table
                 + " SELECT a, b, 'again', n FROM r ON CONFLICT DO NOTHING",
             "UPDATE " + table + " SET v = NULL WHERE random() < 0.02",
             "DELETE FROM " + table + " WHERE random() < 0.01",
         })
        src.exec(sql);
}

// The logdel model, for src.t (a, b, v, n) with key (a, b): every deletion
// goes to src.deleted_log (a trigger of the test's own); settle() turns them
// into src.expected_log, the deletions the destination should show.
inline void installDeletionModel(pg::Connection &src)
{
    src.exec("CREATE TABLE src.deleted_log (a int, b text, v text, n numeric, at timestamptz);"
             "CREATE TABLE src.expected_log (a int, b text, v text, n numeric);"
             "CREATE FUNCTION src.log_delete() RETURNS trigger LANGUAGE plpgsql AS "
             "$$BEGIN INSERT INTO src.deleted_log VALUES (OLD.a, OLD.b, OLD.v, OLD.n, clock_timestamp()); RETURN NULL; END$$;"
             "CREATE TRIGGER log_delete AFTER DELETE ON src.t FOR EACH ROW EXECUTE FUNCTION src.log_delete();");
}

// After a refresh: a key live on the source is live on the destination (a
// logged deletion of it is gone); a key deleted since the last refresh and
// absent now shows its latest deletion; other logged deletions stay.
inline void settleDeletionModel(pg::Connection &src)
{
    src.exec("DELETE FROM src.expected_log e USING src.t s WHERE (e.a, e.b) = (s.a, s.b);"
             "CREATE TEMP TABLE latest AS SELECT DISTINCT ON (a, b) a, b, v, n FROM src.deleted_log d "
             "WHERE NOT EXISTS (SELECT 1 FROM src.t s WHERE (s.a, s.b) = (d.a, d.b)) ORDER BY a, b, at DESC;"
             "DELETE FROM src.expected_log e USING latest l WHERE (e.a, e.b) = (l.a, l.b);"
             "INSERT INTO src.expected_log SELECT * FROM latest; DROP TABLE latest; TRUNCATE src.deleted_log;");
}

// F: anything with differences(sourceQuery, destQuery), as ReplicationFixture.
template <typename F> QString matchesDeletionModel(F &f, const std::string &dest)
{
    return f.differences("SELECT a, b, v, n, false FROM src.t UNION ALL SELECT a, b, v, n, true FROM src.expected_log",
                         "SELECT a, b, v, n, mimeo_source_deleted IS NOT NULL FROM " + dest);
}

} // namespace mimeo::test::queue
