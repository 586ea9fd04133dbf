"""Strings of station 6 — Conclusion: the three lessons, their evidence, the quiz, the references."""

TEXTS: dict[str, dict[str, str]] = {
    "common.nav_conclusion": {
        "pt": "6 · Conclusão",
        "en": "6 · Conclusion",
    },
    "home.card_conclusion": {
        "pt": "As três lições da jornada, com as suas próprias evidências, e um quiz.",
        "en": "The journey's three lessons, with your own evidence, and a quiz.",
    },
    # ------------------------------------------------------------------ header
    "conclusion.title": {
        "pt": "Conclusão: três lições sobre memória",
        "en": "Conclusion: three lessons about memory",
    },
    "conclusion.subtitle": {
        "pt": "Cinco estações, três lições — cada uma ao lado de uma evidência medida em um modelo de verdade: "
            "o seu próprio resultado, se você passou pela estação nesta sessão, ou uma medição feita pelo app.",
        "en": "Five stations, three lessons — each next to evidence measured on a real model: your own result if "
            "you visited the station in this session, or a measurement made by the app.",
    },
    "conclusion.takeaway": {
        "pt": "Sequências precisam de memória; um laço simples esquece (ou explode) em distâncias longas; portas "
            "que decidem o que guardar e o que esquecer — LSTM e GRU — atenuam o problema, sem eliminá-lo.",
        "en": "Sequences need memory; a plain loop forgets (or explodes) over long distances; gates that decide "
            "what to keep and what to forget — LSTM and GRU — mitigate the problem without removing it.",
    },
    "conclusion.intro": {
        "pt": "As RNNs foram um salto para a inteligência artificial lidar com um mundo que acontece em ordem: "
            "frases, músicas, sinais, séries de TV. Da RNN simples às arquiteturas com portas, a jornada deixa "
            "três lições. Ao lado de cada uma está a prova.",
        "en": "RNNs were a leap for artificial intelligence in a world that happens in order: sentences, songs, "
            "signals, TV series. From the simple RNN to gated architectures, the journey leaves three lessons. "
            "Next to each one is the proof.",
    },
    # ------------------------------------------------------------------ evidence sources
    "conclusion.source_own": {
        "pt": "Seu resultado · estação {station}",
        "en": "Your result · station {station}",
    },
    "conclusion.source_live": {
        "pt": "Medido agora pelo app",
        "en": "Measured live by the app",
    },
    "conclusion.source_pretrained": {
        "pt": "Modelos pré-treinados do app",
        "en": "The app's pretrained models",
    },
    "conclusion.model_ff": {
        "pt": "Feedforward (sem laço)",
        "en": "Feedforward (no loop)",
    },
    "conclusion.model_rnn": {
        "pt": "RNN (tanh)",
        "en": "RNN (tanh)",
    },
    "conclusion.model_stable_rnn": {
        "pt": "RNN estável",
        "en": "Stable RNN",
    },
    "conclusion.model_lstm": {
        "pt": "LSTM",
        "en": "LSTM",
    },
    "conclusion.model_gru": {
        "pt": "GRU",
        "en": "GRU",
    },
    "conclusion.chance": {
        "pt": "Acaso (50 %)",
        "en": "Chance (50 %)",
    },
    "conclusion.acc_axis": {
        "pt": "Acurácia (%)",
        "en": "Accuracy (%)",
    },
    "conclusion.model_axis": {
        "pt": "Modelo",
        "en": "Model",
    },
    "conclusion.distance_axis": {
        "pt": "Distância evento-chave → cena final (episódios)",
        "en": "Distance key event → final scene (episodes)",
    },
    # ------------------------------------------------------------------ lesson 1
    "conclusion.lesson1_title": {
        "pt": "1 · Dados sequenciais precisam de memória",
        "en": "1 · Sequential data needs memory",
    },
    "conclusion.lesson1_claim": {
        "pt": "**O contexto depende da ordem dos eventos.** “A antes de B” não é “B antes de A”, e um choro no "
            "último episódio só faz sentido para quem lembra da 1ª temporada.",
        "en": "**Context depends on the order of events.** “A before B” is not “B before A”, and tears in the "
            "last episode only make sense to someone who remembers season 1.",
    },
    "conclusion.lesson1_more": {
        "pt": "Uma rede feedforward que recebe a sequência como um “saco” de entradas recebe **a mesma "
            "entrada** para as duas ordens, então só pode dar a mesma resposta: na tarefa “A veio antes de "
            "B?” ela fica no acaso (50 %). Se ela recebe um bloco fixo, só enxerga esse bloco — como quem "
            "assiste só à 5ª temporada — e nada do que veio antes. A RNN lê um passo de cada vez e carrega "
            "um estado oculto (hidden state), hₜ = tanh(W xₜ + U hₜ₋₁ + b), com os **mesmos pesos** em todo "
            "passo. É esse laço que leva o contexto até o fim, como quem acompanhou a série desde o começo.",
        "en": "A feedforward network that takes the sequence as a “bag” of inputs gets **the same input** for both "
            "orders, so it can only give the same answer: on the task “did A come before B?” it stays at chance "
            "(50 %). Given a fixed block, it sees only that block — like watching season 5 alone — and nothing "
            "that came before. An RNN reads one step at a time and carries a hidden state, "
            "hₜ = tanh(W xₜ + U hₜ₋₁ + b), with the **same weights** at every step. That loop carries the context "
            "to the end, like a viewer who followed the series from the start.",
    },
    "conclusion.lesson1_link": {
        "pt": "Rever na estação 1",
        "en": "Revisit station 1",
    },
    "conclusion.lesson1_link2": {
        "pt": "Rever na estação 2",
        "en": "Revisit station 2",
    },
    "conclusion.l1_own_title": {
        "pt": "Tarefa de ordem: acurácia de cada modelo",
        "en": "Order task: accuracy of each model",
    },
    "conclusion.l1_own_caption": {
        "pt": "Sua medição na estação 1: a feedforward vê um saco de entradas, sem a ordem, e fica perto da "
            "linha do acaso.",
        "en": "Your measurement on station 1: the feedforward network sees a bag of inputs, not their order, "
            "and stays near the chance line.",
    },
    "conclusion.l1_series_title": {
        "pt": "Série simples: acurácia por distância",
        "en": "Simple series: accuracy by distance",
    },
    "conclusion.l1_series_caption": {
        "pt": "Sua medição na estação 2: a feedforward só acerta quando o evento-chave cabe na janela dela; "
            "as redes com memória acertam em qualquer distância.",
        "en": "Your measurement on station 2: the feedforward network is right only while the key event fits in "
            "its window; the networks with memory are right at any distance.",
    },
    "conclusion.l1_series_bars_title": {
        "pt": "Série simples: acurácia de cada modelo",
        "en": "Simple series: accuracy of each model",
    },
    "conclusion.l1_series_manifest_caption": {
        "pt": "Modelos pré-treinados do app na série simples: a feedforward que vê só os últimos 4 episódios "
            "acerta enquanto o evento-chave está dentro da janela (distância 1 a 3) e depois fica no acaso; "
            "as redes com memória acertam em qualquer distância.",
        "en": "The app's pretrained models on the simple series: the feedforward network that sees only the last "
            "4 episodes is right while the key event is inside its window (distance 1 to 3) and guesses after "
            "that; the networks with memory are right at any distance.",
    },
    "conclusion.l1_manifest_title": {
        "pt": "“A veio antes de B?” — acurácia de teste",
        "en": "“Did A come before B?” — test accuracy",
    },
    "conclusion.l1_manifest_caption": {
        "pt": "Modelos pré-treinados do app na tarefa de ordem: a feedforward vê um saco de entradas e fica no "
            "acaso; a RNN lê em ordem e acerta.",
        "en": "The app's pretrained models on the order task: the feedforward network sees a bag of inputs and "
            "stays at chance; the RNN reads in order and gets it right.",
    },
    "conclusion.l1_missing": {
        "pt": "Ainda não há resultado para mostrar aqui: abra a estação 1, embaralhe a sequência e veja a "
            "feedforward repetir a mesma resposta enquanto a RNN muda de ideia.",
        "en": "No result to show here yet: open station 1, shuffle the sequence and watch the feedforward network "
            "repeat the same answer while the RNN changes its mind.",
    },
    # ------------------------------------------------------------------ lesson 2
    "conclusion.lesson2_title": {
        "pt": "2 · Só um laço não basta para dependências longas",
        "en": "2 · A loop alone is not enough for long dependencies",
    },
    "conclusion.lesson2_claim": {
        "pt": "**Uma RNN simples esquece — ou explode — em distâncias longas.** Ter memória não garante "
            "conseguir aprender com o que aconteceu muitos passos atrás.",
        "en": "**A simple RNN forgets — or explodes — over long distances.** Having memory does not mean being "
            "able to learn from what happened many steps ago.",
    },
    "conclusion.lesson2_more": {
        "pt": "Treinar uma RNN é retropropagar no tempo (backpropagation through time): o gradiente volta passo a "
            "passo e, a cada passo, é multiplicado por diag(φ′)·U, em que U é a matriz recorrente (hₜ = tanh(W xₜ "
            "+ U hₜ₋₁ + b)). Se o maior valor singular de U fica abaixo de 1/γ (γ = 1 para tanh, ¼ para a "
            "sigmoide), ele encolhe como uma potência: é o desvanecimento do gradiente (vanishing gradient), o "
            "sussurro do telefone sem fio. Acima disso ele **pode** crescer sem controle: é a explosão do "
            "gradiente (exploding gradient), o megafone (Bengio, Simard e Frasconi, 1994; Pascanu, Mikolov e "
            "Bengio, 2013). O gráfico é uma retropropagação de verdade, em float64, por redes de 32 unidades e "
            "100 passos.",
        "en": "Training an RNN means backpropagating through time: the gradient travels back step by step and, at "
            "each step, is multiplied by diag(φ′)·U, where U is the recurrent matrix (hₜ = tanh(W xₜ + U hₜ₋₁ + "
            "b)). If the largest singular value of U stays below 1/γ (γ = 1 for tanh, ¼ for the sigmoid), it "
            "shrinks like a power: that is the vanishing gradient, the whisper of the telephone game. Above it, "
            "the gradient **can** grow out of control: the exploding gradient, the megaphone (Bengio, Simard & "
            "Frasconi, 1994; Pascanu, Mikolov & Bengio, 2013). The chart is a real backward pass, in float64, "
            "through 32-unit networks over 100 steps.",
    },
    "conclusion.lesson2_link": {
        "pt": "Rever na estação 3",
        "en": "Revisit station 3",
    },
    "conclusion.l2_title": {
        "pt": "Telefone sem fio: quanto do gradiente chega k passos atrás",
        "en": "Telephone game: how much gradient arrives k steps back",
    },
    "conclusion.l2_x": {
        "pt": "Distância até a perda k (passos de tempo)",
        "en": "Distance to the loss k (time steps)",
    },
    "conclusion.l2_y": {
        "pt": "‖∂L/∂hₜ‖ (escala log)",
        "en": "‖∂L/∂hₜ‖ (log scale)",
    },
    "conclusion.l2_rnn_tanh": {
        "pt": "RNN tanh · ganho 0,9",
        "en": "tanh RNN · gain 0.9",
    },
    "conclusion.l2_rnn_linear": {
        "pt": "RNN linear · ganho 1,1",
        "en": "linear RNN · gain 1.1",
    },
    "conclusion.l2_lstm": {
        "pt": "LSTM · viés de esquecimento 2",
        "en": "LSTM · forget bias 2",
    },
    "conclusion.l2_theory": {
        "pt": "teoria ρᵏ",
        "en": "theory ρᵏ",
    },
    "conclusion.l2_you": {
        "pt": "você (estação 3)",
        "en": "you (station 3)",
    },
    "conclusion.l2_caption": {
        "pt": "Depois de {k} passos para trás, a RNN tanh com ganho 0,9 entrega {tanh} do sinal — um sussurro, "
            "ainda mais fraco que a teoria 0,9ᵏ porque tanh′ ≤ 1; a RNN linear com ganho 1,1 o multiplica por "
            "{linear} (= 1,1ᵏ) — um megafone; a LSTM com viés 2 na porta de esquecimento (forget gate) ainda entrega {lstm}.",
        "en": "After {k} steps back, the tanh RNN with gain 0.9 delivers {tanh} of the signal — a whisper, even "
            "fainter than the theory 0.9ᵏ because tanh′ ≤ 1; the linear RNN with gain 1.1 multiplies it by "
            "{linear} (= 1.1ᵏ) — a megaphone; the LSTM with forget-gate bias 2 still delivers {lstm}.",
    },
    "conclusion.l2_own": {
        "pt": "A curva preta é a sua última medição na estação 3.",
        "en": "The black curve is your last measurement on station 3.",
    },
    "conclusion.l2_own_regime": {
        "pt": "Seu último regime na estação 3: **{regime}**.",
        "en": "Your last regime on station 3: **{regime}**.",
    },
    "conclusion.regime_vanishing": {
        "pt": "desvanecimento (sussurro)",
        "en": "vanishing (whisper)",
    },
    "conclusion.regime_stable": {
        "pt": "estável",
        "en": "stable",
    },
    "conclusion.regime_exploding": {
        "pt": "explosão (megafone)",
        "en": "exploding (megaphone)",
    },
    "conclusion.l2_unavailable": {
        "pt": "O medidor de gradientes não está disponível agora; a estação 3 mostra essa medição.",
        "en": "The gradient probe is not available right now; station 3 shows this measurement.",
    },
    # ------------------------------------------------------------------ lesson 3
    "conclusion.lesson3_title": {
        "pt": "3 · Portas que controlam a memória atenuam o problema",
        "en": "3 · Gates that control memory mitigate it",
    },
    "conclusion.lesson3_claim": {
        "pt": "**LSTM e GRU decidem o que esquecer e o que guardar.** Com esse controle, a informação — e o "
            "gradiente — atravessa muito mais passos. O problema fica menor, mas não desaparece.",
        "en": "**LSTM and GRU decide what to forget and what to keep.** With that control, information — and the "
            "gradient — crosses many more steps. The problem gets smaller; it does not go away.",
    },
    "conclusion.lesson3_more": {
        "pt": "A LSTM de Hochreiter e Schmidhuber (1997) guarda a memória numa célula que só soma, cₜ = cₜ₋₁ + "
            "iₜ ⊙ gₜ: a porta de entrada (input gate) iₜ decide o que escrever e a porta de saída (output "
            "gate) o que mostrar, e o gradiente atravessa a célula intacto. A porta de esquecimento (forget "
            "gate) veio depois, com Gers, Schmidhuber e Cummins (2000): cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ, a forma "
            "que o PyTorch usa. Agora cada passo para trás pela célula multiplica o gradiente por fₜ: com fₜ "
            "≈ 1 ele passa quase intacto, e por isso Gers et al. (2000) e Jozefowicz et al. (2015) "
            "recomendam começar o viés da porta de esquecimento em 1. O PyTorch, que constrói todos os "
            "modelos daqui, não faz isso: sorteia cada viés entre −1/√h e 1/√h, e a porta começa perto de "
            "σ(0) = 0,5, a não ser que o app escolha $b_f$ (a experiência do viés na estação 4). A GRU (Cho "
            "et al., 2014) junta esquecer e escrever numa única porta de atualização (update gate): 3 blocos "
            "de pesos em vez de 4.\n\n**Atenuar não é resolver.** As portas só ajudam quando ficam abertas "
            "para guardar: com o viés da porta de esquecimento em 0, a LSTM deste app entrega {lstm0} do "
            "gradiente {k} passos para trás (medido agora, no gráfico do viés abaixo).",
        "en": "Hochreiter & Schmidhuber's LSTM (1997) keeps its memory in a cell that only adds, cₜ = cₜ₋₁ + "
            "iₜ ⊙ gₜ: the input gate iₜ decides what to write and the output gate what to show, and the "
            "gradient crosses the cell untouched. The forget gate came later, with Gers, Schmidhuber & "
            "Cummins (2000): cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ, the form PyTorch uses. Now each step back through the "
            "cell multiplies the gradient by fₜ: with fₜ ≈ 1 it passes nearly untouched, which is why Gers "
            "et al. (2000) and Jozefowicz et al. (2015) recommend starting the forget-gate bias at 1. "
            "PyTorch, which builds every model here, does not: it draws every bias between −1/√h and 1/√h, "
            "so the gate starts near σ(0) = 0.5 unless the app sets $b_f$ (the bias experiment on station "
            "4). The GRU (Cho et al., 2014) merges forgetting and writing into a single update gate: 3 "
            "weight blocks instead of 4.\n\n**Mitigating is not solving.** Gates help only while they stay "
            "open to keep: with a forget-gate bias of 0, this app's LSTM delivers {lstm0} of the gradient "
            "{k} steps back (measured now, in the bias chart below).",
    },
    "conclusion.lesson3_link": {
        "pt": "Rever na estação 4",
        "en": "Revisit station 4",
    },
    "conclusion.lesson3_link2": {
        "pt": "Rever na estação 5",
        "en": "Revisit station 5",
    },
    "conclusion.l3_race_title": {
        "pt": "Sua corrida: perda final de cada modelo",
        "en": "Your race: final loss of each model",
    },
    "conclusion.l3_race_y": {
        "pt": "Perda final (MSE ou entropia cruzada)",
        "en": "Final loss (MSE or cross-entropy)",
    },
    "conclusion.l3_race_y_mse": {
        "pt": "Perda final (MSE)",
        "en": "Final loss (MSE)",
    },
    "conclusion.l3_race_y_ce": {
        "pt": "Perda final (entropia cruzada, nats)",
        "en": "Final loss (cross-entropy, nats)",
    },
    "conclusion.l3_race_baseline": {
        "pt": "Linha de base sem memória",
        "en": "Memoryless baseline",
    },
    "conclusion.l3_race_caption": {
        "pt": "Sua corrida na estação 5{detail}: abaixo da linha tracejada o modelo aprendeu algo que exige "
            "memória; na altura dela ele só chuta a média.",
        "en": "Your race on station 5{detail}: below the dashed line a model has learned something that needs "
            "memory; at the line it only guesses the average.",
    },
    "conclusion.l3_race_detail": {
        "pt": " ({task}, T = {length})",
        "en": " ({task}, T = {length})",
    },
    "conclusion.task_adding": {
        "pt": "problema da soma",
        "en": "adding problem",
    },
    "conclusion.task_latch": {
        "pt": "trava (latch)",
        "en": "latch",
    },
    "conclusion.task_series": {
        "pt": "série",
        "en": "series",
    },
    "conclusion.task_copy": {
        "pt": "cópia",
        "en": "copy",
    },
    "conclusion.l3_series_title": {
        "pt": "Série realista: acurácia por distância",
        "en": "Realistic series: accuracy by distance",
    },
    "conclusion.l3_series_bars_title": {
        "pt": "Série realista: acurácia de cada modelo",
        "en": "Realistic series: accuracy of each model",
    },
    "conclusion.l3_series_caption": {
        "pt": "Sua medição na estação 2, com um clima em cada episódio: LSTM e GRU guardam o clima do "
            "evento-chave e ignoram os outros em todas as distâncias; a RNN estável, sem portas, também "
            "acerta quando o evento-chave está perto e vai até o acaso conforme a distância cresce.",
        "en": "Your measurement on station 2, with a mood in every episode: LSTM and GRU keep the key event's "
            "mood and ignore the others at every distance; the stable RNN, with no gates, is also right when "
            "the key event is near, and fades towards chance as the distance grows.",
    },
    "conclusion.l3_manifest_title": {
        "pt": "Série realista (um clima em cada episódio): acurácia por distância",
        "en": "Realistic series (a mood in every episode): accuracy by distance",
    },
    "conclusion.l3_manifest_caption": {
        "pt": "Modelos pré-treinados do app na série realista: LSTM e GRU guardam o clima do evento-chave e "
            "ignoram todos os outros, em qualquer distância; a RNN estável vai esquecendo até o acaso "
            "conforme a distância cresce.",
        "en": "The app's pretrained models on the realistic series: LSTM and GRU keep the key event's mood and "
            "ignore all the others, at any distance; the stable RNN fades towards chance as the distance grows.",
    },
    "conclusion.l3_sweep_title": {
        "pt": "O que sobra do gradiente após {k} passos, conforme o viés da porta",
        "en": "Gradient left after {k} steps, by gate bias",
    },
    "conclusion.l3_sweep_x": {
        "pt": "Viés inicial da porta de esquecimento / atualização (adimensional)",
        "en": "Initial forget / update gate bias (dimensionless)",
    },
    "conclusion.l3_sweep_y": {
        "pt": "‖∂L/∂hₜ‖ a {k} passos (escala log)",
        "en": "‖∂L/∂hₜ‖ at {k} steps (log scale)",
    },
    "conclusion.l3_sweep_lstm": {
        "pt": "LSTM (porta de esquecimento)",
        "en": "LSTM (forget gate)",
    },
    "conclusion.l3_sweep_gru": {
        "pt": "GRU (porta de atualização)",
        "en": "GRU (update gate)",
    },
    "conclusion.l3_sweep_rnn": {
        "pt": "RNN tanh (sem porta)",
        "en": "tanh RNN (no gate)",
    },
    "conclusion.l3_sweep_caption": {
        "pt": "Mesma inicialização do PyTorch, só muda o viés: a porta que tende a “guardar” leva o gradiente de "
            "{low} (viés 0) a {high} (viés 3) na LSTM; a RNN simples, sem porta para ajustar, fica em {rnn}.",
        "en": "Same PyTorch initialisation, only the bias changes: a gate leaning towards “keep” takes the LSTM's "
            "gradient from {low} (bias 0) to {high} (bias 3); the plain RNN, with no gate to tune, stays at {rnn}.",
    },
    # ------------------------------------------------------------------ quiz
    "conclusion.quiz_title": {
        "pt": "Quiz: teste a sua memória",
        "en": "Quiz: test your memory",
    },
    "conclusion.quiz_intro": {
        "pt": "Oito perguntas, uma por ideia da jornada. Responda, envie e leia a explicação de cada uma.",
        "en": "Eight questions, one per idea of the journey. Answer, submit, and read each explanation.",
    },
    "conclusion.quiz_question": {
        "pt": "**{n}.** {text}",
        "en": "**{n}.** {text}",
    },
    "conclusion.quiz_submit": {
        "pt": "Enviar esta resposta",
        "en": "Submit this answer",
    },
    "conclusion.quiz_reset": {
        "pt": "Tentar de novo",
        "en": "Try again",
    },
    "conclusion.quiz_empty": {
        "pt": "Você ainda não respondeu nenhuma pergunta: escolha pelo menos uma opção e envie.",
        "en": "You have not answered any question yet: pick at least one option and submit.",
    },
    "conclusion.quiz_right": {
        "pt": "Certo!",
        "en": "Right!",
    },
    "conclusion.quiz_wrong": {
        "pt": "Não foi dessa vez. A resposta certa é: {answer}.",
        "en": "Not this time. The right answer is: {answer}.",
    },
    "conclusion.quiz_skipped": {
        "pt": "Sem resposta. A resposta certa é: {answer}.",
        "en": "No answer. The right answer is: {answer}.",
    },
    "conclusion.quiz_why_label": {
        "pt": "Por quê?",
        "en": "Why?",
    },
    "conclusion.quiz_score": {
        "pt": "Sua pontuação: {correct} / {total}",
        "en": "Your score: {correct} / {total}",
    },
    "conclusion.quiz_unanswered_count": {
        "pt": "({n} sem resposta contam como erro.)",
        "en": "({n} unanswered count as wrong.)",
    },
    "conclusion.quiz_praise_perfect": {
        "pt": "Gabaritou! Você carregou o contexto da jornada inteira, sem desvanecer.",
        "en": "Full marks! You carried the context of the whole journey without fading.",
    },
    "conclusion.quiz_praise_high": {
        "pt": "Muito bem! Leia as explicações das que escaparam e tente de novo.",
        "en": "Well done! Read the explanations of the ones that slipped away and try again.",
    },
    "conclusion.quiz_praise_mid": {
        "pt": "Bom começo. As explicações abaixo de cada pergunta apontam a estação para rever.",
        "en": "A good start. The explanation under each question points to the station to revisit.",
    },
    "conclusion.quiz_praise_low": {
        "pt": "O gradiente sumiu no caminho… Reveja as estações e tente de novo: a memória melhora com prática.",
        "en": "The gradient vanished on the way… Revisit the stations and try again: memory improves with practice.",
    },
    # Q1 — §1 sequential data / feedforward
    "conclusion.q1": {
        "pt": "Uma rede feedforward recebe a sequência como um “saco” de entradas (quais itens apareceram, "
            "sem a posição). Por que ela não distingue “A antes de B” de “B antes de A”?",
        "en": "A feedforward network receives the sequence as a “bag” of inputs (which items appeared, without "
            "their positions). Why can it not tell “A before B” from “B before A”?",
    },
    "conclusion.q1_a": {
        "pt": "Porque ela tem poucos neurônios",
        "en": "Because it has too few neurons",
    },
    "conclusion.q1_b": {
        "pt": "Porque ela não foi treinada por tempo suficiente",
        "en": "Because it was not trained for long enough",
    },
    "conclusion.q1_c": {
        "pt": "Porque a entrada dela é idêntica para as duas ordens, então a resposta também é",
        "en": "Because its input is identical for both orders, so its answer is too",
    },
    "conclusion.q1_d": {
        "pt": "Porque ela só enxerga o último item",
        "en": "Because it only sees the last item",
    },
    "conclusion.q1_why": {
        "pt": "Qualquer função de uma entrada idêntica dá a mesma saída: nem mais neurônios nem mais treino "
            "ajudam, e a acurácia fica em 50 % na tarefa de ordem (estação 1). O bloco fixo tem um limite "
            "parecido: enxerga só a janela que recebe e nada antes dela (estação 2).",
        "en": "Any function of an identical input gives the same output: neither more neurons nor more training "
            "helps, and accuracy stays at 50 % on the order task (station 1). A fixed block has a related limit: "
            "it sees only the window it is given and nothing before it (station 2).",
    },
    # Q2 — §2 the loop
    "conclusion.q2": {
        "pt": "Numa RNN, o que leva a informação de um passo de tempo para o seguinte?",
        "en": "In an RNN, what carries information from one time step to the next?",
    },
    "conclusion.q2_a": {
        "pt": "Um conjunto novo de pesos para cada passo",
        "en": "A new set of weights for each step",
    },
    "conclusion.q2_b": {
        "pt": "O estado oculto hₜ, calculado a partir da entrada xₜ e do estado anterior hₜ₋₁",
        "en": "The hidden state hₜ, computed from the input xₜ and the previous state hₜ₋₁",
    },
    "conclusion.q2_c": {
        "pt": "Uma cópia de todas as entradas anteriores guardada na rede",
        "en": "A copy of all previous inputs stored in the network",
    },
    "conclusion.q2_d": {
        "pt": "Só a saída da última camada",
        "en": "Only the output of the last layer",
    },
    "conclusion.q2_why": {
        "pt": "hₜ = tanh(W xₜ + U hₜ₋₁ + b): o laço devolve o estado anterior à rede, e os **mesmos** W, U e b "
            "são reusados em todo passo. O estado oculto é um resumo de tamanho fixo do passado — não uma "
            "cópia de tudo, por isso a memória pode falhar.",
        "en": "hₜ = tanh(W xₜ + U hₜ₋₁ + b): the loop feeds the previous state back in, and the **same** W, U and "
            "b are reused at every step. The hidden state is a fixed-size summary of the past — not a copy of "
            "everything, which is why memory can fail.",
    },
    # Q3 — §2 the TV-series analogy
    "conclusion.q3": {
        "pt": "Na analogia da série de TV, um personagem chora na cena final. Quem consegue dizer se é choro de "
            "tristeza (um trauma da 1ª temporada) ou de alegria (um reencontro)?",
        "en": "In the TV-series analogy, a character cries in the final scene. Who can tell whether these are sad "
            "tears (a season-1 trauma) or happy tears (a reunion)?",
    },
    "conclusion.q3_a": {
        "pt": "Quem assistiu só à 5ª temporada, como uma feedforward que vê um bloco fixo",
        "en": "Someone who watched only season 5, like a feedforward network on a fixed block",
    },
    "conclusion.q3_b": {
        "pt": "Quem acompanhou desde o início e guardou o evento-chave, como uma RNN",
        "en": "Someone who followed from the start and kept the key event in mind, like an RNN",
    },
    "conclusion.q3_c": {
        "pt": "Qualquer um dos dois: a cena final basta",
        "en": "Either: the final scene is enough",
    },
    "conclusion.q3_why": {
        "pt": "A cena final é a mesma nos dois casos; o que muda é o passado. A feedforward com janela dos "
            "últimos k episódios só acerta se o evento-chave estiver a menos de k episódios; além disso fica "
            "no acaso (estação 2). A memória da RNN conecta o passado à cena presente.",
        "en": "The final scene is the same in both cases; what differs is the past. A feedforward network with a "
            "window of the last k episodes is right only if the key event is fewer than k episodes away; beyond "
            "that it guesses (station 2). The RNN's memory connects the past to the present scene.",
    },
    # Q4 — §3 vanishing: Pascanu's condition
    "conclusion.q4": {
        "pt": "Segundo Pascanu, Mikolov e Bengio (2013), que condição na matriz recorrente U **basta** para o "
            "gradiente de uma RNN tanh sumir em distâncias longas?",
        "en": "According to Pascanu, Mikolov & Bengio (2013), which condition on the recurrent matrix U is "
            "**enough** for a tanh RNN's gradient to vanish over long distances?",
    },
    "conclusion.q4_a": {
        "pt": "Maior valor singular de U menor que 1 (= 1/γ, com γ = 1 para tanh)",
        "en": "Largest singular value of U below 1 (= 1/γ, with γ = 1 for tanh)",
    },
    "conclusion.q4_b": {
        "pt": "Maior valor singular de U maior que 1",
        "en": "Largest singular value of U above 1",
    },
    "conclusion.q4_c": {
        "pt": "U exatamente ortogonal",
        "en": "U exactly orthogonal",
    },
    "conclusion.q4_d": {
        "pt": "Mais de 100 unidades no estado oculto",
        "en": "More than 100 hidden units",
    },
    "conclusion.q4_why": {
        "pt": "Cada passo para trás multiplica o gradiente por diag(tanh′)·U, de norma no máximo γ·σ_max(U). Abaixo "
            "de 1 o produto encolhe como uma potência — o sussurro do telefone sem fio: numa RNN linear com ganho "
            "0,9 sobra 0,9¹⁰⁰ ≈ 2,7 × 10⁻⁵ depois de 100 passos. Para a sigmoide (γ = ¼) o limiar 1/γ vale 4. "
            "Acima de 1/γ a explosão do gradiente fica *possível*, não garantida. Uma U ortogonal numa RNN linear "
            "preserva a norma (a ideia de Arjovsky et al., 2016).",
        "en": "Each step back multiplies the gradient by diag(tanh′)·U, whose norm is at most γ·σ_max(U). Below 1 "
            "the product shrinks like a power — the whisper of the telephone game: a linear RNN with gain 0.9 "
            "keeps 0.9¹⁰⁰ ≈ 2.7 × 10⁻⁵ after 100 steps. For the sigmoid (γ = ¼) the threshold 1/γ is 4. Above 1/γ "
            "an exploding gradient becomes *possible*, not certain. An orthogonal U in a linear RNN preserves the "
            "norm (the idea behind Arjovsky et al., 2016).",
    },
    # Q5 — §3 exploding and clipping
    "conclusion.q5": {
        "pt": "O recorte do gradiente (gradient clipping) reescala o gradiente quando sua norma passa de um "
            "limiar. Que problema ele mantém sob controle?",
        "en": "Gradient clipping rescales the gradient when its norm exceeds a threshold. Which problem does "
            "it keep in check?",
    },
    "conclusion.q5_a": {
        "pt": "O desvanecimento do gradiente (vanishing gradient)",
        "en": "The vanishing gradient",
    },
    "conclusion.q5_b": {
        "pt": "Os dois: desvanecimento e explosão",
        "en": "Both: vanishing and exploding",
    },
    "conclusion.q5_c": {
        "pt": "Nenhum dos dois; ele só acelera o treino",
        "en": "Neither; it only speeds training up",
    },
    "conclusion.q5_d": {
        "pt": "A explosão do gradiente (exploding gradient)",
        "en": "The exploding gradient",
    },
    "conclusion.q5_why": {
        "pt": "O recorte limita o tamanho do passo: o grito do megafone não joga mais os pesos para longe no "
            "“penhasco” da função de perda (Pascanu et al., 2013, Algoritmo 1). Mas ele não aumenta um gradiente "
            "que já sumiu — contra o desvanecimento é preciso outra arquitetura (LSTM, GRU) ou outra "
            "inicialização.",
        "en": "Clipping caps the size of a step: the megaphone's shout no longer throws the weights far off the "
            "loss surface's “cliff” (Pascanu et al., 2013, Algorithm 1). But it cannot enlarge a gradient that "
            "has already vanished — against vanishing you need another architecture (LSTM, GRU) or another "
            "initialisation.",
    },
    # Q6 — §4 LSTM forget gate
    "conclusion.q6": {
        "pt": "Por que se costuma iniciar o viés da porta de esquecimento (forget gate) da LSTM em 1 "
            "(Gers et al., 2000; Jozefowicz et al., 2015)?",
        "en": "Why is the LSTM forget-gate bias usually initialised to 1 (Gers et al., 2000; Jozefowicz et al., "
            "2015)?",
    },
    "conclusion.q6_a": {
        "pt": "Para a rede esquecer mais rápido no começo do treino",
        "en": "So that the network forgets faster early in training",
    },
    "conclusion.q6_b": {
        "pt": "Para a porta começar mais aberta (f = σ(1) ≈ 0,73 em vez de σ(0) = 0,5): a célula guarda o que "
            "recebe e o gradiente sobrevive por mais passos",
        "en": "So that the gate starts more open (f = σ(1) ≈ 0.73 instead of σ(0) = 0.5): the cell keeps what it receives and the gradient survives more steps",
    },
    "conclusion.q6_c": {
        "pt": "Para impedir a explosão do gradiente",
        "en": "To prevent exploding gradients",
    },
    "conclusion.q6_d": {
        "pt": "Não faz diferença: é só uma convenção",
        "en": "It makes no difference: it is only a convention",
    },
    "conclusion.q6_why": {
        "pt": "Em cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ, cada passo para trás pela célula multiplica o gradiente por fₜ. "
            "Com viés 0, f começa perto de 0,5 e o sinal cai mais ou menos pela metade a cada passo; com "
            "viés 1 a porta já começa “lembrando”. Na estação 4, na tarefa da trava (T = 30), a LSTM com "
            "viés 0 fica no acaso e com viés 1 aprende.",
        "en": "In cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ, each step back through the cell multiplies the gradient by fₜ. With bias "
            "0, f starts near 0.5 and the signal roughly halves at every step; with bias 1 the gate starts out "
            "“remembering”. On station 4's latch task (T = 30) the LSTM stays at chance with bias 0 and learns "
            "with bias 1.",
    },
    # Q7 — §4 GRU
    "conclusion.q7": {
        "pt": "Na GRU do PyTorch, hₜ = (1 − zₜ) ⊙ nₜ + zₜ ⊙ hₜ₋₁. O que acontece quando a porta de atualização "
            "(update gate) zₜ se aproxima de 1?",
        "en": "In PyTorch's GRU, hₜ = (1 − zₜ) ⊙ nₜ + zₜ ⊙ hₜ₋₁. What happens when the update gate zₜ approaches 1?",
    },
    "conclusion.q7_a": {
        "pt": "A GRU mantém o estado anterior: a memória passa adiante sem mudar",
        "en": "The GRU keeps the previous state: memory passes on unchanged",
    },
    "conclusion.q7_b": {
        "pt": "A GRU troca o estado pelo novo candidato nₜ",
        "en": "The GRU replaces the state with the new candidate nₜ",
    },
    "conclusion.q7_c": {
        "pt": "O estado vai a zero",
        "en": "The state goes to zero",
    },
    "conclusion.q7_why": {
        "pt": "No PyTorch, zₜ → 1 copia hₜ₋₁: uma única porta faz o papel das portas de esquecimento e de "
            "entrada da LSTM. Cho et al. (2014, eq. 7) usam a mesma convenção do PyTorch; Chung et al. "
            "(2014) escrevem a fórmula ao contrário (z → 1 pega o candidato), então confira a convenção de "
            "cada texto. A GRU tem 3 blocos de pesos em vez de 4 (25 % menos parâmetros), mas na CPU a GRU "
            "do PyTorch não é necessariamente mais rápida: o PyTorch entrega a LSTM ao kernel fundido do "
            "oneDNN e roda a GRU num laço de operações pequenas — a estação 4 mede (só a passagem para a "
            "frente, com um lote pequeno e um grande).",
        "en": "In PyTorch, zₜ → 1 copies hₜ₋₁: one gate plays the role of the LSTM's forget and input gates. "
            "Cho et al. (2014, eq. 7) use PyTorch's convention; Chung et al. (2014) write the formula the "
            "other way round (z → 1 takes the candidate), so check each text's convention. The GRU has 3 "
            "weight blocks instead of 4 (25 % fewer parameters), but PyTorch's GRU is not necessarily faster "
            "on a CPU: PyTorch hands the LSTM to oneDNN's fused kernel and runs the GRU as a loop of small "
            "operations — station 4 measures it (forward pass only, with a small and a large batch).",
    },
    # Q8 — §5 lessons
    "conclusion.q8": {
        "pt": "Qual destas frases é uma das três lições da jornada?",
        "en": "Which of these sentences is one of the journey's three lessons?",
    },
    "conclusion.q8_a": {
        "pt": "Um laço de realimentação basta para aprender dependências de qualquer distância",
        "en": "A feedback loop is enough to learn dependencies at any distance",
    },
    "conclusion.q8_b": {
        "pt": "A ordem dos dados não importa, desde que a rede seja grande",
        "en": "The order of the data does not matter, as long as the network is large",
    },
    "conclusion.q8_c": {
        "pt": "Arquiteturas que controlam a memória (LSTM, GRU) decidem o que esquecer e o que reter, e assim "
            "alcançam dependências bem mais longas",
        "en": "Architectures that control memory (LSTM, GRU) decide what to forget and what to keep, and so reach "
            "much longer dependencies",
    },
    "conclusion.q8_d": {
        "pt": "Redes feedforward mais profundas resolvem qualquer problema sequencial",
        "en": "Deeper feedforward networks solve any sequential problem",
    },
    "conclusion.q8_why": {
        "pt": "As três lições: dados sequenciais precisam de memória (a ordem importa); só o laço não basta para "
            "dependências longas (desvanecimento e explosão do gradiente); e portas que controlam a memória "
            "atenuam isso — sem eliminar o problema. As outras frases contradizem as estações 1 a 3.",
        "en": "The three lessons: sequential data needs memory (order matters); a loop alone is not enough for long "
            "dependencies (vanishing and exploding gradients); and gates that control memory mitigate that — "
            "without removing the problem. The other sentences contradict stations 1 to 3.",
    },
    # ------------------------------------------------------------------ legacy, video, references
    "conclusion.legacy_title": {
        "pt": "O legado e os próximos passos",
        "en": "The legacy and what comes next",
    },
    "conclusion.legacy": {
        "pt": "LSTMs e GRUs levaram o processamento de sequências a outro patamar: tradução automática, "
            "reconhecimento de fala e assistentes de voz se apoiaram nelas por anos, e as arquiteturas que vieram "
            "depois herdaram a mesma pergunta — o que guardar do passado para prever o que vem a seguir. "
            "Quer experimentar mais? O laboratório (estação 5) aceita outras tarefas e comprimentos.",
        "en": "LSTMs and GRUs took sequence processing to a new level: machine translation, speech recognition "
            "and voice assistants relied on them for years, and the architectures that came after inherited the "
            "same question — what to keep from the past to predict what comes next. Want to experiment more? "
            "The lab (station 5) takes other tasks and lengths.",
    },
    "conclusion.video": {
        "pt": "Assista ao resumo em vídeo",
        "en": "Watch the video summary",
    },
    "conclusion.video_help": {
        "pt": "Um vídeo curto que resume a jornada (abre no GitHub).",
        "en": "A short video summarising the journey (opens on GitHub; narrated in Portuguese).",
    },
    "conclusion.refs_title": {
        "pt": "Referências",
        "en": "References",
    },
    "conclusion.refs_intro": {
        "pt": "Os artigos por trás de cada estação, para quem quiser ir além:",
        "en": "The papers behind each station, for those who want to go further:",
    },
    "conclusion.ref_bengio1994": {
        "pt": "Bengio, Simard e Frasconi (1994). *Learning long-term dependencies with gradient descent is "
            "difficult.* IEEE Transactions on Neural Networks 5(2). "
            "[doi:10.1109/72.279181](https://doi.org/10.1109/72.279181) — por que o gradiente some (estação 3).",
        "en": "Bengio, Simard & Frasconi (1994). *Learning long-term dependencies with gradient descent is "
            "difficult.* IEEE Transactions on Neural Networks 5(2). "
            "[doi:10.1109/72.279181](https://doi.org/10.1109/72.279181) — why the gradient vanishes (station 3).",
    },
    "conclusion.ref_hochreiter1997": {
        "pt": "Hochreiter e Schmidhuber (1997). *Long short-term memory.* Neural Computation 9(8). "
            "[doi:10.1162/neco.1997.9.8.1735](https://doi.org/10.1162/neco.1997.9.8.1735) — a LSTM, ainda sem "
            "porta de esquecimento (estação 4), e o problema da soma (estação 5).",
        "en": "Hochreiter & Schmidhuber (1997). *Long short-term memory.* Neural Computation 9(8). "
            "[doi:10.1162/neco.1997.9.8.1735](https://doi.org/10.1162/neco.1997.9.8.1735) — the LSTM, still "
            "without a forget gate (station 4), and the adding problem (station 5).",
    },
    "conclusion.ref_gers2000": {
        "pt": "Gers, Schmidhuber e Cummins (2000). *Learning to forget: continual prediction with LSTM.* Neural "
            "Computation 12(10). [doi:10.1162/089976600300015015](https://doi.org/10.1162/089976600300015015) "
            "— a porta de esquecimento (estação 4).",
        "en": "Gers, Schmidhuber & Cummins (2000). *Learning to forget: continual prediction with LSTM.* Neural "
            "Computation 12(10). [doi:10.1162/089976600300015015](https://doi.org/10.1162/089976600300015015) "
            "— the forget gate (station 4).",
    },
    "conclusion.ref_pascanu2013": {
        "pt": "Pascanu, Mikolov e Bengio (2013). *On the difficulty of training recurrent neural networks.* ICML. "
            "[arXiv:1211.5063](https://arxiv.org/abs/1211.5063) — a condição 1/γ e o recorte do gradiente "
            "(estação 3).",
        "en": "Pascanu, Mikolov & Bengio (2013). *On the difficulty of training recurrent neural networks.* ICML. "
            "[arXiv:1211.5063](https://arxiv.org/abs/1211.5063) — the 1/γ condition and gradient clipping "
            "(station 3).",
    },
    "conclusion.ref_cho2014": {
        "pt": "Cho et al. (2014). *Learning phrase representations using RNN encoder–decoder for statistical "
            "machine translation.* EMNLP. [arXiv:1406.1078](https://arxiv.org/abs/1406.1078) — a GRU (estação 4).",
        "en": "Cho et al. (2014). *Learning phrase representations using RNN encoder–decoder for statistical "
            "machine translation.* EMNLP. [arXiv:1406.1078](https://arxiv.org/abs/1406.1078) — the GRU (station 4).",
    },
    "conclusion.ref_chung2014": {
        "pt": "Chung, Gulcehre, Cho e Bengio (2014). *Empirical evaluation of gated recurrent neural networks on "
            "sequence modeling.* [arXiv:1412.3555](https://arxiv.org/abs/1412.3555) — LSTM × GRU (estações 4 e 5).",
        "en": "Chung, Gulcehre, Cho & Bengio (2014). *Empirical evaluation of gated recurrent neural networks on "
            "sequence modeling.* [arXiv:1412.3555](https://arxiv.org/abs/1412.3555) — LSTM vs GRU (stations 4 and 5).",
    },
    "conclusion.ref_jozefowicz2015": {
        "pt": "Jozefowicz, Zaremba e Sutskever (2015). *An empirical exploration of recurrent network "
            "architectures.* ICML, PMLR 37. [proceedings.mlr.press/v37/jozefowicz15]"
            "(https://proceedings.mlr.press/v37/jozefowicz15.html) — viés 1 na porta de esquecimento (estação 4).",
        "en": "Jozefowicz, Zaremba & Sutskever (2015). *An empirical exploration of recurrent network "
            "architectures.* ICML, PMLR 37. [proceedings.mlr.press/v37/jozefowicz15]"
            "(https://proceedings.mlr.press/v37/jozefowicz15.html) — forget-gate bias 1 (station 4).",
    },
    "conclusion.ref_le2015": {
        "pt": "Le, Jaitly e Hinton (2015). *A simple way to initialize recurrent networks of rectified linear "
            "units.* [arXiv:1504.00941](https://arxiv.org/abs/1504.00941) — o problema da soma na forma usada "
            "aqui, com números em [0, 1] (estação 5).",
        "en": "Le, Jaitly & Hinton (2015). *A simple way to initialize recurrent networks of rectified linear "
            "units.* [arXiv:1504.00941](https://arxiv.org/abs/1504.00941) — the adding problem in the form used "
            "here, with numbers in [0, 1] (station 5).",
    },
    "conclusion.ref_arjovsky2016": {
        "pt": "Arjovsky, Shah e Bengio (2016). *Unitary evolution recurrent neural networks.* ICML. "
            "[arXiv:1511.06464](https://arxiv.org/abs/1511.06464) — matrizes que preservam a norma e tarefas de "
            "memória longa (estações 3 e 5).",
        "en": "Arjovsky, Shah & Bengio (2016). *Unitary evolution recurrent neural networks.* ICML. "
            "[arXiv:1511.06464](https://arxiv.org/abs/1511.06464) — norm-preserving matrices and long-memory "
            "tasks (stations 3 and 5).",
    },
    "conclusion.l3_latch_done": {
        "pt": "E na trava (latch) com T = {length}, com as configurações padrão do laboratório ({steps} "
            "passos, semente {seed}), a corrida terminou com a LSTM em {lstm} de acurácia e a GRU em {gru} — "
            "o acaso é 50 % —, enquanto a RNN tanh chegou a {rnn}.",
        "en": "And on the latch with T = {length}, at the lab's default settings ({steps} steps, seed {seed}), the "
            "race ended with the LSTM at {lstm} accuracy and the GRU at {gru} — chance is 50 % — while the tanh "
            "RNN reached {rnn}.",
    },
    "conclusion.l3_latch_running": {
        "pt": "O app está medindo agora a trava (latch) com T = {length} nas configurações padrão do laboratório: "
            "passo {step} de {steps}. O resultado aparece aqui quando a corrida terminar.",
        "en": "The app is measuring the latch with T = {length} at the lab's default settings right now: step "
            "{step} of {steps}. The result appears here when the race ends.",
    },
    "conclusion.l3_latch_queued": {
        "pt": "O app vai medir a trava (latch) com T = {length} nas configurações padrão do laboratório; na fila: "
            "{ahead} corrida(s) à frente.",
        "en": "The app will measure the latch with T = {length} at the lab's default settings; waiting: {ahead} "
            "race(s) ahead.",
    },
    "conclusion.l3_latch_failed": {
        "pt": "A medição da trava (latch) com T = {length} falhou: {error}",
        "en": "Measuring the latch with T = {length} failed: {error}",
    },
    "conclusion.l3_manifest_rnn_fail": {
        "pt": "A RNN simples acerta só {rnn_d1} mesmo com o evento-chave logo antes da cena final (d = 1): "
            "perto do acaso, ela não aprendeu a tarefa — uma falha de treino, não de distância.",
        "en": "The plain RNN gets only {rnn_d1} right even with the key event just before the final scene (d = 1): "
            "near chance, it did not learn the task — a training failure, not distance.",
    },
    "conclusion.l3_manifest_rnn_ok": {
        "pt": "A RNN simples acerta {rnn_d1} com o evento-chave logo antes da cena final (d = 1).",
        "en": "The plain RNN gets {rnn_d1} right with the key event just before the final scene (d = 1).",
    },
    "conclusion.l3_latch_ask": {
        "pt": "E as portas bastam para guardar um único bit por {length} passos? Na trava (latch) com T = {length}, "
            "a corrida do laboratório com as configurações padrão responde — medida, não escrita aqui.",
        "en": "And are gates enough to keep a single bit for {length} steps? On the latch with T = {length}, the "
            "lab's race at its default settings answers — measured, not written here.",
    },
    "conclusion.l3_latch_run": {
        "pt": "Medir agora (corrida compartilhada)",
        "en": "Measure it now (shared race)",
    },
    "conclusion.l3_latch_link": {
        "pt": "Abrir esta corrida no laboratório",
        "en": "Open this race in the lab",
    },
    "conclusion.quiz_jump": {
        "pt": "**[Ir para o quiz: {n} perguntas, uma de cada vez ↓](#{anchor})**",
        "en": "**[Go to the quiz: {n} questions, one at a time ↓](#{anchor})**",
    },
    "conclusion.pred_none": {
        "pt": "**Suas previsões:** você ainda não confirmou nenhuma. As estações 1 a 5 fazem {total} perguntas, cada uma antes do gráfico que a responde.",
        "en": "**Your predictions:** you have not committed any yet. Stations 1 to 5 ask {total} questions, each before the chart that answers it.",
    },
    "conclusion.pred_count": {
        "pt": "**Suas previsões:** {right} de {n} certas ({total} perguntas nas estações 1 a 5).",
        "en": "**Your predictions:** {right} of {n} right ({total} questions on stations 1 to 5).",
    },
    "conclusion.pred_item": {
        "pt": "{mark} **{station}** — {prompt} Você previu **{choice}**; a rede mediu **{answer}**.",
        "en": "{mark} **{station}** — {prompt} You predicted **{choice}**; the network measured **{answer}**.",
    },
    "conclusion.pred_revealed": {
        "pt": "O(a) professor(a) revelou {n} pergunta(s) que você não respondeu.",
        "en": "Your teacher revealed {n} question(s) you did not answer.",
    },
    "conclusion.quiz_progress": {
        "pt": "Respondidas: {answered} de {total}.",
        "en": "Answered: {answered} of {total}.",
    },
    "conclusion.quiz_pick": {
        "pt": "Pergunta",
        "en": "Question",
    },
    "conclusion.quiz_next": {
        "pt": "Próxima pergunta ({n})",
        "en": "Next question ({n})",
    },
    "conclusion.quiz_choose": {
        "pt": "Escolha uma opção antes de enviar.",
        "en": "Choose an option before submitting.",
    },
    "conclusion.quiz_focused": {
        "pt": "Seu(sua) professor(a) colocou esta pergunta no painel da turma.",
        "en": "Your teacher put this question on the class board.",
    },
    "conclusion.quiz_yours": {
        "pt": "Sua resposta: {choice}.",
        "en": "Your answer: {choice}.",
    },
    "conclusion.quiz_change": {
        "pt": "Mudar minha resposta",
        "en": "Change my answer",
    },
}
