//! The types the OpenAPI document ([`super::openapi`]) is derived from, where the handlers'
//! own request and response types cannot carry the derive: values of the domain, views the
//! service builds, the error envelope, query parameters, and the documents of other crates kept
//! as hand-maintained schemas.

pub mod documents;
pub mod domain;
pub mod errors;
pub mod params;
pub mod views;
