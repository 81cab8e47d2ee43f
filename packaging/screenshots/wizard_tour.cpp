// SPDX-License-Identifier: PostgreSQL
// Takes the pictures of the "New Replication" wizard for the README: the
// real wizard on a real destination, stepped through every page of one make
// (each page waits for its answers from the servers before the picture).
// Run by take-screenshots.sh; not installed.
//
//   mimeo-studio-wizard-tour --dest CONNINFO --out DIR --source ID --table SCHEMA.TABLE
//                            --type TYPE --dest-table SCHEMA.TABLE [--refresh TABLE,TABLE,TABLE]
//
// With --refresh it then opens the main window and refreshes those tables on
// two workers, and pictures the Jobs panel while they copy (jobs-panel.png).
#include "destination_registry.h"
#include "job_service.h"
#include "mainwindow.h"
#include "make_wizard.h"
#include "password_store.h"
#include "tour_support.h"
#include "wizard_options_page.h"
#include "wizard_preflight_page.h"
#include "wizard_run_page.h"
#include "wizard_source_page.h"
#include "wizard_summary_page.h"
#include "wizard_table_page.h"
#include "wizard_type_page.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLineEdit>

namespace {

using tour::waitFor;

[[noreturn]] void fail(const QString &what) { tour::fail("wizard-tour", what); }

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MimeoStudioTour"));
    QCommandLineParser p;
    const QCommandLineOption dest(QStringLiteral("dest"), QStringLiteral("destination conninfo"), QStringLiteral("CONNINFO"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("folder for the PNGs"), QStringLiteral("DIR"));
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("data_source_id"), QStringLiteral("ID"));
    const QCommandLineOption table(QStringLiteral("table"), QStringLiteral("source table"), QStringLiteral("NAME"));
    const QCommandLineOption type(QStringLiteral("type"), QStringLiteral("concrete type"), QStringLiteral("TYPE"));
    const QCommandLineOption destTable(QStringLiteral("dest-table"), QStringLiteral("destination table"), QStringLiteral("NAME"));
    const QCommandLineOption refresh(QStringLiteral("refresh"), QStringLiteral("tables to refresh for the Jobs picture"), QStringLiteral("LIST"));
    p.addOptions({dest, out, source, table, type, destTable, refresh});
    p.process(app);
    const QDir dir(p.value(out));

    PasswordStore passwords;
    DestinationRegistry registry(&passwords);
    DestinationTarget t;
    t.conninfo = p.value(dest);
    DestinationService *service = registry.open(t);
    if (!waitFor([&] { return service->isLoaded(); }))
        fail(QStringLiteral("the destination did not load"));

    MakeWizard wizard(service);
    wizard.resize(900, 680);
    wizard.show();
    auto shoot = [&](const char *name) { tour::shoot("wizard-tour", wizard, dir, QString::fromLatin1(name)); };
    const auto name = mimeo::pg::QualifiedName::fromCatalogText(p.value(table).toStdString());
    const auto into = mimeo::pg::QualifiedName::fromCatalogText(p.value(destTable).toStdString());

    auto *sources = qobject_cast<WizardSourcePage *>(wizard.page(MakeWizard::SourcePage));
    if (!waitFor([&] { return sources->selectSource(p.value(source).toInt()); }))
        fail(QStringLiteral("no source %1").arg(p.value(source)));
    shoot("wizard-1-source.png");
    wizard.next();
    auto *tables = qobject_cast<WizardTablePage *>(wizard.page(MakeWizard::TablePage));
    if (!waitFor([&] { return tables->selectTable(name) && tables->isComplete(); }))
        fail(QStringLiteral("no table %1").arg(p.value(table)));
    shoot("wizard-2-table.png");
    wizard.next();
    auto *types = qobject_cast<WizardTypePage *>(wizard.page(MakeWizard::TypePage));
    if (!types->chooseType(p.value(type)))
        fail(QStringLiteral("type %1 is not usable: %2").arg(p.value(type), types->reasonText(p.value(type))));
    shoot("wizard-3-type.png");
    wizard.next();
    auto *options = qobject_cast<WizardOptionsPage *>(wizard.page(MakeWizard::OptionsPage));
    options->findChild<QLineEdit *>(QStringLiteral("destSchemaEdit"))->setText(QString::fromStdString(into.schema));
    options->findChild<QLineEdit *>(QStringLiteral("destNameEdit"))->setText(QString::fromStdString(into.name));
    options->findChild<QLineEdit *>(QStringLiteral("periodEdit"))->setText(QStringLiteral("15 minutes"));
    const bool incremental = p.value(type).startsWith(QLatin1String("inserter")) || p.value(type).startsWith(QLatin1String("updater"));
    if (!waitFor([&] { return options->isComplete() && (!incremental || !options->boundarySentence().isEmpty()); }))
        fail(QStringLiteral("options: %1 %2").arg(options->problemsText(), options->destinationStatus()));
    shoot("wizard-4-options.png");
    wizard.next();
    auto *pre = qobject_cast<WizardPreflightPage *>(wizard.page(MakeWizard::PreflightPage));
    if (!waitFor([&] { return pre->settled(); }) || !pre->isComplete()) {
        for (const auto &c : pre->checks())
            if (!c.ok)
                std::fprintf(stderr, "wizard-tour: red: %s: %s\n", c.what.c_str(), c.problem.c_str());
        fail(QStringLiteral("pre-flight is not green"));
    }
    shoot("wizard-5-preflight.png");
    wizard.next();
    auto *summary = qobject_cast<WizardSummaryPage *>(wizard.page(MakeWizard::SummaryPage));
    if (!waitFor([&] { return summary->settled(); }) || !summary->isComplete())
        fail(QStringLiteral("summary: %1").arg(summary->statusText()));
    shoot("wizard-6-summary.png");
    wizard.next();
    auto *run = qobject_cast<WizardRunPage *>(wizard.page(MakeWizard::RunPage));
    if (!waitFor([&] { return run->state() != WizardRunPage::State::Running; }, 120000) || run->state() != WizardRunPage::State::Made)
        fail(QStringLiteral("make: %1").arg(run->resultText()));
    shoot("wizard-7-run.png");
    wizard.close();

    if (p.isSet(refresh)) {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        window.openDestination(t);
        DestinationService *shown = window.registry()->find(t.key());
        if (!shown || !waitFor([&] { return shown->isLoaded(); }))
            fail(QStringLiteral("the main window did not load the destination"));
        window.jobService()->setMaxRunning(2);
        window.refreshTables(t.key(), p.value(refresh).split(QLatin1Char(',')));

        if (!waitFor([&] {
                int copying = 0;
                for (const auto &job : window.jobService()->jobs())
                    copying += job.state == JobRecord::State::Running && job.progress.rows > 0 ? 1 : 0;
                return copying >= 2;
            }))
            fail(QStringLiteral("the refreshes did not start"));
        waitFor([] { return false; }, 300); // rates settle

        tour::shoot("wizard-tour", window, dir, QStringLiteral("jobs-panel.png"));
        window.jobService()->cancelAll();
        waitFor([&] { return window.jobService()->activeCount() == 0; });
    }
    return 0;
}
