/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Tools/InstrumenterCorpus/TokenComparison.h"

#include "Instrumenter/InstrumenterError.h"
#include "Instrumenter/ParseArena.h"

#include <algorithm>
#include <cstring>
#include <tree_sitter/api.h>
#include <unordered_map>
#include <vector>

extern "C" const TSLanguage* tree_sitter_javascript();

namespace {

using namespace Offload;

struct Token {
    uint32_t start;
    uint32_t end;
    // Tokens are equal when their text and their class are: the class is the token's own kind, except that the
    // identifier-like kinds are one class (a rewrite may legitimately turn the shorthand `{ eval }` into
    // `{ eval: __offload.ie(eval) }`, where the original `eval` becomes a property name).
    uint32_t tokenClass;
    uint64_t hash;
};

struct Tokens {
    std::string_view text;
    std::vector<Token> tokens;
    bool hasError { false };

    std::string_view textOf(const Token& token) const { return text.substr(token.start, token.end - token.start); }
    bool equal(const Token& token, const Tokens& other, const Token& otherToken) const
    {
        return token.hash == otherToken.hash && token.tokenClass == otherToken.tokenClass
            && textOf(token) == other.textOf(otherToken);
    }
};

constexpr uint32_t identifierClass = 0xffffffff;

uint32_t classOf(TSNode node)
{
    if (!ts_node_is_named(node))
        return ts_node_symbol(node);
    const char* type = ts_node_type(node);
    for (const char* identifierType : { "identifier", "property_identifier", "shorthand_property_identifier",
             "shorthand_property_identifier_pattern" }) {
        if (!strcmp(type, identifierType))
            return identifierClass;
    }
    return ts_node_symbol(node);
}

uint64_t hashOf(std::string_view text, uint32_t tokenClass)
{
    uint64_t hash = 14695981039346656037ull ^ tokenClass;
    for (char c : text)
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return hash;
}

Tokens tokenize(std::string_view text)
{
    Tokens result { text, {}, false };
    // The parse allocates through the instrumenter's arena (tree-sitter's allocator is process-wide, see
    // ParseArena.h), which also frees the whole tree at once.
    ParseArena arena;
    ParseArena::Scope scope(arena);
    TSParser* parser = ts_parser_new();
    ts_parser_set_language(parser, tree_sitter_javascript());
    TSTree* tree = ts_parser_parse_string_encoding(parser, nullptr, text.data(), text.size(), TSInputEncodingUTF8);
    TSNode root = ts_tree_root_node(tree);
    result.hasError = ts_node_has_error(root);
    TSTreeCursor cursor = ts_tree_cursor_new(root);
    bool done = false;
    while (!done) {
        if (ts_tree_cursor_goto_first_child(&cursor))
            continue;
        TSNode leaf = ts_tree_cursor_current_node(&cursor);
        uint32_t start = ts_node_start_byte(leaf);
        uint32_t end = ts_node_end_byte(leaf);
        if (end > start) {
            uint32_t tokenClass = classOf(leaf);
            result.tokens.push_back({ start, end, tokenClass, hashOf(text.substr(start, end - start), tokenClass) });
        }
        while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
            if (!ts_tree_cursor_goto_parent(&cursor)) {
                done = true;
                break;
            }
        }
    }
    ts_tree_cursor_delete(&cursor);
    ts_tree_delete(tree);
    ts_parser_delete(parser);
    return result;
}

std::string excerpt(std::string_view text, size_t offset)
{
    std::string result;
    for (size_t i = offset; i < text.size() && result.size() < 64; ++i) {
        if (text[i] == '\n')
            result += "\\n";
        else if (text[i] == '\r')
            result += "\\r";
        else
            result += text[i];
    }
    return result;
}

std::string location(std::string_view text, size_t offset)
{
    auto [line, column] = lineAndColumnForOffset(text, offset);
    return std::to_string(line) + ":" + std::to_string(column);
}

// The runtime's names all start with `__of`, which no author identifier may (the instrumenter refuses them). So an
// output token that holds `__of` after other text is an author token glued to inserted text (`return__offload`),
// and a comment that holds `__offload` swallowed inserted text: both are named when found in the stretch of output
// where a token went missing.
std::string gluedTokenHint(const Tokens& output, size_t from, size_t limit)
{
    for (size_t i = from; i < std::min(limit, output.tokens.size()); ++i) {
        auto text = output.textOf(output.tokens[i]);
        auto position = text.find("__of");
        if (position == std::string_view::npos || !position)
            continue;
        bool isComment = text.starts_with("//") || text.starts_with("/*");
        if (isComment && text.find("__offload") == std::string_view::npos)
            continue;
        auto [line, column] = lineAndColumnForOffset(output.text, output.tokens[i].start);
        std::string what = isComment ? "a comment swallowed inserted text" : "inserted text glued to an author token";
        return " (" + what + " at " + std::to_string(line) + ":" + std::to_string(column) + ": `" + excerpt(text, 0)
            + "`)";
    }
    return {};
}

