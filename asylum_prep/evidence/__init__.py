"""Evidence: type detection, cleaning (PDF, images, DOCX, text), exhibits and packet assembly.

Never imports streamlit. Cleaners work on bytes in memory and never write decrypted content to
disk; the one exception (LibreOffice renditions) uses a private temporary directory that is
removed afterwards. PDF thumbnails go through pdftoppm's pipes (`asylum_prep.pdf_png`).
"""
