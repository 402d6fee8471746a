"""What a screen reader finds (AT-SPI on Linux, UI Automation on Windows, NSAccessibility on macOS).

Qt describes ordinary widgets itself. The diagram's structures and the lesson's headings and links
are not widgets, so this package describes them: each becomes an accessible object with a role, a
name, a description, a state, a place on screen and, where it does something, an action. Nothing
here runs unless an assistive technology asks (Qt then calls the factory in factory.py).
"""
