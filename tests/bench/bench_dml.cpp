// SPDX-License-Identifier: PostgreSQL
// Benchmark: dml refresh against the mimeo 1.5.1 extension's refresh_dml, in
// the same run, on the same servers.
//
// Three copies of a table of 1,000,000 rows on the source: one without a
// trigger, one replicated by the extension's dml_maker, one by ours. Each
// repetition runs the same workload on all three (50,000 updates, 25,000
// deletes of updated rows, 25,000 inserts: 100,000 queued changes of 75,000
// keys), timing it per table (the triggers' cost on the source), then
// refreshes the extension's table with refresh_dml and ours with the engine,
// timing both, and checks that both destinations equal the source.
//
//   bench_dml [ROWS] [REPETITIONS]     (MIMEO_TEST_ENV as for the tests;
//                                       tests/bench/run_bench_dml.sh starts clusters)
#include "catalog/installer.h"
#include "catalog/sources.h"
#include "jobs/job_log.h"
#include "pg/connection.h"
#include "replication/engine.h"
#include "testenv.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

using namespace mimeo;

namespace {

double seconds(const std::function<void()> &fn)
{
    const auto start = std::chrono::steady_clock::now();
    fn();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

std::string digest(pg::Connection &c, const std::string &table)
{
    return c.exec("SELECT count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) FROM " + table + " t").text(0, 0);
}

// The workload of repetition r on one table: its own key ranges each time.
void workload(pg::Connection &src, const std::string &table, int r)
{
    const long base = r * 100000L;
    const long inserts = 2000000L + r * 25000L;
    src.exec("UPDATE " + table + " SET a = a + 1, b = md5(b) WHERE id BETWEEN " + std::to_string(base + 1) + " AND "
             + std::to_string(base + 50000));
    src.exec("DELETE FROM " + table + " WHERE id BETWEEN " + std::to_string(base + 25001) + " AND " + std::to_string(base + 50000));
    src.exec("INSERT INTO " + table + " SELECT g, g, md5(g::text), now(), g * 1.5 FROM generate_series("
             + std::to_string(inserts + 1) + ", " + std::to_string(inserts + 25000) + ") g");
}

} // namespace

int main(int argc, char **argv)
{
    const long rows = argc > 1 ? std::atol(argv[1]) : 1000000;
    const int reps = argc > 2 ? std::atoi(argv[2]) : 3;
    QString why;
    const auto *env = test::TestEnv::get(&why);
    if (!env) {
        std::fprintf(stderr, "bench_dml: %s\n", qPrintable(why));
        return 2;
    }
    if (rows < 100000 + reps * 100000L) {
        std::fprintf(stderr, "bench_dml: need at least %ld rows for %d repetitions\n", 100000 + reps * 100000L, reps);
        return 2;
    }
    try {
        test::ScratchDb srcDb(env->source, "bench_dml_s");
        test::ScratchDb destDb(env->dest, "bench_dml_d");
        auto src = srcDb.connect(pg::Side::Source);
        auto dest = destDb.connect(pg::Side::Destination);
        dest.exec("CREATE EXTENSION dblink; CREATE SCHEMA mimeo; CREATE EXTENSION mimeo SCHEMA mimeo; CREATE SCHEMA src;");
        catalog::installCatalog(dest, "mimeo");
        const int sourceId = catalog::SourceRegistry(dest, "mimeo").add(srcDb.conninfoWithoutUser(), "postgres");

        std::printf("setting up 3 x %ld rows...\n", rows);
        std::fflush(stdout);
        src.exec("CREATE SCHEMA mimeo; CREATE SCHEMA src");
        for (const char *t : {"t_none", "t_ext", "t_ours"}) {
            src.exec(std::string("CREATE TABLE src.") + t + " (id int PRIMARY KEY, a int, b text, c timestamptz, d numeric)");
            src.exec(std::string("INSERT INTO src.") + t + " SELECT g, g, md5(g::text), now(), g * 1.5 FROM generate_series(1, "
                     + std::to_string(rows) + ") g");
            src.exec(std::string("VACUUM ANALYZE src.") + t);
        }
        pg::ConnectSpec spec;
        spec.conninfo = destDb.conninfo();
        jobs::JobLog log(spec, "mimeo", "bench");
        replication::RunContext ctx;
        ctx.log = &log;
        const double extMake = seconds([&] { dest.exec("SELECT mimeo.dml_maker('src.t_ext', " + std::to_string(sourceId) + ")"); });
        replication::MakeRequest req;
        req.type = "dml";
        req.source = {"src", "t_ours"};
        req.dataSourceId = sourceId;
        const double ourMake = seconds([&] { replication::make(dest, req, ctx); });
        std::printf("make (pull %ld rows): extension dml_maker %.2f s, mimeo make %.2f s (%.1fx)\n", rows, extMake, ourMake,
                    extMake / ourMake);

        std::vector<double> none, ext, ours, extRefresh, ourRefresh;
        for (int r = 0; r < reps; ++r) {
            // Rotate the order so no table always runs first.
            std::vector<std::pair<std::string, std::vector<double> *>> order = {{"src.t_none", &none}, {"src.t_ext", &ext},
                                                                                  {"src.t_ours", &ours}};
            std::rotate(order.begin(), order.begin() + (r % 3), order.end());
            for (auto &[table, times] : order) {
                src.exec("CHECKPOINT");
                times->push_back(seconds([&] { workload(src, table, r); }));
            }
            src.exec("CHECKPOINT");
            dest.exec("CHECKPOINT");
            const auto queued = src.exec("SELECT (SELECT count(*) FROM mimeo.src_t_ext_q), (SELECT count(*) FROM mimeo.src_t_ours_q), "
                                         "(SELECT count(DISTINCT id) FROM mimeo.src_t_ours_q)");
            auto runExt = [&] { extRefresh.push_back(seconds([&] { dest.exec("SELECT mimeo.refresh_dml('src.t_ext')"); })); };
            // Where our time goes: the moments the engine enters each phase.
            std::vector<std::pair<std::string, std::chrono::steady_clock::time_point>> phases;
            ctx.progress = [&](const replication::Progress &p) {
                if (phases.empty() || phases.back().first != p.phase)
                    phases.emplace_back(p.phase, std::chrono::steady_clock::now());
            };
            auto runOurs = [&] {
                replication::RefreshRequest rr;
                rr.destTable = "src.t_ours";
                phases.emplace_back("start", std::chrono::steady_clock::now());
                ourRefresh.push_back(seconds([&] { replication::refresh(dest, rr, ctx); }));
                phases.emplace_back("end", std::chrono::steady_clock::now());
            };
            if (r % 2 == 0) {
                runExt();
                runOurs();
            } else {
                runOurs();
                runExt();
            }
            for (const char *t : {"src.t_ext", "src.t_ours"}) {
                if (digest(src, t) != digest(dest, t))
                    throw std::runtime_error(std::string("destination differs from the source after the refresh: ") + t);
            }
            std::printf("repetition %d: queued %s/%s rows (%s keys); workload none %.2f s, extension trigger %.2f s, ours %.2f s; "
                        "refresh extension %.2f s, ours %.2f s\n",
                        r + 1, queued.text(0, 0).c_str(), queued.text(0, 1).c_str(), queued.text(0, 2).c_str(), none.back(),
                        ext.back(), ours.back(), extRefresh.back(), ourRefresh.back());
            std::printf("  ours by phase:");
            for (size_t i = 0; i + 1 < phases.size(); ++i)
                std::printf(" %s %.3f s;", phases[i].first.c_str(),
                            std::chrono::duration<double>(phases[i + 1].second - phases[i].second).count());
            std::printf("\n");
            std::fflush(stdout);
        }
        const double n = median(none), e = median(ext), o = median(ours);
        std::printf("\nmedians of %d repetitions, %ld-row tables, 100000 queued changes of 75000 keys:\n", reps, rows);
        std::printf("refresh: extension refresh_dml %.3f s, mimeo %.3f s, mimeo is %.2fx faster\n", median(extRefresh),
                    median(ourRefresh), median(extRefresh) / median(ourRefresh));
        std::printf("source workload: no trigger %.3f s, extension trigger %.3f s (+%.3f), ours %.3f s (+%.3f); "
                    "trigger overhead ours/extension %.2f\n",
                    n, e, e - n, o, o - n, (o - n) / (e - n));
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_dml: %s\n", e.what());
        return 1;
    }
    return 0;
}
