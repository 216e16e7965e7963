"""`speller serve` over real HTTP: a uvicorn server in a subprocess on 127.0.0.1, real clients.

Each server is started on an ephemeral port, waited for with a timeout, and stopped at the end.
"""

from __future__ import annotations

import json
import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast
from urllib.parse import quote

import pytest

if TYPE_CHECKING:
    import httpx
    from starlette.applications import Starlette
    from starlette.requests import Request
else:
    httpx = pytest.importorskip("httpx")
pytest.importorskip("uvicorn")
pytest.importorskip("starlette")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
START_TIMEOUT = 60.0
#: A typo after an emoji (2 UTF-16 code units) and a nonstandard word.
EMOJI_TEXT = "Foto 😀 itu diambil di luar angksa. Mereka praktek di sana."
_RUNNING = re.compile(r"running on (http://\S+)")


@contextmanager
def running_server(*args: str, env: dict[str, str] | None = None, codes: list[int] | None = None) -> Iterator[str]:
    """Run `speller serve --port 0 ARGS` and yield its base URL; stop it afterwards (SIGTERM), its exit code appended
    to `codes` when given."""
    cmd = [sys.executable, "-m", "speller.cli", "serve", "--port", "0", *args]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})}, cwd=ROOT
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen: list[str] = []
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while True:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"server did not start in {START_TIMEOUT} s: {''.join(seen)}") from None
            if line is None:
                raise AssertionError(f"server exited ({proc.wait(timeout=10)}): {''.join(seen)}")
            seen.append(line)
            found = _RUNNING.search(line)
            if found:
                _wait_ready(found.group(1), deadline)
                yield found.group(1)
                return
    finally:
        proc.terminate()
        try:
            code = proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait(timeout=15)
        if codes is not None:
            codes.append(code)


def _wait_ready(base: str, deadline: float) -> None:
    """Poll the health check until it answers (workers listen only once they have loaded)."""
    while True:
        try:
            if httpx.get(f"{base}/v2/healthcheck", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"{base} did not answer in {START_TIMEOUT} s")
        time.sleep(0.1)


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with running_server("--max-chars", "5000") as base:
        yield base


@pytest.fixture(scope="module")
def client(url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=url, timeout=30.0) as c:
        yield c


def _utf16_slice(text: str, offset: int, length: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * offset : 2 * (offset + length)].decode("utf-16-le")


# -- LanguageTool's API ----------------------------------------------------------------------


def test_languages_lists_indonesian(client: httpx.Client) -> None:
    response = client.get("/v2/languages")
    assert response.status_code == 200
    assert {"name": "Indonesian", "code": "id", "longCode": "id-ID"} in response.json()


def test_check_counts_offsets_in_utf16_and_fills_every_field(client: httpx.Client) -> None:
    response = client.post("/v2/check", data={"text": EMOJI_TEXT, "language": "id-ID"})
    assert response.status_code == 200
    body = response.json()
    assert body["language"]["code"] == "id-ID"
    assert body["software"]["apiVersion"] == 1
    by_word = {_utf16_slice(EMOJI_TEXT, m["offset"], m["length"]): m for m in body["matches"]}
    typo = by_word["angksa"]
    assert typo["offset"] == EMOJI_TEXT.index("angksa") + 1  # the emoji is two UTF-16 units
    assert typo["replacements"][0] == {"value": "angkasa"}
    assert typo["rule"]["id"] == "SPELLER_TYPO"
    assert typo["rule"]["issueType"] == "misspelling"
    assert typo["rule"]["category"]["id"] == "TYPOS"
    assert typo["sentence"] == "Foto 😀 itu diambil di luar angksa."
    ctx = typo["context"]
    assert _utf16_slice(ctx["text"], ctx["offset"], ctx["length"]) == "angksa"
    assert typo["message"] and typo["shortMessage"]
    style = by_word["praktek"]
    assert style["rule"]["issueType"] == "style"
    assert style["replacements"][0]["value"] == "praktik"


