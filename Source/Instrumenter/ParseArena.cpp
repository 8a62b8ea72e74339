/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Instrumenter/ParseArena.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <sys/mman.h>
#include <tree_sitter/api.h>

namespace Offload {

// Before every block: its requested size (what realloc must copy), the id of the arena that owns it (0: malloc) and
// its size class. 16 bytes keep the blocks as aligned as malloc's.
struct ParseArena::Header {
    uint64_t size;
    uint32_t arenaId;
    uint32_t sizeClass;
};

// Size classes: 16-byte steps up to 1 KB (most nodes and their children arrays), then powers of two up to 128 KB
// (tree-sitter's arrays grow by doubling). Larger blocks are malloc'd and listed, to be freed with the arena.
static constexpr size_t smallStep = 16;
static constexpr size_t smallLimit = 1024;
static constexpr uint32_t smallClassCount = smallLimit / smallStep;
static constexpr unsigned firstLargeShift = 11;
static constexpr unsigned lastLargeShift = 17;
static constexpr uint32_t classCount = smallClassCount + (lastLargeShift - firstLargeShift + 1);
static constexpr uint32_t largeBlockClass = classCount;
static constexpr size_t hugePageSize = 2 * 1024 * 1024;
static constexpr size_t firstChunkSize = 2 * 1024 * 1024;
static constexpr size_t largestChunkSize = 32 * 1024 * 1024;

static uint32_t sizeClassFor(size_t size)
{
    if (size <= smallLimit)
        return size ? static_cast<uint32_t>((size - 1) / smallStep) : 0;
    unsigned shift = std::bit_width(size - 1);
    if (shift > lastLargeShift)
        return largeBlockClass;
    return smallClassCount + (std::max(shift, firstLargeShift) - firstLargeShift);
}

static size_t payloadSize(uint32_t sizeClass)
{
    if (sizeClass < smallClassCount)
        return (sizeClass + 1) * smallStep;
    return size_t(1) << (sizeClass - smallClassCount + firstLargeShift);
}

static thread_local ParseArena* currentArena = nullptr;

// The first chunks of the last parse, kept for the next one on the same thread: a page that evaluates new code in a
// loop (Octane's CodeLoad) instruments a new source each time, and mapping and clearing fresh memory for each small
// parse would cost a good part of the parse. Sources up to a few hundred KB fit in them; larger ones map more.
class ChunkCache {
public:
    using Chunk = std::pair<void*, size_t>;

    static ChunkCache& forThisThread()
    {
        static thread_local ChunkCache cache;
        return cache;
    }

    ~ChunkCache()
    {
        for (auto& chunk : m_chunks)
            munmap(chunk.first, chunk.second);
    }

    bool keep(Chunk chunk)
    {
        if (chunk.second > cachedChunkLimit || m_chunks.size() >= cachedChunkCount)
            return false;
        m_chunks.push_back(chunk);
        return true;
    }

    std::optional<Chunk> take(size_t size)
    {
        auto found
            = std::find_if(m_chunks.begin(), m_chunks.end(), [size](auto& chunk) { return chunk.second == size; });
        if (found == m_chunks.end())
            return std::nullopt;
        Chunk chunk = *found;
        m_chunks.erase(found);
        return chunk;
    }

private:
    static constexpr size_t cachedChunkCount = 2;
    static constexpr size_t cachedChunkLimit = 2 * firstChunkSize;

    std::vector<Chunk> m_chunks;
};
static std::atomic<uint32_t> lastArenaId { 0 };

[[noreturn]] static void outOfMemory(size_t size)
{
    std::fprintf(stderr, "tree-sitter failed to allocate %zu bytes\n", size);
    std::abort();
}

void ParseArena::install()
{
    static std::once_flag once;
    std::call_once(once, [] { ts_set_allocator(malloc, calloc, realloc, free); });
}

ParseArena::ParseArena()
    : m_nextChunkSize(firstChunkSize)
    , m_freeLists(classCount, nullptr)
{
    // 0 marks malloc'd blocks; after four billion parses the ids wrap, long after the older arenas died.
    do
        m_id = ++lastArenaId;
    while (!m_id);
}

ParseArena::~ParseArena()
{
    for (void* block : m_largeBlocks)
        std::free(block);
    for (auto& chunk : m_chunks) {
        if (!ChunkCache::forThisThread().keep(chunk))
            munmap(chunk.first, chunk.second);
    }
}

ParseArena::Scope::Scope(ParseArena& arena)
    : m_previous(currentArena)
{
    currentArena = &arena;
}

ParseArena::Scope::~Scope()
{
    currentArena = m_previous;
}

// Whole huge pages, aligned: one fault maps 2 MB instead of 4 KB.
static std::pair<void*, size_t> mapChunk(size_t size)
{
    void* mapping = mmap(nullptr, size + hugePageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapping == MAP_FAILED)
        outOfMemory(size);
    auto start = reinterpret_cast<uintptr_t>(mapping);
    uintptr_t aligned = (start + hugePageSize - 1) & ~(hugePageSize - 1);
    if (aligned > start)
        munmap(mapping, aligned - start);
    if (size_t tail = start + size + hugePageSize - (aligned + size))
        munmap(reinterpret_cast<void*>(aligned + size), tail);
    madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);
    return { reinterpret_cast<void*>(aligned), size };
}

