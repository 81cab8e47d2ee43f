// SPDX-License-Identifier: PostgreSQL
// The "New Replication" wizard driven end to end against real servers, for
// every type: the catalog row, the source objects and the destination rows
// are checked with SQL afterwards, and what the make sent equals what the
// summary showed (the summary is a rehearsal of the same make). Also: a view
// with a key of its own, pre-flight red and then green after the fix is run
// elsewhere, a bad condition reported by Validate, Stop during a long
// initial pull leaving nothing behind, destroy keeping and dropping the
// table, and the table list with 5,000 tables on the source. Keeps a
// picture of each page.
#include "catalog/installer.h"
#include "catalog/sources.h"
#include "destination_registry.h"
#include "destroydialog.h"
#include "mainwindow.h"
#include "make_wizard.h"
#include "source_tables_model.h"
#include "studio_testutil.h"
#include "wizard_options_page.h"
#include "wizard_preflight_page.h"
#include "wizard_run_page.h"
#include "wizard_source_page.h"
#include "wizard_summary_page.h"
#include "wizard_table_page.h"
#include "wizard_type_page.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace mimeo;
using namespace studiotest;

namespace {

// The statements that change something, per side, as text: what the
// summary shows and what the make must send.
QStringList changes(const std::vector<pg::LoggedStatement> &all, pg::Side side)
{
    QStringList out;
    for (const auto &s : pg::statementsOf(all, side))
        if (pg::changesSomething(s))
            out << q(s.sql);
    return out;
}

struct Options {
    QString type;
    QString table;            // schema.table on the source
    QString destName;         // in schema rep
    QString control;          // incremental
    QString pkName, pkType;   // a view's key
    QString condition;
};

} // namespace

