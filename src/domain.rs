//! Registrable domains ("eTLD+1") with a small built-in list of multi-label public suffixes,
//! and what kind of host a name is. Not the whole Public Suffix List: enough for the common
//! country second levels (co.uk, com.au, ...) and the hosting platforms whose subdomains
//! belong to different people (github.io, herokuapp.com, ...).

/// At most this many sites to leave alone (the options page keeps no more).
pub const MAX_IGNORED_SITES: usize = 200;

/// Whether `host` is one of `sites` (lowercase hostnames as the options page stores them,
/// "*." allowed in front) or a subdomain of one.
pub fn ignored(host: &str, sites: &[String]) -> bool {
    let host = host.trim_end_matches('.').as_bytes();
    sites.iter().take(MAX_IGNORED_SITES).any(|site| {
        let base = site
            .strip_prefix("*.")
            .unwrap_or(site)
            .trim_end_matches('.');
        let base = base.as_bytes();
        let n = host.len();
        !base.is_empty()
            && n >= base.len()
            && host[n - base.len()..].eq_ignore_ascii_case(base)
            && (n == base.len() || host[n - base.len() - 1] == b'.')
    })
}

/// Multi-label public suffixes: country second levels. Single-label ones (com, de, ...) need
/// no list: any last label is one. Both lists are sorted (they are binary-searched), every
/// entry has two or three labels, and none ends with another (checked by the tests).
const COUNTRY_SUFFIXES: &[&str] = &[
    "ac.at", "ac.id", "ac.il", "ac.in", "ac.jp", "ac.nz", "ac.uk", "ac.za", "asn.au", "co.at",
    "co.id", "co.il", "co.in", "co.jp", "co.ke", "co.kr", "co.nz", "co.th", "co.uk", "co.za",
    "com.ar", "com.au", "com.br", "com.cn", "com.co", "com.eg", "com.gh", "com.hk", "com.mx",
    "com.my", "com.ng", "com.pe", "com.ph", "com.pk", "com.pl", "com.sa", "com.sg", "com.tr",
    "com.tw", "com.ua", "com.uy", "com.ve", "com.vn", "edu.au", "edu.br", "edu.cn", "edu.hk",
    "edu.sg", "edu.tr", "edu.tw", "firm.in", "gen.in", "go.jp", "go.kr", "gob.ar", "gob.mx",
    "gov.au", "gov.br", "gov.cn", "gov.hk", "gov.in", "gov.sg", "gov.tr", "gov.tw", "gov.uk",
    "gov.za", "govt.nz", "gr.jp", "gv.at", "id.au", "in.th", "ind.in", "ltd.uk", "me.uk", "ne.jp",
    "ne.kr", "net.au", "net.br", "net.cn", "net.hk", "net.in", "net.nz", "net.pl", "net.sg",
    "net.tw", "net.uk", "nhs.uk", "or.at", "or.id", "or.jp", "or.kr", "org.au", "org.br", "org.cn",
    "org.hk", "org.il", "org.in", "org.mx", "org.nz", "org.pl", "org.sg", "org.tr", "org.tw",
    "org.ua", "org.uk", "org.za", "plc.uk", "sch.uk",
];

/// Hosting platforms: every subdomain is someone else's site.
const PLATFORM_SUFFIXES: &[&str] = &[
    "appspot.com",
    "azurewebsites.net",
    "bitbucket.io",
    "blogspot.com",
    "cloudfront.net",
    "firebaseapp.com",
    "fly.dev",
    "github.io",
    "gitlab.io",
    "glitch.me",
    "herokuapp.com",
    "myshopify.com",
    "neocities.org",
    "netlify.app",
    "ngrok-free.app",
    "ngrok.io",
    "onrender.com",
    "pages.dev",
    "readthedocs.io",
    "repl.co",
    "s3.amazonaws.com",
    "surge.sh",
    "tumblr.com",
    "vercel.app",
    "web.app",
    "wordpress.com",
    "workers.dev",
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
    let bytes = host.as_bytes();
    if bytes.contains(&b':') {
        return true;
    }
    // four dot-separated parts of 1 to 3 ASCII digits: 7 to 15 bytes
    if !(7..=15).contains(&bytes.len()) {
        return false;
    }
    let (mut parts, mut len) = (1, 0);
    for &b in bytes {
        if b == b'.' && len > 0 {
            parts += 1;
            len = 0;
        } else if b.is_ascii_digit() && len < 3 {
            len += 1;
        } else {
            return false;
        }
    }
    len > 0 && parts == 4
}

/// Where a host that is not on the internet is: this computer, or the local network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Local {
    /// localhost, 127.0.0.0/8, ::1, 0.0.0.0.
    ThisComputer,
    /// Private and link-local ranges (10/8, 172.16/12, 192.168/16, 169.254/16, fc00::/7,
    /// fe80::/10) and local names (.local, .lan, .home.arpa, .internal, ...).
    Network,
}

fn ipv4(host: &str) -> Option<[u8; 4]> {
    if !is_ip(host) || host.contains(':') {
        return None;
    }
    let mut out = [0u8; 4];
    for (i, part) in host.split('.').enumerate() {
        *out.get_mut(i)? = u8::try_from(crate::text::parse_u64(part, 10)?).ok()?;
    }
    Some(out)
}

