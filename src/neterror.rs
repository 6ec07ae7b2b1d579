//! The browser's own errors, when no response arrived: Chromium's `net::ERR_*` names and
//! Firefox's `NS_ERROR_*` names, security messages and nsresult codes, mapped to causes.

use crate::model::{Cause, Culprit};

/// What a browser error name means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetError {
    pub cause: Cause,
    pub culprit: Culprit,
    pub transient: bool,
}

const fn ne(cause: Cause, culprit: Culprit, transient: bool) -> NetError {
    NetError { cause, culprit, transient }
}

/// Classifies the error string that webRequest or webNavigation reported.
pub fn classify(error: &str) -> NetError {
    let name = error.trim();
    let name = name.strip_prefix("net::").unwrap_or(name);
    match name {
        "ERR_ABORTED" | "NS_BINDING_ABORTED" => ne(Cause::Aborted, Culprit::Unknown, false),
        "ERR_NAME_NOT_RESOLVED" | "NS_ERROR_UNKNOWN_HOST" => ne(Cause::Dns, Culprit::Network, false),
        "ERR_CONNECTION_REFUSED" | "NS_ERROR_CONNECTION_REFUSED" => {
            ne(Cause::ConnectionRefused, Culprit::Site, true)
        }
        "ERR_CONNECTION_RESET" | "NS_ERROR_NET_RESET" => ne(Cause::ConnectionReset, Culprit::Network, true),
        "ERR_TIMED_OUT" | "ERR_CONNECTION_TIMED_OUT" | "NS_ERROR_NET_TIMEOUT" => {
            ne(Cause::Timeout, Culprit::Network, true)
        }
        "ERR_INTERNET_DISCONNECTED" | "NS_ERROR_OFFLINE" => ne(Cause::Offline, Culprit::Network, true),
        "ERR_PROXY_CONNECTION_FAILED" | "NS_ERROR_PROXY_CONNECTION_REFUSED" => {
            ne(Cause::Proxy, Culprit::Proxy, true)
        }
        "ERR_BLOCKED_BY_CLIENT" => ne(Cause::Blocked, Culprit::Browser, false),
        "ERR_EMPTY_RESPONSE" => ne(Cause::InvalidResponse, Culprit::Site, true),
        _ => ne(Cause::Other, Culprit::Unknown, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_names() {
        assert_eq!(classify("net::ERR_CONNECTION_REFUSED").cause, Cause::ConnectionRefused);
        assert_eq!(classify("NS_ERROR_UNKNOWN_HOST").cause, Cause::Dns);
        assert_eq!(classify("net::ERR_ABORTED").cause, Cause::Aborted);
    }
}
