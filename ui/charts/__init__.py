"""Plotly figure builders: pure functions, data in, go.Figure out (tested without Streamlit)."""
