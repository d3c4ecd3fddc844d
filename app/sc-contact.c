/* sc-contact.c: one electronic contact between the worker and a child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-contact"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-choices.h"
#include "sc-contact.h"
#include "sc-dates.h"
#include "sc-records.h"

#define FUTURE_TOLERANCE (5 * G_TIME_SPAN_MINUTE)

struct _ScContact
{
  ScRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ScContact, sc_contact, SC_TYPE_RECORD)

static const ScField contact_fields[] = {
  { "child-id", SC_FIELD_INT64 },
  { "concern-id", SC_FIELD_INT64 },
  { "happened-at", SC_FIELD_TEXT },
  { "channel", SC_FIELD_TEXT },
  { "direction", SC_FIELD_TEXT },
  { "with-whom", SC_FIELD_TEXT },
  { "with-whom-other", SC_FIELD_TEXT },
  { "device", SC_FIELD_TEXT },
  { "device-detail", SC_FIELD_TEXT },
  { "approved-by", SC_FIELD_TEXT },
  { "approved-on", SC_FIELD_TEXT },
  { "summary", SC_FIELD_TEXT },
  { "follow-up", SC_FIELD_TEXT },
  { "copied-at", SC_FIELD_TEXT },
  { "recorded-at", SC_FIELD_TEXT },
};

static const char *
text (ScContact  *self,
      const char *field)
{
  return sc_record_get_text (SC_RECORD (self), field);
}

static gboolean
sc_contact_validate (ScRecord *record,
                     gboolean  final,
                     GError  **error)
{
  ScContact *self = SC_CONTACT (record);
  static const char *const required[] = { "channel", "direction", "with-whom", "device" };
  g_autoptr(GDateTime) when = sc_datetime_from_storage (text (self, "happened-at"));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDate approved;

  if (when == NULL)
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED,
                           _("Enter when the contact was, as day/month/year hours:minutes."));
      return FALSE;
    }
  if (g_date_time_difference (when, now) > FUTURE_TOLERANCE)
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                           _("The contact’s time is in the future. Check the date and time."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (*text (self, required[i]) == '\0')
        {
          g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED,
                               _("Choose the channel, the direction, who it was with and the "
                                 "device used."));
          return FALSE;
        }
      if (!sc_choice_is_valid (required[i], text (self, required[i])))
        {
          g_set_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                       _("“%s” is not one of the choices for a contact."), text (self, required[i]));
          return FALSE;
        }
    }

  if (*text (self, "approved-on") != '\0' && !sc_date_from_storage (text (self, "approved-on"),
                                                                   &approved))
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                           _("The date of the manager’s approval is not a date."));
      return FALSE;
    }

  return TRUE;
}

static void
sc_contact_class_init (ScContactClass *klass)
{
  ScRecordClass *record_class = SC_RECORD_CLASS (klass);

  sc_record_class_install_fields (record_class, "contact", contact_fields,
                                  G_N_ELEMENTS (contact_fields));
  record_class->validate = sc_contact_validate;
}

static void
sc_contact_init (ScContact *self)
{
}

ScContact *
sc_contact_new (gint64 child_id)
{
  ScContact *self = g_object_new (SC_TYPE_CONTACT, NULL);

  sc_record_set_int64 (SC_RECORD (self), "child-id", child_id);
  sc_record_set_text (SC_RECORD (self), "with-whom", "child");
  return self;
}

/* A personal device or account without a manager's recorded approval: kept
 * (nothing is lost) but raised in supervision. */
gboolean
sc_contact_is_breach (ScContact *self)
{
  return g_str_equal (text (self, "device"), "personal")
         && sc_text_is_blank (text (self, "approved-by"));
}

static char *
local_format (const char *stored,
              const char *format)
{
  g_autoptr(GDateTime) utc = sc_datetime_from_storage (stored);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, format);
}

static char *
describe_with (ScContact  *self,
               const char *child_label)
{
  const char *with = text (self, "with-whom");

  if (g_str_equal (with, "child"))
    return g_strdup (child_label);
  if (g_str_equal (with, "other") && *text (self, "with-whom-other") != '\0')
    return g_strdup (text (self, "with-whom-other"));
  /* Translators: "Their carer (for AJ)". */
  return g_strdup_printf (_("%s (for %s)"), sc_choice_label ("with-whom", with), child_label);
}

