"""Charts declared as data inside a lesson, in a fenced block with a TOML body::

    ```chart
    id = "ifs"
    type = "range"                 # "range" (mean ± SD), "accuracy" (sens/spec) or "paired" (before/after)
    title = "Ischiofemoral space on MRI"
    unit = "mm"
    series = ["Patients (IFI)", "Controls"]
    series_phrase = ["patients (IFI)", "controls"]   # optional: the names mid-sentence
    patient_value = true           # range charts: a field for a patient's measured value
    note = "Caveat shown under the chart."

    [[item]]                       # one study (range, paired) or one test (accuracy)
    label = "Meta-analysis"
    values = [14.91, 26.01]        # range: one mean per series; paired: [before, after]
    sd = [4.8, 7.98]               # range only
    n = ["217 hips", "140 hips"]   # study size: one text, or one per series
    source = "Singer et al."
    cite = ["singer"]
    # caveat = "Only 6 patients; ..."  # optional: a weaker study, drawn hollow and dashed, caveat shown

    [[cutoff]]                     # range charts: a labelled line
    value = 15
    label = "IFS ≤ 15 mm"
    cite = ["singer"]
    ```

Accuracy items give ``sens`` and ``spec`` (0–1), a ``target`` condition and, where the
source reports them, ``lr_pos``/``lr_neg``; ``combined = true`` marks a combination of
tests that the source itself reports. An item with a ``caveat`` (a small or biased study) is
drawn visibly weaker than the others (hollow markers, dashed lines) and its caveat is shown
with the chart and in its words. Plain Python: parsing, checks and words only.
"""

from __future__ import annotations

import math
from dataclasses import field
from pathlib import Path
from typing import TypeGuard

from viewer.model.evidence.fence import CHART_FENCE
from viewer.model.core.problems import ContentError, Problem
from viewer.model.core.record import record
from viewer.model.diagram.regions import ID_PATTERN
from viewer.model.core.tomlfile import key_lines, parse_toml, table_array_lines

TYPES = ("range", "accuracy", "paired")
FENCE_OPEN = CHART_FENCE
FENCE_CLOSE = "```"


@record
class Item:
    label: str
    values: list[float] = field(default_factory=list)
    sd: list[float] = field(default_factory=list)
    n: list[str] = field(default_factory=list)
    source: str = ""
    cite: list[str] = field(default_factory=list)
    note: str = ""
    target: str = ""
    sens: float | None = None
    spec: float | None = None
    lr_pos: float | None = None
    lr_neg: float | None = None
    combined: bool = False
    caveat: str = ""  # a weaker study: drawn hollow and dashed, with this caveat beside the chart
    line: int = 0

    @property
    def weaker(self) -> bool:
        return bool(self.caveat.strip())

    def n_text(self) -> str:
        return " vs ".join(self.n) if self.n else "study size not given in our sources"

    def accuracy(self) -> tuple[float, float]:
        """Sensitivity and specificity: an accuracy chart's item is read only with both (_parse_item)."""
        if self.sens is None or self.spec is None:
            raise ValueError(f"line {self.line}: an accuracy item without sens and spec")
        return self.sens, self.spec


@record
class Cutoff:
    value: float
    label: str
    cite: list[str] = field(default_factory=list)
    dashed: bool = False
    line: int = 0


