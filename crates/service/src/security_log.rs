//! The security-event log (R34, D8): one structured record per event, at warning level for
//! refusals and failures and info for the rest, to the process log (stderr, text or JSON as
//! `polku serve` is configured, timestamped in UTC by the subscriber). Inside a web request
//! the record sits under the request's span, so it carries the request id, route, client
//! address and user. Records hold identifiers and fixed codes only, never what a client sent
//! or what is stored (R32).
//!
//! Sign-in success and failure, sign-out, session ends and second-factor events are logged
//! where they happen (`auth.rs`, `second_factor.rs`) with the same `event` field; new callers
//! use [`security_event`].

/// How serious an event is for whoever watches the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Something normal that a review may need (a sign-in, a sign-out).
    Info,
    /// A refusal or failure (a wrong password, someone else's record asked for).
    Warn,
}

/// Logs security event `event` (a stable dotted code such as `access.not_yours`) about
/// `subject` (an identifier: a user or participant id) with a fixed `message`.
pub fn security_event(
    severity: Severity,
    event: &'static str,
    subject: &str,
    message: &'static str,
) {
    match severity {
        Severity::Info => tracing::info!(event, subject, security = true, "{message}"),
        Severity::Warn => tracing::warn!(event, subject, security = true, "{message}"),
    }
}
