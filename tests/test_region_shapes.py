"""What a highlight shows: "Hamstring origin" is the origin and proximal tendons (not the bellies), and
no highlight runs past the drawing's cut edge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter


def test_hamstring_origin_is_the_origin_and_proximal_tendons(repo):
    from viewer.model.content.loader import load_content

    content = load_content(repo)
    diagram = content.diagram
    index = content.index()  # region shapes are read from the SVG here
    region = content.region("hamstring-origin")
    box = region.shape.bbox
    tuberosity = diagram.shape_of("ischial-tuberosity").bbox
    tendon = diagram.shape_of("conjoint-tendon").bbox
    bellies = [diagram.shape_of(i).bbox for i in ("semitendinosus", "semimembranosus", "biceps-femoris-long-head")]
    assert box.top <= tendon.top + 2 and box.bottom <= tendon.bottom + 5       # from the tuberosity to the tendon's end
    assert tuberosity.top < box.top < tuberosity.bottom                          # starts on the sitting bone
    assert all(box.bottom < belly.bottom - 300 for belly in bellies)             # the bellies run on below it
    assert region.shape.contains(716, 800)                                       # the conjoint tendon itself
    assert not region.shape.contains(700, 1100) and not region.shape.contains(850, 1000)  # bellies are not it
    point = index.interior_point(region)
    assert index.region_at(*point).id == "hamstring-origin"


def test_positions_that_name_the_hamstring_origin_hatch_only_the_origin(open_window, repo):
    window = open_window(repo)
    naming = [p for p in window.content.positions if "hamstring-origin" in (*p.tenses, *p.narrows)]
    assert naming
    window.chairside.positions_action.trigger()
    for position in naming:
        window.chairside.positions.select(position.id)
        item = window.scene.region_items["hamstring-origin"]
        assert item.effect and item.isVisible()
        assert item.path().boundingRect().bottom() < 900


def _painted_below(item, edge: float) -> int:
    """Pixels the item's highlight paints below ``edge`` (scene units, one pixel per unit)."""
    rect = item.boundingRect().adjusted(-10, -10, 10, 10)
    image = QImage(int(rect.width()) + 1, int(rect.height()) + 1, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.translate(-rect.left(), -rect.top())
    item._draw(painter)
    painter.end()
    first_row = max(0, int(edge - rect.top()) + 2)
    return sum(QColor.fromRgba(image.pixel(x, y)).alpha() > 0
               for y in range(first_row, image.height(), 2) for x in range(0, image.width(), 2))


@pytest.mark.parametrize("region_id", ["sciatic-nerve", "hamstring-origin", "piriformis"])
def test_highlights_stop_at_the_drawings_cut_edge(open_window, repo, region_id):
    window = open_window(repo)
    window.open_region(region_id)
    item = window.scene.region_items[region_id]
    assert item.selected
    edge = window.scene.diagram_rect.bottom()
    assert _painted_below(item, edge) == 0
    # and the nerve does reach the edge: it is clipped there, not drawn short
    if region_id == "sciatic-nerve":
        assert item.path().boundingRect().bottom() > edge
        assert item.clip == QRectF(window.scene.diagram_rect)
