"""Every keyboard shortcut of the app, in one table: (id, keys, what it does).

``MainWindow.add_action(..., shortcut="id")`` binds an action to the keys here; Help ▸ Keyboard
shortcuts lists this table, and the README's shortcut table is made from it
(``python -m viewer.qt.app.shortcuts`` prints it; tests/test_shortcuts.py checks the README against
it). Keys a widget handles itself (Tab, Enter, the arrows, Esc in a quiz) are listed with the
module that handles them, so the list is complete. No Qt here: the README check needs none.
"""

from __future__ import annotations

from typing import NamedTuple


class Shortcut(NamedTuple):
    id: str
    keys: tuple[str, ...]     # portable text ("Ctrl+K"); the first is the one shown
    text: str                 # what it does, as Help and the README say it
    group: str
    standard: str = ""        # a QKeySequence.StandardKey bound as well (the platform's own, e.g. Back on macOS)
    handled_by: str = ""      # not an action: the widget module whose key handler does it
    each: bool = False        # one action per key (answers 1-6, ink colours), listed as one row


DIAGRAM, CHAIRSIDE, STUDY, FIND, VIEW, APP = ("The diagram and lessons", "Chairside", "Studying",
                                              "Search, bookmarks and notes", "View", "The app")
MOTION = "Hip in motion: in its picture (click it or Tab to it)"

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("diagram.next", ("Tab", "Shift+Tab"), "Move between structures (top to bottom)", DIAGRAM,
             handled_by="viewer/qt/diagram/view.py"),
    Shortcut("diagram.open", ("Enter", "Space"), "Open the lesson of the structure with the focus", DIAGRAM,
             handled_by="viewer/qt/diagram/view.py"),
    Shortcut("diagram.clear", ("Esc",), "Clear the selection", DIAGRAM, handled_by="viewer/qt/diagram/view.py"),
    Shortcut("diagram.pan", ("Left", "Right", "Up", "Down"), "Pan the diagram", DIAGRAM,
             handled_by="viewer/qt/diagram/view.py"),
    Shortcut("view.zoom_in", ("+", "="), "Zoom in", DIAGRAM),
    Shortcut("view.zoom_out", ("-",), "Zoom out", DIAGRAM),
    Shortcut("view.fit", ("Ctrl+0",), "Fit the diagram to the window", DIAGRAM),
    Shortcut("view.labels", ("L",), "Show or hide labels", DIAGRAM),
    Shortcut("go.back", ("Alt+Left",), "Previous lesson", DIAGRAM, standard="Back"),
    Shortcut("go.forward", ("Alt+Right",), "Next lesson", DIAGRAM, standard="Forward"),
    Shortcut("go.home", ("Alt+Home",), "The overview lesson", DIAGRAM),
    Shortcut("level.patient", ("Ctrl+1",), "Patient reading level", DIAGRAM),
    Shortcut("level.clinical", ("Ctrl+2",), "Clinical reading level", DIAGRAM),
    Shortcut("go.urgent", ("Ctrl+U",), "When to seek help urgently", DIAGRAM),
    Shortcut("layers.deeper", ("]",), "Peel the top layer away (skin, then gluteus maximus)", DIAGRAM),
    Shortcut("layers.shallower", ("[",), "Put the last peeled layer back", DIAGRAM),
    Shortcut("variants.picker", ("V",), "Nerve variant: how the sciatic nerve passes piriformis", DIAGRAM),
    Shortcut("view.motion", ("Ctrl+M",), "Hip in motion: move the hip, watch the ischiofemoral space", DIAGRAM),

    # the axial picture's own keys (viewer/qt/motion/panel.py maps them to the pose; Tab and Enter there
    # walk and open its structures as on the diagram)
    Shortcut("motion.bend", ("Up",), "Bend the hip a step (flexion)", MOTION,
             handled_by="viewer/qt/motion/structure_keys.py"),
    Shortcut("motion.straighten", ("Down",), "Straighten the hip a step, or take the leg further back (extension)", MOTION,
             handled_by="viewer/qt/motion/structure_keys.py"),
    Shortcut("motion.across", ("Right",), "Move the knee a step across the body (adduction)", MOTION,
             handled_by="viewer/qt/motion/structure_keys.py"),
    Shortcut("motion.out", ("Left",), "Move the knee a step out to the side (abduction)", MOTION,
             handled_by="viewer/qt/motion/structure_keys.py"),
    Shortcut("motion.turn_in", ("Page Up",), "Turn the leg a step inward (internal rotation)", MOTION,
             handled_by="viewer/qt/motion/structure_keys.py"),
    Shortcut("motion.turn_out", ("Page Down",), "Turn the leg a step outward (external rotation)", MOTION,
             handled_by="viewer/qt/motion/structure_keys.py"),
    Shortcut("motion.neutral", ("Home",), "Back to lying flat, the MRI position (every angle 0°)", MOTION,
             handled_by="viewer/qt/motion/structure_keys.py"),

    Shortcut("chairside.present", ("F5",), "Present full screen", CHAIRSIDE),
    Shortcut("chairside.leave", ("Esc",), "Leave the presentation", CHAIRSIDE),
    Shortcut("chairside.positions", ("F6",), "Positions: what each one tenses or narrows", CHAIRSIDE),
    Shortcut("chairside.notes", ("F7",), "Notes for the handout", CHAIRSIDE),
    Shortcut("chairside.body_chart", ("Ctrl+Shift+B",), "Body chart: paint where the patient feels it", CHAIRSIDE),
    Shortcut("chairside.home_programme", ("Ctrl+Shift+H",), "Home programme: exercises for the handout", CHAIRSIDE),
    Shortcut("bodychart.next", ("Tab", "Shift+Tab"), "Body chart: select the painted areas one by one", CHAIRSIDE,
             handled_by="viewer/qt/bodychart/canvas.py"),
    Shortcut("bodychart.intensity", tuple("0123456789"), "Body chart: set the selected area's intensity", CHAIRSIDE,
             handled_by="viewer/qt/bodychart/canvas.py", each=True),
    Shortcut("bodychart.more", ("Up", "+", "="), "Body chart: the selected area's intensity one higher", CHAIRSIDE,
             handled_by="viewer/qt/bodychart/canvas.py"),
    Shortcut("bodychart.less", ("Down", "-"), "Body chart: the selected area's intensity one lower", CHAIRSIDE,
             handled_by="viewer/qt/bodychart/canvas.py"),
    Shortcut("bodychart.kind", ("T",), "Body chart: the selected area's next type (pain, pins and needles, numbness)",
             CHAIRSIDE, handled_by="viewer/qt/bodychart/canvas.py"),
    Shortcut("bodychart.remove", ("Delete", "Backspace"), "Body chart: remove the selected area", CHAIRSIDE,
             handled_by="viewer/qt/bodychart/canvas.py"),
    Shortcut("bodychart.done", ("Esc",), "Body chart: let the selected area go (paint again)", CHAIRSIDE,
             handled_by="viewer/qt/bodychart/canvas.py"),
    Shortcut("chairside.pen", ("P",), "Pen: draw on the diagram", CHAIRSIDE),
    Shortcut("chairside.arrow", ("A",), "Arrow: draw arrows", CHAIRSIDE),
    Shortcut("chairside.colour", ("Alt+1", "Alt+2", "Alt+3", "Alt+4"), "Ink colour (red, blue, green, black)",
             CHAIRSIDE, each=True),
    Shortcut("chairside.undo", ("Ctrl+Z",), "Undo drawing", CHAIRSIDE, standard="Undo"),
    Shortcut("chairside.redo", ("Ctrl+Shift+Z",), "Redo drawing", CHAIRSIDE, standard="Redo"),
    Shortcut("chairside.clear", ("Ctrl+Shift+Delete",), "Clear the drawing", CHAIRSIDE),
    Shortcut("chairside.save", ("Ctrl+S",), "Save the handout as PDF", CHAIRSIDE),
    Shortcut("chairside.print", ("Ctrl+P",), "Print the handout", CHAIRSIDE),
    Shortcut("chairside.export", ("Ctrl+E",), "Export the view as PNG", CHAIRSIDE),
    Shortcut("chairside.new_patient", ("Ctrl+N",), "New patient: wipe the drawing, notes and selection",
             CHAIRSIDE),

    Shortcut("study.panel", ("F9",), "Show or hide the Study panel", STUDY),
    Shortcut("study.answer", ("1", "2", "3", "4", "5", "6"), "Choose answer 1–6 in a quiz", STUDY, each=True),
    Shortcut("study.next", ("N",), "Next question (Enter too)", STUDY),
    Shortcut("study.stop", ("Esc",), "Stop the quiz", STUDY, handled_by="viewer/qt/study/panel.py"),

    Shortcut("search.open", ("Ctrl+K",), "Search lessons, the glossary and the questions", FIND),
    Shortcut("notes.bookmark", ("Ctrl+D",), "Bookmark the lesson shown", FIND),
    Shortcut("notes.lesson", ("F8",), "Your own notes on the lesson shown", FIND),

    Shortcut("view.theme", ("Ctrl+Shift+T",), "Next theme (light, dark, high contrast)", VIEW),
    Shortcut("text.bigger", ("Ctrl+=", "Ctrl++"), "Larger text", VIEW),
    Shortcut("text.smaller", ("Ctrl+-",), "Smaller text", VIEW),
    Shortcut("text.reset", ("Ctrl+Alt+0",), "Text at the system's size", VIEW),

    Shortcut("tools.posttest", ("Ctrl+Shift+L",), "Post-test probability calculator", APP),
    Shortcut("help.shortcuts", ("F1",), "This list of keyboard shortcuts", APP),
    Shortcut("app.quit", ("Ctrl+Q",), "Quit", APP, standard="Quit"),
)
BY_ID = {shortcut.id: shortcut for shortcut in SHORTCUTS}
assert len(BY_ID) == len(SHORTCUTS), "shortcut ids must be unique"


def shortcut(shortcut_id: str) -> Shortcut:
    return BY_ID[shortcut_id]


def keys_text(item: Shortcut) -> str:
    """The keys as a reader sees them: 'Ctrl+= or Ctrl++', 'Alt+1 … Alt+4', 'Left, Right, Up, Down'."""
    if item.each and len(item.keys) > 2:
        return f"{item.keys[0]} … {item.keys[-1]}"
    return " or ".join(item.keys) if len(item.keys) <= 2 else ", ".join(item.keys)


def groups() -> dict[str, list[Shortcut]]:
    """The table by group, in the order of the table."""
    out: dict[str, list[Shortcut]] = {}
    for item in SHORTCUTS:
        out.setdefault(item.group, []).append(item)
    return out


def markdown_table() -> str:
    """The README's table of every shortcut (between its shortcuts markers)."""
    lines = ["| Keys | What they do |", "|---|---|"]
    for group, items in groups().items():
        lines.append(f"| **{group}** | |")
        for item in items:
            keys = " / ".join(f"**{key}**" for key in item.keys) if not (item.each and len(item.keys) > 2) \
                else f"**{item.keys[0]}** … **{item.keys[-1]}**"
            lines.append(f"| {keys} | {item.text} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
