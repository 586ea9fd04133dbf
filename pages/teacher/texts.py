"""Class mode (keys ``teacher.*``; the page title is ``common.nav_teacher``): the sidebar's join box, what students see when answers are sent, the teacher page."""

TEXTS: dict[str, dict[str, str]] = {
    "common.nav_teacher": {
        "pt": "Professor(a): turma ao vivo",
        "en": "Teacher: live class",
    },
    "teacher.nav_section": {
        "pt": "Para o(a) professor(a)",
        "en": "For the teacher",
    },
    "teacher.title": {
        "pt": "Turma ao vivo",
        "en": "Live class",
    },
    "teacher.subtitle": {
        "pt": "Para o professor: crie uma turma, projete o código e veja as respostas e as corridas da turma chegando.",
        "en": "For the teacher: create a class, project its code and watch the class's answers and races come in.",
    },
    "teacher.takeaway": {
        "pt": "Todos respondem no próprio aparelho; o projetor mostra a turma inteira.",
        "en": "Everyone answers on their own device; the projector shows the whole class.",
    },
    # sidebar join box
    "teacher.join_title": {
        "pt": "Entrar numa turma",
        "en": "Join a class",
    },
    "teacher.code_label": {
        "pt": "Código da turma",
        "en": "Class code",
    },
    "teacher.code_help": {
        "pt": "As 6 letras e números que o professor projetou (maiúsculas ou minúsculas).",
        "en": "The 6 letters and digits your teacher projected (upper or lower case).",
    },
    "teacher.join": {
        "pt": "Entrar",
        "en": "Join",
    },
    "teacher.in_class": {
        "pt": "Você está na turma **{code}**. Suas previsões, suas respostas do questionário e suas corridas do laboratório vão para o projetor, sem nome.",
        "en": "You are in class **{code}**. Your predictions, quiz answers and Lab races go to the projector, without your name.",
    },
    "teacher.leave": {
        "pt": "Sair da turma",
        "en": "Leave the class",
    },
    "teacher.left": {
        "pt": "Você saiu da turma.",
        "en": "You left the class.",
    },
    "teacher.joined": {
        "pt": "Você entrou na turma {code}.",
        "en": "You joined class {code}.",
    },
    "teacher.not_found": {
        "pt": "Não há turma aberta com esse código. Confira com o professor (a turma pode ter sido encerrada ou expirado).",
        "en": "There is no open class with that code. Check it with your teacher (the class may have been closed or expired).",
    },
    "teacher.bad_code": {
        "pt": "Um código de turma tem 6 letras e números, como os projetados pelo professor.",
        "en": "A class code has 6 letters and digits, like the one your teacher projected.",
    },
    "teacher.bad_link_code": {
        "pt": "O código de turma do link não é válido; você não entrou em nenhuma turma.",
        "en": "The class code in the link is not valid; you did not join a class.",
    },
    "teacher.too_many_joins": {
        "pt": "Muitas tentativas de entrar numa turma. Espere um minuto e tente de novo.",
        "en": "Too many tries to join a class. Wait a minute and try again.",
    },
    "teacher.too_fast": {
        "pt": "Envios rápidos demais para a turma: espere um segundo e tente de novo.",
        "en": "Sending to the class too fast: wait a second and try again.",
    },
    "teacher.unavailable": {
        "pt": "O banco de dados da turma está indisponível agora; tente de novo em instantes.",
        "en": "The class database is unavailable right now; try again in a moment.",
    },
    "teacher.closed_now": {
        "pt": "A turma {code} foi encerrada pelo professor ou expirou; você saiu dela.",
        "en": "Class {code} was closed by the teacher or expired; you have left it.",
    },
    "teacher.answer_sent": {
        "pt": "Resposta enviada à turma {code}.",
        "en": "Answer sent to class {code}.",
    },
    "teacher.race_sent": {
        "pt": "Corrida enviada à turma {code}.",
        "en": "Race sent to class {code}.",
    },
    "teacher.send_failed": {
        "pt": "Não foi possível enviar à turma agora.",
        "en": "Could not send to the class right now.",
    },
    # teacher page: create
    "teacher.create_heading": {
        "pt": "Criar uma turma",
        "en": "Create a class",
    },
    "teacher.create_intro": {
        "pt": "Crie uma turma para a aula de hoje. Os alunos entram com o código (ou o QR code) e respondem anonimamente: sem nomes, sem contas. A turma expira em {hours} horas.",
        "en": "Create a class for today's lesson. Students join with the code (or the QR code) and answer anonymously: no names, no accounts. The class expires in {hours} hours.",
    },
    "teacher.title_label": {
        "pt": "Nome da turma (opcional)",
        "en": "Class name (optional)",
    },
    "teacher.title_help": {
        "pt": "Só você o vê, no projetor. Até 64 caracteres.",
        "en": "Only you see it, on the projector. Up to 64 characters.",
    },
    "teacher.create": {
        "pt": "Criar turma",
        "en": "Create class",
    },
    "teacher.bad_title": {
        "pt": "O nome da turma tem caracteres não aceitos ou passa de 64 caracteres.",
        "en": "The class name has characters that are not accepted or is longer than 64 characters.",
    },
    # teacher page: live view
    "teacher.code_heading": {
        "pt": "Código da turma",
        "en": "Class code",
    },
    "teacher.join_at": {
        "pt": "Entrem em **{url}** e digitem o código na barra lateral — ou apontem a câmera para o QR code.",
        "en": "Go to **{url}** and type the code in the sidebar — or point your camera at the QR code.",
    },
    "teacher.qr_caption": {
        "pt": "QR code do link da turma",
        "en": "QR code of the class link",
    },
    "teacher.students": {
        "pt": "Alunos na turma",
        "en": "Students in the class",
    },
    "teacher.expires": {
        "pt": "A turma expira em {hours} h {minutes} min.",
        "en": "The class expires in {hours} h {minutes} min.",
    },
    "teacher.refresh_note": {
        "pt": "Esta parte se atualiza sozinha a cada {seconds} segundos.",
        "en": "This part refreshes by itself every {seconds} seconds.",
    },
    "teacher.pick_question": {
        "pt": "Pergunta no projetor",
        "en": "Question on the projector",
    },
    "teacher.answers_count": {
        "pt": "Respostas: {n}",
        "en": "Answers: {n}",
    },
    "teacher.correct_mark": {
        "pt": "✓ correta",
        "en": "✓ correct",
    },
    "teacher.count_axis": {
        "pt": "alunos",
        "en": "students",
    },
    "teacher.races_none": {
        "pt": "Ainda não chegou nenhuma corrida terminada.",
        "en": "No finished race has arrived yet.",
    },
    "teacher.races_chart_title": {
        "pt": "Perda final ÷ linha de base da tarefa, por célula e configuração",
        "en": "Final loss ÷ the task's baseline, by cell and settings",
    },
    "teacher.races_x": {
        "pt": "configuração (tarefa, T)",
        "en": "settings (task, T)",
    },
    "teacher.races_y": {
        "pt": "perda final ÷ linha de base (escala log)",
        "en": "final loss ÷ baseline (log scale)",
    },
    "teacher.races_caption": {
        "pt": "Cada ponto é a corrida terminada de um aluno: a perda final (média dos últimos 20 passos) de cada célula dividida pela linha de base da sua tarefa (a perda de uma rede que não lembra nada: {adding} no problema da soma, {ce} nas tarefas de classificação), então tarefas com perdas diferentes cabem num só eixo; abaixo da linha tracejada, a célula aprendeu algo.",
        "en": "Each dot is one student's finished race: each cell's final loss (mean of the last 20 steps) divided by its task's baseline (the loss of a network that remembers nothing: {adding} on the adding problem, {ce} on the classification tasks), so tasks with different losses share one axis; below the dashed line, the cell learned something.",
    },
    "teacher.col_student": {
        "pt": "aluno",
        "en": "student",
    },
    "teacher.cell_rnn": {
        "pt": "RNN simples",
        "en": "simple RNN",
    },
    "teacher.cell_lstm": {
        "pt": "LSTM",
        "en": "LSTM",
    },
    "teacher.cell_gru": {
        "pt": "GRU",
        "en": "GRU",
    },
    "teacher.no_clip": {
        "pt": "sem recorte",
        "en": "no clip",
    },
    "teacher.close": {
        "pt": "Encerrar a turma",
        "en": "Close the class",
    },
    "teacher.close_help": {
        "pt": "Apaga as respostas e as corridas desta turma; o código deixa de funcionar.",
        "en": "Deletes this class's answers and races; the code stops working.",
    },
    "teacher.close_confirm": {
        "pt": "Sim, encerrar e apagar",
        "en": "Yes, close and delete",
    },
    "teacher.closed_done": {
        "pt": "Turma encerrada; suas respostas e corridas foram apagadas.",
        "en": "Class closed; its answers and races were deleted.",
    },
    # teacher page: the board (pages/teacher/page.py)
    "teacher.pick_label": {
        "pt": "Estação {n} · {prompt}",
        "en": "Station {n} · {prompt}",
    },
    "teacher.no_question": {
        "pt": "— nenhuma pergunta —",
        "en": "— no question —",
    },
    "teacher.previous": {
        "pt": "Pergunta anterior",
        "en": "Previous question",
    },
    "teacher.reveal": {
        "pt": "Revelar",
        "en": "Reveal",
    },
    "teacher.next": {
        "pt": "Próxima",
        "en": "Next",
    },
    "teacher.no_focus": {
        "pt": "Nenhuma pergunta no projetor: escolha uma acima (ou clique em Próxima) e a turma a recebe em segundos.",
        "en": "No question on the projector: pick one above (or press Next) and the class gets it within seconds.",
    },
    "teacher.start_hint": {
        "pt": "Quando a turma tiver entrado, escolha a primeira pergunta (ou clique em Próxima): o código e o QR code vão para o canto.",
        "en": "Once the class has joined, pick the first question (or press Next): the code and the QR code move to a corner.",
    },
    "teacher.revealed": {
        "pt": "**Resposta medida: {right}.** {measured}",
        "en": "**Measured answer: {right}.** {measured}",
    },
    "teacher.answered_joined": {
        "pt": "responderam / na turma",
        "en": "answered / joined",
    },
    "teacher.lock": {
        "pt": "Fechar a entrada",
        "en": "Lock joining",
    },
    "teacher.lock_help": {
        "pt": "Ligado, ninguém novo entra na turma; quem já entrou continua respondendo. Use quando todos tiverem entrado: assim uma contagem inflada por alunos falsos aparece.",
        "en": "When on, nobody new can join; students already in keep answering. Turn it on once everyone has joined, so ballot stuffing by made-up students shows.",
    },
    "teacher.tab_questions": {
        "pt": "Todas as perguntas",
        "en": "All questions",
    },
    "teacher.tab_stations": {
        "pt": "Alunos por estação",
        "en": "Students per station",
    },
    "teacher.tab_races": {
        "pt": "Corridas (estação 5)",
        "en": "Races (station 5)",
    },
    "teacher.tab_class": {
        "pt": "Turma",
        "en": "Class",
    },
    "teacher.col_on": {
        "pt": "no projetor",
        "en": "on screen",
    },
    "teacher.col_station": {
        "pt": "estação",
        "en": "station",
    },
    "teacher.col_question": {
        "pt": "pergunta",
        "en": "question",
    },
    "teacher.col_answered": {
        "pt": "respostas",
        "en": "answers",
    },
    "teacher.col_options": {
        "pt": "por opção",
        "en": "per option",
    },
    "teacher.questions_caption": {
        "pt": "Cada linha é uma pergunta do percurso (previsões das estações 1–5, depois o questionário da estação 6) com quantos alunos responderam e quantos escolheram cada opção; escolha uma no seletor acima para projetá-la.",
        "en": "Each row is one question of the journey (predictions of stations 1–5, then station 6's quiz) with how many students answered and how many chose each option; pick one in the selector above to project it.",
    },
    "teacher.stations_title": {
        "pt": "Alunos em cada estação agora",
        "en": "Students on each station now",
    },
    "teacher.stations_caption": {
        "pt": "Quantos alunos da turma estão em cada página, pelo último sinal de cada um nos últimos 2 minutos (um aluno parado há mais tempo não conta).",
        "en": "How many of the class's students are on each page, by each one's last signal in the last 2 minutes (a student idle for longer is not counted).",
    },
    "teacher.races_baseline": {
        "pt": "linha de base: não lembra nada",
        "en": "baseline: remembers nothing",
    },
    "teacher.col_ratio": {
        "pt": "{cell} ÷ base",
        "en": "{cell} ÷ baseline",
    },
    "teacher.col_ratio_help": {
        "pt": "Perda final da célula dividida pela linha de base da tarefa (a perda de uma rede que não lembra nada): 100 % = não aprendeu nada; quanto menor, melhor.",
        "en": "The cell's final loss divided by the task's baseline (the loss of a network that remembers nothing): 100% = learned nothing; the lower, the better.",
    },
    "teacher.settings_short": {
        "pt": "{steps} passos · {hidden} unidades · taxa {lr} · {clip}",
        "en": "{steps} steps · {hidden} units · lr {lr} · {clip}",
    },
    "teacher.clip_at": {
        "pt": "recorte {clip}",
        "en": "clip {clip}",
    },
    "teacher.col_settings": {
        "pt": "outras configurações",
        "en": "other settings",
    },
    "teacher.board_gone": {
        "pt": "A turma deste painel foi encerrada ou expirou (ou o painel não vale mais). Crie uma nova turma ou reabra outra.",
        "en": "This board's class was closed or has expired (or the board is no longer valid). Create a new class or reopen another.",
    },
    "teacher.reopen_heading": {
        "pt": "Reabrir o painel de uma turma",
        "en": "Reopen a class's board",
    },
    "teacher.reopen_intro": {
        "pt": "Em outro aparelho ou depois de fechar a aba: digite o código da turma e a chave do professor que apareceu ao criá-la. A chave não vai para o endereço.",
        "en": "On another device or after closing the tab: type the class code and the teacher key shown when you created it. The key never goes into the address.",
    },
    "teacher.key_label": {
        "pt": "Chave do professor",
        "en": "Teacher key",
    },
    "teacher.reopen": {
        "pt": "Abrir o painel",
        "en": "Open the board",
    },
    "teacher.reopen_failed": {
        "pt": "Nenhuma turma aberta corresponde a esse código e a essa chave.",
        "en": "No open class matches this code and key.",
    },
    "teacher.reopened": {
        "pt": "Painel da turma {code} reaberto.",
        "en": "Board of class {code} reopened.",
    },
    "teacher.link_needs_key": {
        "pt": "Este link é o de entrada dos alunos na turma {code}: ele não abre o painel do professor (e esta página não entra na turma como aluno). Para abrir o painel, digite a chave do professor abaixo.",
        "en": "This is the students' link to class {code}: it does not open the teacher's board (and this page does not join the class as a student). To open the board, type the teacher key below.",
    },
    "teacher.old_link_used": {
        "pt": "Este endereço trazia a chave do professor. Ela foi tirada da barra de endereço, mas pode continuar no histórico deste navegador: da próxima vez, reabra o painel pelo formulário (código + chave). Recarregar esta página mantém o painel.",
        "en": "This address carried the teacher key. It was removed from the address bar, but it may stay in this browser's history: next time, reopen the board with the form (code + key). Reloading this page keeps the board.",
    },
    "teacher.old_link_failed": {
        "pt": "Este link de professor não abre nenhuma turma aberta (código ou chave errados, ou a turma terminou). A chave foi tirada da barra de endereço.",
        "en": "This teacher link opens no open class (wrong code or key, or the class ended). The key was removed from the address bar.",
    },
    "teacher.replace_board": {
        "pt": "Um link abriu o painel de outra turma ({new}), mas o painel da turma {old} está aberto aqui. Trocar? Se você não criou a turma {new}, mantenha a {old}.",
        "en": "A link opened the board of another class ({new}), but class {old}'s board is open here. Switch? If you did not create class {new}, keep {old}.",
    },
    "teacher.replace_yes": {
        "pt": "Abrir a turma {new}",
        "en": "Open class {new}",
    },
    "teacher.replace_no": {
        "pt": "Manter a turma {old}",
        "en": "Keep class {old}",
    },
    "teacher.leave_board": {
        "pt": "Sair deste painel",
        "en": "Leave this board",
    },
    "teacher.leave_board_help": {
        "pt": "Este navegador deixa de mostrar a turma; ela continua aberta e pode ser reaberta com o código e a chave.",
        "en": "This browser stops showing the class; it stays open and can be reopened with its code and key.",
    },
    "teacher.left_board": {
        "pt": "Você saiu do painel; a turma continua aberta.",
        "en": "You left the board; the class stays open.",
    },
    "teacher.key_once_title": {
        "pt": "Chave do professor: copie agora (mostrada só desta vez; não projete)",
        "en": "Teacher key: copy it now (shown only this once; do not project)",
    },
    "teacher.key_once_warning": {
        "pt": "Com o código e esta chave você reabre o painel em outro aparelho. Quem a tiver vê as respostas e pode encerrar a turma. Ela não fica guardada em lugar nenhum: depois de esconder, não aparece mais.",
        "en": "With the code and this key you reopen the board on another device. Whoever has it sees the answers and can close the class. It is not kept anywhere: once hidden, it is not shown again.",
    },
    "teacher.key_once_hide": {
        "pt": "Já copiei: esconder",
        "en": "Copied it: hide",
    },
    # Student side of class mode (ui/widgets/classroom.py): the focus banner, lock and availability.
    "teacher.focus_banner": {
        "pt": "**A turma está nesta pergunta:** {prompt}",
        "en": "**The class is on this question:** {prompt}",
    },
    "teacher.focus_revealed": {
        "pt": "**A turma está nesta pergunta:** {prompt} O professor revelou a resposta: o gráfico que a responde está aberto.",
        "en": "**The class is on this question:** {prompt} The teacher revealed the answer: the chart that answers it is open.",
    },
    "teacher.focus_go": {
        "pt": "Ir para a pergunta",
        "en": "Go to the question",
    },
    "teacher.follow": {
        "pt": "Seguir o professor",
        "en": "Follow the teacher",
    },
    "teacher.follow_help": {
        "pt": "Ligado, o app leva você a cada pergunta que o professor puser no projetor.",
        "en": "When on, the app takes you to each question the teacher puts on the projector.",
    },
    "teacher.locked": {
        "pt": "O professor fechou a entrada nesta turma: novos alunos não podem entrar agora.",
        "en": "The teacher locked this class: new students cannot join right now.",
    },
    "teacher.mode_unavailable": {
        "pt": "O modo turma está indisponível neste servidor (a configuração do banco de dados da turma não funciona). O resto do app funciona normalmente.",
        "en": "Class mode is unavailable on this server (its class database setting does not work). The rest of the app works as usual.",
    },
    "teacher.too_many_classes": {
        "pt": "Turmas demais criadas nesta sessão: espere um pouco antes de criar outra.",
        "en": "Too many classes created in this session: wait a while before creating another.",
    },
}
