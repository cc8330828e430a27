//! Sign-in throttling per account and per client address (R4): a sliding window of failures.
//! There is no permanent lock-out: once old failures leave the window, attempts are allowed again.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed in the window before further attempts get 429.
pub const ACCOUNT_LIMIT: usize = 10;
pub const ADDRESS_LIMIT: usize = 50;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Default)]
pub struct Throttle {
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl Throttle {
    /// `Some(seconds to wait)` when any of `keys` (with its limit) is over its limit at `now`.
    pub fn check(&self, keys: &[(&str, usize)], now: Instant) -> Option<u64> {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let mut wait: Option<u64> = None;
        for (key, limit) in keys {
            if let Some(q) = map.get_mut(*key) {
                while q.front().is_some_and(|t| now.duration_since(*t) >= WINDOW) {
                    q.pop_front();
                }
                if q.len() >= *limit {
                    let oldest = q[q.len() - *limit];
                    let secs = WINDOW
                        .saturating_sub(now.duration_since(oldest))
                        .as_secs()
                        .max(1);
                    wait = Some(wait.map_or(secs, |w| w.max(secs)));
                }
            }
        }
        wait
    }

    /// Records one failure for each key.
    pub fn fail(&self, keys: &[&str], now: Instant) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > 100_000 {
            map.retain(|_, q| q.back().is_some_and(|t| now.duration_since(*t) < WINDOW));
        }
        for key in keys {
            map.entry((*key).to_owned()).or_default().push_back(now);
        }
    }

    /// Clears an account's failures after a successful sign-in.
    pub fn succeed(&self, key: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_slides_and_no_permanent_lockout() {
        let t = Throttle::default();
        let start = Instant::now();
        for i in 0..ACCOUNT_LIMIT {
            assert_eq!(t.check(&[("a", ACCOUNT_LIMIT)], start), None, "attempt {i}");
            t.fail(&["a"], start);
        }
        let wait = t.check(&[("a", ACCOUNT_LIMIT)], start).expect("throttled");
        assert!(wait > 0 && wait <= WINDOW.as_secs());
        assert_eq!(t.check(&[("b", ACCOUNT_LIMIT)], start), None);
        assert_eq!(t.check(&[("a", ACCOUNT_LIMIT)], start + WINDOW), None);
    }
}
