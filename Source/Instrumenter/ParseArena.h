/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_set>
#include <utility>
#include <vector>

namespace Offload {

// The memory of one tree-sitter parse. A parse makes millions of small allocations (a node with its children array
// at every reduction, stack arrays that grow and are dropped), and the tree lives exactly as long as the SyntaxTree:
// with malloc, allocating took a quarter of the instrumenter's time on a 4 MB library and page faults on the fresh
// heap another fifth. The arena carves blocks out of large chunks (advised as huge pages), recycles freed blocks per
// size class during the parse, and releases everything at once when it dies, so the tree is never freed node by node.
//
// tree-sitter's allocator is process-global: install() routes it here once, and the arena that is *active* on the
// calling thread (ParseArena::Scope) serves the allocations. Every block carries a header naming its arena, so that
// blocks made without an active arena (a TSTreeCursor used while walking the tree) are malloc'd and freed as usual,
// and freeing an arena block outside its parse does nothing: the arena releases it. Memory that tree-sitter hands to
// its caller (ts_node_string) therefore carries a header too and must go back through ts_current_free, not free().
class ParseArena {
public:
    ParseArena();
    ~ParseArena();

    ParseArena(const ParseArena&) = delete;
    ParseArena& operator=(const ParseArena&) = delete;

    // Routes tree-sitter's allocations through ParseArena (once per process, before tree-sitter allocates anything).
    static void install();

    // Makes the arena serve the tree-sitter allocations of this thread while it lives.
    class Scope {
    public:
        explicit Scope(ParseArena&);
        ~Scope();

        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        ParseArena* m_previous;
    };

private:
    struct Header;

    static void* malloc(size_t);
    static void* calloc(size_t count, size_t);
    static void* realloc(void*, size_t);
    static void free(void*);

    void* allocate(size_t);
    void* allocateFromChunk(size_t blockSize);
    void recycle(Header*);

    uint32_t m_id;
    std::vector<std::pair<void*, size_t>> m_chunks;
    char* m_cursor { nullptr };
    char* m_limit { nullptr };
    size_t m_nextChunkSize;
    std::vector<void*> m_freeLists;
    // Blocks above the largest size class, malloc'd during the parse.
    std::unordered_set<void*> m_largeBlocks;
};

} // namespace Offload
