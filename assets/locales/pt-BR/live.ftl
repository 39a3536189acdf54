# fluxo — textos de live, português do Brasil.
# Os ids das mensagens são únicos em todos os arquivos de um idioma; argumentos em snake_case.

# Requisições reais (SPEC.md seção 11): `fluxo run --live`, `fluxo test --live`, "Enviar de verdade".
live-banner = AO VIVO: as requisições que nenhum mock do cenário responde foram enviadas pela rede (--live); o mock embutido da API da plataforma ficou desligado.
live-calls = { $count ->
    [0] nenhuma chamada real
    [one] 1 chamada real
   *[other] { $count } chamadas reais
}
live-calls-heading = { live-calls }:
live-test-heading = Chamadas reais por cenário:
live-test-scenario = { $scenario }: { live-calls }
live-answer-source = a API real (ao vivo)
live-call = passo { $step } { $node_id }: { $method } { $url } -> { $outcome }
live-answer-ok = { $status } em { $ms } ms
live-answer-error-status = { $status } em { $ms } ms: a API recusou a requisição; a resposta dela: { $body }
live-answer-cut = a resposta passou de { $limit_mib } MiB: só os primeiros { $limit_mib } MiB foram guardados

# O que deu errado, em palavras que dizem o que fazer.
live-error-name-not-resolved = o nome { $host } não foi encontrado: confira o host da url (erro de digitação?) e a rede ou o DNS desta máquina
live-error-connection-refused = { $address } recusou a conexão: o servidor está no ar e a porta está certa?
live-error-tls-unknown-issuer = o certificado de { $host } não é assinado por uma autoridade em que o fluxo confia (autoassinado ou de uma autoridade privada?)
live-error-tls-expired = o certificado de { $host } está vencido
live-error-tls-expired-on = o certificado de { $host } venceu em { $date }
live-error-tls-not-yet-valid = o certificado de { $host } ainda não é válido (o relógio desta máquina está certo?)
live-error-tls-wrong-name = o certificado apresentado por { $host } vale para { $names }, não para { $host }
live-error-tls-wrong-name-unknown = o certificado apresentado por { $host } vale para outro nome
live-error-tls-revoked = o certificado de { $host } foi revogado
live-error-tls-handshake = a conexão segura (TLS) com { $host } falhou: { $detail }
live-error-timed-out = sem resposta em { $ms } ms (o timeout_ms do nó; 0 vale 30 s): aumente-o ou confira se o servidor está no ar
live-error-too-many-redirects = mais de { $max } redirecionamentos: a url provavelmente fica em loop entre endereços
live-error-proxy = o proxy { $proxy } falhou: { $detail } (confira HTTPS_PROXY e NO_PROXY)
live-error-bad-url = { $url } não é um endereço http(s) absoluto: { $detail }
live-error-cancelled = cancelada
live-error-other = a requisição falhou: { $detail }

# "Enviar de verdade" em um nó.
live-send-no-node = o fluxo não tem o nó { $node_id }
live-send-not-request = { $node_id } não é um nó de Requisição: só uma Requisição pode ser enviada de verdade
live-send-not-sent = { $node_id } não foi enviado: { $why }

# "Enviar de verdade" na janela (o inspetor de um nó de Requisição).
live-window-section = Testar na API real
live-window-explain = Envia esta requisição uma vez à API real, com o contato, o relógio e os segredos do cenário. Nada sai da máquina sem este clique.
live-window-scenario = Cenário: { $scenario } (escolhido no simulador)
live-window-no-scenario = Sem cenário: usa-se um vazio (adicione um cenário para guardar a resposta como mock)
live-window-inputs = Valores que o cenário não define:
live-window-send = Enviar de verdade
live-window-send-tooltip = Envia esta requisição à API real agora, uma vez, e mostra o que ela responde
live-window-one-at-a-time = Outra requisição está a caminho: uma de cada vez
live-window-sending = Aguardando a API real… { $seconds } s
live-window-badge = ● AO VIVO
live-window-running = Uma requisição está a caminho da API real (Enviar de verdade)
live-window-status = { $status } em { $ms } ms
live-window-leaves-by = o nó sairia pela saída “{ $port }”
live-window-sent-heading = O que foi enviado
live-window-headers-heading = { $count ->
    [one] Cabeçalhos da resposta (1)
   *[other] Cabeçalhos da resposta ({ $count })
}
live-window-body = Corpo da resposta
live-window-body-empty = (corpo vazio)
live-window-body-left-out = … mais { $count } caracteres não mostrados (Guardar como mock guarda a resposta inteira)
live-window-keep = Guardar como mock
live-window-keep-tooltip = Adiciona esta resposta aos mocks de "{ $scenario }" (um passo de desfazer): as execuções dele respondem sem rede a partir de agora
live-window-kept = Guardada nos mocks de "{ $scenario }": as execuções dele respondem sem rede agora.
live-window-nothing-to-keep = Nada para guardar: só uma resposta ou um tempo esgotado vira mock.
live-window-keep-needs-scenario = Adicione um cenário (Simulador ▸ Cenários) para guardar esta resposta como mock.
