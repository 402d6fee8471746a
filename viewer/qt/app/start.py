"""Starts the window: application object, settings, first-paint hooks for --screenshot and timing."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from viewer import APP_NAME, __version__, bootstrap
from viewer.model.content.loader import Content
from viewer.paths import default_data_dir
from viewer.qt.app.context import AppContext
from viewer.qt.app.main_window import MainWindow
from viewer.qt.app.paint_watch import FirstPaint
from viewer.qt.app.settings import Settings
from viewer.qt.access import factory as access

DEFAULT_SCREENSHOT_SIZE = (1600, 1000)
ICON_DIR = Path(__file__).resolve().parent.parent.parent / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def set_app_icon(app: QApplication) -> None:
    """The window's icon (title bar, task switcher). Set after the first frame: QIcon's enums would
    otherwise be built on the start-up path."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(ICON_DIR / f"dgs-viewer-{size}.png"), QSize(size, size))
    app.setWindowIcon(icon)


def _application() -> QApplication:
    """The one QApplication: made here, unless a test or an earlier window made it."""
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication(sys.argv[:1])


def create_window(content: Content, data_dir, select: str | None = None, layer: str | None = None,
                  variant: str | None = None, shared: bool = False) -> MainWindow:
    """``shared``: another copy of the app owns ``data_dir`` (see viewer/qt/app/data_lock.py)."""
    app = _application()
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    access.install()  # what screen readers see of the diagram and the lesson (nothing until one asks)
    # its scene keeps the diagram's pictures in <data dir>/cache; a second copy shares the folder read-only
    window = MainWindow(AppContext(content, Settings(data_dir, shared=shared)))
    window.restore(select=select)
    window.depth_control.restore(layer)  # --layer, else the depth and type the user left the diagram at
    window.variant_control.restore(variant)
    return window


def open_main_window(content: Content, data_dir, select: str | None = None, layer: str | None = None,
                     variant: str | None = None):
    """The window of a real session: it claims the data folder, or tells the user another copy has it.
    Returns (window, lock); keep the lock as long as the window."""
    from viewer.qt.app.data_lock import DataLock

    lock = DataLock(data_dir)
    shared = not lock.claim()
    window = create_window(content, data_dir, select, layer, variant, shared=shared)
    if shared:
        from viewer.qt.app.data_lock import second_copy_notice

        window.show_notice(second_copy_notice(data_dir, lock.owner()))
    return window, lock


def run_app(args, content: Content) -> int:
    app = _application()
    window, _lock = open_main_window(content, args.data_dir or default_data_dir(), args.select,  # lock held till quit
                                     args.layer, args.variant)
    if args.screenshot or args.size:
        window.resize(*(args.size or DEFAULT_SCREENSHOT_SIZE))
    if args.screenshot:
        window.finish_loading()  # the picture must show the selection, so build regions first
    if getattr(args, "view", None) == "axial" or getattr(args, "pose", None) is not None:
        window.finish_loading()  # the pose hatches regions of the posterior view
        window.motion.show(args.pose)
        if args.view == "axial":
            window.motion.make_main()

    def after_first_paint() -> None:
        bootstrap.first_frame()
        if args.screenshot:
            ok = window.grab().save(str(args.screenshot), "PNG")
            if not ok:
                print(f"dgs-viewer: error: could not write {args.screenshot}", file=sys.stderr)
            app.exit(0 if ok else 1)
        elif args.exit_after_paint:
            app.exit(0)
        else:
            window.finish_loading()
            set_app_icon(app)

    FirstPaint(window.view.viewport(), after_first_paint)
    window.show()
    bootstrap.window_built()
    if args.screenshot or args.exit_after_paint:
        # nothing of the user's changes during a scripted run; keep their saved window as it was
        window.save_on_close = False
    return app.exec()
