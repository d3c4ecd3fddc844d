/* sc-response.c: the response to a concern, step by step, and its evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-response"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-records.h"
#include "sc-response.h"

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
    sc_record_get_boolean (r, "adult-is-staff"),
  };
  g_autoptr(GDateTime) happened = sc_datetime_from_storage (sc_record_get_text (r, "happened-at"));

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
  ScSituation situation = situation_of (concern, child);
  g_autoptr(GPtrArray) steps = sc_procedure_steps_for (procedure, &situation);
  g_autoptr(GPtrArray) recorded = NULL;
  g_autoptr(GDateTime) from = sc_datetime_from_storage (sc_record_get_text (SC_RECORD (concern),
                                                                            "recorded-at"));
  GPtrArray *result;

  if (concern_id > 0
      && !(recorded = sc_records_list_for_concern (vault, SC_TYPE_RESPONSE_STEP, concern_id, error)))
    return NULL;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);

  for (guint i = 0; i < steps->len; i++)
    {
      const ScProcedureStep *step = steps->pdata[i];
      ScResponseItem *item = g_new0 (ScResponseItem, 1);

      item->step = step;
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

/* Records a step as done, not needed (with @reason) or back to do. */
gboolean
sc_response_mark (ScVault        *vault,
                  ScResponseStep *record,
                  const char     *status,
                  const char     *reason,
                  GError        **error)
{
  ScRecord *r = SC_RECORD (record);
  g_autoptr(ScResponseStep) before = g_object_new (SC_TYPE_RESPONSE_STEP, NULL);

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
      sc_record_set_text (r, "done-by", sc_vault_get_worker_name (vault));
    }

  if (!sc_records_save (vault, r, error))
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

/* The most urgent overdue step of the child's open concerns, as a short
 * sentence for the caseload and the child's page; NULL when nothing is. */
char *
sc_response_most_urgent (ScVault     *vault,
                         ScProcedure *procedure,
                         ScChild     *child,
                         GDateTime   *now)
{
  g_autoptr(GPtrArray) concerns = sc_records_list_concerns (vault, sc_record_get_id (SC_RECORD (child)),
                                                            NULL);
  g_autoptr(GDateTime) earliest = NULL;
  const ScProcedureStep *urgent = NULL;

  for (guint i = 0; concerns != NULL && i < concerns->len; i++)
    {
      ScConcern *concern = concerns->pdata[i];
      g_autoptr(GPtrArray) items = NULL;

      if (sc_record_get_boolean (SC_RECORD (concern), "is-draft")
          || g_str_equal (sc_record_get_text (SC_RECORD (concern), "status"), "closed"))
        continue;

      items = sc_response_build (vault, procedure, concern, child, NULL);
      for (guint j = 0; items != NULL && j < items->len; j++)
        {
          ScResponseItem *item = items->pdata[j];
          g_autoptr(GDateTime) due = sc_datetime_from_storage (sc_record_get_text (SC_RECORD (item->record),
                                                                                   "due-at"));

          if (sc_response_is_overdue (item->record, now)
              && (earliest == NULL || g_date_time_compare (due, earliest) < 0))
            {
              g_clear_pointer (&earliest, g_date_time_unref);
              earliest = g_date_time_ref (due);
              urgent = item->step;
            }
        }
    }

  if (urgent == NULL)
    return NULL;
  {
    g_autofree char *stored = sc_datetime_to_storage (earliest);
    g_autofree char *when = sc_datetime_format_display (stored);

    /* Translators: "Overdue: Refer to the LADO (due 24 November 2026, 15:00)". */
    return g_strdup_printf (_("Overdue: %s (due %s)"), sc_procedure_step_get_title (urgent), when);
  }
}

/* Evidence files ---------------------------------------------------------------------- */

/* Pictures and films by their first bytes: no MIME database needed, so the
 * check holds on any machine. */
static const char *
sniff_picture (const guchar *b,
               gsize         n)
{
  if (n >= 8 && memcmp (b, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (n >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff)
    return "image/jpeg";
  if (n >= 6 && (memcmp (b, "GIF87a", 6) == 0 || memcmp (b, "GIF89a", 6) == 0))
    return "image/gif";
  if (n >= 12 && memcmp (b, "RIFF", 4) == 0 && memcmp (b + 8, "WEBP", 4) == 0)
    return "image/webp";
  if (n >= 12 && memcmp (b, "RIFF", 4) == 0 && memcmp (b + 8, "AVI ", 4) == 0)
    return "video/x-msvideo";
  if (n >= 4 && (memcmp (b, "II*\0", 4) == 0 || memcmp (b, "MM\0*", 4) == 0))
    return "image/tiff";
  if (n >= 2 && memcmp (b, "BM", 2) == 0)
    return "image/bmp";
  if (n >= 12 && memcmp (b + 4, "ftyp", 4) == 0)
    return memcmp (b + 8, "hei", 3) == 0 || memcmp (b + 8, "avif", 4) == 0 || memcmp (b + 8, "mif1", 4) == 0
           ? "image/heif" : "video/mp4";
  if (n >= 4 && b[0] == 0x1a && b[1] == 0x45 && b[2] == 0xdf && b[3] == 0xa3)
    return "video/webm";
  if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 1 && b[3] == 0)
    return "image/vnd.microsoft.icon";
  return NULL;
}

/* Files are judged by what they hold, not by their name: a picture renamed
 * "notes.txt" is still a picture. For a sexual concern no image or video is
 * ever stored: the seeds forbid saving a suspected indecent image. */
gboolean
sc_evidence_attach (ScVault    *vault,
                    ScEvidence *evidence,
                    ScConcern  *concern,
                    const char *file_name,
                    GBytes     *data,
                    GError    **error)
{
  gsize size;
  const guchar *bytes = g_bytes_get_data (data, &size);
  const char *sniffed = sniff_picture (bytes, size);
  g_autofree char *type = g_content_type_guess (NULL, bytes, MIN (size, 4096), NULL);
  g_autofree char *mime = sniffed != NULL ? g_strdup (sniffed) : g_content_type_get_mime_type (type);
  gboolean picture = g_str_has_prefix (mime != NULL ? mime : "", "image/")
                     || g_str_has_prefix (mime != NULL ? mime : "", "video/");

  if (picture && g_str_equal (sc_record_get_text (SC_RECORD (concern), "area"), "sexual"))
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                           _("Safecase does not keep images or videos for a sexual concern. Never "
                             "save, print or forward a suspected indecent image of a child: secure "
                             "the device, do not shut it down, and ask the police for advice."));
      return FALSE;
    }

  sc_record_set_text (SC_RECORD (evidence), "file-name", file_name);
  sc_record_set_text (SC_RECORD (evidence), "file-type", mime != NULL ? mime : type);
  return sc_records_save_with_file (vault, SC_RECORD (evidence), data, error);
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
