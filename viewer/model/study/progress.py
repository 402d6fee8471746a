"""Study progress: every answer given, and each card's spaced-repetition state.

Scheduling is done by the ``fsrs`` package (Free Spaced Repetition Scheduler); this module only
keeps its card states and a log of attempts, and answers "what is due" and "how am I doing".
Card ids: ``find:<region>``, ``name:<region>``, ``q:<question id>``. A card never answered is
*new*: due, but after every card already overdue.

fsrs is imported on the first answer, never on load, so reading progress stays cheap.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Iterable, Mapping, NotRequired, TypeGuard

from viewer.model.core.record import record

VERSION = 1
KIND = "progress"
UNSORTED = "other"  # stats group for attempts without a region or topic

if TYPE_CHECKING:  # fsrs is imported on the first answer (see above), its types only for the checker
    from fsrs import Scheduler
    from fsrs.card import CardDict

    class StoredCard(CardDict):
        """A card's state as stored: fsrs's ``Card.to_dict()`` plus what the card is about."""

        region: NotRequired[str]
        topic: NotRequired[str]


@record
class Stat:
    correct: int = 0
    total: int = 0
    due: int = 0       # studied cards due now
    new: int = 0       # cards never answered (only when card_info is given)

    @property
    def rate(self) -> float | None:
        return self.correct / self.total if self.total else None


@record(frozen=True)
class Attempt:
    card: str
    correct: bool
    at: datetime              # aware, UTC
    region: str | None = None
    topic: str | None = None

    def to_json(self) -> dict:
        data = {"card": self.card, "correct": self.correct, "at": _iso(self.at)}
        if self.region:
            data["region"] = self.region
        if self.topic:
            data["topic"] = self.topic
        return data

    @classmethod
    def from_json(cls, data: dict) -> Attempt:
        return cls(str(data["card"]), bool(data["correct"]), _parse_time(data["at"]),
                   data.get("region") or None, data.get("topic") or None)

    def key(self) -> tuple:
        return self.card, _iso(self.at), self.correct


@record(frozen=True)
class DayPoint:
    day: date
    correct: int
    total: int

    @property
    def rate(self) -> float:
        return self.correct / self.total if self.total else 0.0


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(timezone.utc)
    return now if now.tzinfo else now.replace(tzinfo=timezone.utc)


def end_of_today(now: datetime | None = None) -> datetime:
    """The last moment of the local calendar day: "due today" means due by then."""
    return _now(now).astimezone().replace(hour=23, minute=59, second=59, microsecond=999999)


def due_phrase(due: int, new: int) -> str:
    """ "3 due · 85 new": the wording every count of cards to study uses."""
    return f"{due} due · {new} new"


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def _parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(str(text))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


class Progress:
    def __init__(self):
        self.attempts: list[Attempt] = []
        self.cards: dict[str, StoredCard] = {}   # card id -> fsrs Card.to_dict() plus "region"/"topic"
        self.revision = 0                   # bumps on every change; the saver compares it
        self._scheduler: Scheduler | None = None

    # ----- answering ------------------------------------------------------------------------------------
    def record(self, card_id: str, correct: bool, *, region: str | None = None, topic: str | None = None,
               now: datetime | None = None) -> None:
        """Log one answer and let FSRS schedule the card's next review (right = Good, wrong = Again)."""
        from fsrs import Card, Rating

        now = _now(now)
        state = self.cards.get(card_id)
        card = Card.from_dict(state) if state else Card(card_id=len(self.cards) + 1, due=now)
        card, _log = self.scheduler.review_card(card, Rating.Good if correct else Rating.Again, now)
        saved: StoredCard = {**card.to_dict()}
        old_region, old_topic = (state.get("region"), state.get("topic")) if state else (None, None)
        region, topic = region or old_region, topic or old_topic
        if region:
            saved["region"] = region
        if topic:
            saved["topic"] = topic
        self.cards[card_id] = saved
        self.attempts.append(Attempt(card_id, bool(correct), now, region, topic))
        self.revision += 1

    @property
    def scheduler(self) -> Scheduler:
        if self._scheduler is None:
            from fsrs import Scheduler

            self._scheduler = Scheduler()
        return self._scheduler

    # ----- what is due ----------------------------------------------------------------------------------
    def due_at(self, card_id: str) -> datetime | None:
        """When the card is next due; None for a card never answered."""
        state = self.cards.get(card_id)
        if not state:
            return None
        try:
            return _parse_time(state["due"])
        except (KeyError, TypeError, ValueError):
            return datetime.min.replace(tzinfo=timezone.utc)  # unreadable date: review it now

    def due_cards(self, card_ids: Iterable[str], now: datetime | None = None) -> list[str]:
        """Cards due now, most overdue first, then cards never studied (in the order given)."""
        now = _now(now)
        overdue, new, seen = [], [], set()
        for card_id in card_ids:
            if card_id in seen:
                continue
            seen.add(card_id)
            due = self.due_at(card_id)
            if due is None:
                new.append(card_id)
            elif due <= now:
                overdue.append((due, card_id))
        overdue.sort(key=lambda pair: pair[0])
        return [card_id for _due, card_id in overdue] + new

    def due_count(self, card_ids: Iterable[str], now: datetime | None = None) -> int:
        return len(self.due_cards(card_ids, now))

    def due_and_new(self, card_ids: Iterable[str], now: datetime | None = None) -> tuple[int, int]:
        """The one count shown everywhere: (studied cards whose review date comes by the end of today,
        cards never studied)."""
        cards = set(card_ids)
        due = self.due_cards(cards, end_of_today(now))
        new = sum(1 for card_id in due if card_id not in self.cards)
        return len(due) - new, new

    def due_forecast(self, card_ids: Iterable[str], days: int = 14, now: datetime | None = None) -> list[DayPoint]:
        """Studied cards coming due on each of the next ``days`` local days (overdue ones count today).

        Returned as DayPoint(day, correct=0, total=count) so the chart code handles one shape.
        """
        today = _now(now).astimezone().date()
        counts = [0] * days
        for card_id in set(card_ids):
            due = self.due_at(card_id)
            if due is None:
                continue
            offset = max(0, (due.astimezone().date() - today).days) if due.year > 1 else 0
            if offset < days:
                counts[offset] += 1
        return [DayPoint(date.fromordinal(today.toordinal() + i), 0, n) for i, n in enumerate(counts)]

    def studied(self, card_id: str) -> bool:
        return card_id in self.cards

    # ----- how am I doing -------------------------------------------------------------------------------
    def stats(self, by: str, now: datetime | None = None,
              card_info: Mapping[str, tuple[str | None, str | None]] | None = None) -> dict[str, Stat]:
        """Correct/total answers and due cards per region or topic (``by`` is "region" or "topic").

        ``card_info`` (card id -> (region, topic)) lists every card that exists, so the cards never
        answered are counted as ``new`` and cards of removed content are left out of ``due``.
        """
        if by not in ("region", "topic"):
            raise ValueError(f"stats by 'region' or 'topic', not {by!r}")
        now = _now(now)
        result: dict[str, Stat] = {}
        for attempt in self.attempts:
            stat = result.setdefault(getattr(attempt, by) or UNSORTED, Stat())
            stat.total += 1
            stat.correct += attempt.correct
        index = 0 if by == "region" else 1
        if card_info is None:
            card_info = {card_id: (state.get("region"), state.get("topic")) for card_id, state in self.cards.items()}
        for card_id, info in card_info.items():
            group = info[index] or UNSORTED
            due = self.due_at(card_id)
            if due is None:
                result.setdefault(group, Stat()).new += 1
            elif due <= now:
                result.setdefault(group, Stat()).due += 1
        return result

    def daily_series(self, by: str | None = None) -> dict[str, list[DayPoint]]:
        """Answers per local calendar day, per region or topic (``by=None``: one series, "all")."""
        days: dict[str, dict[date, list[int]]] = {}
        for attempt in self.attempts:
            group = (getattr(attempt, by) or UNSORTED) if by else "all"
            day = attempt.at.astimezone().date()
            counts = days.setdefault(group, {}).setdefault(day, [0, 0])
            counts[0] += attempt.correct
            counts[1] += 1
        return {group: [DayPoint(day, c, t) for day, (c, t) in sorted(per_day.items())]
                for group, per_day in days.items()}

    # ----- storing ----------------------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {"kind": KIND, "version": VERSION,
                "cards": {card_id: dict(state) for card_id, state in sorted(self.cards.items())},
                "attempts": [attempt.to_json() for attempt in self.attempts]}

    @classmethod
    def from_json(cls, data: dict) -> Progress:
        """Build from stored JSON. Entries that make no sense are skipped, not fatal."""
        progress = cls()
        cards = data.get("cards")
        for card_id, state in (cards.items() if isinstance(cards, dict) else ()):
            if _is_card_state(state):
                progress.cards[str(card_id)] = state
        attempts = data.get("attempts")
        for entry in (attempts if isinstance(attempts, list) else ()):
            try:
                progress.attempts.append(Attempt.from_json(entry))
            except (KeyError, TypeError, ValueError, AttributeError):
                continue
        progress.attempts.sort(key=lambda attempt: attempt.at)
        return progress

    def merge(self, other: Progress) -> None:
        """Bring in another computer's progress: all attempts of both; per card the latest review wins."""
        known = {attempt.key() for attempt in self.attempts}
        self.attempts.extend(a for a in other.attempts if a.key() not in known)
        self.attempts.sort(key=lambda attempt: attempt.at)
        for card_id, state in other.cards.items():
            mine = self.cards.get(card_id)
            if mine is None or _last_review(state) > _last_review(mine):
                self.cards[card_id] = state.copy()
        self.revision += 1

    def replace_with(self, other: Progress) -> None:
        self.attempts = list(other.attempts)
        self.cards = {card_id: state.copy() for card_id, state in other.cards.items()}
        self.revision += 1


def _is_card_state(value: object) -> TypeGuard[StoredCard]:
    """Enough of a stored card to keep (a due time); fsrs reads the rest when the card is next answered."""
    return isinstance(value, dict) and isinstance(value.get("due"), str)


def _last_review(state: StoredCard) -> datetime:
    try:
        return _parse_time(state["last_review"] or "")  # never reviewed: the earliest time
    except (KeyError, TypeError, ValueError):
        return datetime.min.replace(tzinfo=timezone.utc)