// Which output token each original token is, where a run of tokens pins it: runs of `anchorLength` tokens that
// occur exactly once in each text are matched, and of those the longest chain whose offset (output index minus
// original index) never decreases is kept, since inserting can only push tokens further. Without anchors, a greedy
// match would pair an original token that the rewrite destroyed with some later token of the same text (inserted
// code has many `return`s and parentheses), and might even recover; with them, a missing token is found within its
// stretch.
std::vector<int64_t> anchoredPositions(const Tokens& original, const Tokens& output)
{
    constexpr size_t anchorLength = 8;
    std::vector<int64_t> pinned(original.tokens.size(), -1);
    if (original.tokens.size() < anchorLength || output.tokens.size() < anchorLength)
        return pinned;

    auto runHashes = [](const Tokens& tokens) {
        std::vector<uint64_t> hashes(tokens.tokens.size() - anchorLength + 1);
        for (size_t i = 0; i < hashes.size(); ++i) {
            uint64_t hash = 0;
            for (size_t k = 0; k < anchorLength; ++k)
                hash = hash * 1000003ull + tokens.tokens[i + k].hash;
            hashes[i] = hash;
        }
        return hashes;
    };
    auto uniquePositions = [](const std::vector<uint64_t>& hashes) {
        std::unordered_map<uint64_t, int64_t> positions;
        positions.reserve(hashes.size());
        for (size_t i = 0; i < hashes.size(); ++i) {
            auto [entry, isNew] = positions.try_emplace(hashes[i], static_cast<int64_t>(i));
            if (!isNew)
                entry->second = -1;
        }
        return positions;
    };
    auto originalHashes = runHashes(original);
    auto outputHashes = runHashes(output);
    auto originalUnique = uniquePositions(originalHashes);
    auto outputUnique = uniquePositions(outputHashes);

    struct Anchor {
        int64_t originalIndex;
        int64_t outputIndex;
    };
    std::vector<Anchor> anchors;
    for (size_t i = 0; i < originalHashes.size(); ++i) {
        if (originalUnique[originalHashes[i]] != static_cast<int64_t>(i))
            continue;
        auto found = outputUnique.find(originalHashes[i]);
        if (found == outputUnique.end() || found->second < static_cast<int64_t>(i))
            continue;
        // The token before must be the same too: inserted code copies runs of the author's tokens (the key of a
        // property that names a function, `{"key":function …}["key"]`), and such a copy, unique as it may be, is
        // preceded by inserted text. Pinned there, the run would pull the author's own tokens onto the copy.
        bool isSame
            = !i || (found->second && original.equal(original.tokens[i - 1], output, output.tokens[found->second - 1]));
        for (size_t k = 0; k < anchorLength && isSame; ++k)
            isSame = original.equal(original.tokens[i + k], output, output.tokens[found->second + k]);
        if (isSame)
            anchors.push_back({ static_cast<int64_t>(i), found->second });
    }

    // The longest chain with a non-decreasing offset (patience sorting over the offsets, in original order).
    std::vector<size_t> tails;
    std::vector<int64_t> previous(anchors.size(), -1);
    auto offsetOf = [&](size_t anchor) { return anchors[anchor].outputIndex - anchors[anchor].originalIndex; };
    for (size_t a = 0; a < anchors.size(); ++a) {
        auto position = std::upper_bound(tails.begin(), tails.end(), offsetOf(a),
            [&](int64_t offset, size_t tail) { return offset < offsetOf(tail); });
        if (position != tails.begin())
            previous[a] = static_cast<int64_t>(*(position - 1));
        if (position == tails.end())
            tails.push_back(a);
        else
            *position = a;
    }
    std::vector<size_t> chain;
    for (int64_t a = tails.empty() ? -1 : static_cast<int64_t>(tails.back()); a >= 0; a = previous[a])
        chain.push_back(static_cast<size_t>(a));
    std::reverse(chain.begin(), chain.end());

    for (size_t a : chain) {
        auto [originalIndex, outputIndex] = anchors[a];
        // Overlapping anchors with different offsets cannot both be right; the earlier one wins.
        bool conflicts = false;
        for (size_t k = 0; k < anchorLength && !conflicts; ++k) {
            int64_t pin = pinned[originalIndex + k];
            conflicts = pin >= 0 && pin != outputIndex + static_cast<int64_t>(k);
        }
        if (conflicts)
            continue;
        for (size_t k = 0; k < anchorLength; ++k)
            pinned[originalIndex + k] = outputIndex + static_cast<int64_t>(k);
    }
    return pinned;
}

} // namespace

