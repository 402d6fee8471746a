"""The dgs-viewer command (also ``python -m viewer`` and ``main.py``).

Loading the app makes tens of thousands of objects that live until it quits, and no garbage, so
the cycle collector's passes while loading would only walk them (about 5-15 ms): it is off from
here, before the first import. viewer.cli turns it back on for the text commands; the window
turns it on once it is built (viewer/qt/app/start.py).
"""

import gc


def main() -> int:
    gc.disable()
    from viewer.cli import main as run

    return run()
