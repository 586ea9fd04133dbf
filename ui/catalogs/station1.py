"""Strings of station 1."""

PT: dict[str, str] = {
    "s1.title": "Dados sequenciais",
    "s1.subtitle": "",
    "s1.takeaway": "",
}

EN: dict[str, str] = {
    "s1.title": "Sequential data",
    "s1.subtitle": "",
    "s1.takeaway": "",
}
