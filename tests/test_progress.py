"""Study progress: FSRS scheduling, what is due, stats per region/topic, storing, merging, export."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from viewer.model.core.datafile import load_json, save_json
from viewer.model.study.notes import Notes
from viewer.model.study.progress import KIND, VERSION, Progress
from viewer.model.study.transfer import TransferError, apply, export_text, read_export

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
INFO = {"find:piriformis": ("piriformis", "anatomy"), "name:piriformis": ("piriformis", "anatomy"),
        "q:sitting": ("piriformis", "mechanisms"), "q:red": (None, "red-flags"), "q:never": ("sciatic-nerve", "tests")}


def studied() -> Progress:
    progress = Progress()
    progress.record("find:piriformis", True, region="piriformis", topic="anatomy", now=T0)
    progress.record("q:sitting", False, region="piriformis", topic="mechanisms", now=T0 + timedelta(minutes=1))
    progress.record("q:red", True, topic="red-flags", now=T0 + timedelta(minutes=2))
    progress.record("find:piriformis", True, region="piriformis", topic="anatomy", now=T0 + timedelta(hours=1))
    return progress


def test_fsrs_spaces_a_known_card_further_than_a_missed_one():
    progress = studied()
    assert progress.due_at("find:piriformis") > progress.due_at("q:sitting")
    assert progress.due_at("find:piriformis") - (T0 + timedelta(hours=1)) >= timedelta(hours=12)
    assert progress.due_at("q:sitting") - T0 <= timedelta(minutes=15)
    assert progress.cards["find:piriformis"]["state"] == 2  # fsrs State.Review after two right answers


def test_due_cards_most_overdue_first_then_never_studied_in_given_order():
    progress = studied()
    now = T0 + timedelta(days=30)
    due = progress.due_cards(["q:never", "find:piriformis", "q:sitting", "q:red", "name:piriformis"], now)
    assert due[:3] == sorted(due[:3], key=progress.due_at)
    assert set(due[:3]) == {"find:piriformis", "q:sitting", "q:red"}
    assert due[3:] == ["q:never", "name:piriformis"]
    assert progress.due_count(INFO, T0 + timedelta(minutes=30)) == 4  # two in learning steps + two new
    assert progress.due_cards([], now) == []


def test_due_today_counts_cards_due_later_today():
    progress = Progress()
    late_evening = datetime.now().astimezone().replace(hour=20, minute=0, second=0, microsecond=0)
    progress.record("q:sitting", False, now=late_evening)  # due again ten minutes later, still today
    assert progress.due_count(["q:sitting"], late_evening) == 0
    assert progress.due_and_new(["q:sitting"], late_evening) == (1, 0)  # due by the end of today, not new


def test_scheduler_state_survives_save_and_reload(tmp_path):
    progress = studied()
    save_json(tmp_path / "progress.json", progress.to_json())
    result = load_json(tmp_path / "progress.json", KIND, VERSION)
    assert result.notice is None
    again = Progress.from_json(result.data)
    assert again.cards == progress.cards
    assert again.attempts == progress.attempts
    now = T0 + timedelta(days=3)
    assert again.due_cards(INFO, now) == progress.due_cards(INFO, now)
    # scheduling carries on from the stored state exactly as it would have without the reload
    for p in (progress, again):
        p.record("find:piriformis", True, now=now)
    for field in ("stability", "difficulty", "state", "last_review"):
        assert again.cards["find:piriformis"][field] == progress.cards["find:piriformis"][field]
    assert again.cards["find:piriformis"]["region"] == "piriformis"  # kept from the first answer


def test_stats_per_region_and_topic_with_due_and_new():
    progress = studied()
    now = T0 + timedelta(minutes=30)
    by_region = progress.stats("region", now=now, card_info=INFO)
    assert (by_region["piriformis"].correct, by_region["piriformis"].total) == (2, 3)
    assert by_region["piriformis"].rate == pytest.approx(2 / 3)
    assert by_region["piriformis"].due == 1 and by_region["piriformis"].new == 1  # q:sitting; name:piriformis
    assert by_region["other"].total == 1  # q:red has no region
    assert by_region["sciatic-nerve"].new == 1 and by_region["sciatic-nerve"].rate is None
    by_topic = progress.stats("topic", now=now, card_info=INFO)
    assert (by_topic["anatomy"].correct, by_topic["anatomy"].total) == (2, 2)
    assert by_topic["mechanisms"].due == 1 and by_topic["tests"].new == 1
    with pytest.raises(ValueError):
        progress.stats("colour")


def test_daily_series_counts_answers_per_day():
    progress = studied()
    progress.record("q:sitting", True, region="piriformis", topic="mechanisms", now=T0 + timedelta(days=2))
    overall = progress.daily_series()["all"]
    assert [(p.correct, p.total) for p in overall] == [(3, 4), (1, 1)]
    assert overall[1].day - overall[0].day == timedelta(days=2)
    mechanisms = progress.daily_series("topic")["mechanisms"]
    assert [p.rate for p in mechanisms] == [0.0, 1.0]


def test_due_forecast_puts_overdue_cards_today():
    progress = studied()
    forecast = progress.due_forecast(INFO, days=14, now=T0 + timedelta(days=40))
    assert len(forecast) == 14 and forecast[0].total == 3 and sum(p.total for p in forecast) == 3


def test_bad_entries_in_a_stored_file_are_skipped():
    data = studied().to_json()
    data["attempts"].append({"card": "q:x"})               # no time
    data["attempts"].append({"card": "q:x", "correct": True, "at": "yesterday"})
    data["cards"]["q:broken"] = "not a card"
    again = Progress.from_json(data)
    assert len(again.attempts) == 4 and "q:broken" not in again.cards
    assert Progress.from_json({"cards": [], "attempts": {}}).attempts == []


def test_merge_keeps_both_histories_and_the_latest_review_per_card():
    here, there = studied(), Progress()
    there.record("find:piriformis", False, region="piriformis", topic="anatomy", now=T0 + timedelta(days=2))
    there.record("q:never", True, region="sciatic-nerve", topic="tests", now=T0 + timedelta(days=2))
    here.merge(there)
    assert len(here.attempts) == 6
    assert here.cards["find:piriformis"] == there.cards["find:piriformis"]  # reviewed later over there
    assert here.cards["q:sitting"]["last_review"].startswith("2026-11-02")
    before = json.dumps(here.to_json())
    here.merge(there)  # importing the same file twice changes nothing
    assert json.dumps(here.to_json()) == before


def test_export_and_import_round_trip_merge_and_replace():
    progress, notes = studied(), Notes()
    notes.toggle_bookmark("piriformis")
    notes.set_note("piriformis", "Ask about sitting.")
    text = export_text(progress, notes, "2026-11-21T12:00:00+00:00")
    bundle = read_export(text)
    assert bundle.progress.to_json() == progress.to_json()
    assert bundle.notes.to_json() == notes.to_json()

    fresh_progress, fresh_notes = Progress(), Notes()
    apply(bundle, fresh_progress, fresh_notes, "merge")
    assert fresh_progress.to_json() == progress.to_json() and fresh_notes.to_json() == notes.to_json()

    other_progress, other_notes = Progress(), Notes()
    other_progress.record("q:red", False, now=T0 + timedelta(days=5))
    other_notes.toggle_bookmark("sciatic-nerve")
    apply(read_export(text), other_progress, other_notes, "replace")
    assert other_progress.to_json() == progress.to_json() and other_notes.bookmarks == ["piriformis"]
    with pytest.raises(ValueError):
        apply(bundle, other_progress, other_notes, "overwrite")


@pytest.mark.parametrize("text, words", [("{", "not a progress export"), ('{"kind": "progress", "version": 1}', "not a progress"),
                                         ('{"kind": "dgs-viewer-export", "version": 9}', "newer version"),
                                         ('{"kind": "dgs-viewer-export"}', "no format version")])
def test_import_refuses_files_that_are_not_exports(text, words):
    with pytest.raises(TransferError, match=words):
        read_export(text)


def test_due_and_new_is_one_count_studied_due_by_tonight_and_never_studied():
    from viewer.model.study.progress import due_phrase, end_of_today

    progress = Progress()
    now = datetime.now(timezone.utc).astimezone().replace(hour=9, minute=0, second=0, microsecond=0)
    cards = ["a", "b", "c", "d"]
    progress.record("a", False, now=now)                     # missed: back within minutes, so due today
    progress.record("b", True, now=now)
    progress.cards["b"]["due"] = (now + timedelta(days=5)).isoformat()   # known: due some days on
    due, new = progress.due_and_new(cards, now=now)
    assert (due, new) == (1, 2) and due_phrase(due, new) == "1 due · 2 new"
    assert end_of_today(now).date() == now.date() and end_of_today(now) > now
    progress.record("c", True, now=now)
    assert progress.due_and_new(cards, now=now) == (2, 1)     # a new card answered today moves to "due"
