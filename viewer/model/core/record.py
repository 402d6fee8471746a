"""``@record``: a dataclass whose methods are shared, not generated.

``dataclasses.dataclass`` writes the source of ``__init__``, ``__repr__``, ``__eq__`` (and, for a
frozen class, ``__setattr__``, ``__delattr__`` and ``__hash__``) for every class and compiles each
with ``exec`` at every start: about 1 ms a class, 15 ms of the app's start-up for the model alone.
``@record`` declares the same fields through ``dataclass`` with that generation turned off, then gives
the class one shared implementation of each method that reads the fields from the class.

A record is still a dataclass: ``fields``, ``replace``, ``asdict`` and ``field(...)`` options
(``default``, ``default_factory``, ``init``, ``repr``, ``compare``) work as they do there, and
``__post_init__`` is called. Building an instance is a little slower than a dataclass's (a loop over
the fields instead of straight-line code); no record is made in bulk on a path where that shows.
"""

from __future__ import annotations

import operator
import reprlib
from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from typing import dataclass_transform


class _Plan:
    """What the shared methods need to know about one record class, worked out once."""

    __slots__ = ("init", "names", "defaults", "factories", "shown", "compared", "post_init")

    def __init__(self, cls: type):
        declared = fields(cls)
        self.init = tuple(f.name for f in declared if f.init)
        self.defaults = {f.name: f.default for f in declared if f.default is not MISSING}
        self.factories = {f.name: f.default_factory for f in declared if f.default_factory is not MISSING}
        # every field __init__ sets: its arguments, and fields left out of it that have a default
        self.names = tuple(f.name for f in declared if f.init or f.name in self.defaults or f.name in self.factories)
        self.shown = tuple(f.name for f in declared if f.repr)
        self.compared = tuple(f.name for f in declared if f.compare)
        self.post_init = getattr(cls, "__post_init__", None)


def _init(self, *args, **kwargs) -> None:
    plan = type(self).__record_plan__
    if len(args) > len(plan.init):
        raise TypeError(f"{type(self).__name__}() takes {len(plan.init)} positional arguments "
                        f"but {len(args)} were given")
    values = dict(zip(plan.init, args))
    for name, value in kwargs.items():
        if name not in plan.init:
            raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument {name!r}")
        if name in values:
            raise TypeError(f"{type(self).__name__}() got multiple values for argument {name!r}")
        values[name] = value
    state = self.__dict__
    for name in plan.names:
        if name in values:
            state[name] = values[name]
        elif name in plan.defaults:
            state[name] = plan.defaults[name]
        elif name in plan.factories:
            state[name] = plan.factories[name]()
        else:
            raise TypeError(f"{type(self).__name__}() missing required argument: {name!r}")
    if plan.post_init is not None:
        plan.post_init(self)


@reprlib.recursive_repr()
def _repr(self) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__record_plan__.shown)
    return f"{type(self).__qualname__}({shown})"


def _key(self) -> tuple:
    return tuple(getattr(self, name) for name in type(self).__record_plan__.compared)


def _comparison(compare):
    def method(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return compare(_key(self), _key(other))
    return method


_eq, _lt, _le, _gt, _ge = (_comparison(compare) for compare in
                          (operator.eq, operator.lt, operator.le, operator.gt, operator.ge))


def _hash(self) -> int:
    return hash(_key(self))


def _frozen_setattr(self, name, value) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self, name) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


@dataclass_transform()
def record(cls: type | None = None, /, *, frozen: bool = False, order: bool = False):
    """Use as ``@record``, ``@record(frozen=True)`` or ``@record(frozen=True, order=True)``: the
    same meaning as those ``dataclass`` options (equality by fields; a frozen record is hashable)."""
    def wrap(cls: type) -> type:
        declared: type = dataclass(cls, init=False, repr=False, eq=False)
        shared: dict[str, object] = {
            "__record_plan__": _Plan(declared),
            "__init__": _init,
            "__repr__": _repr,
            "__eq__": _eq,
            "__hash__": _hash if frozen else None,  # as dataclass: mutable and compared by value, so unhashable
        }
        if frozen:
            shared |= {"__setattr__": _frozen_setattr, "__delattr__": _frozen_delattr}
        if order:
            shared |= {"__lt__": _lt, "__le__": _le, "__gt__": _gt, "__ge__": _ge}
        for name, method in shared.items():  # methods are put on the class at run time: hence setattr
            setattr(declared, name, method)
        return declared
    return wrap if cls is None else wrap(cls)
