"""thidua.index."""
