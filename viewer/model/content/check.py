"""Cross-checks a loaded content folder: every reference between files must resolve."""

from __future__ import annotations

import re

from viewer.model.evidence.charts import cite_problems
from viewer.model.content.loader import Content
from viewer.model.diagram.svg import unsafe_references
from viewer.model.content.about import load_about
from viewer.model.content.figures import figure_problem
from viewer.model.content.lessons import CITATION, LEVELS
from viewer.model.content.quality import (MAX_PARAGRAPH_WORDS, cited_keys, figures_citing_only, has_figure,
                                           lesson_figures_citing_only, long_paragraphs, uncited_figures)
from viewer.model.core.problems import ContentError, Problem
from viewer.model.content.questions import check_questions
from viewer.model.content.render import slugify

WEB_SCHEMES = ("http://", "https://")
PICTURE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)|<img\b[^>]*\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)


def check_content(content: Content) -> list[Problem]:
    """All problems: those found while loading plus broken cross-references."""
    content.questions  # noqa: B018 -- the question banks load on first use, adding their problems
    problems = list(content.problems)
    problems += _check_regions(content)
    from viewer.model.layers.spec import check_layers

    problems += check_layers(content.layers, content.regions, content.diagram, content.regions_path)
    from viewer.model.variants.spec import check_variants

    problems += check_variants(content.variants, content.regions, content.diagram, content.regions_path)
    problems += _check_lessons(content)
    problems += _check_positions(content)
    problems += _check_motion(content)
    problems += check_questions(content)
    problems += load_about(content.lessons_dir)[1]
    problems += _figures_from_further_reading(content)
    problems += _check_home_programme(content)
    if content.diagram is not None:
        problems += unsafe_references(content.diagram)
    return sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))


def _check_home_programme(content: Content) -> list[Problem]:
    """The exercise library and the body chart's overlays (loaded here on demand, not at start-up)."""
    from viewer.model.bodychart.overlays import CHART_SVG, check_chart, load_chart_text
    from viewer.model.homeprog.library import check_library, load_library

    regions = {r.id for r in content.regions}
    bibliography = set(content.bibliography)
    library, problems = load_library(content.lessons_dir / "exercises.toml")
    problems += check_library(library, content.resources_dir, regions, bibliography)
    chart_path = content.lessons_dir / "bodychart.toml"
    if chart_path.exists():
        chart, chart_problems = load_chart_text(chart_path)
        problems += chart_problems
        svg = content.resources_dir / CHART_SVG
        ids = set(re.findall(r'\bid="([^"]+)"', svg.read_text(encoding="utf-8"))) if svg.exists() else set()
        problems += check_chart(chart, ids, set(content.lessons), bibliography)
    return problems


def _check_regions(content: Content) -> list[Problem]:
    problems = []
    path = content.regions_path
    diagram = content.diagram
    if diagram is not None:
        content.index()  # builds the shapes
    for region in content.regions:
        if region.lesson and region.lesson not in content.lessons:
            problems.append(Problem(path, region.line, f"region '{region.id}' opens lesson '{region.lesson}', "
                                                       "which does not exist"))
        if diagram is None:
            continue
        if region.element not in diagram.element_ids:
            problems.append(Problem(path, region.line, f"region '{region.id}' names SVG element '{region.element}', "
                                                       f"which is not in {diagram.path.name}"))
        elif region.shape is None:
            problems.append(Problem(diagram.path, diagram.line_of_id(region.element),
                                    f"element '{region.element}' (region '{region.id}') has no filled shape to click"))
        for label in region.labels:
            if label not in diagram.element_ids:
                problems.append(Problem(path, region.line, f"region '{region.id}' has no label group '{label}' "
                                                           f"in {diagram.path.name}", "warning"))
    if diagram is not None:
        owned = {label for r in content.regions for label in r.labels}
        for label_id in diagram.label_ids:
            if label_id not in owned:
                problems.append(Problem(diagram.path, diagram.line_of_id(label_id),
                                        f"label '{label_id}' belongs to no region in regions.toml, so its structure "
                                        "cannot be clicked or quizzed; add a [[region]] (and a short entry in "
                                        "lessons/structures/) or list it in a region's labels", "warning"))
        declared = {r.element for r in content.regions}
        for element_id in sorted(diagram.element_ids):
            if element_id.startswith("region-") and element_id not in declared:
                problems.append(Problem(diagram.path, diagram.line_of_id(element_id),
                                        f"'{element_id}' looks like a region but no region in regions.toml uses it",
                                        "warning"))
    return problems


def _check_lessons(content: Content) -> list[Problem]:
    problems = []
    region_ids = {r.id for r in content.regions}
    for lesson in content.lessons.values():
        if lesson.region and lesson.region not in region_ids:
            problems.append(Problem(lesson.path, 2, f"region '{lesson.region}' is not a region of the diagram"))
        for key in lesson.references:
            if key not in content.bibliography:
                problems.append(Problem(lesson.path, 2, f"reference key '{key}' is not in lessons/references.toml"))
        for line, key in lesson.citations():
            if key not in content.bibliography:
                problems.append(Problem(lesson.path, line, f"citation [@{key}] is not in lessons/references.toml"))
        for chart in lesson.charts.values():
            problems += cite_problems(chart, content.bibliography)
        if not lesson.reviewed:
            problems.append(Problem(lesson.path, 1, "the front matter has no 'reviewed' date", "warning"))
        for line, sentence in uncited_figures(lesson):
            problems.append(Problem(lesson.path, line, f"a figure without a citation: \"{sentence[:70]}\"", "warning"))
        for level in LEVELS:
            for line, words in long_paragraphs(lesson, level):
                problems.append(Problem(lesson.path, line, f"a {words}-word paragraph is hard to read at chairside; "
                                                           f"split it (at most {MAX_PARAGRAPH_WORDS})", "warning"))
        for line, target in lesson.links():
            problem = _check_link(content, target)
            if problem:
                problems.append(Problem(lesson.path, line, problem))
        problems += _outside_pictures(lesson)
    return problems


