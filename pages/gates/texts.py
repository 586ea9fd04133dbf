"""Strings of station 4 (gates: LSTM and GRU).

Gate names follow the seed text: the Portuguese name first, the English one in parentheses.
Numbers in ``{placeholders}`` are formatted by the page (decimal comma in Portuguese).
"""

TEXTS: dict[str, dict[str, str]] = {
    "common.nav_gates": {
        "pt": "4 · Portas: LSTM e GRU",
        "en": "4 · Gates: LSTM & GRU",
    },
    "home.card_gates": {
        "pt": "Portas de esquecimento, entrada e saída: veja dentro de uma LSTM e de uma GRU treinadas.",
        "en": "Forget, input and output gates: look inside a trained LSTM and GRU.",
    },
    "gates.title": {
        "pt": "Portas: LSTM e GRU",
        "en": "Gates: LSTM and GRU",
    },
    "gates.subtitle": {
        "pt": "Manter o que importa e esquecer o resto: as portas da LSTM e da GRU por dentro, em modelos reais "
            "treinados na sua série, num treino ao vivo e num cronômetro.",
        "en": "Keep what matters, forget the rest: the gates of the LSTM and the GRU from the inside, in real models "
            "trained on your series, in a live training run and on a stopwatch.",
    },
    "gates.takeaway": {
        "pt": "Portas são válvulas aprendidas: decidem o que entra, o que sai e o que é descartado da memória. "
            "Um viés de 1 a 2 na porta de esquecimento (forget gate) deixa o gradiente atravessar dezenas de passos.",
        "en": "Gates are learned valves: they decide what enters, what leaves and what is thrown away from memory. "
            "A forget-gate bias of 1 to 2 lets the gradient cross dozens of steps.",
    },
    "gates.intro": {
        "pt": "Na estação 3, o sinal que volta no tempo numa RNN simples some ou explode, como o recado no "
            "telefone sem fio. A LSTM (Hochreiter e Schmidhuber, 1997) e a GRU (Cho et al., 2014) mudam a "
            "célula: em vez de reescrever a memória inteira a cada passo, elas têm **portas**, números entre "
            "0 e 1 calculados a cada passo, que multiplicam a informação e decidem quanto dela passa. Aqui "
            "você vê as duas células por dentro, as portas de modelos treinados na **sua** série, o efeito "
            "de um único número (o viés da porta de esquecimento) e quanto cada célula custa de verdade.\n\nUm "
            "pouco de história: a LSTM de Hochreiter e Schmidhuber (1997) tinha portas de entrada e de "
            "saída, mas **não** tinha porta de esquecimento: o estado da célula só somava, $c_t = c_{t-1} + "
            "i_t \\odot g_t$ (na prática, $f \\equiv 1$). A porta de esquecimento, que dá a equação usada aqui "
            "e no PyTorch, $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$, é de Gers, Schmidhuber e Cummins "
            "(2000).",
        "en": "On station 3, the signal that travels back in time through a plain RNN fades or explodes, like "
            "the message in the telephone game. The LSTM (Hochreiter & Schmidhuber, 1997) and the GRU (Cho "
            "et al., 2014) change the cell: instead of rewriting the whole memory at every step, they have "
            "**gates**, numbers between 0 and 1 computed at every step, that multiply the information and "
            "decide how much of it gets through. Here you see both cells from the inside, the gates of "
            "models trained on **your** series, the effect of a single number (the forget-gate bias) and "
            "what each cell really costs.\n\nA little history: the LSTM of Hochreiter & Schmidhuber (1997) had "
            "input and output gates but **no** forget gate: its cell state only added up, $c_t = c_{t-1} + "
            "i_t \\odot g_t$ (in effect $f \\equiv 1$). The forget gate, which gives the equation used here "
            "and in PyTorch, $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$, is due to Gers, Schmidhuber & "
            "Cummins (2000).",
    },
    # ------------------------------------------------------------------ 1 the two cells
    "gates.cells_heading": {
        "pt": "As duas células",
        "en": "The two cells",
    },
    "gates.cells_explain": {
        "pt": "Passe o mouse sobre cada bloco do desenho para ver o nome e a função. Em cada passo, as portas olham a "
            "entrada $x_t$ e o estado anterior $h_{t-1}$ e produzem um valor entre 0 (fechada) e 1 (aberta) para "
            "cada unidade da memória.",
        "en": "Hover over each block of the drawing for its name and job. At every step the gates look at the input "
            "$x_t$ and the previous state $h_{t-1}$ and produce a value between 0 (closed) and 1 (open) for every "
            "unit of the memory.",
    },
    "gates.dg_lstm_title": {
        "pt": "LSTM: três portas e a esteira",
        "en": "LSTM: three gates and the conveyor belt",
    },
    "gates.dg_gru_title": {
        "pt": "GRU: duas portas, um só estado",
        "en": "GRU: two gates, one state",
    },
    "gates.dg_belt": {
        "pt": "c: estado da célula, a esteira",
        "en": "c: cell state, the conveyor belt",
    },
    "gates.dg_rail": {
        "pt": "h: estado oculto (memória e saída)",
        "en": "h: hidden state (memory and output)",
    },
    "gates.dg_h_out": {
        "pt": "saída",
        "en": "output",
    },
    "gates.dg_short_forget": {
        "pt": "esquecimento",
        "en": "forget",
    },
    "gates.dg_short_input": {
        "pt": "entrada",
        "en": "input",
    },
    "gates.dg_short_candidate": {
        "pt": "candidata",
        "en": "candidate",
    },
    "gates.dg_short_output": {
        "pt": "saída",
        "en": "output",
    },
    "gates.dg_short_update": {
        "pt": "atualização",
        "en": "update",
    },
    "gates.dg_short_reset": {
        "pt": "reinicialização",
        "en": "reset",
    },
    "gates.lstm_diagram_caption": {
        "pt": "Repare que a esteira de cima só passa por uma multiplicação — a porta de esquecimento (forget gate) — e "
            "uma soma — o que a porta de entrada (input gate) deixa entrar: é por ela que a memória e o gradiente "
            "atravessam muitos passos.",
        "en": "Notice that the belt on top meets only one multiplication (the forget gate) and one addition (what the "
            "input gate lets in): that is how memory and gradient cross many steps.",
    },
    "gates.gru_diagram_caption": {
        "pt": "Repare que a GRU não tem esteira separada nem porta de saída (output gate): a porta de atualização "
            "(update gate) faz o papel das portas de esquecimento e de entrada juntas.",
        "en": "Notice that the GRU has no separate belt and no output gate: the update gate plays the forget and input "
            "gates at once.",
    },
    "gates.gate_forget_name": {
        "pt": "Porta de esquecimento (forget gate)",
        "en": "Forget gate (porta de esquecimento)",
    },
    "gates.gate_forget_does": {
        "pt": "decide o que é descartado da memória: perto de 1 guarda o estado da célula, perto de 0 apaga.",
        "en": "decides what is thrown away from memory: near 1 it keeps the cell state, near 0 it erases it.",
    },
    "gates.gate_input_name": {
        "pt": "Porta de entrada (input gate)",
        "en": "Input gate (porta de entrada)",
    },
    "gates.gate_input_does": {
        "pt": "decide quanto da informação nova (a candidata) entra e fica guardada na memória.",
        "en": "decides how much of the new information (the candidate) enters and is stored in memory.",
    },
    "gates.gate_candidate_name": {
        "pt": "Candidata (candidate)",
        "en": "Candidate",
    },
    "gates.gate_candidate_does": {
        "pt": "o conteúdo novo proposto a cada passo, entre −1 e 1; não é uma porta, é o que as portas deixam ou não entrar.",
        "en": "the new content proposed at every step, between −1 and 1; not a gate, but what the gates let in or not.",
    },
    "gates.gate_output_name": {
        "pt": "Porta de saída (output gate)",
        "en": "Output gate (porta de saída)",
    },
    "gates.gate_output_does": {
        "pt": "decide qual parte da memória atual sai como resultado deste passo, $h_t$.",
        "en": "decides which part of the current memory leaves as this step's result, $h_t$.",
    },
    "gates.gate_cell_name": {
        "pt": "Estado da célula (cell state), a esteira",
        "en": "Cell state, the conveyor belt",
    },
    "gates.gate_cell_does": {
        "pt": "a memória de longo prazo; só é multiplicada pela porta de esquecimento e somada ao que entra.",
        "en": "the long-term memory; it is only multiplied by the forget gate and added to what comes in.",
    },
    "gates.gate_update_name": {
        "pt": "Porta de atualização (update gate)",
        "en": "Update gate (porta de atualização)",
    },
    "gates.gate_update_does": {
        "pt": "decide quanto do estado antigo é mantido e quanto é trocado pela candidata: esquecimento e entrada "
            "numa porta só (no PyTorch, $z \\to 1$ mantém o estado antigo).",
        "en": "decides how much of the old state is kept and how much is replaced by the candidate: forget and input "
            "in one gate (in PyTorch, $z \\to 1$ keeps the old state).",
    },
    "gates.gate_reset_name": {
        "pt": "Porta de reinicialização (reset gate)",
        "en": "Reset gate (porta de reinicialização)",
    },
    "gates.gate_reset_does": {
        "pt": "decide quanto do estado anterior entra no cálculo da candidata: perto de 0, a candidata quase o ignora.",
        "en": "decides how much of the previous state goes into the candidate: near 0, the candidate almost ignores it.",
    },
    "gates.gate_gru_candidate_name": {
        "pt": "Candidata (candidate)",
        "en": "Candidate",
    },
    "gates.gate_gru_candidate_does": {
        "pt": "o novo estado proposto, calculado da entrada e do estado anterior filtrado pela porta de reinicialização.",
        "en": "the proposed new state, computed from the input and the previous state filtered by the reset gate.",
    },
    "gates.eq_heading": {
        "pt": "As equações (convenção do PyTorch)",
        "en": "The equations (PyTorch's convention)",
    },
    "gates.eq_lstm": {
        "pt": "**LSTM.** $W$ são os pesos da entrada (as linhas de `weight_ih_l0`) e $U$ os pesos recorrentes (as "
            "linhas de `weight_hh_l0`), na ordem $i, f, g, o$; $\\sigma$ é a sigmoide e $\\odot$ o produto elemento "
            "a elemento. O PyTorch guarda dois vetores de viés, $b_{i\\ast}$ e $b_{h\\ast}$; aqui $b = b_{i\\ast} + "
            "b_{h\\ast}$.",
        "en": "**LSTM.** $W$ are the input weights (the rows of `weight_ih_l0`) and $U$ the recurrent weights (the rows "
            "of `weight_hh_l0`), in the order $i, f, g, o$; $\\sigma$ is the sigmoid and $\\odot$ the elementwise "
            "product. PyTorch keeps two bias vectors, $b_{i\\ast}$ and $b_{h\\ast}$; here $b = b_{i\\ast} + "
            "b_{h\\ast}$.",
    },
    "gates.eq_gru": {
        "pt": "**GRU.** Linhas na ordem $r, z, n$. A porta de reinicialização multiplica a parte recorrente "
            "*depois* do produto de matrizes, $r_t \\odot (U_n h_{t-1} + b_{hn})$, por isso os dois vieses da "
            "candidata ficam separados.",
        "en": "**GRU.** Rows in the order $r, z, n$. The reset gate multiplies the recurrent part *after* the matrix "
            "product, $r_t \\odot (U_n h_{t-1} + b_{hn})$, so the candidate's two biases stay apart.",
    },
    "gates.eq_gru_convention": {
        "pt": "**Atenção à convenção da GRU.** No PyTorch, $z \\to 1$ **mantém** o estado antigo e $z \\to 0$ "
            "escreve a candidata: $h_t = z \\odot h_{t-1} + (1 - z) \\odot n_t$. Cho et al. (2014), o artigo "
            "original, usa a mesma convenção; Chung et al. (2014) e muitos tutoriais escrevem ao contrário, "
            "$h_t = (1 - z) \\odot h_{t-1} + z \\odot \\tilde h_t$, de modo que o $z$ deles é o $1 - z$ do "
            "PyTorch. Na candidata, Cho et al. aplicam $r$ **antes** do produto de matrizes, $\\tilde h_t = "
            "\\tanh(W x_t + U(r_t \\odot h_{t-1}))$, e o PyTorch **depois**, $n_t = \\tanh(W_n x_t + b_{in} + "
            "r_t \\odot (U_n h_{t-1} + b_{hn}))$: não é a mesma célula.",
        "en": "**Mind the GRU convention.** In PyTorch, $z \\to 1$ **keeps** the old state and $z \\to 0$ writes "
            "the candidate: $h_t = z \\odot h_{t-1} + (1 - z) \\odot n_t$. Cho et al. (2014), the original "
            "paper, use the same convention; Chung et al. (2014) and many tutorials write it the other way "
            "round, $h_t = (1 - z) \\odot h_{t-1} + z \\odot \\tilde h_t$, so their $z$ is PyTorch's $1 - z$. "
            "In the candidate, Cho et al. apply $r$ **before** the matrix product, $\\tilde h_t = \\tanh(W x_t "
            "+ U(r_t \\odot h_{t-1}))$, and PyTorch **after** it, $n_t = \\tanh(W_n x_t + b_{in} + r_t \\odot "
            "(U_n h_{t-1} + b_{hn}))$: not quite the same cell.",
    },
    # ------------------------------------------------------------------ 2 inside the trained models
    "gates.inside_heading": {
        "pt": "Dentro dos modelos treinados, na sua série",
        "en": "Inside the trained models, on your series",
    },
    "gates.inside_explain": {
        "pt": "Os modelos são a LSTM e a GRU da estação 2 treinados na **série realista** (cada episódio comum tem o "
            "seu próprio clima, triste ou alegre, que o modelo precisa ignorar; só o clima do evento-chave explica o "
            "choro da cena final). Cada passo da sua série é reexecutado por uma célula transparente, com os pesos do "
            "próprio modelo, que reproduz `torch.nn.LSTM` e `torch.nn.GRU` e guarda todas as portas.",
        "en": "The models are station 2's LSTM and GRU trained on the **realistic series** (every ordinary episode has "
            "its own mood, sad or happy, which the model must ignore; only the key event's mood explains the tears "
            "of the final scene). Every step of your series is re-run by a transparent cell with the model's own "
            "weights, which reproduces `torch.nn.LSTM` and `torch.nn.GRU` and keeps every gate.",
    },
    "gates.editor_heading": {
        "pt": "A sua série",
        "en": "Your series",
    },
    "gates.editor_note": {
        "pt": "É o mesmo editor da estação 2. Os modelos desta página foram treinados com um clima em cada episódio, "
            "por isso ele já começa ligado.",
        "en": "This is station 2's editor. The models on this page were trained with a mood on every episode, so it "
            "starts switched on.",
    },
    "gates.timeline_summary": {
        "pt": "{n} episódios: evento-chave **{mood}** no episódio {at} ({code}), cena final no episódio {n}, "
            "distância {d}. Resposta dos modelos: {answers}.",
        "en": "{n} episodes: **{mood}** key event in episode {at} ({code}), final scene in episode {n}, distance {d}. "
            "The models answer: {answers}.",
    },
    "gates.answer": {
        "pt": "{model} diz **{label}** ({p})",
        "en": "{model} says **{label}** ({p})",
    },
    "gates.label_sad": {
        "pt": "lágrimas de tristeza",
        "en": "sad tears",
    },
    "gates.label_happy": {
        "pt": "lágrimas de alegria",
        "en": "happy tears",
    },
    "gates.mood_sad": {
        "pt": "triste",
        "en": "sad",
    },
    "gates.mood_happy": {
        "pt": "alegre",
        "en": "happy",
    },
    "gates.state_cell": {
        "pt": "estado da célula",
        "en": "cell state",
    },
    "gates.state_hidden": {
        "pt": "estado oculto",
        "en": "hidden state",
    },
    "gates.tab_lstm": {
        "pt": "LSTM",
        "en": "LSTM",
    },
    "gates.tab_gru": {
        "pt": "GRU",
        "en": "GRU",
    },
    "gates.weights_note": {
        "pt": "Sem esses pesos, esta parte da página fica vazia; o resto da estação funciona normalmente.",
        "en": "Without these weights this part of the page stays empty; the rest of the station works as usual.",
    },
    "gates.strip_label": {
        "pt": "episódios",
        "en": "episodes",
    },
    "gates.strip_ordinary": {
        "pt": "episódio comum",
        "en": "ordinary episode",
    },
    "gates.strip_ordinary_sad": {
        "pt": "episódio comum, clima triste",
        "en": "ordinary episode, sad mood",
    },
    "gates.strip_ordinary_happy": {
        "pt": "episódio comum, clima alegre",
        "en": "ordinary episode, happy mood",
    },
    "gates.strip_key_sad": {
        "pt": "evento-chave: trauma (triste)",
        "en": "key event: trauma (sad)",
    },
    "gates.strip_key_happy": {
        "pt": "evento-chave: reencontro (feliz)",
        "en": "key event: reunion (happy)",
    },
    "gates.strip_final": {
        "pt": "cena final: o personagem chora",
        "en": "final scene: the character cries",
    },
    "gates.hm_lstm_title": {
        "pt": "LSTM: portas e estado da célula em cada unidade e episódio",
        "en": "LSTM: gates and cell state of every unit at every episode",
    },
    "gates.hm_gru_title": {
        "pt": "GRU: portas e estado oculto em cada unidade e episódio",
        "en": "GRU: gates and hidden state of every unit at every episode",
    },
    "gates.hm_x": {
        "pt": "episódio da sua série",
        "en": "episode of your series",
    },
    "gates.hm_y": {
        "pt": "unidade",
        "en": "unit",
    },
    "gates.hm_gate_bar": {
        "pt": "porta (0 fechada, 1 aberta)",
        "en": "gate (0 closed, 1 open)",
    },
    "gates.hm_signed_bar": {
        "pt": "valor",
        "en": "value",
    },
    "gates.hm_clipped_bar": {
        "pt": "valor (±{limit} máx.)",
        "en": "value (±{limit} max)",
    },
    "gates.hm_hover": {
        "pt": "unidade %{y}, episódio %{x}: %{z:.3f}",
        "en": "unit %{y}, episode %{x}: %{z:.3f}",
    },
    "gates.hm_key": {
        "pt": "evento-chave",
        "en": "key event",
    },
    "gates.hm_final": {
        "pt": "cena final",
        "en": "final scene",
    },
    "gates.hm_memory": {
        "pt": "◀ unidade {u}",
        "en": "◀ unit {u}",
    },
    "gates.row_forget": {
        "pt": "f: porta de esquecimento",
        "en": "f: forget gate",
    },
    "gates.row_input": {
        "pt": "i: porta de entrada",
        "en": "i: input gate",
    },
    "gates.row_output": {
        "pt": "o: porta de saída",
        "en": "o: output gate",
    },
    "gates.row_candidate": {
        "pt": "g: candidata",
        "en": "g: candidate",
    },
    "gates.row_cell": {
        "pt": "c: estado da célula",
        "en": "c: cell state",
    },
    "gates.row_update": {
        "pt": "z: porta de atualização (1 mantém)",
        "en": "z: update gate (1 keeps)",
    },
    "gates.row_reset": {
        "pt": "r: porta de reinicialização",
        "en": "r: reset gate",
    },
    "gates.row_gru_candidate": {
        "pt": "n: candidata",
        "en": "n: candidate",
    },
    "gates.row_hidden": {
        "pt": "h: estado oculto",
        "en": "h: hidden state",
    },
    "gates.hm_lstm_caption": {
        "pt": "Repare que, depois do evento-chave, a linha emoldurada (unidade {u}) fica com uma cor só no estado da "
            "célula até a cena final, enquanto os climas dos episódios comuns mudam.",
        "en": "Notice that after the key event the framed row (unit {u}) keeps one colour in the cell state up to the "
            "final scene while the moods of the ordinary episodes keep changing.",
    },
    "gates.hm_gru_caption": {
        "pt": "Repare que a linha emoldurada (unidade {u}) ganha uma cor forte no estado oculto depois do evento-chave e "
            "a mantém até a cena final.",
        "en": "Notice that the framed row (unit {u}) takes a strong colour in the hidden state after the key event and "
            "keeps it until the final scene.",
    },
    "gates.mu_heading": {
        "pt": "A unidade de memória",
        "en": "The memory unit",
    },
    "gates.mu_how": {
        "pt": "A unidade de memória é escolhida automaticamente: em {n} séries sorteadas do mesmo gerador de dados do "
            "treino, para cada unidade comparamos o estado depois do evento-chave nas séries tristes e nas alegres "
            "(d′ = diferença das médias dividida pelo desvio-padrão). Na LSTM ganha a unidade **{u}** do estado da "
            "célula (d′ = {d}); na GRU, a unidade **{ug}** do estado oculto (d′ = {dg}).",
        "en": "The memory unit is picked automatically: on {n} series drawn from the training data generator, for every "
            "unit we compare its state after the key event in sad and in happy series (d′ = difference of the means "
            "divided by the standard deviation). In the LSTM the winner is cell-state unit **{u}** (d′ = {d}); in the "
            "GRU, hidden-state unit **{ug}** (d′ = {dg}).",
    },
    "gates.mu_lstm_title": {
        "pt": "LSTM, unidade {u}: portas e estado da célula ao longo da sua série",
        "en": "LSTM, unit {u}: gates and cell state along your series",
    },
    "gates.mu_gru_title": {
        "pt": "GRU, unidade {u}: portas e estado oculto ao longo da sua série",
        "en": "GRU, unit {u}: gates and hidden state along your series",
    },
    "gates.mu_x": {
        "pt": "episódio da sua série",
        "en": "episode of your series",
    },
    "gates.mu_gate_y": {
        "pt": "porta (0 a 1)",
        "en": "gate (0 to 1)",
    },
    "gates.mu_state_y": {
        "pt": "estado",
        "en": "state",
    },
    "gates.mu_forget": {
        "pt": "f: esquecimento",
        "en": "f: forget",
    },
    "gates.mu_input": {
        "pt": "i: entrada",
        "en": "i: input",
    },
    "gates.mu_output": {
        "pt": "o: saída",
        "en": "o: output",
    },
    "gates.mu_cell": {
        "pt": "c: estado da célula",
        "en": "c: cell state",
    },
    "gates.mu_hidden": {
        "pt": "h: saída da unidade",
        "en": "h: unit's output",
    },
    "gates.mu_update": {
        "pt": "z: atualização (1 mantém)",
        "en": "z: update (1 keeps)",
    },
    "gates.mu_reset": {
        "pt": "r: reinicialização",
        "en": "r: reset",
    },
    "gates.mu_gru_hidden": {
        "pt": "h: estado oculto",
        "en": "h: hidden state",
    },
    "gates.mu_lstm_caption": {
        "pt": "Repare no estado da célula (embaixo): depois do evento-chave ele se firma num valor e fica lá; compare com "
            "a porta de esquecimento (em cima), que não fica perto de 1.",
        "en": "Notice the cell state (bottom): after the key event it settles at a value and stays there; compare it with "
            "the forget gate (top), which does not stay near 1.",
    },
    "gates.mu_gru_caption": {
        "pt": "Repare que o estado oculto da unidade {u} se firma poucos episódios depois do evento-chave e fica lá, seja "
            "qual for o clima dos episódios seguintes.",
        "en": "Notice that the hidden state of unit {u} settles within a few episodes of the key event and stays there, "
            "whatever the mood of the following episodes.",
    },
    "gates.facts_intro": {
        "pt": "**O que a unidade {u} fez na sua série** (números medidos no modelo, não desenhados):",
        "en": "**What unit {u} did on your series** (numbers measured on the model, not drawn):",
    },
    "gates.fact_forget_none": {
        "pt": "Porta de esquecimento: não há episódio comum entre o evento-chave e a cena final; aumente a distância "
            "para ver a memória sendo guardada.",
        "en": "Forget gate: there is no ordinary episode between the key event and the final scene; increase the "
            "distance to watch the memory being kept.",
    },
    "gates.fact_forget_high": {
        "pt": "Porta de esquecimento: média **{f}** nos {n} episódios comuns depois do evento-chave. A esteira segura a "
            "memória, como no livro: só por ela, {keep} do valor do evento-chave chega à cena final.",
        "en": "Forget gate: mean **{f}** over the {n} ordinary episodes after the key event. The belt holds the memory, "
            "as in the textbook: through it alone, {keep} of the key event's value reaches the final scene.",
    },
    "gates.fact_forget_low": {
        "pt": "Porta de esquecimento: média **{f}** nos {n} episódios comuns depois do evento-chave, longe de "
            "1. Só pela esteira, sobraria {keep} do valor do evento-chave na cena final. Este modelo **não** "
            "aprendeu a solução clássica (esquecimento ≈ 1).",
        "en": "Forget gate: mean **{f}** over the {n} ordinary episodes after the key event, far from 1. "
            "Through the belt alone, {keep} of the key event's value would be left at the final scene. This "
            "model did **not** learn the classic solution (forget ≈ 1).",
    },
    "gates.fact_rewrite_low": {
        "pt": "Mesmo assim o estado da célula vai de {c_key} no evento-chave a **{c_final}** na cena final: a cada "
            "episódio, {share} dele é reescrito pela entrada ($i \\odot g$). A candidata $g$ é calculada a partir de "
            "$h_{{t-1}}$, que já carrega a memória; então a unidade se realimenta e a memória vive no laço "
            "$h \\to g \\to c \\to h$, não só na esteira. O treino achou essa solução sozinho.",
        "en": "Yet the cell state goes from {c_key} at the key event to **{c_final}** at the final scene: at every "
            "episode, {share} of it is rewritten by the input ($i \\odot g$). The candidate $g$ is computed from "
            "$h_{{t-1}}$, which already carries the memory; so the unit feeds itself and the memory lives in the loop "
            "$h \\to g \\to c \\to h$, not on the belt alone. Training found this solution on its own.",
    },
    "gates.fact_rewrite_high": {
        "pt": "O estado da célula vai de {c_key} no evento-chave a **{c_final}** na cena final; a cada episódio, só "
            "{share} dele é reescrito pela entrada ($i \\odot g$).",
        "en": "The cell state goes from {c_key} at the key event to **{c_final}** at the final scene; at every episode "
            "only {share} of it is rewritten by the input ($i \\odot g$).",
    },
    "gates.fact_input_opens": {
        "pt": "Porta de entrada: **{ik}** no evento-chave contra {ie} em média nos outros episódios: ela se abre no "
            "evento-chave.",
        "en": "Input gate: **{ik}** at the key event against {ie} on average at the other episodes: it opens at the key "
            "event.",
    },
    "gates.fact_input_flat": {
        "pt": "Porta de entrada: **{ik}** no evento-chave, {inext} no episódio seguinte e {ie} em média nos outros: "
            "ela não se abre só no evento-chave.",
        "en": "Input gate: **{ik}** at the key event, {inext} at the next episode and {ie} on average at the others: it "
            "does not open at the key event alone.",
    },
    "gates.fact_settle_after": {
        "pt": "O {state} desta unidade assume o sinal final no episódio {settled} (evento-chave: episódio {at}) e fica "
            "com ele até o fim: o clima do evento chega a ela pelo caminho de $h$.",
        "en": "This unit's {state} takes its final sign at episode {settled} (key event: episode {at}) and keeps it to "
            "the end: the event's mood reaches it through $h$.",
    },
    "gates.fact_settle_before": {
        "pt": "O {state} desta unidade já tinha o sinal final antes do evento-chave: com um evento-chave {mood}, ela só "
            "precisa ficar onde está, e fica, apesar dos climas que vêm depois (troque o clima do evento-chave para "
            "vê-la virar).",
        "en": "This unit's {state} already had its final sign before the key event: with a {mood} key event it only has "
            "to stay where it is, and it does, whatever the moods that follow (switch the key event's mood to watch "
            "it flip).",
    },
    "gates.fact_output_opens": {
        "pt": "Porta de saída: **{of}** na cena final contra {ob} em média antes dela: ela se abre mais na cena final.",
        "en": "Output gate: **{of}** at the final scene against {ob} on average before it: it opens wider at the final "
            "scene.",
    },
    "gates.fact_output_flat": {
        "pt": "Porta de saída: **{of}** na cena final e {ob} em média antes dela: não há uma abertura especial na cena "
            "final. Ela fica parcialmente aberta o tempo todo, então a memória aparece em $h$ a cada episódio, e a "
            "camada de saída simplesmente lê $h$ na cena final.",
        "en": "Output gate: **{of}** at the final scene and {ob} on average before it: it does not open specially at the "
            "final scene. It stays partly open all the time, so the memory shows in $h$ at every episode, and the "
            "readout simply reads $h$ at the final scene.",
    },
    "gates.fact_batch": {
        "pt": "Em {n} séries sorteadas, a porta de esquecimento da unidade {u} fica em média em {f} depois do "
            "evento-chave, e nenhuma das {h} unidades passa de {fmax}: não é um acaso da sua série.",
        "en": "On {n} random series, unit {u}'s forget gate averages {f} after the key event, and none of the {h} units "
            "goes above {fmax}: this is not a quirk of your series.",
    },
    "gates.fact_gru_keep": {
        "pt": "Porta de atualização ($z \\to 1$ mantém o estado antigo): média **{z}** nos {n} episódios comuns depois "
            "do evento-chave. Só pela parte mantida, sobraria {keep} do valor do evento-chave na cena final.",
        "en": "Update gate ($z \\to 1$ keeps the old state): mean **{z}** over the {n} ordinary episodes after the key "
            "event. Through the kept part alone, {keep} of the key event's value would be left at the final scene.",
    },
    "gates.fact_gru_keep_none": {
        "pt": "Porta de atualização: não há episódio comum entre o evento-chave e a cena final; aumente a distância.",
        "en": "Update gate: there is no ordinary episode between the key event and the final scene; increase the distance.",
    },
    "gates.fact_gru_rewrite": {
        "pt": "O estado oculto vai de {h_key} no evento-chave a **{h_final}** na cena final. O que não é mantido vem da "
            "candidata $n$, calculada a partir de $h_{{t-1}}$: a GRU também guarda a memória se realimentando.",
        "en": "The hidden state goes from {h_key} at the key event to **{h_final}** at the final scene. What is not kept "
            "comes from the candidate $n$, computed from $h_{{t-1}}$: the GRU, too, keeps the memory by feeding itself.",
    },
    "gates.fact_gru_hold": {
        "pt": "O estado oculto vai de {h_key} no evento-chave a **{h_final}** na cena final: a porta de atualização "
            "mantém o estado quase intacto.",
        "en": "The hidden state goes from {h_key} at the key event to **{h_final}** at the final scene: the update gate "
            "keeps the state almost intact.",
    },
    # ------------------------------------------------------------------ 3 forget-gate bias
    "gates.st_heading": {
        "pt": "Passo a passo: as duas células na sua série",
        "en": "Step by step: both cells on your series",
    },
    "gates.st_explain": {
        "pt": "Aperte **▶** (ou arraste o controle embaixo) e veja as células trabalharem episódio a episódio, com os "
            "números de verdade dos modelos treinados. Em cada bloco, o valor da porta na unidade de memória (o "
            "preenchimento: vazio = 0, cor cheia = 1; na candidata, o tamanho do valor) e, embaixo, a média sobre "
            "todas as unidades (⌀). Na esteira (LSTM) e no trilho (GRU), o estado da unidade ao entrar e ao sair do "
            "passo: quanto mais grosso, maior o valor. No canto, a crença do modelo até ali: P(alegre). Embaixo, a "
            "mesma unidade em todos os episódios, com o cursor no episódio atual. A animação roda no seu navegador.",
        "en": "Press **▶** (or drag the slider below it) and watch the cells work episode by episode, with the real "
            "numbers of the trained models. In every block, the gate's value in the memory unit (the fill: empty = 0, "
            "full colour = 1; for the candidate, the size of the value) and, under it, the mean over all units (⌀). On "
            "the belt (LSTM) and the rail (GRU), the unit's state entering and leaving the step: the thicker, the "
            "larger. In the corner, the model's belief so far: P(happy). Below, the same unit over every episode, with "
            "the cursor on the current one. The animation runs in your browser.",
    },
    "gates.st_title": {
        "pt": "Passo a passo: portas da unidade de memória em cada episódio",
        "en": "Step by step: the memory unit's gates at every episode",
    },
    "gates.st_keyboard": {
        "pt": "Abrir no episódio (setas do teclado: um episódio por vez)",
        "en": "Open at episode (arrow keys: one episode at a time)",
    },
    "gates.st_keyboard_help": {
        "pt": "O ▶ e o controle embaixo do gráfico rodam no seu navegador; este controle, que também responde ao "
            "teclado, abre o passo a passo no episódio escolhido.",
        "en": "▶ and the slider under the chart run in your browser; this control, which also answers the keyboard, "
            "opens the step-through at the chosen episode.",
    },
    "gates.st_episode": {
        "pt": "episódio {t} de {n} ({code})",
        "en": "episode {t} of {n} ({code})",
    },
    "gates.st_mean": {
        "pt": "⌀ {v}",
        "en": "⌀ {v}",
    },
    "gates.st_belief": {
        "pt": "P(alegre) até aqui: {p}",
        "en": "P(happy) so far: {p}",
    },
    "gates.st_play": {
        "pt": "▶ tocar",
        "en": "▶ play",
    },
    "gates.st_pause": {
        "pt": "❚❚ pausar",
        "en": "❚❚ pause",
    },
    "gates.st_step": {
        "pt": "episódio ",
        "en": "episode ",
    },
    "gates.st_hm_title": {
        "pt": "{model}, unidade {u}, por episódio",
        "en": "{model}, unit {u}, by episode",
    },
    "gates.st_gate_rows": {
        "pt": "{g}",
        "en": "{g}",
    },
    "gates.st_state_row": {
        "pt": "{s} (estado)",
        "en": "{s} (state)",
    },
    "gates.st_belief_row": {
        "pt": "P(alegre)",
        "en": "P(happy)",
    },
    "gates.st_hover": {
        "pt": "%{customdata}: %{z:.2f}<extra></extra>",
        "en": "%{customdata}: %{z:.2f}<extra></extra>",
    },
    "gates.st_caption": {
        "pt": "Repare em três momentos: o evento-chave (o que muda nas portas e no estado), os episódios comuns depois "
            "dele (o estado se mantém?) e a cena final (a crença do modelo).",
        "en": "Notice three moments: the key event (what changes in the gates and the state), the ordinary episodes "
            "after it (does the state hold?) and the final scene (the model's belief).",
    },
    "gates.tw_heading": {
        "pt": "Duas maneiras de uma rede lembrar",
        "en": "Two ways a network can remember",
    },
    "gates.tw_title": {
        "pt": "Duas LSTMs, a mesma tarefa: unidade de memória e acurácia",
        "en": "Two LSTMs, one task: memory unit and accuracy",
    },
    "gates.tw_y": {
        "pt": "valor medido (0 a 1)",
        "en": "measured value (0 to 1)",
    },
    "gates.tw_default": {
        "pt": "LSTM de hoje (unidade {u})",
        "en": "today's LSTM (unit {u})",
    },
    "gates.tw_belt": {
        "pt": "LSTM cujas portas não veem h (unidade {u})",
        "en": "LSTM whose gates never see h (unit {u})",
    },
    "gates.tw_m_forget_after": {
        "pt": "f depois do evento-chave",
        "en": "f after the key event",
    },
    "gates.tw_m_input_after": {
        "pt": "i depois do evento-chave",
        "en": "i after the key event",
    },
    "gates.tw_m_rewrite_share": {
        "pt": "parte de c reescrita por episódio",
        "en": "share of c rewritten per episode",
    },
    "gates.tw_m_accuracy": {
        "pt": "acurácia",
        "en": "accuracy",
    },
    "gates.tw_m_belt_only": {
        "pt": "acurácia só com a esteira",
        "en": "accuracy with the belt only",
    },
    "gates.tw_m_forget0_all": {
        "pt": "acurácia com a esteira cortada (f = 0)",
        "en": "accuracy with the belt cut (f = 0)",
    },
    "gates.tw_caption": {
        "pt": "**Duas maneiras de uma rede lembrar** (medido pelo app em {n} séries sorteadas). Em azul, a "
            "LSTM treinada do jeito usual: depois do evento-chave, a porta de esquecimento (forget gate) da "
            "sua unidade de memória fica em média em {f_default}, e {share_default} do seu estado da célula "
            "é reescrito a cada episódio; as portas leem o clima de volta em h e o escrevem de novo (o laço "
            "h → g → c). Ela precisa dos dois caminhos: corte a esteira (f = 0 em todas as unidades depois "
            "do evento-chave) e ela cai de {acc_default} para {forget0_default}; corte só o laço (a "
            "candidata ouve um h médio em vez do verdadeiro) e ela cai para {loop_cut_default}; deixe só a "
            "esteira (cada porta ouve um h médio) e ela cai para {belt_only_default}, o acaso. Em verde, a "
            "mesma LSTM (mesmos dados, semente e treino) construída de modo que nenhuma porta veja h: seus "
            "pesos recorrentes $U$ ficam fixos em 0 (norma medida: {norm_belt}), e o estado da célula é o "
            "único caminho para levar algo adiante. Treinada, sua unidade de memória mantém a esteira aberta "
            "(porta de esquecimento {f_belt}, {share_belt} reescrito por episódio); force a porta de "
            "esquecimento a 0 em todas as unidades depois do evento-chave e ela cai de {acc_belt} para "
            "{forget0_belt}, o acaso. O modelo verde é um recurso didático: uma LSTM comum é livre para usar "
            "o laço, e a nossa o usou; treinada de novo com o viés da porta de esquecimento começando em 1, "
            "2 ou 3, com distâncias até 60 ou com 3000 passos, ela continuou usando os dois caminhos (só com "
            "a esteira, sempre o acaso; medido por `python -m bench.bench_lstm_memory`).",
        "en": "**Two ways a network can remember** (measured by the app on {n} random series). In blue, the "
            "LSTM trained as usual: after the key event its memory unit's forget gate averages {f_default} "
            "and {share_default} of its cell state is rewritten at every episode; the gates read the mood "
            "back from h and write it again (the loop h → g → c). It needs both paths: cut the belt (f = 0 "
            "on every unit after the key event) and it falls from {acc_default} to {forget0_default}; cut "
            "only the loop (the candidate hears an average h instead of the real one) and it falls to "
            "{loop_cut_default}; leave it only the belt (every gate hears an average h) and it falls to "
            "{belt_only_default}, chance. In green, the same LSTM (same data, seed and training) built so "
            "that no gate sees h: its recurrent weights $U$ are fixed at 0 (measured norm: {norm_belt}), so "
            "the cell state is the only way to carry anything forward. Trained, its memory unit keeps the "
            "belt open (forget gate {f_belt}, {share_belt} rewritten per episode); force the forget gate to "
            "0 on every unit after the key event and it falls from {acc_belt} to {forget0_belt}, chance. The "
            "green model is a teaching device: a standard LSTM is free to use the loop, and ours did; "
            "retrained with the forget-gate bias started at 1, 2 or 3, with distances up to 60 or with 3000 "
            "steps, it still used both paths (with the belt only, chance every time; measured by `python -m "
            "bench.bench_lstm_memory`).",
    },
    "gates.bias_heading": {
        "pt": "Um número que decide tudo: o viés da porta de esquecimento",
        "en": "One number that decides everything: the forget-gate bias",
    },
    "gates.bias_explain": {
        "pt": "A tarefa da trava (latch): no passo 0 chega um bit (+1 ou −1); depois vêm {steps} passos de ruído; no "
            "fim, a rede precisa dizer qual era o bit. Uma LSTM de {hidden} unidades é treinada do zero ({train} "
            "passos no máximo, lotes de {batch}, Adam, recorte do gradiente em 1, semente 0) com o viés total da porta de "
            "esquecimento $b_f$ que você escolher. Com $b_f = 0$, a porta começa em $\\sigma(0) = 0{{,}}5$: o rastro "
            "do bit na esteira cai como $0{{,}}5^{{{length}}} \\approx {decay}$, e o gradiente também. Gers et al. (2000) "
            "e Jozefowicz et al. (2015) recomendam $b_f = 1$.",
        "en": "The latch task: at step 0 a bit arrives (+1 or −1); then come {steps} steps of noise; at the end the "
            "network must say what the bit was. A {hidden}-unit LSTM is trained from scratch (at most {train} steps, "
            "batches of {batch}, Adam, gradient clipping at 1, seed 0) with the total forget-gate bias $b_f$ you choose. With "
            "$b_f = 0$ the gate starts at $\\sigma(0) = 0.5$: the bit's trace on the belt decays like "
            "$0.5^{{{length}}} \\approx {decay}$, and so does its gradient. Gers et al. (2000) and Jozefowicz et al. "
            "(2015) recommend $b_f = 1$.",
    },
    "gates.bias_label": {
        "pt": "Viés da porta de esquecimento, b_f",
        "en": "Forget-gate bias, b_f",
    },
    "gates.bias_help": {
        "pt": "0 a 3. Cada valor novo treina uma LSTM em cerca de um segundo; valores já vistos voltam na hora.",
        "en": "0 to 3. Every new value trains an LSTM in about a second; values seen before come back instantly.",
    },
    "gates.bias_training": {
        "pt": "Treinando a LSTM com b_f = {b}: passo {step} de no máximo {steps}…",
        "en": "Training the LSTM with b_f = {b}: step {step} of at most {steps}…",
    },
    "gates.bias_queued": {
        "pt": "Na fila: {ahead} treino(s) de outros alunos na frente. O servidor treina poucos modelos por vez para que as "
            "páginas de todos continuem rápidas; o seu começa sozinho.",
        "en": "Queued: {ahead} training run(s) of other students ahead. The server trains a few models at a time so that "
            "everyone's pages stay fast; yours starts by itself.",
    },
    "gates.bias_failed": {
        "pt": "O treino falhou: {error}",
        "en": "The training failed: {error}",
    },
    "gates.bias_seconds_help": {
        "pt": "Tempo de relógio do treino no servidor. Quem pede o mesmo b_f depois recebe o mesmo treino, já pronto.",
        "en": "Wall-clock time of the training on the server. Whoever asks for the same b_f later gets the same run, "
            "already done.",
    },
    "gates.bias_acc": {
        "pt": "Acurácia final",
        "en": "Final accuracy",
    },
    "gates.bias_acc_help": {
        "pt": "Média dos últimos 20 lotes; cada lote é sorteado na hora, antes de o modelo treinar nele.",
        "en": "Mean of the last 20 batches; every batch is freshly drawn, before the model trains on it.",
    },
    "gates.bias_solved": {
        "pt": "Resolvida no passo",
        "en": "Solved at step",
    },
    "gates.bias_solved_help": {
        "pt": "Primeiro passo em que a média dos últimos 20 lotes chega a 99 %.",
        "en": "First step at which the mean of the last 20 batches reaches 99%.",
    },
    "gates.bias_never": {
        "pt": "nunca",
        "en": "never",
    },
    "gates.bias_seconds": {
        "pt": "Tempo de treino",
        "en": "Training time",
    },
    "gates.bias_verdict_chance": {
        "pt": "Com $b_f = {b}$ a LSTM fica no acaso ({acc}): o gradiente que volta {length} passos é pequeno demais para "
            "ela aprender a guardar o bit.",
        "en": "With $b_f = {b}$ the LSTM stays at chance ({acc}): the gradient that travels back {length} steps is too "
            "small for it to learn to keep the bit.",
    },
    "gates.bias_verdict_partial": {
        "pt": "Com $b_f = {b}$ a LSTM aprende só em parte ({acc} no fim); ainda não chega a 99 %.",
        "en": "With $b_f = {b}$ the LSTM learns only partly ({acc} at the end); it does not reach 99% yet.",
    },
    "gates.bias_verdict_solved": {
        "pt": "Com $b_f = {b}$ a LSTM resolve a tarefa: {acc} nos últimos lotes, 99 % alcançado no passo {step}.",
        "en": "With $b_f = {b}$ the LSTM solves the task: {acc} over the last batches, 99% reached at step {step}.",
    },
    "gates.latch_title": {
        "pt": "Tarefa da trava: b_f = {b}, T = {length}",
        "en": "Latch task: b_f = {b}, T = {length}",
    },
    "gates.latch_x": {
        "pt": "passo de treino",
        "en": "training step",
    },
    "gates.latch_y": {
        "pt": "acurácia no lote",
        "en": "batch accuracy",
    },
    "gates.latch_batch": {
        "pt": "cada lote",
        "en": "each batch",
    },
    "gates.latch_trailing": {
        "pt": "média dos últimos 20",
        "en": "mean of the last 20",
    },
    "gates.latch_chance": {
        "pt": "acaso (50 %)",
        "en": "chance (50%)",
    },
    "gates.latch_solved": {
        "pt": "99 % no passo {step}",
        "en": "99% at step {step}",
    },
    "gates.latch_caption": {
        "pt": "Repare se a curva grossa sai da linha do acaso e quando; com b_f = 0 ela não sai em {steps} passos "
            "(o treino para assim que a tarefa é resolvida).",
        "en": "Notice whether and when the thick curve leaves the chance line; with b_f = 0 it does not in {steps} steps "
            "(training stops as soon as the task is solved).",
    },
    "gates.tried_title": {
        "pt": "Acurácia final por b_f",
        "en": "Final accuracy by b_f",
    },
    "gates.tried_x": {
        "pt": "viés da porta f, b_f",
        "en": "forget-gate bias, b_f",
    },
    "gates.tried_y": {
        "pt": "acurácia final",
        "en": "final accuracy",
    },
    "gates.tried_current": {
        "pt": "valor atual",
        "en": "current value",
    },
    "gates.tried_hover": {
        "pt": "b_f = %{x}<br>acurácia %{y:.1%}",
        "en": "b_f = %{x}<br>accuracy %{y:.1%}",
    },
    "gates.tried_caption": {
        "pt": "Repare no salto: com a semente 0, a acurácia sai do acaso entre b_f = 0,5 e b_f = 0,75. "
            "Mova o controle para completar a curva.",
        "en": "Notice the jump: with seed 0 the accuracy leaves chance between b_f = 0.5 and b_f = 0.75. Move the "
            "slider to fill in the curve.",
    },
    "gates.tried_jump": {
        "pt": "Nos valores que você testou, o maior salto fica entre b_f = {lo} ({acc_lo}) e b_f = {hi} ({acc_hi}).",
        "en": "Among the values you tried, the largest jump lies between b_f = {lo} ({acc_lo}) and b_f = {hi} ({acc_hi}).",
    },
    "gates.cgrad_explain": {
        "pt": "O mesmo efeito, medido diretamente: uma LSTM de {hidden} unidades com a inicialização padrão do PyTorch e "
            "o viés $b_f$, {length} passos de entradas aleatórias, e a norma de $\\partial L / \\partial c_t$ "
            "(retropropagação de verdade, em float64) pela distância até a perda.",
        "en": "The same effect, measured directly: a {hidden}-unit LSTM with PyTorch's default init and the bias $b_f$, "
            "{length} steps of random inputs, and the norm of $\\partial L / \\partial c_t$ (a real backward pass in "
            "float64) by distance to the loss.",
    },
    "gates.cgrad_title": {
        "pt": "‖∂L/∂c<sub>t</sub>‖ pela distância, para vários b_f",
        "en": "‖∂L/∂c<sub>t</sub>‖ by distance, for several b_f",
    },
    "gates.cgrad_x": {
        "pt": "distância até a perda (passos)",
        "en": "distance to the loss (steps)",
    },
    "gates.cgrad_y": {
        "pt": "‖∂L/∂c<sub>t</sub>‖ (escala log)",
        "en": "‖∂L/∂c<sub>t</sub>‖ (log scale)",
    },
    "gates.cgrad_name": {
        "pt": "b_f = {b}",
        "en": "b_f = {b}",
    },
    "gates.cgrad_caption": {
        "pt": "Repare na inclinação: cada unidade de b_f achata a queda e ganha várias ordens de grandeza na distância {d}.",
        "en": "Notice the slope: every unit of b_f flattens the decay and wins several orders of magnitude at distance {d}.",
    },
    "gates.cgrad_fact": {
        "pt": "Medido na distância {d}: ‖∂L/∂c‖ = **{v}** com $b_f = {b}$ (referências: {refs}). Pela esteira, cada "
            "passo multiplica o gradiente pela porta de esquecimento $f_t$, que começa perto de $\\sigma(b_f)$: {s0} "
            "com $b_f = 0$, {s2} com 2, {s3} com 3. Por isso a queda é quase geométrica (uma reta nesta escala log); "
            "os outros caminhos, por $h$, somam-se a ela.",
        "en": "Measured at distance {d}: ‖∂L/∂c‖ = **{v}** with $b_f = {b}$ (references: {refs}). Along the belt, every "
            "step multiplies the gradient by the forget gate $f_t$, which starts near $\\sigma(b_f)$: {s0} for "
            "$b_f = 0$, {s2} for 2, {s3} for 3. That makes the decay roughly geometric (a straight line on this log "
            "scale); the other paths, through $h$, add to it.",
    },
    # ------------------------------------------------------------------ 4 cost
    "gates.cost_heading": {
        "pt": "GRU contra LSTM: quanto custa, medido",
        "en": "GRU versus LSTM: what it costs, measured",
    },
    "gates.cost_explain": {
        "pt": "O texto diz que a GRU é mais simples e computacionalmente mais barata. Primeiro contamos os parâmetros, "
            "depois medimos o tempo de verdade.",
        "en": "The text says the GRU is simpler and computationally cheaper. First we count the parameters, then we "
            "time the real thing.",
    },
    "gates.cost_params_md": {
        "pt": "Cada bloco (porta ou candidata) tem uma matriz de entrada $h \\times x$, uma recorrente $h \\times h$ e "
            "os dois vetores de viés do PyTorch ($b_{{ih}}$ e $b_{{hh}}$). A LSTM tem $G = 4$ blocos ($i, f, g, o$), a "
            "GRU $G = 3$ ($r, z, n$). Com $h = {h}$ e $x = {x}$ (a série): **{lstm}** parâmetros na LSTM e **{gru}** "
            "na GRU, {less} a menos. A contagem dos parâmetros dos módulos reais do PyTorch confere com a fórmula.",
        "en": "Every block (gate or candidate) has an input matrix $h \\times x$, a recurrent one $h \\times h$ and "
            "PyTorch's two bias vectors ($b_{{ih}}$ and $b_{{hh}}$). The LSTM has $G = 4$ blocks ($i, f, g, o$), the "
            "GRU $G = 3$ ($r, z, n$). With $h = {h}$ and $x = {x}$ (the series): **{lstm}** parameters in the LSTM "
            "and **{gru}** in the GRU, {less} fewer. Counting the parameters of PyTorch's real modules agrees with the "
            "formula.",
    },
    "gates.under_the_hood": {
        "pt": "Por baixo do capô: como o PyTorch roda as duas células (tempos medidos, kernels, operadores)",
        "en": "Under the hood: how PyTorch runs the two cells (measured times, kernels, operators)",
    },
    "gates.cost_story": {
        "pt": "Menos pesos não quer dizer, sozinho, menos tempo: se a GRU roda mais rápido depende de como a "
            "biblioteca executa cada célula. Os tempos medidos neste servidor, e o porquê, estão em **Por baixo do "
            "capô**, logo abaixo.",
        "en": "Fewer weights do not, by themselves, mean less time: whether the GRU runs faster depends on how the "
            "library executes each cell. The times measured on this server, and why, are in **Under the hood**, "
            "just below.",
    },
    "gates.col_cell": {
        "pt": "célula",
        "en": "cell",
    },
    "gates.col_blocks": {
        "pt": "blocos G",
        "en": "blocks G",
    },
    "gates.col_formula": {
        "pt": "fórmula",
        "en": "formula",
    },
    "gates.col_numel": {
        "pt": "numel",
        "en": "numel",
    },
    "gates.col_acc_near": {
        "pt": "acurácia d 1–30 (mín.)",
        "en": "accuracy d 1–30 (min)",
    },
    "gates.col_acc_far": {
        "pt": "acurácia d 31–90 (média)",
        "en": "accuracy d 31–90 (mean)",
    },
    "gates.col_train": {
        "pt": "treino (s)",
        "en": "training (s)",
    },
    "gates.cost_table_caption": {
        "pt": "Acurácia dos modelos pré-treinados na série realista, em dados novos (do manifesto dos pesos); tempo "
            "do treino de {steps} passos registrado no manifesto.",
        "en": "Accuracy of the pretrained models on the realistic series, on fresh data (from the weights manifest); "
            "time of the {steps}-step training run recorded in the manifest.",
    },
    "gates.cost_title": {
        "pt": "Lote {batch}: tempo por passo<br>só para a frente",
        "en": "Batch {batch}: time per step<br>forward pass only",
    },
    "gates.cost_x": {
        "pt": "como a mesma conta roda",
        "en": "how the same maths runs",
    },
    "gates.cost_y": {
        "pt": "µs por passo (escala log)",
        "en": "µs per step (log scale)",
    },
    "gates.mode_fused": {
        "pt": "nn.LSTM/GRU",
        "en": "nn.LSTM/GRU",
    },
    "gates.mode_fused_plain": {
        "pt": "sem oneDNN",
        "en": "no oneDNN",
    },
    "gates.mode_transparent": {
        "pt": "transparente",
        "en": "transparent",
    },
    "gates.cost_caption_small": {
        "pt": "Repare no primeiro par de barras (os módulos do PyTorch) contra o par do meio (os mesmos módulos sem o "
            "oneDNN): a diferença entre LSTM e GRU vem do kernel.",
        "en": "Notice the first pair of bars (PyTorch's modules) against the middle pair (the same modules without "
            "oneDNN): the gap between LSTM and GRU comes from the kernel.",
    },
    "gates.cost_caption_large": {
        "pt": "Repare no par do meio: com lotes grandes, as contas (a GRU faz 3/4 das da LSTM) passam a pesar mais que o "
            "custo fixo de cada operação.",
        "en": "Notice the middle pair: with large batches the arithmetic (the GRU does 3/4 of the LSTM's) starts to "
            "outweigh the fixed cost of each operation.",
    },
    "gates.cost_why_onednn": {
        "pt": "**O que medimos** (lote {batch}). A `nn.GRU` levou {gru} µs por passo e a `nn.LSTM` {lstm} µs: a GRU foi "
            "{ratio}× mais lenta, apesar de ter 25 % menos parâmetros. **Por quê?** O motivo é o kernel, não a matemática. Na CPU, "
            "o PyTorch entrega a `nn.LSTM` ao oneDNN, que roda a sequência inteira numa só chamada "
            "(`aten::mkldnn_rnn_layer`: {lstm_ops} operadores ATen no total, para {length} passos). A `nn.GRU` roda o "
            "laço genérico do ATen, passo a passo: {gru_ops} operadores, cerca de {gru_per} por passo (produto de "
            "matrizes, fatias, sigmoides, tanh, produtos e somas), cada um com o seu custo fixo de despacho. "
            "Desligando o oneDNN, as duas rodam o laço genérico: LSTM {lstm_plain} µs e GRU {gru_plain} µs por passo.",
        "en": "**What we measured** (batch {batch}). `nn.GRU` took {gru} µs per step and `nn.LSTM` {lstm} µs: the GRU "
            "was {ratio}× slower, although it has 25% fewer parameters. **Why?** The kernel, not the maths. On the CPU, PyTorch "
            "hands `nn.LSTM` to oneDNN, which runs the whole sequence in one call (`aten::mkldnn_rnn_layer`: {lstm_ops} "
            "ATen operators in total for {length} steps). `nn.GRU` runs ATen's generic loop, step by step: {gru_ops} "
            "operators, about {gru_per} per step (matrix product, slices, sigmoids, tanh, products and sums), each "
            "paying its fixed dispatch cost. With oneDNN switched off both run the generic loop: LSTM {lstm_plain} µs "
            "and GRU {gru_plain} µs per step.",
    },
    "gates.cost_why_plain": {
        "pt": "**O que medimos** (lote {batch}). A `nn.GRU` levou {gru} µs por passo e a `nn.LSTM` {lstm} µs (sem oneDNN: {gru_plain} "
            "e {lstm_plain} µs). A GRU tem 25 % menos parâmetros; se ela não ganha com folga, o motivo está no "
            "número de operações pequenas por passo ({gru_per} na GRU), não nas multiplicações.",
        "en": "**What we measured** (batch {batch}). `nn.GRU` took {gru} µs per step and `nn.LSTM` {lstm} µs (without oneDNN: "
            "{gru_plain} and {lstm_plain} µs). The GRU has 25% fewer parameters; when it does not win clearly, the "
            "reason is the number of small operations per step ({gru_per} in the GRU), not the multiplications.",
    },
    "gates.cost_batch_gru": {
        "pt": "**Com lotes de {batch}** (o tamanho de um lote de treino, mas só a passagem para a frente: sem o "
            "gradiente, que o treino também calcula), as matrizes ficam grandes e o custo fixo por operação pesa "
            "menos: sem oneDNN, a GRU já ganha da LSTM ({gru_plain} contra {lstm_plain} µs por passo), porque faz 3/4 "
            "das contas; com o oneDNN, a LSTM ainda ganha ({lstm} contra {gru} µs).",
        "en": "**With batches of {batch}** (the size of a training batch, but the forward pass only: without the "
            "gradient that training also computes) the matrices are large and the fixed cost per operation "
            "weighs less: without oneDNN the GRU already beats the LSTM ({gru_plain} against {lstm_plain} µs per step), "
            "because it does 3/4 of the arithmetic; with oneDNN the LSTM still wins ({lstm} against {gru} µs).",
    },
    "gates.cost_batch_lstm": {
        "pt": "**Com lotes de {batch}** (o tamanho de um lote de treino, mas só a passagem para a frente: sem o "
            "gradiente): sem oneDNN, LSTM {lstm_plain} e GRU {gru_plain} µs por passo; "
            "com o oneDNN, LSTM {lstm} e GRU {gru} µs.",
        "en": "**With batches of {batch}** (the size of a training batch, but the forward pass only: without the "
            "gradient): without oneDNN, LSTM {lstm_plain} and GRU {gru_plain} µs per "
            "step; with oneDNN, LSTM {lstm} and GRU {gru} µs.",
    },
    "gates.cost_why_math": {
        "pt": "**E a matemática?** Por passo, as duas fazem um único produto recorrente $U h_{{t-1}}$ (o PyTorch "
            "aplica $r$ depois do produto, justamente para não precisar de um segundo). A diferença é que, na LSTM, a "
            "parte da entrada e a recorrente de todos os blocos se somam num único vetor antes das não linearidades; "
            "na GRU, a candidata precisa delas separadas, porque $r$ multiplica só $U_n h_{{t-1}} + b_{{hn}}$ "
            "antes da tanh, e a mistura $(1 - z) \\odot n + z \\odot h$ acrescenta operações elemento a elemento. "
            "Nas células transparentes (um laço em Python escrito do mesmo jeito para as duas), a GRU levou {gru_t} "
            "µs e a LSTM {lstm_t} µs por passo (lote 1). Conclusão honesta: a GRU tem menos pesos; se ela é mais rápida depende do "
            "kernel que a biblioteca usa.",
        "en": "**And the maths?** Per step, both do a single recurrent product $U h_{{t-1}}$ (PyTorch applies $r$ "
            "after the product precisely so that no second one is needed). The difference is that in the LSTM the "
            "input part and the recurrent part of every block add up into one vector before the nonlinearities; in "
            "the GRU the candidate needs them apart, because $r$ multiplies only $U_n h_{{t-1}} + b_{{hn}}$ before "
            "the tanh, and the blend $(1 - z) \\odot n + z \\odot h$ adds elementwise operations. In the transparent "
            "cells (a Python loop written the same way for both), the GRU took {gru_t} µs and the LSTM {lstm_t} µs per "
            "step (batch 1). Honest "
            "conclusion: the GRU has fewer weights; whether it is faster depends on the kernel the library uses.",
    },
    "gates.cost_note": {
        "pt": "Medido uma vez por servidor, só a passagem para a frente (sem gradiente): mediana de {repeats} repetições, depois de uma rodada de aquecimento. Outros "
            "usuários no mesmo servidor mexem nos números.",
        "en": "Measured once per server, forward pass only (no gradient): median of {repeats} repeats after one warm-up run. Other users on the same "
            "server move the numbers.",
    },
    "gates.cost_again": {
        "pt": "Medir de novo",
        "en": "Measure again",
    },
    "gates.cost_acc_md": {
        "pt": "**E a qualidade?** Na série realista, as duas acertam praticamente tudo: mínimo de {lstm_near} (LSTM) e "
            "{gru_near} (GRU) nas distâncias de treino 1–30, e {lstm_far} e {gru_far} nas distâncias 31–90, que "
            "nunca viram no treino.",
        "en": "**And the quality?** On the realistic series both get practically everything right: minimum {lstm_near} "
            "(LSTM) and {gru_near} (GRU) over the training distances 1–30, and {lstm_far} and {gru_far} over distances "
            "31–90, never seen in training.",
    },
    "gates.cost_acc_missing": {
        "pt": "A acurácia dos modelos pré-treinados não está disponível (manifesto dos pesos ausente).",
        "en": "The pretrained models' accuracy is not available (weights manifest missing).",
    },
    "gates.references": {
        "pt": "Referências: Hochreiter e Schmidhuber (1997), *Long Short-Term Memory*; Gers, Schmidhuber e Cummins (2000), "
            "*Learning to Forget*; Cho et al. (2014), *Learning Phrase Representations using RNN Encoder–Decoder*; "
            "Chung et al. (2014), *Empirical Evaluation of Gated Recurrent Neural Networks*; Jozefowicz, Zaremba e "
            "Sutskever (2015), *An Empirical Exploration of Recurrent Network Architectures*; Olah (2015), "
            "*Understanding LSTM Networks*.",
        "en": "References: Hochreiter & Schmidhuber (1997), *Long Short-Term Memory*; Gers, Schmidhuber & Cummins (2000), "
            "*Learning to Forget*; Cho et al. (2014), *Learning Phrase Representations using RNN Encoder–Decoder*; "
            "Chung et al. (2014), *Empirical Evaluation of Gated Recurrent Neural Networks*; Jozefowicz, Zaremba & "
            "Sutskever (2015), *An Empirical Exploration of Recurrent Network Architectures*; Olah (2015), "
            "*Understanding LSTM Networks*.",
    },
    "gates.pred_bias_prompt": {
        "pt": "Uma LSTM com viés da porta de esquecimento b_f = {b} (a porta começa mais aberta, σ({b}) ≈ {f}): quanto do gradiente da célula ‖∂L/∂c‖ resta {d} passos para trás?",
        "en": "An LSTM with forget-gate bias b_f = {b} (its gate starts more open, σ({b}) ≈ {f}): how much of the cell gradient ‖∂L/∂c‖ is left {d} steps back?",
    },
    "gates.pred_bias_measured": {
        "pt": "‖∂L/∂c‖ a {d} passos: {values}.",
        "en": "‖∂L/∂c‖ at {d} steps: {values}.",
    },
}
