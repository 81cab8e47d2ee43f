// SPDX-License-Identifier: PostgreSQL
// What the "make a replication" wizard asks the core (src/core/setup),
// against real servers: browsing a source (schemas, pages of relations with
// a literal name filter, one table's keys, control columns, sizes and
// statistics), which destinations already replicate a table, the type
// advice for each of its rules, the pre-flight red and then green after its
// own fix statements ran, the condition check and the next pull's sentence,
// and how fast the first page of 5,000 tables comes.
#include "catalog/config_list.h"
#include "catalog/installer.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication_fixture.h"
#include "setup/option_checks.h"
#include "setup/preflight.h"
#include "setup/source_tables.h"
#include "setup/type_advice.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <unistd.h>

using namespace mimeo;
using test::ReplicationFixture;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

const char *kShop = R"SQL(
CREATE SCHEMA app;
CREATE SCHEMA other;
CREATE TABLE app.orders (
    id bigint PRIMARY KEY,
    code text UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz,
    amount numeric(10,2),
    n integer NOT NULL DEFAULT 0,
    note text
);
CREATE INDEX orders_created_idx ON app.orders (created_at);
CREATE INDEX orders_amount_updated_idx ON app.orders (amount, updated_at);
CREATE UNIQUE INDEX orders_lower_note_key ON app.orders (lower(note));
CREATE UNIQUE INDEX orders_n_partial_key ON app.orders (n) WHERE n > 0;
CREATE INDEX orders_n_hash ON app.orders USING hash (n);
INSERT INTO app.orders (id, code, amount, n) SELECT g, 'c' || g, g, 0 FROM generate_series(1, 500) g;
CREATE TABLE app.events (id bigint NOT NULL, at timestamptz NOT NULL, v text) PARTITION BY RANGE (at);
CREATE TABLE app.events_2025 PARTITION OF app.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE app.events_2026 PARTITION OF app.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
INSERT INTO app.events SELECT g, timestamptz '2025-06-01' + g * interval '1 hour', repeat('x', 50) FROM generate_series(1, 6000) g;
CREATE VIEW app.order_view AS SELECT id, code, created_at FROM app.orders;
CREATE TABLE app."Odd_%name" (x int);
CREATE TABLE app."Oddx%name" (x int);
CREATE TABLE app."Odd_xname" (x int);
CREATE TABLE other.t (x int);
ANALYZE app.orders, app.events, app.events_2025, app.events_2026;
)SQL";

QStringList names(const setup::RelationPage &page)
{
    QStringList out;
    for (const auto &r : page.rows)
        out << q(r.schema + "." + r.name);
    return out;
}

const setup::SourceRelationEntry *entry(const setup::RelationPage &page, const std::string &name)
{
    auto it = std::find_if(page.rows.begin(), page.rows.end(), [&](const auto &r) { return r.name == name; });
    return it == page.rows.end() ? nullptr : &*it;
}

const setup::ControlCandidateInfo *candidate(const setup::SourceTableDetails &d, const std::string &column)
{
    auto it = std::find_if(d.controlCandidates.begin(), d.controlCandidates.end(), [&](const auto &c) { return c.column == column; });
    return it == d.controlCandidates.end() ? nullptr : &*it;
}

const setup::PreflightCheck *failed(const std::vector<setup::PreflightCheck> &checks, const std::string &inFix)
{
    auto it = std::find_if(checks.begin(), checks.end(), [&](const auto &c) { return !c.ok && c.fix.find(inFix) != std::string::npos; });
    return it == checks.end() ? nullptr : &*it;
}

QString failures(const std::vector<setup::PreflightCheck> &checks)
{
    QString out;
    for (const auto &c : checks)
        if (!c.ok)
            out += q("[" + std::string(pg::sideName(c.side)) + "] " + c.what + ": " + c.problem + " -> " + c.fix + "\n");
    return out;
}

// A role of this process (role names are cluster-wide), dropped with what it owns.
struct TempRole {
    pg::Connection &admin;
    std::string name;
    TempRole(pg::Connection &a, const std::string &prefix) : admin(a), name(prefix + "_" + std::to_string(::getpid()))
    {
        admin.exec("DROP ROLE IF EXISTS " + name);
        admin.exec("CREATE ROLE " + name + " LOGIN");
    }
    ~TempRole()
    {
        try {
            admin.exec("DROP OWNED BY " + name + "; DROP ROLE " + name);
        } catch (const std::exception &) {
        }
    }
};

pg::Connection connectAs(const test::ScratchDb &db, const std::string &role, pg::Side side)
{
    pg::ConnectSpec spec;
    spec.conninfo = db.conninfo(role);
    spec.side = side;
    return pg::Connection::open(spec);
}

