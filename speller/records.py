"""`NamedTuple` for the modules a check imports, without importing `typing` (~4 ms of a cold check).

    from .records import TYPE_CHECKING, NamedTuple

    class Span(NamedTuple):
        '''A stretch of text.'''

        start: int
        end: int = 0

        def __len__(self) -> int: ...

A class written so is the `collections.namedtuple` of its annotated fields (a field given a value has it as its
default), with the class body's docstring, methods and other attributes: what `typing.NamedTuple` makes of it. The
class is made here as `collections.namedtuple` makes it, but for its `__new__`: compiled once per number of fields,
not once per class (23 record classes: ~1.5 ms of a cold check).
Type checkers see `typing.NamedTuple` itself; `TYPE_CHECKING` is false at run time, as `typing.TYPE_CHECKING` is
(type checkers treat any name so called as true).
"""

from __future__ import annotations

TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import NamedTuple
else:
    from operator import itemgetter
    from types import FunctionType

    try:
        from _collections import _tuplegetter
    except ImportError:  # as `collections` does

        def _tuplegetter(index: int, doc: str) -> property:
            return property(itemgetter(index), doc=doc)

    #: The code of a `__new__` for each number of fields, compiled once: `_new` renames its arguments per class.
    _NEW_CODE: dict = {}

    def _new(name: str, fields: tuple[str, ...], defaults: tuple[object, ...]) -> FunctionType:
        """The `__new__` that `collections.namedtuple` compiles for a class of `fields`, compiled once per number of
        fields and its arguments named per class."""
        code = _NEW_CODE.get(len(fields))
        if code is None:
            args = ", ".join(f"_{i}" for i in range(len(fields)))
            code = _NEW_CODE[len(fields)] = eval(f"lambda _cls, {args}: _tuple_new(_cls, ({args},))").__code__
        code = code.replace(co_varnames=("_cls", *fields), co_name="__new__", co_qualname=f"{name}.__new__")
        new = FunctionType(code, {"_tuple_new": tuple.__new__, "__builtins__": {}, "__name__": f"namedtuple_{name}"})
        new.__defaults__ = defaults
        new.__doc__ = f"Create new instance of {name}({_arguments(fields)})"
        return new

    def _arguments(fields: tuple[str, ...]) -> str:
        """The fields as `namedtuple` lists them in its docstrings (one field: with a comma after it)."""
        return ", ".join(fields) + ("," if len(fields) == 1 else "")

    def namedtuple(name: str, fields: list[str], *, defaults: list[object], module: str) -> type:
        """`collections.namedtuple(name, fields, defaults=defaults, module=module)` for valid field names, without
        compiling code per class (`_new`)."""
        fields_ = tuple(fields)
        n = len(fields_)
        repr_format = "(" + ", ".join(f"{f}=%r" for f in fields_) + ")"
        tuple_new = tuple.__new__

        @classmethod
        def _make(cls: type, iterable: Iterable[object]) -> tuple:
            result = tuple_new(cls, iterable)
            if len(result) != n:
                raise TypeError(f"Expected {n} arguments, got {len(result)}")
            return result

        def _replace(self: tuple, /, **kwds: object) -> tuple:
            result = self._make(map(kwds.pop, fields_, self))
            if kwds:
                raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
            return result

        def __repr__(self: tuple) -> str:
            return self.__class__.__name__ + repr_format % self

        def _asdict(self: tuple) -> dict[str, object]:
            return dict(zip(self._fields, self))

        def __getnewargs__(self: tuple) -> tuple:
            return tuple(self)

        _make.__func__.__doc__ = f"Make a new {name} object from a sequence or iterable"
        _replace.__doc__ = f"Return a new {name} object replacing specified fields with new values"
        __repr__.__doc__ = "Return a nicely formatted representation string"
        _asdict.__doc__ = "Return a new dict which maps field names to their values."
        __getnewargs__.__doc__ = "Return self as a plain tuple.  Used by copy and pickle."
        for method in (_make.__func__, _replace, __repr__, _asdict, __getnewargs__):
            method.__qualname__ = f"{name}.{method.__name__}"
        body = {
            "__doc__": f"{name}({_arguments(fields_)})",
            "__slots__": (),
            "_fields": fields_,
            "_field_defaults": dict(reversed(list(zip(reversed(fields_), reversed(defaults))))),
            "__new__": _new(name, fields_, tuple(defaults)),
            "_make": _make,
            "_replace": _replace,
            "__repr__": __repr__,
            "_asdict": _asdict,
            "__getnewargs__": __getnewargs__,
            "__match_args__": fields_,
        }
        for index, field in enumerate(fields_):
            body[field] = _tuplegetter(index, f"Alias for field number {index}")
        record = type(name, (tuple,), body)
        record.__module__ = module
        return record

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
            record = namedtuple(name, fields, defaults=defaults, module=str(body["__module__"]))
            record.__qualname__ = str(body.get("__qualname__", name))
            record.__annotations__ = dict(annotations)
            for key, value in body.items():
                if key not in _MADE and key not in annotations:
                    setattr(record, key, value)
            return record

    class NamedTuple(metaclass=_Record):  # noqa: D101 - the base of record classes
        pass


__all__ = ["TYPE_CHECKING", "NamedTuple"]
