"""The study cards of a content pack and what each is about: card id -> (region, topic).

A card is one thing the scheduler remembers: "find:<region>", "name:<region>", "q:<question>" or a
label's card. Only structures drawn on the diagram can be asked, so only they have cards.
"""

from __future__ import annotations

from viewer.model.study.label_quiz import diagram_labels


def card_info(content) -> dict[str, tuple[str | None, str | None]]:
    """Every study card of the content -> (region, topic)."""
    info: dict[str, tuple[str | None, str | None]] = {}
    for region in content.index().regions:
        info[f"find:{region.id}"] = (region.id, "anatomy")
        info[f"name:{region.id}"] = (region.id, "anatomy")
    for question in content.questions or []:
        info[f"q:{question.id}"] = (question.region or None, question.topic or None)
    for label in diagram_labels(content.diagram, content.regions):
        info[label.card_id] = (label.region, "anatomy")
    return info
