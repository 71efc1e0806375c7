"""Session-state keys, in one place. Pages and tests refer to these constants, never to literals.

Two kinds: app state (who is signed in, the language, the open case) and widget keys (every
widget has a stable `key=` so tests find it and Streamlit keeps its value across reruns).
"""

from __future__ import annotations

# --- app state -----------------------------------------------------------------------------
ACTOR = "ap_actor"  # services.actor.Actor of the signed-in user, or absent
LANG = "ap_lang"  # language code of this session
LANG_CHOSEN = "ap_lang_chosen"  # True once the person picked a language in this session
LAST_ACTIVITY = "ap_last_activity"  # time.time() of the last page run while signed in
ACCOUNT_ASKED = "ap_account_asked"  # time.monotonic() the account's state was last read
PAGE_SHOWN = "ap_page_shown"  # URL path of the page the last run showed (navigation.run)
PAGE_VISIT = "ap_page_visit"  # number of the current page visit: +1 on each change of page
MENU_PAGES = "ap_menu_pages"  # (what the menu depends on, {page id: st.Page}) kept
CASE_VIEW_AUDITED = "ap_case_view_audited"  # (case id, visit) the dashboard last audited
CASE_ID = "ap_case_id"  # the case open on the dashboard / in the applicant's pages
DISCREET = "ap_discreet"  # discreet mode: neutral title, no word "asylum" on screen
FLASH = "ap_flash"  # (template, params) shown once on the next page, e.g. why you were signed out
QUICK_EXIT = "ap_quick_exit"  # set after the quick exit cleared everything: only a blank page
PENDING_PAGE = "ap_pending_page"  # page id to switch to on the next run (after sign-in/join)
PENDING_CASE = "ap_pending_case"  # the case a deep link named, opened after sign-in
CASE_PARAM = "case"  # query parameter: a team member's case page names its case, /case?case=<id>
INVITE_SHOWN = "ap_invite_shown"  # (case_id, code): a fresh invite code, shown until dismissed
VIEW_VERSION = "ap_view_version"  # (case_id, version) the attorney is looking at in history
OIDC_NOTICE = "ap_oidc_notice"  # internal: OIDC sign-in could not be matched to an account
OIDC_SESSION = "ap_oidc_session"  # True when this app session was started by single sign-on
SESSION_TOKEN = "ap_session_token"  # noqa: S105 - the key of this browser's session token
SESSION_TOUCHED = "ap_session_touched"  # time.time() the stored session was last kept alive
RESUME_TRIED = "ap_resume_tried"  # the cookie token already tried in this browser session
COOKIE_OPS = "ap_cookie_ops"  # cookies the next drawn page sets or clears
DEVICE_READ = "ap_device_read"  # True once the device's language and discreet cookies were read
DEVICE_LANG = "ap_device_lang"  # the language code the device's cookie holds (as far as known)
DEVICE_DISCREET = "ap_device_discreet"  # discreet mode as the device's cookie holds it

# --- widgets: chrome (every page) -------------------------------------------------------------
W_LANG = "w_lang"
W_DISCREET = "w_discreet"
W_QUICK_EXIT = "w_quick_exit"

# --- widgets: first-run setup ---------------------------------------------------------------
W_SETUP_USER = "w_setup_user"
W_SETUP_NAME = "w_setup_name"
W_SETUP_PASSWORD = "w_setup_password"  # noqa: S105 (a widget key)
W_SETUP_PASSWORD2 = "w_setup_password2"  # noqa: S105 (a widget key)
W_SETUP_SUBMIT = "w_setup_submit"

# --- widgets: sign-in -----------------------------------------------------------------------
W_SIGNIN_USER = "w_signin_user"
W_SIGNIN_PASSWORD = "w_signin_password"  # noqa: S105 (a widget key)
W_SIGNIN_SUBMIT = "w_signin_submit"
W_SIGNIN_OIDC = "w_signin_oidc"
W_SIGNIN_OIDC_OUT = "w_signin_oidc_out"  # after a refused single sign-on: st.logout()

