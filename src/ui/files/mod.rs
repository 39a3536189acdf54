//! Files around the document: the file dialogs (behind a trait, so that tests never open one, with
//! our own path field when no native dialog can open), saves off the UI thread, the recovery files
//! that autosave writes, and the recent files list.

pub mod dialogs;
pub mod jobs;
pub mod path_prompt;
pub mod recent;
pub mod recovery;

pub use dialogs::{DialogOutcome, FileDialogs, NativeDialogs, NoDialogs};
pub use jobs::Job;
pub use path_prompt::{PathPrompt, PathPurpose};
pub use recent::RecentFiles;
pub use recovery::{RecoveryFile, RecoveryStore};

/// Portuguese for this module's strings.
pub(crate) const PT_BR: &[(&str, &str)] = &[
    ("Open a flow file", "Abrir um arquivo de fluxo"),
    ("Save the flow as", "Salvar o fluxo como"),
    (
        "No file dialog could open here: type the file's path.",
        "Nenhuma janela de arquivos pôde abrir aqui: digite o caminho do arquivo.",
    ),
    ("Path", "Caminho"),
    ("Open", "Abrir"),
    ("Cancel", "Cancelar"),
    ("Type a path", "Digite um caminho"),
    ("There is no file at {path}", "Não há arquivo em {path}"),
    (
        "{path} is a folder: type the path of a file in it",
        "{path} é uma pasta: digite o caminho de um arquivo dentro dela",
    ),
    (
        "Not a flow file: the name must end in .ron or .json",
        "Não é um arquivo de fluxo: o nome deve terminar em .ron ou .json",
    ),
    (
        "The folder {path} does not exist",
        "A pasta {path} não existe",
    ),
    (
        "{path} already exists: press Save again to replace it",
        "{path} já existe: clique em Salvar de novo para substituí-lo",
    ),
    (
        ".ron saves RON (the default), .json saves JSON; a name without either gets .flow.ron",
        ".ron salva em RON (o padrão), .json em JSON; um nome sem nenhum dos dois recebe .flow.ron",
    ),
];
