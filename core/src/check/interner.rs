//! Strings numbered in the order they are first seen, with their bytes copied into one buffer.
//!
//! The checks look up every node id (once per node, about twice per edge) and every variable
//! name read or set. A `HashMap<&str, u32>` would keep pointers into the flow's own strings,
//! scattered over the heap, and each lookup that finds its key would compare against them: on a
//! 10,000-node flow nearly every such compare is a cache miss. Here the compared bytes sit back
//! to back in one buffer (about 160 KiB for 10,000 ids), and each slot of the table keeps 32 bits
//! of the hash, so that a probe compares bytes only when those bits agree. (Keeping short strings
//! in the slots themselves was tried: the bigger table cost what the saved reads gained.)

use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

/// An empty slot of the table.
const EMPTY: u32 = u32::MAX;

/// The strings seen, numbered from 0. See the module documentation.
#[derive(Clone, Debug)]
pub(crate) struct Interner {
    /// Every string, back to back.
    bytes: String,
    /// String `k` is `bytes[starts[k]..starts[k + 1]]`; `starts` has one more item than strings.
    starts: Vec<u32>,
    /// Open addressing, linear probing: (high 32 bits of the hash, string number) or `EMPTY`.
    table: Vec<(u32, u32)>,
}

impl Default for Interner {
    fn default() -> Self {
        Self::with_capacity(0, 0)
    }
}

fn hash(text: &str) -> u64 {
    FxBuildHasher.hash_one(text)
}

/// The 32 bits a slot keeps (the high ones: the low ones pick the slot).
fn tag(hash: u64) -> u32 {
    (hash >> 32) as u32
}

impl Interner {
    /// Room for `strings` strings of `bytes` bytes in all without growing.
    pub(crate) fn with_capacity(strings: usize, bytes: usize) -> Self {
        let mut starts = Vec::with_capacity(strings + 1);
        starts.push(0);
        Self {
            bytes: String::with_capacity(bytes),
            starts,
            table: vec![(0, EMPTY); table_size(strings)],
        }
    }

    /// How many strings.
    pub(crate) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// String number `k` ("" for a number it never gave).
    pub(crate) fn text(&self, k: u32) -> &str {
        self.bytes.get(self.span(k)).unwrap_or("")
    }

    /// Where string number `k` sits in `bytes` (empty for a number it never gave).
    fn span(&self, k: u32) -> std::ops::Range<usize> {
        let k = k as usize;
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&start), Some(&end)) => start as usize..end as usize,
            _ => 0..0,
        }
    }

    /// The number of `text`, if it was seen.
    pub(crate) fn get(&self, text: &str) -> Option<u32> {
        self.find(text, hash(text)).ok()
    }

    /// The number of `text`, numbering it if it is new; and whether it is new.
    pub(crate) fn intern(&mut self, text: &str) -> (u32, bool) {
        let hash = hash(text);
        match self.find(text, hash) {
            Ok(k) => (k, false),
            Err(slot) => (self.insert(text, hash, slot), true),
        }
    }

    /// `Ok(number)` if `text` is there, else `Err(the empty slot where it belongs)`.
    #[inline]
    fn find(&self, text: &str, hash: u64) -> Result<u32, usize> {
        let mask = self.table.len() - 1;
        let tag = tag(hash);
        // The low bits pick the slot.
        let mut slot = hash as usize & mask;
        loop {
            match self.table.get(slot) {
                Some(&(_, EMPTY)) | None => return Err(slot),
                Some(&(seen, k))
                    if seen == tag
                        && self
                            .bytes
                            .as_bytes()
                            .get(self.span(k))
                            .is_some_and(|known| same(known, text.as_bytes())) =>
                {
                    return Ok(k);
                }
                Some(_) => slot = (slot + 1) & mask,
            }
        }
    }

    fn insert(&mut self, text: &str, hash: u64, slot: usize) -> u32 {
        let k = u32::try_from(self.len()).unwrap_or(EMPTY - 1);
        self.bytes.push_str(text);
        self.starts
            .push(u32::try_from(self.bytes.len()).unwrap_or(u32::MAX));
        if let Some(place) = self.table.get_mut(slot) {
            *place = (tag(hash), k);
        }
        if self.len() * 8 > self.table.len() * 7 {
            self.grow();
        }
        k
    }

    /// Doubles the table and puts every string back.
    fn grow(&mut self) {
        let size = self.table.len() * 2;
        self.table = vec![(0, EMPTY); size];
        let mask = size - 1;
        for k in 0..self.len() {
            let k = u32::try_from(k).unwrap_or(EMPTY - 1);
            let hash = hash(self.text(k));
            let mut slot = hash as usize & mask;
            while self.table.get(slot).is_some_and(|&(_, seen)| seen != EMPTY) {
                slot = (slot + 1) & mask;
            }
            if let Some(place) = self.table.get_mut(slot) {
                *place = (tag(hash), k);
            }
        }
    }
}

