// SPDX-License-Identifier: PostgreSQL
#include "run_chart.h"

#include "history_model.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace {

using mimeo::jobs::JobRecord;

// At least this many bar slots, so three runs are not three fat slabs.
constexpr size_t kMinSlots = 12;
constexpr int kMarkHeight = 4; // the status mark under a bar
constexpr int kGap = 16;       // between the two charts

bool dark(const QPalette &p) { return p.color(QPalette::Window).lightness() < 128; }

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

struct Colours {
    QColor text, axis, duration, inserted, updated, deleted, plainRows, failed, warned;
};

// Hues that read on light and dark windows alike; red is kept for failures,
// so deletions are orange.
Colours coloursFor(const QPalette &p)
{
    const bool d = dark(p);
    Colours c;
    c.text = p.color(QPalette::WindowText);
    c.axis = mix(p.color(QPalette::Window), c.text, 0.45);
    c.duration = p.color(QPalette::Highlight);
    c.inserted = d ? QColor(0x5c, 0xc2, 0x7a) : QColor(0x2e, 0x8b, 0x47);
    c.updated = d ? QColor(0x7a, 0xa2, 0xf0) : QColor(0x3b, 0x6f, 0xd1);
    c.deleted = d ? QColor(0xf0, 0xa4, 0x5c) : QColor(0xd9, 0x7a, 0x1b);
    c.plainRows = mix(p.color(QPalette::Window), c.text, 0.5);
    c.failed = d ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
    c.warned = d ? QColor(0xff, 0xc1, 0x07) : QColor(0xc7, 0x8a, 0x00);
    return c;
}

bool warned(const JobRecord &r) { return r.status == "skipped" || r.status == "cancelled"; }

// Short enough for an axis: "85 ms", "2.4 s", "12 s", "3 min 04 s".
QString shortDuration(qint64 ms)
{
    if (ms < 1000)
        return RunChart::tr("%1 ms").arg(ms);
    if (ms < 10000)
        return RunChart::tr("%1 s").arg(QLocale().toString(static_cast<double>(ms) / 1000.0, 'f', 1));
    if (ms < 60000)
        return RunChart::tr("%1 s").arg((ms + 500) / 1000);
    const qint64 s = (ms + 500) / 1000;
    return RunChart::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

qint64 rowsOf(const JobRecord &r)
{
    if (r.rowsInserted && r.rowsUpdated && r.rowsDeleted)
        return *r.rowsInserted + *r.rowsUpdated + *r.rowsDeleted;
    return r.rows.value_or(0);
}

} // namespace

RunChart::RunChart(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    describe();
}

bool RunChart::isFailure(const JobRecord &run) { return run.status == "failed" || run.status == "abandoned"; }

void RunChart::setRuns(const QString &table, std::vector<JobRecord> runs)
{
    table_ = table;
    runs_ = std::move(runs);
    loading_ = false;
    failure_.clear();
    describe();
    update();
}

void RunChart::setLoading(const QString &table)
{
    table_ = table;
    runs_.clear();
    loading_ = true;
    failure_.clear();
    describe();
    update();
}

void RunChart::setFailed(const QString &table, const QString &message)
{
    table_ = table;
    runs_.clear();
    loading_ = false;
    failure_ = tr("Could not read the last runs: %1").arg(message);
    describe();
    update();
}

QSize RunChart::sizeHint() const { return {560, 120}; }
QSize RunChart::minimumSizeHint() const { return {240, 96}; }

void RunChart::describe()
{
    setAccessibleName(table_.isEmpty() ? tr("Last runs") : tr("Last runs of %1").arg(table_));
    if (runs_.empty()) {
        QString text = table_.isEmpty() ? tr("No table selected.") : tr("No refresh of this table yet.");
        if (!failure_.isEmpty())
            text = failure_;
        else if (loading_)
            text = tr("Reading…");
        setAccessibleDescription(text);
        return;
    }
    qint64 longest = 0, most = 0;
    int failures = 0;
    for (const auto &r : runs_) {
        longest = std::max<qint64>(longest, r.durationMs.value_or(0));
        most = std::max(most, rowsOf(r));
        failures += isFailure(r) ? 1 : 0;
    }
    const int n = static_cast<int>(runs_.size());
    setAccessibleDescription(tr("%n run(s), ", nullptr, n) + tr("%n failed; ", nullptr, failures)
                             + tr("longest %1, most rows %2.").arg(shortDuration(longest), QLocale().toString(most)));
}

