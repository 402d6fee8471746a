"""Command line: parses options, runs the text commands, or starts the window.

The text commands (--check, --regions, --lessons) never import Qt widgets,
so authors and tests can run them without a display.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

from viewer import APP_NAME, __version__, bootstrap
from viewer.model.content.lessons import LEVELS
from viewer.paths import bundled_content_dir

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class OneLineParser(argparse.ArgumentParser):
    """A bad option or value is one clear line and exit 2, like the app's own checks (no usage block:
    --help has it)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="dgs-viewer",
        description=f"{APP_NAME}: an annotated diagram of the deep gluteal space, with lessons.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--content", metavar="DIR", type=Path,
                        help="use content from DIR (holding lessons/ and resources/) instead of the bundled content")
    parser.add_argument("--data-dir", metavar="DIR", type=Path,
                        help="keep settings and user data in DIR")
    commands = parser.add_argument_group("commands that print and exit")
    commands.add_argument("--check", action="store_true",
                          help="validate all content; print problems as path:line: message; exit 1 on any error")
    commands.add_argument("--regions", action="store_true", help="print the diagram's regions as JSON")
    commands.add_argument("--lessons", action="store_true", help="print the lessons as JSON")
    commands.add_argument("--exercises", action="store_true",
                          help="print the home-programme exercise library as JSON")
    commands.add_argument("--lesson-text", metavar="ID", help="print the plain text of lesson ID at --level")
    parser.add_argument("--level", choices=LEVELS, default=None,
                        help="reading level for --lesson-text (default: patient) and --export-anki (default: both)")
    commands.add_argument("--export-anki", metavar="FILE.apkg", type=Path,
                          help="write every study question and a card per diagram label as an Anki deck")
    handout = parser.add_argument_group("handout without a window")
    handout.add_argument("--handout", metavar="REGION_ID", help="write the patient handout for REGION_ID")
    handout.add_argument("--output", metavar="FILE.pdf", type=Path, help="where --handout writes the PDF")
    handout.add_argument("--exercises-for-handout", metavar="ID,ID,...",
                         help="put these exercises (ids from --exercises) on the --handout as a home programme")
    handout.add_argument("--paper", choices=("a4", "letter"), default="a4", help="handout paper size (default a4)")
    window = parser.add_argument_group("window options")
    window.add_argument("--select", metavar="ID", help="start with region ID selected and its lesson open")
    window.add_argument("--screenshot", metavar="PATH", type=Path,
                        help="render the window to a PNG once it has painted, then exit")
    window.add_argument("--layer", metavar="LAYER",
                        help="start peeled to LAYER (e.g. skin, gluteus-maximus, deep; see --regions)")
    window.add_argument("--variant", metavar="TYPE",
                        help="draw the nerve and piriformis as Beaton & Anson type TYPE (A-F), in the window "
                             "and on a --handout (which then names the type in words)")
    window.add_argument("--size", metavar="WxH", type=_size, default=None,
                        help="window size for --screenshot (default 1600x1000)")
    window.add_argument("--view", choices=("posterior", "axial"), default=None,
                        help="start with this view: the posterior diagram or the axial 'MRI level' section")
    motion = parser.add_argument_group("hip motion model")
    motion.add_argument("--pose", metavar="NAME|flexion=F,adduction=A,rotation=R",
                        help="hip pose: a position id from positions.toml or angles in degrees "
                             "(extension, abduction and external rotation negative)")
    motion.add_argument("--measure", action="store_true",
                        help="with --pose: print the model's IFS, QFS and muscle length changes as JSON and exit")
    window.add_argument("--exit-after-paint", action="store_true",
                        help="exit as soon as the window's first frame has painted (for timing start-up)")
    return parser


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2,5})[xX](\d{2,5})", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"size must look like 1600x1000, not '{text}'")
    return int(match.group(1)), int(match.group(2))


