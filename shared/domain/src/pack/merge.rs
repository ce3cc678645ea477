//! JSON merge patch (RFC 7386): how a pack `extends` another.
//!
//! Objects merge key by key, `null` removes a key, anything else replaces the parent's value.

use serde_json::Value;

/// Applies `patch` to `base`.
pub(crate) fn merge_patch(base: Value, patch: Value) -> Value {
    match (base, patch) {
        (Value::Object(mut b), Value::Object(p)) => {
            for (key, value) in p {
                if value.is_null() {
                    b.remove(&key);
                } else {
                    let old = b.remove(&key).unwrap_or(Value::Null);
                    b.insert(key, merge_patch(old, value));
                }
            }
            Value::Object(b)
        }
        (_, patch) => patch,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merges_per_rfc_7386() {
        let base = json!({"a": 1, "b": {"c": 2, "d": 3}, "e": [1, 2]});
        let patch = json!({"a": 9, "b": {"c": null, "x": 4}, "e": [3]});
        assert_eq!(
            merge_patch(base, patch),
            json!({"a": 9, "b": {"d": 3, "x": 4}, "e": [3]})
        );
    }
}
