/* sc-dates.h: dates as the worker types them, as the vault keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are typed the British way (24/11/2026) or as 2026-11-24; a date of
 * birth is kept as YYYY-MM-DD, a moment as UTC ISO 8601 (…T09:15:00Z) and
 * shown in the local time zone. */

gboolean    sc_date_parse                (const char  *text,
                                          GDate       *out,
                                          GError     **error);
gboolean    sc_date_from_storage         (const char  *stored,
                                          GDate       *out);
char       *sc_date_to_storage           (const GDate *date);
char       *sc_date_format_display       (const char  *stored);
char       *sc_date_format_entry         (const char  *stored);
int         sc_age_on                    (const char  *date_of_birth,
                                          const GDate *on);
void        sc_date_today                (GDate       *out);
gboolean    sc_date_is_bank_holiday      (const GDate *date);
GTimeZone  *sc_time_zone_london          (void);

GDateTime  *sc_datetime_parse_local      (const char  *text,
                                          GError     **error);
GDateTime  *sc_datetime_from_storage     (const char  *stored);
char       *sc_datetime_to_storage       (GDateTime   *datetime);
char       *sc_datetime_now_storage      (void);
char       *sc_datetime_format_display   (const char  *stored);
char       *sc_datetime_format_entry     (const char  *stored);

gint64      sc_time_since_boot           (void);

G_END_DECLS
