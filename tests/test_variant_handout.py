"""Issue 19: the handout names the nerve type chosen on the diagram, in words from regions.toml."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from viewer.model.variants.spec import handout_line, load_variants


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def test_each_type_has_plain_words_and_how_common(repo):
    variants, problems = load_variants(repo / "resources" / "regions.toml")
    assert problems == [] and [v.id for v in variants] == list("ABCDEF")
    lines = {v.id: handout_line(v) for v in variants}
    assert lines["B"] == ("Nerve variant shown: type B \u2014 the nerve divides; one part passes through the piriformis "
                          "muscle, one below it (about 1 in 10 legs; usually harmless).")
    assert all(line.startswith(f"Nerve variant shown: type {vid} \u2014 ") and line.endswith(").")
               for vid, line in lines.items())
    patient = (repo / "lessons" / "variants.md").read_text(encoding="utf-8")
    assert "about 1 in 10 legs" in patient and "1 in 7 legs" in patient  # the figures the words come from


def test_a_written_variant_without_words_gets_no_line(repo):
    variants, _ = load_variants(repo / "resources" / "regions.toml")
    assert handout_line(variants[0].__class__(**{**variants[1].__dict__, "plain": ""})) == ""


def test_handout_names_the_type_chosen_in_the_picker(open_window, repo, tmp_path):
    from viewer.qt.chairside.handout import write_pdf

    window = open_window(repo, select="sciatic-nerve")
    usual = tmp_path / "usual.pdf"
    assert write_pdf(window.chairside.handout_document("a4"), usual, "a4")
    assert "Nerve variant shown" not in _pdf_text(usual)  # type A, the usual path the picture shows anyway
    window.variant_control.picker_action.trigger()
    QTest.mouseClick(window.variant_control._picker.buttons["B"], Qt.MouseButton.LeftButton)
    chosen = tmp_path / "type-b.pdf"
    assert write_pdf(window.chairside.handout_document("a4"), chosen, "a4")
    text = _pdf_text(chosen)
    assert "Nerve variant shown: type B" in text and "one part passes through the piriformis" in text
    assert "(about 1 in 10 legs; usually harmless)" in text
