"""`speller serve`: LanguageTool's HTTP API, a native JSON API and a page to paste an article into.

Routes (an ASGI app built by `create_app`, served by uvicorn through `serve`):

- `POST|GET /v2/check`, `GET /v2/languages`, `GET /v2/healthcheck`, `GET|POST /v2/maxtextlength` and `/v2/info`:
  LanguageTool's API, so its clients (browser extension, LTeX, Obsidian, `language_tool_python`) work unchanged (its
  errors in plain text, `Error: ...`, as LanguageTool answers them); see `speller.languagetool`.
- `POST /api/check` with `{"text": ..., "categories": [...], "picky": true, "markup": "html"}` (all optional but
  `text`; `markup` is `text`, `markdown` or `html`, whose markup is not checked: `Speller.check`):
  `{"issues": [...]}`, each issue with the keys of `speller check --format json` but `path`.
- `POST /api/fix` with the fields of `/api/check` (but `picky`) and `minConfidence` (default: `fix`'s threshold):
  `{"text": ..., "applied": [...], "left": [...]}`, the text with the confident fixes applied as `speller fix -`
  applies them, the issues applied, and those shown but left to the writer (offsets into the text sent).
- `GET /api/info`: version, limits, `fixConfidence`, `flagConfidence` and the categories (for the page).
- `GET /`: the page (`speller/static/`), read into memory at start-up.

One dictionary is loaded per process and shared by every request, and so is the config named by
`--config`; a request's `level` (`/v2/check`) or `picky` (`/api/check`) wins over the config's
`picky` and `min-confidence` (`speller.config.Config.shown`). Safe by default: the app
answers only requests whose Host is the loopback (unless it serves another interface), asks for
the API key when one is set, sends no CORS headers unless origins are named, refuses bodies
larger than `max_chars` allows (413) and malformed ones (400), and never reads a file a
request names. Every check runs in a worker thread, never on the event loop (a typo-dense paragraph takes long
enough to hold up every other client); large texts two at a time, so small requests keep flowing.
"""

from __future__ import annotations

import hmac
import json
import os
import re
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import parse_qsl

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from . import __version__
from .categories import CATEGORY_INFO, CATEGORY_NAMES, FIX_CONFIDENCE, FLAG_CONFIDENCE
from .errors import SpellerError
from .languagetool import (
    PICKY_ADDS,
    V2_PREFIX,
    RequestError,
    check_response,
    languages,
    parse_check,
    require_unicode,
    software,
)
from .markup import MARKUPS
from .records import NamedTuple

if TYPE_CHECKING:
    from .checker import Issue, Speller
    from .config import Config, Shown
    from .dictionary import Dictionary

T = TypeVar("T")

#: Environment variable carrying the settings to each worker process.
SETTINGS_ENV = "SPELLER_SERVE_SETTINGS"
#: Texts longer than this (characters) are large: at most `BIG_CHECKS` of them are checked at once.
BIG_CHARS = 2_000
#: Large checks running at once (each in a thread, as every check is); more wait their turn, small ones never do.
BIG_CHECKS = 2
#: Seconds a client has to send its whole body (then 408): a half-sent request must not hold a connection open.
BODY_SECONDS = 30.0
#: Seconds a stopping server (SIGTERM, Ctrl-C) waits for open connections before it closes them.
SHUTDOWN_SECONDS = 30
#: Host names that reach a loopback-bound server.
LOOPBACK = ("127.0.0.1", "localhost", "::1")
#: Bytes a percent-encoded form may spend per character (a 4-byte character is 12 bytes as %XX).
BYTES_PER_CHAR = 12
#: Bytes allowed on top of the text (other fields, JSON syntax, annotation markup).
BODY_SLACK = 64 * 1024
_PAGE_FILES = {
    "index.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
}
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


#: An origin as a browser sends it: scheme, host and maybe a port, nothing after.
_ORIGIN = re.compile(r"https?://[^/\s?#]+")


