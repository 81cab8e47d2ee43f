// SPDX-License-Identifier: PostgreSQL
#include "config_model.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QTimeZone>

using mimeo::catalog::ColumnKind;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

const QColor kEditedBackground(0xff, 0xf3, 0xc4);
const QColor kErrorBackground(0xfd, 0xe0, 0xe0);
const QColor kNotApplicableBackground(0xee, 0xee, 0xee);
const QColor kErrorText(0xb0, 0x00, 0x20);
// Settings that decide what a refresh touches: shown, never edited in place.
const QColor kFixedText(0x6e, 0x6e, 0x6e);

QStringList arrayItems(const std::string &literal)
{
    QStringList out;
    try {
        for (const auto &i : mimeo::catalog::parseTextArray(literal))
            out << q(i);
    } catch (const std::invalid_argument &) {
        out << q(literal);
    }
    return out;
}

// What a column is for, in the words of mimeo's documentation.
QString columnHelp(const std::string &c)
{
    static const std::map<std::string, const char *> help = {
        {"dest_table", QT_TRANSLATE_NOOP("ConfigTableModel", "Destination table (schema.table); identifies the row")},
        {"type", QT_TRANSLATE_NOOP("ConfigTableModel", "Replication type")},
        {"dblink", QT_TRANSLATE_NOOP("ConfigTableModel", "Source (data_source_id in dblink_mapping_mimeo)")},
        {"source_table", QT_TRANSLATE_NOOP("ConfigTableModel", "Source table or view (schema.table)")},
        {"period", QT_TRANSLATE_NOOP("ConfigTableModel", "How often the scheduler refreshes it (interval); empty: never")},
        {"last_run", QT_TRANSLATE_NOOP("ConfigTableModel", "Start of the last successful refresh")},
        {"batch_limit", QT_TRANSLATE_NOOP("ConfigTableModel", "Rows per refresh (incremental, dml, logdel)")},
        {"condition", QT_TRANSLATE_NOOP("ConfigTableModel", "SQL appended to the source query (incremental: must start with WHERE)")},
        {"filter", QT_TRANSLATE_NOOP("ConfigTableModel", "Only these source columns are replicated; empty: all")},
        {"jobmon", QT_TRANSLATE_NOOP("ConfigTableModel",
                                     "A setting of the mimeo extension: whether its own refresh functions on this catalog "
                                     "log to pg_jobmon. Mimeo Studio and the mimeo command do not read it; they record "
                                     "every run in their own job log.")},
        {"control", QT_TRANSLATE_NOOP("ConfigTableModel", "Control column (incremental) or queue table (dml, logdel)")},
        {"boundary", QT_TRANSLATE_NOOP("ConfigTableModel", "How far behind the newest value a refresh stops")},
        {"last_value", QT_TRANSLATE_NOOP("ConfigTableModel", "Highest control value replicated so far")},
        {"dst_active", QT_TRANSLATE_NOOP("ConfigTableModel", "Skip refreshes around the daylight saving change")},
        {"dst_start", QT_TRANSLATE_NOOP("ConfigTableModel", "Start of the daylight saving window (HHMM)")},
        {"dst_end", QT_TRANSLATE_NOOP("ConfigTableModel", "End of the daylight saving window (HHMM)")},
        {"check_stats", QT_TRANSLATE_NOOP("ConfigTableModel", "Skip the pull when the source's statistics show no change")},
        {"post_script", QT_TRANSLATE_NOOP("ConfigTableModel", "SQL statements run after a snapshot refresh")},
        {"truncate_cascade", QT_TRANSLATE_NOOP("ConfigTableModel", "TRUNCATE the destination with CASCADE")},
        {"sequences", QT_TRANSLATE_NOOP("ConfigTableModel", "Destination sequences reset after a refresh")},
        {"insert_on_fetch", QT_TRANSLATE_NOOP("ConfigTableModel",
                                              "A setting of the mimeo extension: whether its own refresh_dml on this "
                                              "catalog inserts each fetched batch before fetching the next. Mimeo Studio "
                                              "and the mimeo command do not read it.")},
        {"pk_name", QT_TRANSLATE_NOOP("ConfigTableModel", "Key columns")},
        {"pk_type", QT_TRANSLATE_NOOP("ConfigTableModel", "Types of the key columns")},
    };
    auto it = help.find(c);
    return it == help.end() ? QString() : ConfigTableModel::tr(it->second);
}

// Columns of mimeo's catalog that only the mimeo extension's own refresh
// functions read. They stay editable (the extension may refresh the same
// tables) but are not presented as settings of ours.
bool extensionOnly(const std::string &c) { return c == "jobmon" || c == "insert_on_fetch"; }

} // namespace

ConfigTableModel::ConfigTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

std::string ConfigTableModel::toServerTimestamp(const QDateTime &dt)
{
    return dt.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'000+00:00'")).toStdString();
}

