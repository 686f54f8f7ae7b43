//! The catalog's shape: every group and field, declared once. Each language's file
//! (`en.rs`, `fr.rs`) fills all of them; the compiler refuses a missing one.
//!
//! Layers: `language` and `typo` (how the language writes), `words` (domain values),
//! `errors` and `hints` (the core's data in words), `csv`, `cli` (the command line), then
//! the app, grouped by screen.

use crate::{Plural, S};

catalog! {
    /// The language itself, and the page's title.
    language: Language {
        /// BCP 47 tag (`en`): the catalog's key.
        tag: S,
        /// The browser tab's title, also the default name of a saved PDF.
        page_title: S,
        /// The title on the report screen: `{name}` is the assessment's name.
        report_page_title: S,
    }
    /// How numbers, dates, ranges and labels are written.
    typo: Typo {
        /// The decimal mark.
        decimal_mark: S,
        /// A percentage: `{n}` is the number.
        percent: S,
        /// A range: `{lower}` and `{upper}`.
        range: S,
        /// A label and its value.
        label_value: S,
        /// The colon after a label, with the space before it that the language wants.
        colon: S,
        /// A value that changed: `{old}` and `{new}`.
        change: S,
        /// A value that did not change: `{value}`.
        unchanged: S,
        /// Quoted text: `{text}`.
        quote: S,
        /// Between the items of a list.
        list_separator: S,
        /// Between clauses of one line (`A; B`).
        clause_separator: S,
        /// Stands for a missing value.
        dash: S,
        /// Month names, January first.
        months: [S; 12],
        /// A date: `{day}`, `{month}`, `{year}`.
        date: S,
        /// A day of the month: `{d}`.
        day: S,
        /// The first day of a month.
        first_day: S,
        /// The hours of the language's clock: `12` (1 to 12, twice a day) or `24` (0 to 23).
        hour_cycle: S,
        /// A time of day before noon, and from noon: `{h}` (the hour on that clock) and
        /// `{mm}` (the minutes, two digits).
        time_of_day: [S; 2],
    }
    /// Domain values: shared by the app, the report, the CSV and the command line.
    words: Words {
        /// A criterion answered with a rung.
        answered: S,
        /// A criterion answered "I don't know".
        unknown: S,
        /// A criterion with no answer yet.
        unanswered: S,
        /// The "I don't know" answer.
        dont_know: S,
        /// A rung by its index: `{n}`.
        rung: S,
        level_declared: S,
        level_documented: S,
        level_audited: S,
        level_tested: S,
        sens_low: S,
        sens_moderate: S,
        sens_high: S,
        sens_critical: S,
        weights_framework: S,
        weights_calculator: S,
        /// Custom weights: `{values}` is "15/10/…".
        weights_custom: S,
        agg_weakest: S,
        agg_mean: S,
        snc_met: S,
        snc_partly: S,
        snc_not_met: S,
        snc_unknown: S,
        snc_na: S,
        decision_approve: S,
        decision_conditions: S,
        decision_reject: S,
        /// The parts of an answer that can change (diff).
        field_choice: S,
        field_note: S,
        field_source: S,
        field_evidence_level: S,
        field_valid_until: S,
        /// No SecNumCloud stage recorded.
        stage_not_recorded: S,
        /// No expert override.
        no_override: S,
        /// An overridden objective: `{objective}`.
        overridden_objective: S,
    }
    /// The exchange format's errors (the core's `Problem`, `SyntaxDetail`, `JsonKind`) and
    /// the other errors of files and values.
    errors: Errors {
        /// An error at a place in a file: `{path}`, `{message}`.
        at_path: S,
        /// `{size}` bytes, `{max}` MiB.
        too_large: S,
        empty: S,
        /// `{line}`, `{column}`, `{detail}`.
        syntax: S,
        /// `{line}`, `{column}`.
        truncated: S,
        too_deep: S,
        /// `{kind}`: what the file holds.
        not_an_object: S,
        list_not_allowed: S,
        missing_version: S,
        /// `{version}`.
        unsupported_version: S,
        /// `{version}`, `{max}`.
        newer_version: S,
        no_assessment: S,
        /// `{name}`.
        unknown_field: S,
        /// `{name}`.
        missing_field: S,
        /// `{key}`.
        duplicate_key: S,
        /// `{expected}`, `{found}`.
        wrong_type: S,
        /// `{found}`, `{expected}`.
        unknown_variant: S,
        /// `{date}`.
        invalid_date: S,
        /// `{id}`, `{count}`, `{first}`, `{last}`.
        unknown_criterion: S,
        /// `{id}`.
        unknown_objective: S,
        /// `{id}`.
        unknown_snc_criterion: S,
        /// `{rung}`, `{max}`.
        rung_out_of_range: S,
        /// `{n}`.
        seal_out_of_range: S,
        rung_and_unknown: S,
        justification_required: S,
        /// `{sum}`.
        weights_sum: S,
        /// `{objective}`.
        missing_weight: S,
        /// `{name}`.
        unknown_weights: S,
        /// `{id}`.
        duplicate_id: S,
        /// `{model}`.
        repeated_service_model: S,
        /// `{id}`.
        unknown_question: S,
        rung_on_due_diligence: S,
        unknown_on_due_diligence: S,
        valid_until_on_due_diligence: S,
        /// `{key}`.
        unknown_plan_key: S,
        /// `{subject}`.
        unknown_log_subject: S,
        /// `{n}`, `{max}`.
        too_many_approvers: S,
        /// `{n}`, `{max}`.
        too_many_log_entries: S,
        /// `{n}`, `{max}`.
        too_many_assessments: S,
        /// `{n}`, `{max}`.
        text_too_long: S,
        /// An error the format does not name more precisely.
        other: S,
        syntax_expected_value: S,
        syntax_key_must_be_string: S,
        syntax_trailing_characters: S,
        syntax_trailing_comma: S,
        syntax_expected_comma_or_brace: S,
        syntax_expected_comma_or_bracket: S,
        syntax_expected_colon: S,
        syntax_invalid_escape: S,
        syntax_invalid_number: S,
        syntax_number_out_of_range: S,
        syntax_control_character: S,
        syntax_invalid_code_point: S,
        syntax_invalid_unicode_escape: S,
        syntax_invalid_utf8: S,
        syntax_other: S,
        kind_small_whole_number: S,
        kind_whole_number: S,
        kind_text: S,
        kind_bool: S,
        kind_object: S,
        kind_list: S,
        kind_null: S,
        kind_number: S,
        kind_weight_profile: S,
        kind_v0_answer: S,
        /// `{value}`.
        kind_text_value: S,
        /// `{value}`.
        kind_number_value: S,
        kind_other: S,
        /// `{min}`, `{n}`.
        compare_too_few: Plural,
        /// `{max}`, `{n}`.
        compare_too_many: Plural,
        /// A file that could not be read: `{reason}`.
        cannot_read: S,
        no_such_file: S,
        permission_denied: S,
        is_directory: S,
        io_other: S,
        fingerprint_empty: S,
        /// `{char}`.
        fingerprint_not_hex: S,
        /// `{n}`.
        fingerprint_length: S,
        crypto_wrong_passphrase: S,
        crypto_unsupported: S,
        crypto_unavailable: S,
    }
    /// Consistency hints and evidence warnings (the core's `Hint` and `Warning`).
    hints: Hints {
        /// `{rung}`.
        qualified_data_outside_eu: S,
        /// `{rung}`.
        capital_caps_but_foreign_control: S,
        /// `{rung}`.
        eu_administration_but_foreign_operations: S,
        eu_contract_but_foreign_law: S,
        /// `{objective}`, `{level}`, `{criteria}`.
        override_differs: S,
        /// `{criterion}`, `{date}`.
        evidence_expired: S,
        qualification_lapsed: S,
        /// `{date}`.
        audit_overdue: S,
        audit_date_missing: S,
    }
    /// The answers as CSV.
    csv: Csv {
        /// Between cells: a comma in English, a semicolon where spreadsheets read the comma
        /// as the decimal mark.
        separator: S,
        headers: [S; 10],
    }
    /// The command line.
    cli: Cli {
        /// The usage text.
        usage: S,
        missing_command: S,
        no_file: S,
        /// `{name}`.
        unknown_command: S,
        json_only_score: S,
        /// `{tag}`, `{tags}`.
        unknown_language: S,
        /// `{option}`.
        unknown_option: S,
        /// `{option}`.
        missing_value: S,
        /// `{option}`.
        unexpected_value: S,
        /// `{command}`, `{n}`.
        takes_one_file: Plural,
        /// `{command}`, `{n}`.
        takes_two_files: Plural,
        /// `verify` without its fingerprint.
        no_fingerprint: S,
        /// The name of `verify`'s fingerprint argument, as the usage writes it.
        fingerprint_arg: S,
        /// `{n}` assessments in a file that must hold one.
        one_assessment_only: Plural,
        /// `ok ({n} assessments)`.
        valid: Plural,
        /// The score table's headers: file, provider, offer, SEAL, score, target, the counts
        /// (answered / unknown / unanswered), binding criteria, capped by.
        headers: [S; 9],
        /// Under the table when a binding criterion is open.
        open_footnote: S,
        /// `{what}` changed, in the diff.
        evidence_changed: S,
        seal_with_this_change: S,
        no_difference: S,
        override_label: S,
        justification_changed: S,
        weights_label: S,
        aggregation_label: S,
        stage_label: S,
        score_label: S,
    }
    /// The accessibility statement, from `docs/ACCESSIBILITY.md`.
    accessibility: Accessibility {
        /// The statement: `## ` headings, `- ` items, paragraphs.
        statement: S,
    }
    shell: Shell {
        tagline: S,
        language: S,
        skip_to_content: S,
        accessibility_link: S,
        footer: S,
        /// A language's words could not be loaded: `{language}` is its name.
        lang_load_failed: S,
        /// The product name in the header, a link home: what it leads to.
        home_link: S,
        /// An address naming an assessment or a step this browser does not have.
        unknown_link: S,
    }
    common: Common {
        next: S,
        back: S,
        not_set: S,
        yes: S,
        no: S,
        save: S,
        cancel: S,
        dismiss: S,
        none: S,
        working: S,
        export: S,
        open: S,
    }
    start: Start {
        title: S,
        what: S,
        privacy_title: S,
        privacy: S,
        wipe_hint: S,
        new_assessment: S,
        resume: S,
        open_compare: S,
        open_verify: S,
    }
    workspace: Workspace {
        title: S,
        empty: S,
        drop_hint: S,
        import: S,
        export_all: S,
        export_this: S,
        duplicate: S,
        rename: S,
        delete: S,
        new_name: S,
        untitled: S,
        /// The title of a copy: `{name}` is the original's.
        copy_title: S,
        last_modified: S,
        confirm_delete: S,
        delete_for_good: S,
        wipe_all: S,
        confirm_wipe: S,
        wipe_for_good: S,
        wiped: S,
    }
    import: Import {
        imported: Plural,
        failed: S,
        read_error: S,
        cancelled: S,
        conflict_question: S,
        conflict_help: S,
        replace: S,
        keep_both: S,
        encrypted_prompt: S,
        passphrase: S,
        passphrase_repeat: S,
        decrypt: S,
        export_encrypted: S,
        encrypt_help: S,
        encrypt_download: S,
        passphrase_short: S,
        passphrase_mismatch: S,
        encrypted_in_batch: S,
        encrypted_done: S,
    }
    /// The exchange documents of many hands: questionnaire and response errors (the core's
    /// `Problem`s for them, `LandingError`), shared by the app and the command line.
    exchange: Exchange {
        /// `{id}`.
        unknown_step: S,
        /// `{id}`.
        repeated_scope_id: S,
        empty_scope: S,
        /// `{id}`.
        outside_scope: S,
        /// `{n}`, `{max}`.
        too_many_questionnaires: S,
        /// A response for another assessment: `{found}`, `{expected}`.
        other_assessment: S,
        /// `{id}`.
        unknown_questionnaire: S,
        /// A landing answer outside the recorded scope: `{id}`.
        outside_sent_scope: S,
        kind_assessment: S,
        kind_workspace: S,
        kind_questionnaire: S,
        kind_response: S,
        /// A file of the wrong kind for the command: `{kind}`.
        not_an_assessment: S,
        /// The file a response belongs to is not in this browser: `{id}`.
        no_matching_assessment: S,
        /// A questionnaire dropped with other files, or responses with assessments.
        mixed_files: S,
    }
    /// Preparing a questionnaire from an assessment (the CISO's side).
    questionnaire: Questionnaire {
        open: S,
        title: S,
        intro: S,
        respondent_name: S,
        role: S,
        scope_legend: S,
        questions_legend: S,
        steps_legend: S,
        criteria_legend: S,
        message: S,
        reply_by: S,
        share_legend: S,
        share_none: S,
        share_answers: S,
        share_notes: S,
        /// `{n}`: criteria covered.
        covers: Plural,
        download: S,
        download_encrypted: S,
        empty_scope: S,
        no_respondent: S,
        done: S,
        sent_title: S,
        sent_none: S,
        col_id: S,
        col_respondent: S,
        col_covers: S,
        col_sent: S,
        col_reply_by: S,
        land: S,
    }
    /// Answering a questionnaire (the respondent's side).
    respond: Respond {
        title: S,
        intro: S,
        about: S,
        from: S,
        reply_by: S,
        message: S,
        your_name: S,
        your_role: S,
        provider_answer: S,
        provider_answer_help: S,
        current_answer: S,
        current_note: S,
        /// `{n}` answered of `{total}`.
        progress: S,
        export: S,
        export_encrypted: S,
        /// `{from}`: who to send it to.
        exported: S,
        kept_locally: S,
        resume_title: S,
        resume: S,
        forget: S,
        done: S,
    }
    /// Landing responses in an assessment (conflicts side by side).
    landing: Landing {
        title: S,
        intro: S,
        source: S,
        respondent: S,
        answered: S,
        questionnaire: S,
        /// `{n}` items filled.
        filled: Plural,
        /// `{n}` items confirmed.
        confirmed: Plural,
        /// `{n}` conflicts.
        conflicts: Plural,
        filled_title: S,
        confirmed_title: S,
        conflicts_title: S,
        ours: S,
        theirs: S,
        keep: S,
        take: S,
        unknown: S,
        decision: S,
        why: S,
        accepted_by: S,
        confirm: S,
        /// `{n}` conflicts not decided yet.
        undecided: Plural,
        already: S,
        /// `{n}` items.
        landed: Plural,
        cancel: S,
        cancelled: S,
        no_answer: S,
    }
    /// Who gave an answer and who accepted it (report, landing, comparison).
    provenance: Provenance {
        title: S,
        /// A respondent and their role: `{name}`, `{role}`.
        respondent: S,
        declared: S,
        /// `{name}`.
        answered_by: S,
        /// `{name}`, `{role}`.
        answered_by_role: S,
        /// `{what}`, `{date}`.
        on: S,
        /// `{name}`.
        accepted_by: S,
        role_provider: S,
        role_legal: S,
        role_architecture: S,
        role_purchasing: S,
        role_security: S,
        role_other: S,
        /// The diff's name for a change of provenance.
        field: S,
        /// The comparison: `{n}` answers resting on the provider's declaration alone.
        declared_count: Plural,
        /// The report's section of the provider's answers to the due-diligence questions.
        dd_title: S,
        dd_question: S,
        /// The diff: an answer that rests only on the provider's word, or no longer does.
        became_declared: S,
        became_verified: S,
    }
    /// The decision log (report annex and landing).
    log: Log {
        title: S,
        intro: S,
        col_when: S,
        col_who: S,
        col_what: S,
        col_why: S,
        /// `{source}`.
        landed: S,
        /// `{subject}`, `{answer}`.
        filled: S,
        /// `{subject}`, `{answer}`.
        confirmed: S,
        /// `{subject}`, `{kept}`, `{other}`.
        conflict_kept: S,
        /// `{subject}`, `{kept}`, `{other}`.
        conflict_taken: S,
        /// `{subject}`, `{kept}`, `{other}`.
        conflict_unknown: S,
        /// `{subject}`.
        tab_conflict: S,
        /// A criterion's answer quoted in the log with its note: `{answer}`, `{note}`.
        with_note: S,
        /// An answer quoted in the log with who gave it: `{answer}`, `{respondent}`.
        given_by: S,
        /// When an entry was recorded (sovcheck records in UTC): `{date}`, `{time}`.
        at_utc: S,
    }
    /// `sovcheck merge` and reading encrypted files on the command line.
    merge: Merge {
        /// `{file}`, `{what}`.
        summary: S,
        /// `{n}`.
        filled: Plural,
        /// `{n}`.
        confirmed: Plural,
        /// `{n}`.
        conflicts: Plural,
        nothing_new: S,
        /// `{subject}`, `{ours}`, `{theirs}`.
        conflict: S,
        /// A valid questionnaire or response: `{kind}`.
        valid_kind: S,
        /// `{file}`.
        written: S,
        out_required: S,
        out_only_merge: S,
        no_response: S,
        /// `{file}`.
        passphrase_prompt: S,
        passphrase_needed: S,
        passphrase_empty: S,
        crypto_wrong_passphrase: S,
        crypto_unsupported: S,
    }
    /// What start-up found in storage.
    storage: Storage {
        /// Entries that could not be read and were set aside at start-up: `{n}`.
        set_aside: Plural,
        /// Storage cannot be used at all.
        unavailable: S,
    }
    /// Saving: the quiet "saved" indicator, what could not be saved, and how full storage is.
    saving: Saving {
        /// After a change was saved: `{time}`.
        saved: S,
        /// Changes storage refused for lack of room: `{n}` assessments, `{names}`.
        not_saved_full: Plural,
        /// Changes the browser refused to store: `{n}`, `{names}`.
        not_saved_refused: Plural,
        /// The indicator when a change could not be saved.
        not_saved_short: S,
        /// The button that exports everything not saved, as one file.
        export_unsaved: S,
        /// Storage near its limit: `{percent}`, `{used}` and `{total}` (millions of characters).
        usage: S,
        /// An import that cannot be stored: `{needed}` and `{free}` (percent of the browser's
        /// storage), `{total}` (millions of characters).
        import_too_big: S,
    }
    /// Saved data that could not be read, listed on the start screen until deleted.
    kept: Kept {
        title: S,
        intro: S,
        /// One entry: `{when}`.
        entry: S,
        /// The label before why it could not be read.
        why: S,
        /// An entry that could not be copied aside (no room) and stays under its own key.
        left_in_place: S,
        download: S,
        delete: S,
        confirm_delete: S,
        delete_for_good: S,
        /// In the wipe's confirmation: `{n}` entries set aside go too.
        wipe_also: Plural,
    }
    /// Two tabs of sovcheck: what another tab changed meanwhile.
    tabs: Tabs {
        /// A field changed in both tabs: `{field}` of `{name}`.
        conflict: S,
        conflict_help: S,
        /// The value saved by the other tab.
        theirs: S,
        /// The value this tab had.
        mine: S,
        keep_theirs: S,
        keep_mine: S,
        /// `{name}`.
        deleted_elsewhere: S,
        /// `{name}`.
        kept_after_delete: S,
        /// `{name}`.
        not_deleted: S,
        wiped_elsewhere: S,
        /// Labels of fields no form names yet (or names as a question).
        field_title: S,
        field_answer: S,
        field_received: S,
        field_provenance: S,
        field_override: S,
        field_qualified_on: S,
        field_expires_on: S,
        field_certificate: S,
        field_status: S,
        field_plan_owner: S,
        field_plan_due: S,
        field_plan_status: S,
        plan_planned: S,
        plan_in_progress: S,
        plan_done: S,
        /// A part of an answer: `{id}`, `{part}`.
        part: S,
    }
    /// Files refused for their encoding or their kind, before their content is read.
    files: Files {
        utf16: S,
        /// `{line}`, `{column}`.
        not_utf8: S,
        encrypted: S,
        /// Why a path cannot be read: not a regular file.
        not_regular: S,
    }
    walk: Walk {
        steps_nav: S,
        pager_nav: S,
        step_context: S,
        step_secnumcloud: S,
        step_results: S,
        state_answered: S,
        state_unknown: S,
        state_open: S,
        dont_know: S,
        why_it_matters: S,
        good_answer: S,
        snc_clauses: S,
        /// The provider's answer to a due-diligence question, on its step.
        provider_answer_title: S,
        provider_answer_help: S,
        provider_answer: S,
        received: S,
        /// The evidence level and date received of the provider's answer, folded.
        provider_answer_more: S,
        /// The SecNumCloud facts a question establishes, shown on its step.
        facts_title: S,
        facts_help: S,
        /// The in-step progress: `{done}` of `{total}` criteria answered.
        step_progress: Plural,
        /// Above a criterion: `{n}` of `{total}`.
        criterion_of: S,
        /// A folded criterion's SEAL: `{seal}`.
        grants: S,
        /// The button unfolding an answered criterion.
        change: S,
        /// Its accessible name: `{id}`.
        change_of: S,
        /// Folds an unfolded answered criterion again.
        fold: S,
        fold_of: S,
        /// "I don't know" for every criterion of the step still open.
        all_unknown: S,
    }
    evidence: Evidence {
        title: S,
        /// A criterion's evidence beyond its note and source, folded: level and validity.
        more: S,
        note: S,
        source: S,
        level: S,
        valid_until: S,
        expired: S,
    }
    estimate: Estimate {
        title: S,
        seal_label: S,
        score_label: S,
        binding_title: S,
        binding_none: S,
        open_suffix: S,
        /// The compact estimate kept in view while answering on a small screen.
        compact_label: S,
    }
    context: Context {
        provider: S,
        offer: S,
        service_model: S,
        assessor: S,
        date: S,
        sensitivity: S,
        target_seal: S,
        weights: S,
        aggregation: S,
        intro: S,
        title_label: S,
    }
    snc: Snc {
        stage: S,
        version: S,
        models: S,
        scope: S,
        composition: S,
        composition_base: S,
        last_audit: S,
        /// Bulk actions on the requirements.
        bulk_title: S,
        all_met: S,
        all_met_help: S,
        all_unknown: S,
        /// A pillar's count: `{n}` of `{total}` requirements set.
        pillar_set: Plural,
        /// A requirement's note: `{clause}`.
        note_of: S,
    }
    results: Results {
        intro: S,
        objective: S,
        weight: S,
        open_criteria: S,
        calculator_reading: S,
        calculator_reading_help: S,
        label_not_seal_title: S,
        open_q_title: S,
        open_q_none: S,
        open_q_heading: S,
        /// In the questions for the provider: the due-diligence questions not answered yet.
        dd_unanswered_heading: S,
        copy_questions: S,
        copied: S,
        snc_coverage_title: S,
        pillar: S,
        unanswered: S,
        hints_title: S,
        radar_title: S,
        lower_bound: S,
        upper_bound: S,
    }
    /// The verdict: the counts, both ends of the range and why, the target, the
    /// plain-language summary, and the sign-off against the target (`verdict.rs`).
    verdict: VerdictWords {
        /// `{total}` criteria: `{answered}`, `{unknown}`, `{unanswered}` (each from the
        /// plurals below).
        counts: S,
        /// `{n}` criteria answered with a level.
        answered_n: Plural,
        /// `{n}` criteria answered "I don't know".
        unknown_n: Plural,
        /// `{n}` criteria not answered yet.
        unanswered_n: Plural,
        /// The target's verdict: `{target}`, `{verdict}` (one of the three words below).
        target_verdict: S,
        /// The lower end reaches the target.
        met: S,
        /// The upper end is below the target.
        not_met: S,
        /// It depends on open answers.
        undecided: S,
        no_target: S,
        /// The explanation of a met target: `{target}`.
        target_met_why: S,
        /// The explanation of a target not met: `{target}`, `{upper}`.
        target_not_met_why: S,
        /// The same when no question is open: `{target}`, `{seal}`.
        target_met_exact: S,
        /// The same when no question is open: `{target}`, `{seal}`.
        target_not_met_exact: S,
        /// Undecided under the weakest link: `{target}`, `{n}` deciding criteria.
        target_undecided_why: Plural,
        /// Undecided under the weighted mean (a sufficient set): `{target}`, `{n}`.
        target_undecided_mean_why: Plural,
        /// A deciding criterion: `{criterion}` (id and title), `{answer}` (the least
        /// rung's label), `{rung}`, `{seal}`.
        decider: S,
        /// Low end, any one of them: `{lower}`, `{n}`.
        low_end_any: Plural,
        /// Low end, all of them together (weighted mean): `{lower}`, `{n}`.
        low_end_together: Plural,
        /// An open criterion of the low end whose worst answer grants the lower end:
        /// `{criterion}`, `{state}`.
        low_end_item: S,
        /// An open criterion of the low end whose worst answer grants another level (its
        /// objective's, under the weighted mean): `{criterion}`, `{state}`, `{worst}`.
        low_end_item_worst: S,
        /// The best case is capped: `{upper}`.
        capped_at: S,
        /// The range is one level, set by the answers below: `{seal}`.
        set_at: S,
        /// Nothing caps the best case.
        not_capped: S,
        /// An answer that caps: `{criterion}`, `{answer}`, `{rung}`, `{seal}`.
        cap_answer: S,
        /// An override that caps: `{objective}` (id and name), `{seal}`.
        cap_override: S,
        /// The section that explains the range.
        basis_title: S,
        /// The plain-language summary's heading.
        summary_title: S,
        /// Summary, what is known, by the answered count: `{answered}` (a number),
        /// `{total}`, `{unknown}`, `{unanswered}` (count phrases).
        summary_known: Plural,
        /// Summary, exact result: `{seal}`, `{name}`.
        summary_exact: S,
        /// Summary, a range whose low end any one open question gives: `{range}`,
        /// `{lower}`, `{n}`.
        summary_range_any: Plural,
        /// Summary, a range whose low end takes open questions together: `{range}`,
        /// `{lower}`, `{n}`.
        summary_range_together: Plural,
        /// Summary, the best case capped by answers: `{upper}`, `{n}`, `{ids}`.
        summary_capped_answers: Plural,
        /// Summary, the best case capped by expert overrides: `{upper}`, `{n}`, `{ids}`.
        summary_capped_overrides: Plural,
        /// Summary, the best case capped by answers and overrides: `{upper}`, `{n}`, `{ids}`.
        summary_capped_mixed: S,
        /// Summary, the exact level set by answers or overrides: `{seal}`, `{ids}`.
        summary_set_by: S,
        /// Summary, nothing caps the best case.
        summary_not_capped: S,
        /// Summary, no target.
        summary_no_target: S,
        /// Summary, target met: `{target}`.
        summary_target_met: S,
        /// Summary, target not met: `{target}`, `{upper}`, `{n}` answers to change.
        summary_target_not_met: Plural,
        /// Summary, target met with no question open: `{target}`.
        summary_target_met_exact: S,
        /// Summary, target not met with no question open: `{target}`, `{n}` answers below.
        summary_target_not_met_exact: Plural,
        /// Summary, target not met by overrides alone: `{target}`, `{upper}`.
        summary_target_not_met_bare: S,
        /// Summary, target undecided: `{target}`, `{n}` deciding open questions.
        summary_target_undecided: Plural,
        /// Summary, answers resting on the provider's declaration only: `{n}`.
        summary_declared: Plural,
        /// Why a perfect offer reads more than 100 %: `{max}`.
        perfect_score: S,
        /// The question that opens [`VerdictWords::perfect_score`].
        perfect_score_why: S,
        /// The answer table's SEAL column.
        seal_column: S,
        /// The SEAL of an open criterion in the answer table.
        open_seal: S,
        /// The mark on an answer that holds the low end.
        mark_low: S,
        /// The mark on an answer that caps the best case.
        mark_high: S,
        /// The legend of [`VerdictWords::mark_low`]: `{mark}`, `{lower}`.
        legend_low: S,
        /// The legend of [`VerdictWords::mark_high`]: `{mark}`, `{upper}`.
        legend_high: S,
        /// A least answer in a few words: `{criterion}` (id), `{rung}`.
        least_short: S,
        /// The command line's note on an undecided target: `{file}`, `{target}`, `{verdict}`,
        /// `{answers}` (least answers).
        cli_deciding: S,
        /// The target verdict printed beside the decision.
        signoff_target: S,
        /// Printed when approving against a target not met: `{decision}`, `{target}`.
        approved_not_met: S,
        /// Printed when approving while the target is undecided: `{decision}`, `{target}`.
        approved_undecided: S,
        /// The editor's requirement on the residual risks when approving against a target
        /// not met: `{target}`.
        acceptance_required_not_met: S,
        /// The same, the target undecided: `{target}`.
        acceptance_required_undecided: S,
    }
    /// The action plan (`verdict.rs`), on the results and in the report.
    plan: PlanWords {
        title: S,
        intro: S,
        ask_title: S,
        ask_intro: S,
        ask_none: S,
        change_title: S,
        /// `{target}`.
        change_intro: S,
        /// `{target}`.
        change_none: S,
        change_no_target: S,
        /// A declared-only answer: `{answer}`.
        declared: S,
        /// An answer below the target: `{answer}`, `{seal}`.
        below: S,
        /// The least answer reaching the target: `{answer}`, `{rung}`.
        least: S,
        /// No answer on the criterion reaches the target: `{target}`.
        unreachable: S,
        /// An override below the target: `{seal}`.
        override_below: S,
        /// At stake on an open criterion: `{levels}`, `{points}`.
        stake_open: S,
        /// At stake on a declared answer: `{levels}`, `{points}`.
        stake_declared: S,
        /// At stake, in the report's column: `{levels}`, `{points}`.
        stake_short: S,
        /// Gained by reaching the target: `{levels}`, `{points}`.
        stake_change: S,
        /// `{n}` SEAL levels.
        levels: Plural,
        /// `{n}` points of the score (a decimal).
        points: Plural,
        /// `{n}` points, in the report's column (a decimal).
        points_short: Plural,
        owner: S,
        due: S,
        status: S,
        status_planned: S,
        status_in_progress: S,
        status_done: S,
        /// The report's columns: action, state or answer, at stake, follow-up (owner, due
        /// date, status).
        columns: [S; 4],
        /// The accessible name of one action's controls: `{id}`.
        controls_of: S,
        /// In the questions for the provider: the answers to confirm with evidence.
        confirm_heading: S,
    }
    /// The SecNumCloud record in the report.
    snc_record: SncRecord {
        qualified_on: S,
        expires_on: S,
        certificate: S,
        requirements_title: S,
        /// The columns: requirement, status, note.
        columns: [S; 3],
        /// `{n}` requirements recorded, `{total}` in all.
        recorded: Plural,
        none_recorded: S,
        /// The qualification's expiry has passed: `{date}`.
        expired: S,
        /// The warning: `{date}`.
        expired_warning: S,
    }
    overrides: Overrides {
        title: S,
        intro: S,
        level: S,
        none: S,
        justification: S,
        justification_required: S,
        overridden: S,
        overrides_none: S,
    }
    report: Report {
        open_report: S,
        kicker: S,
        print: S,
        export_html: S,
        export_csv: S,
        content_version: S,
        printed_on: S,
        non_official: S,
        summary_title: S,
        answers_title: S,
        criterion: S,
        answer: S,
        method_title: S,
        method_text: S,
        sources: S,
        fingerprint_label: S,
    }
    signoff: Signoff {
        title: S,
        intro: S,
        decision: S,
        rationale: S,
        residual_risks: S,
        conditions: S,
        approvers: S,
        approver_name: S,
        approver_role: S,
        approver_date: S,
        signature: S,
        add_approver: S,
        remove_approver: S,
        next_review: S,
        edit_title: S,
    }
    compare: Compare {
        title: S,
        intro: S,
        pick_legend: S,
        picked: S,
        print: S,
        table_caption: S,
        corner: S,
        overall_seal: S,
        snc_stage: S,
        mixed_rules: S,
        diff_title: S,
        diff_intro: S,
        diff_old: S,
        diff_new: S,
        diff_none: S,
        diff_same: S,
        summary: S,
        diff_caption: S,
        col_criterion: S,
        col_before: S,
        col_after: S,
        col_fields: S,
        col_effect: S,
        no_answer_change: S,
        other_changes: S,
        overall: S,
        no_effect: S,
        justification: S,
        printed_on: S,
        offer: S,
        completeness_answered: S,
        completeness_unknown: S,
        completeness_unanswered: S,
        target_row: S,
        target_cell: S,
        mark_best: S,
        mark_tied: S,
        mark_equal: S,
        marks_legend: S,
        diff_first: S,
        diff_second: S,
        diff_intro_offers: S,
        moving_only: S,
        moving_help: S,
        shown: S,
        changes_n: Plural,
        changes_of: Plural,
        none_moving: S,
    }
    verify: Verify {
        title: S,
        intro: S,
        expected_label: S,
        expected_help: S,
        file_title: S,
        pick: S,
        drop_hint: S,
        file_name: S,
        file_sha: S,
        assessment_fp: S,
        expected_value: S,
        matched: S,
        content_matched: S,
        content_matched_in: S,
        mismatch: S,
        not_sovcheck: S,
        /// A report (PDF) checked instead of the assessment file.
        report_pdf: S,
        /// A report (HTML) checked instead of the assessment file.
        report_html: S,
        bad_fingerprint: S,
        waiting_file: S,
        waiting_fingerprint: S,
        reading: S,
    }
}
