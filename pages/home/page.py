"""Home: a "start here" link to the first station, then the journey map — one card per station, each
linking to its page."""

import streamlit as st

from ui.shell.i18n import t
from ui.shell.stations import STATIONS

st.title(t("home.title"))
# "Start here": the first station, before the overview paragraph (a first-timer's one obvious next step)
first = next(s for s in STATIONS if s.card_key)
with st.container(border=True, key="home-start"):
    st.markdown(t("home.start_lead"))
    st.page_link(first.path, label=t("home.start", title=t(first.title_key)), icon=":material/play_circle:")
st.markdown(t("home.intro"))
st.subheader(t("home.stations"))
columns = st.columns(3)
for index, station in enumerate(s for s in STATIONS if s.card_key):
    with columns[index % 3].container(border=True, height="stretch"):
        st.markdown(f"**{t(station.title_key)}**")
        st.write(t(station.card_key))
        st.page_link(station.path, label=t("home.go"), icon=station.icon)
st.caption(t("home.how"))
