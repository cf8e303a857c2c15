#pragma once

#include "pb/core/types.h"

#include <QDialog>

#include <vector>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace pb::gui {

class AppBackend;

/// Finds the right Plex track for a Spotify track by searching the library. Emits
/// trackChosen when the user picks one; the caller saves it as a manual override.
class FixMatchDialog : public QDialog {
    Q_OBJECT

public:
    FixMatchDialog(const SourceTrack &track, AppBackend *backend, QWidget *parent = nullptr);

    QLineEdit *queryEdit() const { return m_query; }
    QListWidget *results() const { return m_results; }
    const std::vector<PlexTrack> &candidates() const { return m_candidates; }

    /// Emits trackChosen for the selected result and closes.
    void accept() override;

public Q_SLOTS:
    void search();

Q_SIGNALS:
    void trackChosen(const pb::PlexTrack &track);
    /// A search answered (for tests and the status line).
    void searchFinished();

private:
    SourceTrack m_track;
    AppBackend *m_backend;
    QLineEdit *m_query;
    QListWidget *m_results;
    QLabel *m_state;
    QDialogButtonBox *m_buttons;
    std::vector<PlexTrack> m_candidates;
    int m_generation = 0; ///< ignores answers to superseded searches
};

} // namespace pb::gui