class TestStudioWizard : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ScratchDb> src_;
    std::unique_ptr<test::ScratchDb> dest_;
    std::unique_ptr<MainWindow> window_;
    QString key_;

    long long destCount(const std::string &query)
    {
        auto c = dest_->connect();
        return c.exec(query).toInt(0, 0);
    }
    long long srcCount(const std::string &query)
    {
        auto c = src_->connect();
        return c.exec(query).toInt(0, 0);
    }

    template <class P>
    P *page(MakeWizard *w, int id) { return qobject_cast<P *>(w->page(id)); }

    // Source and table pages: pick the table by name.
    bool chooseTable(MakeWizard *w, const QString &table, int sourceId = 1)
    {
        if (w->currentId() != MakeWizard::SourcePage)
            return false;
        auto *sources = page<WizardSourcePage>(w, MakeWizard::SourcePage);
        if (!QTest::qWaitFor([&] { return sources->selectSource(sourceId); }, 20000))
            return false;
        w->next();
        auto *tables = page<WizardTablePage>(w, MakeWizard::TablePage);
        if (w->currentId() != MakeWizard::TablePage)
            return false;
        const auto name = pg::QualifiedName::fromCatalogText(table.toStdString());
        QSignalSpy details(tables, &WizardTablePage::detailsLoaded);
        tables->setFilterText(q(name.name));
        if (!QTest::qWaitFor([&] { return tables->selectTable(name); }, 20000))
            return false;
        if (!QTest::qWaitFor([&] { return tables->isComplete(); }, 20000)) {
            qWarning() << tables->detailsText();
            return false;
        }
        w->next();
        return w->currentId() == MakeWizard::TypePage;
    }

    // Type and options pages.
    bool fillOptions(MakeWizard *w, const Options &o)
    {
        auto *types = page<WizardTypePage>(w, MakeWizard::TypePage);
        if (!types->chooseType(o.type)) {
            qWarning() << "type" << o.type << "not usable:" << types->reasonText(o.type);
            return false;
        }
        w->next();
        auto *options = page<WizardOptionsPage>(w, MakeWizard::OptionsPage);
        if (w->currentId() != MakeWizard::OptionsPage)
            return false;
        options->findChild<QLineEdit *>(QStringLiteral("destSchemaEdit"))->setText(QStringLiteral("rep"));
        options->findChild<QLineEdit *>(QStringLiteral("destNameEdit"))->setText(o.destName);
        if (!o.control.isEmpty()) {
            auto *combo = options->findChild<QComboBox *>(QStringLiteral("controlCombo"));
            const int i = combo->findData(o.control);
            if (i < 0)
                return false;
            combo->setCurrentIndex(i);
        }
        if (!o.pkName.isEmpty()) {
            options->findChild<QLineEdit *>(QStringLiteral("pkNameEdit"))->setText(o.pkName);
            options->findChild<QLineEdit *>(QStringLiteral("pkTypeEdit"))->setText(o.pkType);
        }
        if (!o.condition.isEmpty())
            options->findChild<QLineEdit *>(QStringLiteral("conditionEdit"))->setText(o.condition);
        if (!QTest::qWaitFor([&] { return options->isComplete(); }, 20000)) {
            qWarning() << "options:" << options->problemsText() << options->destinationStatus();
            return false;
        }
        w->next();
        return w->currentId() == MakeWizard::PreflightPage;
    }

    // Pre-flight (all green), summary (rehearsed), then the make itself.
    bool makeIt(MakeWizard *w, QStringList *shownSource = nullptr, QStringList *shownDest = nullptr)
    {
        auto *pre = page<WizardPreflightPage>(w, MakeWizard::PreflightPage);
        if (!QTest::qWaitFor([&] { return pre->settled(); }, 30000) || !pre->isComplete()) {
            for (const auto &c : pre->checks())
                if (!c.ok)
                    qWarning() << "preflight:" << q(c.what) << q(c.problem) << q(c.fix);
            return false;
        }
        w->next();
        auto *summary = page<WizardSummaryPage>(w, MakeWizard::SummaryPage);
        if (!QTest::qWaitFor([&] { return summary->settled(); }, 30000) || !summary->isComplete()) {
            qWarning() << "summary:" << summary->statusText();
            return false;
        }
        const auto shown = summary->statements();
        w->next(); // the commit: Make
        auto *run = page<WizardRunPage>(w, MakeWizard::RunPage);
        if (!QTest::qWaitFor([&] { return run->state() != WizardRunPage::State::Running; }, 60000)
            || run->state() != WizardRunPage::State::Made) {
            qWarning() << "run:" << run->resultText();
            return false;
        }
        // What ran is what was shown, statement for statement, on each side.
        const auto ran = run->executedStatements();
        for (auto side : {pg::Side::Source, pg::Side::Destination}) {
            if (changes(shown, side) != changes(ran, side)) {
                qWarning() << "shown:" << changes(shown, side) << "\nran:" << changes(ran, side);
                return false;
            }
        }
        if (shownSource)
            *shownSource = changes(shown, pg::Side::Source);
        if (shownDest)
            *shownDest = changes(shown, pg::Side::Destination);
        return true;
    }

    MakeWizard *startWizard()
    {
        MakeWizard *w = window_->startMakeWizard(key_);
        if (w)
            w->setAttribute(Qt::WA_DeleteOnClose, false); // the test deletes it
        return w;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        MIMEO_REQUIRE_ENV(env);
        src_ = std::make_unique<test::ScratchDb>(env->source, "studiowizsrc");
        src_->connect().exec(R"SQL(
            CREATE SCHEMA mimeo; -- where dml and logdel keep their queues (the catalog's name)
            CREATE SCHEMA shop;
            CREATE TABLE shop.customers (id int PRIMARY KEY, name text NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now() - interval '1 hour', version bigint NOT NULL DEFAULT 1);
            CREATE INDEX ON shop.customers (updated_at);
            CREATE INDEX ON shop.customers (version);
            INSERT INTO shop.customers (id, name, version) SELECT g, 'customer ' || g, g FROM generate_series(1, 500) g;
            CREATE TABLE shop.accounts (id int PRIMARY KEY, owner text);
            INSERT INTO shop.accounts SELECT g, 'owner ' || g FROM generate_series(1, 300) g;
            CREATE TABLE shop.events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                ts timestamptz NOT NULL DEFAULT now() - interval '1 hour', payload text);
            CREATE INDEX ON shop.events (ts);
            INSERT INTO shop.events (payload) SELECT 'event ' || g FROM generate_series(1, 400) g;
            CREATE VIEW shop.customer_view AS SELECT id, name, updated_at FROM shop.customers;
            CREATE TABLE shop.keyless (a int, b text);
            INSERT INTO shop.keyless SELECT g, 'k' FROM generate_series(1, 50) g;
            ANALYZE;
        )SQL");
        dest_ = std::make_unique<test::ScratchDb>(env->dest, "studiowiz");
        auto c = dest_->connect();
        catalog::installCatalog(c, "mimeo");
        catalog::SourceRegistry(c, "mimeo").add(env->source.conninfoFor(src_->name()), "");
        c.exec("CREATE SCHEMA rep");

        window_ = std::make_unique<MainWindow>();
        window_->resize(1280, 760);
        window_->show();
        key_ = openAndWait(*window_, dest_->conninfo());
        QVERIFY(!key_.isEmpty());
    }

    void everyTypeEndToEnd_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("control");
        QTest::addColumn<long long>("rows");
        QTest::newRow("snap") << "snap" << "shop.customers" << "" << 500LL;
        QTest::newRow("table") << "table" << "shop.customers" << "" << 500LL;
        QTest::newRow("inserter_time") << "inserter_time" << "shop.events" << "ts" << 400LL;
        // Serial: the initial pull leaves out the newest ids, the default boundary of 10 (ids below 400 - 10).
        QTest::newRow("inserter_serial") << "inserter_serial" << "shop.events" << "id" << 389LL;
        QTest::newRow("updater_time") << "updater_time" << "shop.customers" << "updated_at" << 500LL;
        QTest::newRow("updater_serial") << "updater_serial" << "shop.customers" << "version" << 489LL;
        QTest::newRow("dml") << "dml" << "shop.customers" << "" << 500LL;
        QTest::newRow("logdel") << "logdel" << "shop.accounts" << "" << 300LL;
    }

    void everyTypeEndToEnd()
    {
        QFETCH(QString, type);
        QFETCH(QString, table);
        QFETCH(QString, control);
        QFETCH(long long, rows);
        std::unique_ptr<MakeWizard> w(startWizard());
        QVERIFY(w);
        const QString destName = QStringLiteral("w_") + type;
        QVERIFY(chooseTable(w.get(), table));
        QVERIFY(fillOptions(w.get(), {type, table, destName, control, {}, {}, {}}));
        QStringList shownSource;
        QVERIFY(makeIt(w.get(), &shownSource));
        const std::string dest = "rep." + destName.toStdString();
        // The catalog row, of the right type, pointing at the source table.
        QCOMPARE(destCount("SELECT count(*) FROM mimeo.refresh_config_" + type.toStdString() + " WHERE dest_table = '" + dest
                           + "' AND source_table = '" + table.toStdString() + "' AND dblink = 1"),
                 1LL);
        QCOMPARE(destCount("SELECT count(*) FROM " + dest), rows);
        const bool queue = type == QLatin1String("dml") || type == QLatin1String("logdel");
        // dml and logdel: a trigger on the source table that feeds a queue; nothing for the others.
        const long long triggers = srcCount("SELECT count(*) FROM pg_trigger WHERE tgrelid = '" + table.toStdString()
                                            + "'::regclass AND NOT tgisinternal");
        if (queue) {
            QVERIFY(triggers >= 1);
            QVERIFY2(!shownSource.isEmpty(), "the summary shows the source objects");
        } else {
            QVERIFY2(shownSource.isEmpty(), qPrintable(shownSource.join(QLatin1Char('\n'))));
        }
        if (type == QLatin1String("snap")) {
            QVERIFY(w->grab().save(QStringLiteral("wizard-run.png")));
        }
    }

    void viewWithItsOwnKey()
    {
        std::unique_ptr<MakeWizard> w(startWizard());
        QVERIFY(chooseTable(w.get(), QStringLiteral("shop.customer_view")));
        auto *types = page<WizardTypePage>(w.get(), MakeWizard::TypePage);
        // A view cannot have triggers: dml and logdel are offered, but disabled, with the reason.
        QVERIFY(!types->button(QStringLiteral("dml"))->isEnabled());
        QVERIFY(!types->reasonText(QStringLiteral("dml")).isEmpty());
        QVERIFY(fillOptions(w.get(), {QStringLiteral("updater_time"), {}, QStringLiteral("w_view"), QStringLiteral("updated_at"),
                                      QStringLiteral("id"), QStringLiteral("integer"), {}}));
        QVERIFY(makeIt(w.get()));
        QCOMPARE(destCount("SELECT count(*) FROM rep.w_view"), 500LL);
        QCOMPARE(destCount("SELECT count(*) FROM mimeo.refresh_config_updater_time WHERE dest_table = 'rep.w_view' "
                           "AND pk_name = '{id}'"),
                 1LL);
    }

    void keylessTableHasNoKeyedTypes()
    {
        std::unique_ptr<MakeWizard> w(startWizard());
        QVERIFY(chooseTable(w.get(), QStringLiteral("shop.keyless")));
        auto *types = page<WizardTypePage>(w.get(), MakeWizard::TypePage);
        for (const char *t : {"updater_time", "updater_serial", "dml", "logdel"})
            QVERIFY2(!types->button(QString::fromLatin1(t))->isEnabled(), t);
        QVERIFY(types->button(QStringLiteral("snap"))->isEnabled());
        QCOMPARE(types->recommendedType(), QStringLiteral("snap"));
    }

    void badConditionIsReportedByValidate()
    {
        std::unique_ptr<MakeWizard> w(startWizard());
        QVERIFY(chooseTable(w.get(), QStringLiteral("shop.customers")));
        auto *types = page<WizardTypePage>(w.get(), MakeWizard::TypePage);
        QVERIFY(types->chooseType(QStringLiteral("table")));
        w->next();
        auto *options = page<WizardOptionsPage>(w.get(), MakeWizard::OptionsPage);
        options->findChild<QLineEdit *>(QStringLiteral("conditionEdit"))->setText(QStringLiteral("WHERE no_such_column > 1"));
        QSignalSpy checked(options, &WizardOptionsPage::conditionChecked);
        QTest::mouseClick(options->findChild<QPushButton *>(QStringLiteral("validateButton")), Qt::LeftButton);
        QVERIFY(waitForSignals(checked));
        QCOMPARE(checked.first().first().toBool(), false);
        QVERIFY2(options->conditionStatus().contains(QStringLiteral("no_such_column")), qPrintable(options->conditionStatus()));
        options->findChild<QLineEdit *>(QStringLiteral("conditionEdit"))->setText(QStringLiteral("WHERE id > 10"));
        QTest::mouseClick(options->findChild<QPushButton *>(QStringLiteral("validateButton")), Qt::LeftButton);
        QVERIFY(waitForSignals(checked, 2));
        QCOMPARE(checked.at(1).first().toBool(), true);
    }

    void preflightRedThenGreen()
    {
        MIMEO_REQUIRE_ENV(env);
        // A source role that may read the table, but neither create triggers
        // on it nor find the queue schema.
        const std::string role = "wiz_limited_" + std::to_string(getpid());
        auto admin = src_->connect();
        admin.exec("DROP ROLE IF EXISTS " + pg::quoteIdent(role));
        admin.exec("CREATE ROLE " + pg::quoteIdent(role) + " LOGIN");
        admin.exec("CREATE TABLE shop.orders (id int PRIMARY KEY, amount numeric); INSERT INTO shop.orders VALUES (1, 10), (2, 20);"
                   "GRANT USAGE ON SCHEMA shop TO " + pg::quoteIdent(role) + "; GRANT SELECT ON shop.orders TO " + pg::quoteIdent(role));
        int sourceId = 0;
        {
            auto c = dest_->connect();
            sourceId = catalog::SourceRegistry(c, "mimeo").add(src_->conninfoWithoutUser(), role);
        }
        QSignalSpy reloaded(window_->registry()->find(key_), &DestinationService::loaded);
        window_->registry()->find(key_)->load();
        QVERIFY(waitForSignals(reloaded));

        std::unique_ptr<MakeWizard> w(startWizard());
        QVERIFY(chooseTable(w.get(), QStringLiteral("shop.orders"), sourceId));
        QVERIFY(fillOptions(w.get(), {QStringLiteral("dml"), {}, QStringLiteral("w_orders"), {}, {}, {}, {}}));
        // The key goes while the wizard is open: pre-flight must say so too.
        admin.exec("ALTER TABLE shop.orders DROP CONSTRAINT orders_pkey");
        auto *pre = page<WizardPreflightPage>(w.get(), MakeWizard::PreflightPage);
        QVERIFY(QTest::qWaitFor([&] { return pre->settled(); }, 30000));
        QVERIFY(!pre->isComplete());
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        QStringList red;
        for (const auto &c : pre->checks())
            if (!c.ok)
                red << q(c.what + ": " + c.problem);
        const QString all = red.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("TRIGGER"), Qt::CaseInsensitive), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("key"), Qt::CaseInsensitive), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("schema"), Qt::CaseInsensitive), qPrintable(all));
        QVERIFY(w->grab().save(QStringLiteral("wizard-preflight-red.png")));
        // The fixes, run outside the application as the owner would, then Re-check.
        admin.exec("ALTER TABLE shop.orders ADD PRIMARY KEY (id)");
        for (const auto &c : pre->checks())
            if (!c.ok && c.side == pg::Side::Source && !c.fix.empty() && c.fix.find("PRIMARY KEY") == std::string::npos)
                admin.exec(c.fix);
        QSignalSpy checked(pre, &WizardPreflightPage::checked);
        QTest::mouseClick(pre->findChild<QPushButton *>(QStringLiteral("recheckButton")), Qt::LeftButton);
        QVERIFY(waitForSignals(checked));
        for (const auto &c : pre->checks())
            if (!c.ok)
                qWarning() << "still red:" << q(c.what) << q(c.problem) << q(c.fix);
        QVERIFY(pre->isComplete());
        QVERIFY(w->button(QWizard::NextButton)->isEnabled());
        w.reset();
        // The role is the cluster's: leave nothing of it behind.
        admin.exec("DROP OWNED BY " + pg::quoteIdent(role));
        auto c = dest_->connect();
        catalog::SourceRegistry(c, "mimeo").remove(sourceId);
        admin.exec("DROP ROLE " + pg::quoteIdent(role));
    }

    void stopDuringTheInitialPullLeavesNothing()
    {
        // A dml of a big table whose pull the condition slows down (a second
        // every 100,000 rows): Stop comes while rows are flowing.
        src_->connect().exec("CREATE TABLE shop.big (id int PRIMARY KEY, v text);"
                             "INSERT INTO shop.big SELECT g, 'row ' || g FROM generate_series(1, 1000000) g; ANALYZE shop.big;");
        std::unique_ptr<MakeWizard> w(startWizard());
        QVERIFY(chooseTable(w.get(), QStringLiteral("shop.big")));
        QVERIFY(fillOptions(w.get(), {QStringLiteral("dml"), {}, QStringLiteral("w_big"), {}, {}, {},
                                      QStringLiteral("WHERE id % 100000 <> 0 OR pg_sleep(1) IS NOT NULL")}));
        auto *pre = page<WizardPreflightPage>(w.get(), MakeWizard::PreflightPage);
        QVERIFY(QTest::qWaitFor([&] { return pre->settled(); }, 30000) && pre->isComplete());
        w->next();
        auto *summary = page<WizardSummaryPage>(w.get(), MakeWizard::SummaryPage);
        QVERIFY(QTest::qWaitFor([&] { return summary->settled(); }, 30000) && summary->isComplete());
        QVERIFY(w->grab().save(QStringLiteral("wizard-summary.png")));
        w->next();
        auto *run = page<WizardRunPage>(w.get(), MakeWizard::RunPage);
        QVERIFY(QTest::qWaitFor([&] { return run->lastProgress().rows > 0 || run->state() != WizardRunPage::State::Running; }, 60000));
        QCOMPARE(run->state(), WizardRunPage::State::Running);
        QVERIFY(w->grab().save(QStringLiteral("wizard-progress.png")));
        QElapsedTimer stopping;
        stopping.start();
        run->cancel();
        QVERIFY(QTest::qWaitFor([&] { return run->state() != WizardRunPage::State::Running; }, 30000));
        qInfo("Stop took %lld ms to roll the make back", static_cast<long long>(stopping.elapsed()));
        QCOMPARE(run->state(), WizardRunPage::State::Cancelled);
        QCOMPARE(destCount("SELECT count(*) FROM pg_class WHERE relname = 'w_big'"), 0LL);
        QCOMPARE(destCount("SELECT count(*) FROM mimeo.refresh_config WHERE dest_table = 'rep.w_big'"), 0LL);
        QCOMPARE(srcCount("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'shop.big'::regclass AND NOT tgisinternal"), 0LL);
        QCOMPARE(srcCount("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                          "WHERE n.nspname = 'mimeo' AND c.relname LIKE '%big%'"),
                 0LL);
        // Nothing of ours is still running on either server.
        QTRY_COMPARE_WITH_TIMEOUT(srcCount("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'mimeo-studio%' "
                                           "AND state = 'active'"),
                                  0LL, 10000);
    }

    void destroyKeepsOrDropsTheTable()
    {
        // w_table and w_dml were made above.
        QVERIFY(destCount("SELECT count(*) FROM mimeo.refresh_config WHERE dest_table = 'rep.w_table'") == 1);
        DestroyDialog *keep = window_->startDestroy(key_, QStringLiteral("rep.w_table"));
        QVERIFY(keep);
        QVERIFY(QTest::qWaitFor([&] { return keep->previewSettled(); }, 30000));
        QVERIFY2(keep->destinationSql().contains(QStringLiteral("DELETE")), qPrintable(keep->destinationSql()));
        QSignalSpy kept(keep, &DestroyDialog::destroyFinished);
        QTest::mouseClick(keep->destroyButton(), Qt::LeftButton);
        QVERIFY(waitForSignals(kept));
        QVERIFY2(kept.first().first().toBool(), qPrintable(keep->statusText()));
        QCOMPARE(destCount("SELECT count(*) FROM mimeo.refresh_config WHERE dest_table = 'rep.w_table'"), 0LL);
        QCOMPARE(destCount("SELECT count(*) FROM rep.w_table"), 500LL);
        keep->close();

        DestroyDialog *drop = window_->startDestroy(key_, QStringLiteral("rep.w_dml"));
        QVERIFY(drop);
        QVERIFY(QTest::qWaitFor([&] { return drop->previewSettled(); }, 30000));
        QSignalSpy preview(drop, &DestroyDialog::previewReady);
        drop->setKeepTable(false);
        QVERIFY(waitForSignals(preview));
        QVERIFY2(drop->destinationSql().contains(QStringLiteral("DROP TABLE")), qPrintable(drop->destinationSql()));
        QVERIFY2(drop->sourceSql().contains(QStringLiteral("DROP TRIGGER")), qPrintable(drop->sourceSql()));
        QVERIFY(drop->grab().save(QStringLiteral("destroy-dialog.png")));
        QSignalSpy dropped(drop, &DestroyDialog::destroyFinished);
        QTest::mouseClick(drop->destroyButton(), Qt::LeftButton);
        QVERIFY(waitForSignals(dropped));
        QVERIFY2(dropped.first().first().toBool(), qPrintable(drop->statusText()));
        QCOMPARE(destCount("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname = 'rep' AND c.relname = 'w_dml'"),
                 0LL);
        QCOMPARE(srcCount("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'shop.customers'::regclass AND NOT tgisinternal "
                          "AND tgname LIKE '%w_dml%'"),
                 0LL);
        drop->close();
    }

    void thousandsOfTablesListQuickly()
    {
        src_->connect().exec("CREATE SCHEMA many; DO $$ BEGIN FOR i IN 1..5000 LOOP "
                             "EXECUTE format('CREATE TABLE many.t%s (id int)', i); END LOOP; END $$;");
        std::unique_ptr<MakeWizard> w(startWizard());
        auto *sources = page<WizardSourcePage>(w.get(), MakeWizard::SourcePage);
        QVERIFY(QTest::qWaitFor([&] { return sources->selectSource(1); }, 20000));
        auto *tables = page<WizardTablePage>(w.get(), MakeWizard::TablePage);
        QSignalSpy pages(tables->model(), &SourceTablesModel::pageLoaded);
        // How long the GUI thread is kept from its events meanwhile.
        QElapsedTimer clock, gap;
        qint64 worstGap = 0;
        QTimer ticker;
        ticker.setInterval(5);
        gap.start();
        connect(&ticker, &QTimer::timeout, [&] {
            worstGap = std::max(worstGap, gap.restart());
        });
        ticker.start();
        clock.start();
        w->next();
        QVERIFY(waitForSignals(pages));
        const qint64 firstPage = clock.elapsed();
        ticker.stop();
        QVERIFY(tables->model()->rowCount() > 0);
        QVERIFY(tables->model()->canFetchMore({}));
        qInfo("5,000 tables on the source: first page of %d rows after %lld ms; the GUI thread waited at most %lld ms",
              tables->model()->rowCount(), static_cast<long long>(firstPage), static_cast<long long>(worstGap));
        // Scrolling reads the next page.
        tables->model()->fetchMore({});
        QVERIFY(waitForSignals(pages, 2));
        QVERIFY(tables->model()->rowCount() > SourceTablesModel::kPageSize);
        tables->setFilterText(QStringLiteral("t4999"));
        QVERIFY(QTest::qWaitFor([&] { return tables->model()->rowCount() == 1 && !tables->model()->isLoading(); }, 20000));
        src_->connect().exec("DROP SCHEMA many CASCADE");
    }

    void picturesOfEachPage()
    {
        std::unique_ptr<MakeWizard> w(startWizard());
        w->resize(900, 680);
        auto shoot = [&](const char *name) {
            QTest::qWait(50);
            QVERIFY(w->grab().save(QString::fromLatin1(name)));
        };
        auto *sources = page<WizardSourcePage>(w.get(), MakeWizard::SourcePage);
        QVERIFY(QTest::qWaitFor([&] { return sources->selectSource(1); }, 20000));
        shoot("wizard-1-source.png");
        QVERIFY(chooseTable(w.get(), QStringLiteral("shop.events")));
        w->back();
        shoot("wizard-2-table.png");
        w->next();
        shoot("wizard-3-type.png");
        auto *types = page<WizardTypePage>(w.get(), MakeWizard::TypePage);
        QCOMPARE(types->recommendedType(), QStringLiteral("inserter_time"));
        QVERIFY(types->chooseType(QStringLiteral("inserter_time")));
        w->next();
        auto *options = page<WizardOptionsPage>(w.get(), MakeWizard::OptionsPage);
        options->findChild<QLineEdit *>(QStringLiteral("destSchemaEdit"))->setText(QStringLiteral("rep"));
        options->findChild<QLineEdit *>(QStringLiteral("destNameEdit"))->setText(QStringLiteral("w_events_pictured"));
        QSignalSpy described(options, &WizardOptionsPage::boundaryDescribed);
        options->findChild<QLineEdit *>(QStringLiteral("boundaryEdit"))->setText(QStringLiteral("5 minutes"));
        QVERIFY(QTest::qWaitFor([&] { return options->isComplete(); }, 20000));
        QVERIFY(waitForSignals(described));
        QVERIFY2(options->boundarySentence().contains(QStringLiteral("ts")), qPrintable(options->boundarySentence()));
        shoot("wizard-4-options.png");
        w->next();
        auto *pre = page<WizardPreflightPage>(w.get(), MakeWizard::PreflightPage);
        QVERIFY(QTest::qWaitFor([&] { return pre->settled(); }, 30000) && pre->isComplete());
        shoot("wizard-5-preflight.png");
        w->next();
        auto *summary = page<WizardSummaryPage>(w.get(), MakeWizard::SummaryPage);
        QVERIFY(QTest::qWaitFor([&] { return summary->settled(); }, 30000) && summary->isComplete());
        shoot("wizard-6-summary.png");
        w->next();
        auto *run = page<WizardRunPage>(w.get(), MakeWizard::RunPage);
        QVERIFY(QTest::qWaitFor([&] { return run->state() != WizardRunPage::State::Running; }, 60000));
        QCOMPARE(run->state(), WizardRunPage::State::Made);
        shoot("wizard-7-run.png");
    }

    void keyboardAlone()
    {
        std::unique_ptr<MakeWizard> w(startWizard());
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        auto *sources = page<WizardSourcePage>(w.get(), MakeWizard::SourcePage);
        QVERIFY(QTest::qWaitFor([&] { return sources->selectSource(1); }, 20000));
        // Enter is Next.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(w->currentId(), int(MakeWizard::TablePage));
        // The search field has the focus: type, Tab to the list, Down to the first match.
        auto *tables = page<WizardTablePage>(w.get(), MakeWizard::TablePage);
        auto *filter = tables->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("events"));
        QVERIFY2(QTest::qWaitFor([&] { return tables->model()->rowCount() == 1 && !tables->model()->isLoading(); }, 20000),
                 qPrintable(QStringLiteral("filter \"%1\", %2 rows, loading %3")
                                .arg(filter->text())
                                .arg(tables->model()->rowCount())
                                .arg(tables->model()->isLoading())));
        QTest::keyClick(filter, Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QVERIFY(QTest::qWaitFor([&] { return tables->isComplete(); }, 20000));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(w->currentId(), int(MakeWizard::TypePage));
        // A mnemonic picks a type (Alt+D: dml), Enter goes on.
        auto *types = page<WizardTypePage>(w.get(), MakeWizard::TypePage);
        QTest::keyClick(w.get(), Qt::Key_D, Qt::AltModifier);
        QTRY_VERIFY(types->button(QStringLiteral("dml"))->isChecked());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(w->currentId(), int(MakeWizard::OptionsPage));
        // Every labelled field has an accessible name.
        for (QWizardPage *p : {static_cast<QWizardPage *>(tables), static_cast<QWizardPage *>(page<WizardOptionsPage>(w.get(), MakeWizard::OptionsPage))})
            for (QLabel *label : p->findChildren<QLabel *>())
                if (label->buddy())
                    QVERIFY2(!label->buddy()->accessibleName().isEmpty(), qPrintable(label->buddy()->objectName()));
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestStudioWizard)
#include "tst_studio_wizard.moc"
