/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Instrumenter/PropertyKey.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <glib.h>

namespace Offload {

std::string quoteString(std::string_view text)
{
    std::string quoted = "\"";
    for (unsigned char c : text) {
        switch (c) {
        case '"':
            quoted += "\\\"";
            break;
        case '\\':
            quoted += "\\\\";
            break;
        case '\n':
            quoted += "\\n";
            break;
        case '\r':
            quoted += "\\r";
            break;
        case '\t':
            quoted += "\\t";
            break;
        default:
            if (c < 0x20) {
                char escape[8];
                std::snprintf(escape, sizeof(escape), "\\u%04x", c);
                quoted += escape;
            } else
                quoted.push_back(static_cast<char>(c));
        }
    }
    // U+2028 and U+2029 are line terminators in older JavaScript string literals; escape them to be safe.
    for (size_t position = quoted.find("\xe2\x80\xa8"); position != std::string::npos;
         position = quoted.find("\xe2\x80\xa8"))
        quoted.replace(position, 3, "\\u2028");
    for (size_t position = quoted.find("\xe2\x80\xa9"); position != std::string::npos;
         position = quoted.find("\xe2\x80\xa9"))
        quoted.replace(position, 3, "\\u2029");
    quoted += "\"";
    return quoted;
}

static void appendCodePoint(std::string& out, uint32_t codePoint)
{
    char buffer[8];
    int length = g_unichar_to_utf8(codePoint, buffer);
    out.append(buffer, length);
}

// Decodes the escapes of a string literal's body. Lone surrogates cannot be represented in UTF-8: such keys are
// reported as unknown.
static std::optional<std::string> decodeStringBody(std::string_view body)
{
    std::string out;
    for (size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c != '\\') {
            out.push_back(c);
            continue;
        }
        if (++i >= body.size())
            return std::nullopt;
        char escape = body[i];
        auto hex = [&](size_t start, size_t length) -> std::optional<uint32_t> {
            if (start + length > body.size())
                return std::nullopt;
            uint32_t value = 0;
            for (size_t j = start; j < start + length; ++j) {
                int digit = g_ascii_xdigit_value(body[j]);
                if (digit < 0)
                    return std::nullopt;
                value = value * 16 + digit;
            }
            return value;
        };
        switch (escape) {
        case 'n':
            out.push_back('\n');
            break;
        case 't':
            out.push_back('\t');
            break;
        case 'r':
            out.push_back('\r');
            break;
        case 'b':
            out.push_back('\b');
            break;
        case 'f':
            out.push_back('\f');
            break;
        case 'v':
            out.push_back('\v');
            break;
        case '0':
            if (i + 1 < body.size() && g_ascii_isdigit(body[i + 1]))
                return std::nullopt;
            out.push_back('\0');
            break;
        case '\r':
            if (i + 1 < body.size() && body[i + 1] == '\n')
                ++i;
            break;
        case '\n':
            break;
        case 'x': {
            auto value = hex(i + 1, 2);
            if (!value)
                return std::nullopt;
            appendCodePoint(out, *value);
            i += 2;
            break;
        }
        case 'u': {
            std::optional<uint32_t> value;
            if (i + 1 < body.size() && body[i + 1] == '{') {
                size_t close = body.find('}', i);
                if (close == std::string_view::npos)
                    return std::nullopt;
                value = hex(i + 2, close - i - 2);
                i = close;
            } else {
                value = hex(i + 1, 4);
                i += 4;
            }
            if (!value || (*value >= 0xd800 && *value <= 0xdfff) || *value > 0x10ffff)
                return std::nullopt;
            appendCodePoint(out, *value);
            break;
        }
        default:
            if (g_ascii_isdigit(escape))
                return std::nullopt;
            // Line separators after a backslash are line continuations.
            if (body.substr(i).starts_with("\xe2\x80\xa8") || body.substr(i).starts_with("\xe2\x80\xa9")) {
                i += 2;
                break;
            }
            out.push_back(escape);
        }
    }
    return out;
}

static std::optional<std::string> canonicalNumber(std::string_view text)
{
    std::string digits;
    for (char c : text) {
        if (c != '_')
            digits.push_back(c);
    }
    if (digits.empty() || digits.back() == 'n')
        return std::nullopt;
    double value;
    if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X'))
        value = static_cast<double>(std::strtoull(digits.c_str() + 2, nullptr, 16));
    else if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'o' || digits[1] == 'O'))
        value = static_cast<double>(std::strtoull(digits.c_str() + 2, nullptr, 8));
    else if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'b' || digits[1] == 'B'))
        value = static_cast<double>(std::strtoull(digits.c_str() + 2, nullptr, 2));
    else if (digits.size() > 1 && digits[0] == '0' && g_ascii_isdigit(digits[1]))
        return std::nullopt;
    else
        value = g_ascii_strtod(digits.c_str(), nullptr);
    // Only integers below 2^53 have an obvious canonical string; other keys are left to the runtime.
    if (value != std::floor(value) || value >= 9007199254740992.0)
        return std::nullopt;
    char buffer[32];
    std::snprintf(buffer, sizeof(buffer), "%.0f", value);
    return std::string(buffer);
}

std::optional<std::string> propertyKeyName(const SyntaxTree& tree, TSNode key)
{
    if (ts_node_is_null(key))
        return std::nullopt;
    auto text = tree.text(key);
    if (nodeIs(key, "property_identifier") || nodeIs(key, "private_property_identifier")) {
        if (text.find('\\') != std::string_view::npos)
            return decodeStringBody(text);
        return std::string(text);
    }
    if (nodeIs(key, "string") && text.size() >= 2)
        return decodeStringBody(text.substr(1, text.size() - 2));
    if (nodeIs(key, "number"))
        return canonicalNumber(text);
    return std::nullopt;
}

std::string propertyKeyExpression(const SyntaxTree& tree, TSNode key)
{
    auto text = tree.text(key);
    if (nodeIs(key, "string") || nodeIs(key, "number"))
        return std::string(text);
    if (nodeIs(key, "property_identifier") || nodeIs(key, "private_property_identifier")) {
        if (auto name = propertyKeyName(tree, key))
            return quoteString(*name);
    }
    return "null";
}

} // namespace Offload
