// SPDX-License-Identifier: PostgreSQL
#include "rolespage.h"

#include "catalog/roles.h"
#include "roles_model.h"
#include "rolesqldialog.h"
#include "ui_rolespage.h"

#include <QHeaderView>
#include <QItemSelectionModel>

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

QStringList toQStringList(const std::vector<std::string> &v)
{
    QStringList out;
    out.reserve(static_cast<qsizetype>(v.size()));
    for (const auto &s : v)
        out << q(s);
    return out;
}

std::vector<std::string> toStdVector(const QStringList &l)
{
    std::vector<std::string> out;
    out.reserve(static_cast<size_t>(l.size()));
    for (const auto &s : l)
        out.push_back(s.toStdString());
    return out;
}

} // namespace

RolesPage::RolesPage(DestinationService *service, QWidget *parent)
    : QWidget(parent)
    , ui_(std::make_unique<Ui::RolesPage>())
    , service_(service)
    , model_(new RolesModel(this))
{
    ui_->setupUi(this);
    auto title = [this] { setWindowTitle(tr("Roles – %1").arg(service_->displayName())); };
    title();
    connect(service_, &DestinationService::loaded, this, title);
    const std::string schema = service_->schema().toStdString();
    ui_->infoLabel->setText(tr("Monitors read the catalog and the job log, but not the stored passwords; operators "
                               "also edit the configuration and run makes and refreshes. Access goes through two "
                               "group roles of this catalog, %1 and %2. Every change shows its SQL before it runs.")
                                .arg(q(mimeo::catalog::monitorGroup(schema)), q(mimeo::catalog::operatorGroup(schema))));
    ui_->rolesView->setModel(model_);
    ui_->rolesView->horizontalHeader()->setStretchLastSection(true);
    ui_->rolesView->verticalHeader()->hide();
    connect(ui_->monitorButton, &QPushButton::clicked, this, &RolesPage::makeMonitor);
    connect(ui_->operatorButton, &QPushButton::clicked, this, &RolesPage::makeOperator);
    connect(ui_->revokeButton, &QPushButton::clicked, this, &RolesPage::revoke);
    connect(ui_->reloadButton, &QPushButton::clicked, this, &RolesPage::reload);
    connect(ui_->rolesView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RolesPage::updateButtons);
    updateButtons();
    reload();
}

RolesPage::~RolesPage() = default;

QString RolesPage::messageText() const { return ui_->messageLabel->text(); }

void RolesPage::showMessage(bool ok, const QString &text)
{
    ui_->messageLabel->setText(text);
    ui_->messageLabel->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020;"));
}

void RolesPage::setBusy(bool busy)
{
    busy_ = busy;
    updateButtons();
}

void RolesPage::updateButtons()
{
    const RoleRow *row = model_->rowFor(selectedRole());
    ui_->monitorButton->setEnabled(!busy_ && row);
    ui_->operatorButton->setEnabled(!busy_ && row);
    ui_->revokeButton->setEnabled(!busy_ && row && (row->monitor || row->operatorMember));
}

bool RolesPage::selectRole(const QString &name)
{
    const int r = model_->rowOf(name);
    if (r < 0)
        return false;
    ui_->rolesView->selectRow(r);
    return true;
}

QString RolesPage::selectedRole() const
{
    const auto rows = ui_->rolesView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : model_->at(rows.first().row()).name;
}

void RolesPage::reload()
{
    const DestinationTarget t = service_->target();
    // A later reload wins: an older answer is dropped.
    reloading_.run(this, [t] {
        auto conn = t.connect("roles");
        return toRoleRows(mimeo::catalog::listLoginRoles(conn, t.schema.toStdString()));
    }, [this](std::vector<RoleRow> rows) {
        const QString selected = selectedRole();
        model_->setRows(std::move(rows));
        ui_->rolesView->resizeColumnsToContents();
        if (selected.isEmpty() || !selectRole(selected))
            ui_->rolesView->clearSelection();
        updateButtons();
        emit loaded(true);
    }, [this](const TaskError &error) {
        showMessage(false, tr("Could not read the roles: %1").arg(error.message));
        emit loaded(false);
    });
}

