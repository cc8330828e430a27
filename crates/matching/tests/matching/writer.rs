//! The benchmark's JSON writer writes numbers exactly as serde_json does.

use crate::write::JsonWriter;
use polku_matching::internals::hit::Micro;

/// Millionths are written as serde_json writes the number they stand for.
#[test]
fn millionths_as_serde_writes_them() {
    for v in (0..=2_000_000u32).step_by(3).chain([
        1,
        9_999,
        10_000,
        10_010,
        999_999,
        1_000_000,
        u32::MAX,
    ]) {
        let mut ours = Vec::new();
        JsonWriter::micro(&mut ours, Micro(v));
        let theirs = serde_json::to_vec(&Micro(v)).expect("json");
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs),
            "{v}"
        );
    }
}

/// The direct number form equals serde_json's on millionths, euros and odd values.
#[test]
fn numbers_as_serde_writes_them() {
    let mut values: Vec<f64> = (0..=1_000_000u32)
        .step_by(7)
        .chain([1, 9, 10, 99, 100, 9_999, 10_000, 50_000, 999_999, 1_000_000])
        .map(|m| f64::from(m) / 1e6)
        .collect();
    values.extend([
        0.0,
        650.0,
        770.0,
        1260.0,
        1770.0,
        0.7,
        0.5,
        1100.0,
        1234.56,
        1e-7,
        0.1 + 0.2,
        3.0e8,
        2.5e9,
        123_456.789_012,
        1.0 / 3.0,
    ]);
    for x in values {
        let mut ours = Vec::new();
        JsonWriter::f64(&mut ours, x);
        let theirs = serde_json::to_vec(&x).expect("json");
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs),
            "{x}"
        );
    }
}
