//! A work-trial agreement, the first document Polku makes (issue 11), in Finnish and Swedish.

use polku_documents::{Document, Signature, Table};
use time::macros::datetime;

use crate::support::parse;

pub fn finnish() -> Document {
    Document::new("fi", "Työkokeilusopimus – Äijälä Åsa")
        .author("Polku-palvelu")
        .created(datetime!(2026-03-02 14:05 +02:00))
        .h1("Työkokeilusopimus")
        .h2("Osapuolet")
        .key_values([
            ("Osallistuja", "Äijälä Åsa"),
            ("Työkokeilun järjestäjä", "Kahvila Mäntylä Oy (1234567-1)"),
            ("Työpaikkaohjaaja", "Östen Björklund"),
        ])
        .h2("Aika ja tehtävät")
        .key_values([("Ajanjakso", "2.3.2026–29.5.2026")])
        .table(
            Table::new(["Tehtävä", "Tunteja viikossa"])
                .row(["Astioiden tiskaus", "6"])
                .row(["Salaattien kokoaminen", "10"]),
        )
        .h2("Kulukorvaus")
        .paragraph("Kulukorvaus on 9 € päivältä.")
        .h3("Ehdot")
        .bullets([
            "Työkokeilu ei ole työsuhde.",
            "Poissaoloista ilmoitetaan ohjaajalle.",
        ])
        .signatures([
            Signature::accepted(
                "Äijälä Åsa",
                "Osallistuja",
                "Hyväksytty palvelussa 2.3.2026 klo 14.05, Äijälä Åsa",
            ),
            Signature::on_paper(
                "Kahvila Mäntylä Oy",
                "Työkokeilun järjestäjä",
                "Päiväys, allekirjoitus ja nimenselvennys",
            ),
        ])
}

#[test]
fn text_is_extractable_with_names_dates_and_finnish_letters() {
    let pdf = parse(&finnish().render().unwrap());
    let text = pdf.text();
    for expected in [
        "Työkokeilusopimus",
        "Äijälä Åsa",
        "Kahvila Mäntylä Oy",
        "Östen Björklund",
        "2.3.2026–29.5.2026",
        "Salaattien kokoaminen",
        "9 € päivältä",
        "Hyväksytty palvelussa 2.3.2026 klo 14.05",
        "Päiväys, allekirjoitus ja nimenselvennys",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
}

#[test]
fn catalogue_says_tagged_language_and_title() {
    let pdf = parse(&finnish().render().unwrap());
    let catalog = pdf.catalog();
    assert!(catalog.has(b"StructTreeRoot"), "no /StructTreeRoot");
    let mark_info = pdf.deref(catalog.get(b"MarkInfo").expect("/MarkInfo"));
    let marked = mark_info.as_dict().unwrap().get(b"Marked").unwrap();
    assert!(marked.as_bool().unwrap(), "/Marked is false");
    assert_eq!(pdf.text_of(catalog, b"Lang").as_deref(), Some("fi"));
    let prefs = pdf.deref(
        catalog
            .get(b"ViewerPreferences")
            .expect("/ViewerPreferences"),
    );
    let display_title = prefs.as_dict().unwrap().get(b"DisplayDocTitle").unwrap();
    assert!(
        display_title.as_bool().unwrap(),
        "/DisplayDocTitle is false"
    );
    let info = pdf.info();
    assert_eq!(
        pdf.text_of(info, b"Title").as_deref(),
        Some("Työkokeilusopimus – Äijälä Åsa")
    );
    assert_eq!(
        pdf.text_of(info, b"Author").as_deref(),
        Some("Polku-palvelu")
    );
    assert_eq!(pdf.text_of(info, b"Producer").as_deref(), Some("Polku"));
    let created = pdf.text_of(info, b"CreationDate").unwrap();
    assert!(created.starts_with("D:20260302140500+02"), "{created}");
}

#[test]
fn headings_paragraphs_lists_and_tables_are_structure_elements() {
    let pdf = parse(&finnish().render().unwrap());
    assert_eq!(pdf.titles("H1"), ["Työkokeilusopimus"]);
    let mut h2 = pdf.titles("H2");
    h2.sort();
    assert_eq!(h2, ["Aika ja tehtävät", "Kulukorvaus", "Osapuolet"]);
    assert_eq!(pdf.titles("H3"), ["Ehdot"]);
    // Paragraph, the signatures' party, role and statement/caption lines.
    assert!(pdf.count("P") >= 7, "{:?}", pdf.structure());
    // Two label–value lists and the task table.
    assert_eq!(pdf.count("Table"), 3);
    assert_eq!(pdf.count("THead"), 1);
    // Two column headers, four row headers.
    assert_eq!(pdf.count("TH"), 2 + 4);
    assert_eq!(pdf.count("TD"), 4 + 4);
    assert_eq!(pdf.count("L"), 1);
    assert_eq!(pdf.count("LI"), 2);
    assert_eq!(pdf.count("Lbl"), 2);
    assert_eq!(pdf.count("LBody"), 2);
    assert_eq!(pdf.count("Div"), 2);
}

#[test]
fn the_structure_tree_reads_in_the_order_of_the_document() {
    let pdf = parse(&finnish().render().unwrap());
    assert_eq!(
        pdf.reading_order(),
        ["H1", "H2", "Table", "H2", "Table", "Table", "H2", "P", "H3", "L", "Div", "Div"]
    );
}

#[test]
fn swedish_agreement_is_marked_swedish() {
    let bytes = Document::new("sv", "Avtal om arbetsprövning")
        .h1("Avtal om arbetsprövning")
        .key_values([
            ("Deltagare", "Åsa Öhman"),
            ("Arbetsplats", "Café Ängsbacka Ab"),
        ])
        .render()
        .unwrap();
    let pdf = parse(&bytes);
    assert_eq!(pdf.text_of(pdf.catalog(), b"Lang").as_deref(), Some("sv"));
    let text = pdf.text();
    assert!(text.contains("Åsa Öhman"), "{text}");
    assert!(text.contains("Café Ängsbacka Ab"), "{text}");
    assert_eq!(pdf.titles("H1"), ["Avtal om arbetsprövning"]);
}

#[test]
fn fonts_are_embedded_as_subsets_and_the_file_is_small() {
    let pdf = parse(&finnish().render().unwrap());
    assert!(pdf.size < 200_000, "{} bytes", pdf.size);
    let fonts: Vec<String> = pdf
        .doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"Type")
                .and_then(lopdf::Object::as_name)
                .is_ok_and(|n| n == b"FontDescriptor")
        })
        .map(|d| {
            assert!(
                d.has(b"FontFile2") || d.has(b"FontFile3"),
                "font not embedded: {d:?}"
            );
            String::from_utf8_lossy(d.get(b"FontName").unwrap().as_name().unwrap()).into_owned()
        })
        .collect();
    assert_eq!(fonts.len(), 2, "{fonts:?}");
    for name in &fonts {
        // A subset's name starts with a six-letter tag and a plus sign.
        assert_eq!(name.find('+'), Some(6), "{name}");
        assert!(name.contains("DejaVuSans"), "{name}");
    }
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let first = finnish().render().unwrap();
    let second = finnish().render().unwrap();
    assert!(first == second, "two renders of one document differ");
    let other_day = finnish()
        .created(datetime!(2026-03-03 09:00 +02:00))
        .render()
        .unwrap();
    assert!(first != other_day, "the creation date is not in the file");
}
