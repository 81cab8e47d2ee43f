// SPDX-License-Identifier: PostgreSQL
#pragma once
// The refresh configuration editor of one destination: every configured
// table in one sortable, filterable view with editors that fit each column;
// Save writes only the changed columns in one transaction and shows a
// server error next to its row; Revert forgets the edits.
#include "destination_service.h"

#include <QWidget>

#include <memory>

namespace Ui {
class ConfigEditorPage;
}
class ConfigDelegate;
class ConfigFilterProxy;
class ConfigTableModel;
class PasswordStore;
class QTableView;

class ConfigEditorPage : public QWidget {
    Q_OBJECT
public:
    explicit ConfigEditorPage(DestinationService *service, QWidget *parent = nullptr);
    ~ConfigEditorPage() override;

    ConfigTableModel *model() const { return model_; }
    ConfigFilterProxy *proxy() const { return proxy_; }
    QTableView *view() const;
    QString messageText() const;

    DestinationService *service() const { return service_; }
    // The destination table of the current row, empty when none.
    QString currentDestTable() const;
    // The destination tables of the selected rows (the current one when none is selected).
    QStringList selectedDestTables() const;
    // Shows only this destination table (from the navigator).
    void showTable(const QString &destTable);

public slots:
    void reload();
    void save();
    void revert();
    void setCurrentToNull();
    void setTextFilter(const QString &text);
    void setTypeFilter(const QString &type);

signals:
    // From the table's context menu: the window opens the wizard or the destroy dialog.
    void makeRequested(int sourceId, const QString &sourceTable);
    void destroyRequested(const QString &destTable);
    void refreshRequested(const QStringList &destTables);
    void loaded(bool ok);
    void saved(bool ok);
    void pendingChanged(bool hasPending);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showMessage(bool ok, const QString &text);
    void editInDialog(const QModelIndex &proxyIndex);
    void pickColumns(int row);

    std::unique_ptr<Ui::ConfigEditorPage> ui_;
    DestinationService *service_;
    LatestTask reloading_;
    ConfigTableModel *model_;
    ConfigFilterProxy *proxy_;
    ConfigDelegate *delegate_;
    bool busy_ = false;
};
