"""Level 1 checks, one module per layer. Each module exposes CHECKS, a tuple of functions."""
