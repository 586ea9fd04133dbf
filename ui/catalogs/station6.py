"""Strings of station 6 — Conclusion: the three lessons, their evidence, the quiz, the references."""

PT: dict[str, str] = {
    # ------------------------------------------------------------------ header
    "s6.title": "Conclusão: três lições sobre memória",
    "s6.subtitle": (
        "Cinco estações, três lições — cada uma ao lado de uma evidência medida em um modelo de verdade: "
        "o seu próprio resultado, se você passou pela estação nesta sessão, ou uma medição feita pelo app."
    ),
    "s6.takeaway": (
        "Sequências precisam de memória; um laço simples esquece (ou explode) em distâncias longas; portas "
        "que decidem o que guardar e o que esquecer — LSTM e GRU — atenuam o problema, sem eliminá-lo."
    ),
    "s6.intro": (
        "As RNNs foram um salto para a inteligência artificial lidar com um mundo que acontece em ordem: "
        "frases, músicas, sinais, séries de TV. Da RNN simples às arquiteturas com portas, a jornada deixa "
        "três lições. Ao lado de cada uma está a prova."
    ),
    # ------------------------------------------------------------------ evidence sources
    "s6.source_own": "Seu resultado · estação {station}",
    "s6.source_live": "Medido agora pelo app",
    "s6.source_pretrained": "Modelos pré-treinados do app",
    "s6.model_ff": "Feedforward (bloco fixo)",
    "s6.model_rnn": "RNN (tanh)",
    "s6.model_stable_rnn": "RNN estável",
    "s6.model_lstm": "LSTM",
    "s6.model_gru": "GRU",
    "s6.chance": "Chute (50 %)",
    "s6.acc_axis": "Acurácia (%)",
    "s6.model_axis": "Modelo",
    "s6.distance_axis": "Distância evento-chave → cena final (episódios)",
    # ------------------------------------------------------------------ lesson 1
    "s6.lesson1_title": "1 · Dados sequenciais precisam de memória",
    "s6.lesson1_claim": (
        "**O contexto depende da ordem dos eventos.** “A antes de B” não é “B antes de A”, e um choro no "
        "último episódio só faz sentido para quem lembra da 1ª temporada."
    ),
    "s6.lesson1_more": (
        "Uma rede feedforward que recebe a sequência como um “saco” de entradas recebe **a mesma entrada** "
        "para as duas ordens, então só pode dar a mesma resposta: na tarefa “A veio antes de B?” ela fica no "
        "chute (50 %). Se ela recebe um bloco fixo, só enxerga esse bloco — como quem assiste só à 5ª "
        "temporada — e nada do que veio antes. A RNN lê um passo de cada vez e carrega um "
        "estado oculto (hidden state), hₜ = tanh(W xₜ + U hₜ₋₁ + b), com os **mesmos pesos** em todo passo. "
        "É esse laço que leva o contexto até o fim, como quem acompanhou a série desde o começo."
    ),
    "s6.lesson1_link": "Rever na estação 1",
    "s6.lesson1_link2": "Rever na estação 2",
    "s6.l1_own_title": "Tarefa de ordem: acurácia de cada modelo",
    "s6.l1_own_caption": "Sua medição na estação 1: quem não vê a ordem fica perto da linha do chute.",
    "s6.l1_series_title": "Série simples: acurácia por distância",
    "s6.l1_series_caption": (
        "Sua medição na estação 2: a feedforward só acerta quando o evento-chave cabe na janela dela; "
        "as redes com memória acertam em qualquer distância."
    ),
    "s6.l1_series_bars_title": "Série simples: acurácia de cada modelo",
    "s6.l1_series_manifest_caption": (
        "Modelos pré-treinados do app na série simples: a feedforward que vê só os últimos 4 episódios "
        "acerta enquanto o evento-chave está dentro da janela (distância 1 a 3) e depois fica no chute; "
        "as redes com memória acertam em qualquer distância."
    ),
    "s6.l1_manifest_title": "“A veio antes de B?” — acurácia de teste",
    "s6.l1_manifest_caption": (
        "Modelos pré-treinados do app na tarefa de ordem: a feedforward vê um saco de entradas e fica no "
        "chute; a RNN lê em ordem e acerta."
    ),
    "s6.l1_missing": (
        "Ainda não há resultado para mostrar aqui: abra a estação 1, embaralhe a sequência e veja a "
        "feedforward repetir a mesma resposta enquanto a RNN muda de ideia."
    ),
    # ------------------------------------------------------------------ lesson 2
    "s6.lesson2_title": "2 · Só um laço não basta para dependências longas",
    "s6.lesson2_claim": (
        "**Uma RNN simples esquece — ou explode — em distâncias longas.** Ter memória não garante "
        "conseguir aprender com o que aconteceu muitos passos atrás."
    ),
    "s6.lesson2_more": (
        "Treinar uma RNN é retropropagar no tempo (backpropagation through time): o gradiente volta passo a "
        "passo e, a cada passo, é multiplicado por diag(φ′)·U, em que U é a matriz recorrente (hₜ = tanh(W xₜ "
        "+ U hₜ₋₁ + b)). Se o maior valor singular de U fica abaixo de 1/γ (γ = 1 para tanh, ¼ para a "
        "sigmoide), ele encolhe como uma potência: é o desvanecimento do gradiente (vanishing gradient), o "
        "sussurro do telefone sem fio. Acima disso ele **pode** crescer sem controle: é a explosão do "
        "gradiente (exploding gradient), o megafone (Bengio, Simard e Frasconi, 1994; Pascanu, Mikolov e "
        "Bengio, 2013). O gráfico é uma retropropagação de verdade, em float64, por redes de 32 unidades e "
        "100 passos."
    ),
    "s6.lesson2_link": "Rever na estação 3",
    "s6.l2_title": "Telefone sem fio: quanto do gradiente chega k passos atrás",
    "s6.l2_x": "Distância até a perda k (passos de tempo)",
    "s6.l2_y": "‖∂L/∂hₜ‖ (escala log)",
    "s6.l2_rnn_tanh": "RNN tanh · ganho 0,9",
    "s6.l2_rnn_linear": "RNN linear · ganho 1,1",
    "s6.l2_lstm": "LSTM · viés de esquecimento 2",
    "s6.l2_theory": "teoria ρᵏ",
    "s6.l2_you": "você (estação 3)",
    "s6.l2_caption": (
        "Depois de {k} passos para trás, a RNN tanh com ganho 0,9 entrega {tanh} do sinal — um sussurro, "
        "ainda mais fraco que a teoria 0,9ᵏ porque tanh′ ≤ 1; a RNN linear com ganho 1,1 o multiplica por "
        "{linear} (= 1,1ᵏ) — um megafone; a LSTM com viés 2 na porta de esquecimento (forget gate) ainda entrega {lstm}."
    ),
    "s6.l2_own": "A curva preta é a sua última medição na estação 3.",
    "s6.l2_own_regime": "Seu último regime na estação 3: **{regime}**.",
    "s6.regime_vanishing": "desvanecimento (sussurro)",
    "s6.regime_stable": "estável",
    "s6.regime_exploding": "explosão (megafone)",
    "s6.l2_unavailable": "O medidor de gradientes não está disponível agora; a estação 3 mostra essa medição.",
    # ------------------------------------------------------------------ lesson 3
    "s6.lesson3_title": "3 · Portas que controlam a memória atenuam o problema",
    "s6.lesson3_claim": (
        "**LSTM e GRU decidem o que esquecer e o que guardar.** Com esse controle, a informação — e o "
        "gradiente — atravessa muito mais passos. O problema fica menor, mas não desaparece."
    ),
    "s6.lesson3_more": (
        "A LSTM de Hochreiter e Schmidhuber (1997) guarda a memória numa célula que só soma, cₜ = cₜ₋₁ + iₜ ⊙ "
        "gₜ: a porta de entrada (input gate) iₜ decide o que escrever e a porta de saída (output gate) o que "
        "mostrar, e o gradiente atravessa a célula intacto. A porta de esquecimento (forget gate) veio "
        "depois, com Gers, Schmidhuber e Cummins (2000): cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ, a forma que o PyTorch usa. "
        "Agora cada passo para trás pela célula multiplica o gradiente por fₜ: com fₜ ≈ 1 ele passa quase "
        "intacto, e por isso se inicia o viés da porta de esquecimento em 1 (Gers et al., 2000; Jozefowicz et "
        "al., 2015). A GRU (Cho et al., 2014) junta esquecer e escrever numa única porta de atualização "
        "(update gate): 3 blocos de pesos em vez de 4.\n\n**Atenuar não é resolver.** As portas só ajudam "
        "quando ficam abertas para guardar: com o viés da porta de esquecimento em 0, a LSTM deste app "
        "entrega {lstm0} do gradiente {k} passos para trás (medido agora, no gráfico do viés abaixo)."
    ),
    "s6.lesson3_link": "Rever na estação 4",
    "s6.lesson3_link2": "Rever na estação 5",
    "s6.l3_race_title": "Sua corrida: perda final de cada modelo",
    "s6.l3_race_y": "Perda final (MSE ou entropia cruzada)",
    "s6.l3_race_y_mse": "Perda final (MSE)",
    "s6.l3_race_y_ce": "Perda final (entropia cruzada, nats)",
    "s6.l3_race_baseline": "Linha de base sem memória",
    "s6.l3_race_caption": (
        "Sua corrida na estação 5{detail}: abaixo da linha tracejada o modelo aprendeu algo que exige "
        "memória; na altura dela ele só chuta a média."
    ),
    "s6.l3_race_detail": " ({task}, T = {length})",
    "s6.task_adding": "problema da soma",
    "s6.task_latch": "trava (latch)",
    "s6.task_series": "série",
    "s6.task_copy": "cópia",
    "s6.l3_series_title": "Série realista: acurácia por distância",
    "s6.l3_series_bars_title": "Série realista: acurácia de cada modelo",
    "s6.l3_series_caption": (
        "Sua medição na estação 2, com um clima em cada episódio: só quem tem portas guarda o clima do "
        "evento-chave e ignora todos os outros."
    ),
    "s6.l3_manifest_title": "Série realista (um clima em cada episódio): acurácia por distância",
    "s6.l3_manifest_caption": (
        "Modelos pré-treinados do app na série realista: LSTM e GRU guardam o clima do evento-chave e ignoram "
        "todos os outros, em qualquer distância; a RNN estável vai esquecendo até o chute conforme a "
        "distância cresce."
    ),
    "s6.l3_sweep_title": "O que sobra do gradiente após {k} passos, conforme o viés da porta",
    "s6.l3_sweep_x": "Viés inicial da porta de esquecimento / atualização (adimensional)",
    "s6.l3_sweep_y": "‖∂L/∂hₜ‖ a {k} passos (escala log)",
    "s6.l3_sweep_lstm": "LSTM (porta de esquecimento)",
    "s6.l3_sweep_gru": "GRU (porta de atualização)",
    "s6.l3_sweep_rnn": "RNN tanh (sem porta)",
    "s6.l3_sweep_caption": (
        "Mesma inicialização do PyTorch, só muda o viés: a porta que tende a “guardar” leva o gradiente de "
        "{low} (viés 0) a {high} (viés 3) na LSTM; a RNN simples, sem porta para ajustar, fica em {rnn}."
    ),
    # ------------------------------------------------------------------ quiz
    "s6.quiz_title": "Quiz: teste a sua memória",
    "s6.quiz_intro": "Oito perguntas, uma por ideia da jornada. Responda, envie e leia a explicação de cada uma.",
    "s6.quiz_question": "**{n}.** {text}",
    "s6.quiz_submit": "Enviar respostas",
    "s6.quiz_reset": "Tentar de novo",
    "s6.quiz_empty": "Você ainda não respondeu nenhuma pergunta: escolha pelo menos uma opção e envie.",
    "s6.quiz_right": "Certo!",
    "s6.quiz_wrong": "Não foi dessa vez. A resposta certa é: {answer}.",
    "s6.quiz_skipped": "Sem resposta. A resposta certa é: {answer}.",
    "s6.quiz_why_label": "Por quê?",
    "s6.quiz_score": "Sua pontuação: {correct} / {total}",
    "s6.quiz_unanswered_count": "({n} sem resposta contam como erro.)",
    "s6.quiz_praise_perfect": "Gabaritou! Você carregou o contexto da jornada inteira, sem desvanecer.",
    "s6.quiz_praise_high": "Muito bem! Leia as explicações das que escaparam e tente de novo.",
    "s6.quiz_praise_mid": "Bom começo. As explicações abaixo de cada pergunta apontam a estação para rever.",
    "s6.quiz_praise_low": "O gradiente sumiu no caminho… Reveja as estações e tente de novo: a memória melhora com prática.",
    # Q1 — §1 sequential data / feedforward
    "s6.q1": (
        "Uma rede feedforward recebe a sequência como um “saco” de entradas (quais itens apareceram, "
        "sem a posição). Por que ela não distingue “A antes de B” de “B antes de A”?"
    ),
    "s6.q1_a": "Porque ela tem poucos neurônios",
    "s6.q1_b": "Porque ela não foi treinada por tempo suficiente",
    "s6.q1_c": "Porque a entrada dela é idêntica para as duas ordens, então a resposta também é",
    "s6.q1_d": "Porque ela só enxerga o último item",
    "s6.q1_why": (
        "Qualquer função de uma entrada idêntica dá a mesma saída: nem mais neurônios nem mais treino "
        "ajudam, e a acurácia fica em 50 % na tarefa de ordem (estação 1). O bloco fixo tem um limite "
        "parecido: enxerga só a janela que recebe e nada antes dela (estação 2)."
    ),
    # Q2 — §2 the loop
    "s6.q2": "Numa RNN, o que leva a informação de um passo de tempo para o seguinte?",
    "s6.q2_a": "Um conjunto novo de pesos para cada passo",
    "s6.q2_b": "O estado oculto hₜ, calculado a partir da entrada xₜ e do estado anterior hₜ₋₁",
    "s6.q2_c": "Uma cópia de todas as entradas anteriores guardada na rede",
    "s6.q2_d": "Só a saída da última camada",
    "s6.q2_why": (
        "hₜ = tanh(W xₜ + U hₜ₋₁ + b): o laço devolve o estado anterior à rede, e os **mesmos** W, U e b "
        "são reusados em todo passo. O estado oculto é um resumo de tamanho fixo do passado — não uma "
        "cópia de tudo, por isso a memória pode falhar."
    ),
    # Q3 — §2 the TV-series analogy
    "s6.q3": (
        "Na analogia da série de TV, um personagem chora na cena final. Quem consegue dizer se é choro de "
        "tristeza (um trauma da 1ª temporada) ou de alegria (um reencontro)?"
    ),
    "s6.q3_a": "Quem assistiu só à 5ª temporada, como uma feedforward que vê um bloco fixo",
    "s6.q3_b": "Quem acompanhou desde o início e guardou o evento-chave, como uma RNN",
    "s6.q3_c": "Qualquer um dos dois: a cena final basta",
    "s6.q3_why": (
        "A cena final é a mesma nos dois casos; o que muda é o passado. A feedforward com janela dos "
        "últimos k episódios só acerta se o evento-chave estiver a menos de k episódios; além disso fica no "
        "chute (estação 2). A memória da RNN conecta o passado à cena presente."
    ),
    # Q4 — §3 vanishing: Pascanu's condition
    "s6.q4": (
        "Segundo Pascanu, Mikolov e Bengio (2013), que condição na matriz recorrente U **basta** para o "
        "gradiente de uma RNN tanh sumir em distâncias longas?"
    ),
    "s6.q4_a": "Maior valor singular de U menor que 1 (= 1/γ, com γ = 1 para tanh)",
    "s6.q4_b": "Maior valor singular de U maior que 1",
    "s6.q4_c": "U exatamente ortogonal",
    "s6.q4_d": "Mais de 100 unidades no estado oculto",
    "s6.q4_why": (
        "Cada passo para trás multiplica o gradiente por diag(tanh′)·U, de norma no máximo γ·σ_max(U). Abaixo "
        "de 1 o produto encolhe como uma potência — o sussurro do telefone sem fio: numa RNN linear com ganho "
        "0,9 sobra 0,9¹⁰⁰ ≈ 2,7 × 10⁻⁵ depois de 100 passos. Para a sigmoide (γ = ¼) o limiar 1/γ vale 4. "
        "Acima de 1/γ a explosão do gradiente fica *possível*, não garantida. Uma U ortogonal numa RNN linear "
        "preserva a norma (a ideia de Arjovsky et al., 2016)."
    ),
    # Q5 — §3 exploding and clipping
    "s6.q5": (
        "O recorte do gradiente (gradient clipping) reescala o gradiente quando sua norma passa de um "
        "limiar. Que problema ele resolve?"
    ),
    "s6.q5_a": "O desvanecimento do gradiente (vanishing gradient)",
    "s6.q5_b": "Os dois: desvanecimento e explosão",
    "s6.q5_c": "Nenhum dos dois; ele só acelera o treino",
    "s6.q5_d": "A explosão do gradiente (exploding gradient)",
    "s6.q5_why": (
        "O recorte limita o tamanho do passo: o grito do megafone não joga mais os pesos para longe no "
        "“penhasco” da função de perda (Pascanu et al., 2013, Algoritmo 1). Mas ele não aumenta um gradiente "
        "que já sumiu — contra o desvanecimento é preciso outra arquitetura (LSTM, GRU) ou outra "
        "inicialização."
    ),
    # Q6 — §4 LSTM forget gate
    "s6.q6": (
        "Por que se costuma iniciar o viés da porta de esquecimento (forget gate) da LSTM em 1 "
        "(Gers et al., 2000; Jozefowicz et al., 2015)?"
    ),
    "s6.q6_a": "Para a rede esquecer mais rápido no começo do treino",
    "s6.q6_b": "Para a porta começar mais aberta (f = σ(1) ≈ 0,73 em vez de σ(0) = 0,5): a célula guarda o que recebe e o gradiente sobrevive mais passos",
    "s6.q6_c": "Para impedir a explosão do gradiente",
    "s6.q6_d": "Não faz diferença: é só uma convenção",
    "s6.q6_why": (
        "Em cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ, cada passo para trás pela célula multiplica o gradiente por fₜ. Com "
        "viés 0, f começa perto de 0,5 e o sinal cai mais ou menos pela metade a cada passo; com viés 1 a "
        "porta já começa “lembrando”. Na estação 4, na tarefa da trava (T = 30), a LSTM com viés 0 fica no "
        "chute e com viés 1 aprende."
    ),
    # Q7 — §4 GRU
    "s6.q7": (
        "Na GRU do PyTorch, hₜ = (1 − zₜ) ⊙ nₜ + zₜ ⊙ hₜ₋₁. O que acontece quando a porta de atualização "
        "(update gate) zₜ se aproxima de 1?"
    ),
    "s6.q7_a": "A GRU mantém o estado anterior: a memória passa adiante sem mudar",
    "s6.q7_b": "A GRU troca o estado pelo novo candidato nₜ",
    "s6.q7_c": "O estado vai a zero",
    "s6.q7_why": (
        "No PyTorch, zₜ → 1 copia hₜ₋₁: uma única porta faz o papel das portas de esquecimento e de entrada "
        "da LSTM. Cho et al. (2014, eq. 7) usam a mesma convenção do PyTorch; Chung et al. (2014) escrevem a "
        "fórmula ao contrário (z → 1 pega o candidato), então confira a convenção de cada texto. A GRU tem 3 "
        "blocos de pesos em vez de 4 (25 % menos parâmetros), mas na CPU a GRU do PyTorch não é "
        "necessariamente mais rápida: o PyTorch entrega a LSTM ao kernel fundido do oneDNN e roda a GRU num "
        "laço de operações pequenas — a estação 4 mede."
    ),
    # Q8 — §5 lessons
    "s6.q8": "Qual destas frases é uma das três lições da jornada?",
    "s6.q8_a": "Um laço de realimentação basta para aprender dependências de qualquer distância",
    "s6.q8_b": "A ordem dos dados não importa, desde que a rede seja grande",
    "s6.q8_c": (
        "Arquiteturas que controlam a memória (LSTM, GRU) decidem o que esquecer e o que reter, e assim "
        "alcançam dependências bem mais longas"
    ),
    "s6.q8_d": "Redes feedforward mais profundas resolvem qualquer problema sequencial",
    "s6.q8_why": (
        "As três lições: dados sequenciais precisam de memória (a ordem importa); só o laço não basta para "
        "dependências longas (desvanecimento e explosão do gradiente); e portas que controlam a memória "
        "atenuam isso — sem eliminar o problema. As outras frases contradizem as estações 1 a 3."
    ),
    # ------------------------------------------------------------------ legacy, video, references
    "s6.legacy_title": "O legado e os próximos passos",
    "s6.legacy": (
        "LSTMs e GRUs levaram o processamento de sequências a outro patamar: tradução automática, "
        "reconhecimento de fala e assistentes de voz se apoiaram nelas por anos, e as arquiteturas que vieram "
        "depois herdaram a mesma pergunta — o que guardar do passado para prever o que vem a seguir. "
        "Quer experimentar mais? O laboratório (estação 5) aceita outras tarefas e comprimentos."
    ),
    "s6.video": "Assista ao resumo em vídeo",
    "s6.video_help": "Um vídeo curto que resume a jornada (abre no GitHub).",
    "s6.refs_title": "Referências",
    "s6.refs_intro": "Os artigos por trás de cada estação, para quem quiser ir além:",
    "s6.ref_bengio1994": (
        "Bengio, Simard e Frasconi (1994). *Learning long-term dependencies with gradient descent is "
        "difficult.* IEEE Transactions on Neural Networks 5(2). "
        "[doi:10.1109/72.279181](https://doi.org/10.1109/72.279181) — por que o gradiente some (estação 3)."
    ),
    "s6.ref_hochreiter1997": (
        "Hochreiter e Schmidhuber (1997). *Long short-term memory.* Neural Computation 9(8). "
        "[doi:10.1162/neco.1997.9.8.1735](https://doi.org/10.1162/neco.1997.9.8.1735) — a LSTM, ainda sem "
        "porta de esquecimento (estação 4), e o problema da soma (estação 5)."
    ),
    "s6.ref_gers2000": (
        "Gers, Schmidhuber e Cummins (2000). *Learning to forget: continual prediction with LSTM.* Neural "
        "Computation 12(10). [doi:10.1162/089976600300015015](https://doi.org/10.1162/089976600300015015) "
        "— a porta de esquecimento (estação 4)."
    ),
    "s6.ref_pascanu2013": (
        "Pascanu, Mikolov e Bengio (2013). *On the difficulty of training recurrent neural networks.* ICML. "
        "[arXiv:1211.5063](https://arxiv.org/abs/1211.5063) — a condição 1/γ e o recorte do gradiente "
        "(estação 3)."
    ),
    "s6.ref_cho2014": (
        "Cho et al. (2014). *Learning phrase representations using RNN encoder–decoder for statistical "
        "machine translation.* EMNLP. [arXiv:1406.1078](https://arxiv.org/abs/1406.1078) — a GRU (estação 4)."
    ),
    "s6.ref_chung2014": (
        "Chung, Gulcehre, Cho e Bengio (2014). *Empirical evaluation of gated recurrent neural networks on "
        "sequence modeling.* [arXiv:1412.3555](https://arxiv.org/abs/1412.3555) — LSTM × GRU (estações 4 e 5)."
    ),
    "s6.ref_jozefowicz2015": (
        "Jozefowicz, Zaremba e Sutskever (2015). *An empirical exploration of recurrent network "
        "architectures.* ICML, PMLR 37. [proceedings.mlr.press/v37/jozefowicz15]"
        "(https://proceedings.mlr.press/v37/jozefowicz15.html) — viés 1 na porta de esquecimento (estação 4)."
    ),
    "s6.ref_le2015": (
        "Le, Jaitly e Hinton (2015). *A simple way to initialize recurrent networks of rectified linear "
        "units.* [arXiv:1504.00941](https://arxiv.org/abs/1504.00941) — o problema da soma na forma usada "
        "aqui, com números em [0, 1] (estação 5)."
    ),
    "s6.ref_arjovsky2016": (
        "Arjovsky, Shah e Bengio (2016). *Unitary evolution recurrent neural networks.* ICML. "
        "[arXiv:1511.06464](https://arxiv.org/abs/1511.06464) — matrizes que preservam a norma e tarefas de "
        "memória longa (estações 3 e 5)."
    ),
    "s6.l3_latch_done": (
        "E na trava (latch) com T = {length}, com as configurações padrão do laboratório ({steps} passos, "
        "semente {seed}), a corrida terminou com a LSTM em {lstm} de acerto e a GRU em {gru} — o chute é 50 % "
        "—, enquanto a RNN tanh chegou a {rnn}."
    ),
    "s6.l3_latch_running": (
        "O app está medindo agora a trava (latch) com T = {length} nas configurações padrão do laboratório: "
        "passo {step} de {steps}. O resultado aparece aqui quando a corrida terminar."
    ),
    "s6.l3_latch_queued": (
        "O app vai medir a trava (latch) com T = {length} nas configurações padrão do laboratório; na fila: "
        "{ahead} corrida(s) à frente."
    ),
    "s6.l3_latch_failed": "A medição da trava (latch) com T = {length} falhou: {error}",
    "s6.l3_manifest_rnn_fail": (
        "A RNN simples acerta só {rnn_d1} mesmo com o evento-chave logo antes da cena final (d = 1): perto do "
        "chute, ela não aprendeu a tarefa — uma falha de treino, não de distância."
    ),
    "s6.l3_manifest_rnn_ok": (
        "A RNN simples acerta {rnn_d1} com o evento-chave logo antes da cena final (d = 1)."
    ),
    "s6.l3_latch_ask": (
        "E as portas bastam para guardar um único bit por {length} passos? Na trava (latch) com T = {length}, "
        "a corrida do laboratório com as configurações padrão responde — medida, não escrita aqui."
    ),
    "s6.l3_latch_run": "Medir agora (corrida compartilhada)",
    "s6.l3_latch_link": "Abrir esta corrida no laboratório",
}

