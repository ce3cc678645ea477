//! The arguments of a message, owned while the message is built and shareable once it is done.

use std::borrow::Cow;
use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Arg;

/// One named argument of a message.
pub type NamedArg = (Cow<'static, str>, Arg);

/// The named arguments of a [`Message`](super::Message), in the order given.
///
/// Reads as a slice. A message being built owns its arguments; [`Args::shared`] turns them into
/// a shared list whose copies cost no allocation (a status read back from disk repeats the same
/// few thousand messages tens of thousands of times), and [`Args::part`] takes them from a list
/// that many messages share (one allocation for all of them). Every form compares, prints and
/// serializes the same way.
#[derive(Clone, Default)]
pub struct Args(Repr);

#[derive(Clone)]
enum Repr {
    Owned(Vec<NamedArg>),
    /// `all[start..end]` (a thin pointer and two `u32`s: the enum stays the size of a `Vec`).
    Shared {
        all: Arc<Vec<NamedArg>>,
        start: u32,
        end: u32,
    },
}

impl Default for Repr {
    fn default() -> Self {
        Self::Owned(Vec::new())
    }
}

impl Args {
    /// No arguments.
    pub const fn new() -> Self {
        Self(Repr::Owned(Vec::new()))
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }

    /// Arguments `range` of a list that other messages share too; `None` when the range is not
    /// within it.
    pub fn part(all: &Arc<Vec<NamedArg>>, range: Range<usize>) -> Option<Self> {
        if range.start > range.end || range.end > all.len() {
            return None;
        }
        Some(Self(Repr::Shared {
            all: Arc::clone(all),
            start: u32::try_from(range.start).ok()?,
            end: u32::try_from(range.end).ok()?,
        }))
    }

    /// The arguments as a slice.
    pub fn as_slice(&self) -> &[NamedArg] {
        match &self.0 {
            Repr::Owned(v) => v,
            Repr::Shared { all, start, end } => &all[*start as usize..*end as usize],
        }
    }

    /// The owned list, copied out of a shared one first.
    fn owned(&mut self) -> &mut Vec<NamedArg> {
        if let Repr::Shared { .. } = &self.0 {
            self.0 = Repr::Owned(self.as_slice().to_vec());
        }
        match &mut self.0 {
            Repr::Owned(v) => v,
            Repr::Shared { .. } => unreachable!("made owned above"),
        }
    }

    /// Appends an argument.
    pub fn push(&mut self, arg: NamedArg) {
        self.owned().push(arg);
    }

    /// Makes room for exactly `n` more arguments.
    pub fn reserve_exact(&mut self, n: usize) {
        self.owned().reserve_exact(n);
    }

    /// The same arguments, shared: cloning the result (or a message holding it) only counts a
    /// reference.
    #[must_use]
    pub fn shared(self) -> Self {
        match self.0 {
            Repr::Owned(v) if !v.is_empty() => Self::from(Arc::new(v)),
            other => Self(other),
        }
    }

    /// The arguments as an owned list.
    pub fn into_vec(self) -> Vec<NamedArg> {
        match self.0 {
            Repr::Owned(v) => v,
            Repr::Shared { .. } => self.as_slice().to_vec(),
        }
    }
}

impl Deref for Args {
    type Target = [NamedArg];

    fn deref(&self) -> &[NamedArg] {
        self.as_slice()
    }
}

impl From<Vec<NamedArg>> for Args {
    fn from(v: Vec<NamedArg>) -> Self {
        Self(Repr::Owned(v))
    }
}

impl From<Arc<Vec<NamedArg>>> for Args {
    /// All of a shared list (at most `u32::MAX` arguments; any more are left out).
    fn from(all: Arc<Vec<NamedArg>>) -> Self {
        let end = u32::try_from(all.len()).unwrap_or(u32::MAX);
        Self(Repr::Shared { all, start: 0, end })
    }
}

impl FromIterator<NamedArg> for Args {
    fn from_iter<I: IntoIterator<Item = NamedArg>>(iter: I) -> Self {
        Self(Repr::Owned(iter.into_iter().collect()))
    }
}

impl Extend<NamedArg> for Args {
    fn extend<I: IntoIterator<Item = NamedArg>>(&mut self, iter: I) {
        self.owned().extend(iter);
    }
}

impl IntoIterator for Args {
    type Item = NamedArg;
    type IntoIter = std::vec::IntoIter<NamedArg>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

impl<'a> IntoIterator for &'a Args {
    type Item = &'a NamedArg;
    type IntoIter = std::slice::Iter<'a, NamedArg>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl PartialEq for Args {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Args {}

impl PartialEq<Vec<NamedArg>> for Args {
    fn eq(&self, other: &Vec<NamedArg>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl fmt::Debug for Args {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt(f)
    }
}

impl Serialize for Args {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Args {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<NamedArg>::deserialize(d).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two() -> Args {
        let mut a = Args::new();
        a.push(("n".into(), Arg::Int { value: 1 }));
        a.push(("t".into(), Arg::Text { value: "x".into() }));
        a
    }

    #[test]
    fn shared_arguments_read_compare_and_serialize_like_owned_ones() {
        let owned = two();
        let shared = two().shared();
        assert_eq!(owned, shared);
        assert_eq!(format!("{owned:?}"), format!("{shared:?}"));
        assert_eq!(
            serde_json::to_string(&owned).unwrap(),
            serde_json::to_string(&shared).unwrap()
        );
        let back: Args = serde_json::from_str(&serde_json::to_string(&shared).unwrap()).unwrap();
        assert_eq!(back, owned);
        assert_eq!(shared.len(), 2);
        assert_eq!(shared[1].0, "t");
    }

    #[test]
    fn copies_of_shared_arguments_share_them_until_one_is_changed() {
        let shared = two().shared();
        let copy = shared.clone();
        assert!(std::ptr::eq(shared.as_slice(), copy.as_slice()));
        let mut changed = copy.clone();
        changed.push(("m".into(), Arg::Int { value: 2 }));
        assert_eq!(changed.len(), 3);
        assert_eq!(copy.len(), 2, "the shared list is left as it was");
        assert_eq!(shared, copy);
        assert_eq!(changed.into_vec()[..2], *shared.as_slice());
    }

    #[test]
    fn parts_of_one_shared_list_read_as_their_own_arguments() {
        let all = Arc::new(two().into_vec());
        let first = Args::part(&all, 0..1).unwrap();
        let second = Args::part(&all, 1..2).unwrap();
        let none = Args::part(&all, 2..2).unwrap();
        assert_eq!(first.as_slice(), &all[..1]);
        assert_eq!(second.as_slice(), &all[1..]);
        assert!(none.is_empty());
        assert_eq!(Args::part(&all, 0..2).unwrap(), two());
        assert!(Args::part(&all, 1..3).is_none());
        #[allow(clippy::reversed_empty_ranges)]
        let backwards = Args::part(&all, 2..1);
        assert!(backwards.is_none());
        let mut changed = second.clone();
        changed.push(("m".into(), Arg::Int { value: 2 }));
        assert_eq!(changed.len(), 2);
        assert_eq!(second.len(), 1);
        assert_eq!(
            &all[..],
            two().as_slice(),
            "the shared list is left as it was"
        );
    }

    #[test]
    fn shared_arguments_take_no_more_room_than_owned_ones() {
        assert_eq!(size_of::<Args>(), size_of::<Vec<NamedArg>>());
    }

    #[test]
    fn no_arguments_stay_empty_when_shared() {
        let a = Args::new().shared();
        assert!(a.is_empty());
        assert_eq!(a, Vec::new());
    }
}
