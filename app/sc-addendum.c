/* sc-addendum.c: final records, and the addenda that correct them
 *
 * Notes made at the time are what a court relies on. A concern, an
 * evidence entry or a contact becomes final when the worker marks it so (a
 * "finalise" entry in the audit trail) or once the vault's final-after
 * hours (24 by default, a setting) have passed since it was first saved
 * (its first audit entry: a draft's keystrokes have none). A final record
 * is never edited in place (sc_records_save() refuses it); a correction is
 * an addendum, dated and signed with its author's name, kept beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-addendum"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-addendum.h"
#include "sc-audit-private.h"
#include "sc-dates.h"
#include "sc-record-private.h"
#include "sc-records-private.h"
#include "sc-response.h"
#include "sc-vault-private.h"

struct _ScAddendum
{
  ScRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ScAddendum, sc_addendum, SC_TYPE_RECORD)

static const ScField addendum_fields[] = {
  { "entity", SC_FIELD_TEXT },
  { "entity-id", SC_FIELD_INT64 },
  { "child-id", SC_FIELD_INT64 },
  { "concern-id", SC_FIELD_INT64 },
  { "author", SC_FIELD_TEXT },
  { "text", SC_FIELD_TEXT },
  { "written-at", SC_FIELD_TEXT },
  { "recorded-at", SC_FIELD_TEXT },
};

static gboolean
sc_addendum_validate (ScRecord *record,
                      gboolean  final,
                      GError  **error)
{
  if (sc_text_is_blank (sc_record_get_text (record, "text")))
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED,
                           _("Write what the addendum corrects or adds."));
      return FALSE;
    }
  return TRUE;
}

static void
sc_addendum_class_init (ScAddendumClass *klass)
{
  ScRecordClass *record_class = SC_RECORD_CLASS (klass);

  sc_record_class_install_fields (record_class, "addendum", addendum_fields,
                                  G_N_ELEMENTS (addendum_fields));
  record_class->validate = sc_addendum_validate;
}

static void
sc_addendum_init (ScAddendum *self)
{
}

/* Only what is written at the time and relied on later becomes final: a
 * concern (once saved), an evidence entry, a contact, and a step once it
 * is marked done or not needed (its note: who, when, the reference, why).
 * A step still to do moves on as the response does. */
gboolean
sc_record_can_be_final (ScRecord *record)
{
  return (SC_IS_CONCERN (record) && !sc_record_get_boolean (record, "is-draft"))
         || SC_IS_EVIDENCE (record) || SC_IS_CONTACT (record)
         || (SC_IS_RESPONSE_STEP (record)
             && !g_str_equal (sc_record_get_text (record, "status"), "to-do"));
}

static const char *
table_of (ScRecord *record)
{
  return SC_RECORD_GET_CLASS (record)->table;
}

/* Since when @record is final (storage form), or NULL if it is not (yet);
 * NULL with @error set if that cannot be read. */
