"""JSON-RPC messages framed by `Content-Length` headers (as LSP sends them), read without trusting the header.

`Framer` turns the bytes of a stream into parsed messages and framing errors. It never lets one
bad message cost the next: a declared length over `MAX_BODY` is refused; a body that is not JSON
at its declared length is looked for up to the next header instead (valid JSON never holds a
`Content-Length: N` line ending in CR LF, so the next header always ends a bad body); a body
shorter than declared is taken once the stream has been quiet a moment (`stalled`) and the bytes
so far hold one JSON value. Bytes between messages are skipped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

#: Largest body accepted (bytes); a longer declared or actual body is refused.
MAX_BODY = 64 * 1024 * 1024
#: Longest header block looked for (bytes).
MAX_HEADER = 4096

# JSON-RPC and LSP error codes.
PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
INTERNAL_ERROR = -32603
SERVER_NOT_INITIALIZED = -32002
REQUEST_FAILED = -32803

_HEADER = re.compile(
    rb"content-length:[ \t]*(\d{1,20})[ \t]*\r\n"
    rb"(?:(?!content-length:)[!-9;-~]+:[^\r\n]*\r\n)*\r\n",
    re.IGNORECASE,
)
#: Header fields right before a Content-Length, each on a line of its own (`Content-Type: ...`, which the base protocol
#: lets come first): part of the header, not junk to complain of.
_FIELDS_BEFORE = re.compile(rb"(?:^|(?<=\n))(?:[A-Za-z0-9-]+:[^\r\n]*\r\n)+\Z")
_DECODER = json.JSONDecoder()


@dataclass(frozen=True)
class FrameError:
    """A message that could not be read; `code` is the JSON-RPC error code to answer with (id null)."""

    code: int
    message: str


def encode(message: dict[str, Any]) -> bytes:
    """One message with its header, ready to write."""
    body = json.dumps(message, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _parse(body: bytes) -> tuple[bool, Any]:
    """(True, value) if `body` is one JSON value in UTF-8, else (False, None)."""
    try:
        return True, json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return False, None


def _leading_value(region: bytes) -> tuple[int, Any] | None:
    """(bytes used, value) of a JSON value at the start of `region` (after blanks), or None."""
    text = region.decode("utf-8", "surrogateescape")
    start = len(text) - len(text.lstrip(" \t\r\n"))
    try:
        end = _DECODER.raw_decode(text, start)[1]
    except (ValueError, RecursionError):
        return None
    used = len(text[:end].encode("utf-8", "surrogateescape"))
    ok, value = _parse(region[:used])  # only strict UTF-8 counts
    return (used, value) if ok else None


class Framer:
    """Bytes in (`feed`), messages out (`messages`); bounded memory, never stuck on one bad message."""

    def __init__(self, max_body: int = MAX_BODY) -> None:
        self.max_body = max_body
        self.buffer = bytearray()
        #: Declared length of the body being read, or None while looking for a header.
        self.length: int | None = None
        #: Bytes of the buffer already searched for a header without finding one.
        self.searched = 0
        #: Discarding a refused body: bytes before the next header are not worth a complaint.
        self.skipping = False
        #: Bytes skipped outside messages since the last call of `messages`.
        self.skipped = 0

    @property
    def waiting(self) -> bool:
        """In the middle of a body: if the stream goes quiet, call `messages(stalled=True)`."""
        return self.length is not None

    def feed(self, data: bytes) -> None:
        """Add bytes read from the stream."""
        self.buffer += data

    def _next_header(self) -> re.Match[bytes] | None:
        match = _HEADER.search(self.buffer, max(0, self.searched - MAX_HEADER))
        self.searched = match.start() if match else len(self.buffer)
        return match

    def _consume(self, n: int) -> None:
        del self.buffer[:n]
        self.searched = max(0, self.searched - n)

    def messages(self, stalled: bool = False) -> list[Any]:
        """The messages (parsed JSON values) and FrameErrors complete in the buffer, in order.

        `stalled`: the stream has been quiet for a while, so a body shorter than its header
        says will not grow; take it if it is JSON.
        """
        out: list[Any] = []
        while True:
            if self.length is None:
                match = self._next_header()
                if match is None:
                    if len(self.buffer) > MAX_HEADER:  # keep only what may start a header
                        self._skip(len(self.buffer) - MAX_HEADER)
                    return out
                start, end, declared = match.start(), match.end(), int(match.group(1))
                fields = _FIELDS_BEFORE.search(self.buffer, max(0, start - MAX_HEADER), start) if start else None
                lead = fields.start() if fields else start
                self._skip(lead)
                self._consume(end - lead)
                self.skipping = False
                if declared > self.max_body:
                    out.append(
                        FrameError(
                            INVALID_REQUEST,
                            f"Content-Length {declared} is over the limit of {self.max_body} bytes; message skipped",
                        )
                    )
                    self.skipping = True
                    continue
                self.length = declared
            n = self.length
            match = self._next_header()
            end = match.start() if match else len(self.buffer)
            if end >= n:
                ok, value = _parse(bytes(self.buffer[:n]))
                if ok:
                    out.append(value)
                    self._consume(n)
                    self.length = None
                    continue
            ended = match is not None or end > self.max_body
            if not (ended or stalled):
                return out  # more may come
            found = _leading_value(bytes(self.buffer[:end]))
            if found is not None:
                used, value = found
                out.append(value)
                self._consume(used)
                self.length = None
                continue
            if not ended and end < n:
                return out  # quiet but incomplete: a slow writer, or junk the next header will end
            out.append(FrameError(PARSE_ERROR, f"message body is not JSON (Content-Length {n})"))
            self.length = None
            if match is None:  # nothing after it yet: drop all but a possible start of a header
                self._skip(max(0, end - MAX_HEADER))
                self.skipping = True
            else:
                self._consume(end)

    def _skip(self, n: int) -> None:
        if n <= 0:
            return
        if not self.skipping and bytes(self.buffer[:n]).strip():
            self.skipped += n
        self._consume(n)