# --- widgets: join with invite code ---------------------------------------------------------
W_JOIN_CODE = "w_join_code"
W_JOIN_PASSWORD = "w_join_password"  # noqa: S105 (a widget key)
W_JOIN_PASSWORD2 = "w_join_password2"  # noqa: S105 (a widget key)
W_JOIN_SUBMIT = "w_join_submit"
W_WELCOME_START = "w_welcome_start"

# --- widgets: case list ---------------------------------------------------------------------
W_CASES_SEARCH = "w_cases_search"
W_CASES_STATUS = "w_cases_status"
W_CASES_SORT = "w_cases_sort"
W_CASE_NEW_TITLE = "w_case_new_title"
W_CASE_NEW_JURIS = "w_case_new_juris"
W_CASE_NEW_SUBMIT = "w_case_new_submit"
W_CASE_NEW_SAMPLE = "w_case_new_sample"  # create the fictional sample case
W_CASE_OPEN_PREFIX = "w_case_open_"  # + case id

# --- widgets: case dashboard ----------------------------------------------------------------
W_MEMBER_USER = "w_member_user"
W_MEMBER_ROLE = "w_member_role"
W_MEMBER_SUBMIT = "w_member_submit"
W_MEMBER_REMOVE_PICK = "w_member_remove_pick"
W_MEMBER_REMOVE_SUBMIT = "w_member_remove_submit"
W_INVITE_CREATE = "w_invite_create"
W_INVITE_DISMISS = "w_invite_dismiss"
W_VERSION_PICK = "w_version_pick"
W_VERSION_VIEW = "w_version_view"
W_VERSION_RESTORE = "w_version_restore"
W_STATUS_PICK = "w_status_pick"
W_STATUS_SUBMIT = "w_status_submit"
W_RENAME_TITLE = "w_rename_title"
W_RENAME_SUBMIT = "w_rename_submit"
W_DELETE_CONFIRM = "w_delete_confirm"
W_DELETE_SUBMIT = "w_delete_submit"

# --- widgets: applicant home ----------------------------------------------------------------
W_APPLICANT_CONTINUE = "w_applicant_continue"

# --- widgets: admin -------------------------------------------------------------------------
W_ADMIN_USER = "w_admin_user"
W_ADMIN_NAME = "w_admin_name"
W_ADMIN_ROLE = "w_admin_role"
W_ADMIN_PASSWORD = "w_admin_password"  # noqa: S105 (a widget key)
W_ADMIN_PASSWORD2 = "w_admin_password2"  # noqa: S105 (a widget key)
W_ADMIN_SUBMIT = "w_admin_submit"

# --- widgets: account -----------------------------------------------------------------------
W_SIGN_OUT = "w_sign_out"
W_TOP_SIGN_OUT = "w_top_sign_out"  # the sign-out at the top of every signed-in page
W_PW_OLD = "w_pw_old"
W_PW_NEW = "w_pw_new"
W_PW_NEW2 = "w_pw_new2"
W_PW_SUBMIT = "w_pw_submit"
W_SHOW_HISTORY = "w_show_history"
W_SHOW_AUDIT = "w_show_audit"
W_ADMIN_SHOW_AUDIT = "w_admin_show_audit"
W_ADMIN_VERIFY_AUDIT = "w_admin_verify_audit"
W_ADMIN_SSO_USER = "w_admin_sso_user"  # single sign-on: which staff account
W_ADMIN_SSO_ISSUER = "w_admin_sso_issuer"
W_ADMIN_SSO_SUBJECT = "w_admin_sso_subject"
W_ADMIN_SSO_LINK = "w_admin_sso_link"
W_ADMIN_SSO_UNLINK = "w_admin_sso_unlink"
W_ADMIN_MANAGE_USER = "w_admin_manage_user"  # deactivate / reactivate / unlock / reset
W_ADMIN_DEACTIVATE = "w_admin_deactivate"
W_ADMIN_REACTIVATE = "w_admin_reactivate"
W_ADMIN_UNLOCK = "w_admin_unlock"
W_ADMIN_RESET = "w_admin_reset"
W_ADMIN_RESET_DISMISS = "w_admin_reset_dismiss"
ADMIN_RESET_SHOWN = "ap_admin_reset_shown"  # (user name, temporary password) until dismissed
HISTORY_NOTICE = "ap_history_notice"  # (kind, text) after a restore attempt

