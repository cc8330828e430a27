//! Drawing a laid-out document with krilla: every line of content is a marked-content span that
//! is a leaf of the structure tree; rules and page numbers are artifacts. Exported as PDF/UA-1,
//! so krilla refuses a document without a title or with text it cannot map back to Unicode.

use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node as TagNode, SpanTag,
    TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::SerializeSettings;
use time::OffsetDateTime;

use crate::error::Error;
use crate::fonts::{self, Weight};
use crate::layout::{self, Bookmark, Content, Kind, Node, Page, PAGE_HEIGHT, PAGE_WIDTH};
use crate::model::Document;

/// The producer written when the caller names none (a product name, not translated).
const DEFAULT_PRODUCER: &str = "Polku";

struct Fonts {
    regular: Font,
    bold: Font,
}

impl Fonts {
    fn load() -> Result<Self, Error> {
        let load = |weight| {
            fonts::pdf_font(weight)
                .ok_or_else(|| Error::Pdf(format!("embedded font {weight:?} does not parse")))
        };
        Ok(Self {
            regular: load(Weight::Regular)?,
            bold: load(Weight::Bold)?,
        })
    }

    fn get(&self, weight: Weight) -> Font {
        match weight {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        }
    }
}

pub(crate) fn render(document: &Document) -> Result<Vec<u8>, Error> {
    let laid = layout::lay_out(document, fonts::measure());
    let fonts = Fonts::load()?;
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| Error::Pdf(format!("{e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut pdf = krilla::Document::new_with(settings);
    let page_settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| Error::Pdf("page size".to_owned()))?;

    let mut identifiers: Vec<Option<Identifier>> = vec![None; laid.leaves];
    for page in &laid.pages {
        let mut pdf_page = pdf.start_page_with(page_settings.clone());
        let mut surface = pdf_page.surface();
        draw_page(&mut surface, page, &fonts, &mut identifiers);
        surface.finish();
        pdf_page.finish();
    }

    let mut tree = TagTree::new().with_lang(Some(document.lang.clone()));
    for node in laid.structure.clone() {
        if let Some(node) = to_tag(node, &mut identifiers) {
            tree.push(node);
        }
    }
    pdf.set_tag_tree(tree);
    let mut outline = Outline::new();
    for node in outline_nodes(&laid.bookmarks) {
        outline.push_child(node);
    }
    pdf.set_outline(outline);
    pdf.set_metadata(metadata(document));
    pdf.finish().map_err(pdf_error)
}

/// krilla's error with the failed PDF/UA checks spelled out.
fn pdf_error(error: KrillaError) -> Error {
    match error {
        KrillaError::Validation(failures) => {
            let failures: Vec<String> = failures.iter().map(|(f, _)| format!("{f:?}")).collect();
            Error::Pdf(format!("PDF/UA-1 check failed: {}", failures.join("; ")))
        }
        other => Error::Pdf(other.to_string()),
    }
}

fn draw_page(
    surface: &mut Surface<'_>,
    page: &Page,
    fonts: &Fonts,
    identifiers: &mut [Option<Identifier>],
) {
    for rule in &page.rules {
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::Layout,
        )));
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: rgb::Color::new(rule.grey, rule.grey, rule.grey).into(),
            width: rule.width,
            ..Stroke::default()
        }));
        let mut path = PathBuilder::new();
        path.move_to(rule.x1, rule.y);
        path.line_to(rule.x2, rule.y);
        if let Some(path) = path.finish() {
            surface.draw_path(&path);
        }
        surface.set_stroke(None);
        surface.set_fill(Some(Fill::default()));
        surface.end_tagged();
    }
    for run in &page.runs {
        let tag = match run.content {
            Content::Tagged(_) => ContentTag::Span(SpanTag::empty()),
            Content::Layout => ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)),
            Content::PageNumber => {
                ContentTag::Artifact(Artifact::with_kind(ArtifactType::PageNumber))
            }
        };
        let id = surface.start_tagged(tag);
        if !run.text.is_empty() {
            surface.draw_text(
                Point::from_xy(run.x, run.baseline),
                fonts.get(run.style.weight),
                run.style.size,
                &run.text,
                false,
                TextDirection::Auto,
            );
        }
        surface.end_tagged();
        if let Content::Tagged(leaf) = run.content {
            if let Some(slot) = identifiers.get_mut(leaf) {
                *slot = Some(id);
            }
        }
    }
}

