//! Long documents: wrapping, page breaks, page numbers, tables across pages.

use polku_documents::{Document, Table};

use crate::support::parse;

fn long_document() -> Document {
    let sentence = "Työkokeilun tavoitteena on selvittää osallistujan soveltuvuus alalle ja \
                    vahvistaa hänen työelämävalmiuksiaan; säännöllinen palaute kuuluu asiaan. ";
    let mut table = Table::new(["Viikko", "Tehtävä", "Tunnit"]);
    for week in 1..=60 {
        table = table.row([
            format!("{week}"),
            format!("Tehtävä numero {week}: kahvinkeitto, tiskaus ja asiakaspalvelu"),
            "16".to_owned(),
        ]);
    }
    Document::new("fi", "Pitkä raportti")
        .h1("Pitkä raportti")
        .paragraph(sentence.repeat(30))
        .h2("Viikoittaiset tehtävät")
        .table(table)
        .bullets((1..=40).map(|n| format!("Havainto {n}: {sentence}")))
}

#[test]
fn a_long_document_breaks_into_numbered_pages() {
    let pdf = parse(&long_document().render().unwrap());
    let pages = pdf.page_count();
    assert!(pages >= 3, "{pages} pages");
    for page in 1..=pages {
        let text = pdf.page_text(page as u32);
        let number = format!("{page} / {pages}");
        assert!(
            text.contains(&number),
            "page {page} lacks {number:?}: {text}"
        );
    }
}

#[test]
fn a_table_across_pages_repeats_its_header_without_tagging_it_twice() {
    let pdf = parse(&long_document().render().unwrap());
    let pages_with_header = (1..=pdf.page_count() as u32)
        .filter(|&page| pdf.page_text(page).contains("Viikko"))
        .count();
    assert!(pages_with_header >= 2, "header not repeated");
    // The repeated header is an artifact: the structure has one header row of three cells.
    assert_eq!(pdf.count("TH"), 3);
    assert_eq!(pdf.count("TR"), 61);
    let text = pdf.text();
    for week in [1, 30, 60] {
        let row = format!("Tehtävä numero {week}:");
        assert_eq!(text.matches(&row).count(), 1, "{row}");
    }
    // Every list item made it, split or not.
    assert_eq!(pdf.count("LI"), 40);
}

#[test]
fn a_long_paragraph_is_one_paragraph_of_many_lines() {
    let pdf = parse(&long_document().render().unwrap());
    // One paragraph element for 30 sentences: lines are not paragraphs.
    assert_eq!(pdf.count("P"), 1);
    let text = pdf.text();
    assert_eq!(text.matches("säännöllinen palaute").count(), 30 + 40);
}

#[test]
fn an_empty_cell_is_still_a_cell() {
    let bytes = Document::new("fi", "Tehtävät")
        .table(
            Table::new(["Tehtävä", "Tunnit", "Huomio"])
                .row(["Tiskaus", "6", ""])
                .row(["Kassa", "", "Perehdytys ensin"]),
        )
        .render()
        .unwrap();
    let pdf = parse(&bytes);
    assert_eq!(pdf.count("TD"), 6);
    assert!(pdf.text().contains("Perehdytys ensin"));
}

#[test]
fn a_value_longer_than_a_page_continues_on_the_next_page() {
    let goal = "Tavoitteena on vahvistaa työelämätaitoja ja löytää sopiva työtehtävä. ";
    let value = (1..=120)
        .map(|n| format!("{n}. {goal}"))
        .collect::<String>();
    let bytes = Document::new("fi", "Raportti")
        .key_values([("Tavoitteet", value.as_str()), ("Seuraava", "Loppu")])
        .render()
        .unwrap();
    let pdf = parse(&bytes);
    assert!(pdf.page_count() >= 2);
    let text = pdf.text();
    assert!(text.contains("1. Tavoitteena") && text.contains("120. Tavoitteena"));
    assert!(pdf.page_text(pdf.page_count() as u32).contains("Loppu"));
    // One label–value row per pair, however many pages the value takes.
    assert_eq!(pdf.count("TR"), 2);
    assert_eq!(pdf.count("TD"), 2);
}
