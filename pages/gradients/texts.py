"""Strings of station 3 (vanishing & exploding gradients: the telephone game, live)."""

TEXTS: dict[str, dict[str, str]] = {
    "common.nav_gradients": {
        "pt": "3 · Desvanecimento e explosão",
        "en": "3 · Vanishing & exploding",
    },
    "home.card_gradients": {
        "pt": "O telefone sem fio: veja o gradiente sumir (sussurro) ou explodir (megafone) ao longo do tempo.",
        "en": "The telephone game: watch the gradient fade (a whisper) or explode (a megaphone) through time.",
    },
    "gradients.title": {
        "pt": "Desvanecimento e explosão do gradiente",
        "en": "Vanishing and exploding gradients",
    },
    "gradients.subtitle": {
        "pt": "O telefone sem fio, ao vivo: quanto da mensagem — e do gradiente — sobrevive passo a passo, "
            "medido em redes PyTorch de verdade.",
        "en": "The telephone game, live: how much of the message — and of the gradient — survives step by "
            "step, measured on real PyTorch networks.",
    },
    "gradients.takeaway": {
        "pt": "Numa RNN simples, o gradiente que volta no tempo é um produto de Jacobianas, uma por "
            "passo: ele encolhe (desvanece) ou cresce (explode) exponencialmente com a distância. O "
            "recorte do gradiente (gradient clipping) doma a explosão; o desvanecimento pede outra "
            "arquitetura — as portas da LSTM e da GRU o atenuam (estação 4).",
        "en": "In a plain RNN the gradient travelling back in time is a product of Jacobians, one per "
            "step: it shrinks (vanishes) or grows (explodes) exponentially with distance. Gradient "
            "clipping tames the explosion; vanishing needs another architecture — the gates of LSTM "
            "and GRU mitigate it (station 4).",
    },
    "gradients.intro": {
        "pt": "Na estação 2 a memória funcionou. Mas será que ela é perfeita? Para aprender, a rede manda um "
            "sinal de erro de volta no tempo (*backpropagation through time*). Como no **telefone sem fio**, esse "
            "sinal passa de pessoa em pessoa — de passo em passo — e a cada passagem é multiplicado pela mesma "
            "matriz de pesos. Se cada pessoa fala um pouco mais baixo, a mensagem some: é o **desvanecimento do "
            "gradiente (vanishing gradient)**. Se cada uma grita num megafone, tudo vira um ruído ensurdecedor: é "
            "a **explosão do gradiente (exploding gradient)**. Mexa nos controles e veja os dois acontecerem numa "
            "RNN de verdade: todo número desta página sai de uma passagem real para a frente ou para trás.",
        "en": "On station 2 memory worked. But is it perfect? To learn, the network sends an error signal back "
            "in time (*backpropagation through time*). As in the **telephone game**, that signal is passed from "
            "person to person — from step to step — and at every hand-over it is multiplied by the same weight "
            "matrix. If everyone speaks a little more softly, the message fades away: that is the **vanishing "
            "gradient**. If everyone shouts into a megaphone, it turns into deafening noise: that is the "
            "**exploding gradient**. Move the controls and watch both happen in a real RNN: every number on "
            "this page comes from a real forward or backward pass.",
    },
    # controls
    "gradients.more_settings": {
        "pt": "Mais ajustes: inicialização, não linearidade, tamanho do estado oculto, semente",
        "en": "More settings: initialisation, nonlinearity, hidden size, seed",
    },
    "gradients.controls_heading": {
        "pt": "A rede da fila",
        "en": "The network in the row",
    },
    "gradients.init_label": {
        "pt": "Inicialização de U (a matriz recorrente)",
        "en": "Initialisation of U (the recurrent matrix)",
    },
    "gradients.init_help": {
        "pt": "g·Q: U = g·Q com Q ortogonal (sorteada), então todos os valores singulares de U valem g. "
            "PyTorch: a inicialização padrão do PyTorch, pesos uniformes em ±1/√(tamanho oculto); aí "
            "o controle de ganho não vale. (W, a matriz da entrada, fica sempre na inicialização do "
            "PyTorch.)",
        "en": "g·Q: U = g·Q with Q a random orthogonal matrix, so every singular value of U equals g. "
            "PyTorch: PyTorch's default initialisation, weights uniform in ±1/√(hidden size); the "
            "gain control does not apply then. (W, the input matrix, always keeps PyTorch's "
            "initialisation.)",
    },
    "gradients.gain_label": {
        "pt": "Ganho recorrente g (raio espectral de U)",
        "en": "Recurrent gain g (spectral radius of U)",
    },
    "gradients.gain_help": {
        "pt": "Quanto U amplia ou encolhe um vetor a cada passo. Abaixo de 1 o sussurro some; acima de "
            "1 o megafone pode entrar em ação.",
        "en": "How much U stretches or shrinks a vector at each step. Below 1 the whisper fades; above "
            "1 the megaphone can kick in.",
    },
    "gradients.gain_ignored": {
        "pt": "Com a inicialização padrão do PyTorch o ganho não é usado (o controle fica "
            "desativado): U é sorteada uniforme em ±1/√n e o seu maior valor singular aparece ao "
            "lado do selo.",
        "en": "With PyTorch's default initialisation the gain is not used (the slider is disabled): "
            "U is drawn uniform in ±1/√n and its largest singular value is shown next to the "
            "badge.",
    },
    "gradients.nl_label": {
        "pt": "Não linearidade φ",
        "en": "Nonlinearity φ",
    },
    "gradients.nl_help": {
        "pt": "A função aplicada a cada passo. Linear com U = g·Q: o gradiente é exatamente gᵏ. tanh e "
            "ReLU multiplicam fatores |φ′| ≤ 1, então ficam abaixo disso.",
        "en": "The function applied at each step. Linear with U = g·Q: the gradient is exactly gᵏ. tanh "
            "and ReLU multiply in factors |φ′| ≤ 1, so they stay below it.",
    },
    "gradients.hidden_label": {
        "pt": "Tamanho do estado oculto",
        "en": "Hidden state size",
    },
    "gradients.hidden_help": {
        "pt": "Número de unidades em h_t (a matriz recorrente U é n × n).",
        "en": "Number of units in h_t (the recurrent matrix U is n × n).",
    },
    "gradients.length_label": {
        "pt": "Comprimento da sequência T (pessoas na fila)",
        "en": "Sequence length T (people in the row)",
    },
    "gradients.length_help": {
        "pt": "Quantos passos de tempo a mensagem atravessa. Tudo é calculado para todos os passos.",
        "en": "How many time steps the message travels through. Everything is computed for every step.",
    },
    "gradients.seed_label": {
        "pt": "Semente",
        "en": "Seed",
    },
    "gradients.seed_help": {
        "pt": "Sorteia os pesos, as entradas e a direção da mensagem. Mesma semente, mesmos números.",
        "en": "Draws the weights, the inputs and the message direction. Same seed, same numbers.",
    },
    # values that a log scale cannot draw
    "gradients.value_underflow": {
        "pt": "abaixo de 1e-308 (underflow: virou 0 em float64)",
        "en": "below 1e-308 (underflow: became 0 in float64)",
    },
    "gradients.value_overflow": {
        "pt": "∞ (overflow: passou de 1,8e308 em float64)",
        "en": "∞ (overflow: beyond 1.8e308 in float64)",
    },
    "gradients.value_nan": {
        "pt": "NaN (não é um número: a conta estourou)",
        "en": "NaN (not a number: the arithmetic blew up)",
    },
    "gradients.value_underflow_marker": {
        "pt": "0 (borda de baixo)",
        "en": "0 (bottom edge)",
    },
    "gradients.value_overflow_marker": {
        "pt": "∞/NaN (borda de cima)",
        "en": "∞/NaN (top edge)",
    },
    # regime badge
    "gradients.regime_heading": {
        "pt": "O que está acontecendo nesta fila",
        "en": "What is happening in this row",
    },
    "gradients.regime_vanishing": {
        "pt": "Desvanecimento do gradiente (vanishing gradient)",
        "en": "Vanishing gradient",
    },
    "gradients.regime_stable": {
        "pt": "Estável: na borda entre os dois",
        "en": "Stable: on the edge between the two",
    },
    "gradients.regime_exploding": {
        "pt": "Explosão do gradiente (exploding gradient)",
        "en": "Exploding gradient",
    },
    "gradients.regime_short_vanishing": {
        "pt": "desvanecimento",
        "en": "vanishing",
    },
    "gradients.regime_short_stable": {
        "pt": "estável",
        "en": "stable",
    },
    "gradients.regime_short_exploding": {
        "pt": "explosão",
        "en": "exploding",
    },
    "gradients.analogy_vanishing": {
        "pt": "**O sussurro some.** Depois de {k} pessoas, só {value} do sinal de aprendizado chega ao "
            "começo da fila: os primeiros passos praticamente não aprendem nada. O último da fila não "
            "sabe o que o primeiro disse.",
        "en": "**The whisper fades.** After {k} people only {value} of the learning signal reaches the "
            "start of the row: the first steps learn next to nothing. The last person does not know "
            "what the first one said.",
    },
    "gradients.analogy_stable": {
        "pt": "**A mensagem atravessa a fila.** Depois de {k} pessoas o sinal ainda tem intensidade "
            "{value}: nem some nem explode. É um equilíbrio frágil — mexa um pouco no ganho e veja.",
        "en": "**The message gets through.** After {k} people the signal still has strength {value}: it "
            "neither fades nor explodes. A fragile balance — nudge the gain and see.",
    },
    "gradients.analogy_exploding": {
        "pt": "**O megafone.** Cada pessoa grita mais alto que a anterior: depois de {k} pessoas o "
            "sinal chega multiplicado por {value}. Um sinal assim é ruído ensurdecedor — os ajustes "
            "ficam caóticos e a rede “alucina”.",
        "en": "**The megaphone.** Everyone shouts louder than the person before: after {k} people the "
            "signal arrives multiplied by {value}. A signal like that is deafening noise — the updates "
            "become chaotic and the network “hallucinates”.",
    },
    "gradients.sigma_label": {
        "pt": "Maior valor singular de U, σ_max",
        "en": "Largest singular value of U, σ_max",
    },
    "gradients.sigma_help": {
        "pt": "Calculado na matriz recorrente U desta rede. É o quanto U pode esticar um vetor num "
            "único passo.",
        "en": "Computed on this network's recurrent matrix U. It is how much U can stretch a vector in "
            "a single step.",
    },
    "gradients.pascanu_line": {
        "pt": "Condições de Pascanu et al. (2013): compare σ_max = {sigma} com 1/γ = {inv}, em que "
            "γ = {gamma} é o maior valor de |φ′| para {nl}.",
        "en": "Pascanu et al.'s (2013) conditions: compare σ_max = {sigma} with 1/γ = {inv}, where "
            "γ = {gamma} is the largest |φ′| for {nl}.",
    },
    "gradients.pascanu_sufficient": {
        "pt": "σ_max < 1/γ: isso **basta** para o gradiente desvanecer — cada passo o encolhe, "
            "qualquer que seja a entrada.",
        "en": "σ_max < 1/γ: this is **sufficient** for the gradient to vanish — every step shrinks "
            "it, whatever the input.",
    },
    "gradients.pascanu_necessary": {
        "pt": "σ_max > 1/γ: a condição **necessária** para explodir está satisfeita — a explosão "
            "fica possível, não garantida. Medido aqui: {regime}.",
        "en": "σ_max > 1/γ: the **necessary** condition for exploding is met — an explosion becomes "
            "possible, not certain. Measured here: {regime}.",
    },
    "gradients.pascanu_edge": {
        "pt": "σ_max = 1/γ: exatamente no limiar, onde nenhuma das duas condições decide. Medido "
            "aqui: {regime}.",
        "en": "σ_max = 1/γ: exactly on the threshold, where neither condition decides. Measured "
            "here: {regime}.",
    },
    # 1 telephone game
    "gradients.phone_heading": {
        "pt": "1 · O telefone sem fio",
        "en": "1 · The telephone game",
    },
    "gradients.phone_explain": {
        "pt": "Cada pessoa da fila é um passo de tempo $t$. **Linha de cima (ida):** sussurramos uma mensagem "
            "no estado inicial $h_0$, numa direção $u$ de tamanho 1 sorteada com semente; quanto dela ainda "
            "está em $h_t$ é $\\|(\\partial h_t/\\partial h_0)\\,u\\|$. **Linha de baixo (volta):** o sinal de "
            "aprendizado sai da perda no último passo $T$; quanto dele chega a $h_t$ é $\\|\\partial "
            "L/\\partial h_t\\|$. As duas são feitas das mesmas Jacobianas $\\partial h_k/\\partial h_{k-1} = "
            "\\mathrm{diag}(\\varphi'(a_k))\\,U$, uma por pessoa, mas não do mesmo produto: na pessoa $t$, a "
            "linha de cima multiplica as das pessoas $1, \\dots, t$ e a de baixo as das pessoas $t+1, \\dots, "
            "T$. Tamanho e cor das bolinhas estão em escala logarítmica, limitada a $10^{-10}$ e $10^{10}$ "
            "só para o desenho: passe o mouse para ver o valor real.",
        "en": "Each person in the row is a time step $t$. **Top row (forward):** we whisper a message into the "
            "initial state $h_0$, along a unit-length direction $u$ drawn with a fixed seed; how much of it "
            "is still in $h_t$ is $\\|(\\partial h_t/\\partial h_0)\\,u\\|$. **Bottom row (backward):** the "
            "learning signal leaves the loss at the last step $T$; how much of it reaches $h_t$ is "
            "$\\|\\partial L/\\partial h_t\\|$. Both are built from the same Jacobians $\\partial h_k/\\partial "
            "h_{k-1} = \\mathrm{diag}(\\varphi'(a_k))\\,U$, one per person, but not from the same product: at "
            "person $t$ the top row multiplies those of persons $1, \\dots, t$ and the bottom row those of "
            "persons $t+1, \\dots, T$. Dot size and colour are on a log scale, limited to $10^{-10}$ and "
            "$10^{10}$ for drawing only: hover to see the true value.",
    },
    "gradients.phone_title": {
        "pt": "Telefone sem fio: {n} das {total} pessoas da fila",
        "en": "The telephone game: {n} of the {total} people in the row",
    },
    "gradients.phone_x": {
        "pt": "pessoa na fila = passo de tempo t",
        "en": "person in the row = time step t",
    },
    "gradients.phone_row_forward": {
        "pt": "→ ida: quanto do sussurro inicial ainda se ouve, ‖(∂h<sub>t</sub>/∂h<sub>0</sub>)·u‖",
        "en": "→ forward: what is left of the first whisper, ‖(∂h<sub>t</sub>/∂h<sub>0</sub>)·u‖",
    },
    "gradients.phone_row_backward": {
        "pt": "← volta: quanto do sinal de aprendizado chega, ‖∂L/∂h<sub>t</sub>‖",
        "en": "← backward: how much of the learning signal arrives, ‖∂L/∂h<sub>t</sub>‖",
    },
    "gradients.phone_forward_name": {
        "pt": "ida ‖(∂h<sub>t</sub>/∂h<sub>0</sub>)·u‖",
        "en": "forward ‖(∂h<sub>t</sub>/∂h<sub>0</sub>)·u‖",
    },
    "gradients.phone_backward_name": {
        "pt": "volta ‖∂L/∂h<sub>t</sub>‖",
        "en": "backward ‖∂L/∂h<sub>t</sub>‖",
    },
    "gradients.phone_colorbar": {
        "pt": "intensidade (log)",
        "en": "strength (log)",
    },
    "gradients.phone_person": {
        "pt": "pessoa {t} (passo t = {t})",
        "en": "person {t} (time step t = {t})",
    },
    "gradients.phone_from_start": {
        "pt": "{k} passos desde o começo",
        "en": "{k} steps from the start",
    },
    "gradients.phone_to_loss": {
        "pt": "{k} passos até a perda",
        "en": "{k} steps to the loss",
    },
    "gradients.phone_front": {
        "pt": "frente da mensagem",
        "en": "front of the message",
    },
    "gradients.phone_step": {
        "pt": "→ a pessoa {ahead} ouve {forward}   ·   ← a pessoa {behind} recebe {backward}",
        "en": "→ person {ahead} hears {forward}   ·   ← person {behind} receives {backward}",
    },
    "gradients.phone_step_short": {
        "pt": "→ pessoa {ahead} · ← pessoa {behind}",
        "en": "→ person {ahead} · ← person {behind}",
    },
    "gradients.phone_again": {
        "pt": "▶ do começo",
        "en": "▶ from the start",
    },
    "gradients.phone_pause": {
        "pt": "❚❚ pausar",
        "en": "❚❚ pause",
    },
    "gradients.phone_play": {
        "pt": "▶ continuar",
        "en": "▶ continue",
    },
    "gradients.phone_caption": {
        "pt": "Repare nas pontas da fila: o sussurro chega à pessoa {k} com intensidade {first}, e o "
            "sinal de aprendizado chega à primeira pessoa com {last}.",
        "en": "Look at the two ends of the row: the whisper reaches person {k} with strength {first}, and "
            "the learning signal reaches the first person with {last}.",
    },
    "gradients.phone_player_hint": {
        "pt": "Aperte ▶ para ver a mensagem andar para a direita e o sinal de aprendizado para "
            "a esquerda, uma pessoa por vez, com os valores medidos embaixo do gráfico; "
            "arraste o controle deslizante (ou clique num passo) para ir e voltar. A animação "
            "roda no seu navegador.",
        "en": "Press ▶ to watch the message travel right and the learning signal travel left, "
            "one person at a time, with the measured values under the chart; drag the slider "
            "(or click a step) to go back and forth. The animation runs in your browser.",
    },
    # 2 norm by distance
    "gradients.dist_heading": {
        "pt": "2 · O gradiente pela distância",
        "en": "2 · The gradient by distance",
    },
    "gradients.dist_theory_exact": {
        "pt": "teoria: {g}ᵏ (exata para a RNN linear)",
        "en": "theory: {g}ᵏ (exact for the linear RNN)",
    },
    "gradients.dist_theory_bound": {
        "pt": "cota superior de Pascanu (γ·σ_max)ᵏ",
        "en": "Pascanu's upper bound (γ·σ_max)ᵏ",
    },
    "gradients.dist_title": {
        "pt": "‖∂L/∂h<sub>t</sub>‖ pela distância até a perda — RNN {nl}",
        "en": "‖∂L/∂h<sub>t</sub>‖ by distance to the loss — {nl} RNN",
    },
    "gradients.dist_x": {
        "pt": "distância até a perda, k = T − t (passos de tempo)",
        "en": "distance to the loss, k = T − t (time steps)",
    },
    "gradients.dist_y": {
        "pt": "‖∂L/∂h<sub>t</sub>‖ (escala log)",
        "en": "‖∂L/∂h<sub>t</sub>‖ (log scale)",
    },
    "gradients.dist_measured": {
        "pt": "medido (retropropagação real, float64)",
        "en": "measured (real backward pass, float64)",
    },
    "gradients.dist_caption_exact": {
        "pt": "Numa escala log, gᵏ é uma reta: a curva medida fica em cima da teoria, inclinação log₁₀ g "
            "por passo.",
        "en": "On a log scale gᵏ is a straight line: the measured curve sits on the theory, slope "
            "log₁₀ g per step.",
    },
    "gradients.dist_caption_linear": {
        "pt": "A curva medida nunca passa da reta tracejada (γ·σ_max)ᵏ, uma cota superior. "
            "Com φ linear cada fator é a própria U; a cota usa só o maior valor singular de "
            "U, e as outras direções encolhem mais rápido.",
        "en": "The measured curve never rises above the dashed line (γ·σ_max)ᵏ, an upper "
            "bound. With a linear φ every factor is U itself; the bound uses only U's "
            "largest singular value, and the other directions shrink faster.",
    },
    "gradients.dist_caption_relu": {
        "pt": "A curva medida nunca passa da reta tracejada (γ·σ_max)ᵏ, uma cota superior. Com "
            "ReLU, φ′ vale 0 ou 1: uma unidade desligada (a < 0) não devolve nada, e o sinal "
            "perde essas direções.",
        "en": "The measured curve never rises above the dashed line (γ·σ_max)ᵏ, an upper bound. "
            "With ReLU, φ′ is 0 or 1: a unit that is switched off (a < 0) passes nothing "
            "back, and the signal loses those directions.",
    },
    "gradients.dist_caption_tanh": {
        "pt": "A curva medida nunca passa da reta tracejada (γ·σ_max)ᵏ, uma cota superior. Com "
            "tanh ela cai mais rápido, porque |tanh′(a)| < 1 para todo a ≠ 0: cada passo "
            "encolhe o sinal um pouco mais.",
        "en": "The measured curve never rises above the dashed line (γ·σ_max)ᵏ, an upper bound. "
            "With tanh it falls faster, because |tanh′(a)| < 1 for every a ≠ 0: every step "
            "shrinks the signal a little more.",
    },
    "gradients.cells_rnn": {
        "pt": "RNN {nl}",
        "en": "{nl} RNN",
    },
    "gradients.cells_lstm_open": {
        "pt": "LSTM, viés da porta de esquecimento começando em b_f = {b}",
        "en": "LSTM, forget-gate bias started at b_f = {b}",
    },
    "gradients.cells_title": {
        "pt": "RNN, LSTM e GRU com o mesmo comprimento T = {T}",
        "en": "RNN, LSTM and GRU at the same length T = {T}",
    },
    "gradients.cells_caption": {
        "pt": "Sem treino e com a mesma inicialização, medido aqui: {lstm}; {gru}; {lstm_open}. As portas "
            "mudam o produto de Jacobianas, mas não garantem nada sozinhas: uma LSTM ou uma GRU também pode "
            "desvanecer ou crescer. A linha tracejada mostra quanto mais longe o sinal vai quando o viés da "
            "porta de esquecimento (forget gate) começa alto: a porta começa perto de σ(b_f), mais aberta, "
            "mas não fica presa aberta (estação 4).",
        "en": "Untrained and with the same initialisation, measured here: {lstm}; {gru}; {lstm_open}. Gates "
            "change the product of Jacobians but guarantee nothing by themselves: an LSTM or a GRU can fade "
            "or grow too. The dashed line shows how much further the signal travels when the forget-gate "
            "bias starts high: the gate starts near σ(b_f), more open, but it is not held open (station 4).",
    },
    "gradients.cells_fades": {
        "pt": "{cell} desvanece: sobra {value} depois de {k} passos",
        "en": "{cell} fades: {value} is left after {k} steps",
    },
    "gradients.cells_grows": {
        "pt": "{cell} cresce, até ×{value} a {k} passos da perda",
        "en": "{cell} grows, up to ×{value} at {k} steps from the loss",
    },
    # math
    "gradients.math_heading": {
        "pt": "A matemática por trás (produto de Jacobianas, ρᵏ, cota superior de Pascanu)",
        "en": "The maths behind it (product of Jacobians, ρᵏ, Pascanu's upper bound)",
    },
    "gradients.math_intro": {
        "pt": "Uma RNN simples atualiza o estado oculto com a mesma matriz recorrente $U$ a cada passo "
            "($W$ multiplica a entrada):",
        "en": "A plain RNN updates its hidden state with the same recurrent matrix $U$ at every step "
            "($W$ multiplies the input):",
    },
    "gradients.math_chain": {
        "pt": "Pela regra da cadeia, o gradiente que volta do passo $T$ até o passo $t$ é um produto de "
            "$T-t$ Jacobianas, uma por pessoa da fila:",
        "en": "By the chain rule, the gradient travelling back from step $T$ to step $t$ is a product of "
            "$T-t$ Jacobians, one per person in the row:",
    },
    "gradients.math_linear": {
        "pt": "Se $\\varphi$ é a identidade e $U = \\rho\\,Q$ com $Q$ ortogonal, cada fator só "
            "multiplica a norma por $\\rho$. Depois de $k$ passos sobra $\\rho^k$: exponencial na "
            "distância.",
        "en": "If $\\varphi$ is the identity and $U = \\rho\\,Q$ with $Q$ orthogonal, each factor "
            "only multiplies the norm by $\\rho$. After $k$ steps $\\rho^k$ is left: exponential in "
            "the distance.",
    },
    "gradients.math_pascanu": {
        "pt": "Com uma não linearidade, $|\\varphi'| \\le \\gamma$ ($\\gamma = 1$ para tanh, ReLU e "
            "linear; $\\gamma = 1/4$ para a sigmoide). Então cada fator tem norma no máximo "
            "$\\gamma\\,\\sigma_{\\max}$:",
        "en": "With a nonlinearity, $|\\varphi'| \\le \\gamma$ ($\\gamma = 1$ for tanh, ReLU and linear; "
            "$\\gamma = 1/4$ for the sigmoid). So every factor has norm at most "
            "$\\gamma\\,\\sigma_{\\max}$:",
    },
    "gradients.math_conditions": {
        "pt": "Daí vêm as condições de Pascanu, Mikolov e Bengio (2013): $\\sigma_{\\max} < "
            "1/\\gamma$ é **suficiente** para o gradiente desvanecer; $\\sigma_{\\max} > "
            "1/\\gamma$ é **necessária** (mas não suficiente) para ele explodir. O remédio "
            "deles para a explosão é o recorte do gradiente (gradient clipping), que reescala a "
            "norma do gradiente (Algoritmo 1):",
        "en": "Hence Pascanu, Mikolov & Bengio's (2013) conditions: $\\sigma_{\\max} < 1/\\gamma$ "
            "is **sufficient** for the gradient to vanish; $\\sigma_{\\max} > 1/\\gamma$ is "
            "**necessary** (but not sufficient) for it to explode. Their cure for exploding is "
            "gradient clipping, which rescales the gradient's norm (Algorithm 1):",
    },
    "gradients.math_clipping": {
        "pt": "O recorte preserva a direção e limita o tamanho do passo. Ele não resolve o "
            "desvanecimento: para atenuá-lo é preciso mudar a arquitetura (LSTM e GRU, estação "
            "4).",
        "en": "Clipping keeps the direction and caps the step size. It does not cure vanishing: "
            "mitigating that takes a different architecture (LSTM and GRU, station 4).",
    },
    # 4 the cliff
    "gradients.cliff_heading": {
        "pt": "3 · O penhasco de Pascanu",
        "en": "3 · Pascanu's cliff",
    },
    "gradients.cliff_explain": {
        "pt": "Pascanu, Mikolov e Bengio (2013, seção 2.3 e Fig. 6) mostraram de onde vem a explosão com a "
            "menor RNN possível: uma única unidade, sem entrada, $x_t = u\\,\\sigma(x_{t-1}) + b$ (no artigo o "
            "peso recorrente se chama w; aqui, como no resto do app, u). O começo x₀ = 0,5, os 50 passos e o "
            "alvo 0,7 são do artigo, cujo erro é E₅₀ = (σ(x₅₀) − 0,7)². São escolhas deste app a perda sem o "
            "σ, L = (x₅₀ − 0,7)², a janela do gráfico e o ponto de partida ★. Onde a trajetória troca de um "
            "ponto fixo para outro, a perda dá um salto: uma **parede** finíssima em que o gradiente é "
            "enorme. Dois caminhos de descida do gradiente saem do mesmo ponto ★: **sem recorte**, um passo "
            "que cai na parede arremessa os parâmetros para longe; **com recorte**, cada passo anda no "
            "máximo taxa × limiar.",
        "en": "Pascanu, Mikolov & Bengio (2013, section 2.3 and Fig. 6) showed where explosions come from with "
            "the smallest RNN there is: one unit with no input, $x_t = u\\,\\sigma(x_{t-1}) + b$ (the paper "
            "calls the recurrent weight w; here, as everywhere in this app, u). The initial value x₀ = 0.5, "
            "the 50 steps and the target 0.7 are the paper's, whose error is E₅₀ = (σ(x₅₀) − 0.7)². This "
            "app's own choices are the loss without the σ, L = (x₅₀ − 0.7)², the plotted window and the "
            "start ★. Where the trajectory switches from one fixed point to another, the loss jumps: a "
            "razor-thin **wall** where the gradient is huge. Two gradient-descent paths leave the same point "
            "★: **without clipping**, a step that lands on the wall throws the parameters far away; **with "
            "clipping**, no step is longer than learning rate × threshold.",
    },
    "gradients.cliff_lr_label": {
        "pt": "Taxa de aprendizado",
        "en": "Learning rate",
    },
    "gradients.cliff_lr_help": {
        "pt": "Tamanho de cada passo de descida: (u, b) ← (u, b) − taxa · g.",
        "en": "Size of each descent step: (u, b) ← (u, b) − rate · g.",
    },
    "gradients.cliff_clip_label": {
        "pt": "Limiar de recorte c",
        "en": "Clipping threshold c",
    },
    "gradients.cliff_clip_help": {
        "pt": "Se ‖g‖ ≥ c, o gradiente é reescalado para ter norma c (só no caminho com recorte).",
        "en": "If ‖g‖ ≥ c, the gradient is rescaled to norm c (on the clipped path only).",
    },
    "gradients.cliff_free": {
        "pt": "sem recorte",
        "en": "without clipping",
    },
    "gradients.cliff_clipped": {
        "pt": "com recorte (c = {c})",
        "en": "with clipping (c = {c})",
    },
    "gradients.cliff_title": {
        "pt": "Perda de uma RNN de uma unidade sobre (u, b): dois caminhos",
        "en": "Loss of a one-unit RNN over (u, b): two paths",
    },
    "gradients.cliff_x": {
        "pt": "u (peso recorrente)",
        "en": "u (recurrent weight)",
    },
    "gradients.cliff_y": {
        "pt": "b (viés)",
        "en": "b (bias)",
    },
    "gradients.cliff_colorbar": {
        "pt": "perda L (log)",
        "en": "loss L (log)",
    },
    "gradients.cliff_start": {
        "pt": "ponto de partida",
        "en": "start",
    },
    "gradients.cliff_loss": {
        "pt": "perda",
        "en": "loss",
    },
    "gradients.cliff_jump": {
        "pt": "arremessado {size} unidades<br>(perda {before} → {after})",
        "en": "thrown {size} units<br>(loss {before} → {after})",
    },
    "gradients.cliff_caption": {
        "pt": "Sem recorte, o maior passo mede {jump} (no passo {step}); com recorte nenhum passo "
            "passa de {clip_jump} (o limite é taxa × c = {rate} × {c}). A parede corre ao longo "
            "do vale escuro na diagonal: logo abaixo dele a perda salta de volta para o platô "
            "alto.",
        "en": "Without clipping the longest step is {jump} (at step {step}); with clipping no step "
            "is longer than {clip_jump} (the limit is rate × c = {rate} × {c}). The wall runs "
            "along the dark diagonal valley: just below it the loss jumps back up to the high "
            "plateau.",
    },
    "gradients.cliff_path_title": {
        "pt": "Perda ao longo de cada caminho",
        "en": "Loss along each path",
    },
    "gradients.cliff_path_x": {
        "pt": "passo de descida do gradiente",
        "en": "gradient-descent step",
    },
    "gradients.cliff_path_y": {
        "pt": "perda L (escala log)",
        "en": "loss L (log scale)",
    },
    "gradients.cliff_aside": {
        "pt": "Não necessariamente. Com a taxa {rate} e c = {c}, descemos de {starts} pontos de partida numa "
            "grade sobre a janela padrão, com e sem recorte: em {thrown} deles algum passo sem recorte foi "
            "maior que {limit}, e desses {better} terminaram abaixo do caminho com recorte ({worse} acima). "
            "Nesta superfície, um passo arremessado costuma cair num vale largo onde a descida chega perto "
            "de zero. Procuramos um ponto de partida em que o arremesso terminasse claramente pior e não "
            "achamos um que resistisse a mudar um pouco a taxa. O que o recorte garante é outra coisa: "
            "nenhum passo vai mais longe que taxa × c — o caminho com recorte também atravessa a parede, e a "
            "perda dele salta, mas os parâmetros ficam onde estavam. Numa rede de verdade (parte 4 desta "
            "página), um passo sem limite termina em NaN.",
        "en": "Not necessarily. At rate {rate} and c = {c} we descended from {starts} starts on a grid over "
            "the default window, with and without clipping: in {thrown} of them some unclipped step was "
            "longer than {limit}, and {better} of those ended below the clipped path ({worse} above). On "
            "this surface a thrown step tends to land in a wide valley where descent gets close to zero. We "
            "searched for a start where being thrown ends clearly worse and found none that survived a small "
            "change of the rate. What clipping guarantees is something else: no step goes further than rate "
            "× c — the clipped path crosses the wall too, and its loss jumps, but the parameters stay where "
            "they were. In a real network (part 4 of this page) an unbounded step ends in NaN.",
    },
    "gradients.cliff_aside_heading": {
        "pt": "Ser arremessado sempre sai caro? Contamos",
        "en": "Is being thrown always costly? We counted",
    },
    "gradients.cliff_path_caption_calm": {
        "pt": "Desta vez nenhum passo sem recorte foi arremessado (o maior mede {jump}). "
            "Perda final: {free} sem recorte, {clipped} com recorte.",
        "en": "This time no unclipped step was thrown (the longest is {jump}). Final "
            "loss: {free} without clipping, {clipped} with clipping.",
    },
    "gradients.cliff_path_caption_better": {
        "pt": "O salto marca o passo que caiu na parede: no passo {step} a perda foi de {before} a {after}, e "
            "tudo o que a descida tinha ganhado se perdeu num passo só. Depois o caminho arremessado caiu, "
            "por acaso, num vale largo e terminou mais baixo ({free}) que o caminho com recorte ({clipped}): "
            "onde um passo arremessado cai é obra do acaso (veja a contagem abaixo). O recorte troca esse "
            "acaso por passos de tamanho limitado.",
        "en": "The jump marks the step that landed on the wall: at step {step} the loss "
            "went from {before} to {after}, and everything the descent had gained was "
            "lost in a single step. The thrown path then happened to land in a wide "
            "valley and ended lower ({free}) than the clipped path ({clipped}): where "
            "a thrown step lands is luck (see the count below). Clipping trades that "
            "luck for steps of bounded size.",
    },
    "gradients.cliff_path_caption_worse": {
        "pt": "O salto marca o passo que caiu na parede: no passo {step} a perda foi de "
            "{before} a {after}, e tudo o que a descida tinha ganhado se perdeu num "
            "passo só. Desta vez o caminho arremessado também terminou pior: {free} "
            "sem recorte, {clipped} com recorte. O recorte não deixa a descida mais "
            "esperta, deixa-a segura: nenhum passo vai mais longe que taxa × c.",
        "en": "The jump marks the step that landed on the wall: at step {step} the loss "
            "went from {before} to {after}, and everything the descent had gained was "
            "lost in a single step. This time the thrown path also ended worse: {free} "
            "without clipping, {clipped} with clipping. Clipping does not make descent "
            "smarter, it makes it safe: no step goes further than rate × c.",
    },
    # 5 the network hallucinates
    "gradients.train_heading": {
        "pt": "4 · A rede “alucina”",
        "en": "4 · The network “hallucinates”",
    },
    "gradients.train_explain": {
        "pt": "Agora uma rede de verdade, treinando. Uma RNN tanh com {hidden} unidades começa com "
            "a matriz recorrente $U = {gain}\\cdot Q$ (maior valor singular {gain}, acima do "
            "limiar 1/γ = 1) e aprende o *problema da soma* (adding problem) com sequências de "
            "{length} passos: somar os dois números marcados. SGD simples, taxa de aprendizado "
            "{lr}, lotes de {batch}, até {steps} passos. Duas execuções com a mesma semente e os "
            "mesmos dados: **sem recorte** e **com recorte** em c = {c}. Quem não tem memória e "
            "chuta sempre 1 erra em média {baseline} (erro quadrático).",
        "en": "Now a real network, training. A tanh RNN with {hidden} units starts with the "
            "recurrent matrix $U = {gain}\\cdot Q$ (largest singular value {gain}, above the "
            "threshold 1/γ = 1) and learns the *adding problem* with sequences of {length} steps: "
            "add up the two marked numbers. Plain SGD, learning rate {lr}, batches of {batch}, up "
            "to {steps} steps. Two runs with the same seed and the same data: **without "
            "clipping** and **with clipping** at c = {c}. A memoryless guess (always 1) has mean "
            "squared error {baseline}.",
    },
    "gradients.train_button": {
        "pt": "Treinar as duas redes (semente {seed})",
        "en": "Train both networks (seed {seed})",
    },
    "gradients.train_progress_free": {
        "pt": "Treinando sem recorte…",
        "en": "Training without clipping…",
    },
    "gradients.train_progress_clipped": {
        "pt": "Treinando com recorte…",
        "en": "Training with clipping…",
    },
    "gradients.train_hint": {
        "pt": "Aperte o botão: as duas redes treinam lado a lado no servidor, uma vez só para todos "
            "que pedirem a mesma semente.",
        "en": "Press the button: both networks train side by side on the server, once for everyone who "
            "asks for the same seed.",
    },
    "gradients.train_stopped": {
        "pt": "O treino foi interrompido. Aperte o botão para treinar de novo.",
        "en": "The training was stopped. Press the button to train again.",
    },
    "gradients.train_failed": {
        "pt": "O treino falhou: {error}",
        "en": "The training failed: {error}",
    },
    "gradients.train_stop": {
        "pt": "Parar de esperar",
        "en": "Stop waiting",
    },
    "gradients.train_queued": {
        "pt": "Na fila: {n} treino(s) na frente. Ele começa sozinho; pode continuar explorando a "
            "página.",
        "en": "Waiting: {n} training(s) ahead. It starts by itself; keep exploring the page.",
    },
    "gradients.train_free_exploded": {
        "pt": "Sem recorte: **explodiu no passo {step}** — a perda virou NaN (não é um "
            "número).",
        "en": "Without clipping: **exploded at step {step}** — the loss became NaN (not a number).",
    },
    "gradients.train_free_survived": {
        "pt": "Sem recorte: desta vez não explodiu em {steps} passos. σ_max > 1/γ torna a "
            "explosão possível, não garantida: tente outra semente.",
        "en": "Without clipping: no explosion this time in {steps} steps. σ_max > 1/γ makes an "
            "explosion possible, not certain: try another seed.",
    },
    "gradients.train_clip_exploded": {
        "pt": "Com recorte: explodiu no passo {step}.",
        "en": "With clipping: exploded at step {step}.",
    },
    "gradients.train_clip_ok": {
        "pt": "Com recorte: estável do começo ao fim; perda final {loss} (sem memória: {baseline}).",
        "en": "With clipping: stable from start to end; final loss {loss} (memoryless: {baseline}).",
    },
    "gradients.train_seconds": {
        "pt": "Tempo das duas execuções",
        "en": "Time for both runs",
    },
    "gradients.train_seconds_help": {
        "pt": "Tempo de relógio das duas execuções no servidor, medido quando foram calculadas "
            "(uma vez para todos que pediram esta semente).",
        "en": "Wall time of both runs on the server, measured when they were computed (once "
            "for everyone who asked for this seed).",
    },
    "gradients.train_seed": {
        "pt": "Semente {seed}",
        "en": "Seed {seed}",
    },
    "gradients.train_free": {
        "pt": "sem recorte",
        "en": "without clipping",
    },
    "gradients.train_clipped": {
        "pt": "com recorte (c = {c})",
        "en": "with clipping (c = {c})",
    },
    "gradients.train_loss_title": {
        "pt": "Perda a cada passo de treino",
        "en": "Loss at every training step",
    },
    "gradients.train_x": {
        "pt": "passo de treino (atualizações)",
        "en": "training step (updates)",
    },
    "gradients.train_loss_y": {
        "pt": "perda (erro quadrático médio, escala log)",
        "en": "loss (mean squared error, log scale)",
    },
    "gradients.train_exploded": {
        "pt": "explodiu no passo {step}",
        "en": "exploded at step {step}",
    },
    "gradients.train_baseline": {
        "pt": "sem memória (1/6)",
        "en": "memoryless (1/6)",
    },
    "gradients.train_loss_caption": {
        "pt": "Uma explosão aparece como a perda disparando por ordens de grandeza até virar "
            "NaN (o ✕ na borda de cima); a linha pontilhada é o erro de quem não tem "
            "memória.",
        "en": "An explosion shows as the loss shooting up by orders of magnitude until it "
            "becomes NaN (the ✕ on the top edge); the dotted line is the memoryless error.",
    },
    "gradients.train_norm_title": {
        "pt": "Norma do gradiente a cada passo (antes do recorte)",
        "en": "Gradient norm at every step (before clipping)",
    },
    "gradients.train_norm_y": {
        "pt": "‖g‖ = ‖∂L/∂θ‖ (escala log)",
        "en": "‖g‖ = ‖∂L/∂θ‖ (log scale)",
    },
    "gradients.train_threshold": {
        "pt": "limiar de recorte c = {c}",
        "en": "clipping threshold c = {c}",
    },
    "gradients.train_norm_caption": {
        "pt": "Sem recorte, cada gradiente grande vira um passo grande, que pode deixar o "
            "gradiente seguinte ainda maior — uma espiral até o NaN (o ✕). Com recorte "
            "nenhum passo anda mais que taxa × c.",
        "en": "Without clipping, every big gradient becomes a big step, which can make the "
            "next gradient bigger still — a spiral all the way to NaN (the ✕). With clipping "
            "no step moves further than rate × c.",
    },
    "gradients.references": {
        "pt": "Referências: Bengio, Simard & Frasconi (1994), *Learning long-term dependencies with "
            "gradient descent is difficult*; Pascanu, Mikolov & Bengio (2013), *On the difficulty of "
            "training recurrent neural networks* (condições σ_max vs 1/γ, o penhasco da Fig. 6 e o "
            "Algoritmo 1); Hochreiter & Schmidhuber (1997), *Long short-term memory*, onde nasce o "
            "problema da soma; Le, Jaitly & Hinton (2015), a variante com números em [0, 1] usada "
            "aqui.",
        "en": "References: Bengio, Simard & Frasconi (1994), *Learning long-term dependencies with "
            "gradient descent is difficult*; Pascanu, Mikolov & Bengio (2013), *On the difficulty of "
            "training recurrent neural networks* (σ_max vs 1/γ, the cliff of Fig. 6 and Algorithm "
            "1); Hochreiter & Schmidhuber (1997), *Long short-term memory*, where the adding problem "
            "comes from; Le, Jaitly & Hinton (2015), the variant with numbers in [0, 1] used here.",
    },
    "gradients.pred_distance_prompt": {
        "pt": "Nas configurações iniciais desta página (RNN {nl}, g = {g}, {hidden} unidades, T = {length}): {d} passos para trás, quanto resta do sinal de aprendizado ‖∂L/∂h‖ (que vale 1 no fim)?",
        "en": "At this page's starting settings ({nl} RNN, g = {g}, {hidden} units, T = {length}): {d} steps back, how much of the learning signal ‖∂L/∂h‖ (1 at the end) is left?",
    },
    "gradients.pred_distance_measured": {
        "pt": "‖∂L/∂h‖ a {d} passos = {value} (RNN {nl}, g = {g}, {hidden} unidades, T = {length}).",
        "en": "‖∂L/∂h‖ at {d} steps = {value} ({nl} RNN, g = {g}, {hidden} units, T = {length}).",
    },
    "gradients.pred_cells_prompt": {
        "pt": "Mesmas configurações, {d} passos para trás: qual linha guarda mais sinal de aprendizado?",
        "en": "Same settings, {d} steps back: which line keeps the most learning signal?",
    },
    "gradients.pred_cells_measured": {
        "pt": "‖∂L/∂h‖ a {d} passos: {values}.",
        "en": "‖∂L/∂h‖ at {d} steps: {values}.",
    },
}
