# fluxo — textos de inspector, português do Brasil.
# Os ids das mensagens são únicos em todos os arquivos de um idioma; argumentos em snake_case.
inspector-question = Pergunta

## Weekdays, as files write them.
weekday-short-mon = Seg
weekday-short-tue = Ter
weekday-short-wed = Qua
weekday-short-thu = Qui
weekday-short-fri = Sex
weekday-short-sat = Sáb
weekday-short-sun = Dom

## Shared with the team editor.
inspector-agent = Agente
inspector-holidays = Feriados
inspector-id = Id
inspector-remove = Remover
inspector-move-up = Mover para cima
inspector-move-down = Mover para baixo
inspector-use-letters-digits-without-spaces = Use letras, dígitos, _ e -, sem espaços.
inspector-write-a-whole-number = Escreva um número inteiro, como 30

## Flow properties.
inspector-flow = Fluxo
inspector-select-node-canvas-edit-fields = Selecione um nó no palco para editar seus campos.
inspector-flow-name = Nome do fluxo
inspector-e-g-atendimento-carteirizacao = ex.: Atendimento - carteirização
inspector-names-flow-lists-shared-prefix = Identifica o fluxo nas listas. Um prefixo comum agrupa fluxos com funções próximas.
inspector-description = Descrição
inspector-internal-never-shown-contact = Interna, nunca exibida ao contato.
inspector-flow-counts = { $nodes ->
    [one] 1 nó
   *[other] { $nodes } nós
} · { $edges ->
    [one] 1 conexão
   *[other] { $edges } conexões
} · { $scenarios ->
    [0] nenhum cenário
    [one] 1 cenário
   *[other] { $scenarios } cenários
}
inspector-about-the-whole-flow = Sobre o fluxo todo

## Header, findings, exits.
inspector-where-every-run-starts-flow = Onde toda execução começa. Um fluxo tem exatamente um.
inspector-sends-text-optional-quick-reply = Envia um texto, com botões de resposta rápida opcionais.
inspector-asks-question-waits-contact-answer = Faz uma pergunta e espera a resposta do contato.
inspector-calls-http-api-enviar-requisicao = Chama uma API HTTP (Enviar requisição).
inspector-picks-exit-rules-cases = Escolhe uma saída pelas regras dos seus casos.
inspector-sets-flow-variables-contact-custom = Define variáveis do fluxo ou campos personalizados do contato.
inspector-checks-team-business-hours-expediente = Verifica o expediente da equipe.
inspector-puts-chat-department-queue-bot = Coloca o chat na fila de um departamento; o bot se retira.
inspector-hands-chat-human-transbordo-goes = Transfere o chat para um humano (transbordo) e segue conforme o atendimento terminou.
inspector-ends-the-run = Encerra a execução.
inspector-press-enter-rename-wires-scenarios = Pressione Enter para renomear; conexões e cenários acompanham.
inspector-another-node-already-has-id = Outro nó já tem este id.
inspector-problems-count = { $n ->
    [one] 1 problema
   *[other] { $n } problemas
}
inspector-exits = Saídas
inspector-not-connected = não conectada
inspector-no-exits-run-ends-here = Sem saídas: a execução termina aqui.

## Shared controls.
inspector-not-team-checks-report = Não existe na equipe: as verificações apontam isso.
inspector-pick-from-the-team = Escolher da equipe
inspector-none = (nenhum)
inspector-other-value = Outro valor…
inspector-give-row-name = Dê um nome a esta linha
inspector-another-row-already-has-name = Outra linha já tem este nome

## Template suggestions: where a name comes from.
inspector-origin-contact = contato
inspector-origin-custom-field = campo personalizado
inspector-origin-chat = chat
inspector-origin-team = equipe
inspector-origin-clock = relógio
inspector-origin-secret = segredo
inspector-origin-set-by = { $kind } · { $node }

## Entry.
inspector-channels-served = Canais atendidos
inspector-none-checked-every-channel-served = Nenhum marcado: todos os canais são atendidos.
inspector-contact-another-channel-ends-run = Um contato em outro canal encerra a execução na hora (ChannelNotServed).

## Message.
inspector-what-bot-says-type-insert = O que o bot diz. Digite {"{{"} para inserir uma variável.
inspector-quick-reply-buttons = Botões de resposta rápida
inspector-add-button = Adicionar botão
inspector-no-buttons-contact-replies-freely = Sem botões: o contato responde livremente.

