"""Station 5: placeholder until the station is built."""

from ui.layout import coming_next

coming_next("s5")