namespace Offload {

// Whether the original's tokens are a subsequence of the output's: decided exactly by matching each token to the
// first equal output token after the previous match. On its own this is too weak (a token glued to inserted text may
// be matched to an equal token further in inserted code), so it goes with the check for glued tokens below.
// Tokens that hold the runtime's prefix after other text: in the output, an author token glued to inserted text, or a
// comment that swallowed some. The author's own strings, regular expressions and comments may hold such text too, so
// the output is compared with the original by count.
static size_t suspiciousTokenCount(const Tokens& tokens)
{
    size_t count = 0;
    for (const auto& token : tokens.tokens) {
        auto text = tokens.textOf(token);
        bool isComment = text.starts_with("//") || text.starts_with("/*");
        auto position = text.find(isComment ? "__offload" : "__of");
        count += position != std::string_view::npos && position;
    }
    return count;
}

static bool isSubsequence(const Tokens& original, const Tokens& output)
{
    size_t next = 0;
    for (const auto& token : original.tokens) {
        while (next < output.tokens.size() && !original.equal(token, output, output.tokens[next]))
            ++next;
        if (next == output.tokens.size())
            return false;
        ++next;
    }
    return true;
}

std::optional<std::string> TokenComparison::firstDifference(std::string_view originalText, std::string_view outputText)
{
    auto original = tokenize(originalText);
    auto output = tokenize(outputText);
    // Every fragment the instrumenter inserts touches the runtime (`__offload`, `__ofs…`): an author token glued to one
    // holds `__of` after other text, and a comment that swallowed one holds `__offload`. Without those, and with the
    // original's tokens in order in the output, the output is the original with whole tokens inserted. The anchored
    // alignment below only says where it is not: it is a heuristic, which inserted copies of the author's tokens (the
    // key of `{"key":function …}["key"]`) can mislead.
    bool isClean = !output.hasError && isSubsequence(original, output)
        && suspiciousTokenCount(output) == suspiciousTokenCount(original)
        && std::count(originalText.begin(), originalText.end(), '\n')
            == std::count(outputText.begin(), outputText.end(), '\n');
    if (isClean)
        return std::nullopt;
    // A tree with an ERROR node still has the author's tokens as leaves, mostly: the alignment below then says where.
    std::string treeError
        = output.hasError && !original.hasError ? "the output has a syntax tree with an ERROR or MISSING node" : "";

    auto pinned = anchoredPositions(original, output);
    // Where the next pinned token sits in the output: an unpinned token must be found before it.
    std::vector<int64_t> nextPinned(original.tokens.size() + 1, static_cast<int64_t>(output.tokens.size()));
    for (size_t i = original.tokens.size(); i-- > 0;)
        nextPinned[i] = pinned[i] >= 0 ? pinned[i] : nextPinned[i + 1];

    size_t next = 0;
    size_t segmentStart = 0;
    for (size_t i = 0; i < original.tokens.size(); ++i) {
        const auto& token = original.tokens[i];
        size_t limit = static_cast<size_t>(nextPinned[i]);
        size_t candidate = next;
        if (pinned[i] >= 0) {
            candidate = static_cast<size_t>(pinned[i]);
            segmentStart = candidate;
        } else {
            while (candidate < limit && !original.equal(token, output, output.tokens[candidate]))
                ++candidate;
        }
        if (candidate >= limit && pinned[i] < 0) {
            // Point at the output where the token should have been: right after its predecessor's counterpart.
            size_t outputOffset = next < output.tokens.size() ? output.tokens[next].start : outputText.size();
            std::string what = "original token `" + std::string(original.textOf(token)) + "` at "
                + location(originalText, token.start) + " has no counterpart in the output";
            // A line comment that now runs over inserted text (the hook's closing `, …)` written after it).
            for (size_t j = next; j < std::min(limit, output.tokens.size()) && j < next + 64; ++j) {
                auto there = output.textOf(output.tokens[j]);
                if (there.size() > original.textOf(token).size() && there.starts_with(original.textOf(token))) {
                    what += " (it became part of `" + excerpt(there, 0) + "` at "
                        + location(outputText, output.tokens[j].start) + ")";
                    break;
                }
            }
            // Show the original from the token before: a token glued to inserted text is often the one before
            // the first one reported, its text paired with an inserted token of the same text (`return`).
            size_t originalOffset = i ? original.tokens[i - 1].start : token.start;
            size_t previousOutputOffset = next ? output.tokens[next - 1].start : outputOffset;
            return (treeError.empty() ? "" : treeError + "; ") + what + gluedTokenHint(output, segmentStart, limit)
                + "; original at " + location(originalText, originalOffset) + ": `"
                + excerpt(originalText, originalOffset) + "`, output at " + location(outputText, previousOutputOffset)
                + ": `" + excerpt(outputText, previousOutputOffset) + "`";
        }
        next = candidate + 1;
    }

    if (std::count(originalText.begin(), originalText.end(), '\n')
        != std::count(outputText.begin(), outputText.end(), '\n'))
        return std::string("a line feed was added or removed");
    if (!treeError.empty())
        return treeError;
    // The alignment found each token, but the exact checks above failed: say which.
    if (!isSubsequence(original, output))
        return std::string("the original's tokens do not appear in the output in order");
    auto glued = gluedTokenHint(output, 0, output.tokens.size());
    return glued.empty()
        ? std::string("the output holds more tokens with the runtime's prefix inside than the original")
        : "a token holds the runtime's prefix inside" + glued;
}

} // namespace Offload
