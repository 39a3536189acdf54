# fluxo — textos dos problemas encontrados (findings), português do Brasil.
# Os ids das mensagens são únicos em todos os arquivos de um idioma; argumentos em snake_case.
#
# Um problema de código CODE usa `finding-CODE`, ou o atributo `.VARIANTE` quando a verificação
# dá uma variante. Uma lista NOME chega já unida (`a`, `b` e `c`), com NOME_count ao lado; uma
# sugestão chega como " (você quis dizer `x`?)" ou vazia; um tipo de nó com o nome da tela; um
# motivo (`problem`, `partial`) como a frase da sua própria mensagem, abaixo.

## Como os argumentos são escritos

finding-list-none = nenhum
finding-list-and = { $rest } e { $last }
finding-list-more = { $shown } e mais { $more }
finding-suggestion = {" "}(você quis dizer `{ $name }`?)
finding-kind = { $kind ->
        [Entry] Entrada
        [Message] Mensagem
        [Ask] Pergunta
        [Request] Enviar requisição
        [Condition] Condicional
        [SetVariable] Definir variável
        [BusinessHours] Expediente
        [Queue] Colocar na fila
        [LiveChat] Transbordo
        [End] Fim
       *[other] { $kind }
    }

## fluxo check

check-summary = fluxo check: { $errors ->
        [one] { $errors } erro
       *[other] { $errors } erros
    }, { $warnings ->
        [one] { $warnings } aviso
       *[other] { $warnings } avisos
    } em { $files ->
        [one] { $files } arquivo
       *[other] { $files } arquivos
    }

## O grafo

finding-missing-entry = o fluxo não tem nó de Entrada: adicione um (todo atendimento começa por ele) e ligue a porta `next`
finding-duplicate-entry = um fluxo tem uma única Entrada, e ela é `{ $entry }`: apague esta ou troque-a por outro tipo de nó
finding-duplicate-id = um nó acima já usa o id `{ $id }`: conexões e cenários só chegam ao primeiro; dê a este um id próprio
finding-invalid-id = o id `{ $id }` só pode ter letras, números, `_` e `-`: renomeie (por exemplo, `{ $example }`)
    .empty = o nó está sem id: dê um a ele (letras, números, `_` e `-`)
finding-unknown-node = a porta `{ $port }` leva a `{ $to }`, que não é um nó deste fluxo: ligue-a a um nó existente
    .from = uma conexão sai de `{ $from }`, que não é um nó deste fluxo: apague a conexão ou corrija o nome
finding-unknown-port = este nó do tipo { $kind } não tem a porta `{ $port }`: as portas dele são { $ports }; mude a conexão para uma delas
    .no-ports = o nó do tipo { $kind } não tem portas de saída, então nenhuma conexão pode sair dele por `{ $port }`: apague a conexão
finding-port-reused = a porta `{ $port }` já leva a `{ $first }`; esta segunda conexão para `{ $second }` nunca é usada: cada porta de saída tem uma só conexão, então apague uma delas
finding-entry-has-input = a porta `{ $port }` de `{ $from }` volta para esta Entrada, que não recebe conexões: para recomeçar, ligue-a ao nó depois da Entrada
finding-duplicate-port = um caso acima já sai pela porta `{ $port }`, então não dá para distinguir a conexão deste caso: dê a ele uma porta própria
    .else = `else` é a porta usada quando nenhum caso vale: dê outro nome a este caso
finding-unreachable = nenhum caminho a partir da Entrada `{ $entry }` chega a este nó, então ele nunca é executado: ligue uma porta a ele ou apague-o
finding-dangling-port = a porta `{ $port }` não leva a lugar nenhum: um atendimento que sai por ela para aqui (DeadEnd); ligue-a, por exemplo, a um Fim ou a uma fila
    .entry = a porta `next` da Entrada não leva a lugar nenhum, então todo atendimento para logo no começo: ligue-a à primeira etapa do fluxo
