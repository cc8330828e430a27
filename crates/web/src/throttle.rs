//! Sign-in throttling per account and per client address (R4): a sliding window of failures.
//! There is no permanent lock-out: once old failures leave the window, attempts are allowed again.
//!
//! Memory is bounded (D6): keys are stored as 128-bit hashes (an e-mail is normalised and
//! capped before hashing, so a 256 KiB "address" costs 16 bytes), each key keeps at most
//! [`MAX_PER_KEY`] instants, keys whose failures have all left the window are dropped at least
//! once a minute, and above [`MAX_KEYS`] the keys with the oldest last failure are dropped.
//!
//! The keys (one place, so page and API count alike, D1):
//! - [`account_key`]: wrong passwords for an e-mail address;
//! - [`code_key`]: wrong second-factor codes for an account, on the page and in the API alike;
//!   a correct password does not clear it (only a correct code does);
//! - [`ip_key`] and [`code_ip_key`]: the same per client address;
//! - [`activation_ip_key`] and [`ACTIVATION_ALL`]: `/activate` attempts per address and in all.

use sha2::{Digest, Sha256};
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed in the window before further attempts get 429.
pub const ACCOUNT_LIMIT: usize = 10;
pub const ADDRESS_LIMIT: usize = 50;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Activation attempts (each may cost a password hash) per client address in the window.
pub const ACTIVATION_ADDRESS_LIMIT: usize = 20;
/// Activation attempts from everyone together in the window.
pub const ACTIVATION_GLOBAL_LIMIT: usize = 300;
/// The key of all activation attempts together.
pub const ACTIVATION_ALL: &str = "activate:all";
/// At most this many instants are kept per key (no limit is higher).
pub const MAX_PER_KEY: usize = 512;
/// At most this many keys are kept.
pub const MAX_KEYS: usize = 100_000;
/// Longest e-mail address that is hashed as given (RFC 5321: 254); longer input is cut.
const MAX_EMAIL_CHARS: usize = 254;
const PRUNE_EVERY: Duration = Duration::from_secs(60);

type KeyHash = [u8; 16];

fn key_hash(key: &str) -> KeyHash {
    let d = Sha256::digest(key.as_bytes());
    let mut out = [0u8; 16];
    out.copy_from_slice(&d[..16]);
    out
}

/// The normalised, length-capped e-mail address a key is made of.
fn normalised_email(email: &str) -> String {
    email
        .trim()
        .chars()
        .take(MAX_EMAIL_CHARS)
        .collect::<String>()
        .to_lowercase()
}

/// Wrong passwords for an e-mail address.
pub fn account_key(email: &str) -> String {
    format!("account:{}", normalised_email(email))
}

/// Wrong second-factor codes for an account (page, API, step-up and re-authentication).
pub fn code_key(user: polku_domain::UserId) -> String {
    format!("code:{user}")
}

/// A client address as counted: an IPv6 address by its /64 (one host usually holds a whole
/// /64), an IPv4 address as it is.
fn address(ip: &str) -> String {
    match ip.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Ok(std::net::IpAddr::V6(v6)) => v6
            .to_ipv4_mapped()
            .map_or_else(|| ip.to_owned(), |v4| v4.to_string()),
        _ => ip.to_owned(),
    }
}

pub fn ip_key(ip: &str) -> String {
    format!("ip:{}", address(ip))
}

pub fn code_ip_key(ip: &str) -> String {
    format!("code-ip:{}", address(ip))
}

pub fn activation_ip_key(ip: &str) -> String {
    format!("activate-ip:{}", address(ip))
}

#[derive(Debug)]
struct Inner {
    failures: HashMap<KeyHash, VecDeque<Instant>>,
    pruned: Option<Instant>,
}

#[derive(Debug)]
pub struct Throttle {
    inner: Mutex<Inner>,
}

impl Default for Throttle {
    fn default() -> Self {
        Throttle {
            inner: Mutex::new(Inner {
                failures: HashMap::new(),
                pruned: None,
            }),
        }
    }
}

impl Inner {
    fn prune(&mut self, now: Instant) {
        if self
            .pruned
            .is_some_and(|t| now.saturating_duration_since(t) < PRUNE_EVERY)
            && self.failures.len() <= MAX_KEYS
        {
            return;
        }
        self.pruned = Some(now);
        self.failures.retain(|_, q| {
            q.back()
                .is_some_and(|t| now.saturating_duration_since(*t) < WINDOW)
        });
        if self.failures.len() > MAX_KEYS {
            // Keep the keys failed most recently.
            let mut lasts: Vec<Instant> = self
                .failures
                .values()
                .filter_map(|q| q.back().copied())
                .collect();
            lasts.sort_unstable();
            let cut = lasts[lasts.len() - MAX_KEYS / 2];
            self.failures
                .retain(|_, q| q.back().is_some_and(|t| *t >= cut));
        }
    }
}

