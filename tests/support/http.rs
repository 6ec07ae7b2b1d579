//! Reading the captured raw responses (tests/fixtures/<gateway>/<scenario>.http), shared by
//! the fixture test and the benchmarks.

use gateway_doctor::model::Header;

/// A raw HTTP/1.x response as curl -i saved it: status line, headers, blank line, body.
pub fn parse_http(raw: &[u8]) -> (u16, String, Vec<Header>, String) {
    let text = String::from_utf8_lossy(raw);
    let (head, body) = match text.find("\r\n\r\n") {
        Some(i) => (&text[..i], &text[i + 4..]),
        None => match text.find("\n\n") {
            Some(i) => (&text[..i], &text[i + 2..]),
            None => (&text[..], ""),
        },
    };
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("").trim().to_string();
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| {
            let (n, v) = l.split_once(':')?;
            Some(Header {
                name: n.trim().to_string(),
                value: Some(v.trim().to_string()),
            })
        })
        .collect();
    (status, status_line, headers, body.to_string())
}
