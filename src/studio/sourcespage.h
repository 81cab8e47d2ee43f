// SPDX-License-Identifier: PostgreSQL
#pragma once
// The sources of one destination: list, add, edit, remove (refused while
// tables use the source, naming them) and test (version, standby, and the
// privileges each replication type needs, with the GRANT that fixes each).
// Passwords go to the keychain keyed by destination and source id.
#include "destination_service.h"

#include <QWidget>

#include <memory>

namespace Ui {
class SourcesPage;
}
class PasswordStore;
class SourcesModel;

class SourcesPage : public QWidget {
    Q_OBJECT
public:
    explicit SourcesPage(DestinationService *service, QWidget *parent = nullptr);
    ~SourcesPage() override;

    SourcesModel *model() const { return model_; }
    QString messageText() const;
    QString testText() const;
    // Selects the row of a source (for tests and the navigator).
    bool selectSource(int sourceId);
    int selectedSourceId() const; // 0 when none


public slots:
    void reload();
    void addSource();
    void editSource();
    void removeSource();
    void testSource();

signals:
    void loaded(bool ok);
    // An add, edit or remove finished (the navigator reloads on ok).
    void changeFinished(bool ok);
    void testFinished(bool ok);

private:
    void showMessage(bool ok, const QString &text);
    // An add, edit or remove ended: say so, and reload on success.
    void changed(bool ok, const QString &text);
    PasswordStore *store() const;
    QString keyOf(int sourceId) const;
    void storePassword(int sourceId, const std::optional<QString> &password, bool save);
    // The edit dialog for a record whose data_source is as stored (not masked).
    void editRecord(const mimeo::catalog::SourceRecord &record);

    std::unique_ptr<Ui::SourcesPage> ui_;
    DestinationService *service_;
    SourcesModel *model_;
    LatestTask reloading_;
};
