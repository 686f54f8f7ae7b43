//! One module per command.
pub(crate) mod diff;
pub(crate) mod fingerprint;
pub(crate) mod merge;
pub(crate) mod score;
pub(crate) mod validate;
pub(crate) mod verify;

use std::process::ExitCode;

/// Exit status 0 when everything was valid, 1 otherwise.
pub(crate) fn exit(all_valid: bool) -> ExitCode {
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
