# Times as Norwegian public texts write them ("22. november 2026 kl. 09.41"), the way the
# portal's own sentences do ("kl. 23.59"); Django's nb default is "22. november 2026 09:41".
DATETIME_FORMAT = r"j. F Y \k\l. H.i"
