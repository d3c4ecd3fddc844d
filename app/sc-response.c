/* sc-response.c: the response to a concern, step by step, and its evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-response"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-records-private.h"
#include "sc-response.h"
#include "sc-secure.h"

/* Steps --------------------------------------------------------------------------- */

struct _ScResponseStep
{
  ScRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ScResponseStep, sc_response_step, SC_TYPE_RECORD)

static const ScField step_fields[] = {
  { "concern-id", SC_FIELD_INT64 },
  { "step-id", SC_FIELD_TEXT },
  { "status", SC_FIELD_TEXT },
  { "reason", SC_FIELD_TEXT },
  { "done-by", SC_FIELD_TEXT },
  { "done-at", SC_FIELD_TEXT },
  { "notes", SC_FIELD_TEXT },
  { "reference", SC_FIELD_TEXT },
  { "due-at", SC_FIELD_TEXT },
  { "recorded-at", SC_FIELD_TEXT },
};

static const char *const statuses[] = { "to-do", "done", "not-needed", NULL };

static gboolean
sc_response_step_validate (ScRecord *record,
                           gboolean  final,
                           GError  **error)
{
  const char *status = sc_record_get_text (record, "status");

  if (!g_strv_contains (statuses, status))
    {
      g_set_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                   _("“%s” is not a status of a step."), status);
      return FALSE;
    }
  /* "Not needed" is a decision someone may be asked to explain. */
  if (g_str_equal (status, "not-needed") && sc_text_is_blank (sc_record_get_text (record, "reason")))
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED,
                           _("Say why this step is not needed."));
      return FALSE;
    }
  return TRUE;
}

static void
sc_response_step_class_init (ScResponseStepClass *klass)
{
  ScRecordClass *record_class = SC_RECORD_CLASS (klass);

  sc_record_class_install_fields (record_class, "response_step", step_fields,
                                  G_N_ELEMENTS (step_fields));
  record_class->validate = sc_response_step_validate;
}

static void
sc_response_step_init (ScResponseStep *self)
{
}

/* Evidence ------------------------------------------------------------------------ */

struct _ScEvidence
{
  ScRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ScEvidence, sc_evidence, SC_TYPE_RECORD)

static const ScField evidence_fields[] = {
  { "concern-id", SC_FIELD_INT64 },
  { "what", SC_FIELD_TEXT },
  { "held-where", SC_FIELD_TEXT },
  { "secured-by", SC_FIELD_TEXT },
  { "secured-at", SC_FIELD_TEXT },
  { "urls", SC_FIELD_TEXT },
  { "usernames", SC_FIELD_TEXT },
  { "file-name", SC_FIELD_TEXT },
  { "file-type", SC_FIELD_TEXT },
  { "recorded-at", SC_FIELD_TEXT },
};

static gboolean
sc_evidence_validate (ScRecord *record,
                      gboolean  final,
                      GError  **error)
{
  if (sc_text_is_blank (sc_record_get_text (record, "what")))
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED,
                           _("Say what the evidence is."));
      return FALSE;
    }
  return TRUE;
}

static void
sc_evidence_class_init (ScEvidenceClass *klass)
{
  ScRecordClass *record_class = SC_RECORD_CLASS (klass);

  sc_record_class_install_fields (record_class, "evidence", evidence_fields,
                                  G_N_ELEMENTS (evidence_fields));
  record_class->validate = sc_evidence_validate;
}

static void
sc_evidence_init (ScEvidence *self)
{
}

ScEvidence *
sc_evidence_new (gint64 concern_id)
{
  ScEvidence *self = g_object_new (SC_TYPE_EVIDENCE, NULL);

  sc_record_set_int64 (SC_RECORD (self), "concern-id", concern_id);
  return self;
}

/* Building the response ------------------------------------------------------------ */

