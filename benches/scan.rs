//! `scan` throughput (payloads/s) on a generated file of 100,000 distinct success payloads
//! (throwaway demo keys, AES-128, RSA2), with 1 and 2 worker threads. The file is generated once
//! (signed with aws-lc-rs, about 20 s) and kept under Cargo's target directory.
//! `cargo bench --bench scan`; the README's "Performance" section has the figures.

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a bench panics on a broken fixture"
)]

use std::io::{BufReader, BufWriter, Write as _};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::Duration;

use alipay_phone_doctor::domain::{PreparedKeys, b64};
use alipay_phone_doctor::features::scan::{ScanOptions, scan_reader};
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{RSA_PKCS1_SHA256, RsaKeyPair};
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};

const PAYLOADS: u64 = 100_000;
const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/");

fn demo(file: &str) -> Vec<u8> {
    std::fs::read(format!("{DEMO}{file}")).unwrap()
}

/// Writes `count` success payloads, one per line, each with its own mobile and signature.
fn generate(path: &Path, count: u64) {
    let pem = String::from_utf8(demo("demo_alipay_private_key.pem")).unwrap();
    let body: String = pem
        .lines()
        .filter(|line| !line.starts_with("-----"))
        .collect();
    let signer = RsaKeyPair::from_pkcs8(&b64::decode(&body).unwrap()).unwrap();
    let aes_key = b64::decode(String::from_utf8(demo("demo_aes_key.txt")).unwrap().trim()).unwrap();
    let rng = SystemRandom::new();
    let partial = path.with_extension("partial");
    let mut out = BufWriter::new(std::fs::File::create(&partial).unwrap());
    let mut signature = vec![0u8; signer.public_modulus_len()];
    for index in 0..count {
        let business = format!(r#"{{"code":"10000","msg":"Success","mobile":"138{index:08}"}}"#);
        let ciphertext =
            alipay_phone_doctor::domain::aes_cbc::encrypt_to_base64(business.as_bytes(), &aes_key)
                .unwrap();
        signer
            .sign(
                &RSA_PKCS1_SHA256,
                &rng,
                format!("\"{ciphertext}\"").as_bytes(),
                &mut signature,
            )
            .unwrap();
        let sign = b64::encode(&signature);
        writeln!(out, r#"{{"response":"{ciphertext}","sign":"{sign}","sign_type":"RSA2","encrypt_type":"AES","charset":"UTF-8"}}"#).unwrap();
    }
    out.flush().unwrap();
    drop(out);
    std::fs::rename(&partial, path).unwrap();
}

fn payload_file() -> PathBuf {
    let path =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("scan-success-{PAYLOADS}.jsonl"));
    if !path.exists() {
        eprintln!(
            "generating {} ({PAYLOADS} signed payloads)…",
            path.display()
        );
        generate(&path, PAYLOADS);
    }
    path
}

fn scan(c: &mut Criterion) {
    let path = payload_file();
    let keys = PreparedKeys::new(
        Some(&demo("demo_alipay_public_key.txt")),
        Some(&demo("demo_aes_key.txt")),
        None,
    );
    let hidden = ();
    let mut group = c.benchmark_group("scan_100k_success");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.throughput(Throughput::Elements(PAYLOADS));
    for threads in [1, 2] {
        let options = ScanOptions::new(NonZeroUsize::new(threads).unwrap());
        let tally = scan_reader(
            BufReader::new(std::fs::File::open(&path).unwrap()),
            &keys,
            &options,
            &hidden,
        )
        .unwrap();
        assert_eq!(tally.categories["ok"].count, PAYLOADS);
        assert_eq!(tally.result_codes["10000"], PAYLOADS);
        group.bench_function(format!("threads_{threads}"), |b| {
            b.iter(|| {
                scan_reader(
                    BufReader::with_capacity(1 << 16, std::fs::File::open(&path).unwrap()),
                    &keys,
                    &options,
                    &hidden,
                )
                .unwrap()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, scan);
criterion_main!(benches);
