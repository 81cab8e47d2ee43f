// SPDX-License-Identifier: PostgreSQL
#include "connectionfields.h"

#include "pg/conninfo.h"
#include "ui_connectionfields.h"

#include <QFileDialog>

#include <set>

using mimeo::pg::ConnOptions;

namespace {

const char *const kSslModes[] = {"prefer", "disable", "allow", "require", "verify-ca", "verify-full"};

QString fromStd(const std::string &s) { return QString::fromStdString(s); }

} // namespace

ConnectionFields::ConnectionFields(QWidget *parent)
    : QWidget(parent)
    , ui_(std::make_unique<Ui::ConnectionFields>())
{
    ui_->setupUi(this);
    for (const char *m : kSslModes)
        ui_->sslmodeCombo->addItem(QString::fromLatin1(m));
    connect(ui_->rootCertBrowse, &QToolButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Root Certificate"), ui_->rootCertEdit->text(),
                                                       tr("Certificates (*.crt *.pem);;All files (*)"));
        if (!f.isEmpty())
            ui_->rootCertEdit->setText(f);
    });
    connect(ui_->conninfoEdit, &QLineEdit::editingFinished, this, &ConnectionFields::takePasswordFromConninfo);
    for (auto *e : {ui_->hostEdit, ui_->databaseEdit, ui_->userEdit, ui_->rootCertEdit, ui_->serviceEdit, ui_->conninfoEdit})
        connect(e, &QLineEdit::textChanged, this, &ConnectionFields::changed);
    connect(ui_->portSpin, &QSpinBox::valueChanged, this, &ConnectionFields::changed);
    connect(ui_->sslmodeCombo, &QComboBox::currentIndexChanged, this, &ConnectionFields::changed);
    connect(ui_->modeTabs, &QTabWidget::currentChanged, this, &ConnectionFields::changed);
}

ConnectionFields::~ConnectionFields() = default;

ConnectionFields::Mode ConnectionFields::mode() const { return static_cast<Mode>(ui_->modeTabs->currentIndex()); }

void ConnectionFields::setMode(Mode mode) { ui_->modeTabs->setCurrentIndex(mode); }

void ConnectionFields::setUserFieldVisible(bool visible)
{
    userFieldVisible_ = visible;
    ui_->userLabel->setVisible(visible);
    ui_->userEdit->setVisible(visible);
}

void ConnectionFields::takePasswordFromConninfo()
{
    // A pasted URI often carries the password; it must not be stored with
    // the conninfo (settings, catalog), so move it out at once.
    const QString text = ui_->conninfoEdit->text().trimmed();
    ConnOptions opts;
    try {
        opts = mimeo::pg::parseConninfo(text.toStdString());
    } catch (const std::exception &) {
        return; // problem() reports it when the dialog is accepted
    }
    const auto pw = mimeo::pg::findOption(opts, "password");
    if (!pw)
        return;
    mimeo::pg::removeOption(opts, "password");
    ui_->conninfoEdit->setText(fromStd(mimeo::pg::toKeywordValueString(opts)));
    emit passwordFound(fromStd(*pw));
}

QString ConnectionFields::conninfo() const
{
    ConnOptions opts;
    switch (mode()) {
    case ServerMode: {
        auto set = [&opts](const char *key, const QString &value) {
            if (!value.trimmed().isEmpty())
                opts.emplace_back(key, value.trimmed().toStdString());
        };
        set("host", ui_->hostEdit->text());
        if (ui_->portSpin->value() != 5432)
            set("port", QString::number(ui_->portSpin->value()));
        set("dbname", ui_->databaseEdit->text());
        if (userFieldVisible_)
            set("user", ui_->userEdit->text());
        if (ui_->sslmodeCombo->currentIndex() > 0)
            set("sslmode", ui_->sslmodeCombo->currentText());
        set("sslrootcert", ui_->rootCertEdit->text());
        return fromStd(mimeo::pg::toKeywordValueString(opts));
    }
    case ServiceMode:
        if (!ui_->serviceEdit->text().trimmed().isEmpty())
            opts.emplace_back("service", ui_->serviceEdit->text().trimmed().toStdString());
        return fromStd(mimeo::pg::toKeywordValueString(opts));
    case ConninfoMode:
        break;
    }
    const QString text = ui_->conninfoEdit->text().trimmed();
    try {
        opts = mimeo::pg::parseConninfo(text.toStdString());
        if (mimeo::pg::findOption(opts, "password")) {
            mimeo::pg::removeOption(opts, "password");
            return fromStd(mimeo::pg::toKeywordValueString(opts));
        }
    } catch (const std::exception &) {
    }
    return text;
}

void ConnectionFields::setConninfo(const QString &conninfo)
{
    ConnOptions opts;
    try {
        opts = mimeo::pg::parseConninfo(conninfo.toStdString());
    } catch (const std::exception &) {
        ui_->conninfoEdit->setText(conninfo);
        setMode(ConninfoMode);
        return;
    }
    // A stored conninfo may carry a password (mimeo's data_source can): it
    // goes to the password field, never into a line edit in plain text.
    if (const auto pw = mimeo::pg::findOption(opts, "password")) {
        mimeo::pg::removeOption(opts, "password");
        setConninfo(fromStd(mimeo::pg::toKeywordValueString(opts)));
        emit passwordFound(fromStd(*pw));
        return;
    }
    static const std::set<std::string> serverKeys = {"host", "port", "dbname", "user", "sslmode", "sslrootcert"};
    bool onlyServerKeys = !opts.empty();
    for (const auto &[k, v] : opts)
        onlyServerKeys = onlyServerKeys && serverKeys.count(k);
    if (opts.size() == 1 && opts.front().first == "service") {
        ui_->serviceEdit->setText(fromStd(opts.front().second));
        setMode(ServiceMode);
        return;
    }
    bool portOk = true;
    if (auto p = mimeo::pg::findOption(opts, "port"))
        QString::fromStdString(*p).toInt(&portOk);
    if (!onlyServerKeys || !portOk) {
        ui_->conninfoEdit->setText(conninfo);
        setMode(ConninfoMode);
        return;
    }
    auto get = [&opts](const char *k) { return fromStd(mimeo::pg::findOption(opts, k).value_or(std::string())); };
    ui_->hostEdit->setText(get("host"));
    ui_->portSpin->setValue(get("port").isEmpty() ? 5432 : get("port").toInt());
    ui_->databaseEdit->setText(get("dbname"));
    ui_->userEdit->setText(get("user"));
    const int ssl = ui_->sslmodeCombo->findText(get("sslmode"));
    ui_->sslmodeCombo->setCurrentIndex(ssl < 0 ? 0 : ssl);
    ui_->rootCertEdit->setText(get("sslrootcert"));
    setMode(ServerMode);
}

QString ConnectionFields::problem() const
{
    if (mode() == ServiceMode && ui_->serviceEdit->text().trimmed().isEmpty())
        return tr("Enter the name of a service.");
    try {
        mimeo::pg::parseConninfo(conninfo().toStdString());
    } catch (const std::exception &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}