static ScSituation
situation_of (ScConcern *concern,
              ScChild   *child)
{
  ScRecord *r = SC_RECORD (concern);
  ScSituation situation = {
    sc_record_get_text (r, "area"),
    sc_record_get_text (r, "involvement"),
    sc_record_get_text (r, "location"),
    -1,
    -1,
    sc_record_get_text (r, "incident-types"),
  };
  const char *works = sc_record_get_text (r, "adult-works-with-children");
  g_autoptr(GDateTime) happened = sc_datetime_from_storage (sc_record_get_text (r, "happened-at"));

  /* Yes, no, or not known ("works with children" ticked before the
   * question had three answers is a yes). */
  if (g_str_equal (works, "yes") || (*works == '\0' && sc_record_get_boolean (r, "adult-is-staff")))
    situation.adult_works_with_children = 1;
  else if (g_str_equal (works, "no"))
    situation.adult_works_with_children = 0;

  /* The child's age when it happened, or today if that is not known. */
  if (child != NULL)
    {
      GDate on;

      if (happened != NULL)
        {
          g_date_clear (&on, 1);
          g_date_set_dmy (&on, g_date_time_get_day_of_month (happened),
                          g_date_time_get_month (happened), g_date_time_get_year (happened));
        }
      else
        sc_date_today (&on);
      situation.child_age = sc_child_get_age (child, &on);
    }
  return situation;
}

static void
item_free (ScResponseItem *item)
{
  g_clear_object (&item->record);
  g_free (item);
}

/* The items for @concern given what was @recorded of its steps (NULL:
 * nothing yet). */
static GPtrArray *
build_items (ScProcedure *procedure,
             ScConcern   *concern,
             ScChild     *child,
             GPtrArray   *recorded)
{
  gint64 concern_id = sc_record_get_id (SC_RECORD (concern));
  ScSituation situation = situation_of (concern, child);
  g_autoptr(GPtrArray) steps = sc_procedure_steps_for (procedure, &situation);
  /* Deadlines run from when the concern came to the worker's attention (it
   * was disclosed), not from when it was typed up: a Friday disclosure
   * recorded on Tuesday is already overdue for the LADO. */
  const char *disclosed = sc_record_get_text (SC_RECORD (concern), "disclosed-at");
  g_autoptr(GDateTime) from = sc_datetime_from_storage (*disclosed != '\0'
                                                        ? disclosed
                                                        : sc_record_get_text (SC_RECORD (concern),
                                                                              "recorded-at"));
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);

  for (guint i = 0; i < steps->len; i++)
    {
      const ScProcedureStep *step = steps->pdata[i];
      ScResponseItem *item = g_new0 (ScResponseItem, 1);

      item->step = step;
      item->unknown = sc_procedure_step_unknown (step, &situation);
      for (guint j = 0; recorded != NULL && j < recorded->len; j++)
        if (g_str_equal (sc_record_get_text (recorded->pdata[j], "step-id"),
                         sc_procedure_step_get_id (step)))
          item->record = g_object_ref (recorded->pdata[j]);

      if (item->record == NULL)
        {
          g_autoptr(GDateTime) due = from != NULL ? sc_procedure_due (procedure, step, from) : NULL;

          item->record = g_object_new (SC_TYPE_RESPONSE_STEP, NULL);
          sc_record_set_int64 (SC_RECORD (item->record), "concern-id", concern_id);
          sc_record_set_text (SC_RECORD (item->record), "step-id", sc_procedure_step_get_id (step));
          sc_record_set_text (SC_RECORD (item->record), "status", "to-do");
          if (due != NULL)
            {
              g_autofree char *text = sc_datetime_to_storage (due);

              sc_record_set_text (SC_RECORD (item->record), "due-at", text);
            }
        }
      g_ptr_array_add (result, item);
    }
  return result;
}

/* The steps that apply to @concern now, in the procedure's order, each with
 * what was recorded of it. Changing the concern's category changes the list
 * but never loses a recorded step. */
GPtrArray *
sc_response_build (ScVault     *vault,
                   ScProcedure *procedure,
                   ScConcern   *concern,
                   ScChild     *child,
                   GError     **error)
{
  gint64 concern_id = sc_record_get_id (SC_RECORD (concern));
  g_autoptr(GPtrArray) recorded = NULL;

  if (concern_id > 0
      && !(recorded = sc_records_list_for_concern (vault, SC_TYPE_RESPONSE_STEP, concern_id, error)))
    return NULL;
  return build_items (procedure, concern, child, recorded);
}