finding-loop-without-wait = { $nodes } formam um ciclo sem Pergunta nem Transbordo para esperar: o atendimento pode dar voltas sem fim (o simulador para em 10.000 passos); coloque uma Pergunta no ciclo ou garanta que uma Condicional saia dele depois de algumas voltas
    .self = { $nodes } volta para si mesmo sem Pergunta nem Transbordo para esperar: o atendimento pode dar voltas sem fim (o simulador para em 10.000 passos); coloque uma Pergunta no ciclo ou ligue a porta a outro nó

## Campos

finding-empty-field =
    .message-text = a mensagem não tem texto nem botões: escreva o que o contato vai ler
    .button = este botão está sem texto: escreva o rótulo ou remova o botão
    .prompt = a pergunta está vazia: escreva o que perguntar ao contato
    .save-as = dê nome à variável que guarda a resposta (por exemplo, `resposta`), para que os próximos nós possam usá-la
    .options = liste as opções que o contato pode escolher
    .option = esta opção está vazia: preencha ou remova
    .regex = escreva a expressão regular que a resposta inteira deve seguir
    .url = escreva a url a chamar (por exemplo, `{"{{"}team.api_base{"}}"}/agents/{"{{"}contact.custom.gerente_de_contas{"}}"}`)
    .header-name = um cabeçalho tem valor mas não tem nome: dê um nome (por exemplo, `Authorization`) ou remova a linha
    .save-name = uma variável salva está sem nome: dê um nome ou remova a linha
    .cases = a condicional não tem nenhum caso, então todo atendimento sai por `else`: adicione um caso com as regras dele
    .case-port = dê nome à porta por onde este caso sai (por exemplo, `sim`)
    .case-rules = o caso não tem regras: adicione uma regra (variável, operador, valor) ou remova o caso
    .rule-var = a regra não testa nenhuma variável: escolha a variável a comparar
    .set = o nó não define nada: adicione uma variável e o valor dela, ou apague o nó
    .set-name = uma linha tem valor mas não tem nome de variável: dê um nome ou remova a linha
    .schedule = escolha o expediente cujo horário decide se está aberto ou fechado
    .queue = escolha o departamento em cuja fila o atendimento vai esperar
    .department = escolha o departamento que recebe o atendimento (é também para onde ele volta quando o atendente escolhido não está disponível)
    .route-agent = a rota não indica nenhum atendente: escolha quem recebe o atendimento
    .route-field = a rota não indica nenhum campo personalizado: escolha o campo do contato (do tipo Agent) que guarda o id do atendente
    .row-name = uma linha tem valor mas não tem nome: dê um nome ou remova a linha
    .subflow = diga qual fluxo este nó chama: um fluxo da pasta deste arquivo (pelo `name`) ou um caminho relativo a este arquivo
finding-bad-variable-name =
    .read-only = não dá para definir `{ $name }`: é só leitura; salve em uma variável do fluxo (um nome sem pontos), em contact.name/phone/email/last_agent ou em contact.custom.CHAVE (por exemplo, `{ $example }`)
    .read-only-set = não dá para definir `{ $name }`: é só leitura; um Definir variável só define variáveis do fluxo (nomes sem pontos), contact.name/phone/email/last_agent ou contact.custom.CHAVE
    .unreadable = nenhum template consegue ler `{ $name }`: use só letras, números, `_` e `-` (por exemplo, `{ $example }`)
    .rule-var = `{ $name }` não é um nome de variável: escreva só o nome, sem chaves nem espaços (por exemplo, `{ $example }`)
finding-bad-regex = a expressão regular não compila: { $problem }{ $at ->
        [0] {""}
       *[other] {" "}(no caractere { $at })
    }
