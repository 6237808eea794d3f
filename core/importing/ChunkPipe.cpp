#include "importing/ChunkPipe.h"

#include <functional>

namespace masir {

PreparedRow &Chunk::nextRow()
{
    if (used == rows.size())
        rows.emplaceBack();
    PreparedRow &row = rows[used++];
    row.clear();
    return row;
}

bool Chunk::holds(const PreparedRow *row) const
{
    const std::less<const PreparedRow *> before;
    return !rows.isEmpty() && !before(row, rows.constData()) &&
           before(row, rows.constData() + rows.size());
}

Chunk ChunkPipe::take()
{
    Chunk chunk;
    if (m_pool.empty()) {
        chunk.rows.reserve(kChunkRows);
    } else {
        chunk = std::move(m_pool.back());
        m_pool.pop_back();
        chunk.used = 0;
        chunk.end = false;
    }
    return chunk;
}

bool ChunkPipe::push(Chunk &&chunk)
{
    chunk.rows.resize(chunk.used); // a reused chunk may have kept more
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_stopped || m_queue.size() < kMaxChunks; });
    if (m_stopped)
        return false;
    m_queue.push_back(std::move(chunk));
    m_changed.notify_all();
    std::deque<Chunk> back;
    back.swap(m_spent);
    lock.unlock();
    for (Chunk &c : back) {
        if (m_pool.size() < kMaxChunks) // more are freed here, on the thread that made them
            m_pool.push_back(std::move(c));
    }
    return true;
}

Chunk ChunkPipe::next(Chunk &&done)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return !m_queue.empty(); });
    m_spent.push_back(std::move(done));
    Chunk chunk = std::move(m_queue.front());
    m_queue.pop_front();
    m_changed.notify_all();
    return chunk;
}

void ChunkPipe::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
    }
    m_changed.notify_all();
}

} // namespace masir
