# fluxo — textos de load, português do Brasil.
# Os ids das mensagens são únicos em todos os arquivos de um idioma; argumentos em snake_case.

## fluxo load: mensagens
load-no-section = { $file } não tem a seção load: use --rate N (chats por hora) para rodar todos os cenários nesse ritmo
load-stopped-steps = o dia parou antes do fim, às { $at }: a parte do bot dos chats levou { $steps } passos (o fluxo entra em laço?); os números cobrem o dia até ali
load-stopped-chats = o dia parou antes do fim, às { $at }: chegaram { $chats } chats, o máximo que um dia simula; os números cobrem o dia até ali

## fluxo load: o relatório
load-title = { $flow }: um dia a partir de { $start }, { $hours ->
    [one] { $hours } hora
   *[other] { $hours } horas
}, semente { $seed }
load-unnamed-flow = (fluxo sem nome)
load-chats = { $chats ->
    [one] { $chats } chat recebido
   *[other] { $chats } chats recebidos
}: { $to_human } transbordados para atendimento humano, { $bot_only } encerrados no bot, { $in_bot } ainda no bot no fim do dia
load-plan = Tempo médio de atendimento (TMA) { $handle }, paciência { $patience }, nível de serviço: atendidos em até { $service_level }
load-patience-never = nenhuma desistência (ninguém sai da fila)
load-departments = Departamentos
load-no-department = (sem departamento)
load-col-department = departamento
load-col-offered = recebidos
load-col-answered = atendidos
load-col-abandoned = desistências
load-col-timed-out = tempo esgotado
load-col-still-waiting = na fila no fim
load-col-service-level = nível de serviço
load-col-waited = esperaram
load-col-mean-wait = TME
load-col-p90-wait = espera p90
load-col-longest-line = maior fila
load-agents = Atendentes
load-col-agent = atendente
load-col-handled = atendimentos
load-col-occupancy = ocupação
load-col-in-hand = chats simultâneos
load-status-away = ausente o dia todo
load-status-offline = offline o dia todo
load-no-limit = sem limite
load-bot-ends = Chats encerrados no bot
load-end-at = { $reason } em { $node }
load-scenarios = Cenários sorteados
load-empty-scenario = (cenário vazio)
load-hours = Hora a hora
load-col-hour = hora
load-col-arrivals = chegadas
load-col-to-human = transbordos
load-col-waiting = na fila (média)
load-col-waiting-max = na fila (máximo)
load-col-busy = atendentes ocupados

## Problemas da seção load (`fluxo load`; as verificações também vão usá-los)
load-problem-unknown-scenario = o mix cita `{ $scenario }`, que não é um cenário deste fluxo: os chats dele ficam de fora
load-problem-bad-rate = a taxa da hora { $hour } é { $rate }: uma taxa é de 0 ou mais chats por hora
load-problem-hours-beyond-rates = o dia tem { $hours } horas, mas só há { $rates } taxas na lista: as horas seguintes não recebem chats
load-problem-unused-rates = há { $rates } taxas na lista, mas o dia tem { $hours } horas: as taxas seguintes não são usadas
load-problem-bad-weight = o peso de `{ $scenario }` é { $weight }: um peso é 0 ou mais
load-problem-nothing-to-draw = nenhum cenário pode ser sorteado: dê a algum cenário do fluxo um peso acima de 0
load-problem-bad-duration = { $field } é { $seconds }: { $field ->
    [handle_time_s] precisa ser maior que 0 segundos
   *[other] precisa ser de 0 segundos ou mais
}
load-problem-bad-start = `{ $start }` não é um horário RFC 3339 como 2026-11-23T08:00:00-03:00
load-problem-too-many-hours = um dia de { $hours } horas passa das { $max } que se simulam no máximo
load-problem-too-many-chats = as taxas somam { $expected } chats, mais que os { $max } que se simulam no máximo
load-problem-no-arrivals = o dia não tem chats: todas as taxas são 0

## A aba Carga da janela (o painel do simulador)
load-window-tab = Carga
load-window-explain = Um dia de conversas por este fluxo: quantas chegam a cada hora, de quais cenários, quanto tempo atendentes e contatos levam. O dia mostra o que a equipe enfrenta: filas, esperas, atendentes ocupados. O plano fica na seção load do arquivo.
load-window-add-plan = Adicionar um plano de carga (30 conversas por hora)
load-window-plan = Plano do dia
load-window-start = Início
load-window-rates = Conversas por hora
load-window-rates-invalid = Escreva um número para todas as horas, ou um por hora: 30; 60; 90
load-window-hours = Horas
load-window-hours-help = 0: tantas quantas as taxas listadas
load-window-handle-time = Tempo médio de atendimento
load-window-patience = Paciência média
load-window-patience-help = 0: ninguém desiste da fila
load-window-service-level = Atendidas em até
load-window-seed = Semente
load-window-not-a-number = Escreva um número (1,5 ou 1.5)
load-window-mix = Mistura de cenários (pesos)
load-window-mix-all = Todos os cenários são sorteados, cada um com peso 1.
load-window-mix-no-scenarios = O fluxo não tem cenários: cada conversa usa um vazio.
load-window-mix-reset = Sortear todos os cenários por igual
load-window-remove-plan = Remover o plano de carga
load-window-remove-plan-tooltip = Remove a seção load do arquivo (desfazer a traz de volta)
load-window-run = Simular o dia
load-window-run-again = Simular o dia de novo
load-window-run-tooltip = Roda o dia inteiro com o fluxo e a equipe atuais; o dia anterior fica ao lado para comparar
load-window-running = Simulando o dia… { $percent } %
load-window-cancelled = A simulação foi interrompida.
load-window-cannot-run = O dia não pode rodar:
load-window-day = Dia { $number }
load-window-compare = ao lado do dia { $number }
load-window-older-than-flow = Este dia rodou numa versão anterior do fluxo: simule de novo para ver a mais recente.
load-window-same-flow = Os dias { $before } e { $now } rodaram com o mesmo fluxo e plano.
load-window-changed = Do dia { $before } para o dia { $now }: { $changes }
load-window-more = { $count ->
    [one] , e mais 1 mudança
   *[other] , e mais { $count } mudanças
}
load-window-before-chats = Dia { $number }: chegaram { $chats } conversas, { $to_human } para um atendente
load-window-chart-hours = Hora a hora
load-window-chart-waits = Quanto as conversas atendidas esperaram
load-window-chart-agents = Conversas por atendente
load-window-series-waiting = conversas na fila (dia { $number })
load-window-series-busy = atendentes ocupados (dia { $number })
load-window-series-answered = conversas atendidas (dia { $number })
load-window-series-chats = conversas (dia { $number })
load-window-bucket-at-once = na hora
load-window-no-agents = A equipe não tem atendentes.
