#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace pb::gui {

class AppBackend;

/// Connect Spotify: asks for the user's own Client ID, shows the exact redirect URI and scopes
/// to register in the Spotify developer dashboard, then opens the browser and waits for the
/// loopback redirect. Cancellable while waiting.
class SpotifyConnectDialog : public QDialog {
    Q_OBJECT

public:
    explicit SpotifyConnectDialog(AppBackend *backend, QWidget *parent = nullptr);

    /// A Spotify Client ID is 32 hexadecimal characters.
    static bool isValidClientId(const QString &clientId);

    QLineEdit *clientIdEdit() const { return m_clientId; }
    QPushButton *connectButton() const { return m_connect; }
    bool isWaiting() const;
    QString errorText() const;

public Q_SLOTS:
    void startSignIn();
    void cancelSignIn();

protected:
    void reject() override;

private:
    QWidget *buildSetupPage();
    QWidget *buildWaitingPage();
    QWidget *copyRow(const QString &value, const QString &accessibleName);

    AppBackend *m_backend;
    QStackedWidget *m_pages;
    QLineEdit *m_clientId;
    QLabel *m_error;
    QPushButton *m_connect;
    int m_attempt = 0; ///< ignores the answer of a cancelled attempt
};

} // namespace pb::gui
