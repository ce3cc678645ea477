//! Token buckets per key (a device id or a client address), in integer milli-tokens.

use std::collections::HashMap;
use std::sync::Mutex;

/// How many requests a key may make: `burst` at once, refilled at `per_second`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// Bucket size, in requests.
    pub burst: u32,
    /// Refill, in requests per second.
    pub per_second: u32,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    milli_tokens: u64,
    at_ms: u64,
}

/// Token buckets keyed by a string.
#[derive(Debug)]
pub struct RateLimiter {
    rate: Rate,
    buckets: Mutex<HashMap<String, Bucket>>,
}

/// Most buckets kept before full ones are dropped.
const MAX_BUCKETS: usize = 100_000;

impl RateLimiter {
    /// Empty buckets for a rate.
    pub fn new(rate: Rate) -> Self {
        Self {
            rate,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    fn capacity(&self) -> u64 {
        u64::from(self.rate.burst) * 1000
    }

    /// Takes one token for `key` at `now_ms`; `Err(seconds)` says when to retry.
    pub fn take(&self, key: &str, now_ms: u64) -> Result<(), u64> {
        let capacity = self.capacity();
        let per_ms = u64::from(self.rate.per_second);
        let Ok(mut buckets) = self.buckets.lock() else {
            return Ok(());
        };
        if buckets.len() >= MAX_BUCKETS {
            buckets
                .retain(|_, b| b.milli_tokens + now_ms.saturating_sub(b.at_ms) * per_ms < capacity);
        }
        let b = buckets.entry(key.to_owned()).or_insert(Bucket {
            milli_tokens: capacity,
            at_ms: now_ms,
        });
        let refill = now_ms.saturating_sub(b.at_ms).saturating_mul(per_ms);
        b.milli_tokens = b.milli_tokens.saturating_add(refill).min(capacity);
        b.at_ms = b.at_ms.max(now_ms);
        if b.milli_tokens >= 1000 {
            b.milli_tokens -= 1000;
            return Ok(());
        }
        let missing = 1000 - b.milli_tokens;
        Err(if per_ms == 0 {
            u64::from(u32::MAX)
        } else {
            // per_ms milli-tokens arrive per millisecond: wait missing / per_ms ms, rounded up.
            missing.div_ceil(per_ms).div_ceil(1000).max(1)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_empties_and_refills_per_key() {
        let l = RateLimiter::new(Rate {
            burst: 2,
            per_second: 1,
        });
        assert_eq!(l.take("a", 0), Ok(()));
        assert_eq!(l.take("a", 0), Ok(()));
        assert_eq!(l.take("a", 0), Err(1));
        assert_eq!(l.take("b", 0), Ok(()));
        assert_eq!(l.take("a", 999), Err(1));
        assert_eq!(l.take("a", 1000), Ok(()));
    }
}
