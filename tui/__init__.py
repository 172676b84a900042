"""The Textual terminal UI of the archive; it calls `archive`, never the other way round."""
