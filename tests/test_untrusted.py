"""Content from a colleague cannot pull local files or the network into the view: XML entities,
<image>/<use> hrefs, CSS @import and url(...) in the diagram or a lesson figure, and remote or
local pictures in lesson Markdown are reported by --check and never loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from viewer.model.content.loader import load_content
from viewer.model.diagram.svg_safety import safe_svg_bytes

BAD = Path(__file__).resolve().parent / "data" / "bad"
RED = QColor("#ff0000")


@pytest.fixture
def secret(tmp_path) -> Path:
    """A pure red picture outside the content folder: if it ever shows up, a reference leaked."""
    path = tmp_path / "secret.png"
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(RED)
    assert image.save(str(path))
    return path


def place(name: str, target: Path, secret: Path) -> None:
    text = (BAD / name).read_text(encoding="utf-8").replace("SECRET_PNG", str(secret))
    target.write_text(text, encoding="utf-8")


def red_pixels(image: QImage) -> int:
    return sum(image.pixelColor(x, y) == RED for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))


def check_output(content_dir: Path, monkeypatch, capsys) -> tuple[int, str]:
    from viewer.cli import main

    monkeypatch.chdir(content_dir)
    return main(["--content", str(content_dir), "--check"]), capsys.readouterr().out


def test_qt_alone_would_load_the_local_file(secret, tmp_path, qapp):
    """Why the loader cleans SVGs: Qt's renderer draws an <image href> from the local disk by itself."""
    from PySide6.QtSvg import QSvgRenderer

    place("evil-figure.svg", tmp_path / "raw.svg", secret)
    assert red_pixels(_render(QSvgRenderer(str(tmp_path / "raw.svg")))) > 0
    cleaned = safe_svg_bytes((tmp_path / "raw.svg").read_bytes())
    assert b"secret" not in cleaned and b"<image" not in cleaned
    from PySide6.QtCore import QByteArray

    assert red_pixels(_render(QSvgRenderer(QByteArray(cleaned)))) == 0


def _render(renderer) -> QImage:
    image = QImage(100, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def test_entities_in_the_diagram_are_refused(mini_dir, monkeypatch, capsys, open_window):
    shutil.copyfile(BAD / "xxe.svg", mini_dir / "resources" / "diagram.svg")
    code, out = check_output(mini_dir, monkeypatch, capsys)
    assert code == 1
    assert "resources/diagram.svg:3: the diagram declares XML entities" in out
    window = open_window(mini_dir)
    assert window.content.diagram is None  # nothing of it reaches Qt
    assert "root:" not in window.panel.toPlainText()
    assert set(window.content.lessons) == {"overview", "upper", "band", "lower"}


def test_external_references_in_the_diagram_are_reported_and_removed(mini_dir, secret, monkeypatch, capsys,
                                                                     open_window):
    place("external-refs.svg", mini_dir / "resources" / "diagram.svg", secret)
    code, out = check_output(mini_dir, monkeypatch, capsys)
    assert code == 1
    for line, words in [(4, "<style> imports"), (17, "<image>"), (18, "<image>"), (19, "<image>"),
                        (20, "<use> refers to 'other.svg#shape'"), (21, "<rect> uses url(...)")]:
        assert f"resources/diagram.svg:{line}: {words}" in out, out
    content = load_content(mini_dir)
    safe = content.diagram.safe_svg.decode()
    for leak in (str(secret), "example.com", "other.svg", "file:", "@import", "<image"):
        assert leak not in safe
    window = open_window(mini_dir, size=(800, 600))
    assert window.scene.renderer.isValid()
    assert red_pixels(window.view.grab().toImage()) == 0
    assert {"region-upper", "region-round"} <= window.content.diagram.element_ids  # the art itself is intact


def test_lesson_figures_and_pictures_stay_inside_the_content_folder(mini_dir, secret, monkeypatch, capsys,
                                                                    open_window):
    place("untrusted-lesson.md", mini_dir / "lessons" / "untrusted.md", secret)
    place("evil-figure.svg", mini_dir / "lessons" / "evil-figure.svg", secret)
    assert (mini_dir / "lessons" / "../../secret.png").resolve() == secret  # the secret is one step outside
    code, out = check_output(mini_dir, monkeypatch, capsys)
    assert code == 1
    expected = ["untrusted.md:9: picture 'http://example.com/track.png' is on the web",
                "untrusted.md:11: picture 'file:///etc/passwd' is outside the content folder",
                f"untrusted.md:13: picture '{str(secret)[:60]}' is outside the content folder",
                "untrusted.md:15: '../../secret.png' points outside the content folder",
                "untrusted.md:17: figure evil-figure.svg: <image> can show other files",
                "untrusted.md:19: link 'file:///etc/passwd' is neither"]
    for words in expected:
        assert words in out, out

    window = open_window(mini_dir, size=(800, 600))
    requested = []
    original = type(window.panel).loadResource

    def spy(panel, kind, url):
        result = original(panel, kind, url)
        requested.append((url.toString(), result))
        return result

    monkeypatch.setattr(type(window.panel), "loadResource", spy)
    assert window.open_lesson("untrusted")
    window.panel.grab()  # lay out and paint, which loads the pictures
    assert "Text before the pictures." in window.panel.toPlainText()
    given = {url: result for url, result in requested}
    assert {"http://example.com/track.png", "../../secret.png", "evil-figure.svg"} <= set(given), given
    for url in ("http://example.com/track.png", "file:///etc/passwd", "../../secret.png"):
        assert given.get(url, None) is None, url
    svg = given.get("evil-figure.svg")
    assert svg is not None and b"secret" not in bytes(svg) and b"<image" not in bytes(svg)
    assert red_pixels(window.panel.viewport().grab().toImage()) == 0


def test_load_resource_refuses_everything_but_content_files(mini_dir, open_window, secret):
    window = open_window(mini_dir)
    image = QTextDocument.ResourceType.ImageResource.value
    for url in ("http://example.com/a.png", "https://example.com/a.png", f"file://{secret}", str(secret),
                "../../secret.png", "ftp://example.com/x.png", "data:image/png;base64,AAAA", "missing.png"):
        assert window.panel.loadResource(image, QUrl(url)) is None, url


def test_the_diagram_must_live_in_resources(mini_dir, secret, monkeypatch, capsys, open_window):
    shutil.copyfile(BAD / "outside-diagram.toml", mini_dir / "resources" / "regions.toml")
    place("evil-figure.svg", mini_dir.parent / "evil.svg", secret)  # a valid SVG, outside the content folder
    code, out = check_output(mini_dir, monkeypatch, capsys)
    assert code == 1
    assert "resources/regions.toml:1: diagram '../../evil.svg' must be a file in resources/" in out
    window = open_window(mini_dir)
    assert window.content.diagram is None
    assert set(window.content.lessons) == {"overview", "upper", "band", "lower"}
