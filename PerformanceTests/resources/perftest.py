# Shared helpers for the PerformanceTests drivers: where the tools are, how to run them with a time limit, and how
# to print results in the shape WebKit's run-perf-tests uses ("name:Time -> [v1, v2, ...] ms"), which other tools
# and people already know how to read. Python 3 standard library only.

import math
import os
import resource
import statistics
import subprocess
import sys
import time

TOP_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# WebKit's units per metric (webkitpy/performance_tests/perftest.py), plus the two this project adds.
UNITS = {"Time": "ms", "Score": "pt", "Size": "bytes", "Throughput": "MB/s", "Slowdown": "%"}


def build_dir():
    """The build directory, resolved the way Tools/Scripts/build resolves OFFLOAD_BUILD_DIR."""
    directory = os.environ.get("OFFLOAD_BUILD_DIR", os.path.join(TOP_DIR, "WebKitBuild"))
    return directory if os.path.isabs(directory) else os.path.join(TOP_DIR, directory)


def tool(name):
    """Path of offload-jsc or offload-instrument. OFFLOAD_JSC / OFFLOAD_INSTRUMENT override it, so a benchmark can
    use a tool from another build without rebuilding everything."""
    overrides = {"offload-jsc": "OFFLOAD_JSC", "offload-instrument": "OFFLOAD_INSTRUMENT"}
    if os.environ.get(overrides[name]):
        return os.environ[overrides[name]]
    relative = {"offload-jsc": "Tools/offload-jsc/offload-jsc",
                "offload-instrument": "Source/Instrumenter/offload-instrument"}[name]
    return os.path.join(build_dir(), relative)


def require_tool(name, program):
    path = tool(name)
    if not os.access(path, os.X_OK):
        sys.exit(f"{program}: {path} is missing; build first with Tools/Scripts/build "
                 f"(or point {'OFFLOAD_JSC' if name == 'offload-jsc' else 'OFFLOAD_INSTRUMENT'} at a built one)")
    return path


class RunResult:
    def __init__(self, returncode, stdout, stderr, seconds, cpu_seconds, timed_out):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.seconds = seconds
        # User + system time of the command and the descendants it waited for: on a machine busy with other work
        # it moves far less than the wall time does.
        self.cpu_seconds = cpu_seconds
        self.timed_out = timed_out


def run(command, timeout):
    """Runs a command to completion or until timeout seconds have passed. The command gets its own process group so
    that a timeout also ends the child processes offload-jsc --process-hops starts, and nothing else."""
    def children_cpu():
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    start, start_cpu = time.monotonic(), children_cpu()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               errors="replace", start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, 9)
        except ProcessLookupError:  # it ended on its own in the meantime
            pass
        stdout, stderr = process.communicate()
        timed_out = True
    return RunResult(process.returncode, stdout, stderr, time.monotonic() - start, children_cpu() - start_cpu, timed_out)


def format_value(value):
    if isinstance(value, int):
        return str(value)
    return f"{value:.4g}" if abs(value) < 1000 else f"{value:.0f}"


def result_line(name, metric, values):
    """One line in WebKit's run-perf-tests shape: `name:Metric -> [v1, v2, ...] unit`."""
    return f"{name}:{metric} -> [{', '.join(format_value(v) for v in values)}] {UNITS[metric]}"


def median(values):
    return statistics.median(values)


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def load_note():
    """The 1-minute load average against the core count: figures taken on a busy machine say so."""
    try:
        load = os.getloadavg()[0]
    except OSError:
        return "load average unknown"
    return f"load average {load:.2f} on {os.cpu_count()} cores" + (" (busy machine: figures are noisy)" if load > 0.5 * os.cpu_count() else "")
