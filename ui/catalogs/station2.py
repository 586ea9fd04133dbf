"""Strings of station 2 (watching a series), the timeline editor and the weights messages.

The ``s2.tl*`` keys belong to ``ui/timeline.py`` and the ``s2.weights_*`` keys to
``ui/models_cache.py``; station 4 reuses both.
"""

PT: dict[str, str] = {
    "s2.title": "Assistindo a uma série",
    "s2.subtitle": (
        "Na cena final o personagem chora. De tristeza ou de alegria? Só entende quem se lembra do que "
        "aconteceu lá atrás."
    ),
    "s2.takeaway": (
        "Quem vê só a 5ª temporada não entende o choro; a memória da RNN, da LSTM e da GRU liga a cena "
        "final ao que aconteceu na 1ª."
    ),
    "s2.intro": (
        "Imagine começar uma série pela **5ª temporada**: na cena final o personagem chora, e você não faz "
        "ideia do porquê. Quem assistiu **desde o início** sabe: foi o trauma da 1ª temporada (lágrimas de "
        "tristeza) — ou o reencontro tão esperado (lágrimas de alegria).\n\n"
        "Aqui cada episódio é um passo da sequência. A rede **feedforward** olha uma janela fixa: só os "
        "últimos {k} episódios, lado a lado, como quem pegou a série pela metade — ela vê a ordem dentro da "
        "janela, mas nada do que veio antes. A **RNN**, a **LSTM** e a **GRU** assistem a tudo, em ordem, "
        "carregando uma memória. Monte a linha do tempo e pergunte a cada uma: "
        "*por que o personagem chora?*"
    ),
    "s2.editor_header": "A linha do tempo da série",
    "s2.tl_moods": "Cada episódio tem o seu próprio clima",
    "s2.tl_moods_help": (
        "Desligado: só o evento-chave tem clima (série simples). Ligado: todo episódio comum também é triste "
        "ou alegre, e os modelos precisam guardar o clima do evento-chave e ignorar todos os outros "
        "(série realista)."
    ),
    "s2.tl_key_mood": "O evento-chave",
    "s2.tl_key_sad": "Trauma (triste)",
    "s2.tl_key_happy": "Reencontro (feliz)",
    "s2.tl_after": "Episódios comuns depois do evento-chave",
    "s2.tl_after_help": "Quantos episódios comuns separam o evento-chave da cena final (de 0 a 89).",
    "s2.tl_per_season": "Episódios por temporada",
    "s2.tl_key_season": "Temporada do evento",
    "s2.tl_key_episode": "Episódio do evento",
    "s2.tl_pattern": "Clima dos episódios comuns",
    "s2.tl_pattern_random": "Sorteado",
    "s2.tl_pattern_same": "O mesmo do evento-chave",
    "s2.tl_pattern_opposite": "Sempre o oposto do evento-chave",
    "s2.tl_pattern_alternate": "Alternado (triste, alegre, …)",
    "s2.tl_pattern_all_sad": "Todos tristes",
    "s2.tl_pattern_all_happy": "Todos alegres",
    "s2.tl_seed": "Semente do sorteio",
    "s2.tl_seed_help": "Outro número sorteia outros climas (e outros tipos de episódio comum).",
    "s2.tl_clamped": "A temporada tem só {per_season} episódios: o evento-chave foi para o episódio {per_season} (você pediu o {asked}).",
    "s2.tlfig_title": "A série: {seasons} temporada(s), {episodes} episódios",
    "s2.tlfig_season": "temporada",
    "s2.tlfig_episode": "episódio",
    "s2.tlfig_key_sad": "trauma",
    "s2.tlfig_key_happy": "reencontro",
    "s2.tlfig_ordinary": "comum",
    "s2.tlfig_final": "cena final (choro)",
    "s2.tlfig_window": "bloco da feedforward",
    "s2.tlfig_sad": "triste",
    "s2.tlfig_happy": "alegre",
    "s2.tlfig_caption": (
        "Repare no quadro tracejado: a feedforward só vê os últimos {k} episódios; o evento-chave (★) está "
        "{d} episódio(s) antes da cena final."
    ),
    "s2.summary": (
        "Evento-chave em **{at}**, {n} episódio(s) comum(ns) depois e a cena final em **{final}**: "
        "distância **d = {d}**."
    ),
    "s2.variant_simple": "Série simples: só o evento-chave tem clima.",
    "s2.variant_realistic": "Série realista: todo episódio tem clima; só o do evento-chave explica o choro.",
    "s2.model_ff": "Feedforward (últimos {k} episódios)",
    "s2.model_rnn": "RNN tanh",
    "s2.model_stable_rnn": "RNN tanh cujo laço não amplifica (norma espectral ≤ 1)",
    "s2.model_lstm": "LSTM",
    "s2.model_gru": "GRU",
    "s2.legend_ff": "Feedforward (últimos {k})",
    "s2.legend_rnn": "RNN tanh",
    "s2.legend_stable_rnn": "RNN tanh estável (norma ≤ 1)",
    "s2.legend_lstm": "LSTM",
    "s2.legend_gru": "GRU",
    "s2.verdict_header": "Por que o personagem chora?",
    "s2.says_sad": "lágrimas de tristeza",
    "s2.says_happy": "lágrimas de alegria",
    "s2.card": "**{answer}** · {conf} de confiança",
    "s2.grade_right": "acertou",
    "s2.grade_wrong": "errou",
    "s2.grade_guess": "palpite (guess): perto do acaso",
    "s2.guess_rule": (
        "Com confiança entre {lo} e {hi} a resposta fica perto do acaso: é um palpite, não conta como acerto "
        "nem como erro."
    ),
    "s2.truth": "Resposta certa: **{answer}** ({why}).",
    "s2.why_sad": "o trauma em {at}",
    "s2.why_happy": "o reencontro em {at}",
    "s2.retrained_badge": "retreinado nesta sessão",
    "s2.belief_header": "A crença depois de cada episódio",
    "s2.belief_title": "P(lágrimas de alegria) após cada episódio",
    "s2.belief_x": "episódio",
    "s2.belief_y": "P(lágrimas de alegria)",
    "s2.belief_key": "evento-chave",
    "s2.belief_final": "cena final",
    "s2.belief_chance": "acaso (50 %)",
    "s2.belief_caption": (
        "Repare no que acontece logo depois do evento-chave: as redes com memória mudam de opinião e "
        "carregam essa crença até a cena final; a feedforward só reage enquanto o evento está nos últimos "
        "{k} episódios."
    ),
    "s2.belief_note": (
        "Cada modelo foi treinado para responder só na cena final, então os valores no meio da série são a "
        "leitura do estado naquele momento, não uma resposta treinada: antes do evento-chave eles oscilam."
    ),
    "s2.acc_header": "Acurácia por distância",
    "s2.acc_title": "Acurácia por distância d (evento-chave → cena final)",
    "s2.acc_x": "distância d (episódios)",
    "s2.acc_y": "acurácia",
    "s2.acc_trained": "distâncias vistas no treino",
    "s2.acc_chance": "acaso (50 %)",
    "s2.acc_window": "bloco da feedforward (k = {k})",
    "s2.acc_current": "a sua série (d = {d})",
    "s2.acc_caption_simple": (
        "Repare: a feedforward só acerta enquanto d < {k} (o evento ainda está no bloco que ela vê) e cai "
        "para 50 % depois; as redes com memória acertam em qualquer distância."
    ),
    "s2.acc_caption_realistic": (
        "Repare: com climas em todo episódio, a LSTM e a GRU continuam perto de 100 % mesmo fora da faixa de "
        "treino; a RNN estável esquece aos poucos, descendo rumo aos 50 %; e a RNN comum fica perto do acaso "
        "em todas as distâncias, até em d = 1: o treino dela falhou, e a curva dela não mostra nada sobre a "
        "distância."
    ),
    "s2.acc_note": "Calculado em {n} séries novas por distância, sorteadas pelo gerador da tarefa.",
    "s2.acc_computing": "Medindo a acurácia por distância…",
    "s2.realistic_bridge": (
        "Na série realista, a RNN estável (norma ≤ 1) esquece com a distância: acerta {near} das vezes com o "
        "evento-chave a 1–3 episódios do final e {far} a 21–30. Por que a memória de uma RNN se apaga com a "
        "distância? É "
        "**a pergunta da estação 3**; portas que guardam o que importa e ignoram o resto são **a resposta da "
        "estação 4**. Já a RNN tanh comum pré-treinada acerta só {rnn_d1} das vezes mesmo em d = 1, quando o evento-chave "
        "é o episódio logo antes do final: aí não é a distância, é um treino que falhou."
    ),
    "s2.realistic_bridge_plain": (
        "Por que a memória de uma RNN se apaga com a distância? É **a pergunta da estação 3**; portas que "
        "guardam o que importa e ignoram o resto são **a resposta da estação 4**."
    ),
    "s2.link_s3": "Estação 3: desvanecimento e explosão",
    "s2.link_s4": "Estação 4: portas da LSTM e da GRU",
    "s2.retrain_header": "Treinar de novo",
    "s2.retrain": "Treinar agora",
    "s2.retrain_help": (
        "Treina do zero, só para a sua sessão, os modelos desta variante ({variant}). Os modelos "
        "pré-treinados do servidor não mudam."
    ),
    "s2.retrain_explain": (
        "Os modelos desta página vêm pré-treinados. Você pode treiná-los de novo aqui mesmo, do zero, com a "
        "mesma semente: os novos modelos valem só para a sua sessão."
    ),
    "s2.retrain_progress": "Treinando {model}: passo {step} de {total}",
    "s2.retrain_done": "Pronto: {n} modelo(s) treinado(s); a página agora usa os novos, só para você.",
    "s2.retrain_queued": "Na fila: {n} treino(s) na frente deste.",
    "s2.retrain_stop": "Parar de esperar",
    "s2.retrain_shared": (
        "Treinos iguais são um só: se outra pessoa pediu o mesmo treino, você acompanha o mesmo cálculo, e o "
        "resultado é idêntico ao de um treino só seu."
    ),
    "s2.retrain_failed": "O treino de {model} não deu certo ({detail}).",
    "s2.retrain_reset": "Voltar aos modelos pré-treinados",
    "s2.variant_name_simple": "série simples",
    "s2.variant_name_realistic": "série realista",
    "s2.weights_missing": "Faltam os pesos de **{name}**: o arquivo `{file}` não foi encontrado.",
    "s2.weights_corrupt": "Os pesos de **{name}** estão corrompidos: o arquivo `{file}` não confere com o manifesto.",
    "s2.weights_error": "Não foi possível carregar **{name}** (arquivo `{file}`).",
    "s2.weights_hint": (
        "Use **Treinar agora** (ou **Treinar de novo estes modelos**) para treinar esses modelos do zero "
        "nesta sessão, ou recrie os arquivos com `python -m rnn_core pretrain`."
    ),
    "s2.weights_details": "Detalhes técnicos",
    "s2.no_models": "Nenhum modelo disponível para esta variante: treine-os com o botão abaixo.",
}

