# fluxo — live texts, English (United States).
# Message ids are unique across all files of a language; arguments are snake_case (`{ $node_id }`).
