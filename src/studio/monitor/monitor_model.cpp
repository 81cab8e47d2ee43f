// SPDX-License-Identifier: PostgreSQL
#include "monitor_model.h"

#include "history_model.h"
#include "jobs_model.h"
#include "validation_text.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <map>

using mimeo::jobs::Health;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

} // namespace

QColor healthColor(Health h)
{
    switch (h) {
    case Health::Failed: return QColor(0xc6, 0x28, 0x28);
    case Health::Abandoned: return QColor(0x8e, 0x24, 0xaa);
    case Health::Critical: return QColor(0xd8, 0x43, 0x15);
    case Health::Late: return QColor(0xf9, 0xa8, 0x25);
    case Health::Running: return QColor(0x1e, 0x88, 0xe5);
    case Health::Busy: return QColor(0x00, 0x89, 0x7b);
    case Health::Ok: return QColor(0x2e, 0x7d, 0x32);
    case Health::NeverRun: return QColor(0x9e, 0x9e, 0x9e);
    case Health::NotScheduled: return QColor(0xbd, 0xbd, 0xbd);
    }
    return Qt::gray;
}

QIcon healthIcon(Health h)
{
    // Drawn, not shipped: a filled circle in the grade's colour, with a
    // mark for the grades that need a person (so colour is not the only cue).
    static std::map<int, QIcon> cache;
    auto it = cache.find(int(h));
    if (it != cache.end())
        return it->second;
    QPixmap pm(32, 32);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(healthColor(h));
    p.drawEllipse(QRectF(3, 3, 26, 26));
    p.setPen(QPen(Qt::white, 4, Qt::SolidLine, Qt::RoundCap));
    switch (h) {
    case Health::Failed:
    case Health::Abandoned:
        p.drawLine(QPointF(11, 11), QPointF(21, 21));
        p.drawLine(QPointF(21, 11), QPointF(11, 21));
        break;
    case Health::Critical:
    case Health::Late:
        p.drawLine(QPointF(16, 9), QPointF(16, 18));
        p.drawPoint(QPointF(16, 23));
        break;
    case Health::Ok:
        p.drawLine(QPointF(10, 16), QPointF(14, 21));
        p.drawLine(QPointF(14, 21), QPointF(22, 11));
        break;
    case Health::Running:
        p.drawLine(QPointF(16, 9), QPointF(16, 16));
        p.drawLine(QPointF(16, 16), QPointF(21, 19));
        break;
    default:
        break;
    }
    p.end();
    return cache[int(h)] = QIcon(pm);
}

QString healthText(Health h)
{
    switch (h) {
    case Health::Failed: return MonitorModel::tr("failed");
    case Health::Abandoned: return MonitorModel::tr("abandoned");
    case Health::Critical: return MonitorModel::tr("critical");
    case Health::Late: return MonitorModel::tr("late");
    case Health::Running: return MonitorModel::tr("running");
    case Health::Busy: return MonitorModel::tr("busy");
    case Health::Ok: return MonitorModel::tr("ok");
    case Health::NeverRun: return MonitorModel::tr("never run");
    case Health::NotScheduled: return MonitorModel::tr("not scheduled");
    }
    return {};
}

// Lags run from seconds to days: the two largest units.
QString lagDuration(qint64 s)
{
    if (s < 60)
        return MonitorModel::tr("%1 s").arg(s);
    if (s < 3600)
        return MonitorModel::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    if (s < 86400)
        return MonitorModel::tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
    return MonitorModel::tr("%1 d %2 h").arg(s / 86400).arg(s % 86400 / 3600);
}

namespace {

// Not %Ln: the English source text would read "change(s)", and these are
// the figures people read most.
QString changes(long long n)
{
    return n == 1 ? MonitorModel::tr("1 change") : MonitorModel::tr("%1 changes").arg(QLocale().toString(static_cast<qlonglong>(n)));
}

QString values(long long n)
{
    return n == 1 ? MonitorModel::tr("1 value") : MonitorModel::tr("%1 values").arg(QLocale().toString(static_cast<qlonglong>(n)));
}

} // namespace

QString lagText(const mimeo::jobs::LagMeasure &m)
{
    using mimeo::jobs::LagKind;
    const QString approx = m.estimated ? QStringLiteral("≈ ") : QString();
    switch (m.kind) {
    case LagKind::Queue:
    case LagKind::Changes:
        return m.amount ? approx + changes(*m.amount) : MonitorModel::tr("unknown");
    case LagKind::ControlTime:
        if (m.behindSeconds)
            return lagDuration(static_cast<qint64>(*m.behindSeconds));
        return MonitorModel::tr("nothing replicated yet");
    case LagKind::ControlSerial:
        return m.amount ? values(*m.amount) : MonitorModel::tr("nothing replicated yet");
    case LagKind::Error: return MonitorModel::tr("could not measure");
    }
    return {};
}

