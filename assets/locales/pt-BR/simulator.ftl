# fluxo — textos de simulator, português do Brasil.
# Os ids das mensagens são únicos em todos os arquivos de um idioma; argumentos em snake_case.

## The dock, the toolbar and the status line.
sim-chat = Conversa
sim-scenario = Cenário
sim-scenarios = Cenários
sim-reply-as-the-contact = Responda como o contato
sim-no-scenario = (nenhum cenário)
sim-agents-now = Equipe agora
sim-events = Eventos
sim-http = HTTP
sim-play = Reproduzir
sim-pause = Pausar
sim-s-per-step = {" "}s por passo
sim-how-long-play-shows-each = Quanto tempo cada passo fica na tela ao reproduzir
sim-breakpoint-on-node = Ponto de parada em { $node }
sim-remove-breakpoint-on-node = Tirar o ponto de parada de { $node }
sim-select-node-set-breakpoint = Selecione um nó para pôr um ponto de parada
sim-breakpoints = Pontos de parada:
sim-remove-this-breakpoint = Remove este ponto de parada
sim-clear-all = Remover todos
sim-ready-run-starts-node = Pronto: a execução começa em { $node }
sim-n-steps-next-node-kind = { $n ->
    [one] 1 passo
   *[other] { $n } passos
} · próximo: { $node } ({ $kind })
sim-paused-breakpoint-node = Parado no ponto de parada de { $node }
sim-waiting-contact-reply-node-type = Aguardando a resposta do contato em { $node }: digite abaixo
sim-flow-changed-run-still-shows = O fluxo mudou: esta execução ainda mostra a versão anterior.
sim-scenario-changed-run-still-uses = O cenário mudou: esta execução ainda usa o anterior.
sim-reset-run-new-version = Reiniciar com a nova versão
sim-run-end-first-new-scenario = Execute até o fim antes: o novo cenário espera o jeito como a execução terminou
sim-name-recorded = { $name } (gravado)

## The chat.
sim-nothing-said-yet-press-step = Nada foi dito ainda: use Avançar (F10) ou Executar (F5).
sim-n-characters-step-events-have = (+{ $n ->
    [one] 1 caractere
   *[other] { $n } caracteres
}: os eventos do passo têm o texto inteiro)
sim-n-earlier-lines-not-shown = { $n ->
    [one] 1 linha anterior oculta
   *[other] { $n } linhas anteriores ocultas
}
sim-step-n-click-see-events = Passo { $n }: clique para ver os eventos e as variáveis
sim-not-accepted = Não aceita
sim-type-contact-reply-press-enter = Digite a resposta do contato e tecle Enter
sim-send = Enviar
sim-no-reply = Sem resposta
sim-contact-stays-silent-ask-time = O contato não responde: uma pergunta com tempo limite sai por timeout

## Events of a step.
sim-invalid = inválida
sim-no-value = sem valor
sim-no-step-yet = Nenhum passo ainda.
sim-previous-step = Passo anterior
sim-next-step = Próximo passo
sim-step-n-of-total = Passo { $n } de { $total }
sim-no-events-node-only-moves = Sem eventos: o nó só segue adiante.
sim-leaves-port-node = Sai por { $port } para { $node }
sim-leaves-port-no-wire = Sai por { $port }: sem conexão

## Variables, HTTP, the team now.
sim-filter-variables = Filtrar variáveis
sim-highlighted-set-step = em destaque: definidas neste passo
sim-no-request-yet = Nenhuma requisição ainda.
sim-request = Requisição
sim-no-answer = sem resposta
sim-timed-out = tempo esgotado
sim-step = passo
sim-team-has-no-agents = A equipe não tem atendentes.
sim-switch-takes-effect-next-step = A troca vale a partir do próximo passo e continua ao reiniciar; os status do próprio cenário ficam na aba Cenário.
sim-status-now = Status agora
sim-chats = Chats
sim-no-limit = sem limite
sim-status-of = Status de
sim-available = disponível
sim-not-available = indisponível
sim-switched = trocado
sim-switched-during-session-not-saved = Trocado nesta sessão, não fica salvo no cenário
sim-already-waiting = Já aguardando:

## Run all.
sim-running-done-of-total = Executando { $done } de { $total }…
sim-runs-every-scenario-flow-file = Executa todos os cenários do fluxo na ordem do arquivo, confere as expectativas e mostra os nós e conexões que nenhum cenário alcançou.
sim-flow-changed-since-run-run = O fluxo mudou desde esta execução: execute todos de novo para atualizar.
sim-passed-passed-failed-failed = { $passed ->
    [one] 1 aprovado
   *[other] { $passed } aprovados
}, { $failed ->
    [one] 1 reprovado
   *[other] { $failed } reprovados
}
sim-n-m-branches-covered = { $n } de { $m ->
    [one] 1 saída coberta
   *[other] { $m } saídas cobertas
}
sim-n-m-nodes-reached = { $n } de { $m ->
    [one] 1 nó alcançado
   *[other] { $m } nós alcançados
}
sim-show-coverage-canvas = Mostrar a cobertura no palco
sim-open-scenario-run = Abrir a execução deste cenário
sim-what-expected-expected-got-got = { $what }: esperado { $expected }, obtido { $got }
sim-not-covered = Sem cobertura
sim-canvas-n-runs-through-node = No palco: ✔ N = execuções que passaram pelo nó, ✖ 0 = nenhuma; conexões vermelhas: saídas que nenhum cenário tomou.
sim-else-no-case-held = senão: nenhum caso valeu
sim-nodes-no-scenario-reached = Nós que nenhum cenário alcançou:
sim-branches-no-scenario-took = Saídas que nenhum cenário tomou:

