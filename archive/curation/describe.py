"""One line of plain text saying what an edit did, for ``archive history`` and the TUI."""

from __future__ import annotations

import json
from typing import Any

from archive.history import EditEntry


def _value(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, str):
        return repr(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def describe_edit(entry: EditEntry) -> str:
    """``set-date: '2021-09-20' → '2021-09-21'``, ``add-credit: translator 'NAME'`` …"""
    before, after, action = entry.before, entry.after, entry.action
    if action in {"merge-people", "merge-services"}:
        old = before.get("person") or before.get("service") or {}
        into = after.get("into") or {}
        moved = len(after.get("credits_moved", [])) + len(before.get("credits_deleted", []))
        return (
            f"{action}: {_value(old.get('name'))} (#{old.get('id')}) into "
            f"{_value(into.get('name'))} (#{into.get('id')}), {moved} credit(s)"
        )
    if action == "add-credit":
        credit = after.get("credit", {})
        return f"add-credit #{credit.get('id')}: {credit.get('role')} {_value(after.get('name'))}"
    if action == "remove-credit":
        credit = before.get("credit", {})
        holder = (
            f"person #{credit.get('person_id')}"
            if credit.get("person_id") is not None
            else f"service #{credit.get('service_id')}"
        )
        return f"remove-credit #{credit.get('id')}: {credit.get('role')} ({holder})"
    if action == "set-credit-person":
        return (
            f"set-credit-person #{entry.target_id}: person #{before.get('person_id')} / "
            f"service #{before.get('service_id')} → {_value(after.get('name'))}"
        )
    keys = [k for k in dict.fromkeys([*after, *before]) if k != "title_derived"]
    if keys and all(not isinstance(before.get(k), dict | list) for k in keys):
        where = f" {entry.target} #{entry.target_id}" if entry.target == "version" else ""
        changes = ", ".join(f"{_value(before.get(k))} → {_value(after.get(k))}" for k in keys)
        return f"{action}{where}: {changes}"
    return f"{action} {entry.target} #{entry.target_id}"
