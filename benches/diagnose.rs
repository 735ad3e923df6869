//! One diagnosis: the success case (keys parsed once, as `scan` does, and keys parsed on every
//! call, as the window does), a wrong-key case (the failed signature is opened), and two 1 MiB
//! pastes. `cargo bench --bench diagnose`; the README's "Performance" section has the figures.

#![expect(clippy::unwrap_used, reason = "a bench panics on a broken fixture")]

use std::hint::black_box;

use alipay_phone_doctor::domain::{Inputs, PreparedKeys, diagnose, diagnose_prepared};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cases/");

fn read(case: &str, file: &str) -> Vec<u8> {
    std::fs::read(format!("{CASES}{case}/{file}")).unwrap()
}

fn inputs(case: &str) -> Inputs {
    Inputs {
        response: read(case, "response.txt"),
        alipay_public_key: Some(read(case, "alipay_public_key.txt")),
        aes_key: Some(read(case, "aes_key.txt")),
        now_unix_secs: None,
    }
}

fn prepared(inputs: &Inputs) -> PreparedKeys {
    PreparedKeys::new(
        inputs.alipay_public_key.as_deref(),
        inputs.aes_key.as_deref(),
        None,
    )
}

/// About 1 MiB of console output (`console.log` of request logs) with the response in the middle.
fn log_paste(response: &[u8]) -> Vec<u8> {
    let mut paste = Vec::with_capacity(1 << 20);
    let mut line = 0;
    while paste.len() < (1 << 20) - response.len() - 64 {
        if line == 4000 {
            paste.extend_from_slice(b"[info] my.getPhoneNumber success: res.response = ");
            paste.extend_from_slice(response);
            paste.push(b'\n');
        }
        let noise = format!(
            "[info] 2024-05-01 12:00:{:02} request {line} {{\"path\":\"/pages/index\",\"ok\":true,\"cost\":{}}}\n",
            line % 60,
            line % 97
        );
        paste.extend_from_slice(noise.as_bytes());
        line += 1;
    }
    paste
}

fn single(c: &mut Criterion) {
    let success = inputs("p001_ok_success");
    let success_keys = prepared(&success);
    let wrong_key = inputs("p015_app_public_key_instead");
    let wrong_keys = prepared(&wrong_key);
    let padded = inputs("p034_large_1mib_whitespace_padded");
    let log = log_paste(&success.response);
    assert_eq!(
        diagnose_prepared(&success_keys, &success.response).category,
        "ok"
    );
    assert_eq!(
        diagnose_prepared(&wrong_keys, &wrong_key.response).category,
        "signature_key_mismatch"
    );
    assert_eq!(
        diagnose_prepared(&success_keys, &padded.response).category,
        "ok"
    );
    let log_report = diagnose_prepared(&success_keys, &log);
    assert_eq!(
        log_report.signature.status.as_str(),
        "valid",
        "{}",
        log_report.category
    );

    let mut group = c.benchmark_group("diagnose");
    group.throughput(Throughput::Elements(1));
    group.bench_function("success_keys_parsed_once", |b| {
        b.iter(|| diagnose_prepared(&success_keys, black_box(&success.response)));
    });
    group.bench_function("success_keys_parsed_per_call", |b| {
        b.iter(|| diagnose(black_box(&success)));
    });
    group.bench_function("wrong_key_opening", |b| {
        b.iter(|| diagnose_prepared(&wrong_keys, black_box(&wrong_key.response)));
    });
    group.finish();

    let mut group = c.benchmark_group("paste_1mib");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(padded.response.len() as u64));
    group.bench_function("whitespace_padded_fixture", |b| {
        b.iter(|| diagnose_prepared(&success_keys, black_box(&padded.response)));
    });
    group.throughput(Throughput::Bytes(log.len() as u64));
    group.bench_function("console_log_dump", |b| {
        b.iter(|| diagnose_prepared(&success_keys, black_box(&log)));
    });
    group.finish();
}

criterion_group!(benches, single);
criterion_main!(benches);
