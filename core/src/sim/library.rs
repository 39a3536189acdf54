//! Where a run finds the flows its SubFlow nodes call (SPEC.md section 2, `SubFlow`).
//!
//! The core reads no files: a [`Library`] wraps a [`FlowSource`] that the caller provides. The
//! binary builds one over the folder of the file being run (`fluxo::library::FolderSource`: the
//! `*.flow.ron` and `*.flow.json` files there, read lazily and bounded); tests and a window with
//! flows in memory use a [`FlowShelf`]. A source resolves a SubFlow's `flow` (a flow's `name`, or a
//! path relative to the calling file) as seen from the calling flow, and names what it found by a
//! key (its file) so that a flow calling itself, directly or through others, is seen as a cycle.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::flow::Flow;

/// A flow a SubFlow calls, as the library found it.
#[derive(Clone, Debug)]
pub struct Called {
    /// Who the flow is (its file, as the source knows it): two calls that give one key call one
    /// flow, and a call whose key is already running is a cycle. Nested calls resolve from it.
    pub key: String,
    pub flow: Arc<Flow>,
}

/// Why a SubFlow's flow cannot be had. Data: the binary words it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LibraryError {
    /// No flow of the library has this name, and no file is at this path.
    #[error("no flow named `{reference}` in {folder}")]
    NotFound { reference: String, folder: String },
    /// Several flows of the library have this name: the SubFlow must name one by its path.
    #[error("several flows are named `{reference}` ({}): name one by its path", files.join(", "))]
    Ambiguous {
        reference: String,
        files: Vec<String>,
    },
    /// The file the reference leads to cannot be read as a flow.
    #[error("`{reference}` cannot be read: {problem}")]
    Unreadable {
        reference: String,
        file: String,
        problem: String,
    },
    /// The run has no library: the flow was never saved to a folder, or the caller gave none.
    #[error(
        "`{reference}` cannot be looked up: the flow is not in a folder of flows (save it first)"
    )]
    NoLibrary { reference: String },
}

/// Resolves SubFlow references. Implementations cache what they read and bound it: a run
/// compiles its called flows once, but a folder may hold many files.
pub trait FlowSource: Send + Sync {
    /// The flow that `reference` (a SubFlow's `flow`) names, as seen from the flow whose key is
    /// `from` (the library's root for the flow being run).
    fn resolve(&self, from: &str, reference: &str) -> Result<Called, LibraryError>;
}

/// The flows a run may call, and which of them is the one being run. `Library::default()` has
/// none: every SubFlow then ends its run `Error` at the call.
#[derive(Clone, Default)]
pub struct Library {
    root: String,
    source: Option<Arc<dyn FlowSource>>,
}

impl Library {
    /// A library over `source`; `root` is the key of the flow being run (its file), so that a
    /// call back to it is a cycle and relative paths resolve from it.
    pub fn new(root: impl Into<String>, source: Arc<dyn FlowSource>) -> Library {
        Library {
            root: root.into(),
            source: Some(source),
        }
    }

    /// The key of the flow being run.
    pub fn root(&self) -> &str {
        &self.root
    }

    /// Whether there is a source at all.
    pub fn is_empty(&self) -> bool {
        self.source.is_none()
    }

    /// The flow `reference` names from the flow `from`.
    pub fn resolve(&self, from: &str, reference: &str) -> Result<Called, LibraryError> {
        match &self.source {
            Some(source) => source.resolve(from, reference),
            None => Err(LibraryError::NoLibrary {
                reference: reference.to_owned(),
            }),
        }
    }
}

impl fmt::Debug for Library {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Library")
            .field("root", &self.root)
            .field("source", &self.source.as_ref().map(|_| "FlowSource"))
            .finish()
    }
}

impl PartialEq for Library {
    /// The same root over the same source.
    fn eq(&self, other: &Self) -> bool {
        self.root == other.root
            && match (&self.source, &other.source) {
                (Some(a), Some(b)) => std::ptr::addr_eq(Arc::as_ptr(a), Arc::as_ptr(b)),
                (None, None) => true,
                _ => false,
            }
    }
}

impl Eq for Library {}

/// Flows held in memory, each under a key: a reference names one by its `name` or by its key.
/// What tests use, and what a window can hand over for flows it has open.
#[derive(Clone, Debug, Default)]
pub struct FlowShelf {
    flows: Vec<(String, Arc<Flow>)>,
}

impl FlowShelf {
    pub fn new() -> FlowShelf {
        FlowShelf::default()
    }

    /// Adds `flow` under `key` (replacing a flow of that key).
    #[must_use]
    pub fn with(mut self, key: impl Into<String>, flow: Flow) -> FlowShelf {
        let key = key.into();
        self.flows.retain(|(held, _)| *held != key);
        self.flows.push((key, Arc::new(flow)));
        self
    }

    /// A library over this shelf, running the flow of `root`.
    pub fn library(self, root: impl Into<String>) -> Library {
        Library::new(root, Arc::new(self))
    }
}

impl FlowSource for FlowShelf {
    fn resolve(&self, _from: &str, reference: &str) -> Result<Called, LibraryError> {
        let reference = reference.trim();
        let by_key = self.flows.iter().find(|(key, _)| key == reference);
        let by_name: Vec<&(String, Arc<Flow>)> = self
            .flows
            .iter()
            .filter(|(_, flow)| flow.name.trim() == reference)
            .collect();
        let found = match (by_name.as_slice(), by_key) {
            ([one], _) => *one,
            ([], Some(keyed)) => keyed,
            ([], None) => {
                return Err(LibraryError::NotFound {
                    reference: reference.to_owned(),
                    folder: "the library".to_owned(),
                });
            }
            (many, _) => {
                return Err(LibraryError::Ambiguous {
                    reference: reference.to_owned(),
                    files: many.iter().map(|(key, _)| key.clone()).collect(),
                });
            }
        };
        Ok(Called {
            key: found.0.clone(),
            flow: Arc::clone(&found.1),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shelf_finds_by_name_then_key_and_refuses_twins() {
        let named = |name: &str| Flow {
            name: name.into(),
            ..Flow::default()
        };
        let library = FlowShelf::new()
            .with("a.flow.ron", named("Coleta de CPF"))
            .with("b.flow.ron", named("Outro"))
            .with("c.flow.ron", named("Outro"))
            .library("main.flow.ron");
        assert_eq!(library.root(), "main.flow.ron");
        let found = library.resolve("main.flow.ron", " Coleta de CPF ").unwrap();
        assert_eq!(found.key, "a.flow.ron");
        assert_eq!(
            library.resolve("x", "b.flow.ron").unwrap().key,
            "b.flow.ron",
            "a key names one of two twins"
        );
        assert!(matches!(
            library.resolve("x", "Outro"),
            Err(LibraryError::Ambiguous { files, .. }) if files == ["b.flow.ron", "c.flow.ron"]
        ));
        assert!(matches!(
            library.resolve("x", "Nada"),
            Err(LibraryError::NotFound { .. })
        ));
        assert!(matches!(
            Library::default().resolve("", "Nada"),
            Err(LibraryError::NoLibrary { .. })
        ));
        assert_eq!(library.clone(), library);
        assert_ne!(Library::default(), library);
    }
}
