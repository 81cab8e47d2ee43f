#include "destination_session.h"

mimeo::pg::Connection DestinationTarget::connect(const std::string &action) const
{
    mimeo::pg::ConnectSpec spec;
    spec.conninfo = conninfo.toStdString();
    if (password)
        spec.overrides.emplace_back("password", password->toStdString());
    spec.applicationName = "mimeo-studio:" + action;
    spec.side = mimeo::pg::Side::Destination;
    return mimeo::pg::Connection::open(spec);
}

DestinationSnapshot loadDestination(const DestinationTarget &target)
{
    auto conn = target.connect("browse");
    DestinationSnapshot snap;
    const std::string schema = target.schema.toStdString();
    snap.describe = QString::fromStdString(conn.describe());
    snap.probe = mimeo::catalog::probeDestination(conn, schema);
    if (snap.probe.catalog.mimeoTablesComplete()) {
        mimeo::catalog::SourceRegistry reg(conn, schema);
        snap.sources = reg.list();
        snap.tables = mimeo::catalog::listConfiguredTables(conn, schema);
    }
    return snap;
}
