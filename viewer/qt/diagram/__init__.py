"""The interactive diagram: scene, view, region items, labels and tiles."""
