// SPDX-License-Identifier: PostgreSQL
#pragma once
// What the Studio GUI tests share: driving modal dialogs (which block in
// exec()) from a timer, waiting for signals that may already have come,
// reading the real keychain, roles that must log in with a password, and
// looking for a password where it must not be.
#include "catalog/secret_keys.h"
#include "destination_session.h"
#include "pg/quote.h"
#include "testenv.h"

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWidget>
#include <qt6keychain/keychain.h>

#include <functional>
#include <memory>
#include <optional>
#include <unistd.h>

namespace studiotest {

inline QString q(const std::string &s) { return QString::fromStdString(s); }

// Waits until spy holds at least `count` signals, those that came before
// this call included. QSignalSpy::wait() waits for one more signal than
// the spy already has, so it misses a signal sent while the test was busy
// elsewhere (answering a modal dialog, waiting for another signal, or just
// scheduled late on a busy machine). The GUI tests use this instead, with
// the spy made before the action that sends the signal.
[[nodiscard]] inline bool waitForSignals(QSignalSpy &spy, int count = 1, int timeoutMs = 20000)
{
    return QTest::qWaitFor([&] { return spy.count() >= count; }, timeoutMs);
}

// Watches for the first modal dialog of type T and runs fn on it (create
// the watch before the code that opens the dialog). The watch stops when it
// goes out of scope, so a dialog that never came cannot be answered by a
// leftover watch in a later test. fn sees the dialog some time after it
// opened: work the dialog started meanwhile may be done, so fn asks the
// dialog's state instead of waiting for its signals. A dialog fn left open
// (a failed QVERIFY returns early) is rejected, so the test reports the
// failure instead of hanging in exec().
class [[nodiscard]] ModalWatch {
public:
    ModalWatch(ModalWatch &&) = default;
    ModalWatch &operator=(ModalWatch &&) = default;
    ~ModalWatch()
    {
        if (stopped_)
            *stopped_ = true;
    }
    bool seen() const { return *seen_; }

    template <class T>
    static ModalWatch on(std::function<void(T *)> fn, int timeoutMs)
    {
        ModalWatch w;
        auto stopped = w.stopped_;
        auto seen = w.seen_;
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        auto poll = std::make_shared<std::function<void()>>();
        std::weak_ptr<std::function<void()>> weakPoll = poll;
        *poll = [fn, stopped, seen, timeoutMs, timer, weakPoll] {
            if (*stopped)
                return;
            if (auto *d = qobject_cast<T *>(QApplication::activeModalWidget())) {
                *stopped = true;
                *seen = true;
                QPointer<QDialog> dialog(d);
                fn(d);
                if (dialog && dialog->isVisible())
                    dialog->reject();
                return;
            }
            if (timer->elapsed() < timeoutMs)
                if (auto p = weakPoll.lock())
                    QTimer::singleShot(20, [p] { (*p)(); });
        };
        QTimer::singleShot(0, [poll] { (*poll)(); });
        return w;
    }

private:
    ModalWatch() = default;
    std::shared_ptr<bool> stopped_ = std::make_shared<bool>(false);
    std::shared_ptr<bool> seen_ = std::make_shared<bool>(false);
};

template <class T>
ModalWatch onModal(std::function<void(T *)> fn, int timeoutMs = 30000)
{
    return ModalWatch::on<T>(std::move(fn), timeoutMs);
}

// Opens a destination in the window and waits until it is loaded; its key,
// empty when it did not load.
template <class Window>
QString openAndWait(Window &window, const std::string &conninfo)
{
    QSignalSpy loaded(&window, &Window::destinationLoaded);
    DestinationTarget t;
    t.conninfo = q(conninfo);
    window.openDestination(t);
    if (!waitForSignals(loaded) || !loaded.first().at(1).toBool())
        return {};
    return t.key();
}

// The keychain entry under key, read the way the application reads it;
// nullopt when there is none.
inline std::optional<QString> keychainRead(const QString &key)
{
    QKeychain::ReadPasswordJob job(QString::fromLatin1(mimeo::catalog::kKeychainService));
    job.setAutoDelete(false);
    job.setKey(key);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() != QKeychain::NoError)
        return std::nullopt;
    return job.textData();
}

// A login role that must give its password (IN ROLE mimeo_pw_users, see
// tests/fixture/pgcluster.sh); dropped when the object goes away.
class PasswordRole {
public:
    PasswordRole(const mimeo::test::Cluster &cluster, const std::string &prefix, std::string password)
        : cluster_(cluster)
        , name_(prefix + "_" + std::to_string(getpid()))
        , password_(std::move(password))
    {
        auto admin = cluster_.connect();
        admin.exec("DROP ROLE IF EXISTS " + mimeo::pg::quoteIdent(name_));
        admin.exec("CREATE ROLE " + mimeo::pg::quoteIdent(name_) + " LOGIN PASSWORD "
                   + mimeo::pg::quoteLiteral(password_) + " IN ROLE mimeo_pw_users");
    }
    ~PasswordRole()
    {
        try {
            auto admin = cluster_.connect();
            admin.exec("DROP OWNED BY " + mimeo::pg::quoteIdent(name_));
            admin.exec("DROP ROLE IF EXISTS " + mimeo::pg::quoteIdent(name_));
        } catch (...) {
        }
    }
    const std::string &name() const { return name_; }
    const std::string &password() const { return password_; }
    QString qname() const { return q(name_); }
    QString qpassword() const { return q(password_); }

private:
    const mimeo::test::Cluster &cluster_;
    std::string name_;
    std::string password_;
};

// Host and port of a cluster, from its conninfo.
inline QString clusterOption(const mimeo::test::Cluster &c, const char *key)
{
    return q(mimeo::pg::findOption(mimeo::pg::parseConninfo(c.conninfo), key).value_or(std::string()));
}

// The bytes of the application's settings file ("" when there is none).
inline QByteArray settingsFileBytes()
{
    QSettings s;
    s.sync();
    QFile f(s.fileName());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// How many rows of all tables in the schema contain text, read through
// each row's text form (so every column of every table is searched).
inline long long rowsContaining(mimeo::pg::Connection &c, const std::string &schema, const std::string &text)
{
    auto tables = c.exec("SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                         "ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'",
                         {schema});
    long long n = 0;
    for (int i = 0; i < tables.rows(); ++i) {
        auto r = c.exec("SELECT count(*) FROM " + mimeo::pg::quoteIdent(schema) + "." + mimeo::pg::quoteIdent(tables.text(i, 0))
                            + " t WHERE strpos(t::text, $1) > 0",
                        {text});
        n += r.toInt(0, 0);
    }
    return n;
}

} // namespace studiotest