@record
class Chart:
    id: str
    type: str
    title: str
    path: Path
    line: int
    unit: str = ""
    series: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    cutoffs: list[Cutoff] = field(default_factory=list)
    note: str = ""
    patient_value: bool = False
    y_label: str = ""
    level: str | None = None  # the lesson block it sits in (None = both levels)
    cite: list[str] = field(default_factory=list)  # for the note; items and cutoffs cite their own
    y_range: tuple[float, float] | None = None
    series_phrase: list[str] = field(default_factory=list)

    def phrase(self, index: int) -> str:
        """Series ``index`` as written mid-sentence: 'Patients with IFI' -> 'patients with IFI'.
        A first word in plain title case is lowered; 'series_phrase' overrides (for proper nouns)."""
        if index < len(self.series_phrase) and self.series_phrase[index].strip():
            return self.series_phrase[index]
        name = self.series[index]
        first = name.split(" ", 1)[0]
        if len(first) > 1 and first[0].isupper() and first[1:].isalpha() and first[1:].islower():
            return name[0].lower() + name[1:]
        return name

    def cite_keys(self) -> list[str]:
        keys: list[str] = []
        for cited in [i.cite for i in self.items] + [c.cite for c in self.cutoffs] + [self.cite]:
            keys += [k for k in cited if k not in keys]
        return keys

    def source_line(self) -> str:
        """'Source: Martin 2014 (33 patients); ...' -- every chart shows where its numbers come from."""
        parts: list[str] = []
        for item in self.items:
            text = f"{item.source or item.label}, {item.n_text()}"
            if text not in parts:
                parts.append(text)
        return "Source: " + "; ".join(parts)

    def caveat_lines(self) -> list[str]:
        """'Case–control study (Barros 2019), drawn hollow: only 6 patients ...' for each weaker item."""
        return [f"{item.label} ({item.source or 'source'}; {item.n_text()}), drawn {self.weaker_style()}: "
                f"{item.caveat.rstrip('.')}." for item in self.items if item.weaker]

    def weaker_style(self) -> str:
        return {"accuracy": "with hollow bars", "paired": "hollow with a thin dotted line"}.get(
            self.type, "hollow with dashed whiskers")

    def series_names(self) -> list[str]:
        if self.type == "accuracy":
            return ["Sensitivity", "Specificity"]
        if self.type == "paired":
            return self.series or ["Before", "After"]
        return self.series


def number_text(value: float) -> str:
    return f"{value:g}"


def proportion_text(value: float) -> str:
    """0.9 -> '0.90', 0.881 -> '0.881': as the studies report them."""
    return f"{value:.3f}" if round(value, 2) != round(value, 3) else f"{value:.2f}"


def split_chart_blocks(lines: list[str]):
    """Yield (start offset, closing offset, body text) for each ```chart fence in ``lines``."""
    index = 0
    while index < len(lines):
        if lines[index].strip() == FENCE_OPEN:
            end = index + 1
            while end < len(lines) and lines[end].strip() != FENCE_CLOSE:
                end += 1
            yield index, end, "\n".join(lines[index + 1:end])
            index = end + 1
        else:
            index += 1


