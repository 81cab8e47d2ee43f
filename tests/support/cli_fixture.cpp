// SPDX-License-Identifier: PostgreSQL
#include "cli_fixture.h"

#include "pg/connection.h"

namespace mimeo::test {

CliFixture::CliFixture(const TestEnv *env, const std::string &prefix, const std::string &sourceSql)
    : src(env->source, prefix + "_s")
    , dest(env->dest, prefix + "_d")
{
    src.connect().exec(sourceSql);
    dest.connect().exec("CREATE SCHEMA rep;");
    run({QStringLiteral("init")});
    run({QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("--conninfo"),
         QString::fromStdString(src.conninfoWithoutUser()), QStringLiteral("--user"), QStringLiteral("postgres")});
}

CliResult CliFixture::run(QStringList args, const QByteArray &in) const
{
    args.prepend(QString::fromStdString(dest.conninfo()));
    args.prepend(QStringLiteral("--dest"));
    return runMimeo(args, in);
}

Background::Background(const CliFixture &f, QStringList args)
{
    args.prepend(QString::fromStdString(f.dest.conninfo()));
    args.prepend(QStringLiteral("--dest"));
    p.start(mimeoBinary(), args);
    p.waitForStarted();
}

Background::~Background()
{
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
    }
}

} // namespace mimeo::test
