//! The base64 decoders of the usual server runtimes, as far as their errors and lengths go, so a
//! replay can say what each one prints for a damaged `sign` or a key file: Java's
//! `Base64.getDecoder()` and `getMimeDecoder()` (OpenJDK `Base64.Decoder.decode0`), Go's
//! `base64.StdEncoding`, and the lenient decoders that skip what is not base64 (commons-codec, as
//! in the Alipay Java SDK, and Node's `Buffer.from(s, 'base64')`). Hand-written: the point is to
//! reproduce each runtime's exact message, which no decoding crate does.

/// How a Java decoder ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JavaOutcome {
    /// Decoded to this many bytes.
    Bytes(usize),
    /// `Illegal base64 character <hex>`.
    IllegalCharacter(u8),
    /// `Input byte array has wrong 4-byte ending unit`.
    WrongEndingUnit,
    /// `Last unit does not have enough valid bits`.
    LastUnit,
    /// `Input byte array has incorrect ending byte at <n>`.
    IncorrectEndingByte(usize),
}

impl JavaOutcome {
    /// What Java prints, for an error.
    pub fn message(&self) -> Option<String> {
        match self {
            Self::Bytes(_) => None,
            // Java formats the signed byte: 0xe2 is `-1e`.
            Self::IllegalCharacter(byte) if *byte >= 0x80 => Some(format!(
                "Illegal base64 character -{:x}",
                256 - u16::from(*byte)
            )),
            Self::IllegalCharacter(byte) => Some(format!("Illegal base64 character {byte:x}")),
            Self::WrongEndingUnit => {
                Some("Input byte array has wrong 4-byte ending unit".to_owned())
            }
            Self::LastUnit => Some("Last unit does not have enough valid bits".to_owned()),
            Self::IncorrectEndingByte(at) => Some(format!(
                "Input byte array has incorrect ending byte at {at}"
            )),
        }
    }
}

fn is_alphabet(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'+' || byte == b'/'
}

/// Java's basic (`mime == false`) or MIME decoder over `text`, step by step as OpenJDK's
/// `Base64.Decoder.decode0`.
pub fn java(text: &[u8], mime: bool) -> JavaOutcome {
    let mut bytes = 0usize;
    // Bits still wanted in the current 4-character unit: 18, 12, 6, 0 as `shiftto` in decode0.
    let mut shift: i32 = 18;
    let mut index = 0;
    while let Some(&byte) = text.get(index) {
        index += 1;
        if byte == b'=' {
            if shift == 6 {
                let second = text.get(index).copied();
                index += 1;
                if second != Some(b'=') {
                    return JavaOutcome::WrongEndingUnit;
                }
            } else if shift == 18 {
                return JavaOutcome::WrongEndingUnit;
            }
            break;
        }
        if !is_alphabet(byte) {
            if mime {
                continue;
            }
            return JavaOutcome::IllegalCharacter(byte);
        }
        shift -= 6;
        if shift < 0 {
            bytes += 3;
            shift = 18;
        }
    }
    let outcome = finish(bytes, shift);
    if outcome == JavaOutcome::LastUnit {
        return outcome;
    }
    let rest = text.get(index..).unwrap_or_default();
    match rest.iter().position(|byte| !mime || is_alphabet(*byte)) {
        Some(at) => JavaOutcome::IncorrectEndingByte(index + at + 1),
        None => outcome,
    }
}

fn finish(bytes: usize, shift: i32) -> JavaOutcome {
    match shift {
        6 => JavaOutcome::Bytes(bytes + 1),
        0 => JavaOutcome::Bytes(bytes + 2),
        12 => JavaOutcome::LastUnit,
        _ => JavaOutcome::Bytes(bytes),
    }
}

/// Go's `base64.StdEncoding.DecodeString`: the offset of the first illegal byte (`\r` and `\n`
/// are skipped), as in `illegal base64 data at input byte N`.
pub fn go_illegal_offset(text: &[u8]) -> Option<usize> {
    text.iter()
        .position(|byte| !(is_alphabet(*byte) || matches!(byte, b'=' | b'\r' | b'\n')))
}

/// How Python's `base64.b64decode` (not validating: what is not in the alphabet is skipped) ends,
/// step by step as CPython's `binascii.a2b_base64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PythonOutcome {
    /// Decoded to this many bytes.
    Bytes(usize),
    /// `number of data characters (N) cannot be 1 more than a multiple of 4`.
    OneMore(usize),
    /// `Incorrect padding`.
    IncorrectPadding,
}

impl PythonOutcome {
    /// What Python prints, for an error.
    pub fn message(self) -> Option<String> {
        match self {
            Self::Bytes(_) => None,
            Self::OneMore(count) => Some(format!(
                "number of data characters ({count}) cannot be 1 more than a multiple of 4"
            )),
            Self::IncorrectPadding => Some("Incorrect padding".to_owned()),
        }
    }
}

