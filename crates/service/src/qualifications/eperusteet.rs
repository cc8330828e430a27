//! Reads one qualification (peruste) in ePerusteet's published JSON form, the response of
//! `GET /api/external/peruste/{id}` (`PerusteKaikkiDto`), into units and requirement items.
//!
//! Requirements are read, per unit, from the first of these that is present (the order the
//! ePerusteet DTOs define; see `data/qualifications/README.md`):
//! 1. `ammattitaitovaatimukset2019` (2018 and later): `vaatimukset` and `kohdealueet[].vaatimukset`,
//!    each `{koodi: KoodiDto|null, vaatimus: text}`;
//! 2. `ammattitaitovaatimuksetLista` (structured legacy): `[].vaatimuksenKohteet[].vaatimukset[].selite`;
//! 3. `ammattitaitovaatimukset` (legacy HTML): one item per `<li>`.
//!
//! Malformed input is an error naming the JSON path (`$.tutkinnonOsat[1].koodi.uri`).

use crate::clock::helsinki_offset;
use polku_domain::{LocalText, QualificationUnit, Requirement, RequirementId, UnitCode};
use serde_json::Value;
use time::{Date, OffsetDateTime};

/// A qualification as read from the file: its units and their requirements.
#[derive(Debug, Clone, PartialEq)]
pub struct Peruste {
    pub id: i64,
    pub diaarinumero: String,
    pub name: LocalText,
    pub units: Vec<(QualificationUnit, Vec<Requirement>)>,
}

/// Why a file could not be read: what is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct ParseError {
    pub path: String,
    pub reason: String,
}

fn err(path: &str, reason: impl Into<String>) -> ParseError {
    ParseError {
        path: path.to_owned(),
        reason: reason.into(),
    }
}

fn field<'a>(v: &'a Value, path: &str, name: &str) -> (Option<&'a Value>, String) {
    let p = format!("{path}.{name}");
    (v.get(name).filter(|x| !x.is_null()), p)
}

fn required<'a>(v: &'a Value, path: &str, name: &str) -> Result<(&'a Value, String), ParseError> {
    match field(v, path, name) {
        (Some(x), p) => Ok((x, p)),
        (None, p) => Err(err(&p, "is missing")),
    }
}

fn string(v: &Value, path: &str) -> Result<String, ParseError> {
    v.as_str()
        .map(|s| s.trim().to_owned())
        .ok_or_else(|| err(path, "must be a string"))
}

fn array<'a>(v: &'a Value, path: &str) -> Result<&'a Vec<Value>, ParseError> {
    v.as_array().ok_or_else(|| err(path, "must be an array"))
}

/// A localized text object (`LokalisoituTekstiDto`); `None` when absent, null or without a
/// Finnish or Swedish text. HTML is reduced to its text.
fn text(v: Option<&Value>, path: &str) -> Result<Option<LocalText>, ParseError> {
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    if !v.is_object() {
        return Err(err(path, "must be a text object {\"fi\": …, \"sv\": …}"));
    }
    let lang = |l: &str| -> Result<Option<String>, ParseError> {
        match v.get(l).filter(|x| !x.is_null()) {
            None => Ok(None),
            Some(s) => {
                let s = plain(&string(s, &format!("{path}.{l}"))?);
                Ok((!s.is_empty()).then_some(s))
            }
        }
    };
    let (fi, sv, en) = (lang("fi")?, lang("sv")?, lang("en")?);
    Ok(match (fi, sv) {
        (Some(fi), sv) => Some(LocalText { fi, sv, en }),
        (None, Some(sv)) => Some(LocalText {
            fi: sv.clone(),
            sv: Some(sv),
            en,
        }),
        (None, None) => None,
    })
}

fn required_text(v: &Value, path: &str, name: &str) -> Result<LocalText, ParseError> {
    let (x, p) = field(v, path, name);
    text(x, &p)?.ok_or_else(|| err(&p, "must have a Finnish or Swedish text"))
}

