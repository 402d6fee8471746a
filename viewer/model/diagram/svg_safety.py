"""Keeps an SVG from a colleague from reaching outside itself.

An SVG can name other files or web addresses: ``<image href=...>``, ``<use
href="other.svg#x">``, ``fill="url(file:...)"``, CSS ``@import``, scripts,
and XML entities that read local files. Qt's SVG renderer loads local image
files on its own, so such references are removed before Qt sees the bytes,
and each one is reported to the author.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ALWAYS_FORBIDDEN = {"image", "script", "foreignObject", "feImage", "iframe", "audio", "video"}
HREF_ATTRS = (f"{{{XLINK_NS}}}href", "href")
ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import[^;]*;?", re.IGNORECASE)
EXTERNAL_URL = re.compile(r"url\(\s*['\"]?(?!#)[^)]*\)", re.IGNORECASE)
URL_ATTRS = ("style", "fill", "stroke", "filter", "clip-path", "mask", "marker-start", "marker-mid", "marker-end",
             "cursor")


def element_tree():
    """xml.etree.ElementTree, with the SVG namespaces registered for writing. Loaded when an SVG is
    first parsed: a start from the content cache (viewer/model/content/cache.py) needs none."""
    import xml.etree.ElementTree as ET

    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET


def entity_line(text: str) -> int | None:
    """1-based line of the first ``<!ENTITY`` declaration, or None when there is none."""
    match = ENTITY_DECLARATION.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def local_tag(element: ET.Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def unsafe_parts(root: ET.Element) -> list[tuple[ET.Element, str]]:
    """(element, what is wrong) for every reference that leaves the SVG."""
    found = []
    for element in root.iter():
        tag = local_tag(element)
        href = next((element.get(a) for a in HREF_ATTRS if element.get(a)), "")
        if tag in ALWAYS_FORBIDDEN:
            found.append((element, f"<{tag}> can show other files or run code"))
        elif href and not href.startswith("#"):
            found.append((element, f"<{tag}> refers to '{href[:60]}' outside the diagram"))
        elif tag == "style" and (CSS_IMPORT.search(element.text or "") or EXTERNAL_URL.search(element.text or "")):
            found.append((element, "<style> imports or links to a file or web address"))
        elif any(EXTERNAL_URL.search(element.get(attr) or "") for attr in URL_ATTRS):
            found.append((element, f"<{tag}> uses url(...) of a file or web address"))
    return found


def neutralized(root: ET.Element) -> ET.Element:
    """A copy of the tree without anything that leaves the SVG."""
    import copy

    root = copy.deepcopy(root)
    for parent in list(root.iter()):
        for child in list(parent):
            if local_tag(child) in ALWAYS_FORBIDDEN or (local_tag(child) == "use" and _external_href(child)):
                parent.remove(child)  # a <use> without its target only draws a warning
    for element in root.iter():
        for attr in HREF_ATTRS:
            if (href := element.get(attr)) and not href.startswith("#"):
                del element.attrib[attr]
        if local_tag(element) == "style" and element.text:
            element.text = EXTERNAL_URL.sub("none", CSS_IMPORT.sub("", element.text))
        for attr in URL_ATTRS:
            if value := element.get(attr):
                element.set(attr, EXTERNAL_URL.sub("none", value))
    return root


def _external_href(element: ET.Element) -> bool:
    return any((href := element.get(a)) and not href.startswith("#") for a in HREF_ATTRS)


def safe_svg_bytes(data: bytes) -> bytes | None:
    """The SVG as safe bytes for Qt: unchanged when clean, cleaned when it reaches out,
    None when it cannot be trusted at all (entities) or is not XML."""
    text = data.decode("utf-8", errors="replace")
    if entity_line(text) is not None:
        return None
    ET = element_tree()
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return None
    if not unsafe_parts(root):
        return data
    return ET.tostring(neutralized(root), encoding="utf-8")
