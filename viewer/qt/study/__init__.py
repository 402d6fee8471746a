"""The Study dock, quiz sessions on the diagram, progress and the user's data."""
