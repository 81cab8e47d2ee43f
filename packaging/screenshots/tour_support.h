// SPDX-License-Identifier: PostgreSQL
#pragma once
// What the screenshot tours share: waiting on the event loop for the real
// program to get its answers from the servers, failing loudly, and saving a
// widget's picture where take-screenshots.sh collects it.
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <cstdlib>
#include <functional>

namespace tour {

// Runs the event loop until ready() or the time is up.
inline bool waitFor(const std::function<bool()> &ready, int timeoutMs = 30000)
{
    QElapsedTimer clock;
    clock.start();
    while (!ready()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

[[noreturn]] inline void fail(const char *tourName, const QString &what)
{
    std::fprintf(stderr, "%s: %s\n", tourName, qPrintable(what));
    std::exit(1);
}

// Lets the widget paint, then saves it as dir/name and prints the path.
inline void shoot(const char *tourName, QWidget &widget, const QDir &dir, const QString &name)
{
    waitFor([] { return false; }, 150);
    if (!widget.grab().save(dir.filePath(name)))
        fail(tourName, QStringLiteral("could not write %1").arg(name));
    std::printf("%s\n", qPrintable(dir.filePath(name)));
}

} // namespace tour
