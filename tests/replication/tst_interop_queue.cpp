// SPDX-License-Identifier: PostgreSQL
// dml and logdel with the mimeo 1.5.1 extension on the same catalog and the
// same source table: tables the extension's dml_maker/logdel_maker made are
// refreshed by our engine and the other way round, turn about, and each
// side's destroyer removes the other's source objects.
#include "pg/connection.h"
#include "replication_fixture.h"
#include "tst_dml_support.h"

#include <QTest>

using namespace mimeo;
using test::queue::count;
using test::queue::sourceObjects;

namespace {

struct InteropFixture : test::ReplicationFixture {
    InteropFixture(const test::TestEnv *env, const char *prefix)
        : ReplicationFixture(env, prefix, nullptr, Catalog::OnMimeoExtension)
    {
        dest().exec("CREATE SCHEMA rep;");
        src().exec("CREATE SCHEMA mimeo; CREATE SCHEMA src;"
                   "CREATE TABLE src.t (a int, b text, v text, n numeric, PRIMARY KEY (a, b));"
                   "INSERT INTO src.t SELECT g, 'k' || (g % 3), 'v' || g, g FROM generate_series(1, 2000) g;");
        test::queue::installDeletionModel(src());
    }

    void make(const std::string &type, const std::string &table) { ReplicationFixture::make(request(type, "src.t", table)); }

    QString dmlEqual(const std::string &table) { return differences("SELECT * FROM src.t", "SELECT * FROM " + table); }
};

// What the extension's refresh_logdel survives: no key deleted and
// re-inserted (or deleted twice) between two refreshes (its bug 9.2 #3).
void gentleWorkload(pg::Connection &src, int round)
{
    const std::string r = std::to_string(round);
    src.exec("SELECT setseed(0." + std::to_string(20 + round) + ")");
    src.exec("UPDATE src.t SET v = md5(random()::text) WHERE random() < 0.2");
    src.exec("UPDATE src.t SET a = a + 1000000 * " + r + " WHERE a < 1000000 AND random() < 0.02");
    src.exec("DELETE FROM src.t WHERE random() < 0.05");
    src.exec("INSERT INTO src.t SELECT g, 'new', 'round " + r + "', g FROM generate_series(" + std::to_string(10000 * round)
             + ", " + std::to_string(10000 * round + 199) + ") g");
}

} // namespace

class TestInteropQueue : public QObject {
    Q_OBJECT
private slots:
    void extensionMadeTablesRefreshedByUs()
    {
        MIMEO_REQUIRE_ENV(env);
        InteropFixture f(env, "iqext");
        MIMEO_NOTHROW(f.dest().exec("SELECT mimeo.dml_maker('src.t', 1, p_dest_table := 'rep.ext_dml')"));
        MIMEO_NOTHROW(f.dest().exec("SELECT mimeo.logdel_maker('src.t', 1, p_dest_table := 'rep.ext_logdel')"));
        f.adopt("rep.ext_dml"); // made after the catalog was adopted (mimeo adopt)
        f.adopt("rep.ext_logdel");
        // Ours joins the same source table: the next free slot.
        MIMEO_NOTHROW(f.make("dml", "rep.our_dml"));
        QCOMPARE(QString::fromStdString(f.dest().exec("SELECT string_agg(dest_table || '=' || control, ',' ORDER BY control) "
                                                    "FROM (SELECT dest_table, control FROM mimeo.refresh_config_dml UNION ALL "
                                                    "SELECT dest_table, control FROM mimeo.refresh_config_logdel) c").text(0, 0)),
                 QStringLiteral("rep.ext_dml=mimeo.src_t_q,rep.ext_logdel=mimeo.src_t_q01,rep.our_dml=mimeo.src_t_q02"));
        test::queue::settleDeletionModel(f.src());
        for (int round = 1; round <= 4; ++round) {
            gentleWorkload(f.src(), round);
            const bool byUs = round % 2 == 1;
            for (const char *t : {"rep.ext_dml", "rep.ext_logdel"}) {
                if (byUs)
                    MIMEO_NOTHROW(f.refresh(t));
                else
                    MIMEO_NOTHROW(f.dest().exec(std::string("SELECT mimeo.") + (t == std::string("rep.ext_dml") ? "refresh_dml" : "refresh_logdel")
                                              + "($1)",
                                              {t}));
            }
            MIMEO_NOTHROW(f.refresh("rep.our_dml"));
            test::queue::settleDeletionModel(f.src());
            QCOMPARE(f.dmlEqual("rep.ext_dml"), QString());
            QCOMPARE(f.dmlEqual("rep.our_dml"), QString());
            QCOMPARE(test::queue::matchesDeletionModel(f, "rep.ext_logdel"), QString());
        }
        // Repull of an extension-made logdel by us keeps its logged deletions.
        gentleWorkload(f.src(), 5);
        replication::RefreshRequest r;
        r.destTable = "rep.ext_logdel";
        r.repull = true;
        MIMEO_NOTHROW(replication::refresh(f.dest(), r, f.context()));
        test::queue::settleDeletionModel(f.src());
        QCOMPARE(test::queue::matchesDeletionModel(f, "rep.ext_logdel"), QString());
        // Our destroy of the extension's second destination removes its
        // objects only; the first one keeps working.
        replication::RunResult d;
        MIMEO_NOTHROW(d = replication::destroy(f.dest(), "rep.ext_logdel", true, f.context()));
        QCOMPARE(sourceObjects(f.src()), QStringList({"function mimeo.src_t_mimeo_queue", "function mimeo.src_t_mimeo_queue02",
                                                    "table mimeo.src_t_q", "table mimeo.src_t_q02", "trigger log_delete on src.t",
                                                    "trigger src_t_mimeo_trig on src.t", "trigger src_t_mimeo_trig02 on src.t"}));
        gentleWorkload(f.src(), 6);
        MIMEO_NOTHROW(f.dest().exec("SELECT mimeo.refresh_dml('rep.ext_dml')"));
        QCOMPARE(f.dmlEqual("rep.ext_dml"), QString());
    }

