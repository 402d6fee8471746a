"""The diagram's labels at the user's text size: the SVG with its label words grown and placed by
viewer/model/diagram/label_layout.py, and the rectangles of the words for whatever must avoid or cover
them (callouts, the label quiz's boxes).

The grown diagram is a copy of the SVG in which only each label's <text> elements (size, lines,
baselines) and the first point of its leader <polyline> change; a QSvgRenderer of that copy draws the
labels, so the dark themes' ink and the pictures kept per zoom work as at 100%. At 100% nothing here
runs: the labels are drawn from the SVG itself.
"""

from __future__ import annotations

import copy
import re

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtSvg import QSvgRenderer

from viewer.model.diagram.label_layout import LabelWords, PlacedLabel, layout

SVG_NS = "{http://www.w3.org/2000/svg}"
CAPTION_ROOM = 8.0  # SVG units kept below a caption along the top edge


def _tag(element) -> str:
    return element.tag.replace(SVG_NS, "")


def _number(value, default: float = 0.0) -> float:
    match = re.match(r"\s*(-?[\d.]+)", value or "")
    return float(match.group(1)) if match else default


def _style(element, name: str) -> str | None:
    if element.get(name):
        return element.get(name)
    match = re.search(rf"(?:^|;)\s*{name}\s*:\s*([^;]+)", element.get("style") or "")
    return match.group(1).strip() if match else None


def _font(text, group) -> tuple[str, float]:
    family = (_style(text, "font-family") or _style(group, "font-family") or "").split(",")[0].strip().strip("'\"")
    return family, _number(_style(text, "font-size") or _style(group, "font-size"), 16.0) or 16.0


class _Metrics:
    """Widths of words in the SVG's fonts, as text_rect measures them (label_boxes.py)."""

    def __init__(self):
        self._fonts: dict[tuple[str, float], QFontMetricsF] = {}

    def of(self, family: str, size: float) -> QFontMetricsF:
        key = (family, size)
        if key not in self._fonts:
            font = QFont(family) if family else QFont()
            font.setPixelSize(max(1, round(size)))
            self._fonts[key] = QFontMetricsF(font)
        return self._fonts[key]


def label_sets(root) -> list[list]:
    """Label groups shown together: the children with text of "labels" and of each "labels-..." group."""
    sets = []
    for container in root.iter():
        name = container.get("id") or ""
        if name == "labels" or name.startswith("labels-"):
            groups = [g for g in container if _tag(g) == "g" and g.get("id") and any(_tag(t) == "text" for t in g.iter())]
            if groups:
                sets.append(groups)
    return sets


def _layer_of(root, layer_id: str) -> list:
    layer = next((el for el in root.iter() if el.get("id") == layer_id), None)
    return list(layer) if layer is not None else []


def _words(group, metrics: _Metrics) -> tuple[LabelWords, QFontMetricsF]:
    texts = [t for t in group.iter() if _tag(t) == "text"]
    first = texts[0]
    family, size = _font(first, group)
    font = metrics.of(family, size)
    lines = tuple(" ".join("".join(t.itertext()).split()) for t in texts)
    baselines = tuple(_number(t.get("y")) for t in texts)
    leader = next((p for p in group.iter() if _tag(p) == "polyline"), None)
    points = re.findall(r"-?[\d.]+", leader.get("points", "")) if leader is not None else []
    middle = (baselines[0] - font.ascent() + baselines[-1] + font.descent()) / 2
    leader_y = float(points[1]) if len(points) >= 2 else middle
    anchor = _style(first, "text-anchor") or _style(group, "text-anchor") or "start"
    return LabelWords(group.get("id"), anchor, _number(first.get("x")), lines, baselines, font.ascent(),
                      font.descent(), leader_y), font


def _top_edge(root, top: float) -> float:
    """Below the captions written along the top of the diagram."""
    edge = top
    for text in root.iter():
        if _tag(text) == "text" and (text.get("id") or "").startswith("caption"):
            family, size = _font(text, text)
            edge = max(edge, _number(text.get("y")) + size * 0.3 + CAPTION_ROOM)
    return edge


def place_labels(diagram, scale: float, sizes, bounds: QRectF, only=None) -> dict[str, PlacedLabel]:
    """Every label at ``scale`` (see label_layout.layout), by label group id; of the labels layer,
    ``only`` those (if given: the others are hidden)."""
    root = getattr(diagram, "_root", None)
    if root is None:
        return {}
    metrics = _Metrics()
    edges = (bounds.left(), _top_edge(root, bounds.top()), bounds.right(), bounds.bottom())
    placed: dict[str, PlacedLabel] = {}
    for groups in label_sets(root):
        if only is not None and groups and groups[0] in _layer_of(root, "labels"):
            groups = [group for group in groups if group.get("id") in only]
        words = [_words(group, metrics) for group in groups if any("".join(t.itertext()).strip()
                                                                   for t in group.iter() if _tag(t) == "text")]
        fonts = {label.id: font for label, font in words}

        def measure(label: LabelWords, text: str, _fonts=fonts) -> float:
            return _fonts[label.id].horizontalAdvance(text)

        for label in layout([label for label, _f in words], scale, sizes, edges, measure):
            placed[label.id] = label
    return placed


def grown_svg(source: bytes, diagram, placed: dict[str, PlacedLabel]) -> bytes:
    """The SVG with each grown label's words and leader start where ``placed`` says."""
    from viewer.model.diagram.svg_safety import element_tree

    ET = element_tree()
    root = ET.fromstring(source)
    for group in root.iter():
        label = placed.get(group.get("id") or "")
        if label is None or label.scale == 1.0:
            continue
        texts = [t for t in group if _tag(t) == "text"]
        if not texts:
            continue
        first = texts[0]
        _family, size = _font(first, group)
        position = list(group).index(first)
        for text in texts:
            group.remove(text)
        for n, (line, baseline) in enumerate(label.lines):
            text = copy.copy(first)
            for child in list(text):
                text.remove(child)
            text.text, text.attrib = line, dict(first.attrib)
            text.set("y", f"{baseline:.2f}")
            text.set("font-size", f"{size * label.scale:.2f}")
            if text.get("style"):
                text.set("style", re.sub(r"font-size\s*:[^;]+;?", "", text.get("style")))
            group.insert(position + n, text)
        leader = next((p for p in group if _tag(p) == "polyline"), None)
        if leader is not None:
            points = leader.get("points", "").replace(",", " ").split()
            if len(points) >= 2:
                points[1] = f"{label.leader_y:.2f}"
                leader.set("points", " ".join(f"{points[i]},{points[i + 1]}" for i in range(0, len(points) - 1, 2)))
    return ET.tostring(root, encoding="utf-8")


def word_rects(placed: dict[str, PlacedLabel], pad: float) -> dict[str, QRectF]:
    """Where each label's words are drawn, in scene units, with ``pad`` around them."""
    return {label_id: QRectF(left, top, right - left, bottom - top).adjusted(-pad, -pad, pad, pad)
            for label_id, label in placed.items() for left, top, right, bottom in [label.rect]}


class GrownSource:
    """An SvgSource-like holder of the grown SVG's renderer (see viewer/qt/diagram/svg_source.py)."""

    def __init__(self, data: bytes, parent):
        self.made = True
        self.data = data
        self.renderer = QSvgRenderer(QByteArray(data), parent)
