"""Strings of the home page (the journey map)."""

PT: dict[str, str] = {
    "home.title": "Desvendando as Redes Neurais Recorrentes (RNNs): Uma Jornada pela Memória",
    "home.intro": (
        "Frases, músicas e séries de TV só fazem sentido na ordem certa. Nesta jornada você mexe em "
        "redes neurais **de verdade** (treinadas em PyTorch) e vê como elas lembram — e esquecem: "
        "por que uma rede feedforward que só vê a média das entradas não enxerga a ordem (e uma que vê uma "
        "janela fixa esquece o que sai dela), como o laço de uma RNN vira memória, por que essa memória falha "
        "em sequências longas e como as portas (gates) da LSTM e da GRU atenuam esse problema — sem "
        "eliminá-lo."
    ),
    "home.stations": "As estações",
    "home.card_s1": (
        "Uma rede feedforward que vê só a média das entradas não percebe a ordem; uma RNN percebe. "
        "Embaralhe e compare."
    ),
    "home.card_s2": "Monte a linha do tempo de uma série: só quem assistiu desde a 1ª temporada entende o choro no final.",
    "home.card_s3": "O telefone sem fio: veja o gradiente sumir (sussurro) ou explodir (megafone) ao longo do tempo.",
    "home.card_s4": "Portas de esquecimento, entrada e saída: veja dentro de uma LSTM e de uma GRU treinadas.",
    "home.card_s5": "Uma corrida ao vivo: RNN, LSTM e GRU treinando lado a lado na mesma tarefa.",
    "home.card_s6": "As três lições da jornada, com as suas próprias evidências, e um quiz.",
    "home.go": "Abrir a estação",
    "home.how": "Cada gráfico vem de um modelo real: mexa nos controles e a rede responde. O endereço da página guarda os controles, para compartilhar.",
}

EN: dict[str, str] = {
    "home.title": "Unravelling Recurrent Neural Networks (RNNs): A Journey Through Memory",
    "home.intro": (
        "Sentences, songs and TV series only make sense in the right order. On this journey you play with "
        "**real** neural networks (trained in PyTorch) and watch how they remember — and forget: why a "
        "feedforward network that only sees the average of its inputs cannot see order (and one that sees a "
        "fixed window forgets what leaves it), how an RNN's loop becomes memory, why that memory fails over "
        "long sequences, and how the gates of the LSTM and the GRU mitigate that problem — without removing it."
    ),
    "home.stations": "The stations",
    "home.card_s1": (
        "A feedforward network that only sees the average of its inputs misses the order; an RNN sees it. "
        "Shuffle and compare."
    ),
    "home.card_s2": "Build a TV series' timeline: only someone who watched from season 1 understands the final tears.",
    "home.card_s3": "The telephone game: watch the gradient fade (a whisper) or explode (a megaphone) through time.",
    "home.card_s4": "Forget, input and output gates: look inside a trained LSTM and GRU.",
    "home.card_s5": "A live race: RNN, LSTM and GRU trained side by side on the same task.",
    "home.card_s6": "The journey's three lessons, with your own evidence, and a quiz.",
    "home.go": "Open the station",
    "home.how": "Every chart comes from a real model: move the controls and the network answers. The page address keeps the controls, for sharing.",
}