# --- wizard ("Your story") and review (wizard engineer) --------------------------------------
WIZARD_POS = "ap_wizard_pos"  # {"<case>:<user>": flow.to_state(Position)}: where each user is
WIZARD_BASE = "ap_wizard_base"  # {"<case>": version the wizard screen was drawn from}
WIZARD_NOTICE = "ap_wizard_notice"  # (kind "success"|"error", translated text, path or "")
WIZARD_CONFIRM_DELETE = "ap_wizard_confirm_delete"  # item id awaiting delete confirmation
WIZARD_AUDITED = "ap_wizard_audited"  # case ids whose view was already audited this session
W_WZ_ANSWER_PREFIX = "w_wz_a_"  # + answer path: the answer box of one question
W_WZ_NEXT = "w_wz_next"
W_WZ_BACK = "w_wz_back"
W_WZ_UNKNOWN = "w_wz_unknown"
W_WZ_SKIP = "w_wz_skip"
W_WZ_PART = "w_wz_part"  # jump to a part
W_WZ_ADD = "w_wz_add"
W_WZ_DONE = "w_wz_done"  # finished with a list entry
W_WZ_EDIT_PREFIX = "w_wz_edit_"  # + item id
W_WZ_UP_PREFIX = "w_wz_up_"
W_WZ_DOWN_PREFIX = "w_wz_down_"
W_WZ_DELETE_PREFIX = "w_wz_del_"
W_WZ_DELETE_YES = "w_wz_del_yes"
W_WZ_DELETE_NO = "w_wz_del_no"
W_WZ_SUBMIT = "w_wz_submit"  # send this part for review
W_WZ_REPLY_PREFIX = "w_wz_reply_"  # + comment id: the applicant's answer box
W_WZ_REPLY_SEND_PREFIX = "w_wz_reply_send_"
W_WZ_GOTO_PREFIX = "w_wz_goto_"  # + comment id: go to the question asked about
W_RV_SECTION = "w_rv_section"  # review page: the part shown
W_RV_COMMENT_PREFIX = "w_rv_comment_"  # + answer path
W_RV_REQUEST_PREFIX = "w_rv_request_"  # + answer path: request a change
W_RV_NOTE_PREFIX = "w_rv_note_"  # + answer path: add a comment without requesting a change
W_RV_HISTORY_PREFIX = "w_rv_history_"  # + answer path: show history
W_RV_RESOLVE_PREFIX = "w_rv_resolve_"  # + comment id
REVIEW_ITEMS = "ap_review_items"  # ((case id, version, page visit), [ReviewItem]) kept
W_RV_MORE_PREFIX = "w_rv_more_"  # + answer path: the expander with the comment box (open?)
W_RV_TEMPLATE_PREFIX = "w_rv_template_"  # + answer path: the request template ("" own words)
W_RV_APPROVE = "w_rv_approve"
W_RV_SUBMIT = "w_rv_submit"
REVIEW_NOTICE = "ap_review_notice"  # (kind, translated text) after a review action

