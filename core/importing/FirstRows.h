#pragma once

#ifdef __linux__
#include <sys/mman.h>
#endif

#include <QByteArray>
#include <QHash>
#include <QtGlobal>

#include <algorithm>
#include <cstdlib>
#include <new>
#include <utility>

// The import's table of addresses seen so far, on the reader thread (see
// PreparedRow::emailSlot). Internal to importing/.
namespace masir::ImportKeys {

/// A hash of an address (kind 'e' or 'p'), never 0; 0 for an empty one.
inline quint64 keyHash(char kind, const QByteArray &value)
{
    if (value.isEmpty())
        return 0;
    const quint64 h = qHash(value, 0x5eed + uchar(kind)) ^ (quint64(qHash(value, 0x1403)) << 32);
    return h ? h : 1; // 0 means "no value"
}

/// Zero-filled memory straight from the system (no pass to clear it), in 2 MiB
/// pages where Linux offers them: a million-row import's key table is 64 MiB,
/// and in 4 KiB pages its first touches and TLB misses cost its thread 0.2 s.
class ZeroedMemory
{
    Q_DISABLE_COPY(ZeroedMemory)

public:
    ZeroedMemory() = default;
    explicit ZeroedMemory(size_t bytes)
        : m_size(bytes)
    {
#ifdef __linux__
        void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            throw std::bad_alloc();
        madvise(p, bytes, MADV_HUGEPAGE); // a hint: without it, 4 KiB pages
        m_data = p;
#else
        m_data = std::calloc(1, bytes);
        if (!m_data)
            throw std::bad_alloc();
#endif
    }
    ZeroedMemory(ZeroedMemory &&other) noexcept
        : m_data(std::exchange(other.m_data, nullptr))
        , m_size(std::exchange(other.m_size, 0))
    {}
    ZeroedMemory &operator=(ZeroedMemory &&other) noexcept
    {
        ZeroedMemory gone(std::move(*this));
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        return *this;
    }
    ~ZeroedMemory()
    {
        if (!m_data)
            return;
#ifdef __linux__
        munmap(m_data, m_size);
#else
        std::free(m_data);
#endif
    }
    void *data() const
    {
        return m_data;
    }

private:
    void *m_data = nullptr;
    size_t m_size = 0;
};

/// Key hashes (never 0) -> a number each (0: none); the import keeps the slot
/// of the row that brought each address first (see PreparedRow::emailSlot).
/// Open addressing in one flat array: a million-row import asks it two million
/// times, and a QHash spent more time on its spans and nodes than SQLite on the
/// rows.
class FirstRows
{
public:
    /// Brings \a key's slot into the cache ahead of value() and assign(): the
    /// table is far larger than the cache, and each lookup would wait for memory.
    void prefetch(quint64 key) const
    {
        if (m_count)
            __builtin_prefetch(&table()[slotOf(key)]);
    }
    qint64 value(quint64 key) const
    {
        if (!m_count)
            return 0;
        const Slot *table = this->table();
        for (size_t i = slotOf(key);; i = (i + 1) & m_mask) {
            if (table[i].key == key)
                return table[i].number;
            if (table[i].key == 0)
                return 0;
        }
    }
    /// Sets the number of \a key, which is added if it is not there.
    void assign(quint64 key, qint64 number)
    {
        if ((m_used + 1) * 2 > m_count)
            grow();
        Slot *table = this->table();
        for (size_t i = slotOf(key);; i = (i + 1) & m_mask) {
            if (table[i].key == key) {
                table[i].number = number;
                return;
            }
            if (table[i].key == 0) {
                table[i] = {key, number};
                ++m_used;
                return;
            }
        }
    }
    /// Room for \a keys without growing again (growing rehashes every key).
    void reserve(size_t keys)
    {
        size_t count = 1024;
        while (count < keys * 2)
            count *= 2;
        if (count > m_count)
            rehash(count);
    }

private:
    struct Slot
    {
        quint64 key = 0;
        qint64 number = 0;
    };
    size_t slotOf(quint64 key) const { return size_t(key * 0x9E3779B97F4A7C15ull >> 20) & m_mask; }
    Slot *table() const { return static_cast<Slot *>(m_memory.data()); }
    void grow() { rehash(std::max<size_t>(1024, m_count * 2)); }
    void rehash(size_t count)
    {
        const ZeroedMemory old = std::exchange(m_memory, ZeroedMemory(count * sizeof(Slot)));
        const auto *oldSlots = static_cast<const Slot *>(old.data());
        const size_t oldCount = std::exchange(m_count, count);
        m_mask = count - 1;
        m_used = 0;
        for (size_t i = 0; i < oldCount; ++i) {
            if (oldSlots[i].key)
                assign(oldSlots[i].key, oldSlots[i].number);
        }
    }

    ZeroedMemory m_memory;
    size_t m_count = 0; ///< slots, a power of two
    size_t m_mask = 0;
    size_t m_used = 0;
};

} // namespace masir::ImportKeys
