//! The decision log as a report annex: every response landed and every conflict decided,
//! oldest first, with who, when, what and why. The log is append-only (the core only adds
//! to it); this only shows it.

use sovcheck_core::model::LogEntry;
use sovcheck_core::Lang;
use sovcheck_text::texts;
use yew::prelude::*;

/// Props of [`LogAnnex`].
#[derive(Properties, PartialEq)]
pub struct LogAnnexProps {
    pub log: Vec<LogEntry>,
    pub lang: Lang,
}

/// The annex (`data-testid="log-annex"`, one `log-entry` row per entry, with `data-event`).
/// An assessment that never landed anything has no annex: the report stays as long as it
/// was.
#[function_component(LogAnnex)]
pub fn log_annex(p: &LogAnnexProps) -> Html {
    if p.log.is_empty() {
        return html! {};
    }
    let t = texts(p.lang);
    let l = &t.log;
    // The time as recorded (RFC 3339, which sovcheck writes in UTC): the date as the format
    // writes it (short and sortable in a table), the time, and its zone.
    let when = |at: &str| {
        let date = at.get(..10).and_then(sovcheck_core::model::Date::parse);
        match (date, at.get(11..16)) {
            (Some(d), Some(hm)) if at.ends_with('Z') => {
                sovcheck_text::fill(l.at_utc, &[("date", &d), ("time", &hm)])
            }
            (Some(d), _) => d.to_string(),
            _ => t.or_dash(at),
        }
    };
    html! {
        <section class="block log-annex" data-testid="log-annex">
            <h2>{ l.title }</h2>
            <p>{ l.intro }</p>
            <table class="log">
                    <thead><tr>
                        <th scope="col">{ l.col_when }</th><th scope="col">{ l.col_who }</th>
                        <th scope="col">{ l.col_what }</th><th scope="col">{ l.col_why }</th>
                    </tr></thead>
                    <tbody>
                    { for p.log.iter().map(|e| html! {
                        <tr data-testid="log-entry" data-event={e.event.id()}>
                            <td>{ when(&e.at) }</td>
                            <td>{ t.or_dash(&e.by) }</td>
                            <td class="prose">{ t.log_entry(e) }</td>
                            <td class="prose">{ e.why.clone() }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
        </section>
    }
}