finding-regex-problem =
    .unclosed-group = grupo aberto e não fechado
    .unopened-group = parêntese fechado sem ter sido aberto
    .unclosed-class = classe de caracteres (colchetes) não fechada
    .class-range = intervalo inválido na classe de caracteres: o início deve vir antes do fim
    .class-escape = sequência de escape inválida dentro da classe de caracteres
    .repetition-missing = operador de repetição sem nada antes para repetir
    .unclosed-repetition = repetição com chaves não fechada
    .repetition-range = intervalo de repetição inválido: o início deve ser menor ou igual ao fim
    .repetition-decimal = a repetição entre chaves espera um número
    .escape = sequência de escape desconhecida
    .escape-end = sequência de escape incompleta no fim da expressão
    .escape-hex = escape hexadecimal inválido
    .flag = flag desconhecida, repetida ou incompleta
    .look-around = lookahead e lookbehind não são aceitos
    .backreference = referências a grupos anteriores não são aceitas
    .empty-class = classes de caracteres vazias não são aceitas
    .group-name = nome de grupo inválido
    .too-big = ela fica grande demais depois de compilada: simplifique
    .other = { $detail }
finding-broken-template = `{ $opener }` aqui não forma nenhuma referência (não há `{ $close }` depois, ou falta o nome da variável), então o contato recebe o texto do jeito que está: escreva `{ $opener } nome { $close }` ou remova

## Requisições