QString RunChart::maxDurationLabel() const
{
    qint64 most = 0;
    for (const auto &r : runs_)
        most = std::max<qint64>(most, r.durationMs.value_or(0));
    return shortDuration(most);
}

QString RunChart::maxRowsLabel() const
{
    qint64 most = 0;
    for (const auto &r : runs_)
        most = std::max(most, rowsOf(r));
    return QLocale().toString(most);
}

RunChart::Area RunChart::durationArea() const
{
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height();
    // The axis labels (largest value at the top, 0 at the base) stand left of each plot.
    const int gutter = std::max({fm.horizontalAdvance(maxDurationLabel()), fm.horizontalAdvance(maxRowsLabel()),
                                 fm.horizontalAdvance(QStringLiteral("0"))}) + 6;
    const QRect r = rect().adjusted(2, 2, -2, -2);
    const int half = (r.width() - kGap) / 2;
    Area a;
    a.title = QRect(r.left(), r.top(), half, line);
    a.plot = QRect(r.left() + gutter, r.top() + line + 6, half - gutter, r.height() - line - 6 - kMarkHeight - 2);
    a.gutter = QRect(r.left(), a.plot.top(), gutter - 4, a.plot.height());
    return a;
}

RunChart::Area RunChart::rowsArea() const
{
    Area a = durationArea();
    const int shift = a.title.width() + kGap;
    a.title.translate(shift, 0);
    a.plot.translate(shift, 0);
    a.gutter.translate(shift, 0);
    return a;
}

QRectF RunChart::barSlot(const QRect &plot, size_t i) const
{
    const size_t count = std::max(kMinSlots, runs_.size());
    const double w = static_cast<double>(plot.width()) / static_cast<double>(count);
    const size_t at = count - runs_.size() + i; // newest at the right edge
    return {plot.left() + w * static_cast<double>(at), static_cast<double>(plot.top()), w, static_cast<double>(plot.height())};
}

int RunChart::runAt(const QPoint &pos) const
{
    for (const QRect &plot : {durationArea().plot, rowsArea().plot}) {
        const QRect hit = plot.adjusted(0, 0, 0, kMarkHeight + 2);
        if (!hit.contains(pos))
            continue;
        for (size_t i = 0; i < runs_.size(); ++i) {
            const QRectF s = barSlot(plot, i);
            if (pos.x() >= s.left() && pos.x() < s.right())
                return static_cast<int>(i);
        }
    }
    return -1;
}

QString RunChart::tooltipFor(const JobRecord &r) const
{
    QStringList lines;
    lines << localTime(r.startedAt);
    lines << tr("Status: %1").arg(QString::fromStdString(r.status));
    lines << tr("Duration: %1").arg(r.durationMs ? shortDuration(*r.durationMs) : tr("still running"));
    if (r.rows) {
        const QString changes = describeChanges(r);
        lines << (changes.isEmpty() ? tr("Rows: %1").arg(QLocale().toString(*r.rows))
                                    : tr("Rows: %1 (%2)").arg(QLocale().toString(*r.rows), changes));
    }
    const std::string why = r.error.value_or(r.reason.value_or(std::string()));
    if (!why.empty())
        lines << QString::fromStdString(why).section(QLatin1Char('\n'), 0, 0);
    return lines.join(QLatin1Char('\n'));
}