## Ask.
inspector-what-bot-asks-type-insert = O que o bot pergunta. Digite {"{{"} para inserir uma variável.
inspector-save-the-answer-as = Salvar a resposta em
inspector-variable-name-e-g-cpf = nome da variável, ex.: cpf
inspector-accept = Aceitar
inspector-any-answer = Qualquer resposta
inspector-a-number = Um número
inspector-an-e-mail-address = Um endereço de e-mail
inspector-cpf-check-digits-verified = Um CPF (dígitos verificadores conferidos)
inspector-a-phone-number = Um telefone
inspector-one-of-the-options = Uma das opções
inspector-matches-a-regular-expression = Casa com uma expressão regular
inspector-options = Opções
inspector-add-option = Adicionar opção
inspector-no-options-yet-every-answer = Nenhuma opção ainda: toda resposta é inválida.
inspector-pattern = Padrão
inspector-whole-trimmed-answer-must-match = A resposta inteira, sem espaços nas pontas, precisa casar.
inspector-retries = Tentativas
inspector-times = vezes
inspector-invalid-answer-asked-again-many = Uma resposta inválida é perguntada de novo esse número de vezes; depois sai por invalid.
inspector-retry-message = Mensagem de nova tentativa
inspector-empty-question-sent-again = Vazia: a pergunta é enviada de novo.
inspector-timeout = Tempo limite
inspector-0-wait-ever-silent-contact = 0 = esperar para sempre. Um contato em silêncio sai por timeout.

## SetVariable.
inspector-variable = Variável
inspector-value = Valor
inspector-name = nome
inspector-text-or = texto ou {"{{"}variavel{"}}"}
inspector-add-variable = Adicionar variável
inspector-no-variables-yet = Nenhuma variável ainda.
inspector-variables = Variáveis
inspector-set-order-value-use-ones = Definidas em ordem: um valor pode usar as de cima. contact.custom.CHAVE atualiza o campo personalizado do contato.

## BusinessHours and Queue.
inspector-schedule = Expediente
inspector-leaves-open-closed-simulated-clock = Sai por open ou closed conforme o relógio simulado.
inspector-team-has-no-schedules-yet = A equipe ainda não tem expedientes: adicione um no editor da equipe.
inspector-queue-waiting = { $waiting ->
    [one] 1 conversa espera nesta fila: esta seria a de número { $position }.
   *[other] { $waiting } conversas esperam nesta fila: esta seria a de número { $position }.
}
inspector-queue-bot-lets-go = O bot se retira e o chat espera um agente deste departamento.
inspector-queue-department = Fila (departamento)
inspector-team-has-no-departments-yet = A equipe ainda não tem departamentos: adicione um no editor da equipe.
inspector-sent-before-chat-waits-optional = Enviada antes de o chat entrar na fila (opcional).
inspector-closing-message = Mensagem de encerramento
inspector-sent-when-run-ends-here = Enviada quando a execução termina aqui (opcional).

## Request.
inspector-call = Chamada
inspector-header = Cabeçalho
inspector-add-header = Adicionar cabeçalho
inspector-no-headers = Sem cabeçalhos.
inspector-headers = Cabeçalhos
inspector-usually-empty-get-delete = Normalmente vazio em GET e DELETE.
inspector-body-json = Corpo (JSON)
inspector-slower-answer-leaves-error = Uma resposta mais lenta sai por error.
inspector-answer = Resposta
inspector-2xx-answer-leaves-ok-any = Uma resposta 2xx sai por ok; qualquer outro status, um tempo esgotado ou uma chamada sem mock sai por error. http.status e http.body guardam a resposta.
inspector-json-path = Caminho JSON
inspector-nothing-saved-answer = Nada é salvo da resposta.
inspector-save-from-the-answer = Salvar da resposta
inspector-empty-path-saves-whole-body = Um caminho vazio salva o corpo inteiro.
inspector-method-and-url = Método e URL
inspector-http-method = Método HTTP

