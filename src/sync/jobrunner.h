#pragma once

#include "jobcontext.h"
#include "pb/sync/editplanner.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace pb::sync {

class TrackMatcher;
class PlaylistWriter;

/// Drives one sync on its worker thread: read → match → plan → write → verify, as a chain of
/// asynchronous steps on the worker's event loop. Polls the cancellation token so a cancel
/// aborts the requests in flight; coalesces progress and per-track results before they cross
/// to the service's thread; records the run in the history.
class JobRunner : public QObject {
    Q_OBJECT
public:
    JobRunner(JobContext &ctx, SourcePlaylist playlist, JobSink sink, QObject *parent = nullptr);
    ~JobRunner() override;

    void start();

Q_SIGNALS:
    /// The job is over (after sink.finished ran).
    void done();

private:
    void readAll();
    bool tryUnchanged();
    /// The short-read guard on what was read; false when it stopped the sync.
    bool readLooksWhole();
    void match();
    void plan(std::vector<TrackOutcome> outcomes);
    void write(const QStringList &wanted, const QString &title);
    /// Stops with ErrorKind::ShortRead, writing nothing.
    void stopShort(const QString &reason);
    void succeed(const QString &message);
    void fail(const Error &error, const QString &context = {});
    void finish(SyncResult result);

    void setStep(SyncStep step);
    void addNote(const QString &note);
    void pollCancel();
    void flush();
    void resolved(const std::vector<TrackOutcome> &outcomes);
    void abortReads();
    bool stopIfCancelled();

    JobContext &m_ctx;
    SourcePlaylist m_playlist;
    JobSink m_sink;
    SyncResult m_result;
    SyncProgress m_progress;
    bool m_progressDirty = false;
    std::vector<TrackOutcome> m_pendingOutcomes;
    std::vector<TrackOutcome> m_outcomes;
    std::vector<PlaylistEntry> m_entries;
    int m_declaredTotal = -1;
    std::optional<PlaylistLink> m_link;
    std::vector<CurrentItem> m_current;
    QString m_linkNote;
    clients::RequestHandle m_read;
    std::vector<clients::RequestHandle> m_reads;
    TrackMatcher *m_matcher = nullptr;
    PlaylistWriter *m_writer = nullptr;
    QTimer m_cancelTimer;
    QTimer m_progressTimer;
    bool m_writing = false;
    bool m_finished = false;
};

} // namespace pb::sync