/// The outline (bookmarks) from the headings: each heading holds the deeper ones after it.
fn outline_nodes(bookmarks: &[Bookmark]) -> Vec<OutlineNode> {
    let mut nodes = Vec::new();
    let mut index = 0;
    while let Some(head) = bookmarks.get(index) {
        let mut end = index + 1;
        while bookmarks.get(end).is_some_and(|b| b.level > head.level) {
            end += 1;
        }
        let destination = XyzDestination::new(head.page, Point::from_xy(0.0, head.y));
        let mut node = OutlineNode::new(head.title.clone(), destination).with_open(true);
        for child in outline_nodes(&bookmarks[index + 1..end]) {
            node.push_child(child);
        }
        nodes.push(node);
        index = end;
    }
    nodes
}

/// Turns the layout's structure into krilla's tag tree; empty groups are dropped.
fn to_tag(node: Node, identifiers: &mut [Option<Identifier>]) -> Option<TagNode> {
    match node {
        Node::Leaf(leaf) => identifiers.get_mut(leaf)?.take().map(TagNode::from),
        Node::Group(kind, children) => {
            let children: Vec<TagNode> = children
                .into_iter()
                .filter_map(|child| to_tag(child, identifiers))
                .collect();
            if children.is_empty() {
                return None;
            }
            Some(TagGroup::with_children(tag_kind(kind), children).into())
        }
    }
}

fn tag_kind(kind: Kind) -> TagKind {
    match kind {
        Kind::Heading(level, title) => {
            let level = NonZeroU16::new(u16::from(level.number())).unwrap_or(NonZeroU16::MIN);
            Tag::Hn(level, Some(title)).into()
        }
        Kind::P => Tag::P.into(),
        Kind::L => Tag::L(ListNumbering::Disc).into(),
        Kind::LI => Tag::LI.into(),
        Kind::Lbl => Tag::Lbl.into(),
        Kind::LBody => Tag::LBody.into(),
        Kind::Table => Tag::Table.into(),
        Kind::THead => Tag::THead.into(),
        Kind::TBody => Tag::TBody.into(),
        Kind::TR => Tag::TR.into(),
        Kind::ThColumn => Tag::TH(TableHeaderScope::Column).into(),
        Kind::ThRow => Tag::TH(TableHeaderScope::Row).into(),
        Kind::TD => Tag::TD.into(),
        Kind::Div => Tag::Div.into(),
    }
}

fn metadata(document: &Document) -> Metadata {
    let producer = document
        .metadata
        .producer
        .clone()
        .unwrap_or_else(|| DEFAULT_PRODUCER.to_owned());
    let mut metadata = Metadata::new()
        .title(document.title.clone())
        .language(document.lang.clone())
        .creator(producer.clone())
        .producer(producer);
    if let Some(author) = &document.metadata.author {
        metadata = metadata.authors(vec![author.clone()]);
    }
    if let Some(created) = document.metadata.created.and_then(pdf_date) {
        metadata = metadata.creation_date(created);
    }
    metadata
}

fn pdf_date(at: OffsetDateTime) -> Option<DateTime> {
    let year = u16::try_from(at.year()).ok()?;
    let offset = at.offset();
    Some(
        DateTime::new(year)
            .month(u8::from(at.month()))
            .day(at.day())
            .hour(at.hour())
            .minute(at.minute())
            .second(at.second())
            .utc_offset_hour(offset.whole_hours())
            .utc_offset_minute(offset.minutes_past_hour().unsigned_abs()),
    )
}
