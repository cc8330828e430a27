//! Checking an uploaded file before it is stored (R25): its type is read from its content
//! (magic bytes), never from its name or the client's `Content-Type`, and a PDF is parsed
//! (object streams too, with lopdf) and refused if it carries active content: JavaScript,
//! actions run on opening or on events (`/OpenAction`, `/AA`), launch actions, embedded files
//! or file attachments, XFA forms, rich media. Encrypted PDFs are refused too (their objects
//! cannot be checked). The raw bytes are scanned for the same names as well, so an object the
//! parser did not reach (an unreferenced object, a broken cross-reference table) is not missed.

use lopdf::{Dictionary, Object};

/// The largest file accepted: 10 MiB.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;

/// A file type that may be uploaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileType {
    Pdf,
    Png,
    Jpeg,
}

impl FileType {
    /// The media type the file is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
        }
    }

    /// The file-name extension downloads are given.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Jpeg => "jpg",
        }
    }

    /// The type for a stored media type.
    pub fn from_content_type(s: &str) -> Option<Self> {
        [Self::Pdf, Self::Png, Self::Jpeg]
            .into_iter()
            .find(|t| t.content_type() == s)
    }
}

/// The kind of active content found in a PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActiveContent {
    JavaScript,
    /// `/OpenAction` or an additional-actions dictionary (`/AA`).
    AutomaticAction,
    Launch,
    /// Embedded files or file-attachment annotations.
    EmbeddedFile,
    /// An XFA form (`/XFA` in the AcroForm).
    Xfa,
    RichMedia,
}

impl ActiveContent {
    /// A stable code (`pdf_javascript`, …) for the API and the pages' translations.
    pub fn code(self) -> &'static str {
        match self {
            Self::JavaScript => "pdf_javascript",
            Self::AutomaticAction => "pdf_automatic_action",
            Self::Launch => "pdf_launch_action",
            Self::EmbeddedFile => "pdf_embedded_file",
            Self::Xfa => "pdf_xfa_form",
            Self::RichMedia => "pdf_rich_media",
        }
    }
}

/// Why an upload was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Refusal {
    Empty,
    TooLarge,
    /// The content is not a PDF, PNG or JPEG file.
    UnknownType,
    /// A PDF that cannot be parsed.
    Unreadable,
    Encrypted,
    Active(ActiveContent),
}

impl Refusal {
    /// A stable code for the API and the pages' translations.
    pub fn code(self) -> &'static str {
        match self {
            Self::Empty => "file_empty",
            Self::TooLarge => "file_too_large",
            Self::UnknownType => "file_type_not_allowed",
            Self::Unreadable => "pdf_unreadable",
            Self::Encrypted => "pdf_encrypted",
            Self::Active(a) => a.code(),
        }
    }
}

/// Names that mark active content, as keys or as values (`/S /JavaScript`,
/// `/Type /EmbeddedFile`, `/Subtype /FileAttachment`).
const ACTIVE_NAMES: [(&[u8], ActiveContent); 11] = [
    (b"JavaScript", ActiveContent::JavaScript),
    (b"JS", ActiveContent::JavaScript),
    (b"OpenAction", ActiveContent::AutomaticAction),
    (b"AA", ActiveContent::AutomaticAction),
    (b"Launch", ActiveContent::Launch),
    (b"EmbeddedFiles", ActiveContent::EmbeddedFile),
    (b"EmbeddedFile", ActiveContent::EmbeddedFile),
    (b"FileAttachment", ActiveContent::EmbeddedFile),
    (b"XFA", ActiveContent::Xfa),
    (b"RichMedia", ActiveContent::RichMedia),
    (b"RichMediaExecute", ActiveContent::RichMedia),
];

fn active_name(name: &[u8]) -> Option<ActiveContent> {
    ACTIVE_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, a)| a)
}

