//! The bare RSA-2048 PKCS#1 v1.5 SHA-256 verify step, per backend, on the fixture's success
//! payload: the `rsa` crate (key parsed once), ring 0.17 (no pre-parsed public key in its API, so
//! the modulus is set up on every call) and aws-lc-rs (key parsed once, the backend we use).
//! `cargo bench --bench verify`; the README's "Performance" section has the figures.

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a bench panics on a broken fixture"
)]

use std::hint::black_box;

use alipay_phone_doctor::domain::b64;
use alipay_phone_doctor::domain::fastverify::FastKey;
use alipay_phone_doctor::domain::signature::HashAlg;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rsa::pkcs8::{DecodePublicKey as _, EncodePublicKey as _};
use rsa::traits::PublicKeyParts as _;

const KEY: &str = include_str!("../tests/fixtures/cases/p001_ok_success/alipay_public_key.txt");
const RESPONSE: &str = include_str!("../tests/fixtures/cases/p001_ok_success/response.txt");

/// The signed content (`"` + ciphertext + `"`) and the decoded signature.
fn signed() -> (Vec<u8>, Vec<u8>) {
    let value: serde_json::Value = serde_json::from_str(RESPONSE).unwrap();
    let content = format!("\"{}\"", value["response"].as_str().unwrap()).into_bytes();
    let signature = b64::decode(value["sign"].as_str().unwrap()).unwrap();
    (content, signature)
}

fn strip_zeros(bytes: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .copied()
        .skip_while(|byte| *byte == 0)
        .collect()
}

fn verify(c: &mut Criterion) {
    let (content, signature) = signed();
    let key = rsa::PublicKey::from_public_key_der(&b64::decode(KEY.trim()).unwrap()).unwrap();
    let mut group = c.benchmark_group("rsa2048_verify");
    group.throughput(Throughput::Elements(1));
    group.bench_function("rsa_crate_0.10", |b| {
        b.iter(|| {
            key.pkcs1v15_verify::<sha2::Sha256>(black_box(&content), black_box(&signature))
                .unwrap();
        });
    });
    let components = ring::signature::RsaPublicKeyComponents {
        n: strip_zeros(&key.n().to_be_bytes()),
        e: strip_zeros(&key.e().to_be_bytes()),
    };
    group.bench_function("ring_0.17", |b| {
        b.iter(|| {
            components
                .verify(
                    &ring::signature::RSA_PKCS1_2048_8192_SHA256,
                    black_box(&content),
                    black_box(&signature),
                )
                .unwrap();
        });
    });
    let der = key.to_public_key_der().unwrap();
    let unparsed = aws_lc_rs::signature::UnparsedPublicKey::new(
        &aws_lc_rs::signature::RSA_PKCS1_2048_8192_SHA256,
        der.as_bytes(),
    );
    group.bench_function("aws_lc_rs_parse_per_call", |b| {
        b.iter(|| {
            unparsed
                .verify(black_box(&content), black_box(&signature))
                .unwrap();
        });
    });
    let fast = FastKey::new(&key).unwrap();
    group.bench_function("aws_lc_rs_parsed_once", |b| {
        b.iter(|| {
            assert!(fast.verifies(HashAlg::Sha256, black_box(&content), black_box(&signature)));
        });
    });
    group.finish();
}

criterion_group!(benches, verify);
criterion_main!(benches);
