//! Requests as they are pasted: an HTTP request dump (request line, headers, blank line, body or
//! query string), a curl command line (`-d`, `--data-raw`, `--data-urlencode`, the URL's query),
//! or a form body alone (`response=…&sign=…`). The body is handed back as text to read again; a
//! form becomes the JSON object it stands for.
//!
//! Form values: a body whose values are percent-encoded is decoded (`%XX` only: a `+` is never
//! turned into a space, since base64 needs it) and reported as URL-encoded input. A body written
//! without percent-encoding shows its values literally: each pair is split at its first `=` and
//! its value runs to the next `&`, so the values are intact, with an advisory finding (a server's
//! form parser would turn `+` into spaces). `--data-urlencode` values are literal: curl encodes
//! them itself.

use serde_json::{Map, Value};

use crate::domain::codes::FindingCode;
use crate::domain::report::Finding;
use crate::domain::terms::RequestForm;

/// A request read from a paste: the text to read next and the findings, in order.
pub(super) struct Request {
    /// The body, or the JSON object a form stands for.
    pub text: String,
    /// What the paste was, then what its form values needed.
    pub findings: Vec<Finding>,
}

/// One `name=value` pair of a form body or query string.
struct Pair {
    name: String,
    value: String,
    /// Written as it is sent (a `--data-urlencode` value): never decoded.
    literal: bool,
}

/// Reads a curl command, a request dump or a form body; `None` for anything else.
pub(super) fn read(text: &str) -> Option<Request> {
    let (form, body) = curl(text)
        .map(|body| (RequestForm::CurlCommand, body))
        .or_else(|| request_dump(text).map(|body| (RequestForm::RequestDump, body)))
        .or_else(|| {
            let pairs = split_pairs(text.trim())?;
            Some((RequestForm::FormBody, Body::Form(pairs)))
        })?;
    let mut findings = vec![Finding::new(FindingCode::InputRequest).with("form", form)];
    let text = match body {
        Body::Text(text) => text,
        Body::Form(pairs) => form_json(&pairs, &mut findings)?,
    };
    Some(Request { text, findings })
}

/// What a request carries.
enum Body {
    /// A body to read as a paste (JSON, usually).
    Text(String),
    /// Form pairs (body, query string, `-d` and `--data-urlencode` arguments).
    Form(Vec<Pair>),
}

/// A body that is JSON (or anything but a form) is read as text; a form as pairs.
fn body_of(text: &str, query: Option<&str>) -> Option<Body> {
    let body = text.trim();
    if body.is_empty() {
        return split_pairs(query?).map(Body::Form);
    }
    if body.starts_with(['{', '[', '"']) {
        return Some(Body::Text(body.to_owned()));
    }
    Some(split_pairs(body).map_or_else(|| Body::Text(body.to_owned()), Body::Form))
}

/// `METHOD target HTTP/x.y`, headers, a blank line and the body.
fn request_dump(text: &str) -> Option<Body> {
    let text = text.trim_start();
    let (line, rest) = text.split_once('\n').unwrap_or((text, ""));
    let mut parts = line.trim_end_matches('\r').split(' ');
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    let is_method = !method.is_empty() && method.bytes().all(|byte| byte.is_ascii_uppercase());
    if !is_method || !version.starts_with("HTTP/") || parts.next().is_some() {
        return None;
    }
    let mut body_start = None;
    let mut offset = 0;
    for header in rest.split_inclusive('\n') {
        offset += header.len();
        if header.trim().is_empty() {
            body_start = Some(offset);
            break;
        }
    }
    let body = body_start.and_then(|start| rest.get(start..)).unwrap_or("");
    body_of(body, target.split_once('?').map(|(_, query)| query))
}

/// The data of a curl command: its `-d`/`--data*` arguments (or the URL's query string).
fn curl(text: &str) -> Option<Body> {
    let text = text.trim_start().trim_start_matches("$ ");
    if !text.starts_with("curl ") {
        return None;
    }
    let args = shlex::split(&text.replace("\r\n", "\n"))?;
    let mut data: Vec<(String, bool)> = Vec::new();
    let mut url = None;
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        let (option, attached) = match arg.split_once('=') {
            Some((option, value)) if option.starts_with("--") => (option.to_owned(), Some(value)),
            _ => (arg.clone(), None),
        };
        let mut value = || attached.map(str::to_owned).or_else(|| args.next());
        match option.as_str() {
            "-d" | "--data" | "--data-ascii" | "--data-binary" | "--data-raw" => {
                data.push((value()?, false));
            }
            "--data-urlencode" => data.push((value()?, true)),
            "--url" => url = value(),
            "-H" | "--header" | "-X" | "--request" | "-A" | "--user-agent" | "-b" | "--cookie"
            | "-e" | "--referer" | "-u" | "--user" | "-o" | "--output" | "-F" | "--form" => {
                let _ = value();
            }
            _ if option.starts_with("-d") && option.len() > 2 => {
                data.push((option.get(2..).unwrap_or("").to_owned(), false));
            }
            _ if !option.starts_with('-') && url.is_none() => url = Some(arg),
            _ => {}
        }
    }
    if let [(only, false)] = data.as_slice()
        && only.trim_start().starts_with(['{', '[', '"'])
    {
        return Some(Body::Text(only.trim().to_owned()));
    }
    if data.is_empty() {
        let url = url?;
        return body_of("", url.split_once('?').map(|(_, query)| query));
    }
    let mut pairs = Vec::new();
    for (part, literal) in data {
        if literal {
            let (name, value) = part.split_once('=').unwrap_or(("", part.as_str()));
            pairs.push(Pair {
                name: name.to_owned(),
                value: value.to_owned(),
                literal: true,
            });
        } else {
            pairs.extend(split_pairs(&part)?);
        }
    }
    Some(Body::Form(pairs))
}

