"""Documents: one model (`model.py`), builders from a case (`build_*.py`), two renderers
(`docx.py`, `pdf.py`) and the restricted URL fetcher WeasyPrint uses (`fetcher.py`)."""