/* Records a step as done, not needed (with @reason) or back to do. */
gboolean
sc_response_mark (ScVault        *vault,
                  ScResponseItem *item,
                  const char     *status,
                  const char     *reason,
                  GError        **error)
{
  ScRecord *r = SC_RECORD (item->record);
  const char *kind = sc_procedure_step_get_kind (item->step);
  g_autoptr(ScResponseStep) before = g_object_new (SC_TYPE_RESPONSE_STEP, NULL);

  /* A referral is done when it can be traced: the reference number, or
   * who was spoken to. (When is recorded with it.) */
  if (g_str_equal (status, "done")
      && (g_str_equal (kind, "lado") || g_str_equal (kind, "police")
          || g_str_equal (kind, "child-protection"))
      && sc_text_is_blank (sc_record_get_text (r, "reference")))
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED,
                           _("Note the reference number, or the name of the person you spoke to, "
                             "before marking this referral done."));
      return FALSE;
    }

  sc_record_copy_fields (SC_RECORD (before), r);
  sc_record_set_text (r, "status", status);
  sc_record_set_text (r, "reason", reason != NULL ? reason : "");
  if (g_str_equal (status, "to-do"))
    {
      sc_record_set_text (r, "done-at", "");
      sc_record_set_text (r, "done-by", "");
    }
  else
    {
      g_autofree char *now = sc_datetime_now_storage ();

      sc_record_set_text (r, "done-at", now);
      /* Whoever unlocked: a manager's session marks steps in their name. */
      sc_record_set_text (r, "done-by", sc_vault_get_actor (vault));
    }

  if (!sc_record_validate (r, FALSE, error) || !sc_records_save_as (vault, &r, 1, SC_WRITE_MARK, error))
    {
      sc_record_copy_fields (r, SC_RECORD (before));
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_response_is_overdue (ScResponseStep *record,
                        GDateTime      *now)
{
  g_autoptr(GDateTime) due = sc_datetime_from_storage (sc_record_get_text (SC_RECORD (record),
                                                                           "due-at"));

  return due != NULL && g_str_equal (sc_record_get_text (SC_RECORD (record), "status"), "to-do")
         && g_date_time_compare (due, now) < 0;
}

/* "Overdue: Refer to the LADO (due 24 November 2026, 15:00)". */
static char *
urgent_sentence (const ScProcedureStep *step,
                 GDateTime             *due)
{
  g_autofree char *stored = sc_datetime_to_storage (due);
  g_autofree char *when = sc_datetime_format_display (stored);

  /* Translators: "Overdue: Refer to the LADO (due 24 November 2026, 15:00)". */
  return g_strdup_printf (_("Overdue: %s (due %s)"), sc_procedure_step_get_title (step), when);
}

static gint64 *
id_key (gint64 id)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  return key;
}

/* Each record of @records under its @field's id: id → GPtrArray (borrowed
 * records). */
static GHashTable *
group_by (GPtrArray  *records,
          const char *field)
{
  GHashTable *groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      gint64 id = sc_record_get_int64 (records->pdata[i], field);
      GPtrArray *group = g_hash_table_lookup (groups, &id);

      if (group == NULL)
        g_hash_table_insert (groups, id_key (id), group = g_ptr_array_new ());
      g_ptr_array_add (group, records->pdata[i]);
    }
  return groups;
}

/* For each of @children with open concerns, the most urgent overdue step,
 * as the caseload shows it: child id (gint64 *) → sentence. Two queries for
 * the whole list (their open concerns, and those concerns' steps), never
 * one per child, so a page of the caseload costs the same as one row. */
