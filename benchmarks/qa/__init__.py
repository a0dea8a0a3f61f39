"""The question benchmark: questions only code, configs or history answer (see README.md)."""
