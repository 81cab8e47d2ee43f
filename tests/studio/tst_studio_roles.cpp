// SPDX-License-Identifier: PostgreSQL
// Roles page: monitor and operator granted to real login roles through the
// page, each after a confirmation dialog that shows exactly the statements
// planGrant/planRevoke produce; membership checked with SQL; cancel changes
// nothing; revoke; and roles dropped behind the page's back (before the plan
// and between the plan and the run) end in a message, not a crash.
#include "catalog/installer.h"
#include "catalog/roles.h"
#include "catalog/sources.h"
#include "mainwindow.h"
#include "navigator_model.h"
#include "roles_model.h"
#include "password_store.h"
#include "rolespage.h"
#include "rolesqldialog.h"
#include "studio_testutil.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace mimeo;
using namespace studiotest;

namespace {

// Group roles and login roles are cluster-wide: take them away again
// (while the scratch database still exists) whatever the test did.
struct RoleCleanup {
    const test::ScratchDb &db;
    std::vector<std::string> roles;
    ~RoleCleanup()
    {
        try {
            auto c = db.connect();
            for (const auto &r : roles) {
                for (const auto &sql : {"REASSIGN OWNED BY " + pg::quoteIdent(r) + " TO postgres",
                                              "DROP OWNED BY " + pg::quoteIdent(r), "DROP ROLE IF EXISTS " + pg::quoteIdent(r)}) {
                    try {
                        c.exec(sql);
                    } catch (...) {
                    }
                }
            }
        } catch (...) {
        }
    }
};

QString joined(const std::vector<std::string> &statements)
{
    QStringList lines;
    for (const auto &s : statements)
        lines << q(s) + QLatin1Char(';');
    return lines.join(QLatin1Char('\n'));
}

void clickOk(QDialog *d)
{
    d->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();
}

} // namespace

