"""Strings of station 1 (sequential data: order matters)."""

TEXTS: dict[str, dict[str, str]] = {
    "common.nav_sequential": {
        "pt": "1 · Dados sequenciais",
        "en": "1 · Sequential data",
    },
    "home.card_sequential": {
        "pt": "Uma rede feedforward que vê só a média das entradas não percebe a ordem; uma RNN percebe. "
            "Embaralhe e compare.",
        "en": "A feedforward network that only sees the average of its inputs misses the order; an RNN sees it. "
            "Shuffle and compare.",
    },
    "sequential.title": {
        "pt": "Dados sequenciais",
        "en": "Sequential data",
    },
    "sequential.subtitle": {
        "pt": "Mesmas peças, outra ordem: uma rede feedforward que só vê a média das entradas (um “saco”) não "
            "percebe a diferença; uma RNN, com o seu laço de memória, percebe.",
        "en": "Same pieces, different order: a feedforward network that only sees the average of its inputs (a "
            "“bag”) cannot tell the difference; an RNN, with its memory loop, can.",
    },
    "sequential.takeaway": {
        "pt": "A feedforward que vê só a média das entradas dá a mesma resposta para qualquer ordem; a RNN lê a "
            "sequência passo a passo e acerta quem veio primeiro.",
        "en": "The feedforward network that only sees the average input gives the same answer for every order; the "
            "RNN reads the sequence step by step and gets right which came first.",
    },
    "sequential.intro": {
        "pt": "Uma frase, uma música ou os capítulos de uma história só fazem sentido **na ordem certa**. "
            "Aqui a pergunta é simples: numa sequência com dois eventos marcados, **A** e **B**, no meio de "
            "outros eventos (C, D, E), *o A veio antes do B?* Monte a sequência e veja o que duas redes respondem.",
        "en": "A sentence, a song or the chapters of a story only make sense **in the right order**. Here the "
            "question is simple: in a sequence with two marked events, **A** and **B**, among other "
            "events (C, D, E), *did A come before B?* Arrange the sequence and see what two networks answer.",
    },
    "sequential.intro_models": {
        "pt": "A rede **feedforward** daqui recebe só a **média** das entradas: o resumo de *quais* peças "
            "apareceram (um “saco” de entradas), sem saber em que passo cada uma chegou — por isso, e só por "
            "isso, ela não vê a ordem. (Uma feedforward que recebe as últimas entradas **lado a lado**, numa "
            "janela fixa, vê a ordem dentro da janela; é o modelo “últimos 4 episódios” da estação 2, que "
            "esquece o que sai da janela.) A **RNN** lê uma peça por vez e carrega um estado oculto h de um "
            "passo para o outro: é esse laço que vira memória. Ambas são redes reais, treinadas em PyTorch "
            "nesta mesma tarefa.",
        "en": "The **feedforward** network here gets only the **average** of the inputs: a summary of *which* "
            "pieces appeared (a “bag” of inputs), with no idea at which step each one arrived — that, and only "
            "that, is why it cannot see order. (A feedforward network that gets the last inputs **side by side**, "
            "in a fixed window, does see the order inside its window; that is station 2's “last 4 episodes” "
            "model, which forgets whatever leaves the window.) The **RNN** reads one piece at a time and carries "
            "a hidden state h from one step to the next: that loop is what becomes memory. Both are real "
            "networks, trained in PyTorch on this very task.",
    },
    "sequential.arrange_header": {
        "pt": "Monte a sequência",
        "en": "Arrange the sequence",
    },
    "sequential.pos_a": {
        "pt": "Posição do A",
        "en": "Position of A",
    },
    "sequential.pos_b": {
        "pt": "Posição do B",
        "en": "Position of B",
    },
    "sequential.mix": {
        "pt": "Arrumação de C, D e E (nº)",
        "en": "Arrangement of C, D and E (no.)",
    },
    "sequential.mix_help": {
        "pt": "Cada número arruma C, D e E de outro jeito; as peças continuam as mesmas.",
        "en": "Each number arranges C, D and E differently; the pieces stay the same.",
    },
    "sequential.pos_help": {
        "pt": "Escolha o passo (de 1 a {n}). Se a posição estiver ocupada pela outra letra, as duas trocam de lugar.",
        "en": "Pick the step (1 to {n}). If the other letter is there, the two swap places.",
    },
    "sequential.shuffle": {
        "pt": "Embaralhar",
        "en": "Shuffle",
    },
    "sequential.shuffle_help": {
        "pt": "Sorteia uma nova ordem das mesmas peças (sorteio com semente: o link reproduz o resultado).",
        "en": "Draws a new order of the same pieces (a seeded draw: the link reproduces the result).",
    },
    "sequential.sequence": {
        "pt": "Sua sequência: {tokens}",
        "en": "Your sequence: {tokens}",
    },
    "sequential.truth_before": {
        "pt": "Resposta certa: **sim**, o A veio antes do B.",
        "en": "Right answer: **yes**, A came before B.",
    },
    "sequential.truth_after": {
        "pt": "Resposta certa: **não**, o B veio antes do A.",
        "en": "Right answer: **no**, B came before A.",
    },
    "sequential.notice_same_position": {
        "pt": "A e B não podem ocupar a mesma posição ({pos}); o B foi para a posição {moved}.",
        "en": "A and B cannot share a position ({pos}); B moved to position {moved}.",
    },
    "sequential.answers_header": {
        "pt": "O que cada rede responde",
        "en": "What each network answers",
    },
    "sequential.question": {
        "pt": "P(A veio antes do B)",
        "en": "P(A came before B)",
    },
    "sequential.model_ff": {
        "pt": "Feedforward (saco de entradas)",
        "en": "Feedforward (bag of inputs)",
    },
    "sequential.model_rnn": {
        "pt": "RNN tanh",
        "en": "tanh RNN",
    },
    "sequential.delta_pp": {
        "pt": "{change} pp desde a ordem anterior",
        "en": "{change} pp since the previous order",
    },
    "sequential.delta_same": {
        "pt": "igual à ordem anterior",
        "en": "same as the previous order",
    },
    "sequential.metric_delta_help": {
        "pt": "A variação mostra a mudança em relação à ordem anterior que você testou.",
        "en": "The delta shows the change since the previous order you tried.",
    },
    "sequential.says_yes": {
        "pt": "diz **sim** (A antes de B)",
        "en": "says **yes** (A before B)",
    },
    "sequential.says_no": {
        "pt": "diz **não** (B antes de A)",
        "en": "says **no** (B before A)",
    },
    "sequential.verdict": {
        "pt": "{model} {says} com {conf} de confiança — {right}.",
        "en": "{model} {says} with {conf} confidence — {right}.",
    },
    "sequential.grade_right": {
        "pt": "acertou",
        "en": "right",
    },
    "sequential.grade_wrong": {
        "pt": "errou",
        "en": "wrong",
    },
    "sequential.grade_guess": {
        "pt": "um palpite: perto do acaso, não conta como resposta certa nem errada",
        "en": "a guess: near chance, neither right nor wrong",
    },
    "sequential.guess_rule": {
        "pt": "Regra das respostas: com confiança entre {lo} e {hi} (perto do acaso) a resposta é um palpite, "
            "não uma resposta certa.",
        "en": "How answers are graded: with a confidence between {lo} and {hi} (near chance) the answer is a guess, "
            "not a hit.",
    },
    "sequential.ff_same": {
        "pt": "A feedforward deu **{p}** para esta ordem e daria exatamente o mesmo para qualquer outra: "
            "o saco de entradas é igual, então a resposta também é.",
        "en": "The feedforward network gave **{p}** for this order and would give exactly the same for any other: "
            "the bag of inputs is the same, so the answer is too.",
    },
    "sequential.unrolled_header": {
        "pt": "O laço desenrolado no tempo, passo a passo",
        "en": "The loop, unrolled in time, step by step",
    },
    "sequential.unrolled_title": {
        "pt": "A RNN lendo a sua sequência, um passo por vez",
        "en": "The RNN reading your sequence, one step at a time",
    },
    "sequential.steps_play": {
        "pt": "tocar",
        "en": "play",
    },
    "sequential.steps_pause": {
        "pt": "pausar",
        "en": "pause",
    },
    "sequential.steps_prefix": {
        "pt": "passo t = ",
        "en": "step t = ",
    },
    "sequential.unrolled_input": {
        "pt": "entrada x_t (peça)",
        "en": "input x_t (piece)",
    },
    "sequential.unrolled_state": {
        "pt": "estado oculto h_t",
        "en": "hidden state h_t",
    },
    "sequential.unrolled_output": {
        "pt": "resposta P(A antes de B)",
        "en": "answer P(A before B)",
    },
    "sequential.unrolled_caption": {
        "pt": "Aperte ▶ ou arraste o controle de passos: a cada passo t a mesma célula (mesmos W, U e b) lê a "
            "peça x_t e a memória h_(t−1), e a coluna t do mapa embaixo se preenche com o estado oculto h_t real "
            "da RNN treinada. Repare como as colunas mudam a partir do passo em que aparece o A ou o B.",
        "en": "Press ▶ or drag the step slider: at each step t the same cell (same W, U and b) reads the piece x_t "
            "and the memory h_(t−1), and column t of the map below fills in with the trained RNN's real hidden "
            "state h_t. Notice how the columns change from the step where A or B appears.",
    },
    "sequential.latex_intro": {
        "pt": "Cada passo aplica a mesma regra; a feedforward desta estação, ao contrário, só vê a média das entradas:",
        "en": "Every step applies the same rule; this station's feedforward network, instead, only sees the average input:",
    },
    "sequential.latex_before": {
        "pt": "A antes de B",
        "en": "A before B",
    },
    "sequential.heat_x": {
        "pt": "passo · peça",
        "en": "step · piece",
    },
    "sequential.heat_y": {
        "pt": "unidade oculta",
        "en": "hidden unit",
    },
    "sequential.heat_value": {
        "pt": "h (−1 a 1)",
        "en": "h (−1 to 1)",
    },
    "sequential.arr_header": {
        "pt": "Todas as ordens de uma vez",
        "en": "Every order at once",
    },
    "sequential.arr_title": {
        "pt": "P(A antes de B) para cada posição possível de A e B",
        "en": "P(A before B) for every possible position of A and B",
    },
    "sequential.arr_x": {
        "pt": "posição do B − posição do A (passos)",
        "en": "position of B − position of A (steps)",
    },
    "sequential.arr_y": {
        "pt": "P(A antes de B)",
        "en": "P(A before B)",
    },
    "sequential.arr_current": {
        "pt": "a sua ordem",
        "en": "your order",
    },
    "sequential.arr_chance": {
        "pt": "acaso (50 %)",
        "en": "chance (50 %)",
    },
    "sequential.arr_caption": {
        "pt": "Repare: os pontos da feedforward formam uma reta na mesma altura para todas as {n} ordens, "
            "enquanto a RNN salta de perto de 0 % para perto de 100 % quando o B passa a vir depois do A.",
        "en": "Notice: the feedforward points form a flat line at the same height for all {n} orders, while the "
            "RNN jumps from near 0 % to near 100 % as soon as B comes after A.",
    },
    "sequential.acc_header": {
        "pt": "Acurácia no conjunto de teste",
        "en": "Accuracy on the test set",
    },
    "sequential.acc_ff": {
        "pt": "Feedforward (saco de entradas)",
        "en": "Feedforward (bag of inputs)",
    },
    "sequential.acc_rnn": {
        "pt": "RNN tanh",
        "en": "tanh RNN",
    },
    "sequential.acc_help": {
        "pt": "Fração de respostas certas em sequências novas, sorteadas pelo gerador da tarefa.",
        "en": "Fraction of correct answers on new sequences drawn by the task generator.",
    },
    "sequential.acc_source_manifest": {
        "pt": "Números do treino dos modelos pré-treinados (manifesto dos pesos).",
        "en": "Numbers from the training of the pretrained models (weights manifest).",
    },
    "sequential.acc_source_measured": {
        "pt": "Medido agora em {n} sequências novas.",
        "en": "Measured just now on {n} new sequences.",
    },
    "sequential.acc_explain": {
        "pt": "Metade das sequências tem A antes de B e metade o contrário. As outras peças (C, D, E) são "
            "sorteadas de novo em cada sequência, mas trocar A e B de lugar dá uma sequência com exatamente "
            "o mesmo saco de peças e a resposta oposta: quem só vê a média das entradas não distingue as "
            "duas, e o melhor possível é responder ao acaso — **50 %**. A RNN, que lê na ordem, chega perto "
            "de **100 %**.",
        "en": "Half of the sequences have A before B and half the opposite. The other pieces (C, D, E) are "
            "drawn anew for every sequence, but swapping A and B gives a sequence with exactly the same bag "
            "of pieces and the opposite answer: a network that only sees the average input cannot tell the "
            "two apart, and the best it can do is guess — **50 %**. The RNN, reading in order, gets close to "
            "**100 %**.",
    },
    "sequential.retrain": {
        "pt": "Treinar de novo estes modelos",
        "en": "Retrain these models",
    },
    "sequential.retrain_help": {
        "pt": "Treina do zero, só para a sua sessão, as redes desta estação (alguns segundos).",
        "en": "Trains this station's networks from scratch, for your session only (a few seconds).",
    },
    "sequential.retrain_progress": {
        "pt": "Treinando {model}: passo {step} de {total}",
        "en": "Training {model}: step {step} of {total}",
    },
    "sequential.retrain_failed": {
        "pt": "O treino de {model} não deu certo ({detail}).",
        "en": "Training {model} did not work ({detail}).",
    },
    "sequential.retrain_done": {
        "pt": "Pronto: {n} modelo(s) treinado(s); a página agora usa os novos, só para você.",
        "en": "Done: {n} model(s) freshly trained; the page now uses them, for you only.",
    },
    "sequential.retrain_queued": {
        "pt": "Na fila: {n} treino(s) na frente deste.",
        "en": "Waiting: {n} training(s) ahead of this one.",
    },
    "sequential.retrain_stop": {
        "pt": "Parar de esperar",
        "en": "Stop waiting",
    },
    "sequential.retrain_reset": {
        "pt": "Voltar aos modelos pré-treinados",
        "en": "Back to the pretrained models",
    },
    "sequential.retrain_shared": {
        "pt": "Treinos iguais são um só: se outra pessoa pediu o mesmo treino, você acompanha o mesmo cálculo, e o "
            "resultado é idêntico ao de um treino só seu.",
        "en": "Identical trainings are one: if someone else asked for the same training, you follow the same "
            "computation, and the result is identical to a training of your own.",
    },
    "sequential.next_intro": {
        "pt": "A memória da RNN dá conta da ordem. Mas até onde ela alcança? Na próxima estação, uma série de TV inteira.",
        "en": "The RNN's memory handles order. But how far back does it reach? Next station: a whole TV series.",
    },
    "sequential.no_models": {
        "pt": "Sem os modelos não há respostas para mostrar; use o botão acima para treiná-los.",
        "en": "Without the models there are no answers to show; use the button above to train them.",
    },
    "sequential.pred_swap_prompt": {
        "pt": "Na sequência {tokens}, a rede feedforward diz P(A antes de B) = {p}. Se trocarmos A e B de lugar, a resposta dela muda?",
        "en": "For the sequence {tokens} the feedforward network says P(A before B) = {p}. If we swap A and B, does its answer change?",
    },
    "sequential.pred_swap_same": {
        "pt": "Não: a resposta fica exatamente igual",
        "en": "No: its answer stays exactly the same",
    },
    "sequential.pred_swap_flip": {
        "pt": "Sim: a resposta se inverte",
        "en": "Yes: its answer flips",
    },
    "sequential.pred_swap_little": {
        "pt": "Um pouco: muda, mas continua do mesmo lado",
        "en": "A little: it moves but stays on the same side",
    },
    "sequential.pred_swap_measured": {
        "pt": "feedforward {ff_ab} com A antes de B e {ff_ba} com B antes de A; a RNN, {rnn_ab} e {rnn_ba}.",
        "en": "feedforward {ff_ab} with A before B and {ff_ba} with B before A; the RNN, {rnn_ab} and {rnn_ba}.",
    },
    "sequential.pred_acc_prompt": {
        "pt": "Em sequências novas, com que frequência a rede feedforward (que vê a média das entradas) acerta se A veio antes de B?",
        "en": "On new sequences, how often is the feedforward network (which sees the average of the inputs) right about whether A came before B?",
    },
    "sequential.pred_acc_measured": {
        "pt": "acurácia de teste: feedforward {ff}, RNN {rnn}.",
        "en": "test accuracy: feedforward {ff}, RNN {rnn}.",
    },
}
