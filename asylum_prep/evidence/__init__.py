"""Evidence: type detection, cleaning (PDF, images, DOCX, text), exhibits and packet assembly.

Never imports streamlit. Cleaners work on bytes in memory and never write decrypted content to
disk; the only exceptions (LibreOffice renditions, poppler thumbnails) use a private temporary
directory that is removed afterwards.
"""
