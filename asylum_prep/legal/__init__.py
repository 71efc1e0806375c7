"""Legal reasoning over the structured answers: elements per jurisdiction, their strength,
the filing deadline, I-589 readiness, consistency flags and the timeline.

Pure functions of a `CaseRecord` (and today's date). No storage, no UI, no network: the
service layer (`services.checks`) loads the case, checks access and audits.
"""