impl Throttle {
    /// `Some(seconds to wait)` when any of `keys` (with its limit) is over its limit at `now`.
    pub fn check(&self, keys: &[(&str, usize)], now: Instant) -> Option<u64> {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner.prune(now);
        let mut wait: Option<u64> = None;
        for (key, limit) in keys {
            if let Some(q) = inner.failures.get_mut(&key_hash(key)) {
                while q
                    .front()
                    .is_some_and(|t| now.saturating_duration_since(*t) >= WINDOW)
                {
                    q.pop_front();
                }
                if *limit > 0 && q.len() >= *limit {
                    let oldest = q[q.len() - *limit];
                    let secs = WINDOW
                        .saturating_sub(now.saturating_duration_since(oldest))
                        .as_secs()
                        .max(1);
                    wait = Some(wait.map_or(secs, |w| w.max(secs)));
                }
            }
        }
        wait
    }

    /// Records one failure (or, for the activation keys, one attempt) for each key.
    pub fn fail(&self, keys: &[&str], now: Instant) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner.prune(now);
        for key in keys {
            let q = inner.failures.entry(key_hash(key)).or_default();
            q.push_back(now);
            while q.len() > MAX_PER_KEY {
                q.pop_front();
            }
        }
    }

    /// Checks `keys` and, when none is over its limit, counts this attempt on each at once
    /// (for attempts that cost work whatever their outcome, like `/activate`).
    pub fn attempt(&self, keys: &[(&str, usize)], now: Instant) -> Option<u64> {
        if let Some(wait) = self.check(keys, now) {
            return Some(wait);
        }
        let names: Vec<&str> = keys.iter().map(|(k, _)| *k).collect();
        self.fail(&names, now);
        None
    }

    /// Clears a key's failures (a correct password clears the password key, a correct code
    /// the code key; neither clears the other).
    pub fn succeed(&self, key: &str) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner.failures.remove(&key_hash(key));
    }

    /// How many keys are held now (for tests of the memory bound).
    pub fn keys_held(&self) -> usize {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner.failures.len()
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

    /// D6: keys of expired failures go once the window has passed, whatever their number, and
    /// a huge e-mail address is the same key as its first 254 characters.
    #[test]
    fn keys_expire_by_time_and_long_addresses_are_capped() {
        let t = Throttle::default();
        let start = Instant::now();
        for i in 0..1_000 {
            t.fail(&[&account_key(&format!("{i}@example.fi"))], start);
        }
        assert_eq!(t.keys_held(), 1_000);
        t.fail(&["late"], start + WINDOW + PRUNE_EVERY);
        assert_eq!(t.keys_held(), 1, "expired keys were dropped");

        let long = format!("{}@example.fi", "x".repeat(256 * 1024));
        assert_eq!(account_key(&long).len(), "account:".len() + MAX_EMAIL_CHARS);
        assert_eq!(
            account_key("  Maija@Example.FI "),
            account_key("maija@example.fi")
        );
    }

    #[test]
    fn the_number_of_keys_is_bounded() {
        let t = Throttle::default();
        let start = Instant::now();
        for i in 0..(MAX_KEYS + 10) {
            t.fail(&[&format!("k{i}")], start + Duration::from_micros(i as u64));
        }
        assert!(t.keys_held() <= MAX_KEYS, "{}", t.keys_held());
        // The most recent failures are the ones kept.
        assert!(t
            .check(
                &[(&format!("k{}", MAX_KEYS + 9), 1)],
                start + Duration::from_secs(1)
            )
            .is_some());
    }

    #[test]
    fn ipv6_counts_by_its_64() {
        assert_eq!(
            ip_key("2001:db8:1:2:aaaa::1"),
            ip_key("2001:db8:1:2:bbbb::9")
        );
        assert_ne!(ip_key("2001:db8:1:2::1"), ip_key("2001:db8:1:3::1"));
        assert_eq!(ip_key("::ffff:192.0.2.1"), ip_key("192.0.2.1"));
    }

    #[test]
    fn attempts_count_whatever_their_outcome() {
        let t = Throttle::default();
        let now = Instant::now();
        for _ in 0..3 {
            assert_eq!(t.attempt(&[("x", 3)], now), None);
        }
        assert!(t.attempt(&[("x", 3)], now).is_some());
    }
}
