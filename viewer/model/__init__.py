"""The Qt-free model: content loading, regions, hit-testing, lessons, navigation.

Nothing in this package may import PySide6; tests/test_architecture.py enforces it.
"""