/// Whether `host` (lowercase, IPv6 with or without brackets) is on this computer or the
/// local network, and which.
pub fn local(host: &str) -> Option<Local> {
    let host = host.trim_end_matches('.');
    let h = host.trim_start_matches('[').trim_end_matches(']');
    if h == "localhost" || h.ends_with(".localhost") || h == "::1" || h == "0.0.0.0" {
        return Some(Local::ThisComputer);
    }
    if let Some(ip) = ipv4(h) {
        return match ip {
            [127, ..] => Some(Local::ThisComputer),
            [10, ..] | [192, 168, ..] | [169, 254, ..] => Some(Local::Network),
            [172, b, ..] if (16..32).contains(&b) => Some(Local::Network),
            _ => None,
        };
    }
    if h.contains(':') {
        let first = h.split(':').next().unwrap_or("");
        let ula = first.len() == 4 && (first.starts_with("fc") || first.starts_with("fd"));
        let link = first.len() == 4
            && first.starts_with("fe")
            && matches!(&first[2..3], "8" | "9" | "a" | "b");
        return (ula || link).then_some(Local::Network);
    }
    let named = [
        "local",
        "lan",
        "home.arpa",
        "internal",
        "intranet",
        "home",
        "corp",
    ]
    .iter()
    .any(|s| {
        h == *s
            || (h.ends_with(s)
                && h.as_bytes().get(h.len().wrapping_sub(s.len() + 1)) == Some(&b'.'))
    });
    (named || (!h.is_empty() && !h.contains('.') && !is_ip(h))).then_some(Local::Network)
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

fn is_listed(suffix: &str) -> bool {
    COUNTRY_SUFFIXES.binary_search(&suffix).is_ok()
        || PLATFORM_SUFFIXES.binary_search(&suffix).is_ok()
}

/// The public suffix of `host` (from the built-in lists, else its last label).
pub fn public_suffix(host: &str) -> &str {
    let host = host.trim_end_matches('.');
    // a listed suffix has two or three labels: the host's last two or three, or all of it
    let mut last_label = host;
    let mut dots = 0;
    for (i, b) in host.bytes().enumerate().rev() {
        if b != b'.' {
            continue;
        }
        let tail = host.get(i + 1..).unwrap_or("");
        dots += 1;
        if dots == 1 {
            last_label = tail;
        } else if is_listed(tail) {
            return tail;
        }
        if dots == 3 {
            return last_label;
        }
    }
    if dots > 0 && is_listed(host) {
        return host;
    }
    last_label
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
    match crate::text::rfind_byte(before, b'.') {
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
    #[test]
    fn a_site_left_alone_covers_its_subdomains_and_no_other_name() {
        let sites = ["example.com".to_string(), "*.intra.test".to_string()];
        for host in [
            "example.com",
            "shop.example.com",
            "EXAMPLE.com.",
            "a.intra.test",
            "intra.test",
        ] {
            assert!(super::ignored(host, &sites), "{host}");
        }
        for host in [
            "",
            "notexample.com",
            "example.com.evil",
            "xample.com",
            "intra.test.org",
            "é.com",
        ] {
            assert!(!super::ignored(host, &sites), "{host}");
        }
        assert!(!super::ignored(
            "example.com",
            &[String::new(), "*.".into(), ".".into()]
        ));
    }

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
    fn suffix_lists_are_sorted_and_unambiguous() {
        for list in [COUNTRY_SUFFIXES, PLATFORM_SUFFIXES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "not sorted");
        }
        let all: Vec<&str> = COUNTRY_SUFFIXES
            .iter()
            .chain(PLATFORM_SUFFIXES)
            .copied()
            .collect();
        for s in &all {
            assert!(matches!(s.matches('.').count(), 1 | 2), "{s}");
            for t in &all {
                assert!(!s.ends_with(&format!(".{t}")), "{s} ends with {t}");
            }
        }
    }

    #[test]
    fn public_suffixes() {
        assert_eq!(public_suffix("www.bbc.co.uk"), "co.uk");
        assert_eq!(public_suffix("co.uk"), "co.uk");
        assert_eq!(public_suffix(".co.uk"), "co.uk");
        assert_eq!(public_suffix("x.s3.amazonaws.com"), "s3.amazonaws.com");
        assert_eq!(public_suffix("a.b.c.amazonaws.com"), "com");
        assert_eq!(public_suffix("example.com."), "com");
        assert_eq!(public_suffix("localhost"), "localhost");
        assert_eq!(public_suffix("a..b"), "b");
        assert_eq!(public_suffix(""), "");
        assert_eq!(public_suffix("."), "");
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

    #[test]
    fn local_hosts() {
        for h in [
            "localhost",
            "app.localhost",
            "127.0.0.1",
            "127.9.9.9",
            "::1",
            "[::1]",
            "0.0.0.0",
        ] {
            assert_eq!(local(h), Some(Local::ThisComputer), "{h}");
        }
        for h in [
            "10.0.0.1",
            "172.16.4.4",
            "172.31.0.1",
            "192.168.1.1",
            "169.254.1.1",
            "fd00::1",
            "fe80::1",
            "printer.local",
            "nas.home.arpa",
            "intranet",
        ] {
            assert_eq!(local(h), Some(Local::Network), "{h}");
        }
        for h in [
            "example.com",
            "172.32.0.1",
            "8.8.8.8",
            "2001:db8::1",
            "local.example.com",
            "192.169.0.1",
        ] {
            assert_eq!(local(h), None, "{h}");
        }
    }
}
