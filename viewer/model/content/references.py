"""The shared bibliography (lessons/references.toml) and how a reference is cited.

A reference is a primary study, a review, a guideline or a book chapter unless it says
``kind = "further-reading"``: a teaching web site or leaflet, shown as further reading and never
the only source of a clinical figure (``viewer.model.content.check`` warns when it is).
"""

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
    kind: str = ""  # "" (a citable source) or "further-reading" (a teaching page: never the sole source of a number)
    unconfirmed: str = ""  # fields we looked for and could not confirm (shown to the reader, never guessed)

    @property
    def further_reading(self) -> bool:
        return self.kind == FURTHER_READING

    def citation(self, with_note: bool = True) -> str:
        """Vancouver-style text: Authors. Title. Journal. Year;Volume:Pages. (Note.)
        Further reading is labelled as such, so nobody mistakes a teaching page for the evidence."""
        parts = ["Further reading:"] if self.further_reading else []
        parts += [p if p.endswith(("?", "!")) else p.rstrip(".") + "." for p in (self.authors, self.title) if p]
        source = self.journal.rstrip(".")
        if self.year:
            source += f". {self.year}" if source else str(self.year)
        if self.volume:
            source += f";{self.volume}"
        if self.pages:
            source += f":{self.pages}"
        if source:
            parts.append(source + ".")
        if self.unconfirmed:
            parts.append(f"({_first_upper(self.unconfirmed)} not confirmed.)")
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


def _first_upper(text: str) -> str:
    """Only the first letter raised: str.capitalize() would lower-case "DOI and PMID"."""
    return text[:1].upper() + text[1:]


FURTHER_READING = "further-reading"
KINDS = ("", "study", "review", "guideline", "book", FURTHER_READING)
FIELDS = set(Reference.__dataclass_fields__) - {"key"}
REQUIRED = ("authors", "year", "journal")  # what a clinician needs to find and judge a source


def missing_details(reference: Reference) -> list[str]:
    """The fields a clinician needs that this reference lacks without saying so. A web page read as
    further reading is often undated, so it is asked for authors (or the organisation) and the site,
    not a year; a field listed in ``unconfirmed`` was looked for and is shown as not confirmed."""
    wanted = [name for name in REQUIRED if not (name == "year" and reference.further_reading)]
    return [name for name in wanted if not getattr(reference, name).strip() and name not in reference.unconfirmed]


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
        reference = Reference(key, **{k: str(v).strip() for k, v in entry.items() if k in FIELDS})
        if reference.kind not in KINDS:
            problems.append(Problem(path, line, f"reference '{key}': kind '{reference.kind}' is not one of "
                                                f"{', '.join(k for k in KINDS if k)}", "warning"))
        missing = missing_details(reference)
        if missing:
            problems.append(Problem(path, line, f"reference '{key}' has no {', '.join(missing)}: a clinician "
                                                "cannot find or judge it", "warning"))
        references[key] = reference
    return references, problems


