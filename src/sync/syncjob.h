#pragma once

#include "jobcontext.h"

#include <QRunnable>

#include <memory>

namespace pb::sync {

/// One sync as a QThreadPool task. run() builds everything network-related on the worker
/// thread (its own QNetworkAccessManager, clients, state-store connection and event loop)
/// and returns when the job is over. cancel() may be called from any thread.
class SyncJob : public QRunnable, public std::enable_shared_from_this<SyncJob> {
public:
    SyncJob(SourcePlaylist playlist, SyncOptions options, SyncAccounts accounts,
            SyncServiceOptions serviceOptions, JobSink sink);

    void run() override;
    void cancel() { m_cancel.cancel(); }
    bool isCancelled() const { return m_cancel.isCancelled(); }
    const SourcePlaylist &playlist() const { return m_playlist; }
    const SyncOptions &options() const { return m_options; }

private:
    SourcePlaylist m_playlist;
    SyncOptions m_options;
    SyncAccounts m_accounts;
    SyncServiceOptions m_serviceOptions;
    JobSink m_sink;
    CancellationToken m_cancel;
};

} // namespace pb::sync
