"""Colour themes (light, dark, high contrast) for the window, the lesson text and the diagram's
highlights; one place so their contrast can be checked by a test (tests/test_accessibility.py).

Highlights never rely on colour alone: every highlight is an outline drawn over a halo of the
opposite lightness (so it reads on pale bone and dark muscle alike); hover is a solid outline,
keyboard focus a dashed one, the selection a thicker one, and a position's effect adds hatching.
The diagram art keeps its colours; in the dark themes it sits on the dark canvas (no white paper) and
its labels, leader lines and orientation key are drawn in the theme's ink, edged in the canvas colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from viewer.model.core.record import record
from PySide6.QtGui import QAction, QActionGroup, QColor, QPalette
from PySide6.QtWidgets import QApplication, QToolTip

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow


THEME_KEY = "view/theme"
PAPER = "#ffffff"  # the diagram's background in the light theme, as drawn


@record(frozen=True)
class Theme:
    """One colour theme; the defaults are the light theme."""

    key: str = "light"
    label: str = "&Light"
    # window and lesson text
    window: str = "#f3f3f1"
    window_text: str = "#1b1b1b"
    base: str = "#ffffff"              # lesson background
    alternate_base: str = "#f0f0ee"
    text: str = "#1b1b1b"              # lesson text
    button: str = "#e9e9e6"
    button_text: str = "#1b1b1b"
    link: str = "#0b57b0"
    link_visited: str = "#6b2c91"
    selection: str = "#0b57b0"
    selection_text: str = "#ffffff"
    tooltip_base: str = "#ffffdc"
    tooltip_text: str = "#1b1b1b"
    placeholder: str = "#5f5f5f"
    disabled_text: str = "#767676"
    # diagram highlights
    canvas: str = "#ffffff"
    outline: str = "#0b3d91"           # deep blue, over a white halo
    halo: str = "#ffffff"
    hover_fill: str = "#2f7fe0"
    hover_alpha: int = 60
    selected_fill: str = "#2f7fe0"
    selected_alpha: int = 70
    hover_width: float = 2.5           # device pixels (cosmetic pens keep their width at any zoom)
    selected_width: float = 4.0
    tag_background: str = "#0b3d91"
    tag_text: str = "#ffffff"
    tensed: str = "#7f2800"            # dark orange, diagonal hatching: a position stretches this structure
    narrowed: str = "#5b1287"          # purple, cross hatching: a position narrows this space
    diagram_ink: str = ""              # the diagram's labels, leader lines and key ("": as drawn, dark on white)
    scroll_handle: str = ""            # scroll bar handle on a window-coloured groove ("": the style's own)
    pointer: str = "#000000"           # the keyboard pointer in Find-it (black over a white halo, on any art)
    pointer_halo: str = "#ffffff"
    # body chart symptom types: each also has its own hatching (viewer/qt/bodychart/canvas.py), never colour alone
    pain: str = "#c62828"              # red, diagonal hatching
    pins_and_needles: str = "#1451a3"  # blue, cross hatching
    numbness: str = "#2e6b30"          # green, horizontal lines
    chart_ink: str = "#1a1a1a"
    # the hip-in-motion view: measurement lines drawn on the (always pale) axial art, and its gauge
    measure_ifs: str = "#0b3d91"       # ischiofemoral space line: deep blue
    measure_qfs: str = "#00603a"       # quadratus femoris space line: deep green
    measure_contact: str = "#b3261e"   # bones in contact in the model
    gauge_control: str = "#2e7d32"     # control mean ± SD band
    gauge_patient: str = "#b3261e"     # patient mean ± SD band
    gauge_marker: str = "#1b1b1b"
    dark: bool = False


LIGHT = Theme()
DARK = Theme(
    key="dark", label="&Dark", window="#202124", window_text="#e8eaed", base="#1a1b1e", alternate_base="#26272b",
    text="#e8eaed", button="#303134", button_text="#e8eaed", link="#8ab4f8", link_visited="#d7aefb",
    selection="#8ab4f8", selection_text="#101114", tooltip_base="#303134", tooltip_text="#e8eaed",
    placeholder="#a8abb0", disabled_text="#8a8d91", canvas="#1a1b1e", outline="#ffd54f", halo="#000000",
    hover_fill="#ffd54f", selected_fill="#ffd54f", tag_background="#ffd54f", tag_text="#101114",
    tensed="#ff9e66", narrowed="#d8a8ff", diagram_ink="#e8eaed", scroll_handle="#9aa0a6", gauge_control="#81c995",
    gauge_patient="#f28b82", gauge_marker="#e8eaed", dark=True)
HIGH_CONTRAST = Theme(
    key="high-contrast", label="&High contrast", window="#000000", window_text="#ffffff", base="#000000",
    alternate_base="#1a1a1a", text="#ffffff", button="#000000", button_text="#ffffff", link="#ffff00",
    link_visited="#ffb3ff", selection="#ffff00", selection_text="#000000", tooltip_base="#000000",
    tooltip_text="#ffffff", placeholder="#d0d0d0", disabled_text="#b0b0b0", canvas="#000000", outline="#ffff00",
    halo="#000000", hover_fill="#ffff00", hover_alpha=50, selected_fill="#ffff00", selected_alpha=60,
    hover_width=4.0, selected_width=6.0, tag_background="#ffff00", tag_text="#000000", tensed="#ff9e3d",
    narrowed="#00e5ff", diagram_ink="#ffffff", scroll_handle="#ffffff", gauge_control="#00ff66", gauge_patient="#ff6666",
    gauge_marker="#ffffff", dark=True)
THEMES = {theme.key: theme for theme in (LIGHT, DARK, HIGH_CONTRAST)}


@record(frozen=True)
class Colours:
    """Colours that keep their meaning in every theme (each is checked for contrast in
    tests/test_accessibility.py). Meaning is never carried by colour alone: marks add ✓ / ✗, words,
    hatching or dashes."""

    urgent_text: str = "#ffffff"          # the Urgent help button
    urgent: str = "#b3261e"
    urgent_focus: str = "#000000"
    notice: str = "#fff4ce"               # the notice bar (a damaged file, a read-only folder)
    notice_border: str = "#8a6d00"
    notice_text: str = "#1f1f1f"
    match: str = "#ffd54f"                # a search match, in the results and in the lesson
    match_text: str = "#000000"
    right: str = "#1b5e20"                # quiz marks: a right answer (outline, ✓)
    right_fill: str = "#43a047"
    right_alpha: int = 90
    wrong: str = "#b3261e"                # a wrong answer (dashed outline, hatching, ✗)
    wrong_fill: str = "#b3261e"
    wrong_alpha: int = 255
    asked: str = "#0b3d91"                # the structure asked about
    asked_fill: str = "#2f7fe0"
    asked_alpha: int = 80
    mark_text: str = "#ffffff"            # the words on a quiz mark, over a white halo
    right_on_dark: str = "#81c995"        # feedback text on a dark theme, same meaning
    wrong_on_dark: str = "#f6aea9"
    right_button: str = "#e8f5e9"         # answer buttons after answering
    right_button_text: str = "#102a12"
    wrong_button: str = "#fdecea"
    wrong_button_text: str = "#3b0d0a"
    label_asked_fill: str = "#dce9fb"     # label quiz: the covered label asked now
    label_other: str = "#5f6368"          # the other covered labels
    label_other_fill: str = "#e8e8e8"


COLOURS = Colours()


@record(frozen=True)
class PrintColours:
    """The patient handout and printed charts: always on white paper, whatever the screen's theme."""

    paper: str = "#ffffff"
    ink: str = "#1a1a1a"
    muted: str = "#444444"                # the handout's heading line, a chart's quieter text
    urgent_box: str = "#fdecea"           # the urgent-help box: pale red with a red border
    urgent_border: str = "#b3261e"
    chart_frame: str = "#9a9a9a"          # the border round a chart in a lesson


