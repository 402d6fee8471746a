"""The Qt user interface. Thin: it shows the model and passes user actions back."""
