#pragma once

#include "jobcontext.h"
#include "pb/sync/editplanner.h"

#include <QObject>

#include <functional>
#include <optional>

namespace pb::sync {

/// What the write step is asked to do.
struct WriteRequest {
    std::optional<PlaylistLink> link; ///< set: edit this (existing, linked) playlist in place
    std::vector<CurrentItem> current; ///< its items now, when linked
    QStringList wanted;               ///< rating keys in Spotify order, duplicates included
    QString title;                    ///< for a new playlist
};

/// What the write step did.
struct WriteOutcome {
    std::optional<Error> error; ///< Failed (or Cancelled) with this error
    bool cancelled = false;
    bool unchanged = true; ///< the Plex playlist holds exactly its old contents (or was never created)
    QString ratingKey;
    QString title;
    EditSummary edit;
    QStringList finalKeys; ///< the verified contents, when the write completed
    QString note;          ///< one extra line for the user (repairs, rollbacks)
};

/// The write and verify steps of one job, on its worker thread. Writes either complete or
/// are rolled back, never left half: once a write has started, a cancellation finishes it
/// when less than half remains and rolls it back otherwise. After writing, the items are read
/// back and compared with the wanted order; a difference is repaired once, then reported.
class PlaylistWriter : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(WriteOutcome)>;

    PlaylistWriter(JobContext &ctx, QObject *parent = nullptr);
    void start(WriteRequest request, Done done);
    /// Called once when the write is done and the read-back starts.
    void setOnVerify(std::function<void()> onVerify) { m_onVerify = std::move(onVerify); }

    /// Plex write requests issued (for the benchmark).
    int writesIssued() const { return m_writes; }

private:
    using Step = std::function<void(std::function<void(Status)>)>;

    void create();
    void edit();
    std::vector<Step> stepsFor(const QString &ratingKey, const EditPlan &plan);
    void runSteps(std::shared_ptr<std::vector<Step>> steps, std::size_t index, bool interruptible,
                  std::function<void(Status, std::size_t done)> then);
    void rollback(const Error &cause);
    void restoreTo(const QStringList &keys, std::function<void(Status)> then);
    void verify(bool repaired);
    void readKeys(std::function<void(Result<std::vector<CurrentItem>>)> then);
    void finish();

    JobContext &m_ctx;
    WriteRequest m_request;
    WriteOutcome m_outcome;
    QStringList m_oldKeys;
    bool m_created = false;
    int m_writes = 0;
    Done m_done;
    std::function<void()> m_onVerify;
};

} // namespace pb::sync
