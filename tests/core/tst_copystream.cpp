// SPDX-License-Identifier: PostgreSQL
// COPY streaming between two real servers: every common type arrives intact
// in text and binary format, memory stays flat however many rows pass, and
// a failure on either side (or a cancel) is reported with its side and
// leaves both connections usable for ROLLBACK.
#include "pg/connection.h"
#include "pg/copy_stream.h"
#include "pg/error.h"
#include "testenv.h"

#include <QFile>
#include <QTest>

using namespace mimeo;
using namespace mimeo::pg;

namespace {

const char *kTypesTable = R"SQL(
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (
    id bigint PRIMARY KEY,
    n numeric(20,6),
    txt text,
    b bytea,
    arr int[],
    tarr text[],
    j json,
    jb jsonb,
    ts timestamptz,
    u uuid,
    m mood,
    f double precision,
    d date,
    flag boolean
);
)SQL";

const char *kFill = R"SQL(
INSERT INTO t
SELECT g,
       g * 1.123456,
       CASE WHEN g % 7 = 0 THEN NULL ELSE 'row ' || g || E'\twith tab\nnewline \\ backslash ' || repeat('x', g % 50) END,
       CASE WHEN g % 5 = 0 THEN NULL ELSE decode(md5(g::text), 'hex') END,
       ARRAY[g, NULL, -g],
       ARRAY['a"b', NULL, E'c\\d', 'e,f'],
       json_build_object('k', g, 's', 'x"y'),
       jsonb_build_object('k', g, 'nested', jsonb_build_array(1, 'two', NULL)),
       timestamptz '2020-01-01 00:00:00+00' + g * interval '1 minute',
       md5(g::text)::uuid,
       (ARRAY['sad', 'ok', 'happy']::mood[])[g % 3 + 1],
       g / 3.0,
       date '2000-01-01' + (g % 10000),
       g % 2 = 0
  FROM generate_series(1, $1) g;
)SQL";

// A digest of the whole table in a stable order, computed on the server.
std::string digest(Connection &c, const std::string &table)
{
    return c.exec("SELECT md5(string_agg(t::text, '|' ORDER BY id)) || ':' || count(*) FROM " + table + " t").text(0, 0);
}

// What a failed stream must leave on the destination, asked before the
// caller rolls back (afterwards the table is empty whatever the stream
// did): out of COPY mode, with its transaction aborted, so none of the rows
// that did reach it can be committed. Empty when so, else what was found.
QString leftAborted(Connection &d)
{
    try {
        const auto rows = d.exec("SELECT count(*) FROM t").toInt(0, 0);
        return QStringLiteral("the destination transaction still works and holds %1 rows").arg(rows);
    } catch (const Error &e) {
        if (e.sqlstate() == "25P02") // in failed SQL transaction
            return {};
        return QStringLiteral("unexpected error: %1").arg(QString::fromUtf8(e.what()));
    }
}

long peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

struct Pair {
    test::ScratchDb src;
    test::ScratchDb dst;
    Connection s;
    Connection d;
    Pair(const test::TestEnv *env, const char *prefix)
        : src(env->source, prefix)
        , dst(env->dest, prefix)
        , s(src.connect(Side::Source))
        , d(dst.connect(Side::Destination))
    {
        s.exec(kTypesTable);
        d.exec(kTypesTable);
    }
};

} // namespace

