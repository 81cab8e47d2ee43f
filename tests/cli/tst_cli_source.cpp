// SPDX-License-Identifier: PostgreSQL
// `mimeo init` and `mimeo source add|list|remove|test|move-password` end to
// end against real servers, through the built binary.
#include "catalog/catalog_ddl.h"
#include "pg/connection.h"
#include "pg/conninfo.h"
#include "pg/quote.h"
#include "testenv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace mimeo;
using test::runMimeo;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

QStringList withDest(const test::ScratchDb &db, QStringList args)
{
    args.prepend(q(db.conninfo()));
    args.prepend(QStringLiteral("--dest"));
    return args;
}

// The source cluster's host/port/dbname without user: how a user would register it.
std::string sourceConninfo(const test::TestEnv *env, const std::string &db)
{
    auto opts = pg::parseConninfo(env->source.conninfo);
    pg::removeOption(opts, "user");
    pg::setOption(opts, "dbname", db);
    return pg::toKeywordValueString(opts);
}

} // namespace

class TestCliSource : public QObject {
    Q_OBJECT
private slots:
    void initTwiceAndDryRun()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "cliinit");
        auto dry = runMimeo(withDest(db, {QStringLiteral("init"), QStringLiteral("--dry-run")}));
        QCOMPARE(dry.exitCode, 0);
        QVERIFY(dry.out.contains(QStringLiteral("CREATE TABLE \"mimeo\".refresh_config_snap")));
        auto c = db.connect();
        QVERIFY(!c.exec("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'mimeo')").toBool(0, 0));

        auto first = runMimeo(withDest(db, {QStringLiteral("init")}));
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains(QStringLiteral("at version")), qPrintable(first.all()));
        auto second = runMimeo(withDest(db, {QStringLiteral("init")}));
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.contains(QStringLiteral("up to date")), qPrintable(second.all()));

        // MIMEO_DEST is honoured when --dest is absent, and --schema picks another catalog.
        QProcessEnvironment e;
        e.insert(QStringLiteral("MIMEO_DEST"), q(db.conninfo()));
        auto other = runMimeo({QStringLiteral("--schema"), QStringLiteral("Other Cat"), QStringLiteral("init")}, {}, e);
        QCOMPARE(other.exitCode, 0);
        QVERIFY(c.exec("SELECT to_regclass('\"Other Cat\".refresh_config') IS NOT NULL").toBool(0, 0));
    }

    void commandsWithoutCatalogSaySo()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "clinocat");
        auto r = runMimeo(withDest(db, {QStringLiteral("source"), QStringLiteral("list")}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("mimeo init")), qPrintable(r.err));
    }

    void olderCatalogAsksForInit()
    {
        // A catalog one migration behind this program: commands say so and
        // name the fix instead of failing on a missing column; init upgrades.
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "clioldcat");
        QCOMPARE(runMimeo(withDest(db, {QStringLiteral("init")})).exitCode, 0);
        auto c = db.connect();
        test::downgradeCatalogToVersion5(c, "mimeo");
        auto r = runMimeo(withDest(db, {QStringLiteral("status")}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("is version 5; this mimeo needs version %1").arg(mimeo::catalog::kCatalogVersion)), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("run: mimeo init")), qPrintable(r.err));
        QCOMPARE(runMimeo(withDest(db, {QStringLiteral("init")})).exitCode, 0);
        QVERIFY(c.exec("SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'mimeo.studio_job_log'::regclass "
                       "AND attname = 'heartbeat_at')").toBool(0, 0));
        auto ok = runMimeo(withDest(db, {QStringLiteral("status")}));
        QCOMPARE(ok.exitCode, 0);
    }

    void addListRemove()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "clisrc");
        QCOMPARE(runMimeo(withDest(db, {QStringLiteral("init")})).exitCode, 0);

        // A URI is accepted and stored in mimeo's keyword=value form; the id is printed alone.
        auto add = runMimeo(withDest(db, {QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("--conninfo"),
                                          QStringLiteral("postgresql://db.example:6543/sales?sslmode=require"),
                                          QStringLiteral("--user"), QStringLiteral("repl")}));
        QCOMPARE(add.exitCode, 0);
        QCOMPARE(add.out, QStringLiteral("1\n"));
        auto c = db.connect();
        auto row = c.exec("SELECT data_source, username, pwd IS NULL FROM mimeo.dblink_mapping_mimeo WHERE data_source_id = 1");
        QCOMPARE(row.text(0, 0), std::string("dbname='sales' host='db.example' port='6543' sslmode='require'"));
        QCOMPARE(row.text(0, 1), std::string("repl"));
        QVERIFY(row.toBool(0, 2));

        // The user may come from the conninfo instead of --user.
        auto add2 = runMimeo(withDest(db, {QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("--conninfo"),
                                           QStringLiteral("host=h2 dbname=d2 user=other")}));
        QCOMPARE(add2.exitCode, 0);
        QCOMPARE(add2.out, QStringLiteral("2\n"));

        auto list = runMimeo(withDest(db, {QStringLiteral("source"), QStringLiteral("list"), QStringLiteral("--json")}));
        QCOMPARE(list.exitCode, 0);
        const auto arr = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(arr.size(), 2);
        QCOMPARE(arr.at(0).toObject().value(QStringLiteral("data_source_id")).toInt(), 1);
        QCOMPARE(arr.at(1).toObject().value(QStringLiteral("username")).toString(), QStringLiteral("other"));
        QCOMPARE(arr.at(1).toObject().value(QStringLiteral("stored_password")).toBool(), false);

        // Remove is refused while a table uses the source, naming the table.
        c.exec("INSERT INTO mimeo.refresh_config_snap (source_table, dest_table, dblink) VALUES ('s.t', 'reports.orders', 1)");
        auto refused = runMimeo(withDest(db, {QStringLiteral("source"), QStringLiteral("remove"), QStringLiteral("1")}));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("reports.orders")), qPrintable(refused.err));
        QCOMPARE(c.exec("SELECT count(*) FROM mimeo.dblink_mapping_mimeo").toInt(0, 0), int64_t(2));

        // status shows the configured table in the documented JSON shape.
        c.exec("UPDATE mimeo.refresh_config_snap SET period = '1 hour', last_run = now() - interval '3 hours'");
        auto status = runMimeo(withDest(db, {QStringLiteral("status"), QStringLiteral("--json")}));
        QCOMPARE(status.exitCode, 0);
        const auto st = QJsonDocument::fromJson(status.out.toUtf8()).array();
        QCOMPARE(st.size(), 1);
        const auto so = st.at(0).toObject();
        for (const char *key : {"dest_table", "type", "source_table", "data_source_id", "period", "last_run", "next_due",
                                "late", "last_status"})
            QVERIFY2(so.contains(QLatin1String(key)), key);
        QCOMPARE(so.value(QStringLiteral("dest_table")).toString(), QStringLiteral("reports.orders"));
        QCOMPARE(so.value(QStringLiteral("type")).toString(), QStringLiteral("snap"));
        QCOMPARE(so.value(QStringLiteral("late")).toBool(), true);
        QVERIFY(so.value(QStringLiteral("last_run")).toString().endsWith(QStringLiteral("+00:00")));

        auto removed = runMimeo(withDest(db, {QStringLiteral("source"), QStringLiteral("remove"), QStringLiteral("2")}));
        QCOMPARE(removed.exitCode, 0);
        QCOMPARE(c.exec("SELECT count(*) FROM mimeo.dblink_mapping_mimeo").toInt(0, 0), int64_t(1));
        auto missing = runMimeo(withDest(db, {QStringLiteral("source"), QStringLiteral("remove"), QStringLiteral("2")}));
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("source 2 does not exist")), qPrintable(missing.err));
    }

    void badInputIsRefusedAndStoresNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<QString>("secret");
        QTest::newRow("password in conninfo")
            << QStringList{"--conninfo", "host=h dbname=d password=NotHere123", "--user", "u"} << "contains a password"
            << "NotHere123";
        QTest::newRow("password in uri")
            << QStringList{"--conninfo", "postgresql://u:UriSecret77@h/d"} << "contains a password" << "UriSecret77";
        QTest::newRow("syntax error") << QStringList{"--conninfo", "host=h frob=1", "--user", "u"} << "frob" << "";
        QTest::newRow("no user") << QStringList{"--conninfo", "host=h dbname=d"} << "no user" << "";
        // Empty would reach libpq's defaults: the local server, a database named like the user.
        QTest::newRow("empty conninfo") << QStringList{"--conninfo", "", "--user", "u"} << "names no server" << "";
        QTest::newRow("blank conninfo") << QStringList{"--conninfo", "  ", "--user", "u"} << "names no server" << "";
        QTest::newRow("only a user") << QStringList{"--conninfo", "user=u"} << "names no server" << "";
        QTest::newRow("conflicting users") << QStringList{"--conninfo", "host=h user=a", "--user", "b"} << "user a" << "";
    }
    void badInputIsRefusedAndStoresNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        QFETCH(QString, secret);
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb db(env->dest, "clibad");
        QCOMPARE(runMimeo(withDest(db, {QStringLiteral("init")})).exitCode, 0);
        args.prepend(QStringLiteral("add"));
        args.prepend(QStringLiteral("source"));
        auto r = runMimeo(withDest(db, args));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        if (!secret.isEmpty())
            QVERIFY2(!r.all().contains(secret), qPrintable(r.all()));
        auto c = db.connect();
        QCOMPARE(c.exec("SELECT count(*) FROM mimeo.dblink_mapping_mimeo").toInt(0, 0), int64_t(0));
    }

    void testReportsVersionStandbyAndPrivileges()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb dest(env->dest, "clitestd");
        test::ScratchDb src(env->source, "clitests");
        auto s = src.connect();
        s.exec("CREATE SCHEMA sales; CREATE TABLE sales.orders (id int primary key); CREATE TABLE sales.lines (id int);"
               "DROP ROLE IF EXISTS limited_repl; CREATE ROLE limited_repl LOGIN;"
               "GRANT USAGE ON SCHEMA sales TO limited_repl; GRANT SELECT ON sales.orders TO limited_repl;");
        QCOMPARE(runMimeo(withDest(dest, {QStringLiteral("init")})).exitCode, 0);
        auto add = runMimeo(withDest(dest, {QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("--conninfo"),
                                            q(sourceConninfo(env, src.name())), QStringLiteral("--user"),
                                            QStringLiteral("limited_repl")}));
        QCOMPARE(add.exitCode, 0);
        const QString id = add.out.trimmed();

        auto text = runMimeo(withDest(dest, {QStringLiteral("source"), QStringLiteral("test"), id}));
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("PostgreSQL 15")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("(primary)")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("CREATE SCHEMA \"mimeo\" AUTHORIZATION \"limited_repl\";")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA \"sales\" TO \"limited_repl\";")),
                 qPrintable(text.out));

        auto json = runMimeo(withDest(dest, {QStringLiteral("source"), QStringLiteral("test"), id, QStringLiteral("--json")}));
        QCOMPARE(json.exitCode, 0);
        const auto o = QJsonDocument::fromJson(json.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(o.value(QStringLiteral("standby")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("role")).toString(), QStringLiteral("limited_repl"));
        QCOMPARE(o.value(QStringLiteral("tables")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("selectable")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("queue_schema_ok")).toBool(), false);

        // After the suggested fixes the report is clean.
        s.exec("CREATE SCHEMA mimeo AUTHORIZATION limited_repl; GRANT SELECT, TRIGGER ON ALL TABLES IN SCHEMA sales TO limited_repl;");
        auto clean = runMimeo(withDest(dest, {QStringLiteral("source"), QStringLiteral("test"), id}));
        QCOMPARE(clean.exitCode, 0);
        QVERIFY2(clean.out.contains(QStringLiteral("everything every replication type needs")), qPrintable(clean.out));
        s.exec("DROP SCHEMA mimeo; REVOKE ALL ON ALL TABLES IN SCHEMA sales FROM limited_repl; "
               "REVOKE ALL ON SCHEMA sales FROM limited_repl; DROP ROLE limited_repl;");
    }

    void unreachableSourceFailsFast()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb dest(env->dest, "cliunreach");
        QCOMPARE(runMimeo(withDest(dest, {QStringLiteral("init")})).exitCode, 0);
        auto add = runMimeo(withDest(dest, {QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("--conninfo"),
                                            QStringLiteral("host=127.0.0.1 port=1 dbname=x"), QStringLiteral("--user"),
                                            QStringLiteral("u")}));
        QCOMPARE(add.exitCode, 0);
        QElapsedTimer t;
        t.start();
        auto r = runMimeo(withDest(dest, {QStringLiteral("source"), QStringLiteral("test"), add.out.trimmed()}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("source:")) && r.err.contains(QStringLiteral("127.0.0.1")), qPrintable(r.err));
        QVERIFY(t.elapsed() < 30000);
    }

    void passwordsWrongStoredAndNeverShown()
    {
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb dest(env->dest, "clipw");
        test::ScratchDb src(env->source, "clipws");
        auto admin = env->source.connect();
        admin.exec("DROP ROLE IF EXISTS cli_pw_role");
        admin.exec("CREATE ROLE cli_pw_role LOGIN PASSWORD 'Gr8-source-pw' IN ROLE mimeo_pw_users");
        QCOMPARE(runMimeo(withDest(dest, {QStringLiteral("init")})).exitCode, 0);
        const QStringList addArgs{QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("--conninfo"),
                                  q(sourceConninfo(env, src.name())), QStringLiteral("--user"), QStringLiteral("cli_pw_role"),
                                  QStringLiteral("--password-stdin")};
        // Wrong password, stored with --password-stdin (warned about).
        auto addWrong = runMimeo(withDest(dest, addArgs), "Wrong-pw-4711\n");
        QCOMPARE(addWrong.exitCode, 0);
        QVERIFY2(addWrong.err.contains(QStringLiteral("plain text")), qPrintable(addWrong.err));
        QVERIFY(!addWrong.all().contains(QStringLiteral("Wrong-pw-4711")));
        auto wrong = runMimeo(withDest(dest, {QStringLiteral("source"), QStringLiteral("test"), addWrong.out.trimmed()}),
                              {}, [] {
                                  QProcessEnvironment e;
                                  e.insert(QStringLiteral("HOME"), QStringLiteral("/nonexistent"));
                                  return e;
                              }());
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(QStringLiteral("password authentication failed")), qPrintable(wrong.err));
        QVERIFY2(!wrong.all().contains(QStringLiteral("Wrong-pw-4711")), qPrintable(wrong.all()));

        // The right one works from the catalog when libpq has none of its own.
        auto addRight = runMimeo(withDest(dest, addArgs), "Gr8-source-pw\n");
        QCOMPARE(addRight.exitCode, 0);
        QProcessEnvironment noPgpass;
        noPgpass.insert(QStringLiteral("HOME"), QStringLiteral("/nonexistent"));
        auto right = runMimeo(withDest(dest, {QStringLiteral("source"), QStringLiteral("test"), addRight.out.trimmed()}), {}, noPgpass);
        QCOMPARE(right.exitCode, 0);
        QVERIFY2(right.out.contains(QStringLiteral("cli_pw_role")), qPrintable(right.all()));
        QVERIFY(!right.all().contains(QStringLiteral("Gr8-source-pw")));
        auto list = runMimeo(withDest(dest, {QStringLiteral("source"), QStringLiteral("list")}));
        QVERIFY(!list.all().contains(QStringLiteral("Gr8-source-pw")));
        QVERIFY(list.out.contains(QStringLiteral("password stored in catalog")));

        // libpq's own means win: with a .pgpass holding the password and no pwd column, it connects.
        auto addPlain = runMimeo(withDest(dest, {QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("--conninfo"),
                                                 q(sourceConninfo(env, src.name())), QStringLiteral("--user"),
                                                 QStringLiteral("cli_pw_role")}));
        QTemporaryDir home;
        QFile pgpass(home.filePath(QStringLiteral(".pgpass")));
        QVERIFY(pgpass.open(QIODevice::WriteOnly));
        pgpass.write("*:*:*:cli_pw_role:Gr8-source-pw\n");
        pgpass.close();
        pgpass.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcessEnvironment withPgpass;
        withPgpass.insert(QStringLiteral("HOME"), home.path());
        auto viaPgpass = runMimeo(withDest(dest, {QStringLiteral("source"), QStringLiteral("test"), addPlain.out.trimmed()}),
                                  {}, withPgpass);
        QCOMPARE(viaPgpass.exitCode, 0);
        QVERIFY(!viaPgpass.all().contains(QStringLiteral("Gr8-source-pw")));
        admin.exec("DROP OWNED BY cli_pw_role; DROP ROLE cli_pw_role");
    }

    void passwordInsideDataSourceIsMaskedWarnedAndMovedOut()
    {
        // A catalog adopted from the mimeo extension may keep password=...
        // inside data_source: never printed, warned about, and moved into a
        // password file on request, after which connecting still works.
        MIMEO_REQUIRE_ENV(env);
        test::ScratchDb dest(env->dest, "clidspw");
        test::ScratchDb src(env->source, "clidspws");
        const QString pw = QStringLiteral("Inside-DS:pw\\42");
        auto admin = env->source.connect();
        admin.exec("DROP ROLE IF EXISTS cli_ds_role");
        admin.exec("CREATE ROLE cli_ds_role LOGIN PASSWORD " + pg::quoteLiteral(pw.toStdString()) + " IN ROLE mimeo_pw_users");
        QCOMPARE(runMimeo(withDest(dest, {QStringLiteral("init")})).exitCode, 0);
        auto c = dest.connect();
        const std::string conninfo = sourceConninfo(env, src.name());
        auto insert = [&](const std::string &password) {
            auto opts = pg::parseConninfo(conninfo);
            pg::setOption(opts, "password", password);
            return c.exec("INSERT INTO mimeo.dblink_mapping_mimeo (data_source, username) VALUES ($1, 'cli_ds_role') "
                          "RETURNING data_source_id",
                          {pg::toKeywordValueString(opts)})
                .text(0, 0);
        };
        const QString id = q(insert(pw.toStdString()));
        const QString wrongId = q(insert("Not-The-Pw-77"));
        QProcessEnvironment noPgpass;
        noPgpass.insert(QStringLiteral("HOME"), QStringLiteral("/nonexistent"));
        QStringList outputs;
        auto run = [&](const QStringList &args) {
            auto r = runMimeo(withDest(dest, args), {}, noPgpass);
            outputs << r.all();
            return r;
        };

        auto list = run({QStringLiteral("source"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(QStringLiteral("password=********")), qPrintable(list.out));
        QVERIFY2(list.out.contains(QStringLiteral("(password inside data_source)")), qPrintable(list.out));
        QVERIFY2(list.err.contains(QStringLiteral("mimeo source move-password %1 --pgpass").arg(id)), qPrintable(list.err));
        auto json = run({QStringLiteral("source"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const auto first = QJsonDocument::fromJson(json.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("password_in_data_source")).toBool(), true);
        QVERIFY(first.value(QStringLiteral("data_source")).toString().contains(QStringLiteral("********")));
        auto init = run({QStringLiteral("init")});
        QCOMPARE(init.exitCode, 0);
        QVERIFY2(init.err.contains(QStringLiteral("source %1 keeps its password in plain text in the catalog (inside data_source)")
                                       .arg(id)),
                 qPrintable(init.err));
        QCOMPARE(run({QStringLiteral("source"), QStringLiteral("test"), id}).exitCode, 0); // the password in data_source works

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("pgpass"));
        auto moveArgs = [&](const QString &which) {
            return QStringList{QStringLiteral("source"), QStringLiteral("move-password"), which, QStringLiteral("--pgpass"), file};
        };
        // A file others may read is refused: libpq would ignore it.
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# mine\n");
            f.close();
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
        }
        auto open = run(moveArgs(id));
        QCOMPARE(open.exitCode, 1);
        QVERIFY2(open.err.contains(QStringLiteral("chmod 0600 ") + file), qPrintable(open.err));
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        // A password that does not work is not moved: file and catalog stay as they were.
        auto wrong = run(moveArgs(wrongId));
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(QStringLiteral("password authentication failed")), qPrintable(wrong.err));
        auto readFile = [&] {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        QCOMPARE(readFile(), QStringLiteral("# mine\n"));
        QCOMPARE(c.exec("SELECT count(*) FROM mimeo.dblink_mapping_mimeo WHERE data_source LIKE '%password%'").toInt(0, 0),
                 int64_t(2));

        auto moved = run(moveArgs(id));
        QVERIFY2(moved.exitCode == 0, qPrintable(moved.all()));
        QVERIFY2(moved.out.contains(QStringLiteral("moved the password of source %1 to %2").arg(id, file)), qPrintable(moved.out));
        // One line as libpq looks it up, ':' and '\\' escaped; the file stays private.
        const QStringList lines = readFile().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(1).endsWith(QStringLiteral(":%1:cli_ds_role:Inside-DS\\:pw\\\\42").arg(q(src.name()))),
                 qPrintable(lines.at(1)));
        QVERIFY(!(QFileInfo(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
        auto row = c.exec("SELECT data_source, pwd IS NULL FROM mimeo.dblink_mapping_mimeo WHERE data_source_id = $1",
                          {id.toStdString()});
        QVERIFY2(row.text(0, 0).find("password") == std::string::npos, row.text(0, 0).c_str());
        QVERIFY2(row.text(0, 0).find("passfile=") != std::string::npos, row.text(0, 0).c_str()); // not libpq's default file
        QVERIFY(row.toBool(0, 1));

        // Connecting keeps working, from the file alone.
        auto after = run({QStringLiteral("source"), QStringLiteral("test"), id});
        QVERIFY2(after.exitCode == 0, qPrintable(after.all()));
        auto nothing = run(moveArgs(id));
        QCOMPARE(nothing.exitCode, 0);
        QVERIFY2(nothing.out.contains(QStringLiteral("nothing to move")), qPrintable(nothing.out));
        auto listed = run({QStringLiteral("source"), QStringLiteral("list")});
        QVERIFY2(!listed.err.contains(QStringLiteral("source %1 keeps").arg(id)), qPrintable(listed.err));

        for (const auto &o : outputs) {
            QVERIFY2(!o.contains(pw) && !o.contains(QStringLiteral("Inside-DS")), qPrintable(o));
            QVERIFY2(!o.contains(QStringLiteral("Not-The-Pw-77")), qPrintable(o));
        }
        admin.exec("DROP OWNED BY cli_ds_role; DROP ROLE cli_ds_role");
    }
};

QTEST_GUILESS_MAIN(TestCliSource)
#include "tst_cli_source.moc"
