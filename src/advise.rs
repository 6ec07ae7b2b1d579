//! `advise`: the troubleshooting guide's steps, most useful first, for one diagnosis.

use crate::model::{Action, Advice, Diagnosis, Environment, Message, Param, Params, Step};

fn step(id: &str, action: Option<Action>) -> Step {
    Step { id: id.into(), params: Params::new(), action }
}

pub fn advise(d: &Diagnosis, _env: &Environment) -> Advice {
    let mut params = Params::new();
    if let Some(s) = d.status_code {
        params.insert("status".into(), Param::Text(s.to_string()));
    }
    if let Some(g) = &d.gateway {
        params.insert("gateway".into(), Param::Text(g.name.clone()));
    }
    let key = format!("summary_{}", d.cause.as_str().replace('-', "_"));
    let mut steps = vec![step("retry", Some(Action::Retry)), step("incognito", Some(Action::OpenIncognito))];
    if !d.safe_to_retry {
        steps[0].params.insert("resubmits".into(), Param::Flag(true));
    }
    steps.push(step("wait", None));
    Advice { summary: Message { key, params }, steps }
}