QDateTime ConfigTableModel::fromServerTimestamp(const std::string &text)
{
    // The core reads microseconds; Qt keeps milliseconds.
    QString t = q(text);
    const int dot = t.indexOf(QLatin1Char('.'));
    const int plus = t.lastIndexOf(QLatin1Char('+'));
    if (dot > 0 && plus > dot)
        t = t.left(dot + 4) + t.mid(plus);
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    return dt.toTimeZone(QTimeZone::utc());
}

void ConfigTableModel::setRecords(std::vector<mimeo::catalog::ConfigRecord> records)
{
    beginResetModel();
    records_ = std::move(records);
    pending_.clear();
    errors_.clear();
    endResetModel();
    emit pendingChanged(false);
}

void ConfigTableModel::setSources(std::vector<mimeo::catalog::SourceRecord> sources) { sources_ = std::move(sources); }

int ConfigTableModel::columnOf(const std::string &name) const
{
    const auto &names = mimeo::catalog::configColumnNames();
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i] == name)
            return static_cast<int>(i) + 1;
    return -1;
}

std::string ConfigTableModel::columnName(int column) const
{
    const auto &names = mimeo::catalog::configColumnNames();
    if (column < 1 || column > static_cast<int>(names.size()))
        return {};
    return names[static_cast<size_t>(column - 1)];
}

int ConfigTableModel::rowOf(const QString &destTable, const QString &type) const
{
    for (size_t r = 0; r < records_.size(); ++r)
        if (q(records_[r].destTable) == destTable && (type.isEmpty() || q(records_[r].type) == type))
            return static_cast<int>(r);
    return -1;
}

std::optional<std::string> ConfigTableModel::value(int row, const std::string &column) const
{
    if (auto p = pending_.find(row); p != pending_.end())
        if (auto c = p->second.find(column); c != p->second.end())
            return c->second;
    const auto &values = records_.at(static_cast<size_t>(row)).values;
    auto it = values.find(column);
    return it == values.end() ? std::nullopt : it->second;
}

std::optional<ColumnKind> ConfigTableModel::kindAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.column() == StateColumn)
        return std::nullopt;
    return mimeo::catalog::configColumnKind(columnName(index.column()), record(index.row()).type);
}

int ConfigTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(records_.size());
}

int ConfigTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(mimeo::catalog::configColumnNames().size()) + 1;
}

QVariant ConfigTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    const auto &rec = record(row);
    if (role == TypeRole)
        return q(rec.type);

    if (index.column() == StateColumn) {
        const auto err = errors_.find(row);
        const bool edited = pending_.count(row) != 0;
        switch (role) {
        case Qt::DisplayRole:
            if (err != errors_.end())
                return err->second.section(QLatin1Char('\n'), 0, 0);
            return edited ? tr("edited") : QString();
        case Qt::ToolTipRole:
            return err != errors_.end() ? err->second : QVariant();
        case Qt::ForegroundRole:
            return err != errors_.end() ? QBrush(kErrorText) : QVariant();
        case Qt::BackgroundRole:
            return err != errors_.end() ? QBrush(kErrorBackground) : edited ? QBrush(kEditedBackground) : QVariant();
        }
        return {};
    }

    const std::string col = columnName(index.column());
    const auto kind = kindAt(index);
    if (role == ColumnNameRole)
        return q(col);
    if (role == KindRole)
        return kind ? static_cast<int>(*kind) : -1;
    if (role == NullableRole)
        return mimeo::catalog::configColumnNullable(col);
    if (!kind)
        return role == Qt::BackgroundRole ? QBrush(kNotApplicableBackground) : QVariant();

    const auto v = value(row, col);
    const bool edited = pending_.count(row) && pending_.at(row).count(col);
    const bool fixed = mimeo::catalog::configColumnReadOnly(col, rec.type);
    if (fixed && role == Qt::ForegroundRole)
        return QBrush(kFixedText);
    if (fixed && role == Qt::ToolTipRole && col != "dest_table" && col != "type")
        return tr("%1\nDecides what a refresh reads and writes: to change it, destroy the replication and make it again.")
            .arg(v ? q(*v) : tr("NULL"));
    switch (role) {
    case Qt::BackgroundRole:
        return edited ? QBrush(kEditedBackground) : QVariant();
    case Qt::FontRole:
        if (edited) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::CheckStateRole:
        if (*kind == ColumnKind::Boolean)
            return v && (*v == "true" || *v == "t") ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (extensionOnly(col))
            return columnHelp(col);
        if (col == "dblink" && v) {
            for (const auto &s : sources_)
                if (std::to_string(s.id) == *v)
                    return tr("%1 as %2").arg(q(s.dataSource), q(s.username));
        }
        if (!v)
            return tr("NULL");
        if (*kind == ColumnKind::TextArray)
            return arrayItems(*v).join(QLatin1Char('\n'));
        return q(*v);
    case Qt::DisplayRole:
        if (!v || *kind == ColumnKind::Boolean)
            return {};
        if (*kind == ColumnKind::TextArray)
            return arrayItems(*v).join(QStringLiteral(", "));
        if (*kind == ColumnKind::Timestamptz) {
            const QDateTime dt = fromServerTimestamp(*v);
            return dt.isValid() ? dt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")) : q(*v);
        }
        if (*kind == ColumnKind::Text && col == "condition")
            return q(*v).simplified();
        return q(*v);
    case Qt::EditRole:
        if (!v)
            return {};
        if (*kind == ColumnKind::TextArray)
            return arrayItems(*v);
        if (*kind == ColumnKind::Timestamptz)
            return fromServerTimestamp(*v);
        return q(*v);
    }
    return {};
}

