// SPDX-License-Identifier: PostgreSQL
#include "destination_pages.h"

#include <QEvent>

DestinationPages::DestinationPages(QTabWidget *tabs, QObject *parent)
    : QObject(parent)
    , tabs_(tabs)
{
}

void DestinationPages::add(DestinationService *service, QWidget *page)
{
    tabs_->addTab(page, QString());
    updateTabText(page);
    page->installEventFilter(this);
    emit opened(page, service);
}

void DestinationPages::updateTabText(QWidget *page)
{
    const int i = tabs_->indexOf(page);
    if (i < 0)
        return;
    QString title = page->windowTitle();
    title.replace(QStringLiteral("[*]"), QString());
    tabs_->setTabText(i, (page->isWindowModified() ? QStringLiteral("* ") : QString()) + title);
}

bool DestinationPages::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::WindowTitleChange || event->type() == QEvent::ModifiedChange)
        if (auto *w = qobject_cast<QWidget *>(watched))
            updateTabText(w);
    return QObject::eventFilter(watched, event);
}

std::vector<QWidget *> DestinationPages::pagesOf(const QString &key) const
{
    std::vector<QWidget *> out;
    auto d = pages_.find(key);
    if (d != pages_.end())
        for (const auto &[meta, page] : d->second)
            if (page)
                out.push_back(page);
    return out;
}

void DestinationPages::closeAll(const QString &key)
{
    for (QWidget *w : pagesOf(key)) {
        tabs_->removeTab(tabs_->indexOf(w));
        w->deleteLater();
    }
    pages_.erase(key);
}
