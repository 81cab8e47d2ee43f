// SPDX-License-Identifier: PostgreSQL
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
    QString conninfo; // never holds a password (it is saved in settings)
    QString schema = QStringLiteral("mimeo");
    std::optional<QString> password; // memory only; the keychain keeps it across sessions

    // A name for people: user@host:port/db as the server reports it, else the conninfo.
    QString displayName;

    // Opens a connection (call off the GUI thread); action goes into
    // application_name. timeoutSeconds bounds the wait for the server.
    mimeo::pg::Connection connect(const std::string &action, int timeoutSeconds = 10) const;
    // What connect() uses: for the engine's job log, which opens its own connection.
    mimeo::pg::ConnectSpec connectSpec(const std::string &action, int timeoutSeconds = 10) const;

    // The keychain key of this destination's password.
    QString secretKey() const;
    // Identifies the destination in settings and the navigator.
    QString key() const { return schema + QLatin1Char('|') + conninfo; }
};
Q_DECLARE_METATYPE(DestinationTarget)

// What the navigator shows of one destination.
struct DestinationSnapshot {
    mimeo::catalog::DestinationProbe probe;
    std::vector<mimeo::catalog::SourceRecord> sources;
    std::vector<mimeo::catalog::ConfigSummary> tables;
    QString describe; // user@host:port/db
    QString identity; // host:port/db, part of the keychain keys of its sources
};
Q_DECLARE_METATYPE(DestinationSnapshot)
Q_DECLARE_METATYPE(mimeo::catalog::DestinationProbe)

// Reads the snapshot (blocking; run it in a BackgroundTask).
DestinationSnapshot loadDestination(const DestinationTarget &target);

// The keychain key of a source's password in this destination's catalog.
QString sourceSecretKey(const QString &destIdentity, const QString &schema, int sourceId);
