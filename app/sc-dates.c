/* sc-dates.c: dates as the worker types them, as the vault keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-dates"

#include "config.h"

#include <time.h>

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-dates.h"
#include "sc-records.h"

static gboolean
set_date (GDate *out,
          int    day,
          int    month,
          int    year)
{
  if (year < 1900 || year > 2999 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/* Reads "24/11/2026", "24-11-2026", "24.11.2026" or "2026-11-24", with
 * nothing after it but an optional time (which @rest receives). */
static gboolean
parse_date_part (const char  *text,
                 GDate       *out,
                 const char **rest)
{
  int a = 0, b = 0, c = 0, used = 0;
  char s1 = 0, s2 = 0;

  while (g_ascii_isspace (*text))
    text++;

  if (sscanf (text, "%4d-%2d-%2d%n", &a, &b, &c, &used) == 3 && a > 31)
    {
      if (!set_date (out, c, b, a))
        return FALSE;
    }
  else if (sscanf (text, "%2d%c%2d%c%4d%n", &a, &s1, &b, &s2, &c, &used) == 5
           && s1 == s2 && (s1 == '/' || s1 == '-' || s1 == '.'))
    {
      if (!set_date (out, a, b, c))
        return FALSE;
    }
  else
    return FALSE;

  *rest = text + used;
  return TRUE;
}

static gboolean
only_space (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

gboolean
sc_date_parse (const char *text,
               GDate      *out,
               GError    **error)
{
  const char *rest = NULL;

  if (text == NULL || !parse_date_part (text, out, &rest) || !only_space (rest))
    {
      g_set_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                   _("“%s” is not a date. Type it as day/month/year, for example 24/11/2026."),
                   text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_date_from_storage (const char *stored,
                      GDate      *out)
{
  const char *rest = NULL;

  return stored != NULL && *stored != '\0' && parse_date_part (stored, out, &rest)
         && only_space (rest);
}

char *
sc_date_to_storage (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
sc_date_format_display (const char *stored)
{
  GDate date;
  char buf[64];

  if (!sc_date_from_storage (stored, &date))
    return g_strdup ("");
  g_date_strftime (buf, sizeof buf, "%-d %B %Y", &date);
  return g_strdup (g_strstrip (buf));
}

char *
sc_date_format_entry (const char *stored)
{
  GDate date;

  if (!sc_date_from_storage (stored, &date))
    return g_strdup ("");
  return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (&date), g_date_get_month (&date),
                          g_date_get_year (&date));
}

void
sc_date_today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* Whole years from the date of birth to @on; -1 when either is unknown or
 * the birth is after @on. Age is always computed, never stored. */
int
sc_age_on (const char  *date_of_birth,
           const GDate *on)
{
  GDate dob;
  int age;

  if (!sc_date_from_storage (date_of_birth, &dob) || on == NULL || g_date_compare (&dob, on) > 0)
    return -1;

  age = g_date_get_year (on) - g_date_get_year (&dob);
  if (g_date_get_month (on) < g_date_get_month (&dob)
      || (g_date_get_month (on) == g_date_get_month (&dob)
          && g_date_get_day (on) < g_date_get_day (&dob)))
    age--;
  return age;
}

GDateTime *
sc_datetime_parse_local (const char *text,
                         GError    **error)
{
  const char *rest = NULL;
  GDate date;
  int hour = 0, minute = 0, used = 0;

  if (text != NULL && parse_date_part (text, &date, &rest))
    {
      while (g_ascii_isspace (*rest) || *rest == ',' || *rest == 'T')
        rest++;
      if (*rest == '\0'
          || (sscanf (rest, "%2d:%2d%n", &hour, &minute, &used) == 2 && only_space (rest + used)
              && hour >= 0 && hour < 24 && minute >= 0 && minute < 60))
        {
          g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

          return g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), hour, minute, 0);
        }
    }

  g_set_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
               _("“%s” is not a date and time. Type it as day/month/year and hours:minutes, "
                 "for example 24/11/2026 15:30."),
               text != NULL ? text : "");
  return NULL;
}

GDateTime *
sc_datetime_from_storage (const char *stored)
{
  if (stored == NULL || *stored == '\0')
    return NULL;
  return g_date_time_new_from_iso8601 (stored, NULL);
}

char *
sc_datetime_to_storage (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (datetime);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
sc_datetime_now_storage (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return sc_datetime_to_storage (now);
}

char *
sc_datetime_format_display (const char *stored)
{
  g_autoptr(GDateTime) utc = sc_datetime_from_storage (stored);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  /* Translators: a date and time, as in "24 November 2026, 15:30". */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

char *
sc_datetime_format_entry (const char *stored)
{
  g_autoptr(GDateTime) utc = sc_datetime_from_storage (stored);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

/* Microseconds since boot, counting time asleep (CLOCK_BOOTTIME), unlike
 * g_get_monotonic_time (): an hour suspended is an hour idle. */
gint64
sc_time_since_boot (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_BOOTTIME, &ts) != 0)
    return g_get_monotonic_time ();
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Easter Sunday of @year (the Gregorian computus, "Anonymous" algorithm). */
static void
easter_sunday (int    year,
               GDate *out)
{
  int a = year % 19, b = year / 100, c = year % 100;
  int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* Whether @date is a bank holiday in England and Wales by the rule, for
 * any year: New Year's Day, Good Friday, Easter Monday, the early May,
 * spring and summer Mondays, Christmas Day and Boxing Day, with the
 * substitute weekdays when a holiday falls at a weekend. One-off days (a
 * coronation, a moved May Monday) are the procedure file's to add or
 * remove. */
gboolean
sc_date_is_bank_holiday (const GDate *date)
{
  int day = g_date_get_day (date);
  int month = g_date_get_month (date);
  GDateWeekday weekday = g_date_get_weekday (date);
  GDate easter;

  switch (month)
    {
    case G_DATE_JANUARY:
      /* 1 January, or the Monday after when it falls at a weekend. */
      return (day == 1 && weekday <= G_DATE_FRIDAY)
             || ((day == 2 || day == 3) && weekday == G_DATE_MONDAY);
    case G_DATE_MARCH:
    case G_DATE_APRIL:
      {
        int from_easter;

        easter_sunday (g_date_get_year (date), &easter);
        from_easter = g_date_days_between (&easter, date);
        return from_easter == -2 || from_easter == 1;
      }
    case G_DATE_MAY:
      /* The first Monday, and the last. */
      return weekday == G_DATE_MONDAY && (day <= 7 || day >= 25);
    case G_DATE_AUGUST:
      return weekday == G_DATE_MONDAY && day >= 25;
    case G_DATE_DECEMBER:
      /* 25 and 26 on weekdays; when either falls at a weekend, the 27th and
       * 28th are its substitutes, which is so exactly when they are a
       * Monday or a Tuesday. */
      if (day == 25 || day == 26)
        return weekday <= G_DATE_FRIDAY;
      if (day == 27 || day == 28)
        return weekday == G_DATE_MONDAY || weekday == G_DATE_TUESDAY;
      return FALSE;
    default:
      return FALSE;
    }
}

/* England's clock, for deadlines: working days and their hours are
 * London's, whatever the laptop's zone. */
GTimeZone *
sc_time_zone_london (void)
{
  static GTimeZone *london;

  if (g_once_init_enter (&london))
    {
      /* Without the time zone database, the laptop's own zone. */
      GTimeZone *zone = g_time_zone_new_identifier ("Europe/London");

      g_once_init_leave (&london, zone != NULL ? zone : g_time_zone_new_local ());
    }
  return london;
}
