/* sc-concern-form.c: what the concern form shows, and its drafts
 *
 * The view-model behind the concern editor, with no widget in it: the
 * concern being written, the dates as typed, which rows matter for the
 * answers so far, what is still missing, whether it can be saved, and the
 * sentence to show when something went wrong. The editor binds its rows to
 * these properties and to the concern's own.
 *
 * A draft is written to the vault a moment after each change, so a crash, a
 * lock or a closed lid loses nothing; saving checks the few things a concern
 * needs and makes the draft a concern.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-concern-form"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-choices.h"
#include "sc-concern-form.h"
#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-records.h"
#include "sc-response.h"
#include "sc-view-model.h"

#define DRAFT_DELAY_MS 600

struct _ScConcernForm
{
  GObject    parent_instance;

  ScVault   *vault;
  ScConcern *concern;
  char      *happened_text;
  char      *disclosed_text;
  gboolean   happened_valid;
  gboolean   disclosed_valid;
  char      *missing;
  char      *error;
  char      *status;
  gboolean   can_save;
  gboolean   show_incident_other;
  gboolean   show_adult;
  gboolean   show_other_child;
  gboolean   show_setting_other;
  gboolean   show_media_other;
  gboolean   show_outcome;
  guint      draft_source;
  gboolean   saving;       /* the vault writing the id and draft flag back */
  char      *disclosed_now;  /* filled in for a new concern, not typed */
  char      *forbidden_files;  /* files it may no longer keep, or NULL */
  char      *accidental_question;  /* the third "accidental" in a year, or NULL */
};

