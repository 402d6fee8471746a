"""The Qt user interface. Thin: it shows the model and passes user actions back.

Qt's raster engine hands every fill of more than about 96 scanlines (a scroll bar's groove, a
window's background, a scaled picture) to a pool of GUI threads and waits for them. For fills
of this app's size the hand-off costs more than the fill: on a 2-core machine it was half of a
click's time to its lesson and three quarters of a whole-window repaint (BENCHMARKS.md, round 5).
Setting QT_NO_GUI_THREADPOOL keeps every fill on the thread that paints. Qt reads it when it
first paints, and every path that paints (the window, the handout, the tests) imports this
package first.
"""

import os

os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
