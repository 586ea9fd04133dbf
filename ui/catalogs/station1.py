"""Strings of station 1 (sequential data: order matters)."""

PT: dict[str, str] = {
    "s1.title": "Dados sequenciais",
    "s1.subtitle": (
        "Mesmas peças, outra ordem: uma rede feedforward que só vê a média das entradas (um “saco”) não "
        "percebe a diferença; uma RNN, com o seu laço de memória, percebe."
    ),
    "s1.takeaway": (
        "A feedforward que vê só a média das entradas dá a mesma resposta para qualquer ordem; a RNN lê a "
        "sequência passo a passo e acerta quem veio primeiro."
    ),
    "s1.intro": (
        "Uma frase, uma música ou os capítulos de uma história só fazem sentido **na ordem certa**. "
        "Aqui a pergunta é simples: numa sequência com dois eventos marcados, **A** e **B**, no meio de "
        "distratores (C, D, E), *o A veio antes do B?*\n\n"
        "A rede **feedforward** daqui recebe só a **média** das entradas: o resumo de *quais* peças "
        "apareceram (um “saco” de entradas), sem saber em que passo cada uma chegou — por isso, e só por "
        "isso, ela não vê a ordem. (Uma feedforward que recebe as últimas entradas **lado a lado**, numa "
        "janela fixa, vê a ordem dentro da janela; é o modelo “últimos 4 episódios” da estação 2, que "
        "esquece o que sai da janela.) A **RNN** lê uma peça por vez e carrega um estado oculto h de um "
        "passo para o outro: é esse laço que vira memória. Ambas são redes reais, treinadas em PyTorch "
        "nesta mesma tarefa."
    ),
    "s1.arrange_header": "Monte a sequência",
    "s1.pos_a": "Posição do A",
    "s1.pos_b": "Posição do B",
    "s1.mix": "Ordem dos distratores (semente)",
    "s1.mix_help": "Cada número arruma os distratores C, D e E de outro jeito; as peças continuam as mesmas.",
    "s1.pos_help": "Escolha o passo (de 1 a {n}). Se a posição estiver ocupada pela outra letra, as duas trocam de lugar.",
    "s1.shuffle": "Embaralhar",
    "s1.shuffle_help": "Sorteia uma nova ordem das mesmas peças (sorteio com semente: o link reproduz o resultado).",
    "s1.sequence": "Sua sequência: {tokens}",
    "s1.truth_before": "Resposta certa: **sim**, o A veio antes do B.",
    "s1.truth_after": "Resposta certa: **não**, o B veio antes do A.",
    "s1.notice_same_position": "A e B não podem ocupar a mesma posição ({pos}); o B foi para a posição {moved}.",
    "s1.answers_header": "O que cada rede responde",
    "s1.question": "P(A veio antes do B)",
    "s1.model_ff": "Feedforward (saco de entradas)",
    "s1.model_rnn": "RNN tanh",
    "s1.metric_delta_help": "A variação mostra a mudança em relação à ordem anterior que você testou.",
    "s1.says_yes": "diz **sim** (A antes de B)",
    "s1.says_no": "diz **não** (B antes de A)",
    "s1.verdict": "{model} {says} com {conf} de confiança — {right}.",
    "s1.grade_right": "acertou",
    "s1.grade_wrong": "errou",
    "s1.grade_guess": "um palpite (guess): perto do acaso, não conta como acerto nem erro",
    "s1.guess_rule": (
        "Regra das respostas: com confiança entre {lo} e {hi} (perto do acaso) a resposta é um palpite, "
        "não um acerto."
    ),
    "s1.ff_same": (
        "A feedforward deu **{p}** para esta ordem e daria exatamente o mesmo para qualquer outra: "
        "o saco de entradas é igual, então a resposta também é."
    ),
    "s1.unrolled_header": "O laço desenrolado no tempo, passo a passo",
    "s1.unrolled_title": "A RNN lendo a sua sequência, um passo por vez",
    "s1.steps_play": "tocar",
    "s1.steps_pause": "pausar",
    "s1.steps_prefix": "passo t = ",
    "s1.unrolled_input": "entrada x_t (peça)",
    "s1.unrolled_state": "estado oculto h_t",
    "s1.unrolled_output": "resposta P(A antes de B)",
    "s1.unrolled_caption": (
        "Aperte ▶ ou arraste o controle de passos: a cada passo t a mesma célula (mesmos W, U e b) lê a "
        "peça x_t e a memória h_(t−1), e a coluna t do mapa embaixo se preenche com o estado oculto h_t real "
        "da RNN treinada. Repare como as colunas mudam a partir do passo em que aparece o A ou o B."
    ),
    "s1.latex_intro": "Cada passo aplica a mesma regra; a feedforward desta estação, ao contrário, só vê a média das entradas:",
    "s1.latex_before": "A antes de B",
    "s1.heat_x": "passo · peça",
    "s1.heat_y": "unidade oculta",
    "s1.heat_value": "h (−1 a 1)",
    "s1.arr_header": "Todas as ordens de uma vez",
    "s1.arr_title": "P(A antes de B) para cada posição possível de A e B",
    "s1.arr_x": "posição do B − posição do A (passos)",
    "s1.arr_y": "P(A antes de B)",
    "s1.arr_current": "a sua ordem",
    "s1.arr_chance": "acaso (50 %)",
    "s1.arr_caption": (
        "Repare: os pontos da feedforward formam uma reta na mesma altura para todas as {n} ordens, "
        "enquanto a RNN salta de perto de 0 % para perto de 100 % quando o B passa a vir depois do A."
    ),
    "s1.acc_header": "Acurácia no conjunto de teste",
    "s1.acc_ff": "Feedforward (saco de entradas)",
    "s1.acc_rnn": "RNN tanh",
    "s1.acc_help": "Fração de acertos em sequências novas, sorteadas pelo gerador da tarefa.",
    "s1.acc_source_manifest": "Números do treino dos modelos pré-treinados (manifesto dos pesos).",
    "s1.acc_source_measured": "Medido agora em {n} sequências novas.",
    "s1.acc_explain": (
        "Metade das sequências tem A antes de B e metade o contrário, e todas têm o mesmo saco de peças: "
        "quem só vê a média das entradas não tem como saber a ordem, e o melhor possível é chutar — **50 %**. A RNN, que lê na ordem, chega perto de **100 %**."
    ),
    "s1.retrain": "Treinar de novo estes modelos",
    "s1.retrain_help": "Treina do zero, só para a sua sessão, as redes desta estação (alguns segundos).",
    "s1.retrain_progress": "Treinando {model}: passo {step} de {total}",
    "s1.retrain_failed": "O treino de {model} não deu certo ({detail}).",
    "s1.retrain_done": "Pronto: {n} modelo(s) treinado(s); a página agora usa os novos, só para você.",
    "s1.retrain_queued": "Na fila: {n} treino(s) na frente deste.",
    "s1.retrain_stop": "Parar de esperar",
    "s1.retrain_reset": "Voltar aos modelos pré-treinados",
    "s1.retrain_shared": (
        "Treinos iguais são um só: se outra pessoa pediu o mesmo treino, você acompanha o mesmo cálculo, e o "
        "resultado é idêntico ao de um treino só seu."
    ),
    "s1.next_intro": "A memória da RNN dá conta da ordem. Mas até onde ela alcança? Na próxima estação, uma série de TV inteira.",
    "s1.no_models": "Sem os modelos não há respostas para mostrar; use o botão acima para treiná-los.",
}

