//! A hybrid logical clock: physical milliseconds, a logical counter and the node that made it.
//!
//! The text form sorts in clock order, so stores can compare clocks as strings.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Largest drift from the local wall clock a received clock may carry (5 minutes).
pub const MAX_DRIFT_MS: u64 = 5 * 60 * 1000;

/// A hybrid logical clock value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Hlc {
    /// Physical time, UTC milliseconds.
    pub millis: u64,
    /// Logical counter within one millisecond.
    pub counter: u32,
    /// The node (device) id, 16 lowercase hex digits.
    pub node: String,
}

/// Why a clock could not be advanced or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HlcError {
    /// The text is not a clock.
    #[error("not a clock value: {0}")]
    Malformed(String),
    /// A received clock is too far ahead of the local wall clock.
    #[error("clock drift of {0} ms exceeds the limit")]
    Drift(u64),
    /// The counter ran out within one millisecond.
    #[error("clock counter overflow")]
    Overflow,
}

impl Hlc {
    /// The zero clock of a node.
    pub fn zero(node: impl Into<String>) -> Self {
        Self {
            millis: 0,
            counter: 0,
            node: node.into(),
        }
    }

    /// The next clock for a local event at wall time `now_ms`.
    pub fn tick(&self, now_ms: u64) -> Result<Self, HlcError> {
        if now_ms > self.millis {
            return Ok(Self {
                millis: now_ms,
                counter: 0,
                node: self.node.clone(),
            });
        }
        Ok(Self {
            millis: self.millis,
            counter: self.counter.checked_add(1).ok_or(HlcError::Overflow)?,
            node: self.node.clone(),
        })
    }

    /// Moves this clock to the next value for a local event at wall time `now_ms`, in place.
    pub fn advance(&mut self, now_ms: u64) -> Result<(), HlcError> {
        if now_ms > self.millis {
            self.millis = now_ms;
            self.counter = 0;
        } else {
            self.counter = self.counter.checked_add(1).ok_or(HlcError::Overflow)?;
        }
        Ok(())
    }

    /// The next local clock after receiving `remote` at wall time `now_ms`.
    pub fn receive(&self, remote: &Hlc, now_ms: u64) -> Result<Self, HlcError> {
        if remote.millis > now_ms.saturating_add(MAX_DRIFT_MS) {
            return Err(HlcError::Drift(remote.millis - now_ms));
        }
        let millis = self.millis.max(remote.millis).max(now_ms);
        let counter = if millis == self.millis && millis == remote.millis {
            self.counter.max(remote.counter).checked_add(1)
        } else if millis == self.millis {
            self.counter.checked_add(1)
        } else if millis == remote.millis {
            remote.counter.checked_add(1)
        } else {
            Some(0)
        }
        .ok_or(HlcError::Overflow)?;
        Ok(Self {
            millis,
            counter,
            node: self.node.clone(),
        })
    }
}

impl Ord for Hlc {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.millis, self.counter, &self.node).cmp(&(other.millis, other.counter, &other.node))
    }
}

impl PartialOrd for Hlc {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:015}-{:08x}-{}", self.millis, self.counter, self.node)
    }
}

impl FromStr for Hlc {
    type Err = HlcError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || HlcError::Malformed(s.chars().take(64).collect());
        let mut parts = s.splitn(3, '-');
        let (Some(m), Some(c), Some(n)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if m.len() != 15 || c.len() != 8 || n.is_empty() || n.len() > 64 {
            return Err(bad());
        }
        Ok(Self {
            millis: m.parse().map_err(|_| bad())?,
            counter: u32::from_str_radix(c, 16).map_err(|_| bad())?,
            node: n.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_monotonic_even_when_the_wall_clock_goes_back() {
        let a = Hlc::zero("aa").tick(1_000).unwrap();
        let b = a.tick(900).unwrap();
        let mut c2 = a.clone();
        c2.advance(900).unwrap();
        assert_eq!(c2, b);
        let c = b.tick(1_500).unwrap();
        assert!(a < b && b < c);
        assert_eq!((b.millis, b.counter), (1_000, 1));
    }

    #[test]
    fn receive_moves_past_both_clocks() {
        let local = Hlc::zero("aa").tick(1_000).unwrap();
        let remote = Hlc {
            millis: 2_000,
            counter: 7,
            node: "bb".into(),
        };
        let next = local.receive(&remote, 1_100).unwrap();
        assert!(next > remote && next > local);
        assert_eq!((next.millis, next.counter), (2_000, 8));
        let far = Hlc {
            millis: 1_100 + MAX_DRIFT_MS + 1,
            counter: 0,
            node: "bb".into(),
        };
        assert!(matches!(
            local.receive(&far, 1_100),
            Err(HlcError::Drift(_))
        ));
    }

    #[test]
    fn text_form_round_trips_and_sorts_like_the_clock() {
        let a = Hlc {
            millis: 99,
            counter: 255,
            node: "0123456789abcdef".into(),
        };
        let b = Hlc {
            millis: 100,
            counter: 0,
            node: "0000000000000000".into(),
        };
        assert_eq!(a.to_string().parse::<Hlc>().unwrap(), a);
        assert!(a.to_string() < b.to_string());
        assert!("nope".parse::<Hlc>().is_err());
    }
}
