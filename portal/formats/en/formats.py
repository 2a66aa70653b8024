# European English date formats ("20 February 2026"), not Django's American default.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
FIRST_DAY_OF_WEEK = 1
