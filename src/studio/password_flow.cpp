// SPDX-License-Identifier: PostgreSQL
#include "password_flow.h"

#include "password_store.h"
#include "passworddialog.h"

#include <QCoreApplication>
#include <QWidget>

namespace {

// A user who keeps typing wrong passwords gets the error after this many.
constexpr int kMaxPrompts = 3;

} // namespace

QObject *PasswordRequest::context() const
{
    if (receiver)
        return receiver;
    return parent ? static_cast<QObject *>(parent) : static_cast<QObject *>(store);
}

namespace password_flow {

void readPassword(const PasswordRequest &request, std::function<void(const std::optional<QString> &)> done)
{
    request.store->read(request.key, request.context(), std::move(done));
}

std::optional<QString> nextPassword(const PasswordRequest &req, const TaskError &e, bool hadPassword, int prompts)
{
    const bool ask = e.passwordNeeded || (e.passwordRefused && hadPassword);
    if (!ask || prompts >= kMaxPrompts)
        return std::nullopt;
    const QString problem = e.passwordRefused
        ? QCoreApplication::translate("PasswordFlow", "The server refused the password.")
        : QString();
    const auto answer = PasswordDialog::ask(req.parent, req.what, problem, req.store->keychainAvailable());
    if (!answer)
        return std::nullopt;
    if (answer->save)
        req.store->write(req.key, answer->password);
    else
        req.store->remember(req.key, answer->password);
    return answer->password;
}

} // namespace password_flow
