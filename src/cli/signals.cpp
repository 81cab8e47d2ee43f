// SPDX-License-Identifier: PostgreSQL
#include "signals.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <mutex>
#include <pthread.h>
#include <thread>

namespace mimeo::cli {
namespace {

std::atomic<int> g_signal{0};
std::mutex g_activityMutex;
std::string g_activity = "the command";

} // namespace

pg::CancelToken &processCancel()
{
    static pg::CancelToken token;
    return token;
}

int cancelledExitCode()
{
    const int s = g_signal.load();
    return s == 0 ? 0 : 128 + s;
}

void setActivity(const std::string &what)
{
    std::lock_guard lock(g_activityMutex);
    g_activity = what;
}

std::string activity()
{
    std::lock_guard lock(g_activityMutex);
    return g_activity;
}

void startSignalWatcher()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    processCancel(); // made before any signal can ask for it
    std::thread([set] {
        int sig = 0;
        while (sigwait(&set, &sig) == 0) {
            if (g_signal.load() != 0)
                std::_Exit(128 + g_signal.load()); // a second signal: stop now
            g_signal.store(sig);
            const std::string reason = std::string("cancelled by ") + (sig == SIGINT ? "SIGINT" : "SIGTERM");
            // PQcancel reaches only the statement running when it arrives;
            // ask again while the process winds down, so a statement that
            // started just after the first request is stopped as well. A
            // command with no cancellable job (a check, a listing) is ended
            // after that: its reads die with its connections.
            std::thread([reason, sig] {
                for (int i = 0; i < 9; ++i) {
                    processCancel().request(reason);
                    std::this_thread::sleep_for(std::chrono::milliseconds(200));
                }
                std::_Exit(128 + sig);
            }).detach();
        }
    }).detach();
}

} // namespace mimeo::cli
