"""The search box (Ctrl+K)."""
