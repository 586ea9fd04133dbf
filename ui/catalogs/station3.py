"""Strings of station 3 (vanishing & exploding gradients: the telephone game, live)."""

PT: dict[str, str] = {
    "s3.title": "Desvanecimento e explosão do gradiente",
    "s3.subtitle": "O telefone sem fio, ao vivo: quanto da mensagem — e do gradiente — sobrevive passo a passo, "
                   "medido em redes PyTorch de verdade.",
    "s3.takeaway": "Numa RNN simples, o gradiente que volta no tempo é um produto de Jacobianas, uma por passo: "
                   "ele encolhe (desvanece) ou cresce (explode) exponencialmente com a distância. O clipping doma a "
                   "explosão; o desvanecimento pede portões (estação 4).",
    "s3.intro": "Na estação 2 a memória funcionou. Mas será que ela é perfeita? Para aprender, a rede manda um "
                "sinal de erro de volta no tempo (*backpropagation through time*). Como no **telefone sem fio**, esse "
                "sinal passa de pessoa em pessoa — de passo em passo — e a cada passagem é multiplicado pela mesma "
                "matriz de pesos. Se cada pessoa fala um pouco mais baixo, a mensagem some: é o **desvanecimento do "
                "gradiente (vanishing gradient)**. Se cada uma grita num megafone, tudo vira um ruído ensurdecedor: é "
                "a **explosão do gradiente (exploding gradient)**. Mexa nos controles e veja os dois acontecerem numa "
                "RNN de verdade: todo número desta página sai de uma passagem real para a frente ou para trás.",
    # controls
    "s3.controls_heading": "A rede da fila",
    "s3.init_label": "Inicialização de W",
    "s3.init_help": "g·Q: W = g·Q com Q ortogonal (sorteada), então todos os valores singulares de W valem g. "
                    "PyTorch: a inicialização padrão do PyTorch, pesos uniformes em ±1/√(tamanho oculto); aí o "
                    "controle de ganho não vale.",
    "s3.gain_label": "Ganho recorrente g (raio espectral de W)",
    "s3.gain_help": "Quanto W amplia ou encolhe um vetor a cada passo. Abaixo de 1 o sussurro some; acima de 1 "
                    "o megafone pode entrar em ação.",
    "s3.gain_ignored": "Com a inicialização padrão do PyTorch o ganho não é usado (o controle fica desativado): "
                       "W é sorteada uniforme em ±1/√n e o seu maior valor singular aparece ao lado do selo.",
    "s3.nl_label": "Não linearidade φ",
    "s3.nl_help": "A função aplicada a cada passo. Linear: o gradiente é exatamente gᵏ. tanh e ReLU multiplicam "
                  "fatores |φ′| ≤ 1, então ficam abaixo disso.",
    "s3.hidden_label": "Tamanho do estado oculto",
    "s3.hidden_help": "Número de unidades em h_t (a matriz W é n × n).",
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
    "s3.sigma_label": "Maior valor singular de W, σ_max",
    "s3.sigma_help": "Calculado na matriz W desta rede. É o quanto W pode esticar um vetor num único passo.",
    "s3.pascanu_line": "Condições de Pascanu et al. (2013): compare σ_max = {sigma} com 1/γ = {inv}, em que "
                       "γ = {gamma} é o maior valor de |φ′| para {nl}.",
    "s3.pascanu_sufficient": "σ_max < 1/γ: isso **basta** para o gradiente desvanecer — cada passo o encolhe, "
                             "qualquer que seja a entrada.",
    "s3.pascanu_necessary": "σ_max > 1/γ: a condição **necessária** para explodir está satisfeita — a explosão "
                            "fica possível, não garantida. Medido aqui: {regime}.",
    "s3.pascanu_edge": "σ_max = 1/γ: exatamente no limiar. Só a linear se mantém estável aqui; uma tanh já "
                       "desvanece, porque |tanh′| < 1 fora da origem.",
    # 1 telephone game
    "s3.phone_heading": "1 · O telefone sem fio",
    "s3.phone_explain": "Cada pessoa da fila é um passo de tempo $t$. **Linha de cima (ida):** sussurramos uma "
                        "mensagem no estado inicial $h_0$; quanto dela ainda está em $h_t$ é "
                        "$\\|\\partial h_t/\\partial h_0\\|$. **Linha de baixo (volta):** o sinal de aprendizado sai "
                        "da perda no último passo; quanto dele chega a $h_t$ é $\\|\\partial L/\\partial h_t\\|$. "
                        "As duas são o mesmo produto de Jacobianas "
                        "$\\partial h_k/\\partial h_{k-1} = \\mathrm{diag}(\\varphi'(a_k))\\,W$, uma por pessoa, "
                        "percorrido em sentidos opostos. Tamanho e cor das bolinhas estão em escala logarítmica, "
                        "cortada em $10^{-10}$ e $10^{10}$ só para o desenho: passe o mouse para ver o valor real.",
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
    "s3.phone_caption": "Repare nas pontas da fila: o sussurro chega à pessoa {k} com intensidade {first}, e o "
                        "sinal de aprendizado chega à primeira pessoa com {last}.",
    # 2 norm by distance
    "s3.dist_heading": "2 · O gradiente pela distância",
    "s3.dist_theory_exact": "teoria: {g}ᵏ (exata para a RNN linear)",
    "s3.dist_theory_bound": "limite de Pascanu (γ·σ_max)ᵏ",
    "s3.dist_title": "‖∂L/∂h<sub>t</sub>‖ pela distância até a perda — RNN {nl}",
    "s3.dist_x": "distância até a perda, k = T − t (passos de tempo)",
    "s3.dist_y": "‖∂L/∂h<sub>t</sub>‖ (escala log)",
    "s3.dist_measured": "medido (retropropagação real, float64)",
    "s3.dist_caption_exact": "Numa escala log, gᵏ é uma reta: a curva medida fica em cima da teoria, inclinação log₁₀ g "
                             "por passo.",
    "s3.dist_caption_bound": "A curva medida nunca passa da reta tracejada (γ·σ_max)ᵏ; com tanh ou ReLU ela cai mais "
                             "rápido, porque cada |φ′| < 1 encolhe o sinal um pouco mais.",
    "s3.cells_rnn": "RNN {nl}",
    "s3.cells_lstm_open": "LSTM, porta de esquecimento aberta (b_f = {b})",
    "s3.cells_title": "RNN, LSTM e GRU com o mesmo comprimento T = {T}",
    "s3.cells_caption": "Sem treino e com a mesma inicialização, LSTM e GRU também desvanecem — mas nunca explodem, "
                        "e a linha tracejada mostra que basta uma porta de esquecimento (forget gate) aberta para o "
                        "sinal ir bem mais longe (estação 4).",
    # math
    "s3.math_heading": "A matemática por trás (produto de Jacobianas, ρᵏ, limite de Pascanu)",
    "s3.math_intro": "Uma RNN simples atualiza o estado oculto com a mesma matriz $W$ a cada passo:",
    "s3.math_chain": "Pela regra da cadeia, o gradiente que volta do passo $T$ até o passo $t$ é um produto de "
                     "$T-t$ Jacobianas, uma por pessoa da fila:",
    "s3.math_linear": "Se $\\varphi$ é a identidade e $W = \\rho\\,Q$ com $Q$ ortogonal, cada fator só multiplica "
                      "a norma por $\\rho$. Depois de $k$ passos sobra $\\rho^k$: exponencial na distância.",
    "s3.math_pascanu": "Com uma não linearidade, $|\\varphi'| \\le \\gamma$ ($\\gamma = 1$ para tanh, ReLU e "
                       "linear; $\\gamma = 1/4$ para a sigmoide). Então cada fator tem norma no máximo "
                       "$\\gamma\\,\\sigma_{\\max}$:",
    "s3.math_conditions": "Daí vêm as condições de Pascanu, Mikolov e Bengio (2013): $\\sigma_{\\max} < 1/\\gamma$ "
                          "é **suficiente** para o gradiente desvanecer; $\\sigma_{\\max} > 1/\\gamma$ é "
                          "**necessária** (mas não suficiente) para ele explodir. O remédio para a explosão é "
                          "cortar a norma do gradiente (Algoritmo 1, *gradient clipping*):",
    "s3.math_clipping": "O clipping preserva a direção e limita o tamanho do passo. Ele não resolve o "
                        "desvanecimento: para isso é preciso mudar a arquitetura (LSTM e GRU, estação 4).",
    # 4 the cliff
    "s3.cliff_heading": "3 · O penhasco de Pascanu",
    "s3.cliff_explain": "Pascanu, Mikolov e Bengio (2013) mostraram de onde vem a explosão com a menor RNN possível: "
                        "uma única unidade, $x_t = w\\,\\sigma(x_{t-1}) + b$, rodando 50 passos a partir de "
                        "x₀ = 0,5, com perda L = (x₅₀ − 0,7)². Onde a trajetória troca de um ponto "
                        "fixo para outro, a perda dá um salto: uma **parede** finíssima em que o gradiente é enorme. "
                        "Dois caminhos de descida do gradiente saem do mesmo ponto ★: **sem clipping**, um passo que "
                        "cai na parede arremessa os parâmetros para longe; **com clipping**, cada passo anda no "
                        "máximo taxa × limiar.",
    "s3.cliff_lr_label": "Taxa de aprendizado",
    "s3.cliff_lr_help": "Tamanho de cada passo de descida: (w, b) ← (w, b) − taxa · g.",
    "s3.cliff_clip_label": "Limiar de clipping c",
    "s3.cliff_clip_help": "Se ‖g‖ ≥ c, o gradiente é reescalado para ter norma c (só no caminho com clipping).",
    "s3.cliff_free": "sem clipping",
    "s3.cliff_clipped": "com clipping (c = {c})",
    "s3.cliff_title": "Perda de uma RNN de uma unidade sobre (w, b), com dois caminhos de descida",
    "s3.cliff_x": "w (peso recorrente)",
    "s3.cliff_y": "b (viés)",
    "s3.cliff_colorbar": "perda L (log)",
    "s3.cliff_start": "ponto de partida",
    "s3.cliff_loss": "perda",
    "s3.cliff_jump": "arremessado {size} unidades<br>(perda {before} → {after})",
    "s3.cliff_caption": "Sem clipping, o maior passo mede {jump} (no passo {step}); com clipping nenhum passo passa "
                        "de {clip_jump}. A parede corre ao longo do vale escuro na diagonal: logo abaixo dele a "
                        "perda salta de volta para o platô alto.",
    "s3.cliff_path_title": "Perda ao longo de cada caminho",
    "s3.cliff_path_x": "passo de descida do gradiente",
    "s3.cliff_path_y": "perda L (escala log)",
    "s3.cliff_path_caption": "Um salto de perda marca o passo que caiu na parede. O clipping não deixa a descida mais "
                             "esperta, deixa-a segura: o caminho arremessado perde o lugar onde estava e onde ele cai "
                             "é sorte. Perda final: {free} sem clipping, {clipped} com clipping (que vai e volta "
                             "através da parede, em passos curtos).",
    # 5 the network hallucinates
    "s3.train_heading": "4 · A rede “alucina”",
    "s3.train_explain": "Agora uma rede de verdade, treinando. Uma RNN tanh com {hidden} unidades começa com "
                        "$W = {gain}\\cdot Q$ (maior valor singular {gain}, acima do limiar 1/γ = 1) e aprende o "
                        "*problema da soma* (adding problem) com sequências de {length} passos: somar os dois números "
                        "marcados. SGD simples, taxa de aprendizado {lr}, lotes de {batch}, até {steps} passos. Duas "
                        "execuções com a mesma semente e os mesmos dados: **sem clipping** e **com clipping** em "
                        "c = {c}. Quem não tem memória e chuta sempre 1 erra em média {baseline} (erro quadrático).",
    "s3.train_button": "Treinar as duas redes (semente {seed})",
    "s3.train_progress_free": "Treinando sem clipping…",
    "s3.train_progress_clipped": "Treinando com clipping…",
    "s3.train_hint": "Aperte o botão: em poucos segundos as duas redes treinam lado a lado, aqui na sua máquina.",
    "s3.train_free_exploded": "Sem clipping: **explodiu no passo {step}** — a perda virou NaN (não é um número).",
    "s3.train_free_survived": "Sem clipping: desta vez não explodiu em {steps} passos. σ_max > 1/γ torna a explosão "
                              "possível, não garantida: tente outra semente.",
    "s3.train_clip_exploded": "Com clipping: explodiu no passo {step}.",
    "s3.train_clip_ok": "Com clipping: estável do começo ao fim; perda final {loss} (sem memória: {baseline}).",
    "s3.train_seconds": "Tempo das duas execuções",
    "s3.train_seed": "Semente {seed}",
    "s3.train_free": "sem clipping",
    "s3.train_clipped": "com clipping (c = {c})",
    "s3.train_loss_title": "Perda a cada passo de treino",
    "s3.train_x": "passo de treino (atualizações)",
    "s3.train_loss_y": "perda (erro quadrático médio, escala log)",
    "s3.train_exploded": "explodiu no passo {step}",
    "s3.train_baseline": "sem memória (1/6)",
    "s3.train_loss_caption": "Sem clipping a perda dispara por dezenas de ordens de grandeza antes de virar NaN (o ✕ "
                             "na borda de cima); com clipping ela termina abaixo da linha sem memória.",
    "s3.train_norm_title": "Norma do gradiente a cada passo (antes do clipping)",
    "s3.train_norm_y": "‖g‖ = ‖∂L/∂θ‖ (escala log)",
    "s3.train_threshold": "limiar de clipping c = {c}",
    "s3.train_norm_caption": "Sem clipping, cada gradiente grande vira um passo grande, que deixa o gradiente seguinte "
                             "ainda maior — uma espiral até o NaN (o ✕). Com clipping nenhum passo anda mais que "
                             "taxa × c, e a espiral não começa.",
    "s3.references": "Referências: Bengio, Simard & Frasconi (1994), *Learning long-term dependencies with gradient "
                     "descent is difficult*; Pascanu, Mikolov & Bengio (2013), *On the difficulty of training "
                     "recurrent neural networks* (condições σ_max vs 1/γ, o penhasco e o Algoritmo 1); Le, Jaitly & "
                     "Hinton (2015) e Arjovsky, Shah & Bengio (2016), o problema da soma.",
}

