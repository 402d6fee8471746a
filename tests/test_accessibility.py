"""Accessibility: WCAG 2.1 AA contrast of every theme (text 4.5:1; highlights 3:1 against the real
diagram colours near the regions), the theme switch, text size, and an accessible name on every
control, action and region."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget

from viewer.qt.app.theme import COLOURS, PAPER, THEMES
from walk_helpers import actions_of, menus_of, plain

TEXT, GRAPHICS = 4.5, 3.0
URGENT = (COLOURS.urgent_text, COLOURS.urgent)  # the Urgent help button


def luminance(colour: str) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    c = QColor(colour)
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == 1.0


def text_pairs(theme):
    return {"lesson text": (theme.text, theme.base), "window text": (theme.window_text, theme.window),
            "button text": (theme.button_text, theme.button), "link": (theme.link, theme.base),
            "visited link": (theme.link_visited, theme.base), "selected text": (theme.selection_text, theme.selection),
            "tooltip": (theme.tooltip_text, theme.tooltip_base), "placeholder": (theme.placeholder, theme.base),
            "structure name on the diagram": (theme.tag_text, theme.tag_background), "urgent button": URGENT,
            **({"diagram labels on the canvas": (theme.diagram_ink, theme.canvas)} if theme.diagram_ink else {})}


def graphics_pairs(theme):
    return {"outline on its halo": (theme.outline, theme.halo), "tensed hatching on its halo": (theme.tensed, theme.halo),
            "narrowed hatching on its halo": (theme.narrowed, theme.halo),
            "tensed key in the positions panel": (theme.tensed, theme.window),
            "narrowed key in the positions panel": (theme.narrowed, theme.window),
            "structure name box on the canvas": (theme.tag_background, theme.canvas),
            **({"scroll bar handle on its groove": (theme.scroll_handle, theme.window)} if theme.scroll_handle else {})}


def fixed_pairs():
    """Colours that are the same in every theme (viewer/qt/app/theme.py, COLOURS)."""
    c = COLOURS
    return {"urgent button": URGENT, "notice": (c.notice_text, c.notice), "search match": (c.match_text, c.match),
            "right answer button": (c.right_button_text, c.right_button),
            "wrong answer button": (c.wrong_button_text, c.wrong_button),
            "right mark's words": (c.mark_text, c.right), "wrong mark's words": (c.mark_text, c.wrong),
            "asked mark's words": (c.mark_text, c.asked),
            "right verdict, light theme": (c.right, THEMES["light"].base),
            "wrong verdict, light theme": (c.wrong, THEMES["light"].base),
            "right verdict, dark theme": (c.right_on_dark, THEMES["dark"].base),
            "wrong verdict, dark theme": (c.wrong_on_dark, THEMES["dark"].base),
            "asked label's ?": (c.asked, c.label_asked_fill)}


def test_colours_of_every_theme_meet_aa():
    low = {name: round(contrast(*pair), 2) for name, pair in fixed_pairs().items() if contrast(*pair) < TEXT}
    assert not low, f"text below {TEXT}:1: {low}"


def test_no_colour_is_written_outside_the_theme(repo):
    """Every colour of the interface comes from viewer/qt/app/theme.py, so a newcomer finds it in one place."""
    import re

    literal = re.compile(r"""#[0-9a-fA-F]{6}\b|["' ]#[0-9a-fA-F]{3}\b|QColor\(\s*["'][a-z]+["']""")
    found = [f"{path.relative_to(repo)}:{number}" for path in sorted((repo / "viewer").rglob("*.py"))
             if path.name != "theme.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if literal.search(line)]
    assert not found, found


@pytest.mark.parametrize("key", THEMES)
def test_text_meets_aa(key):
    theme = THEMES[key]
    low = {name: round(contrast(*pair), 2) for name, pair in text_pairs(theme).items() if contrast(*pair) < TEXT}
    assert not low, f"{key}: text below {TEXT}:1: {low}"


@pytest.mark.parametrize("key", THEMES)
def test_graphics_meet_aa(key):
    theme = THEMES[key]
    low = {name: round(contrast(*pair), 2) for name, pair in graphics_pairs(theme).items()
           if contrast(*pair) < GRAPHICS}
    assert not low, f"{key}: graphics below {GRAPHICS}:1: {low}"


def svg_colours(repo) -> set[str]:
    text = (repo / "resources" / "diagram.svg").read_text(encoding="utf-8")
    return {c.lower() for c in re.findall(r"(?:fill|stroke|stop-color)\s*[=:]\s*\"?(#[0-9a-fA-F]{6})\b", text)}


def sampled_colours_near_regions(repo, size: int = 900, background: str = PAPER) -> set[str]:
    """The rendered diagram's colours just inside and just outside every region's outline: the deep art,
    and each superficial layer (skin, gluteus maximus) as the depth control shows it; drawn on
    ``background`` (the light theme's white paper, a dark theme's canvas)."""
    import re as _re

    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer

    from viewer.model.content.loader import load_content

    content = load_content(repo)
    box = content.diagram.view_box
    scale = size / max(box.width, box.height)
    text = content.diagram.path.read_text(encoding="utf-8")
    shown = text.replace('id="superficial" inkscape:label="Superficial layers (the app shows them with its depth '
                         'control)" inkscape:groupmode="layer" style="display:none"', 'id="superficial"')
    assert shown != text
    without_skin = _re.sub(r'<g id="layer-skin".*?\n    </g>\n', "", shown, flags=_re.S)
    variants = [text.replace('<g id="region-piriformis"', f'<g id="x-{v}"')
                .replace(f'<g id="variant-{v}"', '<g id="region-piriformis"')
                .replace('id="variants" inkscape:label', 'id="variants-shown" inkscape:label').replace(
                    'inkscape:groupmode="layer" style="display:none">\n    <g id="variant-a"', '>\n    <g id="variant-a"')
                for v in "bcdef"]
    colours = set()
    for source in (text, without_skin, shown, *variants):
        image = QImage(int(box.width * scale), int(box.height * scale), QImage.Format.Format_RGB32)
        image.fill(QColor(background))
        painter = QPainter(image)
        QSvgRenderer(QByteArray(source.encode("utf-8"))).render(painter, QRectF(0, 0, image.width(), image.height()))
        painter.end()
        for region in content.index().regions:
            for part in region.shape.parts:
                for command in part:
                    if command[0] == "Z":
                        continue
                    x, y = (command[-2] - box.left) * scale, (command[-1] - box.top) * scale
                    for dx in (-4, 0, 4):
                        for dy in (-4, 0, 4):
                            px, py = int(x + dx), int(y + dy)
                            if 0 <= px < image.width() and 0 <= py < image.height():
                                colours.add(image.pixelColor(px, py).name())
    return colours


@pytest.fixture(scope="module")
def art_colours_on(request):
    """The art's colours as each theme shows them: on white paper, or on a dark theme's canvas."""
    from conftest import REPO

    QApplication.instance() or QApplication([])
    found: dict[str, set[str]] = {}

    def colours(theme) -> set[str]:
        background = theme.canvas if theme.dark else PAPER
        if background not in found:
            found[background] = svg_colours(REPO) | sampled_colours_near_regions(REPO, background=background)
        return found[background]

    return colours


@pytest.mark.parametrize("key", THEMES)
def test_highlight_stands_out_on_every_diagram_colour(key, art_colours_on):
    """Outline over halo: on every colour of the art near a region (on the theme's own background),
    one of the two is 3:1 or more."""
    theme = THEMES[key]
    art_colours = art_colours_on(theme)
    assert len(art_colours) > 50
    weak = sorted(c for c in art_colours if max(contrast(theme.outline, c), contrast(theme.halo, c)) < GRAPHICS)
    assert not weak, f"{key}: the highlight is hard to see on {weak}"
    weak = sorted(c for c in art_colours for effect in (theme.tensed, theme.narrowed)
                  if max(contrast(effect, c), contrast(theme.halo, c)) < GRAPHICS)
    assert not weak, f"{key}: a position's hatching is hard to see on {weak}"


# ----- the switch and the text size, in the window -------------------------------------------------------------
def test_theme_cycles_with_ctrl_shift_t_and_is_remembered(mini_dir, open_window, qtbot, tmp_path):
    window = open_window(mini_dir, data_dir=tmp_path / "d")
    assert window.themes.actions["light"].isChecked()
    assert "Theme" in [plain(m.title()) for m in menus_of(window)]
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.themes.actions["dark"].isChecked()
    assert QApplication.palette().base().color().name() == THEMES["dark"].base
    assert window.scene.backgroundBrush().color().name() == THEMES["dark"].canvas
    qtbot.waitUntil(lambda: window.panel.palette().text().color().name() == THEMES["dark"].text)
    window.themes.actions["high-contrast"].trigger()
    window.close()
    again = open_window(mini_dir, data_dir=tmp_path / "d")
    assert again.themes.actions["high-contrast"].isChecked()
    assert QApplication.palette().window().color().name() == THEMES["high-contrast"].window
    again.themes.actions["light"].trigger()
    assert QApplication.palette().base().color().name() == THEMES["light"].base


def test_text_size_follows_the_system_and_ctrl_plus_minus(mini_dir, open_window, qtbot, tmp_path):
    from viewer.qt.app import text_size

    app = QApplication.instance()
    system = app.font()
    saved = app.property(text_size.BASE_PROPERTY)
    app.setProperty(text_size.BASE_PROPERTY, None)
    font = app.font()
    font.setPointSizeF(13.0)  # the user's system setting
    app.setFont(font)
    try:
        window = open_window(mini_dir, data_dir=tmp_path / "d")
        lesson_size = lambda: window.panel.document().defaultFont().pointSizeF()  # noqa: E731
        assert lesson_size() == pytest.approx(13.0 * text_size.LESSON_SCALE)
        for _ in range(2):
            qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()  # the font-change events reach the panel after the key
        assert lesson_size() == pytest.approx(13.0 * 1.3 * text_size.LESSON_SCALE)
        window.open_lesson(window.current_lesson())  # and the lesson shown next keeps the size
        assert lesson_size() == pytest.approx(13.0 * 1.3 * text_size.LESSON_SCALE)
        assert QApplication.font().pointSizeF() == pytest.approx(13.0 * 1.3)
        qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.font().pointSizeF() == pytest.approx(13.0 * 1.15)
        window.close()
        again = open_window(mini_dir, data_dir=tmp_path / "d")
        assert QApplication.font().pointSizeF() == pytest.approx(13.0 * 1.15)  # remembered
        again.text_size.reset_action.trigger()
        assert QApplication.font().pointSizeF() == pytest.approx(13.0)
        for _ in range(20):
            again.text_size.smaller_action.trigger()
        assert not again.text_size.smaller_action.isEnabled()
        assert QApplication.font().pointSizeF() == pytest.approx(13.0 * text_size.SCALES[0])
    finally:
        app.setProperty(text_size.BASE_PROPERTY, saved)
        app.setFont(system)


def test_larger_text_keeps_the_words_being_read_at_the_top(repo, open_window, qtbot):
    app = QApplication.instance()
    system = app.font()
    window = open_window(repo)
    panel = window.panel

    def heading_offset() -> float:
        """Pixels from the top of the lesson view down to the heading being read."""
        block = panel._find_block("provocative-positions")
        return panel.document().documentLayout().blockBoundingRect(block).top() - panel.verticalScrollBar().value()

    try:
        window.set_level("clinical")
        window.open_lesson("piriformis", "provocative-positions")
        start = heading_offset()
        assert 0 <= start < 40
        for key in (Qt.Key.Key_Equal, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
            assert abs(heading_offset() - start) < 40  # still at the top, not pages away
    finally:
        window.text_size.reset_action.trigger()
        app.setFont(system)


# ----- accessible names ----------------------------------------------------------------------------------------
def unnamed_controls(root: QWidget) -> list[str]:
    """Focusable widgets a screen reader could not name (no accessible name and no text)."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(widget, QAbstractButton):
            continue
        if widget.__class__.__name__ in ("QMenu", "QMenuBar", "QScrollBar", "QSplitterHandle", "QToolBarExtension"):
            continue
        if widget.objectName() == "qt_toolbar_ext_button":  # Qt's own "more" arrow, named by Qt
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
            continue  # named by its scroll area
        text = widget.accessibleName() or (widget.text() if hasattr(widget, "text") and callable(widget.text)
                                           and isinstance(widget.text(), str) else "")
        if not text.strip() and isinstance(widget, QAbstractButton):
            action = getattr(widget, "defaultAction", lambda: None)()
            text = action.text() if action else ""
        if not text.strip():
            missing.append(f"{widget.__class__.__name__} '{widget.objectName()}' in {widget.parent().__class__.__name__}")
    return missing


def test_every_control_and_action_has_a_name(repo, open_window, qtbot, monkeypatch):
    from walk_helpers import dialogs_cancelled, trigger_everything

    window = open_window(repo)
    nameless = [repr(a) for a in actions_of(window) if not plain(a.text())]
    assert not nameless, nameless
    assert not [plain(m.title()) for m in menus_of(window) if not plain(m.title())]
    assert not unnamed_controls(window), unnamed_controls(window)
    with dialogs_cancelled(monkeypatch):
        trigger_everything(window, qtbot)  # builds the docks and panels of every feature
    for dock in window.findChildren(QWidget):
        if dock.isWindow() and dock is not window and dock.isVisible() and dock.__class__.__name__ != "QMenu":
            assert not unnamed_controls(dock), unnamed_controls(dock)
    missing = unnamed_controls(window)
    assert not missing, missing


def test_every_region_has_a_name_and_description_for_screen_readers(repo, open_window, qtbot):
    window = open_window(repo)
    regions = {r.id: r for r in window.content.regions}
    assert all(r.name and r.description for r in regions.values()), "regions.toml: every region needs both"
    window.panel.setFocus()
    qtbot.waitUntil(window.panel.hasFocus)
    window.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.view.hasFocus)
    seen = []
    while window.view.focused_id and window.view.focused_id not in seen:
        region = regions[window.view.focused_id]
        seen.append(region.id)
        assert window.view.accessibleDescription() == f"{region.name}. {region.description}"
        assert region.name in window.statusBar().currentMessage()
        qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert set(seen) == set(window.view.region_ids())


# ----- never colour alone ---------------------------------------------------------------------------------------
def grey_changes(before: QImage, after: QImage) -> int:
    """Pixels whose lightness changed by 3:1 or more: what a viewer without colour vision sees change."""
    changed = 0
    for x in range(0, before.width(), 2):
        for y in range(0, before.height(), 2):
            a, b = before.pixelColor(x, y).name(), after.pixelColor(x, y).name()
            if a != b and contrast(a, b) >= GRAPHICS:
                changed += 1
    return changed


@pytest.mark.parametrize("key", THEMES)
def test_highlights_show_without_colour(key, mini_dir, open_window, qtbot):
    window = open_window(mini_dir, size=(800, 600))
    window.themes.actions[key].trigger()
    window.view.select_region(None)
    QApplication.processEvents()
    plain_view = window.view.viewport().grab().toImage()
    window.view.set_focused_region("round")
    QApplication.processEvents()
    focused = window.view.viewport().grab().toImage()
    window.view.set_focused_region(None)
    window.view.select_region("round")
    QApplication.processEvents()
    selected = window.view.viewport().grab().toImage()
    assert grey_changes(plain_view, focused) > 40   # a dashed outline, visible in greyscale
    assert grey_changes(plain_view, selected) > 60  # a thicker solid outline
    assert grey_changes(focused, selected) > 20     # and the two differ in shape, not only in colour
    window.themes.actions["light"].trigger()


@pytest.mark.parametrize("key", ["dark", "high-contrast"])
def test_lesson_scroll_bar_handle_is_clearly_visible(key, repo, open_window, qtbot):
    """The drawn handle of the lesson's scroll bar stands out from its groove (3:1) in the dark themes:
    high contrast drew a black handle on a black groove. (Light keeps Fusion's native bar.)"""
    from PySide6.QtWidgets import QStyle, QStyleOptionSlider

    window = open_window(repo)
    try:
        window.themes.actions[key].trigger()
        window.open_lesson("piriformis")
        bar = window.panel.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.isVisible())
        option = QStyleOptionSlider()
        bar.initStyleOption(option)
        control = QStyle.ComplexControl.CC_ScrollBar
        handle = bar.style().subControlRect(control, option, QStyle.SubControl.SC_ScrollBarSlider, bar)
        groove = bar.style().subControlRect(control, option, QStyle.SubControl.SC_ScrollBarGroove, bar)
        image = bar.grab().toImage()
        inside = image.pixelColor(handle.center()).name()
        below = image.pixelColor(handle.center().x(), min(groove.bottom() - 2, handle.bottom() + 30)).name()
        assert handle.bottom() + 30 < groove.bottom()
        assert contrast(inside, below) >= GRAPHICS, f"{key}: handle {inside} on groove {below}"
    finally:
        window.themes.actions["light"].trigger()


@pytest.mark.parametrize("key", ["dark", "high-contrast"])
def test_dark_themes_draw_the_diagram_dark(key, repo, open_window, qtbot):
    """No bright white rectangle: the art sits on the theme's dark canvas and the labels are drawn in the
    theme's light ink (the light theme's dark label text would vanish on it)."""
    theme = THEMES[key]
    window = open_window(repo)
    try:
        window.themes.actions[key].trigger()
        view = window.view
        image = view.viewport().grab().toImage()
        ratio = image.devicePixelRatio()
        white = sum(image.pixelColor(x, y).lightness() > 250
                    for y in range(0, image.height(), 6) for x in range(0, image.width(), 6))
        assert white / ((image.height() // 6 + 1) * (image.width() // 6 + 1)) < 0.03, "a white area remains"
        item = window.scene.label_items["label-sacrum"]
        box = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        text = box.adjusted(0, 0, -box.width() // 2, 0)  # the name; its leader line runs on to the right
        counts: dict[str, int] = {}
        ink = QColor(theme.diagram_ink)
        inked = 0
        for y in range(text.top(), text.bottom()):
            for x in range(text.left(), text.right()):
                colour = image.pixelColor(int(x * ratio), int(y * ratio))
                counts[colour.name()] = counts.get(colour.name(), 0) + 1
                inked += abs(colour.lightness() - ink.lightness()) < 40
        assert max(counts, key=counts.get) == QColor(theme.canvas).name()  # the label stands on the canvas
        assert inked > 30, "the label's letters are not in the theme's ink"
    finally:
        window.themes.actions["light"].trigger()


def body_chart_pairs(repo):
    """The body chart is drawn on paper white in every theme (as it prints): its outline ink (read from the
    SVG), the overlays' edges and each symptom's hatching against that white."""
    import re as _re

    from viewer.qt.app.theme import PRINTED

    svg = (repo / "resources" / "bodychart.svg").read_text(encoding="utf-8")
    outline_inks = set(_re.findall(r'stroke="(#[0-9a-fA-F]{6})" stroke-width="1.4"', svg))
    overlay_inks = set(_re.findall(r'<path [^>]*stroke="(#[0-9a-fA-F]{6})" stroke-width="0\.[89]"', svg))
    assert outline_inks and overlay_inks, "the chart's inks were not found in bodychart.svg"
    pairs = {}
    for key, theme in THEMES.items():
        pairs.update({f"{key}: body outline {ink}": (ink, PRINTED.paper) for ink in outline_inks})
        pairs.update({f"{key}: overlay edge {ink}": (ink, PRINTED.paper) for ink in overlay_inks})
        pairs.update({f"{key}: {name} hatching": (getattr(theme, name), PRINTED.paper)
                      for name in ("pain", "pins_and_needles", "numbness")})
        pairs[f"{key}: intensity number"] = (theme.chart_ink, PRINTED.paper)
    return pairs


def test_body_chart_outline_and_hatching_meet_aa_in_every_theme(repo):
    pairs = body_chart_pairs(repo)
    low = {name: round(contrast(*pair), 2) for name, pair in pairs.items() if contrast(*pair) < GRAPHICS}
    assert not low, f"body chart graphics below {GRAPHICS}:1 against the chart's paper: {low}"
    number = {name: pair for name, pair in pairs.items() if "intensity number" in name}
    assert all(contrast(*pair) >= TEXT for pair in number.values())
