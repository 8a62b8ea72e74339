/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "OffloadModule/RuntimeScript.h"

#include <glib.h>
#include <span>
#include <vector>

namespace Offload::PageMessages {

// The WebKitUserMessages between a view (Source/Client) and its page's agent in the web process extension. Every
// parameter is an a{sv} dictionary; bytes travel as `ay` values made from the bytes themselves (never as text).
// Documentation/Pages.md lists them.

// UI -> web process: capture the page now. Reply: `bundle` (ay: a Bundle, validated by Bundle::write) and
// `dynamicScripts` (a(sss): sid, code, metadata of code the page made at run time).
inline constexpr char capture[] = "Offload.Capture";
// UI -> web process: declare `scripts` (a(ssss): sid, url, code, metadata) and restore `bundle` into the page.
// Reply: empty on success.
inline constexpr char restore[] = "Offload.Restore";
// The name of every reply. A failure holds `errorCode` (u, an OFFLOAD_RUNTIME_ERROR code) and `error` (s).
inline constexpr char reply[] = "Offload.Reply";

// Floating GVariants, for webkit_user_message_new().
GVariant* success();
GVariant* error(const GError*);
GVariant* captured(std::span<const uint8_t> bundle, const std::vector<RuntimeScript>& dynamicScripts);
GVariant* restoreParameters(const std::vector<RuntimeScript>& scripts, std::span<const uint8_t> bundle);

// Each returns false and sets `error` when the parameters are malformed, or when they are a failure reply (then the
// error is the one the other side reported, in OFFLOAD_RUNTIME_ERROR).
bool readReply(GVariant*, GError**);
bool readCaptured(GVariant*, std::vector<uint8_t>& bundle, std::vector<RuntimeScript>& dynamicScripts, GError**);
bool readRestore(GVariant*, std::vector<RuntimeScript>& scripts, std::vector<uint8_t>& bundle, GError**);

} // namespace Offload::PageMessages