/// The type of an uploaded file, read from its content, or why it is refused.
pub fn inspect(bytes: &[u8]) -> Result<FileType, Refusal> {
    if bytes.is_empty() {
        return Err(Refusal::Empty);
    }
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(Refusal::TooLarge);
    }
    if bytes.starts_with(b"%PDF-") {
        check_pdf(bytes)?;
        Ok(FileType::Pdf)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.get(12..16) == Some(b"IHDR") {
        Ok(FileType::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) && bytes.len() > 4 {
        Ok(FileType::Jpeg)
    } else {
        Err(Refusal::UnknownType)
    }
}

fn check_pdf(bytes: &[u8]) -> Result<(), Refusal> {
    if let Some(a) = raw_scan(bytes) {
        return Err(Refusal::Active(a));
    }
    let doc = lopdf::Document::load_mem(bytes).map_err(|_| Refusal::Unreadable)?;
    if doc.trailer.get(b"Encrypt").is_ok() {
        return Err(Refusal::Encrypted);
    }
    for object in doc.objects.values() {
        if let Some(a) = active_object(object) {
            return Err(Refusal::Active(a));
        }
    }
    Ok(())
}

fn active_dict(d: &Dictionary) -> Option<ActiveContent> {
    d.iter()
        .find_map(|(k, v)| active_name(k).or_else(|| active_object(v)))
}

fn active_object(o: &Object) -> Option<ActiveContent> {
    match o {
        Object::Name(n) => active_name(n),
        Object::Dictionary(d) => active_dict(d),
        Object::Stream(s) => active_dict(&s.dict),
        Object::Array(a) => a.iter().find_map(active_object),
        _ => None,
    }
}

/// A PDF delimiter or white-space byte (ends a name).
fn ends_name(b: u8) -> bool {
    b.is_ascii_whitespace() || b"()<>[]{}/%\0".contains(&b)
}

/// The active-content names written out in the raw bytes (`/JavaScript` followed by a
/// delimiter), outside compressed streams.
fn raw_scan(bytes: &[u8]) -> Option<ActiveContent> {
    bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'/')
        .find_map(|(i, _)| {
            let rest = &bytes[i + 1..];
            let len = rest
                .iter()
                .position(|&b| ends_name(b))
                .unwrap_or(rest.len());
            active_name(&rest[..len])
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pdf_with(catalog_extra: &str) -> Vec<u8> {
        // A minimal one-page PDF; the cross-reference offsets are computed.
        let objects = [
            format!("<< /Type /Catalog /Pages 2 0 R {catalog_extra}>>"),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>".to_owned(),
        ];
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for off in offsets {
            out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    #[test]
    fn a_plain_pdf_is_accepted() {
        assert_eq!(inspect(&pdf_with("")), Ok(FileType::Pdf));
    }

    #[test]
    fn active_pdfs_are_refused_with_the_reason() {
        let cases = [
            ("/Names << /JavaScript << /Names [(a) << /S /JavaScript /JS (app.alert(1)) >>] >> >> ", ActiveContent::JavaScript),
            ("/OpenAction [3 0 R /Fit] ", ActiveContent::AutomaticAction),
            ("/AA << /O 3 0 R >> ", ActiveContent::AutomaticAction),
            ("/Foo << /S /Launch /F (calc.exe) >> ", ActiveContent::Launch),
            ("/Names << /EmbeddedFiles << /Names [] >> >> ", ActiveContent::EmbeddedFile),
            ("/AcroForm << /Fields [] /XFA [] >> ", ActiveContent::Xfa),
        ];
        for (extra, want) in cases {
            assert_eq!(
                inspect(&pdf_with(extra)),
                Err(Refusal::Active(want)),
                "{extra}"
            );
        }
    }

    #[test]
    fn a_hex_escaped_name_is_found_by_the_parser() {
        // `/J#61vaScript` is `/JavaScript`: the raw scan misses it, the parser does not.
        let got = inspect(&pdf_with("/Foo << /S /J#61vaScript >> "));
        assert_eq!(got, Err(Refusal::Active(ActiveContent::JavaScript)));
    }

    #[test]
    fn a_generated_document_passes() {
        let pdf = crate::Document::new("fi", "Ansioluettelo")
            .h1("Ansioluettelo")
            .paragraph("Äijälä Åsa")
            .render()
            .expect("a small document renders");
        assert_eq!(inspect(&pdf), Ok(FileType::Pdf));
    }

    #[test]
    fn type_comes_from_content_not_name() {
        assert_eq!(
            inspect(b"<html><script>alert(1)</script>"),
            Err(Refusal::UnknownType)
        );
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
        assert_eq!(inspect(png), Ok(FileType::Png));
        assert_eq!(
            inspect(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16]),
            Ok(FileType::Jpeg)
        );
        assert_eq!(inspect(b""), Err(Refusal::Empty));
        assert_eq!(inspect(b"%PDF-1.7 broken"), Err(Refusal::Unreadable));
        let big = vec![0xFF; MAX_UPLOAD_BYTES + 1];
        assert_eq!(inspect(&big), Err(Refusal::TooLarge));
    }
}
