"""Real-world benchmarks: arakit measured on material nobody here wrote (see README.md)."""
