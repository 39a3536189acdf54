//! Portuguese for the team editor's strings (words it shares with the inspector are in the
//! inspector's table).

/// Portuguese for the team editor's strings.
pub(crate) const PT_BR: &[(&str, &str)] = &[
    ("Team", "Equipe"),
    (
        "The mocked account this flow is designed for: the checks and the simulator use it.",
        "A conta simulada para a qual o fluxo é desenhado: as verificações e o simulador a usam.",
    ),
    ("Platform API base URL", "URL base da API da plataforma"),
    (
        "{{team.api_base}} in urls. The simulator answers GET /agents/{id} and POST /chats/{id}/transfer under it from this team.",
        "{{team.api_base}} nas urls. O simulador responde GET /agents/{id} e POST /chats/{id}/transfer sob ela, a partir desta equipe.",
    ),
    // Departments and waiting.
    ("Departments", "Departamentos"),
    (
        "Queues (Filas): where Queue and LiveChat nodes send chats.",
        "Filas: para onde os nós Fila e Transbordo enviam os chats.",
    ),
    (
        "Renaming or removing also updates agents and waiting counts",
        "Renomear ou remover também atualiza agentes e chats em espera",
    ),
    ("Add department", "Adicionar departamento"),
    ("New department", "Novo departamento"),
    ("Department name", "Nome do departamento"),
    ("Give the department a name", "Dê um nome ao departamento"),
    (
        "Another department has this name",
        "Outro departamento tem este nome",
    ),
    ("1 agent", "1 agente"),
    ("{n} agents", "{n} agentes"),
    ("Waiting in each queue", "Em espera em cada fila"),
    (
        "Chats already waiting: a chat queued here gets the next position.",
        "Chats já em espera: um chat colocado nesta fila fica na próxima posição.",
    ),
    (
        "Not a department of the team",
        "Não é um departamento da equipe",
    ),
    // Agents.
    ("Agents", "Agentes"),
    (
        "Available = Online and under capacity. Scenarios can override a status.",
        "Disponível = online e abaixo da capacidade. Cenários podem trocar um status.",
    ),
    ("No agents yet.", "Nenhum agente ainda."),
    ("Add agent", "Adicionar agente"),
    ("Name", "Nome"),
    ("Status", "Status"),
    ("Capacity", "Capacidade"),
    (
        "Most chats at once; 0 = no limit",
        "Máximo de chats ao mesmo tempo; 0 = sem limite",
    ),
    ("Active chats", "Chats ativos"),
    ("Another agent has this id", "Outro agente tem este id"),
    ("Online", "Online"),
    ("Away", "Ausente"),
    ("Offline", "Offline"),
    ("Available now", "Disponível agora"),
    (
        "Not available: away, offline or at capacity",
        "Indisponível: ausente, offline ou no limite de chats",
    ),
    (
        "Not a department of the team: click to remove",
        "Não é um departamento da equipe: clique para remover",
    ),
    // Custom fields.
    ("Custom fields", "Campos personalizados"),
    (
        "Read as {{contact.custom.KEY}}. A field of kind Agent holds the id of the contact's account manager.",
        "Lido como {{contact.custom.CHAVE}}. Um campo do tipo Agente guarda o id do gerente de contas do contato.",
    ),
    ("No custom fields yet.", "Nenhum campo personalizado ainda."),
    ("Text", "Texto"),
    ("Number", "Número"),
    ("Date", "Data"),
    ("Yes/no", "Sim/não"),
    ("Key", "Chave"),
    ("Label", "Rótulo"),
    ("Kind", "Tipo"),
    ("Add custom field", "Adicionar campo personalizado"),
    ("Another field has this key", "Outro campo tem esta chave"),
    // Schedules.
    ("Schedules", "Expedientes"),
    (
        "Business hours (Expediente) that BusinessHours nodes check against the simulated clock.",
        "Horários de atendimento que os nós Expediente verificam no relógio simulado.",
    ),
    ("Add schedule", "Adicionar expediente"),
    ("Give the schedule a name", "Dê um nome ao expediente"),
    (
        "Another schedule has this name",
        "Outro expediente tem este nome",
    ),
    ("The schedule's local time", "O horário local do expediente"),
    ("UTC offset", "Fuso (UTC)"),
    ("Weekly hours", "Horários da semana"),
    ("No hours: always closed.", "Sem horários: sempre fechado."),
    (
        "Write a time as HH:MM (24:00 ends the day)",
        "Escreva a hora como HH:MM (24:00 fecha o dia)",
    ),
    ("Add hours", "Adicionar horário"),
    (
        "Write a date as YYYY-MM-DD",
        "Escreva a data como AAAA-MM-DD",
    ),
    ("No holidays.", "Sem feriados."),
    ("Add holiday", "Adicionar feriado"),
];
