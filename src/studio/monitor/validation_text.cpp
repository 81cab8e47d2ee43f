// SPDX-License-Identifier: PostgreSQL
#include "validation_text.h"

#include "catalog/replication_types.h"
#include "history_model.h"

#include <QDateTime>
#include <QLocale>

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }
// When, as short as the column allows: the time today, else the date (the tooltip has both).
QString shortWhen(const std::string &iso)
{
    const QDateTime t = QDateTime::fromString(q(iso), Qt::ISODateWithMs).toLocalTime();
    if (!t.isValid())
        return q(iso);
    return t.date() == QDate::currentDate() ? QLocale().toString(t.time(), QLocale::ShortFormat)
                                             : QLocale().toString(t.date(), QLocale::ShortFormat);
}

QString number(const std::optional<long long> &n) { return n ? QLocale().toString(static_cast<qlonglong>(*n)) : QStringLiteral("–"); }

} // namespace

bool repairableType(const std::string &type)
{
    try {
        return mimeo::catalog::concreteType(type).keyed;
    } catch (const std::exception &) {
        return false; // a type this version does not know
    }
}

bool wholeCopyType(const std::string &type)
{
    try {
        const auto group = mimeo::catalog::concreteType(type).group;
        return group == "snap" || group == "table";
    } catch (const std::exception &) {
        return false;
    }
}

QString ValidationText::state(const std::optional<mimeo::jobs::Validation> &v)
{
    if (!v)
        return QStringLiteral("–");
    if (v->outcome == "validated")
        return tr("validated ✓");
    if (v->outcome == "error")
        return tr("error");
    if (v->kind == "rowcount")
        return tr("counts differ");
    return tr("%n differing", nullptr, static_cast<int>(v->differing()));
}

QString ValidationText::cell(const std::optional<mimeo::jobs::Validation> &v)
{
    return v ? tr("%1, %2").arg(state(v), shortWhen(v->checkedAt)) : state(v);
}

QString ValidationText::details(const mimeo::jobs::Validation &v)
{
    QStringList lines;
    lines << (v.kind == "data" ? tr("Rows compared by key on %1 by %2.") : tr("Rows counted on %1 by %2."))
                 .arg(localTime(v.checkedAt), q(v.checkedBy));
    if (v.sourceRows || v.destRows)
        lines << tr("Source: %1 rows, destination: %2 rows.").arg(number(v.sourceRows), number(v.destRows));
    if (v.outcome == "mismatched" && v.kind == "data")
        lines << tr("Missing on the destination: %1, extra on the destination: %2, different: %3.")
                     .arg(number(v.missing), number(v.extra), number(v.different));
    if (v.outcome == "error") {
        lines << tr("Error: %1").arg(q(v.message));
    } else if (!v.message.empty()) {
        // The check's own words ("compared all rows; ..."), as a sentence.
        QString note = q(v.message);
        note[0] = note[0].toUpper();
        lines << note + QLatin1Char('.');
    }
    return lines.join(QLatin1Char('\n'));
}

QColor ValidationText::color(const mimeo::jobs::Validation &v)
{
    if (v.outcome == "validated")
        return QColor(0x2e, 0x7d, 0x32);
    if (v.outcome == "error")
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0xd8, 0x43, 0x15);
}

QVariant ValidationText::data(const std::optional<mimeo::jobs::Validation> &v, int role)
{
    switch (role) {
    case Qt::DisplayRole: return cell(v);
    case Qt::ToolTipRole: return v ? details(*v) : tr("Not validated yet: select it and choose Validate.");
    case Qt::ForegroundRole: return v ? QVariant(color(*v)) : QVariant();
    default: return {};
    }
}

QString ValidationText::kind(const std::string &kind)
{
    if (kind == "missing")
        return tr("missing on the destination");
    if (kind == "extra")
        return tr("extra on the destination");
    return tr("different");
}

QString ValidationText::notRepairable(const std::string &destTable, const std::string &type)
{
    if (repairableType(type))
        return {};
    if (!wholeCopyType(type))
        return tr("%1 is an %2 table: its rows have no key a repair could address; a full re-pull copies them again.")
            .arg(q(destTable), q(type));
    return tr("%1 is a %2 table: it has no single rows to repair (that is for updater, dml and logdel); "
              "Refresh Now in its validation result copies every row again, even when the source looks unchanged.")
        .arg(q(destTable), q(type));
}
