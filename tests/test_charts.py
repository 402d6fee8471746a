"""Charts declared as data in lessons: parsing, problems with file:line, honest sources, text tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from viewer.model.evidence.charts import describe_value, parse_chart, text_lines
from viewer.model.content.check import check_content
from viewer.model.content.loader import load_content
from viewer.model.content.lessons import parse_lesson
from viewer.model.content.plaintext import lesson_text
from viewer.model.content.render import render_lesson

REPO = Path(__file__).resolve().parent.parent
BUNDLED = load_content(REPO)
ALL_CHARTS = [(lesson.id, chart) for lesson in BUNDLED.lessons.values() for chart in lesson.charts.values()]

RANGE_CHART = """\
id = "space"
type = "range"
title = "A space"
unit = "mm"
series = ["Patients", "Controls"]
patient_value = true

[[item]]
label = "Study A"
values = [10.0, 20.0]
sd = [2.0, 4.0]
n = ["50 hips", "40 hips"]
source = "Smith 2020"
cite = ["smith2020"]

[[cutoff]]
value = 15
label = "the study's cut-off"
cite = ["smith2020"]
"""

LESSON = """\
+++
id = "charted"
title = "Charted"
summary = "A lesson with a chart."
reviewed = "2026-11-21"
+++
Shared text.
::: clinical
Numbers follow [@smith2020].

```chart
{body}
```

