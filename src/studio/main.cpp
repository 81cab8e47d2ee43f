// SPDX-License-Identifier: PostgreSQL
// mimeo-studio: the desktop application.
#include "mainwindow.h"
#include "mimeo/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

// --version and --help must work without a display (packaging tests, ssh).
bool wantsTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-v" || a == "--version" || a == "-h" || a == "--help" || a == "--help-all" || a == "-?")
            return true;
    }
    return false;
}

struct Options {
    QCommandLineOption dest{QStringLiteral("dest"),
                            QCoreApplication::translate("main", "Open this destination (conninfo or URI) at start."),
                            QStringLiteral("CONNINFO")};
    QCommandLineOption schema{QStringLiteral("schema"),
                              QCoreApplication::translate("main", "Catalog schema of --dest (default mimeo)."),
                              QStringLiteral("NAME"), QStringLiteral("mimeo")};
};

// Parses the command line (printing and exiting for --help/--version).
void parse(QCommandLineParser &parser, const Options &o, const QCoreApplication &app)
{
    QCoreApplication::setOrganizationName(QStringLiteral("MimeoStudio"));
    QCoreApplication::setApplicationName(QStringLiteral("mimeo-studio"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(mimeo::kVersion));
    parser.setApplicationDescription(QCoreApplication::translate("main", "Per-table PostgreSQL replication, on the desktop."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(o.dest);
    parser.addOption(o.schema);
    parser.process(app);
}

} // namespace

int main(int argc, char *argv[])
{
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        parse(parser, Options{}, app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Mimeo Studio"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.mimeo_studio.MimeoStudio"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("mimeo-studio"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    const Options options;
    QCommandLineParser parser;
    parse(parser, options, app);

    MainWindow window;
    if (parser.isSet(options.dest)) {
        DestinationTarget t;
        t.conninfo = parser.value(options.dest);
        t.schema = parser.value(options.schema);
        window.openDestination(t);
    }
    window.show();
    return QApplication::exec();
}
