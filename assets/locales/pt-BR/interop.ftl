# fluxo — textos de interop, português do Brasil.
# Os ids das mensagens são únicos em todos os arquivos de um idioma; argumentos em snake_case.

## fluxo import typebot: nome do primeiro cenário (gravado no fluxo)
interop-scenario-name = Primeiro caminho

## fluxo import typebot: por que nada foi importado (saída 2)
interop-error-output-name = { $path }: o nome de saída deve terminar em .ron ou .json
interop-error-same-file = { $path }: a saída sobrescreveria a exportação do Typebot: grave o fluxo em outro arquivo
interop-error-not-regular = { $path }: { $kind ->
    [folder] isto é uma pasta
    [fifo] isto é um pipe nomeado (FIFO)
    [device] isto é um dispositivo
    [socket] isto é um socket
   *[other] isto não é um arquivo comum
}, não uma exportação do Typebot
interop-error-too-big = { $path }: maior que { $limit_mib } MiB, grande demais para uma exportação do Typebot
interop-error-not-json = { $path }:{ $line }:{ $column }: não é JSON: { $error }
interop-error-not-typebot = { $path }: não é uma exportação do Typebot: { $reason }
interop-not-typebot-not-an-object = o documento não é um objeto JSON
interop-not-typebot-no-groups = falta a lista `groups` (uma exportação do Typebot tem version, events, groups, edges e variables)

## fluxo import typebot: o relatório
interop-report-imported = Typebot “{ $name }” (versão { $version }) importado em { $path }: { $nodes ->
    [one] 1 nó
   *[other] { $nodes } nós
}, { $edges ->
    [one] 1 conexão
   *[other] { $edges } conexões
}.
interop-report-blocks = Blocos: { $total } no total; { $imported } como eram, { $partial } em parte, { $placeholders } como nós de passagem, { $edges } como conexões, { $merged } como texto de uma pergunta.
interop-report-not-carried = O que não veio:
interop-report-all-carried = Tudo foi importado.
interop-report-item-node = { $node } [{ $group }] { $block_type }: { $message }
interop-report-item-flow = { $node }: { $message }
interop-report-item-block = [{ $group }] { $block_type }: { $message }
interop-report-item-export = exportação: { $message }
interop-report-variables = Variáveis: { $list }
interop-report-scenario = Primeiro cenário “{ $name }”: { $replies ->
    [0] nenhuma resposta
    [one] 1 resposta
   *[other] { $replies } respostas
}, termina em { $end_reason } no nó { $end_node }.
interop-report-tidy = Recomenda-se organizar o layout: { $count ->
    [one] 1 par de nós fica sobreposto
   *[other] { $count } pares de nós ficam sobrepostos
} com os blocos empilhados nos seus grupos.

