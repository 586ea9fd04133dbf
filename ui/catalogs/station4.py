"""Strings of station 4 (gates: LSTM and GRU).

Gate names follow the seed text: the Portuguese name first, the English one in parentheses.
Numbers in ``{placeholders}`` are formatted by the page (decimal comma in Portuguese).
"""

PT: dict[str, str] = {
    "s4.title": "Portas: LSTM e GRU",
    "s4.subtitle": (
        "Manter o que importa e esquecer o resto: as portas da LSTM e da GRU por dentro, em modelos reais "
        "treinados na sua série, num treino ao vivo e num cronômetro."
    ),
    "s4.takeaway": (
        "Portas são válvulas aprendidas: decidem o que entra, o que sai e o que é descartado da memória. "
        "Um viés de 1 a 2 na porta de esquecimento (forget gate) deixa o gradiente atravessar dezenas de passos."
    ),
    "s4.intro": (
        "Na estação 3, o sinal que volta no tempo numa RNN simples some ou explode, como o recado no telefone "
        "sem fio. A LSTM e a GRU (Cho et al., 2014) mudam a célula: em vez de "
        "reescrever a memória inteira a cada passo, elas têm **portas**, números entre 0 e 1 calculados a cada "
        "passo, que multiplicam a informação e decidem quanto dela passa. Aqui você vê as duas células por dentro, "
        "as portas de modelos treinados na **sua** série, o efeito de um único número (o viés da porta de "
        "esquecimento) e quanto cada célula custa de verdade.\n\n"
        "Um pouco de história: a LSTM de Hochreiter e Schmidhuber (1997) tinha portas de entrada e de saída, mas "
        "**não** tinha porta de esquecimento: o estado da célula só somava, $c_t = c_{t-1} + i_t \\odot g_t$ "
        "(na prática, $f \\equiv 1$). A porta de esquecimento, que dá a equação usada aqui e no PyTorch, "
        "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$, é de Gers, Schmidhuber e Cummins (2000)."
    ),
    # ------------------------------------------------------------------ 1 the two cells
    "s4.cells_heading": "As duas células",
    "s4.cells_explain": (
        "Passe o mouse sobre cada bloco do desenho para ver o nome e a função. Em cada passo, as portas olham a "
        "entrada $x_t$ e o estado anterior $h_{t-1}$ e produzem um valor entre 0 (fechada) e 1 (aberta) para "
        "cada unidade da memória."
    ),
    "s4.dg_lstm_title": "LSTM: três portas e a esteira",
    "s4.dg_gru_title": "GRU: duas portas, um só estado",
    "s4.dg_belt": "c: estado da célula, a esteira",
    "s4.dg_rail": "h: estado oculto (memória e saída)",
    "s4.dg_h_out": "saída",
    "s4.dg_short_forget": "esquecimento",
    "s4.dg_short_input": "entrada",
    "s4.dg_short_candidate": "candidata",
    "s4.dg_short_output": "saída",
    "s4.dg_short_update": "atualização",
    "s4.dg_short_reset": "reinicialização",
    "s4.lstm_diagram_caption": (
        "Repare que a esteira de cima só passa por uma multiplicação — a porta de esquecimento (forget gate) — e "
        "uma soma — o que a porta de entrada (input gate) deixa entrar: é por ela que a memória e o gradiente "
        "atravessam muitos passos."
    ),
    "s4.gru_diagram_caption": (
        "Repare que a GRU não tem esteira separada nem porta de saída (output gate): a porta de atualização "
        "(update gate) faz o papel das portas de esquecimento e de entrada juntas."
    ),
    "s4.gate_forget_name": "Porta de esquecimento (forget gate)",
    "s4.gate_forget_does": "decide o que é descartado da memória: perto de 1 guarda o estado da célula, perto de 0 apaga.",
    "s4.gate_input_name": "Porta de entrada (input gate)",
    "s4.gate_input_does": "decide quanto da informação nova (a candidata) entra e fica guardada na memória.",
    "s4.gate_candidate_name": "Candidata (candidate)",
    "s4.gate_candidate_does": "o conteúdo novo proposto a cada passo, entre −1 e 1; não é uma porta, é o que as portas deixam ou não entrar.",
    "s4.gate_output_name": "Porta de saída (output gate)",
    "s4.gate_output_does": "decide qual parte da memória atual sai como resultado deste passo, $h_t$.",
    "s4.gate_cell_name": "Estado da célula (cell state), a esteira",
    "s4.gate_cell_does": "a memória de longo prazo; só é multiplicada pela porta de esquecimento e somada ao que entra.",
    "s4.gate_update_name": "Porta de atualização (update gate)",
    "s4.gate_update_does": (
        "decide quanto do estado antigo é mantido e quanto é trocado pela candidata: esquecimento e entrada "
        "numa porta só (no PyTorch, $z \\to 1$ mantém o estado antigo)."
    ),
    "s4.gate_reset_name": "Porta de reinicialização (reset gate)",
    "s4.gate_reset_does": "decide quanto do estado anterior entra no cálculo da candidata: perto de 0, a candidata quase o ignora.",
    "s4.gate_gru_candidate_name": "Candidata (candidate)",
    "s4.gate_gru_candidate_does": "o novo estado proposto, calculado da entrada e do estado anterior filtrado pela porta de reinicialização.",
    "s4.eq_heading": "As equações (convenção do PyTorch)",
    "s4.eq_lstm": (
        "**LSTM.** $W$ são os pesos da entrada (as linhas de `weight_ih_l0`) e $U$ os pesos recorrentes (as "
        "linhas de `weight_hh_l0`), na ordem $i, f, g, o$; $\\sigma$ é a sigmoide e $\\odot$ o produto elemento "
        "a elemento. O PyTorch guarda dois vetores de viés, $b_{i\\ast}$ e $b_{h\\ast}$; aqui $b = b_{i\\ast} + "
        "b_{h\\ast}$."
    ),
    "s4.eq_gru": (
        "**GRU.** Linhas na ordem $r, z, n$. A porta de reinicialização multiplica a parte recorrente "
        "*depois* do produto de matrizes, $r_t \\odot (U_n h_{t-1} + b_{hn})$, por isso os dois vieses da "
        "candidata ficam separados."
    ),
    "s4.eq_gru_convention": (
        "**Atenção à convenção da GRU.** No PyTorch, $z \\to 1$ **mantém** o estado antigo e $z \\to 0$ escreve "
        "a candidata: $h_t = z \\odot h_{t-1} + (1 - z) \\odot n_t$. Cho et al. (2014), o artigo original, "
        "usa a mesma convenção; Chung et al. (2014) e muitos tutoriais escrevem ao contrário, "
        "$h_t = (1 - z) \\odot h_{t-1} + z \\odot \\tilde h_t$, de modo que o $z$ deles é o $1 - z$ do PyTorch."
    ),
    # ------------------------------------------------------------------ 2 inside the trained models
    "s4.inside_heading": "Dentro dos modelos treinados, na sua série",
    "s4.inside_explain": (
        "Os modelos são a LSTM e a GRU da estação 2 treinados na **série realista** (cada episódio comum tem o "
        "seu próprio clima, triste ou alegre, que o modelo precisa ignorar; só o clima do evento-chave explica o "
        "choro da cena final). Cada passo da sua série é reexecutado por uma célula transparente, com os pesos do "
        "próprio modelo, que reproduz `torch.nn.LSTM` e `torch.nn.GRU` e guarda todas as portas."
    ),
    "s4.editor_heading": "A sua série",
    "s4.editor_note": (
        "É o mesmo editor da estação 2. Os modelos desta página foram treinados com um clima em cada episódio, "
        "por isso ele já começa ligado."
    ),
    "s4.timeline_summary": (
        "{n} episódios: evento-chave **{mood}** no episódio {at} ({code}), cena final no episódio {n}, "
        "distância {d}. Resposta dos modelos: {answers}."
    ),
    "s4.answer": "{model} diz **{label}** ({p})",
    "s4.label_sad": "lágrimas de tristeza",
    "s4.label_happy": "lágrimas de alegria",
    "s4.mood_sad": "triste",
    "s4.mood_happy": "alegre",
    "s4.state_cell": "estado da célula",
    "s4.state_hidden": "estado oculto",
    "s4.tab_lstm": "LSTM",
    "s4.tab_gru": "GRU",
    "s4.weights_note": "Sem esses pesos, esta parte da página fica vazia; o resto da estação funciona normalmente.",
    "s4.strip_label": "episódios",
    "s4.strip_ordinary": "episódio comum",
    "s4.strip_ordinary_sad": "episódio comum, clima triste",
    "s4.strip_ordinary_happy": "episódio comum, clima alegre",
    "s4.strip_key_sad": "evento-chave: trauma (triste)",
    "s4.strip_key_happy": "evento-chave: reencontro (feliz)",
    "s4.strip_final": "cena final: o personagem chora",
    "s4.hm_lstm_title": "LSTM: portas e estado da célula em cada unidade e episódio",
    "s4.hm_gru_title": "GRU: portas e estado oculto em cada unidade e episódio",
    "s4.hm_x": "episódio da sua série",
    "s4.hm_y": "unidade",
    "s4.hm_gate_bar": "porta (0 fechada, 1 aberta)",
    "s4.hm_signed_bar": "valor",
    "s4.hm_clipped_bar": "valor (±{limit} máx.)",
    "s4.hm_hover": "unidade %{y}, episódio %{x}: %{z:.3f}",
    "s4.hm_key": "evento-chave",
    "s4.hm_final": "cena final",
    "s4.hm_memory": "◀ unidade {u}",
    "s4.row_forget": "f: porta de esquecimento",
    "s4.row_input": "i: porta de entrada",
    "s4.row_output": "o: porta de saída",
    "s4.row_candidate": "g: candidata",
    "s4.row_cell": "c: estado da célula",
    "s4.row_update": "z: porta de atualização (1 mantém)",
    "s4.row_reset": "r: porta de reinicialização",
    "s4.row_gru_candidate": "n: candidata",
    "s4.row_hidden": "h: estado oculto",
    "s4.hm_lstm_caption": (
        "Repare que, depois do evento-chave, a linha emoldurada (unidade {u}) fica com uma cor só no estado da "
        "célula até a cena final, enquanto os climas dos episódios comuns mudam."
    ),
    "s4.hm_gru_caption": (
        "Repare que a linha emoldurada (unidade {u}) ganha uma cor forte no estado oculto depois do evento-chave e "
        "a mantém até a cena final."
    ),
    "s4.mu_heading": "A unidade de memória",
    "s4.mu_how": (
        "A unidade de memória é escolhida automaticamente: em {n} séries sorteadas do mesmo gerador de dados do "
        "treino, para cada unidade comparamos o estado depois do evento-chave nas séries tristes e nas alegres "
        "(d′ = diferença das médias dividida pelo desvio-padrão). Na LSTM ganha a unidade **{u}** do estado da "
        "célula (d′ = {d}); na GRU, a unidade **{ug}** do estado oculto (d′ = {dg})."
    ),
    "s4.mu_lstm_title": "LSTM, unidade {u}: portas e estado da célula ao longo da sua série",
    "s4.mu_gru_title": "GRU, unidade {u}: portas e estado oculto ao longo da sua série",
    "s4.mu_x": "episódio da sua série",
    "s4.mu_gate_y": "porta (0 a 1)",
    "s4.mu_state_y": "estado",
    "s4.mu_forget": "f: esquecimento",
    "s4.mu_input": "i: entrada",
    "s4.mu_output": "o: saída",
    "s4.mu_cell": "c: estado da célula",
    "s4.mu_hidden": "h: saída da unidade",
    "s4.mu_update": "z: atualização (1 mantém)",
    "s4.mu_reset": "r: reinicialização",
    "s4.mu_gru_hidden": "h: estado oculto",
    "s4.mu_lstm_caption": (
        "Repare no estado da célula (embaixo): depois do evento-chave ele se firma num valor e fica lá; compare com "
        "a porta de esquecimento (em cima), que não fica perto de 1."
    ),
    "s4.mu_gru_caption": (
        "Repare que o estado oculto da unidade {u} se firma poucos episódios depois do evento-chave e fica lá, seja "
        "qual for o clima dos episódios seguintes."
    ),
    "s4.facts_intro": "**O que a unidade {u} fez na sua série** (números medidos no modelo, não desenhados):",
    "s4.fact_forget_none": (
        "Porta de esquecimento: não há episódio comum entre o evento-chave e a cena final; aumente a distância "
        "para ver a memória sendo guardada."
    ),
    "s4.fact_forget_high": (
        "Porta de esquecimento: média **{f}** nos {n} episódios comuns depois do evento-chave. A esteira segura a "
        "memória, como no livro: só por ela, {keep} do valor do evento-chave chega à cena final."
    ),
    "s4.fact_forget_low": (
        "Porta de esquecimento: média **{f}** nos {n} episódios comuns depois do evento-chave, longe de 1. Só pela "
        "esteira, sobraria {keep} do valor do evento-chave na cena final. Este modelo **não** aprendeu a receita "
        "do livro (esquecimento ≈ 1)."
    ),
    "s4.fact_rewrite_low": (
        "Mesmo assim o estado da célula vai de {c_key} no evento-chave a **{c_final}** na cena final: a cada "
        "episódio, {share} dele é reescrito pela entrada ($i \\odot g$). A candidata $g$ é calculada a partir de "
        "$h_{{t-1}}$, que já carrega a memória; então a unidade se realimenta e a memória vive no laço "
        "$h \\to g \\to c \\to h$, não só na esteira. O treino achou essa solução sozinho."
    ),
    "s4.fact_rewrite_high": (
        "O estado da célula vai de {c_key} no evento-chave a **{c_final}** na cena final; a cada episódio, só "
        "{share} dele é reescrito pela entrada ($i \\odot g$)."
    ),
    "s4.fact_input_opens": (
        "Porta de entrada: **{ik}** no evento-chave contra {ie} em média nos outros episódios: ela se abre no "
        "evento-chave."
    ),
    "s4.fact_input_flat": (
        "Porta de entrada: **{ik}** no evento-chave, {inext} no episódio seguinte e {ie} em média nos outros: "
        "ela não se abre só no evento-chave."
    ),
    "s4.fact_settle_after": (
        "O {state} desta unidade assume o sinal final no episódio {settled} (evento-chave: episódio {at}) e fica "
        "com ele até o fim: o clima do evento chega a ela pelo caminho de $h$."
    ),
    "s4.fact_settle_before": (
        "O {state} desta unidade já tinha o sinal final antes do evento-chave: com um evento-chave {mood}, ela só "
        "precisa ficar onde está, e fica, apesar dos climas que vêm depois (troque o clima do evento-chave para "
        "vê-la virar)."
    ),
    "s4.fact_output_opens": (
        "Porta de saída: **{of}** na cena final contra {ob} em média antes dela: ela se abre mais na cena final."
    ),
    "s4.fact_output_flat": (
        "Porta de saída: **{of}** na cena final e {ob} em média antes dela: não há uma abertura especial na cena "
        "final. Ela fica parcialmente aberta o tempo todo, então a memória aparece em $h$ a cada episódio, e a "
        "camada de saída simplesmente lê $h$ na cena final."
    ),
    "s4.fact_batch": (
        "Em {n} séries sorteadas, a porta de esquecimento da unidade {u} fica em média em {f} depois do "
        "evento-chave, e nenhuma das {h} unidades passa de {fmax}: não é um acaso da sua série."
    ),
    "s4.fact_gru_keep": (
        "Porta de atualização ($z \\to 1$ mantém o estado antigo): média **{z}** nos {n} episódios comuns depois "
        "do evento-chave. Só pela parte mantida, sobraria {keep} do valor do evento-chave na cena final."
    ),
    "s4.fact_gru_keep_none": (
        "Porta de atualização: não há episódio comum entre o evento-chave e a cena final; aumente a distância."
    ),
    "s4.fact_gru_rewrite": (
        "O estado oculto vai de {h_key} no evento-chave a **{h_final}** na cena final. O que não é mantido vem da "
        "candidata $n$, calculada a partir de $h_{{t-1}}$: a GRU também guarda a memória se realimentando."
    ),
    "s4.fact_gru_hold": (
        "O estado oculto vai de {h_key} no evento-chave a **{h_final}** na cena final: a porta de atualização "
        "mantém o estado quase intacto."
    ),
    # ------------------------------------------------------------------ 3 forget-gate bias
    "s4.st_heading": "Passo a passo: as duas células na sua série",
    "s4.st_explain": (
        "Aperte **▶** (ou arraste o controle embaixo) e veja as células trabalharem episódio a episódio, com os "
        "números de verdade dos modelos treinados. Em cada bloco, o valor da porta na unidade de memória (o "
        "preenchimento: vazio = 0, cor cheia = 1; na candidata, o tamanho do valor) e, embaixo, a média sobre "
        "todas as unidades (⌀). Na esteira (LSTM) e no trilho (GRU), o estado da unidade ao entrar e ao sair do "
        "passo: quanto mais grosso, maior o valor. No canto, a crença do modelo até ali: P(alegre). Embaixo, a "
        "mesma unidade em todos os episódios, com o cursor no episódio atual. A animação roda no seu navegador."
    ),
    "s4.st_title": "Passo a passo: portas da unidade de memória em cada episódio",
    "s4.st_keyboard": "Abrir no episódio (setas do teclado: um episódio por vez)",
    "s4.st_keyboard_help": (
        "O ▶ e o controle embaixo do gráfico rodam no seu navegador; este controle, que também responde ao "
        "teclado, abre o passo a passo no episódio escolhido."
    ),
    "s4.st_episode": "episódio {t} de {n} ({code})",
    "s4.st_mean": "⌀ {v}",
    "s4.st_belief": "P(alegre) até aqui: {p}",
    "s4.st_play": "▶ tocar",
    "s4.st_pause": "❚❚ pausar",
    "s4.st_step": "episódio ",
    "s4.st_hm_title": "{model}, unidade {u}, episódio a episódio",
    "s4.st_gate_rows": "{g}",
    "s4.st_state_row": "{s} (estado)",
    "s4.st_belief_row": "P(alegre)",
    "s4.st_hover": "%{customdata}: %{z:.2f}<extra></extra>",
    "s4.st_caption": (
        "Repare em três momentos: o evento-chave (o que muda nas portas e no estado), os episódios comuns depois "
        "dele (o estado se mantém?) e a cena final (a crença do modelo)."
    ),
    "s4.tw_heading": "Duas maneiras de uma rede lembrar",
    "s4.tw_title": "Duas LSTMs, a mesma tarefa: medidas da unidade de memória e acurácia",
    "s4.tw_y": "valor medido (0 a 1)",
    "s4.tw_default": "LSTM de hoje (unidade {u})",
    "s4.tw_belt": "LSTM cujas portas não veem h (unidade {u})",
    "s4.tw_m_forget_after": "f depois do evento-chave",
    "s4.tw_m_input_after": "i depois do evento-chave",
    "s4.tw_m_rewrite_share": "parte de c reescrita por episódio",
    "s4.tw_m_accuracy": "acurácia",
    "s4.tw_m_belt_only": "acurácia só com a esteira",
    "s4.tw_m_forget0_all": "acurácia com a esteira cortada (f = 0)",
    "s4.tw_caption": (
        "**Duas maneiras de uma rede lembrar** (medido pelo app em {n} séries sorteadas). Em azul, a LSTM "
        "treinada do jeito usual: depois do evento-chave, a porta de esquecimento (forget gate) da sua unidade de "
        "memória fica em média em {f_default}, e {share_default} do seu estado da célula é reescrito a cada "
        "episódio; as portas leem o clima de volta em h e o escrevem de novo: a memória vive no laço "
        "h → g → c. Deixe-lhe só a esteira (cada porta ouve um h médio em vez do verdadeiro) e ela cai de "
        "{acc_default} para {belt_only_default}, o acaso. Em verde, a mesma LSTM (mesmos dados, semente e treino) "
        "construída de modo que nenhuma porta veja h: seus pesos recorrentes $U$ ficam fixos em 0 (norma medida: "
        "{norm_belt}), e o estado da célula é o único caminho para levar algo adiante. Treinada, sua unidade de "
        "memória mantém a esteira aberta (porta de esquecimento {f_belt}, {share_belt} reescrito por episódio); "
        "force a porta de esquecimento a 0 em todas as unidades depois do evento-chave e ela cai de {acc_belt} "
        "para {forget0_belt}, o acaso. O modelo verde é um recurso didático: uma LSTM comum é livre para "
        "usar o laço, e a nossa o usou, também com o viés da porta de esquecimento começando em 1, 2 ou 3, com "
        "distâncias maiores e com treino mais longo."
    ),
    "s4.bias_heading": "Um número que decide tudo: o viés da porta de esquecimento",
    "s4.bias_explain": (
        "A tarefa da trava (latch): no passo 0 chega um bit (+1 ou −1); depois vêm {steps} passos de ruído; no "
        "fim, a rede precisa dizer qual era o bit. Uma LSTM de {hidden} unidades é treinada do zero ({train} "
        "passos no máximo, lotes de {batch}, Adam, recorte do gradiente em 1, semente 0) com o viés total da porta de "
        "esquecimento $b_f$ que você escolher. Com $b_f = 0$, a porta começa em $\\sigma(0) = 0{{,}}5$: o rastro "
        "do bit na esteira cai como $0{{,}}5^{{{length}}} \\approx {decay}$, e o gradiente também. Gers et al. (2000) "
        "e Jozefowicz et al. (2015) recomendam $b_f = 1$."
    ),
    "s4.bias_label": "Viés da porta de esquecimento, b_f",
    "s4.bias_help": "0 a 3. Cada valor novo treina uma LSTM em cerca de um segundo; valores já vistos voltam na hora.",
    "s4.bias_training": "Treinando a LSTM com b_f = {b}: passo {step} de no máximo {steps}…",
    "s4.bias_queued": (
        "Na fila: {ahead} treino(s) de outros alunos na frente. O servidor treina poucos modelos por vez para que as "
        "páginas de todos continuem rápidas; o seu começa sozinho."
    ),
    "s4.bias_failed": "O treino falhou: {error}",
    "s4.bias_seconds_help": (
        "Tempo de relógio do treino no servidor. Quem pede o mesmo b_f depois recebe o mesmo treino, já pronto."
    ),
    "s4.bias_acc": "Acurácia final",
    "s4.bias_acc_help": "Média dos últimos 20 lotes; cada lote é sorteado na hora, antes de o modelo treinar nele.",
    "s4.bias_solved": "Resolvida no passo",
    "s4.bias_solved_help": "Primeiro passo em que a média dos últimos 20 lotes chega a 99 %.",
    "s4.bias_never": "nunca",
    "s4.bias_seconds": "Tempo de treino",
    "s4.bias_verdict_chance": (
        "Com $b_f = {b}$ a LSTM fica no acaso ({acc}): o gradiente que volta {length} passos é pequeno demais para "
        "ela aprender a guardar o bit."
    ),
    "s4.bias_verdict_partial": (
        "Com $b_f = {b}$ a LSTM aprende só em parte ({acc} no fim); ainda não chega a 99 %."
    ),
    "s4.bias_verdict_solved": (
        "Com $b_f = {b}$ a LSTM resolve a tarefa: {acc} nos últimos lotes, 99 % alcançado no passo {step}."
    ),
    "s4.latch_title": "Tarefa da trava, T = {length}: acurácia durante o treino com b_f = {b}",
    "s4.latch_x": "passo de treino",
    "s4.latch_y": "acurácia no lote",
    "s4.latch_batch": "cada lote",
    "s4.latch_trailing": "média dos últimos 20",
    "s4.latch_chance": "acaso (50 %)",
    "s4.latch_solved": "99 % no passo {step}",
    "s4.latch_caption": (
        "Repare se a curva grossa sai da linha do acaso e quando; com b_f = 0 ela não sai em {steps} passos "
        "(o treino para assim que a tarefa é resolvida)."
    ),
    "s4.tried_title": "Acurácia final por b_f testado",
    "s4.tried_x": "viés da porta de esquecimento, b_f",
    "s4.tried_y": "acurácia final",
    "s4.tried_current": "valor atual",
    "s4.tried_hover": "b_f = %{x}<br>acurácia %{y:.1%}",
    "s4.tried_caption": (
        "Repare no salto: com a semente 0, a acurácia sai do acaso entre b_f = 0,5 e b_f = 0,75. "
        "Mova o controle para completar a curva."
    ),
    "s4.tried_jump": (
        "Nos valores que você testou, o maior salto fica entre b_f = {lo} ({acc_lo}) e b_f = {hi} ({acc_hi})."
    ),
    "s4.cgrad_explain": (
        "O mesmo efeito, medido diretamente: uma LSTM de {hidden} unidades com a inicialização padrão do PyTorch e "
        "o viés $b_f$, {length} passos de entradas aleatórias, e a norma de $\\partial L / \\partial c_t$ "
        "(retropropagação de verdade, em float64) pela distância até a perda."
    ),
    "s4.cgrad_title": "‖∂L/∂c<sub>t</sub>‖ pela distância, para vários b_f",
    "s4.cgrad_x": "distância até a perda (passos)",
    "s4.cgrad_y": "‖∂L/∂c<sub>t</sub>‖ (escala log)",
    "s4.cgrad_name": "b_f = {b}",
    "s4.cgrad_caption": "Repare na inclinação: cada unidade de b_f achata a queda e ganha várias ordens de grandeza na distância {d}.",
    "s4.cgrad_fact": (
        "Medido na distância {d}: ‖∂L/∂c‖ = **{v}** com $b_f = {b}$ (referências: {refs}). Pela esteira, cada "
        "passo multiplica o gradiente pela porta de esquecimento $f_t$, que começa perto de $\\sigma(b_f)$: {s0} "
        "com $b_f = 0$, {s2} com 2, {s3} com 3. Por isso a queda é quase geométrica (uma reta nesta escala log); "
        "os outros caminhos, por $h$, somam-se a ela."
    ),
    # ------------------------------------------------------------------ 4 cost
    "s4.cost_heading": "GRU contra LSTM: quanto custa, medido",
    "s4.cost_explain": (
        "O texto diz que a GRU é mais simples e computacionalmente mais barata. Primeiro contamos os parâmetros, "
        "depois medimos o tempo de verdade."
    ),
    "s4.cost_params_md": (
        "Cada bloco (porta ou candidata) tem uma matriz de entrada $h \\times x$, uma recorrente $h \\times h$ e "
        "os dois vetores de viés do PyTorch ($b_{{ih}}$ e $b_{{hh}}$). A LSTM tem $G = 4$ blocos ($i, f, g, o$), a "
        "GRU $G = 3$ ($r, z, n$). Com $h = {h}$ e $x = {x}$ (a série): **{lstm}** parâmetros na LSTM e **{gru}** "
        "na GRU, {less} a menos. A contagem `numel` dos módulos reais confere com a fórmula."
    ),
    "s4.col_cell": "célula",
    "s4.col_blocks": "blocos G",
    "s4.col_formula": "fórmula",
    "s4.col_numel": "numel",
    "s4.col_acc_near": "acurácia d 1–30 (mín.)",
    "s4.col_acc_far": "acurácia d 31–90 (média)",
    "s4.col_train": "treino (s)",
    "s4.cost_table_caption": (
        "Acurácia dos modelos pré-treinados na série realista, em dados novos (do manifesto dos pesos); tempo "
        "do treino de {steps} passos registrado no manifesto."
    ),
    "s4.cost_title": "Lote {batch}: tempo por passo, só a passagem para a frente ({length} passos)",
    "s4.cost_x": "como a mesma conta roda",
    "s4.cost_y": "µs por passo (escala log)",
    "s4.mode_fused": "nn.LSTM/GRU",
    "s4.mode_fused_plain": "sem oneDNN",
    "s4.mode_transparent": "transparente",
    "s4.cost_caption_small": (
        "Repare no primeiro par de barras (os módulos do PyTorch) contra o par do meio (os mesmos módulos sem o "
        "oneDNN): a diferença entre LSTM e GRU vem do kernel."
    ),
    "s4.cost_caption_large": (
        "Repare no par do meio: com lotes grandes, as contas (a GRU faz 3/4 das da LSTM) passam a pesar mais que o "
        "custo fixo de cada operação."
    ),
    "s4.cost_why_onednn": (
        "**O que medimos** (lote {batch}). A `nn.GRU` levou {gru} µs por passo e a `nn.LSTM` {lstm} µs: a GRU foi "
        "{ratio}× mais lenta, apesar de ter 25 % menos parâmetros. **Por quê?** O motivo é o kernel, não a matemática. Na CPU, "
        "o PyTorch entrega a `nn.LSTM` ao oneDNN, que roda a sequência inteira numa só chamada "
        "(`aten::mkldnn_rnn_layer`: {lstm_ops} operadores ATen no total, para {length} passos). A `nn.GRU` roda o "
        "laço genérico do ATen, passo a passo: {gru_ops} operadores, cerca de {gru_per} por passo (produto de "
        "matrizes, fatias, sigmoides, tanh, produtos e somas), cada um com o seu custo fixo de despacho. "
        "Desligando o oneDNN, as duas rodam o laço genérico: LSTM {lstm_plain} µs e GRU {gru_plain} µs por passo."
    ),
    "s4.cost_why_plain": (
        "**O que medimos** (lote {batch}). A `nn.GRU` levou {gru} µs por passo e a `nn.LSTM` {lstm} µs (sem oneDNN: {gru_plain} "
        "e {lstm_plain} µs). A GRU tem 25 % menos parâmetros; se ela não ganha com folga, o motivo está no "
        "número de operações pequenas por passo ({gru_per} na GRU), não nas multiplicações."
    ),
    "s4.cost_batch_gru": (
        "**Com lotes de {batch}** (o tamanho de um lote de treino, mas só a passagem para a frente: sem o "
        "gradiente, que o treino também calcula), as matrizes ficam grandes e o custo fixo por operação pesa "
        "menos: sem oneDNN, a GRU já ganha da LSTM ({gru_plain} contra {lstm_plain} µs por passo), porque faz 3/4 "
        "das contas; com o oneDNN, a LSTM ainda ganha ({lstm} contra {gru} µs)."
    ),
    "s4.cost_batch_lstm": (
        "**Com lotes de {batch}** (o tamanho de um lote de treino, mas só a passagem para a frente: sem o "
        "gradiente): sem oneDNN, LSTM {lstm_plain} e GRU {gru_plain} µs por passo; "
        "com o oneDNN, LSTM {lstm} e GRU {gru} µs."
    ),
    "s4.cost_why_math": (
        "**E a matemática?** Por passo, as duas fazem um único produto recorrente $U h_{{t-1}}$ (o PyTorch "
        "aplica $r$ depois do produto, justamente para não precisar de um segundo). A diferença é que, na LSTM, a "
        "parte da entrada e a recorrente de todos os blocos se somam num único vetor antes das não linearidades; "
        "na GRU, a candidata precisa delas separadas, porque $r$ multiplica só $U_n h_{{t-1}} + b_{{hn}}$ "
        "antes da tanh, e a mistura $(1 - z) \\odot n + z \\odot h$ acrescenta operações elemento a elemento. "
        "Nas células transparentes (um laço em Python escrito do mesmo jeito para as duas), a GRU levou {gru_t} "
        "µs e a LSTM {lstm_t} µs por passo (lote 1). Conclusão honesta: a GRU tem menos pesos; se ela é mais rápida depende do "
        "kernel que a biblioteca usa."
    ),
    "s4.cost_note": (
        "Medido uma vez por servidor, só a passagem para a frente (sem gradiente): mediana de {repeats} repetições, depois de uma rodada de aquecimento. Outros "
        "usuários no mesmo servidor mexem nos números."
    ),
    "s4.cost_again": "Medir de novo",
    "s4.cost_acc_md": (
        "**E a qualidade?** Na série realista, as duas acertam praticamente tudo: mínimo de {lstm_near} (LSTM) e "
        "{gru_near} (GRU) nas distâncias de treino 1–30, e {lstm_far} e {gru_far} nas distâncias 31–90, que "
        "nunca viram no treino."
    ),
    "s4.cost_acc_missing": "A acurácia dos modelos pré-treinados não está disponível (manifesto dos pesos ausente).",
    "s4.references": (
        "Referências: Hochreiter e Schmidhuber (1997), *Long Short-Term Memory*; Gers, Schmidhuber e Cummins (2000), "
        "*Learning to Forget*; Cho et al. (2014), *Learning Phrase Representations using RNN Encoder–Decoder*; "
        "Chung et al. (2014), *Empirical Evaluation of Gated Recurrent Neural Networks*; Jozefowicz, Zaremba e "
        "Sutskever (2015), *An Empirical Exploration of Recurrent Network Architectures*; Olah (2015), "
        "*Understanding LSTM Networks*."
    ),
}