# --- legal checks panels (legal-rules engineer: ui/legal_panels.py) ---------------------------
LEGAL_REPORT = "ap_legal_report"  # ((case id, version, day), CheckReport): computed once
W_LG_ELEMENT_PREFIX = "w_lg_element_"  # + element key: its expander (open?)
LINK_CHOICES = "ap_link_choices"  # ((case id, version, lang), {path: label}) for the link pickers
W_LG_LINK_PICK_PREFIX = "w_lg_link_pick_"  # + element key: answer to link by hand
W_LG_LINK_PREFIX = "w_lg_link_"  # + element key
W_LG_UNLINK_PREFIX = "w_lg_unlink_"  # + element key + "_" + fact index
W_LG_DISMISS_PREFIX = "w_lg_dismiss_"  # + flag id
W_LG_DISMISS_REASON_PREFIX = "w_lg_dismiss_reason_"  # + flag id
W_LG_RESTORE_PREFIX = "w_lg_restore_"  # + flag id
# the attorney's judgment of an element (ui/element_judgment.py), each + element key
W_LG_JUDGE_FORM_PREFIX = "w_lg_judge_form_"
W_LG_JUDGE_VERDICT_PREFIX = "w_lg_judge_verdict_"
W_LG_JUDGE_STRENGTH_PREFIX = "w_lg_judge_strength_"
W_LG_JUDGE_ARGUE_PREFIX = "w_lg_judge_argue_"
W_LG_JUDGE_REASON_PREFIX = "w_lg_judge_reason_"
W_LG_JUDGE_SAVE_PREFIX = "w_lg_judge_save_"
LEGAL_JUDGED = "ap_legal_judged"  # (element key, saved?, translated message) after a judgment

# --- evidence page (ui/evidence_page.py) ------------------------------------------------------
EV_UPLOAD_ROUND = "ap_ev_upload_round"  # int: bumped after an upload so the picker empties
EV_RESULTS = "ap_ev_results"  # [(file name, ok, [translated lines])] of the last upload
EV_PACKET = "ap_ev_packet"  # (case id, version, PacketResult) of the last packet built
W_EV_UPLOAD_PREFIX = "w_ev_upload_"  # + round number
W_EV_KIND = "w_ev_kind"
W_EV_LANGUAGE = "w_ev_language"
W_EV_ADD = "w_ev_add"
W_EV_TITLE_PREFIX = "w_ev_title_"  # + evidence id (and the other metadata fields below)
W_EV_ITEM_KIND_PREFIX = "w_ev_item_kind_"
W_EV_ISSUER_PREFIX = "w_ev_issuer_"
W_EV_DATE_PREFIX = "w_ev_date_"
W_EV_LANG_PREFIX = "w_ev_lang_"
W_EV_TRANSLATION_PREFIX = "w_ev_translation_"
W_EV_CERT_PREFIX = "w_ev_cert_"
W_EV_DESCRIPTION_PREFIX = "w_ev_description_"
W_EV_ELEMENTS_PREFIX = "w_ev_elements_"
W_EV_INCIDENTS_PREFIX = "w_ev_incidents_"
W_EV_SAVE_PREFIX = "w_ev_save_"
W_EV_INCLUDE_PREFIX = "w_ev_include_"
W_EV_UP_PREFIX = "w_ev_up_"
W_EV_DOWN_PREFIX = "w_ev_down_"
W_EV_PREVIEW_PREFIX = "w_ev_preview_"
W_EV_TEXT_PREFIX = "w_ev_text_"  # + evidence id: show the text OCR read
W_EV_REREAD_PREFIX = "w_ev_reread_"  # + evidence id: read its text again
W_EV_SEARCH = "w_ev_search"  # words to find in the case's answers and exhibits
W_EV_BATES = "w_ev_bates"
W_EV_BUILD = "w_ev_build"
W_EV_PART_PREFIX = "w_ev_part_"  # + part number: download of a packet part

