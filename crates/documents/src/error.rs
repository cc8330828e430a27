//! The one error type of this crate.

/// Why a document could not be rendered. These are programming errors in the caller (a web
/// handler builds the document from stored data), not user input errors: log them and answer 500.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    /// The language is not a BCP 47 tag (`fi`, `sv`, `en`, `fi-FI`, `se`, …).
    #[error("document language {0:?} is not a BCP 47 language tag")]
    InvalidLanguage(String),
    /// The title is empty or only white space; PDF/UA requires a title.
    #[error("document title is empty")]
    EmptyTitle,
    /// A table has no columns.
    #[error("table in block {block} has no header cells")]
    EmptyTableHeader {
        /// Index of the block in the document.
        block: usize,
    },
    /// A table row has a different number of cells than the header.
    #[error("table in block {block}, row {row}: {found} cells, header has {expected}")]
    TableRowWidth {
        /// Index of the block in the document.
        block: usize,
        /// Index of the body row.
        row: usize,
        /// Number of header cells.
        expected: usize,
        /// Number of cells in the row.
        found: usize,
    },
    /// The PDF library refused the document (e.g. a PDF/UA-1 check failed).
    #[error("PDF could not be written: {0}")]
    Pdf(String),
}
