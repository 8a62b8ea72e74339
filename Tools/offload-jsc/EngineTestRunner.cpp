/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Tools/offload-jsc/EngineTestRunner.h"

#include "Common/GRefPtr.h"
#include "Common/GUniquePtr.h"
#include "Instrumenter/Instrumenter.h"
#include "Snapshot/BlobStore.h"
#include "Snapshot/Bundle.h"
#include "Tools/offload-jsc/MigrationPayload.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <unistd.h>

namespace Offload {

using Clock = std::chrono::steady_clock;

// Why a migration failed, where the exit status must tell the caller (the layout-test runner) which it was.
enum class EngineError { NotIdempotent = 1 };
static GQuark engineErrorQuark()
{
    return g_quark_from_static_string("offload-engine-error-quark");
}

static bool isNotIdempotent(const GError* error)
{
    return error->domain == engineErrorQuark() && error->code == static_cast<int>(EngineError::NotIdempotent);
}

static double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

EngineTestRunner::~EngineTestRunner()
{
    // The hop chain has ended (the children ran while this process waited): nothing reads the directory any more.
    m_receivedBlobs.reset();
    if (m_ownedBlobDirectory.empty())
        return;
    if (GDir* directory = g_dir_open(m_ownedBlobDirectory.c_str(), 0, nullptr)) {
        while (const char* name = g_dir_read_name(directory)) {
            GUniquePtr<char> path(g_build_filename(m_ownedBlobDirectory.c_str(), name, nullptr));
            g_unlink(path.get());
        }
        g_dir_close(directory);
    }
    g_rmdir(m_ownedBlobDirectory.c_str());
}

BlobStore* EngineTestRunner::receivedBlobs(GError** error)
{
    if (m_receivedBlobs)
        return m_receivedBlobs.get();
    if (!m_options.processHops) {
        m_receivedBlobs = std::make_unique<BlobStore>();
        return m_receivedBlobs.get();
    }
    // Each process of a hop chain is a receiver in turn: they share one directory, made by the first one.
    if (m_options.blobCacheDirectory.empty()) {
        GUniquePtr<char> directory(g_dir_make_tmp("offload-jsc-blobs-XXXXXX", error));
        if (!directory)
            return nullptr;
        m_options.blobCacheDirectory = m_ownedBlobDirectory = directory.get();
    }
    m_receivedBlobs = BlobStore::createWithDirectory(m_options.blobCacheDirectory, error);
    return m_receivedBlobs.get();
}

bool EngineTestRunner::loadScript(const std::string& path, EngineScript& script, GError** error)
{
    char* contents = nullptr;
    gsize length = 0;
    if (!g_file_get_contents(path.c_str(), &contents, &length, error))
        return false;
    GUniquePtr<char> source(contents);
    script.url = path;
    if (!m_options.instrument) {
        script.code.assign(contents, length);
        script.sid = Instrumenter::scriptId(script.code);
        script.refusal = "offload-jsc runs it with --no-instrument";
        return true;
    }
    InstrumentOptions options;
    options.sourceURL = path;
    GError* instrumentError = nullptr;
    auto result = Instrumenter::instrument(std::string_view(contents, length), options, &instrumentError);
    if (!result) {
        // The program still runs, as written; it just cannot migrate.
        GUniquePtr<GError> owned(instrumentError);
        fprintf(stderr, "offload-jsc: %s cannot be instrumented, it runs without migration: %s\n", path.c_str(),
            owned->message);
        script.code.assign(contents, length);
        script.sid = Instrumenter::scriptId(script.code);
        script.refusal = owned->message;
        return true;
    }
    script.code = std::move(result->code);
    script.metadataJSON = std::move(result->metadataJson);
    script.sid = std::move(result->scriptId);
    script.isInstrumented = true;
    return true;
}

int EngineTestRunner::run(const std::vector<std::string>& paths)
{
    GUniquePtr<GError> error;
    GError* rawError = nullptr;
    GUniquePtr<char> baseName(g_path_get_basename(paths.back().c_str()));
    m_testName = baseName.get();

    for (const auto& path : paths) {
        EngineScript script;
        if (!loadScript(path, script, &rawError)) {
            error.reset(rawError);
            fprintf(stderr, "offload-jsc: %s\n", error->message);
            return ExitUsage;
        }
        m_scripts.push_back(std::move(script));
    }
    m_session = EngineSession::create(&rawError);
    if (!m_session) {
        error.reset(rawError);
        fprintf(stderr, "offload-jsc: %s\n", error->message);
        return ExitUsage;
    }
    // The program's own engine is warmed up like the engines migrations restore into (prepareNextSession), as a
    // client warms its capture code when a page loads: otherwise only the first capture would run uncompiled code.
    if (m_options.migrate) {
        auto start = Clock::now();
        if (!m_session->warmUp(&rawError)) {
            error.reset(rawError);
            fprintf(stderr, "offload-jsc: cannot warm up the engine: %s\n", error->message);
            return ExitMigrationFailed;
        }
        if (m_options.stats)
            fprintf(stderr, "program's engine warmed up in %.2f ms\n", millisecondsSince(start));
    }
    for (const auto& script : m_scripts)
        m_session->runScript(script, nullptr);
    return runTurns();
}

int EngineTestRunner::printInstrumented(const std::string& path)
{
    EngineScript script;
    GError* rawError = nullptr;
    if (!loadScript(path, script, &rawError)) {
        GUniquePtr<GError> error(rawError);
        fprintf(stderr, "offload-jsc: %s\n", error->message);
        return ExitUsage;
    }
    printf("%s\n%s\n", script.code.c_str(), script.metadataJSON.c_str());
    return script.isInstrumented ? ExitSuccess : ExitUsage;
}

int EngineTestRunner::runTurns()
{
    while (true) {
        if (m_options.migrate && m_session->hasPendingTurns() && !migrate())
            return m_exitCode;
        bool ranTurn = false;
        m_session->runTurn(ranTurn, nullptr);
        if (!ranTurn)
            break;
    }
    fflush(stdout);
    return m_exitCode;
}

void EngineTestRunner::dump(const std::vector<uint8_t>& bundle, const char* suffix)
{
    if (m_options.dumpDirectory.empty())
        return;
    g_mkdir_with_parents(m_options.dumpDirectory.c_str(), 0755);
    GUniquePtr<char> fileName(
        g_strdup_printf("%s-%03llu.%s", m_testName.c_str(), static_cast<unsigned long long>(m_migrationIndex), suffix));
    GUniquePtr<char> path(g_build_filename(m_options.dumpDirectory.c_str(), fileName.get(), nullptr));
    GError* error = nullptr;
    if (!g_file_set_contents(path.get(), reinterpret_cast<const char*>(bundle.data()), bundle.size(), &error)) {
        GUniquePtr<GError> owned(error);
        fprintf(stderr, "offload-jsc: cannot write %s: %s\n", path.get(), owned->message);
    }
}

// The engine a migration restores into is made ahead of time, as the edge prepares the twin context of an app before
// its snapshot arrives: a fresh engine with the runtime and the scripts known so far, its capture and restore code
// warmed up on a synthetic heap. Not part of any figure --stats reports for the migration; reported apart.
void EngineTestRunner::prepareNextSession()
{
    if (m_preparedSession || m_options.processHops)
        return;
    auto start = Clock::now();
    GError* rawError = nullptr;
    auto session = EngineSession::create(&rawError);
    bool prepared = !!session;
    for (size_t i = 0; prepared && i < m_scripts.size(); ++i)
        prepared = session->declareScript(m_scripts[i], &rawError);
    if (prepared)
        prepared = session->warmUp(&rawError);
    if (!prepared) {
        // The restore makes its engine itself then; a failing warm-up is still a bug of ours.
        GUniquePtr<GError> error(rawError);
        fprintf(stderr, "offload-jsc: cannot prepare the next engine: %s\n", error->message);
        m_exitCode = ExitMigrationFailed;
        return;
    }
    m_preparedSession = std::move(session);
    if (m_options.stats)
        fprintf(stderr, "migration %llu: next engine prepared ahead in %.2f ms\n",
            static_cast<unsigned long long>(m_migrationIndex + 1), millisecondsSince(start));
}

bool EngineTestRunner::migrate()
{
    prepareNextSession();
    ++m_migrationIndex;
    GError* rawError = nullptr;
    auto start = Clock::now();
    CapturedState state;
    if (!m_session->capture(state, &rawError)) {
        GUniquePtr<GError> error(rawError);
        if (isRuntimeError(error.get(), RuntimeError::CaptureRefused)) {
            // Refused state: the program goes on here, as it would run locally on the client.
            if (!m_reportedRefusal)
                fprintf(stderr, "offload-jsc: migration refused, running locally: %s\n", error->message);
            m_reportedRefusal = true;
            return true;
        }
        // A bug of ours: the program goes on here all the same, but the run fails.
        fprintf(
            stderr, "offload-jsc: the capture failed with an internal error, running locally: %s\n", error->message);
        if (m_exitCode == ExitSuccess)
            m_exitCode = ExitMigrationFailed;
        return true;
    }
    double captureTime = millisecondsSince(start);
    for (auto& script : state.dynamicScripts) {
        if (std::none_of(m_scripts.begin(), m_scripts.end(), [&](auto& known) { return known.sid == script.sid; }))
            m_scripts.push_back(std::move(script));
    }

    start = Clock::now();
    auto* received = receivedBlobs(&rawError);
    if (!received) {
        GUniquePtr<GError> error(rawError);
        fprintf(stderr, "offload-jsc: no blob store for the receiver: %s\n", error->message);
        m_exitCode = ExitMigrationFailed;
        return true;
    }
    // Only the blobs the receiver does not hold yet travel (Bundle::read checks that it holds the others).
    std::vector<std::span<const uint8_t>> blobs;
    size_t blobBytes = 0;
    size_t carriedBytes = 0;
    for (size_t i = 0; i < state.blobs.size(); ++i) {
        blobBytes += state.blobs[i].size();
        if (received->has(state.blobHashes[i]))
            continue;
        blobs.emplace_back(state.blobs[i]);
        carriedBytes += state.blobs[i].size();
    }
    std::vector<uint8_t> bundle;
    if (!Bundle::write(state.snapshot, blobs, bundle, &rawError)) {
        GUniquePtr<GError> error(rawError);
        fprintf(stderr, "offload-jsc: the captured snapshot is invalid: %s\n", error->message);
        m_exitCode = ExitMigrationFailed;
        return true;
    }
    double bundleTime = millisecondsSince(start);
    dump(bundle);
    if (m_options.stats) {
        fprintf(stderr,
            "migration %llu: capture %.2f ms, snapshot %zu bytes, %zu blobs (%zu bytes), bundle %zu bytes in %.2f ms, "
            "carrying %zu blobs (%zu bytes; the receiver held the others)\n",
            static_cast<unsigned long long>(m_migrationIndex), captureTime, state.snapshot.size(), state.blobs.size(),
            blobBytes, bundle.size(), bundleTime, blobs.size(), carriedBytes);
        fprintf(stderr, "migration %llu: capture phases %s\n", static_cast<unsigned long long>(m_migrationIndex),
            m_session->runtimeTimings("lastCaptureTimings").c_str());
    }

    if (m_options.processHops)
        return hopToChildProcess(bundle);

    start = Clock::now();
    std::unique_ptr<EngineSession> next;
    if (!restoreInto(next, bundle, &rawError)) {
        // The old engine still holds the program: nothing is lost, but the migration is a failure of ours.
        GUniquePtr<GError> error(rawError);
        fprintf(stderr, "offload-jsc: restore failed, continuing in the original engine: %s\n", error->message);
        if (m_exitCode == ExitSuccess)
            m_exitCode = isNotIdempotent(error.get()) ? ExitIdempotencyFailed : ExitMigrationFailed;
        return true;
    }
    m_session = std::move(next);
    reportRestore(millisecondsSince(start), false);
    return true;
}

void EngineTestRunner::reportRestore(double milliseconds, bool inNewProcess)
{
    if (!m_options.stats)
        return;
    auto index = static_cast<unsigned long long>(m_migrationIndex);
    // The engine setup (reading the bundle, a fresh engine unless one was prepared ahead, declaring the scripts) is
    // part of the restore figure and also reported apart: the runtime's own phases follow.
    if (inNewProcess)
        fprintf(stderr, "migration %llu: restore in process %d %.2f ms (engine setup %.2f ms)\n", index, getpid(),
            milliseconds, m_engineSetupTime);
    else
        fprintf(
            stderr, "migration %llu: restore %.2f ms (engine setup %.2f ms)\n", index, milliseconds, m_engineSetupTime);
    fprintf(
        stderr, "migration %llu: restore phases %s\n", index, m_session->runtimeTimings("lastRestoreTimings").c_str());
}

bool EngineTestRunner::restoreInto(
    std::unique_ptr<EngineSession>& session, const std::vector<uint8_t>& bundle, GError** error)
{
    auto start = Clock::now();
    if (m_options.failRestoreOf == m_migrationIndex) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED,
            "the restore of migration %llu fails on purpose (--fail-restore)",
            static_cast<unsigned long long>(m_migrationIndex));
        return false;
    }
    std::vector<uint8_t> snapshot;
    auto* store = receivedBlobs(error);
    std::vector<BlobEntry> listedBlobs;
    if (!store || !Bundle::read(bundle, snapshot, *store, error, {}, &listedBlobs))
        return false;
    if (m_preparedSession)
        session = std::move(m_preparedSession);
    else
        session = EngineSession::create(error);
    if (!session)
        return false;
    for (const auto& script : m_scripts) {
        if (!session->declareScript(script, error))
            return false;
    }
    m_engineSetupTime = millisecondsSince(start);
    if (!session->restore(snapshot, listedBlobs, *store, error))
        return false;
    if (m_options.checkIdempotent) {
        CapturedState again;
        if (!session->capture(again, error))
            return false;
        if (again.snapshot != snapshot) {
            // Both sides of the difference are what a developer needs: `offload-snapshot dump` them.
            dump(snapshot, "original.snapshot");
            dump(again.snapshot, "recaptured.snapshot");
            size_t offset = 0;
            while (offset < again.snapshot.size() && offset < snapshot.size()
                && again.snapshot[offset] == snapshot[offset])
                ++offset;
            g_set_error(error, engineErrorQuark(), static_cast<int>(EngineError::NotIdempotent),
                "capture after restore is not byte-identical (%zu vs %zu bytes, first difference at byte %zu)",
                snapshot.size(), again.snapshot.size(), offset);
            return false;
        }
    }
    return true;
}

