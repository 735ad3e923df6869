//! The cause codes `explain` can name: one kind of mistake in the developer's server code each,
//! with its stable name (the JSON contract) and the side of the protocol it is on. The words of
//! each code are in `assets/i18n/explain.toml` under `[<code>]`.

macro_rules! cause_codes {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident => $name:literal, $side:ident;
    )*) => {
        /// A mistake in server code that explains what the server printed.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum CauseCode {
            $($(#[doc = $doc])* $variant,)*
        }

        impl CauseCode {
            /// Every code, in declaration order.
            pub const ALL: &[Self] = &[$(Self::$variant,)*];

            /// The stable snake_case name (`server_…`) used in JSON and in the data files.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }

            /// The code named `name`, if there is one.
            pub fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|code| code.as_str() == name)
            }

            /// Which part of the server code the mistake is in.
            pub fn side(self) -> Side {
                match self {
                    $(Self::$variant => Side::$side,)*
                }
            }
        }
    };
}

/// The part of the server code a cause is in; replays of one side never judge the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// Decoding and decrypting `response`.
    Decryption,
    /// Verifying `sign`, loading the Alipay public key.
    Signature,
    /// Neither: the output handling or a dead API.
    Other,
}

cause_codes! {
    /// AES-ECB instead of AES-CBC.
    AesEcbMode => "server_aes_ecb_mode", Decryption;
    /// An IV other than 16 zero bytes.
    AesWrongIv => "server_aes_wrong_iv", Decryption;
    /// The PKCS#7 padding left on the plaintext.
    AesPaddingNotRemoved => "server_aes_padding_not_removed", Decryption;
    /// Only `update()`: the last block is missing.
    AesOutputTruncated => "server_aes_output_truncated", Decryption;
    /// Encrypting instead of decrypting.
    AesEncryptInsteadOfDecrypt => "server_aes_encrypt_instead_of_decrypt", Decryption;
    /// The key text used as key bytes.
    AesKeyNotBase64Decoded => "server_aes_key_not_base64_decoded", Decryption;
    /// The key text read with its line break.
    AesKeyTrailingNewline => "server_aes_key_trailing_newline", Decryption;
    /// An RSA key in the AES key slot.
    AesKeyIsRsaKey => "server_aes_key_is_rsa_key", Decryption;
    /// The ciphertext passed as the key.
    AesArgsSwapped => "server_aes_args_swapped", Decryption;
    /// CryptoJS given a string key: passphrase mode with a random salt.
    AesCryptojsPassphrase => "server_aes_cryptojs_passphrase", Decryption;
    /// Another AES key than the app's current one.
    AesWrongKey => "server_aes_wrong_key", Decryption;
    /// The base64 text decrypted as bytes.
    CiphertextNotDecoded => "server_ciphertext_not_decoded", Decryption;
    /// The whole `res.response` JSON taken as the ciphertext.
    EnvelopeAsCiphertext => "server_envelope_as_ciphertext", Decryption;
    /// `+` in `response` turned into spaces on the way.
    ResponsePlusToSpace => "server_response_plus_to_space", Decryption;
    /// The plaintext decoded with GBK or another charset than UTF-8.
    CharsetNotUtf8 => "server_charset_not_utf8", Other;
    /// `+` in `sign` turned into spaces on the way.
    SignPlusToSpace => "server_sign_plus_to_space", Signature;
    /// The ciphertext verified without its quotes.
    SignContentUnquoted => "server_sign_content_unquoted", Signature;
    /// SHA-1 instead of SHA-256.
    SignSha1InsteadOfSha256 => "server_sign_sha1_instead_of_sha256", Signature;
    /// The payment-notification helper (sorted `k=v&…`).
    SignNotifyStyle => "server_sign_notify_style", Signature;
    /// Other bytes verified (the envelope, re-serialized JSON, the plaintext).
    SignWrongContent => "server_sign_wrong_content", Signature;
    /// Another key than the Alipay public key.
    SignWrongPublicKey => "server_sign_wrong_public_key", Signature;
    /// The key in a format the loading API does not read.
    PublicKeyFormat => "server_public_key_format", Signature;
    /// A private key loaded as the Alipay public key.
    PrivateKeyAsPublic => "server_private_key_as_public", Signature;
    /// No `sign`, and the code does not check.
    SignMissingNotChecked => "server_sign_missing_not_checked", Signature;
    /// Python verification given a `str`.
    SignMessageNotBytes => "server_sign_message_not_bytes", Signature;
    /// The official Python SDK's `str` IV.
    PythonStrIv => "server_python_str_iv", Decryption;
    /// The decryption result never assigned.
    DecryptResultDiscarded => "server_decrypt_result_discarded", Other;
    /// PHP's removed mcrypt extension.
    PhpMcryptRemoved => "server_php_mcrypt_removed", Other;
}

/// Causes that no replay with the supplied keys can reproduce: the server holds another key, or
/// derives one from a random salt. They are named only when the output fits them and nothing
/// reproducible explains it.
pub fn unreplayable(code: CauseCode) -> bool {
    matches!(
        code,
        CauseCode::AesWrongKey | CauseCode::AesCryptojsPassphrase
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_read_back() {
        for code in CauseCode::ALL {
            assert_eq!(CauseCode::from_name(code.as_str()), Some(*code));
            assert!(code.as_str().starts_with("server_"));
        }
        assert_eq!(CauseCode::from_name("server_unknown"), None);
    }
}
