"""Question banks: loading, and every kind of mistake reported at its file and line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from viewer.model.content.check import check_content
from viewer.model.content.loader import load_content
from viewer.model.content.questions import load_questions

GOOD = '''
[[question]]
id = "q-one"
topic = "anatomy"
region = "upper"
level = "clinical"
prompt = "Which?"
choices = ["a", "b", "c"]
answer = 1
explanation = "Because."
lesson = "upper#mechanism"
cite = ["smith2020"]
'''


def write_bank(mini_dir, text, name="extra.toml"):
    path = mini_dir / "lessons" / "questions" / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_in(mini_dir, name="extra.toml"):
    content = load_content(mini_dir)
    return [(p.line, p.message, p.severity) for p in check_content(content) if p.path.name == name]


def test_mini_banks_load_in_file_order_with_lesson_and_anchor(repo):
    questions, problems = load_questions(repo / "tests" / "data" / "mini" / "lessons" / "questions")
    assert problems == []
    assert [q.id for q in questions] == ["upper-presses", "where-pinched", "upper-cases", "lower-about"]
    first = questions[0]
    assert (first.lesson, first.anchor, first.teachback, first.kind) == ("upper", "how-it-presses", True, "choice")
    assert first.right_answer == "When you sit" and first.card_id == "q:upper-presses" and first.line == 3
    find = questions[1]
    assert find.kind == "find" and find.regions == ["upper", "lower"] and find.choices == [] and find.answer is None


def test_content_loads_banks_on_first_use_and_without_a_folder(mini_dir):
    content = load_content(mini_dir)
    assert content._questions is None                      # not read at start-up
    assert len(content.questions) == 4
    (mini_dir / "lessons" / "questions" / "basics.toml").unlink()
    (mini_dir / "lessons" / "questions" / "tests.toml").unlink()
    (mini_dir / "lessons" / "questions").rmdir()
    assert load_content(mini_dir).questions == []


def test_a_good_extra_bank_adds_no_problem(mini_dir):
    write_bank(mini_dir, GOOD)
    assert problems_in(mini_dir) == []


@pytest.mark.parametrize("old, new, line, words", [
    ('region = "upper"', 'region = "middle"', 5, "region 'middle' is not a region of the diagram"),
    ('lesson = "upper#mechanism"', 'lesson = "nowhere"', 11, "lesson 'nowhere' does not exist"),
    ('lesson = "upper#mechanism"', 'lesson = "upper#no-such"', 11, "has no heading '#no-such'"),
    ('cite = ["smith2020"]', 'cite = ["nobody1999"]', 12, "cite key 'nobody1999' is not in"),
    ('answer = 1', 'answer = 3', 9, "answer 3 is out of range"),
    ('answer = 1', 'answer = -1', 9, "answer -1 is out of range"),
    ('answer = 1\n', '', 8, "needs 'answer'"),
    ('explanation = "Because."\n', '', 2, "needs 'explanation'"),
    ('prompt = "Which?"', 'prompt = ""', 7, "needs 'prompt'"),
    ('topic = "anatomy"', 'topic = "trivia"', 4, "topic must be one of"),
    ('level = "clinical"', 'level = "expert"', 6, "level must be 'patient' or 'clinical'"),
    ('choices = ["a", "b", "c"]', 'choices = ["a"]', 8, "2 to 6 non-empty strings"),
    ('id = "q-one"', 'id = "Q One"', 3, "needs an id"),
    ('level = "clinical"', 'level = "clinical"\nteachback = true', 7, "its level must be 'patient'"),
    ('explanation = "Because."', 'explanation = "Because [@ghost2000]."', 10, "cite key 'ghost2000'"),
    ('lesson = "upper#mechanism"', 'lesson = "upper#mechanism"\nkind = "find"', 12, "needs 'regions'"),
])
def test_broken_question_is_reported_at_its_line(mini_dir, old, new, line, words):
    assert old in GOOD
    write_bank(mini_dir, GOOD.replace(old, new))
    found = problems_in(mini_dir)
    assert any(at == line and words in message and severity == "error" for at, message, severity in found), found


def test_duplicate_id_across_banks_keeps_the_first(mini_dir):
    write_bank(mini_dir, GOOD.replace('"q-one"', '"upper-presses"'))
    content = load_content(mini_dir)
    assert [q.id for q in content.questions].count("upper-presses") == 1
    problem = next(p for p in check_content(content) if p.path.name == "extra.toml")
    assert problem.line == 2 and "already used at basics.toml:3" in problem.message


def test_find_question_with_unknown_region_and_unknown_field(mini_dir):
    write_bank(mini_dir, '[[question]]\nid = "f"\ntopic = "anatomy"\nlevel = "patient"\nkind = "find"\n'
                         'prompt = "Find it"\nregions = ["upper", "ghost"]\nexplanation = "x"\nlesson = "upper"\n'
                         'answers = 2\n')
    found = problems_in(mini_dir)
    assert (7, "question 'f': region 'ghost' is not a region of the diagram", "error") in found
    assert any(line == 10 and "unknown field 'answers'" in m and s == "warning" for line, m, s in found)


def test_invalid_toml_is_reported_and_other_banks_still_load(mini_dir):
    write_bank(mini_dir, GOOD + "\n[[question]\nid = 'x'\n")
    content = load_content(mini_dir)
    assert len(content.questions) == 4
    problem = next(p for p in check_content(content) if p.path.name == "extra.toml")
    assert problem.line == 14 and "invalid TOML" in problem.message


def test_check_command_exits_1_with_path_line_for_a_broken_bank(repo, mini_dir):
    write_bank(mini_dir, GOOD.replace("answer = 1", "answer = 7"))
    result = subprocess.run([sys.executable, "main.py", "--check", "--content", str(mini_dir)], cwd=repo,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "extra.toml:9: question 'q-one': answer 7 is out of range" in result.stdout


def test_bundled_banks_load_without_problems(repo):
    content = load_content(repo)
    ids = [q.id for q in content.questions]
    assert ids and len(ids) == len(set(ids))
    assert not [p for p in check_content(content) if "questions" in p.path.parts]


def test_patient_question_linking_to_clinical_only_text_is_a_warning(mini_dir):
    write_bank(mini_dir, GOOD.replace('level = "clinical"', 'level = "patient"'))
    assert problems_in(mini_dir) == [(11, "question 'q-one': '#mechanism' is not in the patient text of lesson "
                                          "'upper'; Read more would switch the reading level", "warning")]
