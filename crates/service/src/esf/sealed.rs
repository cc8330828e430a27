//! Counting the sealed special-category answers (disability, minority) for the ESF+ indicators
//! (docs/SECURITY.md, "ESF+ indicators and the special category"). Each answer is opened in
//! memory with its participant's own data key and only "yes" counts by gender code leave; the
//! opening is CPU work, so it runs on the blocking pool, split over the machine's cores.

use crate::crypto::{aad, Keys};
use crate::store::SealedSpecial;
use crate::{Result, ServiceError};
use polku_domain::esf::SealedItem;
use polku_domain::{EsfSpecial, ParticipantId};
use std::collections::BTreeMap;

/// The associated data of a record's sealed answers: bound to the participant and row version.
pub(crate) fn special_aad(id: ParticipantId, version: i64) -> Vec<u8> {
    aad("esf_records", "special", &id.0, version)
}

/// Below this many records one thread opens them all (starting threads would cost more).
const PER_THREAD: usize = 4096;

/// "Yes" counts by gender code, one map per item of `items`, in that order.
pub(crate) type YesCounts = Vec<BTreeMap<String, i64>>;

/// Opens every record's sealed answers and counts the "yes" of each item by gender. Records
/// without a wrapped key (their participant was erased) are skipped: their answers are gone.
pub(crate) async fn count_yes(
    keys: Keys,
    records: Vec<SealedSpecial>,
    items: Vec<SealedItem>,
) -> Result<YesCounts> {
    tokio::task::spawn_blocking(move || count_in_parallel(&keys, &records, &items))
        .await
        .map_err(|_| ServiceError::Internal("counting the sealed answers failed"))?
}

fn count_in_parallel(
    keys: &Keys,
    records: &[SealedSpecial],
    items: &[SealedItem],
) -> Result<YesCounts> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(records.len().div_ceil(PER_THREAD))
        .max(1);
    if threads == 1 {
        return count_chunk(keys, records, items);
    }
    let chunk = records.len().div_ceil(threads);
    let parts: Vec<Result<YesCounts>> = std::thread::scope(|s| {
        let handles: Vec<_> = records
            .chunks(chunk)
            .map(|c| s.spawn(move || count_chunk(keys, c, items)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or(Err(ServiceError::Internal(
                    "counting the sealed answers failed",
                )))
            })
            .collect()
    });
    let mut total: YesCounts = vec![BTreeMap::new(); items.len()];
    for part in parts {
        for (sum, counts) in total.iter_mut().zip(part?) {
            for (gender, n) in counts {
                *sum.entry(gender).or_default() += n;
            }
        }
    }
    Ok(total)
}

fn count_chunk(keys: &Keys, records: &[SealedSpecial], items: &[SealedItem]) -> Result<YesCounts> {
    let mut counts: YesCounts = vec![BTreeMap::new(); items.len()];
    for s in records {
        let Some(wrapped) = &s.wrapped_key else {
            continue;
        };
        let dek = keys.unwrap_data_key(wrapped, &s.participant_id.0)?;
        let plain = dek.open(&s.special_sealed, &special_aad(s.participant_id, s.version))?;
        let special: EsfSpecial = serde_json::from_slice(&plain)
            .map_err(|_| ServiceError::Crypto("sealed ESF+ answers are not readable"))?;
        for (count, item) in counts.iter_mut().zip(items) {
            if item.is_yes(&special) {
                *count.entry(s.gender.clone()).or_default() += 1;
            }
        }
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::Key;
    use polku_domain::Answer;

    fn record(keys: &Keys, gender: &str, disability: Answer, minority: Answer) -> SealedSpecial {
        let id = ParticipantId(uuid::Uuid::new_v4());
        let special = EsfSpecial {
            disability,
            minority,
        };
        let dek = Key::random();
        let wrapped = keys.wrap_data_key(&dek, &id.0).expect("wrapped");
        let plain = serde_json::to_vec(&special).expect("written");
        let sealed = dek.seal(&plain, &special_aad(id, 3)).expect("sealed");
        SealedSpecial {
            participant_id: id,
            gender: gender.into(),
            version: 3,
            special_sealed: sealed,
            wrapped_key: Some(wrapped),
        }
    }

    #[test]
    fn counts_the_yes_answers_by_gender_over_every_thread() {
        let keys = Keys::random();
        let mut records = Vec::new();
        // More than one thread's share, so the chunks are merged.
        for i in 0..(PER_THREAD * 2 + 7) {
            let (gender, disability, minority) = match i % 4 {
                0 => ("woman", Answer::Yes, Answer::Declined),
                1 => ("man", Answer::NotKnown, Answer::Yes),
                2 => ("non_binary", Answer::Yes, Answer::Yes),
                _ => ("woman", Answer::No, Answer::No),
            };
            records.push(record(&keys, gender, disability, minority));
        }
        // An erased participant: the key is gone, the answers are not counted.
        let mut erased = record(&keys, "man", Answer::Yes, Answer::Yes);
        erased.wrapped_key = None;
        records.push(erased);
        let n = records.len();
        let expect = |gender: usize, item: usize| -> i64 {
            (0..n - 1)
                .filter(|i| i % 4 == gender)
                .filter(|i| matches!((i % 4, item), (0, 0) | (1, 1) | (2, _)))
                .count() as i64
        };
        let items = [SealedItem::Disability, SealedItem::Minority];
        let parallel = count_in_parallel(&keys, &records, &items).expect("counted");
        let single = count_chunk(&keys, &records, &items).expect("counted");
        assert_eq!(parallel, single);
        assert_eq!(parallel[0].get("woman"), Some(&expect(0, 0)));
        assert_eq!(parallel[0].get("non_binary"), Some(&expect(2, 0)));
        assert_eq!(
            parallel[0].get("man"),
            None,
            "declined and not known are not yes"
        );
        assert_eq!(parallel[1].get("man"), Some(&expect(1, 1)));
        assert_eq!(parallel[1].get("non_binary"), Some(&expect(2, 1)));
        assert_eq!(parallel[1].get("woman"), None);
    }

    #[test]
    fn an_answer_sealed_for_another_version_is_an_error_not_a_count() {
        let keys = Keys::random();
        let mut r = record(&keys, "woman", Answer::Yes, Answer::No);
        r.version = 4;
        assert!(count_chunk(&keys, &[r], &[SealedItem::Disability]).is_err());
    }
}
