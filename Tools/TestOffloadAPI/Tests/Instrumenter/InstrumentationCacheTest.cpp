/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Instrumenter/InstrumentationCache.h"

#include "Common/GUniquePtr.h"
#include <gtest/gtest.h>

using namespace Offload;

namespace {

class TemporaryDirectory {
public:
    TemporaryDirectory()
        : m_path(g_dir_make_tmp("offload-instrumenter-XXXXXX", nullptr))
    {
    }
    ~TemporaryDirectory()
    {
        GUniquePtr<char> command(g_strdup_printf("rm -rf '%s'", m_path.get()));
        if (system(command.get()))
            g_warning("Cannot remove %s", m_path.get());
    }
    const char* path() const { return m_path.get(); }

private:
    GUniquePtr<char> m_path;
};

TEST(InstrumentationCache, MemoryHitsReturnTheSameResult)
{
    InstrumentationCache cache;
    InstrumentOptions options;
    auto first = cache.instrument("var f = () => 1;", options, nullptr);
    auto second = cache.instrument("var f = () => 1;", options, nullptr);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->code, second->code);
    EXPECT_EQ(first->metadataJson, second->metadataJson);
    EXPECT_EQ(cache.missCount(), 1u);
    EXPECT_EQ(cache.hitCount(), 1u);
}

TEST(InstrumentationCache, KeyDependsOnSourceKindAndOptions)
{
    InstrumentOptions script;
    InstrumentOptions eval;
    eval.kind = SourceKind::DirectEval;
    InstrumentOptions strictEval = eval;
    strictEval.isStrictCaller = true;
    auto key = InstrumentationCache::key("x", script);
    EXPECT_EQ(key.size(), 64u);
    EXPECT_EQ(key, InstrumentationCache::key("x", script));
    EXPECT_NE(key, InstrumentationCache::key("y", script));
    EXPECT_NE(key, InstrumentationCache::key("x", eval));
    EXPECT_NE(InstrumentationCache::key("x", eval), InstrumentationCache::key("x", strictEval));
}

TEST(InstrumentationCache, DiskEntriesSurviveTheCache)
{
    TemporaryDirectory directory;
    InstrumentOptions options;
    std::string code;
    size_t entryOffset = 0;
    constexpr char source[] = "'use strict'\nlet a = 1; var f = () => a;";
    {
        InstrumentationCache cache(directory.path());
        auto result = cache.instrument(source, options, nullptr);
        ASSERT_TRUE(result);
        code = result->code;
        entryOffset = result->entryOffset;
        EXPECT_TRUE(result->entryNeedsSemicolon);
    }
    InstrumentationCache cache(directory.path());
    auto result = cache.instrument(source, options, nullptr);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->code, code);
    EXPECT_EQ(result->entryOffset, entryOffset);
    EXPECT_TRUE(result->entryNeedsSemicolon);
    EXPECT_EQ(result->scriptId, Instrumenter::scriptId(source));
    EXPECT_EQ(cache.hitCount(), 1u);
    EXPECT_EQ(cache.missCount(), 0u);
}

TEST(InstrumentationCache, FailuresAreReportedAndNotCached)
{
    InstrumentationCache cache;
    InstrumentOptions options;
    GError* error = nullptr;
    EXPECT_FALSE(cache.instrument("with (o) {}", options, &error));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, static_cast<int>(InstrumenterError::UnsupportedSyntax));
    g_error_free(error);
    EXPECT_EQ(cache.hitCount() + cache.missCount(), 0u);
}

} // namespace
