//! The designer's library of flows: the `*.flow.ron` and `*.flow.json` files of the folder of the
//! file being run, where its SubFlow nodes find the flows they call (SPEC.md section 2). The core
//! reads no files; this is the [`FlowSource`] that `fluxo run`, `fluxo test` and the window hand
//! it, through [`library_for`].
//!
//! A SubFlow's `flow` ending in `.ron` or `.json` is a path relative to the calling file;
//! anything else is a flow's `name`, looked up among the flow files of the calling file's folder
//! (in file-name order; two files of one name are ambiguous). Files are read lazily, when a call
//! needs them, and bounded: only regular files of at most [`MAX_FILE_BYTES`], at most
//! [`MAX_FOLDER_FILES`] files of a folder, and a file is parsed for its name only when its text
//! holds that name at all. A flow read once is kept for the next calls of the same run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use fluxo_core::file::{self, Format};
use fluxo_core::flow::Flow;
use fluxo_core::sim::{Called, FlowSource, Library, LibraryError};

/// Larger files are not read as flows (SPEC.md section 8).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// At most this many flow files of a folder are looked at for a name.
pub const MAX_FOLDER_FILES: usize = 1000;

/// The library of the folder of `path` (the flow being run): its key is `path`, made absolute.
pub fn library_for(path: &Path) -> Library {
    Library::new(key_of(path), Arc::new(FolderSource::default()))
}

/// A file's key: its canonical path, or the path as given when it cannot be resolved (a file
/// not saved yet).
fn key_of(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_owned())
        .display()
        .to_string()
}

/// Flow files read from folders, as SubFlow nodes ask for them.
#[derive(Default)]
pub struct FolderSource {
    /// Flows read, by key.
    read: Mutex<HashMap<String, Arc<Flow>>>,
}

/// Whether a reference is a path (it names a file) rather than a flow's name.
fn is_path(reference: &str) -> bool {
    Path::new(reference).extension().is_some_and(|extension| {
        extension.eq_ignore_ascii_case("ron") || extension.eq_ignore_ascii_case("json")
    })
}

/// Whether `name` is a flow file: `*.flow.ron` or `*.flow.json`.
fn is_flow_file(name: &str) -> bool {
    let stem = Path::new(name);
    is_path(name)
        && stem
            .file_stem()
            .and_then(|stem| Path::new(stem).extension())
            .is_some_and(|inner| inner.eq_ignore_ascii_case("flow"))
}

impl FolderSource {
    /// The text of a flow file, refusing what is not a regular file of bounded size.
    fn text(path: &Path) -> Result<String, String> {
        let meta = std::fs::metadata(path).map_err(|err| err.to_string())?;
        if !meta.is_file() {
            return Err("not a regular file".to_owned());
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(format!(
                "{} bytes, more than a flow file may hold ({MAX_FILE_BYTES})",
                meta.len()
            ));
        }
        let bytes = std::fs::read(path).map_err(|err| err.to_string())?;
        String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_owned())
    }

    /// The flow of `path` (kept once read).
    fn flow(&self, path: &Path, text: Option<String>) -> Result<(String, Arc<Flow>), String> {
        let key = key_of(path);
        let mut read = self.read.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(flow) = read.get(&key) {
            return Ok((key, Arc::clone(flow)));
        }
        let format = Format::from_path(path).ok_or("not a .ron or .json file")?;
        let text = match text {
            Some(text) => text,
            None => Self::text(path)?,
        };
        let loaded = file::parse(&text, format).map_err(|err| err.to_string())?;
        let flow = Arc::new(loaded.flow);
        read.insert(key.clone(), Arc::clone(&flow));
        Ok((key, flow))
    }

    fn by_path(&self, folder: &Path, reference: &str) -> Result<Called, LibraryError> {
        let path = folder.join(reference);
        self.flow(&path, None)
            .map(|(key, flow)| Called { key, flow })
            .map_err(|problem| {
                if path.exists() {
                    LibraryError::Unreadable {
                        reference: reference.to_owned(),
                        file: path.display().to_string(),
                        problem,
                    }
                } else {
                    LibraryError::NotFound {
                        reference: reference.to_owned(),
                        folder: folder.display().to_string(),
                    }
                }
            })
    }

    fn by_name(&self, folder: &Path, name: &str) -> Result<Called, LibraryError> {
        let not_found = || LibraryError::NotFound {
            reference: name.to_owned(),
            folder: folder.display().to_string(),
        };
        let Ok(entries) = std::fs::read_dir(folder) else {
            return Err(not_found());
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                path.file_name()
                    .and_then(|name| name.to_str())
                    .is_some_and(is_flow_file)
            })
            .collect();
        files.sort();
        files.truncate(MAX_FOLDER_FILES);
        // A name with characters a file escapes cannot be found in the text as written.
        let plain = !name.contains(['"', '\\']) && !name.chars().any(char::is_control);
        let mut found: Vec<(String, Arc<Flow>, PathBuf)> = Vec::new();
        for path in files {
            let Ok(text) = Self::text(&path) else {
                continue;
            };
            if plain && !text.contains(name) {
                continue;
            }
            // A file that does not parse is not a flow of the library; it names no flow.
            if let Ok((key, flow)) = self.flow(&path, Some(text))
                && flow.name.trim() == name
            {
                found.push((key, flow, path));
            }
        }
        match found.len() {
            0 => Err(not_found()),
            1 => {
                let (key, flow, _) = found.remove(0);
                Ok(Called { key, flow })
            }
            _ => Err(LibraryError::Ambiguous {
                reference: name.to_owned(),
                files: found
                    .iter()
                    .map(|(_, _, path)| {
                        path.file_name()
                            .map(|name| name.to_string_lossy().into_owned())
                            .unwrap_or_default()
                    })
                    .collect(),
            }),
        }
    }
}