## The scenario list and editor.
sim-no-scenarios-yet-runs-use = Nenhum cenário ainda: as execuções usam um vazio.
sim-new-scenario = Novo cenário
sim-delete-scenario = Excluir cenário
sim-undo-brings-it-back = Desfazer traz de volta
sim-scenario-name = Nome do cenário
sim-scenario-needs-name = O cenário precisa de um nome
sim-another-scenario-has-name = Outro cenário já tem esse nome
sim-contact = Contato
sim-phone = Telefone
sim-email = E-mail
sim-channel = Canal
sim-whatsapp-default = WhatsApp (padrão)
sim-last-agent = Último atendente
sim-nobody = ninguém
sim-team-has-no-custom-field = A equipe não tem campo personalizado com essa chave
sim-yes-true = sim (true)
sim-no-false = não (false)
sim-write-number-like-42-1 = Escreva um número, como 42 ou 1,5
sim-write-date-yyyy-mm-dd = Escreva a data como AAAA-MM-DD, por exemplo 2026-11-23
sim-agent-statuses = Status dos atendentes
sim-each-agent-starts-team-status = Cada atendente começa com o status da equipe, a menos que o cenário o troque.
sim-status-in-this-scenario = Status neste cenário
sim-active-chats-capacity-team = Chats ativos / capacidade, da equipe
sim-team-default-status = padrão da equipe ({ $status })
sim-override-for = Status no cenário de
sim-team-has-no-agent-id = A equipe não tem atendente com esse id
sim-clock-and-seed = Relógio e semente
sim-run-starts-set-time = A execução começa num horário definido
sim-otherwise-monday-2026-01-05 = Senão, segunda-feira 2026-01-05 às 10:00, UTC−03:00
sim-seed = Semente
sim-picks-random-route-agent-same = Escolhe o atendente da rota aleatória: a mesma semente dá a mesma execução
sim-time = Hora
sim-write-time-hh-mm-like = Escreva a hora como HH:MM, por exemplo 10:15
weekday-mon = segunda-feira
weekday-tue = terça-feira
weekday-wed = quarta-feira
weekday-thu = quinta-feira
weekday-fri = sexta-feira
weekday-sat = sábado
weekday-sun = domingo
sim-replies-of-the-contact = Respostas do contato
sim-read-order-each-ask-when = Lidas em ordem por cada pergunta. Quando acabam, a execução espera e você digita a próxima na conversa.
sim-reply-kind = Tipo de resposta
sim-what-the-contact-writes = o que o contato escreve
sim-stays-silent = não responde
sim-add-reply = Adicionar resposta
sim-live-chat-outcomes = Desfechos do transbordo
sim-how-each-handoff-agent-takes = Como termina cada transbordo que um atendente assume, em ordem; quando acabam: o atendente encerra.
sim-outcome = Desfecho
sim-add-outcome = Adicionar desfecho
sim-http-mocks = Mocks HTTP
sim-tried-order-before-platform-api = Tentados em ordem antes da API da plataforma. * na url vale qualquer texto; o corpo pode usar {"{{"}variáveis{"}}"}.
sim-any = Qualquer
sim-method = Método
sim-answers = Responde
sim-times-out = Esgota o tempo
sim-mock-outcome = Resultado do mock
sim-status = status
sim-status-100-599 = Um status de 100 a 599
sim-delay = atraso
sim-add-mock = Adicionar mock
sim-secrets = Segredos
sim-values-scenario-runs-only-names = Valores de {"{{"}secret.NOME{"}}"} para as execuções deste cenário. Só os nomes são salvos: os valores ficam na memória desta janela e nunca são gravados em arquivo. Variáveis de ambiente FLUXO_SECRET_NOME têm prioridade.
sim-another-secret-has-name = Outro segredo já tem esse nome
sim-letters-digits-and-only = Só letras, dígitos e _
sim-value-memory-only = valor (só na memória)
sim-add-secret = Adicionar segredo
sim-expectations = Expectativas
sim-checked-run-all-fluxo-test = Conferidas por Executar todos e pelo fluxo test; "qualquer" não é conferido.
sim-any-2 = qualquer
sim-end-reason = Motivo do fim
sim-end-node = Nó final
sim-expected-agent = Atendente esperado
sim-in-queue = Na fila
sim-expected-queue = Fila esperada
sim-position = Posição
sim-position-1-up-empty-any = Uma posição a partir de 1, ou vazio para qualquer
sim-path-node-ids-order-separated = Caminho (ids dos nós, em ordem, separados por vírgula)
sim-not-flow-list = Fora do fluxo: { $list }
sim-variables-at-the-end = Variáveis no fim
sim-variable-name = nome da variável
sim-expect-a-variable = Esperar uma variável:
sim-messages-received-order-parts-text = Mensagens recebidas, em ordem (trechos do texto)
sim-add-message = Adicionar mensagem
