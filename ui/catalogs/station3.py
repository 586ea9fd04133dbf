"""Strings of station 3 (vanishing & exploding gradients: the telephone game, live)."""

PT: dict[str, str] = {
    "s3.title": "Desvanecimento e explosão do gradiente",
    "s3.subtitle": "O telefone sem fio, ao vivo: quanto da mensagem — e do gradiente — sobrevive passo a passo, "
                   "medido em redes PyTorch de verdade.",
    "s3.takeaway": "Numa RNN simples, o gradiente que volta no tempo é um produto de Jacobianas, uma por "
                   "passo: ele encolhe (desvanece) ou cresce (explode) exponencialmente com a distância. O "
                   "recorte do gradiente (gradient clipping) doma a explosão; o desvanecimento pede outra "
                   "arquitetura — as portas da LSTM e da GRU o atenuam (estação 4).",
    "s3.intro": "Na estação 2 a memória funcionou. Mas será que ela é perfeita? Para aprender, a rede manda um "
                "sinal de erro de volta no tempo (*backpropagation through time*). Como no **telefone sem fio**, esse "
                "sinal passa de pessoa em pessoa — de passo em passo — e a cada passagem é multiplicado pela mesma "
                "matriz de pesos. Se cada pessoa fala um pouco mais baixo, a mensagem some: é o **desvanecimento do "
                "gradiente (vanishing gradient)**. Se cada uma grita num megafone, tudo vira um ruído ensurdecedor: é "
                "a **explosão do gradiente (exploding gradient)**. Mexa nos controles e veja os dois acontecerem numa "
                "RNN de verdade: todo número desta página sai de uma passagem real para a frente ou para trás.",
    # controls
    "s3.controls_heading": "A rede da fila",
    "s3.init_label": "Inicialização de U (a matriz recorrente)",
    "s3.init_help": "g·Q: U = g·Q com Q ortogonal (sorteada), então todos os valores singulares de U valem g. "
                    "PyTorch: a inicialização padrão do PyTorch, pesos uniformes em ±1/√(tamanho oculto); aí "
                    "o controle de ganho não vale. (W, a matriz da entrada, fica sempre na inicialização do "
                    "PyTorch.)",
    "s3.gain_label": "Ganho recorrente g (raio espectral de U)",
    "s3.gain_help": "Quanto U amplia ou encolhe um vetor a cada passo. Abaixo de 1 o sussurro some; acima de "
                    "1 o megafone pode entrar em ação.",
    "s3.gain_ignored": "Com a inicialização padrão do PyTorch o ganho não é usado (o controle fica "
                       "desativado): U é sorteada uniforme em ±1/√n e o seu maior valor singular aparece ao "
                       "lado do selo.",
    "s3.nl_label": "Não linearidade φ",
    "s3.nl_help": "A função aplicada a cada passo. Linear com U = g·Q: o gradiente é exatamente gᵏ. tanh e "
                  "ReLU multiplicam fatores |φ′| ≤ 1, então ficam abaixo disso.",
    "s3.hidden_label": "Tamanho do estado oculto",
    "s3.hidden_help": "Número de unidades em h_t (a matriz recorrente U é n × n).",
    "s3.length_label": "Comprimento da sequência T (pessoas na fila)",
    "s3.length_help": "Quantos passos de tempo a mensagem atravessa. Tudo é calculado para todos os passos.",
    "s3.seed_label": "Semente",
    "s3.seed_help": "Sorteia os pesos, as entradas e a direção da mensagem. Mesma semente, mesmos números.",
    # values that a log scale cannot draw
    "s3.value_underflow": "abaixo de 1e-308 (underflow: virou 0 em float64)",
    "s3.value_overflow": "∞ (overflow: passou de 1,8e308 em float64)",
    "s3.value_nan": "NaN (não é um número: a conta estourou)",
    "s3.value_underflow_marker": "0 (borda de baixo)",
    "s3.value_overflow_marker": "∞/NaN (borda de cima)",
    # regime badge
    "s3.regime_heading": "O que está acontecendo nesta fila",
    "s3.regime_vanishing": "Desvanecimento do gradiente (vanishing gradient)",
    "s3.regime_stable": "Estável: na borda entre os dois",
    "s3.regime_exploding": "Explosão do gradiente (exploding gradient)",
    "s3.regime_short_vanishing": "desvanecimento",
    "s3.regime_short_stable": "estável",
    "s3.regime_short_exploding": "explosão",
    "s3.analogy_vanishing": "**O sussurro some.** Depois de {k} pessoas, só {value} do sinal de aprendizado chega ao "
                            "começo da fila: os primeiros passos praticamente não aprendem nada. O último da fila não "
                            "sabe o que o primeiro disse.",
    "s3.analogy_stable": "**A mensagem atravessa a fila.** Depois de {k} pessoas o sinal ainda tem intensidade "
                         "{value}: nem some nem explode. É um equilíbrio frágil — mexa um pouco no ganho e veja.",
    "s3.analogy_exploding": "**O megafone.** Cada pessoa grita mais alto que a anterior: depois de {k} pessoas o "
                            "sinal chega multiplicado por {value}. Um sinal assim é ruído ensurdecedor — os ajustes "
                            "ficam caóticos e a rede “alucina”.",
    "s3.sigma_label": "Maior valor singular de U, σ_max",
    "s3.sigma_help": "Calculado na matriz recorrente U desta rede. É o quanto U pode esticar um vetor num "
                     "único passo.",
    "s3.pascanu_line": "Condições de Pascanu et al. (2013): compare σ_max = {sigma} com 1/γ = {inv}, em que "
                       "γ = {gamma} é o maior valor de |φ′| para {nl}.",
    "s3.pascanu_sufficient": "σ_max < 1/γ: isso **basta** para o gradiente desvanecer — cada passo o encolhe, "
                             "qualquer que seja a entrada.",
    "s3.pascanu_necessary": "σ_max > 1/γ: a condição **necessária** para explodir está satisfeita — a explosão "
                            "fica possível, não garantida. Medido aqui: {regime}.",
    "s3.pascanu_edge": "σ_max = 1/γ: exatamente no limiar, onde nenhuma das duas condições decide. Medido "
                       "aqui: {regime}.",
    # 1 telephone game
    "s3.phone_heading": "1 · O telefone sem fio",
    "s3.phone_explain": "Cada pessoa da fila é um passo de tempo $t$. **Linha de cima (ida):** sussurramos "
                        "uma mensagem no estado inicial $h_0$; quanto dela ainda está em $h_t$ é "
                        "$\\|\\partial h_t/\\partial h_0\\|$. **Linha de baixo (volta):** o sinal de "
                        "aprendizado sai da perda no último passo; quanto dele chega a $h_t$ é $\\|\\partial "
                        "L/\\partial h_t\\|$. As duas são o mesmo produto de Jacobianas $\\partial "
                        "h_k/\\partial h_{k-1} = \\mathrm{diag}(\\varphi'(a_k))\\,U$, uma por pessoa, "
                        "percorrido em sentidos opostos. Tamanho e cor das bolinhas estão em escala "
                        "logarítmica, limitada a $10^{-10}$ e $10^{10}$ só para o desenho: passe o mouse para "
                        "ver o valor real.",
    "s3.phone_title": "Telefone sem fio: {n} das {total} pessoas da fila",
    "s3.phone_x": "pessoa na fila = passo de tempo t",
    "s3.phone_row_forward": "→ ida: quanto do sussurro inicial ainda se ouve, ‖∂h<sub>t</sub>/∂h<sub>0</sub>‖",
    "s3.phone_row_backward": "← volta: quanto do sinal de aprendizado chega, ‖∂L/∂h<sub>t</sub>‖",
    "s3.phone_forward_name": "ida ‖∂h<sub>t</sub>/∂h<sub>0</sub>‖",
    "s3.phone_backward_name": "volta ‖∂L/∂h<sub>t</sub>‖",
    "s3.phone_colorbar": "intensidade (log)",
    "s3.phone_person": "pessoa {t} (passo t = {t})",
    "s3.phone_from_start": "{k} passos desde o começo",
    "s3.phone_to_loss": "{k} passos até a perda",
    "s3.phone_front": "frente da mensagem",
    "s3.phone_step": "→ a pessoa {ahead} ouve {forward}   ·   ← a pessoa {behind} recebe {backward}",
    "s3.phone_again": "▶ do começo",
    "s3.phone_pause": "❚❚ pausar",
    "s3.phone_play": "▶ continuar",
    "s3.phone_caption": "Repare nas pontas da fila: o sussurro chega à pessoa {k} com intensidade {first}, e o "
                        "sinal de aprendizado chega à primeira pessoa com {last}.",
    "s3.phone_player_hint": "Aperte ▶ para ver a mensagem andar para a direita e o sinal de aprendizado para "
                            "a esquerda, uma pessoa por vez, com os valores medidos embaixo do gráfico; "
                            "arraste o controle deslizante (ou clique num passo) para ir e voltar. A animação "
                            "roda no seu navegador.",
    # 2 norm by distance
    "s3.dist_heading": "2 · O gradiente pela distância",
    "s3.dist_theory_exact": "teoria: {g}ᵏ (exata para a RNN linear)",
    "s3.dist_theory_bound": "cota superior de Pascanu (γ·σ_max)ᵏ",
    "s3.dist_title": "‖∂L/∂h<sub>t</sub>‖ pela distância até a perda — RNN {nl}",
    "s3.dist_x": "distância até a perda, k = T − t (passos de tempo)",
    "s3.dist_y": "‖∂L/∂h<sub>t</sub>‖ (escala log)",
    "s3.dist_measured": "medido (retropropagação real, float64)",
    "s3.dist_caption_exact": "Numa escala log, gᵏ é uma reta: a curva medida fica em cima da teoria, inclinação log₁₀ g "
                             "por passo.",
    "s3.dist_caption_linear": "A curva medida nunca passa da reta tracejada (γ·σ_max)ᵏ, uma cota superior. "
                              "Com φ linear cada fator é a própria U; a cota usa só o maior valor singular de "
                              "U, e as outras direções encolhem mais rápido.",
    "s3.dist_caption_relu": "A curva medida nunca passa da reta tracejada (γ·σ_max)ᵏ, uma cota superior. Com "
                            "ReLU, φ′ vale 0 ou 1: uma unidade desligada (a < 0) não devolve nada, e o sinal "
                            "perde essas direções.",
    "s3.dist_caption_tanh": "A curva medida nunca passa da reta tracejada (γ·σ_max)ᵏ, uma cota superior. Com "
                            "tanh ela cai mais rápido, porque |tanh′(a)| < 1 para todo a ≠ 0: cada passo "
                            "encolhe o sinal um pouco mais.",
    "s3.cells_rnn": "RNN {nl}",
    "s3.cells_lstm_open": "LSTM, porta de esquecimento aberta (b_f = {b})",
    "s3.cells_title": "RNN, LSTM e GRU com o mesmo comprimento T = {T}",
    "s3.cells_caption": "Sem treino e com a mesma inicialização, medido aqui: {lstm}; {gru}; {lstm_open}. As "
                        "portas mudam o produto de Jacobianas, mas não garantem nada sozinhas: uma LSTM ou "
                        "uma GRU também pode desvanecer ou crescer. A linha tracejada mostra quanto mais "
                        "longe o sinal vai com a porta de esquecimento (forget gate) aberta (estação 4).",
    "s3.cells_fades": "{cell} desvanece: sobra {value} depois de {k} passos",
    "s3.cells_grows": "{cell} cresce, até ×{value} a {k} passos da perda",
    # math
    "s3.math_heading": "A matemática por trás (produto de Jacobianas, ρᵏ, cota superior de Pascanu)",
    "s3.math_intro": "Uma RNN simples atualiza o estado oculto com a mesma matriz recorrente $U$ a cada passo "
                     "($W$ multiplica a entrada):",
    "s3.math_chain": "Pela regra da cadeia, o gradiente que volta do passo $T$ até o passo $t$ é um produto de "
                     "$T-t$ Jacobianas, uma por pessoa da fila:",
    "s3.math_linear": "Se $\\varphi$ é a identidade e $U = \\rho\\,Q$ com $Q$ ortogonal, cada fator só "
                      "multiplica a norma por $\\rho$. Depois de $k$ passos sobra $\\rho^k$: exponencial na "
                      "distância.",
    "s3.math_pascanu": "Com uma não linearidade, $|\\varphi'| \\le \\gamma$ ($\\gamma = 1$ para tanh, ReLU e "
                       "linear; $\\gamma = 1/4$ para a sigmoide). Então cada fator tem norma no máximo "
                       "$\\gamma\\,\\sigma_{\\max}$:",
    "s3.math_conditions": "Daí vêm as condições de Pascanu, Mikolov e Bengio (2013): $\\sigma_{\\max} < "
                          "1/\\gamma$ é **suficiente** para o gradiente desvanecer; $\\sigma_{\\max} > "
                          "1/\\gamma$ é **necessária** (mas não suficiente) para ele explodir. O remédio "
                          "deles para a explosão é o recorte do gradiente (gradient clipping), que reescala a "
                          "norma do gradiente (Algoritmo 1):",
    "s3.math_clipping": "O recorte preserva a direção e limita o tamanho do passo. Ele não resolve o "
                        "desvanecimento: para atenuá-lo é preciso mudar a arquitetura (LSTM e GRU, estação "
                        "4).",
    # 4 the cliff
    "s3.cliff_heading": "3 · O penhasco de Pascanu",
    "s3.cliff_explain": "Pascanu, Mikolov e Bengio (2013, Fig. 6) mostraram de onde vem a explosão com a "
                        "menor RNN possível: uma única unidade, $x_t = u\\,\\sigma(x_{t-1}) + b$ (no artigo o "
                        "peso recorrente se chama w; aqui, como no resto do app, u). O começo x₀ = 0,5, o "
                        "alvo 0,7 (perda L = (x₅₀ − 0,7)²), os 50 passos e o ponto de partida ★ são escolhas "
                        "deste app, não do artigo. Onde a trajetória troca de um ponto fixo para outro, a "
                        "perda dá um salto: uma **parede** finíssima em que o gradiente é enorme. Dois "
                        "caminhos de descida do gradiente saem do mesmo ponto ★: **sem recorte**, um passo "
                        "que cai na parede arremessa os parâmetros para longe; **com recorte**, cada passo "
                        "anda no máximo taxa × limiar.",
    "s3.cliff_lr_label": "Taxa de aprendizado",
    "s3.cliff_lr_help": "Tamanho de cada passo de descida: (w, b) ← (w, b) − taxa · g.",
    "s3.cliff_clip_label": "Limiar de recorte c",
    "s3.cliff_clip_help": "Se ‖g‖ ≥ c, o gradiente é reescalado para ter norma c (só no caminho com recorte).",
    "s3.cliff_free": "sem recorte",
    "s3.cliff_clipped": "com recorte (c = {c})",
    "s3.cliff_title": "Perda de uma RNN de uma unidade sobre (u, b), com dois caminhos de descida",
    "s3.cliff_x": "u (peso recorrente)",
    "s3.cliff_y": "b (viés)",
    "s3.cliff_colorbar": "perda L (log)",
    "s3.cliff_start": "ponto de partida",
    "s3.cliff_loss": "perda",
    "s3.cliff_jump": "arremessado {size} unidades<br>(perda {before} → {after})",
    "s3.cliff_caption": "Sem recorte, o maior passo mede {jump} (no passo {step}); com recorte nenhum passo "
                        "passa de {clip_jump} (o limite é taxa × c = {rate} × {c}). A parede corre ao longo "
                        "do vale escuro na diagonal: logo abaixo dele a perda salta de volta para o platô "
                        "alto.",
    "s3.cliff_path_title": "Perda ao longo de cada caminho",
    "s3.cliff_path_x": "passo de descida do gradiente",
    "s3.cliff_path_y": "perda L (escala log)",
    "s3.cliff_aside": "Não necessariamente. Com a taxa {rate} e c = {c}, descemos de {starts} pontos de "
                      "partida numa grade sobre a janela padrão, com e sem recorte: em {thrown} deles algum "
                      "passo sem recorte foi maior que {limit}, e desses {better} terminaram abaixo do "
                      "caminho com recorte ({worse} acima). Nesta superfície, um passo arremessado costuma "
                      "cair num vale largo onde a descida chega perto de zero. Procuramos um ponto de partida "
                      "em que o arremesso terminasse claramente pior e não achamos um que resistisse a mudar "
                      "um pouco a taxa. O que o recorte garante é outra coisa: nenhum passo vai mais longe "
                      "que taxa × c — o caminho com recorte também atravessa a parede, e a perda dele salta, "
                      "mas os parâmetros ficam onde estavam. Numa rede de verdade (seção 4), um passo sem "
                      "limite termina em NaN.",
    "s3.cliff_aside_heading": "Ser arremessado sempre sai caro? Contamos",
    "s3.cliff_path_caption_calm": "Desta vez nenhum passo sem recorte foi arremessado (o maior mede {jump}). "
                                  "Perda final: {free} sem recorte, {clipped} com recorte.",
    "s3.cliff_path_caption_better": "O salto marca o passo que caiu na parede: no passo {step} a perda foi de "
                                    "{before} a {after}, e tudo o que a descida tinha ganhado se perdeu num "
                                    "passo só. Depois o caminho arremessado caiu, por sorte, num vale largo e "
                                    "terminou mais baixo ({free}) que o caminho com recorte ({clipped}): onde "
                                    "um passo arremessado cai é sorte (veja a contagem abaixo). O recorte "
                                    "troca essa sorte por passos de tamanho limitado.",
    "s3.cliff_path_caption_worse": "O salto marca o passo que caiu na parede: no passo {step} a perda foi de "
                                   "{before} a {after}, e tudo o que a descida tinha ganhado se perdeu num "
                                   "passo só. Desta vez o caminho arremessado também terminou pior: {free} "
                                   "sem recorte, {clipped} com recorte. O recorte não deixa a descida mais "
                                   "esperta, deixa-a segura: nenhum passo vai mais longe que taxa × c.",
    # 5 the network hallucinates
    "s3.train_heading": "4 · A rede “alucina”",
    "s3.train_explain": "Agora uma rede de verdade, treinando. Uma RNN tanh com {hidden} unidades começa com "
                        "a matriz recorrente $U = {gain}\\cdot Q$ (maior valor singular {gain}, acima do "
                        "limiar 1/γ = 1) e aprende o *problema da soma* (adding problem) com sequências de "
                        "{length} passos: somar os dois números marcados. SGD simples, taxa de aprendizado "
                        "{lr}, lotes de {batch}, até {steps} passos. Duas execuções com a mesma semente e os "
                        "mesmos dados: **sem recorte** e **com recorte** em c = {c}. Quem não tem memória e "
                        "chuta sempre 1 erra em média {baseline} (erro quadrático).",
    "s3.train_button": "Treinar as duas redes (semente {seed})",
    "s3.train_progress_free": "Treinando sem recorte…",
    "s3.train_progress_clipped": "Treinando com recorte…",
    "s3.train_hint": "Aperte o botão: as duas redes treinam lado a lado no servidor, uma vez só para todos "
                     "que pedirem a mesma semente.",
    "s3.train_stopped": "O treino foi interrompido. Aperte o botão para treinar de novo.",
    "s3.train_failed": "O treino falhou: {error}",
    "s3.train_stop": "Parar de esperar",
    "s3.train_queued": "Na fila: {n} treino(s) na frente. Ele começa sozinho; pode continuar explorando a "
                       "página.",
    "s3.train_free_exploded": "Sem recorte: **explodiu no passo {step}** — a perda virou NaN (não é um "
                              "número).",
    "s3.train_free_survived": "Sem recorte: desta vez não explodiu em {steps} passos. σ_max > 1/γ torna a "
                              "explosão possível, não garantida: tente outra semente.",
    "s3.train_clip_exploded": "Com recorte: explodiu no passo {step}.",
    "s3.train_clip_ok": "Com recorte: estável do começo ao fim; perda final {loss} (sem memória: {baseline}).",
    "s3.train_seconds": "Tempo das duas execuções",
    "s3.train_seconds_help": "Tempo de relógio das duas execuções no servidor, medido quando foram calculadas "
                             "(uma vez para todos que pediram esta semente).",
    "s3.train_seed": "Semente {seed}",
    "s3.train_free": "sem recorte",
    "s3.train_clipped": "com recorte (c = {c})",
    "s3.train_loss_title": "Perda a cada passo de treino",
    "s3.train_x": "passo de treino (atualizações)",
    "s3.train_loss_y": "perda (erro quadrático médio, escala log)",
    "s3.train_exploded": "explodiu no passo {step}",
    "s3.train_baseline": "sem memória (1/6)",
    "s3.train_loss_caption": "Uma explosão aparece como a perda disparando por ordens de grandeza até virar "
                             "NaN (o ✕ na borda de cima); a linha pontilhada é o erro de quem não tem "
                             "memória.",
    "s3.train_norm_title": "Norma do gradiente a cada passo (antes do recorte)",
    "s3.train_norm_y": "‖g‖ = ‖∂L/∂θ‖ (escala log)",
    "s3.train_threshold": "limiar de recorte c = {c}",
    "s3.train_norm_caption": "Sem recorte, cada gradiente grande vira um passo grande, que pode deixar o "
                             "gradiente seguinte ainda maior — uma espiral até o NaN (o ✕). Com recorte "
                             "nenhum passo anda mais que taxa × c.",
    "s3.references": "Referências: Bengio, Simard & Frasconi (1994), *Learning long-term dependencies with "
                     "gradient descent is difficult*; Pascanu, Mikolov & Bengio (2013), *On the difficulty of "
                     "training recurrent neural networks* (condições σ_max vs 1/γ, o penhasco da Fig. 6 e o "
                     "Algoritmo 1); Hochreiter & Schmidhuber (1997), *Long short-term memory*, onde nasce o "
                     "problema da soma; Le, Jaitly & Hinton (2015), a variante com números em [0, 1] usada "
                     "aqui.",
}

