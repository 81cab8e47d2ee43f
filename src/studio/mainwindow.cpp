// SPDX-License-Identifier: PostgreSQL
#include "mainwindow.h"

#include "cataloginstalldialog.h"
#include "config_model.h"
#include "configeditorpage.h"
#include "connectdialog.h"
#include "destroydialog.h"
#include "health_feed.h"
#include "historypage.h"
#include "monitorpage.h"
#include "job_service.h"
#include "jobs/due_jobs.h"
#include "jobs_panel.h"
#include "make_wizard.h"
#include "destination_pages.h"
#include "destination_registry.h"
#include "mimeo/version.h"
#include "navigator_model.h"
#include "password_import.h"
#include "password_store.h"
#include "rolespage.h"
#include "sourcespage.h"
#include "tray_notifier.h"
#include "ui_mainwindow.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QTimer>
#include <QDateTime>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace {

// Where a "run on the runner" choice is remembered: actionRefreshOnRunner
// is jobs/refreshOnRunner.
QString runnerChoiceKey(const QAction *choice)
{
    QString name = choice->objectName().mid(int(qstrlen("action")));
    name[0] = name[0].toLower();
    return QStringLiteral("jobs/") + name;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , ui_(std::make_unique<Ui::MainWindow>())
    , model_(new NavigatorModel(this))
    , passwords_(new PasswordStore(this))
    , keychainLabel_(new QLabel(this))
    , registry_(new DestinationRegistry(passwords_, this))
{
    ui_->setupUi(this);
    pages_ = new DestinationPages(ui_->centralTabs, this);
    jobs_ = new JobService(this);
    jobsPanel_ = new JobsPanel(jobs_, registry_, this);
    auto *dock = new QDockWidget(tr("Jobs"), this);
    dock->setObjectName(QStringLiteral("jobsDock"));
    dock->setWidget(jobsPanel_);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    ui_->menuDestination->addAction(dock->toggleViewAction());
    notifier_ = new TrayNotifier(this);
    connect(notifier_, &TrayNotifier::notified, this, [this](const QString &, const QString &title, const QString &message) {
        appendLog(title + QStringLiteral(": ") + QString(message).replace(QLatin1Char('\n'), QStringLiteral("; ")));
    });
    connect(notifier_, &TrayNotifier::showRequested, this, [this](const QString &key) {
        showNormal();
        raise();
        activateWindow();
        if (!key.isEmpty())
            openMonitor(key);
    });
    schedule_ = new QTimer(this);
    schedule_->setInterval(60 * 1000);
    connect(schedule_, &QTimer::timeout, this, &MainWindow::runSchedule);
    connect(jobs_, &JobService::idle, this, [this] {
        if (closeWhenIdle_)
            close();
    });
    connect(jobs_, &JobService::jobChanged, this, [this](int row) {
        const JobRecord &job = jobs_->jobs()[static_cast<size_t>(row)];
        if (!job.finished())
            return;
        appendLog(tr("%1 of %2: %3 %4").arg(jobActionName(job.action), job.destTable, jobStateName(job.state), job.message));
        if (job.state == JobRecord::State::Done)
            if (auto *service = registry_->find(job.destinationKey))
                service->catalogChanged(); // last_run moved
    });
    setWindowIcon(QIcon(QStringLiteral(":/icons/mimeo-studio.svg")));
    ui_->navigator->setModel(model_);
    ui_->mainSplitter->setStretchFactor(1, 1);
    ui_->verticalSplitter->setStretchFactor(0, 1);
    ui_->actionQuit->setShortcuts(QKeySequence::Quit);
    ui_->actionReload->setShortcuts(QKeySequence::Refresh);
    ui_->actionSave->setShortcuts(QKeySequence::Save);
    ui_->actionAddDestination->setShortcuts({QKeySequence(QKeySequence::Open), QKeySequence(QKeySequence::New)});
    statusBar()->addPermanentWidget(keychainLabel_);
    keychainLabel_->hide();

    connect(ui_->actionAddDestination, &QAction::triggered, this, &MainWindow::addDestination);
    connect(ui_->actionEditDestination, &QAction::triggered, this, &MainWindow::editDestination);
    connect(ui_->actionRemoveDestination, &QAction::triggered, this, &MainWindow::removeDestination);
    connect(ui_->actionInstallCatalog, &QAction::triggered, this, &MainWindow::installCatalog);
    connect(ui_->actionReload, &QAction::triggered, this, &MainWindow::reloadAll);
    connect(ui_->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui_->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(ui_->actionConfiguration, &QAction::triggered, this, [this] { openConfigEditor(currentDestination()); });
    connect(ui_->actionSources, &QAction::triggered, this, [this] { openSources(currentDestination()); });
    connect(ui_->actionRoles, &QAction::triggered, this, [this] { openRoles(currentDestination()); });
    connect(ui_->actionHistory, &QAction::triggered, this, [this] { openHistory(currentDestination()); });
    connect(ui_->actionMonitor, &QAction::triggered, this, [this] { openMonitor(currentDestination()); });
    connect(ui_->actionNewReplication, &QAction::triggered, this, [this] { startMakeWizard(currentDestination()); });
    connect(ui_->actionDestroyReplication, &QAction::triggered, this, [this] {
        const QString table = selectedDestTable();
        if (table.isEmpty())
            statusBar()->showMessage(tr("Select a replicated table first (in the navigator or the configuration editor)."), 4000);
        else
            startDestroy(currentDestination(), table);
    });
    connect(ui_->actionRefreshNow, &QAction::triggered, this, [this] { refreshTables(currentDestination(), selectedDestTables()); });
    connect(ui_->actionRepull, &QAction::triggered, this, [this] { repullTables(currentDestination(), selectedDestTables()); });
    connect(ui_->actionRefreshDue, &QAction::triggered, this, [this] { refreshDue(currentDestination()); });
    connect(ui_->actionNotify, &QAction::triggered, this, [this](bool on) {
        const QString key = currentDestination();
        if (!key.isEmpty())
            notifier_->setEnabled(key, on);
    });
    // Where each action runs when a runner serves: a choice per action, remembered.
    for (QAction *choice : runnerChoices())
        connect(choice, &QAction::toggled, this, [choice](bool on) { QSettings().setValue(runnerChoiceKey(choice), on); });
    connect(ui_->actionRunSchedule, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("jobs/runSchedule"), on);
        if (on) {
            schedule_->start();
            runSchedule();
        } else {
            schedule_->stop();
        }
    });
    ui_->navigator->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(ui_->navigator, &QWidget::customContextMenuRequested, this, &MainWindow::showNavigatorMenu);
    connect(ui_->actionSave, &QAction::triggered, this, [this] {
        if (auto *e = currentEditor())
            e->save();
    });
    connect(ui_->actionRevert, &QAction::triggered, this, [this] {
        if (auto *e = currentEditor())
            e->revert();
    });
    connect(ui_->navigator, &QTreeView::activated, this, &MainWindow::activateNavigatorItem);
    connect(ui_->navigator, &QTreeView::doubleClicked, this, &MainWindow::activateNavigatorItem);
    connect(ui_->navigator->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        registry_->setLastUsed(currentDestination());
        updateActions();
    });
    connect(ui_->centralTabs, &QTabWidget::currentChanged, this, &MainWindow::updateActions);
    connect(ui_->centralTabs, &QTabWidget::tabCloseRequested, this, [this](int i) {
        QWidget *w = ui_->centralTabs->widget(i);
        if (w == ui_->overviewTab)
            return;
        ui_->centralTabs->removeTab(i);
        w->deleteLater();
    });
    // Say once that there is no keychain, and keep saying it quietly in the status bar.
    connect(passwords_, &PasswordStore::keychainUnavailable, this, [this](const QString &reason) {
        appendLog(tr("No keychain is available (%1). Passwords are asked for when needed and kept in memory "
                     "until you quit; they are never written to disk.").arg(reason));
        keychainLabel_->setText(tr("No keychain: passwords kept in memory only"));
        keychainLabel_->setToolTip(reason);
        keychainLabel_->show();
    });
    connect(registry_, &DestinationRegistry::added, this, &MainWindow::watch);
    connect(registry_, &DestinationRegistry::removing, this, [this](DestinationService *service) {
        const QString key = service->key();
        pages_->closeAll(key);
        if (QStandardItem *item = model_->destinationItem(key))
            model_->removeRow(item->row());
        updateActions();
    });
    connect(pages_, &DestinationPages::opened, this, &MainWindow::pageOpened);
    if (QTabBar *bar = ui_->centralTabs->tabBar())
        bar->setTabButton(0, QTabBar::RightSide, nullptr); // the overview stays
    passwords_->probe();
    restoreState();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The job service goes with the window's children and cancels what still
    // runs: by then this window's members are gone, so it must not call back.
    QObject::disconnect(jobs_, nullptr, this, nullptr);
}

