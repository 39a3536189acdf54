# fluxo — textos de cli, português do Brasil.
# O português conta 0 e 1 no singular (CLDR): escreva [0] à parte quando o zero pede outra frase.
# Os ids das mensagens são únicos em todos os arquivos de um idioma; argumentos em snake_case.

cli-language-unknown = idioma desconhecido `{ $tag }`: use `en` ou `pt-BR`
cli-count-errors = { $count ->
    [0] nenhum erro
    [one] { $count } erro
   *[other] { $count } erros
}
