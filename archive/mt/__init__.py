"""mt package."""
