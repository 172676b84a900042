"""A made-up flood story for the page-reader tests (never a copy of a real page), and the
blank-line page format the tests build pages in."""

from __future__ import annotations

HEADLINE = "Floodwaters cut the highway between two provincial capitals"
LEAD = "Floodwaters cut the main highway on Sunday, stranding hundreds of trucks, officials said."
SECOND = "Rescue teams reached the worst-hit villages by boat late in the afternoon, they said."
THIRD = "The weather service expects more rain in the coming week across the northern hills."

# A second made-up story (a land protest), for the learned readers' tests.
FARM_HEADLINE = "Farmers march on provincial hall over lost land"
FARM_LEAD = (
    "Hundreds of farmers marched to the provincial hall on Monday to demand the return of "
    "land they say was taken for a sugar plantation without payment."
)
FARM_SECOND = (
    "Officials at the hall said they would send the complaint to the ministry, and asked "
    "the farmers to go home while it is studied."
)


def page(*lines: str) -> str:
    """A saved page of these lines, a blank line between each."""
    return "\n\n".join(lines) + "\n"
