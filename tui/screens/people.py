"""People and services with their counts; choosing one filters the library by it."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from archive.db import Archive
from archive.errors import ArchiveError
from archive.provenance import list_people, list_services
from tui.screens.merge_people import MergeScreen
from tui.text import safe_line

ROLE_ORDER = ("reporter", "translator", "writer", "editor", "contributor")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', "") + '"'


def person_filter(name: str, role: str) -> str:
    """The library filter for everything ``name`` did as ``role``."""
    return f"{role}:{_quoted(name)}"


def service_filter(name: str) -> str:
    """The library filter for a service's articles."""
    return f"service:{_quoted(name)}"


def person_rows(people: list[dict[str, Any]]) -> list[tuple[str, str, int, int]]:
    """``(name, role, credits, articles)`` for each person and each role they held."""
    rows = []
    for person in people:
        roles = person.get("roles") or {}
        ordered = [r for r in ROLE_ORDER if r in roles] + sorted(
            r for r in roles if r not in ROLE_ORDER
        )
        for role in ordered:
            rows.append((person["name"], role, int(roles[role]), int(person["articles"])))
    return rows


class PeopleScreen(Screen[str | None]):
    """Two tabs: people (one row per role they held) and services."""

    AUTO_FOCUS = "#people"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "tab('people-tab')", "People"),
        Binding("2", "tab('services-tab')", "Services"),
        Binding("m", "merge", "Merge into this"),
        Binding("x", "split", "Split last merge"),
    ]

    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.people: list[tuple[str, str, int, int]] = []
        self.person_ids: list[int] = []  # the person of each row of ``people``
        self.services: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        """The two tabs."""
        yield Header()
        with TabbedContent(id="people-tabs"):
            with TabPane("People", id="people-tab"):
                yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
            with TabPane("Services", id="services-tab"):
                yield DataTable(id="services", cursor_type="row", zebra_stripes=True)
        yield Static(
            Text(
                "enter: show these articles in the library · 1/2: switch tabs · "
                "m: merge another into this · x: split its last merge",
                style="dim",
            ),
            id="people-hint",
        )
        yield Footer()

    def on_mount(self) -> None:
        """Columns now, rows from a worker."""
        self.sub_title = "people and services"
        people = self.query_one("#people", DataTable)
        people.add_column("Name", key="name", width=32)
        people.add_column("Role", key="role", width=12)
        people.add_column("Credits", key="credits", width=8)
        people.add_column("Articles (any role)", key="articles", width=18)
        services = self.query_one("#services", DataTable)
        services.add_column("Service", key="name", width=32)
        services.add_column("Organisation", key="org", width=24)
        services.add_column("Language", key="lang", width=9)
        services.add_column("Articles", key="articles", width=9)
        services.add_column("Credited on", key="credited", width=11)
        people.loading = services.loading = True
        people.focus()
        self._load()

    @work(thread=True, exclusive=True, group="people")
    def _load(self) -> None:
        try:
            with self.archive.session() as session:
                listed = [p.to_json() for p in list_people(session=session)]
                services = [s.to_json() for s in list_services(session=session)]
        except ArchiveError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        # person_rows gives one row per role a person held, in this order.
        self.person_ids = [int(p["id"]) for p in listed for _role in p.get("roles") or {}]
        self.app.call_from_thread(self._show, person_rows(listed), services)

    def _show(
        self, people: list[tuple[str, str, int, int]], services: list[dict[str, Any]]
    ) -> None:
        if not self.is_attached:
            return
        self.people, self.services = people, services
        table = self.query_one("#people", DataTable)
        table.clear()
        table.loading = False
        for index, (name, role, credits, articles) in enumerate(people):
            table.add_row(
                safe_line(name), Text(role), Text(str(credits)), Text(str(articles)), key=str(index)
            )
        if not people:
            table.add_row(Text("No people credited yet.", style="dim italic"), "", "", "")
        table = self.query_one("#services", DataTable)
        table.clear()
        table.loading = False
        for index, service in enumerate(services):
            table.add_row(
                safe_line(service["name"]),
                safe_line(service.get("organization") or ""),
                safe_line(service.get("language") or ""),
                Text(str(service["articles"])),
                Text(str(service.get("credited_articles", 0))),
                key=str(index),
            )
        if not services:
            table.add_row(Text("No services yet.", style="dim italic"), "", "", "", "")

    def action_tab(self, tab: str) -> None:
        """Switch to a tab."""
        self.query_one(TabbedContent).active = tab
        self.query_one("#people" if tab == "people-tab" else "#services", DataTable).focus()

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane = event.pane.id
        self.query_one("#people" if pane == "people-tab" else "#services", DataTable).focus()

    @on(DataTable.RowSelected, "#people")
    def _person(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is None or not event.row_key.value.isdigit():
            return
        name, role, _credits, _articles = self.people[int(event.row_key.value)]
        self.dismiss(person_filter(name, role))

    @on(DataTable.RowSelected, "#services")
    def _service(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is None or not event.row_key.value.isdigit():
            return
        self.dismiss(service_filter(self.services[int(event.row_key.value)]["name"]))

    # ------------------------------------------------------------------ merge and split

    def _highlighted(self) -> tuple[str, int, str] | None:
        """``("person"|"service", id, name)`` of the highlighted row, if any."""
        people_tab = self.query_one(TabbedContent).active == "people-tab"
        table = self.query_one("#people" if people_tab else "#services", DataTable)
        row = table.cursor_row
        if people_tab and 0 <= row < len(self.people) and row < len(self.person_ids):
            return "person", self.person_ids[row], self.people[row][0]
        if not people_tab and 0 <= row < len(self.services):
            return "service", int(self.services[row]["id"]), str(self.services[row]["name"])
        return None

    def action_merge(self) -> None:
        """Merge another person (or service) into the highlighted one."""
        found = self._highlighted()
        if found is None:
            return
        what, keep, name = found
        if what == "person":
            names = dict(zip(self.person_ids, (row[0] for row in self.people), strict=False))
        else:
            names = {int(s["id"]): str(s["name"]) for s in self.services}
        others = [(i, n) for i, n in names.items() if i != keep]

        def chosen(absorb: int | None) -> None:
            if absorb is not None:
                app: Any = self.app
                app.ensure_reviewer(lambda who: self._merge(what, keep, absorb, who))

        self.app.push_screen(MergeScreen((keep, name), others, what), chosen)

    def action_split(self) -> None:
        """Undo the last merge into the highlighted person (or service)."""
        found = self._highlighted()
        if found is not None:
            what, keep, _name = found
            app: Any = self.app
            app.ensure_reviewer(lambda who: self._merge(what, keep, None, who))

    @work(thread=True, exclusive=True, group="people-merge")
    def _merge(self, what: str, keep: int, absorb: int | None, reviewer: str) -> None:
        """Merge ``absorb`` into ``keep``, or split the last merge into it (``absorb`` None)."""
        from archive import curation

        try:
            with self.archive.session() as session, session.begin():
                if absorb is None and what == "person":
                    curation.split_person(session, person=str(keep), reviewer=reviewer)
                elif absorb is None:
                    curation.split_service(session, service=str(keep), reviewer=reviewer)
                elif what == "person":
                    curation.merge_people(
                        session, keep=str(keep), absorb=str(absorb), reviewer=reviewer
                    )
                else:
                    curation.merge_services(
                        session, keep=str(keep), absorb=str(absorb), reviewer=reviewer
                    )
        except ArchiveError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        done = "Merged" if absorb is not None else "Split"
        self.app.call_from_thread(self.notify, f"{done}.", markup=False)
        self.app.call_from_thread(self._load)
