//! What the opinnollistaminen pages share: the reference texts' language and the names of
//! what the mentor saw.

/// The page's language for reference texts (`fi`, `sv`, `en`).
pub(super) fn lang(ctx: &crate::html::ctx::Ctx) -> &'static str {
    match ctx.locale.tag() {
        "sv" => "sv",
        "en" => "en",
        _ => "fi",
    }
}

pub(super) fn shown_key(s: polku_domain::CompetenceShown) -> &'static str {
    use polku_domain::CompetenceShown;
    match s {
        CompetenceShown::Shown => "doc-cert-shown",
        CompetenceShown::PartlyShown => "doc-cert-partly-shown",
        CompetenceShown::NotYetShown => "doc-cert-not-yet-shown",
    }
}
