"""Small building blocks every feature uses: records, problems, text/TOML reading, crash-safe files."""