/// Text content of an HTML fragment: tags dropped, the common entities decoded, white space
/// collapsed.
fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `<li>` items of an HTML list, as text.
fn list_items(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut items = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<li") {
        let start = from + start;
        let Some(open_end) = lower[start..].find('>') else {
            break;
        };
        let body = start + open_end + 1;
        let end = lower[body..].find("</li").map_or(lower.len(), |e| body + e);
        let item = plain(&html[body..end]);
        if !item.is_empty() {
            items.push(item);
        }
        from = end;
    }
    items
}

/// Epoch milliseconds as the date in Finland (validity dates are midnight Finnish time).
fn date(v: Option<&Value>, path: &str) -> Result<Option<Date>, ParseError> {
    let Some(v) = v else { return Ok(None) };
    let ms = v
        .as_i64()
        .ok_or_else(|| err(path, "must be epoch milliseconds"))?;
    let at = OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .map_err(|_| err(path, "is out of range"))?;
    Ok(Some(at.to_offset(helsinki_offset(at)).date()))
}

fn languages_of(name: &LocalText) -> LocalText {
    name.clone()
}

/// Parses a whole file.
pub fn parse(json: &str) -> Result<Peruste, ParseError> {
    let root: Value = serde_json::from_str(json).map_err(|e| {
        err(
            "$",
            format!(
                "is not JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
        )
    })?;
    parse_value(&root)
}

/// Parses a peruste already read as JSON.
pub fn parse_value(root: &Value) -> Result<Peruste, ParseError> {
    let p = "$";
    if !root.is_object() {
        return Err(err(p, "must be an object (PerusteKaikkiDto)"));
    }
    let (id, id_path) = required(root, p, "id")?;
    let id = id
        .as_i64()
        .ok_or_else(|| err(&id_path, "must be an integer"))?;
    let (d, d_path) = required(root, p, "diaarinumero")?;
    let diaarinumero = string(d, &d_path)?;
    if diaarinumero.is_empty() || diaarinumero.len() > 100 {
        return Err(err(&d_path, "must be 1 to 100 characters"));
    }
    let name = required_text(root, p, "nimi")?;
    let (from, from_p) = field(root, p, "voimassaoloAlkaa");
    let valid_from = date(from, &from_p)?;
    let (to, to_p) = field(root, p, "voimassaoloLoppuu");
    let valid_to = date(to, &to_p)?;
    let source_version = match root.get("globalVersion").and_then(|g| g.get("aikaleima")) {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_i64()
                .ok_or_else(|| err("$.globalVersion.aikaleima", "must be epoch milliseconds"))?,
        ),
    };
    let qualification_code = match field(root, p, "koulutukset") {
        (None, _) => None,
        (Some(k), kp) => match array(k, &kp)?.first() {
            None => None,
            Some(first) => {
                let (uri, up) = required(first, &format!("{kp}[0]"), "koulutuskoodiUri")?;
                Some(string(uri, &up)?)
            }
        },
    };
    let osp = osp_by_unit(root)?;
    let (units, units_path) = required(root, p, "tutkinnonOsat")?;
    let units = array(units, &units_path)?;
    let mut out = Vec::with_capacity(units.len());
    for (i, u) in units.iter().enumerate() {
        let up = format!("{units_path}[{i}]");
        let (koodi, kp) = required(u, &up, "koodi")?;
        let (uri, uri_p) = required(koodi, &kp, "uri")?;
        let code =
            UnitCode::parse(&string(uri, &uri_p)?).map_err(|e| err(&uri_p, e.to_string()))?;
        if out
            .iter()
            .any(|(x, _): &(QualificationUnit, Vec<Requirement>)| x.code == code)
        {
            return Err(err(&uri_p, format!("{code} appears twice")));
        }
        let unit_name = match text(u.get("nimi"), &format!("{up}.nimi"))? {
            Some(n) => n,
            None => required_text(koodi, &kp, "nimi")?,
        };
        let unit_id = u.get("id").and_then(Value::as_i64);
        let unit_osp = match u.get("laajuus").filter(|x| !x.is_null()) {
            Some(l) => Some(
                l.as_f64()
                    .ok_or_else(|| err(&format!("{up}.laajuus"), "must be a number"))?,
            ),
            None => unit_id.and_then(|id| osp.iter().find(|(u, _)| *u == id).map(|x| x.1)),
        };
        let requirements = requirements(u, &up, &code, &diaarinumero)?;
        out.push((
            QualificationUnit {
                code,
                diaarinumero: diaarinumero.clone(),
                peruste_id: id,
                qualification_code: qualification_code.clone(),
                qualification_name: languages_of(&name),
                name: unit_name,
                osp: unit_osp,
                valid_from,
                valid_to,
                source_version,
                source: format!("ePerusteet /api/external/peruste/{id}"),
            },
            requirements,
        ));
    }
    Ok(Peruste {
        id,
        diaarinumero,
        name,
        units: out,
    })
}

