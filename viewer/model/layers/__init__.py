"""Layers of the diagram (skin, gluteus maximus, the deep space) and the depth they are peeled to."""
