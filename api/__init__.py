"""thidua.api."""