EN: dict[str, str] = {
    "s4.title": "Gates: LSTM and GRU",
    "s4.subtitle": (
        "Keep what matters, forget the rest: the gates of the LSTM and the GRU from the inside, in real models "
        "trained on your series, in a live training run and on a stopwatch."
    ),
    "s4.takeaway": (
        "Gates are learned valves: they decide what enters, what leaves and what is thrown away from memory. "
        "A forget-gate bias of 1 to 2 lets the gradient cross dozens of steps."
    ),
    "s4.intro": (
        "On station 3, the signal that travels back in time through a plain RNN fades or explodes, like the "
        "message in the telephone game. The LSTM and the GRU (Cho et al., 2014) "
        "change the cell: instead of rewriting the whole memory at every step, they have **gates**, numbers "
        "between 0 and 1 computed at every step, that multiply the information and decide how much of it gets "
        "through. Here you see both cells from the inside, the gates of models trained on **your** series, the "
        "effect of a single number (the forget-gate bias) and what each cell really costs.\n\n"
        "A little history: the LSTM of Hochreiter & Schmidhuber (1997) had input and output gates but **no** "
        "forget gate: its cell state only added up, $c_t = c_{t-1} + i_t \\odot g_t$ (in effect $f \\equiv 1$). "
        "The forget gate, which gives the equation used here and in PyTorch, "
        "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$, is due to Gers, Schmidhuber & Cummins (2000)."
    ),
    # ------------------------------------------------------------------ 1 the two cells
    "s4.cells_heading": "The two cells",
    "s4.cells_explain": (
        "Hover over each block of the drawing for its name and job. At every step the gates look at the input "
        "$x_t$ and the previous state $h_{t-1}$ and produce a value between 0 (closed) and 1 (open) for every "
        "unit of the memory."
    ),
    "s4.dg_lstm_title": "LSTM: three gates and the conveyor belt",
    "s4.dg_gru_title": "GRU: two gates, one state",
    "s4.dg_belt": "c: cell state, the conveyor belt",
    "s4.dg_rail": "h: hidden state (memory and output)",
    "s4.dg_h_out": "output",
    "s4.dg_short_forget": "forget",
    "s4.dg_short_input": "input",
    "s4.dg_short_candidate": "candidate",
    "s4.dg_short_output": "output",
    "s4.dg_short_update": "update",
    "s4.dg_short_reset": "reset",
    "s4.lstm_diagram_caption": (
        "Notice that the belt on top meets only one multiplication (the forget gate) and one addition (what the "
        "input gate lets in): that is how memory and gradient cross many steps."
    ),
    "s4.gru_diagram_caption": (
        "Notice that the GRU has no separate belt and no output gate: the update gate plays the forget and input "
        "gates at once."
    ),
    "s4.gate_forget_name": "Forget gate (porta de esquecimento)",
    "s4.gate_forget_does": "decides what is thrown away from memory: near 1 it keeps the cell state, near 0 it erases it.",
    "s4.gate_input_name": "Input gate (porta de entrada)",
    "s4.gate_input_does": "decides how much of the new information (the candidate) enters and is stored in memory.",
    "s4.gate_candidate_name": "Candidate",
    "s4.gate_candidate_does": "the new content proposed at every step, between −1 and 1; not a gate, but what the gates let in or not.",
    "s4.gate_output_name": "Output gate (porta de saída)",
    "s4.gate_output_does": "decides which part of the current memory leaves as this step's result, $h_t$.",
    "s4.gate_cell_name": "Cell state, the conveyor belt",
    "s4.gate_cell_does": "the long-term memory; it is only multiplied by the forget gate and added to what comes in.",
    "s4.gate_update_name": "Update gate (porta de atualização)",
    "s4.gate_update_does": (
        "decides how much of the old state is kept and how much is replaced by the candidate: forget and input "
        "in one gate (in PyTorch, $z \\to 1$ keeps the old state)."
    ),
    "s4.gate_reset_name": "Reset gate (porta de reinicialização)",
    "s4.gate_reset_does": "decides how much of the previous state goes into the candidate: near 0, the candidate almost ignores it.",
    "s4.gate_gru_candidate_name": "Candidate",
    "s4.gate_gru_candidate_does": "the proposed new state, computed from the input and the previous state filtered by the reset gate.",
    "s4.eq_heading": "The equations (PyTorch's convention)",
    "s4.eq_lstm": (
        "**LSTM.** $W$ are the input weights (the rows of `weight_ih_l0`) and $U$ the recurrent weights (the rows "
        "of `weight_hh_l0`), in the order $i, f, g, o$; $\\sigma$ is the sigmoid and $\\odot$ the elementwise "
        "product. PyTorch keeps two bias vectors, $b_{i\\ast}$ and $b_{h\\ast}$; here $b = b_{i\\ast} + "
        "b_{h\\ast}$."
    ),
    "s4.eq_gru": (
        "**GRU.** Rows in the order $r, z, n$. The reset gate multiplies the recurrent part *after* the matrix "
        "product, $r_t \\odot (U_n h_{t-1} + b_{hn})$, so the candidate's two biases stay apart."
    ),
    "s4.eq_gru_convention": (
        "**Mind the GRU convention.** In PyTorch, $z \\to 1$ **keeps** the old state and $z \\to 0$ writes the "
        "candidate: $h_t = z \\odot h_{t-1} + (1 - z) \\odot n_t$. Cho et al. (2014), the original paper, use "
        "the same convention; Chung et al. (2014) and many tutorials write it the other way round, "
        "$h_t = (1 - z) \\odot h_{t-1} + z \\odot \\tilde h_t$, so their $z$ is PyTorch's $1 - z$."
    ),
    # ------------------------------------------------------------------ 2 inside the trained models
    "s4.inside_heading": "Inside the trained models, on your series",
    "s4.inside_explain": (
        "The models are station 2's LSTM and GRU trained on the **realistic series** (every ordinary episode has "
        "its own mood, sad or happy, which the model must ignore; only the key event's mood explains the tears "
        "of the final scene). Every step of your series is re-run by a transparent cell with the model's own "
        "weights, which reproduces `torch.nn.LSTM` and `torch.nn.GRU` and keeps every gate."
    ),
    "s4.editor_heading": "Your series",
    "s4.editor_note": (
        "This is station 2's editor. The models on this page were trained with a mood on every episode, so it "
        "starts switched on."
    ),
    "s4.timeline_summary": (
        "{n} episodes: **{mood}** key event in episode {at} ({code}), final scene in episode {n}, distance {d}. "
        "The models answer: {answers}."
    ),
    "s4.answer": "{model} says **{label}** ({p})",
    "s4.label_sad": "sad tears",
    "s4.label_happy": "happy tears",
    "s4.mood_sad": "sad",
    "s4.mood_happy": "happy",
    "s4.state_cell": "cell state",
    "s4.state_hidden": "hidden state",
    "s4.tab_lstm": "LSTM",
    "s4.tab_gru": "GRU",
    "s4.weights_note": "Without these weights this part of the page stays empty; the rest of the station works as usual.",
    "s4.strip_label": "episodes",
    "s4.strip_ordinary": "ordinary episode",
    "s4.strip_ordinary_sad": "ordinary episode, sad mood",
    "s4.strip_ordinary_happy": "ordinary episode, happy mood",
    "s4.strip_key_sad": "key event: trauma (sad)",
    "s4.strip_key_happy": "key event: reunion (happy)",
    "s4.strip_final": "final scene: the character cries",
    "s4.hm_lstm_title": "LSTM: gates and cell state of every unit at every episode",
    "s4.hm_gru_title": "GRU: gates and hidden state of every unit at every episode",
    "s4.hm_x": "episode of your series",
    "s4.hm_y": "unit",
    "s4.hm_gate_bar": "gate (0 closed, 1 open)",
    "s4.hm_signed_bar": "value",
    "s4.hm_clipped_bar": "value (±{limit} max)",
    "s4.hm_hover": "unit %{y}, episode %{x}: %{z:.3f}",
    "s4.hm_key": "key event",
    "s4.hm_final": "final scene",
    "s4.hm_memory": "◀ unit {u}",
    "s4.row_forget": "f: forget gate",
    "s4.row_input": "i: input gate",
    "s4.row_output": "o: output gate",
    "s4.row_candidate": "g: candidate",
    "s4.row_cell": "c: cell state",
    "s4.row_update": "z: update gate (1 keeps)",
    "s4.row_reset": "r: reset gate",
    "s4.row_gru_candidate": "n: candidate",
    "s4.row_hidden": "h: hidden state",
    "s4.hm_lstm_caption": (
        "Notice that after the key event the framed row (unit {u}) keeps one colour in the cell state up to the "
        "final scene while the moods of the ordinary episodes keep changing."
    ),
    "s4.hm_gru_caption": (
        "Notice that the framed row (unit {u}) takes a strong colour in the hidden state after the key event and "
        "keeps it until the final scene."
    ),
    "s4.mu_heading": "The memory unit",
    "s4.mu_how": (
        "The memory unit is picked automatically: on {n} series drawn from the training data generator, for every "
        "unit we compare its state after the key event in sad and in happy series (d′ = difference of the means "
        "divided by the standard deviation). In the LSTM the winner is cell-state unit **{u}** (d′ = {d}); in the "
        "GRU, hidden-state unit **{ug}** (d′ = {dg})."
    ),
    "s4.mu_lstm_title": "LSTM, unit {u}: gates and cell state along your series",
    "s4.mu_gru_title": "GRU, unit {u}: gates and hidden state along your series",
    "s4.mu_x": "episode of your series",
    "s4.mu_gate_y": "gate (0 to 1)",
    "s4.mu_state_y": "state",
    "s4.mu_forget": "f: forget",
    "s4.mu_input": "i: input",
    "s4.mu_output": "o: output",
    "s4.mu_cell": "c: cell state",
    "s4.mu_hidden": "h: unit's output",
    "s4.mu_update": "z: update (1 keeps)",
    "s4.mu_reset": "r: reset",
    "s4.mu_gru_hidden": "h: hidden state",
    "s4.mu_lstm_caption": (
        "Notice the cell state (bottom): after the key event it settles at a value and stays there; compare it with "
        "the forget gate (top), which does not stay near 1."
    ),
    "s4.mu_gru_caption": (
        "Notice that the hidden state of unit {u} settles within a few episodes of the key event and stays there, "
        "whatever the mood of the following episodes."
    ),
    "s4.facts_intro": "**What unit {u} did on your series** (numbers measured on the model, not drawn):",
    "s4.fact_forget_none": (
        "Forget gate: there is no ordinary episode between the key event and the final scene; increase the "
        "distance to watch the memory being kept."
    ),
    "s4.fact_forget_high": (
        "Forget gate: mean **{f}** over the {n} ordinary episodes after the key event. The belt holds the memory, "
        "as in the textbook: through it alone, {keep} of the key event's value reaches the final scene."
    ),
    "s4.fact_forget_low": (
        "Forget gate: mean **{f}** over the {n} ordinary episodes after the key event, far from 1. Through the belt "
        "alone, {keep} of the key event's value would be left at the final scene. This model did **not** learn "
        "the textbook recipe (forget ≈ 1)."
    ),
    "s4.fact_rewrite_low": (
        "Yet the cell state goes from {c_key} at the key event to **{c_final}** at the final scene: at every "
        "episode, {share} of it is rewritten by the input ($i \\odot g$). The candidate $g$ is computed from "
        "$h_{{t-1}}$, which already carries the memory; so the unit feeds itself and the memory lives in the loop "
        "$h \\to g \\to c \\to h$, not on the belt alone. Training found this solution on its own."
    ),
    "s4.fact_rewrite_high": (
        "The cell state goes from {c_key} at the key event to **{c_final}** at the final scene; at every episode "
        "only {share} of it is rewritten by the input ($i \\odot g$)."
    ),
    "s4.fact_input_opens": (
        "Input gate: **{ik}** at the key event against {ie} on average at the other episodes: it opens at the key "
        "event."
    ),
    "s4.fact_input_flat": (
        "Input gate: **{ik}** at the key event, {inext} at the next episode and {ie} on average at the others: it "
        "does not open at the key event alone."
    ),
    "s4.fact_settle_after": (
        "This unit's {state} takes its final sign at episode {settled} (key event: episode {at}) and keeps it to "
        "the end: the event's mood reaches it through $h$."
    ),
    "s4.fact_settle_before": (
        "This unit's {state} already had its final sign before the key event: with a {mood} key event it only has "
        "to stay where it is, and it does, whatever the moods that follow (switch the key event's mood to watch "
        "it flip)."
    ),
    "s4.fact_output_opens": (
        "Output gate: **{of}** at the final scene against {ob} on average before it: it opens wider at the final "
        "scene."
    ),
    "s4.fact_output_flat": (
        "Output gate: **{of}** at the final scene and {ob} on average before it: it does not open specially at the "
        "final scene. It stays partly open all the time, so the memory shows in $h$ at every episode, and the "
        "readout simply reads $h$ at the final scene."
    ),
    "s4.fact_batch": (
        "On {n} random series, unit {u}'s forget gate averages {f} after the key event, and none of the {h} units "
        "goes above {fmax}: this is not a quirk of your series."
    ),
    "s4.fact_gru_keep": (
        "Update gate ($z \\to 1$ keeps the old state): mean **{z}** over the {n} ordinary episodes after the key "
        "event. Through the kept part alone, {keep} of the key event's value would be left at the final scene."
    ),
    "s4.fact_gru_keep_none": (
        "Update gate: there is no ordinary episode between the key event and the final scene; increase the distance."
    ),
    "s4.fact_gru_rewrite": (
        "The hidden state goes from {h_key} at the key event to **{h_final}** at the final scene. What is not kept "
        "comes from the candidate $n$, computed from $h_{{t-1}}$: the GRU, too, keeps the memory by feeding itself."
    ),
    "s4.fact_gru_hold": (
        "The hidden state goes from {h_key} at the key event to **{h_final}** at the final scene: the update gate "
        "keeps the state almost intact."
    ),
    # ------------------------------------------------------------------ 3 forget-gate bias
    "s4.st_heading": "Step by step: both cells on your series",
    "s4.st_explain": (
        "Press **▶** (or drag the slider below it) and watch the cells work episode by episode, with the real "
        "numbers of the trained models. In every block, the gate's value in the memory unit (the fill: empty = 0, "
        "full colour = 1; for the candidate, the size of the value) and, under it, the mean over all units (⌀). On "
        "the belt (LSTM) and the rail (GRU), the unit's state entering and leaving the step: the thicker, the "
        "larger. In the corner, the model's belief so far: P(happy). Below, the same unit over every episode, with "
        "the cursor on the current one. The animation runs in your browser."
    ),
    "s4.st_title": "Step by step: the memory unit's gates at every episode",
    "s4.st_keyboard": "Open at episode (arrow keys: one episode at a time)",
    "s4.st_keyboard_help": (
        "▶ and the slider under the chart run in your browser; this control, which also answers the keyboard, "
        "opens the step-through at the chosen episode."
    ),
    "s4.st_episode": "episode {t} of {n} ({code})",
    "s4.st_mean": "⌀ {v}",
    "s4.st_belief": "P(happy) so far: {p}",
    "s4.st_play": "▶ play",
    "s4.st_pause": "❚❚ pause",
    "s4.st_step": "episode ",
    "s4.st_hm_title": "{model}, unit {u}, episode by episode",
    "s4.st_gate_rows": "{g}",
    "s4.st_state_row": "{s} (state)",
    "s4.st_belief_row": "P(happy)",
    "s4.st_hover": "%{customdata}: %{z:.2f}<extra></extra>",
    "s4.st_caption": (
        "Notice three moments: the key event (what changes in the gates and the state), the ordinary episodes "
        "after it (does the state hold?) and the final scene (the model's belief)."
    ),
    "s4.tw_heading": "Two ways a network can remember",
    "s4.tw_title": "Two LSTMs, one task: their memory unit, measured, and their accuracy",
    "s4.tw_y": "measured value (0 to 1)",
    "s4.tw_default": "today's LSTM (unit {u})",
    "s4.tw_belt": "LSTM whose gates never see h (unit {u})",
    "s4.tw_m_forget_after": "f after the key event",
    "s4.tw_m_input_after": "i after the key event",
    "s4.tw_m_rewrite_share": "share of c rewritten per episode",
    "s4.tw_m_accuracy": "accuracy",
    "s4.tw_m_belt_only": "accuracy with the belt only",
    "s4.tw_m_forget0_all": "accuracy with the belt cut (f = 0)",
    "s4.tw_caption": (
        "**Two ways a network can remember** (measured by the app on {n} random series). In blue, the LSTM trained "
        "as usual: after the key event its memory unit's forget gate averages {f_default} and {share_default} of "
        "its cell state is rewritten at every episode; the gates read the mood back from h and write it again: "
        "the memory lives in the loop h → g → c. Give it only the belt (every gate hears an average h instead of "
        "the real one) and it falls from {acc_default} to {belt_only_default}, chance. In green, the same LSTM (same "
        "data, seed and training) built so that no gate sees h: its recurrent weights $U$ are fixed at 0 "
        "(measured norm: {norm_belt}), so the cell state is the only way to carry anything forward. Trained, its "
        "memory unit keeps the belt open (forget gate {f_belt}, {share_belt} rewritten per episode); force the "
        "forget gate to 0 on every unit after the key event and it falls from {acc_belt} to {forget0_belt}, "
        "chance. The green model is a teaching device: a standard LSTM is free to use the loop, and ours did, "
        "also with the forget gate's bias started at 1, 2 or 3, with longer distances and with longer training."
    ),
    "s4.bias_heading": "One number that decides everything: the forget-gate bias",
    "s4.bias_explain": (
        "The latch task: at step 0 a bit arrives (+1 or −1); then come {steps} steps of noise; at the end the "
        "network must say what the bit was. A {hidden}-unit LSTM is trained from scratch (at most {train} steps, "
        "batches of {batch}, Adam, gradient clipping at 1, seed 0) with the total forget-gate bias $b_f$ you choose. With "
        "$b_f = 0$ the gate starts at $\\sigma(0) = 0.5$: the bit's trace on the belt decays like "
        "$0.5^{{{length}}} \\approx {decay}$, and so does its gradient. Gers et al. (2000) and Jozefowicz et al. "
        "(2015) recommend $b_f = 1$."
    ),
    "s4.bias_label": "Forget-gate bias, b_f",
    "s4.bias_help": "0 to 3. Every new value trains an LSTM in about a second; values seen before come back instantly.",
    "s4.bias_training": "Training the LSTM with b_f = {b}: step {step} of at most {steps}…",
    "s4.bias_queued": (
        "Queued: {ahead} training run(s) of other students ahead. The server trains a few models at a time so that "
        "everyone's pages stay fast; yours starts by itself."
    ),
    "s4.bias_failed": "The training failed: {error}",
    "s4.bias_seconds_help": (
        "Wall-clock time of the training on the server. Whoever asks for the same b_f later gets the same run, "
        "already done."
    ),
    "s4.bias_acc": "Final accuracy",
    "s4.bias_acc_help": "Mean of the last 20 batches; every batch is freshly drawn, before the model trains on it.",
    "s4.bias_solved": "Solved at step",
    "s4.bias_solved_help": "First step at which the mean of the last 20 batches reaches 99%.",
    "s4.bias_never": "never",
    "s4.bias_seconds": "Training time",
    "s4.bias_verdict_chance": (
        "With $b_f = {b}$ the LSTM stays at chance ({acc}): the gradient that travels back {length} steps is too "
        "small for it to learn to keep the bit."
    ),
    "s4.bias_verdict_partial": "With $b_f = {b}$ the LSTM learns only partly ({acc} at the end); it does not reach 99% yet.",
    "s4.bias_verdict_solved": (
        "With $b_f = {b}$ the LSTM solves the task: {acc} over the last batches, 99% reached at step {step}."
    ),
    "s4.latch_title": "Latch task, T = {length}: accuracy during training with b_f = {b}",
    "s4.latch_x": "training step",
    "s4.latch_y": "batch accuracy",
    "s4.latch_batch": "each batch",
    "s4.latch_trailing": "mean of the last 20",
    "s4.latch_chance": "chance (50%)",
    "s4.latch_solved": "99% at step {step}",
    "s4.latch_caption": (
        "Notice whether and when the thick curve leaves the chance line; with b_f = 0 it does not in {steps} steps "
        "(training stops as soon as the task is solved)."
    ),
    "s4.tried_title": "Final accuracy by b_f tried",
    "s4.tried_x": "forget-gate bias, b_f",
    "s4.tried_y": "final accuracy",
    "s4.tried_current": "current value",
    "s4.tried_hover": "b_f = %{x}<br>accuracy %{y:.1%}",
    "s4.tried_caption": (
        "Notice the jump: with seed 0 the accuracy leaves chance between b_f = 0.5 and b_f = 0.75. Move the "
        "slider to fill in the curve."
    ),
    "s4.tried_jump": (
        "Among the values you tried, the largest jump lies between b_f = {lo} ({acc_lo}) and b_f = {hi} ({acc_hi})."
    ),
    "s4.cgrad_explain": (
        "The same effect, measured directly: a {hidden}-unit LSTM with PyTorch's default init and the bias $b_f$, "
        "{length} steps of random inputs, and the norm of $\\partial L / \\partial c_t$ (a real backward pass in "
        "float64) by distance to the loss."
    ),
    "s4.cgrad_title": "‖∂L/∂c<sub>t</sub>‖ by distance, for several b_f",
    "s4.cgrad_x": "distance to the loss (steps)",
    "s4.cgrad_y": "‖∂L/∂c<sub>t</sub>‖ (log scale)",
    "s4.cgrad_name": "b_f = {b}",
    "s4.cgrad_caption": "Notice the slope: every unit of b_f flattens the decay and wins several orders of magnitude at distance {d}.",
    "s4.cgrad_fact": (
        "Measured at distance {d}: ‖∂L/∂c‖ = **{v}** with $b_f = {b}$ (references: {refs}). Along the belt, every "
        "step multiplies the gradient by the forget gate $f_t$, which starts near $\\sigma(b_f)$: {s0} for "
        "$b_f = 0$, {s2} for 2, {s3} for 3. That makes the decay roughly geometric (a straight line on this log "
        "scale); the other paths, through $h$, add to it."
    ),
    # ------------------------------------------------------------------ 4 cost
    "s4.cost_heading": "GRU versus LSTM: what it costs, measured",
    "s4.cost_explain": (
        "The text says the GRU is simpler and computationally cheaper. First we count the parameters, then we "
        "time the real thing."
    ),
    "s4.cost_params_md": (
        "Every block (gate or candidate) has an input matrix $h \\times x$, a recurrent one $h \\times h$ and "
        "PyTorch's two bias vectors ($b_{{ih}}$ and $b_{{hh}}$). The LSTM has $G = 4$ blocks ($i, f, g, o$), the "
        "GRU $G = 3$ ($r, z, n$). With $h = {h}$ and $x = {x}$ (the series): **{lstm}** parameters in the LSTM "
        "and **{gru}** in the GRU, {less} fewer. The `numel` count of the real modules agrees with the formula."
    ),
    "s4.col_cell": "cell",
    "s4.col_blocks": "blocks G",
    "s4.col_formula": "formula",
    "s4.col_numel": "numel",
    "s4.col_acc_near": "accuracy d 1–30 (min)",
    "s4.col_acc_far": "accuracy d 31–90 (mean)",
    "s4.col_train": "training (s)",
    "s4.cost_table_caption": (
        "Accuracy of the pretrained models on the realistic series, on fresh data (from the weights manifest); "
        "time of the {steps}-step training run recorded in the manifest."
    ),
    "s4.cost_title": "Batch {batch}: time per step, forward pass only ({length} steps)",
    "s4.cost_x": "how the same maths runs",
    "s4.cost_y": "µs per step (log scale)",
    "s4.mode_fused": "nn.LSTM/GRU",
    "s4.mode_fused_plain": "no oneDNN",
    "s4.mode_transparent": "transparent",
    "s4.cost_caption_small": (
        "Notice the first pair of bars (PyTorch's modules) against the middle pair (the same modules without "
        "oneDNN): the gap between LSTM and GRU comes from the kernel."
    ),
    "s4.cost_caption_large": (
        "Notice the middle pair: with large batches the arithmetic (the GRU does 3/4 of the LSTM's) starts to "
        "outweigh the fixed cost of each operation."
    ),
    "s4.cost_why_onednn": (
        "**What we measured** (batch {batch}). `nn.GRU` took {gru} µs per step and `nn.LSTM` {lstm} µs: the GRU "
        "was {ratio}× slower, although it has 25% fewer parameters. **Why?** The kernel, not the maths. On the CPU, PyTorch "
        "hands `nn.LSTM` to oneDNN, which runs the whole sequence in one call (`aten::mkldnn_rnn_layer`: {lstm_ops} "
        "ATen operators in total for {length} steps). `nn.GRU` runs ATen's generic loop, step by step: {gru_ops} "
        "operators, about {gru_per} per step (matrix product, slices, sigmoids, tanh, products and sums), each "
        "paying its fixed dispatch cost. With oneDNN switched off both run the generic loop: LSTM {lstm_plain} µs "
        "and GRU {gru_plain} µs per step."
    ),
    "s4.cost_why_plain": (
        "**What we measured** (batch {batch}). `nn.GRU` took {gru} µs per step and `nn.LSTM` {lstm} µs (without oneDNN: "
        "{gru_plain} and {lstm_plain} µs). The GRU has 25% fewer parameters; when it does not win clearly, the "
        "reason is the number of small operations per step ({gru_per} in the GRU), not the multiplications."
    ),
    "s4.cost_batch_gru": (
        "**With batches of {batch}** (the size of a training batch, but the forward pass only: without the "
        "gradient that training also computes) the matrices are large and the fixed cost per operation "
        "weighs less: without oneDNN the GRU already beats the LSTM ({gru_plain} against {lstm_plain} µs per step), "
        "because it does 3/4 of the arithmetic; with oneDNN the LSTM still wins ({lstm} against {gru} µs)."
    ),
    "s4.cost_batch_lstm": (
        "**With batches of {batch}** (the size of a training batch, but the forward pass only: without the "
        "gradient): without oneDNN, LSTM {lstm_plain} and GRU {gru_plain} µs per "
        "step; with oneDNN, LSTM {lstm} and GRU {gru} µs."
    ),
    "s4.cost_why_math": (
        "**And the maths?** Per step, both do a single recurrent product $U h_{{t-1}}$ (PyTorch applies $r$ "
        "after the product precisely so that no second one is needed). The difference is that in the LSTM the "
        "input part and the recurrent part of every block add up into one vector before the nonlinearities; in "
        "the GRU the candidate needs them apart, because $r$ multiplies only $U_n h_{{t-1}} + b_{{hn}}$ before "
        "the tanh, and the blend $(1 - z) \\odot n + z \\odot h$ adds elementwise operations. In the transparent "
        "cells (a Python loop written the same way for both), the GRU took {gru_t} µs and the LSTM {lstm_t} µs per "
        "step (batch 1). Honest "
        "conclusion: the GRU has fewer weights; whether it is faster depends on the kernel the library uses."
    ),
    "s4.cost_note": (
        "Measured once per server, forward pass only (no gradient): median of {repeats} repeats after one warm-up run. Other users on the same "
        "server move the numbers."
    ),
    "s4.cost_again": "Measure again",
    "s4.cost_acc_md": (
        "**And the quality?** On the realistic series both get practically everything right: minimum {lstm_near} "
        "(LSTM) and {gru_near} (GRU) over the training distances 1–30, and {lstm_far} and {gru_far} over distances "
        "31–90, never seen in training."
    ),
    "s4.cost_acc_missing": "The pretrained models' accuracy is not available (weights manifest missing).",
    "s4.references": (
        "References: Hochreiter & Schmidhuber (1997), *Long Short-Term Memory*; Gers, Schmidhuber & Cummins (2000), "
        "*Learning to Forget*; Cho et al. (2014), *Learning Phrase Representations using RNN Encoder–Decoder*; "
        "Chung et al. (2014), *Empirical Evaluation of Gated Recurrent Neural Networks*; Jozefowicz, Zaremba & "
        "Sutskever (2015), *An Empirical Exploration of Recurrent Network Architectures*; Olah (2015), "
        "*Understanding LSTM Networks*."
    ),
}