def parse_chart(text: str, path: Path, first_line: int) -> tuple[Chart | None, list[Problem]]:
    """One chart from a fence body starting at file line ``first_line``; None if unusable."""
    try:
        data = parse_toml(text, path, first_line=first_line)
    except ContentError as exc:
        return None, [exc.problem]
    problems: list[Problem] = []

    def problem(line: int, message: str) -> None:
        problems.append(Problem(path, line, message))

    chart_id, kind, title = data.get("id"), data.get("type"), data.get("title")
    if not isinstance(chart_id, str) or not ID_PATTERN.match(chart_id):
        problem(first_line - 1, "a chart needs 'id' (lowercase letters, digits and hyphens)")
        return None, problems
    if kind not in TYPES:
        problem(first_line - 1, f"chart '{chart_id}': 'type' must be one of {', '.join(TYPES)}")
        return None, problems
    if not isinstance(title, str) or not title.strip():
        problem(first_line - 1, f"chart '{chart_id}' needs a 'title'")
        return None, problems
    chart = Chart(chart_id, kind, title.strip(), path, first_line - 1, unit=str(data.get("unit", "")),
                  series=[str(s) for s in data.get("series", [])], note=str(data.get("note", "")),
                  patient_value=bool(data.get("patient_value", False)), y_label=str(data.get("y_label", "")),
                  cite=_keys(data.get("cite")), series_phrase=_keys(data.get("series_phrase")))
    y_range = data.get("y_range")
    if y_range is not None:
        if isinstance(y_range, list) and len(y_range) == 2 and all(map(_is_number, y_range)) and y_range[0] < y_range[1]:
            chart.y_range = (float(y_range[0]), float(y_range[1]))
        else:
            problem(chart.line, f"chart '{chart_id}': 'y_range' must be two increasing numbers")
    item_lines = table_array_lines(text, "item")
    for offset, raw in enumerate(data.get("item", [])):
        line = first_line + item_lines[offset] - 1 if offset < len(item_lines) else first_line
        item = _parse_item(chart, raw, line, problem, key_lines(text, line, first_line))
        if item is not None:
            chart.items.append(item)
    cutoff_lines = table_array_lines(text, "cutoff")
    for offset, raw in enumerate(data.get("cutoff", [])):
        line = first_line + cutoff_lines[offset] - 1 if offset < len(cutoff_lines) else first_line
        if not _is_number(raw.get("value")) or not isinstance(raw.get("label"), str):
            problem(key_lines(text, line, first_line).get("value", line),
                    f"chart '{chart_id}': a cutoff needs a number 'value' and a 'label'")
            continue
        chart.cutoffs.append(Cutoff(float(raw["value"]), raw["label"], _keys(raw.get("cite")),
                                    bool(raw.get("dashed", False)), line))
    if not chart.items:
        problem(chart.line, f"chart '{chart_id}' has no [[item]] with usable data")
        return None, problems
    if kind == "range" and len(chart.series) < 1:
        problem(chart.line, f"chart '{chart_id}': a range chart needs 'series' names")
    return chart, problems


def _parse_item(chart: Chart, raw: dict, line: int, problem, key_lines: dict[str, int]) -> Item | None:
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        problem(line, f"chart '{chart.id}': each item needs a 'label'")
        return None
    n = raw.get("n", [])
    item = Item(label.strip(), n=[str(x) for x in n] if isinstance(n, list) else [str(n)],
                source=str(raw.get("source", "")), cite=_keys(raw.get("cite")), note=str(raw.get("note", "")),
                target=str(raw.get("target", "")), combined=bool(raw.get("combined", False)),
                caveat=str(raw.get("caveat", "")), line=line)
    if not item.cite:
        problem(line, f"chart '{chart.id}', item '{item.label}': every number needs a citation ('cite')")
    if not item.n:
        problem(line, f"chart '{chart.id}', item '{item.label}': give the study size ('n'), or say it is not known")
    if chart.type == "accuracy":
        for name in ("sens", "spec"):
            value = raw.get(name)
            if not _is_number(value) or not 0 <= value <= 1:
                problem(key_lines.get(name, line),
                        f"chart '{chart.id}', item '{item.label}': '{name}' must be a number from 0 to 1")
                return None
            setattr(item, name, float(value))
        for name in ("lr_pos", "lr_neg"):
            value = raw.get(name)
            if value is not None:
                if not _is_number(value) or value <= 0:
                    problem(key_lines.get(name, line),
                            f"chart '{chart.id}', item '{item.label}': '{name}' must be a positive number")
                    return None
                setattr(item, name, float(value))
        return item
    values, wanted = raw.get("values"), 2 if chart.type == "paired" else len(chart.series)
    if not isinstance(values, list) or len(values) != wanted or not all(_is_number(v) for v in values):
        problem(key_lines.get("values", line), f"chart '{chart.id}', item '{item.label}': 'values' must be {wanted} numbers")
        return None
    item.values = [float(v) for v in values]
    if chart.type == "range":
        sd = raw.get("sd", [])
        if not isinstance(sd, list) or len(sd) != wanted or not all(_is_number(v) and v >= 0 for v in sd):
            problem(key_lines.get("sd", line),
                    f"chart '{chart.id}', item '{item.label}': 'sd' must be {wanted} numbers, none negative")
            return None
        item.sd = [float(v) for v in sd]
    return item


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _keys(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(k) for k in value] if isinstance(value, list) else []


