/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// The OffloadModule web process extension: WebKit loads it into every web process of a view that offloads
// (Source/Client sets the directory). It gives each page an agent that installs the offload runtime before the
// page's scripts run and carries out the UI process's captures and restores.

#include "OffloadModule/extension/PageAgent.h"

#include <map>
#include <memory>

using namespace Offload;

namespace {

struct Extension {
    PageAgent::Options options;
    std::map<guint64, std::unique_ptr<PageAgent>> agents;
};

Extension& extension()
{
    static Extension* instance = new Extension;
    return *instance;
}

void pageDestroyed(gpointer pageIdentifier, GObject*)
{
    extension().agents.erase(GPOINTER_TO_SIZE(pageIdentifier));
}

void pageCreated(WebKitWebProcessExtension*, WebKitWebPage* page, gpointer)
{
    guint64 identifier = webkit_web_page_get_id(page);
    extension().agents[identifier] = std::make_unique<PageAgent>(page, extension().options);
    g_object_weak_ref(G_OBJECT(page), pageDestroyed, GSIZE_TO_POINTER(identifier));
}

void windowObjectCleared(WebKitScriptWorld* world, WebKitWebPage* page, WebKitFrame* frame, gpointer)
{
    auto found = extension().agents.find(webkit_web_page_get_id(page));
    if (found != extension().agents.end())
        found->second->didClearWindowObject(world, frame);
}

} // namespace

// The initialization data is an a{sv}: `testGlobals` (b) defines the layout tests' `step(fn)`; `runtime` (b, default
// true) installs the offload runtime.
extern "C" G_MODULE_EXPORT void webkit_web_process_extension_initialize_with_user_data(
    WebKitWebProcessExtension* webProcessExtension, GVariant* userData)
{
    if (userData && g_variant_is_of_type(userData, G_VARIANT_TYPE_VARDICT)) {
        gboolean flag = FALSE;
        if (g_variant_lookup(userData, "testGlobals", "b", &flag))
            extension().options.definesTestGlobals = flag;
        if (g_variant_lookup(userData, "runtime", "b", &flag))
            extension().options.installsRuntime = flag;
    }
    g_signal_connect(webProcessExtension, "page-created", G_CALLBACK(pageCreated), nullptr);
    g_signal_connect(
        webkit_script_world_get_default(), "window-object-cleared", G_CALLBACK(windowObjectCleared), nullptr);
}
