"""Colour themes (light, dark, high contrast) for the window, the lesson text and the diagram's
highlights; one place so their contrast can be checked by a test (tests/test_accessibility.py).

Highlights never rely on colour alone: every highlight is an outline drawn over a halo of the
opposite lightness (so it reads on pale bone and dark muscle alike); hover is a solid outline,
keyboard focus a dashed one, the selection a thicker one, and a position's effect adds hatching.
The diagram art stays as drawn; the dark themes only darken the canvas around it.
"""

from __future__ import annotations

from viewer.model.core.record import record


THEME_KEY = "view/theme"
PAPER = "#ffffff"  # the diagram's own background, as drawn


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
    tensed="#ff9e66", narrowed="#d8a8ff", gauge_control="#81c995", gauge_patient="#f28b82", gauge_marker="#e8eaed",
    dark=True)
HIGH_CONTRAST = Theme(
    key="high-contrast", label="&High contrast", window="#000000", window_text="#ffffff", base="#000000",
    alternate_base="#1a1a1a", text="#ffffff", button="#000000", button_text="#ffffff", link="#ffff00",
    link_visited="#ffb3ff", selection="#ffff00", selection_text="#000000", tooltip_base="#000000",
    tooltip_text="#ffffff", placeholder="#d0d0d0", disabled_text="#b0b0b0", canvas="#000000", outline="#ffff00",
    halo="#000000", hover_fill="#ffff00", hover_alpha=50, selected_fill="#ffff00", selected_alpha=60,
    hover_width=4.0, selected_width=6.0, tag_background="#ffff00", tag_text="#000000", tensed="#ff9e3d",
    narrowed="#00e5ff", gauge_control="#00ff66", gauge_patient="#ff6666", gauge_marker="#ffffff", dark=True)
THEMES = {theme.key: theme for theme in (LIGHT, DARK, HIGH_CONTRAST)}
HighlightTheme = Theme  # the former name


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
    from PySide6.QtGui import QColor, QPalette

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


def install(window) -> None:
    """View ▸ Theme: the three themes and Ctrl+Shift+T to cycle; the choice is remembered."""
    from PySide6.QtGui import QAction, QActionGroup

    menu = window.view_menu.addMenu("&Theme")
    menu.menuAction().setStatusTip("Light, dark or high-contrast colours")
    group = QActionGroup(window)
    window.theme_actions = {}
    for key, theme in THEMES.items():
        action = QAction(window, text=theme.label, checkable=True)
        action.setStatusTip(f"{theme.label.replace('&', '')} colours")
        action.triggered.connect(lambda _checked=False, k=key: set_theme(window, k))
        group.addAction(action)
        menu.addAction(action)
        window.theme_actions[key] = action
    menu.addSeparator()
    window.next_theme_action = window._action("&Next theme", lambda: cycle_theme(window), ["Ctrl+Shift+T"],
                                              "Switch between the light, dark and high-contrast themes")
    menu.addAction(window.next_theme_action)
    key = str(window.settings.value(THEME_KEY, LIGHT.key))
    set_theme(window, key if key in THEMES else LIGHT.key, remember=False)


def cycle_theme(window) -> None:
    keys = list(THEMES)
    set_theme(window, keys[(keys.index(THEME.key) + 1) % len(keys)])


def set_theme(window, key: str, remember: bool = True) -> None:
    from PySide6.QtWidgets import QApplication, QToolTip

    theme = THEMES[key]
    THEME.use(theme)
    window.theme_actions[key].setChecked(True)
    palette = palette_of(theme)
    QApplication.instance().setPalette(palette)
    QToolTip.setPalette(palette)
    window.view.use_theme()
    _show_paper(window.scene, theme.dark)
    window.scene.update()
    rendered = window.panel.rendered
    if rendered is not None:  # glossary terms take the text colour when the lesson is laid out
        position = window.panel.verticalScrollBar().value()
        window.panel.show_lesson(rendered)
        window.panel.verticalScrollBar().setValue(position)
    if remember:
        window.settings.set(THEME_KEY, key)
        window.statusBar().showMessage(f"Theme: {theme.label.replace('&', '')}.", 3000)


def _show_paper(scene, dark: bool) -> None:
    """On a dark canvas the drawing keeps its white paper, so its dark label text stays readable."""
    paper = getattr(scene, "theme_paper", None)
    if paper is None and dark:
        from PySide6.QtGui import QColor, QPen

        from viewer.qt.app.enum_free import solid_brush

        area = scene.diagram_rect.united(scene.itemsBoundingRect())  # art and labels may reach past the viewBox
        no_line = QPen()
        no_line.setColor(QColor(0, 0, 0, 0))  # a dark theme's start-up too builds no Qt namespace
        paper = scene.theme_paper = scene.addRect(area, no_line, solid_brush(PAPER))
        paper.setZValue(-1)
    if paper is not None:
        paper.setVisible(dark)
