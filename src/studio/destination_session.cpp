// SPDX-License-Identifier: PostgreSQL
#include "destination_session.h"

#include "catalog/secret_keys.h"

mimeo::pg::Connection DestinationTarget::connect(const std::string &action, int timeoutSeconds) const
{
    return mimeo::pg::Connection::open(connectSpec(action, timeoutSeconds));
}

mimeo::pg::ConnectSpec DestinationTarget::connectSpec(const std::string &action, int timeoutSeconds) const
{
    mimeo::pg::ConnectSpec spec;
    spec.conninfo = conninfo.toStdString();
    if (password)
        spec.overrides.emplace_back("password", password->toStdString());
    spec.applicationName = "mimeo-studio:" + action;
    spec.side = mimeo::pg::Side::Destination;
    spec.defaultConnectTimeoutSeconds = timeoutSeconds;
    return spec;
}

QString DestinationTarget::secretKey() const
{
    return QString::fromStdString(mimeo::catalog::destinationSecretKey(conninfo.toStdString()));
}

DestinationSnapshot loadDestination(const DestinationTarget &target)
{
    auto conn = target.connect("browse");
    DestinationSnapshot snap;
    const std::string schema = target.schema.toStdString();
    snap.describe = QString::fromStdString(conn.describe());
    snap.identity = QString::fromStdString(mimeo::catalog::destinationIdentity(conn));
    snap.probe = mimeo::catalog::probeDestination(conn, schema);
    if (snap.probe.catalog.mimeoTablesComplete()) {
        mimeo::catalog::SourceRegistry reg(conn, schema);
        snap.sources = reg.list();
        snap.tables = mimeo::catalog::listConfiguredTables(conn, schema);
    }
    return snap;
}

QString sourceSecretKey(const QString &destIdentity, const QString &schema, int sourceId)
{
    return QString::fromStdString(
        mimeo::catalog::sourceSecretKey(destIdentity.toStdString(), schema.toStdString(), sourceId));
}
