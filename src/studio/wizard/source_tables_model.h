// SPDX-License-Identifier: PostgreSQL
#pragma once
// The relations of a source for the wizard's table list, read a page at a
// time as the view scrolls (canFetchMore/fetchMore), so a source with
// thousands of tables shows its first rows at once. The reads run off the
// GUI thread; a new filter or schema drops what an older read brings back.
#include "setup/source_tables.h"
#include "task_runner.h"

#include <QAbstractTableModel>

#include <functional>
#include <vector>

class SourceTablesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SchemaColumn, NameColumn, KindColumn, RowsColumn, SizeColumn, ColumnCount };
    // Reads one page (offset, limit) off the GUI thread; the model calls it.
    using PageReader = std::function<void(const std::string &schema, const std::string &filter, int offset, int limit,
                                          std::function<void(mimeo::setup::RelationPage)> done, TaskFailed failed)>;

    explicit SourceTablesModel(PageReader reader, QObject *parent = nullptr);

    // Starts over with another schema (empty: all) or name filter.
    void setQuery(const QString &schema, const QString &filter);
    const mimeo::setup::SourceRelationEntry &at(int row) const { return rows_.at(static_cast<size_t>(row)); }
    int rowOf(const mimeo::pg::QualifiedName &name) const; // -1 when not (yet) read
    bool isLoading() const { return loading_; }
    static constexpr int kPageSize = 200;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    // A page arrived (first: the first page of a new query).
    void pageLoaded(bool first, int rows);
    void loadFailed(const QString &message);

private:
    void readPage(bool first);

    PageReader reader_;
    std::string schema_;
    std::string filter_;
    std::vector<mimeo::setup::SourceRelationEntry> rows_;
    bool more_ = false;
    bool loading_ = false;
    LatestTask reading_;
    LatestTask::Ticket query_ = reading_.take();
};

// "12 MB", "3.4 GB": sizes for people.
QString formatBytes(qint64 bytes);
// "table", "view", ... for a relkind.
QString relationKindName(char relkind);