G_DEFINE_FINAL_TYPE (ScConcernForm, sc_concern_form, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_CONCERN,
  PROP_HAPPENED_TEXT,
  PROP_DISCLOSED_TEXT,
  PROP_HAPPENED_VALID,
  PROP_DISCLOSED_VALID,
  PROP_MISSING,
  PROP_ERROR,
  PROP_STATUS,
  PROP_CAN_SAVE,
  PROP_SHOW_INCIDENT_OTHER,
  PROP_SHOW_ADULT,
  PROP_SHOW_OTHER_CHILD,
  PROP_SHOW_SETTING_OTHER,
  PROP_SHOW_MEDIA_OTHER,
  PROP_SHOW_OUTCOME,
  PROP_FORBIDDEN_FILES,
  PROP_ACCIDENTAL_QUESTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_string (ScConcernForm *self,
            char         **field,
            const char    *value,
            guint          prop)
{
  sc_view_model_set_string (G_OBJECT (self), field, value, properties[prop]);
}

static void
set_boolean (ScConcernForm *self,
             gboolean      *field,
             gboolean       value,
             guint          prop)
{
  sc_view_model_set_boolean (G_OBJECT (self), field, value, properties[prop]);
}

static const char *
text (ScConcernForm *self,
      const char    *field)
{
  return sc_record_get_text (SC_RECORD (self->concern), field);
}

/* "To save this concern, add what happened, when it happened." */
static char *
describe_missing (ScConcernForm *self,
                  gboolean      *can_save)
{
  g_auto(GStrv) required = sc_concern_missing (self->concern, TRUE);
  g_auto(GStrv) all = sc_concern_missing (self->concern, FALSE);

  *can_save = required[0] == NULL;
  if (required[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", required);

      return g_strdup_printf (_("To save this concern, add %s."), list);
    }
  if (all[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", all);

      return g_strdup_printf (_("It can be saved now. Still to complete later: %s."), list);
    }
  return g_strdup (_("Every field of this form is filled in."));
}

/* What follows from the answers so far. */
static void
update (ScConcernForm *self)
{
  gboolean can_save = FALSE;
  g_autofree char *missing = describe_missing (self, &can_save);

  set_string (self, &self->missing, missing, PROP_MISSING);
  set_boolean (self, &self->can_save,
               can_save && self->happened_valid && self->disclosed_valid
               && self->forbidden_files == NULL, PROP_CAN_SAVE);
  set_boolean (self, &self->show_incident_other,
               sc_choice_list_has (text (self, "incident-types"), "other"), PROP_SHOW_INCIDENT_OTHER);
  set_boolean (self, &self->show_adult, sc_concern_adult_alleged (self->concern), PROP_SHOW_ADULT);
  set_boolean (self, &self->show_other_child, sc_concern_child_alleged (self->concern),
               PROP_SHOW_OTHER_CHILD);
  set_boolean (self, &self->show_setting_other, g_str_equal (text (self, "setting-type"), "other"),
               PROP_SHOW_SETTING_OTHER);
  set_boolean (self, &self->show_media_other, sc_choice_list_has (text (self, "media"), "other"),
               PROP_SHOW_MEDIA_OTHER);
  /* An outcome is written as the concern waits on action or is closed. */
  set_boolean (self, &self->show_outcome,
               !g_str_equal (text (self, "status"), "open") || *text (self, "outcome") != '\0',
               PROP_SHOW_OUTCOME);
}

static void
set_error_from (ScConcernForm *self,
                const GError  *error)
{
  g_autofree char *sentence = error != NULL ? sc_error_message_for (error) : NULL;

  set_string (self, &self->error, sentence, PROP_ERROR);
}

/* A concern that has become sexual or grooming may keep no file: the ones
 * it has are named, and it cannot be saved until they are removed. Read
 * when the area or the incident types change, not on every key. */
static void
check_files (ScConcernForm *self)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;

  if (sc_record_get_id (SC_RECORD (self->concern)) > 0 && !sc_evidence_files_allowed (self->concern))
    files = sc_evidence_with_files (self->vault, self->concern, NULL);
  for (guint i = 0; files != NULL && i < files->len; i++)
    g_ptr_array_add (names, (gpointer) sc_record_get_text (files->pdata[i], "file-name"));
  g_ptr_array_add (names, NULL);
  list = names->len > 1 ? g_strjoinv (", ", (char **) names->pdata) : NULL;
  set_string (self, &self->forbidden_files, list, PROP_FORBIDDEN_FILES);
  update (self);
}

/* "A number of 'accidental' occurrences should also be questioned" (seed
 * 002): a concern judged accidental when two others about the same child
 * were, within the year before it happened, asks the worker to think
 * again. Read when the intent or the time it happened changes. */
static void
check_accidental (ScConcernForm *self)
{
  g_autofree char *question = NULL;
  guint others = 0;

  if (g_str_equal (text (self, "intent"), "accidental"))
    {
      g_autoptr(GDateTime) happened = sc_datetime_from_storage (text (self, "happened-at"));
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) since = g_date_time_add_years (happened != NULL ? happened : now, -1);
      g_autofree char *from = sc_datetime_to_storage (since);

      if (!sc_records_count_accidental (self->vault, sc_record_get_int64 (SC_RECORD (self->concern), "child-id"),
                                        sc_record_get_id (SC_RECORD (self->concern)), from, &others, NULL))
        others = 0;
    }
  if (others >= 2)
    question = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "This child has had %u other concern judged accidental "
                                             "in the year before this one. A number of “accidental” "
                                             "occurrences should be questioned: is this one really "
                                             "accidental? Talk it through with your manager.",
                                             "This child has had %u other concerns judged accidental "
                                             "in the year before this one. A number of “accidental” "
                                             "occurrences should be questioned: is this one really "
                                             "accidental? Talk it through with your manager.",
                                             others), others);
  set_string (self, &self->accidental_question, question, PROP_ACCIDENTAL_QUESTION);
}

/* Removes the files a sexual or grooming concern may not keep, with an
 * audit row each (name, size, hash), so it can be saved. */
gboolean
sc_concern_form_remove_forbidden_files (ScConcernForm *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SC_IS_CONCERN_FORM (self), FALSE);

  if (!sc_evidence_remove_forbidden_files (self->vault, self->concern, &error))
    {
      set_error_from (self, error);
      return FALSE;
    }
  check_files (self);
  return TRUE;
}

static gboolean
has_content (ScConcernForm *self)
{
  g_autoptr(ScConcern) blank = sc_concern_new (sc_record_get_int64 (SC_RECORD (self->concern),
                                                                    "child-id"));

  /* "Disclosed now" was the form's, not the worker's. */
  if (self->disclosed_now != NULL)
    sc_record_set_text (SC_RECORD (blank), "disclosed-at", self->disclosed_now);
  return !sc_record_fields_equal (SC_RECORD (blank), SC_RECORD (self->concern));
}


