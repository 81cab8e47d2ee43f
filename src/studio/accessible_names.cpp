// SPDX-License-Identifier: PostgreSQL
#include "accessible_names.h"

#include <QLabel>
#include <QRegularExpression>

void nameFieldsByTheirLabels(QWidget *root)
{
    static const QRegularExpression mnemonic(QStringLiteral("&(?!&)"));
    for (QLabel *label : root->findChildren<QLabel *>()) {
        QWidget *buddy = label->buddy();
        if (!buddy || !buddy->accessibleName().isEmpty())
            continue;
        QString name = label->text();
        name.remove(mnemonic);
        if (name.endsWith(QLatin1Char(':')))
            name.chop(1);
        buddy->setAccessibleName(name);
    }
}