def test_language_tool_python_client_checks_and_corrects(url: str) -> None:
    ltp = pytest.importorskip("language_tool_python")
    with ltp.LanguageTool("id-ID", remote_server=url) as tool:
        matches = tool.check(EMOJI_TEXT)
        assert {m.rule_id for m in matches} >= {"SPELLER_TYPO", "SPELLER_NONSTANDARD"}
        typo = next(m for m in matches if m.rule_id == "SPELLER_TYPO")
        assert EMOJI_TEXT[typo.offset : typo.offset + typo.error_length] == "angksa"
        assert typo.replacements[0] == "angkasa"
        assert tool.correct(EMOJI_TEXT) == "Foto 😀 itu diambil di luar angkasa. Mereka praktik di sana."
        tool.disabled_categories = {"TYPOS"}
        assert {m.rule_id for m in tool.check(EMOJI_TEXT)} == {"SPELLER_NONSTANDARD"}


def test_language_tool_python_client_gets_the_servers_error_not_a_key_error(url: str) -> None:
    # LanguageTool answers errors as plain text; a JSON error body was read as a result (KeyError: 'matches')
    ltp = pytest.importorskip("language_tool_python")
    with ltp.LanguageTool("id-ID", remote_server=url) as tool:
        tool.enabled_rules_only = True  # and no rule named: LanguageTool refuses it
        with pytest.raises(
            pytest.importorskip("language_tool_python.exceptions").LanguageToolError, match="enabledOnly"
        ):
            tool.check("Dia tinggal dirumah.")


def test_languagetool_request_shapes_its_clients_send(client: httpx.Client) -> None:
    # `data` as `{"text": ..., "metaData": ...}` (LanguageTool's web editor), a form sent as text/plain (a browser's
    # fetch with a string body)
    data = json.dumps({"text": "Dia tinggal dirumah.", "metaData": {"EmailToAddress": "x@example.com"}})
    response = client.post("/v2/check", data={"data": data, "language": "id"})
    assert [m["replacements"][0]["value"] for m in response.json()["matches"]] == ["di rumah"]
    both = json.dumps({"text": "a", "annotation": []})
    assert "not both" in error_of(client.post("/v2/check", data={"data": both, "language": "id"}))
    body = "text=Dia+tinggal+dirumah.&language=id-ID"
    response = client.post("/v2/check", content=body, headers={"content-type": "text/plain;charset=UTF-8"})
    assert [m["offset"] for m in response.json()["matches"]] == [12]


def test_languagetool_mode_splits_paragraph_and_text_level_checks(client: httpx.Client) -> None:
    fields = {"text": "Dia tinggal dirumah.", "language": "id"}
    every = client.post("/v2/check", data={**fields, "mode": "allButTextLevelOnly"}).json()["matches"]
    assert len(every) == 1 and every == client.post("/v2/check", data=fields).json()["matches"]
    assert client.post("/v2/check", data={**fields, "mode": "textLevelOnly"}).json()["matches"] == []
    assert "'mode' must be one of" in error_of(client.post("/v2/check", data={**fields, "mode": "sometimes"}))


def test_languagetool_max_text_length_and_info(client: httpx.Client) -> None:
    limit = client.get("/api/info").json()["maxChars"]
    for method in ("GET", "POST"):
        answer = client.request(method, "/v2/maxtextlength")
        assert answer.status_code == 200 and answer.text == str(limit)
        assert client.request(method, "/v2/info").json()["software"]["name"] == "speller"
    assert error_of(client.get("/v2/nothing-here"))


def test_annotated_data_skips_markup_but_counts_it(client: httpx.Client) -> None:
    data = {
        "annotation": [
            {"markup": '<p class="angksa">', "interpretAs": "\n\n"},
            {"text": "Di luar "},
            {"markup": "<b>"},
            {"text": "angksa"},
            {"markup": "</b>"},
            {"text": " 😀 mereka praktek."},
            {"markup": "</p>"},
        ]
    }
    original = "".join(p["text"] if "text" in p else p["markup"] for p in data["annotation"])
    response = client.post("/v2/check", data={"data": json.dumps(data), "language": "auto"})
    assert response.status_code == 200
    found = {_utf16_slice(original, m["offset"], m["length"]): m for m in response.json()["matches"]}
    assert set(found) == {"angksa", "praktek"}  # the class name in the markup is not checked
    assert found["angksa"]["offset"] == len('<p class="angksa">Di luar <b>')


def test_check_accepts_get_with_query(client: httpx.Client) -> None:
    response = client.get("/v2/check", params={"text": "di luar angksa", "language": "id"})
    assert response.status_code == 200
    assert [m["offset"] for m in response.json()["matches"]] == [8]


