// SPDX-License-Identifier: PostgreSQL
#include "source_tables_model.h"

#include <QColor>
#include <QLocale>

QString formatBytes(qint64 bytes)
{
    if (bytes < 0)
        return {};
    return QLocale().formattedDataSize(bytes);
}

QString relationKindName(char relkind)
{
    switch (relkind) {
    case 'r': return SourceTablesModel::tr("table");
    case 'p': return SourceTablesModel::tr("partitioned table");
    case 'v': return SourceTablesModel::tr("view");
    case 'm': return SourceTablesModel::tr("materialized view");
    case 'f': return SourceTablesModel::tr("foreign table");
    }
    return QString(QLatin1Char(relkind));
}

SourceTablesModel::SourceTablesModel(PageReader reader, QObject *parent)
    : PagedModel(parent)
    , reader_(std::move(reader))
{
}

void SourceTablesModel::setQuery(const QString &schema, const QString &filter)
{
    schema_ = schema.toStdString();
    filter_ = filter.toStdString();
    startOver();
}

void SourceTablesModel::readPage(bool first, LatestTask::Ticket ticket)
{
    reader_(schema_, filter_, static_cast<int>(rows_.size()), kPageSize,
            [this, ticket, first](mimeo::setup::RelationPage page) {
                pageArrived(ticket, first, std::move(page.rows), page.more);
            },
            [this, ticket](const TaskError &e) { pageFailed(ticket, e.message); });
}

int SourceTablesModel::rowOf(const mimeo::pg::QualifiedName &name) const
{
    for (size_t r = 0; r < rows_.size(); ++r)
        if (rows_[r].schema == name.schema && rows_[r].name == name.name)
            return static_cast<int>(r);
    return -1;
}

int SourceTablesModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SourceTablesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &r = rows_[static_cast<size_t>(index.row())];
    if (role == Qt::TextAlignmentRole && (index.column() == RowsColumn || index.column() == SizeColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && !r.readable)
        return tr("The source's role may not read this relation.");
    if (role == Qt::ForegroundRole && !r.readable)
        return QVariant::fromValue(QColor(Qt::gray));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SchemaColumn: return QString::fromStdString(r.schema);
    case NameColumn: return QString::fromStdString(r.name);
    case KindColumn: return relationKindName(r.relkind);
    case RowsColumn: return r.estimatedRows < 0 ? QString() : QLocale().toString(static_cast<qlonglong>(r.estimatedRows));
    case SizeColumn: return formatBytes(r.bytes);
    }
    return {};
}

QVariant SourceTablesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SchemaColumn: return tr("Schema");
    case NameColumn: return tr("Name");
    case KindColumn: return tr("Kind");
    case RowsColumn: return tr("Rows (estimate)");
    case SizeColumn: return tr("Size");
    }
    return {};
}
