"""The shared bibliography (lessons/references.toml) and how a reference is cited."""

from __future__ import annotations

from pathlib import Path

from viewer.model.core.problems import Problem, line_of
from viewer.model.core.record import record
from viewer.model.core.textfile import read_text
from viewer.model.core.tomlfile import parse_toml


@record(frozen=True)
class Reference:
    """One source in references.toml."""

    key: str
    authors: str = ""
    title: str = ""
    journal: str = ""
    year: str = ""
    volume: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    pmcid: str = ""
    url: str = ""
    note: str = ""

    def citation(self, with_note: bool = True) -> str:
        """Vancouver-style text: Authors. Title. Journal. Year;Volume:Pages. (Note.)"""
        parts = [p.rstrip(".") + "." for p in (self.authors, self.title) if p]
        source = self.journal.rstrip(".")
        if self.year:
            source += f". {self.year}" if source else str(self.year)
        if self.volume:
            source += f";{self.volume}"
        if self.pages:
            source += f":{self.pages}"
        if source:
            parts.append(source + ".")
        if self.note and with_note:
            parts.append(f"({self.note.rstrip('.')}.)")
        return " ".join(parts)

    def links(self) -> list[tuple[str, str]]:
        """(label, web address) pairs; they open in the system browser only when clicked."""
        out = []
        if self.doi:
            out.append((f"doi:{self.doi}", f"https://doi.org/{self.doi}"))
        if self.pmid:
            out.append((f"PMID {self.pmid}", f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"))
        if self.pmcid:
            out.append((self.pmcid, f"https://www.ncbi.nlm.nih.gov/pmc/articles/{self.pmcid}/"))
        if self.url and not out:
            out.append(("web page", self.url))
        return out


FIELDS = set(Reference.__dataclass_fields__) - {"key"}


def load_bibliography(path: Path) -> tuple[dict[str, Reference], list[Problem]]:
    if not path.exists():
        return {}, [Problem(path, 1, "the bibliography file is missing; no reference can be shown")]
    text = read_text(path)
    data = parse_toml(text, path)
    references: dict[str, Reference] = {}
    problems: list[Problem] = []
    for key, entry in data.items():
        line = line_of(text, f"[{key}]")
        if not isinstance(entry, dict):
            problems.append(Problem(path, line, f"'{key}' should be a table such as [{key}] with authors, title, ..."))
            continue
        unknown = set(entry) - FIELDS
        if unknown:
            problems.append(Problem(path, line, f"reference '{key}' has unknown field(s): {', '.join(sorted(unknown))}",
                                    "warning"))
        if not entry.get("title") and not entry.get("url"):
            problems.append(Problem(path, line, f"reference '{key}' needs a title or a url"))
        references[key] = Reference(key, **{k: str(v).strip() for k, v in entry.items() if k in FIELDS})
    return references, problems


