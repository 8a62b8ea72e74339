/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// The instrumenting proxy over real HTTP on loopback, as WebKit's network process uses it: requests for a mapped host
// are answered from a directory, HTML and JavaScript come back rewritten, everything else byte for byte.

#include "Source/Client/InstrumentingProxy.h"
#include "Common/GRefPtr.h"
#include "Common/GUniquePtr.h"
#include "Source/Client/ScriptStore.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gtest/gtest.h>
#include <libsoup/soup.h>

using namespace Offload;

namespace {

class InstrumentingProxyTest : public testing::Test {
protected:
    void SetUp() override
    {
        GError* error = nullptr;
        GUniquePtr<char> directory(g_dir_make_tmp("offload-proxy-test-XXXXXX", &error));
        ASSERT_TRUE(directory) << error->message;
        m_directory = directory.get();
        write("index.html", "<!DOCTYPE html><p>hi</p><script>let n = 0; const inc = () => ++n;</script>");
        write("app.js", "'use strict'; function make() { let k = 1; return () => k++; }");
        write("data.bin", std::string("\x00\x01\x02<script>", 11));
        m_proxy = std::make_unique<InstrumentingProxy>(m_store);
        ASSERT_TRUE(m_proxy->start(&error)) << error->message;
        m_proxy->mapHostToDirectory("app.test", m_directory);
        auto resolver = adoptGRef(g_simple_proxy_resolver_new(m_proxy->uri().c_str(), nullptr));
        m_session = adoptGRef(soup_session_new_with_options("proxy-resolver", resolver.get(), nullptr));
    }

    void TearDown() override
    {
        m_proxy.reset();
        for (const char* name : { "index.html", "app.js", "data.bin" }) {
            GUniquePtr<char> path(g_build_filename(m_directory.c_str(), name, nullptr));
            g_unlink(path.get());
        }
        g_rmdir(m_directory.c_str());
    }

    void write(const char* name, const std::string& contents)
    {
        GUniquePtr<char> path(g_build_filename(m_directory.c_str(), name, nullptr));
        ASSERT_TRUE(g_file_set_contents(path.get(), contents.data(), contents.size(), nullptr));
    }

    struct Response {
        unsigned status { 0 };
        std::string contentType;
        std::string body;
    };
    Response get(const char* uri)
    {
        auto message = adoptGRef(soup_message_new("GET", uri));
        GError* error = nullptr;
        GUniquePtr<GBytes> body(soup_session_send_and_read(m_session.get(), message.get(), nullptr, &error));
        EXPECT_TRUE(body) << (error ? error->message : "");
        Response response;
        response.status = soup_message_get_status(message.get());
        const char* type
            = soup_message_headers_get_content_type(soup_message_get_response_headers(message.get()), nullptr);
        response.contentType = type ? type : "";
        if (body) {
            gsize size = 0;
            auto* data = static_cast<const char*>(g_bytes_get_data(body.get(), &size));
            response.body.assign(data ? data : "", size);
        }
        return response;
    }

    std::string m_directory;
    ScriptStore m_store;
    std::unique_ptr<InstrumentingProxy> m_proxy;
    GRefPtr<SoupSession> m_session;
};

TEST_F(InstrumentingProxyTest, RewritesHtmlAndJavaScript)
{
    auto page = get("http://app.test/index.html");
    EXPECT_EQ(page.status, 200u);
    EXPECT_EQ(page.contentType, "text/html");
    EXPECT_TRUE(page.body.starts_with("<!DOCTYPE html><p>hi</p><script>")) << page.body;
    EXPECT_NE(page.body.find("__offload.registerScript("), std::string::npos) << page.body;
    EXPECT_NE(page.body.find("__offload.f("), std::string::npos) << page.body;

    auto script = get("http://app.test/app.js");
    EXPECT_EQ(script.status, 200u);
    EXPECT_TRUE(script.body.starts_with("'use strict';__offload.registerScript(")) << script.body;
    EXPECT_EQ(m_store.scripts().size(), 2u);
}

TEST_F(InstrumentingProxyTest, PassesOtherContentThroughUnchanged)
{
    auto data = get("http://app.test/data.bin");
    EXPECT_EQ(data.status, 200u);
    EXPECT_EQ(data.body, std::string("\x00\x01\x02<script>", 11));
}

TEST_F(InstrumentingProxyTest, AnswersMissingFilesAndStaysInItsDirectory)
{
    EXPECT_EQ(get("http://app.test/missing.html").status, 404u);
    // Escapes out of the directory fail: refused by the URI parser or by the proxy, or normalized by the parser into
    // a path inside the directory that does not exist.
    for (const char* escape : { "http://app.test/a/..%2F..%2F..%2Fetc%2Fpasswd",
             "http://app.test/%2e%2e/%2e%2e/etc/passwd", "http://app.test/..%2f..%2f..%2f..%2fetc/passwd" }) {
        auto response = get(escape);
        EXPECT_TRUE(response.status == 403u || response.status == 400u || response.status == 404u)
            << escape << " " << response.status;
        EXPECT_EQ(response.body.find("root:"), std::string::npos) << escape;
    }
}

TEST_F(InstrumentingProxyTest, PassesScriptsThroughWhenNotInstrumenting)
{
    m_proxy->setInstruments(false);
    auto script = get("http://app.test/app.js");
    EXPECT_EQ(script.body, "'use strict'; function make() { let k = 1; return () => k++; }");
}

TEST_F(InstrumentingProxyTest, RefusesTunnels)
{
    auto client = adoptGRef(g_socket_client_new());
    GError* error = nullptr;
    GUniquePtr<char> port(g_strdup(m_proxy->uri().c_str() + m_proxy->uri().rfind(':') + 1));
    auto connection
        = adoptGRef(g_socket_client_connect_to_host(client.get(), "127.0.0.1", std::atoi(port.get()), nullptr, &error));
    ASSERT_TRUE(connection) << error->message;
    const char request[] = "CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n";
    auto* output = g_io_stream_get_output_stream(G_IO_STREAM(connection.get()));
    ASSERT_TRUE(g_output_stream_write_all(output, request, sizeof(request) - 1, nullptr, nullptr, &error));
    char buffer[128] = {};
    auto* input = g_io_stream_get_input_stream(G_IO_STREAM(connection.get()));
    gssize count = g_input_stream_read(input, buffer, sizeof(buffer) - 1, nullptr, &error);
    ASSERT_GT(count, 12);
    EXPECT_TRUE(g_str_has_prefix(buffer, "HTTP/1.1 501")) << buffer;
}

} // namespace
