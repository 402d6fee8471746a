"""Issue 19: the handout names the nerve type chosen on the diagram, in words from regions.toml."""

from __future__ import annotations

from pathlib import Path

import pytest
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


def _headless_handout(repo, tmp_path, *extra):
    import os
    import subprocess
    import sys

    out = tmp_path / f"handout{'-'.join(extra)}.pdf"
    env = dict(os.environ, PYTHONPATH=str(repo))
    result = subprocess.run([sys.executable, "main.py", "--handout", "sciatic-nerve", "--output", str(out), *extra],
                            cwd=repo, env=env, capture_output=True, text=True, timeout=120)
    return result, out


def _piriformis_pixels(path: Path) -> list:
    """The handout picture's piriformis area (diagram units 470-1170 x 230-560, where the types differ)."""
    from pypdf import PdfReader

    image = PdfReader(str(path)).pages[0].images[0].image.convert("L")
    scale = image.width / 1600  # the picture is the whole diagram, 1600 units wide
    box = tuple(round(v * scale) for v in (470, 230, 1170, 560))
    return list(image.crop(box).resize((140, 66)).tobytes())


def test_headless_handout_draws_and_names_the_type_given_with_variant(repo, tmp_path):
    """--handout --variant B: the nerve drawn through piriformis and the type named in words, as "Save
    handout" does after the picker; --variant A (the usual path) is drawn as without it and not named."""
    results = {name: _headless_handout(repo, tmp_path, *extra)
               for name, extra in (("none", ()), ("A", ("--variant", "A")), ("B", ("--variant", "B")))}
    for name, (result, _out) in results.items():
        assert result.returncode == 0 and result.stderr == "", (name, result.stderr)
    text = {name: _pdf_text(out) for name, (_result, out) in results.items()}
    assert "Nerve variant shown" not in text["none"] and "Nerve variant shown" not in text["A"]
    assert ("Nerve variant shown: type B \u2014 the nerve divides; one part passes through the piriformis muscle, "
            "one below it (about 1 in 10 legs; usually harmless).") in text["B"]
    usual, chosen = _piriformis_pixels(results["none"][1]), _piriformis_pixels(results["B"][1])
    assert _piriformis_pixels(results["A"][1]) == usual
    changed = sum(abs(a - b) > 24 for a, b in zip(usual, chosen)) / len(usual)
    assert changed > 0.05, changed  # the muscle and the top of the nerve are drawn anew


@pytest.mark.parametrize("value", ["G", "b"])
def test_headless_handout_with_an_unknown_variant_is_one_line_and_exit_2(repo, tmp_path, value):
    result, out = _headless_handout(repo, tmp_path, "--variant", value)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"dgs-viewer: error: unknown variant '{value}' (known: A, B, C, D, E, F)\n"
    assert not out.exists()