# --- widgets: documents (render, preview, download) -----------------------------------------
DOC_RESULT = "ap_doc_result"  # the last RenderResult on the documents page (this session only)
DOC_RESULT_CHOICE = "ap_doc_result_choice"  # what DOC_RESULT was made from (kind, format, ...)
W_DOC_KIND = "w_doc_kind"
W_DOC_FORMAT = "w_doc_format"
W_DOC_LANG = "w_doc_lang"
W_DOC_BILINGUAL = "w_doc_bilingual"
W_DOC_DRAFT = "w_doc_draft"
W_DOC_UNJUDGED = "w_doc_unjudged"
W_FILING_FORM = "w_filing_form"
W_FILING_OPEN = "w_filing_open"  # the filing details expander (open?)
W_I589_FORM = "w_i589_form"
W_I589_OPEN = "w_i589_open"  # the I-589 details expander (open?)
W_I589_PREFIX = "w_i589_"  # + the detail's name (services.form_details)
W_DOC_TR_NAME = "w_doc_tr_name"
W_DOC_TR_ADDRESS = "w_doc_tr_address"
W_DOC_TR_PHONE = "w_doc_tr_phone"
W_DOC_BATES = "w_doc_bates"
W_DOC_RENDER = "w_doc_render"
W_DOC_DOWNLOAD = "w_doc_download"
W_DOC_DOWNLOAD_BUSY = "w_doc_download_busy"  # the previous file's button, off while remaking

# --- widgets: country library (country_info) -------------------------------------------------
COI_HITS = "ap_coi_hits"  # the last search page on the country library (this session only)
COI_SUGGESTIONS = "ap_coi_suggestions"  # the last suggestions for the open case
COI_UPLOAD_ROUND = "ap_coi_upload_round"  # bumped after an import to clear the uploader
W_COI_QUERY = "w_coi_query"
W_COI_COUNTRY = "w_coi_country"
W_COI_PUBLISHER = "w_coi_publisher"
W_COI_FROM = "w_coi_from"
W_COI_UNTIL = "w_coi_until"
W_COI_LANGUAGE = "w_coi_language"
W_COI_SEARCH = "w_coi_search"
W_COI_PREVIOUS = "w_coi_previous"
W_COI_NEXT = "w_coi_next"
COI_REQUEST = "ap_coi_request"  # the last search's query and filters, to page through it
W_COI_UPLOAD_PREFIX = "w_coi_upload_"  # + round number

# --- widgets: official forms (admin) --------------------------------------------------------
FORMS_UPLOAD_ROUND = "ap_forms_upload_round"  # bumped after an import to clear the uploader
W_FORMS_KIND = "w_forms_kind"
W_FORMS_UPLOAD_PREFIX = "w_forms_upload_"  # + round number
W_FORMS_IMPORT = "w_forms_import"
W_COI_IMP_COUNTRY = "w_coi_imp_country"
W_COI_IMP_PUBLISHER = "w_coi_imp_publisher"
W_COI_IMP_TITLE = "w_coi_imp_title"
W_COI_IMP_PUBLISHED = "w_coi_imp_published"
W_COI_IMP_URL = "w_coi_imp_url"
W_COI_IMPORT = "w_coi_import"
W_COI_ELEMENT_PREFIX = "w_coi_element_"  # + passage id (and target for suggestions)
W_COI_ATTACH_PREFIX = "w_coi_attach_"  # + passage id
W_COI_SUGGEST = "w_coi_suggest"
W_COI_REJECT_PREFIX = "w_coi_reject_"  # + target + passage id
W_COI_UNCITE_PREFIX = "w_coi_uncite_"  # + citation id
W_COI_FORCE = "w_coi_force"  # import a report the library has in another form
W_COI_REPORTS_COUNTRY = "w_coi_reports_country"  # the reports tab's country filter
W_COI_EDIT_PREFIX = "w_coi_edit_"  # + report id: the form correcting its details
W_COI_DELETE_SURE_PREFIX = "w_coi_delete_sure_"  # + report id
W_COI_DELETE_PREFIX = "w_coi_delete_"  # + report id
# The legal authorities page (ui/authorities_page.py): its filters.
W_AUTH_JURISDICTION = "w_auth_jurisdiction"
W_AUTH_ELEMENT = "w_auth_element"
W_AUTH_QUERY = "w_auth_query"

