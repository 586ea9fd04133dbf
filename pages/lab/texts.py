"""Strings of station 5 (the lab race)."""

TEXTS: dict[str, dict[str, str]] = {
    "common.nav_lab": {
        "pt": "5 · Laboratório",
        "en": "5 · Lab",
    },
    "home.card_lab": {
        "pt": "Uma corrida ao vivo: RNN, LSTM e GRU treinando lado a lado na mesma tarefa.",
        "en": "A live race: RNN, LSTM and GRU trained side by side on the same task.",
    },
    "lab.title": {
        "pt": "Laboratório: a corrida",
        "en": "Lab: the race",
    },
    "lab.subtitle": {
        "pt": "Três redes, a mesma semente, exatamente os mesmos lotes de dados: veja quem aprende a lembrar.",
        "en": "Three networks, one seed, exactly the same batches of data: watch who learns to remember.",
    },
    "lab.takeaway": {
        "pt": "No problema da soma com 50 passos, a RNN tanh fica presa na linha de base de quem não tem "
            "memória (MSE 1/6), enquanto a LSTM e a GRU aprendem: as portas carregam o primeiro número "
            "pela sequência inteira.",
        "en": "On the adding problem with 50 steps, the tanh RNN stays stuck on the baseline of a network "
            "without memory (MSE 1/6), while LSTM and GRU learn it: their gates carry the first number "
            "across the whole sequence.",
    },
    "lab.intro": {
        "pt": "Aqui a promessa da estação 4 vai a teste. Três redes com o mesmo tamanho de estado oculto — uma "
            "RNN tanh simples, uma LSTM e uma GRU — partem da mesma semente aleatória e, a cada passo de "
            "treino, recebem exatamente o mesmo lote de {batch} sequências. As três treinam com Adam, a "
            "mesma taxa de aprendizado (que cai até zero ao longo de um cosseno) e o mesmo recorte do "
            "gradiente pela norma. A única diferença é a célula: um laço simples, ou um laço com portas que "
            "decidem o que guardar e o que esquecer. Escolha uma tarefa e um comprimento, clique em "
            "**Iniciar a corrida** e acompanhe as perdas caírem — ou não.",
        "en": "Here the claim of station 4 is put to the test. Three networks with the same hidden size — a "
            "plain tanh RNN, an LSTM and a GRU — start from the same random seed and, at every training "
            "step, see exactly the same batch of {batch} sequences. All three train with Adam, the same "
            "learning rate (decaying to zero along a cosine) and the same gradient clipping by norm. The "
            "only difference is the cell: a plain loop, or a loop with gates that decide what to keep and "
            "what to forget. Pick a task and a length, press **Start the race**, and watch the losses fall — "
            "or not.",
    },
    # controls
    "lab.controls_heading": {
        "pt": "Configuração da corrida",
        "en": "Race settings",
    },
    "lab.task_label": {
        "pt": "Tarefa",
        "en": "Task",
    },
    "lab.task_help": {
        "pt": "No endereço da página a tarefa fica com o mesmo nome nos dois idiomas (adding, latch, series), "
            "para que links compartilhados funcionem para todos.",
        "en": "In the page address the task keeps one name in both languages (adding, latch, series), so "
            "shared links work for everyone.",
    },
    "lab.task_adding": {
        "pt": "somar os dois números marcados",
        "en": "sum the two marked numbers",
    },
    "lab.task_latch": {
        "pt": "lembrar o bit do passo 0 no meio do ruído",
        "en": "recall the bit of step 0 through noise",
    },
    "lab.task_series": {
        "pt": "por que o personagem chora no fim?",
        "en": "why does the character cry at the end?",
    },
    "lab.taskname_adding": {
        "pt": "problema da soma",
        "en": "adding problem",
    },
    "lab.taskname_latch": {
        "pt": "trava (latch)",
        "en": "latch",
    },
    "lab.taskname_series": {
        "pt": "série de TV",
        "en": "TV series",
    },
    "lab.length_label": {
        "pt": "Comprimento da sequência T (passos)",
        "en": "Sequence length T (steps)",
    },
    "lab.length_help": {
        "pt": "Quantos passos de tempo cada sequência tem. No problema da soma, o primeiro número "
            "marcado fica na primeira metade: quanto maior T, mais longe ele fica da resposta.",
        "en": "How many time steps each sequence has. In the adding problem the first marked number is "
            "in the first half: the larger T, the farther it is from the answer.",
    },
    "lab.steps_label": {
        "pt": "Passos de treino",
        "en": "Training steps",
    },
    "lab.steps_help": {
        "pt": "Quantas atualizações de pesos cada rede recebe (um lote por passo). O tempo da corrida "
            "cresce com os passos e com o comprimento.",
        "en": "How many weight updates each network gets (one batch per step). The race takes longer "
            "with more steps and with longer sequences.",
    },
    "lab.hidden_label": {
        "pt": "Tamanho do estado oculto",
        "en": "Hidden size",
    },
    "lab.hidden_help": {
        "pt": "Número de unidades de cada rede (o mesmo para as três).",
        "en": "Number of units of each network (the same for all three).",
    },
    "lab.lr_label": {
        "pt": "Taxa de aprendizado (Adam)",
        "en": "Learning rate (Adam)",
    },
    "lab.lr_help": {
        "pt": "Taxa inicial do Adam; ela decai até zero ao longo de um cosseno durante a corrida.",
        "en": "Adam's initial rate; it decays to zero along a cosine over the race.",
    },
    "lab.clip_label": {
        "pt": "Recorte do gradiente (norma máxima)",
        "en": "Gradient clipping (max norm)",
    },
    "lab.clip_help": {
        "pt": "Se ‖g‖ passar desse limite, o gradiente é reescalado para ter exatamente essa norma "
            "(Pascanu, Mikolov e Bengio, 2013). ∞ = sem recorte.",
        "en": "If ‖g‖ exceeds this threshold, the gradient is rescaled to exactly this norm (Pascanu, "
            "Mikolov & Bengio 2013). ∞ = no clipping.",
    },
    "lab.seed_label": {
        "pt": "Semente",
        "en": "Seed",
    },
    "lab.seed_help": {
        "pt": "A mesma semente dá os mesmos pesos iniciais às três redes e os mesmos dados: a corrida se "
            "repete igual. Mude-a para ver quanto o resultado depende do acaso.",
        "en": "The same seed gives the three networks the same initial weights and the same data: the "
            "race replays identically. Change it to see how much the outcome depends on luck.",
    },
    "lab.fixed_note": {
        "pt": "Fixos: lote de {batch} sequências, otimizador Adam com decaimento em cosseno, uma camada "
            "recorrente seguida de uma leitura linear do último estado.",
        "en": "Fixed: batches of {batch} sequences, Adam with cosine decay, one recurrent layer followed "
            "by a linear readout of the last state.",
    },
    "lab.start_blocked": {
        "pt": "Antes, responda à previsão logo abaixo das configurações.",
        "en": "First, answer the prediction just below the settings.",
    },
    "lab.start": {
        "pt": "Iniciar a corrida",
        "en": "Start the race",
    },
    "lab.start_help": {
        "pt": "Treina as três redes lado a lado, ao vivo, num treino compartilhado pelo servidor: quem pedir a "
            "mesma corrida vê as mesmas curvas. Com os valores padrão leva cerca de 15 a 20 segundos.",
        "en": "Trains the three networks side by side, live, in a training shared by the server: whoever asks for "
            "the same race sees the same curves. With the default values it takes about 15 to 20 seconds.",
    },
    "lab.stop": {
        "pt": "Parar",
        "en": "Stop",
    },
    "lab.stop_help": {
        "pt": "Para de acompanhar esta corrida: ela fica congelada aqui no passo atual. O treino só para se mais "
            "ninguém estiver acompanhando.",
        "en": "Stop watching this race: it stays frozen here at the current step. The training itself stops only if "
            "nobody else is watching it.",
    },
    "lab.running_caption": {
        "pt": "Corrida em andamento. Você pode mexer nos controles: a corrida continua. **Parar** encerra o seu "
            "acompanhamento; se ninguém mais acompanhar, ou se todos saírem da página por mais de um minuto, o "
            "treino para.",
        "en": "Race in progress. You can change the controls: the race goes on. **Stop** ends your watching; if "
            "nobody else watches, or everyone leaves this page for more than a minute, the training stops.",
    },
    "lab.progress": {
        "pt": "Passo {step} de {steps} · média dos últimos 20: {losses}",
        "en": "Step {step} of {steps} · mean of the last 20: {losses}",
    },
    "lab.progress_start": {
        "pt": "Preparando as três redes…",
        "en": "Getting the three networks ready…",
    },
    "lab.hint": {
        "pt": "Nenhuma corrida ainda. Clique em **Iniciar a corrida**: as curvas aparecem e crescem enquanto "
            "as redes treinam.",
        "en": "No race yet. Press **Start the race**: the curves appear and grow while the networks train.",
    },
    # models
    "lab.model_rnn": {
        "pt": "RNN tanh",
        "en": "tanh RNN",
    },
    "lab.model_lstm": {
        "pt": "LSTM",
        "en": "LSTM",
    },
    "lab.model_gru": {
        "pt": "GRU",
        "en": "GRU",
    },
    # loss chart
    "lab.loss_title": {
        "pt": "Perda de treino: {task}, T = {length}",
        "en": "Training loss: {task}, T = {length}",
    },
    "lab.x_title": {
        "pt": "passo de treino",
        "en": "training step",
    },
    "lab.y_mse": {
        "pt": "perda (MSE, escala log)",
        "en": "loss (MSE, log scale)",
    },
    "lab.y_ce": {
        "pt": "perda (entropia cruzada, escala log)",
        "en": "loss (cross-entropy, log scale)",
    },
    "lab.baseline_adding": {
        "pt": "linha de base sem memória: MSE 1/6",
        "en": "memoryless baseline: MSE 1/6",
    },
    "lab.baseline_ce": {
        "pt": "linha de base sem memória: log 2 ≈ 0,693",
        "en": "memoryless baseline: log 2 ≈ 0.693",
    },
    "lab.baseline_label_adding": {
        "pt": "1/6",
        "en": "1/6",
    },
    "lab.baseline_label_ce": {
        "pt": "log 2",
        "en": "log 2",
    },
    "lab.threshold_mse": {
        "pt": "resolvido: MSE < {threshold}",
        "en": "solved: MSE < {threshold}",
    },
    "lab.solved": {
        "pt": "{model} resolveu no passo {step}",
        "en": "{model} solved it at step {step}",
    },
    # the verdict under the results (pages.lab.view.verdict_sentence, rnn_core.race.race_verdict)
    "lab.verdict_solved": {
        "pt": "a {model} resolveu a tarefa no passo {step}",
        "en": "the {model} solved it at step {step}",
    },
    "lab.verdict_solved_next": {
        "pt": "a {model} no passo {step}",
        "en": "the {model} at step {step}",
    },
    "lab.verdict_none": {
        "pt": "nenhuma rede resolveu a tarefa",
        "en": "no network solved it",
    },
    "lab.verdict_partial": {
        "pt": "a {model} aprendeu em parte (perda final = {ratio} da linha de base)",
        "en": "the {model} learned part of it (final loss = {ratio} of the baseline)",
    },
    "lab.verdict_baseline_one": {
        "pt": "a {models} ficou na linha de base, como quem não tem memória",
        "en": "the {models} stayed at the baseline, like a network without memory",
    },
    "lab.verdict_baseline_many": {
        "pt": "a {models} ficaram na linha de base, como quem não tem memória",
        "en": "the {models} stayed at the baseline, like a network without memory",
    },
    "lab.verdict_diverged_one": {
        "pt": "a perda da {models} explodiu (deixou de ser um número finito)",
        "en": "the {models}'s loss blew up (no longer a finite number)",
    },
    "lab.verdict_diverged_many": {
        "pt": "as perdas da {models} explodiram (deixaram de ser números finitos)",
        "en": "the losses of the {models} blew up (no longer finite numbers)",
    },
    "lab.verdict_and": {
        "pt": "{first} e a {last}",
        "en": "{first} and the {last}",
    },
    "lab.verdict_stopped": {
        "pt": "Até o passo {step}, onde você parou: {sentence}",
        "en": "Up to step {step}, where you stopped: {sentence}",
    },
    "lab.verdict_rule": {
        "pt": "Resolver: {solved}. Ficar na linha de base: perda final (média das últimas 20) de pelo menos {at} da "
            "linha de base sem memória ({baseline}).",
        "en": "Solved: {solved}. Stayed at the baseline: a final loss (mean of the last 20) of at least {at} of the "
            "memoryless baseline ({baseline}).",
    },
    "lab.verdict_rule_loss": {
        "pt": "a média das últimas 20 perdas abaixo de {threshold} ({share} da linha de base)",
        "en": "the mean of the last 20 losses below {threshold} ({share} of the baseline)",
    },
    "lab.verdict_rule_acc": {
        "pt": "acurácia média de {threshold} ou mais nos últimos 20 lotes",
        "en": "a mean accuracy of {threshold} or more over the last 20 batches",
    },
    "lab.exploded_marker": {
        "pt": "{model} explodiu no passo {step}",
        "en": "{model} exploded at step {step}",
    },
    "lab.hover_loss": {
        "pt": "{model}, passo {step}: perda média {loss}",
        "en": "{model}, step {step}: mean loss {loss}",
    },
    "lab.loss_caption": {
        "pt": "Linha grossa: média dos últimos 20 lotes; linha clara: a perda de cada lote; estrela: "
            "o passo em que a rede resolveu a tarefa; tracejado preto: quem não tem memória.",
        "en": "Bold line: mean of the last 20 batches; faint line: each batch's loss; star: the step "
            "where a network solved the task; black dashes: a network without memory.",
    },
    "lab.live_caption": {
        "pt": "Ao vivo: as curvas crescem a cada {every} passos.",
        "en": "Live: the curves grow every {every} steps.",
    },
    # accuracy chart
    "lab.acc_title": {
        "pt": "Acurácia no lote de treino: {task}, T = {length}",
        "en": "Training-batch accuracy: {task}, T = {length}",
    },
    "lab.acc_y": {
        "pt": "acurácia (média de 20 lotes)",
        "en": "accuracy (mean of 20 batches)",
    },
    "lab.chance": {
        "pt": "acaso: 50 %",
        "en": "chance: 50 %",
    },
    "lab.threshold_acc": {
        "pt": "resolvido: acurácia ≥ 99 %",
        "en": "solved: accuracy ≥ 99 %",
    },
    "lab.hover_acc": {
        "pt": "{model}, passo {step}: acurácia {acc}",
        "en": "{model}, step {step}: accuracy {acc}",
    },
    "lab.acc_caption": {
        "pt": "Para as tarefas de classificação, “resolver” quer dizer acurácia de 99 % ou mais (média de 20 "
            "lotes); a linha tracejada é o acaso, o nível de quem não lembra de nada.",
        "en": "For the classification tasks, “solved” means 99 % accuracy or more (mean of 20 batches); "
            "the dashed line is the guess of a network that remembers nothing.",
    },
    # what to expect
    "lab.expect_heading": {
        "pt": "O que você deve ver, e por quê",
        "en": "What you should see, and why",
    },
    "lab.expect_adding": {
        "pt": "Com T = 50, a curva da RNN tanh fica colada na linha tracejada de 1/6 a corrida inteira, "
            "enquanto a LSTM e a GRU descem muito abaixo dela. Com T = 20 a RNN também aprende: a perda dela "
            "cai abaixo da linha, mesmo que não chegue ao limiar de “resolvido”.",
        "en": "At T = 50, the tanh RNN's curve sits on the dashed 1/6 line for the whole race, while LSTM and "
            "GRU fall far below it. At T = 20 the RNN learns too: its loss falls below the line, even if it "
            "may not reach the “solved” threshold.",
    },
    "lab.why_adding": {
        "pt": "**Por que 1/6?** Cada número marcado é sorteado entre 0 e 1, então a soma vale 1 em média. Uma rede "
            "que não lembra de nada só pode chutar essa média, 1,0, e erra, em média quadrática, a variância da "
            "soma: 2 × 1/12 = 1/6 ≈ 0,167. Qualquer curva abaixo da linha aprendeu a lembrar.\n\n**Por que a RNN "
            "fica para trás?** O primeiro número marcado está em algum ponto da primeira metade, de {near} a "
            "{far} passos antes da resposta. A RNN tanh teria de aprender a carregá-lo por todos esses passos, "
            "mas o gradiente que lhe ensinaria isso encolhe a cada passo de volta no tempo (estação 3): o recado "
            "nunca chega. A célula da LSTM e a porta de atualização (update gate) da GRU conseguem manter um "
            "valor quase intacto (esquecimento ≈ 1 na LSTM, z ≈ 1 na GRU do PyTorch), e por esse caminho passam "
            "tanto o número quanto o seu gradiente.",
        "en": "**Why 1/6?** Each marked number is drawn uniformly between 0 and 1, so the sum is 1 on average. A "
            "network that remembers nothing can only guess that average, 1.0, and its mean squared error is then "
            "the variance of the sum: 2 × 1/12 = 1/6 ≈ 0.167. Any curve below the line has learned to "
            "remember.\n\n**Why does the RNN fall behind?** The first marked number sits somewhere in the first "
            "half, {near} to {far} steps before the answer. The tanh RNN would have to learn to carry it through "
            "all those steps, but the gradient that would teach it shrinks at every step back in time (station "
            "3): the message never arrives. The LSTM's cell and the GRU's update gate can hold a value almost "
            "unchanged (forget ≈ 1 in the LSTM, z ≈ 1 in PyTorch's GRU), and along that path both the number and "
            "its gradient get through.",
    },
    "lab.expect_latch": {
        "pt": "Uma surpresa: a trava é a memória mais simples que existe — um bit no passo 0, ruído depois, e "
            "a pergunta no fim. Uma única unidade tanh saturada segura um bit para sempre, então a RNN "
            "simples costuma resolvê-la rápido, mesmo com T = 50. Já a LSTM com a inicialização padrão do "
            "PyTorch pode ficar no acaso (log 2 ≈ 0,693, 50 % de acurácia), e a GRU também, nos comprimentos "
            "maiores.",
        "en": "A surprise: the latch is the simplest memory there is — one bit at step 0, noise after "
            "it, and the question at the end. A single saturated tanh unit holds a bit forever, so "
            "the plain RNN usually solves it quickly, even at T = 50. The LSTM with PyTorch's default "
            "initialisation, on the other hand, may stay at chance (log 2 ≈ 0.693, 50 % accuracy), "
            "and so may the GRU at the longer lengths.",
    },
    "lab.why_latch": {
        "pt": "**Linha de base:** sem memória, o bit é cara ou coroa: 50 % de acurácia, entropia cruzada log 2 "
            "≈ 0,693.\n\n**Por que as redes com portas tropeçam?** A porta de esquecimento (forget gate) da "
            "LSTM começa perto de meio fechada (o PyTorch sorteia o viés perto de 0, então f ≈ σ(0) = 1/2), "
            "e o rastro do bit na célula — e o seu gradiente — encolhe como cerca de (1/2)ᵀ antes que a rede aprenda a mantê-la aberta. É a história do viés da porta "
            "de esquecimento da estação 4 (Gers et al. 2000): lá, com T = 30, um viés de 1 basta; com T = 50 "
            "é preciso mais (numa corrida da trava com os ajustes padrão desta estação, T = 50, 600 passos, "
            "semente 0, mudando só o viés da LSTM: com viés 3 ela resolve por volta do passo 250; com viés 1 "
            "ou 2, não resolve). A lição: guardar um bit isolado não é o difícil; difícil é guardar o que importa "
            "enquanto chegam coisas que também parecem importar — a próxima tarefa.",
        "en": "**Baseline:** without memory the bit is a coin flip: 50 % accuracy, cross-entropy log 2 ≈ "
            "0.693.\n\n"
            "**Why do the gated networks stumble?** The LSTM's forget gate starts near half closed (PyTorch "
            "draws its bias near 0, so f ≈ σ(0) = 1/2), and the bit's trace in the cell — and its gradient — "
            "shrinks like about (1/2)ᵀ before the "
            "network can learn to hold the gate open. That is station 4's forget-gate bias story (Gers "
            "et al. 2000): there, at T = 30, a bias of 1 is enough; at T = 50 it takes more (in a latch race "
            "with this station's default settings, T = 50, 600 steps, seed 0, with only the LSTM's bias changed: a bias "
            "of 3 solves it around step 250; a bias of 1 or 2 does not). The lesson: "
            "keeping one isolated bit is not the "
            "hard part; the hard part is keeping what matters while things that look important keep "
            "arriving — the next task.",
    },
    "lab.expect_series": {
        "pt": "A série realista da estação 2: cada episódio comum traz um clima aleatório, e a resposta é o "
            "clima do evento-chave, de 1 a {far} episódios antes do final. A RNN tanh fica perto do acaso "
            "(log 2 ≈ 0,693, cerca de 50 %), enquanto a LSTM e a GRU aprendem a tarefa.",
        "en": "The realistic series of station 2: every ordinary episode carries a random mood, and the answer "
            "is the mood of the key event, 1 to {far} episodes before the final scene. The tanh RNN stays "
            "near chance (log 2 ≈ 0.693, about 50 %), while LSTM and GRU learn the task.",
    },
    "lab.why_series": {
        "pt": "**Linha de base:** sem memória, a resposta é cara ou coroa: 50 % de acurácia, entropia cruzada "
            "log 2 ≈ 0,693.\n\n**Por que a RNN perde?** Não é só a distância. A RNN tanh pré-treinada do app "
            "nesta série realista acerta {rnn_d1} mesmo quando o evento-chave é o penúltimo episódio "
            "(distância 1): perto do acaso, ela nem aprendeu a tarefa — uma falha de treino, não de memória "
            "que se apaga com a distância. A LSTM e a GRU do mesmo tamanho, treinadas do mesmo jeito, "
            "acertam {gated_d1} na mesma distância.",
        "en": "**Baseline:** without memory the answer is a coin flip: 50 % accuracy, cross-entropy log 2 ≈ "
            "0.693.\n\n**Why does the RNN lose?** Not just because of distance. The app's pretrained tanh RNN on "
            "this realistic series gets {rnn_d1} right even when the key event is the second-to-last episode "
            "(distance 1): near chance, it did not learn the task at all — a training failure, not a memory that "
            "fades with distance. The LSTM and GRU of the same size, trained the same way, get {gated_d1} right "
            "at the same distance.",
    },
    "lab.cost_note": {
        "pt": "A coluna de segundos é o tempo de treino de cada rede nesta corrida, neste servidor (passagem "
            "para a frente e gradiente, nos lotes da corrida). A GRU tem 25 % menos parâmetros que a LSTM, "
            "e mesmo assim pode treinar mais devagar: compare as duas na coluna de segundos. Quando isso "
            "acontece, o motivo é o kernel, não a conta: na CPU, o PyTorch "
            "entrega a LSTM ao kernel fundido do oneDNN, que roda a sequência inteira numa só chamada, "
            "enquanto a GRU roda num laço genérico de operações pequenas a cada passo. A estação 4 mede isso "
            "só na passagem para a frente, com um lote pequeno e um grande: com o oneDNN desligado, qual das "
            "duas é mais rápida depende do tamanho do lote.",
        "en": "The seconds column is each network's own training time in this race, on this server (forward "
            "pass and gradient, on the race's batches). The GRU has 25 % fewer parameters than the LSTM, yet "
            "it can train more slowly: compare the two in the seconds column. When it does, the reason is the "
            "kernel, not the arithmetic: on a CPU, "
            "PyTorch hands the LSTM to oneDNN's fused kernel, which runs the whole sequence in one call, "
            "while the GRU runs through a generic loop of small operations at every step. Station 4 measures "
            "this for the forward pass only, with a small and a large batch: with oneDNN switched off, which "
            "of the two is faster depends on the batch size.",
    },
    # results
    "lab.results_heading": {
        "pt": "Resultados",
        "en": "Results",
    },
    "lab.results_for": {
        "pt": "Corrida: {task}, T = {length}, {steps} passos, estado oculto {hidden}, taxa {lr}, recorte "
            "{clip}, semente {seed}.",
        "en": "Race: {task}, T = {length}, {steps} steps, hidden size {hidden}, learning rate {lr}, "
            "clipping {clip}, seed {seed}.",
    },
    "lab.results_stale": {
        "pt": "Os controles mudaram desde esta corrida: os resultados abaixo são da configuração "
            "acima. Clique em **Iniciar a corrida** para correr com a nova.",
        "en": "The controls changed since this race: the results below belong to the settings above. "
            "Press **Start the race** to race with the new ones.",
    },
    "lab.status_done": {
        "pt": "Corrida completa: {steps} passos em {seconds}.",
        "en": "Race complete: {steps} steps in {seconds}.",
    },
    "lab.status_stopped": {
        "pt": "Corrida parada no passo {step} de {steps} (depois de {seconds}): a tabela mostra o "
            "que as redes aprenderam até ali.",
        "en": "Race stopped at step {step} of {steps} (after {seconds}): the table shows what the "
            "networks had learned by then.",
    },
    "lab.col_model": {
        "pt": "Rede",
        "en": "Network",
    },
    "lab.col_final_loss": {
        "pt": "Perda final (média de 20)",
        "en": "Final loss (mean of 20)",
    },
    "lab.col_vs_baseline": {
        "pt": "Perda ÷ linha de base",
        "en": "Loss ÷ baseline",
    },
    "lab.col_accuracy": {
        "pt": "Acurácia final",
        "en": "Final accuracy",
    },
    "lab.col_solved": {
        "pt": "Resolveu no passo",
        "en": "Solved at step",
    },
    "lab.col_steps": {
        "pt": "Passos treinados",
        "en": "Steps trained",
    },
    "lab.col_seconds": {
        "pt": "Segundos",
        "en": "Seconds",
    },
    "lab.col_params": {
        "pt": "Parâmetros",
        "en": "Parameters",
    },
    "lab.never": {
        "pt": "nunca",
        "en": "never",
    },
    "lab.not_yet": {
        "pt": "ainda não",
        "en": "not yet",
    },
    "lab.finished": {
        "pt": "{done} de {total}",
        "en": "{done} of {total}",
    },
    "lab.stopped": {
        "pt": "{done} de {total} (parado)",
        "en": "{done} of {total} (stopped)",
    },
    "lab.exploded": {
        "pt": "NaN (explodiu no passo {step})",
        "en": "NaN (exploded at step {step})",
    },
    "lab.table_caption": {
        "pt": "“Resolveu” = primeiro passo em que a média dos últimos 20 lotes cruzou o limiar da tarefa "
            "(soma: MSE < 0,01, isto é, 6 % da linha de base; trava e série: acurácia ≥ 99 %). Parâmetros = "
            "G·(h·x + h² + 2h) da camada recorrente (G = 1, 4, 3) mais a leitura linear.",
        "en": "“Solved” = the first step where the mean of the last 20 batches crossed the task's "
            "threshold (adding: MSE < 0.01, i.e. 6 % of the baseline; latch and series: accuracy ≥ "
            "99 %). Parameters = G·(h·x + h² + 2h) of the recurrent layer (G = 1, 4, 3) plus the "
            "linear readout.",
    },
    "lab.download_json": {
        "pt": "Baixar configuração e resultados (JSON)",
        "en": "Download settings and results (JSON)",
    },
    "lab.references": {
        "pt": "Referências: Hochreiter e Schmidhuber (1997); Gers, Schmidhuber e Cummins (2000); Cho et "
            "al. (2014); Pascanu, Mikolov e Bengio (2013); Le, Jaitly e Hinton (2015); Arjovsky, Shah e "
            "Bengio (2016).",
        "en": "References: Hochreiter & Schmidhuber (1997); Gers, Schmidhuber & Cummins (2000); Cho et "
            "al. (2014); Pascanu, Mikolov & Bengio (2013); Le, Jaitly & Hinton (2015); Arjovsky, Shah & "
            "Bengio (2016).",
    },
    "lab.waiting": {
        "pt": "Esperando: {ahead} corrida(s) à frente. A sua começa assim que um lugar de treino do servidor vagar.",
        "en": "Waiting: {ahead} race(s) ahead. Yours starts as soon as one of the server's training slots frees up.",
    },
    "lab.watchers": {
        "pt": "{n} pessoas acompanham esta corrida agora.",
        "en": "{n} people are watching this race right now.",
    },
    "lab.joined": {
        "pt": "Esta corrida, com estas mesmas configurações, já estava em andamento: você entrou nela e vê as "
            "mesmas curvas que todos que a pediram.",
        "en": "This race, with these very settings, was already running: you joined it and see the same curves as "
            "everyone who asked for it.",
    },
    "lab.replayed": {
        "pt": "Esta corrida já tinha sido feita neste servidor com as mesmas configurações: mesma semente, mesmos "
            "números, mostrados na hora.",
        "en": "This race had already been run on this server with the same settings: same seed, same numbers, shown "
            "at once.",
    },
    "lab.failed": {
        "pt": "A corrida falhou no servidor: {error}",
        "en": "The race failed on the server: {error}",
    },
    "lab.why_series_trained": {
        "pt": "**Linha de base:** sem memória, a resposta é cara ou coroa: 50 % de acurácia, entropia cruzada "
            "log 2 ≈ 0,693.\n\n**Distância 1:** a RNN tanh pré-treinada do app nesta série realista acerta "
            "{rnn_d1} quando o evento-chave é o penúltimo episódio; a LSTM e a GRU do mesmo tamanho acertam "
            "{gated_d1}.",
        "en": "**Baseline:** without memory the answer is a coin flip: 50 % accuracy, cross-entropy log 2 ≈ "
            "0.693.\n\n**Distance 1:** the app's pretrained tanh RNN on this realistic series gets {rnn_d1} right "
            "when the key event is the second-to-last episode; the LSTM and GRU of the same size get {gated_d1} "
            "right.",
    },
    "lab.why_baseline_ce": {
        "pt": "**Linha de base:** sem memória, a resposta é cara ou coroa: 50 % de acurácia, entropia cruzada "
            "log 2 ≈ 0,693.",
        "en": "**Baseline:** without memory the answer is a coin flip: 50 % accuracy, cross-entropy log 2 ≈ 0.693.",
    },
    "lab.pred_prompt": {
        "pt": "Na corrida padrão (tarefa: {task}, T = {length}, {steps} passos), qual célula resolve a tarefa primeiro?",
        "en": "In the default race (task: {task}, T = {length}, {steps} steps), which cell solves it first?",
    },
    "lab.pred_none": {
        "pt": "Nenhuma em {steps} passos",
        "en": "None within {steps} steps",
    },
    "lab.pred_solved": {
        "pt": "{cell} resolveu no passo {step}",
        "en": "{cell} solved it at step {step}",
    },
    "lab.pred_unsolved": {
        "pt": "{cell} não resolveu (perda final {loss})",
        "en": "{cell} did not (final loss {loss})",
    },
    "lab.pred_measured": {
        "pt": "{results} (corrida padrão, semente {seed}).",
        "en": "{results} (default race, seed {seed}).",
    },
    "lab.pred_folded": {
        "pt": "O botão de iniciar a corrida padrão libera quando você confirmar.",
        "en": "Starting the default race unlocks once you commit.",
    },
}
