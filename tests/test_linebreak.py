"""Where lesson words may break in a narrow column (viewer/model/content/linebreak.py) and tables
stacked for it (narrow.py): plain text, no display."""

from __future__ import annotations

import pytest

from viewer.model.content.linebreak import BREAK, SOFT_HYPHEN, breakable, shortest_hyphenated, unbreakable
from viewer.model.content.narrow import stack_tables


def shown(text: str, min_word: int = 6) -> str:
    return breakable(text, min_word).replace(SOFT_HYPHEN, "-").replace(BREAK, "|")


@pytest.mark.parametrize("word, expected", [
    ("Ischiofemoral", "Is-chio-fe-mo-ral"),
    ("intertrochanteric", "in-ter-tro-chan-te-ric"),
    ("electrophysiological", "elec-tro-phy-sio-lo-gi-cal"),
    ("obturator", "ob-tu-ra-tor"),
    ("hamstring", "ham-string"),
    ("syndrome", "syn-drome"),
    ("posterior", "pos-te-rior"),
    ("function", "func-tion"),
    ("semimembranosus", "se-mi-mem-bra-no-sus"),
    ("Gemelli-obturator", "Ge-melli-ob-tu-ra-tor"),
])
def test_long_words_get_soft_hyphens_at_syllables(word, expected):
    assert shown(word) == expected


def test_short_words_acronyms_and_short_ends_are_left_alone():
    assert shown("nerve and MRI ISCHIOFEMORAL") == "nerve and MRI ISCHIOFEMORAL"
    for word in ("sciatic", "tuberosity", "piriformis", "common"):
        pieces = shown(word).split("-")
        assert len(pieces[0]) >= 2 and len(pieces[-1]) >= 3, word  # two letters before a break, three after


def test_a_wider_column_hyphenates_only_longer_words():
    assert shortest_hyphenated(9) == 6 and shortest_hyphenated(30) == 15
    assert shown("between ischiofemoral", 7) == "be-tween is-chio-fe-mo-ral"
    assert shown("between ischiofemoral", 10) == "between is-chio-fe-mo-ral"


def test_identifiers_break_after_punctuation_without_a_hyphen():
    assert shown("doi:10.3171/spi.2005.2") == "doi:|10.|3171/|spi.|2005.|2"
    assert shown("https://pubmed.ncbi.nlm.nih.gov/15739520/") == "https://|pubmed.|ncbi.|nlm.|nih.|gov/|1573|9520/"
    assert shown("PMC4718497") == "PMC|471|8497"
    assert shown("2018;47(6):763-770.") == "2018;|47(6):|763-|770."
    assert shown("(p<0.001);") == "(p<|0.001);"  # never inside a decimal number
    assert "-" not in shown("https://example.org/diagnostics").replace("https://", "")  # no hyphen drawn in a link
    assert shown("entrapment/decompression") == "en-trap-ment/de-com-pres-sion"  # prose, not a link


def test_the_marks_come_out_again():
    text = "The ischiofemoral space (doi:10.1093/jhps/hnv029) is narrowed in electrophysiological tests."
    assert breakable(text) != text
    assert unbreakable(breakable(text)) == text


def test_tables_are_stacked_as_rows_named_by_their_columns():
    markdown = ("Before\n\n| | DGS (buttock) | From the back |\n|---|---|---|\n"
                "| Where it hurts | Deep in the buttock | Below the knee |\n| Back pain | | Often |\n\nAfter")
    stacked = stack_tables(markdown)
    assert "|" not in stacked
    assert ("**Where it hurts**\n\n- *DGS (buttock):* Deep in the buttock\n- *From the back:* Below the knee"
            in stacked)
    assert "**Back pain**\n\n- *From the back:* Often" in stacked  # an empty cell is left out
    assert stacked.startswith("Before") and stacked.rstrip().endswith("After")


def test_a_table_inside_a_code_fence_and_an_escaped_pipe_are_kept():
    fenced = "```\n| a | b |\n|---|---|\n| 1 | 2 |\n```"
    assert stack_tables(fenced) == fenced
    stacked = stack_tables("| Test | Result |\n|---|---|\n| A \\| B | LR+ 5 |")
    assert "**A \\| B**" in stacked and "- *Result:* LR+ 5" in stacked