/* Writes what is typed so far as a draft (or, for a saved concern, as the
 * concern). An untouched new form is not a draft. */
gboolean
sc_concern_form_save_draft (ScConcernForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *at = NULL;
  g_autofree char *status = NULL;

  g_return_val_if_fail (SC_IS_CONCERN_FORM (self), FALSE);

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (sc_record_get_id (SC_RECORD (self->concern)) == 0 && !has_content (self))
    return TRUE;
  /* Not written as sexual or grooming while it still holds files it may
   * not keep: the worker removes them first (the form says which). */
  if (self->forbidden_files != NULL)
    {
      g_autofree char *sentence = g_strdup_printf (_("Remove the files this concern may no longer "
                                                     "keep before it is saved: %s."),
                                                   self->forbidden_files);

      set_string (self, &self->error, sentence, PROP_ERROR);
      return FALSE;
    }

  self->saving = TRUE;
  if (!sc_records_save (self->vault, SC_RECORD (self->concern), &error))
    {
      self->saving = FALSE;
      set_error_from (self, error);
      return FALSE;
    }
  self->saving = FALSE;

  now = g_date_time_new_now_local ();
  at = g_date_time_format (now, "%H:%M:%S");
  status = g_strdup_printf (sc_record_get_boolean (SC_RECORD (self->concern), "is-draft")
                            ? _("Draft saved at %s") : _("Changes saved at %s"), at);
  set_string (self, &self->status, status, PROP_STATUS);
  /* A date that does not read is still said until it does. */
  if (self->happened_valid && self->disclosed_valid)
    set_error_from (self, NULL);
  return TRUE;
}

/* Completes the concern: no longer a draft. On failure, what was typed is
 * kept as a draft at least, and :error says why. */
gboolean
sc_concern_form_save (ScConcernForm *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SC_IS_CONCERN_FORM (self), FALSE);

  if (!self->can_save)
    return FALSE;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->saving = TRUE;
  if (!sc_records_complete (self->vault, SC_RECORD (self->concern), &error))
    {
      self->saving = FALSE;
      sc_concern_form_save_draft (self);
      set_error_from (self, error);
      return FALSE;
    }
  self->saving = FALSE;
  update (self);
  set_error_from (self, NULL);
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

/* Now, not in a moment: before a lock, or when the form is left. */
void
sc_concern_form_flush (ScConcernForm *self)
{
  g_return_if_fail (SC_IS_CONCERN_FORM (self));

  if (self->draft_source != 0)
    sc_concern_form_save_draft (self);
}

static gboolean
draft_timeout_cb (gpointer data)
{
  ScConcernForm *self = data;

  self->draft_source = 0;
  sc_concern_form_save_draft (self);
  return G_SOURCE_REMOVE;
}

static void
concern_changed_cb (ScConcernForm *self,
                    GParamSpec    *pspec)
{
  if (self->saving)
    return;
  if (g_str_equal (pspec->name, "area") || g_str_equal (pspec->name, "incident-types"))
    check_files (self);
  if (g_str_equal (pspec->name, "intent") || g_str_equal (pspec->name, "happened-at"))
    check_accidental (self);
  update (self);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

/* A date as typed: stored once it reads; until then the last date that read
 * stays in the draft, and the sentence says what is wrong. */
static void
set_date_text (ScConcernForm *self,
               const char    *field,
               char         **typed,
               gboolean      *valid,
               guint          text_prop,
               guint          valid_prop,
               const char    *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) moment = NULL;

  if (value == NULL)
    value = "";
  if (g_strcmp0 (*typed, value) == 0)
    return;
  g_free (*typed);
  *typed = g_strdup (value);

  if (*value == '\0')
    {
      set_boolean (self, valid, TRUE, valid_prop);
      sc_record_set_text (SC_RECORD (self->concern), field, "");
    }
  else if ((moment = sc_datetime_parse_local (value, &error)))
    {
      g_autofree char *stored = sc_datetime_to_storage (moment);

      set_boolean (self, valid, TRUE, valid_prop);
      sc_record_set_text (SC_RECORD (self->concern), field, stored);
    }
  else
    {
      set_boolean (self, valid, FALSE, valid_prop);
      set_string (self, &self->error, error->message, PROP_ERROR);
    }
  if (self->happened_valid && self->disclosed_valid)
    set_error_from (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[text_prop]);
  update (self);
}

