# fluxo — os eventos do simulador, português do Brasil: as linhas de sistema da conversa, uma
# linha por evento de um passo, como um atendimento terminou. Escritos por `src/i18n/events.rs`
# para a janela e para a linha de comando.
# Os ids das mensagens são únicos em todos os arquivos de um idioma; argumentos em snake_case.

## O que aconteceu em volta da conversa (as linhas de sistema)
event-silence = O contato não respondeu
event-silence-timeout = O contato não respondeu (tempo esgotado após { $seconds } s)
event-handoff-started = Transbordo para { $department } — rota: { $route }
event-assigned-by-route = Atribuído a { $name } — rota: { $route }
event-assigned-by-fallback = Atribuído a { $name } — regra do departamento (o atendente da rota não estava disponível)
event-assigned-by-platform-api = Atribuído a { $name } — transferência pela API da plataforma
event-nobody-available = Ninguém de { $department } está disponível
event-queued = Na fila { $queue }, posição { $position }
event-handoff-ended = Transbordo encerrado: { $outcome }

## Uma rota, como a conversa a chama
event-route-department = departamento
event-route-agent = atendente específico
event-route-agent-from-field = gerente da carteira
event-route-random = atendente aleatório
event-route-last-agent = último atendente
event-route-sequential = rodízio

## Uma linha por evento de um passo
event-message-sent = Mensagem enviada: { $text }
event-prompt-sent = Pergunta enviada: { $text }
event-retry-sent = Pergunta enviada de novo: { $text }
event-queue-message-sent = Mensagem da fila enviada: { $text }
event-end-message-sent = Mensagem final enviada: { $text }
event-closing-message-sent = Mensagem de encerramento enviada: { $text }
event-reply-read = Resposta lida: “{ $text }”
event-reply-invalid = Resposta lida: “{ $text }” — inválida
event-reply-invalid-because = Resposta lida: “{ $text }” — inválida: { $problem }
event-request-sent = Requisição: { $method } { $url }
event-variable-set = { $name } = { $new } (antes: { $old })
event-no-value = sem valor
event-branch-taken = Sai por { $port }: { $why }
event-clock-advanced = Relógio +{ $duration } ({ $why }): agora { $now }
event-warning = Aviso: { $message }

## Quem respondeu uma requisição, e a resposta
event-answered-by-mock = o mock nº { $number } do cenário
event-answered-by-platform-api = a API da plataforma (equipe simulada)
event-answered-by-nobody = ninguém: nenhum mock correspondeu
event-answer-timed-out = Resposta: tempo esgotado após { $ms } ms ({ $by })
event-answer = Resposta: { $status } de { $by } após { $ms } ms
event-no-answer = Sem resposta ({ $by })

## Como um atendimento terminou
event-end-end = Encerrado
event-end-queued = Na fila
event-end-waiting-reply = Aguardando a resposta do contato
event-end-channel-not-served = Canal não atendido
event-end-dead-end = Saída sem conexão
event-end-step-limit = Limite de passos atingido
event-end-error = Erro
event-end-in-queue = { $reason } — { $queue }, posição { $position }
event-end-at-node = { $reason } — em { $node }

## O status de um atendente
event-status-online = Online
event-status-away = Ausente
event-status-offline = Offline

## Como um transbordo termina
event-outcome-agent-closed = O atendente encerra (agent_closed)
event-outcome-user-closed = O contato encerra (user_closed)
event-outcome-timeout = Ninguém atende (timeout)
event-outcome-user-inactivity-timeout = O contato para de responder (user_inactivity_timeout)

event-chat-opened = Aberto para { $department } — pode assumir: { $candidates }
event-chat-opened-anyone = Aberto para qualquer atendente, sem departamento — pode assumir: { $candidates }
event-fallback-unavailable = { $agent } não está disponível ({ $status }, { $chats }/{ $capacity } chats)
event-fallback-not-in-team = a equipe não tem o atendente `{ $agent }`
event-fallback-empty-field = o campo `{ $key }` do contato está vazio
event-fallback-no-last-agent = o contato não tem último atendente
event-subflow-started = Entra no fluxo “{ $flow }” (chamado por { $node })
event-subflow-done = O fluxo “{ $flow }” terminou: volta a { $node } por done
