"""Which words the lesson underlines as glossary terms: once per section, at Clinical level only what a
student could need, and whole names, never a piece of a nerve's name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from viewer.model.content.glossary import Glossary, Term
from viewer.model.content.loader import load_content

REPO = Path(__file__).resolve().parent.parent
CONTENT = load_content(REPO)
LINK = re.compile(r"\[([^\]]+)\]\(glossary:([^)]+)\)")
STOP = "and|or|of|the|a|an|to|in|at|on|with|from|by|for|is|are|was|were|its|this|that|can|may"
EVERYDAY = ("medial", "inferior", "posterior", "lateral", "superior", "flexion", "femur")


# names that must be underlined whole or not at all: the diagram's structures, the glossary's nerves
# and vessels, and nerve names as the lessons list them ("inferior gluteal, posterior femoral
# cutaneous and pudendal nerves")
NAMES = sorted({region.name for region in CONTENT.regions if " " in region.name}
               | {term.term for term in CONTENT.glossary.terms.values()
                  if term.term.lower().endswith(("nerve", "artery", "vessels"))}
               | {"posterior femoral cutaneous", "inferior gluteal", "superior gluteal", "pudendal nerves",
                  "nerve to obturator internus", "nerves to obturator internus", "nerve to quadratus femoris",
                  "medial circumflex femoral artery", "common peroneal nerve"})


def unlinked(markdown: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The text with glossary links taken out, and where each marked term lies in it."""
    plain, spans, position = [], [], 0
    length = 0
    for match in LINK.finditer(markdown):
        before = markdown[position:match.start()]
        plain.append(before)
        length += len(before)
        spans.append((length, length + len(match.group(1)), match.group(1)))
        plain.append(match.group(1))
        length += len(match.group(1))
        position = match.end()
    plain.append(markdown[position:])
    return "".join(plain), spans


def sections(markdown: str) -> list[str]:
    return re.split(r"^#{1,6} .*$", markdown, flags=re.MULTILINE)


def small_glossary() -> Glossary:
    return Glossary([Term("Pudendal nerve", "A nerve.", ("pudendal",)), Term("Femur", "Thigh bone.", ("femoral",)),
                     Term("Obturator internus", "A muscle."), Term("Medial", "Towards the middle.", basic=True),
                     Term("Inferior", "Below.", basic=True)])


def test_basic_terms_are_marked_for_patients_only():
    glossary = small_glossary()
    text = "The medial edge lies inferior to it."
    assert "glossary:medial" in glossary.mark_terms(text)
    assert "glossary:" not in glossary.mark_terms(text, clinical=True)


def test_a_term_is_marked_once_in_each_section():
    glossary = small_glossary()
    marked = glossary.mark_terms("The femur here, the femur again.\n\n## Next\n\nThe femur once more.")
    assert marked.count("glossary:femur") == 2
    first, second = sections(marked)
    assert first.count("glossary:femur") == 1 and second.count("glossary:femur") == 1


def test_a_term_is_never_a_piece_of_a_longer_name():
    glossary = small_glossary()
    marked = glossary.mark_terms("The inferior gluteal, posterior femoral cutaneous and pudendal nerves exit "
                                 "below. The nerve to obturator internus runs near. The femoral neck is short.")
    assert "[pudendal nerves](glossary:pudendal-nerve)" in marked  # the whole name
    assert "[femoral](glossary:femur) cutaneous" not in marked
    assert "[obturator internus]" not in marked
    assert "[femoral](glossary:femur) neck" in marked  # not a nerve: the bone's word is marked


@pytest.mark.parametrize("lesson_id", sorted(CONTENT.lessons))
def test_bundled_lessons_clinical_marks(lesson_id):
    from viewer.model.content.render import render_lesson

    lesson = CONTENT.lessons[lesson_id]
    for level in ("patient", "clinical"):
        markdown = render_lesson(lesson, level, CONTENT.bibliography, CONTENT.glossary).markdown
        for section in sections(markdown):
            slugs = [slug for _text, slug in LINK.findall(section)]
            assert len(slugs) == len(set(slugs)), f"{level}: a term marked twice in one section"
        links = LINK.findall(markdown)
        for text, slug in links:
            if level == "clinical":
                assert not CONTENT.glossary.definition(slug).basic, f"{text!r} is an everyday word"
                assert text.lower() not in EVERYDAY
        plain, spans = unlinked(markdown)
        for name in NAMES:
            for found in re.finditer(re.escape(name), plain, re.IGNORECASE):
                for start, end, text in spans:
                    if start < found.end() and end > found.start() and not (start <= found.start()
                                                                            and end >= found.end()):
                        raise AssertionError(f"{level}: {text!r} marked as a piece of {found.group(0)!r}")


def test_clinical_text_underlines_none_of_the_everyday_words():
    from viewer.model.content.render import render_lesson

    marked = {text.lower() for lesson in CONTENT.lessons.values()
              for text, _slug in LINK.findall(render_lesson(lesson, "clinical", CONTENT.bibliography,
                                                            CONTENT.glossary).markdown)}
    assert marked and not marked & set(EVERYDAY)
