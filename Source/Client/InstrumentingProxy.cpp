/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Source/Client/InstrumentingProxy.h"

#include "Common/GRefPtr.h"
#include "Common/GUniquePtr.h"
#include "Source/Client/HtmlInstrumenter.h"
#include "Source/Client/ScriptStore.h"

#include <algorithm>
#include <cstring>
#include <future>
#include <gio/gio.h>
#include <libsoup/soup.h>
#include <vector>

namespace Offload {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct InstrumentingProxy::Request {
    // Only the proxy's thread touches the message; a worker gets the rest, copied.
    GRefPtr<SoupServerMessage> message;
    std::string method;
    std::string uri;
    std::string host;
    std::string path;
    Headers requestHeaders;
    GUniquePtr<GBytes> requestBody;

    unsigned status { SOUP_STATUS_BAD_GATEWAY };
    std::string reason;
    Headers responseHeaders;
    std::string contentType;
    std::string body;
};

// Headers that belong to one connection, not to the resource (RFC 9110, 7.6.1), and those the proxy's decoding and
// rewriting make wrong (the length, the encoding and digests of the original body).
static bool isHopByHopOrStale(const char* name)
{
    static constexpr const char* names[] = { "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authorization",
        "Proxy-Authenticate", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Content-Length", "Content-Encoding",
        "Content-MD5", "Digest", "Content-Type" };
    return std::any_of(
        std::begin(names), std::end(names), [&](const char* hop) { return !g_ascii_strcasecmp(name, hop); });
}

static std::string essenceOf(const std::string& contentType)
{
    std::string essence = contentType.substr(0, contentType.find(';'));
    std::string result;
    for (char c : essence) {
        if (!g_ascii_isspace(c))
            result += g_ascii_tolower(c);
    }
    return result;
}

static bool isJavaScript(const std::string& essence)
{
    return essence == "text/javascript" || essence == "application/javascript" || essence == "application/x-javascript"
        || essence == "text/ecmascript" || essence == "application/ecmascript" || essence == "text/x-javascript";
}

static std::string contentTypeForFile(const std::string& path, std::string_view data)
{
    static constexpr std::pair<const char*, const char*> types[] = { { ".html", "text/html; charset=utf-8" },
        { ".htm", "text/html; charset=utf-8" }, { ".js", "text/javascript; charset=utf-8" },
        { ".mjs", "text/javascript; charset=utf-8" }, { ".css", "text/css; charset=utf-8" },
        { ".json", "application/json" }, { ".svg", "image/svg+xml" }, { ".png", "image/png" }, { ".jpg", "image/jpeg" },
        { ".gif", "image/gif" }, { ".txt", "text/plain; charset=utf-8" }, { ".wasm", "application/wasm" },
        { ".bin", "application/octet-stream" } };
    for (auto& [extension, type] : types) {
        if (g_str_has_suffix(path.c_str(), extension))
            return type;
    }
    gboolean isUncertain = FALSE;
    GUniquePtr<char> guessed(
        g_content_type_guess(path.c_str(), reinterpret_cast<const guchar*>(data.data()), data.size(), &isUncertain));
    GUniquePtr<char> mime(g_content_type_get_mime_type(guessed.get()));
    return mime ? mime.get() : "application/octet-stream";
}

InstrumentingProxy::InstrumentingProxy(ScriptStore& store)
    : m_store(store)
{
}

InstrumentingProxy::~InstrumentingProxy()
{
    // Requests already handed to workers are answered first; the proxy's loop then stops.
    if (m_workers)
        g_thread_pool_free(m_workers, FALSE, TRUE);
    if (m_loop) {
        g_main_context_invoke(
            m_context,
            [](gpointer loop) -> gboolean {
                g_main_loop_quit(static_cast<GMainLoop*>(loop));
                return G_SOURCE_REMOVE;
            },
            m_loop);
    }
    if (m_thread.joinable())
        m_thread.join();
}

void InstrumentingProxy::mapHostToDirectory(const std::string& host, const std::string& directory)
{
    std::lock_guard locker(m_lock);
    m_hostDirectories[host] = directory;
}

void InstrumentingProxy::addToDocument(const std::string& url, const std::string& html)
{
    std::lock_guard locker(m_lock);
    m_documentAdditions[url] = html;
}

// Adds `addition` at the top of the document: after the <head> start tag, or the <html> one, or the doctype, so that
// it comes before every script of the page.
static void addAtDocumentTop(std::string& html, const std::string& addition)
{
    for (const char* tag : { "<head", "<html", "<!doctype" }) {
        size_t length = strlen(tag);
        for (size_t at = 0; at + length <= html.size(); ++at) {
            if (html[at] != '<' || g_ascii_strncasecmp(html.c_str() + at, tag, length))
                continue;
            char after = at + length < html.size() ? html[at + length] : '>';
            if (after != '>' && !g_ascii_isspace(after))
                continue;
            size_t end = html.find('>', at);
            if (end == std::string::npos)
                break;
            html.insert(end + 1, addition);
            return;
        }
    }
    html.insert(0, addition);
}

bool InstrumentingProxy::start(GError** error)
{
    m_workers = g_thread_pool_new(work, this, static_cast<int>(g_get_num_processors()) + 1, FALSE, error);
    if (!m_workers)
        return false;
    std::promise<std::string> listening;
    auto result = listening.get_future();
    m_thread = std::thread([this, &listening] { serve(&listening); });
    std::string uri = result.get();
    if (uri.starts_with("error: ")) {
        m_thread.join();
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "the instrumenting proxy cannot listen: %s", uri.c_str() + 7);
        return false;
    }
    m_uri = uri;
    return true;
}

