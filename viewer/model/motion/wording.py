"""Reads resources/motion-text.toml: the words the motion view shows (content, not code)."""

from __future__ import annotations

from pathlib import Path

from viewer.model.core.problems import ContentError, Problem
from viewer.model.core.record import record
from viewer.model.core.textfile import read_text
from viewer.model.core.tomlfile import parse_toml
from viewer.model.motion.spoken import SPOKEN_KEYS, Spoken

TEXT_FILE = "motion-text.toml"


@record
class MotionWords:
    model_label: str
    model_patient: str
    model_clinical: str
    caveat_patient: str
    caveat_clinical: str
    gauge_clinical: str
    bands: list[tuple[float, str]]  # (upper edge mm, sentence), widest first
    muscle_longer: str
    muscle_shorter: str
    muscle_clinical: str
    spoken: Spoken  # what a screen reader hears about the gauge
    swing_patient: str = ""
    swing_clinical: str = ""

    def ifs_in_words(self, ifs_mm: float, contact: bool = False) -> str:
        """The Patient-level sentence for an ischiofemoral space width."""
        if contact:
            return self.bands[-1][1]
        sentence = self.bands[0][1]
        for upper, text in self.bands:
            if ifs_mm <= upper and upper > 0:
                sentence = text
        return sentence


def load_words(resources_dir: Path) -> MotionWords:
    path = resources_dir / TEXT_FILE
    text = read_text(path)
    data = parse_toml(text, path)
    try:
        bands = sorted(((float(b["below"]), str(b["text"])) for b in data["patient_ifs"]), key=lambda b: -b[0])
        return MotionWords(
            model_label=data["model"]["label"], model_patient=data["model"]["patient"],
            model_clinical=data["model"]["clinical"], caveat_patient=data["caveat"]["patient"],
            caveat_clinical=data["caveat"]["clinical"], gauge_clinical=data["gauge"]["clinical"], bands=bands,
            muscle_longer=data["muscles"]["patient_longer"], muscle_shorter=data["muscles"]["patient_shorter"],
            muscle_clinical=data["muscles"]["clinical"],
            spoken=Spoken({key: str(data["spoken"][key]) for key in SPOKEN_KEYS}),
            swing_patient=data.get("swing", {}).get("patient", ""), swing_clinical=data.get("swing", {}).get("clinical", ""))
    except (KeyError, TypeError, ValueError) as exc:
        raise ContentError(Problem(path, 1, f"missing or malformed entry: {exc}")) from exc
