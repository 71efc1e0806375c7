"""Names vulture reports as unused in asylum_prep/ that are used where vulture cannot see.

Read by tests/unit/test_dead_code.py, which runs
`vulture asylum_prep tests/vulture_whitelist.py --min-confidence 60` and fails on any finding.
Vulture counts a name as used wherever it appears, so each line below "uses" one name (for
the whole package: keep the list short and every entry explained). This file is never run.

Add a name here only when something outside our code reads it (a library, a framework, a
template, the database, a serialised file); dead code is deleted instead.
"""

_ = object()

# -- Hooks that libraries and frameworks call by name -----------------------------------------

# Babel's extraction method (babel.cfg names it); Babel passes all four arguments.
_.extract_legal_toml
_.keywords
_.comment_tags
# WeasyPrint URL fetchers (documents/fetcher.py, evidence/html_pdf.py): WeasyPrint calls
# `fetch(url, headers)`; `register_image` is the fetcher's API the PDF renderer uses through
# an instance vulture does not follow.
_.fetch
_.headers
_.register_image
# html.parser.HTMLParser callbacks (country_info/importers.py).
_.handle_starttag
_.handle_endtag
_.handle_data
# SQLAlchemy event listeners registered with @event.listens_for (storage/engine.py), and the
# sqlite3 connection attribute the first one sets.
_._pragmas
_._begin
_.isolation_level
# Alembic reads these module names in every migration (storage/migrations/versions/).
_.revision
_.down_revision
_.branch_labels
_.depends_on
_.downgrade

# -- Attributes written for a library to read -------------------------------------------------

# pydantic reads `model_config` on every model class, and calls @field_validator methods.
_.model_config
_._known_database
# python-docx formatting properties, set on paragraphs, runs and sections (documents/docx.py).
_.alignment
_.bottom_margin
_.highlight_color
_.keep_with_next
_.left_indent
_.left_margin
_.rgb
_.right_indent
_.right_margin
_.space_after
_.space_before
_.top_margin
# PDF dictionary keys set through pikepdf (evidence/noto_sans.py, sheets.py, plain_sheets.py,
# stamp.py, fit.py): the PDF readers read them.
_.MediaBox
_.BaseFont
_.BBox
_.BitsPerComponent
_.ColorSpace
_.Contents
_.Encoding
_.Height
_.LastChar
_.Length1
_.Subtype
_.Type
_.Width
_.DecodeParms
_.DescendantFonts
_.ToUnicode
# io.RawIOBase's protocol, implemented by the archive's decrypting and decompressing readers
# (services/archive.py, archive_import.py): io's buffered readers call them.
_.readable
_.readinto
# Library settings assigned to change their behaviour (evidence/render_child.py): Pillow's
# decompression-bomb limit and tempfile's directory; Streamlit's remembered addresses
# (ui/launch.py), set so that it never looks them up on the network.
_.MAX_IMAGE_PIXELS
_.tempdir
_._internal_ip
_._external_ip
# python-docx package parts set by documents/docx_metadata.py: the core properties' modified
# date and the extended-properties part's bytes, which python-docx writes into the file.
_.modified
_._blob
# fontTools subsetter options (evidence/noto_sans.py).
_.hinting
_.layout_features
_.notdef_outline
# zipfile.ZipInfo and tarfile.TarInfo fields (evidence/docx_clean.py, services/archive.py).
_.compress_type
_.mtime

# -- Fields of stored records, tables and files -----------------------------------------------

# Case-record fields (domain/) and the wizard's input models of the same names (forms/): read
# by answer path strings ("about.birth_place", "screening.armed_groups_detail") in the
# documents, the legal rules, the review page and the archive, and stored with every version.
_.armed_groups
_.counsel_address  # filing details, read by name (FIELDS, the brief's signature block)
_.counsel_bar_number
_.counsel_email
_.counsel_eoir_id
_.counsel_firm
_.counsel_name
_.counsel_phone
_.armed_groups_detail
_.would_hide_detail
_.lived_elsewhere_detail
_.birth_place
_.departure_place
_.ethnicity
_.evidence_note
_.harm_description
_.harmed_others
_.harmed_others_detail
_.how_left
_.how_they_would_know
_.native_language
_.prior_applications
_.prior_applications_detail
_.returned_home_detail
_.serious_crimes
_.serious_crimes_detail
_.status_elsewhere
_.status_elsewhere_detail
_.still_looking_detail
_.treatment
_.where_now
_.why_not_stay
_.why_now
_.witnesses
# Stored integrity and version data: written with each record, evidence item, citation and
# review reply and request translation, and checked or migrated from the stored JSON (domain/).
_.schema_version
_.original_sha256
_.original_size
_.stored_sha256
_.stored_size
_.report_sha256
_.replied_at
_.translated_at
# An answer choice stored as its value ("not_applicable"), never named in code
# (domain/events.py).
_.not_applicable
# Jurisdiction codes stored on each case and chosen by value (services/cases.py).
_.us
_.uk
_.ca
_.eu
# Database columns (country_info/tables.py): who imported a report; the passage text as the
# full-text index reads it (the FTS5 triggers and the PostgreSQL tsvector use `norm`).
_.imported_by
_.norm
# Database columns (storage/tables.py WebSession): the token's digest is the key the services
# look rows up by (`session.get`); when a session was last used and why it was revoked are
# kept for an administrator reading the table.
_.token_hash
_.last_seen_at
_.revoked_reason
# The archive manifest's export time, written into every archive (services/archive.py).
_.exported_at
# The certificate of service, read by templates/packet/_certificate_body.html.
_.served_party
_.served_on
_.signer
_.method