impl FlowSource for FolderSource {
    fn resolve(&self, from: &str, reference: &str) -> Result<Called, LibraryError> {
        let reference = reference.trim();
        let folder = Path::new(from)
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_owned);
        let folder = if folder.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            folder
        };
        if is_path(reference) {
            self.by_path(&folder, reference)
        } else {
            self.by_name(&folder, reference)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow_text(name: &str, extra_nodes: &str) -> String {
        format!(
            "(format: 1, name: {name:?}, nodes: [(id: \"inicio\", kind: Entry()), (id: \"fim\", kind: End()){extra_nodes}], \
             edges: [(from: \"inicio\", port: \"next\", to: \"fim\")])"
        )
    }

    #[test]
    fn a_folder_resolves_names_and_paths() {
        let dir = std::env::temp_dir().join(format!("fluxo-library-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        let write = |name: &str, text: String| std::fs::write(dir.join(name), text).unwrap();
        write("main.flow.ron", flow_text("Principal", ""));
        write("cpf.flow.ron", flow_text("Coleta de CPF", ""));
        write(
            "twin_a.flow.json",
            "{\"format\": 1, \"name\": \"Gêmeo\"}".into(),
        );
        write("twin_b.flow.ron", flow_text("Gêmeo", ""));
        write(
            "broken.flow.ron",
            "(format: 1, name: \"Coleta de CPF\", nodes: [".into(),
        );
        write("notes.txt", "Coleta de CPF".into());
        write("sub/deep.flow.ron", flow_text("Fundo", ""));
        let library = library_for(&dir.join("main.flow.ron"));
        let root = library.root().to_owned();
        assert!(Path::new(&root).is_absolute(), "{root}");

        let found = library.resolve(&root, "Coleta de CPF").unwrap();
        assert_eq!(
            found.flow.name, "Coleta de CPF",
            "a file that does not parse is skipped"
        );
        assert!(found.key.ends_with("cpf.flow.ron"), "{}", found.key);
        let by_path = library.resolve(&root, "sub/deep.flow.ron").unwrap();
        assert_eq!(by_path.flow.name, "Fundo");
        assert!(
            matches!(
                library.resolve(&root, "Fundo"),
                Err(LibraryError::NotFound { .. })
            ),
            "only the calling file's folder is searched by name"
        );
        assert!(matches!(
            library.resolve(&root, "Gêmeo"),
            Err(LibraryError::Ambiguous { files, .. }) if files == ["twin_a.flow.json", "twin_b.flow.ron"]
        ));
        assert!(matches!(
            library.resolve(&root, "broken.flow.ron"),
            Err(LibraryError::Unreadable { .. })
        ));
        assert!(matches!(
            library.resolve(&root, "sumiu.flow.ron"),
            Err(LibraryError::NotFound { .. })
        ));
        // The file being run, by its own name, has the root's key: a call to it is a cycle.
        assert_eq!(library.resolve(&root, "Principal").unwrap().key, root);
        // A called file's own calls resolve from its folder.
        let deep_key = by_path.key;
        assert!(matches!(
            library.resolve(&deep_key, "Coleta de CPF"),
            Err(LibraryError::NotFound { .. })
        ));
        assert_eq!(
            library
                .resolve(&deep_key, "../cpf.flow.ron")
                .unwrap()
                .flow
                .name,
            "Coleta de CPF"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
