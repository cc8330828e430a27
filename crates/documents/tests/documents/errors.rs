//! Documents that cannot be rendered say why.

use polku_documents::{Document, Error, Table};

/// The error a document is refused with (without printing a whole PDF when it is not).
fn refusal(document: &Document) -> Error {
    match document.render() {
        Ok(bytes) => panic!("rendered {} bytes instead of refusing", bytes.len()),
        Err(err) => err,
    }
}

#[test]
fn a_language_that_is_not_bcp47_is_refused() {
    for tag in ["suomen kieli", "fi_FI", "", "fi-"] {
        let err = refusal(&Document::new(tag, "Otsikko"));
        assert_eq!(err, Error::InvalidLanguage(tag.into()));
    }
}

#[test]
fn a_blank_title_is_refused() {
    let err = refusal(&Document::new("fi", "  "));
    assert_eq!(err, Error::EmptyTitle);
}

#[test]
fn a_table_row_must_have_as_many_cells_as_the_header() {
    let err = refusal(
        &Document::new("fi", "Otsikko").paragraph("Teksti").table(
            Table::new(["Tehtävä", "Tunnit"])
                .row(["Tiskaus", "6"])
                .row(["Kassa"]),
        ),
    );
    assert_eq!(
        err,
        Error::TableRowWidth {
            block: 1,
            row: 1,
            expected: 2,
            found: 1
        }
    );
}

#[test]
fn an_empty_document_still_renders_one_page() {
    let bytes = Document::new("en", "Empty").render().unwrap();
    let pdf = crate::support::parse(&bytes);
    assert_eq!(pdf.page_count(), 1);
    assert!(pdf.page_text(1).contains("1 / 1"));
}
