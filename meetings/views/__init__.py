"""Views of the meetings app, one module per audience or task.

public: the pages everyone reads (home, meeting, document, calendar).
"""
