"""The Linux desktop entry, AppStream metainfo, icons and scripts/install-desktop."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import REPO
from viewer import __version__

APP_ID = "io.github.dgs_viewer.DGSViewer"
LINUX = REPO / "packaging" / "linux"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_has_what_a_menu_needs():
    entry = desktop_entry()
    assert entry["Type"] == "Application" and entry["Name"] == "DGS Viewer"
    assert entry["Icon"] == APP_ID and entry["Exec"].split()[0] == "dgs-viewer"
    assert "Education" in entry["Categories"].split(";") and entry["Categories"].endswith(";")
    assert entry["Terminal"] == "false"


def test_metainfo_names_the_entry_and_the_current_version():
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    for required in ("name", "summary", "description", "metadata_license", "project_license"):
        assert root.find(required) is not None, required
    assert root.find("releases/release").get("version") == __version__  # one version, kept in viewer/__init__.py


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstreamcli is not installed")
def test_metainfo_passes_appstream_validation():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_icon_size_is_drawn_from_the_svg():
    from PIL import Image

    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        image = Image.open(REPO / "viewer" / "icons" / f"dgs-viewer-{size}.png")
        assert image.size == (size, size)
        assert image.getchannel("A").getextrema() == (0, 255)  # rounded corners: transparent outside


def test_the_window_gets_the_icon(qapp):
    from viewer.qt.app.start import ICON_SIZES, set_app_icon

    set_app_icon(qapp)
    sizes = {s.width() for s in qapp.windowIcon().availableSizes()}
    assert sizes == set(ICON_SIZES)


@pytest.mark.skipif(os.name != "posix", reason="a Linux desktop")
def test_install_desktop_puts_the_entry_and_icons_in_the_users_data_folder(tmp_path):
    program = tmp_path / "bundle" / "dgs-viewer"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "share"))
    result = subprocess.run(["bash", str(REPO / "scripts" / "install-desktop"), str(program)], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    share = tmp_path / "share"
    installed = (share / "applications" / f"{APP_ID}.desktop").read_text()
    assert f'Exec="{program}"' in installed
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    removed = subprocess.run(["bash", str(REPO / "scripts" / "install-desktop"), "--uninstall"], env=env,
                             capture_output=True, text=True, timeout=60)
    assert removed.returncode == 0 and not (share / "applications" / f"{APP_ID}.desktop").exists()


def test_install_desktop_without_a_program_says_so(tmp_path):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "share"), PATH="/usr/bin:/bin")
    result = subprocess.run(["bash", str(REPO / "scripts" / "install-desktop"), str(tmp_path / "nothing")],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "no dgs-viewer program found" in result.stderr