/// osp per unit id, from `suoritustavat[].tutkinnonOsaViitteet[]` (the first one wins).
fn osp_by_unit(root: &Value) -> Result<Vec<(i64, f64)>, ParseError> {
    let mut out = Vec::new();
    let Some(ways) = root.get("suoritustavat").filter(|x| !x.is_null()) else {
        return Ok(out);
    };
    for (i, way) in array(ways, "$.suoritustavat")?.iter().enumerate() {
        let wp = format!("$.suoritustavat[{i}]");
        let Some(refs) = way.get("tutkinnonOsaViitteet").filter(|x| !x.is_null()) else {
            continue;
        };
        for (j, r) in array(refs, &format!("{wp}.tutkinnonOsaViitteet"))?
            .iter()
            .enumerate()
        {
            let rp = format!("{wp}.tutkinnonOsaViitteet[{j}]");
            let unit = match r.get("_tutkinnonOsa") {
                Some(Value::String(s)) => s.parse::<i64>().ok(),
                Some(Value::Number(n)) => n.as_i64(),
                _ => None,
            };
            let laajuus = match r.get("laajuus").filter(|x| !x.is_null()) {
                None => None,
                Some(l) => Some(
                    l.as_f64()
                        .ok_or_else(|| err(&format!("{rp}.laajuus"), "must be a number"))?,
                ),
            };
            if let (Some(u), Some(l)) = (unit, laajuus) {
                if !out.iter().any(|(x, _)| *x == u) {
                    out.push((u, l));
                }
            }
        }
    }
    Ok(out)
}

