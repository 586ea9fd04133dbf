"""Strings shared by every page: app shell, navigation, notices."""

PT: dict[str, str] = {
    "common.app_name": "Laboratório de Memória das RNNs",
    "common.language": "Idioma",
    "common.present": "Modo apresentação",
    "common.present_help": "Para o projetor: texto e gráficos maiores, explicações recolhidas e a ideia-chave de cada página no topo.",
    "common.nav_home": "Início",
    "common.nav_s1": "1 · Dados sequenciais",
    "common.nav_s2": "2 · Assistindo a uma série",
    "common.nav_s3": "3 · Desvanecimento e explosão",
    "common.nav_s4": "4 · Portas: LSTM e GRU",
    "common.nav_s5": "5 · Laboratório",
    "common.nav_s6": "6 · Conclusão",
    "common.nav_teacher": "Professor(a): turma ao vivo",
    "common.next_station": "Próxima estação: {title}",
    "common.step_keyboard": "Abrir no passo (setas do teclado: um passo por vez)",
    "common.step_keyboard_help": (
        "Os botões ▶ e ⏸ e a régua da animação rodam no seu navegador, mas não recebem o foco do "
        "teclado. Este controle abre a animação no passo escolhido."
    ),
    "common.coming_next": "Esta estação chega na próxima versão.",
    "common.explain_more": "Explicação completa",
    "common.download_csv": "Baixar os dados (CSV)",
    "common.notice_bad_lang": "O idioma pedido no link não existe; usando o idioma do navegador.",
    "common.notice_bad_param": "O valor «{value}» do parâmetro «{name}» no link não é válido; usando {default}.",
    "common.share_hint": "O endereço desta página guarda os controles: copie-o para compartilhar exatamente esta visão.",
    "common.sidebar_about": "Um curso interativo sobre redes neurais recorrentes, com modelos reais em PyTorch.",
}

EN: dict[str, str] = {
    "common.app_name": "RNN Memory Lab",
    "common.language": "Language",
    "common.present": "Presenter mode",
    "common.present_help": "For a projector: larger text and charts, explanations folded away, and each page's key idea on top.",
    "common.nav_home": "Home",
    "common.nav_s1": "1 · Sequential data",
    "common.nav_s2": "2 · Watching a series",
    "common.nav_s3": "3 · Vanishing & exploding",
    "common.nav_s4": "4 · Gates: LSTM & GRU",
    "common.nav_s5": "5 · Lab",
    "common.nav_s6": "6 · Conclusion",
    "common.nav_teacher": "Teacher: live class",
    "common.next_station": "Next station: {title}",
    "common.step_keyboard": "Open at step (arrow keys: one step at a time)",
    "common.step_keyboard_help": (
        "The animation's ▶ and ⏸ buttons and its slider run in your browser but cannot take the "
        "keyboard's focus. This control opens the animation at the chosen step."
    ),
    "common.coming_next": "This station arrives in the next version.",
    "common.explain_more": "Full explanation",
    "common.download_csv": "Download the data (CSV)",
    "common.notice_bad_lang": "The language asked for in the link does not exist; using the browser's language.",
    "common.notice_bad_param": "The value “{value}” of the link parameter “{name}” is not valid; using {default}.",
    "common.share_hint": "This page's address keeps its controls: copy it to share exactly this view.",
    "common.sidebar_about": "An interactive course on recurrent neural networks, with real PyTorch models.",
}