GHashTable *
sc_response_most_urgent_for (ScVault     *vault,
                             ScProcedure *procedure,
                             GPtrArray   *children,
                             GDateTime   *now)
{
  GHashTable *urgent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) child_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) concern_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) concerns = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GHashTable) concerns_of = NULL;
  g_autoptr(GHashTable) steps_of = NULL;

  for (guint i = 0; i < children->len && child_ids->len < 500; i++)
    {
      gint64 id = sc_record_get_id (children->pdata[i]);

      if (id > 0)
        g_array_append_val (child_ids, id);
    }
  if (child_ids->len == 0)
    return urgent;

  concerns = sc_records_list_where_in (vault, SC_TYPE_CONCERN, "child_id",
                                       (const gint64 *) (gpointer) child_ids->data, child_ids->len,
                                       "AND is_draft = 0 AND status != 'closed'", NULL);
  for (guint i = 0; concerns != NULL && i < concerns->len && concern_ids->len < 500; i++)
    {
      gint64 id = sc_record_get_id (concerns->pdata[i]);

      g_array_append_val (concern_ids, id);
    }
  steps = sc_records_list_where_in (vault, SC_TYPE_RESPONSE_STEP, "concern_id",
                                    (const gint64 *) (gpointer) concern_ids->data, concern_ids->len,
                                    "", NULL);
  concerns_of = group_by (concerns, "child-id");
  steps_of = group_by (steps, "concern-id");

  for (guint i = 0; i < children->len; i++)
    {
      ScChild *child = children->pdata[i];
      gint64 child_id = sc_record_get_id (SC_RECORD (child));
      GPtrArray *mine = g_hash_table_lookup (concerns_of, &child_id);
      g_autoptr(GDateTime) earliest = NULL;
      const ScProcedureStep *step = NULL;

      for (guint c = 0; mine != NULL && c < mine->len; c++)
        {
          gint64 concern_id = sc_record_get_id (mine->pdata[c]);
          g_autoptr(GPtrArray) items = build_items (procedure, mine->pdata[c], child,
                                                    g_hash_table_lookup (steps_of, &concern_id));

          for (guint j = 0; j < items->len; j++)
            {
              ScResponseItem *item = items->pdata[j];
              g_autoptr(GDateTime) due = NULL;

              /* A step that only may apply is shown, not flagged overdue on
               * the caseload until the answer says it applies. */
              if (item->unknown != NULL || !sc_response_is_overdue (item->record, now))
                continue;
              due = sc_datetime_from_storage (sc_record_get_text (SC_RECORD (item->record),
                                                                  "due-at"));
              if (earliest == NULL || g_date_time_compare (due, earliest) < 0)
                {
                  g_clear_pointer (&earliest, g_date_time_unref);
                  earliest = g_date_time_ref (due);
                  step = item->step;
                }
            }
        }
      if (step != NULL)
        g_hash_table_insert (urgent, id_key (child_id), urgent_sentence (step, earliest));
    }
  return urgent;
}

/* The most urgent overdue step of the child's open concerns, as a short
 * sentence for the caseload and the child's page; NULL when nothing is. */
char *
sc_response_most_urgent (ScVault     *vault,
                         ScProcedure *procedure,
                         ScChild     *child,
                         GDateTime   *now)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GHashTable) urgent = NULL;
  gint64 id = sc_record_get_id (SC_RECORD (child));

  g_ptr_array_add (one, child);
  urgent = sc_response_most_urgent_for (vault, procedure, one, now);
  return g_strdup (g_hash_table_lookup (urgent, &id));
}

/* Evidence files ---------------------------------------------------------------------- */

/* No file of any kind for a sexual or grooming concern, by its area or by
 * any of its incident types: seed 003 says never to save, print or forward
 * anything suspected to be an indecent image, and a file's first bytes
 * cannot tell what a container (ZIP, DOCX, PDF, an email) holds. */
gboolean
sc_evidence_files_allowed (ScConcern *concern)
{
  const char *area = sc_record_get_text (SC_RECORD (concern), "area");
  const char *types = sc_record_get_text (SC_RECORD (concern), "incident-types");

  return !g_str_equal (area, "sexual") && !g_str_equal (area, "grooming")
         && !sc_choice_list_has (types, "sexual") && !sc_choice_list_has (types, "grooming");
}

/* A line of an email's or a MIME part's header, anywhere in the text: an
 * .eml carries its attachments as base64 text. */
static gboolean
looks_like_mail (const char *text)
{
  static const char *const headers[] = {
    "content-type:", "mime-version:", "content-transfer-encoding:", "content-disposition:",
  };

  for (const char *line = text; line != NULL && *line != '\0';
       line = strchr (line, '\n') != NULL ? strchr (line, '\n') + 1 : NULL)
    for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
      if (g_ascii_strncasecmp (line, headers[i], strlen (headers[i])) == 0)
        return TRUE;
  return FALSE;
}

/* "data:" starting a word, as a URI does ("metadata:" in a note is text). */
static gboolean
has_data_uri (const char *folded)
{
  for (const char *p = strstr (folded, "data:"); p != NULL; p = strstr (p + 1, "data:"))
    if (p == folded || !g_ascii_isalnum (p[-1]))
      return TRUE;
  return FALSE;
}

/* Plain text, and nothing that carries something else: UTF-8 without NUL
 * bytes, not markup (HTML, SVG, XML start with '<'), no data: URI, no email
 * or MIME headers. */
