//! The typed values a finding can name besides numbers and verbatim tokens: what kind of key was
//! read, why a key or a ciphertext could not be read, what the JSON problem is, what a length
//! suggests. The pipeline picks a term; the wording layer words it (`term.<kind>.<id>` in
//! `assets/i18n/term.toml`), so no sentence is ever built here.

use serde::Serialize;

macro_rules! term_kind {
    ($(#[doc = $doc:literal])* $name:ident => $prefix:literal {
        $($(#[doc = $vdoc:literal])* $variant:ident => $id:literal,)*
    }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        pub enum $name {
            $($(#[doc = $vdoc])* #[serde(rename = $id)] $variant,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &[Self] = &[$(Self::$variant,)*];

            /// The stable snake_case id.
            pub fn id(self) -> &'static str {
                match self {
                    $(Self::$variant => $id,)*
                }
            }

            /// The wording key: `term.<kind>.<id>`.
            pub fn key(self) -> &'static str {
                match self {
                    $(Self::$variant => concat!("term.", $prefix, ".", $id),)*
                }
            }
        }

        impl From<$name> for Term {
            fn from(value: $name) -> Self {
                Self::$name(value)
            }
        }

        impl From<$name> for super::report::Param {
            fn from(value: $name) -> Self {
                Self::Term(Term::$name(value))
            }
        }
    };
}

term_kind! {
    /// What a key file turned out to hold.
    KeyKind => "key_kind" {
        /// A SubjectPublicKeyInfo public key (`PUBLIC KEY`, or the console's bare base64).
        SpkiPublicKey => "spki_public_key",
        /// A PKCS#1 `RSA PUBLIC KEY`.
        Pkcs1PublicKey => "pkcs1_public_key",
        /// An X.509 certificate.
        X509Certificate => "x509_certificate",
        /// A PEM block labelled as a private key.
        PemPrivateKey => "pem_private_key",
        /// A PKCS#8 private key.
        Pkcs8PrivateKey => "pkcs8_private_key",
        /// A PKCS#1 private key.
        Pkcs1PrivateKey => "pkcs1_private_key",
    }
}

term_kind! {
    /// Why key text could not be read.
    KeyProblem => "key_problem" {
        /// Nothing left after removing armour and whitespace.
        EmptyBody => "empty_body",
        /// A character outside the base64 alphabet (`{symbol}` at `{offset}`).
        InvalidCharacter => "invalid_character",
        /// A base64 length no encoder produces (`{length}`).
        InvalidLength => "invalid_length",
        /// Wrong base64 padding.
        InvalidPadding => "invalid_padding",
        /// Decoded bytes that are neither a key nor a certificate (`{bytes}`).
        UnknownDer => "unknown_der",
        /// The key could not be re-encoded as SubjectPublicKeyInfo.
        NotEncodable => "not_encodable",
        /// The certificate could not be read.
        CertificateUnreadable => "certificate_unreadable",
        /// The certificate does not hold an RSA key.
        CertificateNotRsa => "certificate_not_rsa",
        /// The file is not text.
        NotText => "not_text",
    }
}

term_kind! {
    /// Why decryption failed.
    DecryptProblem => "decrypt_problem" {
        /// The ciphertext is not base64.
        CiphertextNotBase64 => "ciphertext_not_base64",
        /// The ciphertext length is not a multiple of 16.
        CiphertextLength => "ciphertext_length",
        /// PKCS#7 padding did not validate.
        BadPadding => "bad_padding",
        /// The plaintext is not UTF-8.
        NotUtf8 => "not_utf8",
        /// The plaintext is not a JSON object.
        NotJson => "not_json",
    }
}

term_kind! {
    /// Why a paste is not a payload.
    JsonProblem => "json_problem" {
        /// A JSON syntax error at `{line}`, `{column}`.
        Syntax => "syntax",
        /// The text ends in the middle of a value.
        EndOfInput => "end_of_input",
        /// Valid JSON that cannot be read as a value.
        Unreadable => "unreadable",
        /// More wrapping layers than are ever peeled.
        TooDeep => "too_deep",
        /// A JSON string that holds no payload.
        StringNotPayload => "string_not_payload",
        /// JSON that is not an object.
        NotAnObject => "not_an_object",
        /// `response` is an object whose text cannot be read.
        UnreadableResponseObject => "unreadable_response_object",
        /// `response` holds JSON that is not an object.
        ResponseJsonNotObject => "response_json_not_object",
        /// `response` starts with `{` but is not JSON.
        ResponseNotJson => "response_not_json",
        /// `response` is neither a string nor an object.
        ResponseWrongType => "response_wrong_type",
    }
}

term_kind! {
    /// What a result probably is, from the ciphertext length alone (PKCS#7 adds 1 to 16 bytes).
    LengthGuess => "length_guess" {
        /// 48 bytes.
        SuccessEmptyMobile => "success_empty_mobile",
        /// 64 bytes.
        SuccessWithMobile => "success_with_mobile",
        /// 112 bytes.
        Busy20000 => "busy_20000",
        /// 128 bytes.
        InvalidAuthorization40003 => "invalid_authorization_40003",
        /// 272 bytes.
        InsufficientPermissions40006 => "insufficient_permissions_40006",
        /// Any other length.
        Unknown => "unknown",
    }
}

term_kind! {
    /// What a wrong-length AES key probably is.
    AesLengthClass => "aes_length" {
        /// Nothing.
        Empty => "empty",
        /// Under 16 bytes: cut off.
        TooShort => "too_short",
        /// The length of an RSA public key.
        RsaPublicKey => "rsa_public_key",
        /// The length of an RSA private key.
        RsaPrivateKey => "rsa_private_key",
        /// Anything else.
        NotAnAesKey => "not_an_aes_key",
    }
}

term_kind! {
    /// Which key input a finding is about.
    KeySlot => "key_slot" {
        /// The Alipay public key or certificate.
        AlipayPublicKey => "alipay_public_key",
        /// The AES key.
        AesKey => "aes_key",
    }
}

term_kind! {
    /// How a front end sends `res.response` so that `+` is lost.
    FormEncoding => "form_encoding" {
        /// `application/x-www-form-urlencoded`.
        FormUrlencoded => "form_urlencoded",
        /// `my.httpRequest` without `application/json`.
        HttpRequestWithoutJson => "http_request_without_json",
        /// `qs.stringify` / `querystring.stringify`.
        QueryString => "query_string",
        /// A query parameter without `encodeURIComponent`.
        QueryParameter => "query_parameter",
    }
}

term_kind! {
    /// Which request form a paste was read from.
    RequestForm => "request_form" {
        /// A request line, headers and a body (or a query string).
        RequestDump => "request_dump",
        /// A curl command line.
        CurlCommand => "curl_command",
        /// A form body alone (`response=…&sign=…`).
        FormBody => "form_body",
    }
}

term_kind! {
    /// Which server language printed the parsed body.
    PrintoutForm => "printout_form" {
        /// Python `repr`/`print`: dicts, `pprint`, dataclasses, named tuples, `MultiDict`s.
        PythonRepr => "python_repr",
        /// Java or Kotlin `toString()`: maps, Lombok, records, Spring `MultiValueMap`.
        JavaToString => "java_to_string",
        /// C# `ToString()` of an anonymous object or a record.
        CsharpToString => "csharp_to_string",
        /// PHP `print_r`.
        PhpPrintR => "php_print_r",
        /// PHP `var_dump`.
        PhpVarDump => "php_var_dump",
        /// PHP `var_export`.
        PhpVarExport => "php_var_export",
        /// Go `fmt` (`Println` of a map, `%v`, `%+v`, `%#v`).
        GoFmt => "go_fmt",
        /// Ruby `inspect` (hashes, Rails parameters).
        RubyInspect => "ruby_inspect",
        /// Any other `key=value` or `key: value` text.
        KeyValue => "key_value",
    }
}

term_kind! {
    /// Why a certificate of a bundle was the one used.
    CertChoice => "cert_choice" {
        /// Its Alipay cert SN is the response's `alipay_cert_sn`.
        MatchesCertSn => "matches_cert_sn",
        /// It is the end-entity certificate (`CA:FALSE`).
        EndEntity => "end_entity",
        /// The file holds only CA certificates: the first one.
        FirstCertificate => "first_certificate",
    }
}

term_kind! {
    /// What kind of CA certificate was loaded as the Alipay public-key certificate.
    CaCertificate => "ca_certificate" {
        /// A self-issued certificate with `CA:TRUE`.
        SelfSignedRoot => "self_signed_root",
        /// Several roots in one file, as in `alipayRootCert.crt`.
        SeveralRoots => "several_roots",
        /// A CA certificate issued by another CA.
        IntermediateCa => "intermediate_ca",
        /// A root known by its name (Ant Financial, NRCAC).
        NamedRoot => "named_root",
    }
}

/// A typed value the wording layer words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum Term {
    /// What a key file holds.
    KeyKind(KeyKind),
    /// Why key text could not be read.
    KeyProblem(KeyProblem),
    /// Why decryption failed.
    DecryptProblem(DecryptProblem),
    /// Why a paste is not a payload.
    JsonProblem(JsonProblem),
    /// A result guessed from the ciphertext length.
    LengthGuess(LengthGuess),
    /// What a wrong-length AES key probably is.
    AesLengthClass(AesLengthClass),
    /// Which key input.
    KeySlot(KeySlot),
    /// How a front end form-encodes the response.
    FormEncoding(FormEncoding),
    /// Which request form a paste was read from.
    RequestForm(RequestForm),
    /// Which server language printed the parsed body.
    PrintoutForm(PrintoutForm),
    /// Why a certificate of a bundle was used.
    CertChoice(CertChoice),
    /// What kind of CA certificate was loaded.
    CaCertificate(CaCertificate),
}

impl Term {
    /// The wording key: `term.<kind>.<id>`.
    pub fn key(self) -> &'static str {
        match self {
            Self::KeyKind(term) => term.key(),
            Self::KeyProblem(term) => term.key(),
            Self::DecryptProblem(term) => term.key(),
            Self::JsonProblem(term) => term.key(),
            Self::LengthGuess(term) => term.key(),
            Self::AesLengthClass(term) => term.key(),
            Self::KeySlot(term) => term.key(),
            Self::FormEncoding(term) => term.key(),
            Self::RequestForm(term) => term.key(),
            Self::PrintoutForm(term) => term.key(),
            Self::CertChoice(term) => term.key(),
            Self::CaCertificate(term) => term.key(),
        }
    }

    /// Every term's wording key (for the wording tests).
    pub fn all_keys() -> Vec<&'static str> {
        let mut keys = Vec::new();
        keys.extend(KeyKind::ALL.iter().map(|term| term.key()));
        keys.extend(KeyProblem::ALL.iter().map(|term| term.key()));
        keys.extend(DecryptProblem::ALL.iter().map(|term| term.key()));
        keys.extend(JsonProblem::ALL.iter().map(|term| term.key()));
        keys.extend(LengthGuess::ALL.iter().map(|term| term.key()));
        keys.extend(AesLengthClass::ALL.iter().map(|term| term.key()));
        keys.extend(KeySlot::ALL.iter().map(|term| term.key()));
        keys.extend(FormEncoding::ALL.iter().map(|term| term.key()));
        keys.extend(RequestForm::ALL.iter().map(|term| term.key()));
        keys.extend(PrintoutForm::ALL.iter().map(|term| term.key()));
        keys.extend(CertChoice::ALL.iter().map(|term| term.key()));
        keys.extend(CaCertificate::ALL.iter().map(|term| term.key()));
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique() {
        let mut keys = Term::all_keys();
        let before = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), before);
        assert_eq!(KeySlot::AesKey.key(), "term.key_slot.aes_key");
    }
}
