//! The error envelope and the error answers operations share (`docs/API.md`).

use std::collections::BTreeMap;
use utoipa::{ToResponse, ToSchema};

/// The error envelope: a stable code, a message in the requester's language and the bad fields.
#[derive(Debug, ToSchema)]
#[schema(as = Error)]
pub struct ErrorBody {
    #[schema(inline)]
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Debug, ToSchema)]
pub struct ErrorDetail {
    /// Stable code (docs/API.md).
    pub code: String,
    /// In the requester's language (`polku_lang` cookie, else Accept-Language, else Finnish).
    pub message: String,
    /// JSON path of a bad field → message.
    pub fields: BTreeMap<String, String>,
}

/// The error answers, each a named response with the envelope as its body.
macro_rules! error_responses {
    ($($(#[doc = $doc:literal])+ $name:ident;)+) => {
        $(
            $(#[doc = $doc])+
            #[derive(Debug, ToResponse)]
            pub struct $name(pub ErrorBody);
        )+
    };
}

error_responses! {
    /// The request is not well-formed for this operation (`second_factor_required`,
    /// `second_factor_setup_required`).
    BadRequest;
    /// Not signed in, or wrong credentials (`unauthenticated`).
    Unauthenticated;
    /// The caller's roles may not use this operation (`forbidden`, `cross_site_request`).
    Forbidden;
    /// Does not exist or is not yours (`not_found`).
    NotFound;
    /// The record changed since the `ETag` was read (`conflict`).
    PreconditionFailed;
    /// The body is too large (`too_large`).
    TooLarge;
    /// The body is not declared as JSON (`unsupported_media_type`).
    UnsupportedMediaType;
    /// Invalid input; `fields` names each bad field by its JSON path (`invalid_input`, domain
    /// codes).
    Invalid;
    /// `If-Match` is missing (`precondition_required`).
    PreconditionRequired;
    /// Too many failed sign-ins; see `Retry-After` (`too_many_attempts`).
    TooManyAttempts;
    /// Too many exports by this user in 15 minutes; see `Retry-After` (`too_many_exports`).
    TooManyExports;
}
