"""The Dask engine of `speller build`: count the corpus on a cluster, merge and write here.

Workers run `speller.build.count_segments` (the local engine's counting) on groups of segments
and return each group's sorted runs; this process stores every finished group in the work folder
(so a stopped build resumes) and then merges and writes exactly as the local engine does. The
output is therefore byte-identical to the local engine's. A worker that dies mid-build only
costs its unfinished tasks, which the scheduler runs again elsewhere.

Every worker must be able to read the sources at the same absolute paths (a shared file system) and
have `speller` installed. Without a scheduler address a `LocalCluster` is started on 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import replace
from typing import Any

from .build import RESERVED_BYTES, SPILL_SHARE, BuildOptions, Progress, WorkFolder, count_segments, stopped_by_term
from .sources import Segment, SourceError

#: Text bytes per task: large enough to amortise scheduling, small enough for a worker's memory.
TASK_BYTES = 16 << 20
#: A task's worker holds about this many times its text in counts and results (measured, Zipf text): a
#: LocalCluster, whose workers share this machine's `--memory`, gets tasks small enough to stay inside it.
TASK_MEMORY_RATIO = 64
CONNECT_TIMEOUT = "30s"
#: Seconds the whole count may take on the cluster (None: no limit; tests set one).
TIMEOUT: float | None = None


def local_cluster_options(workers: int) -> dict[str, Any]:
    """A LocalCluster of `workers` single-threaded processes on 127.0.0.1, dashboard off, its logs silent but for
    the critical (a bad input is the build's one-line error, not a worker's traceback on stderr).

    Its HTTP port is a free one."""
    return {
        "silence_logs": logging.CRITICAL,
        "n_workers": workers,
        "threads_per_worker": 1,
        "processes": True,
        "host": "127.0.0.1",
        "dashboard_address": "127.0.0.1:0",
        "worker_dashboard_address": "127.0.0.1:0",
        "scheduler_kwargs": {"dashboard": False},
    }


def tasks_of(
    todo: list[tuple[str, Segment]], workers: int, task_bytes: int = TASK_BYTES
) -> list[list[tuple[str, Segment]]]:
    """Consecutive segments grouped into tasks of at most `task_bytes` (fewer bytes when that feeds every worker)."""
    total = sum(seg.size for _, seg in todo)
    goal = max(1, min(task_bytes, total // max(1, 4 * workers)))
    groups: list[list[tuple[str, Segment]]] = []
    size = goal
    for sid, seg in todo:
        if size >= goal or seg.compression:
            groups.append([])
            size = 0
        groups[-1].append((sid, seg))
        size += seg.size if not seg.compression else goal
    return groups


def count_dask(
    todo: list[tuple[str, Segment]],
    work: WorkFolder,
    opts: BuildOptions,
    *,
    scheduler: str | None,
    workers: int,
    text_field: str,
    progress: Progress,
    memory: int,
) -> None:
    """Count `todo` on a Dask cluster and store each finished task's runs in `work`.

    A LocalCluster (no `scheduler`) gets tasks small enough for its workers to share `memory`.
    """
    try:
        from distributed import Client, LocalCluster, as_completed  # noqa: PLC0415 - optional dependency
    except ImportError as e:
        raise ImportError("--engine dask needs dask.distributed: pip install 'speller[build]'", name=e.name) from None

    with stopped_by_term():  # SIGTERM (a CI job cancelled) stops the build as Ctrl-C does: exit 130, work kept
        cluster = None
        if scheduler:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        else:
            cluster = LocalCluster(**local_cluster_options(workers))
            client = Client(cluster, timeout=CONNECT_TIMEOUT)
        try:
            nworkers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
            task_bytes = TASK_BYTES
            if cluster is not None:
                share = SPILL_SHARE * (memory - RESERVED_BYTES) / nworkers
                task_bytes = max(1 << 20, min(TASK_BYTES, int(share / TASK_MEMORY_RATIO)))
            groups = tasks_of(todo, nworkers, task_bytes)
            futures = {}
            for group in groups:
                ids = [sid for sid, _ in group]
                key = "speller-count-" + hashlib.sha256("\0".join(ids).encode()).hexdigest()[:16]
                # absolute paths: a worker may run in another folder than this process (QA)
                segs = [replace(seg, path=os.path.abspath(seg.path)) for _, seg in group]
                fut = client.submit(count_segments, segs, opts, text_field, key=key, pure=False)
                futures[fut] = group
            for fut in as_completed(list(futures), timeout=TIMEOUT):
                group = futures.pop(fut)
                try:
                    words, bigrams, tokens = fut.result()
                except SourceError as e:
                    client.cancel(list(futures))
                    raise SourceError(
                        f"{e} (finished work is kept in {work.path}: fix or --exclude the file and "
                        "run the same command to resume)"
                    ) from None
                fut.release()
                name = work.new_name()
                work.commit([sid for sid, _ in group], work.write_text_runs(name, words, bigrams), tokens)
                progress.read(sum(seg.size for _, seg in group))
                progress.counted(tokens)
                for _, seg in group:
                    progress.finished(seg.source)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
