// SPDX-License-Identifier: PostgreSQL
#include "password_flow.h"

#include "password_store.h"
#include "passworddialog.h"

#include <QCoreApplication>
#include <QPointer>
#include <QWidget>

namespace {

// A user who keeps typing wrong passwords gets the error after this many.
constexpr int kMaxPrompts = 3;

void attempt(const PasswordRequest &req, const std::optional<QString> &password, int prompts,
             const PasswordWork &work, const std::function<void(const QVariant &)> &done,
             const std::function<void(const TaskError &)> &failed)
{
    auto *task = BackgroundTask::start([work, password] { return work(password); });
    QObject *context = req.parent ? static_cast<QObject *>(req.parent) : static_cast<QObject *>(req.store);
    QObject::connect(task, &BackgroundTask::finished, context, [done](const QVariant &v) { done(v); });
    QObject::connect(task, &BackgroundTask::failedWith, context,
                     [req, password, prompts, work, done, failed](const TaskError &e) {
        const bool ask = e.passwordNeeded || (e.passwordRefused && password);
        if (!ask || prompts >= kMaxPrompts) {
            failed(e);
            return;
        }
        const QString problem = e.passwordRefused
            ? QCoreApplication::translate("PasswordFlow", "The server refused the password.")
            : QString();
        const auto answer = PasswordDialog::ask(req.parent, req.what, problem, req.store->keychainAvailable());
        if (!answer) {
            failed(e);
            return;
        }
        if (answer->save)
            req.store->write(req.key, answer->password);
        else
            req.store->remember(req.key, answer->password);
        attempt(req, answer->password, prompts + 1, work, done, failed);
    });
}

} // namespace

void runWithPassword(const PasswordRequest &request, PasswordWork work, std::function<void(const QVariant &)> done,
                     std::function<void(const TaskError &)> failed)
{
    QObject *context = request.parent ? static_cast<QObject *>(request.parent) : static_cast<QObject *>(request.store);
    request.store->read(request.key, context, [request, work, done, failed](const std::optional<QString> &pw) {
        attempt(request, pw, 0, work, done, failed);
    });
}
