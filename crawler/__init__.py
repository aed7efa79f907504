"""thidua.crawler."""
