//! Sign-out ends the server-side session, removes the cookie and asks the browser to clear
//! what it kept (R11, R12).

use crate::error::WebResult;
use crate::html::see_other;
use crate::middleware::session::{clear_cookie, Session};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::Response;

pub async fn submit(State(state): State<AppState>, session: Session) -> WebResult<Response> {
    state.service.sign_out(&session.token).await?;
    let mut res = see_other("/sign-in");
    if let Ok(v) = clear_cookie().parse() {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res.headers_mut().insert(
        "clear-site-data",
        HeaderValue::from_static("\"cache\", \"cookies\", \"storage\""),
    );
    Ok(res)
}
