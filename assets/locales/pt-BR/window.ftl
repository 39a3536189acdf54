# fluxo — textos de window, português do Brasil.
# Os ids das mensagens são únicos em todos os arquivos de um idioma; argumentos em snake_case.
window-file = Arquivo
window-edit = Editar
window-view = Exibir
window-simulator = Simulador
window-help = Ajuda
window-could-not-open-path = Não foi possível abrir { $path }: { $error }
window-unknown-fields-ignored = Campos desconhecidos foram ignorados e serão descartados no próximo salvamento: { $list }
window-dismiss = Fechar
window-nodes-count = { $n ->
    [0] 0 nós
    [one] 1 nó
   *[other] { $n } nós
}
window-selected-count = { $n ->
    [0] 0 selecionados
    [one] 1 selecionado
   *[other] { $n } selecionados
}
window-zoom-percent = { $percent } %
window-unsaved-changes = alterações não salvas
window-mocked-team = Equipe simulada
window-nothing-to-undo = Nada para desfazer
window-nothing-to-redo = Nada para refazer
window-refused-no-such-node = Não existe o nó `{ $id }`
window-refused-id-taken = O id `{ $id }` já é usado por outro nó
window-refused-invalid-id = `{ $id }` não é um id válido: use letras, números, `_` e `-`, sem espaços
window-refused-last-entry = O nó de entrada é onde todo atendimento começa: um fluxo mantém um
window-refused-second-entry = Um fluxo tem exatamente um nó de entrada: ele não pode ser adicionado nem duplicado
window-refused-no-such-port = O nó `{ $node }` não tem a saída `{ $port }`
window-refused-into-entry = Nada entra no nó de entrada: ligue-o ao primeiro passo
window-refused-not-connected = A saída `{ $port }` de `{ $node }` não está conectada
window-refused-bad-index = Um índice está fora do intervalo: o fluxo mudou durante este comando

## Files.
window-new-flow = Novo fluxo
window-opened-name = { $name } aberto
window-saved-name = { $name } salvo
window-saving = Salvando…
window-could-not-open-file = Não foi possível abrir o arquivo
window-detail = { $detail }
window-could-not-save-flow = Não foi possível salvar o fluxo
window-could-not-save-because = Não foi possível salvar o fluxo: { $detail }
window-save-stopped = o salvamento parou de forma inesperada
window-autosave-could-not-write = O salvamento automático não conseguiu gravar o arquivo de recuperação: { $error }
window-one-flow-at-a-time = Um fluxo por vez: abrindo { $name }
window-drop-flow-file-open = Solte um arquivo de fluxo para abri-lo
window-not-saved-yet = ainda não salvo
window-open-recent = Abrir recente
window-no-recent-files = Nenhum arquivo recente

## Prompts.
window-this-flow = este fluxo
window-save-changes-before-new = Salvar as alterações em { $name } antes de começar um fluxo novo?
window-save-changes-before-opening = Salvar as alterações em { $name } antes de abrir outro fluxo?
window-save-changes-before-recovering = Salvar as alterações em { $name } antes de recuperar as não salvas?
window-save-changes-before-start-page = Salvar as alterações em { $name } antes de voltar para a página inicial?
window-save-changes-before-closing = Salvar as alterações em { $name } antes de fechar?
window-if-you-do-not-save = Se você não salvar, suas alterações serão perdidas.
window-discard = Descartar
window-ok = OK
window-go-back-without-saving = Voltar sem salvar?
window-changes-since-saved-lost = As alterações em { $name } desde o último salvamento serão perdidas.
window-discard-and-go-back = Descartar e voltar
window-recover-unsaved-changes = Recuperar alterações não salvas?
window-closed-without-saving-file = O fluxo (o programa) fechou sem salvar as alterações em { $file }.
window-closed-without-saving-new-flow = O fluxo (o programa) fechou sem salvar um fluxo novo, "{ $name }".
window-they-were-kept = Elas foram guardadas em { $when } ({ $ago }).
window-minutes-ago = { $n ->
    [0] há menos de um minuto
    [one] há 1 minuto
   *[other] há { $n } minutos
}
window-recover = Recuperar

## Start page.
window-design-check-simulate-customer-service = Desenhe, verifique e simule fluxos de atendimento
window-open-the-sample-flow = Abrir o fluxo de exemplo
window-recent-files = Arquivos recentes
window-no-recent-files-yet-files = Nenhum arquivo recente ainda: os arquivos que você abrir ou salvar aparecem aqui.

