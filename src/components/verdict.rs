//! The verdict as the results and the report show it: the plain-language summary, the target
//! judged, and what each end of the range rests on. The words come from
//! `sovcheck_text::verdict`; the data from `sovcheck_core::verdict`. On the results an item
//! is a link to its step; in the report it is text.

use crate::components::estimate::walk_index_of;
use sovcheck_core::evaluate::Evaluation;
use sovcheck_core::verdict::{TargetVerdict, Verdict};
use sovcheck_core::{Assessment, Lang};
use sovcheck_text::texts;
use std::rc::Rc;
use yew::prelude::*;

/// `text` cut into pieces, each `(kept, piece)`: the SEAL range `range` and every `SEAL-N`
/// are kept on one line (a range or a level broken after its hyphen reads as two things).
pub fn pieces<'a>(text: &'a str, range: &str) -> Vec<(bool, &'a str)> {
    let mut out = Vec::new();
    let (mut start, mut at) = (0, 0);
    while let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        let level = rest
            .strip_prefix("SEAL-")
            .and_then(|r| r.chars().next())
            .filter(char::is_ascii_digit)
            .map(|_| "SEAL-0".len());
        let take = if !range.is_empty() && rest.starts_with(range) {
            Some(range.len())
        } else {
            level
        };
        match take {
            Some(n) => {
                if let Some(plain) = text.get(start..at).filter(|p| !p.is_empty()) {
                    out.push((false, plain));
                }
                out.extend(text.get(at..at + n).map(|kept| (true, kept)));
                at += n;
                start = at;
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    if let Some(plain) = text.get(start..).filter(|p| !p.is_empty()) {
        out.push((false, plain));
    }
    out
}

/// `text` with its ranges and levels kept on one line (see [`pieces`]).
pub fn unbroken(text: &str, range: &str) -> Html {
    pieces(text, range)
        .into_iter()
        .map(|(kept, piece)| {
            if kept {
                html! { <span class="nowrap">{ piece.to_owned() }</span> }
            } else {
                html! { { piece.to_owned() } }
            }
        })
        .collect::<Html>()
}

/// The CSS class and `data-verdict` of a target verdict (`none` without a target).
pub fn verdict_id(v: &Verdict) -> &'static str {
    v.target.as_ref().map_or("none", |t| t.verdict.id())
}

/// An item that names a criterion: a link to its step when `onjump` is given and the
/// criterion has one, else its text.
fn item(text: String, id: &'static str, onjump: &Option<Callback<usize>>) -> Html {
    match (onjump, walk_index_of(id)) {
        (Some(cb), Some(i)) => {
            let cb = cb.clone();
            html! { <button type="button" class="link" onclick={Callback::from(move |_| cb.emit(i))}>{ unbroken(&text, "") }</button> }
        }
        _ => unbroken(&text, ""),
    }
}

/// Props of [`Summary`].
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub assessment: Rc<Assessment>,
    pub ev: Rc<Evaluation>,
    pub verdict: Rc<Verdict>,
    pub lang: Lang,
    /// `data-testid` of the block.
    pub testid: AttrValue,
}

/// The plain-language summary (three to five sentences) and the counts.
#[function_component(Summary)]
pub fn summary(p: &SummaryProps) -> Html {
    let t = texts(p.lang);
    let sentences = t.summary(&p.assessment, &p.ev, &p.verdict).join(" ");
    let range = t.seal_range(p.verdict.seal);
    html! {
        <div class="plain" data-testid={p.testid.clone()}>
            <p class="plain-text">{ unbroken(&sentences, &range) }</p>
        </div>
    }
}

/// Props of [`Counts`].
#[derive(Properties, PartialEq)]
pub struct CountsProps {
    pub ev: Rc<Evaluation>,
    pub lang: Lang,
    pub testid: AttrValue,
}

