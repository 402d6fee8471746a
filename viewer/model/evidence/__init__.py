"""Evidence: charts declared in lessons, post-test probability."""
