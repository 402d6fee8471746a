"""Search across lessons, glossary and questions."""