/// `48 criteria: 27 answered, 21 unknown, 0 unanswered`, with the numbers as data.
#[function_component(Counts)]
pub fn counts(p: &CountsProps) -> Html {
    html! {
        <p class="counts" data-testid={p.testid.clone()} data-answered={p.ev.answered.to_string()}
            data-unknown={p.ev.unknown.to_string()} data-unanswered={p.ev.unanswered.to_string()}>
            { texts(p.lang).counts(&p.ev) }
        </p>
    }
}

/// Props of [`TargetBlock`] and [`Basis`].
#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    pub verdict: Rc<Verdict>,
    pub lang: Lang,
    /// Goes to a walk step (results); `None` prints plain text (report).
    #[prop_or_default]
    pub onjump: Option<Callback<usize>>,
}

/// The target judged: met, not met or undecided, why, and when undecided the open criteria
/// that decide it with the least answer each.
#[function_component(TargetBlock)]
pub fn target_block(p: &VerdictProps) -> Html {
    let t = texts(p.lang);
    let v = &p.verdict;
    let Some(target) = v.target.as_ref() else {
        return html! {
            <div class="target none" data-testid="target-verdict" data-verdict="none">
                <p class="verdict-line">{ t.target_verdict(None) }</p>
            </div>
        };
    };
    let class = classes!("target", target.verdict.id());
    html! {
        <div {class} data-testid="target-verdict" data-verdict={target.verdict.id()}
            data-target={target.seal.level().to_string()}>
            <p class="verdict-line"><strong>{ unbroken(&t.target_verdict(Some(target)), "") }</strong></p>
            <p>{ unbroken(&t.target_why(v, target), "") }</p>
            if let TargetVerdict::Undecided { deciding } = &target.verdict {
                <ul class="deciding">
                    { for deciding.iter().map(|d| html! {
                        <li data-testid={format!("decide-{}", d.criterion)}>
                            { item(t.decider(d), d.criterion, &p.onjump) }
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// What each end of the range rests on: the open questions behind the low end, and the
/// answers and overrides that cap the best case, each with its title, answer and SEAL.
#[function_component(Basis)]
pub fn basis(p: &VerdictProps) -> Html {
    let t = texts(p.lang);
    let v = &p.verdict;
    let low: Vec<_> = v
        .open
        .iter()
        .filter(|o| v.low_end.criteria().contains(&o.criterion))
        .collect();
    html! {
        <div class="basis">
            if let Some(heading) = t.low_end_heading(v) {
                <div class="end low-end" data-testid="low-end" data-kind={v.low_end.id()}>
                    <p class="end-lead"><strong>{ unbroken(&heading, "") }</strong></p>
                    <ul>
                        { for low.iter().map(|o| html! {
                            <li data-testid={format!("low-end-{}", o.criterion)}>
                                { item(t.low_end_item(o, v.seal.lower), o.criterion, &p.onjump) }
                            </li>
                        }) }
                    </ul>
                </div>
            }
            <div class="end high-end" data-testid="capped-by" data-upper={v.seal.upper.level().to_string()}>
                <p class="end-lead"><strong>{ unbroken(&t.cap_heading(v), "") }</strong></p>
                if !v.capped_by.is_empty() {
                    <ul>
                        { for v.capped_by.iter().map(|c| html! {
                            <li data-testid={format!("cap-{}", c.id())}>{ item(t.cap(c), c.id(), &p.onjump) }</li>
                        }) }
                    </ul>
                }
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_levels_stay_on_one_line() {
        assert_eq!(
            pieces(
                "A range, SEAL-0 to SEAL-1: at best SEAL-1.",
                "SEAL-0 to SEAL-1"
            ),
            [
                (false, "A range, "),
                (true, "SEAL-0 to SEAL-1"),
                (false, ": at best "),
                (true, "SEAL-1"),
                (false, "."),
            ]
        );
        assert_eq!(pieces("SEAL-x é SEAL-", ""), [(false, "SEAL-x é SEAL-")]);
        assert_eq!(pieces("SEAL-4", ""), [(true, "SEAL-4")]);
        assert_eq!(pieces("", "SEAL-0"), []);
    }
}
