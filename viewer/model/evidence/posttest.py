"""Post-test probability from a pre-test probability and a likelihood ratio (odds form):
post-test odds = pre-test odds × LR.

The tests come from the lessons' accuracy charts. Likelihood ratios reported by the
source are used as given; where a source reports only sensitivity and specificity they
are derived here (LR+ = sens / (1 − spec), LR− = (1 − sens) / spec) and marked as
derived. A test whose ratios cannot be used -- specificity 1 (no finite LR+), specificity 0 (no
finite LR−) or sensitivity 1 or 0 (an LR of 0: one result would read as a certain "no") -- is
left out, with its own reason.
Combinations appear only where the source itself reports them (``combined = true``).
"""

from __future__ import annotations

import math

from viewer.model.core.record import record

MIN_P, MAX_P = 0.001, 0.999


@record
class TestOption:
    label: str
    target: str
    lr_pos: float
    lr_neg: float
    derived: bool
    sens: float
    spec: float
    n: str
    source: str
    cite: list[str]
    combined: bool = False
    note: str = ""

    def ratio_text(self) -> str:
        how = ("derived here from the reported sensitivity and specificity (the source gives no likelihood ratios)"
               if self.derived else "as reported by the source")
        return f"LR+ {self.lr_pos:.2f}, LR− {self.lr_neg:.2f}, {how}"


def odds(p: float) -> float:
    return p / (1 - p)


def post_test(pre: float, lr: float) -> float:
    """Post-test probability for a pre-test probability (0–1, clamped away from 0 and 1) and an LR."""
    pre = min(MAX_P, max(MIN_P, pre))
    post_odds = odds(pre) * lr
    return post_odds / (1 + post_odds)


def logit(p: float) -> float:
    p = min(MAX_P, max(MIN_P, p))
    return math.log(odds(p))


def calculator_tests(lessons) -> tuple[list[TestOption], list[str]]:
    """Every test of every accuracy chart (first mention wins) and the reasons any were left out."""
    options: list[TestOption] = []
    left_out: list[str] = []
    seen: set[str] = set()
    for lesson in lessons:
        for chart in lesson.charts.values():
            if chart.type != "accuracy":
                continue
            for item in chart.items:
                if item.label in seen:
                    continue
                seen.add(item.label)
                reasons = unusable(item)
                if reasons:
                    left_out.append(f"{item.label}: " + " and ".join(reasons))
                else:
                    options.append(_option(item))
    return options, left_out


def unusable(item) -> list[str]:
    """Why a test's likelihood ratios cannot be used (empty when they can)."""
    if item.lr_pos is not None and item.lr_neg is not None:
        return []  # reported by the source, and checked positive when the chart was read
    reasons = []
    if item.spec >= 1:
        reasons.append(f"specificity {item.spec:g} gives no finite LR+")
    elif item.spec <= 0:
        reasons.append(f"specificity {item.spec:g} gives no finite LR−")
    if item.sens >= 1:
        reasons.append(f"sensitivity {item.sens:g} gives an LR− of 0 (a negative result would seem to rule "
                       "the condition out for certain)")
    elif item.sens <= 0:
        reasons.append(f"sensitivity {item.sens:g} gives an LR+ of 0 (a positive result would seem to rule "
                       "the condition out for certain)")
    return reasons


def _option(item) -> TestOption:
    if item.lr_pos is not None and item.lr_neg is not None:
        lr_pos, lr_neg, derived = item.lr_pos, item.lr_neg, False
    else:
        lr_pos, lr_neg, derived = item.sens / (1 - item.spec), (1 - item.sens) / item.spec, True
    return TestOption(item.label, item.target, lr_pos, lr_neg, derived, item.sens, item.spec, item.n_text(),
                      item.source, list(item.cite), item.combined, item.note)
