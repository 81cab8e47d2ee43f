// SPDX-License-Identifier: PostgreSQL
#pragma once
// SIGINT and SIGTERM become a cancel of everything the process runs: the
// token's PQcancel reaches each job's running statements, each job rolls
// back as a failure would, and the command exits with 130 (SIGINT) or 143
// (SIGTERM) after one line saying what was cancelled. A process still
// running 1.8 s after the signal (a command with nothing to cancel, such as
// a check) ends then with the same status; a second signal ends it at once.
#include "pg/cancel.h"

#include <string>

namespace mimeo::cli {

// Call first in main, before any thread starts (the signals are blocked in
// every thread and taken by one watcher thread).
void startSignalWatcher();

// The cancel of every job this process runs.
pg::CancelToken &processCancel();

// 130 or 143 once a signal arrived; 0 before.
int cancelledExitCode();

// What the process is doing, for the line printed when it is cancelled.
void setActivity(const std::string &what);
std::string activity();

} // namespace mimeo::cli
