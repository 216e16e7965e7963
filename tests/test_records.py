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


def _shape(record: type) -> tuple:
    """What `collections.namedtuple` makes of a class: its members' names, docstrings and signatures."""
    import inspect

    members = ("__new__", "_make", "_replace", "__repr__", "_asdict", "__getnewargs__")
    return (
        record.__name__,
        record.__module__,
        record.__doc__,
        record.__slots__,  # type: ignore[attr-defined]
        record._fields,  # type: ignore[attr-defined]
        record._field_defaults,  # type: ignore[attr-defined]
        record.__match_args__,  # type: ignore[attr-defined]
        record.__new__.__defaults__,
        str(inspect.signature(record)),
        [(getattr(record, m).__name__, getattr(record, m).__qualname__, getattr(record, m).__doc__) for m in members],
        [(f, getattr(record, f).__doc__) for f in record._fields],  # type: ignore[attr-defined]
    )


@pytest.mark.parametrize(
    ("fields", "defaults"), [(["a"], []), (["a"], [1]), (["start", "end", "kind"], [None]), (["x", "y"], [1, 2])]
)
def test_a_record_class_is_the_namedtuple_of_its_fields(fields, defaults):
    import collections
    import copy
    import pickle

    made = records.namedtuple("Rec", fields, defaults=defaults, module=__name__)
    stdlib = collections.namedtuple("Rec", fields, defaults=defaults, module=__name__)
    assert _shape(made) == _shape(stdlib)
    values = list(range(10, 10 + len(fields)))
    r, s = made(*values), stdlib(*values)
    assert (repr(r), r._asdict(), tuple(r), r == s) == (repr(s), s._asdict(), tuple(s), True)
    assert made(**dict(zip(fields, values))) == r and made._make(values) == r
    assert r._replace(**{fields[0]: 1})[0] == 1 and copy.copy(r) == r
    globals()["Rec"] = made  # pickled by name
    assert pickle.loads(pickle.dumps(r)) == r
    for call in (lambda: made._make([*values, 0]), lambda: r._replace(nope=1), lambda: made(*values, 0)):
        with pytest.raises((TypeError, ValueError)):
            call()
    if not defaults:
        with pytest.raises(TypeError):
            made()
