// SPDX-License-Identifier: PostgreSQL
#pragma once
// The one way the application connects where a password may be needed:
// take it from this session or the keychain, run the work off the GUI
// thread (runTask), and when the server asks for a password (or refuses the
// one given) ask the user, save or remember the answer, and try again.
#include "task_runner.h"

#include <QString>

#include <functional>
#include <optional>

class PasswordStore;
class QWidget;

struct PasswordRequest {
    PasswordStore *store = nullptr;
    QString key;   // keychain key (catalog/secret_keys.h)
    QString what;  // for the prompt: "source 3 (repl@db1/shop)"
    QWidget *parent = nullptr; // parent of the prompt; also the context unless receiver is set
    QObject *receiver = nullptr; // when set, the context: nothing runs after it is gone

    QObject *context() const;
};

namespace password_flow {

// Reads the password under request.key (session memory, then keychain).
void readPassword(const PasswordRequest &request, std::function<void(const std::optional<QString> &)> done);

// After a failed attempt: the password to try next, asked from the user
// (and saved or remembered as they chose), or nullopt when the error is not
// about a password, the user gave up, or asked too often.
std::optional<QString> nextPassword(const PasswordRequest &request, const TaskError &error, bool hadPassword, int prompts);

template <typename Work, typename Done>
void attempt(const PasswordRequest &req, const std::optional<QString> &password, int prompts, Work work, Done done,
             TaskFailed failed)
{
    runTask(req.context(), [work, password] { return work(password); }, done,
            [req, password, prompts, work, done, failed](const TaskError &e) {
                if (auto next = nextPassword(req, e, password.has_value(), prompts))
                    attempt(req, std::optional<QString>(*next), prompts + 1, work, done, failed);
                else if (failed)
                    failed(e);
            });
}

} // namespace password_flow

// work(password) runs off the GUI thread and returns a value (or throws);
// done(value) or failed(error) runs on the GUI thread.
template <typename Work, typename Done>
void runWithPassword(const PasswordRequest &request, Work work, Done done, TaskFailed failed)
{
    password_flow::readPassword(request, [request, work, done, failed](const std::optional<QString> &pw) {
        password_flow::attempt(request, pw, 0, work, done, failed);
    });
}
