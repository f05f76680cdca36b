"""Where a build's CPU goes, phase by phase, for the benchmark (bench/run.py).

Only when the environment names a file (SITEGEN_PHASES_FILE, set by `make bench`) does a build
write its phases there, as JSON; a normal build records them in memory and prints nothing new.

A phase run in a child process is measured by the child's own resource usage, which the kernel
hands over when the child is reaped (os.wait4): user + system CPU of the child and of every
process it waited for itself. That stays exact with the two languages running side by side in
threads, where the process-wide RUSAGE_CHILDREN would mix them. A phase run in the build's own
process (or in a forked one, see build.py) is measured the same way or by its own clock.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import threading
import time
from pathlib import Path

PHASES_ENV = "SITEGEN_PHASES_FILE"

_lock = threading.Lock()
_phases: list[dict] = []


def reset() -> None:
    with _lock:
        _phases.clear()


def record(name: str, cpu: float, wall: float | None, **extra) -> None:
    if not os.environ.get(PHASES_ENV):  # nothing kept when nobody asked (the preview rebuilds for hours)
        return
    with _lock:
        _phases.append({"phase": name, "cpu": round(cpu, 3), "wall": None if wall is None else round(wall, 3),
                        **extra})


def cpu_of(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def run(name: str, cmd: list[str], startup: str | None = None, **popen) -> subprocess.CompletedProcess:
    """subprocess.run(cmd, capture_output=True, text=True, **popen), recording the phase
    `name` with the CPU of the child and its own children. startup: which Python start-up the
    child pays ("sitegen": our command line, "mkdocs": MkDocs'), for the benchmark to count."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)
    out: dict[str, str] = {}

    def drain(key: str, stream) -> None:
        out[key] = stream.read()
        stream.close()

    readers = [threading.Thread(target=drain, args=(key, stream), daemon=True)
               for key, stream in (("stdout", proc.stdout), ("stderr", proc.stderr))]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(proc.pid, 0)  # reaps the child: Popen must not wait for it again
    proc.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    record(name, cpu_of(usage), time.perf_counter() - started, startup=startup)
    return subprocess.CompletedProcess(cmd, proc.returncode, out.get("stdout", ""), out.get("stderr", ""))


def write(own_phase: str = "orchestration (build process)", startup: str = "sitegen") -> None:
    """Write the phases to the file SITEGEN_PHASES_FILE names, if it does, with the build
    process's own CPU (everything not in a child: sitemap, links for the search parts, the swap)."""
    target = os.environ.get(PHASES_ENV)
    if not target:
        return
    own = cpu_of(resource.getrusage(resource.RUSAGE_SELF))
    with _lock:
        phases = list(_phases)
    own -= sum(p["cpu"] for p in phases if p.get("in_process"))  # recorded apart already
    phases.append({"phase": own_phase, "cpu": round(own, 3), "wall": None, "startup": startup})
    Path(target).write_text(json.dumps(phases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