fn requirements(
    u: &Value,
    up: &str,
    code: &UnitCode,
    diaarinumero: &str,
) -> Result<Vec<Requirement>, ParseError> {
    let mut out: Vec<Requirement> = Vec::new();
    let mut push = |key: String, area: Option<LocalText>, text: LocalText, path: &str| {
        if out.iter().any(|r| r.key == key) {
            return Err(err(path, format!("requirement {key} appears twice")));
        }
        let position = u32::try_from(out.len() + 1).unwrap_or(u32::MAX);
        out.push(Requirement {
            id: RequirementId::derive(code, diaarinumero, &key),
            unit: code.clone(),
            diaarinumero: diaarinumero.to_owned(),
            key,
            position,
            area,
            text,
        });
        Ok(())
    };
    if let (Some(a), ap) = field(u, up, "ammattitaitovaatimukset2019") {
        let mut item = |v: &Value, vp: &str, area: Option<&LocalText>, fallback: String| {
            let text = required_text(v, vp, "vaatimus")?;
            let key = match v.get("koodi").filter(|x| !x.is_null()) {
                None => fallback,
                Some(k) => {
                    let (uri, uri_p) = required(k, &format!("{vp}.koodi"), "uri")?;
                    let uri = string(uri, &uri_p)?;
                    if !uri.starts_with("ammattitaitovaatimukset_") {
                        return Err(err(&uri_p, "must be an ammattitaitovaatimukset_ code"));
                    }
                    uri
                }
            };
            push(key, area.cloned(), text, vp)
        };
        if let (Some(vs), vsp) = field(a, &ap, "vaatimukset") {
            for (j, v) in array(vs, &vsp)?.iter().enumerate() {
                item(v, &format!("{vsp}[{j}]"), None, format!("k0-{}", j + 1))?;
            }
        }
        if let (Some(areas), arp) = field(a, &ap, "kohdealueet") {
            for (k, area) in array(areas, &arp)?.iter().enumerate() {
                let kp = format!("{arp}[{k}]");
                let title = text(area.get("kuvaus"), &format!("{kp}.kuvaus"))?;
                let (vs, vsp) = required(area, &kp, "vaatimukset")?;
                for (j, v) in array(vs, &vsp)?.iter().enumerate() {
                    let fallback = format!("k{}-{}", k + 1, j + 1);
                    item(v, &format!("{vsp}[{j}]"), title.as_ref(), fallback)?;
                }
            }
        }
        return Ok(out);
    }
    if let (Some(list), lp) = field(u, up, "ammattitaitovaatimuksetLista") {
        let list = array(list, &lp)?;
        if !list.is_empty() {
            for (k, area) in list.iter().enumerate() {
                let kp = format!("{lp}[{k}]");
                let title = text(area.get("otsikko"), &format!("{kp}.otsikko"))?;
                let Some(targets) = area.get("vaatimuksenKohteet").filter(|x| !x.is_null()) else {
                    continue;
                };
                for (t, target) in array(targets, &format!("{kp}.vaatimuksenKohteet"))?
                    .iter()
                    .enumerate()
                {
                    let tp = format!("{kp}.vaatimuksenKohteet[{t}]");
                    let Some(vs) = target.get("vaatimukset").filter(|x| !x.is_null()) else {
                        continue;
                    };
                    for (j, v) in array(vs, &format!("{tp}.vaatimukset"))?.iter().enumerate() {
                        let vp = format!("{tp}.vaatimukset[{j}]");
                        let text = required_text(v, &vp, "selite")?;
                        push(
                            format!("l{}-{}-{}", k + 1, t + 1, j + 1),
                            title.clone(),
                            text,
                            &vp,
                        )?;
                    }
                }
            }
            return Ok(out);
        }
    }
    if let (Some(html), hp) = field(u, up, "ammattitaitovaatimukset") {
        if !html.is_object() {
            return Err(err(&hp, "must be a text object"));
        }
        let lang = |l: &str| -> Result<Vec<String>, ParseError> {
            match html.get(l).filter(|x| !x.is_null()) {
                None => Ok(Vec::new()),
                Some(s) => Ok(list_items(&string(s, &format!("{hp}.{l}"))?)),
            }
        };
        let (fi, sv, en) = (lang("fi")?, lang("sv")?, lang("en")?);
        // Translations are used only when they list as many items as the Finnish text.
        let pick = |v: &Vec<String>, j: usize| (v.len() == fi.len()).then(|| v[j].clone());
        for (j, item) in fi.iter().enumerate() {
            let text = LocalText {
                fi: item.clone(),
                sv: pick(&sv, j),
                en: pick(&en, j),
            };
            push(format!("html-{}", j + 1), None, text, &hp)?;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_lists_become_items() {
        let items = list_items("<p>Opiskelija osaa</p><ul>\n\t<li>tehdä &amp; <b>kirjata</b></li><li> </li><LI>siivota</li></ul>");
        assert_eq!(
            items,
            vec!["tehdä & kirjata".to_owned(), "siivota".to_owned()]
        );
    }

    #[test]
    fn errors_name_the_json_path() {
        let e = parse(r#"{"id": 1, "diaarinumero": "X-1", "nimi": {"fi": "T"}, "tutkinnonOsat": [{"koodi": {"uri": "koulutus_1"}}]}"#)
            .expect_err("bad code");
        assert_eq!(e.path, "$.tutkinnonOsat[0].koodi.uri");
        let e = parse(r#"{"id": "1"}"#).expect_err("string id");
        assert_eq!(e.path, "$.id");
        let e = parse("[1,").expect_err("not json");
        assert_eq!(e.path, "$");
    }

    #[test]
    fn midnight_in_finland_is_that_date() {
        let d = date(Some(&serde_json::json!(1_659_301_200_000_i64)), "$").expect("date");
        assert_eq!(d, Some(time::macros::date!(2022 - 08 - 01)));
    }
}
