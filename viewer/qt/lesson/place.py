"""Where the reader is in the lesson view, kept when the lesson is laid out anew: a larger or smaller
text size, or the narrow form of a lesson (tables stacked, numbers in the text) taking over from the
wide one. The place is the paragraph at the top of the view and how far into it the view starts, not
the pixel offset; the paragraph is found again by its words, as block numbers differ between the forms.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint

from viewer.model.content.linebreak import unbreakable

SHORTEST_MATCH = 12  # letters: a shorter paragraph is found again only by its exact words


@dataclass(frozen=True)
class ReadingPlace:
    number: int   # the paragraph's block number
    into: float   # how far into it the view starts, as a share of its height
    text: str     # its words


TOP = ReadingPlace(0, 0.0, "")


def reading_place(panel) -> ReadingPlace:
    """At the top of the lesson, the top (a lesson not laid out yet for this width has empty paragraph
    boxes, and walking them from the top would end at the last paragraph, the reference list)."""
    layout, top = panel.document().documentLayout(), panel.verticalScrollBar().value()
    if panel.rendered is None or top <= 0:
        return TOP
    block = panel.cursorForPosition(QPoint(0, 0)).block()
    while block.next().isValid() and layout.blockBoundingRect(block).bottom() <= top:
        block = block.next()  # the paragraph above may reach the top edge with its margin only
    rect = layout.blockBoundingRect(block)
    return ReadingPlace(block.blockNumber(), max(0.0, top - rect.top()) / max(rect.height(), 1.0),
                        unbreakable(block.text()).strip())


def restore_place(panel, place: ReadingPlace) -> None:
    """Scroll so that the same words are at the top of the view (the very top for TOP: above the first
    paragraph lies the document's margin)."""
    if place == TOP:
        panel.verticalScrollBar().setValue(0)
        return
    document = panel.document()
    block = _same_paragraph(document, place)
    rect = document.documentLayout().blockBoundingRect(block)
    panel.verticalScrollBar().setValue(round(rect.top() + place.into * rect.height()))


def _same_paragraph(document, place: ReadingPlace):
    """The block with the place's words (the nearest to its number when several have them; in a
    stacked table or a numbered list the words are part of the block's), or the same number."""
    exact, within = [], []
    if place.text:
        block = document.begin()
        while block.isValid():
            text = unbreakable(block.text()).strip()
            if text == place.text:
                exact.append(block)
            elif len(place.text) >= SHORTEST_MATCH and place.text in text:
                within.append(block)
            block = block.next()
    found = exact or within
    if found:
        return min(found, key=lambda b: abs(b.blockNumber() - place.number))
    return document.findBlockByNumber(place.number)