# -- Used by the tests only, which vulture is not shown ----------------------------------------

# Settings.is_sqlite: the storage and fault tests pick the engine's checks by it.
_.is_sqlite
# archive.open_sealed and seal_bytes: the archive tests seal and open payloads of their own
# (the app streams both instead).
_.open_sealed
_.seal_bytes
# access.BUILDING_BLOCKS and the `__service_rule__` each guarded function carries: the access
# matrix test checks every service function against them.
_.BUILDING_BLOCKS
_.__service_rule__
# ui.store.clear_cache: the UI tests reset the process-wide store cache between apps.
_.clear_cache
# maintenance.RotationResult.retired_key_id and Keyring.retired: the rotation tests check
# which key was retired.
_.retired_key_id
_.retired

# Case-record fields of Form I-589 read by name only: the item map reads them through record
# paths (`get_path`, legal/i589_*.py), the staff form sets them by name
# (services/form_details.py), the wizard asks them by field name (forms/*.py).
_.english_fluent
_.nationality_at_birth
_.passport_country
_.passport_number
_.marriage_date
_.marriage_place
_.province
_.location
_.started
_.finished
_.ssn
_.uscis_account
_.travel_document_number
_.passport_expiry
_.residence_street
_.residence_apt
_.residence_city
_.residence_state
_.residence_zip
_.residence_phone
_.mailing_in_care_of
_.mailing_street
_.mailing_apt
_.mailing_city
_.mailing_state
_.mailing_zip
_.mailing_phone
_.court_history
_.i94_number
_.status_expires
_.groups_continue
_.groups_continue_detail
_.crimes_in_us
_.cat_requested
_.family_helped
_.helper_1_name
_.helper_1_relationship
_.helper_2_name
_.helper_2_relationship
_.other_preparer
_.counsel_list_given
_.preparer_name
_.preparer_street
_.preparer_apt
_.preparer_city
_.preparer_state
_.preparer_zip
_.preparer_phone
_.preparer_is_representative
_.preparer_bar_number
_.preparer_uscis_account
_.last_entry_place
_.last_entry_date
_.status_at_entry
_.current_status
_.stay_expires
_.previous_arrival
_.in_court

# -- Not wired yet: each to be wired or deleted where its owner works --------------------------

# The 2019 edition's field names for each I-589 item (legal/i589_fields_2019.py) and the
# map's keys for an empty case (legal/i589_map.form_keys): the seam for filling the official
# PDF (`--doc i589`), whose form-filling engine (documents/pdf_form_fill.py) is being built in
# parallel; tests/unit/legal/test_i589_fields.py checks them against the official form.
_.TEXT
_.BOXES
_.PHONES
_.OFFICE_USE
_.AT_INTERVIEW_OR_HEARING
_.EDITION
_.full
_.form_keys
# documents/i589_values.field_values: the {field name: value} the engine takes, built from the
# map and the table above; tests/unit/documents/test_i589_values.py checks it on the form.
_.field_values
_.held_back

# audit.verify_chain: every storage and fault test checks the audit chain with it; an operator
# check should run it too (services/audit.py and cli/ are being reworked in parallel).
_.verify_chain
# The evidence page has no control yet to remove an item, set its exhibit tab or change the
# exhibit settings; the services exist and are tested (tests/unit/evidence/test_service.py).
# The page body (ui/views/evidence.py) is being moved in parallel: wire them there.
_.remove_evidence
_.set_exhibit_tab
_.update_exhibit_settings
# QuestionList.item_name: set by every list step, read nowhere since `add_label` took its
# place; the step modules (forms/*.py) are being split in parallel: delete it there.
_.item_name

# Read by Babel's extraction (babel.cfg [extractors]), not by the app: the declaration's
# gendered sentences and the extractor that writes both contexts of each.
_.extract_gendered
_.MESSAGES

# Who deleted a country report: a column written for the record (coi_report_deletions), read
# by people looking at the database, not by the app.
_.deleted_by
# The applicant's question on a declaration paragraph records who asked it: stored record data,
# like a comment's author.
_.asked_by
# Kept in the record as when an exhibit's text was read (domain.evidence.ExhibitText): read by
# whoever exports the record (archives, `evidence list --json`), never by name in the code.
_.read_at
