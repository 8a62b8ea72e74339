/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Tools/offload-jsc/MigrationPayload.h"

#include <cstring>
#include <gio/gio.h>
#include <string_view>

namespace Offload {

static constexpr std::string_view magic = "WKOFHOP1";

static void appendInteger(std::vector<uint8_t>& out, uint64_t value, unsigned size)
{
    for (unsigned i = 0; i < size; ++i)
        out.push_back(static_cast<uint8_t>(value >> (8 * i)));
}

static void appendString(std::vector<uint8_t>& out, const std::string& text)
{
    appendInteger(out, text.size(), 4);
    out.insert(out.end(), text.begin(), text.end());
}

std::vector<uint8_t> MigrationPayload::serialize() const
{
    std::vector<uint8_t> out(magic.begin(), magic.end());
    appendInteger(out, migrationIndex, 8);
    appendInteger(out, scripts.size(), 4);
    for (const auto& script : scripts) {
        appendString(out, script.sid);
        appendString(out, script.url);
        appendString(out, script.code);
        appendString(out, script.metadataJSON);
        out.push_back(script.isInstrumented ? 1 : 0);
    }
    appendInteger(out, bundle.size(), 8);
    out.insert(out.end(), bundle.begin(), bundle.end());
    return out;
}

namespace {

    class PayloadReader {
    public:
        explicit PayloadReader(std::span<const uint8_t> bytes)
            : m_bytes(bytes)
        {
        }

        bool integer(uint64_t& value, unsigned size)
        {
            if (m_bytes.size() - m_offset < size)
                return false;
            value = 0;
            for (unsigned i = 0; i < size; ++i)
                value |= static_cast<uint64_t>(m_bytes[m_offset + i]) << (8 * i);
            m_offset += size;
            return true;
        }

        bool bytes(std::span<const uint8_t>& result, uint64_t length)
        {
            if (m_bytes.size() - m_offset < length)
                return false;
            result = m_bytes.subspan(m_offset, length);
            m_offset += length;
            return true;
        }

        bool string(std::string& text)
        {
            uint64_t length;
            std::span<const uint8_t> data;
            if (!integer(length, 4) || !bytes(data, length))
                return false;
            text.assign(reinterpret_cast<const char*>(data.data()), data.size());
            return true;
        }

    private:
        std::span<const uint8_t> m_bytes;
        size_t m_offset { 0 };
    };

} // namespace

bool MigrationPayload::deserialize(std::span<const uint8_t> bytes, MigrationPayload& payload, GError** error)
{
    auto fail = [&](const char* what) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Corrupt migration payload: %s", what);
        return false;
    };
    if (bytes.size() < magic.size() || memcmp(bytes.data(), magic.data(), magic.size()))
        return fail("bad magic");
    PayloadReader reader(bytes.subspan(magic.size()));
    uint64_t scriptCount;
    if (!reader.integer(payload.migrationIndex, 8) || !reader.integer(scriptCount, 4))
        return fail("truncated header");
    payload.scripts.clear();
    for (uint64_t i = 0; i < scriptCount; ++i) {
        EngineScript script;
        std::span<const uint8_t> flag;
        if (!reader.string(script.sid) || !reader.string(script.url) || !reader.string(script.code)
            || !reader.string(script.metadataJSON) || !reader.bytes(flag, 1))
            return fail("truncated script");
        script.isInstrumented = flag[0];
        payload.scripts.push_back(std::move(script));
    }
    uint64_t bundleLength;
    std::span<const uint8_t> bundle;
    if (!reader.integer(bundleLength, 8) || !reader.bytes(bundle, bundleLength))
        return fail("truncated bundle");
    payload.bundle.assign(bundle.begin(), bundle.end());
    return true;
}

} // namespace Offload
