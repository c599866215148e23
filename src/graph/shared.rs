//! [`SharedStr`]: the short strings a statement shares with the other
//! statements and edges that hold the same words.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An immutable string shared by every node and edge of a graph that
/// holds the same words (a cue, a document's name, a date, a rule, the
/// words for a speaker), behind a thin pointer: 8 bytes where an
/// `Arc<str>` takes 16, and an `Option<SharedStr>` is 8 bytes too. Read
/// it as a `&str` (it derefs to one); it compares, hashes, orders,
/// prints and serializes as its text.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SharedStr(pub(crate) Arc<Box<str>>);

impl SharedStr {
    /// Its text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self.0, f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self.0, f)
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr(Arc::new(s.into()))
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        SharedStr(Arc::new(s.into_boxed_str()))
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        **self.0 == *other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        **self.0 == **other
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for SharedStr {
    /// Inside [`interning`], equal strings read share one copy.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SharedStr, D::Error> {
        d.deserialize_str(Visitor)
    }
}

struct Visitor;

impl serde::de::Visitor<'_> for Visitor {
    type Value = SharedStr;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<SharedStr, E> {
        Ok(READING.with(|r| match r.borrow_mut().as_mut() {
            Some(set) => match set.get(s) {
                Some(a) => a.clone(),
                None => {
                    let a = SharedStr::from(s);
                    set.insert(a.clone());
                    a
                }
            },
            None => SharedStr::from(s),
        }))
    }
}

thread_local! {
    /// The strings read so far inside [`interning`] on this thread.
    static READING: RefCell<Option<HashSet<SharedStr>>> = const { RefCell::new(None) };
}

/// Run `read`, sharing one copy of every string it deserializes into
/// [`SharedStr`]s: a saved graph's statements that quote the same words
/// hold one text again, as the graph they were saved from did. Returns
/// `read`'s result and the strings, for the graph to intern into later.
// serde gives a deserializer no state of its own to carry an interner, so
// it is the thread's for the length of one read.
pub(crate) fn interning<T>(read: impl FnOnce() -> T) -> (T, HashSet<SharedStr>) {
    let mut scope = Scope {
        outer: READING.with(|r| r.replace(Some(HashSet::new()))),
        ended: false,
    };
    let got = read();
    let strings = scope.end();
    (got, strings)
}

/// Puts the thread's interner back as it was when dropped, so a read that
/// panics (the Python binding catches panics) leaves no set behind.
struct Scope {
    outer: Option<HashSet<SharedStr>>,
    ended: bool,
}

impl Scope {
    /// The strings read in this scope; the outer interner is back.
    fn end(&mut self) -> HashSet<SharedStr> {
        self.ended = true;
        READING
            .with(|r| r.replace(self.outer.take()))
            .unwrap_or_default()
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        if !self.ended {
            self.end();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_strings_are_thin_and_act_as_their_text() {
        assert_eq!(std::mem::size_of::<SharedStr>(), 8);
        assert_eq!(std::mem::size_of::<Option<SharedStr>>(), 8);
        let a = SharedStr::from("said");
        let b = a.clone();
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a, "said");
        assert_eq!(a.len(), 4);
        assert_eq!(format!("{a} {a:?}"), "said \"said\"");
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, "\"said\"");
        assert_eq!(serde_json::from_str::<SharedStr>(&json).unwrap(), a);
        let set: HashSet<SharedStr> = [a].into_iter().collect();
        assert!(set.contains("said"));
    }

    #[test]
    fn strings_read_inside_interning_share_one_copy() {
        let json = r#"["said", "told", "said"]"#;
        let (got, strings) = interning(|| serde_json::from_str::<Vec<SharedStr>>(json));
        let got = got.unwrap();
        assert!(Arc::ptr_eq(&got[0].0, &got[2].0));
        assert_eq!(strings.len(), 2);
        // outside, every string is its own copy
        let apart = serde_json::from_str::<Vec<SharedStr>>(json).unwrap();
        assert!(!Arc::ptr_eq(&apart[0].0, &apart[2].0));
        // a read that panics leaves no interner behind
        let panicked = std::panic::catch_unwind(|| interning(|| panic!("a bad read")));
        assert!(panicked.is_err());
        assert!(READING.with(|r| r.borrow().is_none()));
    }
}
