//! Form decoding: an `application/x-www-form-urlencoded` body decoded into name/value pairs as
//! the pages receive it (`polku_forms::decode`, the decoder of axum's `Form`). Decoded pairs
//! must survive encoding and decoding again unchanged, and the accessors must agree with them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polku_forms::decode;

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let Ok(fields) = decode(data) else {
        return;
    };
    let encoded = serde_urlencoded::to_string(&fields.0).expect("string pairs always encode");
    let again = decode(encoded.as_bytes()).expect("an encoded form decodes");
    assert_eq!(
        again, fields,
        "decode ∘ encode is the identity on decoded forms"
    );
    for (name, value) in fields.0.iter().take(16) {
        let all = fields.all(name);
        let count = fields.0.iter().filter(|(k, _)| k == name).count();
        assert_eq!(all.len(), count);
        assert_eq!(fields.get(name), all[0]);
        assert!(all.contains(&value.trim().to_owned()));
        assert_eq!(
            fields.checked(name),
            fields.0.iter().any(|(k, v)| k == name && !v.is_empty())
        );
    }
});