def test_picky_shows_a_typo_the_model_flags_under_half_sure(client: httpx.Client) -> None:
    """`level=picky` shows what is hidden by default: a two-edit slip whose calibrated share is under one half."""

    def words(**fields: str) -> list[str]:
        text = "Anak dapat berfikit dengan jernih."
        response = client.post("/v2/check", data={"text": text, "language": "id", **fields})
        assert response.status_code == 200
        return [text[m["offset"] : m["offset"] + m["length"]] for m in response.json()["matches"]]

    assert words() == []
    assert words(level="picky") == ["berfikit"]


def test_category_options_follow_languagetool(client: httpx.Client) -> None:
    def rules(**fields: str) -> set[str]:
        response = client.post("/v2/check", data={"text": EMOJI_TEXT, "language": "id", **fields})
        assert response.status_code == 200
        return {m["rule"]["id"] for m in response.json()["matches"]}

    assert rules() == {"SPELLER_TYPO", "SPELLER_NONSTANDARD"}
    assert rules(disabledCategories="TYPOS") == {"SPELLER_NONSTANDARD"}
    assert rules(disabledRules="SPELLER_NONSTANDARD,SOME_OTHER_RULE") == {"SPELLER_TYPO"}
    assert rules(enabledOnly="true", enabledCategories="STYLE") == {"SPELLER_NONSTANDARD"}


# -- the native API ---------------------------------------------------------------------------


