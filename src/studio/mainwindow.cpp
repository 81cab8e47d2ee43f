#include "mainwindow.h"

#include "background_task.h"
#include "connectdialog.h"
#include "mimeo/version.h"
#include "navigator_model.h"
#include "ui_mainwindow.h"

#include <QCloseEvent>
#include <QDateTime>
#include <QMessageBox>
#include <QSettings>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , ui_(std::make_unique<Ui::MainWindow>())
    , model_(new NavigatorModel(this))
{
    ui_->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/mimeo-studio.svg")));
    ui_->navigator->setModel(model_);
    ui_->mainSplitter->setStretchFactor(1, 1);
    ui_->verticalSplitter->setStretchFactor(0, 1);
    ui_->actionQuit->setShortcuts(QKeySequence::Quit);
    ui_->actionReload->setShortcuts(QKeySequence::Refresh);

    connect(ui_->actionAddDestination, &QAction::triggered, this, &MainWindow::addDestination);
    connect(ui_->actionReload, &QAction::triggered, this, &MainWindow::reloadAll);
    connect(ui_->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui_->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    restoreState();
}

MainWindow::~MainWindow() = default;

QString MainWindow::keyOf(const DestinationTarget &t)
{
    return t.schema + QLatin1Char('|') + t.conninfo;
}

void MainWindow::appendLog(const QString &line)
{
    ui_->logPane->appendPlainText(QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

void MainWindow::addDestination()
{
    ConnectDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    openDestination(dialog.target());
    saveSettings();
}

void MainWindow::openDestination(const DestinationTarget &target)
{
    const QString key = keyOf(target);
    destinations_[key] = target;
    const QString pending = target.conninfo.isEmpty() ? tr("(libpq defaults)") : target.conninfo;
    if (!model_->destinationItem(key))
        model_->setDestinationError(key, pending, tr("loading…"));
    appendLog(tr("Reading destination %1").arg(pending));
    statusBar()->showMessage(tr("Connecting…"));
    auto *task = BackgroundTask::start([target] { return QVariant::fromValue(loadDestination(target)); });
    connect(task, &BackgroundTask::finished, this, [this, key](const QVariant &v) {
        const auto snap = v.value<DestinationSnapshot>();
        const QString title = tr("%1 (schema %2)").arg(snap.describe, destinations_[key].schema);
        destinations_[key].displayName = title;
        model_->setDestination(key, title, snap);
        ui_->navigator->expand(model_->indexFromItem(model_->destinationItem(key)));
        appendLog(tr("Connected to %1: PostgreSQL %2, %3 sources, %4 tables")
                      .arg(snap.describe, QString::fromStdString(snap.probe.serverVersion))
                      .arg(snap.sources.size())
                      .arg(snap.tables.size()));
        statusBar()->showMessage(tr("Ready"), 3000);
        emit destinationLoaded(key, true);
    });
    connect(task, &BackgroundTask::failed, this, [this, key, pending](const QString &error) {
        model_->setDestinationError(key, pending, error);
        appendLog(tr("Could not read %1: %2").arg(pending, error));
        statusBar()->showMessage(tr("Connection failed"), 5000);
        emit destinationLoaded(key, false);
    });
}

void MainWindow::reloadAll()
{
    for (const auto &[key, target] : destinations_)
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
    ui_->mainSplitter->restoreState(s.value(QStringLiteral("window/mainSplitter")).toByteArray());
    ui_->verticalSplitter->restoreState(s.value(QStringLiteral("window/verticalSplitter")).toByteArray());
    // Destinations come back without passwords: libpq's own means or the
    // keychain supply them.
    const int n = s.beginReadArray(QStringLiteral("destinations"));
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        DestinationTarget t;
        t.conninfo = s.value(QStringLiteral("conninfo")).toString();
        t.schema = s.value(QStringLiteral("schema"), QStringLiteral("mimeo")).toString();
        openDestination(t);
    }
    s.endArray();
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/mainSplitter"), ui_->mainSplitter->saveState());
    s.setValue(QStringLiteral("window/verticalSplitter"), ui_->verticalSplitter->saveState());
    s.beginWriteArray(QStringLiteral("destinations"));
    int i = 0;
    for (const auto &[key, target] : destinations_) {
        s.setArrayIndex(i++);
        s.setValue(QStringLiteral("conninfo"), target.conninfo);
        s.setValue(QStringLiteral("schema"), target.schema);
    }
    s.endArray();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}
