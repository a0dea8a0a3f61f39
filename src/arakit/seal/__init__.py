"""The Seal: Level 1 (structure) here; Level 2 (argument) and Level 3 (reproduction) later."""
