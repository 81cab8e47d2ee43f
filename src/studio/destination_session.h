#pragma once
// One destination the user has opened: how to reach it (conninfo, catalog
// schema, a password held in memory only) and what was last read from it.
#include "catalog/config_list.h"
#include "catalog/destination_probe.h"
#include "catalog/sources.h"
#include "pg/connection.h"

#include <QMetaType>
#include <QString>

#include <optional>
#include <vector>

struct DestinationTarget {
    QString conninfo;
    QString schema = QStringLiteral("mimeo");
    std::optional<QString> password; // memory only

    // A name for people: user@host:port/db as the server reports it, else the conninfo.
    QString displayName;

    // Opens a connection (call off the GUI thread); action goes into application_name.
    mimeo::pg::Connection connect(const std::string &action) const;
};

// What the navigator shows of one destination.
struct DestinationSnapshot {
    mimeo::catalog::DestinationProbe probe;
    std::vector<mimeo::catalog::SourceRecord> sources;
    std::vector<mimeo::catalog::ConfigSummary> tables;
    QString describe; // user@host:port/db
};
Q_DECLARE_METATYPE(DestinationSnapshot)
Q_DECLARE_METATYPE(mimeo::catalog::DestinationProbe)

// Reads the snapshot (blocking; run it in a BackgroundTask).
DestinationSnapshot loadDestination(const DestinationTarget &target);