void* ParseArena::allocateFromChunk(size_t blockSize)
{
    if (static_cast<size_t>(m_limit - m_cursor) < blockSize) {
        size_t size = m_nextChunkSize;
        m_nextChunkSize = std::min(m_nextChunkSize * 2, largestChunkSize);
        auto chunk = ChunkCache::forThisThread().take(size);
        m_chunks.push_back(chunk ? *chunk : mapChunk(size));
        m_cursor = static_cast<char*>(m_chunks.back().first);
        m_limit = m_cursor + size;
    }
    void* block = m_cursor;
    m_cursor += blockSize;
    return block;
}

void* ParseArena::allocate(size_t size)
{
    static_assert(sizeof(Header) == 16);
    uint32_t sizeClass = sizeClassFor(size);
    Header* header;
    if (sizeClass == largeBlockClass) {
        header = static_cast<Header*>(std::malloc(sizeof(Header) + size));
        if (!header)
            outOfMemory(size);
        m_largeBlocks.insert(header);
    } else if (void* recycled = m_freeLists[sizeClass]) {
        std::memcpy(&m_freeLists[sizeClass], recycled, sizeof(void*));
        header = static_cast<Header*>(recycled) - 1;
    } else
        header = static_cast<Header*>(allocateFromChunk(sizeof(Header) + payloadSize(sizeClass)));
    *header = { size, m_id, sizeClass };
    return header + 1;
}

void ParseArena::recycle(Header* header)
{
    if (header->sizeClass == largeBlockClass) {
        m_largeBlocks.erase(header);
        std::free(header);
        return;
    }
    // The free list runs through the first bytes of the free blocks' payloads.
    std::memcpy(header + 1, &m_freeLists[header->sizeClass], sizeof(void*));
    m_freeLists[header->sizeClass] = header + 1;
}

void* ParseArena::malloc(size_t size)
{
    if (currentArena)
        return currentArena->allocate(size);
    auto* header = static_cast<Header*>(std::malloc(sizeof(Header) + size));
    if (!header)
        outOfMemory(size);
    *header = { size, 0, largeBlockClass };
    return header + 1;
}

void* ParseArena::calloc(size_t count, size_t size)
{
    size_t total;
    if (__builtin_mul_overflow(count, size, &total))
        outOfMemory(SIZE_MAX);
    void* block = malloc(total);
    std::memset(block, 0, total);
    return block;
}

void* ParseArena::realloc(void* block, size_t size)
{
    if (!block)
        return malloc(size);
    auto* header = static_cast<Header*>(block) - 1;
    if (currentArena && header->arenaId == currentArena->m_id && header->sizeClass != largeBlockClass
        && payloadSize(header->sizeClass) >= size) {
        header->size = size;
        return block;
    }
    if (!currentArena && !header->arenaId) {
        header = static_cast<Header*>(std::realloc(header, sizeof(Header) + size));
        if (!header)
            outOfMemory(size);
        header->size = size;
        return header + 1;
    }
    void* moved = malloc(size);
    std::memcpy(moved, block, std::min<uint64_t>(header->size, size));
    free(block);
    return moved;
}

void ParseArena::free(void* block)
{
    if (!block)
        return;
    auto* header = static_cast<Header*>(block) - 1;
    if (!header->arenaId)
        std::free(header);
    else if (currentArena && header->arenaId == currentArena->m_id)
        currentArena->recycle(header);
    // Otherwise the block belongs to an arena that is not serving this thread: it is released with that arena.
}

} // namespace Offload
