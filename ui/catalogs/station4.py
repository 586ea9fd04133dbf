"""Strings of station 4."""

PT: dict[str, str] = {
    "s4.title": "Portas: LSTM e GRU",
    "s4.subtitle": "",
    "s4.takeaway": "",
}

EN: dict[str, str] = {
    "s4.title": "Gates: LSTM and GRU",
    "s4.subtitle": "",
    "s4.takeaway": "",
}
