//! Puts the answer together from the rules that fired and the replays' verdicts.
//!
//! Per cause: a reproduction raises the confidence to the replay's; a refutation drops a `likely`
//! cause and lowers an `exact` one to `likely`; a rule marked `only_with_keys` names its cause only
//! when a replay reproduced it or found the output consistent with it. When a replay reproduced
//! the output exactly, the causes no replay can reproduce (another key on the server, CryptoJS's
//! random salt) are dropped on that side. Order: exact before likely; then reproduced by a
//! replay, then named by the text alone, then only consistent; then the rules' priority, then
//! their order in the data file.

use std::cmp::Reverse;

use super::cause::{Side, unreplayable};
use super::matcher::{Hit, number};
use super::replay::{Material, Verdict, Verdicts};
use super::{Cause, CauseCode, Confidence, Evidence, Explanation, Replayed};

/// How a cause is supported, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Support {
    Reproduced,
    Text,
    Consistent,
}

#[derive(Debug)]
struct Entry {
    code: CauseCode,
    confidence: Confidence,
    support: Support,
    priority: u8,
    order: usize,
    /// Named only by rules that ask for a replay.
    only_with_keys: bool,
    evidence: Vec<Evidence>,
}

/// One cause's text support: the rules that named it.
#[derive(Debug)]
struct TextSupport {
    confidence: Confidence,
    priority: u8,
    order: usize,
    only_with_keys: bool,
    /// Confidence, priority, `only_with_keys` and the evidence of each rule that fired.
    evidence: Vec<(Confidence, u8, bool, Evidence)>,
}

fn text_support(hits: &[Hit]) -> Vec<(CauseCode, TextSupport)> {
    let mut out: Vec<(CauseCode, TextSupport)> = Vec::new();
    for hit in hits {
        let rule = hit.rule;
        let mut numbers: Vec<(String, u64)> = hit
            .captures
            .iter()
            .map(|(name, value)| match number(&hit.captures, name) {
                Some(number) => (name.clone(), number),
                // A text capture is quoted by its byte length: `{cut_length}`.
                None => (format!("{name}_length"), value.len() as u64),
            })
            .collect();
        // Key sizes in bits are worded in bytes.
        if let Some(bytes) = number(&hit.captures, "bytes")
            && !numbers.iter().any(|(name, _)| name == "bytes")
        {
            numbers.push(("bytes".to_owned(), bytes));
        }
        let evidence = Evidence::Text {
            key: rule.evidence.as_str(),
            matched: hit.matched.clone(),
            numbers,
        };
        let item = (
            rule.confidence,
            rule.priority,
            rule.only_with_keys,
            evidence,
        );
        match out.iter_mut().find(|(code, _)| *code == rule.cause) {
            Some((_, support)) => {
                support.confidence = support.confidence.max(rule.confidence);
                support.priority = support.priority.max(rule.priority);
                support.only_with_keys &= rule.only_with_keys;
                support.evidence.push(item);
            }
            None => out.push((
                rule.cause,
                TextSupport {
                    confidence: rule.confidence,
                    priority: rule.priority,
                    order: rule.order,
                    only_with_keys: rule.only_with_keys,
                    evidence: vec![item],
                },
            )),
        }
    }
    out
}

/// The verdicts on one cause, combined: an exact reproduction wins, then a refutation, then a
/// likely reproduction, then consistency.
fn verdict_on(code: CauseCode, verdicts: &Verdicts) -> Option<Verdict> {
    let on: Vec<&Verdict> = verdicts
        .iter()
        .filter(|(candidate, _)| *candidate == code)
        .map(|(_, verdict)| verdict)
        .collect();
    let reproduced = |wanted: Confidence| {
        on.iter().find(|verdict| {
            matches!(verdict, Verdict::Reproduced { confidence, .. } if *confidence == wanted)
        })
    };
    reproduced(Confidence::Exact)
        .or_else(|| {
            on.iter()
                .find(|verdict| matches!(verdict, Verdict::Refuted))
        })
        .or_else(|| reproduced(Confidence::Likely))
        .or_else(|| {
            on.iter()
                .find(|verdict| matches!(verdict, Verdict::Consistent { evidence: Some(_) }))
        })
        .or_else(|| on.first())
        .map(|verdict| (*verdict).clone())
}

fn side_replays(side: Side, material: &Material) -> bool {
    match side {
        Side::Signature => material.signature_replays(),
        Side::Decryption | Side::Other => material.decryption_replays(),
    }
}

