# fluxo — cli texts, English (United States).
# Message ids are unique across all files of a language; arguments are snake_case (`{ $node_id }`).

cli-language-unknown = unknown language `{ $tag }`: use `en` or `pt-BR`
cli-count-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