char *
sc_records_final_since (ScVault    *vault,
                        ScRecord   *record,
                        GDateTime  *now,
                        guint       hours,
                        GError    **error)
{
  sqlite3 *db = sc_vault_get_db (vault);
  gint64 id = sc_record_get_id (record);
  g_autofree char *first = NULL;
  g_autoptr(GError) local_error = NULL;
  char *marked;

  if (db == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED, "The vault is locked");
      return NULL;
    }
  if (id <= 0 || !sc_record_can_be_final (record))
    return NULL;
  for (guint i = 0; i < 2; i++)
    {
      if ((marked = sc_audit_first_at (db, table_of (record), id, i == 0 ? "finalise" : "finalise-rule",
                                       &local_error)) != NULL)
        return marked;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  /* From its first save, as the trail has it: no field the worker can
   * change moves the clock. */
  if (!(first = sc_audit_first_at (db, table_of (record), id, NULL, &local_error))
      && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (first != NULL)
    {
      g_autoptr(GDateTime) saved = sc_datetime_from_storage (first);
      g_autoptr(GDateTime) final = saved != NULL ? g_date_time_add_hours (saved, (gint) hours) : NULL;

      if (final != NULL && g_date_time_compare (final, now) <= 0)
        return sc_datetime_to_storage (final);
    }
  return NULL;
}

/* Every record final under the rule of @hours, not yet marked so in the
 * trail, gets its 'finalise' entry now, in one transaction: the rule may
 * then grow without a final record becoming editable again. */
gboolean
sc_records_pin_finals (ScVault  *vault,
                       guint     hours,
                       GError  **error)
{
  /* Each kind that becomes final, and when a row of it can be. */
  static const struct { const char *table, *condition; } kinds[] = {
    { "concern", "t.is_draft = 0" },
    { "evidence", "1" },
    { "contact", "1" },
    { "response_step", "t.status <> 'to-do'" },
  };
  sqlite3 *db = sc_vault_get_db (vault);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) cutoff_time = g_date_time_add_hours (now, -(gint) hours);
  g_autofree char *cutoff = sc_datetime_to_storage (cutoff_time);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();

  if (db == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED, "The vault is locked");
      return FALSE;
    }
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      /* Table names and conditions are this program's constants. */
      g_autofree char *sql = g_strdup_printf (
        "SELECT t.id FROM %s t WHERE %s"
        " AND (SELECT MIN(a.at) FROM audit a WHERE a.entity = '%s' AND a.entity_id = t.id) <= ?1"
        " AND NOT EXISTS (SELECT 1 FROM audit f WHERE f.entity = '%s' AND f.entity_id = t.id"
        " AND f.action IN ('finalise', 'finalise-rule'))", kinds[k].table, kinds[k].condition, kinds[k].table,
        kinds[k].table);
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_TRANSIENT);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              gint64 id = sqlite3_column_int64 (stmt, 0);

              g_array_append_val (found, id);
              g_ptr_array_add (tables, (gpointer) kinds[k].table);
            }
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return sc_vault_set_sqlite_error (db, rc, "Finding final records", error);
    }
  if (found->len == 0)
    return TRUE;
  if (!sc_vault_begin (vault, error))
    return FALSE;
  /* Their own action: no one marked them; the rule made them final. */
  for (guint i = 0; i < found->len; i++)
    if (!sc_vault_append_audit (vault, "finalise-rule", tables->pdata[i],
                                g_array_index (found, gint64, i), NULL, NULL, error))
      {
        sc_vault_rollback (vault);
        return FALSE;
      }
  return sc_vault_commit (vault, error);
}

/* The worker marks @record final now: an entry in the trail says so. */
gboolean
sc_records_finalise (ScVault   *vault,
                     ScRecord  *record,
                     GError   **error)
{
  g_autoptr(ScRecord) saved = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  /* Judged by the record as saved, not the caller's copy. */
  if (sc_record_get_id (record) > 0
      && !(saved = sc_records_load (vault, G_OBJECT_TYPE (record), sc_record_get_id (record), error)))
    return FALSE;
  if (saved == NULL || !sc_record_can_be_final (saved))
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                           _("Only a saved concern, evidence entry, contact or marked step can "
                             "be made final."));
      return FALSE;
    }
  record = saved;
  /* Final already: it stays so, from when it became so. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GError) local_error = NULL;
    g_autofree char *since = sc_records_final_since (vault, record, now,
                                                     sc_vault_get_final_after_hours (vault),
                                                     &local_error);

    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
    if (since != NULL)
      return TRUE;
  }
  if (!sc_vault_begin (vault, error))
    return FALSE;
  if (!sc_vault_append_audit (vault, "finalise", table_of (record), sc_record_get_id (record),
                              NULL, NULL, error))
    {
      sc_vault_rollback (vault);
      return FALSE;
    }
  return sc_vault_commit (vault, error);
}

/* A correction or an addition to @record, signed with the name of whoever
 * is using the vault, dated now. */
