#include "pb/gui/plexconnectdialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace pb::gui {

PlexConnectDialog::PlexConnectDialog(AppBackend *backend, QWidget *parent)
    : QDialog(parent), m_backend(backend), m_pages(new QStackedWidget(this))
{
    setWindowTitle(tr("Connect Plex"));
    setAccessibleName(tr("Connect Plex"));
    resize(560, 420);
    m_pages->addWidget(buildChoosePage());
    m_pages->addWidget(buildWaitingPage());
    m_pages->addWidget(buildPickPage());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
}

QWidget *PlexConnectDialog::buildChoosePage()
{
    auto *page = new QWidget(this);
    auto *intro = new QLabel(tr("<h3>Connect your Plex Media Server</h3>"
                                "<p>Playlist Bridge writes playlists into your server's music library. "
                                "Your Plex password is never typed into this app.</p>"),
                             page);
    intro->setWordWrap(true);
    auto *pin = new QPushButton(tr("Sign in with &Plex"), page);
    pin->setDefault(true);
    pin->setToolTip(tr("Opens plex.tv in your browser; approve there and come back"));
    connect(pin, &QPushButton::clicked, this, &PlexConnectDialog::signInWithPlex);

    auto *manual = new QGroupBox(tr("Or connect with a server URL and token"), page);
    m_url = new QLineEdit(manual);
    m_url->setPlaceholderText(QStringLiteral("http://192.168.1.10:32400"));
    m_url->setAccessibleName(tr("Server URL"));
    m_token = new QLineEdit(manual);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setAccessibleName(tr("Plex token"));
    m_token->setToolTip(tr("An X-Plex-Token; stored in the system keychain, never in plain settings"));
    auto *connectButton = new QPushButton(tr("&Connect"), manual);
    connect(connectButton, &QPushButton::clicked, this, &PlexConnectDialog::connectWithToken);
    auto *form = new QFormLayout(manual);
    form->addRow(tr("Server &URL:"), m_url);
    form->addRow(tr("&Token:"), m_token);
    form->addRow(QString(), connectButton);

    m_error = new QLabel(page);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #d13b3b;"));
    m_error->hide();
    auto *cancel = new QPushButton(tr("Cancel"), page);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addWidget(pin, 0, Qt::AlignLeft);
    layout->addSpacing(12);
    layout->addWidget(manual);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(cancel, 0, Qt::AlignRight);
    return page;
}

QWidget *PlexConnectDialog::buildWaitingPage()
{
    auto *page = new QWidget(this);
    m_waiting = new QLabel(page);
    m_waiting->setWordWrap(true);
    auto *busy = new QProgressBar(page);
    busy->setRange(0, 0);
    busy->setAccessibleName(tr("Waiting for Plex"));
    auto *cancel = new QPushButton(tr("&Cancel Sign-in"), page);
    connect(cancel, &QPushButton::clicked, this, &PlexConnectDialog::cancelSignIn);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_waiting);
    layout->addWidget(busy);
    layout->addStretch();
    layout->addWidget(cancel, 0, Qt::AlignRight);
    return page;
}

QWidget *PlexConnectDialog::buildPickPage()
{
    auto *page = new QWidget(this);
    auto *intro = new QLabel(tr("<h3>Choose your music library</h3>"
                                "<p>Playlists are matched against and written to this library.</p>"),
                             page);
    intro->setWordWrap(true);
    m_servers = new QComboBox(page);
    m_servers->setAccessibleName(tr("Plex server"));
    m_libraries = new QComboBox(page);
    m_libraries->setAccessibleName(tr("Music library"));
    connect(m_servers, &QComboBox::currentIndexChanged, this, &PlexConnectDialog::fillLibraries);
    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_servers);
    form->addRow(tr("Music &library:"), m_libraries);
    m_use = new QPushButton(tr("&Use This Library"), page);
    m_use->setDefault(true);
    connect(m_use, &QPushButton::clicked, this, &PlexConnectDialog::useSelectedLibrary);
    auto *cancel = new QPushButton(tr("Cancel"), page);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(cancel);
    buttons->addWidget(m_use);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch();
    layout->addLayout(buttons);
    return page;
}

