"""A lesson's words without Markdown, one sentence-like block per line.

Used for readability scores, search and copying. Each heading, paragraph,
list item and table cell ends as a sentence, so a readability formula does
not read a list as one endless sentence. Citations are dropped (with the
space before them), unless a bibliography is given: then they stay as
numbered markers, "[3]", and the numbered reference list follows, as in the
lesson panel.
"""

from __future__ import annotations

from viewer.model.content.lessons import CHART_LINE, Lesson, drop_citations
from viewer.model.content.references import Reference

TERMINAL = ".!?:;"


def markdown_to_text(markdown: str) -> str:
    from markdown_it import MarkdownIt  # imported here: not needed on the start-up path

    tokens = MarkdownIt("commonmark").enable("table").parse(drop_citations(markdown))
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


def lesson_text(lesson: Lesson, level: str, bibliography: dict[str, Reference] | None = None) -> str:
    """Title, summary and body at one level, as plain text; each chart becomes its text table. With
    ``bibliography``, citations are numbered "[3]" and the reference list ends the text."""
    from viewer.model.content.render import number_citations
    from viewer.model.evidence.charts import text_lines

    def chart_text(match) -> str:
        chart = lesson.charts.get(match.group(1))
        if chart is None:
            return ""
        cited = f" [{'; '.join('@' + key for key in chart.cite_keys())}]" if chart.cite_keys() else ""
        return "\n\n".join(text_lines(chart)) + cited  # sources numbered where the panel numbers them

    body = CHART_LINE.sub(chart_text, lesson.markdown(level))
    order: list[str] = []
    if bibliography is not None:
        body, order = number_citations(body, bibliography, lambda numbers: f"\\[{', '.join(map(str, numbers))}\\]")
        order += [key for key in lesson.references if key in bibliography and key not in order]
    text = markdown_to_text(f"# {lesson.title}\n\n{lesson.summary}\n\n{body}")
    if bibliography is None or not order:
        return text
    entries = [f"{n}. {reference_text(bibliography[key])}" for n, key in enumerate(order, start=1)]
    return "\n".join([text, "", "References.", *entries])


def reference_text(reference: Reference) -> str:
    """One entry of the reference list as plain text: the citation, then its DOI, PMID and PMCID (or
    its web address when it has none of them)."""
    ids = [f"doi:{reference.doi}" if reference.doi else "", f"PMID {reference.pmid}" if reference.pmid else "",
           reference.pmcid]
    ids = [i for i in ids if i] or ([reference.url] if reference.url else [])
    return " ".join([reference.citation(), *(i if i == reference.url else i + "." for i in ids)])
