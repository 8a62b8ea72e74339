/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <glib.h>
#include <map>
#include <mutex>
#include <string>
#include <thread>

typedef struct _SoupServer SoupServer;
typedef struct _SoupServerMessage SoupServerMessage;

namespace Offload {

class ScriptStore;

// The loopback HTTP proxy an offloading view's network session goes through (webkit_network_session_set_proxy_
// settings): it passes requests on to their origin and rewrites what comes back so that every script runs
// instrumented, external scripts and the inline scripts of HTML documents alike, while the page keeps its own URL and
// origin (Documentation/Pages.md, "Instrumenting pages"). It runs on a thread of its own, and instruments and fetches
// on a pool of workers, so that neither the UI thread nor other requests wait for a large script.
//
// Hosts mapped to a directory are answered from that directory: the layout tests' `http://layout.test/` and apps
// installed on the machine. `https://` goes through a CONNECT tunnel that the proxy refuses (FIXME: Pages.md says
// how it will work).
class InstrumentingProxy {
public:
    explicit InstrumentingProxy(ScriptStore&);
    ~InstrumentingProxy();

    InstrumentingProxy(const InstrumentingProxy&) = delete;
    InstrumentingProxy& operator=(const InstrumentingProxy&) = delete;

    // Listens on 127.0.0.1 at a port of the system's choice; returns once it does.
    bool start(GError**);
    // The proxy's own URI, "http://127.0.0.1:PORT/".
    const std::string& uri() const { return m_uri; }

    void mapHostToDirectory(const std::string& host, const std::string& directory);
    // Layout tests of real apps: `html` is added at the top of the document at `url` (before its scripts), before the
    // document is rewritten, so that a test's driver scripts run in the app's own page, instrumented like the app's.
    void addToDocument(const std::string& url, const std::string& html);
    // Off: responses pass through unchanged (a plain browser's view, for comparison).
    void setInstruments(bool instruments) { m_instruments = instruments; }

    struct Request;

private:
    void serve(void* listening);
    static void handle(SoupServer*, SoupServerMessage*, const char*, GHashTable*, gpointer);
    static void work(gpointer request, gpointer proxy);
    void answer(Request&);
    bool answerFromDirectory(Request&);
    void fetch(Request&);
    void rewrite(Request&);

    ScriptStore& m_store;
    std::thread m_thread;
    GMainContext* m_context { nullptr };
    GMainLoop* m_loop { nullptr };
    SoupServer* m_server { nullptr };
    GThreadPool* m_workers { nullptr };
    std::string m_uri;
    std::mutex m_lock;
    std::map<std::string, std::string> m_hostDirectories;
    std::map<std::string, std::string> m_documentAdditions;
    bool m_instruments { true };
};

} // namespace Offload
