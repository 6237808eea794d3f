#pragma once

#include "importing/RowParser.h"

#include <QList>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

namespace masir {

/// Rows handed from the reader thread to the writer, and back to be reused:
/// a million-row import then allocates a few thousand rows, not a million.
struct Chunk
{
    QList<PreparedRow> rows;
    qsizetype used = 0; ///< rows filled; a reused chunk keeps the others for later
    bool end = false;   ///< the last chunk of the input

    /// The next row to fill, cleared.
    PreparedRow &nextRow();
    /// Whether \a row is one of this chunk's rows.
    bool holds(const PreparedRow *row) const;
};

/// The pipe between the import's reader thread and its writer: at most
/// kMaxChunks chunks in flight, and the chunks the writer is done with go
/// back to the reader, so that their rows' memory is reused on the thread
/// that made it.
class ChunkPipe final
{
    Q_DISABLE_COPY_MOVE(ChunkPipe)

public:
    static constexpr int kChunkRows = 512;
    static constexpr size_t kMaxChunks = 16;

    ChunkPipe() = default;

    // The reader's side.
    /// An empty chunk to fill: one the writer gave back, or a new one.
    Chunk take();
    /// Hands a full chunk to the writer, waiting while kMaxChunks are in
    /// flight; false when the writer has stopped reading.
    bool push(Chunk &&chunk);

    // The writer's side.
    /// Gives \a done back to the reader and waits for the next chunk.
    Chunk next(Chunk &&done);
    /// Stops the reader at its next push().
    void stop();

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Chunk> m_queue;
    std::deque<Chunk> m_spent; ///< given back, not yet taken by the reader
    std::vector<Chunk> m_pool; ///< the reader's own, ready to fill
    bool m_stopped = false;
};

} // namespace masir