static char *
describe_device (ScContact *self)
{
  g_autoptr(GString) out = g_string_new (sc_choice_label ("device", text (self, "device")));

  if (*text (self, "device-detail") != '\0')
    g_string_append_printf (out, " (%s)", text (self, "device-detail"));

  if (g_str_equal (text (self, "device"), "personal"))
    {
      if (sc_contact_is_breach (self))
        g_string_append (out, _(", with no manager’s approval recorded"));
      else
        {
          g_autofree char *on = sc_date_format_entry (text (self, "approved-on"));

          if (*on != '\0')
            g_string_append_printf (out, _(", approved by %s on %s"), text (self, "approved-by"), on);
          else
            g_string_append_printf (out, _(", approved by %s"), text (self, "approved-by"));
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_case_note (GString    *out,
                  ScContact  *self,
                  const char *child_label)
{
  g_autofree char *when = local_format (text (self, "happened-at"), "%d/%m/%Y %H:%M");
  g_autofree char *with = describe_with (self, child_label);
  g_autofree char *device = describe_device (self);

  g_string_append_printf (out, _("Electronic contact: %s\n"), when);
  g_string_append_printf (out, _("With: %s\n"), with);
  g_string_append_printf (out, _("Channel: %s, %s\n"),
                          sc_choice_label ("channel", text (self, "channel")),
                          g_str_equal (text (self, "direction"), "to") ? _("sent by the worker")
                                                                       : _("received by the worker"));
  g_string_append_printf (out, _("Device: %s\n"), device);
  if (*text (self, "summary") != '\0')
    g_string_append_printf (out, _("Summary: %s\n"), text (self, "summary"));
  if (*text (self, "follow-up") != '\0')
    g_string_append_printf (out, _("Follow-up: %s\n"), text (self, "follow-up"));
}

/* Plain text laid out for pasting into the council's case-recording
 * system. @child_label is the child's name or initials, as the worker's
 * preference says. */
char *
sc_contact_format_case_note (ScContact  *self,
                             const char *child_label,
                             const char *worker_name)
{
  g_autoptr(GString) out = g_string_new (NULL);

  append_case_note (out, self, child_label);
  g_string_append_printf (out, _("Noted in Safecase by %s.\n"), worker_name);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Oldest first, as a case record reads. */
static gint
compare_happened (gconstpointer a,
                  gconstpointer b)
{
  ScContact *ca = *(ScContact **) a;
  ScContact *cb = *(ScContact **) b;

  return g_strcmp0 (text (ca, "happened-at"), text (cb, "happened-at"));
}

char *
sc_contacts_format_case_note (GPtrArray  *contacts,
                              const char *child_label,
                              const char *worker_name)
{
  g_autoptr(GString) out = g_string_new (NULL);
  /* The copy takes the original's free function: give it refs of its own. */
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (contacts, (GCopyFunc) (void (*) (void)) g_object_ref,
                                                  NULL);

  g_ptr_array_sort (sorted, compare_happened);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u electronic contact with %s\n",
                                            "%u electronic contacts with %s\n", sorted->len),
                          sorted->len, child_label);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_string_append_c (out, '\n');
      append_case_note (out, sorted->pdata[i], child_label);
    }
  g_string_append_printf (out, _("\nNoted in Safecase by %s.\n"), worker_name);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* RFC 4180: a field with a comma, a double quote or a line break is quoted,
 * and its double quotes doubled; others are written as they are. */
char *
sc_csv_quote (const char *field)
{
  g_autofree char *defused = NULL;
  GString *out;

  if (field == NULL)
    field = "";
  /* A spreadsheet runs a cell that starts with one of these as a formula
   * (=HYPERLINK(…) sends what it likes where it likes): a leading ' makes
   * it text, as OWASP advises for CSV. */
  if (*field != '\0' && strchr ("=+-@\t\r", *field) != NULL)
    field = defused = g_strconcat ("'", field, NULL);
  if (strpbrk (field, ",\"\r\n") == NULL)
    return g_strdup (field);

  out = g_string_new ("\"");
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static void
append_csv_row (GString            *out,
                const char *const  *fields,
                guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *quoted = sc_csv_quote (fields[i]);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, quoted);
    }
  g_string_append (out, "\r\n");
}

char *
sc_contacts_format_csv (GPtrArray  *contacts,
                        const char *child_label)
{
  g_autoptr(GString) out = g_string_new (NULL);
  /* The copy takes the original's free function: give it refs of its own. */
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (contacts, (GCopyFunc) (void (*) (void)) g_object_ref,
                                                  NULL);
  const char *header[] = {
    _("Date"), _("Time"), _("Child"), _("With"), _("Channel"), _("Direction"), _("Device"),
    _("Device details"), _("Approved by"), _("Approved on"), _("Summary"), _("Follow-up"),
  };

  g_ptr_array_sort (sorted, compare_happened);
  /* A byte-order mark, so Excel reads the names as UTF-8. */
  g_string_append (out, "\xEF\xBB\xBF");
  append_csv_row (out, header, G_N_ELEMENTS (header));

  for (guint i = 0; i < sorted->len; i++)
    {
      ScContact *c = sorted->pdata[i];
      g_autofree char *date = local_format (text (c, "happened-at"), "%d/%m/%Y");
      g_autofree char *time = local_format (text (c, "happened-at"), "%H:%M");
      g_autofree char *with = describe_with (c, child_label);
      g_autofree char *approved_on = sc_date_format_entry (text (c, "approved-on"));
      const char *row[] = {
        date, time, child_label, with,
        sc_choice_label ("channel", text (c, "channel")),
        sc_choice_label ("direction", text (c, "direction")),
        sc_choice_label ("device", text (c, "device")),
        text (c, "device-detail"), text (c, "approved-by"), approved_on,
        text (c, "summary"), text (c, "follow-up"),
      };

      append_csv_row (out, row, G_N_ELEMENTS (row));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
