"""Question banks: lessons/questions/*.toml, one ``[[question]]`` table per question.

A broken question is reported (path:line) and left out; the rest still load.
Cross-references (regions, lessons, headings, citation keys) are checked in
check.py, once the whole content folder is loaded.
"""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path

from viewer.model.core.problems import ContentError, Problem
from viewer.model.core.record import record
from viewer.model.diagram.regions import ID_PATTERN
from viewer.model.core.textfile import read_text
from viewer.model.core.tomlfile import parse_toml, table_array_lines

TOPICS = ("anatomy", "mechanisms", "positions", "tests", "red-flags", "management")
LEVELS = ("patient", "clinical")
KINDS = ("choice", "find")
MIN_CHOICES, MAX_CHOICES = 2, 6
FIELDS = {"id", "topic", "region", "level", "teachback", "kind", "prompt", "choices", "answer", "regions",
          "explanation", "lesson", "cite", "answer_text"}


@record
class Question:
    id: str
    topic: str
    region: str | None
    level: str
    teachback: bool
    kind: str
    prompt: str
    choices: list[str]
    answer: int | None
    regions: list[str]
    explanation: str
    lesson: str
    anchor: str
    cite: list[str]
    path: Path
    line: int
    field_lines: dict[str, int] = field(default_factory=dict, repr=False)
    answer_text: str = ""   # kind=find, optional: the answer in plain words (teach-back, the handout)

    @property
    def card_id(self) -> str:
        return f"q:{self.id}"

    @property
    def right_answer(self) -> str:
        """The right choice's text (for a find question: empty; the answer is on the diagram)."""
        return self.choices[self.answer] if self.kind == "choice" and self.answer is not None else ""

    def line_of(self, key: str) -> int:
        return self.field_lines.get(key, self.line)


def load_questions(folder: Path) -> tuple[list[Question], list[Problem]]:
    """Every ``*.toml`` bank in ``folder`` (none when the folder is missing), in file order."""
    questions: list[Question] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return questions, problems
    seen: dict[str, Question] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            found, bank_problems = load_bank(path)
        except ContentError as exc:
            problems.append(exc.problem)
            continue
        problems.extend(bank_problems)
        for question in found:
            first = seen.get(question.id)
            if first is not None:
                problems.append(Problem(path, question.line, f"question id '{question.id}' is already used at "
                                                             f"{first.path.name}:{first.line}; this one is left out"))
                continue
            seen[question.id] = question
            questions.append(question)
    return questions, problems


def load_bank(path: Path) -> tuple[list[Question], list[Problem]]:
    """One bank file. Raises ContentError when the file is not readable TOML."""
    text = read_text(path)
    data = parse_toml(text, path)
    entries = data.get("question", [])
    if not isinstance(entries, list) or not entries:
        return [], [Problem(path, 1, "no [[question]] entries found", "warning")]
    headers = table_array_lines(text, "question")
    lines = text.splitlines()
    questions, problems = [], []
    for number, entry in enumerate(entries):
        start = headers[number] if number < len(headers) else 1
        end = headers[number + 1] if number + 1 < len(headers) else len(lines) + 1
        field_lines = _field_lines(lines, start, end)
        question, entry_problems = _parse_entry(entry, path, start, field_lines)
        problems.extend(entry_problems)
        if question is not None:
            questions.append(question)
    return questions, problems


def _field_lines(lines: list[str], start: int, end: int) -> dict[str, int]:
    """Line of each ``key =`` inside one [[question]] table (lines start..end-1, 1-based)."""
    found = {}
    for number in range(start, min(end, len(lines) + 1)):
        match = re.match(r"\s*([A-Za-z_][\w-]*)\s*=", lines[number - 1])
        if match and match.group(1) not in found:
            found[match.group(1)] = number
    return found


