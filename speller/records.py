"""`NamedTuple` for the modules a check imports, without importing `typing` (~4 ms of a cold check).

    from .records import TYPE_CHECKING, NamedTuple

    class Span(NamedTuple):
        '''A stretch of text.'''

        start: int
        end: int = 0

        def __len__(self) -> int: ...

A class written so is the `collections.namedtuple` of its annotated fields (a field given a value has it as its
default), with the class body's docstring, methods and other attributes: what `typing.NamedTuple` makes of it.
Type checkers see `typing.NamedTuple` itself; `TYPE_CHECKING` is false at run time, as `typing.TYPE_CHECKING` is
(type checkers treat any name so called as true).
"""

from __future__ import annotations

from collections import namedtuple

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import NamedTuple
else:
    #: What a record class keeps of its body: not what `namedtuple` makes (`typing.NamedTuple` refuses those too).
    _MADE = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace"}
        | {"_asdict", "_source", "__module__", "__name__", "__annotations__", "__qualname__"}
    )

    class _Record(type):
        """Makes each class based on `NamedTuple` a `collections.namedtuple` of its annotated fields."""

        def __new__(mcs, name: str, bases: tuple[type, ...], body: dict[str, object]) -> type:  # noqa: N804
            if not bases:  # NamedTuple itself
                return super().__new__(mcs, name, bases, body)
            annotations = body.get("__annotations__", {})
            assert isinstance(annotations, dict)
            fields = list(annotations)
            defaults = [body[f] for f in fields if f in body]
            if any(f not in body for f in fields[len(fields) - len(defaults) :]):
                raise TypeError(f"{name}: a field without a default follows one with a default")
            record = namedtuple(name, fields, defaults=defaults, module=str(body["__module__"]))  # noqa: PYI024
            record.__qualname__ = str(body.get("__qualname__", name))
            record.__annotations__ = dict(annotations)
            for key, value in body.items():
                if key not in _MADE and key not in annotations:
                    setattr(record, key, value)
            return record

    class NamedTuple(metaclass=_Record):  # noqa: D101 - the base of record classes
        pass


__all__ = ["TYPE_CHECKING", "NamedTuple"]
