"""Real accounts for the tests: a supervisor made at set-up, then the people it creates."""

from __future__ import annotations

from medreview.store import Store

PASSWORD = "test password 1"
SUPERVISOR = "sue"
PEOPLE = {"alice": "analyst", "bob": "analyst", "ana": "analyst", "bench": "supervisor"}


def add_people(store: Store, *, extra: dict[str, str] | None = None) -> None:
    """Set the store up with sue (supervisor) and the analysts the tests use."""
    store.create_first_supervisor(SUPERVISOR, PASSWORD)
    for name, role in {**PEOPLE, **(extra or {})}.items():
        store.create_user(SUPERVISOR, name, role, PASSWORD)