## Clipboard.
window-select-nodes-copy-first = Selecione antes os nós a copiar
window-entry-not-copied = O nó de entrada não é copiado: um fluxo tem exatamente um
window-entry-not-pasted = O nó de entrada não é colado: um fluxo tem exatamente um
window-nothing-to-paste = Nada para colar: a área de transferência não tem nós de fluxo (copie os nós no fluxo antes)
window-copied-by-newer-fluxo = Estes nós foram copiados por uma versão mais nova do fluxo: atualize o programa para colá-los
window-copied-nodes-unreadable = Os nós copiados não podem ser lidos: { $error }
window-copied-nodes = { $n ->
    [one] 1 nó copiado
   *[other] { $n } nós copiados
}
window-pasted-nodes = { $n ->
    [one] 1 nó colado
   *[other] { $n } nós colados
}

## Find.
window-find-node = Buscar nó
window-find-node-id-text = Busque um nó pelo id ou pelo texto
window-id-or-text = id ou texto
window-no-node-matches = Nenhum nó corresponde

## Shortcuts sheet.
window-canvas = Palco
window-gesture-move = Arrastar um nó
window-gesture-move-does = Move o nó, com o resto da seleção
window-gesture-connect = Arrastar de uma saída até um nó
window-gesture-connect-does = Conecta os dois (uma saída ocupada é religada)
window-gesture-disconnect = Arrastar a ponta de uma conexão para fora do nó
window-gesture-disconnect-does = Desconecta
window-gesture-pan = Arrastar o fundo, arrastar com o botão do meio ou rolar
window-gesture-pan-does = Move a vista
window-gesture-zoom = Ctrl+rolar ou pinçar
window-gesture-zoom-does = Zoom em torno do ponteiro
window-gesture-band = Shift+arrastar
window-gesture-band-does = Seleciona com um retângulo (substitui a seleção)
window-gesture-band-add = Ctrl+arrastar
window-gesture-band-add-does = Retângulo que soma à seleção
window-gesture-toggle = Shift+clique ou Ctrl+clique
window-gesture-toggle-does = Acrescenta ou tira um nó
window-gesture-menu = Clique direito
window-gesture-menu-does = Menu de contexto: adicionar um nó aqui, duplicar, excluir, desconectar
window-gesture-escape = Esc
window-gesture-escape-does = Cancela um gesto, ou limpa a seleção
window-gesture-drop = Soltar um arquivo de fluxo na janela
window-gesture-drop-does = Abre o arquivo
window-open-a-flow-file = Abrir um arquivo de fluxo
window-save-the-flow-as = Salvar o fluxo como
window-no-file-dialog-could-open = Nenhuma janela de arquivos pôde abrir aqui: digite o caminho do arquivo.
window-path = Caminho
window-open = Abrir
window-cancel = Cancelar
window-type-a-path = Digite um caminho
window-no-file-at = Não há arquivo em { $path }
window-path-is-a-folder = { $path } é uma pasta: digite o caminho de um arquivo dentro dela
window-not-a-flow-file = Não é um arquivo de fluxo: o nome deve terminar em .ron ou .json
window-no-such-folder = A pasta { $path } não existe
window-path-exists-save-again = { $path } já existe: clique em Salvar de novo para substituí-lo
window-ron-saves-ron-default-json = .ron salva em RON (o padrão), .json em JSON; um nome sem nenhum dos dois recebe .flow.ron
window-problems = Problemas
window-no-problems-found = Nenhum problema encontrado
window-errors-count = { $n ->
    [0] 0 erros
    [one] 1 erro
   *[other] { $n } erros
}
window-warnings-count = { $n ->
    [0] 0 avisos
    [one] 1 aviso
   *[other] { $n } avisos
}
window-errors = Erros
window-warnings = Avisos
window-flow-place = fluxo
window-click-show-node = Clique para mostrar o nó

