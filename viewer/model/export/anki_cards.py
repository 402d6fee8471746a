"""What goes on each Anki card, as plain data: one note per study question and one image-occlusion
note per label of the diagram. Writing the .apkg is anki_package.py's job; drawing the pictures is
the Qt side's (viewer/qt/study/anki_images.py).

Every note's key is the app's own card id ("q:<question id>", "label:<label id>"), so the note keeps
its identity across exports and Anki updates it in place instead of adding a copy.
"""

from __future__ import annotations

import html
import re

from viewer.model.core.record import record

LEVEL_NAMES = {"patient": "Patient", "clinical": "Clinical"}
LABEL_DECK = "labels"


@record(frozen=True)
class AnkiNote:
    key: str                   # the app's card id: stable across exports
    kind: str                  # "question" or "occlusion"
    deck: str                  # a level ("patient", "clinical") or LABEL_DECK
    fields: tuple[str, ...]    # in the order of the note type's fields (anki_package.py)
    tags: tuple[str, ...]
    media: tuple[str, ...] = ()


def tag(text: str) -> str:
    """Anki tags have no spaces: "red flags" -> "red-flags"."""
    return re.sub(r"[^\w:-]+", "-", text.strip().lower()).strip("-") or "untagged"


def question_note(question, bibliography: dict, region_names: dict[str, str]) -> AnkiNote:
    """Prompt; choices (numbered, as in the app); the answer; why; the sources in full."""
    if question.kind == "find":
        names = [region_names.get(r, r) for r in question.regions]
        answer = question.answer_text or ", ".join(names)
        choices = ""
    else:
        answer = question.right_answer
        choices = "<ol>" + "".join(f"<li>{html.escape(c)}</li>" for c in question.choices) + "</ol>"
    sources = [bibliography[key].citation(with_note=False) for key in question.cite if key in bibliography]
    tags = ["dgs-viewer", f"level::{question.level}", f"topic::{tag(question.topic)}"]
    if question.region:
        tags.append(f"structure::{question.region}")
    return AnkiNote(
        key=question.card_id, kind="question", deck=question.level,
        fields=(html.escape(question.prompt), choices, html.escape(answer), html.escape(question.explanation),
                "<br>".join(html.escape(s) for s in sources)),
        tags=tuple(tags))


def occlusion_note(label, image_name: str, region_names: dict[str, str]) -> AnkiNote:
    """Front: the diagram with every label covered and this one outlined; back: its name."""
    structure = region_names.get(label.region, "") if label.region else ""
    tags = ["dgs-viewer", "topic::anatomy", "image-occlusion"]
    if label.region:
        tags.append(f"structure::{label.region}")
    return AnkiNote(
        key=label.card_id, kind="occlusion", deck=LABEL_DECK,
        fields=(f'<img src="{image_name}">', html.escape(label.text), html.escape(structure)),
        tags=tuple(tags), media=(image_name,))


def anki_notes(questions, labels, bibliography: dict, region_names: dict[str, str], levels: tuple[str, ...],
               images: dict[str, str]) -> list[AnkiNote]:
    """Every question at ``levels``, then one occlusion note for each label that has a picture
    (``images``: label id -> media file name)."""
    notes = [question_note(q, bibliography, region_names) for q in questions if q.level in levels]
    notes += [occlusion_note(label, images[label.id], region_names) for label in labels if label.id in images]
    return notes


def deck_name(deck: str) -> str:
    if deck == LABEL_DECK:
        return "DGS Viewer::Diagram labels"
    return f"DGS Viewer::{LEVEL_NAMES.get(deck, deck.title())} questions"
