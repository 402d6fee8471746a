"""DGS Viewer: an offline teaching app for deep gluteal syndrome."""

__version__ = "0.1.0"
APP_NAME = "DGS Viewer"