FURTHER_READING_ONLY = "cites only further reading for a figure; cite the primary study or review"


def _figures_from_further_reading(content: Content) -> list[Problem]:
    """A number in a Clinical lesson, chart, position or question whose only sources are further reading."""
    weak = {key for key, ref in content.bibliography.items() if ref.further_reading}
    if not weak:
        return []
    problems = []
    for lesson in content.lessons.values():
        for line, sentence in lesson_figures_citing_only(lesson, weak):
            problems.append(Problem(lesson.path, line, f"\"{sentence[:60]}\" {FURTHER_READING_ONLY}", "warning"))
        for chart in lesson.charts.values():
            for line, name, cite in ([(i.line, f"item '{i.label}'", i.cite) for i in chart.items]
                                     + [(c.line, f"the line at {c.value:g}", c.cite) for c in chart.cutoffs]):
                if cite and all(key in weak for key in cite):
                    problems.append(Problem(chart.path, line, f"chart '{chart.id}', {name} {FURTHER_READING_ONLY}",
                                            "warning"))
    path = content.resources_dir / "positions.toml"
    for position in content.positions:
        for sentence in figures_citing_only(position.clinical, weak):
            problems.append(Problem(path, position.line, f"position '{position.id}': \"{sentence[:50]}\" "
                                                         f"{FURTHER_READING_ONLY}", "warning"))
    for question in content.questions:
        keys = question.cite + [k for k in cited_keys(question.explanation) if k not in question.cite]
        if keys and has_figure(question.explanation) and all(key in weak for key in keys):
            problems.append(Problem(question.path, question.line, f"question '{question.id}' "
                                                                  f"{FURTHER_READING_ONLY}", "warning"))
    return problems


def _outside_pictures(lesson) -> list[Problem]:
    """Pictures the lesson would take from the web or from outside the content folder: never shown."""
    problems = []
    for line in lesson.body_lines():
        for match in PICTURE.finditer(line.text):
            target = match.group(1) or match.group(2)
            if target.lower().startswith(WEB_SCHEMES):
                problems.append(Problem(lesson.path, line.number, f"picture '{target[:60]}' is on the web; the app "
                                                                  "never fetches it (save the file in lessons/)"))
            elif match.group(2) and (":" in target.split("/")[0] or target.startswith("/")):
                problems.append(Problem(lesson.path, line.number, f"picture '{target[:60]}' is outside the content "
                                                                  "folder and is not shown"))
    return problems


def _check_positions(content: Content) -> list[Problem]:
    problems = []
    path = content.resources_dir / "positions.toml"
    region_ids = {r.id for r in content.regions}
    for position in content.positions:
        for region_id in position.tenses + position.narrows:
            if region_id not in region_ids:
                problems.append(Problem(path, position.line, f"position '{position.id}' names region "
                                                             f"'{region_id}', which is not in the diagram"))
        cited = [m.group(1) for m in CITATION.finditer(position.clinical)]
        for key in position.references + [k.strip().lstrip("@") for group in cited for k in group.split(";")]:
            if key not in content.bibliography:
                problems.append(Problem(path, position.line, f"position '{position.id}' cites '{key}', "
                                                             "which is not in lessons/references.toml"))
        if not position.patient:
            problems.append(Problem(path, position.line, f"position '{position.id}' needs a patient explanation"))
    return problems


def _check_motion(content: Content) -> list[Problem]:
    """The hip model's landmarks file, and every position's pose within its limits."""
    from viewer.model.motion.pose import Pose, PoseError, check_limits
    from viewer.model.motion.presets import landmarks_path, load_hip_model

    if not landmarks_path(content.resources_dir).exists():
        return []
    try:
        limits = load_hip_model(content.resources_dir).landmarks.limits
    except ContentError as exc:
        return [exc.problem]
    problems = []
    for position in content.positions:
        if position.pose is not None:
            try:
                check_limits(Pose(**position.pose), limits)
            except PoseError as exc:
                problems.append(Problem(content.resources_dir / "positions.toml", position.line,
                                        f"position '{position.id}': {exc}"))
    return problems


def _check_link(content: Content, target: str) -> str | None:
    if target.startswith(WEB_SCHEMES) or target.startswith("#"):
        return None
    if target.startswith("lesson:"):
        lesson_id, _, anchor = target[len("lesson:"):].partition("#")
        lesson = content.lessons.get(lesson_id)
        if lesson is None:
            return f"link to lesson '{lesson_id}', which does not exist"
        if anchor and anchor not in _heading_slugs(lesson):
            return f"link to '#{anchor}' in lesson '{lesson_id}', which has no such heading"
        return None
    if ":" not in target.split("/")[0]:
        path = (content.lessons_dir / target).resolve()
        if content.root.resolve() not in path.parents:
            return f"'{target}' points outside the content folder"
        if path.is_file():
            return figure_problem(path)  # a figure next to the lessons
        return f"'{target}' is not in the lessons folder (a missing figure or a mistyped link?)"
    return f"link '{target}' is neither lesson:ID, a web address (https://...) nor a file in lessons/"


def _heading_slugs(lesson) -> set[str]:
    return {slugify(line.text.lstrip("#")) for line in lesson.body_lines() if line.text.startswith("#")}
