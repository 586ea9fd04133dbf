"""Strings of station 3."""

PT: dict[str, str] = {
    "s3.title": "Desvanecimento e explosão do gradiente",
    "s3.subtitle": "",
    "s3.takeaway": "",
}

EN: dict[str, str] = {
    "s3.title": "Vanishing and exploding gradients",
    "s3.subtitle": "",
    "s3.takeaway": "",
}
