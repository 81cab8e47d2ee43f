// SPDX-License-Identifier: PostgreSQL
#pragma once
// Moves passwords an existing mimeo install keeps in plain text
// (dblink_mapping_mimeo.pwd, or password=... inside data_source) into the
// keychain, one source at a time. They leave the catalog (pwd cleared,
// data_source rewritten without the password) only after the keychain took
// the password, so nothing is lost when the keychain is missing or refuses;
// the application then connects with the keychain's password.
#include "destination_service.h"

#include <QObject>

#include <vector>

class PasswordImporter : public QObject {
    Q_OBJECT
public:
    PasswordImporter(DestinationService *service, std::vector<int> sourceIds, QObject *parent = nullptr);

    // Starts; `finished` follows, then the importer deletes itself.
    void start();

signals:
    void progress(const QString &line);
    void finished(int moved, const QString &problem);

private:
    void next();
    void finish(const QString &problem);

    DestinationService *service_;
    std::vector<int> ids_;
    size_t at_ = 0;
    int moved_ = 0;
};
