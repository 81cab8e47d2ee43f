// SPDX-License-Identifier: PostgreSQL
#pragma once
// The main window: navigator of destinations (left), central tabs (the
// configuration editor, the sources and the roles of each destination), log pane.
// Window geometry, splitters, the open destinations and the last one used
// (never passwords) are kept with QSettings; passwords live in the keychain.
#include "destination_service.h"
#include "job_service.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <memory>

namespace Ui {
class MainWindow;
}
class ConfigEditorPage;
class DestroyDialog;
class HistoryPage;
class MonitorPage;
class JobService;
class JobsPanel;
class MakeWizard;
class DestinationPages;
class DestinationRegistry;
class NavigatorModel;
class PasswordStore;
class QLabel;
class QTimer;
class RolesPage;
class SourcesPage;
class TrayNotifier;

// Composes the window: actions, the navigator and the pages; the
// destinations themselves live in the registry (one DestinationService
// each), the pages are opened through DestinationPages.
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
    DestinationRegistry *registry() const { return registry_; }
    JobService *jobService() const { return jobs_; }
    JobsPanel *jobsPanel() const { return jobsPanel_; }
    void appendLog(const QString &line);
    QString logText() const;

    // The destination selected in the navigator (or the only one), empty when none.
    QString currentDestination() const;
    void selectDestination(const QString &key);
    // Opens (or raises) the tabs of a destination; null until it is loaded.
    ConfigEditorPage *openConfigEditor(const QString &key);
    SourcesPage *openSources(const QString &key);
    RolesPage *openRoles(const QString &key);
    HistoryPage *openHistory(const QString &key);
    MonitorPage *openMonitor(const QString &key);
    TrayNotifier *notifier() const { return notifier_; }
    // Opens the "New Replication" wizard (non-modal), the source and table
    // chosen when given; null until the destination is loaded.
    MakeWizard *startMakeWizard(const QString &key, int sourceId = 0, const QString &sourceTable = {});
    // Queues refreshes (Full re-pull: asks first, saying what it does for each type).
    void refreshTables(const QString &key, const QStringList &destTables);
    void repullTables(const QString &key, const QStringList &destTables);
    void checkTables(const QString &key, const QStringList &destTables, JobRecord::Action action);
    // Queues every table of the destination that is due by mimeo run's rule.
    void refreshDue(const QString &key);
    // Opens the destroy dialog of one configured table (non-modal).
    DestroyDialog *startDestroy(const QString &key, const QString &destTable);

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
    void restoreState();
    void forgetDestination(const QString &key);
    void saveSettings() const;
    void showAbout();
    void activateNavigatorItem(const QModelIndex &index);
    void showNavigatorMenu(const QPoint &at);
    void closeWithDestination(QWidget *window, DestinationService *service);
    // The destination table of the navigator's or the editor's selection.
    QString selectedDestTable() const;
    QStringList selectedDestTables() const;
    void runSchedule();
    // Before closing the window (key empty) or removing a destination: what
    // to do with the queued and running jobs.
    enum class JobsChoice { NoJobs, CancelJobs, Wait, Stay };
    JobsChoice askAboutJobs(const QString &key);
    void watch(DestinationService *service);
    void pageOpened(QWidget *page, DestinationService *service);
    void offerPasswordImport(DestinationService *service);
    void updateActions();
    // Whether action goes to service's runner: its choice in Destination >
    // Run on the Server's Runner allows it and one is alive. When none is,
    // the log says once that jobs run here.
    bool jobsGoToRunner(DestinationService *service, JobRecord::Action action);
    // That choice's menu item (none for actions runners do not serve), and all of them.
    QAction *runnerChoice(JobRecord::Action action) const;
    QList<QAction *> runnerChoices() const;
    // The same without a word in the log: for saying where an action would run.
    bool runsOnRunner(const DestinationService *service, JobRecord::Action action) const;
    void enqueueJob(DestinationService *service, const QString &destTable, JobRecord::Action action);
    ConfigEditorPage *currentEditor() const;
    // The loaded service of key, or null with a word in the status bar.
    DestinationService *loadedService(const QString &key);
    // The one way the open* functions above open a page.
    template <typename Page>
    Page *openPage(const QString &key);

    std::unique_ptr<Ui::MainWindow> ui_;
    NavigatorModel *model_;
    PasswordStore *passwords_;
    QLabel *keychainLabel_;
    DestinationRegistry *registry_;
    DestinationPages *pages_;
    JobService *jobs_;
    JobsPanel *jobsPanel_;
    QTimer *schedule_;
    TrayNotifier *notifier_;
    bool closeWhenIdle_ = false;
    QSet<QString> importOffered_;
    QSet<QString> toldNoRunner_; // destinations whose log said their jobs run here
    QSet<QString> monitorShown_; // the monitor opens by itself once per destination
};
