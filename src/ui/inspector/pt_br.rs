//! Portuguese for the inspector's strings, the weekdays and the words the team
//! editor shares with the inspector (each English string is in exactly one table).

/// Portuguese for the inspector's strings.
pub(crate) const PT_BR: &[(&str, &str)] = &[
    ("Question", "Pergunta"),
    // Weekdays, as files write them.
    ("Mon", "Seg"),
    ("Tue", "Ter"),
    ("Wed", "Qua"),
    ("Thu", "Qui"),
    ("Fri", "Sex"),
    ("Sat", "Sáb"),
    ("Sun", "Dom"),
    // Shared with the team editor.
    ("Agent", "Agente"),
    ("Holidays", "Feriados"),
    ("Id", "Id"),
    ("Remove", "Remover"),
    ("Move up", "Mover para cima"),
    ("Move down", "Mover para baixo"),
    (
        "Use letters, digits, _ and -, without spaces.",
        "Use letras, dígitos, _ e -, sem espaços.",
    ),
    (
        "Write a whole number, like 30",
        "Escreva um número inteiro, como 30",
    ),
    // Flow properties.
    ("Flow", "Fluxo"),
    (
        "Select a node on the canvas to edit its fields.",
        "Selecione um nó no palco para editar seus campos.",
    ),
    ("Flow name", "Nome do fluxo"),
    (
        "e.g. Atendimento - carteirização",
        "ex.: Atendimento - carteirização",
    ),
    (
        "Names the flow in lists. A shared prefix groups flows with a similar job.",
        "Identifica o fluxo nas listas. Um prefixo comum agrupa fluxos com funções próximas.",
    ),
    ("Description", "Descrição"),
    (
        "Internal, never shown to the contact.",
        "Interna, nunca exibida ao contato.",
    ),
    (
        "Nodes: {nodes} · wires: {edges} · scenarios: {scenarios}",
        "Nós: {nodes} · conexões: {edges} · cenários: {scenarios}",
    ),
    ("About the whole flow", "Sobre o fluxo todo"),
    // Header, findings, exits.
    (
        "Where every run starts. A flow has exactly one.",
        "Onde toda execução começa. Um fluxo tem exatamente um.",
    ),
    (
        "Sends a text, with optional quick-reply buttons.",
        "Envia um texto, com botões de resposta rápida opcionais.",
    ),
    (
        "Asks a question and waits for the contact's answer.",
        "Faz uma pergunta e espera a resposta do contato.",
    ),
    (
        "Calls an HTTP API (Enviar requisição).",
        "Chama uma API HTTP (Enviar requisição).",
    ),
    (
        "Picks an exit by the rules of its cases.",
        "Escolhe uma saída pelas regras dos seus casos.",
    ),
    (
        "Sets flow variables or the contact's custom fields.",
        "Define variáveis do fluxo ou campos personalizados do contato.",
    ),
    (
        "Checks the team's business hours (Expediente).",
        "Verifica o expediente da equipe.",
    ),
    (
        "Puts the chat in a department's queue; the bot lets go.",
        "Coloca o chat na fila de um departamento; o bot se retira.",
    ),
    (
        "Hands the chat to a human (Transbordo), then goes on by how it ended.",
        "Transfere o chat para um humano (transbordo) e segue conforme o atendimento terminou.",
    ),
    ("Ends the run.", "Encerra a execução."),
    (
        "Press Enter to rename; wires and scenarios follow.",
        "Pressione Enter para renomear; conexões e cenários acompanham.",
    ),
    (
        "Another node already has this id.",
        "Outro nó já tem este id.",
    ),
    ("1 problem", "1 problema"),
    ("Exits", "Saídas"),
    ("not connected", "não conectada"),
    (
        "No exits: the run ends here.",
        "Sem saídas: a execução termina aqui.",
    ),
    // Shared controls.
    (
        "Not in the team: the checks report it.",
        "Não existe na equipe: as verificações apontam isso.",
    ),
    ("Pick from the team", "Escolher da equipe"),
    ("(none)", "(nenhum)"),
    ("Other value…", "Outro valor…"),
    ("Give this row a name", "Dê um nome a esta linha"),
    (
        "Another row already has this name",
        "Outra linha já tem este nome",
    ),
    // Template suggestions: where a name comes from.
    ("contact", "contato"),
    ("custom field", "campo personalizado"),
    ("chat", "chat"),
    ("team", "equipe"),
    ("clock", "relógio"),
    ("secret", "segredo"),
    // Entry.
    ("Channels served", "Canais atendidos"),
    (
        "None checked: every channel is served.",
        "Nenhum marcado: todos os canais são atendidos.",
    ),
    (
        "A contact on another channel ends the run at once (ChannelNotServed).",
        "Um contato em outro canal encerra a execução na hora (ChannelNotServed).",
    ),
    // Message.
    (
        "What the bot says. Type {{ to insert a variable.",
        "O que o bot diz. Digite {{ para inserir uma variável.",
    ),
    ("Quick-reply buttons", "Botões de resposta rápida"),
    ("Add button", "Adicionar botão"),
    (
        "No buttons: the contact replies freely.",
        "Sem botões: o contato responde livremente.",
    ),
    // Ask.
    (
        "What the bot asks. Type {{ to insert a variable.",
        "O que o bot pergunta. Digite {{ para inserir uma variável.",
    ),
    ("Save the answer as", "Salvar a resposta em"),
    ("variable name, e.g. cpf", "nome da variável, ex.: cpf"),
    ("Accept", "Aceitar"),
    ("Any answer", "Qualquer resposta"),
    ("A number", "Um número"),
    ("An e-mail address", "Um endereço de e-mail"),
    (
        "A CPF (check digits verified)",
        "Um CPF (dígitos verificadores conferidos)",
    ),
    ("A phone number", "Um telefone"),
    ("One of the options", "Uma das opções"),
    (
        "Matches a regular expression",
        "Casa com uma expressão regular",
    ),
    ("Options", "Opções"),
    ("Add option", "Adicionar opção"),
    (
        "No options yet: every answer is invalid.",
        "Nenhuma opção ainda: toda resposta é inválida.",
    ),
    ("Pattern", "Padrão"),
    (
        "The whole trimmed answer must match.",
        "A resposta inteira, sem espaços nas pontas, precisa casar.",
    ),
    ("Retries", "Tentativas"),
    ("times", "vezes"),
    (
        "An invalid answer is asked again this many times, then leaves by invalid.",
        "Uma resposta inválida é perguntada de novo esse número de vezes; depois sai por invalid.",
    ),
    ("Retry message", "Mensagem de nova tentativa"),
    (
        "Empty: the question is sent again.",
        "Vazia: a pergunta é enviada de novo.",
    ),
    ("Timeout", "Tempo limite"),
    (
        "0 = wait for ever. A silent contact leaves by timeout.",
        "0 = esperar para sempre. Um contato em silêncio sai por timeout.",
    ),
    // SetVariable.
    ("Variable", "Variável"),
    ("Value", "Valor"),
    ("name", "nome"),
    ("text or {{variable}}", "texto ou {{variavel}}"),
    ("Add variable", "Adicionar variável"),
    ("No variables yet.", "Nenhuma variável ainda."),
    ("Variables", "Variáveis"),
    (
        "Set in order, so a value can use the ones above it. contact.custom.KEY updates the contact's custom field.",
        "Definidas em ordem: um valor pode usar as de cima. contact.custom.CHAVE atualiza o campo personalizado do contato.",
    ),
    // BusinessHours and Queue.
    ("Schedule", "Expediente"),
    (
        "Leaves by open or closed at the simulated clock.",
        "Sai por open ou closed conforme o relógio simulado.",
    ),
    (
        "The team has no schedules yet: add one in the team editor.",
        "A equipe ainda não tem expedientes: adicione um no editor da equipe.",
    ),
    (
        "{n} chats wait in this queue: this one would be number {m}.",
        "{n} chats esperam nesta fila: este seria o número {m}.",
    ),
    (
        "The bot lets go and the chat waits for an agent of this department.",
        "O bot se retira e o chat espera um agente deste departamento.",
    ),
    ("Queue (department)", "Fila (departamento)"),
    (
        "The team has no departments yet: add one in the team editor.",
        "A equipe ainda não tem departamentos: adicione um no editor da equipe.",
    ),
    (
        "Sent before the chat waits (optional).",
        "Enviada antes de o chat entrar na fila (opcional).",
    ),
    ("Closing message", "Mensagem de encerramento"),
    (
        "Sent when the run ends here (optional).",
        "Enviada quando a execução termina aqui (opcional).",
    ),
    // Request.
    ("Call", "Chamada"),
    ("Header", "Cabeçalho"),
    ("Add header", "Adicionar cabeçalho"),
    ("No headers.", "Sem cabeçalhos."),
    ("Headers", "Cabeçalhos"),
    (
        "Usually empty for GET and DELETE.",
        "Normalmente vazio em GET e DELETE.",
    ),
    ("Body (JSON)", "Corpo (JSON)"),
    (
        "A slower answer leaves by error.",
        "Uma resposta mais lenta sai por error.",
    ),
    ("Answer", "Resposta"),
    (
        "A 2xx answer leaves by ok; any other status, a time-out or an unmocked call by error. http.status and http.body hold the answer.",
        "Uma resposta 2xx sai por ok; qualquer outro status, um tempo esgotado ou uma chamada sem mock sai por error. http.status e http.body guardam a resposta.",
    ),
    ("JSON path", "Caminho JSON"),
    (
        "Nothing is saved from the answer.",
        "Nada é salvo da resposta.",
    ),
    ("Save from the answer", "Salvar da resposta"),
    (
        "An empty path saves the whole body.",
        "Um caminho vazio salva o corpo inteiro.",
    ),
    ("Method and URL", "Método e URL"),
    ("HTTP method", "Método HTTP"),
    // Condition.
    (
        "The first case whose rules hold picks its exit; when none holds, the run leaves by else.",
        "O primeiro caso cujas regras valem escolhe a saída; se nenhum vale, a execução sai por else.",
    ),
    ("Add case", "Adicionar caso"),
    ("when no case holds", "quando nenhum caso vale"),
    ("Case {n}", "Caso {n}"),
    ("Exit (port)", "Saída (porta)"),
    ("All rules hold", "Todas as regras valem"),
    ("Any rule holds", "Qualquer regra vale"),
    ("Give the exit a name", "Dê um nome à saída"),
    (
        "else is the exit taken when no case holds",
        "else é a saída usada quando nenhum caso vale",
    ),
    (
        "Another case already uses this exit",
        "Outro caso já usa esta saída",
    ),
    (
        "Press Enter to rename the exit and keep its wire.",
        "Pressione Enter para renomear a saída e manter a conexão.",
    ),
    ("equals", "é igual a"),
    ("does not equal", "é diferente de"),
    ("contains", "contém"),
    ("starts with", "começa com"),
    ("ends with", "termina com"),
    ("greater than", "maior que"),
    ("greater or equal", "maior ou igual a"),
    ("less than", "menor que"),
    ("less or equal", "menor ou igual a"),
    ("is empty", "está vazio"),
    ("is not empty", "não está vazio"),
    ("matches (regex)", "casa com (regex)"),
    ("is one of (a, b, c)", "é um de (a, b, c)"),
    (
        "No rules: this case never holds.",
        "Sem regras: este caso nunca vale.",
    ),
    ("variable", "variável"),
    ("value or {{variable}}", "valor ou {{variavel}}"),
    ("Add rule", "Adicionar regra"),
    ("Operator", "Operador"),
    ("When the case holds", "Quando o caso vale"),
    // LiveChat.
    ("Who gets the chat", "Quem recebe o chat"),
    ("Department", "Departamento"),
    (
        "Also where the chat goes when the chosen agent is not available.",
        "Também para onde o chat vai quando o agente escolhido não está disponível.",
    ),
    ("Waiting", "Espera"),
    ("Wait for an agent", "Tempo de espera"),
    (
        "0 = no limit: with nobody available the chat is queued. Otherwise it leaves by timeout.",
        "0 = sem limite: sem ninguém disponível o chat vai para a fila. Senão sai por timeout.",
    ),
    ("Contact inactivity", "Tempo de inatividade do usuário"),
    (
        "0 = no limit. A silent contact leaves by user_inactivity_timeout.",
        "0 = sem limite. Um contato em silêncio sai por user_inactivity_timeout.",
    ),
    ("Agent's widget", "Ficha do agente"),
    ("Field", "Campo"),
    ("Add field", "Adicionar campo"),
    ("Nothing extra.", "Nada a mais."),
    (
        "Conversation info (extra_info)",
        "Informações da conversa (extra_info)",
    ),
    (
        "Contact info (contact_info)",
        "Informações do contato (contact_info)",
    ),
    ("When it ends", "Ao encerrar"),
    (
        "Sent when the agent or the contact closes the chat (optional).",
        "Enviada quando o agente ou o contato encerra o chat (opcional).",
    ),
    ("Result variable", "Variável de resultado"),
    (
        "Holds the handoff as JSON. live_chat.status holds how it ended.",
        "Guarda o transbordo em JSON. live_chat.status diz como terminou.",
    ),
    ("Integration", "Integração"),
    ("Integration id", "Id da integração"),
    ("Skill id", "Id da skill"),
    (
        "Include the message history",
        "Incluir o histórico de mensagens",
    ),
    (
        "Any agent of the department",
        "Qualquer agente do departamento",
    ),
    ("A specific agent", "Um agente específico"),
    (
        "The agent in a contact field",
        "O agente de um campo do contato",
    ),
    (
        "A random agent of the department",
        "Um agente aleatório do departamento",
    ),
    (
        "The last agent who served the contact",
        "O último agente que atendeu o contato",
    ),
    (
        "The next agent in turn (round robin)",
        "O próximo agente da vez (sequencial)",
    ),
    ("Route", "Roteamento"),
    (
        "Gets the chat when available; else the department.",
        "Recebe o chat se estiver disponível; senão, o departamento.",
    ),
    (
        "The team has no agents yet: add one in the team editor.",
        "A equipe ainda não tem agentes: adicione um no editor da equipe.",
    ),
    ("Contact field", "Campo do contato"),
    (
        "Carteirização: the agent whose id is in this custom field, when available; else the department.",
        "Carteirização: o agente cujo id está neste campo personalizado, se disponível; senão, o departamento.",
    ),
    (
        "The team has no custom fields yet: add one in the team editor.",
        "A equipe ainda não tem campos personalizados: adicione um no editor da equipe.",
    ),
    (
        "contact.last_agent when available; a contact with none goes to the department.",
        "contact.last_agent se disponível; um contato sem último agente vai para o departamento.",
    ),
    (
        "Round robin in id order over the department's available agents.",
        "Rodízio, em ordem de id, entre os agentes disponíveis do departamento.",
    ),
    (
        "Drawn from the scenario's seed, so a run can be replayed.",
        "Sorteado pela semente do cenário, para a execução poder ser repetida.",
    ),
    (
        "Opens for the department: any available agent of it may take the chat, unless the team assigns it automatically.",
        "Abre para o departamento: qualquer agente disponível dele pode assumir o chat, a menos que a equipe distribua automaticamente.",
    ),
    (
        "Opens for anyone, without a department or an agent.",
        "Abre para qualquer atendente, sem departamento nem agente.",
    ),
    (
        "Runs another flow of the folder (Nó de Fluxo), then goes on by done when it ends.",
        "Executa outro fluxo da pasta (Nó de Fluxo) e segue por done quando ele termina.",
    ),
    (
        "The called flow's name, or a path relative to this file",
        "O nome do fluxo chamado, ou um caminho relativo a este arquivo",
    ),
];
