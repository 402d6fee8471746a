"""The body chart panel (built on first use)."""
