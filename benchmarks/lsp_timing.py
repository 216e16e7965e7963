"""Time `speller lsp` from spawn: the initialize reply, the first diagnostics of one article, a warm check.

    python benchmarks/lsp_timing.py FILE [--runs 7] [--source DIR]

Each run spawns a fresh server over stdio, sends initialize, then (as soon as the reply is in)
initialized and didOpen of FILE, and waits for its diagnostics; then opens FILE again under a
second URI (the dictionary is loaded by then). Prints the median, minimum and maximum of each
time over the runs, and the server's CPU time (user + system; /proc, 10 ms ticks) up to the
initialize reply, up to the first diagnostics and for the whole session. `--source DIR` runs the
server from another checkout (e.g. an older commit unpacked with `git archive`), to compare.
Wall-clock times on a shared machine are noisy: compare medians, and CPU time.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from speller.jsonrpc import Framer, encode  # noqa: E402


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system, all threads) a running process has used so far; NaN off Linux."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_run(path: Path, source: Path | None) -> dict[str, float]:
    """Times in ms from spawn of one server session, and its CPU time in ms."""
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "speller.cli", "lsp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=source or None,
    )
    assert proc.stdin is not None and proc.stdout is not None
    stdin, stdout = proc.stdin, proc.stdout
    framer = Framer()

    def send(message: dict) -> None:
        stdin.write(encode(message))
        stdin.flush()

    def wait(pred) -> dict:
        while True:
            for message in framer.messages():
                if pred(message):
                    return message
            data = os.read(stdout.fileno(), 65536)
            if not data:
                raise RuntimeError("server closed stdout")
            framer.feed(data)

    send(
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {"processId": None, "rootUri": path.parent.as_uri(), "capabilities": {}},
        }
    )
    wait(lambda m: m.get("id") == 1)
    t_init = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    text = path.read_text(encoding="utf-8")
    times = {"initialize reply": t_init - t0, "server CPU to initialize reply": cpu_seconds(proc.pid)}
    for name, uri in [("first diagnostics", path.as_uri()), ("warm didOpen -> diagnostics", path.as_uri() + "?2")]:
        t = time.perf_counter()
        send(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
            }
        )
        wait(lambda m, uri=uri: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        times[name] = time.perf_counter() - (t0 if name == "first diagnostics" else t)
        if name == "first diagnostics":
            times["server CPU to first diagnostics"] = cpu_seconds(proc.pid)
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    wait(lambda m: m.get("id") == 2)
    send({"jsonrpc": "2.0", "method": "exit"})
    proc.wait(10)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    times["server CPU, whole session"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {k: v * 1000 for k, v in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--source", type=Path, default=None)
    args = parser.parse_args()
    runs = [one_run(args.file.resolve(), args.source) for _ in range(args.runs)]
    print(
        f"{args.runs} spawns of `speller lsp`{' from ' + str(args.source) if args.source else ''}, "
        f"{args.file.name} ({len(args.file.read_text(encoding='utf-8').split())} words)"
    )
    print(f"{'':34} {'median':>8} {'min':>8} {'max':>8}   load average {os.getloadavg()[0]:.1f}")
    for key in runs[0]:
        values = [r[key] for r in runs]
        label = key + (" (from spawn)" if key in ("initialize reply", "first diagnostics") else "")
        print(f"{label:34} {statistics.median(values):6.0f}ms {min(values):6.0f}ms {max(values):6.0f}ms")


if __name__ == "__main__":
    main()