EN: dict[str, str] = {
    "s1.title": "Sequential data",
    "s1.subtitle": (
        "Same pieces, different order: a feedforward network that only sees the average of its inputs (a "
        "“bag”) cannot tell the difference; an RNN, with its memory loop, can."
    ),
    "s1.takeaway": (
        "The feedforward network that only sees the average input gives the same answer for every order; the "
        "RNN reads the sequence step by step and gets right which came first."
    ),
    "s1.intro": (
        "A sentence, a song or the chapters of a story only make sense **in the right order**. Here the "
        "question is simple: in a sequence with two marked events, **A** and **B**, among distractors "
        "(C, D, E), *did A come before B?*\n\n"
        "The **feedforward** network here gets only the **average** of the inputs: a summary of *which* "
        "pieces appeared (a “bag” of inputs), with no idea at which step each one arrived — that, and only "
        "that, is why it cannot see order. (A feedforward network that gets the last inputs **side by side**, "
        "in a fixed window, does see the order inside its window; that is station 2's “last 4 episodes” "
        "model, which forgets whatever leaves the window.) The **RNN** reads one piece at a time and carries "
        "a hidden state h from one step to the next: that loop is what becomes memory. Both are real "
        "networks, trained in PyTorch on this very task."
    ),
    "s1.arrange_header": "Arrange the sequence",
    "s1.pos_a": "Position of A",
    "s1.pos_b": "Position of B",
    "s1.mix": "Order of the distractors (seed)",
    "s1.mix_help": "Each number arranges the distractors C, D and E differently; the pieces stay the same.",
    "s1.pos_help": "Pick the step (1 to {n}). If the other letter is there, the two swap places.",
    "s1.shuffle": "Shuffle",
    "s1.shuffle_help": "Draws a new order of the same pieces (a seeded draw: the link reproduces the result).",
    "s1.sequence": "Your sequence: {tokens}",
    "s1.truth_before": "Right answer: **yes**, A came before B.",
    "s1.truth_after": "Right answer: **no**, B came before A.",
    "s1.notice_same_position": "A and B cannot share a position ({pos}); B moved to position {moved}.",
    "s1.answers_header": "What each network answers",
    "s1.question": "P(A came before B)",
    "s1.model_ff": "Feedforward (bag of inputs)",
    "s1.model_rnn": "tanh RNN",
    "s1.metric_delta_help": "The delta shows the change since the previous order you tried.",
    "s1.says_yes": "says **yes** (A before B)",
    "s1.says_no": "says **no** (B before A)",
    "s1.verdict": "{model} {says} with {conf} confidence — {right}.",
    "s1.grade_right": "right",
    "s1.grade_wrong": "wrong",
    "s1.grade_guess": "a guess: near chance, neither right nor wrong",
    "s1.guess_rule": (
        "How answers are graded: with a confidence between {lo} and {hi} (near chance) the answer is a guess, "
        "not a hit."
    ),
    "s1.ff_same": (
        "The feedforward network gave **{p}** for this order and would give exactly the same for any other: "
        "the bag of inputs is the same, so the answer is too."
    ),
    "s1.unrolled_header": "The loop, unrolled in time, step by step",
    "s1.unrolled_title": "The RNN reading your sequence, one step at a time",
    "s1.steps_play": "play",
    "s1.steps_pause": "pause",
    "s1.steps_prefix": "step t = ",
    "s1.unrolled_input": "input x_t (piece)",
    "s1.unrolled_state": "hidden state h_t",
    "s1.unrolled_output": "answer P(A before B)",
    "s1.unrolled_caption": (
        "Press ▶ or drag the step slider: at each step t the same cell (same W, U and b) reads the piece x_t "
        "and the memory h_(t−1), and column t of the map below fills in with the trained RNN's real hidden "
        "state h_t. Notice how the columns change from the step where A or B appears."
    ),
    "s1.latex_intro": "Every step applies the same rule; this station's feedforward network, instead, only sees the average input:",
    "s1.latex_before": "A before B",
    "s1.heat_x": "step · piece",
    "s1.heat_y": "hidden unit",
    "s1.heat_value": "h (−1 to 1)",
    "s1.arr_header": "Every order at once",
    "s1.arr_title": "P(A before B) for every possible position of A and B",
    "s1.arr_x": "position of B − position of A (steps)",
    "s1.arr_y": "P(A before B)",
    "s1.arr_current": "your order",
    "s1.arr_chance": "chance (50 %)",
    "s1.arr_caption": (
        "Notice: the feedforward points form a flat line at the same height for all {n} orders, while the "
        "RNN jumps from near 0 % to near 100 % as soon as B comes after A."
    ),
    "s1.acc_header": "Accuracy on the test set",
    "s1.acc_ff": "Feedforward (bag of inputs)",
    "s1.acc_rnn": "tanh RNN",
    "s1.acc_help": "Fraction of correct answers on new sequences drawn by the task generator.",
    "s1.acc_source_manifest": "Numbers from the training of the pretrained models (weights manifest).",
    "s1.acc_source_measured": "Measured just now on {n} new sequences.",
    "s1.acc_explain": (
        "Half of the sequences have A before B and half the opposite, and all share the same bag of pieces: "
        "a network that only sees the average input cannot know the order, and the best it can do is guess — **50 %**. The RNN, reading in order, gets close to **100 %**."
    ),
    "s1.retrain": "Retrain these models",
    "s1.retrain_help": "Trains this station's networks from scratch, for your session only (a few seconds).",
    "s1.retrain_progress": "Training {model}: step {step} of {total}",
    "s1.retrain_failed": "Training {model} did not work ({detail}).",
    "s1.retrain_done": "Done: {n} model(s) freshly trained; the page now uses them, for you only.",
    "s1.retrain_queued": "Waiting: {n} training(s) ahead of this one.",
    "s1.retrain_stop": "Stop waiting",
    "s1.retrain_reset": "Back to the pretrained models",
    "s1.retrain_shared": (
        "Identical trainings are one: if someone else asked for the same training, you follow the same "
        "computation, and the result is identical to a training of your own."
    ),
    "s1.next_intro": "The RNN's memory handles order. But how far back does it reach? Next station: a whole TV series.",
    "s1.no_models": "Without the models there are no answers to show; use the button above to train them.",
}
