#include "pb/gui/fixmatchdialog.h"
#include "pb/gui/plural.h"

#include "pb/gui/appbackend.h"
#include "pb/gui/csvexport.h"
#include "pb/gui/tracktablemodel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace pb::gui {

FixMatchDialog::FixMatchDialog(const SourceTrack &track, AppBackend *backend, QWidget *parent)
    : QDialog(parent), m_track(track), m_backend(backend)
{
    setWindowTitle(tr("Fix Match"));
    resize(560, 420);
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setText(tr("Pick the Plex track that is “%1” by %2 (%3). Your choice is remembered and used on "
                      "every later sync.")
                       .arg(track.name, track.artists.join(QStringLiteral(", ")),
                            TrackTableModel::formatDuration(track.durationMs)));

    m_query = new QLineEdit(downloadQuery(track), this);
    m_query->setClearButtonEnabled(true);
    m_query->setAccessibleName(tr("Search Plex"));
    auto *searchButton = new QPushButton(tr("&Search"), this);
    auto *queryRow = new QHBoxLayout;
    auto *queryLabel = new QLabel(tr("Search &Plex:"), this);
    queryLabel->setBuddy(m_query);
    queryRow->addWidget(queryLabel);
    queryRow->addWidget(m_query, 1);
    queryRow->addWidget(searchButton);

    m_results = new QListWidget(this);
    m_results->setAccessibleName(tr("Plex tracks found"));
    m_state = new QLabel(this);
    m_state->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Use This Track"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(queryRow);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_state);
    layout->addWidget(m_buttons);

    connect(searchButton, &QPushButton::clicked, this, &FixMatchDialog::search);
    connect(m_query, &QLineEdit::returnPressed, this, &FixMatchDialog::search);
    connect(m_results, &QListWidget::currentRowChanged, this,
            [this](int row) { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(row >= 0); });
    connect(m_results, &QListWidget::itemDoubleClicked, this, &FixMatchDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FixMatchDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    search();
}

void FixMatchDialog::search()
{
    const QString query = m_query->text().simplified();
    if (query.isEmpty())
        return;
    const int generation = ++m_generation;
    m_state->setText(tr("Searching…"));
    m_backend->searchPlex(query, this, [this, generation](pb::Result<std::vector<PlexTrack>> result) {
        if (generation != m_generation)
            return;
        m_results->clear();
        m_candidates.clear();
        if (!result.ok()) {
            m_state->setText(tr("Search failed: %1").arg(result.error().message));
            Q_EMIT searchFinished();
            return;
        }
        m_candidates = std::move(result).value();
        for (const PlexTrack &t : m_candidates) {
            const QString artist = t.originalTitle.isEmpty() ? t.grandparentTitle : t.originalTitle;
            auto *item = new QListWidgetItem(
                QStringLiteral("%1 – %2  (%3, %4)")
                    .arg(artist, t.title, t.parentTitle, TrackTableModel::formatDuration(t.durationMs)),
                m_results);
            item->setToolTip(tr("Plex rating key %1").arg(t.ratingKey));
        }
        m_state->setText(m_candidates.empty() ? tr("Nothing found. Try fewer words.")
                                              : countText(static_cast<int>(m_candidates.size()),
                                                          tr("1 track found."), tr("%1 tracks found.")));
        if (!m_candidates.empty())
            m_results->setCurrentRow(0);
        Q_EMIT searchFinished();
    });
}

void FixMatchDialog::accept()
{
    const int row = m_results->currentRow();
    if (row < 0 || row >= static_cast<int>(m_candidates.size()))
        return;
    Q_EMIT trackChosen(m_candidates[static_cast<size_t>(row)]);
    QDialog::accept();
}

} // namespace pb::gui
