"""Streamlit-side helpers of RNN Memory Lab: i18n, theme, query-param state, widgets, charts."""
