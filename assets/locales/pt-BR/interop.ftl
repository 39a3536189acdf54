# fluxo — textos de interop, português do Brasil.
# Os ids das mensagens são únicos em todos os arquivos de um idioma; argumentos em snake_case.
