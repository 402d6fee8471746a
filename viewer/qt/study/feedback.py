"""What the Study panel says after an answer and at the end of a session, and its "Read more" links.

A Read more link opens the lesson at the question's section; when that section is written only for
the other reading level, the level switches (and the status bar says so) rather than landing at the
top of a lesson that does not have it.
"""

from __future__ import annotations

import html

from viewer.model.content.lessons import CITATION
from viewer.model.study.quiz import Outcome, QuizSession, Task
from viewer.qt.app.theme import COLOURS
from PySide6.QtGui import QPalette

LEVEL_NAMES = {"patient": "Patient", "clinical": "Clinical"}


def verdict_colours(widget) -> tuple[str, str]:
    """Right and wrong text colours that keep AA contrast on the theme's background."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return (COLOURS.right_on_dark, COLOURS.wrong_on_dark) if dark else (COLOURS.right, COLOURS.wrong)


def feedback_html(window, session: QuizSession, task: Task, outcome: Outcome) -> str:
    right = html.escape(outcome.right)
    RIGHT, WRONG = verdict_colours(window)  # noqa: N806
    if outcome.correct:
        parts = [f"<p style='color:{RIGHT}'><b>✓ Right</b> — {right}</p>"]
    elif outcome.given:
        if task.kind == "find":
            given = f"You clicked: {html.escape(session.region_name(outcome.clicked))}."
        else:
            given = f"You answered: {html.escape(outcome.given)}."
        parts = [f"<p style='color:{WRONG}'><b>✗ Not quite.</b> {given}</p>",
                 f"<p><b>The answer:</b> {right}</p>"]
    else:
        parts = [f"<p><b>The answer:</b> {right}</p>"]
    question = task.question
    if question is not None:
        parts.append(f"<p>{html.escape(CITATION.sub('', question.explanation).strip())}</p>")
    link = read_more_link(window, *lesson_of(window, task))
    if link:
        parts.append(f"<p>{link}</p>")
    return "".join(parts)


def lesson_of(window, task: Task) -> tuple[str | None, str]:
    """The lesson (and section) that explains a task: the question's own, else its structure's."""
    if task.question is not None:
        return task.question.lesson, task.question.anchor
    region = window.content.region(task.region) if task.region else None
    return (region.lesson if region else None), ""


def read_more_link(window, lesson_id: str | None, anchor: str, text: str = "Read more") -> str:
    lesson = window.content.lessons.get(lesson_id or "")
    if lesson is None:
        return ""
    title = lesson.title
    if anchor:
        heading = next((line.text.lstrip("#").strip() for line in lesson.body_lines()
                        if line.text.startswith("#") and _slug(line.text.lstrip("#")) == anchor), "")
        title = f"{title} › {heading}" if heading else title
    target = f"{lesson.id}#{anchor}" if anchor else lesson.id
    return f"{text}: <a href='lesson:{target}'>{html.escape(title)}</a>"


def results_html(window, session: QuizSession) -> str:
    lines = []
    for task, outcome in session.missed():
        prompt = "The highlighted structure" if task.kind == "name" else (
            "The highlighted label" if task.kind == "label" else task.prompt)
        link = read_more_link(window, *lesson_of(window, task))
        lines.append(f"<li>{html.escape(prompt)} — <b>{html.escape(outcome.right)}</b>"
                     + (f"<br>{link}" if link else "") + "</li>")
    if lines:
        return "<p>Worth another look:</p><ul>" + "".join(lines) + "</ul>"
    return "<p>All right. The scheduler will bring these cards back later.</p>"


def open_read_more(window, href: str) -> None:
    lesson_id, _, anchor = href.removeprefix("lesson:").partition("#")
    lesson = window.content.lessons.get(lesson_id)
    if lesson is None:
        return
    level = window.level
    if anchor and anchor not in _slugs(window, lesson, level):
        other = "clinical" if level == "patient" else "patient"
        if anchor in _slugs(window, lesson, other):
            window.set_level(other)   # the section is written for the other level only
            window.statusBar().showMessage(f"That section is in the {LEVEL_NAMES[other]} text: "
                                           f"switched to {LEVEL_NAMES[other]} (Ctrl+"
                                           f"{1 if other == 'patient' else 2} goes back).", 8000)
    window.open_lesson(lesson_id, anchor)  # the quiz keeps the lesson's structure unhighlighted


def _slug(text: str) -> str:
    from viewer.model.content.render import slugify

    return slugify(text)


def _slugs(window, lesson, level: str) -> set[str]:
    from viewer.model.content.render import render_lesson

    rendered = render_lesson(lesson, level, window.content.bibliography, window.content.glossary)
    return {slug for _level, _text, slug in rendered.headings}