def test_native_check_matches_the_cli_json(client: httpx.Client, tmp_path: Path) -> None:
    text = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    response = client.post("/api/check", json={"text": text})
    assert response.status_code == 200
    cli = subprocess.run(
        [sys.executable, "-m", "speller.cli", "check", "--format", "json", "-"],
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert cli.returncode == 1, cli.stderr
    expected = [{k: v for k, v in row.items() if k != "path"} for row in json.loads(cli.stdout)]
    assert response.json()["issues"] == expected
    assert expected


def test_native_check_takes_categories(client: httpx.Client) -> None:
    response = client.post("/api/check", json={"text": EMOJI_TEXT, "categories": ["nonstandard"]})
    assert [i["word"] for i in response.json()["issues"]] == ["praktek"]
    assert client.post("/api/check", json={"text": "x", "categories": ["nope"]}).status_code == 400


def test_info_gives_the_page_what_it_needs(client: httpx.Client) -> None:
    from speller.categories import CATEGORY_NAMES, FIX_CONFIDENCE, FLAG_CONFIDENCE

    info = client.get("/api/info").json()
    assert info["fixConfidence"] == FIX_CONFIDENCE
    assert info["flagConfidence"] == FLAG_CONFIDENCE
    assert list(info["categories"]) == list(CATEGORY_NAMES)
    assert info["maxChars"] == 5000


def test_page_and_its_files_are_served(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for name, kind in (("app.js", "text/javascript"), ("style.css", "text/css")):
        response = client.get(f"/{name}")
        assert response.status_code == 200 and response.headers["content-type"].startswith(kind)
        assert name in page.text
    assert "http" not in page.text.replace('lang="', "")  # nothing fetched from another site


# -- bad input: a clear 4xx with a JSON error, never a 500 -------------------------------------


@pytest.mark.parametrize(
    ("fields", "status", "says"),
    [
        ({"text": "halo"}, 400, "language"),
        ({"text": "halo", "language": "xx-YY"}, 400, "language"),
        ({"language": "id"}, 400, "'text' or 'data'"),
        ({"text": "a", "data": "{}", "language": "id"}, 400, "only one"),
        ({"data": "{not json", "language": "id"}, 400, "JSON"),
        ({"data": '{"annotation": [{"text": 1}]}', "language": "id"}, 400, "string"),
        ({"data": '{"annotation": [{"nothing": "x"}]}', "language": "id"}, 400, "'text' or 'markup'"),
        ({"data": "[" * 20_000, "language": "id"}, 400, ""),
        ({"text": "halo", "language": "id", "level": "shouty"}, 400, "level"),
        ({"text": "a" * 5001, "language": "id"}, 413, "limit"),
        (  # what stands in for the markup is checked too: it is held to the limit as well
            {"data": json.dumps({"annotation": [{"markup": "<x>", "interpretAs": "a " * 2501}]}), "language": "id"},
            413,
            "limit",
        ),
        (
            {
                "data": '{"annotation": [{"text": "di luar angksa "}, {"markup": "<x>", "interpretAs": "\\ud800"}]}',
                "language": "id",
            },
            400,
            "surrogate",
        ),
    ],
)
def test_bad_check_requests_get_a_clear_error(client: httpx.Client, fields: dict, status: int, says: str) -> None:
    response = client.post("/v2/check", data=fields)
    assert response.status_code == status
    assert says in error_of(response)


def error_of(response: httpx.Response) -> str:
    """The message of an error answer: on LanguageTool's routes plain text `Error: ...` as LanguageTool sends it (its
    clients read any JSON answer as a result), elsewhere `{"error": ..., "status": ...}`."""
    assert response.status_code >= 400
    if response.url.path.startswith("/v2/"):
        assert response.headers["content-type"].startswith("text/plain")
        assert response.text.startswith("Error: ")
        return response.text.removeprefix("Error: ")
    body = response.json()
    assert body["status"] == response.status_code
    return str(body["error"])


def test_wrong_content_type_invalid_utf8_and_huge_bodies(client: httpx.Client) -> None:
    # LanguageTool reads any body as a form (a browser's fetch sends one as text/plain): JSON has no `text` field
    response = client.post("/v2/check", content=b'{"text": "x"}', headers={"content-type": "application/json"})
    assert response.status_code == 400 and "'text' or 'data'" in error_of(response)
    response = client.post("/v2/check", content=b"x", headers={"content-type": "multipart/form-data; boundary=x"})
    assert response.status_code == 415
    response = client.post(
        "/v2/check", content=b"language=id&text=\xff\xfe", headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 400 and "the body is not valid UTF-8 (byte 17)" in error_of(response)
    response = client.post(
        "/v2/check", content=b"language=id&text=%ff%fe", headers={"content-type": "application/x-www-form-urlencoded"}
    )  # the body is ASCII: what is no UTF-8 is a field once decoded
    assert response.status_code == 400 and "a field of the body is not valid UTF-8 once" in error_of(response)
    response = client.post("/api/check", content=b'{"text": "\xff"}', headers={"content-type": "application/json"})
    assert response.status_code == 400
    ten_mb = b"text=" + b"a" * (10 * 1024 * 1024) + b"&language=id"
    response = client.post("/v2/check", content=ten_mb, headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413 and "limit" in error_of(response)
    response = client.post("/api/check", json={"text": "a" * (10 * 1024 * 1024)})
    assert response.status_code == 413
    for path, body in (
        ("/api/check", b'{"text": "\\ud800 di luar angksa"}'),
        ("/v2/check", b"language=id&data=" + quote('{"annotation": [{"text": "\\udfff angksa"}]}').encode()),
    ):
        kind = "application/json" if path == "/api/check" else "application/x-www-form-urlencoded"
        response = client.post(path, content=body, headers={"content-type": kind})
        assert response.status_code == 400 and "surrogate" in error_of(response)
    response = client.post("/api/check", json={"words": "halo"})
    assert response.status_code == 400 and "'text'" in response.json()["error"]
    wrong_method = client.get("/api/check")
    assert wrong_method.status_code == 405 and wrong_method.headers["allow"] == "POST"
    missing = client.get("/etc/passwd")
    assert missing.status_code == 404 and missing.json()["error"]


def test_chunked_body_over_the_limit_is_refused(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"language=id&text="
        for _ in range(200):
            yield b"a" * 65536

    response = client.post("/v2/check", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413


def test_foreign_host_header_is_refused(client: httpx.Client) -> None:
    response = client.get("/v2/languages", headers={"host": "attacker.example"})
    assert response.status_code == 400


def test_slow_upload_does_not_stall_other_requests(url: str, client: httpx.Client) -> None:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as slow:
        slow.sendall(
            b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nlanguage=id&text="
        )
        for _ in range(5):  # the slow client still holds its request open while these are answered
            response = client.post("/v2/check", data={"text": "di luar angksa", "language": "id"}, timeout=10)
            assert response.status_code == 200 and len(response.json()["matches"]) == 1


def test_a_huge_check_does_not_hold_up_small_ones() -> None:
    """In-process: the large check is held in its thread until the small request has been answered."""
    import asyncio

    from speller.server import BIG_CHARS, Checker, Settings, create_app

    started, release = threading.Event(), threading.Event()

    class Held(Checker):
        def check(self, text: str, categories: frozenset[str], picky: bool | None = None, markup: str = "text") -> list:
            if len(text) > BIG_CHARS:
                started.set()
                assert release.wait(60)
            return super().check(text, categories, picky, markup)

    app = create_app(Settings(), Held.load(Settings()))

    async def scenario() -> None:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as c:
            big = asyncio.create_task(c.post("/api/check", json={"text": "di luar angksa. " * 500}))
            assert await asyncio.to_thread(started.wait, 60)
            small = await asyncio.wait_for(c.post("/api/check", json={"text": "di luar angksa"}), 60)
            assert small.status_code == 200 and len(small.json()["issues"]) == 1
            assert not big.done()
            release.set()
            answer = await asyncio.wait_for(big, 60)
            assert answer.status_code == 200 and len(answer.json()["issues"]) == 500

    try:
        asyncio.run(scenario())
    finally:
        release.set()


@contextmanager
def serving(app: Starlette) -> Iterator[str]:
    """Serve `app` with uvicorn on 127.0.0.1 (an ephemeral port) in a thread of this process, so that a test can hold
    its checks; yield the base URL, then stop the server (bounded waits)."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", timeout_graceful_shutdown=5))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
    assert not thread.is_alive(), "the server did not stop"


def test_a_check_under_the_large_size_does_not_hold_the_event_loop() -> None:
    """A real server: while a check of BIG_CHARS characters (the most a small one has; typo-dense, such a text takes
    about half a second) is held, a health check and a small check are answered. They waited for it when small texts
    were checked on the event loop."""
    from concurrent.futures import ThreadPoolExecutor

    from speller.server import BIG_CHARS, Checker, Settings, create_app

    started, release = threading.Event(), threading.Event()

    class Held(Checker):
        def check(self, text: str, categories: frozenset[str], picky: bool | None = None, markup: str = "text") -> list:
            if len(text) == BIG_CHARS:
                started.set()
                assert release.wait(60)
            return super().check(text, categories, picky, markup)

    text = "di luar angksa. " * (BIG_CHARS // 16)
    assert len(text) == BIG_CHARS
    with (
        serving(create_app(Settings(), Held.load(Settings()))) as base,
        ThreadPoolExecutor(1) as pool,
        httpx.Client(base_url=base, timeout=20) as c,
    ):
        big = pool.submit(c.post, "/api/check", json={"text": text}, timeout=60)
        try:
            assert started.wait(60)
            assert c.get("/v2/healthcheck").text == "OK"  # a ReadTimeout when small checks held the loop
            small = c.post("/api/check", json={"text": "di luar angksa"})
            assert small.status_code == 200 and len(small.json()["issues"]) == 1
            assert not big.done()  # answered while the held check still ran
        finally:
            release.set()  # before the pool waits for the large request
        answer = big.result(timeout=60)
        assert answer.status_code == 200 and len(answer.json()["issues"]) == BIG_CHARS // 16


def test_the_config_s_picky_and_a_request_s_level(tmp_path: Path) -> None:
    """In-process: `--config`'s picky applies to a request that names no level; a request's level or picky wins."""
    import asyncio

    from speller.server import Checker, Settings, create_app

    text = "Anak dapat berfikit dengan jernih."
    config = tmp_path / ".speller.toml"

    async def words(c: httpx.AsyncClient, route: str, **fields: object) -> list[str]:
        if route == "/v2/check":
            response = await c.post(route, data={"text": text, "language": "id", **fields})
            assert response.status_code == 200
            return [text[m["offset"] : m["offset"] + m["length"]] for m in response.json()["matches"]]
        response = await c.post(route, json={"text": text, **fields})
        assert response.status_code == 200
        return [i["word"] for i in response.json()["issues"]]

    async def scenario(settings: Settings) -> dict[str, list[str]]:
        app = create_app(settings, Checker.load(settings, warm=False))
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as c:
            bad = await c.post("/api/check", json={"text": text, "picky": "yes"})
            assert bad.status_code == 400 and "picky" in bad.json()["error"]
            return {
                "none": await words(c, "/v2/check"),
                "default": await words(c, "/v2/check", level="default"),
                "picky": await words(c, "/v2/check", level="picky"),
                "api": await words(c, "/api/check"),
                "api picky": await words(c, "/api/check", picky=True),
                "api not picky": await words(c, "/api/check", picky=False),
            }

    config.write_text("picky = true\n", encoding="utf-8")
    found = asyncio.run(scenario(Settings(config=str(config))))
    assert found == {
        "none": ["berfikit"],
        "default": [],
        "picky": ["berfikit"],
        "api": ["berfikit"],
        "api picky": ["berfikit"],
        "api not picky": [],
    }
    config.write_text("min-confidence = 0.9\n", encoding="utf-8")  # picky asked for wins over the config's confidence
    found = asyncio.run(scenario(Settings(config=str(config))))
    assert found["none"] == found["api"] == found["default"] == found["api not picky"] == []
    assert found["picky"] == found["api picky"] == ["berfikit"]


def test_picky_keeps_off_what_the_server_config_disables(tmp_path: Path) -> None:
    """In-process: `disable = ["spacing"]` holds for a `level=picky` request too (picky adds real_word only)."""
    import asyncio

    from speller.server import Checker, Settings, create_app

    config = tmp_path / ".speller.toml"
    config.write_text('disable = ["spacing"]\n', encoding="utf-8")
    settings = Settings(config=str(config))

    async def rules(level: str) -> set[str]:
        app = create_app(settings, Checker.load(settings, warm=False))
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as c:
            fields = {"text": "Dia tinggal dirumah di luar angksa.", "language": "id", "level": level}
            response = await c.post("/v2/check", data=fields)
            assert response.status_code == 200
            return {m["rule"]["id"] for m in response.json()["matches"]}

    assert asyncio.run(rules("default")) == asyncio.run(rules("picky")) == {"SPELLER_TYPO"}


def test_api_fix_holds_to_a_stricter_house_confidence(tmp_path: Path) -> None:
    """In-process: with `min-confidence = 0.99` in the config, /api/fix applies only what is that sure by default."""
    import asyncio

    from speller.server import Checker, Settings, create_app

    config = tmp_path / ".speller.toml"
    config.write_text("min-confidence = 0.99\n", encoding="utf-8")
    settings = Settings(config=str(config))

    async def fixed(**fields: object) -> str:
        app = create_app(settings, Checker.load(settings, warm=False))
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as c:
            response = await c.post("/api/fix", json={"text": "Dia tinggal dirumah di luar angksa.", **fields})
            assert response.status_code == 200
            return response.json()["text"]

    assert asyncio.run(fixed()) == "Dia tinggal di rumah di luar angksa."
    assert asyncio.run(fixed(minConfidence=0.9)) == "Dia tinggal di rumah di luar angkasa."


# -- options of `speller serve` --------------------------------------------------------------


def test_a_json_body_may_start_with_a_byte_order_mark(client: httpx.Client) -> None:
    """RFC 8259 lets a parser ignore a BOM; QA's Windows-made body was refused as 'not valid JSON'."""
    body = "\ufeff" + json.dumps({"text": "Di luar angksa."})
    answer = client.post("/api/check", content=body.encode(), headers={"content-type": "application/json"})
    assert answer.status_code == 200 and [i["word"] for i in answer.json()["issues"]] == ["angksa"]


def test_api_check_skips_the_markup_a_cms_sends(client: httpx.Client) -> None:
    body = '<p class="pemerinath">Di luar <a href="/kota">angkasa</a>&nbsp;kini</p>\n<p>Di luar angksa</p><!-- x -->'
    html = client.post("/api/check", json={"text": body, "markup": "html"}).json()["issues"]
    assert [(i["word"], i["start"]) for i in html] == [("angksa", body.index(" angksa<") + 1)]
    plain = client.post("/api/check", json={"text": body}).json()["issues"]
    assert body.index("pemerinath") in [i["start"] for i in plain]  # as text, the class name is read too
    markdown = client.post("/api/check", json={"text": "`angksa` di luar angksa", "markup": "markdown"}).json()
    assert [i["start"] for i in markdown["issues"]] == [17]
    bad = client.post("/api/check", json={"text": body, "markup": "docx"})
    assert bad.status_code == 400 and "'markup' must be one of: text, markdown, html" in bad.json()["error"]


def test_api_fix_applies_the_confident_fixes_and_lists_the_rest(client: httpx.Client) -> None:
    text = '<p title="x">Presiden ke Jakrta untuk menadi saksi.</p>\n<p>Ia memberi kujungannya ke pasar.</p>'
    answer = client.post("/api/fix", json={"text": text, "markup": "html"}).json()
    assert answer["text"] == text.replace("Jakrta", "Jakarta").replace("menadi", "menjadi")
    assert [(i["word"], text[i["start"] : i["end"]]) for i in answer["applied"]] == [("Jakrta",) * 2, ("menadi",) * 2]
    [left] = answer["left"]  # shown (0.5 or more) but under fix's 0.9: the writer decides
    assert left["word"] == "kujungannya" and 0.5 <= left["confidence"] < 0.9
    bolder = client.post("/api/fix", json={"text": text, "minConfidence": 0.5}).json()
    assert "kunjungannya" in bolder["text"] and bolder["left"] == []
    assert client.post("/api/fix", json={"text": "Kota Bandung."}).json() == {
        "text": "Kota Bandung.",
        "applied": [],
        "left": [],
    }
    for bad in (1.5, "0.9", True):
        refused = client.post("/api/fix", json={"text": text, "minConfidence": bad})
        assert refused.status_code == 400 and "'minConfidence' must be a number from 0 to 1" in refused.json()["error"]
    assert client.post("/api/fix", json={"text": text, "markup": "pdf"}).status_code == 400
    plain = client.post("/api/fix", json={"text": text, "markup": None, "categories": None})  # null: the default
    assert (
        plain.status_code == 200 and plain.json()["text"] == client.post("/api/fix", json={"text": text}).json()["text"]
    )
    twice = client.post("/api/fix", json={"text": "Pekerjaan itu di lakukan di lakukan oleh mereka."}).json()
    assert twice["text"] == "Pekerjaan itu dilakukan oleh mereka."  # as `speller fix -`: what two fixes doubled too


def test_api_key_is_required_when_set() -> None:
    with running_server("--api-key", "rahasia") as base, httpx.Client(base_url=base, timeout=30) as c:
        fields = {"text": "di luar angksa", "language": "id"}
        assert c.post("/v2/check", data=fields).status_code == 401
        assert c.post("/v2/check", data={**fields, "apiKey": "salah"}).status_code == 401
        assert c.post("/v2/check", data={**fields, "username": "me", "apiKey": "rahasia"}).status_code == 200
        assert c.post("/v2/check", data=fields, headers={"authorization": "Bearer rahasia"}).status_code == 200
        assert c.post("/api/check", json={"text": "x"}).status_code == 401
        assert c.post("/api/check", json={"text": "x"}, headers={"authorization": "Bearer rahasia"}).status_code == 200
        assert c.post("/api/fix", json={"text": "x"}).status_code == 401
        assert c.post("/api/fix", json={"text": "x"}, headers={"authorization": "Bearer rahasia"}).status_code == 200
        assert c.get("/v2/languages").status_code == 200
        assert c.get("/api/info").json()["apiKeyRequired"] is True


def test_cors_is_closed_unless_an_origin_is_named(client: httpx.Client) -> None:
    origin = {"origin": "https://cms.example.com"}
    assert "access-control-allow-origin" not in client.get("/v2/languages", headers=origin).headers
    with running_server("--cors-origin", "https://cms.example.com") as base, httpx.Client(base_url=base) as c:
        response = c.get("/v2/languages", headers=origin)
        assert response.headers["access-control-allow-origin"] == "https://cms.example.com"
        preflight = c.options("/v2/check", headers={**origin, "access-control-request-method": "POST"})
        assert preflight.status_code == 200
        other = c.get("/v2/languages", headers={"origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers


def test_config_words_and_several_workers(tmp_path: Path) -> None:
    config = tmp_path / ".speller.toml"
    config.write_text('words = ["angksa"]\n', encoding="utf-8")
    with running_server("--config", str(config), "--workers", "2") as base, httpx.Client(base_url=base) as c:
        for _ in range(4):
            response = c.post("/v2/check", data={"text": EMOJI_TEXT, "language": "id"}, timeout=30)
            assert {m["rule"]["id"] for m in response.json()["matches"]} == {"SPELLER_NONSTANDARD"}


def test_bad_dictionary_is_a_one_line_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "speller.cli", "serve", "--port", "0", "--dictionary", str(tmp_path / "missing")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("speller: error:") and len(result.stderr.strip().splitlines()) == 1


def test_taken_port_is_a_one_line_error(url: str) -> None:
    port = url.rsplit(":", 1)[1]
    result = subprocess.run(
        [sys.executable, "-m", "speller.cli", "serve", "--port", port], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"speller: error: cannot listen on 127.0.0.1:{port}")


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"api_key": "kunci-é"}, "printable ASCII"),
        ({"cors_origins": ("https://cms.example.com/",)}, "try https://cms.example.com"),
        ({"cors_origins": ("cms.example.com",)}, "no origin a browser sends"),
    ],
)
def test_settings_no_request_could_meet_are_refused_at_start(fields: dict, says: str) -> None:
    from speller.errors import SpellerError
    from speller.server import Settings

    with pytest.raises(SpellerError, match=re.escape(says)):
        Settings(**fields)
    assert Settings(api_key="rahasia", cors_origins=("https://cms.example.com:8443", "*")).api_key == "rahasia"


def test_the_server_fixes_by_its_config_and_stops_as_ctrl_c_does(tmp_path: Path) -> None:
    # /api/info gave `fix`'s own threshold whatever the config said, and the page sent it: "Fix all confident"
    # changed words the page never showed; SIGTERM killed the process (exit -15) though the README says 130
    config = tmp_path / ".speller.toml"
    config.write_text("min-confidence = 0.99\n", encoding="utf-8")
    text = "Pasukan itu berada di luar angksa dan dirumah."
    cli = subprocess.run(
        [sys.executable, "-m", "speller.cli", "fix", "--config", str(config), "-"],
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    codes: list[int] = []
    with running_server("--config", str(config), codes=codes) as base, httpx.Client(base_url=base, timeout=30) as c:
        assert c.get("/api/info").json()["fixConfidence"] == 0.99
        fixed = c.post("/api/fix", json={"text": text}).json()["text"]
    assert fixed == cli.stdout == "Pasukan itu berada di luar angksa dan di rumah."
    assert codes == [130]


def test_a_body_sent_too_slowly_gets_408_and_a_config_failure_a_422(tmp_path: Path) -> None:
    """In-process: a half-sent body held its connection open for ever (a stopping server waited on it); an
    `ignore-regex` that runs too long on a text was a bare 500 with a traceback."""
    import asyncio
    from unittest.mock import patch

    import speller.server as server
    from speller.server import Checker, Settings, create_app

    config = tmp_path / ".speller.toml"
    config.write_text("ignore-regex = ['(a|aa)+;']\n", encoding="utf-8")
    settings = Settings(config=str(config))
    app = create_app(settings, Checker.load(settings, warm=False))

    async def stalled() -> AsyncIterator[bytes]:
        yield b'{"text": "di luar'
        await asyncio.sleep(30)
        yield b' angksa"}'

    async def scenario() -> None:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as c:
            slow = await asyncio.wait_for(
                c.post("/api/check", content=stalled(), headers={"content-type": "application/json"}), 20
            )
            assert slow.status_code == 408 and "not sent within" in slow.json()["error"]
            with patch("speller.config.REGEX_TIMEOUT", 0.05):
                runaway = await asyncio.wait_for(c.post("/api/check", json={"text": "di luar angksa " + "a" * 40}), 60)
            assert runaway.status_code == 422 and "ignore-regex" in runaway.json()["error"]

    with patch.object(server, "BODY_SECONDS", 0.5):
        asyncio.run(scenario())


def test_a_large_check_whose_client_has_gone_is_not_done() -> None:
    import asyncio

    from starlette.requests import ClientDisconnect

    from speller.server import BIG_CHARS, _Runner

    done: list[str] = []

    class Gone:
        async def is_disconnected(self) -> bool:
            return True

    def work(text: str) -> int:
        done.append(text)
        return len(text)

    async def scenario() -> None:
        run, gone = _Runner(), cast("Request", Gone())
        assert await run(gone, work, "x" * 10) == 10  # a small one runs at once, its client gone or not
        with pytest.raises(ClientDisconnect):
            await run(gone, work, "x" * (BIG_CHARS + 1))

    asyncio.run(scenario())
    assert done == ["x" * 10]


def test_a_cors_origin_is_kept_as_a_browser_sends_it() -> None:
    # `https://CMS.example.com:443` was accepted and then matched no browser's `https://cms.example.com`
    from speller.server import Settings

    given = (
        "https://CMS.example.com:443",
        "http://cms.example.com:80",
        "https://cms.example.com.",
        "http://[::1]:8080",
    )
    assert Settings(cors_origins=given).cors_origins == (
        "https://cms.example.com",
        "http://cms.example.com",
        "https://cms.example.com",
        "http://[::1]:8080",
    )