/// `a=1&b=2`: each pair split at its first `=`, each value running to the next `&`. `None`
/// when the text has whitespace inside, or a pair without a name.
fn split_pairs(text: &str) -> Option<Vec<Pair>> {
    if text.is_empty() || !text.contains('=') || text.contains(char::is_whitespace) {
        return None;
    }
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let valid_name = !name.is_empty()
                && name.chars().all(|ch| {
                    ch.is_alphanumeric() || matches!(ch, '_' | '-' | '.' | '[' | ']' | '%')
                });
            valid_name.then(|| Pair {
                name: name.to_owned(),
                value: value.to_owned(),
                literal: false,
            })
        })
        .collect()
}

/// The form as a JSON object (first value of a name wins), when it holds a payload; reports
/// percent-encoding, or its absence where a value has a `+`.
fn form_json(pairs: &[Pair], findings: &mut Vec<Finding>) -> Option<String> {
    let encoded = pairs
        .iter()
        .any(|pair| !pair.literal && (has_escape(&pair.value) || has_escape(&pair.name)));
    let decode = |text: &str| {
        percent_encoding::percent_decode_str(text)
            .decode_utf8()
            .map_or_else(|_| text.to_owned(), |decoded| decoded.into_owned())
    };
    let mut map = Map::new();
    for pair in pairs {
        let (name, value) = if encoded && !pair.literal {
            (decode(&pair.name), decode(&pair.value))
        } else {
            (pair.name.clone(), pair.value.clone())
        };
        if !map.contains_key(&name) {
            map.insert(name, Value::String(value));
        }
    }
    let holds_payload = map.iter().any(|(name, value)| {
        name == "response" || value.as_str().is_some_and(|text| text.contains("response"))
    });
    if !holds_payload {
        return None;
    }
    if encoded {
        findings.push(Finding::new(FindingCode::UrlEncodedInput));
    } else if pairs
        .iter()
        .any(|pair| !pair.literal && pair.value.contains('+'))
    {
        findings.push(Finding::new(FindingCode::FormBodyNotPercentEncoded));
    }
    serde_json::to_string(&map).ok()
}

/// True when the text holds a `%XX` escape.
fn has_escape(text: &str) -> bool {
    text.as_bytes().windows(3).any(|window| {
        matches!(window, [b'%', high, low] if high.is_ascii_hexdigit() && low.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(request: &Request) -> Vec<FindingCode> {
        request
            .findings
            .iter()
            .map(|finding| finding.code)
            .collect()
    }

    #[test]
    fn reads_form_bodies_with_and_without_percent_encoding() {
        let plain = read("a=1&response=QU+J==&sign=c2ln").unwrap();
        assert_eq!(plain.text, r#"{"a":"1","response":"QU+J==","sign":"c2ln"}"#);
        assert_eq!(
            codes(&plain),
            vec![
                FindingCode::InputRequest,
                FindingCode::FormBodyNotPercentEncoded
            ]
        );
        let encoded = read("response=QU%2BJ%3D%3D+&sign=c2ln").unwrap();
        assert_eq!(encoded.text, r#"{"response":"QU+J==+","sign":"c2ln"}"#);
        assert_eq!(
            codes(&encoded),
            vec![FindingCode::InputRequest, FindingCode::UrlEncodedInput]
        );
        assert!(read("a=1&b=2").is_none());
        assert!(read("response = x").is_none());
    }

    #[test]
    fn reads_request_dumps_and_curl_commands() {
        let dump = "POST /x?y=1 HTTP/1.1\r\nHost: h\r\n\r\n{\"response\":\"QUJD\"}";
        assert_eq!(read(dump).unwrap().text, "{\"response\":\"QUJD\"}");
        let get = "GET /x?response=QU%2BJ HTTP/1.1\nHost: h\n\n";
        assert_eq!(read(get).unwrap().text, r#"{"response":"QU+J"}"#);
        let curl = "curl 'https://h/x' \\\n  -H 'a: b' \\\n  --data-raw '{\"response\":\"QUJD\"}'";
        assert_eq!(read(curl).unwrap().text, "{\"response\":\"QUJD\"}");
        let urlencode = "curl https://h/x --data-urlencode 'response=QU+J==' -d sign_type=RSA2";
        let request = read(urlencode).unwrap();
        assert_eq!(request.text, r#"{"response":"QU+J==","sign_type":"RSA2"}"#);
        assert_eq!(codes(&request), vec![FindingCode::InputRequest]);
    }
}