EN: dict[str, str] = {
    "s2.title": "Watching a series",
    "s2.subtitle": (
        "In the final scene the character cries. Sad tears or happy tears? Only those who remember what "
        "happened long ago understand."
    ),
    "s2.takeaway": (
        "Watching season 5 only, the tears make no sense; the memory of the RNN, the LSTM and the GRU links "
        "the final scene to what happened in season 1."
    ),
    "s2.intro": (
        "Imagine starting a series at **season 5**: in the final scene the character cries, and you have no "
        "idea why. Those who watched **from the start** know: it was the season-1 trauma (sad tears) — or "
        "the long-awaited reunion (happy tears).\n\n"
        "Here each episode is one step of the sequence. The **feedforward** network looks at a fixed window: "
        "only the last {k} episodes, side by side, like someone who tuned in halfway — it sees the order "
        "inside its window, but nothing that came before. The **RNN**, the **LSTM** and the **GRU** watch "
        "everything, in order, carrying a memory. Build the timeline and ask each of them: "
        "*why does the character cry?*"
    ),
    "s2.editor_header": "The series timeline",
    "s2.tl_moods": "Every episode has its own mood",
    "s2.tl_moods_help": (
        "Off: only the key event has a mood (simple series). On: every ordinary episode is sad or happy too, "
        "and the models must keep the key event's mood and ignore all the others (realistic series)."
    ),
    "s2.tl_key_mood": "The key event",
    "s2.tl_key_sad": "Trauma (sad)",
    "s2.tl_key_happy": "Reunion (happy)",
    "s2.tl_after": "Ordinary episodes after the key event",
    "s2.tl_after_help": "How many ordinary episodes separate the key event from the final scene (0 to 89).",
    "s2.tl_per_season": "Episodes per season",
    "s2.tl_key_season": "Season of the event",
    "s2.tl_key_episode": "Episode of the event",
    "s2.tl_pattern": "Mood of the ordinary episodes",
    "s2.tl_pattern_random": "Random",
    "s2.tl_pattern_same": "Same as the key event",
    "s2.tl_pattern_opposite": "Always the opposite of the key event",
    "s2.tl_pattern_alternate": "Alternating (sad, happy, …)",
    "s2.tl_pattern_all_sad": "All sad",
    "s2.tl_pattern_all_happy": "All happy",
    "s2.tl_seed": "Random seed",
    "s2.tl_seed_help": "Another number draws other moods (and other kinds of ordinary episode).",
    "s2.tl_clamped": "The season has only {per_season} episodes: the key event moved to episode {per_season} (you asked for {asked}).",
    "s2.tlfig_title": "The series: {seasons} season(s), {episodes} episodes",
    "s2.tlfig_season": "season",
    "s2.tlfig_episode": "episode",
    "s2.tlfig_key_sad": "trauma",
    "s2.tlfig_key_happy": "reunion",
    "s2.tlfig_ordinary": "ordinary",
    "s2.tlfig_final": "final scene (tears)",
    "s2.tlfig_window": "feedforward block",
    "s2.tlfig_sad": "sad",
    "s2.tlfig_happy": "happy",
    "s2.tlfig_caption": (
        "Notice the dashed frame: the feedforward network only sees the last {k} episodes; the key event (★) "
        "is {d} episode(s) before the final scene."
    ),
    "s2.summary": (
        "Key event at **{at}**, {n} ordinary episode(s) after it and the final scene at **{final}**: "
        "distance **d = {d}**."
    ),
    "s2.variant_simple": "Simple series: only the key event has a mood.",
    "s2.variant_realistic": "Realistic series: every episode has a mood; only the key event's explains the tears.",
    "s2.model_ff": "Feedforward (last {k} episodes)",
    "s2.model_rnn": "tanh RNN",
    "s2.model_stable_rnn": "tanh RNN whose loop cannot amplify (spectral norm ≤ 1)",
    "s2.model_lstm": "LSTM",
    "s2.model_gru": "GRU",
    "s2.legend_ff": "Feedforward (last {k})",
    "s2.legend_rnn": "tanh RNN",
    "s2.legend_stable_rnn": "stable tanh RNN (norm ≤ 1)",
    "s2.legend_lstm": "LSTM",
    "s2.legend_gru": "GRU",
    "s2.verdict_header": "Why does the character cry?",
    "s2.says_sad": "sad tears",
    "s2.says_happy": "happy tears",
    "s2.card": "**{answer}** · {conf} confident",
    "s2.grade_right": "right",
    "s2.grade_wrong": "wrong",
    "s2.grade_guess": "a guess: near chance",
    "s2.guess_rule": (
        "With a confidence between {lo} and {hi} the answer is near chance: a guess, counted neither as right "
        "nor as wrong."
    ),
    "s2.truth": "Right answer: **{answer}** ({why}).",
    "s2.why_sad": "the trauma in {at}",
    "s2.why_happy": "the reunion in {at}",
    "s2.retrained_badge": "retrained in this session",
    "s2.belief_header": "The belief after each episode",
    "s2.belief_title": "P(happy tears) after each episode",
    "s2.belief_x": "episode",
    "s2.belief_y": "P(happy tears)",
    "s2.belief_key": "key event",
    "s2.belief_final": "final scene",
    "s2.belief_chance": "chance (50 %)",
    "s2.belief_caption": (
        "Notice what happens right after the key event: the networks with memory change their mind and "
        "carry that belief to the final scene; the feedforward network only reacts while the event is among "
        "the last {k} episodes."
    ),
    "s2.belief_note": (
        "Each model was trained to answer only at the final scene, so the values along the way are a reading "
        "of its state at that moment, not a trained answer: before the key event they wobble."
    ),
    "s2.acc_header": "Accuracy by distance",
    "s2.acc_title": "Accuracy by distance d (key event → final scene)",
    "s2.acc_x": "distance d (episodes)",
    "s2.acc_y": "accuracy",
    "s2.acc_trained": "distances seen in training",
    "s2.acc_chance": "chance (50 %)",
    "s2.acc_window": "feedforward block (k = {k})",
    "s2.acc_current": "your series (d = {d})",
    "s2.acc_caption_simple": (
        "Notice: the feedforward network is only right while d < {k} (the event is still inside the block it "
        "sees) and drops to 50 % beyond; the networks with memory are right at every distance."
    ),
    "s2.acc_caption_realistic": (
        "Notice: with moods in every episode, the LSTM and the GRU stay near 100 % even outside the training "
        "range; the stable RNN slowly forgets, sinking toward 50 %; and the plain RNN stays near chance at every "
        "distance, even at d = 1: its training failed, and its curve says nothing about distance."
    ),
    "s2.acc_note": "Computed on {n} new series per distance, drawn by the task generator.",
    "s2.acc_computing": "Measuring accuracy by distance…",
    "s2.realistic_bridge": (
        "On the realistic series, the stable RNN (norm ≤ 1) forgets with distance: it is right {near} of the "
        "time with the key event 1–3 episodes before the end and {far} at 21–30. Why does an RNN's memory fade "
        "with distance? That is **the question of station 3**; gates that keep what matters and ignore the "
        "rest are **the answer of station 4**. The pretrained plain tanh RNN, though, is right only {rnn_d1} "
        "of the time even at d = 1, with the key event right before the end: that is not distance but a "
        "training that failed."
    ),
    "s2.realistic_bridge_plain": (
        "Why does an RNN's memory fade with distance? That is **the question of station 3**; gates that keep "
        "what matters and ignore the rest are **the answer of station 4**."
    ),
    "s2.link_s3": "Station 3: vanishing & exploding",
    "s2.link_s4": "Station 4: the gates of the LSTM and the GRU",
    "s2.retrain_header": "Retrain",
    "s2.retrain": "Retrain now",
    "s2.retrain_help": (
        "Trains this variant's models ({variant}) from scratch, for your session only. The server's "
        "pretrained models do not change."
    ),
    "s2.retrain_explain": (
        "The models on this page come pretrained. You can retrain them from scratch right here, with the same "
        "seed: the new models only apply to your session."
    ),
    "s2.retrain_progress": "Training {model}: step {step} of {total}",
    "s2.retrain_done": "Done: {n} model(s) trained; the page now uses the new ones, for you only.",
    "s2.retrain_queued": "Waiting: {n} training(s) ahead of this one.",
    "s2.retrain_stop": "Stop waiting",
    "s2.retrain_shared": (
        "Identical trainings are one: if someone else asked for the same training, you follow the same "
        "computation, and the result is identical to a training of your own."
    ),
    "s2.retrain_failed": "Training {model} did not work ({detail}).",
    "s2.retrain_reset": "Back to the pretrained models",
    "s2.variant_name_simple": "simple series",
    "s2.variant_name_realistic": "realistic series",
    "s2.weights_missing": "The weights of **{name}** are missing: the file `{file}` was not found.",
    "s2.weights_corrupt": "The weights of **{name}** are corrupt: the file `{file}` does not match the manifest.",
    "s2.weights_error": "Could not load **{name}** (file `{file}`).",
    "s2.weights_hint": (
        "Use **Retrain now** (or **Retrain these models**) to train these models from scratch in this "
        "session, or rebuild the files with `python -m rnn_core pretrain`."
    ),
    "s2.weights_details": "Technical details",
    "s2.no_models": "No model is available for this variant: train them with the button below.",
}
