// SPDX-License-Identifier: PostgreSQL
// Takes the pictures of the monitor and the history for the README: the real
// main window on a real destination whose tables take-screenshots.sh left in
// mixed states (failed, late, critical, running, ok...). Run by
// take-screenshots.sh; not installed.
//
//   mimeo-studio-monitor-tour --dest CONNINFO --out DIR [--select TABLE] [--running TABLE]
//                             [--validate TABLE,TABLE] [--result TABLE] [--measure]
//
// --select: the table selected in the monitor; --running: a table another
// process is refreshing now, waited for until the monitor shows it running;
// --validate: tables validated first (through the monitor's action);
// --result: the table whose validation result is pictured (validation.png);
// --measure: measure how far behind every table is first.
#include "destination_registry.h"
#include "history_model.h"
#include "historypage.h"
#include "mainwindow.h"
#include "monitor_model.h"
#include "monitorpage.h"
#include "run_chart.h"
#include "tour_support.h"
#include "validationdialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QItemSelectionModel>
#include <QTableView>
#include <QTreeView>

namespace {

using tour::waitFor;

[[noreturn]] void fail(const QString &what) { tour::fail("monitor-tour", what); }

// Selects the row of table in the page's first table view.
void selectRow(QWidget *page, int column, int role, const QString &value)
{
    auto *view = page->findChild<QTableView *>();
    if (!view)
        fail(QStringLiteral("no table view"));
    const auto *model = view->model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, column).data(role).toString() == value) {
            view->selectionModel()->setCurrentIndex(model->index(r, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return;
        }
    fail(QStringLiteral("no row %1").arg(value));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MimeoStudioTour"));
    QCommandLineParser p;
    const QCommandLineOption dest(QStringLiteral("dest"), QStringLiteral("destination conninfo"), QStringLiteral("CONNINFO"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("folder for the PNGs"), QStringLiteral("DIR"));
    const QCommandLineOption select(QStringLiteral("select"), QStringLiteral("table selected in the monitor"), QStringLiteral("NAME"));
    const QCommandLineOption running(QStringLiteral("running"), QStringLiteral("table being refreshed elsewhere"), QStringLiteral("NAME"));
    const QCommandLineOption validate(QStringLiteral("validate"), QStringLiteral("tables to validate first"), QStringLiteral("LIST"));
    const QCommandLineOption result(QStringLiteral("result"), QStringLiteral("table whose validation is pictured"), QStringLiteral("NAME"));
    const QCommandLineOption measure(QStringLiteral("measure"), QStringLiteral("measure how far behind every table is"));
    p.addOptions({dest, out, select, running, validate, result, measure});
    p.process(app);
    const QDir dir(p.value(out));

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    DestinationTarget t;
    t.conninfo = p.value(dest);
    window.openDestination(t);
    DestinationService *service = window.registry()->find(t.key());
    if (!service || !waitFor([&] { return service->isLoaded(); }))
        fail(QStringLiteral("the destination did not load"));

    // The monitor opens by itself; wait for its first read (and the running table).
    MonitorPage *monitor = nullptr;
    auto runningShown = [&] {
        if (!p.isSet(running))
            return true;
        const int row = monitor->model()->rowOf(p.value(running));
        return row >= 0 && monitor->model()->at(row).health == mimeo::jobs::Health::Running
            && monitor->model()->at(row).lastRows.value_or(0) > 0;
    };
    if (!waitFor([&] { return (monitor = window.findChild<MonitorPage *>()) && monitor->model()->rowCount() > 0; }, 60000))
        fail(QStringLiteral("the monitor did not show the tables"));
    if (p.isSet(measure)) {
        bool measured = false;
        QObject::connect(monitor, &MonitorPage::lagMeasured, monitor, [&] { measured = true; });
        monitor->findChild<QTableView *>()->clearSelection(); // all tables
        monitor->measureLagAction()->trigger();
        if (!waitFor([&] { return measured; }, 60000))
            fail(QStringLiteral("measuring how far behind did not finish"));
    }
    const QStringList toValidate = p.value(validate).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &table : toValidate) {
        selectRow(monitor, MonitorModel::TableColumn, MonitorModel::DestTableRole, table);
        monitor->validateAction()->trigger();
    }
    if (!waitFor([&] {
            for (const QString &table : toValidate) {
                const int row = monitor->model()->rowOf(table);
                if (row < 0 || !monitor->model()->at(row).validation)
                    return false;
            }
            return true;
        }, 60000))
        fail(QStringLiteral("the validations did not finish"));
    if (!waitFor(runningShown, 60000))
        fail(QStringLiteral("the monitor did not show %1 running").arg(p.value(running)));
    if (p.isSet(select)) {
        selectRow(monitor, MonitorModel::TableColumn, MonitorModel::DestTableRole, p.value(select));
        // Its chart of the last runs, read in the background.
        waitFor([&] { return monitor->runChart()->table() == p.value(select) && !monitor->runChart()->isLoading(); });
    }
    // The navigator shows every table's status icon too.
    if (auto *navigator = window.findChild<QTreeView *>(QStringLiteral("navigator")))
        navigator->expandAll();
    tour::shoot("monitor-tour", window, dir, QStringLiteral("monitor.png"));
    if (p.isSet(result)) {
        ValidationDialog *dialog = monitor->showValidation(p.value(result));
        if (!dialog)
            fail(QStringLiteral("no validation of %1").arg(p.value(result)));
        dialog->resize(760, 480);
        tour::shoot("monitor-tour", *dialog, dir, QStringLiteral("validation.png"));
        dialog->close();
    }

    HistoryPage *history = window.openHistory(t.key());
    if (!history || !waitFor([&] { return history->model()->rowCount() > 0; }))
        fail(QStringLiteral("the history did not load"));
    auto *view = history->findChild<QTableView *>();
    view->selectRow(0);
    tour::shoot("monitor-tour", window, dir, QStringLiteral("history.png"));
    return 0;
}
