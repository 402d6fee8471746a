"""Turns a lesson into the Markdown a reader sees at one reading level.

Citations ``[@key]`` become numbered links to the reference list at the end,
in order of first use; references named only in the front matter follow.
The result is plain CommonMark (plus tables), so any Markdown renderer can
show it.
"""

from __future__ import annotations

import re
from dataclasses import field

from viewer.model.content.lessons import CHART_LINE, SPACED_CITATION, Lesson
from viewer.model.core.record import record
from viewer.model.content.references import Reference

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@record
class RenderedLesson:
    """A lesson at one reading level, ready to show: Markdown, numbered references, headings."""

    markdown: str
    references: list[Reference]
    headings: list[tuple[int, str, str]]  # (level, text, slug)
    charts: list = field(default_factory=list)  # viewer.model.evidence.charts.Chart shown at this level, in order


def render_lesson(lesson: Lesson, level: str, bibliography: dict[str, Reference], glossary=None) -> RenderedLesson:
    body = lesson.markdown(level)
    if glossary is not None:
        body = glossary.mark_terms(body, clinical=level == "clinical")
    charts = [lesson.charts[m.group(1)] for m in CHART_LINE.finditer(body) if m.group(1) in lesson.charts]
    body = CHART_LINE.sub(lambda m: chart_markdown(lesson.charts[m.group(1)]) if m.group(1) in lesson.charts
                          else "", body)
    body, order = number_citations(body, bibliography,
                                   lambda numbers: "\\[" + ", ".join(f"[{n}](#ref-{n})" for n in numbers) + "\\]")
    order += [key for key in lesson.references if key in bibliography and key not in order]
    references = [bibliography[k] for k in order]

    parts = [f"# {lesson.title}", "", f"*{lesson.summary}*", "", body.strip(), ""]
    if references:
        parts += ["## References", ""]
        for n, ref in enumerate(references, start=1):
            links = " ".join(f"[{label}]({url})" for label, url in ref.links())
            parts.append(f"{n}. {_escape(ref.citation())} {links}".rstrip())
        parts.append("")
    if lesson.reviewed:
        parts += [f"*Last reviewed: {lesson.reviewed}*", ""]
    markdown = "\n".join(parts)
    headings = [(len(m.group(1)), m.group(2), slugify(m.group(2)))
                for m in (HEADING.match(line) for line in markdown.splitlines()) if m]
    return RenderedLesson(markdown, references, headings, charts)


def number_citations(text: str, bibliography: dict[str, Reference], marker) -> tuple[str, list[str]]:
    """Each ``[@a; @b]`` becomes ``marker(numbers)``, numbered in order of first use; returns the text
    and the cited keys in that order. A citation of nothing known goes with the space before it."""
    order: list[str] = []

    def cite(match: re.Match) -> str:
        keys = [k.strip().lstrip("@") for k in match.group(2).split(";")]
        for key in keys:
            if key in bibliography and key not in order:
                order.append(key)
        numbers = [order.index(k) + 1 for k in keys if k in bibliography]
        return match.group(1) + marker(numbers) if numbers else ""

    return SPACED_CITATION.sub(cite, text), order


def chart_markdown(chart) -> str:
    """A chart's place in the text: an image the panel draws the live chart over, and a caption
    with its source. The image's alt text is the chart as sentences."""
    from viewer.model.evidence.charts import text_lines

    alt = re.sub(r"[\[\]]", "", " ".join(text_lines(chart)))
    cites = "; ".join(f"@{key}" for key in chart.cite_keys())
    return (f"![{alt}](chart:{chart.id})\n\n"
            f"*Chart: {_escape(chart.title)}; sources* [{cites}]")


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)
