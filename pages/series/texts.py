"""Strings of station 2 (watching a series) and of the timeline editor.

The ``series.tl*`` keys belong to ``ui/widgets/timeline.py``, the timeline editor station 2 owns and
station 4 reuses.
"""

TEXTS: dict[str, dict[str, str]] = {
    "common.nav_series": {
        "pt": "2 · Assistindo a uma série",
        "en": "2 · Watching a series",
    },
    "home.card_series": {
        "pt": "Monte a linha do tempo de uma série: só quem assistiu desde a 1ª temporada entende o choro no final.",
        "en": "Build a TV series' timeline: only someone who watched from season 1 understands the final tears.",
    },
    "series.title": {
        "pt": "Assistindo a uma série",
        "en": "Watching a series",
    },
    "series.subtitle": {
        "pt": "Na cena final o personagem chora. De tristeza ou de alegria? Só entende quem se lembra do que "
            "aconteceu lá atrás.",
        "en": "In the final scene the character cries. Sad tears or happy tears? Only those who remember what "
            "happened long ago understand.",
    },
    "series.takeaway": {
        "pt": "Quem vê só a 5ª temporada não entende o choro; a memória da RNN, da LSTM e da GRU liga a cena "
            "final ao que aconteceu na 1ª.",
        "en": "Watching season 5 only, the tears make no sense; the memory of the RNN, the LSTM and the GRU links "
            "the final scene to what happened in season 1.",
    },
    "series.intro": {
        "pt": "Imagine começar uma série pela **5ª temporada**: na cena final o personagem chora, e você não faz "
            "ideia do porquê. Quem assistiu **desde o início** sabe: foi o trauma da 1ª temporada (lágrimas de "
            "tristeza) — ou o reencontro tão esperado (lágrimas de alegria).\n\n"
            "Aqui cada episódio é um passo da sequência. A rede **feedforward** olha uma janela fixa: só os "
            "últimos {k} episódios, lado a lado, como quem pegou a série pela metade — ela vê a ordem dentro da "
            "janela, mas nada do que veio antes. A **RNN**, a **LSTM** e a **GRU** assistem a tudo, em ordem, "
            "carregando uma memória. Monte a linha do tempo e pergunte a cada uma: "
            "*por que o personagem chora?*",
        "en": "Imagine starting a series at **season 5**: in the final scene the character cries, and you have no "
            "idea why. Those who watched **from the start** know: it was the season-1 trauma (sad tears) — or "
            "the long-awaited reunion (happy tears).\n\n"
            "Here each episode is one step of the sequence. The **feedforward** network looks at a fixed window: "
            "only the last {k} episodes, side by side, like someone who tuned in halfway — it sees the order "
            "inside its window, but nothing that came before. The **RNN**, the **LSTM** and the **GRU** watch "
            "everything, in order, carrying a memory. Build the timeline and ask each of them: "
            "*why does the character cry?*",
    },
    "series.editor_header": {
        "pt": "A linha do tempo da série",
        "en": "The series timeline",
    },
    "series.tl_moods": {
        "pt": "Cada episódio tem o seu próprio clima",
        "en": "Every episode has its own mood",
    },
    "series.tl_moods_help": {
        "pt": "Desligado: só o evento-chave tem clima (série simples). Ligado: todo episódio comum também é triste "
            "ou alegre, e os modelos precisam guardar o clima do evento-chave e ignorar todos os outros "
            "(série realista).",
        "en": "Off: only the key event has a mood (simple series). On: every ordinary episode is sad or happy too, "
            "and the models must keep the key event's mood and ignore all the others (realistic series).",
    },
    "series.tl_key_mood": {
        "pt": "O evento-chave",
        "en": "The key event",
    },
    "series.tl_key_sad": {
        "pt": "Trauma (triste)",
        "en": "Trauma (sad)",
    },
    "series.tl_key_happy": {
        "pt": "Reencontro (feliz)",
        "en": "Reunion (happy)",
    },
    "series.tl_after": {
        "pt": "Episódios comuns depois do evento-chave",
        "en": "Ordinary episodes after the key event",
    },
    "series.tl_after_help": {
        "pt": "Quantos episódios comuns separam o evento-chave da cena final (de 0 a 89).",
        "en": "How many ordinary episodes separate the key event from the final scene (0 to 89).",
    },
    "series.tl_per_season": {
        "pt": "Episódios por temporada",
        "en": "Episodes per season",
    },
    "series.tl_key_season": {
        "pt": "Temporada do evento",
        "en": "Season of the event",
    },
    "series.tl_key_episode": {
        "pt": "Episódio do evento",
        "en": "Episode of the event",
    },
    "series.tl_pattern": {
        "pt": "Clima dos episódios comuns",
        "en": "Mood of the ordinary episodes",
    },
    "series.tl_pattern_random": {
        "pt": "Sorteado",
        "en": "Random",
    },
    "series.tl_pattern_same": {
        "pt": "O mesmo do evento-chave",
        "en": "Same as the key event",
    },
    "series.tl_pattern_opposite": {
        "pt": "Sempre o oposto do evento-chave",
        "en": "Always the opposite of the key event",
    },
    "series.tl_pattern_alternate": {
        "pt": "Alternado (triste, alegre, …)",
        "en": "Alternating (sad, happy, …)",
    },
    "series.tl_pattern_all_sad": {
        "pt": "Todos tristes",
        "en": "All sad",
    },
    "series.tl_pattern_all_happy": {
        "pt": "Todos alegres",
        "en": "All happy",
    },
    "series.tl_seed": {
        "pt": "Semente do sorteio",
        "en": "Random seed",
    },
    "series.tl_seed_help": {
        "pt": "Outro número sorteia outros climas (e outros tipos de episódio comum).",
        "en": "Another number draws other moods (and other kinds of ordinary episode).",
    },
    "series.tl_clamped": {
        "pt": "A temporada tem só {per_season} episódios: o evento-chave foi para o episódio {per_season} (você pediu o {asked}).",
        "en": "The season has only {per_season} episodes: the key event moved to episode {per_season} (you asked for {asked}).",
    },
    "series.tlfig_title": {
        "pt": "A série: {seasons} temporada(s), {episodes} episódios",
        "en": "The series: {seasons} season(s), {episodes} episodes",
    },
    "series.tlfig_season": {
        "pt": "temporada",
        "en": "season",
    },
    "series.tlfig_episode": {
        "pt": "episódio",
        "en": "episode",
    },
    "series.tlfig_key_sad": {
        "pt": "trauma",
        "en": "trauma",
    },
    "series.tlfig_key_happy": {
        "pt": "reencontro",
        "en": "reunion",
    },
    "series.tlfig_ordinary": {
        "pt": "comum",
        "en": "ordinary",
    },
    "series.tlfig_final": {
        "pt": "cena final (choro)",
        "en": "final scene (tears)",
    },
    "series.tlfig_window": {
        "pt": "bloco da feedforward",
        "en": "feedforward block",
    },
    "series.tlfig_sad": {
        "pt": "triste",
        "en": "sad",
    },
    "series.tlfig_happy": {
        "pt": "alegre",
        "en": "happy",
    },
    "series.tlfig_caption": {
        "pt": "Repare no quadro tracejado: a feedforward só vê os últimos {k} episódios; o evento-chave (★) está "
            "{d} episódio(s) antes da cena final.",
        "en": "Notice the dashed frame: the feedforward network only sees the last {k} episodes; the key event (★) "
            "is {d} episode(s) before the final scene.",
    },
    "series.summary": {
        "pt": "Evento-chave em **{at}**, {n} episódio(s) comum(ns) depois e a cena final em **{final}**: "
            "distância **d = {d}**.",
        "en": "Key event at **{at}**, {n} ordinary episode(s) after it and the final scene at **{final}**: "
            "distance **d = {d}**.",
    },
    "series.variant_simple": {
        "pt": "Série simples: só o evento-chave tem clima.",
        "en": "Simple series: only the key event has a mood.",
    },
    "series.variant_realistic": {
        "pt": "Série realista: todo episódio tem clima; só o do evento-chave explica o choro.",
        "en": "Realistic series: every episode has a mood; only the key event's explains the tears.",
    },
    "series.model_ff": {
        "pt": "Feedforward (últimos {k} episódios)",
        "en": "Feedforward (last {k} episodes)",
    },
    "series.model_rnn": {
        "pt": "RNN tanh",
        "en": "tanh RNN",
    },
    "series.model_stable_rnn": {
        "pt": "RNN tanh cujo laço quase não amplifica (norma espectral ≈ 1)",
        "en": "tanh RNN whose loop can barely amplify (spectral norm ≈ 1)",
    },
    "series.model_lstm": {
        "pt": "LSTM",
        "en": "LSTM",
    },
    "series.model_gru": {
        "pt": "GRU",
        "en": "GRU",
    },
    "series.legend_ff": {
        "pt": "Feedforward (últimos {k})",
        "en": "Feedforward (last {k})",
    },
    "series.legend_rnn": {
        "pt": "RNN tanh",
        "en": "tanh RNN",
    },
    "series.legend_stable_rnn": {
        "pt": "RNN tanh estável (norma ≈ 1)",
        "en": "stable tanh RNN (norm ≈ 1)",
    },
    "series.legend_lstm": {
        "pt": "LSTM",
        "en": "LSTM",
    },
    "series.legend_gru": {
        "pt": "GRU",
        "en": "GRU",
    },
    "series.verdict_header": {
        "pt": "Por que o personagem chora?",
        "en": "Why does the character cry?",
    },
    "series.says_sad": {
        "pt": "lágrimas de tristeza",
        "en": "sad tears",
    },
    "series.says_happy": {
        "pt": "lágrimas de alegria",
        "en": "happy tears",
    },
    "series.card": {
        "pt": "**{answer}** · {conf} de confiança",
        "en": "**{answer}** · {conf} confident",
    },
    "series.grade_right": {
        "pt": "acertou",
        "en": "right",
    },
    "series.grade_wrong": {
        "pt": "errou",
        "en": "wrong",
    },
    "series.grade_guess": {
        "pt": "palpite: perto do acaso",
        "en": "a guess: near chance",
    },
    "series.guess_rule": {
        "pt": "Com confiança entre {lo} e {hi} a resposta fica perto do acaso: é um palpite, não conta como "
            "resposta certa nem errada.",
        "en": "With a confidence between {lo} and {hi} the answer is near chance: a guess, counted neither as right "
            "nor as wrong.",
    },
    "series.truth": {
        "pt": "Resposta certa: **{answer}** ({why}).",
        "en": "Right answer: **{answer}** ({why}).",
    },
    "series.why_sad": {
        "pt": "o trauma em {at}",
        "en": "the trauma in {at}",
    },
    "series.why_happy": {
        "pt": "o reencontro em {at}",
        "en": "the reunion in {at}",
    },
    "series.retrained_badge": {
        "pt": "retreinado nesta sessão",
        "en": "retrained in this session",
    },
    "series.belief_header": {
        "pt": "A crença depois de cada episódio",
        "en": "The belief after each episode",
    },
    "series.belief_title": {
        "pt": "P(resposta certa: {answer}) após cada episódio",
        "en": "P(right answer: {answer}) after each episode",
    },
    "series.belief_x": {
        "pt": "episódio",
        "en": "episode",
    },
    "series.belief_y": {
        "pt": "P(resposta certa: {answer})",
        "en": "P(right answer: {answer})",
    },
    "series.belief_key": {
        "pt": "evento-chave",
        "en": "key event",
    },
    "series.belief_final": {
        "pt": "cena final",
        "en": "final scene",
    },
    "series.belief_chance": {
        "pt": "acaso (50 %)",
        "en": "chance (50 %)",
    },
    "series.belief_caption": {
        "pt": "Cada curva é a probabilidade que o modelo dá à resposta certa (no alto = acertou). Repare no que "
            "acontece logo depois do evento-chave: as redes que se lembram dele sobem e carregam essa crença até a "
            "cena final; a feedforward só sobe enquanto o evento está nos últimos {k} episódios.",
        "en": "Each curve is the probability the model gives the right answer (high = right). Notice what happens "
            "right after the key event: the networks that remember it rise and carry that belief to the final "
            "scene; the feedforward network only rises while the event is among the last {k} episodes.",
    },
    "series.belief_note": {
        "pt": "Cada modelo foi treinado para responder só na cena final, então os valores no meio da série são a "
            "leitura do estado naquele momento, não uma resposta treinada: antes do evento-chave eles oscilam.",
        "en": "Each model was trained to answer only at the final scene, so the values along the way are a reading "
            "of its state at that moment, not a trained answer: before the key event they wobble.",
    },
    "series.acc_header": {
        "pt": "Acurácia por distância",
        "en": "Accuracy by distance",
    },
    "series.acc_title": {
        "pt": "Acurácia por distância d (evento-chave → cena final)",
        "en": "Accuracy by distance d (key event → final scene)",
    },
    "series.acc_x": {
        "pt": "distância d (episódios)",
        "en": "distance d (episodes)",
    },
    "series.acc_y": {
        "pt": "acurácia",
        "en": "accuracy",
    },
    "series.acc_trained": {
        "pt": "distâncias vistas no treino",
        "en": "distances seen in training",
    },
    "series.acc_chance": {
        "pt": "acaso (50 %)",
        "en": "chance (50 %)",
    },
    "series.acc_window": {
        "pt": "bloco da feedforward (k = {k})",
        "en": "feedforward block (k = {k})",
    },
    "series.acc_current": {
        "pt": "a sua série (d = {d})",
        "en": "your series (d = {d})",
    },
    "series.acc_caption_simple": {
        "pt": "Repare: a feedforward só acerta enquanto d < {k} (o evento ainda está no bloco que ela vê) e cai "
            "para 50 % depois; as redes com memória acertam em qualquer distância.",
        "en": "Notice: the feedforward network is only right while d < {k} (the event is still inside the block it "
            "sees) and drops to 50 % beyond; the networks with memory are right at every distance.",
    },
    "series.acc_caption_realistic": {
        "pt": "Repare: com climas em todo episódio, a LSTM e a GRU continuam perto de 100 % mesmo fora da faixa de "
            "treino; a RNN estável esquece aos poucos, descendo rumo aos 50 %; e a RNN comum fica perto do acaso "
            "em todas as distâncias, até em d = 1: o treino dela falhou, e a curva dela não mostra nada sobre a "
            "distância.",
        "en": "Notice: with moods in every episode, the LSTM and the GRU stay near 100 % even outside the training "
            "range; the stable RNN slowly forgets, sinking toward 50 %; and the plain RNN stays near chance at every "
            "distance, even at d = 1: its training failed, and its curve says nothing about distance.",
    },
    "series.acc_note": {
        "pt": "Calculado em {n} séries novas por distância, sorteadas pelo gerador da tarefa.",
        "en": "Computed on {n} new series per distance, drawn by the task generator.",
    },
    "series.acc_computing": {
        "pt": "Medindo a acurácia por distância…",
        "en": "Measuring accuracy by distance…",
    },
    "series.realistic_bridge": {
        "pt": "Na série realista, a RNN estável (norma ≈ 1) esquece com a distância: acerta {near} das vezes "
            "com o evento-chave a 1–3 episódios do final e {far} a 21–30. Por que a memória de uma RNN se "
            "apaga com a distância? É **a pergunta da estação 3**; portas que guardam o que importa e "
            "ignoram o resto são **a resposta da estação 4**. Já a RNN tanh comum pré-treinada acerta só "
            "{rnn_d1} das vezes mesmo em d = 1, quando o evento-chave é o episódio logo antes do final: aí "
            "não é a distância, é um treino que falhou.",
        "en": "On the realistic series, the stable RNN (norm ≈ 1) forgets with distance: it is right {near} of "
            "the time with the key event 1–3 episodes before the end and {far} at 21–30. Why does an RNN's "
            "memory fade with distance? That is **the question of station 3**; gates that keep what matters "
            "and ignore the rest are **the answer of station 4**. The pretrained plain tanh RNN, though, is "
            "right only {rnn_d1} of the time even at d = 1, with the key event right before the end: that is "
            "not distance but a training that failed.",
    },
    "series.choose_simple": {
        "pt": "**Você está na série simples:** só o evento-chave tem clima. Aqui quem esquece é a feedforward, que só "
            "vê os últimos {k} episódios. Para ver a **memória de uma RNN se apagar com a distância**, ligue "
            "**Cada episódio tem o seu próprio clima** logo abaixo (a série realista).",
        "en": "**You are on the simple series:** only the key event has a mood. Here the one that forgets is the "
            "feedforward network, which only sees the last {k} episodes. To watch **an RNN's memory fade with "
            "distance**, switch on **Every episode has its own mood** just below (the realistic series).",
    },
    "series.choose_realistic": {
        "pt": "**Você está na série realista:** todo episódio tem clima, e só o do evento-chave explica o choro. "
            "Compare as curvas do gráfico de acurácia: é aqui que a memória de uma RNN se apaga com a distância. "
            "Desligue **Cada episódio tem o seu próprio clima** para voltar à série simples.",
        "en": "**You are on the realistic series:** every episode has a mood, and only the key event's explains "
            "the tears. Compare the curves of the accuracy chart: this is where an RNN's memory fades with "
            "distance. Switch off **Every episode has its own mood** to go back to the simple series.",
    },
    "series.simple_bridge": {
        "pt": "Na série simples, a feedforward esquece o que sai da janela dela, e as redes com memória ligam a "
            "cena final ao evento-chave. Essa memória nunca falha? Ligue **Cada episódio tem o seu próprio "
            "clima** no alto da página e veja uma RNN esquecer com a distância. Por que isso acontece é **a "
            "pergunta da estação 3**; portas que guardam o que importa e ignoram o resto são **a resposta da "
            "estação 4**.",
        "en": "On the simple series, the feedforward network forgets what leaves its window, and the networks "
            "with memory link the final scene to the key event. Does that memory never fail? Switch on **Every "
            "episode has its own mood** at the top of the page and watch an RNN forget with distance. Why that "
            "happens is **the question of station 3**; gates that keep what matters and ignore the rest are "
            "**the answer of station 4**.",
    },
    "series.retrain_changed": {
        "pt": "**O que o retreino mudou** (modelos treinados de novo nesta sessão, contra os pré-treinados): "
            "{rows}. Olhe os cartões com o selo *retreinado nesta sessão* acima e as curvas do gráfico de acurácia "
            "por distância abaixo.",
        "en": "**What retraining changed** (models trained again in this session, against the pretrained ones): "
            "{rows}. Look at the cards marked *retrained in this session* above and at the curves of the accuracy "
            "by distance chart below.",
    },
    "series.retrain_changed_row": {
        "pt": "{model}: confiança na resposta certa {before} → {after}, acurácia média em d = 1–30 {acc_before} → "
            "{acc_after}",
        "en": "{model}: confidence in the right answer {before} → {after}, mean accuracy at d = 1–30 {acc_before} → "
            "{acc_after}",
    },
    "series.realistic_bridge_plain": {
        "pt": "Por que a memória de uma RNN se apaga com a distância? É **a pergunta da estação 3**; portas que "
            "guardam o que importa e ignoram o resto são **a resposta da estação 4**.",
        "en": "Why does an RNN's memory fade with distance? That is **the question of station 3**; gates that keep "
            "what matters and ignore the rest are **the answer of station 4**.",
    },
    "series.link_s3": {
        "pt": "Estação 3: desvanecimento e explosão",
        "en": "Station 3: vanishing & exploding",
    },
    "series.link_s4": {
        "pt": "Estação 4: portas da LSTM e da GRU",
        "en": "Station 4: the gates of the LSTM and the GRU",
    },
    "series.retrain_header": {
        "pt": "Treinar de novo, do zero",
        "en": "Retrain from scratch",
    },
    "series.retrain": {
        "pt": "Treinar agora",
        "en": "Retrain now",
    },
    "series.retrain_help": {
        "pt": "Treina do zero, só para a sua sessão, os modelos desta variante ({variant}). Os modelos "
            "pré-treinados do servidor não mudam.",
        "en": "Trains this variant's models ({variant}) from scratch, for your session only. The server's "
            "pretrained models do not change.",
    },
    "series.retrain_explain": {
        "pt": "Os modelos desta página vêm pré-treinados. Você pode treiná-los de novo aqui mesmo, do zero, com a "
            "mesma semente: os novos modelos valem só para a sua sessão.",
        "en": "The models on this page come pretrained. You can retrain them from scratch right here, with the same "
            "seed: the new models only apply to your session.",
    },
    "series.retrain_progress": {
        "pt": "Treinando {model}: passo {step} de {total}",
        "en": "Training {model}: step {step} of {total}",
    },
    "series.retrain_done": {
        "pt": "Pronto: {n} modelo(s) treinado(s) do zero; a página agora usa os novos, só para você. O que mudou "
            "está no quadro “O que o retreino mudou”, logo abaixo das respostas de cada modelo.",
        "en": "Done: {n} model(s) trained from scratch; the page now uses the new ones, for you only. What changed "
            "is in the box “What retraining changed”, right below each model's answer.",
    },
    "series.retrain_queued": {
        "pt": "Na fila: {n} treino(s) na frente deste.",
        "en": "Waiting: {n} training(s) ahead of this one.",
    },
    "series.retrain_stop": {
        "pt": "Parar de esperar",
        "en": "Stop waiting",
    },
    "series.retrain_shared": {
        "pt": "Treinos iguais são um só: se outra pessoa pediu o mesmo treino, você acompanha o mesmo cálculo, e o "
            "resultado é idêntico ao de um treino só seu.",
        "en": "Identical trainings are one: if someone else asked for the same training, you follow the same "
            "computation, and the result is identical to a training of your own.",
    },
    "series.retrain_failed": {
        "pt": "O treino de {model} não deu certo ({detail}).",
        "en": "Training {model} did not work ({detail}).",
    },
    "series.retrain_reset": {
        "pt": "Voltar aos modelos pré-treinados",
        "en": "Back to the pretrained models",
    },
    "series.variant_name_simple": {
        "pt": "série simples",
        "en": "simple series",
    },
    "series.variant_name_realistic": {
        "pt": "série realista",
        "en": "realistic series",
    },
    "series.no_models": {
        "pt": "Nenhum modelo disponível para esta variante: treine-os com o botão abaixo.",
        "en": "No model is available for this variant: train them with the button below.",
    },
    "series.pred_window_prompt": {
        "pt": "O evento-chave aconteceu {d} episódios antes da cena final, fora da janela dos últimos {k} episódios que a rede feedforward vê. Com que frequência ela acerta o clima?",
        "en": "The key event happened {d} episodes before the final scene, outside the window of the last {k} episodes the feedforward network sees. How often does it get the mood right?",
    },
    "series.pred_window_measured": {
        "pt": "acurácia a d = {d} ({n} séries novas): {values}.",
        "en": "accuracy at d = {d} ({n} new series): {values}.",
    },
}
