"""Load and cold start of `speller serve` on the loopback: python -m benchmarks.load [--workers N].

Starts `speller serve` on 127.0.0.1 (an ephemeral port), then:

- cold start: from launching the process to the first answered `/v2/check`, median of `--starts` runs;
- load: `--clients` concurrent keep-alive clients each POST one-paragraph (about 100 words)
  texts from the seed articles to `/v2/check`, as LanguageTool clients do, for `--duration`
  seconds or `--max-requests` requests, whichever comes first. Reported: requests per second,
  p50 / p99 latency, errors (any answer but 200, any broken connection), the server's CPU
  time per request and its resident memory (RSS, all worker processes) before and after.

The client is a minimal HTTP/1.1 client on asyncio streams, so that it costs the shared CPUs
as little as possible; it runs on the same machine as the server. Results go to
benchmarks/LOAD.md (`--out`) with the command, the load average and the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
_RUNNING = re.compile(rb"running on http://127\.0\.0\.1:(\d+)")
START_TIMEOUT = 60.0


def paragraphs(words_per_text: int = 100, step: int = 20) -> list[str]:
    """`words_per_text`-word texts cut from the seed articles every `step` words (typos included)."""
    out: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        words = path.read_text(encoding="utf-8").split()
        out.extend(" ".join(words[i:i + words_per_text]) for i in range(0, len(words) - words_per_text + 1, step))
    return out


def start_server(workers: int) -> tuple[subprocess.Popen, int, float]:
    """Launch `speller serve`; returns the process, its port and seconds to the first answered check."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "speller.cli", "serve", "--port", "0", "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stderr is not None
    port = 0
    deadline = time.monotonic() + START_TIMEOUT
    os.set_blocking(proc.stderr.fileno(), False)
    seen = b""
    while not port:
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise SystemExit(f"server did not start: {seen.decode(errors='replace')}")
        chunk = proc.stderr.read() or b""
        seen += chunk
        found = _RUNNING.search(seen)
        if found:
            port = int(found.group(1))
        else:
            time.sleep(0.002)
    body = urlencode({"text": "di luar angksa", "language": "id"}).encode()
    while True:
        try:
            status, _ = asyncio.run(_one_request(port, body))
            if status == 200:
                return proc, port, time.perf_counter() - t0
        except OSError:
            pass
        if time.monotonic() > deadline:
            stop(proc)
            raise SystemExit("server never answered")
        time.sleep(0.002)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=20)


def _request(port: int, body: bytes) -> bytes:
    return (b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % (port, len(body))) + body


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return status, await reader.readexactly(length)


async def _one_request(port: int, body: bytes) -> tuple[int, bytes]:
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 5)
    try:
        writer.write(_request(port, body))
        return await asyncio.wait_for(_read_response(reader), 10)
    finally:
        writer.close()


async def _client(port: int, bodies: list[bytes], offset: int, stop_at: float, budget: list[int],
                  latencies: list[float], errors: list[str], interval: float | None) -> None:
    """One keep-alive client: back to back (`interval` None) or one request every `interval` seconds.

    With an interval, latency counts from when the request was due, so a server that falls
    behind is charged for the wait (no coordinated omission).
    """
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = offset
    due = time.perf_counter() + (interval or 0) * (offset % 97) / 97  # spread the clients' phases
    try:
        while budget[0] > 0:
            if interval is not None:
                now = time.perf_counter()
                if due > now:
                    await asyncio.sleep(due - now)
            t = due if interval is not None else time.perf_counter()
            if t >= stop_at:
                break
            budget[0] -= 1
            body = bodies[i % len(bodies)]
            i += 1
            if interval is not None:
                due += interval
            writer.write(_request(port, body))
            try:
                status, payload = await asyncio.wait_for(_read_response(reader), 10)
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError) as e:
                errors.append(type(e).__name__)
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            latencies.append(time.perf_counter() - t)
            if status != 200 or not payload.startswith(b"{"):
                errors.append(f"HTTP {status}")
    finally:
        writer.close()


