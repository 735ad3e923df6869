//! Reference vectors, failure explanations and verdict equivalence of the fast path.

use super::*;
use rsa::pkcs8::DecodePublicKey as _;

/// domain.md 6.6 V1 (throwaway key).
const KEY: &str = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1P5gHYQBuVnCIiHWMuhi1kodv/OrTWdK8jURXwV5RKsPzUksSMvOa32QV1C1Z73hYN5DjYj4pwscdJs3vIZHsWu/mvxdpGQVT8neGLHMiReFadSGwtwr8OJ4NtDtgwcTNJ65Zlh4iwiLQTIabrYllQx+7yQ+AzU0e96qy3gS7OPOE1RzbFrybMZVAffmyJisL3ttaWeH+WpVKN13rw9FpHxqEg83XQN0mQPxT3RcFCsx4tpsiIK/CwArV/zhu4RqQFutTsB5z1vlz1gjRyAxBbKDa5YW69KOguIGjb4SNYpXYN6Yu9RFGQJHGy/IrHB3w4//MTbWdVU+Ko8gI/0oxQIDAQAB";
const CT: &str =
    "\"igATcyTqqgv1AFpBiHJyVf94zn4d80DWhHrnUhty+8RANJYRclz7h18/tips8L5UTuMmNV7rHGCs+h7uZSZZQQ==\"";
const SIG256: &str = "tku3eKVfKjOz6DH3Xezc+bI38aezqJYMRnEA4QNpBBGkHQBXS+/ZBkASofIer4BhxBHWIa4P7Mm8cxEWZh+rL/T9zft2a4VuANFPD+1Jfz2mRP9YIWt+/N5xwKAztkYvAxpy6KwM7/tYLZ44guB7LLxyxXuZPyOxM25k5g7EyMWA7wa0VRb4iilieV6TchqCokQTobM9Hp9Vn8ELoAy4tJduuwSNhXl+l7Sy3wZsHyeX62/LhXbn0Z/Qt5H0PYhgQatKA0DafdfTIE/7/ZZATSi/1MMoX4ft7u6Wiwq0QoXEMR1YSvwcI0no4DDDCv3Fxhjhb4O0q/Xgvc07Xmf41g==";
const SIG1: &str = "gFMNjTfpoQcH9IYXMfsFs5JIw5c4TlCOlWv2J0YWwQ+EikSisMlq2n8qE5383PCSj6QPoHfXuTFIiRM0h+GJOMKyRlc68iNMVkKiJwbD32TsMfndl71OfqADR3DCjgn7iL5jDDWkPNV1zYw6zI7HA/Gc/Bj6aFfEymGUCxOHIpR1rSoFhM2PKHcvb04fcQiLpzzXgtH6mRmsbLPFC62/8wYsYR+Bypb6YmGF5rKnLIRk3puZVGz1cycduvsG9MFS4b0dUZGfz+nFGborDkDc8PA862mXjouiWL36AHIj1+dh3zH3GH/qdajfbq4mDZrgSdF1r2T9kvWZY0rH/y8P3g==";

fn key() -> PublicKey {
    PublicKey::from_public_key_der(&super::super::b64::decode(KEY).unwrap()).unwrap()
}

#[test]
fn verifies_the_reference_vectors() {
    assert_eq!(
        check(&key(), CT.as_bytes(), SIG256, HashAlg::Sha256, &[]).result,
        Ok(())
    );
    assert_eq!(
        check(&key(), CT.as_bytes(), SIG1, HashAlg::Sha1, &[]).result,
        Ok(())
    );
}

#[test]
fn explains_each_failure() {
    let mismatch = check(&key(), CT.as_bytes(), SIG1, HashAlg::Sha256, &[]);
    assert_eq!(
        mismatch.result,
        Err(Failure::OtherAlgorithm {
            found: HashAlg::Sha1
        })
    );
    let unquoted = CT.trim_matches('"').as_bytes().to_vec();
    let tampered = check(
        &key(),
        b"\"changed\"",
        SIG256,
        HashAlg::Sha256,
        &[(Variant::Unquoted, CT.as_bytes().to_vec())],
    );
    assert_eq!(
        tampered.result,
        Err(Failure::DigestMismatch {
            found: HashAlg::Sha256
        })
    );
    assert_eq!(tampered.matching_variant, Some(Variant::Unquoted));
    let mut garbled = super::super::b64::decode(SIG256).unwrap();
    garbled[10] ^= 0x40;
    let garbled = super::super::b64::encode(&garbled);
    assert_eq!(
        check(&key(), &unquoted, &garbled, HashAlg::Sha256, &[]).result,
        Err(Failure::NotWellFormed)
    );
    assert_eq!(
        check(&key(), CT.as_bytes(), "c2ln", HashAlg::Sha256, &[]).result,
        Err(Failure::Length {
            bytes: 3,
            expected: 256
        })
    );
    assert_eq!(
        check(&key(), CT.as_bytes(), "%%%", HashAlg::Sha256, &[]).result,
        Err(Failure::NotBase64)
    );
}

#[test]
fn the_fast_path_and_the_opening_give_the_rsa_crate_verdicts() {
    let key = key();
    let fast = FastKey::new(&key).unwrap();
    let mut garbled = super::super::b64::decode(SIG256).unwrap();
    garbled[10] ^= 0x40;
    let garbled = super::super::b64::encode(&garbled);
    let variants = [(Variant::Unquoted, CT.trim_matches('"').as_bytes().to_vec())];
    for (content, sign) in [
        (CT, SIG256),
        (CT, SIG1),
        ("\"changed\"", SIG256),
        (CT, &garbled),
    ] {
        for alg in [HashAlg::Sha256, HashAlg::Sha1] {
            let slow = check(&key, content.as_bytes(), sign, alg, &variants);
            let quick = check_fast(&key, Some(&fast), content.as_bytes(), sign, alg, &variants);
            assert_eq!(quick, slow, "{content} {alg:?}");
            let signature = super::super::b64::decode(sign).unwrap();
            let by_the_crate = match alg {
                HashAlg::Sha1 => key.pkcs1v15_verify::<Sha1>(content.as_bytes(), &signature),
                HashAlg::Sha256 => key.pkcs1v15_verify::<Sha256>(content.as_bytes(), &signature),
            };
            assert_eq!(
                slow.result.is_ok(),
                by_the_crate.is_ok(),
                "{content} {alg:?}"
            );
        }
    }
}