/// Whether two strings are the same bytes. Ids and names are short: up to 16 bytes they are
/// compared as two overlapping words, without a call to `memcmp`.
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |text: &[u8], at: usize| -> Option<u64> {
        let bytes: [u8; 8] = text.get(at..at + 8)?.try_into().ok()?;
        Some(u64::from_ne_bytes(bytes))
    };
    let half = |text: &[u8], at: usize| -> Option<u32> {
        let bytes: [u8; 4] = text.get(at..at + 4)?.try_into().ok()?;
        Some(u32::from_ne_bytes(bytes))
    };
    match n {
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        4..=7 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        _ => a == b,
    }
}

/// A power of two at least twice `strings`: probes stay short while the table is at most half
/// full (it grows only past 7/8).
fn table_size(strings: usize) -> usize {
    (strings * 2).next_power_of_two().max(16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_order_of_first_sight() {
        let mut names = Interner::default();
        assert_eq!(names.intern("nome"), (0, true));
        assert_eq!(names.intern("email"), (1, true));
        assert_eq!(names.intern("nome"), (0, false));
        assert_eq!(names.intern(""), (2, true));
        assert_eq!(names.get("email"), Some(1));
        assert_eq!(names.get("Nome"), None);
        assert_eq!(names.text(0), "nome");
        assert_eq!(names.text(2), "");
        assert_eq!(names.text(9), "");
        assert_eq!(names.len(), 3);
    }

    #[test]
    fn same_compares_every_byte() {
        let texts = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
        ];
        for len in 0..40 {
            let a: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            assert!(same(&a, &a.clone()));
            for at in 0..len {
                let mut b = a.clone();
                b[at] = b'#';
                assert!(!same(&a, &b), "{len} {at}");
            }
        }
        for x in texts {
            for y in texts {
                assert_eq!(same(x.as_bytes(), y.as_bytes()), x == y);
            }
        }
    }

    #[test]
    fn strings_of_any_length() {
        let mut ids = Interner::default();
        let long = "um_id_bem_mais_comprido_que_vinte_e_tres_bytes";
        assert_eq!(ids.intern(long), (0, true));
        assert_eq!(ids.intern("curto"), (1, true));
        assert_eq!(ids.get(long), Some(0));
        assert_eq!(ids.get(&long[..30]), None);
        assert_eq!(ids.get(&"x".repeat(23)), None);
        assert_eq!(ids.intern(&"x".repeat(23)), (2, true));
        assert_eq!(ids.intern(&"x".repeat(24)), (3, true));
        assert_eq!(ids.get(&"x".repeat(23)), Some(2));
        assert_eq!(ids.text(0), long);
    }

    #[test]
    fn growing_keeps_every_number() {
        let mut ids = Interner::with_capacity(2, 4);
        for i in 0..5000 {
            assert_eq!(ids.intern(&format!("nó_{i}")), (i, true));
        }
        for i in 0..5000 {
            assert_eq!(ids.get(&format!("nó_{i}")), Some(i));
            assert_eq!(ids.text(i), format!("nó_{i}"));
        }
        assert_eq!(ids.get("nó_5000"), None);
    }
}
