/* sc-child.c: a child on the worker's caseload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-child"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-child.h"
#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-records.h"

struct _ScChild
{
  ScRecord parent_instance;

  guint    open_concerns;
};

G_DEFINE_FINAL_TYPE (ScChild, sc_child, SC_TYPE_RECORD)

static const ScField child_fields[] = {
  { "name", SC_FIELD_TEXT },
  { "preferred-name", SC_FIELD_TEXT },
  { "date-of-birth", SC_FIELD_TEXT },
  { "initials", SC_FIELD_TEXT },
  { "case-reference", SC_FIELD_TEXT },
  { "placement", SC_FIELD_TEXT },
  { "legal-status", SC_FIELD_TEXT },
  { "carer", SC_FIELD_TEXT },
  { "allocated-worker", SC_FIELD_TEXT },
};

static const char *const choice_fields[] = { "placement", "legal-status" };

static gboolean
sc_child_validate (ScRecord *record,
                   gboolean  final,
                   GError  **error)
{
  const char *dob = sc_record_get_text (record, "date-of-birth");
  g_autofree char *name = g_strstrip (g_strdup (sc_record_get_text (record, "name")));
  GDate date, today;

  if (*name == '\0')
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED,
                           _("Enter the child’s name."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (choice_fields); i++)
    if (!sc_choice_is_valid (choice_fields[i], sc_record_get_text (record, choice_fields[i])))
      {
        g_set_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                     _("“%s” is not one of the choices for this child."),
                     sc_record_get_text (record, choice_fields[i]));
        return FALSE;
      }

  if (*dob != '\0')
    {
      if (!sc_date_from_storage (dob, &date))
        {
          g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                               _("The date of birth is not a date."));
          return FALSE;
        }
      sc_date_today (&today);
      if (g_date_compare (&date, &today) > 0)
        {
          g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                               _("The date of birth is in the future. Check the year."));
          return FALSE;
        }
    }

  return TRUE;
}

/* Case and accents do not move a name in the caseload: "émile" sorts with
 * "Emile", then the locale's collation has its say. */
static char *
sort_key_for (const char *name)
{
  g_autofree char *folded = sc_text_fold (name);

  return g_utf8_collate_key (folded, -1);
}

/* The caseload is ordered by name and filtered on names and reference,
 * whatever their case or accents' case. */
static void
sc_child_before_save (ScRecord  *record,
                      gboolean   inserting,
                      GPtrArray *columns,
                      GPtrArray *values)
{
  ScChild *self = SC_CHILD (record);
  g_autofree char *initials = sc_child_dup_initials (self);
  g_autofree char *search = g_strjoin (" ", sc_child_get_name (self),
                                       sc_record_get_text (record, "preferred-name"),
                                       sc_record_get_text (record, "case-reference"),
                                       initials, NULL);

  g_ptr_array_add (columns, (gpointer) "sort_key");
  g_ptr_array_add (values, sort_key_for (sc_child_get_name (self)));
  g_ptr_array_add (columns, (gpointer) "search_text");
  g_ptr_array_add (values, sc_text_fold (search));
  if (inserting)
    {
      g_ptr_array_add (columns, (gpointer) "created_at");
      g_ptr_array_add (values, sc_datetime_now_storage ());
    }
}

static void
sc_child_class_init (ScChildClass *klass)
{
  ScRecordClass *record_class = SC_RECORD_CLASS (klass);

  sc_record_class_install_fields (record_class, "child", child_fields,
                                  G_N_ELEMENTS (child_fields));
  record_class->validate = sc_child_validate;
  record_class->before_save = sc_child_before_save;
}

static void
sc_child_init (ScChild *self)
{
}

ScChild *
sc_child_new (void)
{
  return g_object_new (SC_TYPE_CHILD, NULL);
}

const char *
sc_child_get_name (ScChild *self)
{
  return sc_record_get_text (SC_RECORD (self), "name");
}

/* "Chloé O'Brien-Smith" → "CO" ; the first letter of the first and of the
 * last name, as on referral forms. */
char *
sc_child_derive_initials (const char *name)
{
  g_auto(GStrv) parts = g_strsplit_set (name != NULL ? name : "", " \t", -1);
  g_autoptr(GString) initials = g_string_new (NULL);
  const char *first = NULL, *last = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (first == NULL)
        first = parts[i];
      last = parts[i];
    }

  if (first != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (first)));
  if (last != NULL && last != first)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (last)));

  return g_string_free (g_steal_pointer (&initials), FALSE);
}

/* The initials the worker set, or those derived from the name. */
char *
sc_child_dup_initials (ScChild *self)
{
  const char *set = sc_record_get_text (SC_RECORD (self), "initials");

  if (*set != '\0')
    return g_strdup (set);
  return sc_child_derive_initials (sc_child_get_name (self));
}

int
sc_child_get_age (ScChild     *self,
                  const GDate *on)
{
  return sc_age_on (sc_record_get_text (SC_RECORD (self), "date-of-birth"), on);
}

guint
sc_child_get_open_concerns (ScChild *self)
{
  return self->open_concerns;
}

void
sc_child_set_open_concerns (ScChild *self,
                            guint    count)
{
  self->open_concerns = count;
}
