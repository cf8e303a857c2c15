#pragma once

#include "pb/gui/appbackend.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace pb::gui {

/// Connect Plex: "Sign in with Plex" through the PIN page in the browser, or a server URL and
/// token; then pick the server and its music library.
class PlexConnectDialog : public QDialog {
    Q_OBJECT

public:
    enum Page {
        ChoosePage,
        WaitingPage,
        PickPage
    };

    explicit PlexConnectDialog(AppBackend *backend, QWidget *parent = nullptr);

    Page currentPage() const;
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *tokenEdit() const { return m_token; }
    QComboBox *serverCombo() const { return m_servers; }
    QComboBox *libraryCombo() const { return m_libraries; }
    QString errorText() const;

public Q_SLOTS:
    void signInWithPlex();
    void connectWithToken();
    void cancelSignIn();
    void useSelectedLibrary();

protected:
    void reject() override;

private:
    QWidget *buildChoosePage();
    QWidget *buildWaitingPage();
    QWidget *buildPickPage();
    void handleServers(int attempt, pb::Result<std::vector<PlexServerChoice>> servers);
    void fillLibraries();
    void showError(const QString &text);

    AppBackend *m_backend;
    QStackedWidget *m_pages;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_token = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_waiting = nullptr;
    QComboBox *m_servers = nullptr;
    QComboBox *m_libraries = nullptr;
    QPushButton *m_use = nullptr;
    std::vector<PlexServerChoice> m_choices;
    int m_attempt = 0;
};

} // namespace pb::gui
