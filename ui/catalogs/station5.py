"""Strings of station 5."""

PT: dict[str, str] = {
    "s5.title": "Laboratório: a corrida",
    "s5.subtitle": "",
    "s5.takeaway": "",
}

EN: dict[str, str] = {
    "s5.title": "Lab: the race",
    "s5.subtitle": "",
    "s5.takeaway": "",
}