static gboolean
is_plain_text (const guchar *b,
               gsize         n)
{
  g_autofree char *folded = NULL;
  const char *text = (const char *) b;
  gsize start = 0;

  if (n == 0 || memchr (b, '\0', n) != NULL || !g_utf8_validate (text, (gssize) n, NULL))
    return FALSE;
  if (n >= 3 && memcmp (b, "\xEF\xBB\xBF", 3) == 0)
    start = 3;
  while (start < n && g_ascii_isspace (text[start]))
    start++;
  if (start < n && text[start] == '<')
    return FALSE;
  folded = g_ascii_strdown (text, (gssize) n);
  return !has_data_uri (folded) && strstr (folded, ";base64,") == NULL
         && !looks_like_mail (folded);
}

static gboolean
has_allowed_magic (const guchar *b,
                   gsize         n)
{
  return (n >= 8 && memcmp (b, "\x89PNG\r\n\x1a\n", 8) == 0)
         || (n >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff)
         || (n >= 5 && memcmp (b, "%PDF-", 5) == 0);
}

/* The kinds of file kept, by what they hold, never by their name:
 * pictures (PNG, JPEG), PDF documents and plain text. NULL for anything
 * else (archives, office files, mail, web pages, films…). */
static const char *
allowed_type (const guchar *b,
              gsize         n)
{
  if (n >= 8 && memcmp (b, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (n >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff)
    return "image/jpeg";
  if (n >= 5 && memcmp (b, "%PDF-", 5) == 0)
    return "application/pdf";
  if (is_plain_text (b, n))
    return "text/plain";
  return NULL;
}

/* Whether @data may be kept as evidence for @concern, and as what. */
static const char *
check_evidence_file (ScConcern    *concern,
                     const guchar *bytes,
                     gsize         size,
                     gsize         max_bytes,
                     GError      **error)
{
  const char *type;

  if (!sc_evidence_files_allowed (concern))
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                           _("Safecase keeps no files of any kind for a sexual or grooming "
                             "concern. Never save, print, forward or screenshot a suspected "
                             "indecent image of a child: describe where the material is, when it "
                             "was seen and who holds the device, and let the police secure it."));
      return NULL;
    }
  if (size > max_bytes)
    {
      g_autofree char *limit = g_format_size (max_bytes);

      g_set_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_TOO_LONG,
                   _("Evidence files can be at most %s. Describe this one instead, and say where "
                     "it is kept."), limit);
      return NULL;
    }
  if (!(type = allowed_type (bytes, size)))
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                           _("Safecase keeps only pictures (PNG or JPEG), PDF documents and plain "
                             "text as evidence files, judged by what they hold. Describe this "
                             "file instead, and say where it is kept."));
      return NULL;
    }
  return type;
}

/* Keeps @data as @evidence's file, if the policy allows it (see
 * sc_evidence_files_allowed() and allowed_type()) and it is at most
 * @max_bytes. */
gboolean
sc_evidence_attach (ScVault    *vault,
                    ScEvidence *evidence,
                    ScConcern  *concern,
                    const char *file_name,
                    GBytes     *data,
                    gsize       max_bytes,
                    GError    **error)
{
  gsize size;
  const guchar *bytes = g_bytes_get_data (data, &size);
  const char *type = check_evidence_file (concern, bytes, size, max_bytes, error);

  if (type == NULL)
    return FALSE;
  /* One file an entry: a second never silently replaces the first. */
  if (*sc_record_get_text (SC_RECORD (evidence), "file-name") != '\0')
    {
      g_set_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                   _("This evidence already has a file, %s. Add another evidence entry for "
                     "another file."), sc_record_get_text (SC_RECORD (evidence), "file-name"));
      return FALSE;
    }
  sc_record_set_text (SC_RECORD (evidence), "file-name", file_name);
  sc_record_set_text (SC_RECORD (evidence), "file-type", type);
  return sc_records_save_with_file (vault, SC_RECORD (evidence), data, error);
}

/* Reads @file for sc_evidence_attach(): its first bytes are judged before the
 * rest is read, and never more than @max_bytes and one are read. */