    void ourTablesRefreshedByTheExtension()
    {
        MIMEO_REQUIRE_ENV(env);
        InteropFixture f(env, "iqours");
        MIMEO_NOTHROW(f.make("dml", "rep.our_dml"));
        MIMEO_NOTHROW(f.make("logdel", "rep.our_logdel"));
        test::queue::settleDeletionModel(f.src());
        for (int round = 1; round <= 4; ++round) {
            gentleWorkload(f.src(), round);
            if (round % 2 == 1) {
                MIMEO_NOTHROW(f.dest().exec("SELECT mimeo.refresh_dml('rep.our_dml')"));
                MIMEO_NOTHROW(f.dest().exec("SELECT mimeo.refresh_logdel('rep.our_logdel')"));
            } else {
                MIMEO_NOTHROW(f.refresh("rep.our_dml"));
                MIMEO_NOTHROW(f.refresh("rep.our_logdel"));
            }
            test::queue::settleDeletionModel(f.src());
            QCOMPARE(f.dmlEqual("rep.our_dml"), QString());
            QCOMPARE(test::queue::matchesDeletionModel(f, "rep.our_logdel"), QString());
        }
        // The extension's repull works on our objects too.
        gentleWorkload(f.src(), 5);
        MIMEO_NOTHROW(f.dest().exec("SELECT mimeo.refresh_dml('rep.our_dml', p_repull := true)"));
        QCOMPARE(f.dmlEqual("rep.our_dml"), QString());
        // The extension's destroyer finds our objects by mimeo's names (for
        // the first destination of a source: for the others it drops the
        // first one's, its bug 9.2 #14).
        MIMEO_NOTHROW(f.dest().exec("SELECT mimeo.dml_destroyer('rep.our_dml', p_keep_table := false)"));
        QCOMPARE(sourceObjects(f.src()), QStringList({"function mimeo.src_t_mimeo_queue01", "table mimeo.src_t_q01",
                                                    "trigger log_delete on src.t", "trigger src_t_mimeo_trig01 on src.t"}));
        MIMEO_NOTHROW(replication::destroy(f.dest(), "rep.our_logdel", true, f.context()));
        QCOMPARE(sourceObjects(f.src()), QStringList({"trigger log_delete on src.t"}));
        QCOMPARE(count(f.dest(), "SELECT count(*) FROM mimeo.refresh_config"), int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestInteropQueue)
#include "tst_interop_queue.moc"
