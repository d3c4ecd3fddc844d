/* sc-chronology.c: a child's chronology, in the form courts use
 *
 * One time-ordered list of everything significant about a child: being
 * added to the caseload, each concern (when it happened, when it was
 * disclosed and when it was recorded), each step of the response done or
 * judged not needed (with its reference), each piece of evidence secured,
 * and each electronic contact. Every line has a serial number, a date and
 * time, the event and its source (which record, who recorded it), and
 * names the action that opens its record.
 *
 * It is read through the repository, never written: a chronology is a view
 * of the records, so it can never say what they do not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-chronology"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-choices.h"
#include "sc-chronology.h"
#include "sc-dates.h"
#include "sc-records.h"
#include "sc-response.h"
#include "sc-review.h"
#include "sc-addendum.h"

#define MAX_CONTACTS 100000

struct _ScChronologyEntry
{
  GObject            parent_instance;

  guint              serial;
  char              *at;       /* storage form, UTC */
  ScChronologyKinds  kind;
  gint64             record_id;
  char              *event;
  char              *source;
  const char        *action;   /* static */
  gint64             target;
};

G_DEFINE_FINAL_TYPE (ScChronologyEntry, sc_chronology_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERIAL,
  PROP_WHEN,
  PROP_EVENT,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sc_chronology_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ScChronologyEntry *self = SC_CHRONOLOGY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_SERIAL:
      g_value_set_uint (value, self->serial);
      break;
    case PROP_WHEN:
      g_value_take_string (value, sc_datetime_format_display (self->at));
      break;
    case PROP_EVENT:
      g_value_set_string (value, self->event);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_chronology_entry_finalize (GObject *object)
{
  ScChronologyEntry *self = SC_CHRONOLOGY_ENTRY (object);

  g_free (self->at);
  g_free (self->event);
  g_free (self->source);

  G_OBJECT_CLASS (sc_chronology_entry_parent_class)->finalize (object);
}

static void
sc_chronology_entry_class_init (ScChronologyEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sc_chronology_entry_get_property;
  object_class->finalize = sc_chronology_entry_finalize;

  properties[PROP_SERIAL] =
    g_param_spec_uint ("serial", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The date and time, as the worker reads them. */
  properties[PROP_WHEN] =
    g_param_spec_string ("when", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT] =
    g_param_spec_string ("event", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_chronology_entry_init (ScChronologyEntry *self)
{
}

guint
sc_chronology_entry_get_serial (ScChronologyEntry *self)
{
  g_return_val_if_fail (SC_IS_CHRONOLOGY_ENTRY (self), 0);
  return self->serial;
}

const char *
sc_chronology_entry_get_at (ScChronologyEntry *self)
{
  g_return_val_if_fail (SC_IS_CHRONOLOGY_ENTRY (self), NULL);
  return self->at;
}

ScChronologyKinds
sc_chronology_entry_get_kind (ScChronologyEntry *self)
{
  g_return_val_if_fail (SC_IS_CHRONOLOGY_ENTRY (self), 0);
  return self->kind;
}

const char *
sc_chronology_entry_get_event (ScChronologyEntry *self)
{
  g_return_val_if_fail (SC_IS_CHRONOLOGY_ENTRY (self), NULL);
  return self->event;
}

const char *
sc_chronology_entry_get_source (ScChronologyEntry *self)
{
  g_return_val_if_fail (SC_IS_CHRONOLOGY_ENTRY (self), NULL);
  return self->source;
}

/* The window action that opens the line's record ("window.show-concern"),
 * with sc_chronology_entry_get_target() as its target. */
const char *
sc_chronology_entry_get_action (ScChronologyEntry *self)
{
  g_return_val_if_fail (SC_IS_CHRONOLOGY_ENTRY (self), NULL);
  return self->action;
}

gint64
sc_chronology_entry_get_target (ScChronologyEntry *self)
{
  g_return_val_if_fail (SC_IS_CHRONOLOGY_ENTRY (self), 0);
  return self->target;
}

/* Building ----------------------------------------------------------------------- */

/* The record tables a chronology reads: a table added to the vault for a
 * new kind of record must be added here, with its line, or the
 * completeness test fails. */
const char *const *
sc_chronology_get_sources (void)
{
  static const char *const sources[] = {
    "child", "concern", "response_step", "evidence",
    "evidence_file",   /* said on its evidence's line */
    "contact", "review", "addendum", NULL
  };

  return sources;
}

typedef struct
{
  GPtrArray         *entries;
  ScChronologyKinds  kinds;
  const char        *from;
  const char        *to;
} Builder;

/* The first line of @text, for a chronology line that must stay short. */
static char *
first_line (const char *text)
{
  return g_strndup (text, strcspn (text, "\n"));
}

static void
add (Builder           *builder,
     ScChronologyKinds  kind,
     const char        *at,
     gint64             record_id,
     const char        *action,
     gint64             target,
     char              *event,
     char              *source)
{
  ScChronologyEntry *entry;

  if (!(builder->kinds & kind) || at == NULL || *at == '\0'
      || (builder->from != NULL && strcmp (at, builder->from) < 0)
      || (builder->to != NULL && strcmp (at, builder->to) > 0))
    {
      g_free (event);
      g_free (source);
      return;
    }
  entry = g_object_new (SC_TYPE_CHRONOLOGY_ENTRY, NULL);
  entry->kind = kind;
  entry->at = g_strdup (at);
  entry->record_id = record_id;
  entry->action = action;
  entry->target = target;
  entry->event = event;
  entry->source = source;
  g_ptr_array_add (builder->entries, entry);
}

static void
add_child (Builder    *builder,
           ScChild    *child,
           const char *created)
{
  ScRecord *r = SC_RECORD (child);
  g_autofree char *reference = NULL;

  if (*sc_record_get_text (r, "case-reference") != '\0')
    reference = g_strdup_printf (_(", case reference %s"), sc_record_get_text (r, "case-reference"));
  add (builder, SC_CHRONOLOGY_CHILD, created, sc_record_get_id (r),
       "window.show-child", sc_record_get_id (r),
       g_strdup_printf (_("Added to the caseload%s."), reference != NULL ? reference : ""),
       g_strdup (_("Child’s record")));
}

static void
add_concern (Builder    *builder,
             ScConcern  *concern,
             const char *worker)
{
  ScRecord *r = SC_RECORD (concern);
  const char *happened = sc_record_get_text (r, "happened-at");
  const char *disclosed = sc_record_get_text (r, "disclosed-at");
  const char *own_words = sc_record_get_text (r, "own-words");
  g_autofree char *recorded = sc_datetime_format_display (sc_record_get_text (r, "recorded-at"));
  g_autoptr(GString) event = g_string_new (NULL);
  gint64 id = sc_record_get_id (r);

  g_string_append_printf (event, _("Concern: %s"), sc_record_get_text (r, "summary"));
  if (*sc_record_get_text (r, "area") != '\0')
    g_string_append_printf (event, " (%s)", sc_choice_label ("area", sc_record_get_text (r, "area")));
  g_string_append (event, ".");
  if (*own_words != '\0')
    {
      g_autofree char *line = first_line (own_words);

      g_string_append_printf (event, _(" In the child’s words: “%s”."), line);
    }
  if (*disclosed != '\0')
    {
      g_autofree char *when = sc_datetime_format_display (disclosed);
      const char *to = sc_record_get_text (r, "disclosed-by");

      if (*to != '\0')
        g_string_append_printf (event, _(" Disclosed %s, to %s."), when, to);
      else
        g_string_append_printf (event, _(" Disclosed %s."), when);
    }
  /* Dated when it happened, or came to light; never lost for want of it. */
  add (builder, SC_CHRONOLOGY_CONCERN,
       *happened != '\0' ? happened : *disclosed != '\0' ? disclosed
                                                         : sc_record_get_text (r, "recorded-at"),
       id, "window.show-concern", id, g_string_free (g_steal_pointer (&event), FALSE),
       g_strdup_printf (_("Concern %lld, recorded %s by %s"), (long long) id, recorded, worker));
}

static void
add_step (Builder        *builder,
          ScProcedure    *procedure,
          ScResponseStep *step,
          gint64          concern_id)
{
  ScRecord *r = SC_RECORD (step);
  const char *status = sc_record_get_text (r, "status");
  const ScProcedureStep *known = procedure != NULL
                                 ? sc_procedure_get_step (procedure, sc_record_get_text (r, "step-id"))
                                 : NULL;
  const char *title = known != NULL ? sc_procedure_step_get_title (known)
                                    : sc_record_get_text (r, "step-id");
  g_autoptr(GString) event = g_string_new (NULL);

  if (g_str_equal (status, "done"))
    g_string_append_printf (event, _("%s: done."), title);
  else if (g_str_equal (status, "not-needed"))
    g_string_append_printf (event, _("%s: not needed, because %s."), title,
                            sc_record_get_text (r, "reason"));
  else
    return;   /* still to do: nothing has happened yet */
  if (*sc_record_get_text (r, "reference") != '\0')
    g_string_append_printf (event, _(" Reference: %s."), sc_record_get_text (r, "reference"));
  if (*sc_record_get_text (r, "notes") != '\0')
    {
      g_autofree char *notes = first_line (sc_record_get_text (r, "notes"));

      g_string_append_printf (event, _(" Notes: %s"), notes);
    }
  add (builder, SC_CHRONOLOGY_STEP, sc_record_get_text (r, "done-at"), sc_record_get_id (r),
       "window.show-concern", concern_id, g_string_free (g_steal_pointer (&event), FALSE),
       g_strdup_printf (_("Response to concern %lld, by %s"), (long long) concern_id,
                        sc_record_get_text (r, "done-by")));
}

static void
add_evidence (Builder    *builder,
              ScEvidence *evidence,
              gint64      concern_id)
{
  ScRecord *r = SC_RECORD (evidence);
  const char *secured = sc_record_get_text (r, "secured-at");
  g_autoptr(GString) event = g_string_new (NULL);

  g_string_append_printf (event, _("Evidence secured: %s."), sc_record_get_text (r, "what"));
  if (*sc_record_get_text (r, "held-where") != '\0')
    g_string_append_printf (event, _(" Held: %s."), sc_record_get_text (r, "held-where"));
  /* That a file is kept, never its name: a file's name may name the
   * child, and the chronology goes into documents named by initials. */
  if (*sc_record_get_text (r, "file-name") != '\0')
    g_string_append (event, _(" A file is kept in the vault."));
  add (builder, SC_CHRONOLOGY_EVIDENCE, *secured != '\0' ? secured : sc_record_get_text (r, "recorded-at"),
       sc_record_get_id (r), "window.show-concern", concern_id,
       g_string_free (g_steal_pointer (&event), FALSE),
       *sc_record_get_text (r, "secured-by") != '\0'
       ? g_strdup_printf (_("Evidence log of concern %lld, secured by %s"),
                          (long long) concern_id, sc_record_get_text (r, "secured-by"))
       : g_strdup_printf (_("Evidence log of concern %lld"), (long long) concern_id));
}

static void
add_contact (Builder    *builder,
             ScContact  *contact,
             const char *worker)
{
  ScRecord *r = SC_RECORD (contact);
  g_autoptr(GString) event = g_string_new (NULL);
  g_autofree char *summary = first_line (sc_record_get_text (r, "summary"));
  gint64 child_id = sc_record_get_int64 (r, "child-id");

  g_autofree char *whom = g_utf8_strdown (sc_choice_label ("with-whom",
                                                          sc_record_get_text (r, "with-whom")), -1);

  /* Translators: "Text message to: the child: Rang to confirm…"; the
   * first %s is the channel, the second the person. */
  g_string_append_printf (event, g_str_equal (sc_record_get_text (r, "direction"), "to")
                                 ? _("%s to %s") : _("%s from %s"),
                          sc_choice_label ("channel", sc_record_get_text (r, "channel")), whom);
  if (*summary != '\0')
    g_string_append_printf (event, ": %s", summary);
  g_string_append (event, ".");
  if (sc_contact_is_breach (contact))
    g_string_append (event, _(" On a personal device, with no manager’s approval."));
  add (builder, SC_CHRONOLOGY_CONTACT, sc_record_get_text (r, "happened-at"), sc_record_get_id (r),
       "window.show-contacts", child_id, g_string_free (g_steal_pointer (&event), FALSE),
       g_strdup_printf (_("Contact log, noted by %s"), worker));
}

static void
add_review (Builder  *builder,
            ScReview *review,
            gint64    concern_id)
{
  ScRecord *r = SC_RECORD (review);
  g_autoptr(GString) event = g_string_new (NULL);
  const char *role = sc_record_get_text (r, "role");

  g_string_append_printf (event, _("Reviewed by %s%s%s: %s. %s"), sc_record_get_text (r, "manager"),
                          *role != '\0' ? ", " : "", role,
                          sc_choice_label ("decision", sc_record_get_text (r, "decision")),
                          sc_record_get_text (r, "comments"));
  add (builder, SC_CHRONOLOGY_REVIEW, sc_record_get_text (r, "signed-at"), sc_record_get_id (r),
       "window.show-concern", concern_id, g_string_free (g_steal_pointer (&event), FALSE),
       g_strdup_printf (_("Review of concern %lld, signed with the manager’s own passphrase; audit "
                          "trail at %lld entries, head %.12s"),
                        (long long) concern_id, (long long) sc_record_get_int64 (r, "audit-entries"),
                        sc_record_get_text (r, "audit-head")));
}

/* A correction of a final record: said on a line of its own, in its
 * place in time, naming the record it corrects. */
static void
add_addendum (Builder    *builder,
              ScAddendum *addendum)
{
  ScRecord *r = SC_RECORD (addendum);
  const char *entity = sc_record_get_text (r, "entity");
  long long entity_id = (long long) sc_record_get_int64 (r, "entity-id");
  gint64 concern_id = sc_record_get_int64 (r, "concern-id");
  g_autofree char *what = g_str_equal (entity, "concern")
                          ? g_strdup_printf (_("concern %lld"), entity_id)
                          : g_str_equal (entity, "evidence")
                          ? g_strdup_printf (_("evidence entry %lld"), entity_id)
                          : g_str_equal (entity, "response_step")
                          ? g_strdup_printf (_("step %lld"), entity_id)
                          : g_strdup_printf (_("contact %lld"), entity_id);

  add (builder, SC_CHRONOLOGY_ADDENDUM, sc_record_get_text (r, "written-at"), sc_record_get_id (r),
       concern_id > 0 ? "window.show-concern" : "window.show-contacts",
       concern_id > 0 ? concern_id : sc_record_get_int64 (r, "child-id"),
       g_strdup_printf (_("Addendum to %s: %s"), what, sc_record_get_text (r, "text")),
       g_strdup_printf (_("Addendum, written and signed by %s"), sc_record_get_text (r, "author")));
}

static int
kind_order (ScChronologyKinds kind)
{
  return g_bit_nth_lsf (kind, -1);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  ScChronologyEntry *x = *(ScChronologyEntry *const *) a;
  ScChronologyEntry *y = *(ScChronologyEntry *const *) b;
  int by_time = strcmp (x->at, y->at);

  if (by_time != 0)
    return by_time;
  if (x->kind != y->kind)
    return kind_order (x->kind) - kind_order (y->kind);
  return x->record_id < y->record_id ? -1 : x->record_id > y->record_id;
}

static gboolean
add_concerns (Builder      *builder,
              ScVault      *vault,
              ScProcedure  *procedure,
              gint64        child_id,
              GError      **error)
{
  const char *worker = sc_vault_get_worker_name (vault);
  g_autoptr(GPtrArray) concerns = sc_records_list_concerns (vault, child_id, error);

  if (concerns == NULL)
    return FALSE;
  for (guint i = 0; i < concerns->len; i++)
    {
      ScConcern *concern = concerns->pdata[i];
      gint64 id = sc_record_get_id (SC_RECORD (concern));
      g_autoptr(GPtrArray) steps = NULL;
      g_autoptr(GPtrArray) evidence = NULL;
      g_autoptr(GPtrArray) reviews = NULL;

      /* A draft is still being written: not yet a record to rely on. */
      if (sc_record_get_boolean (SC_RECORD (concern), "is-draft"))
        continue;
      add_concern (builder, concern, worker);
      if (!(steps = sc_records_list_for_concern (vault, SC_TYPE_RESPONSE_STEP, id, error))
          || !(evidence = sc_evidence_list (vault, id, error))
          || !(reviews = sc_reviews_for_concern (vault, id, error)))
        return FALSE;
      for (guint v = 0; v < reviews->len; v++)
        add_review (builder, reviews->pdata[v], id);
      for (guint s = 0; s < steps->len; s++)
        add_step (builder, procedure, steps->pdata[s], id);
      for (guint e = 0; e < evidence->len; e++)
        add_evidence (builder, evidence->pdata[e], id);
    }
  return TRUE;
}

/* The chronology of child @child_id: the lines of @kinds whose time is
 * between @from and @to (storage form, either NULL for no bound), oldest
 * first, numbered from 1. @procedure names the steps (NULL: their ids). */
GPtrArray *
sc_chronology_build (ScVault            *vault,
                     ScProcedure        *procedure,
                     gint64              child_id,
                     ScChronologyKinds   kinds,
                     const char         *from,
                     const char         *to,
                     GError            **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  Builder builder = { entries, kinds, from, to };
  g_autoptr(ScChild) child = NULL;
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *created = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!(child = sc_records_load (vault, SC_TYPE_CHILD, child_id, error))
      || !(created = sc_records_child_created_at (vault, child_id, error)))
    return NULL;
  add_child (&builder, child, created);
  if (!add_concerns (&builder, vault, procedure, child_id, error))
    return NULL;
  query->child_id = child_id;
  if (!(contacts = sc_records_list_contacts (vault, query, 0, MAX_CONTACTS, error)))
    return NULL;
  for (guint i = 0; i < contacts->len; i++)
    add_contact (&builder, contacts->pdata[i], sc_vault_get_worker_name (vault));
  {
    g_autoptr(GPtrArray) addenda = sc_addenda_for_child (vault, child_id, error);

    if (addenda == NULL)
      return NULL;
    for (guint i = 0; i < addenda->len; i++)
      add_addendum (&builder, addenda->pdata[i]);
  }

  g_ptr_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    ((ScChronologyEntry *) entries->pdata[i])->serial = i + 1;
  return g_steal_pointer (&entries);
}
