// SPDX-License-Identifier: PostgreSQL
#include "mainwindow.h"

#include "cataloginstalldialog.h"
#include "config_model.h"
#include "configeditorpage.h"
#include "connectdialog.h"
#include "destination_pages.h"
#include "destination_registry.h"
#include "mimeo/version.h"
#include "navigator_model.h"
#include "password_import.h"
#include "password_store.h"
#include "rolespage.h"
#include "sourcespage.h"
#include "ui_mainwindow.h"

#include <QCloseEvent>
#include <QDateTime>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>

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

MainWindow::~MainWindow() = default;

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
                       ui_->actionConfiguration, ui_->actionSources, ui_->actionRoles})
        a->setEnabled(haveDest);
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
    const QString name = service->target().conninfo.isEmpty() ? tr("(libpq defaults)") : service->target().conninfo;
    registry_->remove(service->key());
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

ConfigEditorPage *MainWindow::openConfigEditor(const QString &key)
{
    DestinationService *service = loadedService(key);
    return service ? pages_->open<ConfigEditorPage>(service) : nullptr;
}

SourcesPage *MainWindow::openSources(const QString &key)
{
    DestinationService *service = loadedService(key);
    return service ? pages_->open<SourcesPage>(service) : nullptr;
}

RolesPage *MainWindow::openRoles(const QString &key)
{
    DestinationService *service = loadedService(key);
    return service ? pages_->open<RolesPage>(service) : nullptr;
}

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
    case NavigatorModel::TablesGroup:
    case NavigatorModel::TypeGroup:
        openConfigEditor(key);
        break;
    default:
        break;
    }
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
        ui_->verticalSplitter->setSizes({560, 140});
    registry_->restore();
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/mainSplitter"), ui_->mainSplitter->saveState());
    s.setValue(QStringLiteral("window/verticalSplitter"), ui_->verticalSplitter->saveState());
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
    saveSettings();
    event->accept();
}
