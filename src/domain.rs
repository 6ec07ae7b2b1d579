//! Registrable domains ("eTLD+1") with a small built-in list of multi-label public suffixes,
//! and what kind of host a name is. Not the whole Public Suffix List: enough for the common
//! country second levels (co.uk, com.au, ...) and the hosting platforms whose subdomains
//! belong to different people (github.io, herokuapp.com, ...).

/// Multi-label public suffixes. Single-label ones (com, de, ...) need no list: any last
/// label is one.
const MULTI_SUFFIXES: &[&str] = &[
    // country second levels
    "co.uk",
    "org.uk",
    "ac.uk",
    "gov.uk",
    "me.uk",
    "net.uk",
    "ltd.uk",
    "plc.uk",
    "sch.uk",
    "nhs.uk",
    "com.au",
    "net.au",
    "org.au",
    "edu.au",
    "gov.au",
    "asn.au",
    "id.au",
    "co.nz",
    "net.nz",
    "org.nz",
    "govt.nz",
    "ac.nz",
    "co.jp",
    "ne.jp",
    "or.jp",
    "ac.jp",
    "go.jp",
    "gr.jp",
    "co.kr",
    "or.kr",
    "ne.kr",
    "go.kr",
    "com.br",
    "net.br",
    "org.br",
    "gov.br",
    "edu.br",
    "com.cn",
    "net.cn",
    "org.cn",
    "gov.cn",
    "edu.cn",
    "com.hk",
    "org.hk",
    "net.hk",
    "edu.hk",
    "gov.hk",
    "com.tw",
    "org.tw",
    "net.tw",
    "edu.tw",
    "gov.tw",
    "com.sg",
    "org.sg",
    "net.sg",
    "edu.sg",
    "gov.sg",
    "com.my",
    "com.ph",
    "com.vn",
    "co.th",
    "in.th",
    "co.id",
    "or.id",
    "ac.id",
    "co.in",
    "net.in",
    "org.in",
    "firm.in",
    "gen.in",
    "ind.in",
    "ac.in",
    "gov.in",
    "co.za",
    "org.za",
    "gov.za",
    "ac.za",
    "com.mx",
    "org.mx",
    "gob.mx",
    "com.ar",
    "gob.ar",
    "com.co",
    "com.pe",
    "com.ve",
    "com.uy",
    "com.tr",
    "org.tr",
    "gov.tr",
    "edu.tr",
    "com.ua",
    "org.ua",
    "co.il",
    "org.il",
    "ac.il",
    "com.eg",
    "com.sa",
    "com.pk",
    "com.ng",
    "co.ke",
    "com.gh",
    "com.pl",
    "net.pl",
    "org.pl",
    "co.at",
    "or.at",
    "ac.at",
    "gv.at",
    // hosting platforms: every subdomain is someone else's site
    "github.io",
    "gitlab.io",
    "herokuapp.com",
    "vercel.app",
    "netlify.app",
    "pages.dev",
    "workers.dev",
    "web.app",
    "firebaseapp.com",
    "appspot.com",
    "blogspot.com",
    "azurewebsites.net",
    "cloudfront.net",
    "s3.amazonaws.com",
    "onrender.com",
    "fly.dev",
    "glitch.me",
    "repl.co",
    "surge.sh",
    "wordpress.com",
    "tumblr.com",
    "neocities.org",
    "myshopify.com",
    "bitbucket.io",
    "readthedocs.io",
    "ngrok.io",
    "ngrok-free.app",
];

/// Suffixes of names that are never on the public internet.
const LOCAL_SUFFIXES: &[&str] = &[
    "localhost",
    "local",
    "internal",
    "intranet",
    "lan",
    "home",
    "corp",
    "test",
    "example",
    "invalid",
    "home.arpa",
];

/// Whether `host` is an IP address (IPv4 dotted, or IPv6 as the URL parser leaves it).
pub fn is_ip(host: &str) -> bool {
    if host.contains(':') {
        return true;
    }
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `host` is a name on the public internet (not an address, not a local or
/// reserved name): one that outside checkers, status pages and archives may know.
pub fn is_public_host(host: &str) -> bool {
    let host = host.trim_end_matches('.');
    if host.is_empty() || is_ip(host) || !host.contains('.') {
        return false;
    }
    !LOCAL_SUFFIXES.iter().any(|s| {
        host == *s || (host.ends_with(s) && host.as_bytes()[host.len() - s.len() - 1] == b'.')
    })
}

/// The public suffix of `host` (from the built-in list, else its last label).
pub fn public_suffix(host: &str) -> &str {
    let host = host.trim_end_matches('.');
    for s in MULTI_SUFFIXES {
        if host.len() > s.len()
            && host.ends_with(s)
            && host.as_bytes()[host.len() - s.len() - 1] == b'.'
        {
            return &host[host.len() - s.len()..];
        }
        if host == *s {
            return host;
        }
    }
    match host.rfind('.') {
        Some(p) => &host[p + 1..],
        None => host,
    }
}

/// The registrable domain of `host`: its public suffix and one label more
/// ("www.bbc.co.uk" → "bbc.co.uk", "me.github.io" → "me.github.io"). An IP address, a
/// single label or a bare suffix is returned as it is.
pub fn registrable_domain(host: &str) -> &str {
    let host = host.trim_end_matches('.');
    if is_ip(host) {
        return host;
    }
    let suffix = public_suffix(host);
    if suffix.len() >= host.len() {
        return host;
    }
    let before = &host[..host.len() - suffix.len() - 1];
    match before.rfind('.') {
        Some(p) => &host[p + 1..],
        None => host,
    }
}

/// The registrable domain without its public suffix ("www.bbc.co.uk" → "bbc").
pub fn name_label(host: &str) -> &str {
    let reg = registrable_domain(host);
    let suffix = public_suffix(reg);
    if suffix.len() >= reg.len() {
        return reg;
    }
    &reg[..reg.len() - suffix.len() - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrable_domains() {
        assert_eq!(registrable_domain("www.bbc.co.uk"), "bbc.co.uk");
        assert_eq!(registrable_domain("bbc.co.uk"), "bbc.co.uk");
        assert_eq!(registrable_domain("co.uk"), "co.uk");
        assert_eq!(registrable_domain("a.b.example.com"), "example.com");
        assert_eq!(registrable_domain("example.com."), "example.com");
        assert_eq!(registrable_domain("me.github.io"), "me.github.io");
        assert_eq!(registrable_domain("docs.me.github.io"), "me.github.io");
        assert_eq!(registrable_domain("localhost"), "localhost");
        assert_eq!(registrable_domain("10.0.0.1"), "10.0.0.1");
        assert_eq!(registrable_domain("shop.example.com.au"), "example.com.au");
        assert_eq!(name_label("www.bbc.co.uk"), "bbc");
        assert_eq!(name_label("google.com"), "google");
    }

    #[test]
    fn public_hosts() {
        assert!(is_public_host("example.com"));
        assert!(!is_public_host("localhost"));
        assert!(!is_public_host("printer.local"));
        assert!(!is_public_host("router.home.arpa"));
        assert!(!is_public_host("127.0.0.1"));
        assert!(!is_public_host("::1"));
        assert!(!is_public_host("intranet"));
        assert!(is_public_host("notlocal.com"));
    }
}