## O que não veio: as linhas do relatório e as notas dos nós importados
interop-issue-placeholder = Bloco “{ $block_type }” do Typebot: o fluxo não consegue executá-lo; este nó só deixa a execução passar.
interop-issue-placeholder-detail = Bloco “{ $block_type }” do Typebot ({ $detail }): o fluxo não consegue executá-lo; este nó só deixa a execução passar.
interop-issue-unknown-block = Bloco “{ $block_type }” do Typebot, desconhecido para a importação: este nó só deixa a execução passar.
interop-issue-linked-bot = Link para o bot { $typebot_id } do Typebot: chama o fluxo de { $file } desta pasta, a partir da Entrada; importe aquele bot ali: fluxo import typebot BOT.json { $file }
interop-issue-chatwoot-widget = Chatwoot “Show widget”: o atendimento abre para qualquer atendente, sem departamento nem agente; o fluxo segue quando a conversa com o humano termina (no Typebot, seguia na hora).
interop-issue-computed-value = O Typebot calculava { $variable } como “{ $value_type }”; o fluxo grava { $value } no lugar.
interop-issue-computed-value-empty = O Typebot calculava { $variable } como “{ $value_type }”, o que o fluxo não faz; a variável fica vazia.
interop-issue-expression = O Typebot calculava { $variable } com JavaScript ({ $expression }); o fluxo grava esse texto como está.
interop-issue-code = O Typebot executava código JavaScript para definir { $variable }; o fluxo deixa a variável vazia.
interop-issue-list-operation = “{ $operation }” na lista { $variable }: o fluxo não tem listas; o que o bloco define fica vazio.
interop-issue-list-operation-append = “{ $operation }” na lista { $variable }: o fluxo não tem listas; o item entra no texto depois de uma vírgula.
interop-issue-multiple-choice = Múltipla escolha: o fluxo guarda a resposta do contato como veio, e toda escolha segue pelo mesmo caminho.
interop-issue-dynamic-choice = Os botões vinham da lista { $variable }: o fluxo aceita qualquer resposta.
interop-issue-item-condition = O Typebot só mostra { $items } sob uma condição; o fluxo sempre os oferece.
interop-issue-file-reply = Aqui o Typebot recebe um arquivo ou um áudio; no fluxo, o texto do contato faz esse papel.
interop-issue-response-path = O { $path } da resposta é calculado com JavaScript: { $variable } recebe “{ $saved }” da resposta no lugar.
interop-issue-method = HTTP { $method } não é um método que o fluxo envia: usa-se GET.
interop-issue-default-body = O Typebot enviava todas as variáveis no corpo; o fluxo não envia corpo: escreva o corpo de que o serviço precisa.
interop-issue-inline-code = O JavaScript no texto ({ $code }) fica como texto: o fluxo não o executa.
interop-issue-condition-rule = Uma comparação “{ $operator }” não cabe neste caso: ficou de fora.
interop-issue-condition-incomplete = Uma comparação sem variável ou sem operador (nunca vale no Typebot) ficou de fora.
interop-issue-ab-test = Teste A/B: o Typebot sorteia o caminho ({ $percent } % para A); o fluxo escolhe pelos dois últimos dígitos do id da conversa, então cada cenário segue um caminho e outra semente pode seguir o outro.
interop-issue-embed-event = O embed esperava um evento da página; o fluxo segue na hora.
interop-issue-missing-target = O fluxo leva a { $target }, que não existe na exportação: a execução termina aqui.
interop-issue-event-ignored = O evento “{ $event }” ficou de fora: uma execução do fluxo só começa na Entrada.
interop-issue-no-start = O evento de início não leva a lugar nenhum: ligue a Entrada ao primeiro passo.
interop-issue-start-empty = { $variables }: nenhum nó deste fluxo as define (o Typebot preenche essas variáveis pelo link ou pela página onde o bot está, ou um bot ligado as define); aqui começam vazias: dê valores a elas para testar o fluxo.
interop-issue-version = A exportação é da versão “{ $version }”, não 6 nem 6.1: foi lida como uma exportação v6.

## fluxo export altu
interop-export-no-node = { $path }: o fluxo não tem o nó `{ $node }`
interop-export-not-live-chat = { $path }: o nó `{ $node }` é do tipo { $kind }, não um LiveChat (transbordo)
interop-export-left-out = Fica fora da ação (configure no ALTU Builder):
interop-export-left-out-department = department: o ALTU encaminha o atendimento pelo skillId; o departamento é do fluxo
interop-export-left-out-route = route: a simulação do fluxo de quem recebe o atendimento; o ALTU encaminha pelo skillId
interop-export-left-out-wait = wait_timeout_s: “Tempo de espera”, configurado na integração ALTU Connector
interop-export-left-out-inactivity = inactivity_timeout_s: “Tempo de inatividade do usuário”, configurado na integração ALTU Connector
interop-export-left-out-history = include_history: “Incluir Histórico De Mensagens No Evento OPEN_CONVERSATION”, configurado na integração
interop-export-left-out-closing = closing_message: vai nas before_action_messages do nó
