//! The browser's own errors, when no response arrived: Chromium's `net::ERR_*` names and
//! Firefox's `NS_ERROR_*` names, NSS security errors (as names, nsresult numbers or their
//! English messages) and nsresult codes, each mapped to a cause, a culprit and whether it is
//! likely to clear up by itself.
//!
//! Forms understood (case and surrounding white space do not matter; only the first
//! [`MAX_INPUT`] bytes are looked at; nothing here panics, whatever the input):
//!
//! - Chromium, webRequest and webNavigation: `net::ERR_NAME_NOT_RESOLVED`, also without
//!   `net::` and without `ERR_`, and the bare number `-105`.
//! - Firefox, webRequest: `NS_ERROR_CONNECTION_REFUSED`; for a TLS failure the English
//!   message of the NSS error (`Peer’s Certificate issuer is not recognized.`, with ’ or ');
//!   `NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, SSL_ERROR_BAD_CERT_DOMAIN)` (or a
//!   number in place of the name); a bare NSS name such as `SEC_ERROR_UNKNOWN_ISSUER`.
//! - Firefox, webNavigation: `Error code 2152398861` (the nsresult in decimal), also
//!   `0x804B000D`.
//!
//! Unknown names fall back on what their prefix says (`ERR_PROXY_…` is a proxy problem,
//! `ERR_CERT_…` a TLS one, …), since new browser versions add names; unknown messages that
//! speak of certificates, SSL/TLS or security are TLS problems; anything else is "other".
//!
//! Culprit choices worth knowing (the tables below carry the rest):
//! - A name that does not resolve (`ERR_NAME_NOT_RESOLVED`, `NS_ERROR_UNKNOWN_HOST`) is
//!   culprit "network": the browser cannot tell a name that does not exist (a typo, a lapsed
//!   domain) from a resolver that fails, and both leave the person something to try on their
//!   side (check the address, flush or change DNS). Not transient: a wrong name stays wrong.
//! - An untrusted issuer (`ERR_CERT_AUTHORITY_INVALID`, `SEC_ERROR_UNKNOWN_ISSUER`) is culprit
//!   "unknown": the same error comes from a site with a self-signed certificate or a missing
//!   intermediate and from TLS interception on the person's side (antivirus, corporate proxy,
//!   captive portal); the name alone cannot tell them apart. Other certificate problems
//!   (expired, wrong name, revoked, weak) are the site's; a certificate that is not yet valid
//!   (Firefox tells that apart) points at the person's clock, so "browser".
//! - Client certificates, local crypto and certificate-store failures are "browser".
//! - Known interception and pinning failures (`ERR_CERT_KNOWN_INTERCEPTION_BLOCKED`,
//!   `ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN`, `MOZILLA_PKIX_ERROR_MITM_DETECTED`) and a TLS 1.3
//!   downgrade are "network": something between the person and the site rewrites TLS.
//! - `ERR_RESPONSE_HEADERS_TOO_BIG` is "browser": it is nearly always the cookies this browser
//!   has piled up for the site (echoed back or re-set), and clearing the site's data is what
//!   fixes it for the person. `ERR_TOO_MANY_REDIRECTS` stays "site" (cookies can cause it
//!   too, but the loop is the site's).
//! - `ERR_PROXY_UNABLE_TO_CONNECT_TO_DESTINATION` is "unreachable"/"site": the proxy worked
//!   and says the destination could not be reached (refused, or its name did not resolve).
//! - A 407 without a configured proxy (`ERR_UNEXPECTED_PROXY_AUTH`) is "proxy"/"network": an
//!   intercepting proxy on the network answered.
//! - `ERR_ADDRESS_INVALID` is "unreachable"/"network": besides a URL with address 0, it is what
//!   a DNS filter that answers 0.0.0.0 leads to.
//! - Errors that are no failure to report (a navigation the person stopped or that was
//!   replaced, a WebSocket upgrade, a download taking over) are "aborted".

use crate::model::{Cause, Cause as C, Culprit, Culprit as W};

/// What a browser error name means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetError {
    pub cause: Cause,
    pub culprit: Culprit,
    pub transient: bool,
}

const fn ne(cause: Cause, culprit: Culprit, transient: bool) -> NetError {
    NetError {
        cause,
        culprit,
        transient,
    }
}

/// What nothing more specific is known about.
const OTHER: NetError = ne(C::Other, W::Unknown, false);
const TLS_SITE: NetError = ne(C::Tls, W::Site, false);
const TLS_SITE_RETRY: NetError = ne(C::Tls, W::Site, true);
const TLS_UNKNOWN: NetError = ne(C::Tls, W::Unknown, false);
const TLS_BROWSER: NetError = ne(C::Tls, W::Browser, false);
const TLS_NETWORK: NetError = ne(C::Tls, W::Network, false);
const TLS_NETWORK_RETRY: NetError = ne(C::Tls, W::Network, true);
const RESET_RETRY: NetError = ne(C::ConnectionReset, W::Network, true);
const REFUSED: NetError = ne(C::ConnectionRefused, W::Site, true);
const UNREACHABLE: NetError = ne(C::Unreachable, W::Network, true);
const TIMEOUT: NetError = ne(C::Timeout, W::Network, true);

/// Only this many bytes of the error string are looked at.
pub const MAX_INPUT: usize = 512;

// ------------------------------------------------------------------------------ Chromium