PlexConnectDialog::Page PlexConnectDialog::currentPage() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

QString PlexConnectDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PlexConnectDialog::showError(const QString &text)
{
    m_pages->setCurrentIndex(ChoosePage);
    m_error->setText(text);
    m_error->show();
}

void PlexConnectDialog::signInWithPlex()
{
    m_error->hide();
    m_waiting->setText(
        tr("<h3>Waiting for Plex…</h3><p>Sign in and approve Playlist Bridge on the plex.tv page "
           "that just opened in your browser. This window continues by itself.</p>"));
    m_pages->setCurrentIndex(WaitingPage);
    const int attempt = ++m_attempt;
    m_backend->connectPlexWithPin(this, [this, attempt](pb::Result<std::vector<PlexServerChoice>> servers) {
        handleServers(attempt, std::move(servers));
    });
}

void PlexConnectDialog::connectWithToken()
{
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        showError(tr("Enter the server's address, for example http://192.168.1.10:32400"));
        return;
    }
    if (m_token->text().trimmed().isEmpty()) {
        showError(tr("Enter the Plex token."));
        return;
    }
    m_error->hide();
    m_waiting->setText(tr("<h3>Connecting to %1…</h3>").arg(url.toDisplayString().toHtmlEscaped()));
    m_pages->setCurrentIndex(WaitingPage);
    const int attempt = ++m_attempt;
    m_backend->connectPlexWithToken(url.toString(), m_token->text().trimmed(), this,
                                    [this, attempt](pb::Result<std::vector<PlexServerChoice>> servers) {
                                        handleServers(attempt, std::move(servers));
                                    });
}

void PlexConnectDialog::handleServers(int attempt, pb::Result<std::vector<PlexServerChoice>> servers)
{
    if (attempt != m_attempt)
        return;
    if (!servers.ok()) {
        if (servers.error().kind == pb::ErrorKind::Cancelled)
            m_pages->setCurrentIndex(ChoosePage);
        else
            showError(tr("Could not connect: %1").arg(servers.error().message));
        return;
    }
    m_choices = std::move(servers).value();
    if (m_choices.empty()) {
        showError(tr("This Plex account has no server this computer can reach."));
        return;
    }
    m_servers->clear();
    for (const PlexServerChoice &s : m_choices) {
        // Servers are named after their host by default, so two may share a name: those
        // show the start of their machine identifier to be told apart.
        const auto sameName =
            std::count_if(m_choices.begin(), m_choices.end(), [&](const PlexServerChoice &o) {
                return o.name.compare(s.name, Qt::CaseInsensitive) == 0;
            });
        const QString label = sameName > 1 ? tr("%1 (%2…)").arg(s.name, s.machineIdentifier.left(8)) : s.name;
        m_servers->addItem(label, s.machineIdentifier);
    }
    m_pages->setCurrentIndex(PickPage);
    fillLibraries();
}

void PlexConnectDialog::fillLibraries()
{
    m_libraries->clear();
    const int index = m_servers->currentIndex();
    if (index < 0 || index >= static_cast<int>(m_choices.size()))
        return;
    for (const PlexSection &section : m_choices[static_cast<size_t>(index)].sections)
        m_libraries->addItem(section.title, section.key);
    m_use->setEnabled(m_libraries->count() > 0);
    m_libraries->setToolTip(m_libraries->count() > 0 ? QString() : tr("This server has no music library."));
}

void PlexConnectDialog::useSelectedLibrary()
{
    if (m_servers->currentIndex() < 0 || m_libraries->currentIndex() < 0)
        return;
    const pb::Status status = m_backend->choosePlexLibrary(m_servers->currentData().toString(),
                                                           m_libraries->currentData().toString());
    if (!status.ok()) {
        showError(status.error().message);
        return;
    }
    accept();
}

void PlexConnectDialog::cancelSignIn()
{
    ++m_attempt;
    m_backend->cancelPlexSignIn();
    m_pages->setCurrentIndex(ChoosePage);
}

void PlexConnectDialog::reject()
{
    if (currentPage() == WaitingPage)
        cancelSignIn();
    QDialog::reject();
}

} // namespace pb::gui
