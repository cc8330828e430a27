//! The document model: a title, a language, metadata and a sequence of blocks.
//!
//! Every text is given by the caller, already in the document's language: this crate holds no
//! user-facing words of its own (the page numbers in the footer, "2 / 3", are language-neutral).

use time::OffsetDateTime;

use crate::error::Error;

/// A heading level. Documents use three: the document's own heading (H1), its sections (H2)
/// and subsections (H3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HeadingLevel {
    /// The document's visible title; tagged `H1`.
    H1,
    /// A section; tagged `H2`.
    H2,
    /// A subsection; tagged `H3`.
    H3,
}

impl HeadingLevel {
    /// The level as a number, 1–3.
    pub fn number(self) -> u8 {
        match self {
            Self::H1 => 1,
            Self::H2 => 2,
            Self::H3 => 3,
        }
    }

    /// The level for a number 1–3, or `None`.
    pub fn from_number(n: u8) -> Option<Self> {
        match n {
            1 => Some(Self::H1),
            2 => Some(Self::H2),
            3 => Some(Self::H3),
            _ => None,
        }
    }
}

/// A table: one header row and any number of body rows with the same number of cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Column headings (tagged `TH` with column scope).
    pub header: Vec<String>,
    /// Body rows (cells tagged `TD`).
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column headings and no rows yet.
    pub fn new<I, S>(header: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            header: header.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a body row.
    pub fn row<I, S>(mut self, cells: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rows.push(cells.into_iter().map(Into::into).collect());
        self
    }
}

/// How a party's signature line is filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignatureMark {
    /// The party accepted the document in the service. The statement is the caller's sentence,
    /// e.g. "Hyväksytty palvelussa 2.3.2026 klo 14.05, Maija Meikäläinen".
    Accepted {
        /// The sentence printed in place of a handwritten signature.
        statement: String,
    },
    /// An empty line to sign on paper, with a caption printed under the line
    /// (e.g. "Päiväys, allekirjoitus ja nimenselvennys").
    OnPaper {
        /// The caption under the line.
        caption: String,
    },
}

/// A party's signature: name, role and how the party signs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// The party's name (a person or an organisation).
    pub party: String,
    /// The party's role in the document (e.g. "Työkokeilun järjestäjä").
    pub role: String,
    /// Accepted in the service, or a line to sign on paper.
    pub mark: SignatureMark,
}

impl Signature {
    /// A party who accepted the document in the service; `statement` says when and by whom.
    pub fn accepted(
        party: impl Into<String>,
        role: impl Into<String>,
        statement: impl Into<String>,
    ) -> Self {
        Self {
            party: party.into(),
            role: role.into(),
            mark: SignatureMark::Accepted {
                statement: statement.into(),
            },
        }
    }

    /// A party who signs on paper: an empty line with `caption` under it.
    pub fn on_paper(
        party: impl Into<String>,
        role: impl Into<String>,
        caption: impl Into<String>,
    ) -> Self {
        Self {
            party: party.into(),
            role: role.into(),
            mark: SignatureMark::OnPaper {
                caption: caption.into(),
            },
        }
    }
}

/// One block of content, laid out top to bottom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading; kept on the same page as the start of what follows.
    Heading(HeadingLevel, String),
    /// A paragraph; wraps, and may break across pages between lines. A `\n` starts a new line.
    Paragraph(String),
    /// Label–value pairs ("Osallistuja: Maija Meikäläinen"), tagged as a table whose first
    /// column holds row headers.
    KeyValues(Vec<(String, String)>),
    /// A table with a header row; breaks between rows and repeats the header on the next page.
    Table(Table),
    /// A bulleted list; tagged `L` / `LI` / `Lbl` / `LBody`.
    Bullets(Vec<String>),
    /// Signature lines, one after another; a signature is never split across pages.
    Signatures(Vec<Signature>),
}

/// Document metadata written into the PDF's information dictionary and XMP packet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Who wrote the document (e.g. the organisation); the PDF `Author`.
    pub author: Option<String>,
    /// The program that made it; the PDF `Creator` and `Producer`. Defaults to "Polku".
    pub producer: Option<String>,
    /// When the document was made. Leave it unset, or pass a fixed time, for byte-identical
    /// output in tests: rendering never reads the clock.
    pub created: Option<OffsetDateTime>,
}

