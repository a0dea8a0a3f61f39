"""Ways to read an artifact piece by piece: progressive disclosure and statistics."""
