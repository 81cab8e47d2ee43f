// SPDX-License-Identifier: PostgreSQL
#include "sourcespage.h"

#include "catalog/source_probe.h"
#include "password_store.h"
#include "sourcedialog.h"
#include "sources_model.h"
#include "ui_sourcespage.h"

#include <QHeaderView>
#include <QMessageBox>

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

struct SourceTest {
    mimeo::catalog::SourceProbe probe;
    QString connectedTo;
};

// The same facts as `mimeo source test`, for people.
QString describeProbe(int id, const SourceTest &t)
{
    const auto &p = t.probe;
    QStringList lines;
    lines << SourcesPage::tr("Source %1: connected to %2").arg(id).arg(t.connectedTo);
    lines << SourcesPage::tr("Server: PostgreSQL %1, %2")
                 .arg(q(p.serverVersion), p.standby ? SourcesPage::tr("standby") : SourcesPage::tr("primary"));
    lines << SourcesPage::tr("Role: %1%2").arg(q(p.role), p.superuser ? SourcesPage::tr(" (superuser)") : QString());
    lines << SourcesPage::tr("Tables: %1, readable %2, triggers allowed on %3")
                 .arg(p.tables)
                 .arg(p.selectable)
                 .arg(p.triggerable);
    const QString queue = !p.queueSchemaExists ? SourcesPage::tr("missing")
        : p.queueSchemaCreate                  ? SourcesPage::tr("ok")
                                               : SourcesPage::tr("no CREATE privilege");
    lines << SourcesPage::tr("Schema %1 for dml/logdel queues: %2").arg(q(p.queueSchema), queue);
    if (p.standby)
        lines << SourcesPage::tr("Note: a standby's statistics never move, so snap refreshes always pull; dml and "
                                 "logdel cannot be set up on a standby.");
    if (!p.trackCounts)
        lines << SourcesPage::tr("Note: track_counts is off, so snap cannot tell whether a table changed.");
    if (p.missing.empty()) {
        lines << SourcesPage::tr("Privileges: everything every replication type needs.");
    } else {
        lines << SourcesPage::tr("Missing privileges:");
        for (const auto &m : p.missing) {
            lines << SourcesPage::tr("  %1 (for %2)").arg(q(m.what), q(m.neededFor));
            lines << SourcesPage::tr("    fix: %1").arg(q(m.fix));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

SourcesPage::SourcesPage(DestinationService *service, QWidget *parent)
    : QWidget(parent)
    , ui_(std::make_unique<Ui::SourcesPage>())
    , service_(service)
    , model_(new SourcesModel(this))
{
    ui_->setupUi(this);
    auto title = [this] { setWindowTitle(tr("Sources – %1").arg(service_->displayName())); };
    title();
    connect(service_, &DestinationService::loaded, this, title);
    ui_->sourcesView->setModel(model_);
    ui_->sourcesView->horizontalHeader()->setStretchLastSection(true);
    ui_->sourcesView->verticalHeader()->hide();
    ui_->splitter->setStretchFactor(0, 2);
    ui_->splitter->setStretchFactor(1, 1);
    connect(ui_->addButton, &QPushButton::clicked, this, &SourcesPage::addSource);
    connect(ui_->editButton, &QPushButton::clicked, this, &SourcesPage::editSource);
    connect(ui_->removeButton, &QPushButton::clicked, this, &SourcesPage::removeSource);
    connect(ui_->testButton, &QPushButton::clicked, this, &SourcesPage::testSource);
    connect(ui_->reloadButton, &QPushButton::clicked, this, &SourcesPage::reload);
    connect(ui_->sourcesView, &QAbstractItemView::doubleClicked, this, &SourcesPage::editSource);
    reload();
}

SourcesPage::~SourcesPage() = default;

QString SourcesPage::messageText() const { return ui_->messageLabel->text(); }
QString SourcesPage::testText() const { return ui_->testOutput->toPlainText(); }

PasswordStore *SourcesPage::store() const { return service_->passwords(); }

QString SourcesPage::keyOf(int sourceId) const { return service_->sourcePasswordKey(sourceId); }

void SourcesPage::showMessage(bool ok, const QString &text)
{
    ui_->messageLabel->setText(text);
    ui_->messageLabel->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020;"));
}

bool SourcesPage::selectSource(int sourceId)
{
    for (int r = 0; r < model_->rowCount(); ++r) {
        if (model_->at(r).record.id == sourceId) {
            ui_->sourcesView->selectRow(r);
            return true;
        }
    }
    return false;
}

int SourcesPage::selectedSourceId() const
{
    const auto rows = ui_->sourcesView->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : model_->at(rows.first().row()).record.id;
}

void SourcesPage::reload()
{
    const DestinationTarget t = service_->target();
    reloading_.run(this, [t] {
        auto conn = t.connect("sources");
        mimeo::catalog::SourceRegistry reg(conn, t.schema.toStdString());
        std::vector<SourceRow> rows;
        for (auto &s : reg.list())
            rows.push_back({s, reg.tablesUsing(s.id)});
        return rows;
    }, [this](std::vector<SourceRow> rows) {
        const int selected = selectedSourceId();
        model_->setRows(std::move(rows));
        ui_->sourcesView->resizeColumnsToContents();
        if (selected)
            selectSource(selected);
        else if (model_->rowCount() > 0)
            ui_->sourcesView->selectRow(0);
        // Show which passwords the keychain holds (reads are cheap and asynchronous).
        for (int r = 0; r < model_->rowCount(); ++r) {
            const int id = model_->at(r).record.id;
            store()->read(keyOf(id), this, [this, id](const std::optional<QString> &pw) {
                model_->setInKeychain(id, pw.has_value());
            });
        }
        emit loaded(true);
    }, [this](const TaskError &error) {
        showMessage(false, error.message);
        emit loaded(false);
    });
}

void SourcesPage::storePassword(int sourceId, const std::optional<QString> &password, bool save)
{
    if (!password)
        return;
    if (save)
        store()->write(keyOf(sourceId), *password, this, [this, sourceId](bool inKeychain) {
            model_->setInKeychain(sourceId, inKeychain);
        });
    else
        store()->remember(keyOf(sourceId), *password);
}

void SourcesPage::changed(bool ok, const QString &text)
{
    showMessage(ok, text);
    if (ok) {
        reload();
        service_->catalogChanged(); // the navigator shows the new state
    }
    emit changeFinished(ok);
}

void SourcesPage::addSource()
{
    SourceDialog dialog(store()->keychainAvailable(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::optional<QString> password = dialog.password();
    const bool save = dialog.savePassword();
    showMessage(true, tr("Adding the source…"));
    service_->addSource(dialog.conninfo(), dialog.user(), password, save, this, [this](int id, bool inKeychain) {
        changed(true, tr("Source %1 added.").arg(id));
        model_->setInKeychain(id, inKeychain);
    }, [this](const TaskError &error) { changed(false, error.message); });
}

void SourcesPage::editSource()
{
    const int id = selectedSourceId();
    const SourceRow *row = model_->rowFor(id);
    if (!row) {
        showMessage(false, tr("Select a source first."));
        return;
    }
    if (!row->record.passwordInDataSource) {
        editRecord(row->record); // the list's data_source is the stored one
        return;
    }
    // The list masks the password inside data_source; the dialog gets the
    // stored text and takes the password out into its password field.
    const DestinationTarget t = service_->target();
    runTask(this, [t, id] {
        auto conn = t.connect("source-edit");
        return mimeo::catalog::SourceRegistry(conn, t.schema.toStdString()).get(id);
    }, [this](const mimeo::catalog::SourceRecord &stored) { editRecord(stored); },
        [this](const TaskError &error) { changed(false, error.message); });
}

void SourcesPage::editRecord(const mimeo::catalog::SourceRecord &stored)
{
    const int id = stored.id;
    SourceDialog dialog(store()->keychainAvailable(), this);
    dialog.setSource(id, q(stored.dataSource), q(stored.username));
    if (dialog.exec() != QDialog::Accepted)
        return;
    mimeo::catalog::SourceRecord record = stored;
    record.dataSource = dialog.conninfo().toStdString();
    record.username = dialog.user().toStdString();
    const auto password = dialog.password();
    const bool save = dialog.savePassword();
    const DestinationTarget t = service_->target();
    runTask(this, [t, record] {
        auto conn = t.connect("source-edit");
        mimeo::catalog::SourceRegistry reg(conn, t.schema.toStdString());
        reg.update(record);
    }, [this, id, password, save] {
        storePassword(id, password, save);
        changed(true, tr("Source %1 saved.").arg(id));
    }, [this](const TaskError &error) { changed(false, error.message); });
}

void SourcesPage::removeSource()
{
    const int id = selectedSourceId();
    if (!id) {
        showMessage(false, tr("Select a source first."));
        return;
    }
    if (QMessageBox::question(this, tr("Remove Source"),
                              tr("Remove source %1 from the catalog? Its password is removed from the keychain too.")
                                  .arg(id))
        != QMessageBox::Yes)
        return;
    const DestinationTarget t = service_->target();
    runTask(this, [t, id] {
        auto conn = t.connect("source-remove");
        mimeo::catalog::SourceRegistry reg(conn, t.schema.toStdString());
        reg.remove(id); // refused, naming the tables, while any uses it
    }, [this, id] {
        store()->remove(keyOf(id));
        changed(true, tr("Source %1 removed.").arg(id));
    }, [this](const TaskError &error) { changed(false, error.message); });
}

void SourcesPage::testSource()
{
    const int id = selectedSourceId();
    const SourceRow *row = model_->rowFor(id);
    if (!row) {
        showMessage(false, tr("Select a source first."));
        return;
    }
    ui_->testButton->setEnabled(false);
    ui_->testOutput->setPlainText(tr("Connecting to source %1…").arg(id));
    const DestinationTarget t = service_->target();
    PasswordRequest req{store(), keyOf(id),
                        tr("source %1 (%2 as %3)").arg(id).arg(q(row->record.dataSource), q(row->record.username)),
                        this};
    runWithPassword(
        req,
        [t, id](const std::optional<QString> &password) {
            auto conn = t.connect("source-test");
            const std::string schema = t.schema.toStdString();
            mimeo::catalog::SourceRegistry reg(conn, schema);
            const auto record = reg.get(id);
            std::optional<std::string> pw;
            if (password)
                pw = password->toStdString();
            auto src = mimeo::catalog::connectSource(reg, record, "mimeo-studio:source-test", pw);
            return SourceTest{mimeo::catalog::probeSource(src, schema), q(src.describe())};
        },
        [this, id](const SourceTest &test) {
            ui_->testButton->setEnabled(true);
            ui_->testOutput->setPlainText(describeProbe(id, test));
            emit testFinished(true);
        },
        [this, id](const TaskError &e) {
            ui_->testButton->setEnabled(true);
            ui_->testOutput->setPlainText(tr("Source %1 could not be reached:\n%2").arg(id).arg(e.message));
            emit testFinished(false);
        });
}