bool EngineTestRunner::hopToChildProcess(const std::vector<uint8_t>& bundle)
{
    MigrationPayload payload;
    payload.migrationIndex = m_migrationIndex;
    payload.scripts = m_scripts;
    payload.bundle = bundle;
    auto bytes = payload.serialize();

    // This engine keeps the program until the child says it holds it (acknowledgeRestore), as a client keeps its
    // state until an offload's result is applied: a child that fails to restore leaves the program here.
    fflush(stdout);
    int acknowledgement[2];
    if (!g_unix_open_pipe(acknowledgement, FD_CLOEXEC, nullptr)) {
        fprintf(stderr, "offload-jsc: cannot make a pipe for the next process; continuing locally\n");
        m_exitCode = ExitMigrationFailed;
        return true;
    }
    constexpr int childAcknowledgementDescriptor = 3;
    std::vector<std::string> arguments { "/proc/self/exe", "--receive-migration", "--migrate", "--process-hops",
        "--acknowledge-fd=" + std::to_string(childAcknowledgementDescriptor),
        "--blob-cache=" + m_options.blobCacheDirectory, "--test-name=" + m_testName };
    if (m_options.checkIdempotent)
        arguments.push_back("--check-idempotent");
    if (m_options.stats)
        arguments.push_back("--stats");
    if (!m_options.dumpDirectory.empty())
        arguments.push_back("--dump-snapshot=" + m_options.dumpDirectory);
    if (m_options.failRestoreOf)
        arguments.push_back("--fail-restore=" + std::to_string(m_options.failRestoreOf));
    std::vector<const char*> argv;
    for (auto& argument : arguments)
        argv.push_back(argument.c_str());
    argv.push_back(nullptr);

    GError* rawError = nullptr;
    GRefPtr<GSubprocess> subprocess;
    {
        // The launcher owns the write end; freeing it closes that end here, so that only the child holds it.
        auto launcher = adoptGRef(g_subprocess_launcher_new(G_SUBPROCESS_FLAGS_STDIN_PIPE));
        g_subprocess_launcher_take_fd(launcher.get(), acknowledgement[1], childAcknowledgementDescriptor);
        subprocess = adoptGRef(g_subprocess_launcher_spawnv(launcher.get(), argv.data(), &rawError));
    }
    auto wentOnHere = [&](const char* why) {
        close(acknowledgement[0]);
        fprintf(stderr, "offload-jsc: %s; continuing locally in process %d\n", why, getpid());
        if (m_exitCode == ExitSuccess)
            m_exitCode = ExitMigrationFailed;
        return true;
    };
    if (!subprocess) {
        GUniquePtr<GError> error(rawError);
        std::string why = std::string("cannot start the next process: ") + error->message;
        return wentOnHere(why.c_str());
    }
    // The child reads all of its standard input before it restores, so writing it all first cannot block forever.
    auto* input = g_subprocess_get_stdin_pipe(subprocess.get());
    bool wrote = g_output_stream_write_all(input, bytes.data(), bytes.size(), nullptr, nullptr, nullptr)
        && g_output_stream_close(input, nullptr, nullptr);
    char byte = 0;
    ssize_t count;
    do
        count = read(acknowledgement[0], &byte, 1);
    while (count < 0 && errno == EINTR);
    if (count == 1) {
        close(acknowledgement[0]);
        // The child holds the program: nothing of it may stay here.
        m_session.reset();
        m_preparedSession.reset();
        g_subprocess_wait(subprocess.get(), nullptr, nullptr);
        // A failure this process saw before (a hop that went on here) stays the run's status.
        if (m_exitCode == ExitSuccess)
            m_exitCode = g_subprocess_get_if_exited(subprocess.get()) ? g_subprocess_get_exit_status(subprocess.get())
                                                                      : ExitMigrationFailed;
        return false;
    }
    // The child ended (or closed the pipe) without holding the program; it said why on standard error.
    g_subprocess_wait(subprocess.get(), nullptr, nullptr);
    int status = g_subprocess_get_if_exited(subprocess.get()) ? g_subprocess_get_exit_status(subprocess.get())
                                                              : ExitMigrationFailed;
    if (m_exitCode == ExitSuccess && status != ExitSuccess)
        m_exitCode = status;
    return wentOnHere(
        wrote ? "the next process did not restore the program" : "the next process did not take the program");
}