## Condition.
inspector-first-case-whose-rules-hold = O primeiro caso cujas regras valem escolhe a saída; se nenhum vale, a execução sai por else.
inspector-add-case = Adicionar caso
inspector-when-no-case-holds = quando nenhum caso vale
inspector-case-n = Caso { $n }
inspector-exit-port = Saída (porta)
inspector-all-rules-hold = Todas as regras valem
inspector-any-rule-holds = Qualquer regra vale
inspector-give-exit-name = Dê um nome à saída
inspector-else-exit-taken-when-no = else é a saída usada quando nenhum caso vale
inspector-another-case-already-uses-exit = Outro caso já usa esta saída
inspector-press-enter-rename-exit-keep = Pressione Enter para renomear a saída e manter a conexão.
inspector-equals = é igual a
inspector-does-not-equal = é diferente de
inspector-contains = contém
inspector-starts-with = começa com
inspector-ends-with = termina com
inspector-greater-than = maior que
inspector-greater-or-equal = maior ou igual a
inspector-less-than = menor que
inspector-less-or-equal = menor ou igual a
inspector-is-empty = está vazio
inspector-is-not-empty = não está vazio
inspector-matches-regex = casa com (regex)
inspector-one-b-c = é um de (a, b, c)
inspector-no-rules-case-never-holds = Sem regras: este caso nunca vale.
inspector-variable-2 = variável
inspector-value-or = valor ou {"{{"}variavel{"}}"}
inspector-add-rule = Adicionar regra
inspector-operator = Operador
inspector-when-the-case-holds = Quando o caso vale

## LiveChat.
inspector-who-gets-the-chat = Quem recebe o chat
inspector-department = Departamento
inspector-also-where-chat-goes-when = Também para onde o chat vai quando o agente escolhido não está disponível.
inspector-waiting = Espera
inspector-wait-for-an-agent = Tempo de espera
inspector-0-no-limit-nobody-available = 0 = sem limite: sem ninguém disponível o chat vai para a fila. Senão sai por timeout.
inspector-contact-inactivity = Tempo de inatividade do usuário
inspector-0-no-limit-silent-contact = 0 = sem limite. Um contato em silêncio sai por user_inactivity_timeout.
inspector-agent-s-widget = Ficha do agente
inspector-field = Campo
inspector-add-field = Adicionar campo
inspector-nothing-extra = Nada a mais.
inspector-conversation-info-extra-info = Informações da conversa (extra_info)
inspector-contact-info-contact-info = Informações do contato (contact_info)
inspector-when-it-ends = Ao encerrar
inspector-sent-when-agent-contact-closes = Enviada quando o agente ou o contato encerra o chat (opcional).
inspector-result-variable = Variável de resultado
inspector-holds-handoff-json-live-chat = Guarda o transbordo em JSON. live_chat.status diz como terminou.
inspector-integration = Integração
inspector-integration-id = Id da integração
inspector-skill-id = Id da skill
inspector-include-the-message-history = Incluir o histórico de mensagens
inspector-any-agent-department = Qualquer agente do departamento
inspector-a-specific-agent = Um agente específico
inspector-agent-contact-field = O agente de um campo do contato
inspector-random-agent-department = Um agente aleatório do departamento
inspector-last-agent-who-served-contact = O último agente que atendeu o contato
inspector-next-agent-turn-round-robin = O próximo agente da vez (sequencial)
inspector-route = Roteamento
inspector-gets-chat-when-available-else = Recebe o chat se estiver disponível; senão, o departamento.
inspector-team-has-no-agents-yet = A equipe ainda não tem agentes: adicione um no editor da equipe.
inspector-contact-field = Campo do contato
inspector-carteirizacao-agent-whose-id-custom = Carteirização: o agente cujo id está neste campo personalizado, se disponível; senão, o departamento.
inspector-team-has-no-custom-fields = A equipe ainda não tem campos personalizados: adicione um no editor da equipe.
inspector-contact-last-agent-when-available = contact.last_agent se disponível; um contato sem último agente vai para o departamento.
inspector-round-robin-id-order-over = Rodízio, em ordem de id, entre os agentes disponíveis do departamento.
inspector-drawn-scenario-seed-run-replayed = Sorteado pela semente do cenário, para a execução poder ser repetida.

inspector-runs-another-flow-of-folder = Executa outro fluxo da pasta (Nó de Fluxo) e segue por done quando ele termina.
inspector-called-flow = Fluxo
inspector-called-flow-hint = O nome do fluxo chamado, ou um caminho relativo a este arquivo
inspector-route-unassigned = Ninguém em particular (sem atribuir)
inspector-opens-for-department-any-agent = Abre para o departamento: qualquer atendente disponível dele pode assumir o chat, a menos que a equipe distribua automaticamente.
inspector-opens-for-anyone = Abre para qualquer atendente, sem departamento nem atendente definido.
