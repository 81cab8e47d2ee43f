// SPDX-License-Identifier: PostgreSQL
// No password reaches an output, an error message or the job log: a
// recognisable password is used for the destination and a source, jobs
// succeed and fail, and every output and the whole job log are searched.
// A password file others can read is named in the error, with the fix.
#include "pg/connection.h"
#include "pg/conninfo.h"
#include "testenv.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace mimeo;

namespace {

const QString kPassword = QStringLiteral("Zebra-Crossing-4711!");
const QString kOtherPassword = QStringLiteral("Giraffe-Neck-0815?");

std::string withUser(const std::string &conninfo, const std::string &db, const std::string &user)
{
    auto opts = pg::parseConninfo(conninfo);
    pg::setOption(opts, "dbname", db);
    pg::setOption(opts, "user", user);
    return pg::toKeywordValueString(opts);
}

} // namespace

class TestSecrets : public QObject {
    Q_OBJECT
private slots:
    void passwordAppearsNowhere()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb src(env->source, "secret_s");
        test::ScratchDb dest(env->dest, "secret_d");
        const std::string role = "secret_role_" + std::to_string(getpid());
        const std::string pw = kPassword.toStdString();
        for (const auto *cluster : {&env->source, &env->dest}) {
            auto admin = cluster->connect();
            admin.exec("CREATE ROLE " + role + " LOGIN SUPERUSER PASSWORD '" + pw + "' IN ROLE mimeo_pw_users");
        }
        const std::string other = "secret_other_" + std::to_string(getpid());
        env->source.connect().exec("CREATE ROLE " + other + " LOGIN PASSWORD '" + kOtherPassword.toStdString()
                                   + "' IN ROLE mimeo_pw_users");
        src.connect().exec("CREATE SCHEMA s; CREATE TABLE s.t (id int PRIMARY KEY, v text); "
                           "INSERT INTO s.t SELECT g, 'v' FROM generate_series(1, 100) g;");
        dest.connect().exec("CREATE SCHEMA r");

        QStringList outputs;
        auto run = [&](const QStringList &args, const QByteArray &in = {}, bool withPgPassword = true) {
            QProcessEnvironment e;
            e.insert(QStringLiteral("HOME"), QStringLiteral("/nonexistent"));
            if (withPgPassword)
                e.insert(QStringLiteral("PGPASSWORD"), kPassword); // the destination's password, libpq's way
            QStringList full{QStringLiteral("--dest"), QString::fromStdString(withUser(dest.conninfo(), dest.name(), role))};
            full += args;
            auto r = test::runMimeo(full, in, e);
            outputs << r.all();
            return r;
        };
        const QString srcConninfo = QString::fromStdString(src.conninfoWithoutUser());

        QCOMPARE(run({"init"}).exitCode, 0);
        QCOMPARE(run({"source", "add", "--conninfo", srcConninfo, "--user", QString::fromStdString(role), "--password-stdin"},
                     kPassword.toUtf8() + "\n").exitCode, 0);
        // A second source whose stored password is wrong (libpq tries PGPASSWORD, which is wrong for it too).
        QCOMPARE(run({"source", "add", "--conninfo", srcConninfo, "--user", QString::fromStdString(other), "--password-stdin"},
                     "not-" + kOtherPassword.toUtf8() + "\n").exitCode, 0);
        QCOMPARE(run({"source", "test", "1"}).exitCode, 0);
        QCOMPARE(run({"source", "test", "2"}).exitCode, 1); // wrong password
        QCOMPARE(run({"make", "snap", "s.t", "--source", "1", "--dest-table", "r.ok"}).exitCode, 0);
        QCOMPARE(run({"make", "snap", "s.t", "--source", "2", "--dest-table", "r.bad"}).exitCode, 1);
        QCOMPARE(run({"make", "table", "s.t", "--source", "1", "--dest-table", "r.broken", "--period", "1 minute"}).exitCode, 0);
        dest.connect().exec("UPDATE mimeo.refresh_config_table SET condition = 'WHERE nope', last_run = now() - interval '1 hour'");
        QCOMPARE(run({"refresh", "r.ok", "--repull"}).exitCode, 0);
        QCOMPARE(run({"refresh", "r.broken"}).exitCode, 1);
        QCOMPARE(run({"run"}).exitCode, 1);
        QCOMPARE(run({"status"}).exitCode, 0);
        QCOMPARE(run({"status", "--json"}).exitCode, 0);
        QCOMPARE(run({"log", "--json", "--limit", "100"}).exitCode, 0);
        QCOMPARE(run({"source", "list", "--json"}).exitCode, 0);
        QCOMPARE(run({"check", "rowcount", "r.ok"}).exitCode, 0);
        // The destination's password in a URI, and a failing connection.
        const QString uri = QStringLiteral("postgresql://%1:%2@127.0.0.1:1/x").arg(QString::fromStdString(role), kPassword);
        auto viaUri = test::runMimeo({"--dest", uri, "status"});
        outputs << viaUri.all();
        QCOMPARE(viaUri.exitCode, 1);
        // No destination password at all: refused, and still nothing leaks.
        QCOMPARE(run({"status"}, {}, false).exitCode, 1);

