//! Python's behaviour where the reference scorer relies on it: string
//! stripping and splitting, `int()` and `str()` of JSON values, and
//! `json.dumps(indent=1)` with `repr(float)`.

use serde_json::Value;

/// Python's `str.isspace()`: Unicode White_Space plus `\x1c`–`\x1f`.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()`.
pub(super) fn py_strip(s: &str) -> &str {
    s.trim_matches(py_space)
}

/// Python's `str.split()`.
pub(super) fn py_split(s: &str) -> Vec<&str> {
    s.split(py_space).filter(|w| !w.is_empty()).collect()
}

/// `text[s:e]` on code points, clamped like a Python slice.
fn slice(chars: &[char], s: usize, e: usize) -> String {
    let e = e.min(chars.len());
    if s >= e {
        String::new()
    } else {
        chars[s..e].iter().collect()
    }
}

/// `" ".join(text[s:e] for s, e in frags)`.
pub(super) fn join_frags(chars: &[char], frags: &[(usize, usize)]) -> String {
    frags
        .iter()
        .map(|&(s, e)| slice(chars, s, e))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Python truthiness of a JSON value.
pub(super) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Python's `int(v)` for a JSON value, `None` where Python raises.
pub(super) fn py_int(v: &Value) -> Option<i128> {
    match v {
        Value::Bool(b) => Some(i128::from(*b)),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Some(i128::from(i))
            } else if let Some(u) = n.as_u64() {
                Some(i128::from(u))
            } else {
                n.as_f64()
                    .filter(|f| f.is_finite())
                    .map(|f| f.trunc() as i128)
            }
        }
        Value::String(s) => {
            let s = py_strip(s);
            let (neg, digits) = match s.as_bytes().first() {
                Some(b'-') => (true, &s[1..]),
                Some(b'+') => (false, &s[1..]),
                _ => (false, s),
            };
            // digits, with single underscores between them
            if digits.is_empty()
                || digits.starts_with('_')
                || digits.ends_with('_')
                || digits.contains("__")
                || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'_')
            {
                return None;
            }
            let mut n: i128 = 0;
            for b in digits.bytes().filter(u8::is_ascii_digit) {
                n = n.saturating_mul(10).saturating_add(i128::from(b - b'0'));
            }
            Some(if neg { -n } else { n })
        }
        _ => None,
    }
}

/// Python's `str(v)` for the common JSON values.
pub(super) fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        other => other.to_string(),
    }
}

/// Write JSON as Python's `json.dumps(v, indent=1)` does (object keys in
/// the order given; [`Report::to_json`] gives them sorted).
pub(super) fn write_py_json(v: &Value, depth: usize, out: &mut String) {
    let pad = |out: &mut String, d: usize| {
        out.push('\n');
        out.push_str(&" ".repeat(d));
    };
    match v {
        Value::Object(o) if !o.is_empty() => {
            out.push('{');
            for (i, (k, x)) in o.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                pad(out, depth + 1);
                out.push_str(&Value::String(k.clone()).to_string());
                out.push_str(": ");
                write_py_json(x, depth + 1, out);
            }
            pad(out, depth);
            out.push('}');
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                pad(out, depth + 1);
                write_py_json(x, depth + 1, out);
            }
            pad(out, depth);
            out.push(']');
        }
        Value::Number(n) if n.is_f64() => out.push_str(&py_float_repr(n.as_f64().unwrap_or(0.0))),
        other => out.push_str(&other.to_string()),
    }
}

/// Python's `repr(float)`: the shortest round-trip digits, positional
/// for exponents -4 to 15, else `1.5e-05` style.
fn py_float_repr(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .into();
    }
    let sci = format!("{x:e}"); // shortest digits: "-8.125e-5", "1e16", "0e0"
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mant) = match mant.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mant),
    };
    if !(-4..16).contains(&exp) {
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{mant}e{esign}{:02}", exp.unsigned_abs());
    }
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let point = usize::try_from(exp + 1).unwrap_or(0);
    let body = if exp < 0 {
        format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
    } else if digits.len() > point {
        format!("{}.{}", &digits[..point], &digits[point..])
    } else {
        format!("{digits}{}.0", "0".repeat(point - digits.len()))
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn python_int_and_str() {
        assert_eq!(py_int(&json!(3)), Some(3));
        assert_eq!(py_int(&json!(3.9)), Some(3));
        assert_eq!(py_int(&json!(-3.9)), Some(-3));
        assert_eq!(py_int(&json!(true)), Some(1));
        assert_eq!(py_int(&json!(" 1_0 ")), Some(10));
        assert_eq!(py_int(&json!("1__0")), None);
        assert_eq!(py_int(&json!("1.5")), None);
        assert_eq!(py_int(&json!(null)), None);
        assert_eq!(py_str(&json!(null)), "None");
    }

    #[test]
    fn floats_print_like_python_repr() {
        for (x, want) in [
            (0.0, "0.0"),
            (1.0, "1.0"),
            (0.5, "0.5"),
            (2.0 / 3.0, "0.6666666666666666"),
            (0.0001, "0.0001"),
            (8.12248710555172e-05, "8.12248710555172e-05"),
            (1e-05, "1e-05"),
            (123.25, "123.25"),
            (1e16, "1e+16"),
            (1234567890123456.0, "1234567890123456.0"),
            (-0.25, "-0.25"),
        ] {
            assert_eq!(py_float_repr(x), want);
        }
        let mut s = String::new();
        write_py_json(&json!({"a": {}, "b": [1, {"c": 0.5}]}), 0, &mut s);
        assert_eq!(
            s,
            "{\n \"a\": {},\n \"b\": [\n  1,\n  {\n   \"c\": 0.5\n  }\n ]\n}"
        );
    }
}