void InstrumentingProxy::serve(void* listening)
{
    auto& promise = *static_cast<std::promise<std::string>*>(listening);
    GMainContext* context = g_main_context_new();
    g_main_context_push_thread_default(context);
    SoupServer* server = soup_server_new("server-header", "WebKitOffload-proxy", nullptr);
    soup_server_add_handler(server, nullptr, handle, this, nullptr);
    GError* error = nullptr;
    if (!soup_server_listen_local(server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error)) {
        promise.set_value(std::string("error: ") + error->message);
        g_error_free(error);
        g_object_unref(server);
        g_main_context_pop_thread_default(context);
        g_main_context_unref(context);
        return;
    }
    GSList* uris = soup_server_get_uris(server);
    GUniquePtr<char> uri(g_uri_to_string(static_cast<GUri*>(uris->data)));
    g_slist_free_full(uris, reinterpret_cast<GDestroyNotify>(g_uri_unref));
    m_context = context;
    m_server = server;
    m_loop = g_main_loop_new(context, FALSE);
    promise.set_value(uri.get());

    g_main_loop_run(m_loop);

    g_object_unref(server);
    g_main_loop_unref(m_loop);
    g_main_context_pop_thread_default(context);
    g_main_context_unref(context);
}

static Headers headersOf(SoupMessageHeaders* headers)
{
    Headers list;
    SoupMessageHeadersIter iterator;
    soup_message_headers_iter_init(&iterator, headers);
    const char* name;
    const char* value;
    while (soup_message_headers_iter_next(&iterator, &name, &value))
        list.emplace_back(name, value);
    return list;
}

void InstrumentingProxy::handle(SoupServer*, SoupServerMessage* message, const char*, GHashTable*, gpointer userData)
{
    auto* proxy = static_cast<InstrumentingProxy*>(userData);
    const char* method = soup_server_message_get_method(message);
    // FIXME: https pages (Documentation/Pages.md): a CONNECT tunnel cannot be rewritten without a certificate of
    // the proxy's own for each host.
    if (!g_strcmp0(method, "CONNECT")) {
        soup_server_message_set_status(message, SOUP_STATUS_NOT_IMPLEMENTED, "offloading does not support https yet");
        return;
    }
    GUri* uri = soup_server_message_get_uri(message);
    auto* request = new Request;
    request->message = GRefPtr<SoupServerMessage>(message);
    request->method = method;
    GUniquePtr<char> text(g_uri_to_string(uri));
    request->uri = text.get();
    request->host = g_uri_get_host(uri) ? g_uri_get_host(uri) : "";
    request->path = g_uri_get_path(uri);
    request->requestHeaders = headersOf(soup_server_message_get_request_headers(message));
    request->requestBody.reset(soup_message_body_flatten(soup_server_message_get_request_body(message)));
    soup_server_message_pause(message);
    g_thread_pool_push(proxy->m_workers, request, nullptr);
}

void InstrumentingProxy::work(gpointer data, gpointer userData)
{
    auto* proxy = static_cast<InstrumentingProxy*>(userData);
    auto* request = static_cast<Request*>(data);
    proxy->answer(*request);
    // Back on the proxy's thread, which owns the message.
    g_main_context_invoke(
        proxy->m_context,
        [](gpointer data) -> gboolean {
            std::unique_ptr<Request> request(static_cast<Request*>(data));
            SoupServerMessage* message = request->message.get();
            soup_server_message_set_status(
                message, request->status, request->reason.empty() ? nullptr : request->reason.c_str());
            auto* headers = soup_server_message_get_response_headers(message);
            for (auto& [name, value] : request->responseHeaders)
                soup_message_headers_append(headers, name.c_str(), value.c_str());
            soup_server_message_set_response(message,
                request->contentType.empty() ? nullptr : request->contentType.c_str(), SOUP_MEMORY_COPY,
                request->body.data(), request->body.size());
            soup_server_message_unpause(message);
            return G_SOURCE_REMOVE;
        },
        request);
}

void InstrumentingProxy::answer(Request& request)
{
    if (!answerFromDirectory(request))
        fetch(request);
    rewrite(request);
}

