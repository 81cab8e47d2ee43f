// SPDX-License-Identifier: PostgreSQL
// Both directions with the mimeo 1.5.1 extension for the four incremental
// types: tables its inserter_maker/updater_maker made are refreshed by our
// engine and then by its refresh_inserter/refresh_updater again, and tables
// we made are refreshed by the extension and then by us. An inserter's
// destination has the source's primary key, so a row read twice fails the
// refresh instead of hiding.
#include "pg/connection.h"
#include "replication_fixture.h"

#include <QTest>

using namespace mimeo;

namespace {

struct Table {
    const char *dest;
    const char *source;  // src.ins only gets inserts, src.upd also updates
    const char *kind;    // time or serial
    const char *control; // ts or rev
    bool updater;
};

const Table kTables[] = {
    {"rep.it", "src.ins", "time", "ts", false},
    {"rep.is", "src.ins", "serial", "rev", false},
    {"rep.ut", "src.upd", "time", "ts", true},
    {"rep.us", "src.upd", "serial", "rev", true},
};

struct InteropFixture : test::ReplicationFixture {
    int batch = 0;
    std::string base; // batch k's times are base + k * 10 minutes: later batches are newer

    InteropFixture(const test::TestEnv *env, const char *prefix)
        : ReplicationFixture(env, prefix, nullptr, Catalog::OnMimeoExtension)
    {
        dest().exec("CREATE SCHEMA rep;");
        src().exec("CREATE SCHEMA src; CREATE SEQUENCE src.rev_seq;");
        for (const char *t : {"src.ins", "src.upd"}) {
            src().exec(std::string("CREATE TABLE ") + t + " (id int PRIMARY KEY, v text, ts timestamptz NOT NULL, "
                       "rev bigint NOT NULL DEFAULT nextval('src.rev_seq'));"
                       "INSERT INTO " + t + " (id, v, ts) SELECT g, 'v' || g, now() - interval '3 hours' + g * interval '1 ms' "
                       "FROM generate_series(1, 2000) g");
        }
        base = src().exec("SELECT (now() - interval '2 hours')::text").text(0, 0);
    }

    // New rows on both sources, changed rows on src.upd, and top rows (the
    // highest rev, a time inside the boundary) that stay on the source.
    void change()
    {
        ++batch;
        const std::string from = std::to_string(2000 + batch * 1000);
        const std::string to = std::to_string(2000 + batch * 1000 + 499);
        const std::string at = "'" + base + "'::timestamptz + interval '" + std::to_string(batch * 10) + " minutes'";
        for (const char *t : {"src.ins", "src.upd"}) {
            src().exec(std::string("INSERT INTO ") + t + " (id, v, ts) SELECT g, 'b" + std::to_string(batch) + "', " + at
                     + " + g * interval '1 ms' FROM generate_series(" + from + ", " + to + ") g");
        }
        src().exec("UPDATE src.upd SET v = 'changed " + std::to_string(batch) + "', ts = " + at + " + interval '1 minute', "
                 "rev = nextval('src.rev_seq') WHERE id % 7 = " + std::to_string(batch));
        for (const char *t : {"src.ins", "src.upd"})
            src().exec(std::string("INSERT INTO ") + t + " (id, v, ts) VALUES (" + std::to_string(900000 + batch) + ", 'top', now())");
    }

    void theirRefresh(const Table &t)
    {
        dest().exec(std::string("SELECT mimeo.") + (t.updater ? "refresh_updater" : "refresh_inserter") + "($1)", {std::string(t.dest)});
    }

    // Rows below the top rows, compared by digest on each side.
    QString equal(const Table &t)
    {
        const std::string q = "SELECT md5(string_agg(x::text, '|' ORDER BY id)) FROM ";
        const auto a = src().exec(q + t.source + " x WHERE id < 900000").text(0, 0);
        const auto b = dest().exec(q + t.dest + " x WHERE id < 900000").text(0, 0);
        return a == b ? QString() : QStringLiteral("%1 differs from %2").arg(t.dest, t.source);
    }

    std::string lastValue(const Table &t)
    {
        // last_value is a column of the concrete child tables (its type differs).
        return dest().exec(std::string("SELECT last_value::text FROM mimeo.refresh_config_") + (t.updater ? "updater_" : "inserter_")
                             + t.kind + " WHERE dest_table = $1",
                         {std::string(t.dest)})
            .text(0, 0);
    }

    std::string destMax(const Table &t)
    {
        return dest().exec(std::string("SELECT max(") + t.control + ")::text FROM " + t.dest).text(0, 0);
    }
};

} // namespace

