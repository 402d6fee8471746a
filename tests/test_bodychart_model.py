"""The body chart model, without Qt: areas, intensity, undo/redo/clear, New patient."""

from viewer.model.bodychart.chart import BodyChart, view_at


def test_add_undo_redo_clear_and_intensity():
    chart = BodyChart()
    chart.add("pain", 12, [(150, 50), (150, 50), (152, 60)])
    assert chart.areas[0].intensity == 10 and chart.areas[0].points == ((150.0, 50.0), (152.0, 60.0))
    assert chart.areas[0].view == "back" and view_at(40) == "front"
    chart.add("numbness", 2, [(40, 100)])
    chart.set_intensity(0, 4)
    assert [a.intensity for a in chart.areas] == [4, 2]
    chart.undo()
    assert chart.areas[0].intensity == 10
    chart.clear()
    assert chart.areas == []
    chart.undo()
    assert [a.kind for a in chart.areas] == ["pain", "numbness"]
    chart.undo()
    chart.undo()
    assert chart.areas == [] and not chart.can_undo()
    chart.redo()
    chart.redo()
    assert len(chart.areas) == 2
    assert chart.summary() == ["Back: pain 10/10", "Front: numbness 2/10"]
    chart.forget()
    assert chart.areas == [] and not chart.can_undo() and not chart.can_redo()


def test_unknown_type_is_refused():
    import pytest

    with pytest.raises(ValueError):
        BodyChart().add("itch", 3, [(1, 1)])


def test_an_area_changes_type_and_intensity_after_painting_and_undo_brings_it_back():
    import pytest

    chart = BodyChart()
    chart.add("pain", 6, [(150, 50), (152, 60)])
    chart.add("numbness", 2, [(40, 100)])
    chart.set_kind(0, "pins-and-needles")
    chart.set_intensity(0, 3)
    assert chart.summary() == ["Back: pins and needles 3/10", "Front: numbness 2/10"]
    assert chart.areas[0].points == ((150.0, 50.0), (152.0, 60.0))     # same place
    chart.set_kind(0, "pins-and-needles")                                # no change, no step
    chart.undo()
    assert chart.describe(0) == "Back: pins and needles 6/10"
    chart.undo()
    assert chart.describe(0) == "Back: pain 6/10"
    chart.redo()
    assert chart.describe(0) == "Back: pins and needles 6/10"
    chart.remove(0)
    assert chart.summary() == ["Front: numbness 2/10"]
    chart.undo()
    assert chart.summary() == ["Back: pins and needles 6/10", "Front: numbness 2/10"]
    with pytest.raises(ValueError):
        chart.set_kind(1, "itch")
