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
    "teacher.bad_teacher_link": {
        "pt": "Este link de professor não é válido (o código ou a chave estão errados ou incompletos).",
        "en": "This teacher link is not valid (the code or the key is wrong or incomplete).",
    },
    "teacher.wrong_key": {
        "pt": "A chave de professor deste link não confere com a turma.",
        "en": "The teacher key in this link does not match the class.",
    },
    "teacher.teacher_closed": {
        "pt": "Esta turma está encerrada ou expirou. Crie uma nova abaixo.",
        "en": "This class is closed or has expired. Create a new one below.",
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
    "teacher.teacher_link": {
        "pt": "Link do professor (mantenha em segredo)",
        "en": "Teacher link (keep it private)",
    },
    "teacher.teacher_link_warning": {
        "pt": "Este link contém a chave do professor: quem o tiver vê as respostas e pode encerrar a turma. Não o projete nem o compartilhe; guarde-o para reabrir esta página em outro aparelho.",
        "en": "This link carries the teacher key: whoever has it sees the answers and can close the class. Do not project or share it; keep it to reopen this page on another device.",
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
    "teacher.quiz_heading": {
        "pt": "Questionário (estação 6)",
        "en": "Quiz (station 6)",
    },
    "teacher.quiz_none": {
        "pt": "Ainda não chegou nenhuma resposta do questionário.",
        "en": "No quiz answer has arrived yet.",
    },
    "teacher.question": {
        "pt": "Pergunta {n}: {text}",
        "en": "Question {n}: {text}",
    },
    "teacher.pick_question": {
        "pt": "Mostrar",
        "en": "Show",
    },
    "teacher.all_questions": {
        "pt": "Todas as perguntas",
        "en": "All questions",
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
    "teacher.races_heading": {
        "pt": "Corridas do laboratório (estação 5)",
        "en": "Lab races (station 5)",
    },
    "teacher.races_none": {
        "pt": "Ainda não chegou nenhuma corrida terminada.",
        "en": "No finished race has arrived yet.",
    },
    "teacher.races_chart_title": {
        "pt": "Perda final de cada célula, por configuração",
        "en": "Final loss of each cell, by settings",
    },
    "teacher.races_x": {
        "pt": "configuração (tarefa, T)",
        "en": "settings (task, T)",
    },
    "teacher.races_y": {
        "pt": "perda final (escala log)",
        "en": "final loss (log scale)",
    },
    "teacher.races_caption": {
        "pt": "Cada ponto é a corrida terminada de um aluno: a perda final (média dos últimos 20 passos) da "
            "RNN simples, da LSTM e da GRU, agrupada pela tarefa e pelo comprimento T.",
        "en": "Each dot is one student's finished race: the final loss (mean of the last 20 steps) of the simple RNN, the LSTM and the GRU, grouped by task and length T.",
    },
    "teacher.col_student": {
        "pt": "aluno",
        "en": "student",
    },
    "teacher.col_task": {
        "pt": "tarefa",
        "en": "task",
    },
    "teacher.col_length": {
        "pt": "T",
        "en": "T",
    },
    "teacher.col_steps": {
        "pt": "passos",
        "en": "steps",
    },
    "teacher.col_hidden": {
        "pt": "tamanho oculto",
        "en": "hidden size",
    },
    "teacher.col_lr": {
        "pt": "taxa de aprendizado",
        "en": "learning rate",
    },
    "teacher.col_clip": {
        "pt": "recorte do gradiente",
        "en": "gradient clip",
    },
    "teacher.col_seed": {
        "pt": "semente",
        "en": "seed",
    },
    "teacher.col_loss": {
        "pt": "perda final · {cell}",
        "en": "final loss · {cell}",
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
    "teacher.unavailable_teacher": {
        "pt": "O banco de dados da turma está indisponível agora ({reason}). A página tenta de novo sozinha.",
        "en": "The class database is unavailable right now ({reason}). The page retries by itself.",
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
