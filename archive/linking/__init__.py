"""Linking articles that tell one story: suggestions (`suggest`) and links (`links`)."""