ScConcernForm *
sc_concern_form_new (ScVault   *vault,
                     ScConcern *concern)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (SC_IS_CONCERN (concern), NULL);

  return g_object_new (SC_TYPE_CONCERN_FORM, "vault", vault, "concern", concern, NULL);
}

static void
sc_concern_form_constructed (GObject *object)
{
  ScConcernForm *self = SC_CONCERN_FORM (object);

  G_OBJECT_CLASS (sc_concern_form_parent_class)->constructed (object);

  g_assert (self->vault != NULL && self->concern != NULL);
  self->happened_text = sc_datetime_format_entry (text (self, "happened-at"));
  self->disclosed_text = sc_datetime_format_entry (text (self, "disclosed-at"));
  check_files (self);
  check_accidental (self);
  g_signal_connect_object (self->concern, "notify", G_CALLBACK (concern_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* A new concern is usually recorded straight after the disclosure. */
  if (sc_record_get_id (SC_RECORD (self->concern)) == 0 && *text (self, "disclosed-at") == '\0')
    {
      g_autofree char *now = sc_datetime_now_storage ();
      g_autofree char *typed = sc_datetime_format_entry (now);

      g_object_set (self, "disclosed-text", typed, NULL);
      self->disclosed_now = g_strdup (text (self, "disclosed-at"));
    }
}

ScConcern *
sc_concern_form_get_concern (ScConcernForm *self)
{
  g_return_val_if_fail (SC_IS_CONCERN_FORM (self), NULL);
  return self->concern;
}

const char *
sc_concern_form_get_missing (ScConcernForm *self)
{
  g_return_val_if_fail (SC_IS_CONCERN_FORM (self), NULL);
  return self->missing;
}

const char *
sc_concern_form_get_error (ScConcernForm *self)
{
  g_return_val_if_fail (SC_IS_CONCERN_FORM (self), NULL);
  return self->error;
}

gboolean
sc_concern_form_get_can_save (ScConcernForm *self)
{
  g_return_val_if_fail (SC_IS_CONCERN_FORM (self), FALSE);
  return self->can_save;
}

static void
sc_concern_form_dispose (GObject *object)
{
  ScConcernForm *self = SC_CONCERN_FORM (object);

  g_clear_handle_id (&self->draft_source, g_source_remove);
  g_clear_object (&self->concern);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (sc_concern_form_parent_class)->dispose (object);
}

static void
sc_concern_form_finalize (GObject *object)
{
  ScConcernForm *self = SC_CONCERN_FORM (object);

  g_free (self->happened_text);
  g_free (self->disclosed_text);
  g_free (self->missing);
  g_free (self->error);
  g_free (self->status);
  g_free (self->disclosed_now);
  g_free (self->forbidden_files);
  g_free (self->accidental_question);

  G_OBJECT_CLASS (sc_concern_form_parent_class)->finalize (object);
}

static void
sc_concern_form_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScConcernForm *self = SC_CONCERN_FORM (object);

  switch (prop_id)
    {
    case PROP_VAULT: g_value_set_object (value, self->vault); break;
    case PROP_CONCERN: g_value_set_object (value, self->concern); break;
    case PROP_HAPPENED_TEXT: g_value_set_string (value, self->happened_text); break;
    case PROP_DISCLOSED_TEXT: g_value_set_string (value, self->disclosed_text); break;
    case PROP_HAPPENED_VALID: g_value_set_boolean (value, self->happened_valid); break;
    case PROP_DISCLOSED_VALID: g_value_set_boolean (value, self->disclosed_valid); break;
    case PROP_MISSING: g_value_set_string (value, self->missing); break;
    case PROP_ERROR: g_value_set_string (value, self->error); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_CAN_SAVE: g_value_set_boolean (value, self->can_save); break;
    case PROP_SHOW_INCIDENT_OTHER: g_value_set_boolean (value, self->show_incident_other); break;
    case PROP_SHOW_ADULT: g_value_set_boolean (value, self->show_adult); break;
    case PROP_SHOW_OTHER_CHILD: g_value_set_boolean (value, self->show_other_child); break;
    case PROP_SHOW_SETTING_OTHER: g_value_set_boolean (value, self->show_setting_other); break;
    case PROP_SHOW_MEDIA_OTHER: g_value_set_boolean (value, self->show_media_other); break;
    case PROP_SHOW_OUTCOME: g_value_set_boolean (value, self->show_outcome); break;
    case PROP_FORBIDDEN_FILES: g_value_set_string (value, self->forbidden_files); break;
    case PROP_ACCIDENTAL_QUESTION: g_value_set_string (value, self->accidental_question); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_concern_form_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ScConcernForm *self = SC_CONCERN_FORM (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_CONCERN:
      self->concern = g_value_dup_object (value);
      break;
    case PROP_HAPPENED_TEXT:
      set_date_text (self, "happened-at", &self->happened_text, &self->happened_valid,
                     PROP_HAPPENED_TEXT, PROP_HAPPENED_VALID, g_value_get_string (value));
      break;
    case PROP_DISCLOSED_TEXT:
      set_date_text (self, "disclosed-at", &self->disclosed_text, &self->disclosed_valid,
                     PROP_DISCLOSED_TEXT, PROP_DISCLOSED_VALID, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_concern_form_class_init (ScConcernFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = sc_concern_form_constructed;
  object_class->dispose = sc_concern_form_dispose;
  object_class->finalize = sc_concern_form_finalize;
  object_class->get_property = sc_concern_form_get_property;
  object_class->set_property = sc_concern_form_set_property;

  properties[PROP_VAULT] = g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT, construct);
  properties[PROP_CONCERN] = g_param_spec_object ("concern", NULL, NULL, SC_TYPE_CONCERN, construct);
  /* The dates as the worker types them ("24/11/2026 15:30"). */
  properties[PROP_HAPPENED_TEXT] = g_param_spec_string ("happened-text", NULL, NULL, "", rw);
  properties[PROP_DISCLOSED_TEXT] = g_param_spec_string ("disclosed-text", NULL, NULL, "", rw);
  properties[PROP_HAPPENED_VALID] = sc_view_model_boolean_property ("happened-valid");
  properties[PROP_DISCLOSED_VALID] = sc_view_model_boolean_property ("disclosed-valid");
  /* What is still needed, in a sentence. */
  properties[PROP_MISSING] = sc_view_model_string_property ("missing");
  /* What went wrong, in a sentence; NULL when nothing did. */
  properties[PROP_ERROR] = sc_view_model_string_property ("error");
  /* "Draft saved at 15:31:02". */
  properties[PROP_STATUS] = sc_view_model_string_property ("status");
  properties[PROP_CAN_SAVE] = sc_view_model_boolean_property ("can-save");
  /* Rows that only matter for some answers. */
  properties[PROP_SHOW_INCIDENT_OTHER] = sc_view_model_boolean_property ("show-incident-other");
  properties[PROP_SHOW_ADULT] = sc_view_model_boolean_property ("show-adult");
  properties[PROP_SHOW_OTHER_CHILD] = sc_view_model_boolean_property ("show-other-child");
  properties[PROP_SHOW_SETTING_OTHER] = sc_view_model_boolean_property ("show-setting-other");
  properties[PROP_SHOW_MEDIA_OTHER] = sc_view_model_boolean_property ("show-media-other");
  properties[PROP_SHOW_OUTCOME] = sc_view_model_boolean_property ("show-outcome");
  /* Files a sexual or grooming concern may not keep, named; NULL when none. */
  properties[PROP_FORBIDDEN_FILES] = sc_view_model_string_property ("forbidden-files");
  properties[PROP_ACCIDENTAL_QUESTION] = sc_view_model_string_property ("accidental-question");
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScConcernForm::saved:
   *
   * The concern was completed: it is no longer a draft.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sc_concern_form_init (ScConcernForm *self)
{
  self->happened_valid = TRUE;
  self->disclosed_valid = TRUE;
}