bool RunChart::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(e);
        const int i = runAt(help->pos());
        if (i >= 0)
            QToolTip::showText(help->globalPos(), tooltipFor(runs_[static_cast<size_t>(i)]), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void RunChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const Colours c = coloursFor(palette());
    const QFontMetrics fm = fontMetrics();

    if (runs_.empty()) {
        p.setPen(c.axis);
        QString text = tr("No refresh of %1 yet.").arg(table_);
        if (!failure_.isEmpty())
            text = failure_;
        else if (loading_)
            text = tr("Reading the last runs of %1…").arg(table_);
        else if (table_.isEmpty())
            text = tr("Select a table to see its last runs.");
        p.drawText(rect().adjusted(4, 0, -4, 0), Qt::AlignCenter | Qt::TextWordWrap, text);
        return;
    }

    qint64 maxMs = 0, maxRows = 0;
    for (const auto &r : runs_) {
        maxMs = std::max<qint64>(maxMs, r.durationMs.value_or(0));
        maxRows = std::max(maxRows, rowsOf(r));
    }

    // Title left, largest value right, a thin line for the top and the base.
    auto frame = [&](const Area &a, const QString &title, const QString &maxLabel) {
        p.setPen(c.text);
        p.drawText(a.title, Qt::AlignLeft | Qt::AlignVCenter, title);
        p.setPen(c.axis);
        const int line = fm.height();
        p.drawText(QRect(a.gutter.left(), a.plot.top() - line / 2, a.gutter.width(), line), Qt::AlignRight | Qt::AlignVCenter,
                   maxLabel);
        p.drawText(QRect(a.gutter.left(), a.plot.bottom() - line / 2, a.gutter.width(), line), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("0"));
        p.drawLine(a.plot.bottomLeft(), a.plot.bottomRight());
        QPen dotted(c.axis, 1, Qt::DotLine);
        p.setPen(dotted);
        p.drawLine(a.plot.topLeft(), a.plot.topRight());
    };
    // Marks the status of run i in plot: a red or amber strip under the bar
    // and a tint behind it.
    auto mark = [&](const QRect &plot, size_t i) {
        const JobRecord &r = runs_[i];
        if (!isFailure(r) && !warned(r))
            return;
        const QColor col = isFailure(r) ? c.failed : c.warned;
        const QRectF s = barSlot(plot, i);
        QColor tint = col;
        tint.setAlpha(40);
        p.fillRect(s.adjusted(0.5, 0, -0.5, 0), tint);
        p.fillRect(QRectF(s.left() + 0.5, plot.bottom() + 2.0, std::max(1.0, s.width() - 1.0), kMarkHeight), col);
    };
    auto bar = [&](const QRectF &s, const QRect &plot, double from, double to, const QColor &col) {
        const double w = std::max(1.0, s.width() * 0.7);
        const double x = s.left() + (s.width() - w) / 2;
        const double h = plot.height();
        QRectF b(x, plot.bottom() + 1 - h * to, w, h * (to - from));
        if (b.height() < 1 && to > 0)
            b.setTop(b.bottom() - 1); // a tiny run still shows
        p.fillRect(b, col);
    };

    const Area d = durationArea();
    frame(d, tr("Duration per run"), maxDurationLabel());
    for (size_t i = 0; i < runs_.size(); ++i) {
        mark(d.plot, i);
        const auto &r = runs_[i];
        if (r.durationMs && maxMs > 0)
            bar(barSlot(d.plot, i), d.plot, 0, static_cast<double>(*r.durationMs) / static_cast<double>(maxMs),
                isFailure(r) ? c.failed : c.duration);
    }

    const Area rows = rowsArea();
    frame(rows, tr("Rows per run"), maxRowsLabel());
    // Legend, right-aligned in the title row.
    {
        QList<std::pair<QColor, QString>> keys = {
            {c.inserted, tr("inserted")}, {c.updated, tr("updated")}, {c.deleted, tr("deleted")}};
        // Runs the engine does not count (snapshots, repulls) are one grey bar.
        if (std::any_of(runs_.begin(), runs_.end(), [](const JobRecord &r) { return r.rows.value_or(0) > 0 && !r.rowsInserted; }))
            keys.append({c.plainRows, tr("rows, not counted")});
        int x = rows.title.right();
        const int box = fm.ascent() - 2;
        for (auto it = keys.crbegin(); it != keys.crend(); ++it) {
            const int w = fm.horizontalAdvance(it->second);
            x -= w;
            p.setPen(c.text);
            p.drawText(QRect(x, rows.title.top(), w, rows.title.height()), Qt::AlignVCenter, it->second);
            x -= box + 3;
            p.fillRect(QRect(x, rows.title.center().y() - box / 2, box, box), it->first);
            x -= 8;
        }
    }
    for (size_t i = 0; i < runs_.size(); ++i) {
        mark(rows.plot, i);
        const auto &r = runs_[i];
        if (maxRows <= 0)
            continue;
        const double m = static_cast<double>(maxRows);
        const QRectF s = barSlot(rows.plot, i);
        if (r.rowsInserted && r.rowsUpdated && r.rowsDeleted) {
            double at = 0;
            for (const auto &[n, col] : {std::pair{*r.rowsInserted, c.inserted}, std::pair{*r.rowsUpdated, c.updated},
                                         std::pair{*r.rowsDeleted, c.deleted}}) {
                if (n <= 0)
                    continue;
                const double next = at + static_cast<double>(n) / m;
                bar(s, rows.plot, at, next, col);
                at = next;
            }
        } else if (r.rows && *r.rows > 0) {
            bar(s, rows.plot, 0, static_cast<double>(*r.rows) / m, c.plainRows);
        }
    }
}
