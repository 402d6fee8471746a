"""Label pictures kept between runs (viewer/qt/diagram/label_store.py): the next start paints its labels
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


def test_zoomed_in_labels_are_drawn_straight_then_kept_once_the_view_is_still(repo, open_window, qtbot):
    """On a 4K screen zoomed in, a label's picture (1-2 million pixels, 10-20 ms) is not made inside the
    frame that first shows it: the label is drawn straight, which looks the same, and its picture
    follows while the view is still. Smaller pictures are made at once, as before."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from viewer.qt.diagram.tile_art import PICTURE_IN_FRAME, has_picture

    window = open_window(repo, size=(3840, 2160))
    view = window.view
    view.setFocus()
    for _ in range(6):
        QTest.keyClick(view, Qt.Key.Key_Plus)  # zoom in, as a user does
    view.viewport().repaint()
    transform = view.viewportTransform()
    shown = [item for item in window.scene.label_items.values()
             if view.mapFromScene(item.sceneBoundingRect()).boundingRect().intersects(view.viewport().rect())]
    large = [item for item in shown if transform.mapRect(item.boundingRect()).width()
             * transform.mapRect(item.boundingRect()).height() > PICTURE_IN_FRAME]
    assert large and len(large) < len(shown)
    assert not any(has_picture(item, transform, None) for item in large)
    assert all(has_picture(item, transform, None) for item in shown if item not in large)
    qtbot.waitUntil(lambda: all(has_picture(item, transform, None) for item in large)
                    and not window.scene.art.pending_tiles(), timeout=30000)  # idle work: slow on a loaded machine
    from_pictures = view.viewport().grab().toImage()
    for item in large:
        item._pictures.clear()  # as at a zoom never seen: the art's tiles are sharp, these labels drawn straight
    straight = view.viewport().grab().toImage()
    before, after = (bytes(image.constBits())[:image.sizeInBytes()] for image in (from_pictures, straight))
    # the same picture: compositing a picture made first rounds some anti-aliased edges differently,
    # by a few levels in a few pixels (measured: at most 3 of 255, in 0.05% of the bytes)
    changed = [abs(x - y) for x, y in zip(before, after) if x != y]
    assert max(changed, default=0) <= 4 and len(changed) < len(before) / 500
