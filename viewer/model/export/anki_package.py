"""Writes AnkiNotes (anki_cards.py) into an .apkg with genanki: a deck per level and one for the
diagram's labels, each picture stored once.

The ids of the note types and decks are fixed numbers and each note's guid comes from its card id,
so importing a newer export updates the notes a student already has (keeping their review history)
instead of adding duplicates.
"""

from __future__ import annotations

from pathlib import Path

from viewer.model.export.anki_cards import AnkiNote, deck_name

QUESTION_MODEL_ID = 1_734_200_001
OCCLUSION_MODEL_ID = 1_734_200_002
DECK_IDS = {"patient": 1_734_200_101, "clinical": 1_734_200_102, "labels": 1_734_200_103}
GUID_NAMESPACE = "dgs-viewer"

def _models(css: str):
    import genanki

    question = genanki.Model(
        QUESTION_MODEL_ID, "DGS Viewer question",
        fields=[{"name": n} for n in ("Prompt", "Choices", "Answer", "Explanation", "Sources")],
        templates=[{
            "name": "Question",
            "qfmt": '<div class="prompt">{{Prompt}}</div>{{Choices}}',
            "afmt": '{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>'
                    '<div class="why">{{Explanation}}</div>{{#Sources}}<div class="sources">{{Sources}}</div>'
                    '{{/Sources}}',
        }], css=css)
    occlusion = genanki.Model(
        OCCLUSION_MODEL_ID, "DGS Viewer diagram label",
        fields=[{"name": n} for n in ("Image", "Label", "Structure")],
        templates=[{
            "name": "Hidden label",
            "qfmt": '<div class="prompt">What does the outlined label say?</div>{{Image}}',
            "afmt": '{{FrontSide}}<hr id="answer"><div class="answer">{{Label}}</div>'
                    '{{#Structure}}<div class="why">Part of: {{Structure}}</div>{{/Structure}}',
        }], css=css)
    return {"question": question, "occlusion": occlusion}


def write_package(notes: list[AnkiNote], media_dir: Path, output: Path, css: str = "") -> None:
    """Write ``output`` (.apkg). Media named by the notes are read from ``media_dir``; ``css`` styles the
    cards (the interface's theme gives it: viewer/qt/app/theme.py). Raises OSError."""
    import genanki

    models = _models(css)
    decks: dict[str, genanki.Deck] = {}
    media: dict[str, Path] = {}
    for note in notes:
        deck = decks.get(note.deck)
        if deck is None:
            deck = decks[note.deck] = genanki.Deck(DECK_IDS.get(note.deck, DECK_IDS["labels"]), deck_name(note.deck))
        deck.add_note(genanki.Note(model=models[note.kind], fields=list(note.fields), tags=list(note.tags),
                                   guid=genanki.guid_for(GUID_NAMESPACE, note.key)))
        for name in note.media:
            media[name] = media_dir / name  # one file however many notes show it
    package = genanki.Package(list(decks.values()))
    package.media_files = [str(path) for path in media.values()]
    package.write_to_file(str(output))
