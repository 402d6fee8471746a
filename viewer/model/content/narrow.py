"""A lesson's Markdown for a narrow column: tables become stacked rows.

A three-column table in a column eight or nine letters wide leaves two or three letters per cell,
or runs off the side. Shown narrow, each row becomes its first cell in bold with the other cells
under it as a list, each named by its column heading ("DGS (buttock): Deep in the buttock"), the
way a reading app on a phone shows a wide table.
"""

from __future__ import annotations

import re

DIVIDER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
CELL_SPLIT = re.compile(r"(?<!\\)\|")


def stack_tables(markdown: str) -> str:
    """``markdown`` with every table (GitHub style: a header row, a divider, rows) as stacked rows."""
    lines = markdown.split("\n")
    out: list[str] = []
    i, fenced = 0, False
    while i < len(lines):
        line = lines[i]
        if FENCE.match(line):
            fenced = not fenced
        if (not fenced and i + 1 < len(lines) and "|" in line and DIVIDER.match(lines[i + 1])
                and "|" in lines[i + 1]):
            header = _cells(line)
            rows = []
            i += 2
            while i < len(lines) and lines[i].strip() and "|" in lines[i]:
                rows.append(_cells(lines[i]))
                i += 1
            out += _stacked(header, rows)
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def _cells(line: str) -> list[str]:
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip() for cell in CELL_SPLIT.split(text)]


def _stacked(header: list[str], rows: list[list[str]]) -> list[str]:
    out: list[str] = []
    for row in rows:
        first, rest = (row[0] if row else ""), row[1:]
        if first:
            out += [f"**{first}**" if not first.startswith("**") else first, ""]
        elif header and header[0]:
            rest = row
        items = []
        for column, cell in enumerate(rest, start=len(row) - len(rest)):
            if not cell:
                continue
            name = header[column] if column < len(header) else ""
            items.append(f"- *{name}:* {cell}" if name else f"- {cell}")
        out += items
        out.append("")
    return out
