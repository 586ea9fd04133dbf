"""Strings of station 6."""

PT: dict[str, str] = {
    "s6.title": "Conclusão",
    "s6.subtitle": "",
    "s6.takeaway": "",
}

EN: dict[str, str] = {
    "s6.title": "Conclusion",
    "s6.subtitle": "",
    "s6.takeaway": "",
}
