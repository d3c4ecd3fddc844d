/* sc-concern.c: an e-safety concern about a child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-concern"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-choices.h"
#include "sc-concern.h"
#include "sc-dates.h"
#include "sc-records.h"

/* A clock a few minutes fast on another device is not "the future". */
#define FUTURE_TOLERANCE (5 * G_TIME_SPAN_MINUTE)

struct _ScConcern
{
  ScRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ScConcern, sc_concern, SC_TYPE_RECORD)

static const ScField concern_fields[] = {
  { "child-id", SC_FIELD_INT64 },
  { "is-draft", SC_FIELD_BOOLEAN },
  { "summary", SC_FIELD_TEXT },
  { "own-words", SC_FIELD_TEXT },
  { "happened-at", SC_FIELD_TEXT },
  { "disclosed-at", SC_FIELD_TEXT },
  { "disclosed-by", SC_FIELD_TEXT },
  { "intent", SC_FIELD_TEXT },
  { "area", SC_FIELD_TEXT },
  { "incident-types", SC_FIELD_TEXT },
  { "incident-other", SC_FIELD_TEXT },
  { "involvement", SC_FIELD_TEXT },
  { "other-party", SC_FIELD_TEXT },
  { "adult-role", SC_FIELD_TEXT },
  { "adult-employer", SC_FIELD_TEXT },
  { "adult-is-staff", SC_FIELD_BOOLEAN },
  { "adult-works-with-children", SC_FIELD_TEXT },
  { "adult-other-work", SC_FIELD_TEXT },
  { "adult-own-children", SC_FIELD_TEXT },
  { "adult-previous-concerns", SC_FIELD_TEXT },
  { "other-child-age", SC_FIELD_TEXT },
  { "location", SC_FIELD_TEXT },
  { "setting-type", SC_FIELD_TEXT },
  { "setting-other", SC_FIELD_TEXT },
  { "media", SC_FIELD_TEXT },
  { "media-other", SC_FIELD_TEXT },
  { "status", SC_FIELD_TEXT },
  { "outcome", SC_FIELD_TEXT },
  { "recorded-at", SC_FIELD_TEXT },
};

static const char *const choice_fields[] = {
  "intent", "area", "incident-types", "involvement", "location", "setting-type", "media", "status",
  "adult-works-with-children", "adult-own-children",
};

static const char *
text (ScConcern  *self,
      const char *field)
{
  return sc_record_get_text (SC_RECORD (self), field);
}

static gboolean
check_moment (const char  *stored,
              GDateTime   *now,
              const char  *future_message,
              GDateTime  **out,
              GError     **error)
{
  g_autoptr(GDateTime) moment = NULL;

  if (*stored == '\0')
    return TRUE;

  moment = sc_datetime_from_storage (stored);
  if (moment == NULL)
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                           _("A date in this concern is not a date. Type it again."));
      return FALSE;
    }
  if (g_date_time_difference (moment, now) > FUTURE_TOLERANCE)
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID, future_message);
      return FALSE;
    }

  *out = g_steal_pointer (&moment);
  return TRUE;
}

static gboolean
sc_concern_validate (ScRecord *record,
                     gboolean  final,
                     GError  **error)
{
  ScConcern *self = SC_CONCERN (record);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) happened = NULL;
  g_autoptr(GDateTime) disclosed = NULL;
  g_auto(GStrv) missing = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (choice_fields); i++)
    if (!sc_choice_is_valid (choice_fields[i], text (self, choice_fields[i])))
      {
        g_set_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                     _("“%s” is not one of the choices for this concern."),
                     text (self, choice_fields[i]));
        return FALSE;
      }

  /* A whole number of years under 18, or nothing when not known. */
  {
    const char *age = text (self, "other-child-age");
    guint64 years = 0;

    if (*age != '\0' && (!g_ascii_string_to_unsigned (age, 10, 0, 17, &years, NULL)))
      {
        g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                             _("The other child’s age is a whole number of years under 18; leave it "
                               "empty if it is not known."));
        return FALSE;
      }
  }

  if (!check_moment (text (self, "happened-at"), now,
                     _("The time it happened is in the future. Check the date and time."),
                     &happened, error)
      || !check_moment (text (self, "disclosed-at"), now,
                        _("The time it was disclosed is in the future. Check the date and time."),
                        &disclosed, error))
    return FALSE;

  if (happened != NULL && disclosed != NULL && g_date_time_compare (disclosed, happened) < 0)
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                           _("It was disclosed before it happened. Check the two dates."));
      return FALSE;
    }

  if (final && (missing = sc_concern_missing (self, TRUE))[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", missing);

      g_set_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED,
                   _("The concern cannot be saved without: %s."), list);
      return FALSE;
    }

  return TRUE;
}

