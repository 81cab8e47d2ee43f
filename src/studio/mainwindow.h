// SPDX-License-Identifier: PostgreSQL
#pragma once
// The main window: navigator of destinations (left), central tabs (the
// configuration editor, the sources and the roles of each destination), log pane.
// Window geometry, splitters, the open destinations and the last one used
// (never passwords) are kept with QSettings; passwords live in the keychain.
#include "destination_session.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <map>
#include <memory>

namespace Ui {
class MainWindow;
}
class ConfigEditorPage;
class NavigatorModel;
class PasswordStore;
class QLabel;
class RolesPage;
class SourcesPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (or re-reads) a destination in the navigator; loads in the
    // background, asking for the password when the server wants one that
    // neither libpq nor the keychain has.
    void openDestination(const DestinationTarget &target);
    NavigatorModel *navigatorModel() const { return model_; }
    PasswordStore *passwordStore() const { return passwords_; }
    void appendLog(const QString &line);
    QString logText() const;

    // The destination selected in the navigator (or the only one), empty when none.
    QString currentDestination() const;
    void selectDestination(const QString &key);
    // Opens (or raises) the tabs of a destination; null until it is loaded.
    ConfigEditorPage *openConfigEditor(const QString &key);
    SourcesPage *openSources(const QString &key);
    RolesPage *openRoles(const QString &key);

public slots:
    void addDestination();
    void editDestination();
    void removeDestination();
    void installCatalog();
    void reloadAll();

signals:
    void destinationLoaded(const QString &key, bool ok);
    // Passwords found in dblink_mapping_mimeo.pwd were moved (or not) to the keychain.
    void passwordImportFinished(const QString &key, int moved);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct Pages {
        QPointer<ConfigEditorPage> config;
        QPointer<SourcesPage> sources;
        QPointer<RolesPage> roles;
    };

    void restoreState();
    void saveSettings() const;
    void showAbout();
    void activateNavigatorItem(const QModelIndex &index);
    void offerPasswordImport(const QString &key, const DestinationSnapshot &snap);
    void closePages(const QString &key);
    void updateActions();
    ConfigEditorPage *currentEditor() const;
    void storeDestinationPassword(const DestinationTarget &target, bool save);

    std::unique_ptr<Ui::MainWindow> ui_;
    NavigatorModel *model_;
    PasswordStore *passwords_;
    QLabel *keychainLabel_;
    std::map<QString, DestinationTarget> destinations_;
    std::map<QString, QString> identities_; // key -> host:port/db, once loaded
    std::map<QString, Pages> pages_;
    QSet<QString> importOffered_;
    QString lastDestination_;
};
