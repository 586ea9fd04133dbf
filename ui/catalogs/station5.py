"""Strings of station 5 (the lab race)."""

PT: dict[str, str] = {
    "s5.title": "Laboratório: a corrida",
    "s5.subtitle": "Três redes, a mesma semente, exatamente os mesmos lotes de dados: veja quem aprende a lembrar.",
    "s5.takeaway": "No problema da soma com 50 passos, a RNN tanh fica presa na linha de base de quem não tem "
                   "memória (MSE 1/6), enquanto a LSTM e a GRU aprendem: as portas carregam o primeiro número "
                   "pela sequência inteira.",
    "s5.intro": (
        "Aqui a promessa da seção 4 vai a teste. Três redes com o mesmo tamanho de estado oculto — uma RNN "
        "tanh simples, uma LSTM e uma GRU — partem da mesma semente aleatória e, a cada passo de treino, "
        "recebem exatamente o mesmo lote de {batch} sequências. As três treinam com Adam, a mesma taxa de "
        "aprendizado (que cai até zero ao longo de um cosseno) e o mesmo recorte do gradiente pela norma. A "
        "única diferença é a célula: um laço simples, ou um laço com portas que decidem o que guardar e o que "
        "esquecer. Escolha uma tarefa e um comprimento, clique em **Iniciar a corrida** e acompanhe as perdas "
        "caírem — ou não."
    ),
    # controls
    "s5.controls_heading": "Configuração da corrida",
    "s5.task_label": "Tarefa",
    "s5.task_help": "O nome no endereço da página é o mesmo nos dois idiomas, para que links compartilhados "
                    "funcionem para todos.",
    "s5.task_adding": "problema da soma: somar os dois números marcados",
    "s5.task_latch": "trava (latch): lembrar o bit do passo 0 no meio do ruído",
    "s5.task_series": "série de TV: por que o personagem chora no fim?",
    "s5.taskname_adding": "problema da soma",
    "s5.taskname_latch": "trava (latch)",
    "s5.taskname_series": "série de TV",
    "s5.length_label": "Comprimento da sequência T (passos)",
    "s5.length_help": "Quantos passos de tempo cada sequência tem. No problema da soma, o primeiro número "
                      "marcado fica na primeira metade: quanto maior T, mais longe ele fica da resposta.",
    "s5.steps_label": "Passos de treino",
    "s5.steps_help": "Quantas atualizações de pesos cada rede recebe (um lote por passo). O tempo da corrida "
                     "cresce com os passos e com o comprimento.",
    "s5.hidden_label": "Tamanho do estado oculto",
    "s5.hidden_help": "Número de unidades de cada rede (o mesmo para as três).",
    "s5.lr_label": "Taxa de aprendizado (Adam)",
    "s5.lr_help": "Taxa inicial do Adam; ela decai até zero ao longo de um cosseno durante a corrida.",
    "s5.clip_label": "Recorte do gradiente (norma máxima)",
    "s5.clip_help": "Se ‖g‖ passar desse limite, o gradiente é reescalado para ter exatamente essa norma "
                    "(Pascanu, Mikolov e Bengio, 2013). ∞ = sem recorte.",
    "s5.seed_label": "Semente",
    "s5.seed_help": "A mesma semente dá os mesmos pesos iniciais às três redes e os mesmos dados: a corrida "
                    "se repete igual. Mude-a para ver quanto o resultado depende da sorte.",
    "s5.fixed_note": "Fixos: lote de {batch} sequências, otimizador Adam com decaimento em cosseno, uma camada "
                     "recorrente seguida de uma leitura linear do último estado.",
    "s5.start": "Iniciar a corrida",
    "s5.start_help": (
        "Treina as três redes lado a lado, ao vivo, num treino compartilhado pelo servidor: quem pedir a "
        "mesma corrida vê as mesmas curvas. Com os valores padrão leva cerca de 15 a 20 segundos."
    ),
    "s5.stop": "Parar",
    "s5.stop_help": (
        "Para de acompanhar esta corrida: ela fica congelada aqui no passo atual. O treino só para se mais "
        "ninguém estiver acompanhando."
    ),
    "s5.running_caption": (
        "Corrida em andamento. Você pode mexer nos controles: a corrida continua. **Parar** encerra o seu "
        "acompanhamento; se ninguém mais acompanhar, ou se todos saírem da página por mais de um minuto, o "
        "treino para."
    ),
    "s5.progress": "Passo {step} de {steps} · média dos últimos 20: {losses}",
    "s5.progress_start": "Preparando as três redes…",
    "s5.hint": "Nenhuma corrida ainda. Clique em **Iniciar a corrida**: as curvas aparecem e crescem enquanto "
               "as redes treinam.",
    # models
    "s5.model_rnn": "RNN tanh",
    "s5.model_lstm": "LSTM",
    "s5.model_gru": "GRU",
    # loss chart
    "s5.loss_title": "Perda de treino: {task}, T = {length}",
    "s5.x_title": "passo de treino",
    "s5.y_mse": "perda (MSE, escala log)",
    "s5.y_ce": "perda (entropia cruzada, escala log)",
    "s5.baseline_adding": "linha de base sem memória: MSE 1/6",
    "s5.baseline_ce": "linha de base sem memória: log 2 ≈ 0,693",
    "s5.baseline_label_adding": "1/6",
    "s5.baseline_label_ce": "log 2",
    "s5.threshold_mse": "resolvido: MSE < {threshold}",
    "s5.solved": "{model} resolveu no passo {step}",
    "s5.exploded_marker": "{model} explodiu no passo {step}",
    "s5.hover_loss": "{model}, passo {step}: perda média {loss}",
    "s5.loss_caption": "Linha grossa: média dos últimos 20 lotes; linha clara: a perda de cada lote; estrela: "
                       "o passo em que a rede resolveu a tarefa; tracejado preto: quem não tem memória.",
    "s5.live_caption": "Ao vivo: as curvas crescem a cada {every} passos.",
    # accuracy chart
    "s5.acc_title": "Acerto no lote de treino: {task}, T = {length}",
    "s5.acc_y": "acerto (média de 20 lotes)",
    "s5.chance": "sorte: 50 %",
    "s5.threshold_acc": "resolvido: acerto ≥ 99 %",
    "s5.hover_acc": "{model}, passo {step}: acerto {acc}",
    "s5.acc_caption": "Para as tarefas de classificação, “resolver” quer dizer acertar 99 % ou mais (média de "
                      "20 lotes); a linha tracejada é o chute de quem não lembra de nada.",
    # what to expect
    "s5.expect_heading": "O que você deve ver, e por quê",
    "s5.expect_adding": "Com T = 50, a curva da RNN tanh fica colada na linha tracejada de 1/6 a corrida "
                        "inteira, enquanto a LSTM e a GRU descem muito abaixo dela (MSE < 0,01 em algumas "
                        "centenas de passos). Com T = 20 a RNN também aprende: a perda dela cai bem abaixo da linha (perto de "
                        "0,03 depois de 600 passos), mesmo sem chegar aos 0,01 de “resolvido”.",
    "s5.why_adding": (
        "**Por que 1/6?** Cada número marcado é sorteado entre 0 e 1, então a soma vale 1 em média. Uma rede "
        "que não lembra de nada só pode chutar essa média, 1,0, e erra, em média quadrática, a variância da "
        "soma: 2 × 1/12 = 1/6 ≈ 0,167. Qualquer curva abaixo da linha aprendeu a lembrar.\n\n**Por que a RNN "
        "fica para trás?** O primeiro número marcado está em algum ponto da primeira metade, de {near} a "
        "{far} passos antes da resposta. A RNN tanh teria de aprender a carregá-lo por todos esses passos, "
        "mas o gradiente que lhe ensinaria isso encolhe a cada passo de volta no tempo (estação 3): o recado "
        "nunca chega. A célula da LSTM e a porta de atualização (update gate) da GRU conseguem manter um "
        "valor quase intacto (esquecimento ≈ 1 na LSTM, z ≈ 1 na GRU do PyTorch), e por esse caminho passam "
        "tanto o número quanto o seu gradiente."
    ),
    "s5.expect_latch": "Uma surpresa: a trava é a memória mais simples que existe — um bit no passo 0, ruído "
                       "depois, e a pergunta no fim. Uma única unidade tanh saturada segura um bit para sempre, "
                       "então a RNN simples costuma resolvê-la rápido, mesmo com T = 50. Já a LSTM com a "
                       "inicialização padrão do PyTorch pode ficar no chute (log 2 ≈ 0,693, 50 % de acerto), "
                       "e a GRU também, nos comprimentos maiores.",
    "s5.why_latch": "**Linha de base:** sem memória, o bit é cara ou coroa: 50 % de acerto, entropia cruzada "
                    "log 2 ≈ 0,693.\n\n"
                    "**Por que as redes com portas tropeçam?** A porta de esquecimento (forget gate) da LSTM "
                    "começa meio fechada (σ(0) = 1/2), então o rastro do bit na célula — e o seu gradiente — "
                    "encolhe como (1/2)ᵀ antes que a rede aprenda a mantê-la aberta. É a história do viés da "
                    "porta de esquecimento da estação 4 (Gers et al. 2000): lá, com T = 30, um viés de 1 basta; "
                    "com T = 50 é preciso mais (medimos nesta corrida: viés 3 resolve em cerca de 250 passos, "
                    "viés 1 não resolve). A lição: guardar um "
                    "bit isolado não é o difícil; difícil é guardar o que importa enquanto chegam coisas que "
                    "também parecem importar — a próxima tarefa.",
    "s5.expect_series": "A série realista da estação 2: cada episódio comum traz um clima aleatório, e a "
                        "resposta é o clima do evento-chave, de 1 a {far} episódios antes do final. A RNN tanh "
                        "fica perto do chute (log 2 ≈ 0,693, cerca de 50 %), enquanto a LSTM e a GRU chegam a "
                        "100 % em algumas centenas de passos.",
    "s5.why_series": (
        "**Linha de base:** sem memória, a resposta é cara ou coroa: 50 % de acerto, entropia cruzada log 2 ≈ "
        "0,693.\n\n**Por que a RNN perde?** Não é só a distância. A RNN tanh pré-treinada do app nesta série "
        "realista acerta {rnn_d1} mesmo quando o evento-chave é o penúltimo episódio (distância 1): perto do "
        "chute, ela nem aprendeu a tarefa — uma falha de treino, não de memória que se apaga com a distância. "
        "A LSTM e a GRU do mesmo tamanho, treinadas do mesmo jeito, acertam {gated_d1} na mesma distância."
    ),
    "s5.cost_note": (
        "A coluna de segundos é o tempo de treino de cada rede neste servidor. A GRU tem 25 % menos "
        "parâmetros que a LSTM, mas aqui costuma treinar mais devagar. O motivo é o kernel, não a conta: na "
        "CPU, o PyTorch entrega a LSTM ao kernel fundido do oneDNN, que roda a sequência inteira numa só "
        "chamada, enquanto a GRU roda num laço genérico de operações pequenas a cada passo. Com o oneDNN "
        "desligado, a GRU é a mais rápida das duas — a estação 4 mede isso."
    ),
    # results
    "s5.results_heading": "Resultados",
    "s5.results_for": "Corrida: {task}, T = {length}, {steps} passos, estado oculto {hidden}, taxa {lr}, recorte "
                      "{clip}, semente {seed}.",
    "s5.results_stale": "Os controles mudaram desde esta corrida: os resultados abaixo são da configuração "
                        "acima. Clique em **Iniciar a corrida** para correr com a nova.",
    "s5.status_done": "Corrida completa: {steps} passos em {seconds}.",
    "s5.status_stopped": "Corrida parada no passo {step} de {steps} (depois de {seconds}): a tabela mostra o "
                         "que as redes aprenderam até ali.",
    "s5.col_model": "Rede",
    "s5.col_final_loss": "Perda final (média de 20)",
    "s5.col_vs_baseline": "Perda ÷ linha de base",
    "s5.col_accuracy": "Acerto final",
    "s5.col_solved": "Resolveu no passo",
    "s5.col_steps": "Passos treinados",
    "s5.col_seconds": "Segundos",
    "s5.col_params": "Parâmetros",
    "s5.never": "nunca",
    "s5.not_yet": "ainda não",
    "s5.finished": "{done} de {total}",
    "s5.stopped": "{done} de {total} (parado)",
    "s5.exploded": "NaN (explodiu no passo {step})",
    "s5.table_caption": "“Resolveu” = primeiro passo em que a média dos últimos 20 lotes cruzou o limiar da "
                        "tarefa (soma: MSE < 0,01, isto é, 6 % da linha de base; trava e série: acerto ≥ 99 %). "
                        "Parâmetros = G·(h·x + h² + 2h) da camada recorrente (G = 1, 4, 3) mais a leitura linear.",
    "s5.download_json": "Baixar configuração e resultados (JSON)",
    "s5.references": "Referências: Hochreiter e Schmidhuber (1997); Gers, Schmidhuber e Cummins (2000); Cho et "
                     "al. (2014); Pascanu, Mikolov e Bengio (2013); Le, Jaitly e Hinton (2015); Arjovsky, Shah e "
                     "Bengio (2016).",
    "s5.waiting": (
        "Esperando: {ahead} corrida(s) à frente. A sua começa assim que um lugar de treino do servidor vagar."
    ),
    "s5.watchers": "{n} pessoas acompanham esta corrida agora.",
    "s5.joined": (
        "Esta corrida, com estas mesmas configurações, já estava em andamento: você entrou nela e vê as "
        "mesmas curvas que todos que a pediram."
    ),
    "s5.replayed": (
        "Esta corrida já tinha sido feita neste servidor com as mesmas configurações: mesma semente, mesmos "
        "números, mostrados na hora."
    ),
    "s5.failed": "A corrida falhou no servidor: {error}",
    "s5.why_series_trained": (
        "**Linha de base:** sem memória, a resposta é cara ou coroa: 50 % de acerto, entropia cruzada log 2 ≈ "
        "0,693.\n\n**Distância 1:** a RNN tanh pré-treinada do app nesta série realista acerta {rnn_d1} quando "
        "o evento-chave é o penúltimo episódio; a LSTM e a GRU do mesmo tamanho acertam {gated_d1}."
    ),
    "s5.why_baseline_ce": (
        "**Linha de base:** sem memória, a resposta é cara ou coroa: 50 % de acerto, entropia cruzada log 2 ≈ "
        "0,693."
    ),
}