## Ações: o rótulo de cada uma no menu, e o que ela faz (dicas, a folha de atalhos)
action-file-new = Novo
action-file-open = Abrir…
action-file-save = Salvar
action-file-save-as = Salvar como…
action-file-save-and-close = Salvar e sair
action-file-back-without-saving = Voltar sem salvar
action-file-quit = Sair
action-file-new-tooltip = Começa um fluxo novo só com o nó de entrada
action-file-open-tooltip = Abre um arquivo de fluxo (.flow.ron ou .flow.json)
action-file-save-tooltip = Salva o fluxo sem sair do editor
action-file-save-as-tooltip = Salva o fluxo em outro arquivo; a extensão escolhe RON ou JSON
action-file-save-and-close-tooltip = Salva o fluxo e volta para a página inicial
action-file-back-without-saving-tooltip = Sai do editor sem salvar nenhuma alteração (pergunta antes)
action-file-quit-tooltip = Fecha a janela (pergunta sobre alterações não salvas)
action-edit-undo = Desfazer
action-edit-redo = Refazer
action-edit-cut = Recortar
action-edit-copy = Copiar
action-edit-paste = Colar
action-edit-find = Buscar nó…
action-edit-delete = Excluir
action-edit-duplicate = Duplicar
action-edit-select-all = Selecionar tudo
action-edit-undo-tooltip = Desfaz a última alteração
action-edit-redo-tooltip = Refaz a alteração desfeita
action-edit-cut-tooltip = Copia os nós selecionados para a área de transferência e os apaga
action-edit-copy-tooltip = Copia os nós selecionados, com as conexões entre eles, para a área de transferência
action-edit-paste-tooltip = Cola os nós copiados no ponteiro, com ids novos
action-edit-find-tooltip = Busca um nó pelo id ou texto, seleciona e mostra
action-edit-delete-tooltip = Exclui os nós selecionados e suas conexões, ou a conexão escolhida
action-edit-duplicate-tooltip = Copia os nós selecionados, com as conexões entre eles, ao lado
action-edit-select-all-tooltip = Seleciona todos os nós
action-view-toggle-palette = Paleta
action-view-toggle-inspector = Inspetor
action-view-toggle-findings = Problemas
action-view-toggle-team = Equipe
action-view-toggle-minimap = Minimapa
action-view-fit = Ajustar à tela
action-view-zoom-in = Aproximar
action-view-zoom-out = Afastar
action-view-zoom-reset = Tamanho real
action-view-toggle-fullscreen = Tela cheia
action-view-theme-system = Tema do sistema
action-view-theme-dark = Tema escuro
action-view-theme-light = Tema claro
action-view-lang-english = English
action-view-lang-portuguese = Português (Brasil)
action-view-toggle-palette-tooltip = Mostra ou esconde a paleta de nós
action-view-toggle-inspector-tooltip = Mostra ou esconde o inspetor do nó selecionado
action-view-toggle-findings-tooltip = Mostra ou esconde a lista de problemas encontrados
action-view-toggle-team-tooltip = Edite e simule a equipe deste fluxo
action-view-toggle-minimap-tooltip = Mostra ou esconde o minimapa
action-view-fit-tooltip = Mostra o fluxo inteiro
action-view-zoom-in-tooltip = Aproxima em torno do centro
action-view-zoom-out-tooltip = Afasta em torno do centro
action-view-zoom-reset-tooltip = Zoom em 100 %
action-view-toggle-fullscreen-tooltip = Usa a tela inteira
action-view-theme-system-tooltip = Segue o tema claro ou escuro do sistema
action-view-theme-dark-tooltip = Confortável à noite
action-view-theme-light-tooltip = Texto escuro em fundo claro
action-view-lang-english-tooltip = Mostra a janela em inglês
action-view-lang-portuguese-tooltip = Mostra a janela em português do Brasil
action-sim-toggle-panel = Simulador
action-sim-step = Avançar
action-sim-back = Voltar
action-sim-run = Executar
action-sim-play-pause = Reproduzir / Pausar
action-sim-reset = Reiniciar
action-sim-toggle-breakpoint = Alternar ponto de parada
action-sim-clear-breakpoints = Remover pontos de parada
action-sim-run-all = Executar todos
action-sim-save-run-as-scenario = Salvar execução como cenário
action-sim-toggle-panel-tooltip = Mostra ou esconde o simulador: cenários, a execução passo a passo, executar todos
action-sim-step-tooltip = Executa o nó atual e segue por uma conexão
action-sim-back-tooltip = Desfaz o último passo: o nó, as variáveis e a equipe de antes
action-sim-run-tooltip = Executa até o fim, um ponto de parada ou uma pergunta sem resposta
action-sim-play-pause-tooltip = Avança sozinho, um passo de cada vez, para uma turma acompanhar
action-sim-reset-tooltip = Recomeça a execução a partir do cenário (pontos de parada, status trocados e o rodízio continuam)
action-sim-toggle-breakpoint-tooltip = Para a execução antes do nó selecionado
action-sim-clear-breakpoints-tooltip = Remove todos os pontos de parada
action-sim-run-all-tooltip = Executa todos os cenários, confere as expectativas e mostra a cobertura no palco
action-sim-save-run-as-scenario-tooltip = Guarda esta execução como um novo cenário: as respostas e as expectativas de como terminou
action-help-shortcuts = Atalhos de teclado
action-help-shortcuts-tooltip = Todas as ações com suas teclas, e os gestos do palco

## Teclas cujo nome é uma palavra (letras, números e teclas F são iguais em todo lugar)
key-plus = Mais
key-equals = Igual
key-minus = Menos
key-delete = Delete
key-backspace = Backspace
key-escape = Esc
key-enter = Enter
key-space = Espaço
key-tab = Tab
