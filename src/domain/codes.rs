//! The finding-code table: every code with its stable name, its severity, its group and the
//! category it explains. No list of codes is written anywhere else. The words of each code are in
//! `assets/i18n/finding.toml`.

use serde::Serialize;

use super::category::Category;
use super::report::Severity;

/// What part of the diagnosis a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// What the paste is.
    Input,
    /// A repair or transformation of the paste or a key, reported so nothing is silently changed.
    Repair,
    /// A front-end result (`fail` or `onError`) pasted instead of a response.
    FrontendResult,
    /// Reading the public key.
    PublicKey,
    /// The certificate the key came from.
    Certificate,
    /// Reading the AES key.
    AesKey,
    /// The signature check.
    Signature,
    /// Decrypting the content.
    Decryption,
    /// The business result.
    Result,
    /// The front-end code check.
    FrontendCheck,
}

macro_rules! finding_codes {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident => $name:literal, $severity:ident, $group:ident
        $(, explains($explains:pat))?;
    )*) => {
        /// A stable identifier of one kind of finding. Tests and scripts match on these.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FindingCode {
            $($(#[doc = $doc])* $variant,)*
        }

        impl FindingCode {
            /// Every code, in declaration order.
            pub const ALL: &[Self] = &[$(Self::$variant,)*];

            /// The snake_case name used in JSON and in the hint table.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }

            /// The severity that always goes with this code.
            pub fn severity(self) -> Severity {
                match self {
                    $(Self::$variant => Severity::$severity,)*
                }
            }

            /// The group the code belongs to.
            pub fn group(self) -> Group {
                match self {
                    $(Self::$variant => Group::$group,)*
                }
            }

            /// True when this code states the verdict of `category`: the report's primary
            /// finding is its first finding whose code explains the category.
            pub fn explains(self, category: &Category) -> bool {
                match self {
                    $(Self::$variant => false $(|| matches!(category, $explains))?,)*
                }
            }
        }
    };
}