EN: dict[str, str] = {
    "s3.title": "Vanishing and exploding gradients",
    "s3.subtitle": "The telephone game, live: how much of the message — and of the gradient — survives step by "
                   "step, measured on real PyTorch networks.",
    "s3.takeaway": "In a plain RNN the gradient travelling back in time is a product of Jacobians, one per step: it "
                   "shrinks (vanishes) or grows (explodes) exponentially with distance. Clipping tames the "
                   "explosion; vanishing needs gates (station 4).",
    "s3.intro": "On station 2 memory worked. But is it perfect? To learn, the network sends an error signal back "
                "in time (*backpropagation through time*). As in the **telephone game**, that signal is passed from "
                "person to person — from step to step — and at every hand-over it is multiplied by the same weight "
                "matrix. If everyone speaks a little more softly, the message fades away: that is the **vanishing "
                "gradient**. If everyone shouts into a megaphone, it turns into deafening noise: that is the "
                "**exploding gradient**. Move the controls and watch both happen in a real RNN: every number on "
                "this page comes from a real forward or backward pass.",
    # controls
    "s3.controls_heading": "The network in the row",
    "s3.init_label": "Initialisation of W",
    "s3.init_help": "g·Q: W = g·Q with Q a random orthogonal matrix, so every singular value of W equals g. "
                    "PyTorch: PyTorch's default initialisation, weights uniform in ±1/√(hidden size); the gain "
                    "control does not apply then.",
    "s3.gain_label": "Recurrent gain g (spectral radius of W)",
    "s3.gain_help": "How much W stretches or shrinks a vector at each step. Below 1 the whisper fades; above 1 "
                    "the megaphone can kick in.",
    "s3.gain_ignored": "With PyTorch's default initialisation the gain is not used (the slider is disabled): W is "
                       "drawn uniform in ±1/√n and its largest singular value is shown next to the badge.",
    "s3.nl_label": "Nonlinearity φ",
    "s3.nl_help": "The function applied at each step. Linear: the gradient is exactly gᵏ. tanh and ReLU multiply "
                  "in factors |φ′| ≤ 1, so they stay below it.",
    "s3.hidden_label": "Hidden state size",
    "s3.hidden_help": "Number of units in h_t (W is n × n).",
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
    "s3.sigma_label": "Largest singular value of W, σ_max",
    "s3.sigma_help": "Computed on this network's W. It is how much W can stretch a vector in a single step.",
    "s3.pascanu_line": "Pascanu et al.'s (2013) conditions: compare σ_max = {sigma} with 1/γ = {inv}, where "
                       "γ = {gamma} is the largest |φ′| for {nl}.",
    "s3.pascanu_sufficient": "σ_max < 1/γ: this is **sufficient** for the gradient to vanish — every step shrinks "
                             "it, whatever the input.",
    "s3.pascanu_necessary": "σ_max > 1/γ: the **necessary** condition for exploding is met — an explosion becomes "
                            "possible, not certain. Measured here: {regime}.",
    "s3.pascanu_edge": "σ_max = 1/γ: exactly on the threshold. Only the linear RNN stays stable here; a tanh one "
                       "already fades, because |tanh′| < 1 away from the origin.",
    # 1 telephone game
    "s3.phone_heading": "1 · The telephone game",
    "s3.phone_explain": "Each person in the row is a time step $t$. **Top row (forward):** we whisper a message into "
                        "the initial state $h_0$; how much of it is still in $h_t$ is "
                        "$\\|\\partial h_t/\\partial h_0\\|$. **Bottom row (backward):** the learning signal leaves "
                        "the loss at the last step; how much of it reaches $h_t$ is $\\|\\partial L/\\partial h_t\\|$. "
                        "Both are the same product of Jacobians "
                        "$\\partial h_k/\\partial h_{k-1} = \\mathrm{diag}(\\varphi'(a_k))\\,W$, one per person, "
                        "walked in opposite directions. Dot size and colour are on a log scale, clipped at "
                        "$10^{-10}$ and $10^{10}$ for drawing only: hover to see the true value.",
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
    "s3.phone_caption": "Look at the two ends of the row: the whisper reaches person {k} with strength {first}, and "
                        "the learning signal reaches the first person with {last}.",
    # 2 norm by distance
    "s3.dist_heading": "2 · The gradient by distance",
    "s3.dist_theory_exact": "theory: {g}ᵏ (exact for the linear RNN)",
    "s3.dist_theory_bound": "Pascanu's bound (γ·σ_max)ᵏ",
    "s3.dist_title": "‖∂L/∂h<sub>t</sub>‖ by distance to the loss — {nl} RNN",
    "s3.dist_x": "distance to the loss, k = T − t (time steps)",
    "s3.dist_y": "‖∂L/∂h<sub>t</sub>‖ (log scale)",
    "s3.dist_measured": "measured (real backward pass, float64)",
    "s3.dist_caption_exact": "On a log scale gᵏ is a straight line: the measured curve sits on the theory, slope "
                             "log₁₀ g per step.",
    "s3.dist_caption_bound": "The measured curve never rises above the dashed line (γ·σ_max)ᵏ; with tanh or ReLU it "
                             "falls faster, because every |φ′| < 1 shrinks the signal a little more.",
    "s3.cells_rnn": "{nl} RNN",
    "s3.cells_lstm_open": "LSTM, forget gate open (b_f = {b})",
    "s3.cells_title": "RNN, LSTM and GRU at the same length T = {T}",
    "s3.cells_caption": "Untrained and with the same initialisation, LSTM and GRU fade too — but they never explode, "
                        "and the dashed line shows that an open forget gate is enough for the signal to travel much "
                        "further (station 4).",
    # math
    "s3.math_heading": "The maths behind it (product of Jacobians, ρᵏ, Pascanu's bound)",
    "s3.math_intro": "A plain RNN updates its hidden state with the same matrix $W$ at every step:",
    "s3.math_chain": "By the chain rule, the gradient travelling back from step $T$ to step $t$ is a product of "
                     "$T-t$ Jacobians, one per person in the row:",
    "s3.math_linear": "If $\\varphi$ is the identity and $W = \\rho\\,Q$ with $Q$ orthogonal, each factor only "
                      "multiplies the norm by $\\rho$. After $k$ steps $\\rho^k$ is left: exponential in the distance.",
    "s3.math_pascanu": "With a nonlinearity, $|\\varphi'| \\le \\gamma$ ($\\gamma = 1$ for tanh, ReLU and linear; "
                       "$\\gamma = 1/4$ for the sigmoid). So every factor has norm at most "
                       "$\\gamma\\,\\sigma_{\\max}$:",
    "s3.math_conditions": "Hence Pascanu, Mikolov & Bengio's (2013) conditions: $\\sigma_{\\max} < 1/\\gamma$ is "
                          "**sufficient** for the gradient to vanish; $\\sigma_{\\max} > 1/\\gamma$ is "
                          "**necessary** (but not sufficient) for it to explode. The cure for exploding is to clip "
                          "the gradient's norm (Algorithm 1, *gradient clipping*):",
    "s3.math_clipping": "Clipping keeps the direction and caps the step size. It does not cure vanishing: that "
                        "takes a different architecture (LSTM and GRU, station 4).",
    # 4 the cliff
    "s3.cliff_heading": "3 · Pascanu's cliff",
    "s3.cliff_explain": "Pascanu, Mikolov & Bengio (2013) showed where explosions come from with the smallest RNN "
                        "there is: one unit, $x_t = w\\,\\sigma(x_{t-1}) + b$, run for 50 steps from x₀ = 0.5, "
                        "with loss L = (x₅₀ − 0.7)². Where the trajectory switches from one fixed point to "
                        "another, the loss jumps: a razor-thin **wall** where the gradient is huge. Two "
                        "gradient-descent paths leave the same point ★: **without clipping**, a step that lands on "
                        "the wall throws the parameters far away; **with clipping**, no step is longer than "
                        "learning rate × threshold.",
    "s3.cliff_lr_label": "Learning rate",
    "s3.cliff_lr_help": "Size of each descent step: (w, b) ← (w, b) − rate · g.",
    "s3.cliff_clip_label": "Clipping threshold c",
    "s3.cliff_clip_help": "If ‖g‖ ≥ c, the gradient is rescaled to norm c (on the clipped path only).",
    "s3.cliff_free": "without clipping",
    "s3.cliff_clipped": "with clipping (c = {c})",
    "s3.cliff_title": "Loss of a one-unit RNN over (w, b), with two descent paths",
    "s3.cliff_x": "w (recurrent weight)",
    "s3.cliff_y": "b (bias)",
    "s3.cliff_colorbar": "loss L (log)",
    "s3.cliff_start": "start",
    "s3.cliff_loss": "loss",
    "s3.cliff_jump": "thrown {size} units<br>(loss {before} → {after})",
    "s3.cliff_caption": "Without clipping the longest step is {jump} (at step {step}); with clipping no step is longer "
                        "than {clip_jump}. The wall runs along the dark diagonal valley: just below it the loss "
                        "jumps back up to the high plateau.",
    "s3.cliff_path_title": "Loss along each path",
    "s3.cliff_path_x": "gradient-descent step",
    "s3.cliff_path_y": "loss L (log scale)",
    "s3.cliff_path_caption": "A jump in loss marks a step that landed on the wall. Clipping does not make descent "
                             "smarter, it makes it safe: the thrown path loses its place, and where it lands is luck. "
                             "Final loss: {free} without clipping, {clipped} with clipping (which zig-zags across the "
                             "wall in short steps).",
    # 5 the network hallucinates
    "s3.train_heading": "4 · The network “hallucinates”",
    "s3.train_explain": "Now a real network, training. A tanh RNN with {hidden} units starts with "
                        "$W = {gain}\\cdot Q$ (largest singular value {gain}, above the threshold 1/γ = 1) and learns "
                        "the *adding problem* with sequences of {length} steps: add up the two marked numbers. Plain "
                        "SGD, learning rate {lr}, batches of {batch}, up to {steps} steps. Two runs with the same seed "
                        "and the same data: **without clipping** and **with clipping** at c = {c}. A memoryless guess "
                        "(always 1) has mean squared error {baseline}.",
    "s3.train_button": "Train both networks (seed {seed})",
    "s3.train_progress_free": "Training without clipping…",
    "s3.train_progress_clipped": "Training with clipping…",
    "s3.train_hint": "Press the button: in a few seconds both networks train side by side, right here.",
    "s3.train_free_exploded": "Without clipping: **exploded at step {step}** — the loss became NaN (not a number).",
    "s3.train_free_survived": "Without clipping: no explosion this time in {steps} steps. σ_max > 1/γ makes an "
                              "explosion possible, not certain: try another seed.",
    "s3.train_clip_exploded": "With clipping: exploded at step {step}.",
    "s3.train_clip_ok": "With clipping: stable from start to end; final loss {loss} (memoryless: {baseline}).",
    "s3.train_seconds": "Time for both runs",
    "s3.train_seed": "Seed {seed}",
    "s3.train_free": "without clipping",
    "s3.train_clipped": "with clipping (c = {c})",
    "s3.train_loss_title": "Loss at every training step",
    "s3.train_x": "training step (updates)",
    "s3.train_loss_y": "loss (mean squared error, log scale)",
    "s3.train_exploded": "exploded at step {step}",
    "s3.train_baseline": "memoryless (1/6)",
    "s3.train_loss_caption": "Without clipping the loss shoots up by dozens of orders of magnitude before it becomes "
                             "NaN (the ✕ on the top edge); with clipping it ends below the memoryless line.",
    "s3.train_norm_title": "Gradient norm at every step (before clipping)",
    "s3.train_norm_y": "‖g‖ = ‖∂L/∂θ‖ (log scale)",
    "s3.train_threshold": "clipping threshold c = {c}",
    "s3.train_norm_caption": "Without clipping, every big gradient becomes a big step, which makes the next gradient "
                             "bigger still — a spiral all the way to NaN (the ✕). With clipping no step moves further "
                             "than rate × c, and the spiral never starts.",
    "s3.references": "References: Bengio, Simard & Frasconi (1994), *Learning long-term dependencies with gradient "
                     "descent is difficult*; Pascanu, Mikolov & Bengio (2013), *On the difficulty of training "
                     "recurrent neural networks* (σ_max vs 1/γ, the cliff and Algorithm 1); Le, Jaitly & Hinton "
                     "(2015) and Arjovsky, Shah & Bengio (2016), the adding problem.",
}
