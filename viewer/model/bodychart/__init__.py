"""Body chart: where the patient feels pain, pins and needles or numbness (kept in memory only)."""
