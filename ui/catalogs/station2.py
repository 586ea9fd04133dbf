"""Strings of station 2."""

PT: dict[str, str] = {
    "s2.title": "Assistindo a uma série",
    "s2.subtitle": "",
    "s2.takeaway": "",
}

EN: dict[str, str] = {
    "s2.title": "Watching a series",
    "s2.subtitle": "",
    "s2.takeaway": "",
}
