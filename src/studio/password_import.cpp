// SPDX-License-Identifier: PostgreSQL
#include "password_import.h"

#include "password_store.h"
#include "task_runner.h"

#include <QStringList>

PasswordImporter::PasswordImporter(DestinationService *service, std::vector<int> sourceIds, QObject *parent)
    : QObject(parent)
    , service_(service)
    , ids_(std::move(sourceIds))
{
}

void PasswordImporter::start() { next(); }

void PasswordImporter::finish(const QString &problem)
{
    emit finished(moved_, problem);
    deleteLater();
}

void PasswordImporter::next()
{
    if (at_ >= ids_.size()) {
        finish({});
        return;
    }
    const int id = ids_[at_++];
    const DestinationTarget t = service_->target();
    // [password, data_source as stored]; nothing when the catalog keeps no password (any more).
    runTask(this, [t, id] {
        auto conn = t.connect("password-import");
        mimeo::catalog::SourceRegistry reg(conn, t.schema.toStdString());
        const auto stored = reg.find(id);
        const auto pw = stored ? reg.catalogPassword(*stored) : std::nullopt;
        if (!pw)
            return QStringList();
        return QStringList{QString::fromStdString(*pw), QString::fromStdString(stored->dataSource)};
    }, [this, id, t](const QStringList &found) {
        if (found.isEmpty()) { // cleared meanwhile
            next();
            return;
        }
        const std::string stored = found.at(1).toStdString();
        service_->passwords()->write(service_->sourcePasswordKey(id), found.at(0), this, [this, id, t, stored](bool inKeychain) {
            if (!inKeychain) {
                finish(tr("No keychain is available; the passwords stay in the catalog."));
                return;
            }
            // Only now, with the password safe in the keychain, out of the catalog.
            runTask(this, [t, id, stored] {
                auto conn = t.connect("password-import");
                mimeo::catalog::SourceRegistry reg(conn, t.schema.toStdString());
                return reg.clearCatalogPasswords(id, stored, mimeo::catalog::dataSourceWithoutPassword(stored));
            }, [this, id](bool cleared) {
                if (cleared) {
                    ++moved_;
                    emit progress(tr("The password of source %1 is now in the keychain and no longer in the catalog.").arg(id));
                } else {
                    emit progress(tr("Source %1 was changed meanwhile; its password stays in the catalog.").arg(id));
                }
                next();
            }, [this](const TaskError &error) { finish(error.message); });
        });
    }, [this](const TaskError &error) { finish(error.message); });
}