EN: dict[str, str] = {
    "s3.title": "Vanishing and exploding gradients",
    "s3.subtitle": "The telephone game, live: how much of the message — and of the gradient — survives step by "
                   "step, measured on real PyTorch networks.",
    "s3.takeaway": "In a plain RNN the gradient travelling back in time is a product of Jacobians, one per "
                   "step: it shrinks (vanishes) or grows (explodes) exponentially with distance. Gradient "
                   "clipping tames the explosion; vanishing needs another architecture — the gates of LSTM "
                   "and GRU mitigate it (station 4).",
    "s3.intro": "On station 2 memory worked. But is it perfect? To learn, the network sends an error signal back "
                "in time (*backpropagation through time*). As in the **telephone game**, that signal is passed from "
                "person to person — from step to step — and at every hand-over it is multiplied by the same weight "
                "matrix. If everyone speaks a little more softly, the message fades away: that is the **vanishing "
                "gradient**. If everyone shouts into a megaphone, it turns into deafening noise: that is the "
                "**exploding gradient**. Move the controls and watch both happen in a real RNN: every number on "
                "this page comes from a real forward or backward pass.",
    # controls
    "s3.controls_heading": "The network in the row",
    "s3.init_label": "Initialisation of U (the recurrent matrix)",
    "s3.init_help": "g·Q: U = g·Q with Q a random orthogonal matrix, so every singular value of U equals g. "
                    "PyTorch: PyTorch's default initialisation, weights uniform in ±1/√(hidden size); the "
                    "gain control does not apply then. (W, the input matrix, always keeps PyTorch's "
                    "initialisation.)",
    "s3.gain_label": "Recurrent gain g (spectral radius of U)",
    "s3.gain_help": "How much U stretches or shrinks a vector at each step. Below 1 the whisper fades; above "
                    "1 the megaphone can kick in.",
    "s3.gain_ignored": "With PyTorch's default initialisation the gain is not used (the slider is disabled): "
                       "U is drawn uniform in ±1/√n and its largest singular value is shown next to the "
                       "badge.",
    "s3.nl_label": "Nonlinearity φ",
    "s3.nl_help": "The function applied at each step. Linear with U = g·Q: the gradient is exactly gᵏ. tanh "
                  "and ReLU multiply in factors |φ′| ≤ 1, so they stay below it.",
    "s3.hidden_label": "Hidden state size",
    "s3.hidden_help": "Number of units in h_t (the recurrent matrix U is n × n).",
    "s3.length_label": "Sequence length T (people in the row)",
    "s3.length_help": "How many time steps the message travels through. Everything is computed for every step.",
    "s3.seed_label": "Seed",
    "s3.seed_help": "Draws the weights, the inputs and the message direction. Same seed, same numbers.",
    # values that a log scale cannot draw
    "s3.value_underflow": "below 1e-308 (underflow: became 0 in float64)",
    "s3.value_overflow": "∞ (overflow: beyond 1.8e308 in float64)",
    "s3.value_nan": "NaN (not a number: the arithmetic blew up)",
    "s3.value_underflow_marker": "0 (bottom edge)",
    "s3.value_overflow_marker": "∞/NaN (top edge)",
    # regime badge
    "s3.regime_heading": "What is happening in this row",
    "s3.regime_vanishing": "Vanishing gradient",
    "s3.regime_stable": "Stable: on the edge between the two",
    "s3.regime_exploding": "Exploding gradient",
    "s3.regime_short_vanishing": "vanishing",
    "s3.regime_short_stable": "stable",
    "s3.regime_short_exploding": "exploding",
    "s3.analogy_vanishing": "**The whisper fades.** After {k} people only {value} of the learning signal reaches the "
                            "start of the row: the first steps learn next to nothing. The last person does not know "
                            "what the first one said.",
    "s3.analogy_stable": "**The message gets through.** After {k} people the signal still has strength {value}: it "
                         "neither fades nor explodes. A fragile balance — nudge the gain and see.",
    "s3.analogy_exploding": "**The megaphone.** Everyone shouts louder than the person before: after {k} people the "
                            "signal arrives multiplied by {value}. A signal like that is deafening noise — the updates "
                            "become chaotic and the network “hallucinates”.",
    "s3.sigma_label": "Largest singular value of U, σ_max",
    "s3.sigma_help": "Computed on this network's recurrent matrix U. It is how much U can stretch a vector in "
                     "a single step.",
    "s3.pascanu_line": "Pascanu et al.'s (2013) conditions: compare σ_max = {sigma} with 1/γ = {inv}, where "
                       "γ = {gamma} is the largest |φ′| for {nl}.",
    "s3.pascanu_sufficient": "σ_max < 1/γ: this is **sufficient** for the gradient to vanish — every step shrinks "
                             "it, whatever the input.",
    "s3.pascanu_necessary": "σ_max > 1/γ: the **necessary** condition for exploding is met — an explosion becomes "
                            "possible, not certain. Measured here: {regime}.",
    "s3.pascanu_edge": "σ_max = 1/γ: exactly on the threshold, where neither condition decides. Measured "
                       "here: {regime}.",
    # 1 telephone game
    "s3.phone_heading": "1 · The telephone game",
    "s3.phone_explain": "Each person in the row is a time step $t$. **Top row (forward):** we whisper a "
                        "message into the initial state $h_0$; how much of it is still in $h_t$ is "
                        "$\\|\\partial h_t/\\partial h_0\\|$. **Bottom row (backward):** the learning signal "
                        "leaves the loss at the last step; how much of it reaches $h_t$ is $\\|\\partial "
                        "L/\\partial h_t\\|$. Both are the same product of Jacobians $\\partial h_k/\\partial "
                        "h_{k-1} = \\mathrm{diag}(\\varphi'(a_k))\\,U$, one per person, walked in opposite "
                        "directions. Dot size and colour are on a log scale, limited to $10^{-10}$ and "
                        "$10^{10}$ for drawing only: hover to see the true value.",
    "s3.phone_title": "The telephone game: {n} of the {total} people in the row",
    "s3.phone_x": "person in the row = time step t",
    "s3.phone_row_forward": "→ forward: how much of the first whisper is still heard, ‖∂h<sub>t</sub>/∂h<sub>0</sub>‖",
    "s3.phone_row_backward": "← backward: how much of the learning signal arrives, ‖∂L/∂h<sub>t</sub>‖",
    "s3.phone_forward_name": "forward ‖∂h<sub>t</sub>/∂h<sub>0</sub>‖",
    "s3.phone_backward_name": "backward ‖∂L/∂h<sub>t</sub>‖",
    "s3.phone_colorbar": "strength (log)",
    "s3.phone_person": "person {t} (time step t = {t})",
    "s3.phone_from_start": "{k} steps from the start",
    "s3.phone_to_loss": "{k} steps to the loss",
    "s3.phone_front": "front of the message",
    "s3.phone_step": "→ person {ahead} hears {forward}   ·   ← person {behind} receives {backward}",
    "s3.phone_again": "▶ from the start",
    "s3.phone_pause": "❚❚ pause",
    "s3.phone_play": "▶ continue",
    "s3.phone_caption": "Look at the two ends of the row: the whisper reaches person {k} with strength {first}, and "
                        "the learning signal reaches the first person with {last}.",
    "s3.phone_player_hint": "Press ▶ to watch the message travel right and the learning signal travel left, "
                            "one person at a time, with the measured values under the chart; drag the slider "
                            "(or click a step) to go back and forth. The animation runs in your browser.",
    # 2 norm by distance
    "s3.dist_heading": "2 · The gradient by distance",
    "s3.dist_theory_exact": "theory: {g}ᵏ (exact for the linear RNN)",
    "s3.dist_theory_bound": "Pascanu's upper bound (γ·σ_max)ᵏ",
    "s3.dist_title": "‖∂L/∂h<sub>t</sub>‖ by distance to the loss — {nl} RNN",
    "s3.dist_x": "distance to the loss, k = T − t (time steps)",
    "s3.dist_y": "‖∂L/∂h<sub>t</sub>‖ (log scale)",
    "s3.dist_measured": "measured (real backward pass, float64)",
    "s3.dist_caption_exact": "On a log scale gᵏ is a straight line: the measured curve sits on the theory, slope "
                             "log₁₀ g per step.",
    "s3.dist_caption_linear": "The measured curve never rises above the dashed line (γ·σ_max)ᵏ, an upper "
                              "bound. With a linear φ every factor is U itself; the bound uses only U's "
                              "largest singular value, and the other directions shrink faster.",
    "s3.dist_caption_relu": "The measured curve never rises above the dashed line (γ·σ_max)ᵏ, an upper bound. "
                            "With ReLU, φ′ is 0 or 1: a unit that is switched off (a < 0) passes nothing "
                            "back, and the signal loses those directions.",
    "s3.dist_caption_tanh": "The measured curve never rises above the dashed line (γ·σ_max)ᵏ, an upper bound. "
                            "With tanh it falls faster, because |tanh′(a)| < 1 for every a ≠ 0: every step "
                            "shrinks the signal a little more.",
    "s3.cells_rnn": "{nl} RNN",
    "s3.cells_lstm_open": "LSTM, forget gate open (b_f = {b})",
    "s3.cells_title": "RNN, LSTM and GRU at the same length T = {T}",
    "s3.cells_caption": "Untrained and with the same initialisation, measured here: {lstm}; {gru}; "
                        "{lstm_open}. Gates change the product of Jacobians but guarantee nothing by "
                        "themselves: an LSTM or a GRU can fade or grow too. The dashed line shows how much "
                        "further the signal travels with the forget gate held open (station 4).",
    "s3.cells_fades": "{cell} fades: {value} is left after {k} steps",
    "s3.cells_grows": "{cell} grows, up to ×{value} at {k} steps from the loss",
    # math
    "s3.math_heading": "The maths behind it (product of Jacobians, ρᵏ, Pascanu's upper bound)",
    "s3.math_intro": "A plain RNN updates its hidden state with the same recurrent matrix $U$ at every step "
                     "($W$ multiplies the input):",
    "s3.math_chain": "By the chain rule, the gradient travelling back from step $T$ to step $t$ is a product of "
                     "$T-t$ Jacobians, one per person in the row:",
    "s3.math_linear": "If $\\varphi$ is the identity and $U = \\rho\\,Q$ with $Q$ orthogonal, each factor "
                      "only multiplies the norm by $\\rho$. After $k$ steps $\\rho^k$ is left: exponential in "
                      "the distance.",
    "s3.math_pascanu": "With a nonlinearity, $|\\varphi'| \\le \\gamma$ ($\\gamma = 1$ for tanh, ReLU and linear; "
                       "$\\gamma = 1/4$ for the sigmoid). So every factor has norm at most "
                       "$\\gamma\\,\\sigma_{\\max}$:",
    "s3.math_conditions": "Hence Pascanu, Mikolov & Bengio's (2013) conditions: $\\sigma_{\\max} < 1/\\gamma$ "
                          "is **sufficient** for the gradient to vanish; $\\sigma_{\\max} > 1/\\gamma$ is "
                          "**necessary** (but not sufficient) for it to explode. Their cure for exploding is "
                          "gradient clipping, which rescales the gradient's norm (Algorithm 1):",
    "s3.math_clipping": "Clipping keeps the direction and caps the step size. It does not cure vanishing: "
                        "mitigating that takes a different architecture (LSTM and GRU, station 4).",
    # 4 the cliff
    "s3.cliff_heading": "3 · Pascanu's cliff",
    "s3.cliff_explain": "Pascanu, Mikolov & Bengio (2013, Fig. 6) showed where explosions come from with the "
                        "smallest RNN there is: one unit, $x_t = u\\,\\sigma(x_{t-1}) + b$ (the paper calls "
                        "the recurrent weight w; here, as everywhere in this app, u). The initial value x₀ = "
                        "0.5, the target 0.7 (loss L = (x₅₀ − 0.7)²), the 50 steps and the start ★ are this "
                        "app's choices, not the paper's. Where the trajectory switches from one fixed point "
                        "to another, the loss jumps: a razor-thin **wall** where the gradient is huge. Two "
                        "gradient-descent paths leave the same point ★: **without clipping**, a step that "
                        "lands on the wall throws the parameters far away; **with clipping**, no step is "
                        "longer than learning rate × threshold.",
    "s3.cliff_lr_label": "Learning rate",
    "s3.cliff_lr_help": "Size of each descent step: (w, b) ← (w, b) − rate · g.",
    "s3.cliff_clip_label": "Clipping threshold c",
    "s3.cliff_clip_help": "If ‖g‖ ≥ c, the gradient is rescaled to norm c (on the clipped path only).",
    "s3.cliff_free": "without clipping",
    "s3.cliff_clipped": "with clipping (c = {c})",
    "s3.cliff_title": "Loss of a one-unit RNN over (u, b), with two descent paths",
    "s3.cliff_x": "u (recurrent weight)",
    "s3.cliff_y": "b (bias)",
    "s3.cliff_colorbar": "loss L (log)",
    "s3.cliff_start": "start",
    "s3.cliff_loss": "loss",
    "s3.cliff_jump": "thrown {size} units<br>(loss {before} → {after})",
    "s3.cliff_caption": "Without clipping the longest step is {jump} (at step {step}); with clipping no step "
                        "is longer than {clip_jump} (the limit is rate × c = {rate} × {c}). The wall runs "
                        "along the dark diagonal valley: just below it the loss jumps back up to the high "
                        "plateau.",
    "s3.cliff_path_title": "Loss along each path",
    "s3.cliff_path_x": "gradient-descent step",
    "s3.cliff_path_y": "loss L (log scale)",
    "s3.cliff_aside": "Not necessarily. At rate {rate} and c = {c} we descended from {starts} starts on a "
                      "grid over the default window, with and without clipping: in {thrown} of them some "
                      "unclipped step was longer than {limit}, and {better} of those ended below the clipped "
                      "path ({worse} above). On this surface a thrown step tends to land in a wide valley "
                      "where descent gets close to zero. We searched for a start where being thrown ends "
                      "clearly worse and found none that survived a small change of the rate. What clipping "
                      "guarantees is something else: no step goes further than rate × c — the clipped path "
                      "crosses the wall too, and its loss jumps, but the parameters stay where they were. In "
                      "a real network (section 4) an unbounded step ends in NaN.",
    "s3.cliff_aside_heading": "Is being thrown always costly? We counted",
    "s3.cliff_path_caption_calm": "This time no unclipped step was thrown (the longest is {jump}). Final "
                                  "loss: {free} without clipping, {clipped} with clipping.",
    "s3.cliff_path_caption_better": "The jump marks the step that landed on the wall: at step {step} the loss "
                                    "went from {before} to {after}, and everything the descent had gained was "
                                    "lost in a single step. The thrown path then happened to land in a wide "
                                    "valley and ended lower ({free}) than the clipped path ({clipped}): where "
                                    "a thrown step lands is luck (see the count below). Clipping trades that "
                                    "luck for steps of bounded size.",
    "s3.cliff_path_caption_worse": "The jump marks the step that landed on the wall: at step {step} the loss "
                                   "went from {before} to {after}, and everything the descent had gained was "
                                   "lost in a single step. This time the thrown path also ended worse: {free} "
                                   "without clipping, {clipped} with clipping. Clipping does not make descent "
                                   "smarter, it makes it safe: no step goes further than rate × c.",
    # 5 the network hallucinates
    "s3.train_heading": "4 · The network “hallucinates”",
    "s3.train_explain": "Now a real network, training. A tanh RNN with {hidden} units starts with the "
                        "recurrent matrix $U = {gain}\\cdot Q$ (largest singular value {gain}, above the "
                        "threshold 1/γ = 1) and learns the *adding problem* with sequences of {length} steps: "
                        "add up the two marked numbers. Plain SGD, learning rate {lr}, batches of {batch}, up "
                        "to {steps} steps. Two runs with the same seed and the same data: **without "
                        "clipping** and **with clipping** at c = {c}. A memoryless guess (always 1) has mean "
                        "squared error {baseline}.",
    "s3.train_button": "Train both networks (seed {seed})",
    "s3.train_progress_free": "Training without clipping…",
    "s3.train_progress_clipped": "Training with clipping…",
    "s3.train_hint": "Press the button: both networks train side by side on the server, once for everyone who "
                     "asks for the same seed.",
    "s3.train_stopped": "The training was stopped. Press the button to train again.",
    "s3.train_failed": "The training failed: {error}",
    "s3.train_stop": "Stop waiting",
    "s3.train_queued": "Waiting: {n} training(s) ahead. It starts by itself; keep exploring the page.",
    "s3.train_free_exploded": "Without clipping: **exploded at step {step}** — the loss became NaN (not a number).",
    "s3.train_free_survived": "Without clipping: no explosion this time in {steps} steps. σ_max > 1/γ makes an "
                              "explosion possible, not certain: try another seed.",
    "s3.train_clip_exploded": "With clipping: exploded at step {step}.",
    "s3.train_clip_ok": "With clipping: stable from start to end; final loss {loss} (memoryless: {baseline}).",
    "s3.train_seconds": "Time for both runs",
    "s3.train_seconds_help": "Wall time of both runs on the server, measured when they were computed (once "
                             "for everyone who asked for this seed).",
    "s3.train_seed": "Seed {seed}",
    "s3.train_free": "without clipping",
    "s3.train_clipped": "with clipping (c = {c})",
    "s3.train_loss_title": "Loss at every training step",
    "s3.train_x": "training step (updates)",
    "s3.train_loss_y": "loss (mean squared error, log scale)",
    "s3.train_exploded": "exploded at step {step}",
    "s3.train_baseline": "memoryless (1/6)",
    "s3.train_loss_caption": "An explosion shows as the loss shooting up by orders of magnitude until it "
                             "becomes NaN (the ✕ on the top edge); the dotted line is the memoryless error.",
    "s3.train_norm_title": "Gradient norm at every step (before clipping)",
    "s3.train_norm_y": "‖g‖ = ‖∂L/∂θ‖ (log scale)",
    "s3.train_threshold": "clipping threshold c = {c}",
    "s3.train_norm_caption": "Without clipping, every big gradient becomes a big step, which can make the "
                             "next gradient bigger still — a spiral all the way to NaN (the ✕). With clipping "
                             "no step moves further than rate × c.",
    "s3.references": "References: Bengio, Simard & Frasconi (1994), *Learning long-term dependencies with "
                     "gradient descent is difficult*; Pascanu, Mikolov & Bengio (2013), *On the difficulty of "
                     "training recurrent neural networks* (σ_max vs 1/γ, the cliff of Fig. 6 and Algorithm "
                     "1); Hochreiter & Schmidhuber (1997), *Long short-term memory*, where the adding problem "
                     "comes from; Le, Jaitly & Hinton (2015), the variant with numbers in [0, 1] used here.",
}