# --- translations page (ui/translate_page.py) -------------------------------------------------
DECL_BASE = "ap_decl_base"  # {"<case>": declaration version the declaration page was drawn from}
DECL_NOTICE = "ap_decl_notice"  # {paragraph id or "": (kind "success"|"error", translated text)}
W_DECL_PREFIX = "w_decl_"  # every widget of the declaration pages starts with it
W_DECL_TEXT = "w_decl_text_"  # + paragraph id + "_" + language: a paragraph's words
W_DECL_CONFIRM = "w_decl_confirm_"  # + paragraph id: the applicant confirms it
W_DECL_ASK = "w_decl_ask_"  # + paragraph id: her question
W_DECL_SEND = "w_decl_send_"  # + paragraph id
W_DECL_CONFIRM_ALL = "w_decl_confirm_all"
W_DECL_READER = "w_reader_of_declaration"  # the interpreter who read it back (staff recording)
W_TR_TO_DECLARATION = "w_tr_to_declaration"  # the translator's way to the declaration page
TR_BASE = "ap_tr_base"  # {"<case>": version the translations page was drawn from}
TR_NOTICE = "ap_tr_notice"  # {answer path: (kind "success"|"error", translated text)}
W_TR_FILTER = "w_tr_filter"  # which statuses are shown
W_TR_LANGUAGE = "w_tr_language"  # the answer language (attorney, paralegal)
W_TR_LANGUAGE_SAVE = "w_tr_language_save"
W_TR_TEXT_PREFIX = "w_tr_text_"  # + answer path: the English box
W_TR_SAVE_PREFIX = "w_tr_save_"  # + answer path
W_TR_REQ_TEXT_PREFIX = "w_tr_req_text_"  # + comment id: the team's words in her language
W_TR_REQ_SAVE_PREFIX = "w_tr_req_save_"  # + comment id
TR_REQ_NOTICE = "ap_tr_req_notice"  # {comment id: (kind, translated text)}
TRX_NOTICE = "ap_trx_notice"  # (evidence id, kind, translated text) after an exhibit's save
TRX_PNG = "ap_trx_png"  # {(evidence id, sha256, page): PNG} pages drawn once per session
W_TRX_PICK = "w_trx_pick"  # which foreign-language exhibit is open
W_TRX_PAGE_PREFIX = "w_trx_page_"  # + evidence id + "_" + page: the English box of a page
W_TRX_NAME_PREFIX = "w_trx_name_"  # + evidence id: the certificate's translator name
W_TRX_ADDRESS_PREFIX = "w_trx_address_"  # + evidence id
W_TRX_COMPETENCE_PREFIX = "w_trx_competence_"  # + evidence id
W_TRX_SAVE_PREFIX = "w_trx_save_"  # + evidence id

# --- applicant's own documents (ui/applicant_documents.py) ------------------------------------
AD_ROUND = "ap_ad_round"  # int: bumped after an upload so the picker empties
AD_RESULT = "ap_ad_result"  # (ok, [translated lines]) of the last upload, shown once
W_AD_UPLOAD_PREFIX = "w_ad_upload_"  # + where ("home" or incident id) + "_" + round
W_AD_TITLE_PREFIX = "w_ad_title_"  # + where
W_AD_ADD_PREFIX = "w_ad_add_"  # + where
W_AD_SHOW_PREFIX = "w_ad_show_"  # + evidence id: show the stored file on this screen
W_AD_ANSWER_LANGUAGE = "w_ad_answer_language"  # applicant: the language she answers in
W_AD_ANSWER_LANGUAGE_SAVE = "w_ad_answer_language_save"

# --- case list deadline and review columns (ui/case_deadlines.py) ------------------------------
CASE_REVIEW_COUNTS = "ap_case_review_counts"  # {case id: (version, open review items)}
