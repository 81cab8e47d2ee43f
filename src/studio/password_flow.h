// SPDX-License-Identifier: PostgreSQL
#pragma once
// The one way the application connects where a password may be needed:
// take it from this session or the keychain, run the work off the GUI
// thread, and when the server asks for a password (or refuses the one
// given) ask the user, save or remember the answer, and try again.
#include "background_task.h"

#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

class PasswordStore;
class QWidget;

struct PasswordRequest {
    PasswordStore *store = nullptr;
    QString key;   // keychain key (catalog/secret_keys.h)
    QString what;  // for the prompt: "source 3 (repl@db1/shop)"
    QWidget *parent = nullptr; // parent of the prompt; also the context: nothing runs after it is gone
};

using PasswordWork = std::function<QVariant(const std::optional<QString> &password)>; // runs off the GUI thread

void runWithPassword(const PasswordRequest &request, PasswordWork work, std::function<void(const QVariant &)> done,
                     std::function<void(const TaskError &)> failed);
