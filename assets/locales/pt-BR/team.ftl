# fluxo — textos de team, português do Brasil.
# Os ids das mensagens são únicos em todos os arquivos de um idioma; argumentos em snake_case.
team-team = Equipe
team-mocked-account-flow-designed-checks = A conta simulada para a qual o fluxo é desenhado: as verificações e o simulador a usam.
team-platform-api-base-url = URL base da API da plataforma
team-urls-simulator-answers-get-agents = {"{{"}team.api_base{"}}"} nas urls. O simulador responde GET /agents/{"{"}id{"}"} e POST /chats/{"{"}id{"}"}/transfer sob ela, a partir desta equipe.

## Departments and waiting.
team-departments = Departamentos
team-queues-filas-where-queue-livechat = Filas: para onde os nós Fila e Transbordo enviam os chats.
team-renaming-removing-also-updates-agents = Renomear ou remover também atualiza agentes e chats em espera
team-add-department = Adicionar departamento
team-new-department = Novo departamento
team-department-name = Nome do departamento
team-give-department-name = Dê um nome ao departamento
team-another-department-has-name = Outro departamento tem este nome
team-agents-count = { $n ->
    [0] nenhum agente
    [one] 1 agente
   *[other] { $n } agentes
}
team-waiting-in-each-queue = Em espera em cada fila
team-chats-already-waiting-chat-queued = Chats já em espera: um chat colocado nesta fila fica na próxima posição.
team-not-department-team = Não é um departamento da equipe

## Agents.
team-agents = Agentes
team-available-online-under-capacity-scenarios = Disponível = online e abaixo da capacidade. Cenários podem trocar um status.
team-no-agents-yet = Nenhum agente ainda.
team-add-agent = Adicionar agente
team-name = Nome
team-status = Status
team-capacity = Capacidade
team-most-chats-once-0-no = Máximo de chats ao mesmo tempo; 0 = sem limite
team-active-chats = Chats ativos
team-another-agent-has-id = Outro agente tem este id
team-online = Online
team-away = Ausente
team-offline = Offline
team-available-now = Disponível agora
team-not-available-away-offline-capacity = Indisponível: ausente, offline ou no limite de chats
team-not-department-team-click-remove = Não é um departamento da equipe: clique para remover

## Custom fields.
team-custom-fields = Campos personalizados
team-read-field-kind-agent-holds = Lido como {"{{"}contact.custom.CHAVE{"}}"}. Um campo do tipo Agente guarda o id do gerente de contas do contato.
team-no-custom-fields-yet = Nenhum campo personalizado ainda.
team-text = Texto
team-number = Número
team-date = Data
team-yes-no = Sim/não
team-key = Chave
team-label = Rótulo
team-kind = Tipo
team-add-custom-field = Adicionar campo personalizado
team-another-field-has-key = Outro campo tem esta chave

## Schedules.
team-schedules = Expedientes
team-business-hours-expediente-businesshours-nodes = Horários de atendimento que os nós Expediente verificam no relógio simulado.
team-add-schedule = Adicionar expediente
team-give-schedule-name = Dê um nome ao expediente
team-another-schedule-has-name = Outro expediente tem este nome
team-schedule-local-time = O horário local do expediente
team-utc-offset = Fuso (UTC)
team-weekly-hours = Horários da semana
team-no-hours-always-closed = Sem horários: sempre fechado.
team-write-time-hh-mm-24 = Escreva a hora como HH:MM (24:00 fecha o dia)
team-add-hours = Adicionar horário
team-write-date-yyyy-mm-dd = Escreva a data como AAAA-MM-DD
team-no-holidays = Sem feriados.
team-add-holiday = Adicionar feriado
