//! The tables of [`super`]: every error name the browsers report, with its meaning. Kept apart
//! from the packing and the parsing so the data reads as data.

use super::NetError;
use crate::model::{Cause, Cause as C, Culprit, Culprit as W};

pub(super) const fn ne(cause: Cause, culprit: Culprit, transient: bool) -> NetError {
    NetError {
        cause,
        culprit,
        transient,
    }
}

/// What nothing more specific is known about.
pub(super) const OTHER: NetError = ne(C::Other, W::Unknown, false);
pub(super) const TLS_SITE: NetError = ne(C::Tls, W::Site, false);
pub(super) const TLS_SITE_RETRY: NetError = ne(C::Tls, W::Site, true);
pub(super) const TLS_UNKNOWN: NetError = ne(C::Tls, W::Unknown, false);
pub(super) const TLS_BROWSER: NetError = ne(C::Tls, W::Browser, false);
pub(super) const TLS_NETWORK: NetError = ne(C::Tls, W::Network, false);
pub(super) const TLS_NETWORK_RETRY: NetError = ne(C::Tls, W::Network, true);
pub(super) const RESET_RETRY: NetError = ne(C::ConnectionReset, W::Network, true);
pub(super) const REFUSED: NetError = ne(C::ConnectionRefused, W::Site, true);
pub(super) const UNREACHABLE: NetError = ne(C::Unreachable, W::Network, true);
pub(super) const TIMEOUT: NetError = ne(C::Timeout, W::Network, true);

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
pub(super) const BASE: u32 = 2;
pub(super) const NETWORK: u32 = 6;
pub(super) const FILES: u32 = 13;
pub(super) const DOM: u32 = 14;
pub(super) const SECURITY: u32 = 21;
pub(super) const URILOADER: u32 = 24;
pub(super) const CONTENT: u32 = 25;
pub(super) const GENERAL: u32 = 51;

/// The modules above by name (`NS_ERROR_MODULE_…`).
pub(super) const MODULES: [(&str, u32); 8] = [
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

mod nss;
pub use nss::*;
