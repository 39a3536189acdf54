//! The JSON paths of a Request's `save`: `status`, `data.agents[0].status`, `items.0.id`; `""` is
//! the whole body. Parsed once; a value becomes text (strings as they are, numbers and booleans
//! as their text, null as "", objects and arrays as their JSON).

use serde_json::Value;

use super::text::SharedStr;

/// One step down a JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Segment {
    /// An object key; on an array, a key made of digits is an index.
    Key(String),
    Index(usize),
}

/// A parsed path. Empty means the whole body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct JsonPath {
    segments: Vec<Segment>,
}

impl JsonPath {
    /// Reads `data.items[0].status` (a leading `$` or `$.` is allowed).
    pub(crate) fn parse(source: &str) -> Result<JsonPath, String> {
        let fail = || format!("`{source}` is not a JSON path such as data.items[0].status");
        let text = source.trim();
        let text = text
            .strip_prefix("$.")
            .or_else(|| text.strip_prefix('$'))
            .unwrap_or(text);
        let mut segments = Vec::new();
        if text.is_empty() {
            return Ok(JsonPath { segments });
        }
        for part in text.split('.') {
            let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
            if key.contains(']') {
                return Err(fail());
            }
            if !key.is_empty() {
                segments.push(Segment::Key(key.to_owned()));
            } else if rest.is_empty() {
                return Err(fail());
            }
            while !rest.is_empty() {
                let inner = rest.strip_prefix('[').ok_or_else(fail)?;
                let (index, after) = inner.split_once(']').ok_or_else(fail)?;
                segments.push(Segment::Index(index.trim().parse().map_err(|_| fail())?));
                rest = after;
            }
        }
        Ok(JsonPath { segments })
    }

    pub(crate) fn is_whole(&self) -> bool {
        self.segments.is_empty()
    }

    /// The value at this path, if there is one.
    pub(crate) fn find<'a>(&self, mut value: &'a Value) -> Option<&'a Value> {
        for segment in &self.segments {
            value = match (segment, value) {
                (Segment::Key(key), Value::Object(map)) => map.get(key)?,
                (Segment::Key(key), Value::Array(items)) => {
                    items.get(key.parse::<usize>().ok()?)?
                }
                (Segment::Index(index), Value::Array(items)) => items.get(*index)?,
                _ => return None,
            };
        }
        Some(value)
    }
}

/// A JSON value as a variable's text.
pub(crate) fn text_of(value: &Value) -> SharedStr {
    match value {
        Value::String(text) => text.as_str().into(),
        Value::Null => "".into(),
        Value::Bool(flag) => if *flag { "true" } else { "false" }.into(),
        Value::Number(number) => number.to_string().into(),
        Value::Array(_) | Value::Object(_) => value.to_string().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(path: &str, body: &str) -> Option<String> {
        let value: Value = serde_json::from_str(body).unwrap();
        JsonPath::parse(path)
            .unwrap()
            .find(&value)
            .map(|found| text_of(found).to_string())
    }

    #[test]
    fn paths_with_arrays() {
        let body = r#"{"data": {"items": [{"status": "open"}, {"status": "closed", "n": 2}]}, "ok": true, "rate": 1.5, "none": null}"#;
        assert_eq!(get("data.items[1].status", body).as_deref(), Some("closed"));
        assert_eq!(get("data.items.0.status", body).as_deref(), Some("open"));
        assert_eq!(get("$.data.items[1].n", body).as_deref(), Some("2"));
        assert_eq!(get("ok", body).as_deref(), Some("true"));
        assert_eq!(get("rate", body).as_deref(), Some("1.5"));
        assert_eq!(get("none", body).as_deref(), Some(""));
        assert_eq!(
            get("data.items[0]", body).as_deref(),
            Some(r#"{"status":"open"}"#)
        );
        assert_eq!(get("data.items[2].status", body), None);
        assert_eq!(get("data.missing", body), None);
        assert_eq!(get("ok.deeper", body), None);
        let matrix = r#"{"m": [[1, 2], [3, 4]]}"#;
        assert_eq!(get("m[1][0]", matrix).as_deref(), Some("3"));
        assert_eq!(get("[0]", "[10, 20]").as_deref(), Some("10"));
        assert!(JsonPath::parse("").unwrap().is_whole());
    }

    #[test]
    fn bad_paths_are_refused() {
        for bad in ["a..b", "a[x]", "a[1", "a]b", ".a", "a."] {
            assert!(JsonPath::parse(bad).is_err(), "{bad}");
        }
    }
}
