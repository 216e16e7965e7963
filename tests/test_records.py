"""`speller.records.NamedTuple` makes of a class body what `typing.NamedTuple` makes of it."""

from __future__ import annotations

import collections
import copy
import inspect
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


# -- the class made without namedtuple's per-class compile ---------------------------------------------------------

FIELD_NAMES = ("start", "end", "label", "kind", "word", "line", "column", "score", "a", "b", "c", "d", "e", "f", "g")


def _errors(make: typing.Callable[[], object]) -> str:
    try:
        make()
    except (TypeError, ValueError, AttributeError) as e:
        return f"{type(e).__name__}: {e}"
    return "no error"


def _class_facts(cls: typing.Any, n: int) -> tuple:
    values = tuple(range(10, 10 + n))
    made = cls(*values)
    return (
        cls.__name__,
        cls.__module__,
        cls.__doc__,
        cls.__bases__,
        cls.__slots__,
        cls._fields,
        cls._field_defaults,
        cls.__match_args__,
        cls.__new__.__name__,
        cls.__new__.__qualname__,
        cls.__new__.__doc__,
        cls.__new__.__defaults__,
        cls.__new__.__code__.co_varnames,
        str(inspect.signature(cls)),
        [(m, getattr(cls, m).__qualname__, getattr(cls, m).__doc__) for m in ("_make", "_replace", "__repr__")],
        [(m, getattr(cls, m).__qualname__, getattr(cls, m).__doc__) for m in ("_asdict", "__getnewargs__")],
        [getattr(cls, f).__doc__ for f in cls._fields],
        sorted(k for k in vars(cls) if k not in ("__new__", "_make")),
        repr(made),
        tuple(made),
        made._asdict(),
        made.__getnewargs__(),
        copy.copy(made) == made and type(copy.deepcopy(made)) is cls,
        [getattr(made, f) for f in cls._fields],
        cls(**dict(zip(cls._fields, values))) == made,
        repr(cls._make(values)),
        repr(made._replace(**{f: 0 for f in cls._fields[:1]})),
        _errors(lambda: cls._make(values + (1,))),
        _errors(lambda: made._replace(nothing=1)),
        _errors(lambda: cls(*values, 1)),
        _errors(lambda: cls(nothing=1)),
        _errors(lambda: cls()),
        _errors(lambda: setattr(made, cls._fields[0] if n else "x", 1)),
    )


@pytest.mark.parametrize("n", range(len(FIELD_NAMES) + 1))
@pytest.mark.parametrize("with_defaults", ["none", "one", "all"])
def test_a_record_class_is_the_namedtuple_of_its_fields(n, with_defaults):
    fields = list(FIELD_NAMES[:n])
    defaults = {"none": [], "one": [None] if n else [], "all": list(range(n))}[with_defaults]
    ours = records._namedtuple("Span", fields, defaults, "here")
    theirs = collections.namedtuple("Span", fields, defaults=defaults, module="here")  # noqa: PYI024
    assert _class_facts(ours, n) == _class_facts(theirs, n)


def test_a_field_namedtuple_refuses_is_refused_as_namedtuple_refuses_it():
    with pytest.raises(ValueError, match="underscore"):
        records._namedtuple("Span", ["_start"], [], "here")