finding-bad-url = a url não é uma URL http(s) completa depois que os templates recebem valores (`{ $sample }`): { $problem }
    .team = o api base da equipe não é uma URL http(s) completa: { $problem } (por exemplo, https://api.huggy.app/v3)
    .api-base-empty = a url começa com {"{{"}team.api_base{"}}"}, mas o api base da equipe está vazio: preencha o api base da equipe (por exemplo, https://api.huggy.app/v3)
    .starts-unknown = a url começa com {"{{"}{ $name }{"}}"}, cujo valor a verificação não tem como saber: comece com https://, http:// ou {"{{"}team.api_base{"}}"}
    .api-base-bad = o api base da equipe, `{ $base }`, não é uma URL http(s) completa, então esta url também não é: corrija o api base da equipe
finding-url-problem =
    .empty = ela está vazia
    .space = ela tem um espaço (escreva %20 ou coloque o texto em um template)
    .line-break = ela tem uma quebra de linha ou uma tabulação
    .control = ela tem um caractere de controle
    .no-scheme = ela precisa começar com https:// ou http://
    .scheme = `{ $scheme }://` não é http:// nem https://
    .character = ela tem o caractere `{ $character }`, que não pode aparecer em uma url
    .ipv6-unclosed = o host IPv6 não tem o `]` de fechamento
    .ipv6 = `[{ $address }]` não é um endereço IPv6
    .after-host = `{ $after }` depois do host não é uma porta
    .no-host = ela não tem host (https://HOST/...)
    .host-character = o host `{ $host }` tem o caractere `{ $character }`
    .host-empty-part = o host `{ $host }` tem uma parte vazia
    .port = `{ $port }` não é um número de porta (de 1 a 65535)
finding-bad-json = o corpo não é um JSON válido (linha { $line }, coluna { $column }: { $problem }): corrija; um template pode ficar dentro de um texto ("{"{{"}nome{"}}"}") ou ser um valor inteiro
finding-json-problem =
    .eof-list = o texto acaba no meio de uma lista
    .eof-object = o texto acaba no meio de um objeto
    .eof-string = o texto acaba no meio de um texto entre aspas
    .eof-value = o texto acaba antes de um valor
    .expected-colon = faltam os dois-pontos `:`
    .expected-comma-or-bracket = falta `,` ou `]`
    .expected-comma-or-brace = falta `,` ou `{"}"}`
    .expected-ident = palavra inválida (use true, false ou null)
    .expected-value = falta um valor
    .invalid-escape = sequência de escape inválida
    .invalid-number = número inválido
    .number-out-of-range = número grande demais
    .invalid-unicode = código unicode inválido
    .key-not-string = a chave deve ser um texto entre aspas
    .trailing-comma = vírgula sobrando no fim
    .trailing-characters = sobram caracteres depois do JSON
    .too-deep = aninhamento profundo demais
    .control-character = caractere de controle dentro de um texto entre aspas
    .other = { $detail }
finding-inline-secret = o cabeçalho `{ $name }` tem uma credencial escrita no fluxo, que qualquer pessoa que abrir o arquivo consegue ler: escreva `{ $example }` e informe o valor em { $variable } ou nos segredos do cenário
    .query = o parâmetro `{ $name }` da url tem uma credencial escrita no fluxo, que qualquer pessoa que abrir o arquivo consegue ler: escreva `{ $example }` e informe o valor em { $variable } ou nos segredos do cenário

## A equipe

finding-team-lacks =
    .department = a equipe não tem o departamento `{ $name }`{ $suggestion }: { $names_count ->
        [0] a equipe ainda não tem departamentos; adicione-o à equipe
       *[other] escolha um entre { $names } ou adicione-o aos departamentos da equipe
    }
    .agent = a equipe não tem atendente com o id `{ $name }`{ $suggestion }: { $names_count ->
        [0] a equipe ainda não tem atendentes; adicione-o à equipe
       *[other] escolha um entre { $names } ou adicione-o aos atendentes da equipe
    }
    .custom-field = a equipe não tem o campo personalizado de contato `{ $name }`{ $suggestion }: { $names_count ->
        [0] a equipe ainda não tem campos personalizados; adicione-o à equipe
       *[other] escolha um entre { $names } ou adicione-o aos campos personalizados da equipe
    }
    .schedule = a equipe não tem o expediente `{ $name }`{ $suggestion }: { $names_count ->
        [0] a equipe ainda não tem expedientes; adicione-o à equipe
       *[other] escolha um entre { $names } ou adicione-o aos expedientes da equipe
    }
finding-unknown-department = { $problem }
finding-unknown-agent = { $problem }
finding-unknown-schedule = { $problem }
finding-unknown-custom-field = { $problem }
finding-wrong-field-kind = `{ $key }` é um campo do tipo { $field_kind }, mas a carteirização (AgentFromField) usa um campo que guarda o id de um atendente: mude o tipo dele para Agent na equipe ou escolha outro campo
finding-bad-team =
    .department-unnamed = um departamento está sem nome: dê um nome ou remova-o
    .department-twice = o departamento `{ $name }` aparece duas vezes: remova um
    .agent-unnamed = um atendente está sem id: use o id que a plataforma usa (rotas e cenários identificam atendentes pelo id)
    .agent-twice = dois atendentes têm o id `{ $id }`: as rotas só chegam ao primeiro; dê a cada um o seu id
    .agent-department = `{ $id }` atende em `{ $department }`, que não é um departamento da equipe: adicione-o aos departamentos ou corrija o nome
    .field-unnamed = um campo personalizado está sem chave: dê a ele a chave que os templates leem (contact.custom.CHAVE)
    .field-twice = o campo personalizado `{ $key }` aparece duas vezes: remova um
    .waiting = há atendimentos esperando em `{ $department }`, que não é um departamento da equipe: corrija o nome ou adicione o departamento
finding-bad-schedule =
    .unnamed = o expediente está sem nome: dê um nome (por exemplo, `Expediente`) para que os nós de Expediente possam escolhê-lo
    .twice = um expediente acima também se chama `{ $name }`: os nós de Expediente só chegam ao primeiro; dê a cada um o seu nome
    .offset = { $minutes } minutos não é um fuso horário válido: escreva os minutos em relação ao UTC, entre -720 e 840 (Brasília é -180)
    .no-hours = o expediente não tem horário de funcionamento, então está sempre fechado: adicione os dias e horários em que ele abre
    .no-days = este horário não vale para nenhum dia: escolha os dias (por exemplo, de Mon a Fri)
    .open-24 = um dia não pode abrir às 24:00: escreva 00:00 para abrir à meia-noite
    .never-open = abre e fecha às { $time }, então nunca fica aberto: para o dia todo, abra às 00:00 e feche às 24:00
    .holiday = `{ $date }` não é uma data: escreva AAAA-MM-DD (por exemplo, 2026-12-25)
    .time-empty = o horário está vazio: escreva HH:MM (por exemplo, 08:00)
    .time = `{ $time }` não é um horário: escreva HH:MM, de 00:00 a 24:00 (por exemplo, 08:00)

## Variáveis

finding-unknown-variable = nenhum nó define `{ $name }`, então ela está sempre vazia: salve-a com uma Pergunta (save_as), uma requisição (save), um Definir variável ou um Transbordo (result_variable), ou corrija o nome{ $suggestion }
    .http = `{ $name }` guarda a resposta de uma requisição, e este fluxo não tem nenhuma: adicione a requisição antes deste nó ou remova a referência
    .live-chat = `{ $name }` diz como terminou um transbordo, e este fluxo não tem nenhum: adicione um antes deste nó ou remova a referência
    .dotted = `{ $name }` não é uma variável que o fluxo conheça{ $suggestion }: use uma variável do fluxo (sem pontos), contact.name/phone/email/channel/last_agent, contact.custom.CHAVE, chat.id/protocol, team.api_base, now.date/time/weekday/hour, http.status/body, live_chat.status ou secret.NOME
finding-maybe-unset-variable = `{ $name }` pode estar vazia aqui: no caminho { $route }, nada a define{ $partial }; defina-a em todos os caminhos que chegam aqui (um Definir variável antes do desvio pode dar um valor padrão) ou use-a só onde ela já foi definida
    .http = `{ $name }` pode estar vazia aqui: no caminho { $route }, nenhuma requisição é feita antes{ $partial }; defina-a em todos os caminhos que chegam aqui (um Definir variável antes do desvio pode dar um valor padrão) ou use-a só onde ela já foi definida
    .no-path = `{ $name }` pode estar vazia aqui: algum caminho a partir da Entrada chega a este nó sem defini-la; defina-a em todos os caminhos que chegam aqui (um Definir variável antes do desvio pode dar um valor padrão) ou use-a só onde ela já foi definida
finding-maybe-unset =
    .partial = {" "}(`{ $node }` só a define quando sai por { $port })
    .none = {""}

## Cenários

finding-bad-scenario =
    .unnamed = o cenário está sem nome: dê um nome (o `fluxo test` mostra os resultados pelo nome e o `fluxo run --scenario` escolhe pelo nome)
    .name-twice = um cenário acima também se chama `{ $name }`: dê a cada um o seu nome
    .team-lacks = { $problem }
    .clock = `{ $clock }` não é um horário RFC 3339 como 2026-11-23T10:15:00-03:00
    .node = o fluxo não tem o nó `{ $id }`{ $suggestion }: corrija o id (ids de nós diferenciam maiúsculas de minúsculas)
    .position = as posições na fila começam em 1 (o primeiro atendimento esperando): corrija a posição esperada
    .var-name = `{ $name }` não é um nome de variável: corrija
    .var-unset = nenhum nó do fluxo define `{ $name }`, então o atendimento nunca a tem: corrija o nome ou espere isso de um fluxo que a define
    .var-unknown = `{ $name }` não é uma variável que o fluxo conheça: corrija o nome
    .status = { $status } não é um status HTTP: use um de 100 a 599 (200 é OK)
finding-unused-mock = nenhuma requisição deste fluxo chama `{ $method } { $url }`, então este mock nunca é usado: corrija o método ou a url dele (ela precisa casar com a url inteira; `*` vale qualquer sequência de caracteres)
    .any-method = nenhuma requisição deste fluxo chama `{ $url }` (com qualquer método), então este mock nunca é usado: corrija o método ou a url dele (ela precisa casar com a url inteira; `*` vale qualquer sequência de caracteres)
    .no-request = o fluxo não tem nenhuma requisição, então este mock nunca é usado: remova-o ou adicione a requisição que ele responde

## O arquivo

finding-unknown-field = `{ $name }` não é um campo que o fluxo conheça ({ $path }): ele é ignorado e some no próximo salvamento; confira a grafia
    .node = `{ $name }` não é um campo de { $kind }: ele é ignorado e some no próximo salvamento; confira a grafia