/// Python's non-validating base64 decoder over `text`.
pub fn python(text: &[u8]) -> PythonOutcome {
    let mut bytes = 0usize;
    let mut quad = 0usize;
    let mut pads = 0usize;
    for &byte in text {
        if byte == b'=' {
            pads += 1;
            if quad >= 2 && quad + pads >= 4 {
                return PythonOutcome::Bytes(bytes);
            }
            continue;
        }
        if !is_alphabet(byte) {
            continue;
        }
        pads = 0;
        quad = (quad + 1) % 4;
        if quad != 1 {
            bytes += 1;
        }
    }
    match quad {
        0 => PythonOutcome::Bytes(bytes),
        1 => PythonOutcome::OneMore(bytes / 3 * 4 + 1),
        _ => PythonOutcome::IncorrectPadding,
    }
}

/// Lenient decoders: skip what is not in the alphabet, stop at `=`, drop an incomplete unit.
pub fn lenient_len(text: &[u8]) -> usize {
    let count = text
        .iter()
        .take_while(|byte| **byte != b'=')
        .filter(|byte| is_alphabet(**byte))
        .count();
    count / 4 * 3
        + match count % 4 {
            2 => 1,
            3 => 2,
            _ => 0,
        }
}

/// How a decoder treated base64 whose `+` became spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// It stopped at the first space.
    Strict,
    /// It skipped the spaces and failed on what was left.
    Skipped,
    /// It skipped the spaces and decoded this many bytes.
    Length(usize),
}

/// What the usual decoders print for `spaced` (base64 whose `+` became spaces): Java's basic and
/// MIME decoders, Go's, Python's, and the lenient ones; a length is printed by the verifier as
/// `got N but was expecting M`.
pub fn sayings(spaced: &[u8]) -> Vec<(String, Reading)> {
    let mut said = Vec::new();
    let length = |got: usize| (format!("got {got} but was expecting"), Reading::Length(got));
    for mime in [false, true] {
        match java(spaced, mime) {
            JavaOutcome::Bytes(got) => said.push(length(got)),
            outcome => said.extend(outcome.message().map(|message| {
                (
                    message,
                    if mime {
                        Reading::Skipped
                    } else {
                        Reading::Strict
                    },
                )
            })),
        }
    }
    said.push(length(lenient_len(spaced)));
    if let Some(offset) = go_illegal_offset(spaced) {
        said.push((
            format!("illegal base64 data at input byte {offset}"),
            Reading::Strict,
        ));
    }
    said.extend(
        python(spaced)
            .message()
            .map(|message| (message, Reading::Skipped)),
    );
    said
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_reads_like_openjdk() {
        assert_eq!(java(b"YWJj", false), JavaOutcome::Bytes(3));
        assert_eq!(java(b"YWI=", false), JavaOutcome::Bytes(2));
        assert_eq!(java(b"YQ==", false), JavaOutcome::Bytes(1));
        assert_eq!(java(b"YW I=", false), JavaOutcome::IllegalCharacter(0x20));
        assert_eq!(java(b"YW I=", true), JavaOutcome::Bytes(2));
        assert_eq!(java(b"Y W==", true), JavaOutcome::Bytes(1));
        assert_eq!(java(b"Y W=", true), JavaOutcome::WrongEndingUnit);
        assert_eq!(java(b"YWJjZ", true), JavaOutcome::LastUnit);
        assert_eq!(java(b"YWJjZ==", true), JavaOutcome::LastUnit);
        assert_eq!(java(b"YWJj=", false), JavaOutcome::WrongEndingUnit);
        assert_eq!(java(b"YWI=x", false), JavaOutcome::IncorrectEndingByte(5));
        assert_eq!(java(b"YWI=\n", true), JavaOutcome::Bytes(2));
        assert_eq!(
            java(b"-----BEGIN", false),
            JavaOutcome::IllegalCharacter(0x2d)
        );
        assert_eq!(
            JavaOutcome::IllegalCharacter(0x0a).message().as_deref(),
            Some("Illegal base64 character a")
        );
    }

    #[test]
    fn python_reads_like_binascii() {
        assert_eq!(python(b"YWJj"), PythonOutcome::Bytes(3));
        assert_eq!(python(b"YW I="), PythonOutcome::Bytes(2));
        assert_eq!(python(b"YWI"), PythonOutcome::IncorrectPadding);
        assert_eq!(python(b"YWJjZ"), PythonOutcome::OneMore(5));
        assert_eq!(python(b"YQ=="), PythonOutcome::Bytes(1));
    }

    #[test]
    fn go_and_lenient_decoders() {
        assert_eq!(go_illegal_offset(b"abc def"), Some(3));
        assert_eq!(go_illegal_offset(b"abc\ndef=="), None);
        assert_eq!(lenient_len(b"YW Jj ZA=="), 4);
        assert_eq!(lenient_len(b"YWJjZ"), 3);
    }
}