def fail(message: str) -> int:
    bootstrap.not_a_window()
    print(f"dgs-viewer: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from viewer.model.content.loader import ContentFolderError, load_content

    content_dir = args.content or bundled_content_dir()
    cache_dir = None  # the window starts from the content as last loaded, if no file changed; --check never does
    if args.measure and not args.pose:
        return fail("--measure needs --pose NAME or --pose flexion=F,adduction=A,rotation=R")
    if not (args.check or args.regions or args.lessons or args.lesson_text or args.handout or args.export_anki
            or args.exercises or args.measure):
        from viewer.paths import default_data_dir

        cache_dir = bootstrap.content_cache_dir(args.data_dir or default_data_dir())
    else:
        bootstrap.not_a_window()
    try:
        content = load_content(content_dir, cache_dir)
    except ContentFolderError as exc:
        return fail(str(exc))

    if args.check:
        return run_check(content)
    if args.regions:
        return print_json(regions_json(content))
    if args.lessons:
        return print_json(lessons_json(content))
    if args.exercises:
        return print_json(exercises_json(content))
    if args.exercises_for_handout and not args.handout:
        return fail("--exercises-for-handout needs --handout REGION_ID")
    if args.lesson_text:
        return print_lesson_text(content, args.lesson_text, args.level or "patient")
    if args.export_anki:
        return export_anki(content, args.export_anki, (args.level,) if args.level else LEVELS)
    if args.variant is not None and args.variant not in [variant.id for variant in content.variants]:
        known = ", ".join(variant.id for variant in content.variants) or "none"
        return fail(f"unknown variant '{args.variant}' (known: {known})")
    if args.handout:
        return make_handout(content, args)
    if args.layer is not None and args.layer not in [layer.id for layer in content.layers]:
        known = ", ".join(layer.id for layer in content.layers) or "none"
        return fail(f"unknown layer '{args.layer}' (known: {known})")
    if args.pose:
        pose = resolve_cli_pose(content, args.pose)
        if isinstance(pose, str):
            return fail(pose)
        if args.measure:
            return print_measures(content, pose)
        args.pose = pose
    if args.select and content.region(args.select) is None:
        known = ", ".join(r.id for r in content.regions) or "none"
        return fail(f"unknown region id '{args.select}' (known: {known})")

    from viewer.qt.app.start import run_app

    return run_app(args, content)


def run_check(content) -> int:
    from viewer.model.content.check import check_content

    problems = check_content(content)
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(f"{len(content.lessons)} lessons, {len(content.regions)} regions checked: "
          f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return EXIT_PROBLEMS if errors else EXIT_OK


def regions_json(content) -> list[dict]:
    from viewer.model.layers.spec import layer_of

    index = content.index()
    out = []
    for region in content.regions:
        point = index.interior_point(region) if region.shape else None
        out.append({
            "id": region.id,
            "name": region.name,
            "lesson": region.lesson,
            "layer": layer_of(region, content.layers),
            "bbox": region.shape.bbox.as_list() if region.shape else None,
            "point": [round(point[0], 2), round(point[1], 2)] if point else None,
        })
    return out


def lessons_json(content) -> list[dict]:
    return [{"id": lesson.id, "title": lesson.title, "region": lesson.region}
            for lesson in content.lessons.values()]


def exercises_json(content) -> list[dict]:
    from viewer.model.homeprog.library import load_library

    library, _problems = load_library(content.lessons_dir / "exercises.toml")
    return [{"id": e.id, "title": e.title, "regions": e.regions,
             "has_image": e.image_path(content.resources_dir).is_file()} for e in library.exercises]


def print_lesson_text(content, lesson_id: str, level: str) -> int:
    from viewer.model.content.plaintext import lesson_text

    lesson = content.lessons.get(lesson_id)
    if lesson is None:
        return fail(f"unknown lesson id '{lesson_id}' (see --lessons)")
    # the clinical text keeps its sources: numbered markers and the reference list
    print(lesson_text(lesson, level, content.bibliography if level == "clinical" else None))
    return EXIT_OK


def make_handout(content, args) -> int:
    region = content.region(args.handout)
    if region is None:
        known = ", ".join(r.id for r in content.regions) or "none"
        return fail(f"unknown region id '{args.handout}' (known: {known})")
    if args.output is None:
        return fail("--handout needs --output FILE.pdf")
    problem = unwritable(args.output)  # checked before Qt, which would warn first
    if problem:
        return fail(problem)
    programme = None
    if args.exercises_for_handout is not None:
        from viewer.model.homeprog.library import load_library
        from viewer.model.homeprog.programme import UnknownExercise, programme_from_ids

        library, _problems = load_library(content.lessons_dir / "exercises.toml")
        ids = [part.strip() for part in args.exercises_for_handout.split(",") if part.strip()]
        if not ids:
            return fail("--exercises-for-handout needs at least one exercise id (see --exercises)")
        try:
            programme = programme_from_ids(library, ids)
        except UnknownExercise as exc:
            return fail(str(exc))
    from viewer.qt.chairside.handout_cli import write_region_handout

    if not write_region_handout(content, region, args.output, args.paper, programme, args.variant or ""):
        return fail(f"could not write {args.output}")
    print(args.output)
    return EXIT_OK


def export_anki(content, output: Path, levels: tuple[str, ...]) -> int:
    problem = unwritable(output)
    if problem:
        return fail(problem)
    from viewer.qt.study.anki_export import export_anki as write_deck

    try:
        count = write_deck(content, output, levels)
    except OSError as exc:
        return fail(f"could not write {output}: {exc.strerror or exc}")
    print(f"{output}: {count} notes")
    return EXIT_OK


def unwritable(output: Path) -> str:
    """Why ``output`` cannot be written, checked before any work (and before Qt could warn); "" if it can."""
    folder = output.parent if str(output.parent) else Path(".")
    if output.is_dir():
        return f"{output} is a folder; give a file name"
    if not folder.is_dir():
        return f"the folder {folder} does not exist"
    if not os.access(folder, os.W_OK):
        return f"the folder {folder} is not writable"
    return ""


def resolve_cli_pose(content, text: str):
    """The pose --pose names, or the one-line reason it cannot be used."""
    from viewer.model.core.problems import ContentError
    from viewer.model.motion.pose import PoseError
    from viewer.model.motion.presets import load_hip_model, presets_from, resolve_pose

    try:
        model = load_hip_model(content.resources_dir)
        return resolve_pose(text, presets_from(content.positions), model.landmarks.limits)
    except ContentError as exc:
        return str(exc.problem)
    except PoseError as exc:
        return str(exc)


def print_measures(content, pose) -> int:
    from viewer.model.motion.presets import load_hip_model

    measures = load_hip_model(content.resources_dir).measure(pose)
    return print_json(measures.as_json())


def print_json(data) -> int:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_OK
