// SPDX-License-Identifier: PostgreSQL
#pragma once
// The one way to open a page for a destination: at most one page of each
// kind per destination, as a tab of the central tab widget, raised when it
// is open already. A page is a QWidget constructed as Page(DestinationService *,
// QWidget *parent); its tab shows its windowTitle ("[*]" marks unsaved edits,
// shown as "* " while windowModified).
#include "destination_service.h"

#include <QObject>
#include <QPointer>
#include <QTabWidget>

#include <map>
#include <vector>

class DestinationPages : public QObject {
    Q_OBJECT
public:
    explicit DestinationPages(QTabWidget *tabs, QObject *parent = nullptr);

    template <class Page>
    Page *open(DestinationService *service)
    {
        QPointer<QWidget> &slot = pages_[service->key()][&Page::staticMetaObject];
        if (!slot) {
            auto *page = new Page(service, tabs_);
            slot = page;
            add(service, page);
        }
        tabs_->setCurrentWidget(slot);
        return static_cast<Page *>(slot.data());
    }

    template <class Page>
    Page *find(const QString &key) const
    {
        auto d = pages_.find(key);
        if (d == pages_.end())
            return nullptr;
        auto p = d->second.find(&Page::staticMetaObject);
        return p == d->second.end() ? nullptr : static_cast<Page *>(p->second.data());
    }

    // The open pages of a destination.
    std::vector<QWidget *> pagesOf(const QString &key) const;
    // Closes the pages of a destination (it is removed or re-keyed).
    void closeAll(const QString &key);

signals:
    // A page was made: the window connects what it needs (log lines...).
    void opened(QWidget *page, DestinationService *service);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void add(DestinationService *service, QWidget *page);
    void updateTabText(QWidget *page);

    QTabWidget *tabs_;
    std::map<QString, std::map<const QMetaObject *, QPointer<QWidget>>> pages_;
};
