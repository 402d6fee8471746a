"""A lesson's words without Markdown, one sentence-like block per line.

Used for readability scores, search and copying. Each heading, paragraph,
list item and table cell ends as a sentence, so a readability formula does
not read a list as one endless sentence.
"""

from __future__ import annotations

from viewer.model.content.lessons import CHART_LINE, CITATION, Lesson

TERMINAL = ".!?:;"


def markdown_to_text(markdown: str) -> str:
    from markdown_it import MarkdownIt  # imported here: not needed on the start-up path

    tokens = MarkdownIt("commonmark").enable("table").parse(CITATION.sub("", markdown))
    lines = []
    for token in tokens:
        if token.type != "inline":
            continue
        words = "".join(child.content if child.type in ("text", "code_inline") else
                        " " if child.type in ("softbreak", "hardbreak") else ""
                        for child in token.children or []).strip()
        words = " ".join(words.split())
        if words:
            lines.append(words if words[-1] in TERMINAL else words + ".")
    return "\n".join(lines)


def lesson_text(lesson: Lesson, level: str) -> str:
    """Title, summary and body at one level, as plain text; each chart becomes its text table."""
    from viewer.model.evidence.charts import text_lines

    body = CHART_LINE.sub(lambda m: "\n\n".join(text_lines(lesson.charts[m.group(1)]))
                          if m.group(1) in lesson.charts else "", lesson.markdown(level))
    return markdown_to_text(f"# {lesson.title}\n\n{lesson.summary}\n\n{body}")
