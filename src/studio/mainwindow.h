#pragma once
// The main window: navigator of destinations (left), central tabs, log pane.
// Window geometry, splitters and the open destinations (never passwords) are
// kept with QSettings.
#include "destination_session.h"

#include <QMainWindow>

#include <map>
#include <memory>

namespace Ui {
class MainWindow;
}
class NavigatorModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (or re-reads) a destination in the navigator; loads in the background.
    void openDestination(const DestinationTarget &target);
    NavigatorModel *navigatorModel() const { return model_; }
    void appendLog(const QString &line);

public slots:
    void addDestination();
    void reloadAll();

signals:
    void destinationLoaded(const QString &key, bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void restoreState();
    void saveSettings() const;
    void showAbout();
    static QString keyOf(const DestinationTarget &t);

    std::unique_ptr<Ui::MainWindow> ui_;
    NavigatorModel *model_;
    std::map<QString, DestinationTarget> destinations_;
};