void MainWindow::appendLog(const QString &line)
{
    ui_->logPane->appendPlainText(QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

QString MainWindow::logText() const { return ui_->logPane->toPlainText(); }

QString MainWindow::currentDestination() const
{
    QModelIndex i = ui_->navigator->currentIndex();
    while (i.isValid() && i.parent().isValid())
        i = i.parent();
    if (i.isValid())
        return i.data(NavigatorModel::KeyRole).toString();
    const auto all = registry_->all();
    if (all.size() == 1)
        return all.front()->key();
    return {};
}

void MainWindow::selectDestination(const QString &key)
{
    if (QStandardItem *item = model_->destinationItem(key))
        ui_->navigator->setCurrentIndex(model_->indexFromItem(item));
}

void MainWindow::updateActions()
{
    const bool haveDest = !currentDestination().isEmpty();
    for (QAction *a : {ui_->actionEditDestination, ui_->actionRemoveDestination, ui_->actionInstallCatalog,
                       ui_->actionConfiguration, ui_->actionSources, ui_->actionRoles, ui_->actionHistory, ui_->actionMonitor, ui_->actionNewReplication,
                       ui_->actionDestroyReplication, ui_->actionRefreshNow, ui_->actionRepull, ui_->actionRefreshDue,
                       ui_->actionNotify})
        a->setEnabled(haveDest);
    ui_->actionNotify->setChecked(haveDest && notifier_->isEnabled(currentDestination()));
    const bool editor = currentEditor() != nullptr;
    ui_->actionSave->setEnabled(editor);
    ui_->actionRevert->setEnabled(editor);
}

ConfigEditorPage *MainWindow::currentEditor() const
{
    return qobject_cast<ConfigEditorPage *>(ui_->centralTabs->currentWidget());
}

void MainWindow::addDestination()
{
    ConnectDialog dialog(passwords_, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    DestinationTarget t = dialog.target();
    registry_->storePassword(t, dialog.savePassword());
    t.password.reset(); // the store has it; the load takes it from there
    registry_->setLastUsed(t.key());
    openDestination(t);
    saveSettings();
}

void MainWindow::editDestination()
{
    DestinationService *service = registry_->find(currentDestination());
    if (!service)
        return;
    ConnectDialog dialog(passwords_, this);
    dialog.setWindowTitle(tr("Edit Destination"));
    DestinationTarget shown = service->target();
    shown.password.reset(); // never shown again; empty means unchanged
    dialog.setTarget(shown);
    if (dialog.exec() != QDialog::Accepted)
        return;
    registry_->edit(service->key(), dialog.target(), dialog.savePassword());
    saveSettings();
}

void MainWindow::removeDestination()
{
    DestinationService *service = registry_->find(currentDestination());
    if (!service)
        return;
    if (QMessageBox::question(this, tr("Remove Destination"),
                              tr("Forget %1 and its saved password? The database and its catalog are not touched.")
                                  .arg(service->displayName()))
        != QMessageBox::Yes)
        return;
    const QString key = service->key();
    switch (askAboutJobs(key)) {
    case JobsChoice::Stay:
        return;
    case JobsChoice::CancelJobs:
        jobs_->cancelHereFor(key); // each stops on its servers; the list keeps their outcome
        break;
    case JobsChoice::Wait:
    case JobsChoice::NoJobs:
        break;
    }
    if (jobs_->activeHereCount(key) > 0) {
        // Removed once its jobs have ended (cancelled ones end within moments).
        appendLog(tr("%1 is removed once its jobs have ended.").arg(service->displayName()));
        auto *watcher = new QObject(this);
        connect(jobs_, &JobService::jobChanged, watcher, [this, key, watcher] {
            if (jobs_->activeHereCount(key) > 0)
                return;
            watcher->deleteLater();
            forgetDestination(key);
        });
        return;
    }
    forgetDestination(key);
}

void MainWindow::forgetDestination(const QString &key)
{
    DestinationService *service = registry_->find(key);
    if (!service)
        return;
    const QString name = service->target().conninfo.isEmpty() ? tr("(libpq defaults)") : service->target().conninfo;
    registry_->remove(key);
    notifier_->setEnabled(key, false);
    appendLog(tr("Removed destination %1").arg(name));
    saveSettings();
    updateActions();
}

void MainWindow::openDestination(const DestinationTarget &target)
{
    registry_->open(target);
}

// Shows what a destination's service learns: in the navigator, the log and
// the status bar.
void MainWindow::watch(DestinationService *service)
{
    service->setPromptParent(this);
    const QString key = service->key();
    notifier_->watch(service);
    connect(service, &DestinationService::runnerChanged, this, [this, service, key](bool alive) {
        if (alive) {
            toldNoRunner_.remove(key); // should it go again, the log says so again
            appendLog(tr("A runner serves %1: Refresh Now, Full Re-pull and Validate go to it.").arg(service->displayName()));
        }
    });
    connect(service->health(), &HealthFeed::updated, this, [this, service, key] {
        model_->setTableHealth(key, service->health()->tables());
    });
    connect(service, &DestinationService::loadStarted, this, [this, service, key] {
        if (!model_->destinationItem(key))
            model_->setDestinationError(key, service->displayName(), tr("loading…"));
        const DestinationTarget t = service->target();
        appendLog(tr("Reading destination %1").arg(t.conninfo.isEmpty() ? tr("(libpq defaults)") : t.conninfo));
        statusBar()->showMessage(tr("Connecting…"));
    });
    connect(service, &DestinationService::loaded, this, [this, service, key] {
        const DestinationSnapshot &snap = service->snapshot();
        model_->setDestination(key, service->displayName(), snap);
        ui_->navigator->expand(model_->indexFromItem(model_->destinationItem(key)));
        if (key == registry_->lastUsed() || !ui_->navigator->currentIndex().isValid())
            selectDestination(key);
        appendLog(tr("Connected to %1: PostgreSQL %2, %3 sources, %4 tables")
                      .arg(snap.describe, QString::fromStdString(snap.probe.serverVersion))
                      .arg(snap.sources.size())
                      .arg(snap.tables.size()));
        statusBar()->showMessage(tr("Ready"), 3000);
        updateActions();
        emit destinationLoaded(key, true);
        // The first thing a destination shows: how its tables are doing.
        if (!monitorShown_.contains(key) && snap.probe.catalog.upToDate()) {
            monitorShown_.insert(key);
            openMonitor(key);
        }
        offerPasswordImport(service);
    });
    connect(service, &DestinationService::loadFailed, this, [this, service, key](const TaskError &error) {
        model_->setDestinationError(key, service->displayName(), error.message);
        appendLog(tr("Could not read %1: %2").arg(service->displayName(), error.message));
        statusBar()->showMessage(tr("Connection failed"), 5000);
        updateActions();
        emit destinationLoaded(key, false);
    });
}

void MainWindow::pageOpened(QWidget *page, DestinationService *service)
{
    if (auto *monitor = qobject_cast<MonitorPage *>(page)) {
        const QString key = service->key();
        connect(monitor, &MonitorPage::refreshRequested, this, [this, key](const QStringList &tables) { refreshTables(key, tables); });
        connect(monitor, &MonitorPage::validateRequested, this,
                [this, key](const QStringList &tables) { checkTables(key, tables, JobRecord::Action::Validate); });
        connect(monitor, &MonitorPage::repairRequested, this,
                [this, key](const QStringList &tables) { checkTables(key, tables, JobRecord::Action::Repair); });
        connect(monitor, &MonitorPage::repullRequested, this, [this, key](const QStringList &tables) { repullTables(key, tables); });
        connect(monitor, &MonitorPage::recopyRequested, this,
                [this, key](const QStringList &tables) { checkTables(key, tables, JobRecord::Action::Repull); });
        connect(monitor, &MonitorPage::historyRequested, this, [this, key](const QString &table) {
            if (auto *history = openHistory(key))
                history->setTableFilter(table);
        });
        // A job of ours that ends changes the health at once.
        connect(jobs_, &JobService::jobChanged, monitor, [this, monitor, key](int row) {
            const JobRecord &job = jobs_->jobs()[static_cast<size_t>(row)];
            if (job.destinationKey == key && job.finished())
                monitor->reload();
        });
    }
    if (auto *editor = qobject_cast<ConfigEditorPage *>(page)) {
        const QString key = service->key();
        connect(editor, &ConfigEditorPage::makeRequested, this, [this, key](int sourceId, const QString &sourceTable) {
            startMakeWizard(key, sourceId, sourceTable);
        });
        connect(editor, &ConfigEditorPage::destroyRequested, this, [this, key](const QString &table) { startDestroy(key, table); });
        connect(editor, &ConfigEditorPage::refreshRequested, this, [this, key](const QStringList &tables) { refreshTables(key, tables); });
    }
    if (auto *roles = qobject_cast<RolesPage *>(page))
        connect(roles, &RolesPage::changeFinished, this, [this, roles, service](bool) {
            appendLog(tr("Roles of %1: %2").arg(service->displayName(), roles->messageText()));
        });
}

void MainWindow::offerPasswordImport(DestinationService *service)
{
    const QString key = service->key();
    const DestinationSnapshot &snap = service->snapshot();
    // In the pwd column, or inside data_source (password=...): plain text
    // for anyone who may read the catalog.
    std::vector<int> ids;
    for (const auto &s : snap.sources)
        if (s.hasStoredPassword || s.passwordInDataSource)
            ids.push_back(s.id);
    if (ids.empty() || importOffered_.contains(key))
        return;
    importOffered_.insert(key); // ask once per session, not on every reload
    appendLog(tr("%n source(s) of %1 keep their password in plain text in %2.dblink_mapping_mimeo (pwd or inside "
                 "data_source).",
                 nullptr, static_cast<int>(ids.size()))
                  .arg(service->displayName(), service->schema()));
    if (!passwords_->keychainAvailable()) {
        appendLog(tr("No keychain is available, so those passwords stay where they are."));
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Move Passwords to the Keychain"),
        tr("%n source(s) of %1 keep their password in plain text in the catalog (dblink_mapping_mimeo.pwd, or "
           "password=... inside data_source), as the mimeo extension allows.\n\nMove them into the keychain and "
           "out of the catalog? The mimeo command on servers and the mimeo extension itself then need ~/.pgpass or "
           "another libpq means to reach those sources.",
           nullptr, static_cast<int>(ids.size()))
            .arg(service->displayName()));
    if (answer != QMessageBox::Yes) {
        appendLog(tr("The passwords stay in the catalog."));
        return;
    }
    auto *importer = new PasswordImporter(service, ids, service);
    connect(importer, &PasswordImporter::progress, this, &MainWindow::appendLog);
    connect(importer, &PasswordImporter::finished, this, [this, key, service](int moved, const QString &problem) {
        if (!problem.isEmpty())
            appendLog(tr("Moving passwords stopped: %1").arg(problem));
        appendLog(tr("%n password(s) moved to the keychain.", nullptr, moved));
        emit passwordImportFinished(key, moved);
        if (moved > 0)
            service->load();
    });
    importer->start();
}

DestinationService *MainWindow::loadedService(const QString &key)
{
    DestinationService *service = registry_->find(key);
    if (!service || !service->isLoaded()) {
        statusBar()->showMessage(tr("The destination is not loaded yet."), 4000);
        return nullptr;
    }
    return service;
}

template <typename Page>
Page *MainWindow::openPage(const QString &key)
{
    DestinationService *service = loadedService(key);
    return service ? pages_->open<Page>(service) : nullptr;
}

ConfigEditorPage *MainWindow::openConfigEditor(const QString &key) { return openPage<ConfigEditorPage>(key); }
SourcesPage *MainWindow::openSources(const QString &key) { return openPage<SourcesPage>(key); }
RolesPage *MainWindow::openRoles(const QString &key) { return openPage<RolesPage>(key); }
MonitorPage *MainWindow::openMonitor(const QString &key) { return openPage<MonitorPage>(key); }
HistoryPage *MainWindow::openHistory(const QString &key) { return openPage<HistoryPage>(key); }

void MainWindow::activateNavigatorItem(const QModelIndex &index)
{
    const QString key = currentDestination();
    switch (index.data(NavigatorModel::KindRole).toInt()) {
    case NavigatorModel::SourcesGroup:
        openSources(key);
        break;
    case NavigatorModel::SourceItem:
        if (auto *page = openSources(key))
            page->selectSource(index.data(NavigatorModel::KeyRole).toInt());
        break;
    case NavigatorModel::RolesItem:
        openRoles(key);
        break;
    case NavigatorModel::TableItem:
        if (auto *page = openConfigEditor(key))
            page->showTable(index.data(NavigatorModel::KeyRole).toString());
        break;
    case NavigatorModel::DestinationItem:
        openMonitor(key);
        break;
    case NavigatorModel::TablesGroup:
    case NavigatorModel::TypeGroup:
        openConfigEditor(key);
        break;
    default:
        break;
    }
}

MakeWizard *MainWindow::startMakeWizard(const QString &key, int sourceId, const QString &sourceTable)
{
    DestinationService *service = loadedService(key);
    if (!service)
        return nullptr;
    auto *wizard = new MakeWizard(service, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (sourceId)
        wizard->presetSource(sourceId);
    if (!sourceTable.isEmpty()) {
        try {
            wizard->presetTable(mimeo::pg::QualifiedName::fromCatalogText(sourceTable.toStdString()));
        } catch (const std::exception &) {
            // An odd name in the catalog: the user picks the table instead.
        }
    }
    closeWithDestination(wizard, service);
    connect(wizard, &MakeWizard::made, this, [this, service](const QString &table) {
        appendLog(tr("Made the replication of %1 in %2.").arg(table, service->displayName()));
    });
    connect(wizard, &MakeWizard::openInEditor, this, [this, key](const QString &table) {
        if (auto *editor = openConfigEditor(key))
            editor->showTable(table);
    });
    wizard->show();
    return wizard;
}

DestroyDialog *MainWindow::startDestroy(const QString &key, const QString &destTable)
{
    DestinationService *service = loadedService(key);
    if (!service || destTable.isEmpty())
        return nullptr;
    auto *dialog = new DestroyDialog(service, destTable, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    closeWithDestination(dialog, service);
    connect(dialog, &DestroyDialog::destroyFinished, this, [this, destTable, service](bool ok) {
        if (ok)
            appendLog(tr("Destroyed the replication of %1 in %2.").arg(destTable, service->displayName()));
    });
    dialog->show();
    return dialog;
}

void MainWindow::closeWithDestination(QWidget *window, DestinationService *service)
{
    // A window working for a destination the user removes (or re-keys) goes
    // first: its work is cancelled, and nothing is left asking a deleted service.
    QPointer<QWidget> guard(window);
    connect(registry_, &DestinationRegistry::removing, window, [guard, service](DestinationService *removed) {
        if (removed == service && guard)
            delete guard.data();
    });
}

QStringList MainWindow::selectedDestTables() const
{
    if (auto *editor = currentEditor(); editor && !editor->selectedDestTables().isEmpty())
        return editor->selectedDestTables();
    const QString one = selectedDestTable();
    return one.isEmpty() ? QStringList() : QStringList{one};
}

void MainWindow::refreshTables(const QString &key, const QStringList &destTables)
{
    DestinationService *service = loadedService(key);
    if (!service)
        return;
    if (destTables.isEmpty()) {
        statusBar()->showMessage(tr("Select replicated tables first (in the navigator or the configuration editor)."), 4000);
        return;
    }
    for (const QString &t : destTables)
        if (!jobs_->isActive(key, t))
            enqueueJob(service, t, JobRecord::Action::Refresh);
}

QAction *MainWindow::runnerChoice(JobRecord::Action action) const
{
    switch (action) {
    case JobRecord::Action::Refresh:
        return ui_->actionRefreshOnRunner;
    case JobRecord::Action::Repull:
        return ui_->actionRepullOnRunner;
    case JobRecord::Action::Validate:
        return ui_->actionValidateOnRunner;
    case JobRecord::Action::Due:
    case JobRecord::Action::Repair:
        break;
    }
    return nullptr;
}

QList<QAction *> MainWindow::runnerChoices() const
{
    return {ui_->actionRefreshOnRunner, ui_->actionRepullOnRunner, ui_->actionValidateOnRunner};
}

bool MainWindow::runsOnRunner(const DestinationService *service, JobRecord::Action action) const
{
    const QAction *choice = runnerChoice(action);
    return choice && choice->isChecked() && service->runnerAlive();
}

bool MainWindow::jobsGoToRunner(DestinationService *service, JobRecord::Action action)
{
    if (runsOnRunner(service, action))
        return true;
    // The user lets it go to a runner, but none is alive: said once.
    const QAction *choice = runnerChoice(action);
    if (choice && choice->isChecked() && !toldNoRunner_.contains(service->key())) {
        toldNoRunner_.insert(service->key());
        appendLog(tr("No runner serves %1: jobs run on this computer.").arg(service->displayName()));
    }
    return false;
}

void MainWindow::enqueueJob(DestinationService *service, const QString &destTable, JobRecord::Action action)
{
    if (jobsGoToRunner(service, action))
        jobs_->enqueueOnRunner(service, destTable, action);
    else
        jobs_->enqueue(service, destTable, action);
}

void MainWindow::checkTables(const QString &key, const QStringList &destTables, JobRecord::Action action)
{
    // Validate and Repair run as jobs, beside refreshes, with progress and Cancel.
    DestinationService *service = loadedService(key);
    if (!service)
        return;
    // Repair is not served by runners: enqueueJob runs it here.
    for (const QString &t : destTables)
        if (!jobs_->isActive(key, t))
            enqueueJob(service, t, action);
}

void MainWindow::repullTables(const QString &key, const QStringList &destTables)
{
    DestinationService *service = loadedService(key);
    if (!service || destTables.isEmpty())
        return;
    // Say what a full re-pull does for each type before anything runs.
    QStringList lines;
    for (const QString &t : destTables) {
        QString type;
        for (const auto &c : service->snapshot().tables)
            if (QString::fromStdString(c.destTable) == t)
                type = QString::fromStdString(c.type);
        const QString family = QString::fromStdString(mimeo::catalog::typeFamily(type.toStdString()));
        QString what;
        if (family == QLatin1String("snap") || family == QLatin1String("table"))
            what = tr("copies every row again, as each of its refreshes does");
        else if (family == QLatin1String("inserter") || family == QLatin1String("updater"))
            what = tr("empties it (TRUNCATE: readers wait until it is done) and pulls every row up to the boundary again");
        else if (family == QLatin1String("logdel"))
            what = tr("empties it, pulls every row again and clears the queue on the source; rows it kept as deleted are gone");
        else
            what = tr("empties it, pulls every row again and clears the queue on the source");
        lines << tr("%1 (%2): %3.").arg(t, type, what);
    }
    // Where it runs matters for a full re-pull: every row moves.
    QString where = tr("It runs on this computer: every row passes through it.");
    if (runsOnRunner(service, JobRecord::Action::Repull)) {
        QStringList hosts;
        for (const auto &r : service->runners())
            if (!r.gone)
                hosts << QString::fromStdString(r.info.host);
        hosts.removeDuplicates();
        where = tr("It runs on the server's runner (%1): the rows move between the servers.").arg(hosts.join(QStringLiteral(", ")));
    }
    if (QMessageBox::question(this, tr("Full Re-pull"),
                              tr("A full re-pull of\n\n%1\n\n%2 Run it now?").arg(lines.join(QLatin1Char('\n')), where))
        != QMessageBox::Yes)
        return;
    for (const QString &t : destTables)
        if (!jobs_->isActive(key, t))
            enqueueJob(service, t, JobRecord::Action::Repull);
}

void MainWindow::refreshDue(const QString &key)
{
    DestinationService *service = loadedService(key);
    if (!service)
        return;
    const DestinationTarget t = service->target();
    // The list off the GUI thread; each table is checked again under its lock when its turn comes.
    runTask(this, [t] {
        auto conn = t.connect("due");
        QStringList out;
        for (const auto &d : mimeo::jobs::dueJobs(conn, t.schema.toStdString(), std::string(), std::nullopt))
            out << QString::fromStdString(d.destTable);
        return out;
    }, [this, key](const QStringList &due) {
        DestinationService *service = registry_->find(key);
        if (!service)
            return;
        int queued = 0;
        for (const QString &table : due)
            if (!jobs_->isActive(key, table)) {
                jobs_->enqueue(service, table, JobRecord::Action::Due);
                ++queued;
            }
        statusBar()->showMessage(tr("%n due table(s) queued.", nullptr, queued), 4000);
    }, [this](const TaskError &e) { appendLog(tr("Could not list the due tables: %1").arg(e.message)); });
}

void MainWindow::runSchedule()
{
    for (DestinationService *service : registry_->all())
        if (service->isLoaded() && service->snapshot().probe.catalog.mimeoTablesComplete())
            refreshDue(service->key());
}

MainWindow::JobsChoice MainWindow::askAboutJobs(const QString &key)
{
    // Closing the window or removing a destination asks only about the
    // jobs run here: a runner's go on there.
    const int active = key.isEmpty() ? jobs_->activeHereCount() : jobs_->activeHereCount(key);
    if (active == 0)
        return JobsChoice::NoJobs;
    QMessageBox box(QMessageBox::Question, tr("Jobs Running"),
                    tr("%n job(s) are queued or running. Cancel them (the servers stop at once and the tables stay as "
                       "they were), or wait for them to finish?",
                       nullptr, active),
                    QMessageBox::NoButton, this);
    QAbstractButton *cancelJobs = box.addButton(tr("Cancel the Jobs"), QMessageBox::DestructiveRole);
    QAbstractButton *wait = box.addButton(tr("Wait for Them"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == cancelJobs)
        return JobsChoice::CancelJobs;
    if (box.clickedButton() == wait)
        return JobsChoice::Wait;
    return JobsChoice::Stay;
}

QString MainWindow::selectedDestTable() const
{
    if (auto *editor = currentEditor(); editor && !editor->currentDestTable().isEmpty())
        return editor->currentDestTable();
    const QModelIndex i = ui_->navigator->currentIndex();
    if (i.data(NavigatorModel::KindRole).toInt() == NavigatorModel::TableItem)
        return i.data(NavigatorModel::KeyRole).toString();
    return {};
}

void MainWindow::showNavigatorMenu(const QPoint &at)
{
    const QModelIndex index = ui_->navigator->indexAt(at);
    if (!index.isValid())
        return;
    ui_->navigator->setCurrentIndex(index);
    const QString key = currentDestination();
    QMenu menu(this);
    switch (index.data(NavigatorModel::KindRole).toInt()) {
    case NavigatorModel::SourceItem: {
        const int id = index.data(NavigatorModel::KeyRole).toInt();
        menu.addAction(tr("&New Replication from Source %1…").arg(id), this, [this, key, id] { startMakeWizard(key, id); });
        break;
    }
    case NavigatorModel::TableItem: {
        const QString table = index.data(NavigatorModel::KeyRole).toString();
        menu.addAction(tr("Refresh No&w"), this, [this, key, table] { refreshTables(key, {table}); });
        menu.addAction(tr("&Full Re-pull…"), this, [this, key, table] { repullTables(key, {table}); });
        menu.addAction(tr("&History of %1").arg(table), this, [this, key, table] {
            if (auto *history = openHistory(key))
                history->setTableFilter(table);
        });
        menu.addAction(tr("Open in the &Configuration Editor"), this, [this, key, table] {
            if (auto *editor = openConfigEditor(key))
                editor->showTable(table);
        });
        // Another replication of the same source table (into another name, or another type).
        int sourceId = 0;
        QString sourceTable;
        if (auto *service = registry_->find(key))
            for (const auto &t : service->snapshot().tables)
                if (QString::fromStdString(t.destTable) == table) {
                    sourceId = t.dataSourceId;
                    sourceTable = QString::fromStdString(t.sourceTable);
                }
        menu.addAction(tr("&New Replication of %1…").arg(sourceTable.isEmpty() ? tr("a Source Table") : sourceTable), this,
                       [this, key, sourceId, sourceTable] { startMakeWizard(key, sourceId, sourceTable); });
        menu.addAction(tr("&Destroy Replication of %1…").arg(table), this, [this, key, table] { startDestroy(key, table); });
        break;
    }
    case NavigatorModel::DestinationItem:
    case NavigatorModel::TablesGroup:
    case NavigatorModel::TypeGroup:
    case NavigatorModel::SourcesGroup:
        menu.addAction(ui_->actionNewReplication);
        menu.addAction(ui_->actionRefreshDue);
        break;
    default:
        return;
    }
    menu.exec(ui_->navigator->viewport()->mapToGlobal(at));
}

void MainWindow::installCatalog()
{
    DestinationService *service = registry_->find(currentDestination());
    if (!service)
        return;
    CatalogInstallDialog dialog(service->target(), this);
    dialog.exec();
    if (dialog.wasInstalled()) {
        appendLog(tr("Catalog of %1 installed or upgraded.").arg(service->displayName()));
        service->load();
    }
}

void MainWindow::reloadAll()
{
    for (DestinationService *service : registry_->all())
        service->load();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Mimeo Studio"),
                       tr("<h3>Mimeo Studio %1</h3><p>Per-table PostgreSQL replication: snapshot, table, "
                          "incremental, dml and logdel, compatible with the mimeo extension's catalog.</p>")
                           .arg(QString::fromLatin1(mimeo::kVersion)));
}

void MainWindow::restoreState()
{
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    // First start: most of the height for the work, a few lines of log.
    if (!ui_->mainSplitter->restoreState(s.value(QStringLiteral("window/mainSplitter")).toByteArray()))
        ui_->mainSplitter->setSizes({300, 900});
    if (!ui_->verticalSplitter->restoreState(s.value(QStringLiteral("window/verticalSplitter")).toByteArray()))
        ui_->verticalSplitter->setSizes({640, 60}); // the pages first; the log is a glance
    // The Jobs dock: as it was left, else a few rows high, so the pages get the room.
    if (!QMainWindow::restoreState(s.value(QStringLiteral("window/state")).toByteArray()))
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("jobsDock")))
            resizeDocks({dock}, {170}, Qt::Vertical);
    registry_->restore();
    ui_->actionRunSchedule->setChecked(s.value(QStringLiteral("jobs/runSchedule"), false).toBool());
    // Before the choice was per action, one setting (jobs/onRunner) served all three.
    const bool onRunner = s.value(QStringLiteral("jobs/onRunner"), true).toBool();
    for (QAction *choice : runnerChoices())
        choice->setChecked(s.value(runnerChoiceKey(choice), onRunner).toBool());
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/mainSplitter"), ui_->mainSplitter->saveState());
    s.setValue(QStringLiteral("window/verticalSplitter"), ui_->verticalSplitter->saveState());
    s.setValue(QStringLiteral("window/state"), saveState());
    registry_->save();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (DestinationService *service : registry_->all()) {
        auto *editor = pages_->find<ConfigEditorPage>(service->key());
        if (editor && editor->model() && editor->model()->hasPendingChanges()) {
            const auto answer = QMessageBox::question(this, tr("Unsaved Changes"),
                                                      tr("The configuration of %1 has edits that are not saved. Quit anyway?")
                                                          .arg(service->displayName()));
            if (answer != QMessageBox::Yes) {
                event->ignore();
                return;
            }
            break;
        }
    }
    // Quitting never leaves a statement of ours running on a server: the
    // jobs are cancelled (or finish) first, and the window closes when none
    // is left. Jobs handed to a runner go on there.
    if (jobs_->activeHereCount() > 0) {
        if (!closeWhenIdle_) {
            switch (askAboutJobs(QString())) {
            case JobsChoice::Stay:
                event->ignore();
                return;
            case JobsChoice::CancelJobs:
                jobs_->cancelAllHere();
                break;
            case JobsChoice::Wait:
            case JobsChoice::NoJobs:
                break;
            }
            closeWhenIdle_ = true;
        }
        if (jobs_->activeHereCount() > 0) {
            statusBar()->showMessage(tr("Quitting once the jobs have ended…"));
            event->ignore();
            return;
        }
    }
    saveSettings();
    event->accept();
}