/// The answer from the rules that fired and the verdicts.
pub fn combine(hits: &[Hit], verdicts: &Verdicts, material: &Material) -> Explanation {
    let texts = text_support(hits);
    let mut codes: Vec<CauseCode> = texts.iter().map(|(code, _)| *code).collect();
    for (code, _) in verdicts {
        if !codes.contains(code) {
            codes.push(*code);
        }
    }
    let mut needs_keys = false;
    let mut entries: Vec<Entry> = Vec::new();
    for code in codes {
        let text = texts
            .iter()
            .find(|(candidate, _)| *candidate == code)
            .map(|(_, support)| support);
        let verdict = verdict_on(code, verdicts);
        if verdict.is_none() && text.is_some_and(|text| text.only_with_keys) {
            needs_keys |= !side_replays(code.side(), material);
        }
        if let Some(entry) = entry(code, text, verdict.as_ref()) {
            entries.push(entry);
        }
    }
    drop_unreplayable(&mut entries);
    entries.sort_by_key(|entry| {
        (
            Reverse(entry.confidence),
            entry.support,
            Reverse(entry.priority),
            entry.order,
        )
    });
    Explanation {
        causes: entries
            .into_iter()
            .map(|entry| Cause {
                code: entry.code,
                confidence: entry.confidence,
                evidence: entry.evidence,
            })
            .collect(),
        needs_keys,
        replayed: material.decryption_replays() || material.signature_replays(),
    }
}

fn entry(code: CauseCode, text: Option<&TextSupport>, verdict: Option<&Verdict>) -> Option<Entry> {
    let mut text_evidence: Vec<&(Confidence, u8, bool, Evidence)> = text
        .map(|text| text.evidence.iter().collect())
        .unwrap_or_default();
    // The rules that only ask for a replay come last; their sentence ("the text alone does not
    // say why") is shown only when nothing else is.
    text_evidence.sort_by_key(|(confidence, priority, only_with_keys, _)| {
        (*only_with_keys, Reverse(*confidence), Reverse(*priority))
    });
    let mut evidence: Vec<Evidence> = Vec::new();
    let add = |evidence: &mut Vec<Evidence>, item: Evidence| {
        if !evidence.contains(&item) {
            evidence.push(item);
        }
    };
    let (confidence, support) = match (verdict, text) {
        (
            Some(Verdict::Reproduced {
                confidence,
                evidence: found,
            }),
            _,
        ) => {
            add(&mut evidence, Evidence::Replay(found.clone()));
            let text_confidence = text.map_or(Confidence::Likely, |text| text.confidence);
            ((*confidence).max(text_confidence), Support::Reproduced)
        }
        (Some(Verdict::Refuted), Some(text))
            if text.confidence == Confidence::Exact && !text.only_with_keys =>
        {
            (Confidence::Likely, Support::Text)
        }
        (Some(Verdict::Refuted), _) => return None,
        (Some(Verdict::Consistent { evidence: found }), _) => {
            if let Some(found) = found {
                add(&mut evidence, Evidence::Replay(found.clone()));
            }
            (
                text.map_or(Confidence::Likely, |text| text.confidence),
                Support::Consistent,
            )
        }
        (None, Some(text)) if !text.only_with_keys => (text.confidence, Support::Text),
        (None, _) => return None,
    };
    let mut seen_keys: Vec<&str> = Vec::new();
    for (_, _, only_with_keys, item) in text_evidence {
        if *only_with_keys && !evidence.is_empty() {
            continue;
        }
        if let Evidence::Text { key, .. } = item {
            if seen_keys.contains(key) {
                continue;
            }
            seen_keys.push(key);
        }
        add(&mut evidence, item.clone());
    }
    if evidence.is_empty() {
        return None;
    }
    Some(Entry {
        code,
        confidence,
        support,
        priority: text.map_or(50, |text| text.priority),
        order: text.map_or(usize::MAX, |text| text.order),
        only_with_keys: text.is_none_or(|text| text.only_with_keys),
        evidence,
    })
}

/// When a replay reproduced the output exactly, what is only consistent with it goes: the causes
/// no replay can reproduce on that side, and, on any side, the causes named only by rules that
/// ask for a replay (a bare `false` is as much the return value of the reproduced mistake).
fn drop_unreplayable(entries: &mut Vec<Entry>) {
    let explained: Vec<Side> = entries
        .iter()
        .filter(|entry| {
            entry.support == Support::Reproduced && entry.confidence == Confidence::Exact
        })
        .map(|entry| entry.code.side())
        .collect();
    let only_consistent = |entry: &Entry| {
        entry.support == Support::Consistent && entry.confidence == Confidence::Likely
    };
    entries.retain(|entry| {
        let same_side = unreplayable(entry.code)
            && entry.confidence == Confidence::Likely
            && explained.contains(&entry.code.side());
        let asked_for_replay =
            only_consistent(entry) && entry.only_with_keys && !explained.is_empty();
        !(same_side || asked_for_replay)
    });
}

/// A replay's evidence, for tests and renderers that look for one.
pub fn replay_evidence(cause: &Cause) -> Option<&Replayed> {
    cause.evidence.iter().find_map(|item| match item {
        Evidence::Replay(found) => Some(found),
        Evidence::Text { .. } => None,
    })
}
