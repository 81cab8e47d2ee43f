// SPDX-License-Identifier: PostgreSQL
#include "config_delegate.h"

#include "catalog/config_tables.h"
#include "config_model.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QPersistentModelIndex>

using mimeo::catalog::ColumnKind;

namespace {

std::optional<ColumnKind> kindOf(const QModelIndex &index)
{
    const int k = index.data(ConfigTableModel::KindRole).toInt();
    if (!index.isValid() || k < 0 || index.column() == ConfigTableModel::StateColumn)
        return std::nullopt;
    return static_cast<ColumnKind>(k);
}

QString columnOf(const QModelIndex &index) { return index.data(ConfigTableModel::ColumnNameRole).toString(); }

} // namespace

ConfigDelegate::ConfigDelegate(ConfigTableModel *model, QObject *parent)
    : QStyledItemDelegate(parent)
    , model_(model)
{
}

bool ConfigDelegate::usesDialog(const QModelIndex &index)
{
    const auto kind = kindOf(index);
    return kind && (*kind == ColumnKind::TextArray || columnOf(index) == QLatin1String("condition"));
}

QWidget *ConfigDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto kind = kindOf(index);
    if (!kind || *kind == ColumnKind::Boolean)
        return nullptr;
    if (usesDialog(index)) {
        // A cell is too small for these; the page opens a dialog once the
        // view is done asking for an editor.
        const QPersistentModelIndex persistent(index);
        QMetaObject::invokeMethod(const_cast<ConfigDelegate *>(this), [this, persistent] {
            if (persistent.isValid())
                emit dialogRequested(persistent);
        }, Qt::QueuedConnection);
        return nullptr;
    }
    const QString column = columnOf(index);
    if (column == QLatin1String("dblink")) {
        auto *combo = new QComboBox(parent);
        for (const auto &s : model_->sources())
            combo->addItem(tr("%1: %2 as %3")
                               .arg(s.id)
                               .arg(QString::fromStdString(s.dataSource), QString::fromStdString(s.username)),
                           s.id);
        return combo;
    }
    if (*kind == ColumnKind::Timestamptz) {
        auto *edit = new QDateTimeEdit(parent);
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
        edit->setCalendarPopup(true);
        return edit;
    }
    auto *edit = new QLineEdit(parent);
    // Say what is wrong while the user types; setData refuses it for good.
    const std::string type = index.data(ConfigTableModel::TypeRole).toString().toStdString();
    const std::string col = column.toStdString();
    const bool nullable = index.data(ConfigTableModel::NullableRole).toBool();
    connect(edit, &QLineEdit::textEdited, this, [this, edit, type, col, nullable](const QString &text) {
        std::optional<std::string> v;
        if (!text.trimmed().isEmpty() || !nullable)
            v = text.toStdString();
        const auto why = mimeo::catalog::checkConfigValue(col, type, v);
        edit->setStyleSheet(why ? QStringLiteral("color: #b00020;") : QString());
        edit->setToolTip(why ? QString::fromStdString(*why) : QString());
        emit hint(why ? QString::fromStdString(*why) : QString());
    });
    Q_UNUSED(option);
    return edit;
}

void ConfigDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int i = combo->findData(index.data(Qt::EditRole).toInt());
        combo->setCurrentIndex(i < 0 ? 0 : i);
        return;
    }
    if (auto *dt = qobject_cast<QDateTimeEdit *>(editor)) {
        const QDateTime v = index.data(Qt::EditRole).toDateTime();
        dt->setDateTime(v.isValid() ? v : QDateTime::currentDateTimeUtc());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ConfigDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, QString::number(combo->currentData().toInt()));
        return;
    }
    if (auto *dt = qobject_cast<QDateTimeEdit *>(editor)) {
        model->setData(index, dt->dateTime());
        return;
    }
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        model->setData(index, line->text());
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}
