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

## A janela: Arquivo > Comparar com o salvo / Comparar com arquivo…
compare-with-saved = Comparar com o salvo
compare-with-saved-tooltip = O que suas alterações não salvas fazem: os nós adicionados, removidos, alterados e religados no palco, e os cenários que passariam a terminar de outro jeito
compare-with-file = Comparar com arquivo…
compare-with-file-tooltip = O que muda de outra versão deste fluxo (um arquivo de fluxo que você escolhe) para o fluxo como está agora
compare-with-saved-disabled = Salve o fluxo antes: ainda não há arquivo com que comparar
compare-not-saved-yet = Este fluxo ainda não tem arquivo: não há versão salva com que comparar
compare-could-not-read = Não foi possível ler o fluxo a comparar
compare-pick-file = Comparar com um arquivo de fluxo
compare-confirm = Comparar
compare-title-saved = Alterações desde que { $name } foi salvo
compare-title-file = Comparado com { $name }
compare-close = Fechar a comparação
compare-updating = atualizando…
compare-failed = A comparação falhou: { $error }
compare-show-node = Mostrar este nó no palco
compare-status-added = novo
compare-status-removed = removido
compare-status-changed = alterado
compare-status-rewired = religado
compare-status-moved = movido
compare-wire-was = era { $old }
compare-wire-new = ligação nova
compare-differs-in = difere em: { $fields }
compare-open-runs = As duas execuções de “{ $scenario }” lado a lado
compare-runs-title = “{ $scenario }”: antes e agora
compare-runs-before = Antes ({ $name })
compare-runs-now = Agora (esta versão)
compare-save-check = Avisar antes de um salvamento que muda o que um cenário faz
compare-save-check-tooltip = Salvar roda antes os cenários do fluxo no arquivo salvo e na sua versão, e pergunta quando algum terminaria de outro jeito (na Mosia o fluxo vale assim que é salvo)
compare-save-heading = { $changed ->
    [one] Salvar { $name } muda o que 1 de { $total } cenários faz
   *[other] Salvar { $name } muda o que { $changed } de { $total } cenários fazem
}
compare-save-body = Estes cenários terminariam de outro jeito do que com o arquivo salvo agora; na Mosia, os atendimentos em andamento seguem a nova versão na hora:
compare-save-more = { $count ->
    [one] … e mais 1
   *[other] … e mais { $count }
}
compare-save-compare-first = Comparar antes
compare-save-anyway = Salvar mesmo assim
