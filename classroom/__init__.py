"""Class mode's store: a class code, anonymous students, their quiz answers and race results.

Pure Python over SQLAlchemy (never imports streamlit): the app (``ui/widgets/classroom.py``) maps its
quiz and prediction questions to short string ids and hands them here. See :mod:`classroom.store`.
"""

from classroom.store import ClassKeys, ClassLocked, ClassNotFound, ClassStore, StoreUnavailable, default_url

__all__ = ["ClassKeys", "ClassLocked", "ClassNotFound", "ClassStore", "StoreUnavailable", "default_url"]
