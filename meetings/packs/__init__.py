"""The PDF agenda pack (design.md, "The agenda pack"); WeasyPrint itself is called only
from scrutiny/pdf.py.

- `register_generated_document(kind, renderer)`: papers built from records (the
  recommendations app registers the outstanding-issues report);
- `pack_build(meeting=…)`: build and store both packs now (the background task calls it);
- `minutes_pdf(meeting)`: a meeting's minutes on their own, as the pack prints them.
"""

from meetings.packs.registry import GeneratedDocument, register_generated_document

__all__ = ["GeneratedDocument", "register_generated_document"]
