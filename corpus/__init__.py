"""thidua.corpus."""
