"""The model's two spaces in words for a screen reader, placed against the gauge's bands.

The gauge draws each space against the published control and patient means ± SD (Singer 2015,
comparison.py) and a dashed "normal" tick (Tosun, quoted second-hand); a screen reader hears the
same comparison. The words are content: the [spoken] table of resources/motion-text.toml; this
module only chooses which of them apply.
"""

from __future__ import annotations

from viewer.model.core.record import record
from viewer.model.motion.comparison import SINGER, TOSUN_NORMAL_ABOVE
from viewer.model.motion.kinematics import Measures

SPACES = ("ifs", "qfs")
ROW_NAMES = {"ifs": "Ischiofemoral space (IFS)", "qfs": "Quadratus femoris space (QFS)"}  # the gauge's rows
SPOKEN_KEYS = ("ifs", "qfs", "controls_below", "controls_within", "controls_above", "patients_below",
               "patients_within", "patients_above", "average", "tick", "tick_below", "tick_above", "contact",
               "settled_end")


@record(frozen=True)
class Spoken:
    """The [spoken] words of resources/motion-text.toml (every key of SPOKEN_KEYS)."""

    words: dict[str, str]

    def _against(self, which: str, mm: float, group: str, prefix: str) -> str:
        mean, sd = SINGER[which][group]
        where = ("below" if mm < mean - sd else "above" if mm > mean + sd else "within")
        return f"{self.words[f'{prefix}_{where}']} {self.words['average'].format(mean=mean, sd=round(sd))}"

    def against_tick(self, which: str, mm: float) -> str:
        tick = TOSUN_NORMAL_ABOVE[which]
        side = self.words["tick_below"] if mm < tick else self.words["tick_above"]
        return self.words["tick"].format(side=side, tick=tick)

    def space_in_words(self, which: str, mm: float, contact: bool = False, tick: bool = False) -> str:
        """One space, e.g. 'ischiofemoral space 12 mm, narrower than ..., close to the average for ...'."""
        name = self.words[which]
        if contact:
            return self.words["contact"].format(name=name)
        parts = [f"{name} {mm:.0f} mm", self._against(which, mm, "control", "controls"),
                 self._against(which, mm, "patient", "patients")]
        if tick:
            parts.append(self.against_tick(which, mm))
        return ", ".join(parts)

    def pose_settled(self, label: str, measures: Measures) -> str:
        """What a screen reader is told when an animated pose change ends ('Long stride: ischiofemoral space ...')."""
        ifs, qfs = measures.ifs, measures.qfs
        return (f"{label}: {self.space_in_words('ifs', ifs.mm, ifs.contact)}; "
                f"{self.space_in_words('qfs', qfs.mm, qfs.contact)}. {self.words['settled_end']}")
