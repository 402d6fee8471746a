"""The home programme panel and its handout section (built on first use)."""
