"""Station 6: placeholder until the station is built."""

from ui.layout import coming_next

coming_next("s6")
