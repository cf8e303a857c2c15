#include "pb/gui/spotifyconnectdialog.h"

#include "pb/clients/accountsettings.h"

#include "pb/gui/appbackend.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace pb::gui {

SpotifyConnectDialog::SpotifyConnectDialog(AppBackend *backend, QWidget *parent)
    : QDialog(parent), m_backend(backend), m_pages(new QStackedWidget(this))
{
    setWindowTitle(tr("Connect Spotify"));
    setAccessibleName(tr("Connect Spotify"));
    resize(600, 420);
    m_pages->addWidget(buildSetupPage());
    m_pages->addWidget(buildWaitingPage());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
}

QWidget *SpotifyConnectDialog::copyRow(const QString &value, const QString &accessibleName)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(value, row);
    edit->setReadOnly(true);
    edit->setAccessibleName(accessibleName);
    auto *copy = new QPushButton(tr("Copy"), row);
    copy->setAccessibleName(tr("Copy %1").arg(accessibleName));
    connect(copy, &QPushButton::clicked, this, [value] { QApplication::clipboard()->setText(value); });
    layout->addWidget(edit, 1);
    layout->addWidget(copy);
    return row;
}

QWidget *SpotifyConnectDialog::buildSetupPage()
{
    auto *page = new QWidget(this);
    auto *intro = new QLabel(page);
    intro->setWordWrap(true);
    intro->setOpenExternalLinks(true);
    intro->setText(
        tr("<p>Spotify lets each person use their own app key. Create one once:</p>"
           "<ol><li>Open the <a href=\"https://developer.spotify.com/dashboard\">Spotify developer "
           "dashboard</a> and create an app (Web API).</li>"
           "<li>Add this <b>Redirect URI</b> exactly, without a port (Playlist Bridge picks a free port "
           "when you sign in; Spotify refuses \"localhost\"):</li></ol>"));
    auto *scopesLabel = new QLabel(tr("The app will ask for these <b>scopes</b> (read-only):"), page);
    auto *clientLabel = new QLabel(tr("Paste the app's <b>Client ID</b>:"), page);
    m_clientId = new QLineEdit(pb::clients::lastSpotifyClientId(QSettings()), page);
    m_clientId->setPlaceholderText(tr("32 characters, for example 0123456789abcdef0123456789abcdef"));
    m_clientId->setAccessibleName(tr("Spotify Client ID"));
    m_clientId->setMaxLength(64);
    clientLabel->setBuddy(m_clientId);
    m_error = new QLabel(page);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #d13b3b;"));
    m_error->hide();
    auto *note =
        new QLabel(tr("No client secret is needed. Your browser opens to approve; nothing is typed "
                      "into this app but the Client ID. In Spotify's Development Mode an app allows at "
                      "most 5 users and its owner needs Premium."),
                   page);
    note->setWordWrap(true);

    m_connect = new QPushButton(tr("Open &Browser and Connect"), page);
    m_connect->setDefault(true);
    auto *cancel = new QPushButton(tr("Cancel"), page);
    connect(m_connect, &QPushButton::clicked, this, &SpotifyConnectDialog::startSignIn);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    const auto validate = [this] { m_connect->setEnabled(isValidClientId(m_clientId->text())); };
    connect(m_clientId, &QLineEdit::textChanged, this, validate);
    validate();

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(cancel);
    buttons->addWidget(m_connect);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addWidget(copyRow(m_backend->spotifyRedirectUri(), tr("Redirect URI")));
    layout->addWidget(scopesLabel);
    layout->addWidget(copyRow(m_backend->spotifyScopes().join(QLatin1Char(' ')), tr("Scopes")));
    layout->addWidget(clientLabel);
    layout->addWidget(m_clientId);
    layout->addWidget(m_error);
    layout->addWidget(note);
    layout->addStretch();
    layout->addLayout(buttons);
    return page;
}

QWidget *SpotifyConnectDialog::buildWaitingPage()
{
    auto *page = new QWidget(this);
    auto *text =
        new QLabel(tr("<h3>Waiting for Spotify…</h3><p>Approve Playlist Bridge in the browser window "
                      "that just opened. This window continues by itself when you are done.</p>"
                      "<p>No browser? Check that it is not behind this window.</p>"),
                   page);
    text->setWordWrap(true);
    auto *busy = new QProgressBar(page);
    busy->setRange(0, 0);
    busy->setAccessibleName(tr("Waiting for the browser"));
    auto *cancel = new QPushButton(tr("&Cancel Sign-in"), page);
    connect(cancel, &QPushButton::clicked, this, &SpotifyConnectDialog::cancelSignIn);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(text);
    layout->addWidget(busy);
    layout->addStretch();
    layout->addWidget(cancel, 0, Qt::AlignRight);
    return page;
}

bool SpotifyConnectDialog::isValidClientId(const QString &clientId)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{32}$"));
    return re.match(clientId.trimmed()).hasMatch();
}

bool SpotifyConnectDialog::isWaiting() const
{
    return m_pages->currentIndex() == 1;
}

QString SpotifyConnectDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SpotifyConnectDialog::startSignIn()
{
    const QString clientId = m_clientId->text().trimmed();
    if (!isValidClientId(clientId))
        return;
    QSettings settings;
    pb::clients::setLastSpotifyClientId(settings, clientId);
    m_error->hide();
    m_pages->setCurrentIndex(1);
    const int attempt = ++m_attempt;
    m_backend->connectSpotify(clientId, this, [this, attempt](pb::Result<SpotifyUser> user) {
        if (attempt != m_attempt)
            return;
        if (user.ok()) {
            m_pages->setCurrentIndex(0);
            accept();
            return;
        }
        m_pages->setCurrentIndex(0);
        if (user.error().kind != pb::ErrorKind::Cancelled) {
            m_error->setText(tr("Could not connect: %1").arg(user.error().message));
            m_error->show();
        }
    });
}

void SpotifyConnectDialog::cancelSignIn()
{
    ++m_attempt;
    m_backend->cancelSpotifySignIn();
    m_pages->setCurrentIndex(0);
}

void SpotifyConnectDialog::reject()
{
    if (isWaiting())
        cancelSignIn();
    QDialog::reject();
}

} // namespace pb::gui
