//! Helpers for the wording of messages: quoted lists and "did you mean" suggestions.

/// Quotes a list of names for a message: `` `a`, `b` and `c` `` (at most `limit`, then "and N
/// more").
pub(crate) fn quote_list<'s>(given: impl IntoIterator<Item = &'s str>, limit: usize) -> String {
    // Each name once, in the order first given (a Condition may repeat a port).
    let mut names: Vec<&str> = Vec::new();
    for name in given {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let shown: Vec<String> = names
        .iter()
        .take(limit)
        .map(|name| format!("`{name}`"))
        .collect();
    let hidden = names.len().saturating_sub(limit);
    match (shown.as_slice(), hidden) {
        ([], _) => "none".to_owned(),
        ([one], 0) => one.clone(),
        (_, 0) => {
            let (last, rest) = shown
                .split_last()
                .map_or((String::new(), &[][..]), |(l, r)| (l.clone(), r));
            format!("{} and {last}", rest.join(", "))
        }
        (_, more) => format!("{} and {more} more", shown.join(", ")),
    }
}

/// ` (did you mean `x`?)` when one of `candidates` is close to `name` (the same in another case,
/// a typo or two away, or one a start of the other), else "".
pub(crate) fn did_you_mean<'s>(
    name: &str,
    candidates: impl IntoIterator<Item = &'s str>,
) -> String {
    let lower: Vec<char> = name.to_lowercase().chars().collect();
    let limit = (lower.len() / 3).clamp(1, 3);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if candidate == name {
            continue;
        }
        let other: Vec<char> = candidate.to_lowercase().chars().collect();
        let score = if other.len().abs_diff(lower.len()) <= limit {
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
    best.map(|(_, candidate)| format!(" (did you mean `{candidate}`?)"))
        .unwrap_or_default()
}

/// Edit distance counting a swap of two neighbours as one edit (optimal string alignment).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut d = vec![0_usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = value;
        }
    }
    d[a.len() * width + b.len()]
}

/// "a" or "an" before a kind's name (`an End`, `a Queue`).
pub(crate) fn article(word: &str) -> &'static str {
    if word.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}