EN: dict[str, str] = {
    "s5.title": "Lab: the race",
    "s5.subtitle": "Three networks, one seed, exactly the same batches of data: watch who learns to remember.",
    "s5.takeaway": "On the adding problem with 50 steps, the tanh RNN stays stuck on the baseline of a network "
                   "without memory (MSE 1/6), while LSTM and GRU learn it: their gates carry the first number "
                   "across the whole sequence.",
    "s5.intro": "Here the claim of section 4 is put to the test. Three networks with the same hidden size — a "
                "plain tanh RNN, an LSTM and a GRU — start from the same random seed and, at every training "
                "step, see exactly the same batch of {batch} sequences. All three train with Adam, the same "
                "learning rate (decaying to zero along a cosine) and the same gradient clipping by norm. The "
                "only difference is the cell: a plain loop, or a loop with gates that decide what to keep and "
                "what to forget. Pick a task and a length, press **Start the race**, and watch the losses fall "
                "— or not.",
    # controls
    "s5.controls_heading": "Race settings",
    "s5.task_label": "Task",
    "s5.task_help": "The name in the page address is the same in both languages, so shared links work for "
                    "everyone.",
    "s5.task_adding": "adding problem: sum the two marked numbers",
    "s5.task_latch": "latch: recall the bit of step 0 through noise",
    "s5.task_series": "TV series: why does the character cry at the end?",
    "s5.taskname_adding": "adding problem",
    "s5.taskname_latch": "latch",
    "s5.taskname_series": "TV series",
    "s5.length_label": "Sequence length T (steps)",
    "s5.length_help": "How many time steps each sequence has. In the adding problem the first marked number is "
                      "in the first half: the larger T, the farther it is from the answer.",
    "s5.steps_label": "Training steps",
    "s5.steps_help": "How many weight updates each network gets (one batch per step). The race takes longer "
                     "with more steps and with longer sequences.",
    "s5.hidden_label": "Hidden size",
    "s5.hidden_help": "Number of units of each network (the same for all three).",
    "s5.lr_label": "Learning rate (Adam)",
    "s5.lr_help": "Adam's initial rate; it decays to zero along a cosine over the race.",
    "s5.clip_label": "Gradient clipping (max norm)",
    "s5.clip_help": "If ‖g‖ exceeds this threshold, the gradient is rescaled to exactly this norm (Pascanu, "
                    "Mikolov & Bengio 2013). ∞ = no clipping.",
    "s5.seed_label": "Seed",
    "s5.seed_help": "The same seed gives the three networks the same initial weights and the same data: the "
                    "race replays identically. Change it to see how much the outcome depends on luck.",
    "s5.fixed_note": "Fixed: batches of {batch} sequences, Adam with cosine decay, one recurrent layer followed "
                     "by a linear readout of the last state.",
    "s5.start": "Start the race",
    "s5.start_help": (
        "Trains the three networks side by side, live, in a training shared by the server: whoever asks for "
        "the same race sees the same curves. With the default values it takes about 15 to 20 seconds."
    ),
    "s5.stop": "Stop",
    "s5.stop_help": (
        "Stop watching this race: it stays frozen here at the current step. The training itself stops only if "
        "nobody else is watching it."
    ),
    "s5.running_caption": (
        "Race in progress. You can change the controls: the race goes on. **Stop** ends your watching; if "
        "nobody else watches, or everyone leaves this page for more than a minute, the training stops."
    ),
    "s5.progress": "Step {step} of {steps} · mean of the last 20: {losses}",
    "s5.progress_start": "Getting the three networks ready…",
    "s5.hint": "No race yet. Press **Start the race**: the curves appear and grow while the networks train.",
    # models
    "s5.model_rnn": "tanh RNN",
    "s5.model_lstm": "LSTM",
    "s5.model_gru": "GRU",
    # loss chart
    "s5.loss_title": "Training loss: {task}, T = {length}",
    "s5.x_title": "training step",
    "s5.y_mse": "loss (MSE, log scale)",
    "s5.y_ce": "loss (cross-entropy, log scale)",
    "s5.baseline_adding": "memoryless baseline: MSE 1/6",
    "s5.baseline_ce": "memoryless baseline: log 2 ≈ 0.693",
    "s5.baseline_label_adding": "1/6",
    "s5.baseline_label_ce": "log 2",
    "s5.threshold_mse": "solved: MSE < {threshold}",
    "s5.solved": "{model} solved it at step {step}",
    "s5.exploded_marker": "{model} exploded at step {step}",
    "s5.hover_loss": "{model}, step {step}: mean loss {loss}",
    "s5.loss_caption": "Bold line: mean of the last 20 batches; faint line: each batch's loss; star: the step "
                       "where a network solved the task; black dashes: a network without memory.",
    "s5.live_caption": "Live: the curves grow every {every} steps.",
    # accuracy chart
    "s5.acc_title": "Training-batch accuracy: {task}, T = {length}",
    "s5.acc_y": "accuracy (mean of 20 batches)",
    "s5.chance": "chance: 50 %",
    "s5.threshold_acc": "solved: accuracy ≥ 99 %",
    "s5.hover_acc": "{model}, step {step}: accuracy {acc}",
    "s5.acc_caption": "For the classification tasks, “solved” means 99 % accuracy or more (mean of 20 batches); "
                      "the dashed line is the guess of a network that remembers nothing.",
    # what to expect
    "s5.expect_heading": "What you should see, and why",
    "s5.expect_adding": "At T = 50, the tanh RNN's curve sits on the dashed 1/6 line for the whole race, while "
                        "LSTM and GRU fall far below it (MSE < 0.01 within a few hundred steps). At T = 20 the "
                        "RNN learns too: its loss falls well below the line (about 0.03 after 600 steps), even "
                        "if it does not reach the 0.01 of “solved”.",
    "s5.why_adding": (
        "**Why 1/6?** Each marked number is drawn uniformly between 0 and 1, so the sum is 1 on average. A "
        "network that remembers nothing can only guess that average, 1.0, and its mean squared error is then "
        "the variance of the sum: 2 × 1/12 = 1/6 ≈ 0.167. Any curve below the line has learned to "
        "remember.\n\n**Why does the RNN fall behind?** The first marked number sits somewhere in the first "
        "half, {near} to {far} steps before the answer. The tanh RNN would have to learn to carry it through "
        "all those steps, but the gradient that would teach it shrinks at every step back in time (station "
        "3): the message never arrives. The LSTM's cell and the GRU's update gate can hold a value almost "
        "unchanged (forget ≈ 1 in the LSTM, z ≈ 1 in PyTorch's GRU), and along that path both the number and "
        "its gradient get through."
    ),
    "s5.expect_latch": "A surprise: the latch is the simplest memory there is — one bit at step 0, noise after "
                       "it, and the question at the end. A single saturated tanh unit holds a bit forever, so "
                       "the plain RNN usually solves it quickly, even at T = 50. The LSTM with PyTorch's default "
                       "initialisation, on the other hand, may stay at chance (log 2 ≈ 0.693, 50 % accuracy), "
                       "and so may the GRU at the longer lengths.",
    "s5.why_latch": "**Baseline:** without memory the bit is a coin flip: 50 % accuracy, cross-entropy log 2 ≈ "
                    "0.693.\n\n"
                    "**Why do the gated networks stumble?** The LSTM's forget gate starts half closed (σ(0) = "
                    "1/2), so the bit's trace in the cell — and its gradient — shrinks like (1/2)ᵀ before the "
                    "network can learn to hold the gate open. That is station 4's forget-gate bias story (Gers "
                    "et al. 2000): there, at T = 30, a bias of 1 is enough; at T = 50 it takes more (measured on "
                    "this race: a bias of 3 solves it in about 250 steps, a bias of 1 does not). The lesson: "
                    "keeping one isolated bit is not the "
                    "hard part; the hard part is keeping what matters while things that look important keep "
                    "arriving — the next task.",
    "s5.expect_series": "The realistic series of station 2: every ordinary episode carries a random mood, and "
                        "the answer is the mood of the key event, 1 to {far} episodes before the final scene. "
                        "The tanh RNN stays near chance (log 2 ≈ 0.693, about 50 %), while LSTM and GRU reach "
                        "100 % within a few hundred steps.",
    "s5.why_series": (
        "**Baseline:** without memory the answer is a coin flip: 50 % accuracy, cross-entropy log 2 ≈ "
        "0.693.\n\n**Why does the RNN lose?** Not just because of distance. The app's pretrained tanh RNN on "
        "this realistic series gets {rnn_d1} right even when the key event is the second-to-last episode "
        "(distance 1): near chance, it did not learn the task at all — a training failure, not a memory that "
        "fades with distance. The LSTM and GRU of the same size, trained the same way, get {gated_d1} right "
        "at the same distance."
    ),
    "s5.cost_note": (
        "The seconds column is each network's own training time on this server. The GRU has 25 % fewer "
        "parameters than the LSTM, yet here it usually trains more slowly. The reason is the kernel, not the "
        "arithmetic: on a CPU, PyTorch hands the LSTM to oneDNN's fused kernel, which runs the whole sequence "
        "in one call, while the GRU runs through a generic loop of small operations at every step. With "
        "oneDNN switched off, the GRU is the faster of the two — station 4 measures this."
    ),
    # results
    "s5.results_heading": "Results",
    "s5.results_for": "Race: {task}, T = {length}, {steps} steps, hidden size {hidden}, learning rate {lr}, "
                      "clipping {clip}, seed {seed}.",
    "s5.results_stale": "The controls changed since this race: the results below belong to the settings above. "
                        "Press **Start the race** to race with the new ones.",
    "s5.status_done": "Race complete: {steps} steps in {seconds}.",
    "s5.status_stopped": "Race stopped at step {step} of {steps} (after {seconds}): the table shows what the "
                         "networks had learned by then.",
    "s5.col_model": "Network",
    "s5.col_final_loss": "Final loss (mean of 20)",
    "s5.col_vs_baseline": "Loss ÷ baseline",
    "s5.col_accuracy": "Final accuracy",
    "s5.col_solved": "Solved at step",
    "s5.col_steps": "Steps trained",
    "s5.col_seconds": "Seconds",
    "s5.col_params": "Parameters",
    "s5.never": "never",
    "s5.not_yet": "not yet",
    "s5.finished": "{done} of {total}",
    "s5.stopped": "{done} of {total} (stopped)",
    "s5.exploded": "NaN (exploded at step {step})",
    "s5.table_caption": "“Solved” = the first step where the mean of the last 20 batches crossed the task's "
                        "threshold (adding: MSE < 0.01, i.e. 6 % of the baseline; latch and series: accuracy ≥ "
                        "99 %). Parameters = G·(h·x + h² + 2h) of the recurrent layer (G = 1, 4, 3) plus the "
                        "linear readout.",
    "s5.download_json": "Download settings and results (JSON)",
    "s5.references": "References: Hochreiter & Schmidhuber (1997); Gers, Schmidhuber & Cummins (2000); Cho et "
                     "al. (2014); Pascanu, Mikolov & Bengio (2013); Le, Jaitly & Hinton (2015); Arjovsky, Shah & "
                     "Bengio (2016).",
    "s5.waiting": (
        "Waiting: {ahead} race(s) ahead. Yours starts as soon as one of the server's training slots frees up."
    ),
    "s5.watchers": "{n} people are watching this race right now.",
    "s5.joined": (
        "This race, with these very settings, was already running: you joined it and see the same curves as "
        "everyone who asked for it."
    ),
    "s5.replayed": (
        "This race had already been run on this server with the same settings: same seed, same numbers, shown "
        "at once."
    ),
    "s5.failed": "The race failed on the server: {error}",
    "s5.why_series_trained": (
        "**Baseline:** without memory the answer is a coin flip: 50 % accuracy, cross-entropy log 2 ≈ "
        "0.693.\n\n**Distance 1:** the app's pretrained tanh RNN on this realistic series gets {rnn_d1} right "
        "when the key event is the second-to-last episode; the LSTM and GRU of the same size get {gated_d1} "
        "right."
    ),
    "s5.why_baseline_ce": (
        "**Baseline:** without memory the answer is a coin flip: 50 % accuracy, cross-entropy log 2 ≈ 0.693."
    ),
}
