# fluxo — textos de cli, português do Brasil.
# O português conta 0 e 1 no singular (CLDR): escreva [0] à parte quando o zero pede outra frase.
# Os ids das mensagens são únicos em todos os arquivos de um idioma; argumentos em snake_case.

cli-language-unknown = idioma desconhecido `{ $tag }`: use `en` ou `pt-BR`
cli-count-errors = { $count ->
    [0] nenhum erro
    [one] { $count } erro
   *[other] { $count } erros
}

## Leitura de um arquivo de fluxo: `CAMINHO:LINHA:COLUNA: o que está errado`.
cli-load-at = { $place }: { $problem }
cli-load-in-field = { $problem } (em { $field })
cli-load-unknown-extension = não é um arquivo de fluxo: o nome precisa terminar em .ron ou .json
cli-load-missing = não foi possível ler o arquivo: ele não existe
cli-load-denied = não foi possível ler o arquivo: permissão negada
cli-load-unreadable = não foi possível ler o arquivo: { $reason }
cli-load-not-regular = { $kind ->
    [folder] isto é uma pasta, não um arquivo de fluxo
    [fifo] isto é um pipe nomeado (FIFO), não um arquivo comum
    [device] isto é um dispositivo, não um arquivo comum
    [socket] isto é um socket, não um arquivo comum
   *[other] isto não é um arquivo comum
}; só arquivos comuns são lidos como fluxos
cli-load-too-big = o arquivo passa de { $limit_mib } MiB, o máximo para um arquivo de fluxo
cli-load-too-new = este arquivo está no formato { $found }, mais novo do que esta versão do programa entende (formato { $supported }); atualize o fluxo (o programa) para abri-lo

## O que está errado numa linha e coluna.
cli-problem-not-utf8 = o arquivo não é texto UTF-8 (salve-o como UTF-8)
cli-problem-too-deep = há mais de { $limit } níveis de colchetes e parênteses aninhados aqui; nenhum fluxo precisa de tantos: o arquivo está corrompido?
cli-problem-unexpected-end = o arquivo termina antes da hora: falta fechar um colchete, parêntese ou aspas
cli-problem-expected = era esperado { $expected } aqui
cli-problem-trailing = há mais texto depois do fim do fluxo
cli-problem-unexpected-char = caractere inesperado `{ $char }`
cli-problem-unknown-variant = { $count ->
    [0] `{ $found }` não é reconhecido aqui
   *[other] `{ $found }` não é reconhecido aqui: use um destes: { $expected }
}
cli-problem-missing-field = falta o campo `{ $field }`
cli-problem-duplicate-field = o campo `{ $field }` aparece duas vezes
cli-problem-wrong-type = era esperado { $expected }, mas veio { $found }
cli-problem-wrong-length = era esperado { $expected }, mas { $count ->
    [0] não veio nenhum
    [one] veio um valor só
   *[other] vieram { $count } valores
}
cli-problem-number-out-of-range = este número está fora do intervalo aceito pelo campo
cli-problem-invalid-number = isto não é um número válido
cli-problem-invalid-escape = um escape com `\` que não existe num texto (escreva `\\` para uma barra invertida)
cli-problem-control-character = um caractere de controle dentro de um texto (escreva-o como escape, por exemplo `\n`)
cli-problem-unclosed-comment = um comentário `/*` nunca é fechado
cli-problem-format-zero = `format: 0` não é um formato do fluxo: esta versão grava o formato { $supported }

## O que deveria estar no lugar (`era esperado ...`).
cli-expected-comma = uma vírgula `,`
cli-expected-colon = dois-pontos `:`
cli-expected-quote = um texto entre aspas duplas
cli-expected-open-list = `[`
cli-expected-close-list = `]`
cli-expected-open-group = `(`
cli-expected-close-group = `)`
cli-expected-open-map = `{"{"}`
cli-expected-close-map = `{"}"}`
cli-expected-string-end = as aspas `"` que fecham o texto
cli-expected-name = um nome
cli-expected-value = um valor
cli-expected-integer = um número inteiro
cli-expected-integer-range = um número inteiro de { $min } a { $max }
cli-expected-number = um número
cli-expected-text = um texto entre aspas
cli-expected-bool = `true` ou `false`
cli-expected-list = uma lista `[...]`
cli-expected-map = um mapa `{"{"}...{"}"}`
cli-expected-group = um grupo de campos `(...)`
cli-expected-variant = um dos tipos de { $name }
cli-expected-tuple = { $count } valores

## O que estava no lugar (`mas veio ...`).
cli-found-bool = `{ $value }`
cli-found-number = o número { $value }
cli-found-text = o texto "{ $value }"
cli-found-null = nada
cli-found-list = uma lista
cli-found-map = um mapa
cli-found-variant = uma variante

## Campos desconhecidos e comentários, na leitura.
cli-unknown-field = { $path }: campo desconhecido `{ $field }` ignorado
cli-unknown-field-dropped = { $path }: campo desconhecido `{ $field }` ignorado (não vai para a saída)
cli-unknown-fields-more = { $path }: { $count ->
    [one] mais um campo desconhecido ignorado
   *[other] mais { $count } campos desconhecidos ignorados
}
cli-comments-dropped = { $path }: { $count ->
    [one] o comentário do arquivo não vai
   *[other] os { $count } comentários do arquivo não vão
} para { $output }: um fluxo salvo não guarda comentários (anotações e a descrição podem guardar esse texto)

## Gravação.
cli-save-unknown-extension = { $path }: o nome precisa terminar em .ron ou .json
cli-save-write = { $path }: não foi possível gravar o arquivo: { $reason }
cli-save-serialize = não foi possível gravar o fluxo como { $format }: { $reason }
cli-stdout-failed = não foi possível escrever na saída padrão: { $reason }

## fluxo convert e fluxo gen.
cli-convert-same-file = { $output } é o próprio arquivo de entrada (seguindo os links): converter para ele sobrescreveria a entrada; grave em outro arquivo
cli-gen-bad-format = --to precisa ser `ron` ou `json`, não `{ $value }`
cli-gen-too-many = --nodes { $count } é demais: um fluxo gerado tem no máximo { $limit } nós

## Erros de uso (saída 2).
cli-usage-unknown-word = `{ $word }` não é um comando nem um arquivo
cli-usage-did-you-mean = você quis dizer `fluxo { $command }`?
cli-usage-commands = os comandos são: { $commands }
cli-usage-no-such-file = { $path }: o arquivo não existe
cli-usage-hint = `fluxo --help` lista os comandos e suas opções
cli-usage-unknown-argument = argumento inesperado `{ $arg }`
cli-usage-suggest-argument = você quis dizer `{ $arg }`?
cli-usage-invalid-value = `{ $value }` não é um valor válido para `{ $arg }`
cli-usage-possible-values = valores possíveis: { $values }
cli-usage-missing-argument = falta { $args }
cli-usage-missing-value = `{ $arg }` precisa de um valor
cli-usage-too-many = valores demais para `{ $arg }`
cli-usage-repeated = `{ $arg }` aparece mais de uma vez

## A janela.
cli-window-no-display = não foi possível abrir a janela do editor: não há tela (nem DISPLAY nem WAYLAND_DISPLAY estão definidos). Rode o fluxo numa sessão gráfica, ou use um comando como `fluxo check ARQUIVO`
cli-window-failed = não foi possível abrir a janela do editor: { $reason }

## Um pânico: um defeito do programa.
cli-internal-error = erro interno (um defeito do fluxo, por favor relate-o): { $message } em { $place }