static void
sc_concern_class_init (ScConcernClass *klass)
{
  ScRecordClass *record_class = SC_RECORD_CLASS (klass);

  sc_record_class_install_fields (record_class, "concern", concern_fields,
                                  G_N_ELEMENTS (concern_fields));
  record_class->validate = sc_concern_validate;
}

static void
sc_concern_init (ScConcern *self)
{
}

ScConcern *
sc_concern_new (gint64 child_id)
{
  ScConcern *self = g_object_new (SC_TYPE_CONCERN, NULL);

  sc_record_set_int64 (SC_RECORD (self), "child-id", child_id);
  sc_record_set_boolean (SC_RECORD (self), "is-draft", TRUE);
  sc_record_set_text (SC_RECORD (self), "status", "open");
  return self;
}

/* Where an adult is the alleged perpetrator, the record needs their role
 * and setting so a LADO referral can be made from it. */
/* Whether a child is said to have done it (child on child, or on an
 * adult): their age is asked then. */
gboolean
sc_concern_child_alleged (ScConcern *self)
{
  const char *who = text (self, "involvement");

  return g_str_equal (who, "child-on-child") || g_str_equal (who, "child-on-adult");
}

gboolean
sc_concern_adult_alleged (ScConcern *self)
{
  const char *who = text (self, "involvement");

  return g_str_equal (who, "adult-on-child") || g_str_equal (who, "staff-on-staff")
         || g_str_equal (who, "public-on-staff");
}

/* What the concern still lacks, as short labels. Only what happened, when,
 * and the area of behaviour are needed to save it; the rest can be
 * completed later and is listed so nobody forgets. */
GStrv
sc_concern_missing (ScConcern *self,
                    gboolean   required_only)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (sc_text_is_blank (text (self, "summary")))
    g_strv_builder_add (builder, _("what happened"));
  if (*text (self, "happened-at") == '\0')
    g_strv_builder_add (builder, _("when it happened"));
  if (*text (self, "area") == '\0')
    g_strv_builder_add (builder, _("the area of behaviour"));

  if (!required_only)
    {
      if (sc_text_is_blank (text (self, "own-words")))
        g_strv_builder_add (builder, _("the child’s own words"));
      if (*text (self, "intent") == '\0')
        g_strv_builder_add (builder, _("accidental or deliberate"));
      if (*text (self, "involvement") == '\0')
        g_strv_builder_add (builder, _("who is involved"));
      if (sc_concern_adult_alleged (self) && sc_text_is_blank (text (self, "adult-role")))
        g_strv_builder_add (builder, _("the adult’s role"));
      if (sc_concern_adult_alleged (self) && *text (self, "adult-works-with-children") == '\0')
        g_strv_builder_add (builder, _("whether the adult works with children"));
      if (*text (self, "location") == '\0')
        g_strv_builder_add (builder, _("where the content was made"));
      if (*text (self, "setting-type") == '\0')
        g_strv_builder_add (builder, _("the type of setting"));
      if (*text (self, "media") == '\0')
        g_strv_builder_add (builder, _("the media used"));
      if (sc_choice_list_has (text (self, "incident-types"), "other")
          && sc_text_is_blank (text (self, "incident-other")))
        g_strv_builder_add (builder, _("what the “other” type of incident was"));
    }

  return g_strv_builder_end (builder);
}
