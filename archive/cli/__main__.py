"""``python -m archive.cli``."""

from archive.cli import main

main()