bool ConfigTableModel::sameValue(ColumnKind kind, const std::optional<std::string> &a,
                                 const std::optional<std::string> &b) const
{
    if (!a || !b)
        return a.has_value() == b.has_value();
    if (kind == ColumnKind::Timestamptz)
        return fromServerTimestamp(*a) == fromServerTimestamp(*b);
    if (kind == ColumnKind::TextArray) {
        try {
            return mimeo::catalog::parseTextArray(*a) == mimeo::catalog::parseTextArray(*b);
        } catch (const std::invalid_argument &) {
            return *a == *b;
        }
    }
    if (kind == ColumnKind::Boolean)
        return (*a == "true" || *a == "t") == (*b == "true" || *b == "t");
    return *a == *b;
}

bool ConfigTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const auto kind = kindAt(index);
    if (!kind || (role != Qt::EditRole && role != Qt::CheckStateRole))
        return false;
    const int row = index.row();
    const auto &rec = record(row);
    const std::string col = columnName(index.column());
    const bool nullable = mimeo::catalog::configColumnNullable(col);

    // The value as the core's text form; an empty entry is NULL where NULL is allowed.
    std::optional<std::string> text;
    if (role == Qt::CheckStateRole) {
        if (*kind != ColumnKind::Boolean)
            return false;
        text = value.toInt() == Qt::Checked ? "true" : "false";
    } else if (!value.isValid() || value.isNull()) {
        text = std::nullopt;
    } else if (value.typeId() == QMetaType::QStringList) {
        std::vector<std::string> items;
        for (const auto &s : value.toStringList())
            if (!s.trimmed().isEmpty())
                items.push_back(s.trimmed().toStdString());
        if (!items.empty() || !nullable)
            text = mimeo::catalog::formatTextArray(items);
    } else if (value.typeId() == QMetaType::QDateTime) {
        text = toServerTimestamp(value.toDateTime());
    } else {
        const QString s = *kind == ColumnKind::Text && col == "condition" ? value.toString() : value.toString().trimmed();
        if (!s.trimmed().isEmpty() || !nullable)
            text = s.toStdString();
    }

    if (auto why = mimeo::catalog::checkConfigValue(col, rec.type, text)) {
        emit valueRefused(index, q(*why));
        return false;
    }
    auto orig = rec.values.find(col);
    const std::optional<std::string> original = orig == rec.values.end() ? std::nullopt : orig->second;
    if (sameValue(*kind, original, text)) {
        if (auto p = pending_.find(row); p != pending_.end()) {
            p->second.erase(col);
            if (p->second.empty())
                pending_.erase(p);
        }
    } else {
        pending_[row][col] = text;
    }
    errors_.erase(row);
    emit dataChanged(this->index(row, StateColumn), this->index(row, columnCount() - 1));
    emit pendingChanged(hasPendingChanges());
    return true;
}

Qt::ItemFlags ConfigTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const auto kind = kindAt(index);
    if (!kind || mimeo::catalog::configColumnReadOnly(columnName(index.column()), record(index.row()).type))
        return f;
    if (*kind == ColumnKind::Boolean)
        return f | Qt::ItemIsUserCheckable;
    return f | Qt::ItemIsEditable;
}

QVariant ConfigTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == StateColumn) {
        if (role == Qt::DisplayRole)
            return tr("State");
        if (role == Qt::ToolTipRole)
            return tr("Edited rows, and the server's error when a save failed");
        return {};
    }
    // The catalog's own column names: people who know mimeo recognise them.
    const std::string name = columnName(section);
    if (role == Qt::DisplayRole)
        return extensionOnly(name) ? tr("%1 (extension)", "a column only the mimeo extension reads").arg(q(name)) : q(name);
    if (role == Qt::ToolTipRole)
        return columnHelp(name);
    if (role == Qt::FontRole && extensionOnly(name)) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    return {};
}

std::vector<mimeo::catalog::ConfigChange> ConfigTableModel::pendingChanges(std::vector<int> *rows) const
{
    std::vector<mimeo::catalog::ConfigChange> out;
    for (const auto &[row, columns] : pending_) {
        const auto &rec = record(row);
        out.push_back({rec.type, rec.destTable, columns});
        if (rows)
            rows->push_back(row);
    }
    return out;
}

void ConfigTableModel::revertAll()
{
    if (pending_.empty() && errors_.empty())
        return;
    pending_.clear();
    errors_.clear();
    emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    emit pendingChanged(false);
}

void ConfigTableModel::setRowError(int row, const QString &error)
{
    errors_[row] = error;
    emit dataChanged(index(row, StateColumn), index(row, columnCount() - 1));
}
