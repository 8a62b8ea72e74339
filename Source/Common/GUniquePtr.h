/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <glib.h>
#include <memory>

namespace Offload {

// Deleters for GLib-allocated values that are not GObjects (in the spirit of WebKit's GUniquePtr).
template <typename T> struct GPtrDeleter {
    void operator()(T* ptr) const { g_free(ptr); }
};
template <> struct GPtrDeleter<GError> {
    void operator()(GError* error) const { g_error_free(error); }
};
template <> struct GPtrDeleter<GBytes> {
    void operator()(GBytes* bytes) const { g_bytes_unref(bytes); }
};
template <> struct GPtrDeleter<GMainLoop> {
    void operator()(GMainLoop* loop) const { g_main_loop_unref(loop); }
};
template <> struct GPtrDeleter<GKeyFile> {
    void operator()(GKeyFile* file) const { g_key_file_free(file); }
};
template <> struct GPtrDeleter<GOptionContext> {
    void operator()(GOptionContext* context) const { g_option_context_free(context); }
};
template <> struct GPtrDeleter<char*> {
    void operator()(char** strv) const { g_strfreev(strv); }
};

template <typename T> using GUniquePtr = std::unique_ptr<T, GPtrDeleter<T>>;

} // namespace Offload