bool InstrumentingProxy::answerFromDirectory(Request& request)
{
    std::string directory;
    {
        std::lock_guard locker(m_lock);
        auto found = m_hostDirectories.find(request.host);
        if (found == m_hostDirectories.end())
            return false;
        directory = found->second;
    }
    GUniquePtr<char> decoded(g_uri_unescape_string(request.path.c_str(), nullptr));
    std::string path = decoded ? decoded.get() : "";
    // Nothing outside the mapped directory: no `..` segment may climb out of it.
    if (path.find("/../") != std::string::npos || path.ends_with("/..") || path.find('\0') != std::string::npos) {
        request.status = SOUP_STATUS_FORBIDDEN;
        return true;
    }
    if (path.ends_with("/"))
        path += "index.html";
    GUniquePtr<char> file(g_build_filename(directory.c_str(), path.c_str(), nullptr));
    char* contents = nullptr;
    gsize length = 0;
    if (!g_file_get_contents(file.get(), &contents, &length, nullptr)) {
        request.status = SOUP_STATUS_NOT_FOUND;
        request.contentType = "text/plain; charset=utf-8";
        request.body = "not found: " + path + "\n";
        return true;
    }
    GUniquePtr<char> holder(contents);
    request.status = SOUP_STATUS_OK;
    request.body.assign(contents, length);
    request.contentType = contentTypeForFile(path, request.body);
    request.responseHeaders.emplace_back("Cache-Control", "no-cache");
    return true;
}

void InstrumentingProxy::fetch(Request& request)
{
    // One session per worker thread: a SoupSession belongs to the thread that uses it. It has no proxy of its own,
    // follows no redirect (the browser does) and keeps no cookies (the browser's are in the request's headers).
    static thread_local GRefPtr<SoupSession> session;
    if (!session) {
        auto resolver = adoptGRef(g_simple_proxy_resolver_new(nullptr, nullptr));
        session = adoptGRef(soup_session_new_with_options("proxy-resolver", resolver.get(), nullptr));
    }
    GError* rawError = nullptr;
    auto message = adoptGRef(soup_message_new(request.method.c_str(), request.uri.c_str()));
    if (!message) {
        request.status = SOUP_STATUS_BAD_REQUEST;
        return;
    }
    soup_message_add_flags(message.get(), SOUP_MESSAGE_NO_REDIRECT);
    auto* headers = soup_message_get_request_headers(message.get());
    std::string contentType;
    for (auto& [name, value] : request.requestHeaders) {
        if (!g_ascii_strcasecmp(name.c_str(), "Content-Type"))
            contentType = value;
        if (!isHopByHopOrStale(name.c_str()) && g_ascii_strcasecmp(name.c_str(), "Accept-Encoding"))
            soup_message_headers_append(headers, name.c_str(), value.c_str());
    }
    if (request.requestBody && g_bytes_get_size(request.requestBody.get())) {
        soup_message_set_request_body_from_bytes(
            message.get(), contentType.empty() ? nullptr : contentType.c_str(), request.requestBody.get());
    }
    GUniquePtr<GBytes> body(soup_session_send_and_read(session.get(), message.get(), nullptr, &rawError));
    if (!body) {
        GUniquePtr<GError> error(rawError);
        request.status = SOUP_STATUS_BAD_GATEWAY;
        request.contentType = "text/plain; charset=utf-8";
        request.body = std::string("the offloading proxy could not reach the site: ") + error->message + "\n";
        return;
    }
    request.status = soup_message_get_status(message.get());
    const char* reason = soup_message_get_reason_phrase(message.get());
    request.reason = reason ? reason : "";
    for (auto& [name, value] : headersOf(soup_message_get_response_headers(message.get()))) {
        if (!g_ascii_strcasecmp(name.c_str(), "Content-Type"))
            request.contentType = value;
        else if (!isHopByHopOrStale(name.c_str()))
            request.responseHeaders.emplace_back(name, value);
    }
    gsize size = 0;
    auto* data = static_cast<const char*>(g_bytes_get_data(body.get(), &size));
    request.body.assign(data ? data : "", size);
}

void InstrumentingProxy::rewrite(Request& request)
{
    if (request.status != SOUP_STATUS_OK || request.method == "HEAD")
        return;
    auto essence = essenceOf(request.contentType);
    if (essence == "text/html") {
        std::lock_guard locker(m_lock);
        auto addition = m_documentAdditions.find(request.uri);
        if (addition != m_documentAdditions.end())
            addAtDocumentTop(request.body, addition->second);
    }
    if (!m_instruments)
        return;
    bool isUTF8 = g_utf8_validate_len(request.body.data(), request.body.size(), nullptr);
    if (essence == "text/html") {
        // FIXME: documents in another encoding than UTF-8 are served as they are; their scripts run as written.
        if (!isUTF8) {
            g_warning("Offload proxy: %s is not UTF-8; its scripts run uninstrumented", request.uri.c_str());
            return;
        }
        request.body = HtmlInstrumenter::instrument(request.body, request.uri, m_store).html;
        return;
    }
    if (isJavaScript(essence))
        request.body = m_store.serve(request.body, request.uri).text;
}

} // namespace Offload