class TestInteropIncremental : public QObject {
    Q_OBJECT
private slots:
    void extensionMadeTablesRefreshedByUs()
    {
        MIMEO_REQUIRE_ENV(env);
        InteropFixture f(env, "interop_incr_ext");
        f.change(); // a top row, so the serial makers read everything else
        for (const auto &t : kTables) {
            const std::string boundary = std::string(t.kind) == "time" ? "10 minutes" : "0";
            if (t.updater)
                MIMEO_NOTHROW(f.dest().exec("SELECT mimeo.updater_maker($1, $2, $3, 1, $4, $5)",
                                          {std::string(t.source), std::string(t.kind), std::string(t.control), boundary, std::string(t.dest)}));
            else
                MIMEO_NOTHROW(f.dest().exec("SELECT mimeo.inserter_maker($1, $2, $3, 1, $4, $5)",
                                          {std::string(t.source), std::string(t.kind), std::string(t.control), boundary, std::string(t.dest)}));
            QCOMPARE(f.equal(t), QString());
            f.adopt(t.dest); // made after the catalog was adopted (mimeo adopt)
        }
        f.change();
        for (const auto &t : kTables) {
            MIMEO_NOTHROW(f.refresh(t.dest));
            QCOMPARE(f.equal(t), QString());
            QCOMPARE(f.lastValue(t), f.destMax(t));
        }
        // And the extension carries on after us.
        f.change();
        for (const auto &t : kTables) {
            MIMEO_NOTHROW(f.theirRefresh(t));
            QCOMPARE(f.equal(t), QString());
        }
        // Our full repull of its table, then its normal run.
        f.change();
        for (const auto &t : kTables) {
            replication::RefreshRequest r;
            r.destTable = t.dest;
            r.repull = true;
            MIMEO_NOTHROW(replication::refresh(f.dest(), r, f.context()));
            QCOMPARE(f.equal(t), QString());
            MIMEO_NOTHROW(f.theirRefresh(t));
            QCOMPARE(f.equal(t), QString());
        }
    }

    void ourTablesRefreshedByTheExtension()
    {
        MIMEO_REQUIRE_ENV(env);
        InteropFixture f(env, "interop_incr_ours");
        f.change();
        for (const auto &t : kTables) {
            replication::MakeRequest req;
            req.type = t.updater ? "updater" : "inserter"; // the column's type picks time or serial
            req.source = pg::QualifiedName::fromCatalogText(t.source);
            req.dataSourceId = 1;
            req.dest = pg::QualifiedName::fromCatalogText(t.dest);
            req.control = t.control;
            req.boundary = std::string(t.kind) == "time" ? "10 minutes" : "0";
            MIMEO_NOTHROW(replication::make(f.dest(), req, f.context()));
            QCOMPARE(f.equal(t), QString());
            const auto type = f.dest().exec("SELECT type FROM mimeo.refresh_config WHERE dest_table = $1", {std::string(t.dest)}).text(0, 0);
            QCOMPARE(QString::fromStdString(type), QStringLiteral("%1_%2").arg(t.updater ? "updater" : "inserter", t.kind));
        }
        f.change();
        for (const auto &t : kTables) {
            MIMEO_NOTHROW(f.theirRefresh(t));
            QCOMPARE(f.equal(t), QString());
        }
        f.change();
        for (const auto &t : kTables) {
            MIMEO_NOTHROW(f.refresh(t.dest));
            QCOMPARE(f.equal(t), QString());
        }
        // Its ranged repull of our table (time: timestamps; serial: bigints).
        f.src().exec("UPDATE src.ins SET v = 'ranged' WHERE id BETWEEN 100 AND 200; UPDATE src.upd SET v = 'ranged' WHERE id BETWEEN 100 AND 200");
        for (const auto &t : kTables) {
            const bool time = std::string(t.kind) == "time";
            const std::string fn = t.updater ? "refresh_updater" : "refresh_inserter";
            MIMEO_NOTHROW(f.dest().exec("SELECT mimeo." + fn + "($1, p_repull := true, p_repull_start := $2, p_repull_end := $3)",
                                      {std::string(t.dest), time ? "2000-01-01" : "1", time ? "2100-01-01" : "1000000"}));
            MIMEO_NOTHROW(f.refresh(t.dest));
            QCOMPARE(f.equal(t), QString());
        }
    }
};

QTEST_GUILESS_MAIN(TestInteropIncremental)
#include "tst_interop_incremental.moc"
