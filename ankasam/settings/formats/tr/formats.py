# Turkish writes the day without a leading zero ("8 Ekim 2025"); Django's own module has "d F Y".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
