"""Label pictures kept between runs (viewer/qt/label_store.py): the next start paints its labels
without parsing the SVG, and looks exactly the same; a damaged or foreign file is ignored and rewritten."""

from __future__ import annotations


def _kept(data):
    return list((data / "cache").glob("labels-*.bin"))


def _first_start(repo, open_window, qtbot, data):
    window = open_window(repo, data)
    qtbot.waitUntil(lambda: bool(_kept(data)))  # written once the frame that drew the labels is done
    picture = window.view.viewport().grab().toImage()
    window.close()
    return picture


def test_the_next_start_paints_the_labels_from_kept_pictures(repo, open_window, qtbot, tmp_path):
    data = tmp_path / "data"
    first = _first_start(repo, open_window, qtbot, data)
    second = open_window(repo, data)
    assert not second.scene.svg.made  # the first frame needed no parsed SVG
    assert second.view.viewport().grab().toImage() == first
    assert all(item.isVisible() for item in second.scene.label_items.values())


def test_a_damaged_store_is_ignored_and_written_again(repo, open_window, qtbot, tmp_path):
    data = tmp_path / "data"
    first = _first_start(repo, open_window, qtbot, data)
    path = _kept(data)[0]
    path.write_bytes(b'{"svg": "' + path.stem.split("-", 1)[1].encode() + b'", "transform": [1, 1, 0, 0], '
                     b'"labels": [["label-x", 0, 0, 5, 5]]}\n' + bytes(7))
    window = open_window(repo, data)
    assert window.scene.svg.made  # drawn from the SVG instead
    assert window.view.viewport().grab().toImage() == first
    qtbot.waitUntil(lambda: path.stat().st_size > 1000)  # and kept properly for the next start


def test_another_window_size_draws_from_the_svg_and_keeps_its_own(repo, open_window, qtbot, tmp_path):
    data = tmp_path / "data"
    _first_start(repo, open_window, qtbot, data)
    before = _kept(data)[0].read_bytes()
    window = open_window(repo, data, size=(1000, 700))
    assert window.scene.svg.made
    qtbot.waitUntil(lambda: _kept(data)[0].read_bytes() != before)


def test_switching_between_two_content_packs_keeps_the_labels_of_both(repo, mini_dir, open_window, qtbot, tmp_path):
    data = tmp_path / "data"
    _first_start(repo, open_window, qtbot, data)
    mini = open_window(mini_dir, data)
    qtbot.waitUntil(lambda: len(_kept(data)) == 2)  # the other pack's diagram keeps its own
    mini.close()
    again = open_window(repo, data)
    assert not again.scene.svg.made  # the first pack's pictures were not thrown away
