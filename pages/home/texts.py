"""Strings of the home page (the journey map)."""

TEXTS: dict[str, dict[str, str]] = {
    "common.nav_home": {
        "pt": "Início",
        "en": "Home",
    },
    "home.title": {
        "pt": "Desvendando as Redes Neurais Recorrentes (RNNs): Uma Jornada pela Memória",
        "en": "Unravelling Recurrent Neural Networks (RNNs): A Journey Through Memory",
    },
    "home.intro": {
        "pt": "Frases, músicas e séries de TV só fazem sentido na ordem certa. Nesta jornada você mexe em "
            "redes neurais **de verdade** (treinadas em PyTorch) e vê como elas lembram — e esquecem: "
            "por que uma rede feedforward que só vê a média das entradas não enxerga a ordem (e uma que vê uma "
            "janela fixa esquece o que sai dela), como o laço de uma RNN vira memória, por que essa memória falha "
            "em sequências longas e como as portas (gates) da LSTM e da GRU atenuam esse problema — sem "
            "eliminá-lo.",
        "en": "Sentences, songs and TV series only make sense in the right order. On this journey you play with "
            "**real** neural networks (trained in PyTorch) and watch how they remember — and forget: why a "
            "feedforward network that only sees the average of its inputs cannot see order (and one that sees a "
            "fixed window forgets what leaves it), how an RNN's loop becomes memory, why that memory fails over "
            "long sequences, and how the gates of the LSTM and the GRU mitigate that problem — without removing it.",
    },
    "home.start_lead": {
        "pt": "**Primeira vez aqui? Comece pela estação 1** e siga na ordem: cada estação termina com um link "
            "para a próxima.",
        "en": "**First time here? Start with station 1** and go in order: each station ends with a link to the "
            "next one.",
    },
    "home.start": {
        "pt": "Começar: {title}",
        "en": "Start: {title}",
    },
    "home.stations": {
        "pt": "As estações",
        "en": "The stations",
    },
    "home.go": {
        "pt": "Abrir a estação",
        "en": "Open the station",
    },
    "home.how": {
        "pt": "Cada gráfico vem de um modelo real: mexa nos controles e a rede responde. O endereço da página guarda os controles, para compartilhar.",
        "en": "Every chart comes from a real model: move the controls and the network answers. The page address keeps the controls, for sharing.",
    },
}
