"""Home: the journey map — one card per station, each linking to its page."""

import streamlit as st

from ui.i18n import t

CARDS = (
    ("pages/s1_sequential.py", "common.nav_s1", "home.card_s1", ":material/format_list_numbered:"),
    ("pages/s2_series.py", "common.nav_s2", "home.card_s2", ":material/live_tv:"),
    ("pages/s3_gradients.py", "common.nav_s3", "home.card_s3", ":material/campaign:"),
    ("pages/s4_gates.py", "common.nav_s4", "home.card_s4", ":material/door_sliding:"),
    ("pages/s5_lab.py", "common.nav_s5", "home.card_s5", ":material/science:"),
    ("pages/s6_conclusion.py", "common.nav_s6", "home.card_s6", ":material/school:"),
)

st.title(t("home.title"))
st.markdown(t("home.intro"))
st.subheader(t("home.stations"))
columns = st.columns(3)
for index, (path, title_key, text_key, icon) in enumerate(CARDS):
    with columns[index % 3].container(border=True, height="stretch"):
        st.markdown(f"**{t(title_key)}**")
        st.write(t(text_key))
        st.page_link(path, label=t("home.go"), icon=icon)
st.caption(t("home.how"))
