//! Counting the sealed special-category answers (disability, minority) for the ESF+ indicators
//! (docs/SECURITY.md, "ESF+ indicators and the special category"). Each answer is opened in
//! memory with its participant's own data key and only "yes" counts by gender code leave. The
//! store sends the records in chunks as it reads them; each chunk is opened on the blocking pool
//! as soon as it arrives, so reading and opening overlap and the chunks spread over the cores.

use crate::crypto::{aad, Keys};
use crate::store::{EsfScope, SealedSpecial};
use crate::{Result, ServiceError};
use polku_domain::esf::SealedItem;
use polku_domain::{EsfSpecial, ParticipantId};
use std::collections::BTreeMap;
use std::sync::Arc;
use tokio::sync::mpsc;
use tokio::task::JoinSet;

/// The associated data of a record's sealed answers: bound to the participant and row version.
pub(crate) fn special_aad(id: ParticipantId, version: i64) -> Vec<u8> {
    aad("esf_records", "special", &id.0, version)
}

/// Records per chunk: large enough that a chunk's task costs far more than starting it (a few
/// milliseconds of opening), small enough that the first chunks are opened while the read goes on.
pub(crate) const CHUNK: usize = 2048;

/// `scope` split into its first and second half (by days, the middle day in the first); one
/// day is not split. Together the halves cover exactly the days of `scope`, once each.
pub(crate) fn halves(scope: &EsfScope) -> (EsfScope, Option<EsfScope>) {
    let days = (scope.to - scope.from).whole_days();
    if days < 1 {
        return (scope.clone(), None);
    }
    let middle = scope.from + time::Duration::days(days / 2);
    let first = EsfScope {
        to: middle,
        ..scope.clone()
    };
    let second = EsfScope {
        from: middle + time::Duration::days(1),
        ..scope.clone()
    };
    (first, Some(second))
}

/// "Yes" counts by gender code, one map per item of `items`, in that order.
pub(crate) type YesCounts = Vec<BTreeMap<String, i64>>;

/// Opens every record's sealed answers as its chunk arrives on `chunks` and counts the "yes" of
/// each item by gender; also returns how many records arrived. Records without a wrapped key
/// (their participant was erased) are skipped: their answers are gone. The first record that
/// does not open ends the count with its error (dropping `chunks`, which stops the reader).
pub(crate) async fn count_yes(
    keys: Keys,
    mut chunks: mpsc::Receiver<Vec<SealedSpecial>>,
    items: Vec<SealedItem>,
) -> Result<(YesCounts, usize)> {
    let shared = Arc::new((keys, items));
    let mut total: YesCounts = vec![BTreeMap::new(); shared.1.len()];
    let mut tasks = JoinSet::new();
    let mut records = 0;
    while let Some(chunk) = chunks.recv().await {
        records += chunk.len();
        let shared = Arc::clone(&shared);
        tasks.spawn_blocking(move || count_chunk(&shared.0, &chunk, &shared.1));
        while let Some(done) = tasks.try_join_next() {
            merge(&mut total, done)?;
        }
    }
    while let Some(done) = tasks.join_next().await {
        merge(&mut total, done)?;
    }
    Ok((total, records))
}

fn merge(
    total: &mut YesCounts,
    part: std::result::Result<Result<YesCounts>, tokio::task::JoinError>,
) -> Result<()> {
    let part = part.map_err(|_| ServiceError::Internal("counting the sealed answers failed"))??;
    for (sum, counts) in total.iter_mut().zip(part) {
        for (gender, n) in counts {
            *sum.entry(gender).or_default() += n;
        }
    }
    Ok(())
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

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn counts_the_yes_answers_by_gender_over_every_chunk() {
        let keys = Keys::random();
        let mut records = Vec::new();
        // Several chunks' worth, so the chunks are merged.
        for i in 0..(CHUNK * 2 + 7) {
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
        // Chunks of uneven size, sent as a reader would; several are open at once.
        let (tx, rx) = mpsc::channel(2);
        let feed = records.clone();
        let reader = tokio::spawn(async move {
            for c in feed.chunks(CHUNK / 3) {
                tx.send(c.to_vec()).await.expect("sent");
            }
        });
        let (parallel, arrived) = count_yes(keys.clone(), rx, items.to_vec())
            .await
            .expect("counted");
        reader.await.expect("read");
        assert_eq!(arrived, n);
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

    #[tokio::test]
    async fn an_answer_sealed_for_another_version_is_an_error_not_a_count() {
        let keys = Keys::random();
        let good = record(&keys, "woman", Answer::Yes, Answer::No);
        let mut bad = record(&keys, "woman", Answer::Yes, Answer::No);
        bad.version = 4;
        assert!(count_chunk(&keys, std::slice::from_ref(&bad), &[SealedItem::Disability]).is_err());
        // Through the chunked count too: the error is returned, not a partial count.
        let (tx, rx) = mpsc::channel(4);
        tx.send(vec![good.clone()]).await.expect("sent");
        tx.send(vec![bad, good]).await.expect("sent");
        drop(tx);
        assert!(count_yes(keys, rx, vec![SealedItem::Disability])
            .await
            .is_err());
    }

    #[test]
    fn the_halves_cover_every_day_of_the_period_once() {
        use polku_domain::esf::Window;
        use time::macros::date;
        let scope = |from, to| EsfScope {
            window: Window::Entered,
            from,
            to,
            projects: None,
            organisation: None,
            municipalities: None,
        };
        for (from, to) in [
            (date!(2025 - 01 - 01), date!(2025 - 12 - 31)),
            (date!(2024 - 01 - 01), date!(2024 - 12 - 31)),
            (date!(2025 - 02 - 27), date!(2025 - 03 - 01)),
            (date!(2025 - 06 - 01), date!(2025 - 06 - 02)),
            (date!(2021 - 01 - 01), date!(2025 - 12 - 31)),
        ] {
            let (first, second) = halves(&scope(from, to));
            let second = second.expect("a period of two days or more is split");
            assert_eq!(first.from, from);
            assert_eq!(second.to, to);
            assert_eq!(
                second.from,
                first.to.next_day().unwrap(),
                "no day lost or counted twice"
            );
            assert!(first.from <= first.to && second.from <= second.to);
            let (a, b) = (
                (first.to - first.from).whole_days(),
                (second.to - second.from).whole_days(),
            );
            assert!((a - b).abs() <= 1, "{from}..{to}: {a} and {b} days");
            assert_eq!(first.window, Window::Entered);
        }
        let day = date!(2025 - 05 - 05);
        let (only, none) = halves(&scope(day, day));
        assert_eq!((only.from, only.to, none), (day, day, None));
    }
}