class TestCopyStream : public QObject {
    Q_OBJECT
private slots:
    void everyCommonTypeArrivesIntact_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("text") << "text";
        QTest::newRow("binary") << "binary";
    }
    void everyCommonTypeArrivesIntact()
    {
        QFETCH(QString, format);
        MIMEO_REQUIRE_ENV(env);
        Pair p(env, "copytypes");
        p.s.exec(kFill, {"5000"});
        p.s.exec("INSERT INTO t (id) VALUES (0)"); // a row of NULLs
        const std::string opt = " (FORMAT " + format.toStdString() + ")";
        Transaction tx(p.d);
        int progressCalls = 0;
        CopyOptions o;
        o.progressEveryRows = 1000;
        o.progress = [&](const CopyStats &) { ++progressCalls; };
        const auto stats = streamCopy(p.s, "COPY t TO STDOUT" + opt, p.d, "COPY t FROM STDIN" + opt, o);
        tx.commit();
        QCOMPARE(stats.rows, int64_t(5001));
        QVERIFY(stats.bytes > 0);
        QVERIFY(progressCalls >= 5);
        QCOMPARE(digest(p.d, "t"), digest(p.s, "t"));
    }

    void memoryStaysFlat()
    {
        MIMEO_REQUIRE_ENV(env);
        Pair p(env, "copymem");
        // About 120 MB of text passes through; buffering it would show.
        p.s.exec("CREATE TABLE big (id bigint, pad text)");
        p.d.exec("CREATE TABLE big (id bigint, pad text)");
        p.s.exec("INSERT INTO big SELECT g, repeat(md5(g::text), 12) FROM generate_series(1, 20000) g");
        streamCopy(p.s, "COPY big TO STDOUT", p.d, "COPY big FROM STDIN"); // warm-up: allocator settles
        p.d.exec("TRUNCATE big");
        p.s.exec("INSERT INTO big SELECT g, repeat(md5(g::text), 12) FROM generate_series(20001, 300000) g");
        const long before = peakRssKb();
        const auto stats = streamCopy(p.s, "COPY big TO STDOUT", p.d, "COPY big FROM STDIN");
        const long after = peakRssKb();
        QCOMPARE(stats.rows, int64_t(300000));
        QVERIFY(stats.bytes > 100 * 1024 * 1024);
        QVERIFY2(after - before < 16 * 1024,
                 qPrintable(QStringLiteral("peak RSS grew by %1 kB while streaming %2 MB")
                                .arg(after - before)
                                .arg(stats.bytes / 1024 / 1024)));
        QCOMPARE(p.d.exec("SELECT count(*) FROM big").toInt(0, 0), int64_t(300000));
    }

    void sourceKilledMidwayIsASourceErrorAndDestinationRollsBack()
    {
        MIMEO_REQUIRE_ENV(env);
        Pair p(env, "copykill");
        p.s.exec(kFill, {"100000"});
        const auto pid = p.s.exec("SELECT pg_backend_pid()").text(0, 0);
        auto killer = env->source.connect();
        CopyOptions o;
        o.progressEveryRows = 10000;
        bool killed = false;
        o.progress = [&](const CopyStats &s) {
            if (!killed && s.rows >= 20000 && s.rows < 100000) {
                killer.exec("SELECT pg_terminate_backend($1::int)", {pid});
                killed = true;
            }
        };
        Transaction tx(p.d);
        try {
            streamCopy(p.s, "COPY t TO STDOUT", p.d, "COPY t FROM STDIN", o);
            QFAIL("expected the source to fail");
        } catch (const Error &e) {
            QCOMPARE(e.side(), Side::Source);
        }
        QVERIFY(killed);
        QCOMPARE(leftAborted(p.d), QString());
        tx.rollback();
        QCOMPARE(p.d.exec("SELECT 1").text(0, 0), std::string("1")); // the rollback made it usable again
    }

    void destinationErrorIsADestinationErrorAndSourceStaysUsable()
    {
        MIMEO_REQUIRE_ENV(env);
        Pair p(env, "copydst");
        p.s.exec(kFill, {"50000"});
        p.d.exec("ALTER TABLE t ADD CONSTRAINT small_ids CHECK (id < 30000)");
        Transaction tx(p.d);
        try {
            streamCopy(p.s, "COPY t TO STDOUT", p.d, "COPY t FROM STDIN");
            QFAIL("expected the destination to fail");
        } catch (const Error &e) {
            QCOMPARE(e.side(), Side::Destination);
            QCOMPARE(e.sqlstate(), std::string("23514"));
        }
        QCOMPARE(leftAborted(p.d), QString());
        QCOMPARE(p.s.exec("SELECT count(*) FROM t").toInt(0, 0), int64_t(50000)); // the source is out of COPY mode
        tx.rollback();
        QCOMPARE(p.d.exec("SELECT 1").text(0, 0), std::string("1")); // the rollback made it usable again
    }

    void cancelTokenStopsTheStream()
    {
        MIMEO_REQUIRE_ENV(env);
        Pair p(env, "copycancel");
        p.s.exec(kFill, {"100000"});
        CancelToken token;
        CopyOptions o;
        o.cancel = &token;
        o.progressEveryRows = 5000;
        o.progress = [&](const CopyStats &s) {
            if (s.rows >= 10000)
                token.request();
        };
        Transaction tx(p.d);
        try {
            streamCopy(p.s, "COPY t TO STDOUT", p.d, "COPY t FROM STDIN", o);
            QFAIL("expected a cancel");
        } catch (const Error &e) {
            QCOMPARE(e.sqlstate(), std::string("57014"));
        }
        QCOMPARE(leftAborted(p.d), QString());
        QCOMPARE(p.s.exec("SELECT 1").text(0, 0), std::string("1"));
        tx.rollback();
        QCOMPARE(p.d.exec("SELECT 1").text(0, 0), std::string("1")); // the rollback made it usable again
    }

    void badCopyStatementOnEitherSide()
    {
        MIMEO_REQUIRE_ENV(env);
        Pair p(env, "copybad");
        try {
            streamCopy(p.s, "COPY nope TO STDOUT", p.d, "COPY t FROM STDIN");
            QFAIL("expected an error");
        } catch (const Error &e) {
            QCOMPARE(e.side(), Side::Source);
            QCOMPARE(e.sqlstate(), std::string("42P01"));
        }
        try {
            streamCopy(p.s, "COPY t TO STDOUT", p.d, "COPY nope FROM STDIN");
            QFAIL("expected an error");
        } catch (const Error &e) {
            QCOMPARE(e.side(), Side::Destination);
        }
        // Both connections are out of COPY mode and usable.
        QCOMPARE(p.s.exec("SELECT 1").text(0, 0), std::string("1"));
        QCOMPARE(p.d.exec("SELECT 1").text(0, 0), std::string("1"));
    }
};

QTEST_GUILESS_MAIN(TestCopyStream)
#include "tst_copystream.moc"
