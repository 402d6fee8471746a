"""Charts in lessons, the Fagan nomogram and the post-test calculator."""
