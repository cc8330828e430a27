//! Reading a rendered PDF back with lopdf.

use lopdf::{Dictionary, Object};

/// A parsed PDF with the bytes it came from.
pub struct Pdf {
    pub doc: lopdf::Document,
    pub size: usize,
}

pub fn parse(bytes: &[u8]) -> Pdf {
    let doc = lopdf::Document::load_mem(bytes).expect("the output parses as PDF");
    Pdf {
        doc,
        size: bytes.len(),
    }
}

impl Pdf {
    pub fn catalog(&self) -> &Dictionary {
        self.doc.catalog().expect("catalogue")
    }

    pub fn deref<'a>(&'a self, object: &'a Object) -> &'a Object {
        self.doc.dereference(object).expect("reference resolves").1
    }

    /// A text string of a dictionary (catalogue `/Lang`, info `/Title` …), decoded.
    pub fn text_of(&self, dict: &Dictionary, key: &[u8]) -> Option<String> {
        let object = self.deref(dict.get(key).ok()?);
        lopdf::decode_text_string(object).ok()
    }

    /// The document information dictionary.
    pub fn info(&self) -> &Dictionary {
        let info = self.doc.trailer.get(b"Info").expect("trailer has /Info");
        self.deref(info).as_dict().expect("info dictionary")
    }

    pub fn page_count(&self) -> usize {
        self.doc.get_pages().len()
    }

    /// The extracted text of one page (1-based).
    pub fn page_text(&self, page: u32) -> String {
        self.doc.extract_text(&[page]).expect("text extracts")
    }

    /// The extracted text of all pages, lines joined by spaces.
    pub fn text(&self) -> String {
        let pages: Vec<u32> = self.doc.get_pages().keys().copied().collect();
        let text = self.doc.extract_text(&pages).expect("text extracts");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Every structure element: its type (`/S`) and title (`/T`).
    pub fn structure(&self) -> Vec<(String, Option<String>)> {
        self.doc
            .objects
            .values()
            .filter_map(|object| object.as_dict().ok())
            .filter(|dict| {
                dict.get(b"Type")
                    .and_then(Object::as_name)
                    .is_ok_and(|name| name == b"StructElem")
            })
            .map(|dict| {
                let kind = dict
                    .get(b"S")
                    .and_then(Object::as_name)
                    .map(|name| String::from_utf8_lossy(name).into_owned())
                    .unwrap_or_default();
                (kind, self.text_of(dict, b"T"))
            })
            .collect()
    }

    /// The types of the document element's children, in the structure tree's (reading) order.
    pub fn reading_order(&self) -> Vec<String> {
        let root = self.deref(
            self.catalog()
                .get(b"StructTreeRoot")
                .expect("/StructTreeRoot"),
        );
        let root = root.as_dict().expect("struct tree root");
        let kids = |dict: &Dictionary| -> Vec<Object> {
            match dict.get(b"K").map(|k| self.deref(k)) {
                Ok(Object::Array(items)) => items.clone(),
                Ok(other) => vec![other.clone()],
                Err(_) => Vec::new(),
            }
        };
        let document = kids(root)
            .into_iter()
            .map(|k| self.deref(&k).as_dict().expect("element").clone())
            .find(|d| {
                d.get(b"S")
                    .and_then(Object::as_name)
                    .is_ok_and(|n| n == b"Document")
            })
            .expect("a Document element");
        kids(&document)
            .iter()
            .filter_map(|k| self.deref(k).as_dict().ok())
            .filter_map(|d| d.get(b"S").and_then(Object::as_name).ok())
            .map(|name| String::from_utf8_lossy(name).into_owned())
            .collect()
    }

    /// How many structure elements of type `kind` there are.
    pub fn count(&self, kind: &str) -> usize {
        self.structure().iter().filter(|(k, _)| k == kind).count()
    }

    /// Titles of the structure elements of type `kind`, in object order.
    pub fn titles(&self, kind: &str) -> Vec<String> {
        self.structure()
            .into_iter()
            .filter(|(k, _)| k == kind)
            .filter_map(|(_, title)| title)
            .collect()
    }
}