PRINTED = PrintColours()
# Cards exported to Anki (viewer/qt/study/anki_export.py): Anki's own light and night modes
ANKI_CARD_CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; color: #1a1a1a; background: #ffffff; }
.prompt { font-weight: bold; } .answer { font-weight: bold; margin-top: 0.6em; }
.why { margin-top: 0.6em; } .sources { font-size: 14px; color: #444444; margin-top: 0.8em; }
img { max-width: 100%; } .nightMode .card, .card.nightMode { color: #eeeeee; background: #1e1e1e; }
.nightMode .sources { color: #bbbbbb; }"""
# Charts: the Okabe-Ito palette, told apart by people with any common colour-vision deficiency
CHART_BLUE, CHART_VERMILION, CHART_ORANGE, CHART_GREEN, CHART_PURPLE, CHART_SKY = (
    "#0072B2", "#D55E00", "#E69F00", "#009E73", "#CC79A7", "#56B4E9")
PEN_COLOURS = {"Red": "#c62828", "Blue": "#1565c0", "Green": "#2e7d32", "Black": "#212121"}  # chairside ink


def urgent_style() -> str:
    c = COLOURS
    return (f"QToolButton#urgent {{ color: {c.urgent_text}; background: {c.urgent}; font-weight: bold;"
            f" border-radius: 4px; padding: 3px 10px; margin: 1px 4px; }}"
            f"QToolButton#urgent:focus {{ outline: 2px solid {c.urgent_focus}; }}")


def notice_style() -> str:
    c = COLOURS
    return (f"QFrame#notice {{ background: {c.notice}; border: 1px solid {c.notice_border}; }}"
            f"QFrame#notice QLabel {{ color: {c.notice_text}; }}")


def answer_styles() -> dict[str, str]:
    """The Study panel's answer buttons once answered: right (solid border) and wrong (dashed)."""
    c = COLOURS
    return {"right": (f"QPushButton {{ border: 3px solid {c.right}; background: {c.right_button}; }} "
                      f"QLabel {{ color: {c.right_button_text}; font-weight: bold; background: transparent; }}"),
            "wrong": (f"QPushButton {{ border: 3px dashed {c.wrong}; background: {c.wrong_button}; }} "
                      f"QLabel {{ color: {c.wrong_button_text}; background: transparent; }}")}


class CurrentTheme:
    """The theme in use; code reads ``THEME.outline`` at paint time, so a switch shows at once."""

    def __init__(self, theme: Theme):
        object.__setattr__(self, "_theme", theme)

    def __getattr__(self, name: str):
        return getattr(object.__getattribute__(self, "_theme"), name)

    def use(self, theme: Theme) -> None:
        object.__setattr__(self, "_theme", theme)

    @property
    def theme(self) -> Theme:
        return object.__getattribute__(self, "_theme")


THEME = CurrentTheme(LIGHT)


def palette_of(theme: Theme):
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for name, value in (("Window", theme.window), ("WindowText", theme.window_text), ("Base", theme.base),
                        ("AlternateBase", theme.alternate_base), ("Text", theme.text), ("Button", theme.button),
                        ("ButtonText", theme.button_text), ("BrightText", theme.selection_text),
                        ("Link", theme.link), ("LinkVisited", theme.link_visited), ("Highlight", theme.selection),
                        ("HighlightedText", theme.selection_text), ("ToolTipBase", theme.tooltip_base),
                        ("ToolTipText", theme.tooltip_text), ("PlaceholderText", theme.placeholder)):
        palette.setColor(getattr(role, name), QColor(value))
    for name in ("WindowText", "Text", "ButtonText"):
        palette.setColor(group.Disabled, getattr(role, name), QColor(theme.disabled_text))
    return palette


def scroll_bar_style(theme: Theme) -> str:
    """The lesson's scroll bars in the dark themes: a handle that stands out from its groove (3:1 or more). Qt's
    Fusion style draws both in shades of the button colour, which on a black window is black on black.
    The light theme keeps the native look (an empty sheet costs nothing at start-up)."""
    if not theme.scroll_handle:
        return ""
    groove, handle = theme.window, theme.scroll_handle
    return (f"QScrollBar:vertical {{ background: {groove}; width: 16px; margin: 0; border: 0; }}"
            f"QScrollBar:horizontal {{ background: {groove}; height: 16px; margin: 0; border: 0; }}"
            f"QScrollBar::handle {{ background: {handle}; border-radius: 4px; margin: 2px; }}"
            "QScrollBar::handle:vertical { min-height: 32px; } QScrollBar::handle:horizontal { min-width: 32px; }"
            "QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; border: 0; }"
            "QScrollBar::add-page, QScrollBar::sub-page { background: none; }")


class ThemeMenu:
    """View ▸ Theme: the three themes and Ctrl+Shift+T to cycle; the choice is remembered."""

    def __init__(self, window: MainWindow):
        self.window = window
        menu = window.view_menu.addMenu("&Theme")
        menu.menuAction().setStatusTip("Light, dark or high-contrast colours")
        group = QActionGroup(window)
        self.actions: dict[str, QAction] = {}
        for key, theme in THEMES.items():
            action = QAction(window, text=theme.label, checkable=True)
            action.setStatusTip(f"{theme.label.replace('&', '')} colours")
            action.triggered.connect(lambda _checked=False, k=key: self.set_theme(k))
            group.addAction(action)
            menu.addAction(action)
            self.actions[key] = action
        menu.addSeparator()
        self.next_action = window.add_action("&Next theme", self.cycle, "view.theme",
                                             "Switch between the light, dark and high-contrast themes")
        menu.addAction(self.next_action)
        key = str(window.settings.value(THEME_KEY, LIGHT.key))
        self.set_theme(key if key in THEMES else LIGHT.key, remember=False)

    def cycle(self) -> None:
        keys = list(THEMES)
        self.set_theme(keys[(keys.index(THEME.key) + 1) % len(keys)])

    def set_theme(self, key: str, remember: bool = True) -> None:
        window = self.window
        theme = THEMES[key]
        THEME.use(theme)
        self.actions[key].setChecked(True)
        palette = palette_of(theme)
        QApplication.setPalette(palette)
        QToolTip.setPalette(palette)
        # the lesson's scroll bars only: an application-wide sheet restyles every widget at start-up (costly,
        # and it built Qt's enum namespace before the first frame)
        for bar in (window.panel.verticalScrollBar(), window.panel.horizontalScrollBar()):
            if bar.styleSheet() != scroll_bar_style(theme):
                bar.setStyleSheet(scroll_bar_style(theme))
        window.view.use_theme()
        window.scene.use_ink(theme.diagram_ink, theme.canvas)  # labels and key in the theme's ink, on its canvas
        window.scene.update()
        rendered = window.panel.rendered
        if rendered is not None:  # glossary terms take the text colour when the lesson is laid out
            position = window.panel.verticalScrollBar().value()
            window.panel.show_lesson(rendered)
            window.panel.verticalScrollBar().setValue(position)
        if remember:
            window.settings.set(THEME_KEY, key)
            window.statusBar().showMessage(f"Theme: {theme.label.replace('&', '')}.", 3000)