finding_codes! {
    /// Nothing was pasted.
    EmptyInput => "empty_input", Error, Input, explains(Category::EmptyInput);
    /// The paste is not UTF-8.
    BinaryInput => "binary_input", Error, Input, explains(Category::BinaryInput);
    /// The JSON is cut off.
    TruncatedInput => "truncated_input", Error, Input, explains(Category::TruncatedInput);
    /// Neither JSON nor a bare ciphertext.
    NotJson => "not_json", Error, Input, explains(Category::NotJson);
    /// The decrypted business JSON was pasted instead of `res.response`.
    AlreadyDecryptedPayload => "already_decrypted_payload", Warning, Input, explains(Category::AlreadyDecryptedPayload);
    /// A JSON object without `response`.
    ResponseFieldMissing => "response_field_missing", Error, Input, explains(Category::NotJson);
    /// The simulator's `fail` result.
    FrontendIdeUnsupported => "frontend_ide_unsupported", Error, FrontendResult, explains(Category::NotJson);
    /// A button `onError` detail.
    FrontendAuthFailed => "frontend_auth_failed", Warning, FrontendResult, explains(Category::NotJson);
    /// Another `fail` result.
    FrontendCallFailed => "frontend_call_failed", Warning, FrontendResult, explains(Category::NotJson);
    /// A UTF-8 BOM was removed.
    InputBomStripped => "input_bom_stripped", Info, Repair;
    /// Surrounding whitespace was trimmed.
    InputWhitespacePadded => "input_whitespace_padded", Info, Repair;
    /// Pretty-printed JSON.
    InputReformatted => "input_reformatted", Info, Input;
    /// The whole `res` object was pasted and unwrapped.
    InputResObject => "input_res_object", Info, Repair;
    /// Extracted from console or log output.
    InputExtracted => "input_extracted", Info, Repair;
    /// Taken from a custom field.
    InputWrapped => "input_wrapped", Info, Repair;
    /// Read from an HTTP request dump, a curl command or a form body.
    InputRequest => "input_request", Info, Repair;
    /// A form body whose values are not percent-encoded: a form parser turns `+` into spaces.
    FormBodyNotPercentEncoded => "form_body_not_percent_encoded", Warning, Input;
    /// Read from a server language's printout of the parsed body.
    InputPrintout => "input_printout", Info, Repair;
    /// A plain `response` object re-serialised from a printout to check its signature.
    PrintoutPlainRebuilt => "printout_plain_rebuilt", Info, Repair;
    /// JSON-encoded more than once.
    DoubleJsonEncoded => "double_json_encoded", Warning, Repair, explains(Category::DoubleJsonEncoded);
    /// Percent-encoded.
    UrlEncodedInput => "url_encoded_input", Warning, Repair, explains(Category::UrlEncodedInput);
    /// `+` turned into spaces, repaired.
    Base64PlusMangled => "base64_plus_mangled", Error, Repair, explains(Category::Base64PlusMangled);
    /// The `=` padding of a base64 value was lost, restored.
    Base64PaddingLost => "base64_padding_lost", Error, Repair, explains(Category::Base64PaddingLost);
    /// Line breaks inside base64 or inside quoted strings, removed.
    Base64LineBreaks => "base64_line_breaks", Warning, Repair, explains(Category::Base64LineBreaks);
    /// `\/` escapes present.
    EscapedSlashes => "escaped_slashes", Info, Input;
    /// A bare ciphertext was pasted.
    CiphertextOnly => "ciphertext_only", Info, Input, explains(Category::CiphertextOnly);
    /// No public key loaded.
    PublicKeyMissing => "public_key_missing", Info, PublicKey, explains(Category::PublicKeyMissing);
    /// A public key was loaded.
    PublicKeyLoaded => "public_key_loaded", Ok, PublicKey;
    /// The key text cannot be parsed.
    PublicKeyUnparsable => "public_key_unparsable", Error, PublicKey, explains(Category::PublicKeyMissing);
    /// A private key was loaded as the verification key.
    PublicKeyIsPrivateKey => "public_key_is_private_key", Error, PublicKey, explains(Category::PublicKeyIsPrivateKey);
    /// The public-key slot holds an AES key.
    PublicKeyIsAesKey => "public_key_is_aes_key", Error, PublicKey, explains(Category::PublicKeyMissing);
    /// The key came from an X.509 certificate.
    PublicKeyFromCertificate => "public_key_from_certificate", Info, Certificate;
    /// PKCS#1 `RSA PUBLIC KEY`.
    PublicKeyPkcs1 => "public_key_pkcs1", Info, PublicKey;
    /// Quotes, whitespace or armour were stripped from a key.
    KeyNormalized => "key_normalized", Info, Repair;
    /// RSA2 with a key under 2048 bits.
    PublicKeyWeakForRsa2 => "public_key_weak_for_rsa2", Warning, PublicKey;
    /// The certificate has expired.
    CertificateExpired => "certificate_expired", Warning, Certificate;
    /// The certificate is not valid yet.
    CertificateNotYetValid => "certificate_not_yet_valid", Warning, Certificate;
    /// The app's own certificate was loaded.
    CertificateIsAppCert => "certificate_is_app_cert", Error, Certificate;
    /// A root or CA certificate was loaded as the Alipay public-key certificate.
    CertificateIsRootCert => "certificate_is_root_cert", Error, Certificate, explains(Category::SignatureKeyMismatch);
    /// The certificate of a bundle used to verify, and why.
    CertificateSelected => "certificate_selected", Info, Certificate;
    /// `alipay_cert_sn` differs from the loaded certificate.
    CertSnMismatch => "cert_sn_mismatch", Warning, Certificate;
    /// No AES key loaded.
    AesKeyMissing => "aes_key_missing", Error, Decryption, explains(Category::AesKeyMissing);
    /// The AES key is not base64.
    AesKeyNotBase64 => "aes_key_not_base64", Error, AesKey, explains(Category::AesKeyInvalid);
    /// The AES key has the wrong length.
    AesKeyInvalid => "aes_key_invalid", Error, AesKey, explains(Category::AesKeyInvalid);
    /// The AES key only works as hex.
    AesKeyHexEncoded => "aes_key_hex_encoded", Warning, AesKey, explains(Category::AesKeyHexEncoded);
    /// AES-192 or AES-256.
    AesKeySizeNote => "aes_key_size_note", Info, AesKey;
    /// Decryption fails with this key.
    AesKeyMismatch => "aes_key_mismatch", Error, Decryption, explains(Category::AesKeyMismatch);
    /// A wrong-length key would decrypt when truncated to 16 bytes.
    AesKeyPhpTruncation => "aes_key_php_truncation", Info, AesKey;
    /// No `sign`.
    SignMissing => "sign_missing", Warning, Signature, explains(Category::SignMissing);
    /// No `sign_type`; RSA2 assumed.
    SignTypeDefaultedRsa2 => "sign_type_defaulted_rsa2", Info, Signature;
    /// `sign_type` RSA (SHA-1).
    SignTypeRsaSha1Legacy => "sign_type_rsa_sha1_legacy", Info, Signature;
    /// Unknown `sign_type`.
    SignTypeUnsupported => "sign_type_unsupported", Warning, Signature;
    /// The signature verifies.
    SignatureValid => "signature_valid", Ok, Signature;
    /// Teaching hint: the quotes are part of the signed content.
    SignNeedsQuotesHint => "sign_needs_quotes_hint", Info, Signature;
    /// `sign` is not base64.
    SignatureNotBase64 => "signature_not_base64", Error, Signature, explains(Category::SignatureKeyMismatch);
    /// Signature length differs from the modulus size.
    SignatureLengthMismatch => "signature_length_mismatch", Error, Signature, explains(Category::SignatureKeyMismatch);
    /// The key did not produce the signature.
    SignatureKeyMismatch => "signature_key_mismatch", Error, Signature, explains(Category::SignatureKeyMismatch);
    /// Right key and hash, different content.
    ContentTampered => "content_tampered", Error, Signature, explains(Category::ContentTampered);
    /// Signed with the other hash algorithm.
    SignTypeMismatch => "sign_type_mismatch", Error, Signature, explains(Category::SignTypeMismatch);
    /// Verifies only without the quotes.
    SignatureVariantUnquoted => "signature_variant_unquoted", Warning, Signature;
    /// Verifies only after undoing `\/` escapes.
    SignatureVariantUnescaped => "signature_variant_unescaped", Warning, Signature;
    /// `response` is plaintext.
    ResponseNotEncrypted => "response_not_encrypted", Warning, Decryption, explains(Category::ResponseNotEncrypted);
    /// The ciphertext is not base64.
    CiphertextNotBase64 => "ciphertext_not_base64", Error, Decryption, explains(Category::AesKeyMismatch);
    /// The ciphertext length is not a multiple of 16.
    CiphertextLengthInvalid => "ciphertext_length_invalid", Error, Decryption, explains(Category::AesKeyMismatch);
    /// Only the first block is garbled.
    DecryptIvMismatch => "decrypt_iv_mismatch", Warning, Decryption;
    /// Decryption worked.
    DecryptedOk => "decrypted_ok", Ok, Decryption;
    /// Read but not verified.
    PayloadUntrusted => "payload_untrusted", Warning, Decryption;
    /// Code 10000 with a mobile.
    ResultSuccess => "result_success", Ok, Result, explains(Category::Ok);
    /// Code 10000 with an empty mobile.
    MobileEmpty => "mobile_empty", Warning, Result, explains(Category::MobileEmpty);
    /// A `country-number` mobile.
    MobileOverseas => "mobile_overseas", Info, Result;
    /// 20000.
    AlipayError20000 => "alipay_error_20000", Warning, Result, explains(Category::AlipayError(_));
    /// 40001 `isv.missing-encrypt-key`.
    AlipayError40001MissingEncryptKey => "alipay_error_40001_missing_encrypt_key", Error, Result, explains(Category::AlipayError(_));
    /// 40001 `isv.missing-default-signature-type`.
    AlipayError40001MissingDefaultSignatureType => "alipay_error_40001_missing_default_signature_type", Error, Result, explains(Category::AlipayError(_));
    /// 40002.
    AlipayError40002 => "alipay_error_40002", Error, Result, explains(Category::AlipayError(_));
    /// 40003.
    AlipayError40003 => "alipay_error_40003", Error, Result, explains(Category::AlipayError(_));
    /// 40006.
    AlipayError40006 => "alipay_error_40006", Error, Result, explains(Category::AlipayError(_));
    /// Any other code.
    AlipayErrorOther => "alipay_error_other", Warning, Result, explains(Category::AlipayError(_));
    /// No `code` in the business JSON.
    ResultCodeMissing => "result_code_missing", Error, Result, explains(Category::ResultCodeMissing);
    /// Re-authorize after configuration changes.
    HintReauthorize => "hint_reauthorize", Info, Result;
    /// A `fail` result with error 4: no permission to call the API.
    FrontendNoPermission => "frontend_no_permission", Error, FrontendResult, explains(Category::NotJson);
    /// A `fail` result with error 11: the user cancelled.
    FrontendUserCancelled => "frontend_user_cancelled", Warning, FrontendResult, explains(Category::NotJson);
    /// Front-end check: no `<button open-type="getAuthorize">`.
    FrontendButtonMissing => "frontend_button_missing", Error, FrontendCheck;
    /// Front-end check: the button's `scope` is not `phoneNumber`.
    FrontendScopeWrong => "frontend_scope_wrong", Error, FrontendCheck;
    /// Front-end check: the button has no `onGetAuthorize` handler.
    FrontendOnGetAuthorizeMissing => "frontend_on_get_authorize_missing", Error, FrontendCheck;
    /// Front-end check: the button has no `onError` handler.
    FrontendOnErrorMissing => "frontend_on_error_missing", Warning, FrontendCheck;
    /// Front-end check: no `my.canIUse` guard.
    FrontendCanIUseMissing => "frontend_can_i_use_missing", Warning, FrontendCheck;
    /// Front-end check: `my.getPhoneNumber` is never called.
    FrontendGetPhoneNumberMissing => "frontend_get_phone_number_missing", Error, FrontendCheck;
    /// Front-end check: the handler named in the AXML is not in the JS.
    FrontendHandlerNotFound => "frontend_handler_not_found", Warning, FrontendCheck;
    /// Front-end check: `my.getPhoneNumber` is not called from the authorize handler.
    FrontendCalledOutsideHandler => "frontend_called_outside_handler", Error, FrontendCheck;
    /// Front-end check: the response is sent form-encoded (`+` damage).
    FrontendFormEncoded => "frontend_form_encoded", Warning, FrontendCheck;
    /// Front-end check: `res.response` is stringified again.
    FrontendResponseStringified => "frontend_response_stringified", Warning, FrontendCheck;
    /// Front-end check: `res.sign` is read (it does not exist).
    FrontendResSignUsed => "frontend_res_sign_used", Warning, FrontendCheck;
    /// Front-end check: nothing to flag.
    FrontendCheckPassed => "frontend_check_passed", Ok, FrontendCheck;
}

impl Serialize for FindingCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_snake_case() {
        let mut names: Vec<&str> = FindingCode::ALL.iter().map(|code| code.as_str()).collect();
        assert!(names.iter().all(|name| {
            name.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
        }));
        let before = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(before, names.len());
    }
}