/// (name as Chromium reports it, net error code, cause, culprit, transient).
pub type ChromiumEntry = (&'static str, i32, Cause, Culprit, bool);

/// Every `NET_ERROR(NAME, code)` of Chromium's `net/base/net_error_list.h` (repository
/// chromium/chromium), as `ERR_NAME`: the current list, plus the entries earlier versions
/// defined that were since removed or renamed (marked `removed`, `obsolete`, `renamed`),
/// since browsers still in use report them. Sorted by name (byte order). `ERR_DNS_DIRECT_ONLY`
/// (-821) is the newest, seen in lists that copy the header.
///
/// A `const`, not a `static`: the code keeps only hashes of the names (`CHROMIUM`), so the
/// names stay out of the WebAssembly module.
#[rustfmt::skip]
pub const CHROMIUM_ERRORS: [ChromiumEntry; 294] = [
    ("ERR_ABORTED", -3, C::Aborted, W::Unknown, false),
    ("ERR_ACCESS_DENIED", -10, C::File, W::Browser, false),
    ("ERR_ADDRESS_INVALID", -108, C::Unreachable, W::Network, false),
    ("ERR_ADDRESS_IN_USE", -147, C::Other, W::Browser, true),
    ("ERR_ADDRESS_UNREACHABLE", -109, C::Unreachable, W::Network, true),
    ("ERR_ADD_USER_CERT_FAILED", -503, C::Tls, W::Browser, false),
    ("ERR_ALPN_NEGOTIATION_FAILED", -122, C::Tls, W::Site, false),
    ("ERR_BAD_SSL_CLIENT_AUTH_CERT", -117, C::Tls, W::Browser, false),
    ("ERR_BLOB_DEREFERENCED_WHILE_BUILDING", -904, C::Other, W::Browser, false),
    ("ERR_BLOB_FILE_WRITE_FAILED", -902, C::File, W::Browser, false),
    ("ERR_BLOB_INVALID_CONSTRUCTION_ARGUMENTS", -900, C::Other, W::Browser, false),
    ("ERR_BLOB_OUT_OF_MEMORY", -901, C::Other, W::Browser, true),
    ("ERR_BLOB_REFERENCED_BLOB_BROKEN", -905, C::Other, W::Browser, false),
    ("ERR_BLOB_REFERENCED_FILE_UNAVAILABLE", -906, C::File, W::Browser, false),
    ("ERR_BLOB_SOURCE_DIED_IN_TRANSIT", -903, C::Other, W::Browser, true),
    ("ERR_BLOCKED_BY_ADMINISTRATOR", -22, C::Blocked, W::Browser, false),
    ("ERR_BLOCKED_BY_CLIENT", -20, C::Blocked, W::Browser, false),
    ("ERR_BLOCKED_BY_CSP", -30, C::Blocked, W::Site, false),
    ("ERR_BLOCKED_BY_FINGERPRINTING_PROTECTION", -34, C::Blocked, W::Browser, false),
    ("ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS", -385, C::Blocked, W::Browser, false),
    ("ERR_BLOCKED_BY_ORB", -32, C::Blocked, W::Site, false),
    ("ERR_BLOCKED_BY_PRIVATE_NETWORK_ACCESS_CHECKS", -385, C::Blocked, W::Browser, false), // renamed
    ("ERR_BLOCKED_BY_RESPONSE", -27, C::Blocked, W::Site, false),
    ("ERR_BLOCKED_BY_XSS_AUDITOR", -28, C::Blocked, W::Site, false), // removed
    ("ERR_BLOCKED_ENROLLMENT_CHECK_PENDING", -24, C::Blocked, W::Browser, true), // removed
    ("ERR_BLOCKED_IN_INCOGNITO_BY_ADMINISTRATOR", -35, C::Blocked, W::Browser, false),
    ("ERR_CACHED_IP_ADDRESS_SPACE_BLOCKED_BY_LOCAL_NETWORK_ACCESS_POLICY", -384, C::Blocked, W::Browser, false),
    ("ERR_CACHED_IP_ADDRESS_SPACE_BLOCKED_BY_PRIVATE_NETWORK_ACCESS_POLICY", -384, C::Blocked, W::Browser, false), // renamed
    ("ERR_CACHE_AUTH_FAILURE_AFTER_READ", -410, C::Cache, W::Browser, false),
    ("ERR_CACHE_CHECKSUM_MISMATCH", -408, C::Cache, W::Browser, true),
    ("ERR_CACHE_CHECKSUM_READ_FAILURE", -407, C::Cache, W::Browser, true),
    ("ERR_CACHE_CREATE_FAILURE", -405, C::Cache, W::Browser, true),
    ("ERR_CACHE_DOOM_FAILURE", -412, C::Cache, W::Browser, true),
    ("ERR_CACHE_ENTRY_NOT_SUITABLE", -411, C::Cache, W::Browser, true),
    ("ERR_CACHE_LOCK_TIMEOUT", -409, C::Cache, W::Browser, true),
    ("ERR_CACHE_MISS", -400, C::Cache, W::Browser, false),
    ("ERR_CACHE_OPEN_FAILURE", -404, C::Cache, W::Browser, true),
    ("ERR_CACHE_OPEN_OR_CREATE_FAILURE", -413, C::Cache, W::Browser, true),
    ("ERR_CACHE_OPERATION_NOT_SUPPORTED", -403, C::Cache, W::Browser, false),
    ("ERR_CACHE_RACE", -406, C::Cache, W::Browser, true),
    ("ERR_CACHE_READ_FAILURE", -401, C::Cache, W::Browser, true),
    ("ERR_CACHE_WRITE_FAILURE", -402, C::Cache, W::Browser, true),
    ("ERR_CERTIFICATE_TRANSPARENCY_REQUIRED", -214, C::Tls, W::Site, false),
    ("ERR_CERT_AUTHORITY_INVALID", -202, C::Tls, W::Unknown, false),
    ("ERR_CERT_COMMON_NAME_INVALID", -200, C::Tls, W::Site, false),
    ("ERR_CERT_CONTAINS_ERRORS", -203, C::Tls, W::Site, false),
    ("ERR_CERT_DATABASE_CHANGED", -714, C::Tls, W::Browser, true),
    ("ERR_CERT_DATE_INVALID", -201, C::Tls, W::Site, false),
    ("ERR_CERT_END", -220, C::Tls, W::Unknown, false),
    ("ERR_CERT_ERROR_IN_SSL_RENEGOTIATION", -116, C::Tls, W::Site, false), // removed
    ("ERR_CERT_INVALID", -207, C::Tls, W::Site, false),
    ("ERR_CERT_KNOWN_INTERCEPTION_BLOCKED", -217, C::Tls, W::Network, false),
    ("ERR_CERT_NAME_CONSTRAINT_VIOLATION", -212, C::Tls, W::Site, false),
    ("ERR_CERT_NON_UNIQUE_NAME", -210, C::Tls, W::Site, false),
    ("ERR_CERT_NOT_IN_DNS", -209, C::Tls, W::Site, false), // removed
    ("ERR_CERT_NO_REVOCATION_MECHANISM", -204, C::Tls, W::Site, false),
    ("ERR_CERT_REVOKED", -206, C::Tls, W::Site, false),
    ("ERR_CERT_SELF_SIGNED_LOCAL_NETWORK", -219, C::Tls, W::Site, false),
    ("ERR_CERT_SYMANTEC_LEGACY", -215, C::Tls, W::Site, false), // removed
    ("ERR_CERT_UNABLE_TO_CHECK_REVOCATION", -205, C::Tls, W::Network, true),
    ("ERR_CERT_VALIDITY_TOO_LONG", -213, C::Tls, W::Site, false),
    ("ERR_CERT_VERIFIER_CHANGED", -716, C::Tls, W::Browser, true),
    ("ERR_CERT_WEAK_KEY", -211, C::Tls, W::Site, false),
    ("ERR_CERT_WEAK_SIGNATURE_ALGORITHM", -208, C::Tls, W::Site, false),
    ("ERR_CHANNEL_ID_IMPORT_FAILED", -715, C::Tls, W::Browser, false), // removed
    ("ERR_CLEARTEXT_NOT_PERMITTED", -29, C::Blocked, W::Browser, false),
    ("ERR_CLIENT_AUTH_CERT_TYPE_UNSUPPORTED", -151, C::Tls, W::Browser, false),
    ("ERR_CONNECTION_ABORTED", -103, C::Timeout, W::Network, true),
    ("ERR_CONNECTION_CLOSED", -100, C::ConnectionReset, W::Site, true),
    ("ERR_CONNECTION_FAILED", -104, C::Unreachable, W::Network, true),
    ("ERR_CONNECTION_REFUSED", -102, C::ConnectionRefused, W::Site, true),
    ("ERR_CONNECTION_RESET", -101, C::ConnectionReset, W::Network, true),
    ("ERR_CONNECTION_TIMED_OUT", -118, C::Timeout, W::Network, true),
    ("ERR_CONTENT_DECODING_FAILED", -330, C::InvalidResponse, W::Site, false),
    ("ERR_CONTENT_DECODING_INIT_FAILED", -371, C::InvalidResponse, W::Site, false),
    ("ERR_CONTENT_LENGTH_MISMATCH", -354, C::InvalidResponse, W::Site, true),
    ("ERR_CONTEXT_SHUT_DOWN", -26, C::Aborted, W::Browser, false),
    ("ERR_CT_CONSISTENCY_PROOF_PARSING_FAILED", -171, C::Tls, W::Browser, false),
    ("ERR_CT_NO_SCTS_VERIFIED_OK", -158, C::Tls, W::Site, false), // removed
    ("ERR_CT_STH_INCOMPLETE", -169, C::Tls, W::Browser, false),
    ("ERR_CT_STH_PARSING_FAILED", -168, C::Tls, W::Browser, false),
    ("ERR_DICTIONARY_LOAD_FAILED", -387, C::InvalidResponse, W::Site, true),
    ("ERR_DISALLOWED_URL_SCHEME", -301, C::InvalidUrl, W::Browser, false),
    ("ERR_DNS_CACHE_INVALIDATION_IN_PROGRESS", -815, C::Dns, W::Browser, true),
    ("ERR_DNS_CACHE_MISS", -804, C::Dns, W::Network, true),
    ("ERR_DNS_DIRECT_ONLY", -821, C::Dns, W::Network, false),
    ("ERR_DNS_FORMAT_ERROR", -816, C::Dns, W::Network, true),
    ("ERR_DNS_HTTP_FAILED", -807, C::Dns, W::Network, true), // removed
    ("ERR_DNS_MALFORMED_RESPONSE", -800, C::Dns, W::Network, true),
    ("ERR_DNS_NAME_HTTPS_ONLY", -809, C::Other, W::Unknown, true),
    ("ERR_DNS_NOT_IMPLEMENTED", -818, C::Dns, W::Network, false),
    ("ERR_DNS_NO_MATCHING_SUPPORTED_ALPN", -811, C::Dns, W::Site, false),
    ("ERR_DNS_OTHER_FAILURE", -820, C::Dns, W::Network, true),
    ("ERR_DNS_REFUSED", -819, C::Dns, W::Network, false),
    ("ERR_DNS_REQUEST_CANCELLED", -810, C::Aborted, W::Unknown, false),
    ("ERR_DNS_SEARCH_EMPTY", -805, C::Dns, W::Network, false),
    ("ERR_DNS_SECURE_PROBE_RECORD_INVALID", -814, C::Dns, W::Network, true),
    ("ERR_DNS_SECURE_RESOLVER_HOSTNAME_RESOLUTION_FAILED", -808, C::Dns, W::Network, true),
    ("ERR_DNS_SERVER_FAILED", -802, C::Dns, W::Network, true), // removed
    ("ERR_DNS_SERVER_FAILURE", -817, C::Dns, W::Network, true),
    ("ERR_DNS_SERVER_REQUIRES_TCP", -801, C::Dns, W::Network, true),
    ("ERR_DNS_SORT_ERROR", -806, C::Dns, W::Browser, true),
    ("ERR_DNS_TIMED_OUT", -803, C::Dns, W::Network, true),
    ("ERR_EARLY_DATA_REJECTED", -178, C::Tls, W::Site, true),
    ("ERR_ECH_FALLBACK_CERTIFICATE_INVALID", -184, C::Tls, W::Site, false),
    ("ERR_ECH_NOT_NEGOTIATED", -183, C::Tls, W::Site, true),
    ("ERR_EMPTY_RESPONSE", -324, C::InvalidResponse, W::Site, true),
    ("ERR_ENCODING_CONVERSION_FAILED", -333, C::InvalidResponse, W::Site, false), // obsolete
    ("ERR_ENCODING_DETECTION_FAILED", -340, C::InvalidResponse, W::Site, false),
    ("ERR_ESET_ANTI_VIRUS_SSL_INTERCEPTION", -132, C::Tls, W::Browser, false), // removed
    ("ERR_FAILED", -2, C::Other, W::Unknown, false),
    ("ERR_FILE_EXISTS", -16, C::File, W::Browser, false),
    ("ERR_FILE_NOT_FOUND", -6, C::File, W::Browser, false),
    ("ERR_FILE_NO_SPACE", -18, C::File, W::Browser, false),
    ("ERR_FILE_PATH_TOO_LONG", -17, C::File, W::Browser, false),
    ("ERR_FILE_TOO_BIG", -8, C::File, W::Browser, false),
    ("ERR_FILE_VIRUS_INFECTED", -19, C::File, W::Browser, false),
    ("ERR_FTP_BAD_COMMAND_SEQUENCE", -607, C::Other, W::Site, false), // removed
    ("ERR_FTP_COMMAND_NOT_SUPPORTED", -606, C::Other, W::Site, false), // removed
    ("ERR_FTP_FAILED", -601, C::Other, W::Site, false), // removed
    ("ERR_FTP_FILE_BUSY", -604, C::Other, W::Site, true), // removed
    ("ERR_FTP_PASV_COMMAND_FAILED", -600, C::Other, W::Site, false), // removed
    ("ERR_FTP_SERVICE_UNAVAILABLE", -602, C::Other, W::Site, true), // removed
    ("ERR_FTP_SYNTAX_ERROR", -605, C::Other, W::Site, false), // removed
    ("ERR_FTP_TRANSFER_ABORTED", -603, C::Other, W::Site, true), // removed
    ("ERR_H2_OR_QUIC_REQUIRED", -31, C::Http2Quic, W::Browser, false), // removed
    ("ERR_HOST_RESOLVER_QUEUE_TOO_LARGE", -119, C::Dns, W::Browser, true),
    ("ERR_HTTP2_CLAIMED_PUSHED_STREAM_RESET_BY_SERVER", -374, C::Http2Quic, W::Site, true), // obsolete
    ("ERR_HTTP2_CLIENT_REFUSED_STREAM", -377, C::Http2Quic, W::Site, true), // obsolete
    ("ERR_HTTP2_COMPRESSION_ERROR", -363, C::Http2Quic, W::Site, false),
    ("ERR_HTTP2_FLOW_CONTROL_ERROR", -361, C::Http2Quic, W::Site, false),
    ("ERR_HTTP2_FRAME_SIZE_ERROR", -362, C::Http2Quic, W::Site, false),
    ("ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY", -360, C::Http2Quic, W::Site, false),
    ("ERR_HTTP2_PING_FAILED", -352, C::Http2Quic, W::Network, true),
    ("ERR_HTTP2_PROTOCOL_ERROR", -337, C::Http2Quic, W::Site, false),
    ("ERR_HTTP2_PUSHED_RESPONSE_DOES_NOT_MATCH", -378, C::Http2Quic, W::Site, true), // obsolete
    ("ERR_HTTP2_PUSHED_STREAM_NOT_AVAILABLE", -373, C::Http2Quic, W::Site, true), // obsolete
    ("ERR_HTTP2_RST_STREAM_NO_ERROR_RECEIVED", -372, C::Http2Quic, W::Site, true),
    ("ERR_HTTP2_SERVER_REFUSED_STREAM", -351, C::Http2Quic, W::Site, true),
    ("ERR_HTTP2_STREAM_CLOSED", -376, C::Http2Quic, W::Site, true),
    ("ERR_HTTPENGINE_PROVIDER_IN_USE", -508, C::Other, W::Browser, false),
    ("ERR_HTTPS_PROXY_TUNNEL_RESPONSE_REDIRECT", -140, C::Proxy, W::Proxy, false), // obsolete
    ("ERR_HTTP_1_1_REQUIRED", -365, C::Http2Quic, W::Site, true),
    ("ERR_HTTP_RESPONSE_CODE_FAILURE", -379, C::Other, W::Site, false),
    ("ERR_ICANN_NAME_COLLISION", -166, C::Dns, W::Network, false),
    ("ERR_IMPORT_CA_CERT_FAILED", -705, C::Tls, W::Browser, false),
    ("ERR_IMPORT_CA_CERT_NOT_CA", -703, C::Tls, W::Browser, false),
    ("ERR_IMPORT_CERT_ALREADY_EXISTS", -704, C::Tls, W::Browser, false),
    ("ERR_IMPORT_SERVER_CERT_FAILED", -706, C::Tls, W::Browser, false),
    ("ERR_INCOMPLETE_CHUNKED_ENCODING", -355, C::InvalidResponse, W::Site, true),
    ("ERR_INCOMPLETE_HTTP2_HEADERS", -347, C::Http2Quic, W::Site, true),
    ("ERR_INCONSISTENT_IP_ADDRESS_SPACE", -383, C::Other, W::Network, true),
    ("ERR_INSECURE_RESPONSE", -501, C::Tls, W::Site, false),
    ("ERR_INSUFFICIENT_RESOURCES", -12, C::Other, W::Browser, true),
    ("ERR_INTERNET_DISCONNECTED", -106, C::Offline, W::Network, true),
    ("ERR_INVALID_ARGUMENT", -4, C::Other, W::Browser, false),
    ("ERR_INVALID_AUTH_CREDENTIALS", -338, C::Auth, W::Browser, false),
    ("ERR_INVALID_CHUNKED_ENCODING", -321, C::InvalidResponse, W::Site, false),
    ("ERR_INVALID_ECH_CONFIG_LIST", -182, C::Tls, W::Site, false),
    ("ERR_INVALID_HANDLE", -5, C::Other, W::Browser, false),
    ("ERR_INVALID_HTTP_RESPONSE", -370, C::InvalidResponse, W::Site, false),
    ("ERR_INVALID_REDIRECT", -303, C::InvalidResponse, W::Site, false),
    ("ERR_INVALID_RESPONSE", -320, C::InvalidResponse, W::Site, false),
    ("ERR_INVALID_SIGNED_EXCHANGE", -504, C::InvalidResponse, W::Site, false),
    ("ERR_INVALID_SPDY_STREAM", -335, C::Http2Quic, W::Site, true), // obsolete
    ("ERR_INVALID_URL", -300, C::InvalidUrl, W::Unknown, false),
    ("ERR_INVALID_WEB_BUNDLE", -505, C::InvalidResponse, W::Site, false),
    ("ERR_IO_PENDING", -1, C::Other, W::Unknown, false),
    ("ERR_KEY_GENERATION_FAILED", -710, C::Tls, W::Browser, false),
    ("ERR_LIMIT_VIOLATION", -144, C::Other, W::Unknown, false), // removed
    ("ERR_MALFORMED_IDENTITY", -329, C::Auth, W::Browser, false),
    ("ERR_MANDATORY_PROXY_CONFIGURATION_FAILED", -131, C::Proxy, W::Proxy, false),
    ("ERR_METHOD_NOT_SUPPORTED", -322, C::Other, W::Site, false),
    ("ERR_MISCONFIGURED_AUTH_ENVIRONMENT", -343, C::Auth, W::Browser, false),
    ("ERR_MISSING_AUTH_CREDENTIALS", -341, C::Auth, W::Browser, false),
    ("ERR_MSG_TOO_BIG", -142, C::Other, W::Network, false),
    ("ERR_NAME_NOT_RESOLVED", -105, C::Dns, W::Network, false),
    ("ERR_NAME_RESOLUTION_FAILED", -137, C::Dns, W::Network, true),
    ("ERR_NETWORK_ACCESS_DENIED", -138, C::Blocked, W::Network, false),
    ("ERR_NETWORK_ACCESS_REVOKED", -33, C::Blocked, W::Browser, false),
    ("ERR_NETWORK_CHANGED", -21, C::Offline, W::Network, true),
    ("ERR_NETWORK_IO_SUSPENDED", -331, C::Offline, W::Network, true),
    ("ERR_NOT_IMPLEMENTED", -11, C::Other, W::Browser, false),
    ("ERR_NO_BUFFER_SPACE", -176, C::Other, W::Browser, true),
    ("ERR_NO_PRIVATE_KEY_FOR_CERT", -502, C::Tls, W::Browser, false),
    ("ERR_NO_SSL_VERSIONS_ENABLED", -112, C::Tls, W::Browser, false), // obsolete
    ("ERR_NO_SUPPORTED_PROXIES", -336, C::Proxy, W::Proxy, false),
    ("ERR_ORIGIN_BOUND_CERT_GENERATION_FAILED", -711, C::Tls, W::Browser, false), // removed
    ("ERR_ORIGIN_BOUND_CERT_GENERATION_TYPE_MISMATCH", -152, C::Tls, W::Browser, false), // removed
    ("ERR_OUT_OF_MEMORY", -13, C::Other, W::Browser, true),
    ("ERR_PAC_NOT_IN_DHCP", -348, C::Proxy, W::Network, false),
    ("ERR_PAC_SCRIPT_FAILED", -327, C::Proxy, W::Proxy, false),
    ("ERR_PAC_SCRIPT_TERMINATED", -367, C::Proxy, W::Proxy, true),
    ("ERR_PAC_STATUS_NOT_OK", -326, C::Proxy, W::Proxy, false), // removed
    ("ERR_PIPELINE_EVICTION", -353, C::Other, W::Unknown, true), // obsolete
    ("ERR_PKCS12_IMPORT_BAD_PASSWORD", -701, C::Tls, W::Browser, false),
    ("ERR_PKCS12_IMPORT_FAILED", -702, C::Tls, W::Browser, false),
    ("ERR_PKCS12_IMPORT_INVALID_FILE", -708, C::Tls, W::Browser, false),
    ("ERR_PKCS12_IMPORT_INVALID_MAC", -707, C::Tls, W::Browser, false),
    ("ERR_PKCS12_IMPORT_UNSUPPORTED", -709, C::Tls, W::Browser, false),
    ("ERR_PRECONNECT_MAX_SOCKET_LIMIT", -133, C::Other, W::Browser, true),
    ("ERR_PRIVATE_KEY_EXPORT_FAILED", -712, C::Tls, W::Browser, false),
    ("ERR_PROTOCOL_SWITCHED", -146, C::Other, W::Unknown, false), // removed
    ("ERR_PROXY_AUTH_REQUESTED", -127, C::Proxy, W::Proxy, false),
    ("ERR_PROXY_AUTH_REQUESTED_WITH_NO_CONNECTION", -364, C::Proxy, W::Proxy, true),
    ("ERR_PROXY_AUTH_UNSUPPORTED", -115, C::Proxy, W::Proxy, false),
    ("ERR_PROXY_CERTIFICATE_INVALID", -136, C::Proxy, W::Proxy, false),
    ("ERR_PROXY_CONNECTION_FAILED", -130, C::Proxy, W::Proxy, true),
    ("ERR_PROXY_DELEGATE_CANCELED_CONNECT_REQUEST", -187, C::Proxy, W::Browser, false),
    ("ERR_PROXY_DELEGATE_CANCELED_CONNECT_RESPONSE", -188, C::Proxy, W::Browser, false),
    ("ERR_PROXY_HTTP_1_1_REQUIRED", -366, C::Proxy, W::Proxy, true),
    ("ERR_PROXY_REQUIRED", -368, C::Proxy, W::Browser, true),
    ("ERR_PROXY_TUNNEL_REQUEST_FAILED", -185, C::Proxy, W::Proxy, true), // removed
    ("ERR_PROXY_UNABLE_TO_CONNECT_TO_DESTINATION", -186, C::Unreachable, W::Site, true),
    ("ERR_QUIC_CERT_ROOT_NOT_KNOWN", -380, C::Http2Quic, W::Site, false),
    ("ERR_QUIC_GOAWAY_REQUEST_CAN_BE_RETRIED", -381, C::Http2Quic, W::Site, true),
    ("ERR_QUIC_HANDSHAKE_FAILED", -358, C::Http2Quic, W::Network, true),
    ("ERR_QUIC_PROTOCOL_ERROR", -356, C::Http2Quic, W::Network, true),
    ("ERR_READ_IF_READY_NOT_IMPLEMENTED", -174, C::Other, W::Browser, false),
    ("ERR_REQUEST_FOR_SECURE_RESOURCE_OVER_INSECURE_QUIC", -359, C::Http2Quic, W::Site, false), // obsolete
    ("ERR_REQUEST_RANGE_NOT_SATISFIABLE", -328, C::InvalidResponse, W::Site, false),
    ("ERR_RESPONSE_BODY_TOO_BIG_TO_DRAIN", -345, C::InvalidResponse, W::Site, false),
    ("ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION", -349, C::InvalidResponse, W::Site, false),
    ("ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH", -346, C::InvalidResponse, W::Site, false),
    ("ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION", -350, C::InvalidResponse, W::Site, false),
    ("ERR_RESPONSE_HEADERS_TOO_BIG", -325, C::InvalidResponse, W::Browser, false),
    ("ERR_RESPONSE_HEADERS_TRUNCATED", -357, C::InvalidResponse, W::Site, true),
    ("ERR_SELF_SIGNED_CERT_GENERATION_FAILED", -713, C::Tls, W::Browser, false),
    ("ERR_SOCKET_IS_CONNECTED", -23, C::Other, W::Unknown, false),
    ("ERR_SOCKET_NOT_CONNECTED", -15, C::ConnectionReset, W::Network, true),
    ("ERR_SOCKET_RECEIVE_BUFFER_SIZE_UNCHANGEABLE", -162, C::Other, W::Browser, false),
    ("ERR_SOCKET_SEND_BUFFER_SIZE_UNCHANGEABLE", -163, C::Other, W::Browser, false),
    ("ERR_SOCKET_SET_RECEIVE_BUFFER_SIZE_ERROR", -160, C::Other, W::Browser, false),
    ("ERR_SOCKET_SET_SEND_BUFFER_SIZE_ERROR", -161, C::Other, W::Browser, false),
    ("ERR_SOCKS_CONNECTION_FAILED", -120, C::Proxy, W::Proxy, true),
    ("ERR_SOCKS_CONNECTION_HOST_UNREACHABLE", -121, C::Proxy, W::Proxy, true),
    ("ERR_SPDY_SESSION_ALREADY_EXISTS", -143, C::Http2Quic, W::Unknown, true), // removed
    ("ERR_SSL_BAD_PEER_PUBLIC_KEY", -149, C::Tls, W::Site, false), // obsolete
    ("ERR_SSL_BAD_RECORD_MAC_ALERT", -126, C::Tls, W::Site, false),
    ("ERR_SSL_CLIENT_AUTH_CERT_BAD_FORMAT", -164, C::Tls, W::Browser, false),
    ("ERR_SSL_CLIENT_AUTH_CERT_NEEDED", -110, C::Tls, W::Browser, false),
    ("ERR_SSL_CLIENT_AUTH_CERT_NO_PRIVATE_KEY", -135, C::Tls, W::Browser, false),
    ("ERR_SSL_CLIENT_AUTH_NO_COMMON_ALGORITHMS", -177, C::Tls, W::Browser, false),
    ("ERR_SSL_CLIENT_AUTH_PRIVATE_KEY_ACCESS_DENIED", -134, C::Tls, W::Browser, false),
    ("ERR_SSL_CLIENT_AUTH_SIGNATURE_FAILED", -141, C::Tls, W::Browser, false),
    ("ERR_SSL_DECOMPRESSION_FAILURE_ALERT", -125, C::Tls, W::Site, false),
    ("ERR_SSL_DECRYPT_ERROR_ALERT", -153, C::Tls, W::Site, false),
    ("ERR_SSL_FALLBACK_BEYOND_MINIMUM_VERSION", -165, C::Tls, W::Site, false), // removed
    ("ERR_SSL_HANDSHAKE_NOT_COMPLETED", -148, C::Tls, W::Unknown, true), // obsolete
    ("ERR_SSL_INAPPROPRIATE_FALLBACK", -157, C::Tls, W::Network, false), // removed
    ("ERR_SSL_KEY_USAGE_INCOMPATIBLE", -181, C::Tls, W::Site, false),
    ("ERR_SSL_NO_RENEGOTIATION", -123, C::Tls, W::Site, false),
    ("ERR_SSL_OBSOLETE_CIPHER", -172, C::Tls, W::Site, false),
    ("ERR_SSL_OBSOLETE_VERSION", -218, C::Tls, W::Site, false), // removed
    ("ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN", -150, C::Tls, W::Network, false),
    ("ERR_SSL_PROTOCOL_ERROR", -107, C::Tls, W::Site, false),
    ("ERR_SSL_RENEGOTIATION_REQUESTED", -114, C::Tls, W::Site, false),
    ("ERR_SSL_SERVER_CERT_BAD_FORMAT", -167, C::Tls, W::Site, false),
    ("ERR_SSL_SERVER_CERT_CHANGED", -156, C::Tls, W::Site, false),
    ("ERR_SSL_UNRECOGNIZED_NAME_ALERT", -159, C::Tls, W::Site, false),
    ("ERR_SSL_VERSION_INTERFERENCE", -175, C::Tls, W::Network, false), // removed
    ("ERR_SSL_VERSION_OR_CIPHER_MISMATCH", -113, C::Tls, W::Site, false),
    ("ERR_SSL_WEAK_SERVER_EPHEMERAL_DH_KEY", -129, C::Tls, W::Site, false), // removed
    ("ERR_SYN_REPLY_NOT_RECEIVED", -332, C::Http2Quic, W::Site, true), // obsolete
    ("ERR_TEMPORARILY_THROTTLED", -139, C::Other, W::Browser, true),
    ("ERR_TEMPORARY_BACKOFF", -369, C::Other, W::Site, true), // obsolete
    ("ERR_TIMED_OUT", -7, C::Timeout, W::Network, true),
    ("ERR_TLS13_DOWNGRADE_DETECTED", -180, C::Tls, W::Network, false),
    ("ERR_TOO_MANY_ACCEPT_CH_RESTARTS", -382, C::InvalidResponse, W::Site, false),
    ("ERR_TOO_MANY_REDIRECTS", -310, C::RedirectLoop, W::Site, false),
    ("ERR_TOO_MANY_RETRIES", -375, C::Other, W::Site, false),
    ("ERR_TOO_MANY_SOCKET_STREAMS", -155, C::Other, W::Browser, true), // removed
    ("ERR_TRUST_TOKEN_OPERATION_FAILED", -506, C::Other, W::Site, false),
    ("ERR_TRUST_TOKEN_OPERATION_SUCCESS_WITHOUT_SENDING_REQUEST", -507, C::Aborted, W::Unknown, false),
    ("ERR_TUNNEL_CONNECTION_FAILED", -111, C::Proxy, W::Proxy, true),
    ("ERR_UNABLE_TO_REUSE_CONNECTION_FOR_PROXY_AUTH", -170, C::Proxy, W::Proxy, true),
    ("ERR_UNDOCUMENTED_SECURITY_LIBRARY_STATUS", -344, C::Auth, W::Browser, false),
    ("ERR_UNEXPECTED", -9, C::Other, W::Unknown, false),
    ("ERR_UNEXPECTED_CONTENT_DICTIONARY_HEADER", -388, C::InvalidResponse, W::Site, false),
    ("ERR_UNEXPECTED_PROXY_AUTH", -323, C::Proxy, W::Network, false),
    ("ERR_UNEXPECTED_SECURITY_LIBRARY_STATUS", -342, C::Auth, W::Browser, false),
    ("ERR_UNKNOWN_URL_SCHEME", -302, C::InvalidUrl, W::Unknown, false),
    ("ERR_UNRECOGNIZED_FTP_DIRECTORY_LISTING_FORMAT", -334, C::InvalidResponse, W::Site, false), // obsolete
    ("ERR_UNSAFE_PORT", -312, C::Blocked, W::Site, false),
    ("ERR_UNSAFE_REDIRECT", -311, C::Blocked, W::Site, false),
    ("ERR_UNSUPPORTED_AUTH_SCHEME", -339, C::Auth, W::Site, false),
    ("ERR_UPLOAD_FILE_CHANGED", -14, C::File, W::Browser, false),
    ("ERR_UPLOAD_STREAM_REWIND_NOT_SUPPORTED", -25, C::Other, W::Browser, false),
    ("ERR_WINSOCK_UNEXPECTED_WRITTEN_BYTES", -124, C::Other, W::Browser, false),
    ("ERR_WRONG_VERSION_ON_EARLY_DATA", -179, C::Tls, W::Site, true),
    ("ERR_WS_PROTOCOL_ERROR", -145, C::InvalidResponse, W::Site, false),
    ("ERR_WS_THROTTLE_QUEUE_TOO_LARGE", -154, C::Other, W::Browser, true),
    ("ERR_WS_UPGRADE", -173, C::Aborted, W::Unknown, false),
    ("ERR_ZSTD_WINDOW_SIZE_TOO_BIG", -386, C::InvalidResponse, W::Site, false),
];

// ------------------------------------------------------------------------------- Firefox

/// (name, nsresult, cause, culprit, transient).
pub type FirefoxEntry = (&'static str, u32, Cause, Culprit, bool);

// The nsresult modules of xpcom/base/ErrorList.py that network errors come from.
const BASE: u32 = 2;
const NETWORK: u32 = 6;
const FILES: u32 = 13;
const DOM: u32 = 14;
const SECURITY: u32 = 21;
const URILOADER: u32 = 24;
const CONTENT: u32 = 25;
const GENERAL: u32 = 51;

/// The modules above by name (`NS_ERROR_MODULE_…`).
const MODULES: [(&str, u32); 8] = [
    ("SECURITY", SECURITY),
    ("NETWORK", NETWORK),
    ("BASE", BASE),
    ("FILES", FILES),
    ("DOM", DOM),
    ("URILOADER", URILOADER),
    ("CONTENT", CONTENT),
    ("GENERAL", GENERAL),
];

/// `NS_ERROR_GENERATE_FAILURE(module, code)`, as ErrorList.py computes it.
pub const fn failure(module: u32, code: u32) -> u32 {
    0x8000_0000 | ((module + 0x45) << 16) | (code & 0xFFFF)
}

/// Firefox's network errors from `xpcom/base/ErrorList.py` (repository mozilla/gecko-dev):
/// every `NS_ERROR_MODULE_NETWORK` error, the `NS_ERROR_MODULE_FILES` ones, the URI-loader
/// blocking errors (Safe Browsing, tracking protection), content-policy, DOM and security-
/// module (XFO, CSP, SRI) errors a page load can end with, and the core errors a load can
/// fail with. Sorted by name (byte order).
///
/// A `const`, not a `static`: the code keeps only hashes of the names (`FIREFOX`).
#[rustfmt::skip]
pub const FIREFOX_ERRORS: [FirefoxEntry; 194] = [
    ("NS_BASE_STREAM_BAD_CONVERSION", failure(BASE, 6), C::Other, W::Unknown, false),
    ("NS_BASE_STREAM_CLOSED", failure(BASE, 2), C::Other, W::Unknown, true),
    ("NS_BASE_STREAM_ILLEGAL_ARGS", failure(BASE, 4), C::Other, W::Unknown, false),
    ("NS_BASE_STREAM_NO_CONVERTER", failure(BASE, 5), C::Other, W::Unknown, false),
    ("NS_BASE_STREAM_OSERROR", failure(BASE, 3), C::Other, W::Browser, false),
    ("NS_BASE_STREAM_WOULD_BLOCK", failure(BASE, 7), C::Other, W::Unknown, true),
    ("NS_BINDING_ABORTED", failure(NETWORK, 2), C::Aborted, W::Unknown, false),
    ("NS_BINDING_CANCELLED_OLD_LOAD", failure(URILOADER, 39), C::Aborted, W::Unknown, false),
    ("NS_BINDING_FAILED", failure(NETWORK, 1), C::Other, W::Unknown, false),
    ("NS_BINDING_REDIRECTED", failure(NETWORK, 3), C::Aborted, W::Unknown, false),
    ("NS_BINDING_RETARGETED", failure(NETWORK, 4), C::Aborted, W::Unknown, false),
    ("NS_ERROR_ABORT", 0x80004004, C::Aborted, W::Unknown, false),
    ("NS_ERROR_ALREADY_CONNECTED", failure(NETWORK, 11), C::Other, W::Unknown, false),
    ("NS_ERROR_ALREADY_OPENED", failure(NETWORK, 73), C::Other, W::Browser, false),
    ("NS_ERROR_BAD_HSTS_CERT", failure(NETWORK, 89), C::Tls, W::Site, false),
    ("NS_ERROR_BASIC_HTTP_AUTH_DISABLED", failure(NETWORK, 92), C::Auth, W::Browser, false),
    ("NS_ERROR_BLOCKED_BY_POLICY", failure(GENERAL, 3), C::Blocked, W::Browser, false),
    ("NS_ERROR_BLOCKED_URI", failure(URILOADER, 37), C::Blocked, W::Browser, false),
    ("NS_ERROR_BUILDID_MISMATCH", failure(CONTENT, 17), C::Other, W::Browser, false),
    ("NS_ERROR_CACHE_DATA_IS_NOT_STREAM", failure(NETWORK, 63), C::Cache, W::Browser, false),
    ("NS_ERROR_CACHE_DATA_IS_STREAM", failure(NETWORK, 62), C::Cache, W::Browser, false),
    ("NS_ERROR_CACHE_ENTRY_DOOMED", failure(NETWORK, 65), C::Cache, W::Browser, true),
    ("NS_ERROR_CACHE_IN_USE", failure(NETWORK, 68), C::Cache, W::Browser, true),
    ("NS_ERROR_CACHE_KEY_NOT_FOUND", failure(NETWORK, 61), C::Cache, W::Browser, false),
    ("NS_ERROR_CACHE_READ_ACCESS_DENIED", failure(NETWORK, 66), C::Cache, W::Browser, false),
    ("NS_ERROR_CACHE_WAIT_FOR_VALIDATION", failure(NETWORK, 64), C::Cache, W::Browser, true),
    ("NS_ERROR_CACHE_WRITE_ACCESS_DENIED", failure(NETWORK, 67), C::Cache, W::Browser, false),
    ("NS_ERROR_CONNECTION_REFUSED", failure(NETWORK, 13), C::ConnectionRefused, W::Site, true),
    ("NS_ERROR_CONTENT_BLOCKED", failure(CONTENT, 6), C::Blocked, W::Browser, false),
    ("NS_ERROR_CONTENT_BLOCKED_SHOW_ALT", failure(CONTENT, 7), C::Blocked, W::Browser, false),
    ("NS_ERROR_CONTENT_CRASHED", failure(CONTENT, 16), C::Other, W::Browser, true),
    ("NS_ERROR_CORRUPTED_CONTENT", failure(NETWORK, 29), C::InvalidResponse, W::Site, false),
    ("NS_ERROR_CRYPTOMINING_URI", failure(URILOADER, 42), C::Blocked, W::Browser, false),
    ("NS_ERROR_CSP_FORM_ACTION_VIOLATION", failure(SECURITY, 97), C::Blocked, W::Site, false),
    ("NS_ERROR_CSP_FRAME_ANCESTOR_VIOLATION", failure(SECURITY, 98), C::Blocked, W::Site, false),
    ("NS_ERROR_DEFINITIVE_UNKNOWN_HOST", failure(NETWORK, 43), C::Dns, W::Network, false),
    ("NS_ERROR_DNS_LOOKUP_QUEUE_FULL", failure(NETWORK, 33), C::Dns, W::Browser, true),
    ("NS_ERROR_DOCSHELL_DYING", failure(NETWORK, 78), C::Aborted, W::Unknown, false),
    ("NS_ERROR_DOCSHELL_REQUEST_REJECTED", failure(GENERAL, 1001), C::Blocked, W::Browser, false),
    ("NS_ERROR_DOCUMENT_IS_PRINTMODE", failure(GENERAL, 2001), C::Other, W::Browser, false),
    ("NS_ERROR_DOCUMENT_LOAD_LISTENER_NO_PARENT_CHANNEL", failure(NETWORK, 79), C::Aborted, W::Unknown, false),
    ("NS_ERROR_DOCUMENT_NOT_CACHED", failure(NETWORK, 70), C::Cache, W::Browser, false),
    ("NS_ERROR_DOM_ABORT_ERR", failure(DOM, 20), C::Aborted, W::Unknown, false),
    ("NS_ERROR_DOM_BAD_CROSS_ORIGIN_URI", failure(DOM, 1037), C::Blocked, W::Site, false),
    ("NS_ERROR_DOM_BAD_URI", failure(DOM, 1012), C::Blocked, W::Site, false),
    ("NS_ERROR_DOM_COEP_FAILED", failure(DOM, 1040), C::Blocked, W::Site, false),
    ("NS_ERROR_DOM_COOP_FAILED", failure(DOM, 1041), C::Blocked, W::Site, false),
    ("NS_ERROR_DOM_CORP_FAILED", failure(DOM, 1036), C::Blocked, W::Site, false),
    ("NS_ERROR_DOM_MALFORMED_URI", failure(DOM, 1016), C::InvalidUrl, W::Unknown, false),
    ("NS_ERROR_DOM_NETWORK_ERR", failure(DOM, 19), C::Other, W::Network, true),
    ("NS_ERROR_DOM_SECURITY_ERR", failure(DOM, 18), C::Blocked, W::Site, false),
    ("NS_ERROR_DOM_TIMEOUT_ERR", failure(DOM, 23), C::Timeout, W::Network, true),
    ("NS_ERROR_DOM_WEBEXT_CONTENT_SCRIPT_URI", failure(DOM, 1039), C::Blocked, W::Browser, false),
    ("NS_ERROR_EMAILTRACKING_URI", failure(URILOADER, 44), C::Blocked, W::Browser, false),
    ("NS_ERROR_ENTITY_CHANGED", failure(NETWORK, 32), C::Other, W::Site, true),
    ("NS_ERROR_FAILURE", 0x80004005, C::Other, W::Unknown, false),
    ("NS_ERROR_FILE_ACCESS_DENIED", failure(FILES, 21), C::File, W::Browser, false),
    ("NS_ERROR_FILE_ALREADY_EXISTS", failure(FILES, 8), C::File, W::Browser, false),
    ("NS_ERROR_FILE_COPY_OR_MOVE_FAILED", failure(FILES, 7), C::File, W::Browser, false),
    ("NS_ERROR_FILE_CORRUPTED", failure(FILES, 11), C::File, W::Browser, false),
    ("NS_ERROR_FILE_DESTINATION_NOT_DIR", failure(FILES, 5), C::File, W::Browser, false),
    ("NS_ERROR_FILE_DEVICE_FAILURE", failure(FILES, 23), C::File, W::Browser, false),
    ("NS_ERROR_FILE_DEVICE_TEMPORARY_FAILURE", failure(FILES, 24), C::File, W::Browser, true),
    ("NS_ERROR_FILE_DIR_NOT_EMPTY", failure(FILES, 20), C::File, W::Browser, false),
    ("NS_ERROR_FILE_EXECUTION_FAILED", failure(FILES, 3), C::File, W::Browser, false),
    ("NS_ERROR_FILE_FS_CORRUPTED", failure(FILES, 22), C::File, W::Browser, false),
    ("NS_ERROR_FILE_INVALID_HANDLE", failure(FILES, 25), C::File, W::Browser, false),
    ("NS_ERROR_FILE_INVALID_PATH", failure(FILES, 9), C::File, W::Browser, false),
    ("NS_ERROR_FILE_IS_DIRECTORY", failure(FILES, 13), C::File, W::Browser, false),
    ("NS_ERROR_FILE_IS_LOCKED", failure(FILES, 14), C::File, W::Browser, true),
    ("NS_ERROR_FILE_NAME_TOO_LONG", failure(FILES, 17), C::File, W::Browser, false),
    ("NS_ERROR_FILE_NOT_DIRECTORY", failure(FILES, 12), C::File, W::Browser, false),
    ("NS_ERROR_FILE_NOT_FOUND", failure(FILES, 18), C::File, W::Browser, false),
    ("NS_ERROR_FILE_NO_DEVICE_SPACE", failure(FILES, 16), C::File, W::Browser, false),
    ("NS_ERROR_FILE_READ_ONLY", failure(FILES, 19), C::File, W::Browser, false),
    ("NS_ERROR_FILE_TOO_BIG", failure(FILES, 15), C::File, W::Browser, false),
    ("NS_ERROR_FILE_UNKNOWN_TYPE", failure(FILES, 4), C::File, W::Browser, false),
    ("NS_ERROR_FILE_UNRECOGNIZED_PATH", failure(FILES, 1), C::File, W::Browser, false),
    ("NS_ERROR_FILE_UNRESOLVABLE_SYMLINK", failure(FILES, 2), C::File, W::Browser, false),
    ("NS_ERROR_FINGERPRINTING_URI", failure(URILOADER, 41), C::Blocked, W::Browser, false),
    ("NS_ERROR_FIRST_HEADER_FIELD_COMPONENT_EMPTY", failure(NETWORK, 34), C::InvalidResponse, W::Site, false),
    ("NS_ERROR_FRAME_CRASHED", failure(CONTENT, 14), C::Other, W::Browser, true),
    ("NS_ERROR_HARMFULADDON_URI", failure(URILOADER, 46), C::Blocked, W::Site, false),
    ("NS_ERROR_HARMFUL_URI", failure(URILOADER, 38), C::Blocked, W::Site, false),
    ("NS_ERROR_HOST_IS_IP_ADDRESS", failure(NETWORK, 81), C::Other, W::Unknown, false),
    ("NS_ERROR_HTTP2_FALLBACK_TO_HTTP1", failure(NETWORK, 94), C::Http2Quic, W::Site, true),
    ("NS_ERROR_HTTPS_ONLY", failure(NETWORK, 86), C::Blocked, W::Browser, false),
    ("NS_ERROR_ILLEGAL_VALUE", 0x80070057, C::Other, W::Unknown, false),
    ("NS_ERROR_INSUFFICIENT_DOMAIN_LEVELS", failure(NETWORK, 80), C::Other, W::Unknown, false),
    ("NS_ERROR_INTERCEPTION_FAILED", failure(NETWORK, 100), C::Other, W::Site, false),
    ("NS_ERROR_INVALID_ARG", 0x80070057, C::Other, W::Unknown, false),
    ("NS_ERROR_INVALID_CONTENT_ENCODING", failure(NETWORK, 27), C::InvalidResponse, W::Site, false),
    ("NS_ERROR_INVALID_SIGNATURE", failure(NETWORK, 58), C::InvalidResponse, W::Site, false),
    ("NS_ERROR_IN_PROGRESS", failure(NETWORK, 15), C::Other, W::Browser, false),
    ("NS_ERROR_LOAD_SHOWED_ERRORPAGE", failure(NETWORK, 77), C::Other, W::Unknown, false),
    ("NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED", failure(NETWORK, 93), C::Blocked, W::Browser, false),
    ("NS_ERROR_MALFORMED_URI", failure(NETWORK, 10), C::InvalidUrl, W::Unknown, false),
    ("NS_ERROR_MALWARE_URI", failure(URILOADER, 30), C::Blocked, W::Site, false),
    ("NS_ERROR_NET_BODY_NOT_REPLAYABLE", failure(NETWORK, 96), C::Other, W::Browser, false),
    ("NS_ERROR_NET_EMPTY_RESPONSE", failure(NETWORK, 36), C::InvalidResponse, W::Site, true),
    ("NS_ERROR_NET_ERROR_RESPONSE", failure(NETWORK, 35), C::Other, W::Site, true),
    ("NS_ERROR_NET_HTTP2_SENT_GOAWAY", failure(NETWORK, 83), C::Http2Quic, W::Site, true),
    ("NS_ERROR_NET_HTTP3_PROTOCOL_ERROR", failure(NETWORK, 84), C::Http2Quic, W::Network, true),
    ("NS_ERROR_NET_INADEQUATE_SECURITY", failure(NETWORK, 82), C::Http2Quic, W::Site, false),
    ("NS_ERROR_NET_INTERRUPT", failure(NETWORK, 71), C::ConnectionReset, W::Network, true),
    ("NS_ERROR_NET_PARTIAL_TRANSFER", failure(NETWORK, 76), C::InvalidResponse, W::Site, true),
    ("NS_ERROR_NET_RESET", failure(NETWORK, 20), C::ConnectionReset, W::Network, true),
    ("NS_ERROR_NET_TIMEOUT", failure(NETWORK, 14), C::Timeout, W::Network, true),
    ("NS_ERROR_NET_TIMEOUT_EXTERNAL", failure(NETWORK, 85), C::Timeout, W::Network, true),
    ("NS_ERROR_NET_UNCLEAN_SHUTDOWN", failure(NETWORK, 101), C::ConnectionReset, W::Network, true),
    ("NS_ERROR_NON_LOCAL_CONNECTION_REFUSED", failure(NETWORK, 88), C::Blocked, W::Browser, false),
    ("NS_ERROR_NOT_AVAILABLE", 0x80040111, C::Other, W::Unknown, false),
    ("NS_ERROR_NOT_CONNECTED", failure(NETWORK, 12), C::ConnectionReset, W::Network, true),
    ("NS_ERROR_NOT_IMPLEMENTED", 0x80004001, C::Other, W::Browser, false),
    ("NS_ERROR_NOT_RESUMABLE", failure(NETWORK, 25), C::Other, W::Site, false),
    ("NS_ERROR_NO_CONTENT", failure(NETWORK, 17), C::Aborted, W::Unknown, false),
    ("NS_ERROR_OFFLINE", failure(NETWORK, 16), C::Offline, W::Network, true),
    ("NS_ERROR_OS_LOCAL_NETWORK_ACCESS_DENIED", failure(NETWORK, 95), C::Blocked, W::Browser, false),
    ("NS_ERROR_OUT_OF_MEMORY", 0x8007000E, C::Other, W::Browser, true),
    ("NS_ERROR_PARSED_DATA_CACHED", failure(URILOADER, 33), C::Aborted, W::Unknown, false),
    ("NS_ERROR_PARSING_HTTP_STATUS_LINE", failure(NETWORK, 90), C::InvalidResponse, W::Site, false),
    ("NS_ERROR_PHISHING_URI", failure(URILOADER, 31), C::Blocked, W::Site, false),
    ("NS_ERROR_PORT_ACCESS_NOT_ALLOWED", failure(NETWORK, 19), C::Blocked, W::Site, false),
    ("NS_ERROR_PROXY_AUTHENTICATION_FAILED", failure(NETWORK, 1407), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_BAD_GATEWAY", failure(NETWORK, 1502), C::Proxy, W::Proxy, true),
    ("NS_ERROR_PROXY_BAD_REQUEST", failure(NETWORK, 1400), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_CODE_BASE", failure(NETWORK, 1000), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_CONFLICT", failure(NETWORK, 1409), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_CONNECTION_REFUSED", failure(NETWORK, 72), C::Proxy, W::Proxy, true),
    ("NS_ERROR_PROXY_EXPECTATION_FAILED", failure(NETWORK, 1417), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_FORBIDDEN", failure(NETWORK, 1403), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_FOUND", failure(NETWORK, 1302), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_GATEWAY_TIMEOUT", failure(NETWORK, 1504), C::Proxy, W::Proxy, true),
    ("NS_ERROR_PROXY_GONE", failure(NETWORK, 1410), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_INTERNAL_SERVER_ERROR", failure(NETWORK, 1500), C::Proxy, W::Proxy, true),
    ("NS_ERROR_PROXY_LENGTH_REQUIRED", failure(NETWORK, 1411), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_METHOD_NOT_ALLOWED", failure(NETWORK, 1405), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_MISDIRECTED_REQUEST", failure(NETWORK, 1421), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_MOVED_PERMANENTLY", failure(NETWORK, 1301), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_MULTIPLE_CHOICES", failure(NETWORK, 1300), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_NETWORK_AUTHENTICATION_REQUIRED", failure(NETWORK, 1511), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_NOT_ACCEPTABLE", failure(NETWORK, 1406), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_NOT_EXTENDED", failure(NETWORK, 1510), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_NOT_FOUND", failure(NETWORK, 1404), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_NOT_IMPLEMENTED", failure(NETWORK, 1501), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_NOT_MODIFIED", failure(NETWORK, 1304), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_PAYMENT_REQUIRED", failure(NETWORK, 1402), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_PERMANENT_REDIRECT", failure(NETWORK, 1308), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_PRECONDITION_FAILED", failure(NETWORK, 1412), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_PRECONDITION_REQUIRED", failure(NETWORK, 1428), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_REQUESTED_RANGE_NOT_SATISFIABLE", failure(NETWORK, 1416), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_REQUEST_ENTITY_TOO_LARGE", failure(NETWORK, 1413), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_REQUEST_HEADER_FIELDS_TOO_LARGE", failure(NETWORK, 1431), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_REQUEST_TIMEOUT", failure(NETWORK, 1408), C::Proxy, W::Proxy, true),
    ("NS_ERROR_PROXY_REQUEST_URI_TOO_LONG", failure(NETWORK, 1414), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_SEE_OTHER", failure(NETWORK, 1303), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_SERVICE_UNAVAILABLE", failure(NETWORK, 1503), C::Proxy, W::Proxy, true),
    ("NS_ERROR_PROXY_TEMPORARY_REDIRECT", failure(NETWORK, 1307), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_TOO_EARLY", failure(NETWORK, 1425), C::Proxy, W::Proxy, true),
    ("NS_ERROR_PROXY_TOO_MANY_REQUESTS", failure(NETWORK, 1429), C::Proxy, W::Proxy, true),
    ("NS_ERROR_PROXY_UNAUTHORIZED", failure(NETWORK, 1401), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_UNAVAILABLE_FOR_LEGAL_REASONS", failure(NETWORK, 1451), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_UNSUPPORTED_MEDIA_TYPE", failure(NETWORK, 1415), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_UPGRADE_REQUIRED", failure(NETWORK, 1426), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_VARIANT_ALSO_NEGOTIATES", failure(NETWORK, 1506), C::Proxy, W::Proxy, false),
    ("NS_ERROR_PROXY_VERSION_NOT_SUPPORTED", failure(NETWORK, 1505), C::Proxy, W::Proxy, false),
    ("NS_ERROR_RECURSIVE_DOCUMENT_LOAD", failure(DOM, 1038), C::Blocked, W::Site, false),
    ("NS_ERROR_REDIRECT_LOOP", failure(NETWORK, 31), C::RedirectLoop, W::Site, false),
    ("NS_ERROR_RESTART_FORCED", failure(CONTENT, 18), C::Other, W::Browser, false),
    ("NS_ERROR_RESTRICTED_CONTENT", failure(URILOADER, 45), C::Blocked, W::Browser, false),
    ("NS_ERROR_SAVE_LINK_AS_TIMEOUT", failure(URILOADER, 32), C::Other, W::Unknown, false),
    ("NS_ERROR_SOCIALTRACKING_URI", failure(URILOADER, 43), C::Blocked, W::Browser, false),
    ("NS_ERROR_SOCKET_ADDRESS_IN_USE", failure(NETWORK, 54), C::Other, W::Browser, true),
    ("NS_ERROR_SOCKET_ADDRESS_NOT_SUPPORTED", failure(NETWORK, 53), C::Unreachable, W::Network, false),
    ("NS_ERROR_SOCKET_CREATE_FAILED", failure(NETWORK, 52), C::Other, W::Browser, false),
    ("NS_ERROR_SRI_CORRUPT", failure(SECURITY, 200), C::Blocked, W::Site, false),
    ("NS_ERROR_SRI_IMPORT", failure(SECURITY, 203), C::Blocked, W::Site, false),
    ("NS_ERROR_SRI_NOT_ELIGIBLE", failure(SECURITY, 201), C::Blocked, W::Site, false),
    ("NS_ERROR_SRI_UNEXPECTED_HASH_TYPE", failure(SECURITY, 202), C::Blocked, W::Site, false),
    ("NS_ERROR_SUPERFLUOS_AUTH", failure(NETWORK, 91), C::Aborted, W::Unknown, false),
    ("NS_ERROR_TRACKING_URI", failure(URILOADER, 34), C::Blocked, W::Browser, false),
    ("NS_ERROR_UNEXPECTED", 0x8000FFFF, C::Other, W::Unknown, false),
    ("NS_ERROR_UNKNOWN_HOST", failure(NETWORK, 30), C::Dns, W::Network, false),
    ("NS_ERROR_UNKNOWN_PROTOCOL", failure(NETWORK, 18), C::InvalidUrl, W::Unknown, false),
    ("NS_ERROR_UNKNOWN_PROXY_HOST", failure(NETWORK, 42), C::Proxy, W::Proxy, false),
    ("NS_ERROR_UNKNOWN_SOCKET_TYPE", failure(NETWORK, 51), C::Other, W::Browser, false),
    ("NS_ERROR_UNSAFE_CONTENT_TYPE", failure(NETWORK, 74), C::Blocked, W::Site, false),
    ("NS_ERROR_UNWANTED_URI", failure(URILOADER, 35), C::Blocked, W::Site, false),
    ("NS_ERROR_WEBSOCKET_CONNECTION_REFUSED", failure(NETWORK, 87), C::ConnectionRefused, W::Site, true),
    ("NS_ERROR_WEBTRANSPORT_CODE_BASE", failure(NETWORK, 200), C::Other, W::Unknown, false),
    ("NS_ERROR_WEBTRANSPORT_CODE_END", failure(NETWORK, 455), C::Other, W::Unknown, false),
    ("NS_ERROR_WEBTRANSPORT_SESSION_LIMIT_EXCEEDED", failure(NETWORK, 199), C::Other, W::Browser, false),
    ("NS_ERROR_WONT_HANDLE_CONTENT", failure(URILOADER, 1), C::Other, W::Browser, false),
    ("NS_ERROR_XFO_VIOLATION", failure(SECURITY, 96), C::Blocked, W::Site, false),
];

// ----------------------------------------------------------------------------------- NSS

/// (NSS/NSPR error name, its PRErrorCode (0: not known here), meaning, English message as
/// Firefox shows it in webRequest, "" when there is none).
pub type NssEntry = (&'static str, i32, NetError, &'static str);

const SEC: i32 = -0x2000;
const SSL: i32 = -0x3000;
const PKIX: i32 = -0x4000;
const PR: i32 = -6000;

/// NSS errors, which Firefox reports for TLS and certificate failures: the names and codes
/// of `lib/util/secerr.h`, `lib/ssl/sslerr.h` and `lib/mozpkix/include/pkix/pkixnss.h`
/// (repository nss-dev/nss), the English messages of
/// `security/manager/locales/en-US/chrome/pipnss/nsserrors.properties` (repository
/// mozilla/gecko-dev, apostrophes as '), and the few NSPR network errors of `prerror.h`
/// that reach a page load through NSS. Firefox turns code `c` into the nsresult
/// `NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, -c)`.
///
/// A `const`, not a `static`: the code keeps only hashes of the names and messages
/// ([`text_hash`]), so the texts stay out of the WebAssembly module.
#[rustfmt::skip]
pub const NSS_ERRORS: [NssEntry; 376] = [
    // secerr.h (SEC_ERROR_BASE = -0x2000)
    ("SEC_ERROR_IO", SEC, TLS_NETWORK_RETRY, "An I/O error occurred during security authorization."),
    ("SEC_ERROR_LIBRARY_FAILURE", SEC + 1, TLS_BROWSER, "security library failure."),
    ("SEC_ERROR_BAD_DATA", SEC + 2, TLS_SITE, "security library: received bad data."),
    ("SEC_ERROR_OUTPUT_LEN", SEC + 3, TLS_BROWSER, "security library: output length error."),
    ("SEC_ERROR_INPUT_LEN", SEC + 4, TLS_BROWSER, "security library has experienced an input length error."),
    ("SEC_ERROR_INVALID_ARGS", SEC + 5, TLS_BROWSER, "security library: invalid arguments."),
    ("SEC_ERROR_INVALID_ALGORITHM", SEC + 6, TLS_SITE, "security library: invalid algorithm."),
    ("SEC_ERROR_INVALID_AVA", SEC + 7, TLS_SITE, "security library: invalid AVA."),
    ("SEC_ERROR_INVALID_TIME", SEC + 8, TLS_SITE, "Improperly formatted time string."),
    ("SEC_ERROR_BAD_DER", SEC + 9, TLS_SITE, "security library: improperly formatted DER-encoded message."),
    ("SEC_ERROR_BAD_SIGNATURE", SEC + 10, TLS_SITE, "Peer's certificate has an invalid signature."),
    ("SEC_ERROR_EXPIRED_CERTIFICATE", SEC + 11, TLS_SITE, "Peer's Certificate has expired."),
    ("SEC_ERROR_REVOKED_CERTIFICATE", SEC + 12, TLS_SITE, "Peer's Certificate has been revoked."),
    ("SEC_ERROR_UNKNOWN_ISSUER", SEC + 13, TLS_UNKNOWN, "Peer's Certificate issuer is not recognized."),
    ("SEC_ERROR_BAD_KEY", SEC + 14, TLS_SITE, "Peer's public key is invalid."),
    ("SEC_ERROR_BAD_PASSWORD", SEC + 15, TLS_BROWSER, "The security password entered is incorrect."),
    ("SEC_ERROR_RETRY_PASSWORD", SEC + 16, TLS_BROWSER, "New password entered incorrectly. Please try again."),
    ("SEC_ERROR_NO_NODELOCK", SEC + 17, TLS_BROWSER, "security library: no nodelock."),
    ("SEC_ERROR_BAD_DATABASE", SEC + 18, TLS_BROWSER, "security library: bad database."),
    ("SEC_ERROR_NO_MEMORY", SEC + 19, TLS_BROWSER, "security library: memory allocation failure."),
    ("SEC_ERROR_UNTRUSTED_ISSUER", SEC + 20, TLS_BROWSER, "Peer's certificate issuer has been marked as not trusted by the user."),
    ("SEC_ERROR_UNTRUSTED_CERT", SEC + 21, TLS_BROWSER, "Peer's certificate has been marked as not trusted by the user."),
    ("SEC_ERROR_DUPLICATE_CERT", SEC + 22, TLS_BROWSER, "Certificate already exists in your database."),
    ("SEC_ERROR_DUPLICATE_CERT_NAME", SEC + 23, TLS_BROWSER, "Downloaded certificate's name duplicates one already in your database."),
    ("SEC_ERROR_ADDING_CERT", SEC + 24, TLS_BROWSER, "Error adding certificate to database."),
    ("SEC_ERROR_FILING_KEY", SEC + 25, TLS_BROWSER, "Error refiling the key for this certificate."),
    ("SEC_ERROR_NO_KEY", SEC + 26, TLS_BROWSER, "The private key for this certificate cannot be found in key database"),
    ("SEC_ERROR_CERT_VALID", SEC + 27, TLS_SITE, "This certificate is valid."),
    ("SEC_ERROR_CERT_NOT_VALID", SEC + 28, TLS_SITE, "This certificate is not valid."),
    ("SEC_ERROR_CERT_NO_RESPONSE", SEC + 29, TLS_SITE, "Cert Library: No Response"),
    ("SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE", SEC + 30, TLS_SITE, "The certificate issuer's certificate has expired. Check your system date and time."),
    ("SEC_ERROR_CRL_EXPIRED", SEC + 31, TLS_SITE, "The CRL for the certificate's issuer has expired. Update it or check your system date and time."),
    ("SEC_ERROR_CRL_BAD_SIGNATURE", SEC + 32, TLS_SITE, "The CRL for the certificate's issuer has an invalid signature."),
    ("SEC_ERROR_CRL_INVALID", SEC + 33, TLS_SITE, "New CRL has an invalid format."),
    ("SEC_ERROR_EXTENSION_VALUE_INVALID", SEC + 34, TLS_SITE, "Certificate extension value is invalid."),
    ("SEC_ERROR_EXTENSION_NOT_FOUND", SEC + 35, TLS_SITE, "Certificate extension not found."),
    ("SEC_ERROR_CA_CERT_INVALID", SEC + 36, TLS_SITE, "Issuer certificate is invalid."),
    ("SEC_ERROR_PATH_LEN_CONSTRAINT_INVALID", SEC + 37, TLS_SITE, "Certificate path length constraint is invalid."),
    ("SEC_ERROR_CERT_USAGES_INVALID", SEC + 38, TLS_SITE, "Certificate usages field is invalid."),
    ("SEC_INTERNAL_ONLY", SEC + 39, TLS_BROWSER, "**Internal ONLY module**"),
    ("SEC_ERROR_INVALID_KEY", SEC + 40, TLS_SITE, "The key does not support the requested operation."),
    ("SEC_ERROR_UNKNOWN_CRITICAL_EXTENSION", SEC + 41, TLS_SITE, "Certificate contains unknown critical extension."),
    ("SEC_ERROR_OLD_CRL", SEC + 42, TLS_SITE, "New CRL is not later than the current one."),
    ("SEC_ERROR_NO_EMAIL_CERT", SEC + 43, TLS_BROWSER, "Not encrypted or signed: you do not yet have an email certificate."),
    ("SEC_ERROR_NO_RECIPIENT_CERTS_QUERY", SEC + 44, TLS_BROWSER, "Not encrypted: you do not have certificates for each of the recipients."),
    ("SEC_ERROR_NOT_A_RECIPIENT", SEC + 45, TLS_BROWSER, "Cannot decrypt: you are not a recipient, or matching certificate and private key not found."),
    ("SEC_ERROR_PKCS7_KEYALG_MISMATCH", SEC + 46, TLS_BROWSER, "Cannot decrypt: key encryption algorithm does not match your certificate."),
    ("SEC_ERROR_PKCS7_BAD_SIGNATURE", SEC + 47, TLS_SITE, "Signature verification failed: no signer found, too many signers found, or improper or corrupted data."),
    ("SEC_ERROR_UNSUPPORTED_KEYALG", SEC + 48, TLS_SITE, "Unsupported or unknown key algorithm."),
    ("SEC_ERROR_DECRYPTION_DISALLOWED", SEC + 49, TLS_BROWSER, "Cannot decrypt: encrypted using a disallowed algorithm or key size."),
    ("XP_SEC_FORTEZZA_BAD_CARD", SEC + 50, TLS_BROWSER, "Fortezza card has not been properly initialized. Please remove it and return it to your issuer."),
    ("XP_SEC_FORTEZZA_NO_CARD", SEC + 51, TLS_BROWSER, "No Fortezza cards Found"),
    ("XP_SEC_FORTEZZA_NONE_SELECTED", SEC + 52, TLS_BROWSER, "No Fortezza card selected"),
    ("XP_SEC_FORTEZZA_MORE_INFO", SEC + 53, TLS_BROWSER, "Please select a personality to get more info on"),
    ("XP_SEC_FORTEZZA_PERSON_NOT_FOUND", SEC + 54, TLS_BROWSER, "Personality not found"),
    ("XP_SEC_FORTEZZA_NO_MORE_INFO", SEC + 55, TLS_BROWSER, "No more information on that Personality"),
    ("XP_SEC_FORTEZZA_BAD_PIN", SEC + 56, TLS_BROWSER, "Invalid Pin"),
    ("XP_SEC_FORTEZZA_PERSON_ERROR", SEC + 57, TLS_BROWSER, "Couldn't initialize Fortezza personalities."),
    ("SEC_ERROR_NO_KRL", SEC + 58, TLS_SITE, "No KRL for this site's certificate has been found."),
    ("SEC_ERROR_KRL_EXPIRED", SEC + 59, TLS_SITE, "The KRL for this site's certificate has expired."),
    ("SEC_ERROR_KRL_BAD_SIGNATURE", SEC + 60, TLS_SITE, "The KRL for this site's certificate has an invalid signature."),
    ("SEC_ERROR_REVOKED_KEY", SEC + 61, TLS_SITE, "The key for this site's certificate has been revoked."),
    ("SEC_ERROR_KRL_INVALID", SEC + 62, TLS_SITE, "New KRL has an invalid format."),
    ("SEC_ERROR_NEED_RANDOM", SEC + 63, TLS_BROWSER, "security library: need random data."),
    ("SEC_ERROR_NO_MODULE", SEC + 64, TLS_BROWSER, "security library: no security module can perform the requested operation."),
    ("SEC_ERROR_NO_TOKEN", SEC + 65, TLS_BROWSER, "The security card or token does not exist, needs to be initialized, or has been removed."),
    ("SEC_ERROR_READ_ONLY", SEC + 66, TLS_BROWSER, "security library: read-only database."),
    ("SEC_ERROR_NO_SLOT_SELECTED", SEC + 67, TLS_BROWSER, "No slot or token was selected."),
    ("SEC_ERROR_CERT_NICKNAME_COLLISION", SEC + 68, TLS_BROWSER, "A certificate with the same nickname already exists."),
    ("SEC_ERROR_KEY_NICKNAME_COLLISION", SEC + 69, TLS_BROWSER, "A key with the same nickname already exists."),
    ("SEC_ERROR_SAFE_NOT_CREATED", SEC + 70, TLS_BROWSER, "error while creating safe object"),
    ("SEC_ERROR_BAGGAGE_NOT_CREATED", SEC + 71, TLS_BROWSER, "error while creating baggage object"),
    ("XP_JAVA_REMOVE_PRINCIPAL_ERROR", SEC + 72, TLS_BROWSER, "Couldn't remove the principal"),
    ("XP_JAVA_DELETE_PRIVILEGE_ERROR", SEC + 73, TLS_BROWSER, "Couldn't delete the privilege"),
    ("XP_JAVA_CERT_NOT_EXISTS_ERROR", SEC + 74, TLS_BROWSER, "This principal doesn't have a certificate"),
    ("SEC_ERROR_BAD_EXPORT_ALGORITHM", SEC + 75, TLS_BROWSER, "Required algorithm is not allowed."),
    ("SEC_ERROR_EXPORTING_CERTIFICATES", SEC + 76, TLS_BROWSER, "Error attempting to export certificates."),
    ("SEC_ERROR_IMPORTING_CERTIFICATES", SEC + 77, TLS_BROWSER, "Error attempting to import certificates."),
    ("SEC_ERROR_PKCS12_DECODING_PFX", SEC + 78, TLS_BROWSER, "Unable to import. Decoding error. File not valid."),
    ("SEC_ERROR_PKCS12_INVALID_MAC", SEC + 79, TLS_BROWSER, "Unable to import. Invalid MAC. Incorrect password or corrupt file."),
    ("SEC_ERROR_PKCS12_UNSUPPORTED_MAC_ALGORITHM", SEC + 80, TLS_BROWSER, "Unable to import. MAC algorithm not supported."),
    ("SEC_ERROR_PKCS12_UNSUPPORTED_TRANSPORT_MODE", SEC + 81, TLS_BROWSER, "Unable to import. Only password integrity and privacy modes supported."),
    ("SEC_ERROR_PKCS12_CORRUPT_PFX_STRUCTURE", SEC + 82, TLS_BROWSER, "Unable to import. File structure is corrupt."),
    ("SEC_ERROR_PKCS12_UNSUPPORTED_PBE_ALGORITHM", SEC + 83, TLS_BROWSER, "Unable to import. Encryption algorithm not supported."),
    ("SEC_ERROR_PKCS12_UNSUPPORTED_VERSION", SEC + 84, TLS_BROWSER, "Unable to import. File version not supported."),
    ("SEC_ERROR_PKCS12_PRIVACY_PASSWORD_INCORRECT", SEC + 85, TLS_BROWSER, "Unable to import. Incorrect privacy password."),
    ("SEC_ERROR_PKCS12_CERT_COLLISION", SEC + 86, TLS_BROWSER, "Unable to import. Same nickname already exists in database."),
    ("SEC_ERROR_USER_CANCELLED", SEC + 87, TLS_BROWSER, "The user pressed cancel."),
    ("SEC_ERROR_PKCS12_DUPLICATE_DATA", SEC + 88, TLS_BROWSER, "Not imported, already in database."),
    ("SEC_ERROR_MESSAGE_SEND_ABORTED", SEC + 89, TLS_BROWSER, "Message not sent."),
    ("SEC_ERROR_INADEQUATE_KEY_USAGE", SEC + 90, TLS_SITE, "Certificate key usage inadequate for attempted operation."),
    ("SEC_ERROR_INADEQUATE_CERT_TYPE", SEC + 91, TLS_SITE, "Certificate type not approved for application."),
    ("SEC_ERROR_CERT_ADDR_MISMATCH", SEC + 92, TLS_BROWSER, "Address in signing certificate does not match address in message headers."),
    ("SEC_ERROR_PKCS12_UNABLE_TO_IMPORT_KEY", SEC + 93, TLS_BROWSER, "Unable to import. Error attempting to import private key."),
    ("SEC_ERROR_PKCS12_IMPORTING_CERT_CHAIN", SEC + 94, TLS_BROWSER, "Unable to import. Error attempting to import certificate chain."),
    ("SEC_ERROR_PKCS12_UNABLE_TO_LOCATE_OBJECT_BY_NAME", SEC + 95, TLS_BROWSER, "Unable to export. Unable to locate certificate or key by nickname."),
    ("SEC_ERROR_PKCS12_UNABLE_TO_EXPORT_KEY", SEC + 96, TLS_BROWSER, "Unable to export. Private Key could not be located and exported."),
    ("SEC_ERROR_PKCS12_UNABLE_TO_WRITE", SEC + 97, TLS_BROWSER, "Unable to export. Unable to write the export file."),
    ("SEC_ERROR_PKCS12_UNABLE_TO_READ", SEC + 98, TLS_BROWSER, "Unable to import. Unable to read the import file."),
    ("SEC_ERROR_PKCS12_KEY_DATABASE_NOT_INITIALIZED", SEC + 99, TLS_BROWSER, "Unable to export. Key database corrupt or deleted."),
    ("SEC_ERROR_KEYGEN_FAIL", SEC + 100, TLS_BROWSER, "Unable to generate public/private key pair."),
    ("SEC_ERROR_INVALID_PASSWORD", SEC + 101, TLS_BROWSER, "Password entered is invalid. Please pick a different one."),
    ("SEC_ERROR_RETRY_OLD_PASSWORD", SEC + 102, TLS_BROWSER, "Old password entered incorrectly. Please try again."),
    ("SEC_ERROR_BAD_NICKNAME", SEC + 103, TLS_BROWSER, "Certificate nickname already in use."),
    ("SEC_ERROR_NOT_FORTEZZA_ISSUER", SEC + 104, TLS_SITE, "Peer FORTEZZA chain has a non-FORTEZZA Certificate."),
    ("SEC_ERROR_CANNOT_MOVE_SENSITIVE_KEY", SEC + 105, TLS_BROWSER, "A sensitive key cannot be moved to the slot where it is needed."),
    ("SEC_ERROR_JS_INVALID_MODULE_NAME", SEC + 106, TLS_BROWSER, "Invalid module name."),
    ("SEC_ERROR_JS_INVALID_DLL", SEC + 107, TLS_BROWSER, "Invalid module path/filename"),
    ("SEC_ERROR_JS_ADD_MOD_FAILURE", SEC + 108, TLS_BROWSER, "Unable to add module"),
    ("SEC_ERROR_JS_DEL_MOD_FAILURE", SEC + 109, TLS_BROWSER, "Unable to delete module"),
    ("SEC_ERROR_OLD_KRL", SEC + 110, TLS_BROWSER, "New KRL is not later than the current one."),
    ("SEC_ERROR_CKL_CONFLICT", SEC + 111, TLS_BROWSER, "New CKL has different issuer than current CKL. Delete current CKL."),
    ("SEC_ERROR_CERT_NOT_IN_NAME_SPACE", SEC + 112, TLS_SITE, "The Certifying Authority for this certificate is not permitted to issue a certificate with this name."),
    ("SEC_ERROR_KRL_NOT_YET_VALID", SEC + 113, TLS_SITE, "The key revocation list for this certificate is not yet valid."),
    ("SEC_ERROR_CRL_NOT_YET_VALID", SEC + 114, TLS_SITE, "The certificate revocation list for this certificate is not yet valid."),
    ("SEC_ERROR_UNKNOWN_CERT", SEC + 115, TLS_SITE, "The requested certificate could not be found."),
    ("SEC_ERROR_UNKNOWN_SIGNER", SEC + 116, TLS_SITE, "The signer's certificate could not be found."),
    ("SEC_ERROR_CERT_BAD_ACCESS_LOCATION", SEC + 117, TLS_SITE, "The location for the certificate status server has invalid format."),
    ("SEC_ERROR_OCSP_UNKNOWN_RESPONSE_TYPE", SEC + 118, TLS_SITE, "The OCSP response cannot be fully decoded; it is of an unknown type."),
    ("SEC_ERROR_OCSP_BAD_HTTP_RESPONSE", SEC + 119, TLS_SITE, "The OCSP server returned unexpected/invalid HTTP data."),
    ("SEC_ERROR_OCSP_MALFORMED_REQUEST", SEC + 120, TLS_SITE, "The OCSP server found the request to be corrupted or improperly formed."),
    ("SEC_ERROR_OCSP_SERVER_ERROR", SEC + 121, TLS_SITE_RETRY, "The OCSP server experienced an internal error."),
    ("SEC_ERROR_OCSP_TRY_SERVER_LATER", SEC + 122, TLS_SITE_RETRY, "The OCSP server suggests trying again later."),
    ("SEC_ERROR_OCSP_REQUEST_NEEDS_SIG", SEC + 123, TLS_SITE, "The OCSP server requires a signature on this request."),
    ("SEC_ERROR_OCSP_UNAUTHORIZED_REQUEST", SEC + 124, TLS_SITE, "The OCSP server has refused this request as unauthorized."),
    ("SEC_ERROR_OCSP_UNKNOWN_RESPONSE_STATUS", SEC + 125, TLS_SITE, "The OCSP server returned an unrecognizable status."),
    ("SEC_ERROR_OCSP_UNKNOWN_CERT", SEC + 126, TLS_SITE, "The OCSP server has no status for the certificate."),
    ("SEC_ERROR_OCSP_NOT_ENABLED", SEC + 127, TLS_BROWSER, "You must enable OCSP before performing this operation."),
    ("SEC_ERROR_OCSP_NO_DEFAULT_RESPONDER", SEC + 128, TLS_BROWSER, "You must set the OCSP default responder before performing this operation."),
    ("SEC_ERROR_OCSP_MALFORMED_RESPONSE", SEC + 129, TLS_SITE, "The response from the OCSP server was corrupted or improperly formed."),
    ("SEC_ERROR_OCSP_UNAUTHORIZED_RESPONSE", SEC + 130, TLS_SITE, "The signer of the OCSP response is not authorized to give status for this certificate."),
    ("SEC_ERROR_OCSP_FUTURE_RESPONSE", SEC + 131, TLS_BROWSER, "The OCSP response is not yet valid (contains a date in the future)."),
    ("SEC_ERROR_OCSP_OLD_RESPONSE", SEC + 132, TLS_SITE, "The OCSP response contains out-of-date information."),
    ("SEC_ERROR_DIGEST_NOT_FOUND", SEC + 133, TLS_BROWSER, "The CMS or PKCS #7 Digest was not found in signed message."),
    ("SEC_ERROR_UNSUPPORTED_MESSAGE_TYPE", SEC + 134, TLS_BROWSER, "The CMS or PKCS #7 Message type is unsupported."),
    ("SEC_ERROR_MODULE_STUCK", SEC + 135, TLS_BROWSER, "PKCS #11 module could not be removed because it is still in use."),
    ("SEC_ERROR_BAD_TEMPLATE", SEC + 136, TLS_SITE, "Could not decode ASN.1 data. Specified template was invalid."),
    ("SEC_ERROR_CRL_NOT_FOUND", SEC + 137, TLS_SITE, "No matching CRL was found."),
    ("SEC_ERROR_REUSED_ISSUER_AND_SERIAL", SEC + 138, TLS_SITE, "You are attempting to import a cert with the same issuer/serial as an existing cert, but that is not the same cert."),
    ("SEC_ERROR_BUSY", SEC + 139, TLS_BROWSER, "NSS could not shutdown. Objects are still in use."),
    ("SEC_ERROR_EXTRA_INPUT", SEC + 140, TLS_SITE, "DER-encoded message contained extra unused data."),
    ("SEC_ERROR_UNSUPPORTED_ELLIPTIC_CURVE", SEC + 141, TLS_SITE, "Unsupported elliptic curve."),
    ("SEC_ERROR_UNSUPPORTED_EC_POINT_FORM", SEC + 142, TLS_SITE, "Unsupported elliptic curve point form."),
    ("SEC_ERROR_UNRECOGNIZED_OID", SEC + 143, TLS_SITE, "Unrecognized Object Identifier."),
    ("SEC_ERROR_OCSP_INVALID_SIGNING_CERT", SEC + 144, TLS_SITE, "Invalid OCSP signing certificate in OCSP response."),
    ("SEC_ERROR_REVOKED_CERTIFICATE_CRL", SEC + 145, TLS_SITE, "Certificate is revoked in issuer's certificate revocation list."),
    ("SEC_ERROR_REVOKED_CERTIFICATE_OCSP", SEC + 146, TLS_SITE, "Issuer's OCSP responder reports certificate is revoked."),
    ("SEC_ERROR_CRL_INVALID_VERSION", SEC + 147, TLS_SITE, "Issuer's Certificate Revocation List has an unknown version number."),
    ("SEC_ERROR_CRL_V1_CRITICAL_EXTENSION", SEC + 148, TLS_SITE, "Issuer's V1 Certificate Revocation List has a critical extension."),
    ("SEC_ERROR_CRL_UNKNOWN_CRITICAL_EXTENSION", SEC + 149, TLS_SITE, "Issuer's V2 Certificate Revocation List has an unknown critical extension."),
    ("SEC_ERROR_UNKNOWN_OBJECT_TYPE", SEC + 150, TLS_BROWSER, "Unknown object type specified."),
    ("SEC_ERROR_INCOMPATIBLE_PKCS11", SEC + 151, TLS_BROWSER, "PKCS #11 driver violates the spec in an incompatible way."),
    ("SEC_ERROR_NO_EVENT", SEC + 152, TLS_BROWSER, "No new slot event is available at this time."),
    ("SEC_ERROR_CRL_ALREADY_EXISTS", SEC + 153, TLS_BROWSER, "CRL already exists."),
    ("SEC_ERROR_NOT_INITIALIZED", SEC + 154, TLS_BROWSER, "NSS is not initialized."),
    ("SEC_ERROR_TOKEN_NOT_LOGGED_IN", SEC + 155, TLS_BROWSER, "The operation failed because the PKCS#11 token is not logged in."),
    ("SEC_ERROR_OCSP_RESPONDER_CERT_INVALID", SEC + 156, TLS_BROWSER, "Configured OCSP responder's certificate is invalid."),
    ("SEC_ERROR_OCSP_BAD_SIGNATURE", SEC + 157, TLS_SITE, "OCSP response has an invalid signature."),
    ("SEC_ERROR_OUT_OF_SEARCH_LIMITS", SEC + 158, TLS_SITE, "Cert validation search is out of search limits"),
    ("SEC_ERROR_INVALID_POLICY_MAPPING", SEC + 159, TLS_SITE, "Policy mapping contains anypolicy"),
    ("SEC_ERROR_POLICY_VALIDATION_FAILED", SEC + 160, TLS_SITE, "Cert chain fails policy validation"),
    ("SEC_ERROR_UNKNOWN_AIA_LOCATION_TYPE", SEC + 161, TLS_SITE, "Unknown location type in cert AIA extension"),
    ("SEC_ERROR_BAD_HTTP_RESPONSE", SEC + 162, TLS_SITE, "Server returned bad HTTP response"),
    ("SEC_ERROR_BAD_LDAP_RESPONSE", SEC + 163, TLS_SITE, "Server returned bad LDAP response"),
    ("SEC_ERROR_FAILED_TO_ENCODE_DATA", SEC + 164, TLS_BROWSER, "Failed to encode data with ASN1 encoder"),
    ("SEC_ERROR_BAD_INFO_ACCESS_LOCATION", SEC + 165, TLS_SITE, "Bad information access location in cert extension"),
    ("SEC_ERROR_LIBPKIX_INTERNAL", SEC + 166, TLS_BROWSER, "Libpkix internal error occurred during cert validation."),
    ("SEC_ERROR_PKCS11_GENERAL_ERROR", SEC + 167, TLS_BROWSER, "A PKCS #11 module returned CKR_GENERAL_ERROR, indicating that an unrecoverable error has occurred."),
    ("SEC_ERROR_PKCS11_FUNCTION_FAILED", SEC + 168, TLS_BROWSER, "A PKCS #11 module returned CKR_FUNCTION_FAILED, indicating that the requested function could not be performed. Trying the same operation again might succeed."),
    ("SEC_ERROR_PKCS11_DEVICE_ERROR", SEC + 169, TLS_BROWSER, "A PKCS #11 module returned CKR_DEVICE_ERROR, indicating that a problem has occurred with the token or slot."),
    ("SEC_ERROR_BAD_INFO_ACCESS_METHOD", SEC + 170, TLS_SITE, "Unknown information access method in certificate extension."),
    ("SEC_ERROR_CRL_IMPORT_FAILED", SEC + 171, TLS_BROWSER, "Error attempting to import a CRL."),
    ("SEC_ERROR_EXPIRED_PASSWORD", SEC + 172, TLS_BROWSER, "The password expired."),
    ("SEC_ERROR_LOCKED_PASSWORD", SEC + 173, TLS_BROWSER, "The password is locked."),
    ("SEC_ERROR_UNKNOWN_PKCS11_ERROR", SEC + 174, TLS_BROWSER, "Unknown PKCS #11 error."),
    ("SEC_ERROR_BAD_CRL_DP_URL", SEC + 175, TLS_SITE, "Invalid or unsupported URL in CRL distribution point name."),
    ("SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED", SEC + 176, TLS_SITE, "The certificate was signed using a signature algorithm that is disabled because it is not secure."),
    ("SEC_ERROR_LEGACY_DATABASE", SEC + 177, TLS_BROWSER, ""),
    ("SEC_ERROR_APPLICATION_CALLBACK_ERROR", SEC + 178, TLS_BROWSER, ""),
    ("SEC_ERROR_INVALID_STATE", SEC + 179, TLS_BROWSER, ""),
    ("SEC_ERROR_POLICY_LOCKED", SEC + 180, TLS_BROWSER, ""),
    ("SEC_ERROR_SIGNATURE_ALGORITHM_DISABLED", SEC + 181, TLS_SITE, ""),
    ("SEC_ERROR_ALGORITHM_MISMATCH", SEC + 182, TLS_SITE, ""),
    ("SEC_ERROR_CERTIFICATE_COMPRESSION_ALGORITHM_NOT_SUPPORTED", SEC + 183, TLS_SITE, ""),
    // sslerr.h (SSL_ERROR_BASE = -0x3000)
    ("SSL_ERROR_EXPORT_ONLY_SERVER", SSL, TLS_SITE, "Unable to communicate securely. Peer does not support high-grade encryption."),
    ("SSL_ERROR_US_ONLY_SERVER", SSL + 1, TLS_SITE, "Unable to communicate securely. Peer requires high-grade encryption which is not supported."),
    ("SSL_ERROR_NO_CYPHER_OVERLAP", SSL + 2, TLS_SITE, "Cannot communicate securely with peer: no common encryption algorithm(s)."),
    ("SSL_ERROR_NO_CERTIFICATE", SSL + 3, TLS_BROWSER, "Unable to find the certificate or key necessary for authentication."),
    ("SSL_ERROR_BAD_CERTIFICATE", SSL + 4, TLS_SITE, "Unable to communicate securely with peer: peers's certificate was rejected."),
    ("SSL_ERROR_UNUSED_5", SSL + 5, TLS_SITE, ""),
    ("SSL_ERROR_BAD_CLIENT", SSL + 6, TLS_SITE, "The server has encountered bad data from the client."),
    ("SSL_ERROR_BAD_SERVER", SSL + 7, TLS_SITE, "The client has encountered bad data from the server."),
    ("SSL_ERROR_UNSUPPORTED_CERTIFICATE_TYPE", SSL + 8, TLS_SITE, "Unsupported certificate type."),
    ("SSL_ERROR_UNSUPPORTED_VERSION", SSL + 9, TLS_SITE, "Peer using unsupported version of security protocol."),
    ("SSL_ERROR_UNUSED_10", SSL + 10, TLS_SITE, ""),
    ("SSL_ERROR_WRONG_CERTIFICATE", SSL + 11, TLS_BROWSER, "Client authentication failed: private key in key database does not match public key in certificate database."),
    ("SSL_ERROR_BAD_CERT_DOMAIN", SSL + 12, TLS_SITE, "Unable to communicate securely with peer: requested domain name does not match the server's certificate."),
    ("SSL_ERROR_POST_WARNING", SSL + 13, TLS_SITE, "Unrecognized SSL error code."),
    ("SSL_ERROR_SSL2_DISABLED", SSL + 14, TLS_SITE, "Peer only supports SSL version 2, which is locally disabled."),
    ("SSL_ERROR_BAD_MAC_READ", SSL + 15, TLS_SITE, "SSL received a record with an incorrect Message Authentication Code."),
    ("SSL_ERROR_BAD_MAC_ALERT", SSL + 16, TLS_SITE, "SSL peer reports incorrect Message Authentication Code."),
    ("SSL_ERROR_BAD_CERT_ALERT", SSL + 17, TLS_BROWSER, "SSL peer cannot verify your certificate."),
    ("SSL_ERROR_REVOKED_CERT_ALERT", SSL + 18, TLS_BROWSER, "SSL peer rejected your certificate as revoked."),
    ("SSL_ERROR_EXPIRED_CERT_ALERT", SSL + 19, TLS_BROWSER, "SSL peer rejected your certificate as expired."),
    ("SSL_ERROR_SSL_DISABLED", SSL + 20, TLS_BROWSER, "Cannot connect: SSL is disabled."),
    ("SSL_ERROR_FORTEZZA_PQG", SSL + 21, TLS_SITE, "Cannot connect: SSL peer is in another FORTEZZA domain."),
    ("SSL_ERROR_UNKNOWN_CIPHER_SUITE", SSL + 22, TLS_SITE, "An unknown SSL cipher suite has been requested."),
    ("SSL_ERROR_NO_CIPHERS_SUPPORTED", SSL + 23, TLS_BROWSER, "No cipher suites are present and enabled in this program."),
    ("SSL_ERROR_BAD_BLOCK_PADDING", SSL + 24, TLS_SITE, "SSL received a record with bad block padding."),
    ("SSL_ERROR_RX_RECORD_TOO_LONG", SSL + 25, TLS_SITE, "SSL received a record that exceeded the maximum permissible length."),
    ("SSL_ERROR_TX_RECORD_TOO_LONG", SSL + 26, TLS_BROWSER, "SSL attempted to send a record that exceeded the maximum permissible length."),
    ("SSL_ERROR_RX_MALFORMED_HELLO_REQUEST", SSL + 27, TLS_SITE, "SSL received a malformed Hello Request handshake message."),
    ("SSL_ERROR_RX_MALFORMED_CLIENT_HELLO", SSL + 28, TLS_SITE, "SSL received a malformed Client Hello handshake message."),
    ("SSL_ERROR_RX_MALFORMED_SERVER_HELLO", SSL + 29, TLS_SITE, "SSL received a malformed Server Hello handshake message."),
    ("SSL_ERROR_RX_MALFORMED_CERTIFICATE", SSL + 30, TLS_SITE, "SSL received a malformed Certificate handshake message."),
    ("SSL_ERROR_RX_MALFORMED_SERVER_KEY_EXCH", SSL + 31, TLS_SITE, "SSL received a malformed Server Key Exchange handshake message."),
    ("SSL_ERROR_RX_MALFORMED_CERT_REQUEST", SSL + 32, TLS_SITE, "SSL received a malformed Certificate Request handshake message."),
    ("SSL_ERROR_RX_MALFORMED_HELLO_DONE", SSL + 33, TLS_SITE, "SSL received a malformed Server Hello Done handshake message."),
    ("SSL_ERROR_RX_MALFORMED_CERT_VERIFY", SSL + 34, TLS_SITE, "SSL received a malformed Certificate Verify handshake message."),
    ("SSL_ERROR_RX_MALFORMED_CLIENT_KEY_EXCH", SSL + 35, TLS_SITE, "SSL received a malformed Client Key Exchange handshake message."),
    ("SSL_ERROR_RX_MALFORMED_FINISHED", SSL + 36, TLS_SITE, "SSL received a malformed Finished handshake message."),
    ("SSL_ERROR_RX_MALFORMED_CHANGE_CIPHER", SSL + 37, TLS_SITE, "SSL received a malformed Change Cipher Spec record."),
    ("SSL_ERROR_RX_MALFORMED_ALERT", SSL + 38, TLS_SITE, "SSL received a malformed Alert record."),
    ("SSL_ERROR_RX_MALFORMED_HANDSHAKE", SSL + 39, TLS_SITE, "SSL received a malformed Handshake record."),
    ("SSL_ERROR_RX_MALFORMED_APPLICATION_DATA", SSL + 40, TLS_SITE, "SSL received a malformed Application Data record."),
    ("SSL_ERROR_RX_UNEXPECTED_HELLO_REQUEST", SSL + 41, TLS_SITE, "SSL received an unexpected Hello Request handshake message."),
    ("SSL_ERROR_RX_UNEXPECTED_CLIENT_HELLO", SSL + 42, TLS_SITE, "SSL received an unexpected Client Hello handshake message."),
    ("SSL_ERROR_RX_UNEXPECTED_SERVER_HELLO", SSL + 43, TLS_SITE, "SSL received an unexpected Server Hello handshake message."),
    ("SSL_ERROR_RX_UNEXPECTED_CERTIFICATE", SSL + 44, TLS_SITE, "SSL received an unexpected Certificate handshake message."),
    ("SSL_ERROR_RX_UNEXPECTED_SERVER_KEY_EXCH", SSL + 45, TLS_SITE, "SSL received an unexpected Server Key Exchange handshake message."),
    ("SSL_ERROR_RX_UNEXPECTED_CERT_REQUEST", SSL + 46, TLS_SITE, "SSL received an unexpected Certificate Request handshake message."),
    ("SSL_ERROR_RX_UNEXPECTED_HELLO_DONE", SSL + 47, TLS_SITE, "SSL received an unexpected Server Hello Done handshake message."),
    ("SSL_ERROR_RX_UNEXPECTED_CERT_VERIFY", SSL + 48, TLS_SITE, "SSL received an unexpected Certificate Verify handshake message."),
    ("SSL_ERROR_RX_UNEXPECTED_CLIENT_KEY_EXCH", SSL + 49, TLS_SITE, "SSL received an unexpected Client Key Exchange handshake message."),
    ("SSL_ERROR_RX_UNEXPECTED_FINISHED", SSL + 50, TLS_SITE, "SSL received an unexpected Finished handshake message."),
    ("SSL_ERROR_RX_UNEXPECTED_CHANGE_CIPHER", SSL + 51, TLS_SITE, "SSL received an unexpected Change Cipher Spec record."),
    ("SSL_ERROR_RX_UNEXPECTED_ALERT", SSL + 52, TLS_SITE, "SSL received an unexpected Alert record."),
    ("SSL_ERROR_RX_UNEXPECTED_HANDSHAKE", SSL + 53, TLS_SITE, "SSL received an unexpected Handshake record."),
    ("SSL_ERROR_RX_UNEXPECTED_APPLICATION_DATA", SSL + 54, TLS_SITE, "SSL received an unexpected Application Data record."),
    ("SSL_ERROR_RX_UNKNOWN_RECORD_TYPE", SSL + 55, TLS_SITE, "SSL received a record with an unknown content type."),
    ("SSL_ERROR_RX_UNKNOWN_HANDSHAKE", SSL + 56, TLS_SITE, "SSL received a handshake message with an unknown message type."),
    ("SSL_ERROR_RX_UNKNOWN_ALERT", SSL + 57, TLS_SITE, "SSL received an alert record with an unknown alert description."),
    ("SSL_ERROR_CLOSE_NOTIFY_ALERT", SSL + 58, TLS_SITE_RETRY, "SSL peer has closed this connection."),
    ("SSL_ERROR_HANDSHAKE_UNEXPECTED_ALERT", SSL + 59, TLS_SITE, "SSL peer was not expecting a handshake message it received."),
    ("SSL_ERROR_DECOMPRESSION_FAILURE_ALERT", SSL + 60, TLS_SITE, "SSL peer was unable to successfully decompress an SSL record it received."),
    ("SSL_ERROR_HANDSHAKE_FAILURE_ALERT", SSL + 61, TLS_SITE, "SSL peer was unable to negotiate an acceptable set of security parameters."),
    ("SSL_ERROR_ILLEGAL_PARAMETER_ALERT", SSL + 62, TLS_SITE, "SSL peer rejected a handshake message for unacceptable content."),
    ("SSL_ERROR_UNSUPPORTED_CERT_ALERT", SSL + 63, TLS_SITE, "SSL peer does not support certificates of the type it received."),
    ("SSL_ERROR_CERTIFICATE_UNKNOWN_ALERT", SSL + 64, TLS_SITE, "SSL peer had some unspecified issue with the certificate it received."),
    ("SSL_ERROR_GENERATE_RANDOM_FAILURE", SSL + 65, TLS_BROWSER, "SSL experienced a failure of its random number generator."),
    ("SSL_ERROR_SIGN_HASHES_FAILURE", SSL + 66, TLS_BROWSER, "Unable to digitally sign data required to verify your certificate."),
    ("SSL_ERROR_EXTRACT_PUBLIC_KEY_FAILURE", SSL + 67, TLS_SITE, "SSL was unable to extract the public key from the peer's certificate."),
    ("SSL_ERROR_SERVER_KEY_EXCHANGE_FAILURE", SSL + 68, TLS_SITE, "Unspecified failure while processing SSL Server Key Exchange handshake."),
    ("SSL_ERROR_CLIENT_KEY_EXCHANGE_FAILURE", SSL + 69, TLS_SITE, "Unspecified failure while processing SSL Client Key Exchange handshake."),
    ("SSL_ERROR_ENCRYPTION_FAILURE", SSL + 70, TLS_BROWSER, "Bulk data encryption algorithm failed in selected cipher suite."),
    ("SSL_ERROR_DECRYPTION_FAILURE", SSL + 71, TLS_BROWSER, "Bulk data decryption algorithm failed in selected cipher suite."),
    ("SSL_ERROR_SOCKET_WRITE_FAILURE", SSL + 72, TLS_NETWORK_RETRY, "Attempt to write encrypted data to underlying socket failed."),
    ("SSL_ERROR_MD5_DIGEST_FAILURE", SSL + 73, TLS_BROWSER, "MD5 digest function failed."),
    ("SSL_ERROR_SHA_DIGEST_FAILURE", SSL + 74, TLS_BROWSER, "SHA-1 digest function failed."),
    ("SSL_ERROR_MAC_COMPUTATION_FAILURE", SSL + 75, TLS_BROWSER, "MAC computation failed."),
    ("SSL_ERROR_SYM_KEY_CONTEXT_FAILURE", SSL + 76, TLS_BROWSER, "Failure to create Symmetric Key context."),
    ("SSL_ERROR_SYM_KEY_UNWRAP_FAILURE", SSL + 77, TLS_BROWSER, "Failure to unwrap the Symmetric key in Client Key Exchange message."),
    ("SSL_ERROR_PUB_KEY_SIZE_LIMIT_EXCEEDED", SSL + 78, TLS_SITE, "SSL Server attempted to use domestic-grade public key with export cipher suite."),
    ("SSL_ERROR_IV_PARAM_FAILURE", SSL + 79, TLS_BROWSER, "PKCS11 code failed to translate an IV into a param."),
    ("SSL_ERROR_INIT_CIPHER_SUITE_FAILURE", SSL + 80, TLS_BROWSER, "Failed to initialize the selected cipher suite."),
    ("SSL_ERROR_SESSION_KEY_GEN_FAILURE", SSL + 81, TLS_BROWSER, "Client failed to generate session keys for SSL session."),
    ("SSL_ERROR_NO_SERVER_KEY_FOR_ALG", SSL + 82, TLS_SITE, "Server has no key for the attempted key exchange algorithm."),
    ("SSL_ERROR_TOKEN_INSERTION_REMOVAL", SSL + 83, TLS_BROWSER, "PKCS#11 token was inserted or removed while operation was in progress."),
    ("SSL_ERROR_TOKEN_SLOT_NOT_FOUND", SSL + 84, TLS_BROWSER, "No PKCS#11 token could be found to do a required operation."),
    ("SSL_ERROR_NO_COMPRESSION_OVERLAP", SSL + 85, TLS_SITE, "Cannot communicate securely with peer: no common compression algorithm(s)."),
    ("SSL_ERROR_HANDSHAKE_NOT_COMPLETED", SSL + 86, TLS_BROWSER, "Cannot initiate another SSL handshake until current handshake is complete."),
    ("SSL_ERROR_BAD_HANDSHAKE_HASH_VALUE", SSL + 87, TLS_SITE, "Received incorrect handshakes hash values from peer."),
    ("SSL_ERROR_CERT_KEA_MISMATCH", SSL + 88, TLS_SITE, "The certificate provided cannot be used with the selected key exchange algorithm."),
    ("SSL_ERROR_NO_TRUSTED_SSL_CLIENT_CA", SSL + 89, TLS_BROWSER, "No certificate authority is trusted for SSL client authentication."),
    ("SSL_ERROR_SESSION_NOT_FOUND", SSL + 90, TLS_SITE, "Client's SSL session ID not found in server's session cache."),
    ("SSL_ERROR_DECRYPTION_FAILED_ALERT", SSL + 91, TLS_SITE, "Peer was unable to decrypt an SSL record it received."),
    ("SSL_ERROR_RECORD_OVERFLOW_ALERT", SSL + 92, TLS_SITE, "Peer received an SSL record that was longer than is permitted."),
    ("SSL_ERROR_UNKNOWN_CA_ALERT", SSL + 93, TLS_BROWSER, "Peer does not recognize and trust the CA that issued your certificate."),
    ("SSL_ERROR_ACCESS_DENIED_ALERT", SSL + 94, TLS_BROWSER, "Peer received a valid certificate, but access was denied."),
    ("SSL_ERROR_DECODE_ERROR_ALERT", SSL + 95, TLS_SITE, "Peer could not decode an SSL handshake message."),
    ("SSL_ERROR_DECRYPT_ERROR_ALERT", SSL + 96, TLS_SITE, "Peer reports failure of signature verification or key exchange."),
    ("SSL_ERROR_EXPORT_RESTRICTION_ALERT", SSL + 97, TLS_SITE, "Peer reports negotiation not in compliance with export regulations."),
    ("SSL_ERROR_PROTOCOL_VERSION_ALERT", SSL + 98, TLS_SITE, "Peer reports incompatible or unsupported protocol version."),
    ("SSL_ERROR_INSUFFICIENT_SECURITY_ALERT", SSL + 99, TLS_SITE, "Server requires ciphers more secure than those supported by client."),
    ("SSL_ERROR_INTERNAL_ERROR_ALERT", SSL + 100, TLS_SITE_RETRY, "Peer reports it experienced an internal error."),
    ("SSL_ERROR_USER_CANCELED_ALERT", SSL + 101, TLS_SITE, "Peer user canceled handshake."),
    ("SSL_ERROR_NO_RENEGOTIATION_ALERT", SSL + 102, TLS_SITE, "Peer does not permit renegotiation of SSL security parameters."),
    ("SSL_ERROR_SERVER_CACHE_NOT_CONFIGURED", SSL + 103, TLS_BROWSER, "SSL server cache not configured and not disabled for this socket."),
    ("SSL_ERROR_UNSUPPORTED_EXTENSION_ALERT", SSL + 104, TLS_SITE, "SSL peer does not support requested TLS hello extension."),
    ("SSL_ERROR_CERTIFICATE_UNOBTAINABLE_ALERT", SSL + 105, TLS_BROWSER, "SSL peer could not obtain your certificate from the supplied URL."),
    ("SSL_ERROR_UNRECOGNIZED_NAME_ALERT", SSL + 106, TLS_SITE, "SSL peer has no certificate for the requested DNS name."),
    ("SSL_ERROR_BAD_CERT_STATUS_RESPONSE_ALERT", SSL + 107, TLS_SITE, "SSL peer was unable to get an OCSP response for its certificate."),
    ("SSL_ERROR_BAD_CERT_HASH_VALUE_ALERT", SSL + 108, TLS_SITE, "SSL peer reported bad certificate hash value."),
    ("SSL_ERROR_RX_UNEXPECTED_NEW_SESSION_TICKET", SSL + 109, TLS_SITE, "SSL received an unexpected New Session Ticket handshake message."),
    ("SSL_ERROR_RX_MALFORMED_NEW_SESSION_TICKET", SSL + 110, TLS_SITE, "SSL received a malformed New Session Ticket handshake message."),
    ("SSL_ERROR_DECOMPRESSION_FAILURE", SSL + 111, TLS_SITE, "SSL received a compressed record that could not be decompressed."),
    ("SSL_ERROR_RENEGOTIATION_NOT_ALLOWED", SSL + 112, TLS_SITE, "Renegotiation is not allowed on this SSL socket."),
    ("SSL_ERROR_UNSAFE_NEGOTIATION", SSL + 113, TLS_SITE, "Peer attempted old style (potentially vulnerable) handshake."),
    ("SSL_ERROR_RX_UNEXPECTED_UNCOMPRESSED_RECORD", SSL + 114, TLS_SITE, "SSL received an unexpected uncompressed record."),
    ("SSL_ERROR_WEAK_SERVER_EPHEMERAL_DH_KEY", SSL + 115, TLS_SITE, "SSL received a weak ephemeral Diffie-Hellman key in Server Key Exchange handshake message."),
    ("SSL_ERROR_NEXT_PROTOCOL_DATA_INVALID", SSL + 116, TLS_SITE, "SSL received invalid NPN extension data."),
    ("SSL_ERROR_FEATURE_NOT_SUPPORTED_FOR_SSL2", SSL + 117, TLS_BROWSER, "SSL feature not supported for SSL 2.0 connections."),
    ("SSL_ERROR_FEATURE_NOT_SUPPORTED_FOR_SERVERS", SSL + 118, TLS_BROWSER, "SSL feature not supported for servers."),
    ("SSL_ERROR_FEATURE_NOT_SUPPORTED_FOR_CLIENTS", SSL + 119, TLS_BROWSER, "SSL feature not supported for clients."),
    ("SSL_ERROR_INVALID_VERSION_RANGE", SSL + 120, TLS_BROWSER, "SSL version range is not valid."),
    ("SSL_ERROR_CIPHER_DISALLOWED_FOR_VERSION", SSL + 121, TLS_SITE, "SSL peer selected a cipher suite disallowed for the selected protocol version."),
    ("SSL_ERROR_RX_MALFORMED_HELLO_VERIFY_REQUEST", SSL + 122, TLS_SITE, "SSL received a malformed Hello Verify Request handshake message."),
    ("SSL_ERROR_RX_UNEXPECTED_HELLO_VERIFY_REQUEST", SSL + 123, TLS_SITE, "SSL received an unexpected Hello Verify Request handshake message."),
    ("SSL_ERROR_FEATURE_NOT_SUPPORTED_FOR_VERSION", SSL + 124, TLS_BROWSER, "SSL feature not supported for the protocol version."),
    ("SSL_ERROR_RX_UNEXPECTED_CERT_STATUS", SSL + 125, TLS_SITE, "SSL received an unexpected Certificate Status handshake message."),
    ("SSL_ERROR_UNSUPPORTED_HASH_ALGORITHM", SSL + 126, TLS_SITE, "Unsupported hash algorithm used by TLS peer."),
    ("SSL_ERROR_DIGEST_FAILURE", SSL + 127, TLS_BROWSER, "Digest function failed."),
    ("SSL_ERROR_INCORRECT_SIGNATURE_ALGORITHM", SSL + 128, TLS_SITE, "Incorrect signature algorithm specified in a digitally-signed element."),
    ("SSL_ERROR_NEXT_PROTOCOL_NO_CALLBACK", SSL + 129, TLS_BROWSER, "The next protocol negotiation extension was enabled, but the callback was cleared prior to being needed."),
    ("SSL_ERROR_NEXT_PROTOCOL_NO_PROTOCOL", SSL + 130, TLS_SITE, "The server supports no protocols that the client advertises in the ALPN extension."),
    ("SSL_ERROR_INAPPROPRIATE_FALLBACK_ALERT", SSL + 131, TLS_SITE, "The server rejected the handshake because the client downgraded to a lower TLS version than the server supports."),
    ("SSL_ERROR_WEAK_SERVER_CERT_KEY", SSL + 132, TLS_SITE, "The server certificate included a public key that was too weak."),
    ("SSL_ERROR_RX_SHORT_DTLS_READ", SSL + 133, TLS_SITE, "Not enough room in buffer for DTLS record."),
    ("SSL_ERROR_NO_SUPPORTED_SIGNATURE_ALGORITHM", SSL + 134, TLS_BROWSER, "No supported TLS signature algorithm was configured."),
    ("SSL_ERROR_UNSUPPORTED_SIGNATURE_ALGORITHM", SSL + 135, TLS_SITE, "The peer used an unsupported combination of signature and hash algorithm."),
    ("SSL_ERROR_MISSING_EXTENDED_MASTER_SECRET", SSL + 136, TLS_SITE, "The peer tried to resume without a correct extended_master_secret extension."),
    ("SSL_ERROR_UNEXPECTED_EXTENDED_MASTER_SECRET", SSL + 137, TLS_SITE, "The peer tried to resume with an unexpected extended_master_secret extension."),
    ("SSL_ERROR_RX_MALFORMED_KEY_SHARE", SSL + 138, TLS_SITE, ""),
    ("SSL_ERROR_MISSING_KEY_SHARE", SSL + 139, TLS_SITE, ""),
    ("SSL_ERROR_RX_MALFORMED_ECDHE_KEY_SHARE", SSL + 140, TLS_SITE, ""),
    ("SSL_ERROR_RX_MALFORMED_DHE_KEY_SHARE", SSL + 141, TLS_SITE, ""),
    ("SSL_ERROR_RX_UNEXPECTED_ENCRYPTED_EXTENSIONS", SSL + 142, TLS_SITE, ""),
    ("SSL_ERROR_MISSING_EXTENSION_ALERT", SSL + 143, TLS_SITE, ""),
    ("SSL_ERROR_KEY_EXCHANGE_FAILURE", SSL + 144, TLS_SITE, ""),
    ("SSL_ERROR_EXTENSION_DISALLOWED_FOR_VERSION", SSL + 145, TLS_SITE, ""),
    ("SSL_ERROR_RX_MALFORMED_ENCRYPTED_EXTENSIONS", SSL + 146, TLS_SITE, ""),
    ("SSL_ERROR_MALFORMED_PRE_SHARED_KEY", SSL + 147, TLS_SITE, ""),
    ("SSL_ERROR_MALFORMED_EARLY_DATA", SSL + 148, TLS_SITE, ""),
    ("SSL_ERROR_END_OF_EARLY_DATA_ALERT", SSL + 149, TLS_SITE, ""),
    ("SSL_ERROR_MISSING_ALPN_EXTENSION", SSL + 150, TLS_SITE, ""),
    ("SSL_ERROR_RX_UNEXPECTED_EXTENSION", SSL + 151, TLS_SITE, ""),
    ("SSL_ERROR_MISSING_SUPPORTED_GROUPS_EXTENSION", SSL + 152, TLS_SITE, ""),
    ("SSL_ERROR_TOO_MANY_RECORDS", SSL + 153, TLS_SITE, ""),
    ("SSL_ERROR_RX_UNEXPECTED_HELLO_RETRY_REQUEST", SSL + 154, TLS_SITE, ""),
    ("SSL_ERROR_RX_MALFORMED_HELLO_RETRY_REQUEST", SSL + 155, TLS_SITE, ""),
    ("SSL_ERROR_BAD_2ND_CLIENT_HELLO", SSL + 156, TLS_SITE, ""),
    ("SSL_ERROR_MISSING_SIGNATURE_ALGORITHMS_EXTENSION", SSL + 157, TLS_SITE, ""),
    ("SSL_ERROR_MALFORMED_PSK_KEY_EXCHANGE_MODES", SSL + 158, TLS_SITE, ""),
    ("SSL_ERROR_MISSING_PSK_KEY_EXCHANGE_MODES", SSL + 159, TLS_SITE, ""),
    ("SSL_ERROR_DOWNGRADE_WITH_EARLY_DATA", SSL + 160, TLS_SITE, ""),
    ("SSL_ERROR_TOO_MUCH_EARLY_DATA", SSL + 161, TLS_SITE, ""),
    ("SSL_ERROR_RX_UNEXPECTED_END_OF_EARLY_DATA", SSL + 162, TLS_SITE, ""),
    ("SSL_ERROR_RX_MALFORMED_END_OF_EARLY_DATA", SSL + 163, TLS_SITE, ""),
    // pkixnss.h (mozilla::pkix ERROR_BASE = -0x4000)
    ("MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE", PKIX, TLS_NETWORK, "The server uses key pinning (HPKP) but no trusted certificate chain could be constructed that matches the pinset. Key pinning violations cannot be overridden."),
    ("MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY", PKIX + 1, TLS_SITE, "The server uses a certificate with a basic constraints extension identifying it as a certificate authority. For a properly-issued certificate, this should not be the case."),
    ("MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE", PKIX + 2, TLS_SITE, "The server presented a certificate with a key size that is too small to establish a secure connection."),
    ("MOZILLA_PKIX_ERROR_V1_CERT_USED_AS_CA", PKIX + 3, TLS_SITE, "An X.509 version 1 certificate that is not a trust anchor was used to issue the server's certificate. X.509 version 1 certificates are deprecated and should not be used to sign other certificates."),
    ("MOZILLA_PKIX_ERROR_NO_RFC822NAME_MATCH", PKIX + 4, TLS_SITE, ""),
    ("MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE", PKIX + 5, TLS_BROWSER, "The server presented a certificate that is not yet valid."),
    ("MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE", PKIX + 6, TLS_BROWSER, "A certificate that is not yet valid was used to issue the server's certificate."),
    ("MOZILLA_PKIX_ERROR_SIGNATURE_ALGORITHM_MISMATCH", PKIX + 7, TLS_SITE, "The signature algorithm in the signature field of the certificate does not match the algorithm in its signatureAlgorithm field."),
    ("MOZILLA_PKIX_ERROR_OCSP_RESPONSE_FOR_CERT_MISSING", PKIX + 8, TLS_SITE, "The OCSP response does not include a status for the certificate being verified."),
    ("MOZILLA_PKIX_ERROR_VALIDITY_TOO_LONG", PKIX + 9, TLS_SITE, "The server presented a certificate that is valid for too long."),
    ("MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING", PKIX + 10, TLS_SITE, "A required TLS feature is missing."),
    ("MOZILLA_PKIX_ERROR_INVALID_INTEGER_ENCODING", PKIX + 11, TLS_SITE, "The server presented a certificate that contains an invalid encoding of an integer. Common causes include negative serial numbers, negative RSA moduli, and encodings that are longer than necessary."),
    ("MOZILLA_PKIX_ERROR_EMPTY_ISSUER_NAME", PKIX + 12, TLS_SITE, "The server presented a certificate with an empty issuer distinguished name."),
    ("MOZILLA_PKIX_ERROR_ADDITIONAL_POLICY_CONSTRAINT_FAILED", PKIX + 13, TLS_SITE, "An additional policy constraint failed when validating this certificate."),
    ("MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT", PKIX + 14, TLS_SITE, "The certificate is not trusted because it is self-signed."),
    ("MOZILLA_PKIX_ERROR_MITM_DETECTED", PKIX + 15, TLS_NETWORK, ""),
    // newer than the pkixnss.h read: the name and message only
    ("MOZILLA_PKIX_ERROR_ISSUER_NO_LONGER_TRUSTED", 0, TLS_SITE, "The certificate authority that issued the certificate was distrusted before the certificate was issued."),
    ("MOZILLA_PKIX_ERROR_INSUFFICIENT_CERTIFICATE_TRANSPARENCY", 0, TLS_SITE, ""),
    // prerr.h (PR_NSPR_ERROR_BASE = -6000): the network errors NSS passes through
    ("PR_IO_ERROR", PR + 9, RESET_RETRY, ""),
    ("PR_IO_TIMEOUT_ERROR", PR + 10, TIMEOUT, ""),
    ("PR_ADDRESS_NOT_SUPPORTED_ERROR", PR + 15, UNREACHABLE, ""),
    ("PR_BAD_ADDRESS_ERROR", PR + 17, UNREACHABLE, ""),
    ("PR_CONNECT_REFUSED_ERROR", PR + 19, REFUSED, ""),
    ("PR_NETWORK_UNREACHABLE_ERROR", PR + 20, UNREACHABLE, ""),
    ("PR_CONNECT_TIMEOUT_ERROR", PR + 21, TIMEOUT, ""),
    ("PR_NOT_CONNECTED_ERROR", PR + 22, RESET_RETRY, ""),
    ("PR_CONNECT_RESET_ERROR", PR + 39, RESET_RETRY, ""),
    ("PR_END_OF_FILE_ERROR", PR + 62, TLS_NETWORK_RETRY, ""),
];

// ------------------------------------------------------------------- tables as kept

/// A table as the code keeps it, one array per field, its rows sorted by their code: the
/// [`text_hash`] of each name, its code as the difference from the row before ([`row_of`]),
/// and its meaning (an index in [`MEANINGS`]). No names: a lookup compares hashes (tests check
/// that no two names of a table share one).
struct Keys<const N: usize, const B: usize> {
    names: [u32; N],
    /// Code minus the code of the row before (the first: minus 0); [`BIG_STEP`] when that
    /// difference is the next of `big`.
    steps: [u8; N],
    big: [u32; B],
    errors: [u8; N],
}
/// A row's step that stands for the next large difference.
const BIG_STEP: u8 = 255;

/// (code, name hash, meaning index, message hash) of a table's row, in the source order.
type Row = (u32, u32, u8, u32);

/// The rows, sorted by code, as kept; and the message hashes in that order. `B`: how many
/// differences are too large for a byte (compilation fails when it is not that).
const fn pack<const N: usize, const B: usize>(rows: [Row; N]) -> (Keys<N, B>, [u32; N]) {
    let mut rows = rows;
    let mut i = 0;
    while i < N {
        let mut least = i;
        let mut j = i + 1;
        while j < N {
            if rows[j].0 < rows[least].0 {
                least = j;
            }
            j += 1;
        }
        let row = rows[least];
        rows[least] = rows[i];
        rows[i] = row;
        i += 1;
    }
    let mut k = Keys {
        names: [0; N],
        steps: [0; N],
        big: [0; B],
        errors: [0; N],
    };
    let mut messages = [0; N];
    let (mut before, mut big, mut i) = (0, 0, 0);
    while i < N {
        let (code, name, error, message) = rows[i];
        let step = code - before;
        if step < BIG_STEP as u32 {
            k.steps[i] = step as u8;
        } else {
            k.steps[i] = BIG_STEP;
            k.big[big] = step;
            big += 1;
        }
        k.names[i] = name;
        k.errors[i] = error;
        messages[i] = message;
        before = code;
        i += 1;
    }
    assert!(big == B);
    (k, messages)
}

/// The first row whose code is `code`.
fn row_of(steps: &[u8], big: &[u32], code: u32) -> Option<usize> {
    let (mut at, mut next_big) = (0u32, 0);
    for (i, step) in steps.iter().enumerate() {
        if *step == BIG_STEP {
            at = at.wrapping_add(big[next_big]);
            next_big += 1;
        } else {
            at = at.wrapping_add(u32::from(*step));
        }
        if at >= code {
            return (at == code).then_some(i);
        }
    }
    None
}

const fn same(a: NetError, b: NetError) -> bool {
    a.cause as u8 == b.cause as u8
        && a.culprit as u8 == b.culprit as u8
        && a.transient == b.transient
}

/// Room for the distinct meanings of the three tables.
const ROOM: usize = 128;

/// The distinct meanings of the three tables, in order of first use, and how many.
const DISTINCT: ([NetError; ROOM], usize) = {
    let mut all = [OTHER; ROOM];
    let mut n = 0;
    let mut t = 0;
    while t < CHROMIUM_ERRORS.len() + FIREFOX_ERRORS.len() + NSS_ERRORS.len() {
        let e = if t < CHROMIUM_ERRORS.len() {
            let (_, _, cause, culprit, transient) = CHROMIUM_ERRORS[t];
            ne(cause, culprit, transient)
        } else if t < CHROMIUM_ERRORS.len() + FIREFOX_ERRORS.len() {
            let (_, _, cause, culprit, transient) = FIREFOX_ERRORS[t - CHROMIUM_ERRORS.len()];
            ne(cause, culprit, transient)
        } else {
            NSS_ERRORS[t - CHROMIUM_ERRORS.len() - FIREFOX_ERRORS.len()].2
        };
        let mut j = 0;
        while j < n && !same(all[j], e) {
            j += 1;
        }
        if j == n {
            all[n] = e;
            n += 1;
        }
        t += 1;
    }
    (all, n)
};

/// Every meaning a table row has; rows keep an index in it.
static MEANINGS: [NetError; DISTINCT.1] = {
    let mut m = [OTHER; DISTINCT.1];
    let mut i = 0;
    while i < m.len() {
        m[i] = DISTINCT.0[i];
        i += 1;
    }
    m
};

/// The index of `e` in [`MEANINGS`].
const fn meaning_index(e: NetError) -> u8 {
    let mut j = 0;
    while !same(DISTINCT.0[j], e) {
        j += 1;
    }
    j as u8
}

fn meaning(i: u8) -> NetError {
    MEANINGS[usize::from(i)]
}

/// The hash of `name` without its first `skip` bytes.
const fn hash_from(name: &str, skip: usize) -> u32 {
    text_hash(name.as_bytes().split_at(skip).1)
}

/// Chromium's rows; codes as positive numbers. The names are hashed without `ERR_`, since
/// they are also looked up without it.
static CHROMIUM: Keys<{ CHROMIUM_ERRORS.len() }, 0> = {
    let mut rows = [(0, 0, 0, 0); CHROMIUM_ERRORS.len()];
    let mut i = 0;
    while i < rows.len() {
        let (name, code, cause, culprit, transient) = CHROMIUM_ERRORS[i];
        let error = meaning_index(ne(cause, culprit, transient));
        rows[i] = ((-code) as u32, hash_from(name, 4), error, 0);
        i += 1;
    }
    pack(rows).0
};

/// Firefox's rows, by nsresult.
static FIREFOX: Keys<{ FIREFOX_ERRORS.len() }, 18> = {
    let mut rows = [(0, 0, 0, 0); FIREFOX_ERRORS.len()];
    let mut i = 0;
    while i < rows.len() {
        let (name, code, cause, culprit, transient) = FIREFOX_ERRORS[i];
        let error = meaning_index(ne(cause, culprit, transient));
        rows[i] = (code, hash_from(name, 0), error, 0);
        i += 1;
    }
    pack(rows).0
};

/// NSS's rows (codes as positive numbers), and the hash of each message in their order (0
/// for an error without one).
static NSS: (Keys<{ NSS_ERRORS.len() }, 4>, [u32; NSS_ERRORS.len()]) = {
    let mut rows = [(0, 0, 0, 0); NSS_ERRORS.len()];
    let mut i = 0;
    while i < rows.len() {
        let (name, code, error, message) = NSS_ERRORS[i];
        let message = if message.is_empty() {
            0
        } else {
            text_hash(message.as_bytes())
        };
        rows[i] = (
            (-code) as u32,
            hash_from(name, 0),
            meaning_index(error),
            message,
        );
        i += 1;
    }
    pack(rows)
};

/// Where `h` is in `hashes`; 0 is never found.
fn find(hashes: &[u32], h: u32) -> Option<usize> {
    if h == 0 {
        return None;
    }
    hashes.iter().position(|x| *x == h)
}

const fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// FNV-1a of a text as it is compared: ASCII letters in lowercase, each run of white space
/// as one space, the typographic apostrophes ‘ and ’ as ', and without white space or full
/// stops at either end.
pub const fn text_hash(b: &[u8]) -> u32 {
    let mut start = 0;
    while start < b.len() && is_space(b[start]) {
        start += 1;
    }
    let mut end = b.len();
    while end > start && (is_space(b[end - 1]) || b[end - 1] == b'.') {
        end -= 1;
    }
    let mut h: u32 = 0x811c_9dc5;
    let mut i = start;
    let mut space = false;
    while i < end {
        let mut c = b[i];
        if is_space(c) {
            space = true;
            i += 1;
            continue;
        }
        if space {
            h = (h ^ b' ' as u32).wrapping_mul(0x0100_0193);
            space = false;
        }
        if c == 0xE2 && i + 2 < end && b[i + 1] == 0x80 && (b[i + 2] == 0x98 || b[i + 2] == 0x99) {
            c = b'\'';
            i += 2;
        } else {
            c = c.to_ascii_lowercase();
        }
        h = (h ^ c as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

// ------------------------------------------------------------------------------- lookups

/// Chromium's error names (`ERR_…`), as in [`CHROMIUM_ERRORS`].
pub fn known_chromium_names() -> impl Iterator<Item = &'static str> {
    CHROMIUM_ERRORS.iter().map(|e| e.0)
}

/// Firefox's error names (`NS_…`), as in [`FIREFOX_ERRORS`].
pub fn known_firefox_names() -> impl Iterator<Item = &'static str> {
    FIREFOX_ERRORS.iter().map(|e| e.0)
}

/// The NSS and NSPR error names of [`NSS_ERRORS`].
pub fn known_nss_names() -> impl Iterator<Item = &'static str> {
    NSS_ERRORS.iter().map(|e| e.0)
}

#[cfg(test)]
fn from_chromium(e: &ChromiumEntry) -> NetError {
    ne(e.2, e.3, e.4)
}

#[cfg(test)]
fn from_firefox(e: &FirefoxEntry) -> NetError {
    ne(e.2, e.3, e.4)
}

/// A Chromium name, uppercase, without `ERR_`.
fn chromium_by_name(bare: &str) -> Option<NetError> {
    find(&CHROMIUM.names, text_hash(bare.as_bytes())).map(|i| meaning(CHROMIUM.errors[i]))
}

fn chromium_by_code(code: i32) -> NetError {
    let row = code
        .checked_neg()
        .and_then(|c| row_of(&CHROMIUM.steps, &CHROMIUM.big, u32::try_from(c).ok()?));
    if let Some(i) = row {
        return meaning(CHROMIUM.errors[i]);
    }
    // A code this table does not know yet: the ranges net_error_list.h documents.
    match code.checked_neg().unwrap_or(0) {
        200..=299 => TLS_SITE,
        300..=399 => ne(C::Other, W::Site, false),
        400..=499 => ne(C::Cache, W::Browser, false),
        700..=799 => TLS_BROWSER,
        800..=899 => ne(C::Dns, W::Network, true),
        _ => OTHER,
    }
}

/// A Firefox name, uppercase.
fn firefox_by_name(name: &str) -> Option<NetError> {
    find(&FIREFOX.names, text_hash(name.as_bytes())).map(|i| meaning(FIREFOX.errors[i]))
}

fn nss_by_name(name: &str) -> Option<NetError> {
    let k = &NSS.0;
    find(&k.names, text_hash(name.as_bytes())).map(|i| meaning(k.errors[i]))
}

/// An NSS error by its (negative) code; 0 is no code.
fn nss_by_code(code: i32) -> Option<NetError> {
    let k = &NSS.0;
    let code = u32::try_from(code.checked_neg()?)
        .ok()
        .filter(|c| *c != 0)?;
    row_of(&k.steps, &k.big, code).map(|i| meaning(k.errors[i]))
}

fn nss_by_message(text: &str) -> Option<NetError> {
    find(&NSS.1, text_hash(text.as_bytes())).map(|i| meaning(NSS.0.errors[i]))
}

/// An nsresult, as Firefox's webNavigation reports it in decimal.
fn by_nsresult(rv: u32) -> NetError {
    if let Some(i) = row_of(&FIREFOX.steps, &FIREFOX.big, rv) {
        return meaning(FIREFOX.errors[i]);
    }
    let failed = rv & 0x8000_0000 != 0;
    let module = ((rv >> 16) & 0x1FFF).wrapping_sub(0x45);
    if failed && module == SECURITY {
        // NSS errors are synthesised in the security module from -PRErrorCode.
        return nss_by_code(-((rv & 0xFFFF) as i32)).unwrap_or(TLS_SITE);
    }
    OTHER
}

/// What the parts of an unknown name (without `ERR_`, `NS_ERROR_` or `NS_`) say: the first
/// row with one of its `|`-separated parts; `^PART` is at the start, `PART$` at the end,
/// else anywhere.
const PARTS: [(&str, NetError); 11] = [
    ("^SEC_|^SSL_|^MOZILLA_PKIX_|^XP_SEC_", TLS_SITE),
    (
        "PROXY|^SOCKS_|^TUNNEL_|^PAC_",
        ne(C::Proxy, W::Proxy, false),
    ),
    ("CERT|SSL|TLS|^ECH_|^CT_", TLS_SITE),
    (
        "QUIC|HTTP2|HTTP3|SPDY|^H2_",
        ne(C::Http2Quic, W::Site, true),
    ),
    ("CACHE", ne(C::Cache, W::Browser, false)),
    ("^FILE_|^BLOB_", ne(C::File, W::Browser, false)),
    ("DNS|RESOLV|UNKNOWN_HOST", ne(C::Dns, W::Network, true)),
    ("^BLOCKED|_BLOCKED|_URI$", ne(C::Blocked, W::Unknown, false)),
    ("AUTH", ne(C::Auth, W::Unknown, false)),
    ("TIMED_OUT|TIMEOUT", TIMEOUT),
    ("CONNECTION|RESET", RESET_RETRY),
];

/// What an unknown name's parts say, since new browser versions add names.
fn by_prefix(name: &str) -> NetError {
    let body = name
        .strip_prefix("ERR_")
        .or_else(|| name.strip_prefix("NS_ERROR_"))
        .or_else(|| name.strip_prefix("NS_"))
        .unwrap_or(name);
    let has = |part: &str| match (part.strip_prefix('^'), part.strip_suffix('$')) {
        (Some(start), _) => body.starts_with(start),
        (_, Some(end)) => body.ends_with(end),
        _ => body.contains(part),
    };
    PARTS
        .iter()
        .find(|(parts, _)| parts.split('|').any(has))
        .map_or(OTHER, |(_, e)| *e)
}

// -------------------------------------------------------------------------------- parsing

use crate::text::clip;

/// `s` without `prefix`, compared without regard to ASCII case.
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

fn is_identifier(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphabetic()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

/// A name (`ERR_…`, `NS_…`, an NSS name, a Chromium name without `ERR_`), uppercase.
/// `fallback`: whether an unknown name is classified by its prefix (else `None`).
fn by_name(up: &str, fallback: bool) -> Option<NetError> {
    let found = if let Some(bare) = up.strip_prefix("ERR_") {
        chromium_by_name(bare)
    } else if up.starts_with("NS_") {
        firefox_by_name(up)
    } else {
        nss_by_name(up).or_else(|| chromium_by_name(up))
    };
    found.or_else(|| fallback.then(|| by_prefix(up)))
}

/// A number: `-105` (Chromium), `Error code 2152398861`, `2152398861` or `0x804B000D`
/// (Firefox's nsresult).
fn by_number(s: &str) -> Option<NetError> {
    let (text, nsresult) = match strip_prefix_ci(s, "error code") {
        Some(rest) => (rest.trim_start_matches([' ', ':', '\t']).trim(), true),
        None => (s, false),
    };
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || digits.len() > 20 {
        return None;
    }
    let (hex, value) = match strip_prefix_ci(digits, "0x") {
        Some(h) => (true, u64::from_str_radix(h, 16).ok()?),
        None => (false, digits.parse::<u64>().ok()?),
    };
    if negative {
        let v = i32::try_from(-i64::try_from(value).ok()?).ok()?;
        return Some(if nsresult {
            by_nsresult(v as u32)
        } else {
            chromium_by_code(v)
        });
    }
    let v = u32::try_from(value).ok()?;
    if nsresult || hex || v >= 0x8000_0000 {
        Some(by_nsresult(v))
    } else {
        Some(OTHER)
    }
}

/// `NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, SSL_ERROR_BAD_CERT_DOMAIN)`, or with
/// numbers, as Firefox names an nsresult that has no name of its own.
fn by_generated(s: &str) -> Option<NetError> {
    let (inner, failed) = if let Some(rest) = strip_prefix_ci(s, "NS_ERROR_GENERATE_FAILURE") {
        (rest, true)
    } else {
        (strip_prefix_ci(s, "NS_ERROR_GENERATE_SUCCESS")?, false)
    };
    if !failed {
        return Some(OTHER);
    }
    let inner = inner.trim().strip_prefix('(')?;
    let inner = inner.trim_end().strip_suffix(')').unwrap_or(inner);
    let (module, code) = inner.split_once(',')?;
    let (module, code) = (
        module.trim().to_ascii_uppercase(),
        code.trim().to_ascii_uppercase(),
    );
    let module = match module.strip_prefix("NS_ERROR_MODULE_") {
        Some(name) => match MODULES.iter().find(|(n, _)| *n == name) {
            Some((_, m)) => *m,
            None => return Some(OTHER),
        },
        None => u32::try_from(module.parse::<u64>().ok()?)
            .ok()
            .filter(|m| *m < 0x1000)?,
    };
    if is_identifier(&code) {
        if module == SECURITY {
            let other = || {
                if code.starts_with("PR_") {
                    by_prefix(&code)
                } else {
                    TLS_SITE
                }
            };
            return Some(nss_by_name(&code).unwrap_or_else(other));
        }
        return Some(by_name(&code, true).unwrap_or(OTHER));
    }
    // (u64 as in by_number: one parser for both)
    let n = u32::try_from(code.trim_start_matches('-').parse::<u64>().ok()?).ok()?;
    Some(by_nsresult(failure(module, n & 0xFFFF)))
}

/// Words that mark a message as a TLS or certificate problem.
const TLS_WORDS: &str =
    "certificate|ssl|tls|security|secure|cipher|handshake|ocsp|revocation|pkcs|issuer";

/// An English message: Firefox's text for an NSS error.
fn by_message(s: &str) -> NetError {
    if let Some(e) = nss_by_message(s) {
        return e;
    }
    let lower = s.to_ascii_lowercase();
    if TLS_WORDS.split('|').any(|w| lower.contains(w)) {
        return TLS_SITE;
    }
    OTHER
}

/// Classifies the error string that webRequest or webNavigation reported.
pub fn classify(error: &str) -> NetError {
    let s = clip(error, MAX_INPUT).trim();
    let s = strip_prefix_ci(s, "net::").map(str::trim).unwrap_or(s);
    if s.is_empty() {
        return OTHER;
    }
    if is_identifier(s) {
        return by_name(&s.to_ascii_uppercase(), true).unwrap_or(OTHER);
    }
    if let Some(e) = by_number(s) {
        return e;
    }
    if let Some(e) = by_generated(s) {
        return e;
    }
    // A name followed by more ("NS_ERROR_NET_RESET (0x804b0014)"): the name, when known.
    let head = s
        .split(|c: char| c.is_whitespace() || c == '(' || c == ':')
        .next()
        .unwrap_or("");
    if head.len() >= 4 && head.contains('_') && is_identifier(head) {
        if let Some(e) = by_name(&head.to_ascii_uppercase(), false) {
            return e;
        }
    }
    by_message(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_class(input: &str, want: NetError) {
        assert_eq!(classify(input), want, "input {input:?}");
    }

    fn row(cause: Cause, culprit: Culprit, transient: bool) -> NetError {
        ne(cause, culprit, transient)
    }

    #[test]
    fn tables_are_sorted_without_duplicate_names() {
        for w in CHROMIUM_ERRORS.windows(2) {
            assert!(
                w[0].0 < w[1].0,
                "CHROMIUM_ERRORS not sorted at {} / {}",
                w[0].0,
                w[1].0
            );
        }
        for w in FIREFOX_ERRORS.windows(2) {
            assert!(
                w[0].0 < w[1].0,
                "FIREFOX_ERRORS not sorted at {} / {}",
                w[0].0,
                w[1].0
            );
        }
        let mut nss: Vec<&str> = known_nss_names().collect();
        nss.sort_unstable();
        let n = nss.len();
        nss.dedup();
        assert_eq!(nss.len(), n, "duplicate NSS names");
        assert!(CHROMIUM_ERRORS.len() >= 290, "{}", CHROMIUM_ERRORS.len());
        assert!(FIREFOX_ERRORS.len() >= 190, "{}", FIREFOX_ERRORS.len());
    }

    #[test]
    fn names_are_well_formed_and_causes_are_no_response_causes() {
        for (name, code, cause, _, _) in CHROMIUM_ERRORS {
            assert!(name.starts_with("ERR_") && is_identifier(name), "{name}");
            assert!(name.bytes().all(|b| !b.is_ascii_lowercase()), "{name}");
            assert!(code < 0, "{name}");
            assert!(!cause.is_response_cause() && cause != Cause::None, "{name}");
        }
        for (name, code, cause, _, _) in FIREFOX_ERRORS {
            assert!(name.starts_with("NS_") && is_identifier(name), "{name}");
            assert!(name.bytes().all(|b| !b.is_ascii_lowercase()), "{name}");
            assert!(code & 0x8000_0000 != 0, "{name}");
            assert!(!cause.is_response_cause() && cause != Cause::None, "{name}");
        }
        for (name, _, e, _) in NSS_ERRORS {
            assert!(is_identifier(name), "{name}");
            assert!(
                !e.cause.is_response_cause() && e.cause != Cause::None,
                "{name}"
            );
            if !name.starts_with("PR_") {
                assert_eq!(e.cause, Cause::Tls, "{name}");
            }
        }
    }

    #[test]
    fn shared_codes_mean_the_same() {
        // Renamed Chromium errors keep their code; aliases in ErrorList.py share a value.
        for a in &CHROMIUM_ERRORS {
            for b in CHROMIUM_ERRORS.iter().filter(|b| b.1 == a.1) {
                assert_eq!(from_chromium(a), from_chromium(b), "{} / {}", a.0, b.0);
            }
        }
        for a in &FIREFOX_ERRORS {
            for b in FIREFOX_ERRORS.iter().filter(|b| b.1 == a.1) {
                assert_eq!(from_firefox(a), from_firefox(b), "{} / {}", a.0, b.0);
            }
        }
        let mut codes: Vec<i32> = NSS_ERRORS.iter().map(|e| e.1).filter(|c| *c != 0).collect();
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n, "duplicate NSS codes");
    }

    /// No two the same, and none is 0 (the hash [`find`] never finds).
    fn assert_distinct(what: &str, hashes: &[u32]) {
        let mut v = hashes.to_vec();
        v.sort_unstable();
        v.dedup();
        assert_eq!(v.len(), hashes.len(), "{what}: two share a hash");
        assert!(v[0] != 0, "{what}: a hash is 0");
    }

    #[test]
    fn hashes_do_not_collide() {
        assert_distinct("Chromium names", &CHROMIUM.names);
        assert_distinct("Firefox names", &FIREFOX.names);
        assert_distinct("NSS names", &NSS.0.names);
        // A name without `ERR_` is looked up among the NSS names first.
        let mut bare = CHROMIUM.names.to_vec();
        bare.extend_from_slice(&NSS.0.names);
        assert_distinct("Chromium names without ERR_ and NSS names", &bare);
        let messages: Vec<u32> = NSS.1.iter().copied().filter(|h| *h != 0).collect();
        assert_distinct("NSS messages", &messages);
        assert!(messages.len() >= 320, "{} messages", messages.len());
    }

    /// Each kept row's code, in order.
    fn codes<const N: usize, const B: usize>(k: &Keys<N, B>) -> Vec<u32> {
        let mut big = k.big.iter();
        let mut at = 0u32;
        let codes: Vec<u32> = k
            .steps
            .iter()
            .map(|s| {
                at += if *s == BIG_STEP {
                    *big.next().unwrap()
                } else {
                    u32::from(*s)
                };
                at
            })
            .collect();
        assert!(big.next().is_none());
        assert!(codes.windows(2).all(|w| w[0] <= w[1]));
        codes
    }

    /// The kept row of the name with hash `h`.
    fn kept_row(names: &[u32], h: u32) -> usize {
        names.iter().position(|x| *x == h).unwrap()
    }

    #[test]
    fn kept_tables_match_the_source_tables() {
        let kept = codes(&CHROMIUM);
        for e @ (name, code, ..) in &CHROMIUM_ERRORS {
            let i = kept_row(&CHROMIUM.names, text_hash(&name.as_bytes()[4..]));
            assert_eq!(kept[i], (-code) as u32, "{name}");
            assert_eq!(meaning(CHROMIUM.errors[i]), from_chromium(e), "{name}");
            assert_eq!(chromium_by_code(*code), from_chromium(e), "{name}");
        }
        let kept = codes(&FIREFOX);
        for e @ (name, code, ..) in &FIREFOX_ERRORS {
            let i = kept_row(&FIREFOX.names, text_hash(name.as_bytes()));
            assert_eq!(kept[i], *code, "{name}");
            assert_eq!(meaning(FIREFOX.errors[i]), from_firefox(e), "{name}");
            assert_eq!(by_nsresult(*code), from_firefox(e), "{name}");
        }
        let kept = codes(&NSS.0);
        for (name, code, error, message) in &NSS_ERRORS {
            let i = kept_row(&NSS.0.names, text_hash(name.as_bytes()));
            assert_eq!(kept[i], (-code) as u32, "{name}");
            assert_eq!(meaning(NSS.0.errors[i]), *error, "{name}");
            let m = if message.is_empty() {
                0
            } else {
                text_hash(message.as_bytes())
            };
            assert_eq!(NSS.1[i], m, "{name}");
            assert_eq!(nss_by_code(*code), (*code != 0).then_some(*error), "{name}");
        }
        assert_eq!(nss_by_code(0), None);
        assert_eq!(chromium_by_code(0), OTHER);
        assert_eq!(chromium_by_code(i32::MIN), OTHER);
    }

    #[test]
    fn every_chromium_entry_in_every_form() {
        for e @ (name, code, ..) in &CHROMIUM_ERRORS {
            let want = from_chromium(e);
            let bare = &name[4..];
            for input in [
                format!("net::{name}"),
                name.to_string(),
                format!("  {name}\n"),
                format!("NET::{}", name.to_ascii_lowercase()),
                name.to_ascii_lowercase(),
                format!("net::{bare}"),
                bare.to_string(),
                code.to_string(),
                format!("net::{code}"),
            ] {
                assert_class(&input, want);
            }
        }
    }

    #[test]
    fn every_firefox_entry_in_every_form() {
        for e @ (name, code, ..) in &FIREFOX_ERRORS {
            let want = from_firefox(e);
            for input in [
                name.to_string(),
                name.to_ascii_lowercase(),
                format!("\t{name} "),
                format!("Error code {code}"),
                format!("error code {code}"),
                format!("Error code: {code}"),
                code.to_string(),
                format!("0x{code:08X}"),
                format!("0x{code:08x}"),
                format!("Error code {}", *code as i32),
                format!("{name} (0x{code:08x})"),
            ] {
                assert_class(&input, want);
            }
            // The core errors (0x8000xxxx, 0x8007xxxx, ...) belong to no module.
            if let Some(module) = ((code >> 16) & 0x1FFF).checked_sub(0x45) {
                let generated = format!("NS_ERROR_GENERATE_FAILURE({module}, {})", code & 0xFFFF);
                assert_class(&generated, want);
            }
        }
    }

    #[test]
    fn every_nss_entry_in_every_form() {
        for (name, code, want, message) in NSS_ERRORS {
            for input in [
                name.to_string(),
                name.to_ascii_lowercase(),
                format!("NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, {name})"),
                format!("ns_error_generate_failure( ns_error_module_security ,{name} )"),
            ] {
                assert_class(&input, want);
            }
            if code != 0 {
                let rv = failure(SECURITY, (-code) as u32);
                for input in [
                    format!(
                        "NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, {})",
                        -code
                    ),
                    format!("NS_ERROR_GENERATE_FAILURE(21, {})", -code),
                    format!("Error code {rv}"),
                    format!("0x{rv:08X}"),
                ] {
                    assert_class(&input, want);
                }
            }
            if !message.is_empty() {
                for input in [
                    message.to_string(),
                    message.replace('\'', "\u{2019}"),
                    message.replace('\'', "\u{2018}"),
                    format!("  {}  ", message.to_uppercase()),
                    message.replace(' ', "  "),
                    message.trim_end_matches('.').to_string(),
                ] {
                    assert_class(&input, want);
                }
            }
        }
    }

    #[test]
    fn hand_checked() {
        use Cause::*;
        let cases: &[(&str, Cause, Culprit, bool)] = &[
            ("net::ERR_NAME_NOT_RESOLVED", Dns, W::Network, false),
            ("net::ERR_PROXY_CONNECTION_FAILED", C::Proxy, W::Proxy, true),
            ("net::ERR_CERT_DATE_INVALID", Tls, W::Site, false),
            ("net::ERR_CERT_AUTHORITY_INVALID", Tls, W::Unknown, false),
            ("net::ERR_SSL_CLIENT_AUTH_CERT_NEEDED", Tls, W::Browser, false),
            ("net::ERR_ABORTED", Aborted, W::Unknown, false),
            ("net::ERR_TOO_MANY_REDIRECTS", RedirectLoop, W::Site, false),
            ("net::ERR_CONNECTION_REFUSED", ConnectionRefused, W::Site, true),
            ("net::ERR_CONNECTION_RESET", ConnectionReset, W::Network, true),
            ("net::ERR_CONNECTION_TIMED_OUT", Timeout, W::Network, true),
            ("net::ERR_INTERNET_DISCONNECTED", Offline, W::Network, true),
            ("net::ERR_NETWORK_CHANGED", Offline, W::Network, true),
            ("net::ERR_BLOCKED_BY_CLIENT", Blocked, W::Browser, false),
            ("net::ERR_BLOCKED_BY_ADMINISTRATOR", Blocked, W::Browser, false),
            ("net::ERR_BLOCKED_BY_RESPONSE", Blocked, W::Site, false),
            ("net::ERR_BLOCKED_BY_ORB", Blocked, W::Site, false),
            ("net::ERR_EMPTY_RESPONSE", InvalidResponse, W::Site, true),
            ("net::ERR_INVALID_HTTP_RESPONSE", InvalidResponse, W::Site, false),
            ("net::ERR_RESPONSE_HEADERS_TOO_BIG", InvalidResponse, W::Browser, false),
            ("net::ERR_CONTENT_LENGTH_MISMATCH", InvalidResponse, W::Site, true),
            ("net::ERR_INCOMPLETE_CHUNKED_ENCODING", InvalidResponse, W::Site, true),
            ("net::ERR_HTTP2_PROTOCOL_ERROR", Http2Quic, W::Site, false),
            ("net::ERR_QUIC_PROTOCOL_ERROR", Http2Quic, W::Network, true),
            ("net::ERR_CACHE_MISS", Cache, W::Browser, false),
            ("net::ERR_FILE_NOT_FOUND", File, W::Browser, false),
            ("net::ERR_INVALID_URL", InvalidUrl, W::Unknown, false),
            ("net::ERR_DISALLOWED_URL_SCHEME", InvalidUrl, W::Browser, false),
            ("net::ERR_UNKNOWN_URL_SCHEME", InvalidUrl, W::Unknown, false),
            ("net::ERR_INVALID_AUTH_CREDENTIALS", Auth, W::Browser, false),
            ("net::ERR_TUNNEL_CONNECTION_FAILED", C::Proxy, W::Proxy, true),
            ("net::ERR_MANDATORY_PROXY_CONFIGURATION_FAILED", C::Proxy, W::Proxy, false),
            ("net::ERR_SOCKS_CONNECTION_FAILED", C::Proxy, W::Proxy, true),
            ("net::ERR_PAC_SCRIPT_FAILED", C::Proxy, W::Proxy, false),
            ("-105", Dns, W::Network, false),
            ("-3", Aborted, W::Unknown, false),
            ("NS_ERROR_UNKNOWN_HOST", Dns, W::Network, false),
            ("NS_ERROR_CONNECTION_REFUSED", ConnectionRefused, W::Site, true),
            ("NS_BINDING_ABORTED", Aborted, W::Unknown, false),
            ("NS_ERROR_OFFLINE", Offline, W::Network, true),
            ("NS_ERROR_NET_TIMEOUT", Timeout, W::Network, true),
            ("NS_ERROR_NET_RESET", ConnectionReset, W::Network, true),
            ("NS_ERROR_PROXY_CONNECTION_REFUSED", C::Proxy, W::Proxy, true),
            ("NS_ERROR_UNKNOWN_PROXY_HOST", C::Proxy, W::Proxy, false),
            ("NS_ERROR_REDIRECT_LOOP", RedirectLoop, W::Site, false),
            ("NS_ERROR_MALFORMED_URI", InvalidUrl, W::Unknown, false),
            ("NS_ERROR_TRACKING_URI", Blocked, W::Browser, false),
            ("NS_ERROR_PHISHING_URI", Blocked, W::Site, false),
            ("NS_ERROR_FILE_NOT_FOUND", File, W::Browser, false),
            ("NS_ERROR_DOCUMENT_NOT_CACHED", Cache, W::Browser, false),
            ("NS_ERROR_NET_HTTP3_PROTOCOL_ERROR", Http2Quic, W::Network, true),
            ("Error code 2152398861", ConnectionRefused, W::Site, true),
            ("Error code 2152398878", Dns, W::Network, false),
            ("Error code 2153390067", Tls, W::Unknown, false),
            ("Peer\u{2019}s Certificate issuer is not recognized.", Tls, W::Unknown, false),
            ("Peer's Certificate issuer is not recognized.", Tls, W::Unknown, false),
            ("Peer\u{2019}s Certificate has expired.", Tls, W::Site, false),
            ("SSL received a record that exceeded the maximum permissible length.", Tls, W::Site, false),
            ("The server presented a certificate that is not yet valid.", Tls, W::Browser, false),
            ("NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, SSL_ERROR_BAD_CERT_DOMAIN)", Tls, W::Site, false),
            ("NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, SEC_ERROR_UNKNOWN_ISSUER)", Tls, W::Unknown, false),
            ("NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, SEC_ERROR_EXPIRED_CERTIFICATE)", Tls, W::Site, false),
            ("NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, 12276)", Tls, W::Site, false),
            ("NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, PR_CONNECT_RESET_ERROR)", ConnectionReset, W::Network, true),
            ("NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, SEC_ERROR_SOMETHING_NEW)", Tls, W::Site, false),
            ("NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, 9999)", Tls, W::Site, false),
            ("SEC_ERROR_UNKNOWN_ISSUER", Tls, W::Unknown, false),
            ("MOZILLA_PKIX_ERROR_MITM_DETECTED", Tls, W::Network, false),
        ];
        for (input, cause, culprit, transient) in cases {
            assert_class(input, row(*cause, *culprit, *transient));
        }
        assert_eq!(failure(NETWORK, 13), 2_152_398_861);
        assert_eq!(failure(NETWORK, 30), 2_152_398_878);
        assert_eq!(failure(SECURITY, (-(SEC + 13)) as u32), 2_153_390_067);
    }

    #[test]
    fn unknown_names_fall_back_on_their_prefix() {
        use Cause::*;
        let cases: &[(&str, Cause)] = &[
            ("net::ERR_PROXY_SOMETHING_NEW", C::Proxy),
            ("net::ERR_SOCKS_SOMETHING_NEW", C::Proxy),
            ("net::ERR_CERT_SOMETHING_NEW", Tls),
            ("net::ERR_SSL_SOMETHING_NEW", Tls),
            ("net::ERR_QUIC_SOMETHING_NEW", Http2Quic),
            ("net::ERR_HTTP2_SOMETHING_NEW", Http2Quic),
            ("net::ERR_SPDY_PROTOCOL_ERROR", Http2Quic),
            ("net::ERR_CACHE_SOMETHING_NEW", Cache),
            ("net::ERR_FILE_SOMETHING_NEW", File),
            ("net::ERR_DNS_SOMETHING_NEW", Dns),
            ("net::ERR_BLOCKED_BY_SOMETHING_NEW", Blocked),
            ("net::ERR_SOMETHING_TIMED_OUT", Timeout),
            ("net::ERR_SOMETHING_NEW", Other),
            ("NS_ERROR_PROXY_SOMETHING_NEW", C::Proxy),
            ("NS_ERROR_FILE_SOMETHING_NEW", File),
            ("NS_ERROR_CACHE_SOMETHING_NEW", Cache),
            ("NS_ERROR_SOMETHING_NEW_URI", Blocked),
            ("NS_ERROR_SOMETHING_NEW", Other),
            ("SSL_ERROR_SOMETHING_NEW", Tls),
            ("-299", Tls),
            ("-899", Dns),
            ("-9999", Other),
        ];
        for (input, cause) in cases {
            assert_eq!(classify(input).cause, *cause, "input {input:?}");
        }
        assert_eq!(
            classify("net::ERR_PROXY_SOMETHING_NEW").culprit,
            Culprit::Proxy
        );
    }

    #[test]
    fn messages_without_a_table_row() {
        assert_eq!(
            classify("Some new certificate problem we have no text for").cause,
            Cause::Tls
        );
        assert_eq!(classify("An unexpected TLS alert").cause, Cause::Tls);
        assert_eq!(classify("Something else went wrong").cause, Cause::Other);
    }

    #[test]
    fn odd_input_never_panics() {
        let long = "x".repeat(1 << 20);
        let long_name = format!("net::ERR_{}", "A".repeat(10_000));
        let split = format!("{}\u{2019}{}", "a".repeat(MAX_INPUT - 1), "b".repeat(10));
        for input in [
            "",
            "   ",
            "\n\t",
            "net::",
            "net:: ",
            "ERR_",
            "NS_",
            "-",
            "+",
            "0x",
            "-0",
            "0",
            "Error code",
            "Error code ",
            "Error code -",
            "Error code 99999999999999999999",
            "Error code 4294967296",
            "Error code -2147483649",
            "-99999999999",
            "-2147483648",
            "NS_ERROR_GENERATE_FAILURE",
            "NS_ERROR_GENERATE_FAILURE(",
            "NS_ERROR_GENERATE_FAILURE()",
            "NS_ERROR_GENERATE_FAILURE(,)",
            "NS_ERROR_GENERATE_FAILURE(99999999999, 1)",
            "NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, -)",
            "NS_ERROR_GENERATE_SUCCESS(NS_ERROR_MODULE_SECURITY, 1)",
            "\u{2019}",
            "\u{e2}\u{80}",
            "ÿÿÿ",
            "日本語のエラー",
            "\0\0\0",
            &long,
            &long_name,
            &split,
        ] {
            let _ = classify(input);
        }
        assert_eq!(classify(""), OTHER);
        assert_eq!(classify(&long), OTHER);
    }

    #[test]
    fn text_hash_normalises() {
        let h = |s: &str| text_hash(s.as_bytes());
        assert_eq!(h("Peer\u{2019}s  Certificate.\n"), h("peer's certificate"));
        assert_eq!(h(" a\tb "), h("A B"));
        assert_ne!(h("ab"), h("a b"));
        assert_eq!(h(""), h(" . "));
    }

    proptest::proptest! {
        #[test]
        fn any_string_classifies(s in ".{0,700}") {
            let e = classify(&s);
            proptest::prop_assert!(!e.cause.is_response_cause());
        }

        #[test]
        fn any_prefixed_string_classifies(s in "(net::|NS_ERROR_GENERATE_FAILURE\\(|Error code |-|0x)[ -~]{0,40}") {
            let e = classify(&s);
            proptest::prop_assert!(e.cause != Cause::None);
        }
    }
}