GBytes *
sc_evidence_read_file (ScConcern    *concern,
                       GFile        *file,
                       gsize         max_bytes,
                       GCancellable *cancellable,
                       GError      **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[64 * 1024];

  if (!sc_evidence_files_allowed (concern))
    {
      check_evidence_file (concern, NULL, 0, max_bytes, error);
      return NULL;
    }
  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, cancellable,
                                      error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, (guint) n);
      if (data->len > max_bytes)
        {
          check_evidence_file (concern, data->data, data->len, max_bytes, error);
          return NULL;
        }
      /* Binary that is not a picture or a PDF is refused on its first
       * bytes, without reading the rest. */
      if (data->len == (guint) n && !has_allowed_magic (data->data, data->len)
          && memchr (data->data, '\0', data->len) != NULL)
        {
          check_evidence_file (concern, data->data, data->len, max_bytes, error);
          return NULL;
        }
    }
  sc_secure_wipe (buffer, sizeof buffer);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* The evidence entries of @concern that hold a file. */
GPtrArray *
sc_evidence_with_files (ScVault   *vault,
                        ScConcern *concern,
                        GError   **error)
{
  g_autoptr(GPtrArray) all = sc_evidence_list (vault, sc_record_get_id (SC_RECORD (concern)), error);
  GPtrArray *with_files;

  if (all == NULL)
    return NULL;
  with_files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    if (*sc_record_get_text (all->pdata[i], "file-name") != '\0')
      g_ptr_array_add (with_files, g_object_ref (all->pdata[i]));
  return with_files;
}

/* A concern that became sexual or grooming keeps no file: they are removed
 * (content overwritten, an audit row each with name, size and hash). */
gboolean
sc_evidence_remove_forbidden_files (ScVault   *vault,
                                    ScConcern *concern,
                                    GError   **error)
{
  g_autoptr(GPtrArray) files = NULL;

  if (sc_evidence_files_allowed (concern))
    return TRUE;
  if (!(files = sc_evidence_with_files (vault, concern, error)))
    return FALSE;
  return files->len == 0
         || sc_records_remove_files (vault, files,
                                     "the concern is sexual or grooming, and keeps no file", error);
}

/* @evidence's file removed, for @reason (said in words): its content
 * overwritten, and an audit entry with the file's name, size and hash. The
 * entry itself stays. */
gboolean
sc_evidence_remove_file (ScVault     *vault,
                         ScEvidence  *evidence,
                         const char  *reason,
                         GError     **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autofree char *said = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (*said == '\0')
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED,
                           _("Say why the file is removed: the reason is kept in the audit trail."));
      return FALSE;
    }
  if (*sc_record_get_text (SC_RECORD (evidence), "file-name") == '\0')
    return TRUE;
  g_ptr_array_add (one, evidence);
  return sc_records_remove_files (vault, one, said, error);
}

/* A copy of @evidence's file written to @path, to hand to the police: not
 * encrypted, so the worker is warned first (by the caller), and the trail
 * says which file went where, with its size and hash. Written to a
 * temporary name beside @path and renamed when whole; a failure leaves no
 * file and no entry. */
gboolean
sc_evidence_save_file_as (ScVault     *vault,
                          ScEvidence  *evidence,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *said = NULL;
  const guint8 *data;
  gsize size;
  gboolean written;

  if (!(bytes = sc_evidence_load_file (vault, evidence, error)))
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
  said = g_strdup_printf ("%s (%" G_GSIZE_FORMAT " bytes, SHA-256 %s) saved, not encrypted, to %s",
                          sc_record_get_text (SC_RECORD (evidence), "file-name"), size, hash, path);
  if (!sc_vault_begin (vault, error))
    return FALSE;
  if (!sc_vault_append_audit (vault, "save-file-out", "evidence", sc_record_get_id (SC_RECORD (evidence)),
                              NULL, said, error))
    {
      sc_vault_rollback (vault);
      return FALSE;
    }
  written = g_file_set_contents_full (path, (const char *) data, (gssize) size,
                                      G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                      0600, error);
  sc_secure_wipe ((gpointer) data, size);
  if (!written)
    {
      sc_vault_rollback (vault);
      return FALSE;
    }
  if (!sc_vault_commit (vault, error))
    {
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

GBytes *
sc_evidence_load_file (ScVault    *vault,
                       ScEvidence *evidence,
                       GError    **error)
{
  return sc_records_load_file (vault, sc_record_get_id (SC_RECORD (evidence)), error);
}

GPtrArray *
sc_evidence_list (ScVault *vault,
                  gint64   concern_id,
                  GError **error)
{
  return sc_records_list_for_concern (vault, SC_TYPE_EVIDENCE, concern_id, error);
}