class TestStudioRoles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void grantRevokeAndErrors()
    {
        MIMEO_REQUIRE_ENV(env);
        const std::string pid = std::to_string(getpid());
        const std::string schema = "sroles_" + pid;
        const std::string monGroup = catalog::monitorGroup(schema), opGroup = catalog::operatorGroup(schema);
        const std::string mon = "Studio Mon " + pid; // needs quoting everywhere
        const std::string op = "studio_op_" + pid;
        const std::string gone = "studio_gone_" + pid;
        const std::string vanished = "studio_vanished_" + pid;
        test::ScratchDb dest(env->dest, "studioroles");
        RoleCleanup cleanup{dest, {mon, op, gone, vanished, opGroup, monGroup}};
        auto admin = dest.connect();
        catalog::installCatalog(admin, schema);
        for (const auto &r : {mon, op, gone, vanished})
            admin.exec("CREATE ROLE " + pg::quoteIdent(r) + " LOGIN");
        // One configured table, so the operator grant hands it to the operators.
        catalog::SourceRegistry reg(admin, schema);
        const int src = reg.add("host=src.example dbname=shop", "repl");
        admin.exec("CREATE SCHEMA rep; CREATE TABLE rep.t (id int PRIMARY KEY);"
                   "INSERT INTO " + pg::quoteIdent(schema) + ".refresh_config_table (source_table, dest_table, dblink) "
                   "VALUES ('shop.t', 'rep.t', " + std::to_string(src) + ")");
        auto memberOf = [&](const std::string &role, const std::string &group) {
            return admin
                .exec("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid "
                      "JOIN pg_catalog.pg_roles r ON r.oid = m.member WHERE r.rolname = $1 AND g.rolname = $2)",
                      {role, group})
                .toBool(0, 0);
        };

        MainWindow w;
        w.show();
        QSignalSpy loaded(&w, &MainWindow::destinationLoaded);
        DestinationTarget t;
        t.conninfo = q(dest.conninfo());
        t.schema = q(schema);
        w.openDestination(t);
        QVERIFY(waitForSignals(loaded));
        QVERIFY(loaded.first().at(1).toBool());

        // The navigator's Roles item opens the page; the menu action raises the same one.
        auto *model = w.navigatorModel();
        const auto hits = model->match(model->index(0, 0), NavigatorModel::KindRole, int(NavigatorModel::RolesItem), 1,
                                       Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().data().toString(), QStringLiteral("Roles"));
        auto *tree = w.findChild<QTreeView *>(QStringLiteral("navigator"));
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("centralTabs"));
        tree->scrollTo(hits.first());
        const QPoint at = tree->visualRect(hits.first()).center();
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
        auto *page = qobject_cast<RolesPage *>(tabs->currentWidget());
        QVERIFY(page);
        const int tabCount = tabs->count();
        tabs->setCurrentIndex(0);
        w.findChild<QAction *>(QStringLiteral("actionRoles"))->trigger();
        QCOMPARE(tabs->currentWidget(), page);
        QCOMPARE(tabs->count(), tabCount);

        QTRY_VERIFY(page->model()->rowFor(q(mon)));
        QVERIFY(page->model()->rowFor(q(op)));
        QVERIFY(!page->model()->rowFor(q(monGroup))); // groups cannot log in
        QVERIFY(!page->model()->rowFor(q(mon))->monitor);
        auto *monitorButton = page->findChild<QPushButton *>(QStringLiteral("monitorButton"));
        auto *operatorButton = page->findChild<QPushButton *>(QStringLiteral("operatorButton"));
        auto *revokeButton = page->findChild<QPushButton *>(QStringLiteral("revokeButton"));
        QVERIFY(!monitorButton->isEnabled()); // nothing selected yet

        QSignalSpy changed(page, &RolesPage::changeFinished);
        QSignalSpy cancelled(page, &RolesPage::changeCancelled);
        auto runThroughDialog = [&](QPushButton *button, QString *shownSql, QString *summary) -> bool {
            auto watch = onModal<RoleSqlDialog>([&](RoleSqlDialog *d) {
                *shownSql = d->sqlText();
                *summary = d->summaryText();
                clickOk(d);
            });
            changed.clear();
            QTest::mouseClick(button, Qt::LeftButton);
            if (!waitForSignals(changed))
                return false;
            return watch.seen() && changed.first().first().toBool();
        };

        // Monitor: the dialog shows exactly the planned statements, then they run.
        QVERIFY(page->selectRole(q(mon)));
        QVERIFY(monitorButton->isEnabled());
        QVERIFY(!revokeButton->isEnabled()); // not a member of anything yet
        const QString plannedMonitor = joined(catalog::planGrant(admin, schema, mon, catalog::RoleLevel::Monitor));
        QString sql, summary;
        QVERIFY2(runThroughDialog(monitorButton, &sql, &summary), qPrintable(page->messageText()));
        QCOMPARE(sql, plannedMonitor);
        QVERIFY2(sql.contains(q("CREATE ROLE " + pg::quoteIdent(monGroup) + " NOLOGIN;")), qPrintable(sql));
        QVERIFY2(sql.contains(q("GRANT " + pg::quoteIdent(monGroup) + " TO " + pg::quoteIdent(mon) + ";")), qPrintable(sql));
        QVERIFY(summary.contains(q(mon)));
        QVERIFY(memberOf(mon, monGroup));
        QVERIFY(!memberOf(mon, opGroup));
        QVERIFY(page->messageText().contains(QStringLiteral("monitor")));
        QTRY_VERIFY(page->model()->rowFor(q(mon)) && page->model()->rowFor(q(mon))->monitor);
        const int monRow = page->model()->rowOf(q(mon));
        QCOMPARE(page->model()->data(page->model()->index(monRow, RolesModel::MonitorColumn)).toString(), QStringLiteral("yes"));
        QCOMPARE(page->model()->data(page->model()->index(monRow, RolesModel::OperatorColumn)).toString(), QStringLiteral("no"));
        QCOMPARE(page->selectedRole(), q(mon)); // the selection survives the reload
        QTRY_VERIFY(revokeButton->isEnabled());

        // Operator: the group is created and takes over the configured table.
        QVERIFY(page->selectRole(q(op)));
        const QString plannedOperator = joined(catalog::planGrant(admin, schema, op, catalog::RoleLevel::Operator));
        QVERIFY2(runThroughDialog(operatorButton, &sql, &summary), qPrintable(page->messageText()));
        QCOMPARE(sql, plannedOperator);
        QVERIFY2(sql.contains(q("CREATE ROLE " + pg::quoteIdent(opGroup) + " NOLOGIN;")), qPrintable(sql));
        QVERIFY2(sql.contains(q("ALTER TABLE rep.t OWNER TO " + pg::quoteIdent(opGroup) + ";")), qPrintable(sql));
        QVERIFY2(sql.contains(q("GRANT " + pg::quoteIdent(opGroup) + " TO " + pg::quoteIdent(op) + ";")), qPrintable(sql));
        QVERIFY(memberOf(op, opGroup));
        QVERIFY(memberOf(opGroup, monGroup));
        QCOMPARE(admin.exec("SELECT pg_catalog.pg_get_userbyid(relowner) FROM pg_catalog.pg_class WHERE oid = 'rep.t'::regclass")
                     .text(0, 0),
                 opGroup);
        QTRY_VERIFY(page->model()->rowFor(q(op)) && page->model()->rowFor(q(op))->operatorMember);
        const int opRow = page->model()->rowOf(q(op));
        QCOMPARE(page->model()->data(page->model()->index(opRow, RolesModel::MonitorColumn)).toString(),
                 QStringLiteral("through operator"));

        // Cancelled: nothing runs.
        QTRY_VERIFY(revokeButton->isEnabled());
        {
            QString cancelledSql;
            auto watch = onModal<RoleSqlDialog>([&](RoleSqlDialog *d) {
                cancelledSql = d->sqlText();
                d->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Cancel)->click();
            });
            changed.clear();
            QTest::mouseClick(revokeButton, Qt::LeftButton);
            QVERIFY(waitForSignals(cancelled));
            QVERIFY(watch.seen());
            QCOMPARE(cancelledSql, q("REVOKE " + pg::quoteIdent(opGroup) + " FROM " + pg::quoteIdent(op) + ";"));
            QCOMPARE(changed.count(), 0);
            QVERIFY(memberOf(op, opGroup));
        }

        // Revoke, for both.
        QVERIFY2(runThroughDialog(revokeButton, &sql, &summary), qPrintable(page->messageText()));
        QCOMPARE(sql, q("REVOKE " + pg::quoteIdent(opGroup) + " FROM " + pg::quoteIdent(op) + ";"));
        QVERIFY(!memberOf(op, opGroup));
        QTRY_VERIFY(page->model()->rowFor(q(op)) && !page->model()->rowFor(q(op))->operatorMember);
        QVERIFY(page->selectRole(q(mon)));
        QTRY_VERIFY(revokeButton->isEnabled());
        QVERIFY2(runThroughDialog(revokeButton, &sql, &summary), qPrintable(page->messageText()));
        QCOMPARE(sql, q("REVOKE " + pg::quoteIdent(monGroup) + " FROM " + pg::quoteIdent(mon) + ";"));
        QVERIFY(!memberOf(mon, monGroup));
        QTRY_VERIFY(page->model()->rowFor(q(mon)) && !page->model()->rowFor(q(mon))->monitor);

        // Dropped between the plan and the run: the transaction fails as a
        // whole, the page says why and lists the roles without it.
        QVERIFY(page->selectRole(q(gone)));
        {
            QString shown;
            auto watch = onModal<RoleSqlDialog>([&](RoleSqlDialog *d) {
                shown = d->sqlText();
                admin.exec("DROP ROLE " + pg::quoteIdent(gone));
                clickOk(d);
            });
            changed.clear();
            QTest::mouseClick(monitorButton, Qt::LeftButton);
            QVERIFY(waitForSignals(changed));
            QVERIFY(watch.seen());
            QCOMPARE(changed.first().first().toBool(), false);
            QVERIFY2(shown.contains(q("GRANT " + pg::quoteIdent(monGroup) + " TO " + pg::quoteIdent(gone) + ";")), qPrintable(shown));
            QVERIFY2(page->messageText().contains(q(gone)) && page->messageText().contains(QStringLiteral("does not exist")),
                     qPrintable(page->messageText()));
            QVERIFY2(page->messageText().contains(QStringLiteral("nothing was changed")), qPrintable(page->messageText()));
            QTRY_VERIFY(!page->model()->rowFor(q(gone)));
            QVERIFY(page->selectedRole().isEmpty());
            QVERIFY(!monitorButton->isEnabled());
        }

        // Dropped before the plan: no dialog, the message names the role.
        QVERIFY(page->selectRole(q(vanished)));
        admin.exec("DROP ROLE " + pg::quoteIdent(vanished));
        {
            auto watch = onModal<RoleSqlDialog>([&](RoleSqlDialog *d) { d->reject(); }, 3000);
            changed.clear();
            QTest::mouseClick(operatorButton, Qt::LeftButton);
            QVERIFY(waitForSignals(changed));
            QCOMPARE(changed.first().first().toBool(), false);
            QVERIFY(!watch.seen());
            QVERIFY2(page->messageText().contains(q(vanished)) && page->messageText().contains(QStringLiteral("does not exist")),
                     qPrintable(page->messageText()));
            QTRY_VERIFY(!page->model()->rowFor(q(vanished)));
        }
        QVERIFY2(w.logText().contains(QStringLiteral("does not exist")), qPrintable(w.logText()));

        // Keep a picture of the page as a build artefact.
        w.resize(1100, 700);
        QTest::qWait(50);
        QVERIFY(w.grab().save(QStringLiteral("roles.png")));
        w.close();
    }

    void unreachableDestinationIsReported()
    {
        DestinationTarget t;
        t.conninfo = QStringLiteral("host=127.0.0.1 port=1 dbname=x connect_timeout=2");
        PasswordStore passwords;
        DestinationService service(t, &passwords);
        RolesPage page(&service);
        // The load started in the constructor reports through the event loop,
        // which has not run since: this spy sees it.
        QSignalSpy loaded(&page, &RolesPage::loaded);
        QVERIFY(waitForSignals(loaded));
        QCOMPARE(loaded.first().first().toBool(), false);
        QVERIFY2(page.messageText().contains(QStringLiteral("127.0.0.1")), qPrintable(page.messageText()));
        QCOMPARE(page.model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestStudioRoles)
#include "tst_studio_roles.moc"
