//! Status pages: a curated list for widely used services, else a `status.<registrable
//! domain>` guess.

use crate::domain;
use crate::text::concat;

/// (registrable domain, status page). Several domains may share one page.
const CURATED: &[(&str, &str)] = &[
    ("github.com", "https://www.githubstatus.com/"),
    ("github.io", "https://www.githubstatus.com/"),
    ("githubusercontent.com", "https://www.githubstatus.com/"),
    ("reddit.com", "https://www.redditstatus.com/"),
    ("gitlab.com", "https://status.gitlab.com/"),
    ("slack.com", "https://slack-status.com/"),
    ("discord.com", "https://discordstatus.com/"),
    ("discord.gg", "https://discordstatus.com/"),
    ("zoom.us", "https://status.zoom.us/"),
    ("dropbox.com", "https://status.dropbox.com/"),
    ("atlassian.net", "https://status.atlassian.com/"),
    ("atlassian.com", "https://status.atlassian.com/"),
    ("bitbucket.org", "https://bitbucket.status.atlassian.com/"),
    ("cloudflare.com", "https://www.cloudflarestatus.com/"),
    ("openai.com", "https://status.openai.com/"),
    ("chatgpt.com", "https://status.openai.com/"),
    ("anthropic.com", "https://status.anthropic.com/"),
    ("claude.ai", "https://status.anthropic.com/"),
    ("npmjs.com", "https://status.npmjs.org/"),
    ("npmjs.org", "https://status.npmjs.org/"),
    ("heroku.com", "https://status.heroku.com/"),
    ("herokuapp.com", "https://status.heroku.com/"),
    ("vercel.com", "https://www.vercel-status.com/"),
    ("vercel.app", "https://www.vercel-status.com/"),
    ("netlify.com", "https://www.netlifystatus.com/"),
    ("netlify.app", "https://www.netlifystatus.com/"),
    ("digitalocean.com", "https://status.digitalocean.com/"),
    ("stripe.com", "https://status.stripe.com/"),
    ("paypal.com", "https://www.paypal-status.com/"),
    ("shopify.com", "https://www.shopifystatus.com/"),
    ("myshopify.com", "https://www.shopifystatus.com/"),
    ("figma.com", "https://status.figma.com/"),
    ("docker.com", "https://www.dockerstatus.com/"),
    ("wikipedia.org", "https://www.wikimediastatus.net/"),
    ("wikimedia.org", "https://www.wikimediastatus.net/"),
    ("google.com", "https://www.google.com/appsstatus/dashboard/"),
    ("office.com", "https://status.cloud.microsoft/"),
    ("outlook.com", "https://status.cloud.microsoft/"),
    ("live.com", "https://status.cloud.microsoft/"),
    (
        "amazonaws.com",
        "https://health.aws.amazon.com/health/status",
    ),
];

/// A status page for `host`: (URL, whether it is only a guess). `None` for hosts that are
/// not public names.
pub fn status_page(host: &str) -> Option<(String, bool)> {
    if !domain::is_public_host(host) {
        return None;
    }
    let reg = domain::registrable_domain(host);
    // the platform suffix itself ("me.github.io" → "github.io") also counts
    let suffix = domain::public_suffix(host);
    for (d, url) in CURATED {
        if reg == *d || suffix == *d {
            return Some((url.to_string(), false));
        }
    }
    Some((concat(&["https://status.", reg, "/"]), true))
}

/// The status page of the platform or CDN a gateway id names.
/// (A Heroku error page may be Heroku's fault, not the app's.) Each gateway's record
/// (`gateway::RECORDS`) holds its status page.
pub fn platform_status_page(gateway_id: &str) -> Option<&'static str> {
    crate::gateway::status_page(gateway_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_pages() {
        assert_eq!(
            platform_status_page("github-pages"),
            Some("https://www.githubstatus.com/")
        );
        assert_eq!(
            platform_status_page("aws-elb"),
            Some("https://health.aws.amazon.com/health/status")
        );
        for id in ["nginx", "", "@cloudflare", "github.com"] {
            assert_eq!(platform_status_page(id), None, "{id}");
        }
    }

    #[test]
    fn curated_and_guessed() {
        assert_eq!(
            status_page("github.com").unwrap(),
            ("https://www.githubstatus.com/".to_string(), false)
        );
        assert_eq!(
            status_page("old.reddit.com").unwrap().0,
            "https://www.redditstatus.com/"
        );
        assert_eq!(
            status_page("me.github.io").unwrap().0,
            "https://www.githubstatus.com/"
        );
        assert_eq!(
            status_page("shop.example.co.uk").unwrap(),
            ("https://status.example.co.uk/".to_string(), true)
        );
        assert_eq!(status_page("localhost"), None);
        assert_eq!(status_page("10.1.1.1"), None);
    }
}