#: The port a browser leaves out of an origin, per scheme.
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def browser_origin(origin: str) -> str:
    """`origin` (`scheme://host[:port]`, or `*`) as a browser sends it: scheme and host in lowercase, no trailing dot
    on the host, no default port."""
    if origin == "*":
        return origin
    scheme, _, rest = origin.partition("://")
    scheme = scheme.lower()
    host, colon, port = rest.rpartition(":") if not rest.endswith("]") and ":" in rest else (rest, "", "")
    if colon and (port == _DEFAULT_PORTS.get(scheme) or not port):
        colon = port = ""
    return f"{scheme}://{host.lower().rstrip('.')}{colon}{port}"


@dataclass(frozen=True)
class Settings:
    """What `speller serve` was told; passed to worker processes as JSON."""

    host: str = "127.0.0.1"
    dictionary: str | None = None
    config: str | None = None
    api_key: str | None = None
    cors_origins: tuple[str, ...] = ()
    max_chars: int = 200_000

    def __post_init__(self) -> None:
        """SpellerError for a setting no request could meet: a key an HTTP header cannot carry, or an origin a browser
        never sends (it has a path or a trailing slash)."""
        if self.api_key is not None and not (self.api_key.isascii() and self.api_key.isprintable()):
            raise SpellerError("the API key must be printable ASCII: an Authorization header carries no other")
        for origin in self.cors_origins:
            if origin != "*" and not _ORIGIN.fullmatch(origin):
                raise SpellerError(
                    f"{origin!r} is no origin a browser sends: scheme://host[:port] with no path "
                    f"(try {origin.split('://', 1)[0]}://{origin.split('://', 1)[-1].split('/', 1)[0]})"
                )
        # as a browser writes it (`https://CMS.example.com:443` is sent `https://cms.example.com`): else never matched
        object.__setattr__(self, "cors_origins", tuple(map(browser_origin, self.cors_origins)))

    def to_json(self) -> str:
        """The settings as a JSON string."""
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, raw: str) -> Settings:
        """Settings from `to_json`'s output."""
        data = json.loads(raw)
        data["cors_origins"] = tuple(data.get("cors_origins", ()))
        return cls(**data)

    @property
    def max_body(self) -> int:
        """The largest request body read, in bytes."""
        return self.max_chars * BYTES_PER_CHAR + BODY_SLACK


class Fixed(NamedTuple):
    """What `Checker.fix` made of a text: the text fixed, the issues applied, and those shown but left."""

    text: str
    applied: list[Issue]
    left: list[Issue]


