"""@record behaves as @dataclass does for everything the model uses, checked side by side."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import field

import pytest

from viewer.model.core.record import record


def declare(decorate):
    """The same class body, declared with @record or @dataclass."""

    @decorate
    class Item:
        """An item."""

        name: str
        count: int = 0
        tags: list = field(default_factory=list)
        note: str = field(default="", repr=False)
        cache: object = field(default=None, compare=False, repr=False)
        size: int = field(init=False, default=1)

    return Item


def declare_frozen(decorate):
    @decorate
    class Box:
        """A box whose area is worked out after __init__."""

        width: float
        height: float = 1.0
        area: float = field(init=False)

        def __post_init__(self):
            object.__setattr__(self, "area", self.width * self.height)

    return Box


BOTH = pytest.mark.parametrize("decorate", [record, dataclasses.dataclass], ids=["record", "dataclass"])
BOTH_FROZEN = pytest.mark.parametrize("decorate", [record(frozen=True), dataclasses.dataclass(frozen=True)],
                                      ids=["record", "dataclass"])


@BOTH
def test_init_takes_positions_keywords_defaults_and_factories(decorate):
    Item = declare(decorate)
    item = Item("a", tags=["x"])
    assert (item.name, item.count, item.tags, item.note, item.size) == ("a", 0, ["x"], "", 1)
    assert Item("b").tags is not Item("b").tags  # a fresh list each time
    assert Item("c", 3, ["t"], "n").note == "n"


@BOTH
@pytest.mark.parametrize("args, kwargs, message", [
    ((), {}, "name"),
    (("a",), {"colour": 1}, "colour"),
    (("a",), {"name": "b"}, "name"),
    (("a", 1, [], "", None, 2), {}, "positional"),
    (("a",), {"size": 2}, "size"),  # not an argument of __init__
])
def test_init_rejects_what_dataclass_rejects(decorate, args, kwargs, message):
    with pytest.raises(TypeError, match=message):
        declare(decorate)(*args, **kwargs)


@BOTH
def test_repr_and_equality_follow_the_fields_options(decorate):
    Item = declare(decorate)
    assert repr(Item("a", 2)).endswith(".Item(name='a', count=2, tags=[], size=1)")  # a qualified name
    assert Item("a", cache=1) == Item("a", cache=2)  # compare=False
    assert Item("a") != Item("b")
    assert Item("a") != ("a", 0, [], "", 1)  # another type never equals a record
    with pytest.raises(TypeError):
        hash(Item("a"))  # mutable and compared by value: unhashable, as dataclass makes it


@BOTH_FROZEN
def test_frozen_records_refuse_changes_and_hash_by_value(decorate):
    Box = declare_frozen(decorate)
    box = Box(2.0, 3.0)
    assert box.area == 6.0  # __post_init__ ran
    with pytest.raises(dataclasses.FrozenInstanceError):
        box.width = 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        del box.width
    assert hash(box) == hash(Box(2.0, 3.0)) and {box, Box(2.0, 3.0)} == {box}


@pytest.mark.parametrize("decorate", [record(frozen=True, order=True), dataclasses.dataclass(frozen=True, order=True)],
                         ids=["record", "dataclass"])
def test_ordered_records_sort_by_their_fields_in_order(decorate):
    Box = declare_frozen(decorate)
    boxes = [Box(2.0, 1.0), Box(1.0, 5.0), Box(1.0, 2.0)]
    assert sorted(boxes) == [Box(1.0, 2.0), Box(1.0, 5.0), Box(2.0, 1.0)]
    assert Box(1.0) <= Box(1.0) and Box(2.0) > Box(1.0) and Box(1.0) >= Box(1.0)
    with pytest.raises(TypeError):
        Box(1.0) < (1.0, 1.0)  # noqa: B015


@BOTH
def test_dataclass_helpers_and_pickle_work_on_records(decorate):
    Item = declare(decorate)
    item = Item("a", 2, ["t"])
    assert dataclasses.is_dataclass(item)
    assert [f.name for f in dataclasses.fields(item)] == ["name", "count", "tags", "note", "cache", "size"]
    assert dataclasses.replace(item, count=5) == Item("a", 5, ["t"])
    assert dataclasses.asdict(item)["tags"] == ["t"]
    globals()["Item"] = Item  # pickle finds classes by module and name
    Item.__qualname__ = "Item"
    try:
        assert pickle.loads(pickle.dumps(item)) == item
    finally:
        del globals()["Item"]


def test_a_frozen_record_round_trips_through_pickle():
    Box = declare_frozen(record(frozen=True))
    globals()["Box"] = Box
    Box.__qualname__ = "Box"
    try:
        copy = pickle.loads(pickle.dumps(Box(2.0, 3.0)))
    finally:
        del globals()["Box"]
    assert copy == Box(2.0, 3.0) and copy.area == 6.0


def test_a_record_that_contains_itself_repr_does_not_recurse():
    Item = declare(record)
    item = Item("loop")
    item.tags.append(item)
    assert repr(item).endswith("Item(name='loop', count=0, tags=[...], size=1)")


def test_declaring_a_record_compiles_no_code(monkeypatch):
    """The reason records exist: no exec() per class at start-up."""
    compiled = []
    real_exec = exec

    def counting_exec(*args, **kwargs):
        compiled.append(args)
        return real_exec(*args, **kwargs)

    monkeypatch.setattr("builtins.exec", counting_exec)
    declare(dataclasses.dataclass)
    assert compiled  # the hook sees dataclass's code generation
    compiled.clear()
    declare(record)
    declare_frozen(record(frozen=True, order=True))
    assert compiled == []
