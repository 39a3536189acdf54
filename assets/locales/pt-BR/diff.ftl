# fluxo — textos de diff, português do Brasil.
# Os ids das mensagens são únicos em todos os arquivos de um idioma; argumentos em snake_case.

## Mudanças na estrutura, agrupadas pelo que mudou.
diff-heading-changes = Alterações:
diff-no-changes = Os dois arquivos descrevem o mesmo fluxo.
diff-summary = { $count ->
    [one] 1 alteração
   *[other] { $count } alterações
}: { $behaviour } no que o fluxo ou a equipe faz, { $test } nos cenários, { $cosmetic ->
    [0] 0 só visuais
    [one] { $cosmetic } só visual
   *[other] { $cosmetic } só visuais
}
diff-cosmetic-only = Só mudaram posições, notas ou a descrição: nenhum atendimento percebe a diferença.
diff-target-flow = fluxo
diff-target-team = equipe
diff-target-scenario = cenário "{ $scenario }"
diff-target-node = nó { $node } ({ $kind })
diff-target-node-unknown = nó { $node } (não existe em nenhum dos arquivos)
diff-node-added = adicionado
diff-node-removed = removido
diff-node-moved = movido de ({ $from_x }, { $from_y }) para ({ $to_x }, { $to_y })
diff-kind-changed = tipo: { $old } -> { $new }
diff-scenario-added = adicionado
diff-scenario-removed = removido
diff-field = { $path }: { $old } -> { $new }
diff-cut = … (+{ $count } caracteres)
diff-not-set = (não definido)
diff-item-added = { $path }: adicionado { $value }
diff-item-removed = { $path }: removido { $value }
diff-reordered = { $path }: nova ordem { $old } -> { $new }
diff-wire-rewired = { $node }.{ $port }: { $old } -> { $new }
diff-wire-connected = { $node }.{ $port }: agora ligado a { $new }
diff-wire-disconnected = { $node }.{ $port }: não está mais ligado (ia para { $old })

## Mudanças de comportamento: os cenários que agora terminam de outro jeito.
diff-heading-outcomes = Estes cenários agora terminam de outro jeito ({ $changed } de { $total }):
diff-version-new-changed = (como está no arquivo novo)
diff-version-new-only = (só no arquivo novo)
diff-version-old-changed = (como estava no arquivo antigo)
diff-version-old-only = (só no arquivo antigo)
diff-before = antes: { $outcome }
diff-now = agora: { $outcome }
diff-same-end = mesmo fim: { $outcome }
diff-end-at = { $reason } no nó { $node }
diff-queue = fila { $queue }, posição { $position }
diff-agent = atendente { $agent }
diff-no-agent = sem atendente
diff-path-before = caminho antes: { $path }
diff-path-now = caminho agora: { $path }
diff-messages = mensagens que o contato recebe (- só antes, + só agora):
diff-messages-same = { $count ->
    [one] ({ $count } mensagem igual)
   *[other] ({ $count } mensagens iguais)
}
diff-field-before = { $field } antes: { $value }
diff-field-now = { $field } agora: { $value }

## A última linha.
diff-verdict-changed = { $changed ->
    [one] { $changed } de { $total } cenários agora termina de outro jeito.
   *[other] { $changed } de { $total } cenários agora terminam de outro jeito.
}
diff-verdict-same = { $total ->
    [one] Nenhum cenário termina de outro jeito (1 comparado).
   *[other] Nenhum cenário termina de outro jeito ({ $total } comparados).
}
diff-verdict-no-scenarios = Nenhum dos arquivos tem cenários: só a estrutura foi comparada.
diff-cannot-compare = não foi possível comparar os fluxos: { $error }
diff-cannot-write-json = não foi possível escrever a comparação em JSON: { $error }