class HTTPError(Exception):
    """A request refused with a status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Checker:
    """The shared dictionary and one Speller per category set and `Shown` asked for; thread safe once built."""

    dictionary: Dictionary
    config: Config
    words: frozenset[str]
    default: frozenset[str]
    _spellers: dict[tuple[frozenset[str], Shown, bool], Speller] = field(default_factory=dict)

    @classmethod
    def load(cls, settings: Settings, warm: bool = True) -> Checker:
        """Read the config (when named) and the dictionary; raises SpellerError when either fails.

        With `warm`, one small check is run so that the first request does not pay for first use.
        """
        from .config import Config, load_config
        from .dictionary import Dictionary

        config = load_config(settings.config) if settings.config else Config()
        where = settings.dictionary or (str(config.dictionary) if config.dictionary else None)
        checker = cls(Dictionary(where), config, config.all_words(), config.enabled())
        if warm:
            checker.check("Pemanasan sebelum melayani permintaan pertama.", checker.default)
        return checker

    def speller(self, categories: frozenset[str], picky: bool | None = None, everything: bool = False) -> Speller:
        """The Speller for a set of categories, `picky` or not (None: as the config says; `Config.shown`), at most one
        per pair; with `everything`, one that finds every issue, each `flagged` as that setting shows it."""
        shown = self.config.shown(picky=picky)
        speller = self._spellers.get((categories, shown, everything))
        if speller is None:
            from .checker import Speller

            speller = self._spellers[categories, shown, everything] = Speller(
                self.dictionary,
                categories=categories,
                min_confidence=0.0 if everything else shown.min_confidence,
                words=self.words,
                picky=shown.picky,
            )
        return speller

    def check(
        self, text: str, categories: frozenset[str], picky: bool | None = None, markup: str = "text"
    ) -> list[Issue]:
        """Issues of `text` in these categories (`picky`: see `speller`), minus those the config ignores; the markup of
        a `markup` text (`speller.markup.MARKUPS`) is not checked, and offsets stay the text's."""
        if not categories or not text:
            return []
        return self._issues(self.speller(categories, picky), text, markup)

    def fix(
        self, text: str, categories: frozenset[str], markup: str = "text", min_confidence: float = FIX_CONFIDENCE
    ) -> Fixed:
        """`text` with the issues at least `min_confidence` sure fixed as `speller fix -` fixes them
        (`speller.checker.fixes`), the issues applied, and the issues shown (as `check` shows them) but left."""
        from .checker import fix_rounds, fixes, left_unfixed

        if not categories or not text:
            return Fixed(text, [], [])
        speller = self.speller(categories, everything=True)
        issues = self._issues(speller, text, markup)
        sure = fixes(issues, min_confidence)
        shown = self.config.shown().min_confidence
        fixed = fix_rounds(text, sure, lambda t: self._issues(speller, t, markup), min_confidence).text
        return Fixed(fixed, sure, left_unfixed(issues, sure, shown))

    def _issues(self, speller: Speller, text: str, markup: str) -> list[Issue]:
        """The issues `speller` finds in `text` read as `markup`, minus those the config ignores."""
        return self.config.filter_issues(text, speller.check(text, markup))


def _error(status: int, message: str, plain: bool = False) -> Response:
    """An error answer: `{"error": ..., "status": ...}`, or with `plain` LanguageTool's `Error: ...` as plain text
    (its clients read any JSON answer as a result: `language_tool_python` then fails on a missing `matches`)."""
    if plain:
        return PlainTextResponse(f"Error: {message}", status_code=status)
    return JSONResponse({"error": message, "status": status}, status_code=status)


def _languagetool_path(request: Request) -> bool:
    """The request is for LanguageTool's API, whose errors are plain text."""
    return request.url.path.startswith(V2_PREFIX)


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body; HTTPError 413 as soon as it passes `limit` bytes, 408 when it takes over BODY_SECONDS."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPError(413, f"request body of {declared} bytes is over this server's limit")
    chunks: list[bytes] = []
    size = 0
    with anyio.move_on_after(BODY_SECONDS) as late:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise HTTPError(413, "request body is over this server's limit")
            chunks.append(chunk)
    if late.cancelled_caught:
        raise HTTPError(408, f"the request body was not sent within {BODY_SECONDS:g} s")
    return b"".join(chunks)


def _form(body: bytes, query: str) -> dict[str, str]:
    """Fields of a query string and a form-encoded body (the body wins); HTTPError 400 on bad encoding."""
    fields: dict[str, str] = {}
    for raw, where in ((query, "query string"), (body, "body")):
        if not raw:
            continue
        try:
            text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as e:
            raise HTTPError(400, f"the {where} is not valid UTF-8 (byte {e.start})") from None
        try:
            fields.update(
                parse_qsl(
                    text,
                    keep_blank_values=True,
                    strict_parsing=False,
                    encoding="utf-8",
                    errors="strict",
                    max_num_fields=1000,
                )
            )
        except UnicodeDecodeError:
            raise HTTPError(400, f"a field of the {where} is not valid UTF-8 once its %-escapes are decoded") from None
        except ValueError as e:
            raise HTTPError(400, f"the {where} is not a valid form: {e}") from None
    return fields


def _check_size(settings: Settings, text: str) -> None:
    if len(text) > settings.max_chars:
        raise HTTPError(413, f"text of {len(text)} characters is over this server's limit of {settings.max_chars}")


