//! Accessible PDF documents for Polku.
//!
//! A [`Document`] is a title, a language and a sequence of blocks: headings (levels 1–3),
//! paragraphs, label–value lists, tables, bulleted lists and signature lines. [`Document::render`]
//! lays it out on A4 pages (text wraps; tables and lists break across pages, a table repeats its
//! header; every page has "page / pages" in its footer) and writes a tagged PDF with
//! [krilla](https://docs.rs/krilla): a structure tree of `H1`–`H3`, `P`, `L`, `Table` …,
//! `/MarkInfo << /Marked true >>`, the language in the catalogue's `/Lang`, the title shown by
//! viewers, checked against PDF/UA-1 while writing. The text font, DejaVu Sans, is compiled in
//! and embedded as a subset of the glyphs used.
//!
//! This crate holds no user-facing words: the caller passes every text in the document's
//! language. It knows nothing of Polku's other crates.
//!
//! # Example: a work-trial agreement
//!
//! ```
//! use polku_documents::{Document, Signature, Table};
//! use time::macros::datetime;
//!
//! let pdf = Document::new("fi", "Työkokeilusopimus")
//!     .author("Polku-palvelu")
//!     .created(datetime!(2026-03-02 14:05 +02:00))
//!     .h1("Työkokeilusopimus")
//!     .h2("Osapuolet")
//!     .key_values([
//!         ("Osallistuja", "Äijälä Åsa"),
//!         ("Työkokeilun järjestäjä", "Kahvila Mäntylä Oy (1234567-1)"),
//!         ("Työpaikkaohjaaja", "Östen Björklund, puh. 040 123 4567"),
//!         ("Vastuuvalmentaja", "Maija Meikäläinen"),
//!     ])
//!     .h2("Työkokeilun aika")
//!     .key_values([
//!         ("Ajanjakso", "2.3.2026–29.5.2026"),
//!         ("Työaika", "4 tuntia päivässä, 4 päivänä viikossa (16 h/vko)"),
//!     ])
//!     .h2("Tehtävät")
//!     .table(
//!         Table::new(["Tehtävä", "Tunteja viikossa"])
//!             .row(["Astioiden tiskaus ja lajittelu", "6"])
//!             .row(["Salaattien kokoaminen", "6"])
//!             .row(["Kassalla avustaminen", "4"]),
//!     )
//!     .h2("Kulukorvaus")
//!     .paragraph(
//!         "Osallistujalle maksetaan kulukorvausta 9 € päivältä niiltä päiviltä, \
//!          joina hän osallistuu työkokeiluun.",
//!     )
//!     .h2("Ehdot")
//!     .bullets([
//!         "Työkokeilu ei ole työsuhde, eikä siitä makseta palkkaa.",
//!         "Poissaoloista ilmoitetaan työpaikkaohjaajalle ja vastuuvalmentajalle.",
//!     ])
//!     .h2("Hyväksyminen")
//!     .signatures([
//!         Signature::accepted(
//!             "Äijälä Åsa",
//!             "Osallistuja",
//!             "Hyväksytty palvelussa 2.3.2026 klo 14.05, Äijälä Åsa",
//!         ),
//!         Signature::on_paper(
//!             "Kahvila Mäntylä Oy",
//!             "Työkokeilun järjestäjä",
//!             "Päiväys, allekirjoitus ja nimenselvennys",
//!         ),
//!     ])
//!     .render()?;
//! assert!(pdf.starts_with(b"%PDF-"));
//! # Ok::<(), polku_documents::Error>(())
//! ```
//!
//! Rendering takes milliseconds of CPU per page; in a web handler run it in
//! `tokio::task::spawn_blocking`.

mod error;
pub mod europass;
mod fonts;
mod lang;
mod layout;
mod model;
mod render;
pub mod upload;
pub mod xlsx;

pub use error::Error;
pub use model::{Block, Document, HeadingLevel, Metadata, Signature, SignatureMark, Table};
