// SPDX-License-Identifier: PostgreSQL
#pragma once
// The relations of a source for the wizard's table list, read a page at a
// time as the view scrolls (PagedModel), so a source with thousands of
// tables shows its first rows at once.
#include "paged_model.h"
#include "setup/source_tables.h"

#include <functional>
#include <vector>

class SourceTablesModel : public PagedModel<mimeo::setup::SourceRelationEntry> {
    Q_OBJECT
public:
    enum Column { SchemaColumn, NameColumn, KindColumn, RowsColumn, SizeColumn, ColumnCount };
    // Reads one page (offset, limit) off the GUI thread; the model calls it.
    using PageReader = std::function<void(const std::string &schema, const std::string &filter, int offset, int limit,
                                          std::function<void(mimeo::setup::RelationPage)> done, TaskFailed failed)>;

    explicit SourceTablesModel(PageReader reader, QObject *parent = nullptr);

    // Starts over with another schema (empty: all) or name filter.
    void setQuery(const QString &schema, const QString &filter);
    int rowOf(const mimeo::pg::QualifiedName &name) const; // -1 when not (yet) read

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void readPage(bool first, LatestTask::Ticket ticket) override;

    PageReader reader_;
    std::string schema_;
    std::string filter_;
};

// "12 MB", "3.4 GB": sizes for people.
QString formatBytes(qint64 bytes);
// "table", "view", ... for a relkind.
QString relationKindName(char relkind);