def _bearer(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    return auth[7:].strip() if auth[:7].lower() == "bearer " else None


def _authorize(settings: Settings, *keys: str | None) -> None:
    """HTTPError 401 unless no key is set or one of `keys` is the key."""
    if settings.api_key is None:
        return
    expected = settings.api_key.encode()
    if not any(k is not None and hmac.compare_digest(k.encode(), expected) for k in keys):
        raise HTTPError(401, "this server needs an API key (apiKey field or Authorization: Bearer header)")


class _Runner:
    """Runs one app's checks and fixes, each in a worker thread: small texts at once, large ones `BIG_CHECKS` at a
    time."""

    def __init__(self) -> None:
        self._limiter: anyio.CapacityLimiter | None = None

    async def __call__(self, request: Request, work: Callable[..., T], text: str, *args: Any) -> T:
        """`work(text, *args)` (a check and the answer built from it, JSON encoding and all) in a worker thread: what a
        check costs follows its typos more than its length (a typo-dense 2,000 characters take about half a second), so
        none runs on the event loop, where it would hold up every other client, health checks and all. A small one
        takes the first free thread of anyio's pool (40); a large one (over `BIG_CHARS`) first waits for one of
        `BIG_CHECKS` turns, and is not done if its client has gone meanwhile (ClientDisconnect): a page that checks
        again as its writer types, a plug-in that gives up and asks again, leave such requests behind."""
        if len(text) <= BIG_CHARS:
            return await anyio.to_thread.run_sync(work, text, *args)
        if self._limiter is None:  # made on first use, inside the server's event loop
            self._limiter = anyio.CapacityLimiter(BIG_CHECKS)
        async with self._limiter:
            if await request.is_disconnected():
                raise ClientDisconnect
            return await anyio.to_thread.run_sync(work, text, *args)


def _handler(fn: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
    """Turn HTTPError into an error answer (`_error`: plain text on LanguageTool's routes), and anything unexpected
    into a 400, never a 500."""

    async def wrapped(request: Request) -> Response:
        plain = _languagetool_path(request)
        try:
            return await fn(request)
        except HTTPError as e:
            return _error(e.status, e.message, plain)
        except RequestError as e:
            return _error(400, str(e), plain)
        except RecursionError:
            return _error(400, "the request is nested too deeply", plain)
        except ClientDisconnect:  # the client went away: no one reads an answer, and it is no server error
            return Response(status_code=400)
        except SpellerError as e:  # the server's config fails on this text (an `ignore-regex` that runs too long)
            return _error(422, str(e), plain)

    wrapped.__name__ = fn.__name__
    wrapped.__doc__ = fn.__doc__
    return wrapped


def _page() -> dict[str, bytes]:
    """The page's files, read once."""
    folder = resources.files("speller") / "static"
    return {name: (folder / name).read_bytes() for name in _PAGE_FILES}


def create_app(settings: Settings | None = None, checker: Checker | None = None) -> Starlette:
    """The ASGI app. Without arguments (as a uvicorn factory) the settings come from $SPELLER_SERVE_SETTINGS."""
    if settings is None:
        raw = os.environ.get(SETTINGS_ENV)
        settings = Settings.from_json(raw) if raw else Settings()
    if checker is None:
        checker = Checker.load(settings)
    page = _page()
    run = _Runner()
    categories_info = {
        c.value: {"title": i.title, "description": i.description, "what": i.what, "default": c.value in checker.default}
        for c, i in CATEGORY_INFO.items()
    }

    @_handler
    async def v2_check(request: Request) -> Response:
        """LanguageTool's check."""
        if request.method == "POST":  # the body is read as a form whatever its type says, as LanguageTool reads it
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind == "multipart/form-data":
                raise HTTPError(415, "send the fields form-encoded (application/x-www-form-urlencoded)")
            body = await _read_body(request, settings.max_body)
        else:
            body = b""
        if len(request.url.query) > settings.max_body:
            raise HTTPError(413, "query string is over this server's limit")
        params = _form(body, request.url.query)
        _authorize(settings, _bearer(request), params.get("apiKey"))
        parsed = parse_check(params, checker.default, PICKY_ADDS - set(checker.config.disable))
        _check_size(settings, parsed.text.original)
        _check_size(settings, parsed.text.plain)  # what an annotation's `interpretAs` stands in for
        auto = (params.get("language") or "").strip().lower() == "auto"

        def answer(text: str) -> Response:
            issues = [] if parsed.text_level_only else checker.check(text, parsed.categories, parsed.picky)
            return JSONResponse(check_response(issues, parsed.text, parsed.language, __version__, auto))

        return await run(request, answer, parsed.text.plain)

    @_handler
    async def v2_languages(request: Request) -> Response:
        """LanguageTool's language list: Indonesian."""
        return JSONResponse(languages())

    async def healthcheck(request: Request) -> Response:
        """Answers OK once the dictionary is loaded."""
        return PlainTextResponse("OK")

    async def v2_max_text_length(request: Request) -> Response:
        """LanguageTool's longest text a check takes, in characters."""
        return PlainTextResponse(str(settings.max_chars))

    async def v2_info(request: Request) -> Response:
        """LanguageTool's software description."""
        return JSONResponse({"software": software(__version__)})

    async def json_text(request: Request) -> tuple[dict[str, Any], str, frozenset[str], str]:
        """The fields `/api/check` and `/api/fix` share, checked: the JSON object, its `text`, the categories and the
        markup."""
        _authorize(settings, _bearer(request))
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != "application/json":
            raise HTTPError(415, "send a JSON object (Content-Type: application/json)")
        body = await _read_body(request, settings.max_body)
        try:
            doc = json.loads(
                body.decode("utf-8-sig")
            )  # a byte order mark a Windows client puts first is ignored (RFC 8259)
        except UnicodeDecodeError as e:
            raise HTTPError(400, f"the body is not valid UTF-8 (byte {e.start})") from None
        except ValueError:
            raise HTTPError(400, "the body is not valid JSON") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            raise HTTPError(400, "send a JSON object with a 'text' string")
        text: str = doc["text"]
        require_unicode(text, "'text'")
        _check_size(settings, text)
        categories = doc.get("categories")
        if categories is None:
            chosen = checker.default
        elif isinstance(categories, list) and all(isinstance(c, str) and c in CATEGORY_NAMES for c in categories):
            chosen = frozenset(categories)
        else:
            raise HTTPError(400, f"'categories' must be a list of: {', '.join(CATEGORY_NAMES)}")
        markup = doc.get("markup")
        if markup is None:  # as for `categories` and `picky`: null is the default
            markup = "text"
        if markup not in MARKUPS:
            raise HTTPError(400, f"'markup' must be one of: {', '.join(MARKUPS)}")
        return doc, text, chosen, markup

    @_handler
    async def api_check(request: Request) -> Response:
        """The native check: `{"text": ..., "categories": [...]}` in, `{"issues": [...]}` out."""
        doc, text, chosen, markup = await json_text(request)
        picky = doc.get("picky")
        if picky is not None and not isinstance(picky, bool):
            raise HTTPError(400, "'picky' must be true or false")

        def answer(text: str) -> Response:
            return JSONResponse({"issues": [_row(i) for i in checker.check(text, chosen, picky, markup)]})

        return await run(request, answer, text)

    @_handler
    async def api_fix(request: Request) -> Response:
        """The native fix: `{"text": ..., "minConfidence": 0.9}` in, `{"text": ..., "applied": [...], "left": [...]}`
        out."""
        doc, text, chosen, markup = await json_text(request)
        floor = doc.get("minConfidence")
        floor = checker.config.fix_confidence() if floor is None else floor
        if isinstance(floor, bool) or not isinstance(floor, int | float) or not 0 <= floor <= 1:
            raise HTTPError(400, "'minConfidence' must be a number from 0 to 1")

        def answer(text: str) -> Response:
            fixed = checker.fix(text, chosen, markup, float(floor))
            rows = {"applied": [_row(i) for i in fixed.applied], "left": [_row(i) for i in fixed.left]}
            return JSONResponse({"text": fixed.text, **rows})

        return await run(request, answer, text)

    async def api_info(request: Request) -> Response:
        """What the page needs to know about this server."""
        return JSONResponse(
            {
                "name": "speller",
                "version": __version__,
                "maxChars": settings.max_chars,
                "fixConfidence": checker.config.fix_confidence(),  # `fix`'s: the config's min-confidence if higher
                "flagConfidence": FLAG_CONFIDENCE,
                "apiKeyRequired": settings.api_key is not None,
                "categories": categories_info,
            }
        )

    def static(name: str) -> Callable[[Request], Awaitable[Response]]:
        async def serve_file(request: Request) -> Response:
            return Response(page[name], media_type=_PAGE_FILES[name], headers=_PAGE_HEADERS)

        return serve_file

    routes = [
        Route("/v2/check", v2_check, methods=["GET", "POST"]),
        Route("/v2/languages", v2_languages, methods=["GET"]),
        Route("/v2/healthcheck", healthcheck, methods=["GET"]),
        Route("/v2/maxtextlength", v2_max_text_length, methods=["GET", "POST"]),
        Route("/v2/info", v2_info, methods=["GET", "POST"]),
        Route("/api/fix", api_fix, methods=["POST"]),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/info", api_info, methods=["GET"]),
        Route("/", static("index.html"), methods=["GET"]),
        Route("/app.js", static("app.js"), methods=["GET"]),
        Route("/style.css", static("style.css"), methods=["GET"]),
    ]
    middleware = []
    if settings.host in LOOPBACK:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "[::1]"]))
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type"],
            )
        )

    async def not_found(request: Request, exc: Exception) -> Response:
        """404 and 405 as JSON; a 405 keeps the `Allow` header HTTP asks of it (the methods the route takes)."""
        status, detail = getattr(exc, "status_code", 404), getattr(exc, "detail", "not found")
        answer = _error(status, detail, _languagetool_path(request))
        answer.headers.update(getattr(exc, "headers", None) or {})
        return answer

    async def server_error(request: Request, exc: Exception) -> Response:
        return _error(500, "internal error", _languagetool_path(request))

    app = Starlette(
        routes=routes, middleware=middleware, exception_handlers={404: not_found, 405: not_found, 500: server_error}
    )
    app.state.checker = checker
    app.state.settings = settings
    return app


