"""Today's teach-back: the last result and whether it goes on the patient's handout.

Shared by the Study menu (which runs the teach-back) and Chairside (which prints the handout),
through the application context. In memory only: a patient's answers are never saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the quiz model loads with the first quiz, not at start-up
    from viewer.model.study.quiz import TeachbackResult


class TeachbackState:
    def __init__(self) -> None:
        self.result: TeachbackResult | None = None
        self.on_handout = False

    def set_on_handout(self, on: bool) -> bool:
        """Only a teach-back that was done can go on the handout; returns the new choice."""
        self.on_handout = bool(on) and self.result is not None
        return self.on_handout

    def handout_markdown(self) -> str:
        """The section for today's handout ("" when there is none or it was not chosen)."""
        return self.result.handout_markdown() if self.result is not None and self.on_handout else ""

    def forget(self) -> None:
        """New patient: the last patient's teach-back goes."""
        self.result = None
        self.on_handout = False