ScAddendum *
sc_addendum_add (ScVault     *vault,
                 ScRecord    *record,
                 const char  *text,
                 GError     **error)
{
  g_autoptr(ScAddendum) addendum = g_object_new (SC_TYPE_ADDENDUM, NULL);
  g_autofree char *now = sc_datetime_now_storage ();
  gint64 child_id = 0, concern_id = 0;
  g_autoptr(ScRecord) saved = NULL;
  ScRecord *records[1];

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  /* Judged, and placed, by the record as saved. */
  if (sc_record_get_id (record) > 0
      && !(saved = sc_records_load (vault, G_OBJECT_TYPE (record), sc_record_get_id (record), error)))
    return NULL;
  if (saved == NULL || !sc_record_can_be_final (saved))
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                           _("An addendum is added to a saved concern, evidence entry, contact or "
                             "marked step."));
      return NULL;
    }
  record = saved;
  if (SC_IS_CONCERN (record))
    {
      concern_id = sc_record_get_id (record);
      child_id = sc_record_get_int64 (record, "child-id");
    }
  else if (SC_IS_CONTACT (record))
    child_id = sc_record_get_int64 (record, "child-id");
  else
    {
      g_autoptr(ScConcern) concern = NULL;

      concern_id = sc_record_get_int64 (record, "concern-id");
      if (!(concern = sc_records_load (vault, SC_TYPE_CONCERN, concern_id, error)))
        return NULL;
      child_id = sc_record_get_int64 (SC_RECORD (concern), "child-id");
    }
  sc_record_set_text (SC_RECORD (addendum), "entity", table_of (record));
  sc_record_set_int64 (SC_RECORD (addendum), "entity-id", sc_record_get_id (record));
  sc_record_set_int64 (SC_RECORD (addendum), "child-id", child_id);
  sc_record_set_int64 (SC_RECORD (addendum), "concern-id", concern_id);
  sc_record_set_text (SC_RECORD (addendum), "author", sc_vault_get_actor (vault));
  sc_record_set_text (SC_RECORD (addendum), "text", text != NULL ? text : "");
  sc_record_set_text (SC_RECORD (addendum), "written-at", now);
  records[0] = SC_RECORD (addendum);
  if (!sc_records_save_as (vault, records, 1, SC_WRITE_ADDENDUM, error))
    return NULL;
  /* Added: the draft it was written from goes. */
  {
    g_autoptr(GError) draft_error = NULL;

    if (!sc_addendum_save_draft (vault, record, NULL, &draft_error))
      g_message ("An addendum's draft was not cleared: %s", draft_error->message);
  }
  return g_steal_pointer (&addendum);
}

/* Keeps @text as the addendum being written to @record (NULL or blank:
 * none), apart from the addenda: not audited, not searched. */
gboolean
sc_addendum_save_draft (ScVault     *vault,
                        ScRecord    *record,
                        const char  *text,
                        GError     **error)
{
  sqlite3 *db = sc_vault_get_db (vault);
  gboolean keep = text != NULL && !sc_text_is_blank (text);
  g_autofree char *now = sc_datetime_now_storage ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (db == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED, "The vault is locked");
      return FALSE;
    }
  if (sc_record_get_id (record) <= 0 || !sc_record_can_be_final (record))
    return TRUE;
  if (keep && strlen (text) > SC_RECORD_MAX_TEXT_BYTES)
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_TOO_LONG,
                           _("This addendum is too long to keep. Shorten it and try again."));
      return FALSE;
    }
  rc = sqlite3_prepare_v2 (db, keep ? "INSERT OR REPLACE INTO addendum_draft"
                                      " (entity, entity_id, text, updated_at) VALUES (?1, ?2, ?3, ?4)"
                                    : "DELETE FROM addendum_draft WHERE entity = ?1 AND entity_id = ?2",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table_of (record), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, sc_record_get_id (record));
      if (keep)
        {
          sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
        }
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sc_vault_set_sqlite_error (db, rc, "Keeping an addendum being written", error);
  return TRUE;
}

/* The addendum being written to @record, or "" if there is none. */
char *
sc_addendum_get_draft (ScVault   *vault,
                       ScRecord  *record,
                       GError   **error)
{
  sqlite3 *db = sc_vault_get_db (vault);
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (db == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED, "The vault is locked");
      return NULL;
    }
  rc = sqlite3_prepare_v2 (db, "SELECT text FROM addendum_draft WHERE entity = ?1 AND entity_id = ?2",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table_of (record), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, sc_record_get_id (record));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sc_vault_set_sqlite_error (db, rc, "Reading an addendum being written", error);
      return NULL;
    }
  return text != NULL ? text : g_strdup ("");
}

/* @record's addenda, oldest first. */
GPtrArray *
sc_addenda_for (ScVault   *vault,
                ScRecord  *record,
                GError   **error)
{
  return sc_records_list_addenda (vault, table_of (record), sc_record_get_id (record), error);
}

/* Every addendum about child @child_id, oldest first. */
GPtrArray *
sc_addenda_for_child (ScVault  *vault,
                      gint64    child_id,
                      GError  **error)
{
  return sc_records_list_addenda (vault, NULL, child_id, error);
}