After the chart.
:::
::: patient
Plain words.
:::
"""


def lesson_with(body: str, path: Path = Path("charted.md")):
    return parse_lesson(LESSON.format(body=body), path)


def test_a_chart_block_becomes_a_chart_at_its_level():
    lesson, problems = lesson_with(RANGE_CHART)
    assert problems == []
    chart = lesson.charts["space"]
    assert chart.level == "clinical" and chart.line == 11
    assert chart.items[0].values == [10.0, 20.0] and chart.items[0].n == ["50 hips", "40 hips"]
    assert chart.cutoffs[0].value == 15
    assert "<!-- chart:space -->" in lesson.markdown("clinical")
    assert "chart" not in lesson.markdown("patient") and 'type = "range"' not in lesson.markdown("clinical")


def test_series_names_mid_sentence_are_lowered_unless_the_chart_says_otherwise():
    chart, _ = parse_chart(RANGE_CHART.replace('"Controls"]', '"IFI patients", "Martin cohort"]')
                           .replace("[10.0, 20.0]", "[10.0, 20.0, 30.0]").replace("[2.0, 4.0]", "[2.0, 4.0, 1.0]")
                           .replace('n = ["50 hips", "40 hips"]', 'n = "90 hips"'), Path("x.md"), 1)
    assert [chart.phrase(i) for i in range(3)] == ["patients", "IFI patients", "martin cohort"]
    chart.series_phrase = ["", "", "Martin cohort"]  # a proper noun, as the author writes it
    assert chart.phrase(2) == "Martin cohort" and chart.phrase(0) == "patients"
    named, _ = parse_chart(RANGE_CHART.replace('patient_value = true', 'series_phrase = ["Patients", "Controls"]'),
                           Path("x.md"), 1)
    assert "within 1 SD of Patients" in " ".join(describe_value(named, 12))


def test_words_for_a_patient_value():
    chart, _ = parse_chart(RANGE_CHART, Path("x.md"), 1)
    words = " ".join(describe_value(chart, 12))
    assert "12 mm is below the 15 mm line" in words
    assert "within 1 SD of patients" in words and "controls 20 ± 4" in words  # mid-sentence: lower case
    assert "above the 15 mm line" in " ".join(describe_value(chart, 30))
    assert "wider than 1 SD above every group's average" in " ".join(describe_value(chart, 50))
    assert "narrower than 1 SD below every group's average" in " ".join(describe_value(chart, 2))


@pytest.mark.parametrize("change, line, message", [
    (('sd = [2.0, 4.0]', 'sd = [2.0, -4.0]'), 22, "'sd' must be 2 numbers"),
    (('values = [10.0, 20.0]', 'values = [10.0]'), 21, "'values' must be 2 numbers"),
    (('cite = ["smith2020"]\n\n[[cutoff]]', '\n[[cutoff]]'), 19, "needs a citation"),
    (('n = ["50 hips", "40 hips"]\n', ''), 19, "study size"),
    (('type = "range"', 'type = "pie"'), 11, "'type' must be one of"),
    (('title = "A space"', 'title = ['), 15, "invalid TOML"),
    (('value = 15', 'value = "15"'), 28, "a cutoff needs a number"),
])
def test_bad_chart_data_is_reported_with_its_line(change, line, message):
    lesson, problems = lesson_with(RANGE_CHART.replace(*change))
    assert any(p.line == line and message in p.message for p in problems), [str(p) for p in problems]


def test_bad_accuracy_values_are_reported():
    body = ('id = "acc"\ntype = "accuracy"\ntitle = "Tests"\n\n[[item]]\nlabel = "T"\nsens = 1.5\nspec = 0.9\n'
            'cite = ["smith2020"]\n')
    lesson, problems = lesson_with(body)
    assert "acc" not in lesson.charts
    assert any(p.line == 18 and "'sens' must be a number from 0 to 1" in p.message for p in problems)


def test_an_unclosed_chart_block_is_reported():
    text = LESSON.format(body=RANGE_CHART).replace("```\n\nAfter", "\nAfter")
    _lesson, problems = parse_lesson(text, Path("charted.md"))
    assert any("never closed" in p.message and p.line == 11 for p in problems)


def test_check_reports_unknown_cite_keys_with_file_and_line(mini_dir):
    path = mini_dir / "lessons" / "charted.md"
    path.write_text(LESSON.format(body=RANGE_CHART.replace('cite = ["smith2020"]\n\n[[cutoff]]',
                                                            'cite = ["nobody1999"]\n\n[[cutoff]]')), encoding="utf-8")
    problems = [p for p in check_content(load_content(mini_dir)) if p.path.name == "charted.md"]
    assert [(p.line, p.message) for p in problems] == [
        (19, "chart 'space' cites 'nobody1999', which is not in lessons/references.toml")]
    result = subprocess.run([sys.executable, "-m", "viewer", "--content", str(mini_dir), "--check"],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert "charted.md:19: chart 'space' cites 'nobody1999'" in result.stdout + result.stderr


def test_bundled_charts_exist_where_the_issue_wants_them():
    ids = {chart.id for _lesson, chart in ALL_CHARTS}
    assert {"ifs-mri", "qfs-mri", "test-accuracy", "surgery-pain", "surgery-mhhs"} <= ids
    assert BUNDLED.lessons["ischiofemoral-tunnel"].charts["ifs-mri"].patient_value


@pytest.mark.parametrize("lesson_id, chart", ALL_CHARTS, ids=lambda value: getattr(value, "id", value))
def test_every_bundled_chart_cites_the_bibliography_and_gives_study_size(lesson_id, chart):
    assert chart.cite_keys(), chart.id
    for key in chart.cite_keys():
        assert key in BUNDLED.bibliography, f"{lesson_id}/{chart.id}: {key}"
    for item in chart.items:
        assert item.cite and item.source and item.n, f"{chart.id}: {item.label}"
    assert chart.source_line().startswith("Source: ")


def test_bundled_figures_follow_the_fact_base():
    accuracy = {i.label: i for i in BUNDLED.lessons["diagnosis"].charts["test-accuracy"].items}
    seated = accuracy["Seated piriformis stretch"]
    assert (seated.sens, seated.spec, seated.lr_pos, seated.lr_neg) == (0.52, 0.90, 5.22, 0.53)
    combined = [i for i in accuracy.values() if i.combined]
    assert [(i.sens, i.spec, i.lr_neg) for i in combined] == [(0.91, 0.80, 0.11)]  # the pair, not the seated test
    fair = accuracy["FAIR, H-reflex test"]
    assert "H-reflex" in fair.note and "clinical working definition" in fair.note and "bedside" in fair.note
    ifs = BUNDLED.lessons["ischiofemoral-tunnel"].charts["ifs-mri"]
    assert ifs.items[0].values == [14.91, 26.01] and ifs.items[0].sd == [4.8, 7.98]
    # the meta-analysis cut-off only: unchecked second-hand thresholds are not drawn
    assert [c.value for c in ifs.cutoffs] == [15]
    assert "Hatem" in ifs.note and "hatem2021" in ifs.cite_keys()


def test_rendered_lesson_has_the_chart_image_and_a_cited_caption():
    lesson = BUNDLED.lessons["ischiofemoral-tunnel"]
    rendered = render_lesson(lesson, "clinical", BUNDLED.bibliography, BUNDLED.glossary)
    assert [c.id for c in rendered.charts] == ["ifs-mri", "qfs-mri"]
    assert "](chart:ifs-mri)" in rendered.markdown
    caption = next(line for line in rendered.markdown.splitlines() if line.startswith("*Chart: Ischiofemoral"))
    assert "](#ref-" in caption  # the chart's sources join the lesson's numbered references
    assert "Source: Singer et al., meta-analysis, 217 hips vs 140 hips" in rendered.markdown  # alt text
    assert render_lesson(lesson, "patient", BUNDLED.bibliography).charts == []


def test_plain_text_shows_a_table_in_place_of_each_chart():
    text = lesson_text(BUNDLED.lessons["diagnosis"], "clinical")
    assert "Chart: Accuracy of clinical tests." in text
    assert ("Seated piriformis stretch for deep gluteal syndrome: sensitivity 0.52, specificity 0.90; "
            "LR+ 5.22, LR− 0.53; 33 patients, 23 confirmed at endoscopy.") in text
    assert "<!--" not in text and 'type = "accuracy"' not in text
    lines = text_lines(BUNDLED.lessons["ischiofemoral-tunnel"].charts["ifs-mri"])
    assert "Meta-analysis: Patients with IFI 14.91 ± 4.8 mm (217 hips); Controls 26.01 ± 7.98 mm (140 hips) " \
           "(mean ± SD)." in lines


def test_lesson_text_cli_prints_the_chart_table(repo):
    result = subprocess.run([sys.executable, "-m", "viewer", "--lesson-text", "management", "--level", "clinical"],
                            cwd=repo, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Endoscopic sciatic release: before 6.9, after 2.4; 35 patients." in result.stdout


def test_a_weaker_item_keeps_its_caveat_in_the_words_and_the_bundled_barros_data_says_so():
    weak = RANGE_CHART.replace('cite = ["smith2020"]\n\n[[cutoff]]',
                               'cite = ["smith2020"]\ncaveat = "Only 6 patients."\n\n[[cutoff]]')
    chart, problems = parse_chart(weak, Path("x.md"), 10)
    assert not problems and chart.items[0].weaker
    assert "Weaker evidence: Study A (Smith 2020; 50 hips vs 40 hips), drawn hollow with dashed whiskers: " \
           "Only 6 patients." in text_lines(chart)
    plain, _ = parse_chart(RANGE_CHART, Path("x.md"), 10)
    assert not plain.items[0].weaker and plain.caveat_lines() == []
    for chart_id in ("ifs-mri", "qfs-mri"):
        items = BUNDLED.lessons["ischiofemoral-tunnel"].charts[chart_id].items
        barros = next(i for i in items if i.source == "Barros 2019")
        assert barros.n == ["6 patients", "44 controls"] and "partly defined by the MRI" in barros.caveat
        assert not any(i.weaker for i in items if i is not barros)  # the meta-analysis is drawn solid
