//! Portuguese for the window's files, prompts, start page, clipboard, find and shortcuts sheet.

pub(crate) const PT_BR: &[(&str, &str)] = &[
    ("1 selected", "1 selecionado"),
    // Files.
    ("New flow", "Novo fluxo"),
    ("Opened {name}", "{name} aberto"),
    ("Saved {name}", "{name} salvo"),
    ("Saving…", "Salvando…"),
    (
        "Could not open the file",
        "Não foi possível abrir o arquivo",
    ),
    ("Could not save the flow", "Não foi possível salvar o fluxo"),
    (
        "Autosave could not write the recovery file: {error}",
        "O salvamento automático não conseguiu gravar o arquivo de recuperação: {error}",
    ),
    (
        "One flow opens at a time: opening {name}",
        "Um fluxo abre por vez: abrindo {name}",
    ),
    (
        "Drop a flow file to open it",
        "Solte um arquivo de fluxo para abri-lo",
    ),
    ("not saved yet", "ainda não salvo"),
    ("Open recent", "Abrir recente"),
    ("No recent files", "Nenhum arquivo recente"),
    // Prompts.
    ("this flow", "este fluxo"),
    (
        "Save the changes to {name} before starting a new flow?",
        "Salvar as alterações em {name} antes de começar um fluxo novo?",
    ),
    (
        "Save the changes to {name} before opening another flow?",
        "Salvar as alterações em {name} antes de abrir outro fluxo?",
    ),
    (
        "Save the changes to {name} before recovering the unsaved ones?",
        "Salvar as alterações em {name} antes de recuperar as não salvas?",
    ),
    (
        "Save the changes to {name} before going back to the start page?",
        "Salvar as alterações em {name} antes de voltar para a página inicial?",
    ),
    (
        "Save the changes to {name} before closing?",
        "Salvar as alterações em {name} antes de fechar?",
    ),
    (
        "If you do not save them, your changes are lost.",
        "Se você não salvar, suas alterações serão perdidas.",
    ),
    ("Discard", "Descartar"),
    ("Go back without saving?", "Voltar sem salvar?"),
    (
        "The changes to {name} since it was last saved will be lost.",
        "As alterações em {name} desde o último salvamento serão perdidas.",
    ),
    ("Discard and go back", "Descartar e voltar"),
    (
        "Recover unsaved changes?",
        "Recuperar alterações não salvas?",
    ),
    (
        "fluxo closed without saving the changes to {file}.",
        "O fluxo fechou sem salvar as alterações em {file}.",
    ),
    (
        "fluxo closed without saving a new flow, \"{name}\".",
        "O fluxo fechou sem salvar um fluxo novo, \"{name}\".",
    ),
    (
        "They were kept on {when} ({ago}).",
        "Elas foram guardadas em {when} ({ago}).",
    ),
    ("less than a minute ago", "há menos de um minuto"),
    ("1 minute ago", "há 1 minuto"),
    ("{n} minutes ago", "há {n} minutos"),
    ("Recover", "Recuperar"),
    // Start page.
    (
        "Design, check and simulate customer-service bot flows",
        "Desenhe, verifique e simule fluxos de atendimento",
    ),
    ("Open the sample flow", "Abrir o fluxo de exemplo"),
    ("Recent files", "Arquivos recentes"),
    (
        "No recent files yet: files you open or save are listed here.",
        "Nenhum arquivo recente ainda: os arquivos que você abrir ou salvar aparecem aqui.",
    ),
    // Clipboard.
    (
        "Select the nodes to copy first",
        "Selecione antes os nós a copiar",
    ),
    (
        "The Entry node is not copied: a flow has exactly one",
        "O nó de entrada não é copiado: um fluxo tem exatamente um",
    ),
    (
        "The Entry node is not pasted: a flow has exactly one",
        "O nó de entrada não é colado: um fluxo tem exatamente um",
    ),
    (
        "Nothing to paste: the clipboard holds no fluxo nodes (copy nodes in fluxo first)",
        "Nada para colar: a área de transferência não tem nós do fluxo (copie nós no fluxo antes)",
    ),
    (
        "These nodes were copied by a newer fluxo: update fluxo to paste them",
        "Estes nós foram copiados por um fluxo mais novo: atualize o fluxo para colá-los",
    ),
    (
        "The copied nodes cannot be read: {error}",
        "Os nós copiados não podem ser lidos: {error}",
    ),
    ("Copied 1 node", "1 nó copiado"),
    ("Copied {n} nodes", "{n} nós copiados"),
    ("Pasted 1 node", "1 nó colado"),
    ("Pasted {n} nodes", "{n} nós colados"),
    // Find.
    ("Find node", "Buscar nó"),
    (
        "Find a node by id or text",
        "Busque um nó pelo id ou pelo texto",
    ),
    ("id or text", "id ou texto"),
    ("No node matches", "Nenhum nó corresponde"),
    // Shortcuts sheet.
    ("Canvas", "Palco"),
    ("Drag a node", "Arrastar um nó"),
    (
        "Move it, with the rest of the selection",
        "Move o nó, com o resto da seleção",
    ),
    (
        "Drag from an output port to a node",
        "Arrastar de uma saída até um nó",
    ),
    (
        "Connect them (an occupied port is rewired)",
        "Conecta os dois (uma saída ocupada é religada)",
    ),
    (
        "Drag a wire's end off its node",
        "Arrastar a ponta de uma conexão para fora do nó",
    ),
    ("Disconnect it", "Desconecta"),
    (
        "Drag the background, middle-drag or scroll",
        "Arrastar o fundo, arrastar com o botão do meio ou rolar",
    ),
    ("Pan the view", "Move a vista"),
    ("Ctrl+scroll or pinch", "Ctrl+rolar ou pinçar"),
    ("Zoom around the pointer", "Zoom em torno do ponteiro"),
    ("Shift+drag", "Shift+arrastar"),
    (
        "Select with a rubber band (replaces the selection)",
        "Seleciona com um retângulo (substitui a seleção)",
    ),
    ("Ctrl+drag", "Ctrl+arrastar"),
    (
        "Rubber band that adds to the selection",
        "Retângulo que soma à seleção",
    ),
    ("Shift+click or Ctrl+click", "Shift+clique ou Ctrl+clique"),
    ("Add or remove one node", "Acrescenta ou tira um nó"),
    ("Right-click", "Clique direito"),
    (
        "Context menu: add a node here, duplicate, delete, disconnect",
        "Menu de contexto: adicionar um nó aqui, duplicar, excluir, desconectar",
    ),
    ("Escape", "Esc"),
    (
        "Cancel a gesture, or clear the selection",
        "Cancela um gesto, ou limpa a seleção",
    ),
    (
        "Drop a flow file on the window",
        "Soltar um arquivo de fluxo na janela",
    ),
    ("Open it", "Abre o arquivo"),
];

#[cfg(test)]
mod tests {
    use crate::ui::actions::Action;
    use crate::ui::app::shortcuts::GESTURES;
    use crate::ui::i18n::{Lang, translate};

    /// Strings shown through a variable (not a `tr("...")` literal the i18n test can see).
    #[test]
    fn strings_built_without_a_literal_have_portuguese() {
        let mut english: Vec<&'static str> = vec![
            "Could not open the file",
            "Could not save the flow",
            "Copied 1 node",
            "Copied {n} nodes",
            "Pasted 1 node",
            "Pasted {n} nodes",
            "fluxo closed without saving a new flow, \"{name}\".",
        ];
        for (gesture, does) in GESTURES {
            english.push(gesture);
            english.push(does);
        }
        for action in Action::all() {
            english.extend([action.label(), action.tooltip(), action.group()]);
        }
        // Names that are the same in both languages.
        let same = ["English", "Português (Brasil)"];
        let missing: Vec<&str> = english
            .into_iter()
            .filter(|text| !same.contains(text) && translate(Lang::PtBr, text) == *text)
            .collect();
        assert!(missing.is_empty(), "no pt-BR for: {missing:?}");
    }
}
