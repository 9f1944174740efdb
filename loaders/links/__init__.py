"""Links between a plan's chapters: candidates scored from shared terms, ranked for review, measured against labels."""
