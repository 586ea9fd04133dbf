"""Class mode's store: a class code, anonymous students, their quiz answers and race results.

Pure Python over SQLAlchemy (never imports streamlit): the app (``ui/widgets/classroom.py``) maps its
quiz to short string ids and hands them here. See :mod:`classroom.store`.
"""

from classroom.store import ClassKeys, ClassNotFound, ClassStore, StoreUnavailable, default_url

__all__ = ["ClassKeys", "ClassNotFound", "ClassStore", "StoreUnavailable", "default_url"]