        QVERIFY(outputs.size() > 15);
        for (const auto &o : outputs) {
            QVERIFY2(!o.contains(kPassword), qPrintable(o));
            QVERIFY2(!o.contains(kOtherPassword), qPrintable(o));
        }
        // The whole job log, every text column.
        auto c = dest.connect();
        const auto log = c.exec("SELECT coalesce(string_agg(l::text, '\n'), '') FROM mimeo.studio_job_log l").text(0, 0)
            + c.exec("SELECT coalesce(string_agg(s::text, '\n'), '') FROM mimeo.studio_job_step s").text(0, 0);
        QVERIFY(log.find("failed") != std::string::npos); // failures were logged...
        QVERIFY2(log.find(pw) == std::string::npos, log.c_str()); // ...without the password
        QVERIFY2(log.find(kOtherPassword.toStdString()) == std::string::npos, log.c_str());

        // What the role made belongs to it; hand it over before dropping the roles.
        dest.connect().exec("REASSIGN OWNED BY " + role + " TO postgres; DROP OWNED BY " + role);
        src.connect().exec("DROP OWNED BY " + role + ", " + other);
        for (const auto *cluster : {&env->source, &env->dest})
            cluster->connect().exec("DROP ROLE " + role);
        env->source.connect().exec("DROP ROLE " + other);
    }

    void unreadablePasswordFileIsNamedWithTheFix()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb dest(env->dest, "secret_pgpass");
        const std::string role = "pgpass_role_" + std::to_string(getpid());
        auto admin = env->dest.connect();
        admin.exec("CREATE ROLE " + role + " LOGIN PASSWORD 'pgpass-pw' IN ROLE mimeo_pw_users");
        QTemporaryDir home;
        QFile pgpass(home.filePath(QStringLiteral(".pgpass")));
        QVERIFY(pgpass.open(QIODevice::WriteOnly));
        pgpass.write(QByteArray("*:*:*:") + QByteArray::fromStdString(role) + ":pgpass-pw\n");
        pgpass.close();
        pgpass.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        QProcessEnvironment e;
        e.insert(QStringLiteral("HOME"), home.path());
        const QStringList args{"--dest", QString::fromStdString(withUser(dest.conninfo(), dest.name(), role)), "status"};
        auto r = test::runMimeo(args, {}, e);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("has group or world access")), qPrintable(r.err)); // libpq's own warning
        QVERIFY2(r.err.contains(QStringLiteral("chmod 0600 ") + pgpass.fileName()), qPrintable(r.err));
        pgpass.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        auto fixed = test::runMimeo(args, {}, e);
        QVERIFY2(fixed.err.contains(QStringLiteral("no mimeo catalog")), qPrintable(fixed.all())); // connected this time
        admin.exec("DROP ROLE " + role);
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
