"""The Dask engine on a real LocalCluster (2 worker processes).

Same bytes as the local engine, even when a worker dies."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from test_build import OUTPUTS as BUILD_OUTPUTS  # noqa: E402

import speller.dask_build as dask_build  # noqa: E402
import speller.sources as sources_mod  # noqa: E402
from benchmarks.build_scale import zipf_corpus  # noqa: E402
from speller.build import BuildOptions, build  # noqa: E402
from speller.sources import SourceError  # noqa: E402

OPTS = BuildOptions(min_count=2, min_sources=2, bigram_min_count=2, suggest_min_count=2)
OUTPUTS = (*BUILD_OUTPUTS, "joins.tsv")  # every file a build writes


@pytest.fixture(scope="module", autouse=True)
def dask_scratch(tmp_path_factory) -> Iterator[Path]:
    """Dask's temporary-directory for every cluster of this module (the fixture's and the one a build without a
    scheduler starts): a pytest temp folder, so the workers' scratch space and its lock files
    (`dask-scratch-space/global.lock`, `purge.lock`) are not left behind in $TMPDIR."""
    import dask  # noqa: PLC0415 - installed with distributed

    folder = tmp_path_factory.mktemp("dask-scratch")
    with dask.config.set({"temporary-directory": str(folder)}):
        yield folder


@pytest.fixture(scope="module")
def cluster(dask_scratch):
    c = distributed.LocalCluster(**dask_build.local_cluster_options(2))
    try:
        yield c
    finally:
        c.close(timeout=30)


@pytest.fixture(scope="module")
def local_build(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("dask")
    zipf_corpus(root / "zipf", 40_000, files=4, seed=3)
    build([root / "zipf"], root / "local", options=OPTS, jobs=1)
    return root / "zipf", root / "local"


@pytest.fixture
def many_tasks(monkeypatch):
    monkeypatch.setattr(sources_mod, "CHUNK_BYTES", 2048)  # segments are planned here, on the client
    monkeypatch.setattr(dask_build, "TASK_BYTES", 8192)
    monkeypatch.setattr(dask_build, "TIMEOUT", 240)


def same_bytes(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_dask_build_is_byte_identical_to_the_local_build(cluster, local_build, tmp_path, many_tasks):
    corpus, local = local_build
    build([corpus], tmp_path / "dask", options=OPTS, engine="dask", scheduler=cluster.scheduler_address)
    same_bytes(local, tmp_path / "dask")


def test_workers_in_another_folder_read_sources_given_relative(cluster, local_build, tmp_path, many_tasks, monkeypatch):
    """QA: a source given as a relative path reached the workers relative, and a worker running in another folder
    (here: the cluster's, started before the build moved) could not find it."""
    corpus, local = local_build
    monkeypatch.chdir(corpus.parent)
    build([Path(corpus.name)], tmp_path / "dask", options=OPTS, engine="dask", scheduler=cluster.scheduler_address)
    same_bytes(local, tmp_path / "dask")


def test_a_worker_killed_mid_build_changes_nothing(cluster, local_build, tmp_path, many_tasks):
    corpus, local = local_build
    marker = tmp_path / "killed"

    class KillOnce(distributed.WorkerPlugin):
        """Kills its worker process (SIGKILL) when it starts its second count task, once per test."""

        def __init__(self, marker: str) -> None:
            self.marker, self.started = marker, 0

        def transition(self, key, start, finish, **kwargs):
            if finish == "executing" and str(key).startswith("speller-count"):
                self.started += 1
                if self.started == 2:
                    try:
                        os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL))
                    except FileExistsError:
                        return
                    os.kill(os.getpid(), signal.SIGKILL)

    with distributed.Client(cluster.scheduler_address, timeout="30s") as client:
        client.register_plugin(KillOnce(str(marker)), name="kill-once")
        try:
            build([corpus], tmp_path / "dask", options=OPTS, engine="dask", scheduler=cluster.scheduler_address)
        finally:
            client.unregister_worker_plugin("kill-once")
        client.wait_for_workers(2, timeout=60)
    assert marker.exists(), "a worker was killed during the build"
    same_bytes(local, tmp_path / "dask")


def test_dask_reports_a_bad_file_by_name(cluster, tmp_path, many_tasks):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.jsonl").write_text('{"text": "satu dua"}\nnot json\n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"a\.jsonl: not JSON Lines at byte 21"):
        build([tmp_path / "c"], tmp_path / "out", options=OPTS, engine="dask", scheduler=cluster.scheduler_address)


def test_dask_without_a_scheduler_starts_a_local_cluster(local_build, tmp_path, monkeypatch):
    corpus, local = local_build
    monkeypatch.setattr(dask_build, "TIMEOUT", 240)
    build([corpus], tmp_path / "dask", options=OPTS, engine="dask", jobs=1)
    same_bytes(local, tmp_path / "dask")
