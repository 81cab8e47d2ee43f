// SPDX-License-Identifier: PostgreSQL
#pragma once
// How to reach a PostgreSQL server, three ways: server fields (host, port,
// database, user, sslmode, root certificate), a libpq service name, or a
// pasted conninfo/URI. Used by the destination and the source dialogs.
// A password never stays in the conninfo: one pasted there is taken out and
// handed to the dialog (passwordFound), which keeps it in the keychain.
#include <QWidget>

#include <memory>

namespace Ui {
class ConnectionFields;
}

class ConnectionFields : public QWidget {
    Q_OBJECT
public:
    enum Mode { ServerMode = 0, ServiceMode = 1, ConninfoMode = 2 };

    explicit ConnectionFields(QWidget *parent = nullptr);
    ~ConnectionFields() override;

    // The conninfo the fields describe, never with a password. Server and
    // service modes give key='value' pairs; the pasted text is kept as typed.
    QString conninfo() const;
    // Shows conninfo in the mode that fits it best (server fields when it
    // has only those keys, service when only a service, else as text).
    void setConninfo(const QString &conninfo);

    // Sources keep the user apart from the conninfo (mimeo's username column).
    void setUserFieldVisible(bool visible);

    Mode mode() const;
    void setMode(Mode mode);

    // libpq's complaint about the conninfo, or empty when it parses.
    QString problem() const;

signals:
    void passwordFound(const QString &password);
    void changed();

private:
    void takePasswordFromConninfo();

    std::unique_ptr<Ui::ConnectionFields> ui_;
    bool userFieldVisible_ = true;
};
