/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Tools/offload-page-runner/PageTestRunner.h"

#include "Common/GUniquePtr.h"
#include "OffloadModule/RuntimeError.h"

#include <cstdio>
#include <optional>

namespace Offload {

// Tests under LayoutTests/ are served from http://layout.test/ (so `../resources/` works), others from the test's own
// directory at http://page.test/; npm packages (the TodoMVC apps) from http://node-modules.test/.
static constexpr char layoutTestsHost[] = "layout.test";
static constexpr char pageHost[] = "page.test";
static constexpr char nodeModulesHost[] = "node-modules.test";

PageTestRunner::PageTestRunner(Options options)
    : m_options(options)
{
}

PageTestRunner::~PageTestRunner()
{
    if (m_window)
        gtk_window_destroy(GTK_WINDOW(m_window));
    if (m_loop)
        g_main_loop_unref(m_loop);
}

static std::string absolutePath(const std::string& path)
{
    GUniquePtr<char> current(g_get_current_dir());
    GUniquePtr<char> joined(g_path_is_absolute(path.c_str()) ? g_strdup(path.c_str())
                                                             : g_build_filename(current.get(), path.c_str(), nullptr));
    GUniquePtr<char> canonical(g_canonicalize_filename(joined.get(), nullptr));
    return canonical.get();
}

// The app a test drives, from its first line, and the rest of the test (what is added to the app's page).
static std::optional<std::string> appUnderTest(const std::string& testPath, std::string& addition)
{
    char* contents = nullptr;
    gsize length = 0;
    if (!g_file_get_contents(testPath.c_str(), &contents, &length, nullptr))
        return std::nullopt;
    GUniquePtr<char> holder(contents);
    std::string_view text(contents, length);
    constexpr std::string_view opening = "<!-- offload-app:";
    if (!text.starts_with(opening))
        return std::nullopt;
    size_t end = text.find("-->");
    size_t lineEnd = text.find('\n');
    if (end == std::string_view::npos || lineEnd == std::string_view::npos || end > lineEnd)
        return std::nullopt;
    std::string app(text.substr(opening.size(), end - opening.size()));
    app.erase(0, app.find_first_not_of(' '));
    app.erase(app.find_last_not_of(' ') + 1);
    addition = std::string(text.substr(lineEnd + 1));
    return app;
}

int PageTestRunner::run(const std::string& testPath)
{
    OffloadWebContext::Options contextOptions;
    contextOptions.definesTestGlobals = true;
    contextOptions.offloads = !m_options.plain;
    contextOptions.instrumentationCacheDirectory = m_options.instrumentationCacheDirectory;
    GError* rawError = nullptr;
    m_context = OffloadWebContext::create(contextOptions, &rawError);
    if (!m_context) {
        GUniquePtr<GError> error(rawError);
        fprintf(stderr, "offload-page-runner: %s\n", error->message);
        return 2;
    }
    std::string path = absolutePath(testPath);
    std::string layoutTests = absolutePath(OFFLOAD_LAYOUT_TESTS_DIRECTORY);
    std::string nodeModules = absolutePath(OFFLOAD_NODE_MODULES_DIRECTORY);
    m_context->proxy().mapHostToDirectory(nodeModulesHost, nodeModules);
    m_context->proxy().mapHostToDirectory(layoutTestsHost, layoutTests);
    // A test of a real app names the app's page on its first line, `<!-- offload-app: PATH -->` (PATH from the top of
    // the repository): the runner loads that page, with the rest of the test file added to it (its driver).
    std::string addition;
    if (auto app = appUnderTest(path, addition)) {
        path = absolutePath(std::string(OFFLOAD_TOP_DIRECTORY) + "/" + *app);
        if (!g_file_test(path.c_str(), G_FILE_TEST_EXISTS)) {
            fprintf(stderr, "offload-page-runner: the app %s does not exist\n", path.c_str());
            return 2;
        }
    }
    GUniquePtr<char> escaped;
    if (path.starts_with(nodeModules + "/")) {
        escaped.reset(g_uri_escape_string(path.c_str() + nodeModules.size(), "/", FALSE));
        m_url = std::string("http://") + nodeModulesHost + escaped.get();
    } else if (path.starts_with(layoutTests + "/")) {
        escaped.reset(g_uri_escape_string(path.c_str() + layoutTests.size(), "/", FALSE));
        m_url = std::string("http://") + layoutTestsHost + escaped.get();
    } else {
        GUniquePtr<char> directory(g_path_get_dirname(path.c_str()));
        GUniquePtr<char> name(g_path_get_basename(path.c_str()));
        m_context->proxy().mapHostToDirectory(pageHost, directory.get());
        escaped.reset(g_uri_escape_string(name.get(), nullptr, FALSE));
        m_url = std::string("http://") + pageHost + "/" + escaped.get();
    }

    if (!addition.empty())
        m_context->proxy().addToDocument(m_url, addition);

    m_window = gtk_window_new();
    gtk_window_set_default_size(GTK_WINDOW(m_window), 800, 600);
    m_view = GRefPtr<WebKitWebView>(m_context->createView());
    gtk_window_set_child(GTK_WINDOW(m_window), GTK_WIDGET(m_view.get()));
    gtk_window_present(GTK_WINDOW(m_window));

    m_loop = g_main_loop_new(nullptr, FALSE);
    g_timeout_add_seconds(
        m_options.timeoutSeconds,
        [](gpointer data) -> gboolean {
            static_cast<PageTestRunner*>(data)->fail("timed out");
            return G_SOURCE_REMOVE;
        },
        this);
    loadPage(m_view.get());
    g_main_loop_run(m_loop);
    return m_exitCode;
}

void PageTestRunner::loadPage(WebKitWebView* view)
{
    g_signal_connect(view, "load-changed", G_CALLBACK(+[](WebKitWebView*, WebKitLoadEvent event, gpointer data) {
        if (event == WEBKIT_LOAD_FINISHED)
            static_cast<PageTestRunner*>(data)->didLoad();
    }),
        this);
    g_signal_connect(view, "load-failed",
        G_CALLBACK(+[](WebKitWebView*, WebKitLoadEvent, char* uri, GError* error, gpointer data) -> gboolean {
            static_cast<PageTestRunner*>(data)->fail(std::string("cannot load ") + uri + ": " + error->message);
            return TRUE;
        }),
        this);
    webkit_web_view_load_uri(view, m_url.c_str());
}

void PageTestRunner::didLoad()
{
    if (m_isDone)
        return;
    nextTurn();
}

// Calls `body` as an async function in the page's main world.
void PageTestRunner::call(const char* body, std::function<void(JSCValue*, const GError*)> then)
{
    auto* pending = new std::function<void(JSCValue*, const GError*)>(std::move(then));
    webkit_web_view_call_async_javascript_function(
        m_view.get(), body, -1, nullptr, nullptr, nullptr, nullptr,
        [](GObject* view, GAsyncResult* result, gpointer data) {
            std::unique_ptr<std::function<void(JSCValue*, const GError*)>> then(
                static_cast<std::function<void(JSCValue*, const GError*)>*>(data));
            GError* rawError = nullptr;
            auto value = adoptGRef(
                webkit_web_view_call_async_javascript_function_finish(WEBKIT_WEB_VIEW(view), result, &rawError));
            GUniquePtr<GError> error(rawError);
            (*then)(value.get(), error.get());
        },
        pending);
}

void PageTestRunner::nextTurn()
{
    call("return typeof __offload === 'object' ? __offload.pendingTurns() : -1;",
        [this](JSCValue* value, const GError* error) {
            if (error)
                return fail(std::string("the page cannot be driven: ") + error->message);
            int pending = jsc_value_to_int32(value);
            if (pending < 0)
                return fail("the page has no offload runtime");
            if (!pending)
                return m_options.migrate ? migrateThen([this] { finish(); }) : finish();
            if (m_options.migrate && m_turn)
                return migrateThen([this] { runTurn(); });
            runTurn();
        });
}

void PageTestRunner::runTurn()
{
    ++m_turn;
    // The turn runs as a task of its own, so that an exception it throws is the page's uncaught exception, as in a
    // browser; the second timer fires after it.
    call("setTimeout(() => __offload.runTurn(), 0); await new Promise((resolve) => setTimeout(resolve, 0));",
        [this](JSCValue*, const GError* error) {
            if (error)
                return fail(std::string("turn ") + std::to_string(m_turn) + " could not run: " + error->message);
            nextTurn();
        });
}

void PageTestRunner::migrateThen(std::function<void()> then)
{
    ++m_migrations;
    PageOffloader offloader(m_view.get(), m_context->scripts());
    offloader.capture([this, then = std::move(then)](const GError* error, PageOffloader::Capture&& capture) mutable {
        if (error) {
            // A refusal (or a failure) leaves the page where it is, as a client runs the app locally.
            fprintf(stderr, "offload-page-runner: migration refused, running locally: %s\n", error->message);
            if (!isRuntimeError(error, RuntimeError::CaptureRefused))
                m_exitCode = 2;
            then();
            return;
        }
        if (!m_options.dumpDirectory.empty()) {
            g_mkdir_with_parents(m_options.dumpDirectory.c_str(), 0755);
            GUniquePtr<char> name(g_strdup_printf("page-%03u.bundle", m_migrations));
            GUniquePtr<char> path(g_build_filename(m_options.dumpDirectory.c_str(), name.get(), nullptr));
            g_file_set_contents(
                path.get(), reinterpret_cast<const char*>(capture.bundle.data()), capture.bundle.size(), nullptr);
        }
        restoreIntoNewView(std::move(capture), std::move(then));
    });
}

void PageTestRunner::restoreIntoNewView(PageOffloader::Capture&& capture, std::function<void()> then)
{
    // The twin: another web process and network session (no storage shared with the first view), which builds the
    // document from its HTML but runs none of its scripts; the snapshot brings the program.
    auto twin = GRefPtr<WebKitWebView>(m_context->createView(true));
    webkit_settings_set_enable_javascript_markup(webkit_web_view_get_settings(twin.get()), FALSE);
    struct Migration {
        PageTestRunner* runner;
        GRefPtr<WebKitWebView> twin;
        PageOffloader::Capture capture;
        std::function<void()> then;
        gulong handler { 0 };
    };
    auto* migration = new Migration { this, twin, std::move(capture), std::move(then) };
    migration->handler = g_signal_connect(twin.get(), "load-changed",
        G_CALLBACK(+[](WebKitWebView* view, WebKitLoadEvent event, gpointer data) {
            if (event != WEBKIT_LOAD_FINISHED)
                return;
            auto* migration = static_cast<Migration*>(data);
            g_signal_handler_disconnect(view, migration->handler);
            auto* runner = migration->runner;
            PageOffloader offloader(view, runner->m_context->scripts());
            offloader.restore(
                migration->capture.bundle, migration->capture.dynamicScripts, [migration, runner](const GError* error) {
                    std::unique_ptr<Migration> owned(migration);
                    if (error) {
                        // The first view still holds the program: it goes on there.
                        fprintf(stderr, "offload-page-runner: restore failed, continuing in the original view: %s\n",
                            error->message);
                        runner->m_exitCode = 2;
                        owned->then();
                        return;
                    }
                    // Scripts the restored program inserts from now on run, as they did in the first view.
                    webkit_settings_set_enable_javascript_markup(webkit_web_view_get_settings(owned->twin.get()), TRUE);
                    gtk_window_set_child(GTK_WINDOW(runner->m_window), GTK_WIDGET(owned->twin.get()));
                    runner->m_view = owned->twin;
                    owned->then();
                });
        }),
        migration);
    g_signal_connect(twin.get(), "load-failed",
        G_CALLBACK(+[](WebKitWebView*, WebKitLoadEvent, char* uri, GError* error, gpointer data) -> gboolean {
            static_cast<PageTestRunner*>(data)->fail(
                std::string("the twin cannot load ") + uri + ": " + error->message);
            return TRUE;
        }),
        this);
    webkit_web_view_load_uri(twin.get(), m_url.c_str());
}

void PageTestRunner::finish()
{
    g_timeout_add(
        400,
        [](gpointer data) -> gboolean {
            auto* runner = static_cast<PageTestRunner*>(data);
            runner->call(
                "return document.body ? document.body.innerText : '';", [runner](JSCValue* value, const GError* error) {
                    if (error)
                        return runner->fail(std::string("cannot read the output: ") + error->message);
                    GUniquePtr<char> text(jsc_value_to_string(value));
                    printf("%s\n", text.get());
                    fflush(stdout);
                    runner->m_isDone = true;
                    g_main_loop_quit(runner->m_loop);
                });
            return G_SOURCE_REMOVE;
        },
        this);
}

void PageTestRunner::fail(const std::string& why)
{
    if (m_isDone)
        return;
    m_isDone = true;
    fprintf(stderr, "offload-page-runner: %s\n", why.c_str());
    m_exitCode = 2;
    g_main_loop_quit(m_loop);
}

} // namespace Offload