def _row(issue: Issue) -> dict[str, Any]:
    """An issue with the keys of `speller check --format json` but `path`."""
    from .output import json_row

    row = json_row("", issue)
    del row["path"]
    return row


def _check_port(host: str, port: int) -> None:
    """SpellerError when `host:port` cannot be listened on (taken, not an address of this machine)."""
    import socket

    from .errors import SpellerError

    if port == 0:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as e:
        raise SpellerError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as e:
            raise SpellerError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None


def serve(settings: Settings, port: int = 8081, workers: int = 1, log_level: str = "info") -> None:
    """Run the app with uvicorn until interrupted.

    Raises SpellerError when the dictionary or config fails or the port cannot be listened on.
    """
    import uvicorn

    _check_port(settings.host, port)
    checker = Checker.load(settings, warm=workers == 1)  # fail here, with a clear error, not in each worker
    common: dict[str, Any] = {
        "host": settings.host,
        "port": port,
        "log_level": log_level,
        "access_log": False,
        "server_header": False,
        "timeout_keep_alive": 5,
        "timeout_graceful_shutdown": SHUTDOWN_SECONDS,
    }
    if workers == 1:
        uvicorn.run(create_app(settings, checker), **common)
        return
    del checker
    os.environ[SETTINGS_ENV] = settings.to_json()
    uvicorn.run("speller.server:create_app", factory=True, workers=workers, **common)
