"""Study and user-data logic without Qt: which cards a session asks and in what order, recording an
answer, import/merge, the card -> structure map and today's teach-back (viewer/model/study/)."""

from __future__ import annotations

import json
import random

import pytest

from viewer.model.content.loader import load_content
from viewer.model.study.cards import card_info
from viewer.model.study.label_quiz import diagram_labels
from viewer.model.study.plan import empty_note, plan_session, review_order
from viewer.model.study.progress import Progress
from viewer.model.study.quiz import QuizSession
from viewer.model.study.teachback import TeachbackState
from viewer.model.study.user_data import NOTES_FILE, PROGRESS_FILE, UserData


@pytest.fixture
def mini(repo):
    content = load_content(repo / "tests" / "data" / "mini")
    content.index()  # region shapes: only structures drawn on the diagram are asked
    return content


def plan(content, mode, progress=None, level="clinical", limit=10, seed=1, topic=None):
    labels = diagram_labels(content.diagram, content.regions)
    regions = [r for r in content.regions if r.shape is not None]
    return plan_session(mode, content, regions, labels, progress or Progress(), level, topic, limit, True,
                        random.Random(seed))


def test_the_card_map_names_each_cards_structure_and_topic(mini):
    info = card_info(mini)
    drawn = [r.id for r in mini.regions if r.shape is not None]
    for region_id in drawn:
        assert info[f"find:{region_id}"] == (region_id, "anatomy") == info[f"name:{region_id}"]
    for question in mini.questions:
        assert info[f"q:{question.id}"] == (question.region or None, question.topic or None)


def test_find_and_name_ask_each_drawn_structure_once_up_to_the_limit(mini):
    drawn = {r.id for r in mini.regions if r.shape is not None}
    tasks = plan(mini, "find").tasks
    assert sorted(t.region for t in tasks) == sorted(drawn)
    assert len(plan(mini, "name", limit=2).tasks) == 2


def test_questions_come_overdue_first_then_new_then_the_rest(mini):
    progress = Progress()
    cards = [q.card_id for q in mini.questions if not q.teachback]
    assert len(cards) >= 2
    progress.record(cards[0], True)  # studied and right: not due for days
    first = plan(mini, "questions", progress).tasks
    assert first[-1].card_id == cards[0]  # the card known best comes last
    assert plan(mini, "questions", progress).hide_all_labels is False


def test_review_asks_due_cards_only_and_never_teachback_answers(mini):
    progress = Progress()
    everything = list(card_info(mini))
    for card in everything:
        progress.record(card, True)
    assert plan(mini, "review", progress).tasks == []
    assert empty_note("review") == "Nothing is due now. Well done!"
    order = review_order(everything[:3], Progress(), random.Random(2))
    assert sorted(order) == sorted(everything[:3])  # all new, all asked


def test_teachback_is_not_recorded_and_goes_on_the_handout_only_when_chosen(mini):
    chosen = plan(mini, "teachback")
    assert chosen.tasks and not chosen.record
    session = QuizSession("teachback", chosen.tasks, mini.regions, record=chosen.record)
    session.answer_choice(session.current.answer)
    state = TeachbackState()
    assert not state.set_on_handout(True)  # nothing done yet
    state.result = session.teachback_result()
    assert state.handout_markdown() == ""
    assert state.set_on_handout(True) and "What we went over today" in state.handout_markdown()
    state.forget()
    assert state.result is None and not state.on_handout


def test_an_answer_is_recorded_and_saved_at_once(tmp_path, mini):
    data = UserData(tmp_path)
    assert data.record_answer("find:upper", False, "upper", "anatomy")
    saved = json.loads((tmp_path / PROGRESS_FILE).read_text(encoding="utf-8"))
    assert "find:upper" in json.dumps(saved)
    again = UserData(tmp_path)
    assert [a.card for a in again.progress.attempts] == ["find:upper"]
    due, new = again.due_and_new(mini)
    assert due == 1 and new == len(card_info(mini)) - 1


def test_a_damaged_file_is_set_aside_with_one_notice(tmp_path):
    (tmp_path / NOTES_FILE).write_text("{not json", encoding="utf-8")
    told = []
    data = UserData(tmp_path, told.append)
    assert data.notes.bookmarks == []
    data.notes  # noqa: B018 -- read again: no second notice
    assert len(told) == 1 and "notes" in told[0]
    assert list(tmp_path.glob("notes.corrupt-*.json"))


def test_import_merges_or_replaces_keeping_a_backup(tmp_path):
    mine, theirs = UserData(tmp_path / "mine"), UserData(tmp_path / "theirs")
    mine.record_answer("find:upper", True, "upper", "anatomy")
    mine.notes.toggle_bookmark("band")
    assert mine.save()
    theirs.record_answer("find:lower", False, "lower", "anatomy")
    theirs.export_to(tmp_path / "export.json")
    bundle = mine.read_import(tmp_path / "export.json")
    assert mine.import_bundle(bundle, "merge")
    assert {a.card for a in mine.progress.attempts} == {"find:upper", "find:lower"}
    assert mine.notes.bookmarks == ["band"]
    assert mine.import_bundle(mine.read_import(tmp_path / "export.json"), "replace")
    assert {a.card for a in mine.progress.attempts} == {"find:lower"}
    assert list((tmp_path / "mine").glob("progress.before-import-*.json"))

