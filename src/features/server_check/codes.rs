//! The languages the rules know and the finding codes they report. Both are named in the rule
//! data (`[languages.<id>]`, `code = "…"`); loading the data checks every name against these
//! lists, so the wording keys built from the codes are known at compile time.

/// A source language of server code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Language {
    /// Java.
    #[default]
    Java,
    /// C#.
    CSharp,
    /// JavaScript and TypeScript.
    Js,
    /// PHP.
    Php,
    /// Python.
    Python,
    /// Go.
    Go,
}

impl Language {
    /// Every language, in the order the window offers them.
    pub const ALL: &'static [Self] = &[
        Self::Java,
        Self::Php,
        Self::Js,
        Self::Python,
        Self::Go,
        Self::CSharp,
    ];

    /// The id of its `[languages.<id>]` table in the rule data.
    pub fn id(self) -> &'static str {
        match self {
            Self::Java => "java",
            Self::CSharp => "csharp",
            Self::Js => "js",
            Self::Php => "php",
            Self::Python => "python",
            Self::Go => "go",
        }
    }

    /// Its usual name, the same in every display language.
    pub fn name(self) -> &'static str {
        match self {
            Self::Java => "Java",
            Self::CSharp => "C#",
            Self::Js => "JavaScript / TypeScript",
            Self::Php => "PHP",
            Self::Python => "Python",
            Self::Go => "Go",
        }
    }

    /// The language whose id is `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|language| language.id() == id)
    }
}

/// Declares [`ServerCode`] with its stable names.
macro_rules! server_codes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// What a server-check finding reports; each names one mistake of the pitfall catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ServerCode {
            $($(#[$doc])* $variant,)*
        }

        impl ServerCode {
            /// Every code.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)*];

            /// The stable name (`code_aes_ecb`), as in the rule data, the JSON and the wording
            /// keys.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }
        }
    };
}

server_codes! {
    /// AES in ECB mode (Java's plain `"AES"` included).
    AesEcb = "code_aes_ecb",
    /// An encryption API inside the decrypt function.
    AesEncryptForDecrypt = "code_aes_encrypt_for_decrypt",
    /// The base64 AES key used as text.
    AesKeyAsText = "code_aes_key_as_text",
    /// CryptoJS given a string key (passphrase mode).
    CryptojsPassphrase = "code_cryptojs_passphrase",
    /// No, a random or the key as IV.
    AesIvMissing = "code_aes_iv_missing",
    /// PKCS#7 padding turned off and not removed.
    PaddingDisabled = "code_padding_disabled",
    /// PHP mcrypt.
    Mcrypt = "code_mcrypt",
    /// A payment-notification verifier used for the phone number.
    NotifyVerifyHelper = "code_notify_verify_helper",
    /// SHA-1 (RSA) where RSA2 is needed.
    Sha1VerifyDefault = "code_sha1_verify_default",
    /// The decrypt call's result not assigned.
    DecryptResultDiscarded = "code_decrypt_result_discarded",
    /// A streaming decipher never finished.
    DecipherWithoutFinal = "code_decipher_without_final",
    /// A `str` IV on Python 3.
    PyStrIv = "code_py_str_iv",
    /// .NET `RSACheckContent` overload that reads the key from a file.
    NetKeyFileOverload = "code_net_key_file_overload",
    /// The verified content lacks the quotes around the ciphertext.
    VerifyWithoutQuotes = "code_verify_without_quotes",
    /// The quotes added the wrong way.
    VerifyQuoteEscaped = "code_verify_quote_escaped",
    /// `sign` or `response` read through a form or query decoder.
    FormDecodedSign = "code_form_decoded_sign",
    /// Python `verify()` used as a condition.
    VerifyReturnsNone = "code_verify_returns_none",
    /// The key and content arguments of an SDK decrypt helper swapped.
    AesdencryptArgsSwapped = "code_aesdencrypt_args_swapped",
    /// PHP `openssl_decrypt` options that contradict the input.
    OpensslDecryptFlags = "code_openssl_decrypt_flags",
    /// PKCS#7 padding never removed after raw CBC.
    UnpadMissing = "code_unpad_missing",
    /// Decryption without any signature check in the file.
    DecryptWithoutVerify = "code_decrypt_without_verify",
    /// Unpadding that does not check the padding.
    UncheckedUnpad = "code_unchecked_unpad",
}

impl ServerCode {
    /// The code named `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|code| code.as_str() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for code in ServerCode::ALL {
            assert_eq!(ServerCode::from_name(code.as_str()), Some(*code));
        }
        for language in Language::ALL {
            assert_eq!(Language::from_id(language.id()), Some(*language));
        }
        assert_eq!(ServerCode::from_name("code_unknown"), None);
    }
}