/// A document: build it with the chained methods, then [`Document::render`] it to PDF bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub(crate) lang: String,
    pub(crate) title: String,
    pub(crate) metadata: Metadata,
    pub(crate) blocks: Vec<Block>,
}

impl Document {
    /// A new, empty document in language `lang` (a BCP 47 tag such as `fi`, `sv`, `en` or
    /// `fi-FI`, written into the PDF catalogue's `/Lang`) with `title` (the PDF title, which
    /// viewers show instead of the file name). The title is metadata only: add it as a visible
    /// heading with [`Document::heading`] where the document should show it.
    pub fn new(lang: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            lang: lang.into(),
            title: title.into(),
            metadata: Metadata::default(),
            blocks: Vec::new(),
        }
    }

    /// Sets the author (the PDF `Author`).
    pub fn author(mut self, author: impl Into<String>) -> Self {
        self.metadata.author = Some(author.into());
        self
    }

    /// Sets the producing program (the PDF `Creator` and `Producer`; default "Polku").
    pub fn producer(mut self, producer: impl Into<String>) -> Self {
        self.metadata.producer = Some(producer.into());
        self
    }

    /// Sets the creation date and time.
    pub fn created(mut self, created: OffsetDateTime) -> Self {
        self.metadata.created = Some(created);
        self
    }

    /// Adds a heading.
    pub fn heading(mut self, level: HeadingLevel, text: impl Into<String>) -> Self {
        self.blocks.push(Block::Heading(level, text.into()));
        self
    }

    /// Adds a level-1 heading (the document's visible title).
    pub fn h1(self, text: impl Into<String>) -> Self {
        self.heading(HeadingLevel::H1, text)
    }

    /// Adds a level-2 heading (a section).
    pub fn h2(self, text: impl Into<String>) -> Self {
        self.heading(HeadingLevel::H2, text)
    }

    /// Adds a level-3 heading (a subsection).
    pub fn h3(self, text: impl Into<String>) -> Self {
        self.heading(HeadingLevel::H3, text)
    }

    /// Adds a paragraph.
    pub fn paragraph(mut self, text: impl Into<String>) -> Self {
        self.blocks.push(Block::Paragraph(text.into()));
        self
    }

    /// Adds a list of label–value pairs.
    pub fn key_values<I, K, V>(mut self, pairs: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let pairs = pairs
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        self.blocks.push(Block::KeyValues(pairs));
        self
    }

    /// Adds a table.
    pub fn table(mut self, table: Table) -> Self {
        self.blocks.push(Block::Table(table));
        self
    }

    /// Adds a bulleted list.
    pub fn bullets<I, S>(mut self, items: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.blocks
            .push(Block::Bullets(items.into_iter().map(Into::into).collect()));
        self
    }

    /// Adds signature lines.
    pub fn signatures(mut self, signatures: impl IntoIterator<Item = Signature>) -> Self {
        self.blocks
            .push(Block::Signatures(signatures.into_iter().collect()));
        self
    }

    /// Adds any block.
    pub fn block(mut self, block: Block) -> Self {
        self.blocks.push(block);
        self
    }

    /// The document's language tag.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The document's title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The blocks in order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Renders the document to PDF bytes: tagged (PDF/UA-1), with the fonts subset and embedded.
    ///
    /// The result depends only on the document: the same document gives the same bytes.
    /// Rendering is CPU work of a few milliseconds per page; call it off the async threads
    /// (`tokio::task::spawn_blocking`).
    ///
    /// # Errors
    /// [`Error`] when the language tag is not BCP 47, the title is blank, a table row has a
    /// different number of cells than its header, or the PDF library refuses the document.
    pub fn render(&self) -> Result<Vec<u8>, Error> {
        self.check()?;
        crate::render::render(self)
    }

    fn check(&self) -> Result<(), Error> {
        crate::lang::check(&self.lang)?;
        if self.title.trim().is_empty() {
            return Err(Error::EmptyTitle);
        }
        for (index, block) in self.blocks.iter().enumerate() {
            if let Block::Table(table) = block {
                if table.header.is_empty() {
                    return Err(Error::EmptyTableHeader { block: index });
                }
                for (row, cells) in table.rows.iter().enumerate() {
                    if cells.len() != table.header.len() {
                        return Err(Error::TableRowWidth {
                            block: index,
                            row,
                            expected: table.header.len(),
                            found: cells.len(),
                        });
                    }
                }
            }
        }
        Ok(())
    }
}