EN: dict[str, str] = {
    # ------------------------------------------------------------------ header
    "s6.title": "Conclusion: three lessons about memory",
    "s6.subtitle": (
        "Five stations, three lessons — each next to evidence measured on a real model: your own result if "
        "you visited the station in this session, or a measurement made by the app."
    ),
    "s6.takeaway": (
        "Sequences need memory; a plain loop forgets (or explodes) over long distances; gates that decide "
        "what to keep and what to forget — LSTM and GRU — mitigate the problem without removing it."
    ),
    "s6.intro": (
        "RNNs were a leap for artificial intelligence in a world that happens in order: sentences, songs, "
        "signals, TV series. From the simple RNN to gated architectures, the journey leaves three lessons. "
        "Next to each one is the proof."
    ),
    # ------------------------------------------------------------------ evidence sources
    "s6.source_own": "Your result · station {station}",
    "s6.source_live": "Measured live by the app",
    "s6.source_pretrained": "The app's pretrained models",
    "s6.model_ff": "Feedforward (fixed block)",
    "s6.model_rnn": "RNN (tanh)",
    "s6.model_stable_rnn": "Stable RNN",
    "s6.model_lstm": "LSTM",
    "s6.model_gru": "GRU",
    "s6.chance": "Chance (50 %)",
    "s6.acc_axis": "Accuracy (%)",
    "s6.model_axis": "Model",
    "s6.distance_axis": "Distance key event → final scene (episodes)",
    # ------------------------------------------------------------------ lesson 1
    "s6.lesson1_title": "1 · Sequential data needs memory",
    "s6.lesson1_claim": (
        "**Context depends on the order of events.** “A before B” is not “B before A”, and tears in the "
        "last episode only make sense to someone who remembers season 1."
    ),
    "s6.lesson1_more": (
        "A feedforward network that takes the sequence as a “bag” of inputs gets **the same input** for both "
        "orders, so it can only give the same answer: on the task “did A come before B?” it stays at chance "
        "(50 %). Given a fixed block, it sees only that block — like watching season 5 alone — and nothing "
        "that came before. An RNN reads one step at a time and carries a hidden state, "
        "hₜ = tanh(W xₜ + U hₜ₋₁ + b), with the **same weights** at every step. That loop carries the context "
        "to the end, like a viewer who followed the series from the start."
    ),
    "s6.lesson1_link": "Revisit station 1",
    "s6.lesson1_link2": "Revisit station 2",
    "s6.l1_own_title": "Order task: accuracy of each model",
    "s6.l1_own_caption": "Your measurement on station 1: a model that cannot see the order stays near the chance line.",
    "s6.l1_series_title": "Simple series: accuracy by distance",
    "s6.l1_series_caption": (
        "Your measurement on station 2: the feedforward network is right only while the key event fits in "
        "its window; the networks with memory are right at any distance."
    ),
    "s6.l1_series_bars_title": "Simple series: accuracy of each model",
    "s6.l1_series_manifest_caption": (
        "The app's pretrained models on the simple series: the feedforward network that sees only the last "
        "4 episodes is right while the key event is inside its window (distance 1 to 3) and guesses after "
        "that; the networks with memory are right at any distance."
    ),
    "s6.l1_manifest_title": "“Did A come before B?” — test accuracy",
    "s6.l1_manifest_caption": (
        "The app's pretrained models on the order task: the feedforward network sees a bag of inputs and "
        "stays at chance; the RNN reads in order and gets it right."
    ),
    "s6.l1_missing": (
        "No result to show here yet: open station 1, shuffle the sequence and watch the feedforward network "
        "repeat the same answer while the RNN changes its mind."
    ),
    # ------------------------------------------------------------------ lesson 2
    "s6.lesson2_title": "2 · A loop alone is not enough for long dependencies",
    "s6.lesson2_claim": (
        "**A simple RNN forgets — or explodes — over long distances.** Having memory does not mean being "
        "able to learn from what happened many steps ago."
    ),
    "s6.lesson2_more": (
        "Training an RNN means backpropagating through time: the gradient travels back step by step and, at "
        "each step, is multiplied by diag(φ′)·U, where U is the recurrent matrix (hₜ = tanh(W xₜ + U hₜ₋₁ + "
        "b)). If the largest singular value of U stays below 1/γ (γ = 1 for tanh, ¼ for the sigmoid), it "
        "shrinks like a power: that is the vanishing gradient, the whisper of the telephone game. Above it, "
        "the gradient **can** grow out of control: the exploding gradient, the megaphone (Bengio, Simard & "
        "Frasconi, 1994; Pascanu, Mikolov & Bengio, 2013). The chart is a real backward pass, in float64, "
        "through 32-unit networks over 100 steps."
    ),
    "s6.lesson2_link": "Revisit station 3",
    "s6.l2_title": "Telephone game: how much gradient arrives k steps back",
    "s6.l2_x": "Distance to the loss k (time steps)",
    "s6.l2_y": "‖∂L/∂hₜ‖ (log scale)",
    "s6.l2_rnn_tanh": "tanh RNN · gain 0.9",
    "s6.l2_rnn_linear": "linear RNN · gain 1.1",
    "s6.l2_lstm": "LSTM · forget bias 2",
    "s6.l2_theory": "theory ρᵏ",
    "s6.l2_you": "you (station 3)",
    "s6.l2_caption": (
        "After {k} steps back, the tanh RNN with gain 0.9 delivers {tanh} of the signal — a whisper, even "
        "fainter than the theory 0.9ᵏ because tanh′ ≤ 1; the linear RNN with gain 1.1 multiplies it by "
        "{linear} (= 1.1ᵏ) — a megaphone; the LSTM with forget-gate bias 2 still delivers {lstm}."
    ),
    "s6.l2_own": "The black curve is your last measurement on station 3.",
    "s6.l2_own_regime": "Your last regime on station 3: **{regime}**.",
    "s6.regime_vanishing": "vanishing (whisper)",
    "s6.regime_stable": "stable",
    "s6.regime_exploding": "exploding (megaphone)",
    "s6.l2_unavailable": "The gradient probe is not available right now; station 3 shows this measurement.",
    # ------------------------------------------------------------------ lesson 3
    "s6.lesson3_title": "3 · Gates that control memory mitigate it",
    "s6.lesson3_claim": (
        "**LSTM and GRU decide what to forget and what to keep.** With that control, information — and the "
        "gradient — crosses many more steps. The problem gets smaller; it does not go away."
    ),
    "s6.lesson3_more": (
        "Hochreiter & Schmidhuber's LSTM (1997) keeps its memory in a cell that only adds, cₜ = cₜ₋₁ + iₜ ⊙ "
        "gₜ: the input gate iₜ decides what to write and the output gate what to show, and the gradient "
        "crosses the cell untouched. The forget gate came later, with Gers, Schmidhuber & Cummins (2000): cₜ "
        "= fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ, the form PyTorch uses. Now each step back through the cell multiplies the "
        "gradient by fₜ: with fₜ ≈ 1 it passes nearly untouched, which is why the forget-gate bias is "
        "initialised to 1 (Gers et al., 2000; Jozefowicz et al., 2015). The GRU (Cho et al., 2014) merges "
        "forgetting and writing into a single update gate: 3 weight blocks instead of 4.\n\n**Mitigating is not "
        "solving.** Gates help only while they stay open to keep: with a forget-gate bias of 0, this app's "
        "LSTM delivers {lstm0} of the gradient {k} steps back (measured now, in the bias chart below)."
    ),
    "s6.lesson3_link": "Revisit station 4",
    "s6.lesson3_link2": "Revisit station 5",
    "s6.l3_race_title": "Your race: final loss of each model",
    "s6.l3_race_y": "Final loss (MSE or cross-entropy)",
    "s6.l3_race_y_mse": "Final loss (MSE)",
    "s6.l3_race_y_ce": "Final loss (cross-entropy, nats)",
    "s6.l3_race_baseline": "Memoryless baseline",
    "s6.l3_race_caption": (
        "Your race on station 5{detail}: below the dashed line a model has learned something that needs "
        "memory; at the line it only guesses the average."
    ),
    "s6.l3_race_detail": " ({task}, T = {length})",
    "s6.task_adding": "adding problem",
    "s6.task_latch": "latch",
    "s6.task_series": "series",
    "s6.task_copy": "copy",
    "s6.l3_series_title": "Realistic series: accuracy by distance",
    "s6.l3_series_bars_title": "Realistic series: accuracy of each model",
    "s6.l3_series_caption": (
        "Your measurement on station 2, with a mood in every episode: only the gated networks store the key "
        "event's mood and ignore all the others."
    ),
    "s6.l3_manifest_title": "Realistic series (a mood in every episode): accuracy by distance",
    "s6.l3_manifest_caption": (
        "The app's pretrained models on the realistic series: LSTM and GRU keep the key event's mood and "
        "ignore all the others, at any distance; the stable RNN fades towards chance as the distance grows."
    ),
    "s6.l3_sweep_title": "Gradient left after {k} steps, by gate bias",
    "s6.l3_sweep_x": "Initial forget / update gate bias (dimensionless)",
    "s6.l3_sweep_y": "‖∂L/∂hₜ‖ at {k} steps (log scale)",
    "s6.l3_sweep_lstm": "LSTM (forget gate)",
    "s6.l3_sweep_gru": "GRU (update gate)",
    "s6.l3_sweep_rnn": "tanh RNN (no gate)",
    "s6.l3_sweep_caption": (
        "Same PyTorch initialisation, only the bias changes: a gate leaning towards “keep” takes the LSTM's "
        "gradient from {low} (bias 0) to {high} (bias 3); the plain RNN, with no gate to tune, stays at {rnn}."
    ),
    # ------------------------------------------------------------------ quiz
    "s6.quiz_title": "Quiz: test your memory",
    "s6.quiz_intro": "Eight questions, one per idea of the journey. Answer, submit, and read each explanation.",
    "s6.quiz_question": "**{n}.** {text}",
    "s6.quiz_submit": "Submit answers",
    "s6.quiz_reset": "Try again",
    "s6.quiz_empty": "You have not answered any question yet: pick at least one option and submit.",
    "s6.quiz_right": "Right!",
    "s6.quiz_wrong": "Not this time. The right answer is: {answer}.",
    "s6.quiz_skipped": "No answer. The right answer is: {answer}.",
    "s6.quiz_why_label": "Why?",
    "s6.quiz_score": "Your score: {correct} / {total}",
    "s6.quiz_unanswered_count": "({n} unanswered count as wrong.)",
    "s6.quiz_praise_perfect": "Full marks! You carried the context of the whole journey without fading.",
    "s6.quiz_praise_high": "Well done! Read the explanations of the ones that slipped away and try again.",
    "s6.quiz_praise_mid": "A good start. The explanation under each question points to the station to revisit.",
    "s6.quiz_praise_low": "The gradient vanished on the way… Revisit the stations and try again: memory improves with practice.",
    # Q1 — §1 sequential data / feedforward
    "s6.q1": (
        "A feedforward network receives the sequence as a “bag” of inputs (which items appeared, without "
        "their positions). Why can it not tell “A before B” from “B before A”?"
    ),
    "s6.q1_a": "Because it has too few neurons",
    "s6.q1_b": "Because it was not trained for long enough",
    "s6.q1_c": "Because its input is identical for both orders, so its answer is too",
    "s6.q1_d": "Because it only sees the last item",
    "s6.q1_why": (
        "Any function of an identical input gives the same output: neither more neurons nor more training "
        "helps, and accuracy stays at 50 % on the order task (station 1). A fixed block has a related limit: "
        "it sees only the window it is given and nothing before it (station 2)."
    ),
    # Q2 — §2 the loop
    "s6.q2": "In an RNN, what carries information from one time step to the next?",
    "s6.q2_a": "A new set of weights for each step",
    "s6.q2_b": "The hidden state hₜ, computed from the input xₜ and the previous state hₜ₋₁",
    "s6.q2_c": "A copy of all previous inputs stored in the network",
    "s6.q2_d": "Only the output of the last layer",
    "s6.q2_why": (
        "hₜ = tanh(W xₜ + U hₜ₋₁ + b): the loop feeds the previous state back in, and the **same** W, U and "
        "b are reused at every step. The hidden state is a fixed-size summary of the past — not a copy of "
        "everything, which is why memory can fail."
    ),
    # Q3 — §2 the TV-series analogy
    "s6.q3": (
        "In the TV-series analogy, a character cries in the final scene. Who can tell whether these are sad "
        "tears (a season-1 trauma) or happy tears (a reunion)?"
    ),
    "s6.q3_a": "Someone who watched only season 5, like a feedforward network on a fixed block",
    "s6.q3_b": "Someone who followed from the start and kept the key event in mind, like an RNN",
    "s6.q3_c": "Either: the final scene is enough",
    "s6.q3_why": (
        "The final scene is the same in both cases; what differs is the past. A feedforward network with a "
        "window of the last k episodes is right only if the key event is fewer than k episodes away; beyond "
        "that it guesses (station 2). The RNN's memory connects the past to the present scene."
    ),
    # Q4 — §3 vanishing: Pascanu's condition
    "s6.q4": (
        "According to Pascanu, Mikolov & Bengio (2013), which condition on the recurrent matrix U is "
        "**enough** for a tanh RNN's gradient to vanish over long distances?"
    ),
    "s6.q4_a": "Largest singular value of U below 1 (= 1/γ, with γ = 1 for tanh)",
    "s6.q4_b": "Largest singular value of U above 1",
    "s6.q4_c": "U exactly orthogonal",
    "s6.q4_d": "More than 100 hidden units",
    "s6.q4_why": (
        "Each step back multiplies the gradient by diag(tanh′)·U, whose norm is at most γ·σ_max(U). Below 1 "
        "the product shrinks like a power — the whisper of the telephone game: a linear RNN with gain 0.9 "
        "keeps 0.9¹⁰⁰ ≈ 2.7 × 10⁻⁵ after 100 steps. For the sigmoid (γ = ¼) the threshold 1/γ is 4. Above 1/γ "
        "an exploding gradient becomes *possible*, not certain. An orthogonal U in a linear RNN preserves the "
        "norm (the idea behind Arjovsky et al., 2016)."
    ),
    # Q5 — §3 exploding and clipping
    "s6.q5": (
        "Gradient clipping rescales the gradient when its norm exceeds a threshold. Which problem does it "
        "solve?"
    ),
    "s6.q5_a": "The vanishing gradient",
    "s6.q5_b": "Both: vanishing and exploding",
    "s6.q5_c": "Neither; it only speeds training up",
    "s6.q5_d": "The exploding gradient",
    "s6.q5_why": (
        "Clipping caps the size of a step: the megaphone's shout no longer throws the weights far off the "
        "loss surface's “cliff” (Pascanu et al., 2013, Algorithm 1). But it cannot enlarge a gradient that "
        "has already vanished — against vanishing you need another architecture (LSTM, GRU) or another "
        "initialisation."
    ),
    # Q6 — §4 LSTM forget gate
    "s6.q6": (
        "Why is the LSTM forget-gate bias usually initialised to 1 (Gers et al., 2000; Jozefowicz et al., "
        "2015)?"
    ),
    "s6.q6_a": "So that the network forgets faster early in training",
    "s6.q6_b": "So that the gate starts more open (f = σ(1) ≈ 0.73 instead of σ(0) = 0.5): the cell keeps what it receives and the gradient survives more steps",
    "s6.q6_c": "To prevent exploding gradients",
    "s6.q6_d": "It makes no difference: it is only a convention",
    "s6.q6_why": (
        "In cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ, each step back through the cell multiplies the gradient by fₜ. With bias "
        "0, f starts near 0.5 and the signal roughly halves at every step; with bias 1 the gate starts out "
        "“remembering”. On station 4's latch task (T = 30) the LSTM stays at chance with bias 0 and learns "
        "with bias 1."
    ),
    # Q7 — §4 GRU
    "s6.q7": (
        "In PyTorch's GRU, hₜ = (1 − zₜ) ⊙ nₜ + zₜ ⊙ hₜ₋₁. What happens when the update gate zₜ approaches 1?"
    ),
    "s6.q7_a": "The GRU keeps the previous state: memory passes on unchanged",
    "s6.q7_b": "The GRU replaces the state with the new candidate nₜ",
    "s6.q7_c": "The state goes to zero",
    "s6.q7_why": (
        "In PyTorch, zₜ → 1 copies hₜ₋₁: one gate plays the role of the LSTM's forget and input gates. Cho et "
        "al. (2014, eq. 7) use PyTorch's convention; Chung et al. (2014) write the formula the other way "
        "round (z → 1 takes the candidate), so check each text's convention. The GRU has 3 weight blocks "
        "instead of 4 (25 % fewer parameters), but PyTorch's GRU is not necessarily faster on a CPU: PyTorch "
        "hands the LSTM to oneDNN's fused kernel and runs the GRU as a loop of small operations — station 4 "
        "measures it."
    ),
    # Q8 — §5 lessons
    "s6.q8": "Which of these sentences is one of the journey's three lessons?",
    "s6.q8_a": "A feedback loop is enough to learn dependencies at any distance",
    "s6.q8_b": "The order of the data does not matter, as long as the network is large",
    "s6.q8_c": (
        "Architectures that control memory (LSTM, GRU) decide what to forget and what to keep, and so reach "
        "much longer dependencies"
    ),
    "s6.q8_d": "Deeper feedforward networks solve any sequential problem",
    "s6.q8_why": (
        "The three lessons: sequential data needs memory (order matters); a loop alone is not enough for long "
        "dependencies (vanishing and exploding gradients); and gates that control memory mitigate that — "
        "without removing the problem. The other sentences contradict stations 1 to 3."
    ),
    # ------------------------------------------------------------------ legacy, video, references
    "s6.legacy_title": "The legacy and what comes next",
    "s6.legacy": (
        "LSTMs and GRUs took sequence processing to a new level: machine translation, speech recognition "
        "and voice assistants relied on them for years, and the architectures that came after inherited the "
        "same question — what to keep from the past to predict what comes next. Want to experiment more? "
        "The lab (station 5) takes other tasks and lengths."
    ),
    "s6.video": "Watch the video summary",
    "s6.video_help": "A short video summarising the journey (opens on GitHub; narrated in Portuguese).",
    "s6.refs_title": "References",
    "s6.refs_intro": "The papers behind each station, for those who want to go further:",
    "s6.ref_bengio1994": (
        "Bengio, Simard & Frasconi (1994). *Learning long-term dependencies with gradient descent is "
        "difficult.* IEEE Transactions on Neural Networks 5(2). "
        "[doi:10.1109/72.279181](https://doi.org/10.1109/72.279181) — why the gradient vanishes (station 3)."
    ),
    "s6.ref_hochreiter1997": (
        "Hochreiter & Schmidhuber (1997). *Long short-term memory.* Neural Computation 9(8). "
        "[doi:10.1162/neco.1997.9.8.1735](https://doi.org/10.1162/neco.1997.9.8.1735) — the LSTM, still "
        "without a forget gate (station 4), and the adding problem (station 5)."
    ),
    "s6.ref_gers2000": (
        "Gers, Schmidhuber & Cummins (2000). *Learning to forget: continual prediction with LSTM.* Neural "
        "Computation 12(10). [doi:10.1162/089976600300015015](https://doi.org/10.1162/089976600300015015) "
        "— the forget gate (station 4)."
    ),
    "s6.ref_pascanu2013": (
        "Pascanu, Mikolov & Bengio (2013). *On the difficulty of training recurrent neural networks.* ICML. "
        "[arXiv:1211.5063](https://arxiv.org/abs/1211.5063) — the 1/γ condition and gradient clipping "
        "(station 3)."
    ),
    "s6.ref_cho2014": (
        "Cho et al. (2014). *Learning phrase representations using RNN encoder–decoder for statistical "
        "machine translation.* EMNLP. [arXiv:1406.1078](https://arxiv.org/abs/1406.1078) — the GRU (station 4)."
    ),
    "s6.ref_chung2014": (
        "Chung, Gulcehre, Cho & Bengio (2014). *Empirical evaluation of gated recurrent neural networks on "
        "sequence modeling.* [arXiv:1412.3555](https://arxiv.org/abs/1412.3555) — LSTM vs GRU (stations 4 and 5)."
    ),
    "s6.ref_jozefowicz2015": (
        "Jozefowicz, Zaremba & Sutskever (2015). *An empirical exploration of recurrent network "
        "architectures.* ICML, PMLR 37. [proceedings.mlr.press/v37/jozefowicz15]"
        "(https://proceedings.mlr.press/v37/jozefowicz15.html) — forget-gate bias 1 (station 4)."
    ),
    "s6.ref_le2015": (
        "Le, Jaitly & Hinton (2015). *A simple way to initialize recurrent networks of rectified linear "
        "units.* [arXiv:1504.00941](https://arxiv.org/abs/1504.00941) — the adding problem in the form used "
        "here, with numbers in [0, 1] (station 5)."
    ),
    "s6.ref_arjovsky2016": (
        "Arjovsky, Shah & Bengio (2016). *Unitary evolution recurrent neural networks.* ICML. "
        "[arXiv:1511.06464](https://arxiv.org/abs/1511.06464) — norm-preserving matrices and long-memory "
        "tasks (stations 3 and 5)."
    ),
    "s6.l3_latch_done": (
        "And on the latch with T = {length}, at the lab's default settings ({steps} steps, seed {seed}), the "
        "race ended with the LSTM at {lstm} accuracy and the GRU at {gru} — chance is 50 % — while the tanh "
        "RNN reached {rnn}."
    ),
    "s6.l3_latch_running": (
        "The app is measuring the latch with T = {length} at the lab's default settings right now: step "
        "{step} of {steps}. The result appears here when the race ends."
    ),
    "s6.l3_latch_queued": (
        "The app will measure the latch with T = {length} at the lab's default settings; waiting: {ahead} "
        "race(s) ahead."
    ),
    "s6.l3_latch_failed": "Measuring the latch with T = {length} failed: {error}",
    "s6.l3_manifest_rnn_fail": (
        "The plain RNN gets only {rnn_d1} right even with the key event just before the final scene (d = 1): "
        "near chance, it did not learn the task — a training failure, not distance."
    ),
    "s6.l3_manifest_rnn_ok": (
        "The plain RNN gets {rnn_d1} right with the key event just before the final scene (d = 1)."
    ),
    "s6.l3_latch_ask": (
        "And are gates enough to keep a single bit for {length} steps? On the latch with T = {length}, the "
        "lab's race at its default settings answers — measured, not written here."
    ),
    "s6.l3_latch_run": "Measure it now (shared race)",
    "s6.l3_latch_link": "Open this race in the lab",
}
