"""Strings shared by every page: app shell, navigation, notices."""

TEXTS: dict[str, dict[str, str]] = {
    "common.app_name": {
        "pt": "Laboratório de Memória das RNNs",
        "en": "RNN Memory Lab",
    },
    "common.language": {
        "pt": "Idioma",
        "en": "Language",
    },
    "common.present": {
        "pt": "Modo apresentação",
        "en": "Presenter mode",
    },
    "common.present_help": {
        "pt": "Para o projetor: texto e gráficos maiores, explicações recolhidas e a ideia-chave de cada página no topo.",
        "en": "For a projector: larger text and charts, explanations folded away, and each page's key idea on top.",
    },
    "common.next_station": {
        "pt": "Próxima estação: {title}",
        "en": "Next station: {title}",
    },
    "common.step_keyboard": {
        "pt": "Abrir no passo (setas do teclado: um passo por vez)",
        "en": "Open at step (arrow keys: one step at a time)",
    },
    "common.step_keyboard_help": {
        "pt": "Os botões ▶ e ⏸ e a régua da animação rodam no seu navegador, mas não recebem o foco do "
            "teclado. Este controle abre a animação no passo escolhido.",
        "en": "The animation's ▶ and ⏸ buttons and its slider run in your browser but cannot take the "
            "keyboard's focus. This control opens the animation at the chosen step.",
    },
    "common.explain_more": {
        "pt": "Explicação completa",
        "en": "Full explanation",
    },
    "common.download_csv": {
        "pt": "Baixar os dados (CSV)",
        "en": "Download the data (CSV)",
    },
    "common.notice_bad_lang": {
        "pt": "O idioma pedido no link não existe; usando o idioma do navegador.",
        "en": "The language asked for in the link does not exist; using the browser's language.",
    },
    "common.notice_bad_param": {
        "pt": "O valor «{value}» do parâmetro «{name}» no link não é válido; usando {default}.",
        "en": "The value “{value}” of the link parameter “{name}” is not valid; using {default}.",
    },
    "common.share_hint": {
        "pt": "O endereço desta página guarda os controles: copie-o para compartilhar exatamente esta visão.",
        "en": "This page's address keeps its controls: copy it to share exactly this view.",
    },
    "common.sidebar_about": {
        "pt": "Um curso interativo sobre redes neurais recorrentes, com modelos reais em PyTorch.",
        "en": "An interactive course on recurrent neural networks, with real PyTorch models.",
    },
}
