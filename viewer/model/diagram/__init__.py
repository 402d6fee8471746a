"""The diagram as data: its SVG, regions, their shapes and hit-testing."""