void RolesPage::startChange(Change change)
{
    const QString role = selectedRole();
    if (role.isEmpty()) {
        showMessage(false, tr("Select a role first."));
        return;
    }
    if (busy_)
        return;
    setBusy(true);
    showMessage(true, tr("Working out the statements for %1…").arg(role));
    const DestinationTarget t = service_->target();
    runTask(this, [t, role, change] {
        auto conn = t.connect("roles-plan");
        const std::string schema = t.schema.toStdString();
        const std::string name = role.toStdString();
        std::vector<std::string> sql;
        switch (change) {
        case Change::Monitor:
            sql = mimeo::catalog::planGrant(conn, schema, name, mimeo::catalog::RoleLevel::Monitor);
            break;
        case Change::Operator:
            sql = mimeo::catalog::planGrant(conn, schema, name, mimeo::catalog::RoleLevel::Operator);
            break;
        case Change::Revoke:
            sql = mimeo::catalog::planRevoke(conn, schema, name);
            break;
        }
        return toQStringList(sql);
    }, [this, change, role](const QStringList &statements) {
        // Ask from the event loop, not from inside the task's signal.
        QMetaObject::invokeMethod(this, [this, change, role, statements] { confirmAndRun(change, role, statements); },
                                  Qt::QueuedConnection);
    }, [this, role](const TaskError &error) {
        setBusy(false);
        showMessage(false, tr("Could not prepare the change for %1: %2").arg(role, error.message));
        reload();
        emit changeFinished(false);
    });
}

void RolesPage::confirmAndRun(Change change, const QString &role, const QStringList &statements)
{
    const QString schema = service_->schema();
    if (statements.isEmpty()) {
        setBusy(false);
        showMessage(true, tr("%1 is in neither group of catalog %2: nothing to do.").arg(role, schema));
        emit changeCancelled();
        return;
    }
    const std::string s = schema.toStdString();
    QString summary;
    QString done;
    switch (change) {
    case Change::Monitor:
        summary = tr("Make %1 a monitor of catalog %2: it may read the configuration and the job log (not the "
                     "stored passwords), as a member of %3.")
                      .arg(role, schema, q(mimeo::catalog::monitorGroup(s)));
        done = tr("%1 is now a monitor of catalog %2.").arg(role, schema);
        break;
    case Change::Operator:
        summary = tr("Make %1 an operator of catalog %2: it may also edit the configuration and run makes and "
                     "refreshes, as a member of %3. That group becomes the owner of the replicated tables.")
                      .arg(role, schema, q(mimeo::catalog::operatorGroup(s)));
        done = tr("%1 is now an operator of catalog %2.").arg(role, schema);
        break;
    case Change::Revoke:
        summary = tr("Take %1 out of the monitor and operator groups of catalog %2.").arg(role, schema);
        done = tr("%1 is no longer a monitor or operator of catalog %2.").arg(role, schema);
        break;
    }
    RoleSqlDialog dialog(summary, statements, this);
    if (dialog.exec() != QDialog::Accepted) {
        setBusy(false);
        showMessage(true, tr("Cancelled: nothing was changed."));
        emit changeCancelled();
        return;
    }
    showMessage(true, tr("Running %n statement(s)…", nullptr, static_cast<int>(statements.size())));
    const DestinationTarget t = service_->target();
    const std::vector<std::string> sql = toStdVector(statements);
    runTask(this, [t, sql] {
        auto conn = t.connect("roles-apply");
        mimeo::catalog::applyStatements(conn, sql); // one transaction: all or nothing
    }, [this, done] {
        setBusy(false);
        showMessage(true, done);
        reload();
        emit changeFinished(true);
    }, [this](const TaskError &error) {
        setBusy(false);
        showMessage(false, tr("The change failed and nothing was changed: %1").arg(error.message));
        reload();
        emit changeFinished(false);
    });
}