def _parse_entry(entry: dict, path: Path, line: int, field_lines: dict[str, int]):
    problems: list[Problem] = []

    def problem(key: str, message: str, severity: str = "error") -> None:
        problems.append(Problem(path, field_lines.get(key, line), message, severity))

    question_id = entry.get("id")
    if not isinstance(question_id, str) or not ID_PATTERN.match(question_id):
        problem("id", "each [[question]] needs an id of lowercase letters, digits and hyphens")
        return None, problems
    name = f"question '{question_id}'"
    for key in sorted(set(entry) - FIELDS):
        problem(key, f"{name}: unknown field '{key}' (known: {', '.join(sorted(FIELDS))})", "warning")
    texts = {}
    for key in ("prompt", "explanation", "lesson"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            problem(key, f"{name} needs '{key}' (a non-empty string)")
        else:
            texts[key] = value.strip()
    topic = entry.get("topic")
    if topic not in TOPICS:
        problem("topic", f"{name}: topic must be one of {', '.join(TOPICS)}")
    level = entry.get("level")
    if level not in LEVELS:
        problem("level", f"{name}: level must be 'patient' or 'clinical'")
    kind = entry.get("kind", "choice")
    if kind not in KINDS:
        problem("kind", f"{name}: kind must be 'choice' or 'find'")
    teachback = entry.get("teachback", False)
    if not isinstance(teachback, bool):
        problem("teachback", f"{name}: teachback must be true or false")
        teachback = False
    region = entry.get("region")
    if region is not None and not isinstance(region, str):
        problem("region", f"{name}: region must be one region id")
    cite = _string_list(entry.get("cite", []))
    if cite is None:
        problem("cite", f"{name}: cite must be a list of reference keys")
    choices: list[str] = []
    answer: int | None = None
    regions: list[str] | None = []
    if kind == "choice":
        choices, answer = _choices(entry, name, problem)
    elif kind == "find":
        regions = _string_list(entry.get("regions"))
        if not regions:
            problem("regions" if "regions" in entry else "kind",
                    f"{name}: a find question needs 'regions', a list of the region ids that answer it")
    answer_text = entry.get("answer_text", "")
    if not isinstance(answer_text, str):
        problem("answer_text", f"{name}: answer_text must be a string (the answer in plain words)")
    elif answer_text.strip() and kind != "find":
        problem("answer_text", f"{name}: answer_text is only used by find questions; choice questions show "
                               f"the right choice", "warning")
    if any(p.severity == "error" for p in problems) or not isinstance(topic, str) or not isinstance(level, str):
        return None, problems  # (a topic or level that is not one of the names is reported above)
    lesson, _, anchor = texts["lesson"].partition("#")
    return Question(id=question_id, topic=topic, region=region or None, level=level, teachback=teachback,
                    kind=kind, prompt=texts["prompt"], choices=choices, answer=answer, regions=regions or [],
                    explanation=texts["explanation"], lesson=lesson.strip(), anchor=anchor.strip(),
                    cite=cite or [], path=path, line=line, field_lines=field_lines,
                    answer_text=answer_text.strip() if kind == "find" else ""), problems


def _choices(entry: dict, name: str, problem) -> tuple[list[str], int | None]:
    choices = _string_list(entry.get("choices"))
    if choices is None or not MIN_CHOICES <= len(choices) <= MAX_CHOICES or not all(c.strip() for c in choices):
        problem("choices", f"{name}: 'choices' must be a list of {MIN_CHOICES} to {MAX_CHOICES} non-empty strings")
        return [], None
    choices = [c.strip() for c in choices]
    if len(set(c.lower() for c in choices)) < len(choices):
        problem("choices", f"{name}: two choices have the same text", "warning")
    answer = entry.get("answer")
    if not isinstance(answer, int) or isinstance(answer, bool):
        problem("answer" if "answer" in entry else "choices",
                f"{name} needs 'answer', the 0-based index of the right choice")
        return choices, None
    if not 0 <= answer < len(choices):
        problem("answer", f"{name}: answer {answer} is out of range; with {len(choices)} choices it must be "
                          f"0 to {len(choices) - 1} (counting from 0)")
        return choices, None
    return choices, answer


def _string_list(value) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v for v in value]
    return None


# ----- cross-references (run by check.py once all content is loaded) -------------------------------------
def check_questions(content) -> list[Problem]:
    """Regions, lessons, headings and citation keys named by the banks must exist."""
    from viewer.model.content.lessons import CITATION
    from viewer.model.content.render import slugify

    problems: list[Problem] = []
    region_ids = {r.id for r in content.regions}
    slugs: dict[str, set[str]] = {}
    for question in content.questions:
        def problem(key: str, message: str, severity: str = "error", question=question) -> None:
            problems.append(Problem(question.path, question.line_of(key), f"question '{question.id}': {message}",
                                    severity))

        if question.region and question.region not in region_ids:
            problem("region", f"region '{question.region}' is not a region of the diagram")
        for region_id in question.regions:
            if region_id not in region_ids:
                problem("regions", f"region '{region_id}' is not a region of the diagram")
        lesson = content.lessons.get(question.lesson)
        if lesson is None:
            problem("lesson", f"lesson '{question.lesson}' does not exist")
        elif question.anchor:
            if lesson.id not in slugs:
                slugs[lesson.id] = {slugify(line.text.lstrip("#")) for line in lesson.body_lines()
                                    if line.text.startswith("#")}
            if question.anchor not in slugs[lesson.id]:
                problem("lesson", f"lesson '{lesson.id}' has no heading '#{question.anchor}'")
            elif question.anchor not in {slugify(line.lstrip("#")) for line in lesson.markdown(question.level)
                                         .splitlines() if line.startswith("#")}:
                problem("lesson", f"'#{question.anchor}' is not in the {question.level} text of lesson "
                                  f"'{lesson.id}'; Read more would switch the reading level", "warning")
        inline = [key.strip().lstrip("@") for match in CITATION.finditer(question.explanation)
                  for key in match.group(1).split(";")]
        for key in question.cite + inline:
            if key not in content.bibliography:
                problem("cite" if key in question.cite else "explanation",
                        f"cite key '{key}' is not in lessons/references.toml")
        if question.teachback and question.level != "patient":
            problem("teachback", "a teach-back question is asked of a patient, so its level must be 'patient'")
    return problems
