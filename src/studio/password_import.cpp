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
    auto *read = BackgroundTask::start([t, id] {
        auto conn = t.connect("password-import");
        mimeo::catalog::SourceRegistry reg(conn, t.schema.toStdString());
        const auto pw = reg.storedPassword(id);
        return pw ? QVariant(QString::fromStdString(*pw)) : QVariant();
    });
    connect(read, &BackgroundTask::failed, this, [this](const QString &error) { finish(error); });
    connect(read, &BackgroundTask::finished, this, [this, id, t](const QVariant &v) {
        if (!v.isValid()) { // cleared meanwhile
            next();
            return;
        }
        const QString key = sourceSecretKey(identity_, t.schema, id);
        store_->write(key, v.toString(), this, [this, id, t](bool inKeychain) {
            if (!inKeychain) {
                finish(tr("No keychain is available; the passwords stay in the catalog."));
                return;
            }
            auto *clear = BackgroundTask::start([t, id] {
                auto conn = t.connect("password-import");
                mimeo::catalog::SourceRegistry(conn, t.schema.toStdString()).clearStoredPassword(id);
                return QVariant(id);
            });
            connect(clear, &BackgroundTask::failed, this, [this](const QString &error) { finish(error); });
            connect(clear, &BackgroundTask::finished, this, [this, id](const QVariant &) {
                ++moved_;
                emit progress(tr("The password of source %1 is now in the keychain; its pwd column is cleared.").arg(id));
                next();
            });
        });
    });
}
