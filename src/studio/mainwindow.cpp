// SPDX-License-Identifier: PostgreSQL
#include "mainwindow.h"

#include "background_task.h"
#include "cataloginstalldialog.h"
#include "config_model.h"
#include "configeditorpage.h"
#include "connectdialog.h"
#include "mimeo/version.h"
#include "navigator_model.h"
#include "password_flow.h"
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

namespace {

// What a load brings back: the snapshot and the password that worked, so
// the destination's pages can connect without asking again.
struct LoadResult {
    DestinationSnapshot snapshot;
    std::optional<QString> password;
};

QString pendingTitle(const DestinationTarget &t)
{
    return t.conninfo.isEmpty() ? MainWindow::tr("(libpq defaults)") : t.conninfo;
}

} // namespace

Q_DECLARE_METATYPE(LoadResult)

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , ui_(std::make_unique<Ui::MainWindow>())
    , model_(new NavigatorModel(this))
    , passwords_(new PasswordStore(this))
    , keychainLabel_(new QLabel(this))
{
    ui_->setupUi(this);
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
        lastDestination_ = currentDestination();
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
    if (destinations_.size() == 1)
        return destinations_.begin()->first;
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

void MainWindow::storeDestinationPassword(const DestinationTarget &target, bool save)
{
    if (!target.password)
        return;
    if (save)
        passwords_->write(target.secretKey(), *target.password);
    else
        passwords_->remember(target.secretKey(), *target.password);
}

void MainWindow::addDestination()
{
    ConnectDialog dialog(passwords_, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    DestinationTarget t = dialog.target();
    storeDestinationPassword(t, dialog.savePassword());
    t.password.reset(); // the store has it; openDestination takes it from there
    openDestination(t);
    lastDestination_ = t.key();
    saveSettings();
}

void MainWindow::editDestination()
{
    const QString key = currentDestination();
    if (key.isEmpty() || !destinations_.count(key))
        return;
    const DestinationTarget old = destinations_[key];
    ConnectDialog dialog(passwords_, this);
    dialog.setWindowTitle(tr("Edit Destination"));
    DestinationTarget shown = old;
    shown.password.reset(); // never shown again; empty means unchanged
    dialog.setTarget(shown);
    if (dialog.exec() != QDialog::Accepted)
        return;
    DestinationTarget t = dialog.target();
    if (t.password) {
        storeDestinationPassword(t, dialog.savePassword());
    } else if (old.password && t.secretKey() != old.secretKey()) {
        t.password = old.password; // same server, new spelling: keep the password under the new key
        storeDestinationPassword(t, dialog.savePassword());
    }
    if (t.secretKey() != old.secretKey() && t.password)
        passwords_->remove(old.secretKey());
    t.password.reset();
    if (t.key() != key) {
        closePages(key);
        destinations_.erase(key);
        identities_.erase(key);
        if (QStandardItem *item = model_->destinationItem(key))
            model_->removeRow(item->row());
    }
    openDestination(t);
    lastDestination_ = t.key();
    saveSettings();
}

void MainWindow::removeDestination()
{
    const QString key = currentDestination();
    if (key.isEmpty() || !destinations_.count(key))
        return;
    const DestinationTarget t = destinations_[key];
    if (QMessageBox::question(this, tr("Remove Destination"),
                              tr("Forget %1 and its saved password? The database and its catalog are not touched.")
                                  .arg(t.displayName.isEmpty() ? pendingTitle(t) : t.displayName))
        != QMessageBox::Yes)
        return;
    closePages(key);
    passwords_->remove(t.secretKey());
    destinations_.erase(key);
    identities_.erase(key);
    if (lastDestination_ == key)
        lastDestination_.clear();
    if (QStandardItem *item = model_->destinationItem(key))
        model_->removeRow(item->row());
    appendLog(tr("Removed destination %1").arg(pendingTitle(t)));
    saveSettings();
    updateActions();
}

void MainWindow::closePages(const QString &key)
{
    auto it = pages_.find(key);
    if (it == pages_.end())
        return;
    for (QWidget *w : {static_cast<QWidget *>(it->second.config.data()), static_cast<QWidget *>(it->second.sources.data()),
                       static_cast<QWidget *>(it->second.roles.data())}) {
        if (!w)
            continue;
        ui_->centralTabs->removeTab(ui_->centralTabs->indexOf(w));
        w->deleteLater();
    }
    pages_.erase(it);
}

void MainWindow::openDestination(const DestinationTarget &target)
{
    const QString key = target.key();
    destinations_[key] = target;
    const QString pending = pendingTitle(target);
    if (!model_->destinationItem(key))
        model_->setDestinationError(key, pending, tr("loading…"));
    appendLog(tr("Reading destination %1").arg(pending));
    statusBar()->showMessage(tr("Connecting…"));
    if (target.password)
        passwords_->remember(target.secretKey(), *target.password);
    const DestinationTarget base = target;
    PasswordRequest req{passwords_, target.secretKey(), tr("destination %1").arg(pending), this};
    runWithPassword(
        req,
        [base](const std::optional<QString> &password) {
            DestinationTarget t = base;
            if (password)
                t.password = password;
            return QVariant::fromValue(LoadResult{loadDestination(t), password});
        },
        [this, key](const QVariant &v) {
            const auto result = v.value<LoadResult>();
            const auto &snap = result.snapshot;
            auto &target = destinations_[key];
            target.password = result.password;
            const QString title = tr("%1 (schema %2)").arg(snap.describe, target.schema);
            target.displayName = title;
            identities_[key] = snap.identity;
            model_->setDestination(key, title, snap);
            ui_->navigator->expand(model_->indexFromItem(model_->destinationItem(key)));
            if (key == lastDestination_ || !ui_->navigator->currentIndex().isValid())
                selectDestination(key);
            auto pages = pages_.find(key);
            if (pages != pages_.end()) {
                if (pages->second.config)
                    pages->second.config->setTarget(target);
                if (pages->second.sources)
                    pages->second.sources->setTarget(target);
                if (pages->second.roles)
                    pages->second.roles->setTarget(target);
            }
            appendLog(tr("Connected to %1: PostgreSQL %2, %3 sources, %4 tables")
                          .arg(snap.describe, QString::fromStdString(snap.probe.serverVersion))
                          .arg(snap.sources.size())
                          .arg(snap.tables.size()));
            statusBar()->showMessage(tr("Ready"), 3000);
            updateActions();
            emit destinationLoaded(key, true);
            offerPasswordImport(key, snap);
        },
        [this, key, pending](const TaskError &error) {
            model_->setDestinationError(key, pending, error.message);
            appendLog(tr("Could not read %1: %2").arg(pending, error.message));
            statusBar()->showMessage(tr("Connection failed"), 5000);
            updateActions();
            emit destinationLoaded(key, false);
        });
}

void MainWindow::offerPasswordImport(const QString &key, const DestinationSnapshot &snap)
{
    // In the pwd column, or inside data_source (password=...): plain text
    // for anyone who may read the catalog.
    std::vector<int> ids;
    for (const auto &s : snap.sources)
        if (s.hasStoredPassword || s.passwordInDataSource)
            ids.push_back(s.id);
    if (ids.empty() || importOffered_.contains(key))
        return;
    importOffered_.insert(key); // ask once per session, not on every reload
    const auto &target = destinations_[key];
    appendLog(tr("%n source(s) of %1 keep their password in plain text in %2.dblink_mapping_mimeo (pwd or inside "
                 "data_source).",
                 nullptr, static_cast<int>(ids.size()))
                  .arg(target.displayName, target.schema));
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
            .arg(target.displayName));
    if (answer != QMessageBox::Yes) {
        appendLog(tr("The passwords stay in the catalog."));
        return;
    }
    auto *importer = new PasswordImporter(target, identities_[key], ids, passwords_, this);
    connect(importer, &PasswordImporter::progress, this, &MainWindow::appendLog);
    connect(importer, &PasswordImporter::finished, this, [this, key](int moved, const QString &problem) {
        if (!problem.isEmpty())
            appendLog(tr("Moving passwords stopped: %1").arg(problem));
        appendLog(tr("%n password(s) moved to the keychain.", nullptr, moved));
        emit passwordImportFinished(key, moved);
        if (moved > 0 && destinations_.count(key))
            openDestination(destinations_[key]);
    });
    importer->start();
}

ConfigEditorPage *MainWindow::openConfigEditor(const QString &key)
{
    if (key.isEmpty() || !identities_.count(key)) {
        statusBar()->showMessage(tr("The destination is not loaded yet."), 4000);
        return nullptr;
    }
    Pages &p = pages_[key];
    if (!p.config) {
        const auto &t = destinations_[key];
        p.config = new ConfigEditorPage(t, identities_[key], passwords_, ui_->centralTabs);
        ui_->centralTabs->addTab(p.config, tr("Configuration – %1").arg(t.displayName));
        connect(p.config, &ConfigEditorPage::saved, this, [this, key](bool ok) {
            if (ok && destinations_.count(key))
                openDestination(destinations_[key]); // the navigator shows the new state
        });
        connect(p.config, &ConfigEditorPage::pendingChanged, this, [this, key](bool pending) {
            const int i = ui_->centralTabs->indexOf(pages_[key].config);
            if (i >= 0)
                ui_->centralTabs->setTabText(i, (pending ? QStringLiteral("* ") : QString())
                                                    + tr("Configuration – %1").arg(destinations_[key].displayName));
        });
    }
    ui_->centralTabs->setCurrentWidget(p.config);
    return p.config;
}

SourcesPage *MainWindow::openSources(const QString &key)
{
    if (key.isEmpty() || !identities_.count(key)) {
        statusBar()->showMessage(tr("The destination is not loaded yet."), 4000);
        return nullptr;
    }
    Pages &p = pages_[key];
    if (!p.sources) {
        const auto &t = destinations_[key];
        p.sources = new SourcesPage(t, identities_[key], passwords_, ui_->centralTabs);
        ui_->centralTabs->addTab(p.sources, tr("Sources – %1").arg(t.displayName));
        connect(p.sources, &SourcesPage::changeFinished, this, [this, key](bool ok) {
            if (ok && destinations_.count(key))
                openDestination(destinations_[key]);
        });
    }
    ui_->centralTabs->setCurrentWidget(p.sources);
    return p.sources;
}

RolesPage *MainWindow::openRoles(const QString &key)
{
    if (key.isEmpty() || !identities_.count(key)) {
        statusBar()->showMessage(tr("The destination is not loaded yet."), 4000);
        return nullptr;
    }
    Pages &p = pages_[key];
    if (!p.roles) {
        const auto &t = destinations_[key];
        p.roles = new RolesPage(t, ui_->centralTabs);
        ui_->centralTabs->addTab(p.roles, tr("Roles – %1").arg(t.displayName));
        connect(p.roles, &RolesPage::changeFinished, this, [this, key](bool) {
            auto it = pages_.find(key);
            if (it != pages_.end() && it->second.roles)
                appendLog(tr("Roles of %1: %2").arg(destinations_[key].displayName, it->second.roles->messageText()));
        });
    }
    ui_->centralTabs->setCurrentWidget(p.roles);
    return p.roles;
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
    const QString key = currentDestination();
    if (key.isEmpty() || !destinations_.count(key))
        return;
    CatalogInstallDialog dialog(destinations_[key], this);
    dialog.exec();
    if (dialog.wasInstalled()) {
        appendLog(tr("Catalog of %1 installed or upgraded.").arg(pendingTitle(destinations_[key])));
        openDestination(destinations_[key]);
    }
}

void MainWindow::reloadAll()
{
    const auto all = destinations_;
    for (const auto &[key, target] : all)
        openDestination(target);
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
    lastDestination_ = s.value(QStringLiteral("lastDestination")).toString();
    // Destinations come back without passwords: libpq's own means or the
    // keychain supply them.
    const int n = s.beginReadArray(QStringLiteral("destinations"));
    std::vector<DestinationTarget> targets;
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        DestinationTarget t;
        t.conninfo = s.value(QStringLiteral("conninfo")).toString();
        t.schema = s.value(QStringLiteral("schema"), QStringLiteral("mimeo")).toString();
        targets.push_back(t);
    }
    s.endArray();
    for (const auto &t : targets)
        openDestination(t);
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/mainSplitter"), ui_->mainSplitter->saveState());
    s.setValue(QStringLiteral("window/verticalSplitter"), ui_->verticalSplitter->saveState());
    s.setValue(QStringLiteral("lastDestination"), lastDestination_);
    // A shorter array leaves the old entries behind; removed destinations must go.
    s.remove(QStringLiteral("destinations"));
    s.beginWriteArray(QStringLiteral("destinations"));
    int i = 0;
    for (const auto &[key, target] : destinations_) {
        s.setArrayIndex(i++);
        s.setValue(QStringLiteral("conninfo"), target.conninfo); // never a password: see ConnectionFields
        s.setValue(QStringLiteral("schema"), target.schema);
    }
    s.endArray();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (const auto &[key, p] : pages_) {
        if (p.config && p.config->model() && p.config->model()->hasPendingChanges()) {
            const auto answer = QMessageBox::question(this, tr("Unsaved Changes"),
                                                      tr("The configuration of %1 has edits that are not saved. Quit anyway?")
                                                          .arg(destinations_.count(key) ? destinations_.at(key).displayName : key));
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