QString lagToolTip(const mimeo::jobs::LagMeasure &m)
{
    using mimeo::jobs::LagKind;
    QString what;
    switch (m.kind) {
    case LagKind::Queue: what = MonitorModel::tr("Changes waiting in the source's queue table."); break;
    case LagKind::ControlTime:
        what = MonitorModel::tr("How much newer the source's newest control value is than the last one replicated "
                                "(the boundary keeps the newest rows back on purpose).");
        break;
    case LagKind::ControlSerial:
        what = MonitorModel::tr("How many control values the source's highest is above the last one replicated.");
        break;
    case LagKind::Changes: what = MonitorModel::tr("Rows inserted, updated and deleted on the source since the last pull."); break;
    case LagKind::Error: what = MonitorModel::tr("The last measure failed."); break;
    }
    if (m.kind != LagKind::Error)
        what += QLatin1Char(' ')
            + (m.estimated ? MonitorModel::tr("An estimate, from the source's statistics.") : MonitorModel::tr("Counted exactly."));
    if (m.message)
        what += QLatin1Char('\n') + QString::fromStdString(*m.message);
    const QDateTime at = QDateTime::fromString(QString::fromStdString(m.measuredAt), Qt::ISODate);
    const qint64 ago = at.isValid() ? std::max<qint64>(0, at.secsTo(QDateTime::currentDateTimeUtc())) : 0;
    return what + QLatin1Char('\n')
        + MonitorModel::tr("Measured %1 ago by %2 (%3).").arg(lagDuration(ago), QString::fromStdString(m.measuredBy),
                                                            localTime(m.measuredAt));
}

MonitorModel::MonitorModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MonitorModel::setTables(std::vector<mimeo::jobs::TableHealth> tables)
{
    bool sameShape = tables.size() == tables_.size();
    for (size_t i = 0; sameShape && i < tables.size(); ++i)
        sameShape = tables[i].destTable == tables_[i].destTable;
    if (sameShape) {
        tables_ = std::move(tables);
        if (!tables_.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    tables_ = std::move(tables);
    endResetModel();
}

int MonitorModel::rowOf(const QString &destTable) const
{
    for (size_t r = 0; r < tables_.size(); ++r)
        if (q(tables_[r].destTable) == destTable)
            return static_cast<int>(r);
    return -1;
}

int MonitorModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : static_cast<int>(tables_.size()); }
int MonitorModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant MonitorModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &t = tables_[static_cast<size_t>(index.row())];
    if (index.column() == ValidatedColumn && role != HealthRole && role != DestTableRole && role != SourceIdRole)
        return ValidationText::data(t.validation, role);
    if (role == HealthRole)
        return int(t.health);
    if (role == DestTableRole)
        return q(t.destTable);
    if (role == SourceIdRole)
        return t.dataSourceId;
    const bool running = t.lastStatus && *t.lastStatus == "running";
    if (role == PercentRole && index.column() == RowsColumn && running) {
        if (!t.lastRowsExpected || *t.lastRowsExpected <= 0)
            return -1;
        return static_cast<int>(std::clamp(t.lastRows.value_or(0) * 100 / *t.lastRowsExpected, 0LL, 100LL));
    }
    if (role == Qt::DecorationRole && index.column() == StatusColumn)
        return healthIcon(t.health);
    if (role == Qt::ForegroundRole && index.column() == BehindColumn && t.lag && t.lag->kind == mimeo::jobs::LagKind::Error)
        return healthColor(Health::Failed);
    if (role == Qt::ForegroundRole && index.column() == StatusColumn)
        return healthColor(t.health);
    if (role == Qt::ToolTipRole && index.column() == BehindColumn)
        return t.lag ? lagToolTip(*t.lag) : tr("Not measured yet: Measure How Far Behind.");
    if (role == Qt::ToolTipRole) {
        QString tip = q(t.reason);
        if (t.lateAfter)
            tip += tr("\nLate after %1, critical after %2%3.")
                       .arg(q(*t.lateAfter), q(t.criticalAfter.value_or("–")),
                            t.thresholdsOverridden ? tr(" (set for this table)") : tr(" (from its period)"));
        return tip;
    }
    if (role == Qt::TextAlignmentRole && (index.column() == RowsColumn || index.column() == DurationColumn || index.column() == BehindColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case StatusColumn: return healthText(t.health);
    case TableColumn: return q(t.destTable);
    case TypeColumn: return q(t.type);
    case SourceColumn: return tr("%1 (source %2)").arg(q(t.sourceTable)).arg(t.dataSourceId);
    case LastRunColumn: return t.lastRun ? localTime(*t.lastRun) : tr("never");
    case OutcomeColumn: return t.lastStatus ? q(*t.lastStatus) : QString();
    case DurationColumn:
        return t.lastDurationSeconds ? formatDuration(static_cast<qint64>(*t.lastDurationSeconds * 1000)) : QString();
    case RowsColumn:
        if (running && t.lastRowsExpected)
            return tr("%1 of %2").arg(QLocale().toString(static_cast<qlonglong>(t.lastRows.value_or(0))),
                                      QLocale().toString(static_cast<qlonglong>(*t.lastRowsExpected)));
        if (running)
            return tr("%1 so far").arg(QLocale().toString(static_cast<qlonglong>(t.lastRows.value_or(0))));
        return t.lastRows ? QLocale().toString(static_cast<qlonglong>(*t.lastRows)) : QString();
    case NextDueColumn: return t.nextDue ? localTime(*t.nextDue) : QString();
    case BehindColumn: return t.lag ? lagText(*t.lag) : QString();
    case ReasonColumn: return q(t.reason);
    }
    return {};
}

QVariant MonitorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn: return tr("Status");
    case TableColumn: return tr("Table");
    case TypeColumn: return tr("Type");
    case SourceColumn: return tr("Source");
    case LastRunColumn: return tr("Last success");
    case OutcomeColumn: return tr("Last run");
    case DurationColumn: return tr("Duration");
    case RowsColumn: return tr("Rows");
    case NextDueColumn: return tr("Next due");
    case BehindColumn: return tr("Behind");
    case ValidatedColumn: return tr("Validated");
    case ReasonColumn: return tr("Why");
    }
    return {};
}
