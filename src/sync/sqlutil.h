#pragma once

#include "pb/core/error.h"
#include "pb/core/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>

/// Small helpers shared by the state store's files: typed errors from Qt Sql, prepared
/// statements with positional binding, and an RAII transaction.
namespace pb::sync::sql {

inline Error storageError(const QString &what, const QSqlError &e)
{
    // The driver text names the file problem ("file is not a database", "disk I/O error");
    // it never contains user secrets.
    return Error::make(ErrorKind::Storage, what + QStringLiteral(": ") + e.text());
}

/// Prepares and runs `sql` with positional values; on failure returns a Storage error.
inline Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sqlText,
                             std::initializer_list<QVariant> values = {})
{
    QSqlQuery q(db);
    if (!q.prepare(sqlText))
        return storageError(QStringLiteral("could not prepare a statement"), q.lastError());
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return storageError(QStringLiteral("could not run a statement"), q.lastError());
    return q;
}

inline QVariant fromTime(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

inline QDateTime toTime(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

inline QVariant nullable(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

/// BEGIN IMMEDIATE … COMMIT, rolled back unless commit() succeeded. IMMEDIATE takes the
/// write lock up front, so two connections never deadlock upgrading read locks.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db) : m_db(std::move(db))
    {
        QSqlQuery q(m_db);
        m_open = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!m_open)
            m_error = storageError(QStringLiteral("could not start a transaction"), q.lastError());
    }
    ~Transaction()
    {
        if (m_open) {
            QSqlQuery q(m_db);
            (void)q.exec(QStringLiteral("ROLLBACK"));
        }
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Status status() const { return m_open ? Status() : Status(m_error); }
    Status commit()
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("COMMIT")))
            return storageError(QStringLiteral("could not commit"), q.lastError());
        m_open = false;
        return {};
    }

private:
    QSqlDatabase m_db;
    bool m_open = false;
    Error m_error;
};

} // namespace pb::sync::sql
