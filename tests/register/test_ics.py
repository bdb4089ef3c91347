"""`minutes actions --format ics` read by a real iCalendar client library
(Python's icalendar, as calendar tools use it): every VTODO comes back
with its summary, owner, due date, source and status."""

import datetime

from icalendar import Calendar

from conftest import SERIES, TODAY, minutes, register


def calendar(*extra: str) -> Calendar:
    return Calendar.from_ical(minutes("actions", "--today", TODAY, "--format", "ics", *extra, SERIES))


def test_every_open_action_is_a_vtodo():
    todos = calendar().walk("VTODO")
    still_to_do = [a for a in register() if a["status"] not in ("done", "withdrawn")]
    assert len(todos) == len(still_to_do) == 4
    assert sorted(str(t["SUMMARY"]) for t in todos) == sorted(
        (f"{a['reference']}: {a['task']}" if a["reference"] else a["task"]) for a in still_to_do
    )
    assert len({str(t["UID"]) for t in todos}) == 4
    for todo in todos:
        description = str(todo["DESCRIPTION"])
        assert description.startswith("Owner: ")
        assert "Source: tests/fixtures/meetings/" in description
        assert todo.decoded("DTSTAMP") == datetime.datetime(2026, 11, 23, tzinfo=datetime.timezone.utc)


def test_due_status_and_owner_read_back():
    by_summary = {str(t["SUMMARY"]): t for t in calendar().walk("VTODO")}
    a4 = by_summary["A4: order the swing chains"]
    assert a4.decoded("DUE") == datetime.date(2026, 11, 1)
    assert str(a4["STATUS"]) == "NEEDS-ACTION"
    assert "Owner: Tom Reed" in str(a4["DESCRIPTION"]) and "Status: overdue" in str(a4["DESCRIPTION"])
    assert "Tom Reed" in [str(c) for c in a4["CATEGORIES"].cats]
    stale = by_summary["review the allotment waiting list and report to members"]
    assert "DUE" not in stale
    assert "Last recorded: tests/fixtures/meetings/2026-11-12.minutes:23" in str(stale["DESCRIPTION"])


def test_owner_filter():
    todos = calendar("--owner", "ann james").walk("VTODO")
    assert sorted(str(t["SUMMARY"]) for t in todos) == [
        "A5: book the hall for the annual parish meeting",
        "review the allotment waiting list and report to members",
    ]
