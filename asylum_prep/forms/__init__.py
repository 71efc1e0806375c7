"""The questionnaire as data, with no Streamlit: one module per wizard step (its questions,
choices and input model), the step registry, validation, answer labels and the wizard's
flow. Services, legal and documents use it; ui.wizard draws it."""
