//! The recent files list: newest first, no duplicates, at most [`RecentFiles::MAX`]; files that
//! are gone are pruned when the list is shown.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RecentFiles {
    paths: Vec<PathBuf>,
}

impl RecentFiles {
    pub const MAX: usize = 10;

    /// Puts `path` first (as an absolute path, so the same file is never listed twice).
    pub fn add(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        self.paths.retain(|known| known != &path);
        self.paths.insert(0, path);
        self.paths.truncate(Self::MAX);
    }

    /// The files that still exist, newest first; the others are forgotten.
    pub fn existing(&mut self) -> &[PathBuf] {
        self.paths.retain(|path| path.is_file());
        &self.paths
    }

    /// Every remembered path, without looking at the disk.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_duplicates_and_gone_files_pruned() {
        let dir = std::env::temp_dir().join(format!("fluxo-recent-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let a = dir.join("a.flow.ron");
        let b = dir.join("b.flow.ron");
        std::fs::write(&a, "x").unwrap();
        std::fs::write(&b, "x").unwrap();
        let mut recent = RecentFiles::default();
        recent.add(&a);
        recent.add(&b);
        recent.add(&a);
        assert_eq!(recent.paths(), [a.clone(), b.clone()]);
        std::fs::remove_file(&b).unwrap();
        assert_eq!(recent.existing(), std::slice::from_ref(&a));
        for n in 0..20 {
            recent.add(&dir.join(format!("{n}.flow.ron")));
        }
        assert_eq!(recent.paths().len(), RecentFiles::MAX);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