def cite_problems(chart: Chart, bibliography) -> list[Problem]:
    """Every key a chart cites must be in lessons/references.toml."""
    problems = []
    for item_line, keys in ([(i.line, i.cite) for i in chart.items] + [(c.line, c.cite) for c in chart.cutoffs]
                            + [(chart.line, chart.cite)]):
        for key in keys:
            if key not in bibliography:
                problems.append(Problem(chart.path, item_line, f"chart '{chart.id}' cites '{key}', "
                                                               "which is not in lessons/references.toml"))
    return problems


def text_lines(chart: Chart) -> list[str]:
    """The chart as sentences: its accessible text equivalent (one line per row)."""
    unit = f" {chart.unit}" if chart.unit else ""
    lines = [f"Chart: {chart.title}" + (f" ({chart.unit})" if chart.unit else "") + "."]
    for item in chart.items:
        if chart.type == "accuracy":
            sens, spec = item.accuracy()
            ratios = ""
            if item.lr_pos is not None and item.lr_neg is not None:
                ratios = f"; LR+ {number_text(item.lr_pos)}, LR− {number_text(item.lr_neg)}"
            target = f" for {item.target}" if item.target else ""
            note = f" {item.note.rstrip('.')}." if item.note else ""
            lines.append(f"{item.label}{target}: sensitivity {proportion_text(sens)}, specificity "
                         f"{proportion_text(spec)}{ratios}; {item.n_text()}.{note}")
        elif chart.type == "paired":
            before, after = chart.series_names()[:2]
            lines.append(f"{item.label}: {before.lower()} {number_text(item.values[0])}, {after.lower()} "
                         f"{number_text(item.values[1])}{unit}; {item.n_text()}.")
        else:
            parts = []
            for index, name in enumerate(chart.series):
                n = f" ({item.n[index]})" if len(item.n) == len(chart.series) else ""
                parts.append(f"{name} {number_text(item.values[index])} ± {number_text(item.sd[index])}{unit}{n}")
            size = "" if len(item.n) == len(chart.series) else f"; {item.n_text()}"
            lines.append(f"{item.label}: " + "; ".join(parts) + f" (mean ± SD){size}.")
    for cutoff in chart.cutoffs:
        lines.append(f"Line at {number_text(cutoff.value)}{unit}: {cutoff.label}.")
    lines += [f"Weaker evidence: {line}" for line in chart.caveat_lines()]
    if chart.note:
        lines.append(chart.note.rstrip(".") + ".")
    lines.append(chart.source_line() + ".")
    return lines


def describe_value(chart: Chart, value: float) -> list[str]:
    """Where a patient's measured value falls against the chart's lines and groups, in words."""
    unit = f" {chart.unit}" if chart.unit else ""
    shown = f"{number_text(round(value, 1))}{unit}"
    words = []
    for cutoff in chart.cutoffs:
        side = "below" if value < cutoff.value else "at" if value == cutoff.value else "above"
        words.append(f"{shown} is {side} the {number_text(cutoff.value)}{unit} line: {cutoff.label}.")
    for item in chart.items:
        groups = list(zip(map(chart.phrase, range(len(chart.series))), item.values, item.sd))
        inside = [name for name, mean, sd in groups if abs(value - mean) <= sd]
        if inside:
            where = "within 1 SD of " + " and of ".join(inside)
        elif all(value < mean - sd for _name, mean, sd in groups):
            where = "narrower than 1 SD below every group's average"
        elif all(value > mean + sd for _name, mean, sd in groups):
            where = "wider than 1 SD above every group's average"
        else:
            where = "between the groups, more than 1 SD from each average"
        means = "; ".join(f"{name} {number_text(mean)} ± {number_text(sd)}" for name, mean, sd in groups)
        words.append(f"{item.label}: {where} ({means}).")
    return words
