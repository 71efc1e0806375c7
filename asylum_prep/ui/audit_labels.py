"""What each entry of the activity log says it was, in the reader's language.

The log stores a short code per entry (`AuditEvent.action`: "section_request_changes",
"declaration_edit", ...) so that it stays the same whatever language the app speaks; the
screens that show the log (Administration, a case's activity) show these labels instead.
Every code the app writes has one: tests/unit/ui/test_audit_labels.py reads the codes out of
the source and out of a store the services wrote to. A code an older version wrote and this
one no longer does still reads as a sentence, with the code in brackets.
"""

from __future__ import annotations

from asylum_prep.errors import N_
from asylum_prep.i18n import Translator

ACTION_LABELS: dict[str, str] = {
    # signing in and accounts
    "sign_in": N_("Signed in"),
    "sign_in_failed": N_("Failed sign-in"),
    "sign_in_refused": N_("Sign-in was refused"),
    "sign_in_resumed": N_("Signed in again from a saved session"),
    "session_start": N_("Started a session in a browser"),
    "sign_out": N_("Signed out"),
    "password_change": N_("Changed their password"),
    "password_reset": N_("Reset an account's password"),
    "user_create": N_("Created an account"),
    "user_deactivate": N_("Deactivated an account"),
    "user_reactivate": N_("Reactivated an account"),
    "user_unlock": N_("Unlocked an account"),
    "oidc_link": N_("Linked an account to single sign-on"),
    "oidc_unlink": N_("Unlinked an account from single sign-on"),
    "invite_create": N_("Created an invite code"),
    "invite_redeem": N_("Joined with an invite code"),
    "invite_refused": N_("Failed to join with an invite code"),
    # cases
    "case_create": N_("Created the case"),
    "case_list": N_("Viewed the list of cases"),
    "case_view": N_("Opened the case"),
    "case_save": N_("Saved answers"),
    "case_rename": N_("Renamed the case"),
    "case_status": N_("Changed the case's status"),
    "case_delete": N_("Deleted the case"),
    "case_export": N_("Exported the case"),
    "case_import": N_("Imported the case"),
    "case_search": N_("Searched the case"),
    "history_view": N_("Viewed the case's version history"),
    "version_view": N_("Viewed an earlier version of the case"),
    "case_restore": N_("Restored an earlier version of the case"),
    "member_add": N_("Added a team member to the case"),
    "member_remove": N_("Removed a team member from the case"),
    "deadline_list": N_("Viewed the filing deadlines"),
    # review and comments
    "section_submit": N_("Sent a part for review"),
    "section_request_changes": N_("Asked for a change to a part"),
    "section_approve": N_("Approved a part"),
    "review_items_view": N_("Viewed the list of what needs review"),
    "answer_history_view": N_("Viewed an answer's history"),
    "comment_add": N_("Added a comment"),
    "comment_resolve": N_("Marked a comment as done"),
    "comment_translate": N_("Translated a comment"),
    # translations of the answers and the exhibits
    "answer_language_set": N_("Set the language of the answers"),
    "translations_view": N_("Viewed the translations of the answers"),
    "translation_save": N_("Saved the translation of an answer"),
    "exhibit_translations_view": N_("Viewed the translations of the exhibits"),
    "exhibit_translation_save": N_("Saved the translation of an exhibit"),
    # legal checks
    "check_run": N_("Ran the legal checks"),
    "element_link": N_("Linked an answer to a legal element"),
    "element_unlink": N_("Unlinked an answer from a legal element"),
    "element_judgment": N_("Recorded a judgment on a legal element"),
    "judgment_history_view": N_("Viewed the earlier judgments on a legal element"),
    "flag_dismiss": N_("Dismissed a flag"),
    "flag_restore": N_("Showed a dismissed flag again"),
    # documents and exhibits
    "evidence_add": N_("Added a document"),
    "evidence_replace": N_("Replaced a document's file"),
    "evidence_stored": N_("Stored an uploaded file"),
    "evidence_refused": N_("Uploaded a file that was refused"),
    "evidence_list": N_("Viewed the list of documents"),
    "evidence_get": N_("Opened a document's file"),
    "evidence_edit": N_("Edited a document's details"),
    "evidence_remove": N_("Removed a document"),
    "evidence_rendition": N_("Stored printable copies of documents"),
    "evidence_ocr": N_("Saved the text read from a document"),
    "ocr_queued": N_("Asked for the text of scanned pages to be read"),
    "ocr_done": N_("Read the text of scanned pages"),
    "ocr_text_view": N_("Viewed the text read from a document"),
    "exhibits_order": N_("Changed the order of the exhibits"),
    "exhibits_include": N_("Put a document in or out of the exhibit packet"),
    "exhibits_tab": N_("Changed an exhibit's tab"),
    "exhibits_settings": N_("Changed the exhibit settings"),
    "render": N_("Made a document from the case"),
    "render_packet": N_("Built the exhibit packet"),
    "filing_set": N_("Changed the filing details"),
    "form_details_set": N_("Changed the Form I-589 details"),
    "form_import": N_("Imported an official form"),
    # the declaration
    "declaration_view": N_("Viewed the declaration"),
    "declaration_history": N_("Viewed the declaration's history"),
    "declaration_diff": N_("Compared versions of the declaration"),
    "declaration_queue": N_("Viewed the declaration's paragraphs to translate"),
    "declaration_edit": N_("Edited a paragraph of the declaration"),
    "declaration_keep": N_("Kept a paragraph's wording after its answers changed"),
    "declaration_merge": N_("Joined two paragraphs of the declaration"),
    "declaration_split": N_("Split a paragraph of the declaration"),
    "declaration_move": N_("Moved a paragraph of the declaration"),
    "declaration_add": N_("Added a paragraph to the declaration"),
    "declaration_take": N_("Added a paragraph from new answers to the declaration"),
    "declaration_delete": N_("Deleted a paragraph of the declaration"),
    "declaration_restore": N_("Restored an earlier version of the declaration"),
    "declaration_translate": N_("Translated a paragraph of the declaration"),
    "declaration_confirm_paragraph": N_("Confirmed a paragraph of the declaration"),
    "declaration_confirm": N_("Confirmed the declaration"),
    "declaration_question": N_("Asked a question about the declaration"),
    "declaration_resolve": N_("Marked a question about the declaration as answered"),
    # the country library
    "coi_import": N_("Imported country reports"),
    "coi_search": N_("Searched the country library"),
    "coi_edit": N_("Edited a country report's details"),
    "coi_delete": N_("Deleted a country report"),
    "coi_suggest": N_("Viewed suggested passages"),
    "coi_cite": N_("Cited a passage of a country report"),
    "coi_uncite": N_("Removed a citation of a country report"),
    "coi_reject": N_("Marked a suggested passage as not relevant"),
    # administration and the log itself
    "backup": N_("Made a backup"),
    "key_rotate": N_("Replaced the master encryption key"),
    "audit_view": N_("Viewed the activity log"),
    "audit_verify": N_("Checked the activity log for changes"),
    "audit_checkpoint": N_("Saved a checkpoint of the activity log"),
    "audit_sealed": N_("Sealed the earlier entries of the activity log"),
}

OTHER = N_("Other activity ({code})")


def action_label(t: Translator, action: str) -> str:
    """The entry's action in the reader's words; a code without a label keeps its code."""
    label = ACTION_LABELS.get(action)
    return t(label) if label else t(OTHER, code=action)
