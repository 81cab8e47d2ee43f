// SPDX-License-Identifier: PostgreSQL
#include "password_import.h"

#include "background_task.h"
#include "password_store.h"

PasswordImporter::PasswordImporter(const DestinationTarget &target, const QString &identity, std::vector<int> sourceIds,
                                   PasswordStore *store, QObject *parent)
    : QObject(parent)
    , target_(target)
    , identity_(identity)
    , ids_(std::move(sourceIds))
    , store_(store)
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
    const DestinationTarget t = target_;
    // [password, data_source as stored]; nothing when the catalog keeps no password (any more).
    auto *read = BackgroundTask::start([t, id] {
        auto conn = t.connect("password-import");
        mimeo::catalog::SourceRegistry reg(conn, t.schema.toStdString());
        const auto stored = reg.find(id);
        const auto pw = stored ? reg.catalogPassword(*stored) : std::nullopt;
        if (!pw)
            return QVariant();
        return QVariant(QStringList{QString::fromStdString(*pw), QString::fromStdString(stored->dataSource)});
    });
    connect(read, &BackgroundTask::failed, this, [this](const QString &error) { finish(error); });
    connect(read, &BackgroundTask::finished, this, [this, id, t](const QVariant &v) {
        if (!v.isValid()) { // cleared meanwhile
            next();
            return;
        }
        const QStringList found = v.toStringList();
        const std::string stored = found.at(1).toStdString();
        const QString key = sourceSecretKey(identity_, t.schema, id);
        store_->write(key, found.at(0), this, [this, id, t, stored](bool inKeychain) {
            if (!inKeychain) {
                finish(tr("No keychain is available; the passwords stay in the catalog."));
                return;
            }
            // Only now, with the password safe in the keychain, out of the catalog.
            auto *clear = BackgroundTask::start([t, id, stored] {
                auto conn = t.connect("password-import");
                mimeo::catalog::SourceRegistry reg(conn, t.schema.toStdString());
                return QVariant(reg.clearCatalogPasswords(id, stored, mimeo::catalog::dataSourceWithoutPassword(stored)));
            });
            connect(clear, &BackgroundTask::failed, this, [this](const QString &error) { finish(error); });
            connect(clear, &BackgroundTask::finished, this, [this, id](const QVariant &cleared) {
                if (cleared.toBool()) {
                    ++moved_;
                    emit progress(tr("The password of source %1 is now in the keychain and no longer in the catalog.").arg(id));
                } else {
                    emit progress(tr("Source %1 was changed meanwhile; its password stays in the catalog.").arg(id));
                }
                next();
            });
        });
    });
}
