#pragma once
// What the Studio GUI tests share: driving modal dialogs (which block in
// exec()) from a timer, reading the real keychain, roles that must log in
// with a password, and looking for a password where it must not be.
#include "catalog/secret_keys.h"
#include "pg/quote.h"
#include "testenv.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QPointer>
#include <QSettings>
#include <QTimer>
#include <QWidget>
#include <qt6keychain/keychain.h>

#include <functional>
#include <memory>
#include <optional>
#include <unistd.h>

namespace studiotest {

inline QString q(const std::string &s) { return QString::fromStdString(s); }

// Runs fn on the first modal dialog of type T that shows up within
// timeoutMs (call before the code that opens it). *seen, when given, tells
// whether it came.
template <class T>
void onModal(std::function<void(T *)> fn, bool *seen = nullptr, int timeoutMs = 30000)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    auto poll = std::make_shared<std::function<void()>>();
    *poll = [fn, seen, timeoutMs, timer, poll] {
        if (auto *w = qobject_cast<T *>(QApplication::activeModalWidget())) {
            if (seen)
                *seen = true;
            fn(w);
            return;
        }
        if (timer->elapsed() < timeoutMs)
            QTimer::singleShot(20, *poll);
    };
    QTimer::singleShot(0, *poll);
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
