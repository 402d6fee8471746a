"""The dgs-viewer command (also ``python -m viewer`` and ``main.py``). Its start-up measures are
in viewer/bootstrap.py."""

from viewer import bootstrap


def main() -> int:
    bootstrap.launching()
    from viewer.cli import main as run

    return run()
