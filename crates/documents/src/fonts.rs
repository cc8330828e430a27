//! The embedded fonts (DejaVu Sans, see `data/fonts/`) and text measurement.
//!
//! Text is measured with the same shaper (rustybuzz) that krilla draws with, so a line that
//! fits when measured fits when drawn. krilla embeds only the glyphs a document uses.

use std::sync::OnceLock;

use rustybuzz::{Face, UnicodeBuffer};

static REGULAR: &[u8] = include_bytes!("../../../data/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../data/fonts/DejaVuSans-Bold.ttf");

/// The two faces a document uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

impl Weight {
    fn data(self) -> &'static [u8] {
        match self {
            Self::Regular => REGULAR,
            Self::Bold => BOLD,
        }
    }
}

/// A face and a size in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Style {
    pub(crate) weight: Weight,
    pub(crate) size: f32,
}

impl Style {
    pub(crate) const fn new(weight: Weight, size: f32) -> Self {
        Self { weight, size }
    }
}

/// The shaping faces, parsed once.
pub(crate) struct Measure {
    regular: Face<'static>,
    bold: Face<'static>,
}

impl std::fmt::Debug for Measure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Measure(DejaVu Sans, DejaVu Sans Bold)")
    }
}

/// The process-wide measuring faces. The fonts are compiled in, so parsing them cannot fail
/// at run time unless the files in `data/fonts/` are broken, which the tests catch.
pub(crate) fn measure() -> &'static Measure {
    static MEASURE: OnceLock<Measure> = OnceLock::new();
    MEASURE.get_or_init(|| Measure {
        regular: parse(Weight::Regular),
        bold: parse(Weight::Bold),
    })
}

#[expect(
    clippy::expect_used,
    reason = "the fonts are compiled in; a broken font file is a build defect the tests catch"
)]
fn parse(weight: Weight) -> Face<'static> {
    Face::from_slice(weight.data(), 0).expect("embedded font parses")
}

impl Measure {
    /// The advance width of `text` in points.
    pub(crate) fn width(&self, style: Style, text: &str) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let face = match style.weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        };
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(face, &[], buffer);
        let units: i64 = shaped
            .glyph_positions()
            .iter()
            .map(|p| i64::from(p.x_advance))
            .sum();
        units as f32 * style.size / f32::from(face.units_per_em() as u16)
    }
}

/// The krilla font for a weight.
pub(crate) fn pdf_font(weight: Weight) -> Option<krilla::text::Font> {
    krilla::text::Font::new(krilla::Data::from(weight.data()), 0)
}
