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

The class is made as `collections.namedtuple` makes it (`_namedtuple`), but for its `__new__`: namedtuple compiles
the source of a lambda for each class (~75-150 us a class; a check imports 20 record classes), here the compiled
lambda of its number of fields (`_NEW`) gets the field names. tests/test_records.py compares both, field by field.
"""

from __future__ import annotations

import sys
from collections import namedtuple
from operator import itemgetter
from types import FunctionType

TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, NamedTuple
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
            record = _namedtuple(name, fields, defaults, str(body["__module__"]))
            record.__qualname__ = str(body.get("__qualname__", name))
            record.__annotations__ = dict(annotations)
            for key, value in body.items():
                if key not in _MADE and key not in annotations:
                    setattr(record, key, value)
            return record

    class NamedTuple(metaclass=_Record):  # noqa: D101 - the base of record classes
        pass

    try:
        from _collections import _tuplegetter
    except ImportError:  # as `collections` does without it

        def _tuplegetter(index: int, doc: str) -> property:
            return property(itemgetter(index), doc=doc)

    _tuple_new = tuple.__new__

    #: `__new__` of a record of 0, 1, 2... fields, compiled with this module: what `namedtuple` compiles per class
    #: (`lambda _cls, a, b: _tuple_new(_cls, (a, b))`), its parameters renamed for each class.
    _NEW = (
        lambda _cls: _tuple_new(_cls, ()),
        lambda _cls, a: _tuple_new(_cls, (a,)),
        lambda _cls, a, b: _tuple_new(_cls, (a, b)),
        lambda _cls, a, b, c: _tuple_new(_cls, (a, b, c)),
        lambda _cls, a, b, c, d: _tuple_new(_cls, (a, b, c, d)),
        lambda _cls, a, b, c, d, e: _tuple_new(_cls, (a, b, c, d, e)),
        lambda _cls, a, b, c, d, e, f: _tuple_new(_cls, (a, b, c, d, e, f)),
        lambda _cls, a, b, c, d, e, f, g: _tuple_new(_cls, (a, b, c, d, e, f, g)),
        lambda _cls, a, b, c, d, e, f, g, h: _tuple_new(_cls, (a, b, c, d, e, f, g, h)),
        lambda _cls, a, b, c, d, e, f, g, h, i: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i)),
        lambda _cls, a, b, c, d, e, f, g, h, i, j: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j)),
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k)),
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, m)),
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, m, n)),
    )

    def _namedtuple(name: str, fields: list[str], defaults: list[object], module: str) -> type:
        """`collections.namedtuple(name, fields, defaults=defaults, module=module)`, its `__new__` taken from
        `_NEW`; namedtuple itself for more fields than `_NEW` has, or a field it refuses (a leading underscore)."""
        if len(fields) >= len(_NEW) or any(f.startswith("_") for f in fields):
            return namedtuple(name, fields, defaults=defaults, module=module)  # noqa: PYI024
        name = sys.intern(str(name))
        field_names = tuple(map(sys.intern, fields))
        num_fields = len(field_names)
        arg_list = ", ".join(field_names) + ("," if num_fields == 1 else "")
        repr_fmt = "(" + ", ".join(f"{f}=%r" for f in field_names) + ")"
        field_defaults = dict(zip(field_names[num_fields - len(defaults) :], defaults)) if defaults else {}
        namespace = {"_tuple_new": _tuple_new, "__builtins__": {}, "__name__": f"namedtuple_{name}"}
        code = _NEW[num_fields].__code__
        __new__ = FunctionType(code.replace(co_varnames=("_cls", *field_names)), namespace)
        __new__.__name__ = "__new__"
        __new__.__doc__ = f"Create new instance of {name}({arg_list})"
        __new__.__defaults__ = tuple(defaults)  # () when none, as namedtuple makes it of an empty list

        @classmethod
        def _make(cls: type, iterable: Iterable[object]) -> Any:
            result = _tuple_new(cls, iterable)
            if len(result) != num_fields:
                raise TypeError(f"Expected {num_fields} arguments, got {len(result)}")
            return result

        _make.__func__.__doc__ = f"Make a new {name} object from a sequence or iterable"

        def _replace(self: Any, /, **kwds: object) -> Any:
            result = self._make(map(kwds.pop, field_names, self))
            if kwds:
                raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
            return result

        _replace.__doc__ = f"Return a new {name} object replacing specified fields with new values"

        def __repr__(self: tuple) -> str:
            "Return a nicely formatted representation string"
            return self.__class__.__name__ + repr_fmt % self

        def _asdict(self: Any) -> dict[str, object]:
            "Return a new dict which maps field names to their values."
            return dict(zip(self._fields, self))

        def __getnewargs__(self: tuple) -> tuple:
            "Return self as a plain tuple.  Used by copy and pickle."
            return tuple(self)

        for method in (__new__, _make.__func__, _replace, __repr__, _asdict, __getnewargs__):
            method.__qualname__ = f"{name}.{method.__name__}"
        class_namespace: dict[str, object] = {
            "__doc__": f"{name}({arg_list})",
            "__slots__": (),
            "_fields": field_names,
            "_field_defaults": field_defaults,
            "__new__": __new__,
            "_make": _make,
            "_replace": _replace,
            "__repr__": __repr__,
            "_asdict": _asdict,
            "__getnewargs__": __getnewargs__,
            "__match_args__": field_names,
        }
        for index, field in enumerate(field_names):
            class_namespace[field] = _tuplegetter(index, sys.intern(f"Alias for field number {index}"))
        result = type(name, (tuple,), class_namespace)
        result.__module__ = module
        return result


__all__ = ["TYPE_CHECKING", "NamedTuple"]
