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
    # the shared model cache's messages (ui/shell/models.py), on every station that loads weights
    "common.weights_missing": {
        "pt": "Faltam os pesos de **{name}**: o arquivo `{file}` não foi encontrado.",
        "en": "The weights of **{name}** are missing: the file `{file}` was not found.",
    },
    "common.weights_corrupt": {
        "pt": "Os pesos de **{name}** estão corrompidos: o arquivo `{file}` não confere com o manifesto.",
        "en": "The weights of **{name}** are corrupt: the file `{file}` does not match the manifest.",
    },
    "common.weights_error": {
        "pt": "Não foi possível carregar **{name}** (arquivo `{file}`).",
        "en": "Could not load **{name}** (file `{file}`).",
    },
    "common.weights_hint": {
        "pt": "Use **Treinar agora** (ou **Treinar de novo estes modelos**) para treinar esses modelos do zero "
            "nesta sessão, ou recrie os arquivos com `python -m rnn_core pretrain`.",
        "en": "Use **Retrain now** (or **Retrain these models**) to train these models from scratch in this "
            "session, or rebuild the files with `python -m rnn_core pretrain`.",
    },
    "common.weights_details": {
        "pt": "Detalhes técnicos",
        "en": "Technical details",
    },
    "common.predict_label": {
        "pt": "**Preveja antes de ver:** {prompt}",
        "en": "**Predict before you look:** {prompt}",
    },
    "common.predict_commit": {
        "pt": "Confirmar minha previsão",
        "en": "Commit my prediction",
    },
    "common.predict_folded": {
        "pt": "O gráfico que responde fica recolhido até você confirmar.",
        "en": "The chart that answers it stays folded until you commit.",
    },
    "common.predict_choose_first": {
        "pt": "Escolha uma opção antes de confirmar.",
        "en": "Choose an option before committing.",
    },
    "common.predict_right": {
        "pt": "Você previu **{choice}**; a rede mediu: {measured} Acertou!",
        "en": "You predicted **{choice}**; the network measured: {measured} Right!",
    },
    "common.predict_wrong": {
        "pt": "Você previu **{choice}**; a rede mediu: {measured} A resposta medida é **{answer}**.",
        "en": "You predicted **{choice}**; the network measured: {measured} The measured answer is **{answer}**.",
    },
    "common.predict_revealed": {
        "pt": "O(a) professor(a) revelou a resposta: **{answer}**. A rede mediu: {measured}",
        "en": "The teacher revealed the answer: **{answer}**. The network measured: {measured}",
    },
}
