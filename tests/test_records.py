"""`speller.records.NamedTuple` makes of a class body what `typing.NamedTuple` makes of it."""

from __future__ import annotations

import typing

import pytest

from speller import records


def _span(base: typing.Any) -> typing.Any:
    class Span(base):  # type: ignore[valid-type, misc]
        """A stretch of text."""

        start: int
        end: int = 0
        label: str = "x"
        LIMIT = 9

        def width(self) -> int:
            return self.end - self.start

        @property
        def empty(self) -> bool:
            return self.end <= self.start

        @classmethod
        def at(cls, n: int) -> Span:
            return cls(n, n)

    return Span


def _facts(span: typing.Any) -> tuple:
    s = span(2, 5)
    return (
        span._fields,
        span._field_defaults,
        span.__doc__,
        span.__name__,
        list(span.__annotations__),
        span.LIMIT,
        repr(s),
        s.width(),
        s.empty,
        span.at(3),
        s._replace(label="y"),
        s._asdict(),
        s == (2, 5, "x"),
        hash(s) == hash((2, 5, "x")),
        span(1) < span(2),
        tuple(s),
    )


def test_a_record_class_is_what_typing_makes_of_it():
    assert _facts(_span(records.NamedTuple)) == _facts(_span(typing.NamedTuple))
    made = _span(records.NamedTuple)
    assert issubclass(made, tuple) and made.__module__ == __name__ and made.__qualname__.endswith("Span")
    with pytest.raises(AttributeError):
        made(1).start = 2  # type: ignore[misc]


def test_a_field_without_a_default_after_one_with_a_default_is_refused():
    with pytest.raises(TypeError):

        class Bad(records.NamedTuple):  # type: ignore[misc]
            a: int = 0
            b: int


def test_type_checking_is_false_at_run_time():
    assert records.TYPE_CHECKING is False
