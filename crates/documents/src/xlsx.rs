//! XLSX workbooks for report exports: sheets of text and numbers with a bold header row, written
//! with `rust_xlsxwriter`. Like the PDF documents, the caller passes every word.

use rust_xlsxwriter::{Format, Workbook};

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum XCell {
    Text(String),
    Number(f64),
}

/// One sheet: a name (at most 31 characters, no `[]:*?/\`; longer names are cut) and rows, the
/// first of which is the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<XCell>>,
}

/// Why a workbook could not be written (a programming error in the caller).
#[derive(Debug, thiserror::Error)]
#[error("workbook: {0}")]
pub struct XlsxError(String);

fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    clean.trim().chars().take(31).collect()
}

/// The workbook as bytes.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let err = |e: rust_xlsxwriter::XlsxError| XlsxError(e.to_string());
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(&sheet.name)).map_err(err)?;
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r).map_err(|_| XlsxError("too many rows".into()))?;
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).map_err(|_| XlsxError("too many columns".into()))?;
                match (cell, r) {
                    (XCell::Text(s), 0) => ws.write_string_with_format(r, c, s, &bold),
                    (XCell::Text(s), _) => ws.write_string(r, c, s),
                    (XCell::Number(n), _) => ws.write_number(r, c, *n),
                }
                .map_err(err)?;
            }
        }
        let widest = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
        for c in 0..widest {
            let chars = sheet
                .rows
                .iter()
                .filter_map(|row| match row.get(c) {
                    Some(XCell::Text(s)) => Some(s.chars().count()),
                    Some(XCell::Number(_)) => Some(8),
                    None => None,
                })
                .max()
                .unwrap_or(8)
                .clamp(8, 80);
            ws.set_column_width(c as u16, chars as f64 + 1.0)
                .map_err(err)?;
        }
    }
    book.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn sheets_are_written_with_their_names_and_cells() {
        let bytes = workbook(&[
            Sheet {
                name: "Tulokset: työ/koulutus".into(),
                rows: vec![
                    vec![XCell::Text("Kuukausi".into()), XCell::Text("Työ".into())],
                    vec![XCell::Text("1/2026".into()), XCell::Number(7.0)],
                ],
            },
            Sheet {
                name: "Huomiot".into(),
                rows: vec![vec![XCell::Text("Luvut alle 5 on salattu.".into())]],
            },
        ])
        .unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut book = String::new();
        zip.by_name("xl/workbook.xml")
            .unwrap()
            .read_to_string(&mut book)
            .unwrap();
        assert!(
            book.contains("Tulokset  työ koulutus") && book.contains("Huomiot"),
            "{book}"
        );
        let mut strings = String::new();
        zip.by_name("xl/sharedStrings.xml")
            .unwrap()
            .read_to_string(&mut strings)
            .unwrap();
        assert!(strings.contains("Luvut alle 5 on salattu."));
        let mut sheet = String::new();
        zip.by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_string(&mut sheet)
            .unwrap();
        assert!(sheet.contains("<v>7</v>"), "{sheet}");
    }
}
