//! "Did you mean": the name among the candidates that a name most likely meant.

/// Names longer than this are compared by their starts only: a typo is in a short name, and the
/// edit distance costs the product of the two lengths.
const LONGEST: usize = 64;

/// The candidate close to `name` (the same in another case, a typo or two away, or one a start
/// of the other), if one is.
pub(crate) fn did_you_mean<'s>(
    name: &str,
    candidates: impl IntoIterator<Item = &'s str>,
) -> Option<String> {
    let is_long = name.chars().nth(LONGEST).is_some();
    let lower: Vec<char> = name.to_lowercase().chars().collect();
    let limit = (lower.len() / 3).clamp(1, 3);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if candidate == name {
            continue;
        }
        let other: Vec<char> = candidate.to_lowercase().chars().collect();
        let is_short = !is_long && other.len() <= LONGEST;
        let score = if is_short && other.len().abs_diff(lower.len()) <= limit {
            Some(edit_distance(&lower, &other)).filter(|&distance| distance <= limit)
        } else {
            None
        };
        // `gerente` for `gerente_de_contas`: a start of the other, ranked after typos.
        let is_prefix = lower.len().min(other.len()) >= 4
            && (other.starts_with(&lower) || lower.starts_with(&other));
        let score = score.or(is_prefix.then_some(limit + 1));
        if let Some(score) = score
            && best.is_none_or(|(best, _)| score < best)
        {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate.to_owned())
}

/// Edit distance counting a swap of two neighbours as one edit (optimal string alignment).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut d = vec![0_usize; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for i in 0..=a.len() {
        if let Some(cell) = d.get_mut(at(i, 0)) {
            *cell = i;
        }
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for (i, &x) in a.iter().enumerate().map(|(i, x)| (i + 1, x)) {
        for (j, &y) in b.iter().enumerate().map(|(j, y)| (j + 1, y)) {
            let cell = |i, j| d.get(at(i, j)).copied().unwrap_or(usize::MAX - 1);
            let cost = usize::from(x != y);
            let mut value = (cell(i - 1, j) + 1)
                .min(cell(i, j - 1) + 1)
                .min(cell(i - 1, j - 1) + cost);
            if i > 1 && j > 1 && a.get(i - 1) == b.get(j - 2) && a.get(i - 2) == b.get(j - 1) {
                value = value.min(cell(i - 2, j - 2) + 1);
            }
            if let Some(place) = d.get_mut(at(i, j)) {
                *place = value;
            }
        }
    }
    d.get(at(a.len(), b.len())).copied().unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_names_are_suggested() {
        let names = ["Atendimento", "Comercial", "gerente_de_contas"];
        assert_eq!(
            did_you_mean("atendimento", names).as_deref(),
            Some("Atendimento")
        );
        assert_eq!(
            did_you_mean("Comerical", names).as_deref(),
            Some("Comercial")
        );
        assert_eq!(
            did_you_mean("gerente", names).as_deref(),
            Some("gerente_de_contas")
        );
        assert_eq!(did_you_mean("Financeiro", names), None);
        let long = "a".repeat(10_000);
        assert_eq!(did_you_mean(&long, [long.as_str()]), None);
        assert_eq!(
            did_you_mean(&format!("{long}b"), [long.as_str()]).map(|s| s.len()),
            Some(10_000)
        );
    }
}