void EngineTestRunner::acknowledgeRestore()
{
    if (m_options.acknowledgementDescriptor < 0)
        return;
    char byte = 'R';
    ssize_t count;
    do
        count = write(m_options.acknowledgementDescriptor, &byte, 1);
    while (count < 0 && errno == EINTR);
    close(m_options.acknowledgementDescriptor);
    m_options.acknowledgementDescriptor = -1;
}

int EngineTestRunner::continueFromPayload(std::span<const uint8_t> bytes)
{
    MigrationPayload payload;
    GError* rawError = nullptr;
    if (!MigrationPayload::deserialize(bytes, payload, &rawError)) {
        GUniquePtr<GError> error(rawError);
        fprintf(stderr, "offload-jsc: %s\n", error->message);
        return ExitMigrationFailed;
    }
    m_scripts = std::move(payload.scripts);
    m_testName = m_options.testName;
    m_migrationIndex = payload.migrationIndex;
    auto start = Clock::now();
    if (!restoreInto(m_session, payload.bundle, &rawError)) {
        // The previous process still holds the program and goes on with it; the bundle is kept for diagnosis.
        GUniquePtr<GError> error(rawError);
        GUniquePtr<char> path(g_strdup_printf("%s/offload-jsc-%d.bundle", g_get_tmp_dir(), getpid()));
        bool saved = m_options.failRestoreOf != m_migrationIndex
            && g_file_set_contents(
                path.get(), reinterpret_cast<const char*>(payload.bundle.data()), payload.bundle.size(), nullptr);
        fprintf(stderr, "offload-jsc: restore in the new process failed: %s%s%s\n", error->message,
            saved ? "; the bundle is kept in " : "", saved ? path.get() : "");
        return isNotIdempotent(error.get()) ? ExitIdempotencyFailed : ExitMigrationFailed;
    }
    // The previous process may now let go of the program.
    acknowledgeRestore();
    reportRestore(millisecondsSince(start), true);
    bool ranTurn = false;
    m_session->runTurn(ranTurn, nullptr);
    return runTurns();
}

} // namespace Offload