async def _load(port: int, bodies: list[bytes], clients: int, duration: float, max_requests: int,
                rate: float | None = None) -> tuple[list[float], list[str], float]:
    """Latencies (s), errors and elapsed seconds of one load run; `rate` requests/s in all, else back to back."""
    latencies: list[float] = []
    errors: list[str] = []
    budget = [max_requests]
    interval = clients / rate if rate else None
    t0 = time.perf_counter()
    await asyncio.gather(*(_client(port, bodies, n * 7, t0 + duration, budget, latencies, errors, interval)
                           for n in range(clients)))
    return latencies, errors, time.perf_counter() - t0


def _tree(pid: int) -> list[int]:
    """`pid` and its descendants."""
    out = [pid]
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        for c in child.read_text().split():
            out.extend(_tree(int(c)))
    return out


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children, MiB."""
    total = 0
    for p in _tree(pid):
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its children."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in _tree(pid):
        fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / tick


def _summary(latencies: list[float], errors: list[str], elapsed: float) -> dict[str, float]:
    ordered = sorted(latencies)
    n = len(ordered)
    return {"n": n, "rps": n / elapsed, "elapsed": elapsed, "errors": len(errors),
            "p50": ordered[n // 2] * 1000 if n else float("nan"),
            "p99": ordered[min(n - 1, int(n * 0.99))] * 1000 if n else float("nan")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of each load run (a bound)")
    parser.add_argument("--rate", type=float, default=500.0, help="requests/s offered in the paced run")
    parser.add_argument("--max-requests", type=int, default=100_000, help="requests at most per run (a bound)")
    parser.add_argument("--starts", type=int, default=5, help="cold starts to time")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "LOAD.md")
    args = parser.parse_args()

    started = datetime.now(timezone.utc)
    load_before = os.getloadavg()
    colds: list[float] = []
    cold_cpu: list[float] = []
    for _ in range(args.starts):
        proc, _port, cold = start_server(args.workers)
        colds.append(cold)
        cold_cpu.append(cpu_seconds(proc.pid))
        stop(proc)

    texts = paragraphs()
    bodies = [urlencode({"text": t, "language": "id-ID"}).encode() for t in texts]
    proc, port, _ = start_server(args.workers)
    runs: dict[str, dict[str, float]] = {}
    errors: list[str] = []
    try:
        time.sleep(0.5 if args.workers == 1 else 2.0)  # let every worker finish loading
        asyncio.run(_load(port, bodies, args.clients, 3.0, 5_000))  # warm-up: caches, connections
        rss_before, cpu_before = rss_mib(proc.pid), cpu_seconds(proc.pid)
        client_before = time.process_time()
        for name, rate in (("back to back", None), (f"paced at {args.rate:g}/s", args.rate)):
            latencies, failed, elapsed = asyncio.run(_load(port, bodies, args.clients, args.duration,
                                                           args.max_requests, rate))
            runs[name] = _summary(latencies, failed, elapsed)
            errors.extend(failed)
        rss_after, cpu_after = rss_mib(proc.pid), cpu_seconds(proc.pid)
        client_cpu = time.process_time() - client_before
    finally:
        stop(proc)
    load_after = os.getloadavg()

    total = sum(r["n"] for r in runs.values())
    cpu_per_request = (cpu_after - cpu_before) / max(total, 1) * 1000
    client_per_request = client_cpu / max(total, 1) * 1000
    cores = os.cpu_count() or 1
    # What the CPUs could answer if nothing else ran: each worker uses at most one core, and the
    # server and this client share the machine's cores.
    ceiling = min(min(args.workers, cores) / cpu_per_request, cores / (cpu_per_request + client_per_request)) * 1000
    cold = statistics.median(colds)
    words = statistics.mean(len(t.split()) for t in texts)
    command = (f"python -m benchmarks.load --workers {args.workers} --clients {args.clients} "
               f"--duration {args.duration:g} --rate {args.rate:g}")
    status = lambda ok: "**MET**" if ok else "**NOT MET**"  # noqa: E731
    back, paced = runs.values()
    lines = [
        f"## {args.workers} worker(s)",
        "",
        f"Generated by `{command}` (in the checkout), started {started:%Y-%m-%d %H:%M:%S} UTC. "
        f"{args.clients} keep-alive clients POST `/v2/check` with {len(texts)} different texts of "
        f"{words:.0f} words on average, cut from the seed articles: first back to back for {args.duration:g} s "
        f"(the most the server answers; each client waits for its answer, so latency there is mostly "
        f"queueing: {args.clients} clients / throughput), then paced so that {args.rate:g} requests/s are "
        f"offered in all for {args.duration:g} s, latency counted from when each request was due.",
        "",
        f"Load average (1, 5, 15 min) at start {', '.join(f'{x:.2f}' for x in load_before)}, at end "
        f"{', '.join(f'{x:.2f}' for x in load_after)}. Server: uvicorn with {_implementation()}. "
        f"The machine ({os.cpu_count()} cores, "
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()}) is shared with other "
        "jobs and the load generator runs on it too, so wall-clock figures are noisy; the server's CPU time per "
        "request is the steadier figure.",
        "",
        "| Measure | Result | Goal | Status |",
        "|---|---|---|---|",
        f"| Requests per second, back to back | {back['rps']:,.0f} (p50 {back['p50']:.1f} ms, p99 {back['p99']:.1f} ms)"
        f" | >= 500 | {status(back['rps'] >= 500)} |",
        f"| Paced at {args.rate:g}/s: answered per second, p50 / p99 latency | {paced['rps']:,.0f}/s, "
        f"{paced['p50']:.1f} ms / {paced['p99']:.1f} ms | p99 < 50 ms | "
        f"{status(paced['p99'] < 50 and paced['rps'] >= 0.95 * args.rate)} |",
        f"| Errors | {len(errors)} of {total + len(errors)} requests"
        f"{' (' + ', '.join(sorted(set(errors))) + ')' if errors else ''} | 0 | {status(not errors)} |",
        f"| Server CPU per request (user + system) | {cpu_per_request:.2f} ms (load client: "
        f"{client_per_request:.2f} ms) | | |",
        f"| Estimate, not a measurement: requests/s the CPU times above allow on an otherwise idle machine | "
        f"{ceiling:,.0f} | >= 500 | {status(ceiling >= 500)} |",
        f"| Server RSS before / after the load | {rss_before:.0f} MiB / {rss_after:.0f} MiB | no growth | "
        f"{status(rss_after <= rss_before * 1.05 + 2)} |",
        f"| Cold start, `speller serve` to first answered check (median of {len(colds)}) | "
        f"{cold * 1000:.0f} ms (min {min(colds) * 1000:.0f}, max {max(colds) * 1000:.0f}); server CPU by then "
        f"{statistics.median(cold_cpu) * 1000:.0f} ms | < 1 s | {status(cold < 1)} |",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    if args.out:
        existing = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        args.out.write_text(_merge(existing, args.workers, report), encoding="utf-8")


def _implementation() -> str:
    """The HTTP parser and event loop uvicorn picks here."""
    from importlib.util import find_spec

    return (f"{'httptools' if find_spec('httptools') else 'h11'} and "
            f"{'uvloop' if find_spec('uvloop') else 'asyncio'}")


def _merge(existing: str, workers: int, report: str) -> str:
    """The results file with the section of this worker count replaced by `report`."""
    parts = re.split(r"(?m)^<!-- workers=(\d+) -->\n", existing)
    sections = {int(parts[i]): parts[i + 1] for i in range(1, len(parts), 2)}
    sections[workers] = report
    body = "".join(f"<!-- workers={n} -->\n{text.rstrip()}\n\n" for n, text in sorted(sections.items()))
    return "# `speller serve` under load (loopback)\n\n" + body


if __name__ == "__main__":
    main()