// Counters reach the shared statistics only when the writing session flushes them.
void flushStats(pg::Connection &c) { c.exec("SELECT pg_stat_force_next_flush()"); }

} // namespace

class TestSetupCore : public QObject {
    Q_OBJECT
private slots:
    void schemasAndPages()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "setup_pages");
        f.src().exec(kShop);
        const auto schemas = setup::listSourceSchemas(f.src());
        QCOMPARE(schemas, (std::vector<std::string>{"app", "other"})); // public is empty; no system schema

        const auto all = setup::listSourceRelations(f.src(), "", "", 0, 100);
        QCOMPARE(names(all), (QStringList{"app.Odd_%name", "app.Odd_xname", "app.Oddx%name", "app.events", "app.order_view",
                                          "app.orders", "other.t"}));
        QVERIFY(!all.more);
        // The partitioned parent stands for its partitions: rows and bytes summed.
        const auto *events = entry(all, "events");
        QVERIFY(events);
        QCOMPARE(events->relkind, 'p');
        QCOMPARE(events->estimatedRows, int64_t(6000));
        const auto bytes = f.src().exec("SELECT pg_total_relation_size('app.events_2025') + pg_total_relation_size('app.events_2026')");
        QCOMPARE(events->bytes, bytes.toInt(0, 0));
        QVERIFY(events->bytes > 0);
        QVERIFY(events->readable);
        const auto *view = entry(all, "order_view");
        QCOMPARE(view->relkind, 'v');
        QCOMPARE(view->bytes, int64_t(-1));
        QCOMPARE(view->estimatedRows, int64_t(-1));
        QCOMPARE(entry(all, "orders")->estimatedRows, int64_t(500));
        QCOMPARE(entry(all, "orders")->bytes, f.src().exec("SELECT pg_total_relation_size('app.orders')").toInt(0, 0));
        QCOMPARE(entry(all, "Odd_xname")->estimatedRows, int64_t(-1)); // never analyzed

        // Pages of 3 add up to the whole list, in order; only the last says no more.
        QStringList paged;
        for (int offset = 0;; offset += 3) {
            const auto page = setup::listSourceRelations(f.src(), "", "", offset, 3);
            paged += names(page);
            QVERIFY(page.rows.size() <= 3);
            if (!page.more)
                break;
            QCOMPARE(page.rows.size(), size_t(3));
        }
        QCOMPARE(paged, names(all));

        // The filter: case-insensitive, % and _ are characters like any other.
        QCOMPARE(names(setup::listSourceRelations(f.src(), "", "D_%N", 0, 100)), QStringList{"app.Odd_%name"});
        QCOMPARE(names(setup::listSourceRelations(f.src(), "", "_x", 0, 100)), QStringList{"app.Odd_xname"});
        QCOMPARE(names(setup::listSourceRelations(f.src(), "app", "ORDER", 0, 100)), (QStringList{"app.order_view", "app.orders"}));
        QCOMPARE(names(setup::listSourceRelations(f.src(), "other", "", 0, 100)), QStringList{"other.t"});
        QCOMPARE(names(setup::listSourceRelations(f.src(), "app", "nothing like it", 0, 100)), QStringList());
    }

    void tableDetails()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "setup_details");
        f.src().exec(kShop);
        f.src().exec("UPDATE app.orders SET n = id WHERE id <= 10; DELETE FROM app.orders WHERE id > 490;"
                     "INSERT INTO app.orders (id, code) VALUES (1000, 'new')");
        flushStats(f.src());

        const auto d = setup::describeSourceTable(f.src(), {"app", "orders"});
        QCOMPARE(d.relkind, 'r');
        QVERIFY(!d.isView);
        QCOMPARE(d.columns.size(), size_t(7));
        QCOMPARE(d.columns[0].name, std::string("id"));
        QCOMPARE(d.columns[0].type, std::string("bigint"));
        QVERIFY(d.columns[0].notNull);
        QCOMPARE(d.columns[2].type, std::string("timestamp with time zone"));
        QVERIFY(d.columns[2].notNull);
        QVERIFY(!d.columns[3].notNull);
        QCOMPARE(d.columns[4].type, std::string("numeric(10,2)"));
        // Keys: the primary key (the replication key) first, then the unique
        // constraint; not the expression index, the partial one or the others.
        QCOMPARE(d.keys.size(), size_t(2));
        QCOMPARE(d.keys[0].name, std::string("orders_pkey"));
        QVERIFY(d.keys[0].primary && d.keys[0].replicationKey && d.keys[0].notNull);
        QCOMPARE(d.keys[0].types, std::vector<std::string>{"bigint"});
        QCOMPARE(d.keys[1].name, std::string("orders_code_key"));
        QVERIFY(!d.keys[1].primary && !d.keys[1].replicationKey && !d.keys[1].notNull);
        QCOMPARE(d.keys[1].columns, std::vector<std::string>{"code"});
        QCOMPARE(d.replicationKey()->name, std::string("orders_pkey"));
        // Control candidates in column order; indexed = first column of a btree without predicate.
        QCOMPARE(d.controlCandidates.size(), size_t(4));
        const auto *id = candidate(d, "id");
        QVERIFY(id && !id->time && id->indexed && id->notNull);
        const auto *created = candidate(d, "created_at");
        QVERIFY(created && created->time && created->indexed && created->notNull);
        const auto *updated = candidate(d, "updated_at");
        QVERIFY(updated && updated->time && !updated->indexed && !updated->notNull); // second column of its index
        const auto *n = candidate(d, "n");
        QVERIFY(n && !n->time && !n->indexed); // hash and partial indexes do not count
        QVERIFY(!candidate(d, "amount"));
        QVERIFY(d.activity);
        QCOMPARE(d.activity->inserted, int64_t(501));
        QCOMPARE(d.activity->updated, int64_t(10));
        QCOMPARE(d.activity->deleted, int64_t(10));
        QCOMPARE(d.activity->live, int64_t(491));
        QVERIFY(d.trackCounts);
        QCOMPARE(d.estimatedRows, int64_t(500)); // as of the ANALYZE

        const auto events = setup::describeSourceTable(f.src(), {"app", "events"});
        QCOMPARE(events.relkind, 'p');
        QCOMPARE(events.estimatedRows, int64_t(6000));
        QCOMPARE(events.bytes, setup::listSourceRelations(f.src(), "app", "events", 0, 1).rows.at(0).bytes);
        QVERIFY(events.activity);
        QCOMPARE(events.activity->inserted, int64_t(6000));
        QVERIFY(events.keys.empty());

        const auto view = setup::describeSourceTable(f.src(), {"app", "order_view"});
        QVERIFY(view.isView);
        QVERIFY(!view.activity);
        QVERIFY(view.keys.empty());
        QCOMPARE(view.bytes, int64_t(-1));
        QCOMPARE(view.controlCandidates.size(), size_t(2));

        try {
            setup::describeSourceTable(f.src(), {"app", "missing"});
            QFAIL("no error for a missing table");
        } catch (const pg::Error &e) {
            QCOMPARE(e.side(), pg::Side::Source);
            QVERIFY(e.sqlstate().empty());
            QVERIFY2(e.message().find("app.missing") != std::string::npos, e.message().c_str());
        }
        TempRole role(f.src(), "setup_reader");
        auto asRole = connectAs(f.srcDb(), role.name, pg::Side::Source);
        try {
            setup::describeSourceTable(asRole, {"app", "orders"});
            QFAIL("no error for a table the role may not read");
        } catch (const pg::Error &e) {
            QCOMPARE(e.side(), pg::Side::Source);
            QVERIFY2(e.message().find("may not read source table app.orders") != std::string::npos, e.message().c_str());
            QVERIFY2(e.hint().find("GRANT SELECT ON TABLE \"app\".\"orders\" TO \"" + role.name + "\";") != std::string::npos,
                     e.hint().c_str());
            QVERIFY2(e.hint().find("GRANT USAGE ON SCHEMA \"app\"") != std::string::npos, e.hint().c_str());
        }
    }

    void alreadyReplicated()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "setup_repl");
        f.src().exec(kShop);
        f.dest().exec("CREATE SCHEMA rep");
        QVERIFY(catalog::destinationsReplicating(f.dest(), "mimeo", f.sourceId(), {"app", "orders"}).empty());
        MIMEO_NOTHROW(f.make(f.request("snap", "app.orders", "rep.orders_snap")));
        MIMEO_NOTHROW(f.make(f.request("table", "app.orders", "rep.orders_copy")));
        MIMEO_NOTHROW(f.make(f.request("snap", "app.events", "rep.events")));
        const auto found = catalog::destinationsReplicating(f.dest(), "mimeo", f.sourceId(), {"app", "orders"});
        QCOMPARE(found.size(), size_t(2));
        QCOMPARE(found[0].destTable, std::string("rep.orders_copy"));
        QCOMPARE(found[0].type, std::string("table"));
        QCOMPARE(found[1].destTable, std::string("rep.orders_snap"));
        QCOMPARE(found[1].type, std::string("snap"));
        QVERIFY(catalog::destinationsReplicating(f.dest(), "mimeo", f.sourceId() + 1, {"app", "orders"}).empty());
        QVERIFY(catalog::destinationsReplicating(f.dest(), "mimeo", f.sourceId(), {"app", "order_view"}).empty());
    }

    void adviceRules()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "setup_advice");
        f.src().exec(R"SQL(
            CREATE SCHEMA app;
            CREATE TABLE app.lookup (code text, label text);
            INSERT INTO app.lookup SELECT 'c' || g, 'l' FROM generate_series(1, 50) g;
            CREATE TABLE app.log (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), msg text);
            CREATE INDEX log_at_idx ON app.log (at);
            INSERT INTO app.log (msg) SELECT 'm' FROM generate_series(1, 200);
            CREATE TABLE app.accounts (id int PRIMARY KEY, balance numeric, updated_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX accounts_updated_idx ON app.accounts (updated_at);
            INSERT INTO app.accounts SELECT g, 0 FROM generate_series(1, 200) g;
            UPDATE app.accounts SET balance = 1, updated_at = now() WHERE id <= 20;
            CREATE TABLE app.items (id int PRIMARY KEY, v text);
            INSERT INTO app.items SELECT g, 'v' FROM generate_series(1, 200) g;
            UPDATE app.items SET v = 'w' WHERE id <= 5;
            DELETE FROM app.items WHERE id > 190;
            CREATE VIEW app.recent AS SELECT id, at, msg FROM app.log;
            ANALYZE app.lookup, app.log, app.accounts, app.items;
        )SQL");
        flushStats(f.src());
        auto advise = [&](const char *table, bool keepDeleted = false) {
            return setup::adviseTypes(setup::describeSourceTable(f.src(), {"app", table}), keepDeleted);
        };

        // No key, small: snap; nothing keyed can be made.
        const auto lookup = advise("lookup");
        QCOMPARE(lookup.recommended, std::string("snap"));
        QVERIFY2(lookup.why.find("without a key") != std::string::npos, lookup.why.c_str());
        QVERIFY(!lookup.sizeWarning);
        QCOMPARE(lookup.choices.size(), size_t(8));
        for (const char *t : {"updater_time", "updater_serial", "dml", "logdel", "inserter_time", "inserter_serial"})
            QVERIFY2(!lookup.choice(t)->usable, t);
        QVERIFY2(lookup.choice("dml")->reason.find("no primary key") != std::string::npos, lookup.choice("dml")->reason.c_str());
        QVERIFY(lookup.choice("snap")->usable && lookup.choice("table")->usable);

        // Only inserts, an indexed time column: inserter (time).
        const auto log = advise("log");
        QCOMPARE(log.recommended, std::string("inserter_time"));
        QCOMPARE(log.choice("inserter_time")->control, std::string("at"));
        QCOMPARE(log.choice("inserter_serial")->control, std::string("id"));
        QVERIFY2(log.why.find("only inserted") != std::string::npos, log.why.c_str());

        // Updates, no deletes, an indexed updated-at column and a key: updater (time).
        const auto accounts = advise("accounts");
        QCOMPARE(accounts.recommended, std::string("updater_time"));
        QCOMPARE(accounts.choice("updater_time")->control, std::string("updated_at"));

        // Updates and deletes with a key: dml; deleted rows kept: logdel.
        const auto items = advise("items");
        QCOMPARE(items.recommended, std::string("dml"));
        QVERIFY2(items.why.find("updated and deleted") != std::string::npos, items.why.c_str());
        QCOMPARE(advise("items", true).recommended, std::string("logdel"));
        // Without a key, logdel cannot keep them: said, and something else recommended.
        const auto lookupKeep = advise("lookup", true);
        QCOMPARE(lookupKeep.recommended, std::string("snap"));
        QVERIFY2(lookupKeep.why.find("logdel") != std::string::npos, lookupKeep.why.c_str());

        // A view: no triggers for dml/logdel; updater only with a named key.
        const auto recent = advise("recent");
        QCOMPARE(recent.recommended, std::string("snap"));
        QVERIFY(!recent.choice("dml")->usable && !recent.choice("logdel")->usable);
        QVERIFY2(recent.choice("dml")->reason.find("view cannot have the row triggers") != std::string::npos,
                 recent.choice("dml")->reason.c_str());
        QVERIFY(recent.choice("updater_time")->usable && recent.choice("updater_time")->needsKey);
        QVERIFY2(recent.choice("updater_time")->reason.find("--pk-name") != std::string::npos,
                 recent.choice("updater_time")->reason.c_str());
        QVERIFY(recent.choice("inserter_time")->usable && !recent.choice("inserter_time")->needsKey);

        // Too big for snapshots (the size is the only thing changed here: a
        // table of that size is not made in a test): the size advice, and
        // without any changes seen, dml for a keyed table, snap without a key.
        auto big = setup::describeSourceTable(f.src(), {"app", "items"});
        big.activity.reset();
        big.estimatedRows = 6'000'000;
        const auto bigAdvice = setup::adviseTypes(big, false);
        QVERIFY(bigAdvice.sizeWarning);
        QVERIFY2(bigAdvice.sizeWarning->find("6000000 rows") != std::string::npos, bigAdvice.sizeWarning->c_str());
        QCOMPARE(bigAdvice.recommended, std::string("dml"));
        QVERIFY2(bigAdvice.why.find("too big") != std::string::npos, bigAdvice.why.c_str());
        auto bigLookup = setup::describeSourceTable(f.src(), {"app", "lookup"});
        bigLookup.activity.reset();
        bigLookup.bytes = 2LL * 1024 * 1024 * 1024;
        const auto bigLookupAdvice = setup::adviseTypes(bigLookup, false);
        QVERIFY(bigLookupAdvice.sizeWarning);
        QVERIFY2(bigLookupAdvice.sizeWarning->find("2.0 GiB") != std::string::npos, bigLookupAdvice.sizeWarning->c_str());
        QCOMPARE(bigLookupAdvice.recommended, std::string("snap"));
        QVERIFY2(bigLookupAdvice.why.find("nothing incremental fits") != std::string::npos, bigLookupAdvice.why.c_str());
    }

    void preflightQueueRedThenGreen()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "setup_pfq");
        TempRole role(f.src(), "setup_repl");
        f.src().exec("CREATE SCHEMA app; CREATE TABLE app.items (id int PRIMARY KEY, v text);"
                     "CREATE TABLE app.codes (code text UNIQUE, v text);"
                     "INSERT INTO app.items SELECT g, 'v' FROM generate_series(1, 20) g;"
                     "INSERT INTO app.codes SELECT 'c' || g, 'v' FROM generate_series(1, 20) g;"
                     "GRANT USAGE ON SCHEMA app TO " + role.name + "; GRANT SELECT ON app.items, app.codes TO " + role.name);
        f.dest().exec("CREATE SCHEMA rep; UPDATE mimeo.dblink_mapping_mimeo SET username = '" + role.name + "'");
        auto src = connectAs(f.srcDb(), role.name, pg::Side::Source);

        auto req = f.request("dml", "app.items", "rep.items");
        auto checks = setup::preflight(f.dest(), "mimeo", src, req);
        QVERIFY2(!setup::allPassed(checks), qPrintable(failures(checks)));
        const auto *trigger = failed(checks, "GRANT TRIGGER ON TABLE \"app\".\"items\" TO \"" + role.name + "\";");
        QVERIFY2(trigger, qPrintable(failures(checks)));
        QCOMPARE(trigger->side, pg::Side::Source);
        QVERIFY2(trigger->problem.find("may not create triggers on app.items") != std::string::npos, trigger->problem.c_str());
        const auto *queue = failed(checks, "CREATE SCHEMA \"mimeo\" AUTHORIZATION \"" + role.name + "\";");
        QVERIFY2(queue, qPrintable(failures(checks)));
        // Exactly these two, and the passed checks are listed too.
        QCOMPARE(std::count_if(checks.begin(), checks.end(), [](const auto &c) { return !c.ok; }), 2L);
        QVERIFY(std::any_of(checks.begin(), checks.end(), [](const auto &c) { return c.ok && c.what.find("SELECT on app.items") == 0; }));
        QVERIFY(std::any_of(checks.begin(), checks.end(),
                            [](const auto &c) { return c.ok && c.side == pg::Side::Destination && c.what.find("destination rep.items") == 0; }));
        // Nothing was made by looking.
        QCOMPARE(f.src().exec("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'app.items'::regclass").toInt(0, 0), int64_t(0));
        // The fixes as given, run by the owner: green.
        for (const auto &c : checks)
            if (!c.ok)
                f.src().exec(c.fix);
        checks = setup::preflight(f.dest(), "mimeo", src, req);
        QVERIFY2(setup::allPassed(checks), qPrintable(failures(checks)));
        // Green means make works, as the same role.
        const auto made = f.make(req);
        QCOMPARE(made.outcome, replication::Outcome::Done);
        QCOMPARE(made.rows, int64_t(20));

        // Now the name is taken and configured: red on the destination.
        checks = setup::preflight(f.dest(), "mimeo", src, req);
        QVERIFY(std::any_of(checks.begin(), checks.end(), [](const auto &c) {
            return !c.ok && c.side == pg::Side::Destination && c.problem.find("already configured (type dml)") != std::string::npos;
        }));

        // No usable key: a unique index whose column may be NULL. Its fix runs as it is.
        f.src().exec("GRANT TRIGGER ON app.codes TO " + role.name);
        auto codes = f.request("logdel", "app.codes", "rep.codes");
        checks = setup::preflight(f.dest(), "mimeo", src, codes);
        const auto *key = failed(checks, "ALTER TABLE \"app\".\"codes\" ALTER COLUMN \"code\" SET NOT NULL;");
        QVERIFY2(key, qPrintable(failures(checks)));
        QVERIFY2(key->problem.find("has no valid primary key or unique index") != std::string::npos, key->problem.c_str());
        QCOMPARE(std::count_if(checks.begin(), checks.end(), [](const auto &c) { return !c.ok; }), 1L);
        f.src().exec(key->fix);
        checks = setup::preflight(f.dest(), "mimeo", src, codes);
        QVERIFY2(setup::allPassed(checks), qPrintable(failures(checks)));
        QCOMPARE(f.make(codes).outcome, replication::Outcome::Done);
    }

    void preflightDestinationAndOptions()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "setup_pfd");
        f.src().exec(kShop);
        f.dest().exec("CREATE SCHEMA rep; CREATE TABLE rep.taken (id bigint); CREATE VIEW rep.orders_v AS SELECT 1 AS x;");

        // Bad options are reported without asking the servers more.
        auto bad = f.request("snap", "app.orders", "rep.x");
        bad.control = "id";
        auto checks = setup::preflight(f.dest(), "mimeo", f.src(), bad);
        QCOMPARE(checks.size(), size_t(1));
        QCOMPARE(checks[0].side, pg::Side::Unknown);
        QVERIFY2(checks[0].problem.find("--control applies to") != std::string::npos, checks[0].problem.c_str());

        // A snapshot over an existing view name; a table over an existing table without --use-existing.
        checks = setup::preflight(f.dest(), "mimeo", f.src(), f.request("snap", "app.orders", "rep.orders_v"));
        QVERIFY2(std::any_of(checks.begin(), checks.end(), [](const auto &c) {
                     return !c.ok && c.side == pg::Side::Destination && c.problem.find("already exists") != std::string::npos;
                 }),
                 qPrintable(failures(checks)));
        auto table = f.request("table", "app.orders", "rep.taken");
        checks = setup::preflight(f.dest(), "mimeo", f.src(), table);
        QVERIFY2(failed(checks, "--use-existing"), qPrintable(failures(checks)));
        table.useExisting = true;
        checks = setup::preflight(f.dest(), "mimeo", f.src(), table);
        // Taken over, but its columns must match the source's.
        QVERIFY2(std::any_of(checks.begin(), checks.end(), [](const auto &c) { return !c.ok && c.problem.find("does not match the source") != std::string::npos; }),
                 qPrintable(failures(checks)));
        checks = setup::preflight(f.dest(), "mimeo", f.src(), f.request("table", "app.orders", "rep.new_one"));
        QVERIFY2(setup::allPassed(checks), qPrintable(failures(checks)));

        // Incremental: a control column of the wrong type; a bad boundary; a bad condition.
        auto inc = f.request("inserter", "app.orders", "rep.inc");
        inc.control = "note";
        checks = setup::preflight(f.dest(), "mimeo", f.src(), inc);
        QVERIFY2(std::any_of(checks.begin(), checks.end(), [](const auto &c) {
                     return !c.ok && c.side == pg::Side::Source && c.problem.find("control column note of app.orders is text") != std::string::npos;
                 }),
                 qPrintable(failures(checks)));
        inc.control = "created_at";
        inc.boundary = "ten minutes";
        inc.condition = "WHERE nosuch > 0";
        checks = setup::preflight(f.dest(), "mimeo", f.src(), inc);
        QVERIFY2(std::any_of(checks.begin(), checks.end(), [](const auto &c) {
                     return !c.ok && c.side == pg::Side::Destination && c.problem.find("boundary \"ten minutes\"") != std::string::npos;
                 }),
                 qPrintable(failures(checks)));
        QVERIFY2(std::any_of(checks.begin(), checks.end(), [](const auto &c) {
                     return !c.ok && c.side == pg::Side::Source && c.problem.find("nosuch") != std::string::npos;
                 }),
                 qPrintable(failures(checks)));
        inc.boundary = "5 minutes";
        inc.condition = "WHERE amount > 0";
        checks = setup::preflight(f.dest(), "mimeo", f.src(), inc);
        QVERIFY2(setup::allPassed(checks), qPrintable(failures(checks)));
        // An updater of the view needs a named key.
        auto upd = f.request("updater", "app.order_view", "rep.upd");
        upd.control = "created_at";
        checks = setup::preflight(f.dest(), "mimeo", f.src(), upd);
        QVERIFY2(std::any_of(checks.begin(), checks.end(), [](const auto &c) { return !c.ok && c.fix.find("--pk-name") != std::string::npos; }),
                 qPrintable(failures(checks)));
        upd.pkName = {"id"};
        upd.pkType = {"bigint"};
        checks = setup::preflight(f.dest(), "mimeo", f.src(), upd);
        QVERIFY2(setup::allPassed(checks), qPrintable(failures(checks)));

        // A destination role without rights on a catalog: red, and green after the grant it gave.
        const std::string schema = "pf_" + std::to_string(::getpid());
        catalog::installCatalog(f.dest(), schema);
        TempRole role(f.dest(), "setup_op");
        auto dest = connectAs(f.destDb(), role.name, pg::Side::Destination);
        const auto snap = f.request("snap", "app.orders", "rep.orders_snap");
        checks = setup::preflight(dest, schema, f.src(), snap);
        // No operator group yet, and the role may not read the catalog to
        // plan one: the fix is the command that does (run here as it is
        // given, by a superuser).
        const std::string command = "mimeo --schema " + schema + " grant " + role.name + " --operator";
        const auto *rights = failed(checks, command);
        QVERIFY2(rights && rights->what.find("rights to record the replication") == 0, qPrintable(failures(checks)));
        const auto *create = failed(checks, "GRANT USAGE, CREATE ON SCHEMA \"rep\" TO \"" + role.name + "\";");
        QVERIFY2(create, qPrintable(failures(checks)));
        QCOMPARE(std::count_if(checks.begin(), checks.end(), [](const auto &c) { return !c.ok; }), 2L);
        QStringList args = q(rights->fix.substr(rights->fix.find(command) + 6)).split(QLatin1Char(' '));
        const auto granted = test::runMimeo(QStringList{"--dest", q(f.destDb().conninfo())} + args);
        QVERIFY2(granted.exitCode == 0, qPrintable(granted.all()));
        f.dest().exec(create->fix);
        checks = setup::preflight(dest, schema, f.src(), snap);
        QVERIFY2(setup::allPassed(checks), qPrintable(failures(checks)));
        f.dest().exec("DROP SCHEMA \"" + schema + "\" CASCADE; REASSIGN OWNED BY " + schema + "_operator TO postgres; DROP OWNED BY "
                      + schema + "_operator, " + schema + "_monitor; DROP ROLE " + schema + "_operator; DROP ROLE " + schema + "_monitor");
    }

    void conditionCheck()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "setup_cond");
        f.src().exec(kShop);
        const pg::QualifiedName orders{"app", "orders"};
        QCOMPARE(setup::validateCondition(f.src(), orders, {}, "WHERE id > 5"), std::optional<std::string>());
        // Columns outside the filter may be used, as in the engine's SELECT; joins too.
        QCOMPARE(setup::validateCondition(f.src(), orders, {"id", "code"}, "WHERE amount > 5"), std::optional<std::string>());
        QCOMPARE(setup::validateCondition(f.src(), orders, {"id"}, "JOIN other.t ON t.x = orders.n WHERE x > 0"),
                 std::optional<std::string>());
        const auto missing = setup::validateCondition(f.src(), orders, {}, "WHERE nosuch > 1");
        QVERIFY(missing);
        QVERIFY2(missing->find("column \"nosuch\" does not exist") != std::string::npos, missing->c_str());
        const auto hinted = setup::validateCondition(f.src(), orders, {}, "WHERE nofunc(id)");
        QVERIFY(hinted);
        QVERIFY2(hinted->find("\nNo function matches") != std::string::npos, hinted->c_str()); // the server's hint
        const auto twice = setup::validateCondition(f.src(), orders, {}, "WHERE id > 1; DROP TABLE app.orders");
        QVERIFY(twice);
        QVERIFY2(twice->find("multiple commands") != std::string::npos, twice->c_str());
        QCOMPARE(f.src().exec("SELECT count(*) FROM app.orders").toInt(0, 0), int64_t(500));
        QVERIFY(!f.src().inTransaction());
        // A filter column the table lacks is the caller's mistake, not the condition's.
        QVERIFY_THROWS_EXCEPTION(pg::Error, setup::validateCondition(f.src(), orders, {"nosuch"}, "WHERE true"));
    }

    void nextPull()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "setup_next");
        f.src().exec("CREATE SCHEMA app; CREATE TABLE app.t (id int PRIMARY KEY, at timestamptz NOT NULL DEFAULT now() - interval '1 hour');"
                     "INSERT INTO app.t (id) SELECT g FROM generate_series(1, 100) g; CREATE TABLE app.empty (id int);");
        const pg::QualifiedName t{"app", "t"};
        const auto time = setup::describeNextPull(f.src(), t, "at", std::string("10 minutes"), true);
        QVERIFY2(time.find("rows with \"at\" below ") == 0, time.c_str());
        QVERIFY2(time.find("(the source's now minus the boundary of 10 minutes)") != std::string::npos, time.c_str());
        const std::string stamp = time.substr(std::string("rows with \"at\" below ").size(),
                                              time.find(" (") - std::string("rows with \"at\" below ").size());
        QVERIFY2(f.src()
                     .exec("SELECT abs(extract(epoch FROM $1::timestamptz - (now() - interval '10 minutes'))) < 30", {stamp})
                     .toBool(0, 0),
                 stamp.c_str());

        const auto serial = setup::describeNextPull(f.src(), t, "id", std::string("10"), false);
        QCOMPARE(q(serial), QStringLiteral("rows with \"id\" below 90 (the highest \"id\" now is 100, minus the boundary of 10)"));
        // What the engine's first pull reads with the same settings: ids 1 to 89.
        auto req = f.request("inserter", "app.t", "public.t_serial");
        req.control = "id";
        req.boundary = "10";
        QCOMPARE(f.make(req).rows, int64_t(89));
        QCOMPARE(q(setup::describeNextPull(f.src(), {"app", "empty"}, "id", std::nullopt, false)),
                 QStringLiteral("nothing yet: app.empty has no row with a value in \"id\""));

        for (const auto &[boundary, isTime] : {std::pair<std::string, bool>{"ten minutes", true}, {"-1", false}, {"many", false}}) {
            try {
                setup::describeNextPull(f.src(), t, isTime ? "at" : "id", boundary, isTime);
                QFAIL(qPrintable(q("no error for boundary " + boundary)));
            } catch (const pg::Error &e) {
                QVERIFY2(e.message().find("boundary \"" + boundary + "\"") != std::string::npos, e.message().c_str());
                QCOMPARE(e.side(), pg::Side::Source);
            }
        }
        QVERIFY_THROWS_EXCEPTION(pg::Error, setup::describeNextPull(f.src(), t, "at", std::nullopt, false)); // a time column as serial
        QVERIFY(!f.src().inTransaction());
    }

    void firstPageOfFiveThousandTables()
    {
        MIMEO_REQUIRE_ENV(env);
        ReplicationFixture f(env, "setup_bulk");
        f.src().exec("CREATE SCHEMA bulk");
        // In batches: each new table holds a lock until its transaction ends.
        for (int from = 1; from <= 5000; from += 250)
            f.src().exec("DO $$ BEGIN FOR i IN " + std::to_string(from) + ".." + std::to_string(from + 249)
                         + " LOOP EXECUTE format('CREATE TABLE bulk.%I (id int PRIMARY KEY, v text)', 'table_' || lpad(i::text, 5, '0')); "
                           "END LOOP; END $$");
        QElapsedTimer timer;
        timer.start();
        const auto page = setup::listSourceRelations(f.src(), "", "", 0, 100);
        const qint64 firstPage = timer.elapsed();
        timer.restart();
        const auto filtered = setup::listSourceRelations(f.src(), "", "table_0490", 0, 100);
        const qint64 filteredPage = timer.elapsed();
        timer.restart();
        const auto last = setup::listSourceRelations(f.src(), "bulk", "", 4900, 100);
        const qint64 lastPage = timer.elapsed();
        timer.restart();
        const auto schemas = setup::listSourceSchemas(f.src());
        const qint64 schemaList = timer.elapsed();
        qInfo("5,000 tables: first page of 100 in %lld ms, filtered page in %lld ms, last page in %lld ms, schemas in %lld ms",
              firstPage, filteredPage, lastPage, schemaList);
        QCOMPARE(page.rows.size(), size_t(100));
        QVERIFY(page.more);
        QCOMPARE(page.rows.front().name, std::string("table_00001"));
        QCOMPARE(filtered.rows.size(), size_t(10)); // table_04900 .. table_04909
        QVERIFY(!filtered.more);
        QCOMPARE(last.rows.size(), size_t(100));
        QCOMPARE(last.rows.back().name, std::string("table_05000"));
        QVERIFY(!last.more);
        QCOMPARE(schemas, std::vector<std::string>{"bulk"});
        for (int from = 1; from <= 5000; from += 250)
            f.src().exec("DO $$ BEGIN FOR i IN " + std::to_string(from) + ".." + std::to_string(from + 249)
                         + " LOOP EXECUTE format('DROP TABLE bulk.%I', 'table_' || lpad(i::text, 5, '0')); END LOOP; END $$");
        f.src().exec("DROP SCHEMA bulk");
    }
};

QTEST_GUILESS_MAIN(TestSetupCore)
#include "tst_setup_core.moc"
