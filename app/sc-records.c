/* sc-records.c: reading and writing children, concerns and contacts
 *
 * Every write is one transaction holding the change and its audit row.
 * Statements are built from the record classes' own field tables (column
 * names are constants of this program); every value is a bound parameter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-records"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-dates.h"
#include "sc-record-private.h"
#include "sc-records-private.h"
#include "sc-addendum.h"
#include "sc-response.h"
#include "sc-review.h"
#include "sc-vault-private.h"

#define MAX_FILTER_WORDS 8

static gboolean check_contact_link (ScVault   *vault,
                                    ScContact *contact,
                                    GError   **error);

G_DEFINE_QUARK (sc-record-error-quark, sc_record_error)

static char *
column_name (const char *field)
{
  return g_strdelimit (g_strdup (field), "-", '_');
}

static void
append_columns (GString       *sql,
                ScRecordClass *klass,
                const char    *prefix)
{
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autofree char *column = column_name (klass->fields[i].name);

      g_string_append_printf (sql, ", %s%s", prefix, column);
    }
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const GValue *value)
{
  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_STRING:
      sqlite3_bind_text (stmt, index, g_value_get_string (value), -1, SQLITE_TRANSIENT);
      break;
    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
      break;
    case G_TYPE_INT64:
      sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Reads columns @first… of the current row into @record, in field order. */
static void
read_fields (sqlite3_stmt *stmt,
             int           first,
             ScRecord     *record)
{
  ScRecordClass *klass = SC_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      int col = first + (int) i;

      switch (klass->fields[i].type)
        {
        case SC_FIELD_TEXT:
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, (const char *) sqlite3_column_text (stmt, col));
          break;
        case SC_FIELD_BOOLEAN:
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, sqlite3_column_int (stmt, col) != 0);
          break;
        case SC_FIELD_INT64:
          g_value_init (&value, G_TYPE_INT64);
          g_value_set_int64 (&value, sqlite3_column_int64 (stmt, col));
          break;
        default:
          g_assert_not_reached ();
        }
      sc_record_set_value (record, i, &value);
    }
}

static gboolean
check_lengths (ScRecord *record,
               GError  **error)
{
  ScRecordClass *klass = SC_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GValue *value = sc_record_get_value (record, i);

      if (G_VALUE_HOLDS_STRING (value)
          && strlen (g_value_get_string (value)) > SC_RECORD_MAX_TEXT_BYTES)
        {
          g_set_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_TOO_LONG,
                       _("One of the fields holds more than %d MB of text, which is more than "
                         "Safecase keeps in one field. Shorten it and save again."),
                       SC_RECORD_MAX_TEXT_BYTES / (1024 * 1024));
          return FALSE;
        }
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (ScVault    *vault,
         const char *sql,
         GError    **error)
{
  sqlite3 *db = sc_vault_get_db (vault);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (db == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED, "The vault is locked");
      return NULL;
    }

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sc_vault_set_sqlite_error (db, rc, "Preparing a query", error);
      return NULL;
    }
  return stmt;
}

static ScRecord *
load_in_transaction (ScVault *vault,
                     GType    type,
                     gint64   id,
                     GError **error)
{
  ScRecordClass *klass = g_type_class_ref (type);
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  g_autoptr(ScRecord) record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  append_columns (sql, klass, "");
  g_string_append_printf (sql, " FROM %s WHERE id = ?1", klass->table);
  g_type_class_unref (klass);

  if (!(stmt = prepare (vault, sql->str, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      record = g_object_new (type, NULL);
      sc_record_set_id (record, sqlite3_column_int64 (stmt, 0));
      read_fields (stmt, 1, record);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_NOT_FOUND,
                 _("This record is no longer in the vault."));
  else
    sc_vault_set_sqlite_error (sc_vault_get_db (vault), rc, "Reading a record", error);
  sqlite3_finalize (stmt);

  return g_steal_pointer (&record);
}

gpointer
sc_records_load (ScVault *vault,
                 GType    type,
                 gint64   id,
                 GError **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (g_type_is_a (type, SC_TYPE_RECORD), NULL);

  return load_in_transaction (vault, type, id, error);
}

static gboolean
is_draft (ScRecord *record)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (record), "is-draft") != NULL
         && sc_record_get_boolean (record, "is-draft");
}

/* Long on purpose: the INSERT or UPDATE is built, bound and audited in one
 * place, so no column can be written without its audit row. */
static gboolean
write_record (ScVault  *vault,
              ScRecord *record,
              ScRecord *before,
              GError  **error)
{
  ScRecordClass *klass = SC_RECORD_GET_CLASS (record);
  gboolean inserting = sc_record_get_id (record) == 0;
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  g_autofree char *now = sc_datetime_now_storage ();
  sqlite3_stmt *stmt;
  int param = 1;
  int rc;

  g_assert (inserting == (before == NULL));
  if (!inserting)
    {
      if (sc_record_fields_equal (before, record))
        return TRUE;
      before_text = sc_record_describe (before);
    }

  /* "When it was recorded" is when a record first reached the vault. */
  if (inserting && g_object_class_find_property (G_OBJECT_GET_CLASS (record), "recorded-at") != NULL
      && *sc_record_get_text (record, "recorded-at") == '\0')
    sc_record_set_text (record, "recorded-at", now);
  if (klass->before_save != NULL)
    klass->before_save (record, inserting, columns, values);
  g_ptr_array_add (columns, (gpointer) "updated_at");
  g_ptr_array_add (values, g_strdup (now));

  if (inserting)
    {
      g_string_append_printf (sql, "INSERT INTO %s (", klass->table);
      for (guint i = 0; i < klass->n_fields; i++)
        {
          g_autofree char *column = column_name (klass->fields[i].name);

          g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", column);
        }
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, ", %s", (const char *) columns->pdata[i]);
      g_string_append (sql, ") VALUES (");
      for (guint i = 0; i < klass->n_fields + columns->len; i++)
        g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
      g_string_append (sql, ")");
    }
  else
    {
      g_string_append_printf (sql, "UPDATE %s SET ", klass->table);
      for (guint i = 0; i < klass->n_fields; i++)
        {
          g_autofree char *column = column_name (klass->fields[i].name);

          g_string_append_printf (sql, "%s%s = ?%u", i > 0 ? ", " : "", column, i + 1);
        }
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, ", %s = ?%u", (const char *) columns->pdata[i],
                                klass->n_fields + i + 1);
      g_string_append_printf (sql, " WHERE id = ?%u", klass->n_fields + columns->len + 1);
    }

  if (!(stmt = prepare (vault, sql->str, error)))
    return FALSE;

  for (guint i = 0; i < klass->n_fields; i++)
    bind_value (stmt, param++, sc_record_get_value (record, i));
  for (guint i = 0; i < values->len; i++)
    sqlite3_bind_text (stmt, param++, values->pdata[i], -1, SQLITE_TRANSIENT);
  if (!inserting)
    sqlite3_bind_int64 (stmt, param++, sc_record_get_id (record));

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sc_vault_set_sqlite_error (sc_vault_get_db (vault), rc, "Saving a record", error);

  if (inserting)
    sc_record_set_id (record, sqlite3_last_insert_rowid (sc_vault_get_db (vault)));

  /* A draft is kept apart, by its is-draft column: it is saved as the
   * worker types, and no audit entry is written for each keystroke. The
   * trail starts at the first save, with the whole record as it was
   * then. */
  if (is_draft (record) && (before == NULL || is_draft (before)))
    {
      sc_vault_note_change (vault, klass->table, sc_record_get_id (record));
      return TRUE;
    }
  if (before != NULL && is_draft (before))
    g_clear_pointer (&before_text, g_free);
  after_text = sc_record_describe (record);
  return sc_vault_append_audit (vault, before_text == NULL ? "create" : "update", klass->table,
                                sc_record_get_id (record), before_text, after_text, error);
}

static gboolean guarded_write (ScVault     *vault,
                               ScRecord    *record,
                               ScWriteKind  kind,
                               GError     **error);

static gboolean
save_validated (ScVault  *vault,
                ScRecord *record,
                GError  **error)
{
  ScRecord *records[1] = { record };

  return sc_records_save_as (vault, records, 1, SC_WRITE_WORKER, error);
}

/* The concern a record belongs to (itself for a concern), or 0. */
static gint64
owning_concern (ScRecord *record)
{
  if (record == NULL)
    return 0;
  if (SC_IS_CONCERN (record))
    return sc_record_get_id (record);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "concern-id") != NULL
      && !SC_IS_CONTACT (record))
    return sc_record_get_int64 (record, "concern-id");
  return 0;
}

static gboolean
is_closed_status (ScRecord *concern)
{
  return concern != NULL && g_str_equal (sc_record_get_text (concern, "status"), "closed");
}

static gboolean
refuse (GError     **error,
        int          code,
        const char  *sentence)
{
  g_set_error_literal (error, SC_RECORD_ERROR, code, sentence);
  return FALSE;
}

/* Refuses a write touching concern @id (0: none) if a review closed it,
 * as saved; a concern that cannot be read refuses it too. */
static gboolean
check_concern_open (ScVault  *vault,
                    gint64    id,
                    GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ScRecord) concern = NULL;

  if (id <= 0)
    return TRUE;
  concern = load_in_transaction (vault, SC_TYPE_CONCERN, id, &local_error);
  if (concern == NULL && !g_error_matches (local_error, SC_RECORD_ERROR, SC_RECORD_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (is_closed_status (concern))
    return refuse (error, SC_RECORD_ERROR_CLOSED,
                   _("A manager’s review closed this concern, so nothing in it can be changed, "
                     "and nothing is linked to it or taken from it. A new review reopens it."));
  return TRUE;
}

/* A concern a manager's review closed is read-only, and so are its steps
 * and evidence, until a new review reopens it: judged by the concern as
 * saved, for the concern @record belongs to and the one it belonged to. */
static gboolean
check_not_closed (ScVault  *vault,
                  ScRecord *record,
                  ScRecord *stored,
                  GError  **error)
{
  gint64 ids[2] = { owning_concern (record), owning_concern (stored) };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (!check_concern_open (vault, ids[i], error))
      return FALSE;
  return TRUE;
}

/* A final record is never edited in place: an addendum corrects it.
 * Judged by the record as saved. */
static gboolean
check_not_final (ScVault  *vault,
                 ScRecord *stored,
                 GError  **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *since = NULL;
  g_autoptr(GError) local_error = NULL;

  if (stored == NULL || !sc_record_can_be_final (stored))
    return TRUE;
  now = g_date_time_new_now_utc ();
  since = sc_records_final_since (vault, stored, now, sc_vault_get_final_after_hours (vault),
                                  &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (since == NULL)
    return TRUE;
  return refuse (error, SC_RECORD_ERROR_FINAL,
                 _("This record is final, as notes made at the time must be: it is not "
                   "changed. Add an addendum to correct it or say more."));
}

/* The fields a write of @kind may change in a saved record, NULL-terminated;
 * NULL: any. */
static const char *const *
fields_of_kind (ScWriteKind kind)
{
  static const char *const review[] = { "status", NULL };
  static const char *const approval[] = { "approved-by", "approved-on", NULL };
  static const char *const copied[] = { "copied-at", NULL };
  static const char *const file_removed[] = { "file-name", "file-type", NULL };
  static const char *const nothing[] = { NULL };

  switch (kind)
    {
    case SC_WRITE_WORKER: return NULL;
    case SC_WRITE_REVIEW: return review;
    case SC_WRITE_APPROVAL: return approval;
    case SC_WRITE_COPIED: return copied;
    case SC_WRITE_FILE_REMOVED: return file_removed;
    case SC_WRITE_ADDENDUM: return nothing;
    case SC_WRITE_MARK: return NULL;
    case SC_WRITE_FILE_ADDED: return NULL;
    default: g_assert_not_reached ();
    }
}

/* The fields of @record's kind that only the program sets, and the write
 * kind that may set them. */
static gboolean
program_field (ScRecord     *record,
               const char   *field,
               ScWriteKind  *setter,
               const char  **initial)
{
  static const struct
  {
    GType     (*type) (void);
    const char *field;
    ScWriteKind setter;
    const char *initial;   /* what a new record holds */
  } fields[] = {
    { sc_contact_get_type, "approved-by", SC_WRITE_APPROVAL, "" },
    { sc_contact_get_type, "approved-on", SC_WRITE_APPROVAL, "" },
    { sc_contact_get_type, "copied-at", SC_WRITE_COPIED, "" },
    { sc_evidence_get_type, "file-name", SC_WRITE_FILE_ADDED, "" },
    { sc_evidence_get_type, "file-type", SC_WRITE_FILE_ADDED, "" },
    { sc_response_step_get_type, "status", SC_WRITE_MARK, "to-do" },
    { sc_response_step_get_type, "done-at", SC_WRITE_MARK, "" },
    { sc_response_step_get_type, "done-by", SC_WRITE_MARK, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (record, fields[i].type ()) && g_str_equal (field, fields[i].field))
      {
        *setter = fields[i].setter;
        *initial = fields[i].initial;
        return TRUE;
      }
  return FALSE;
}

static gboolean
check_program_fields (ScRecord    *record,
                      ScRecord    *stored,
                      ScWriteKind  kind,
                      GError     **error)
{
  ScRecordClass *klass = SC_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const char *field = klass->fields[i].name;
      const char *initial = "";
      ScWriteKind setter;

      if (!program_field (record, field, &setter, &initial) || setter == kind
          || g_str_equal (stored != NULL ? sc_record_get_text (stored, field) : initial,
                          sc_record_get_text (record, field)))
        continue;
      /* A removal forgets a file; nothing else changes one. */
      if (kind == SC_WRITE_FILE_REMOVED && setter == SC_WRITE_FILE_ADDED
          && *sc_record_get_text (record, field) == '\0')
        continue;
      if (setter == SC_WRITE_APPROVAL)
        return refuse (error, SC_RECORD_ERROR_INVALID,
                       _("A manager approves a personal device contact with their own passphrase, "
                         "on the contacts page; it cannot be typed in."));
      return refuse (error, SC_RECORD_ERROR_INVALID,
                     _("Safecase sets this itself (a step’s status, who marked it and when, a "
                       "file, whether a contact was copied); mark the step or use the action for "
                       "it."));
    }
  /* A file is added once, to an entry that has none. */
  if (kind == SC_WRITE_FILE_ADDED
      && (*sc_record_get_text (record, "file-name") == '\0'
          || (stored != NULL && *sc_record_get_text (stored, "file-name") != '\0')))
    return refuse (error, SC_RECORD_ERROR_INVALID,
                   _("This evidence already has a file. Add another evidence entry for another "
                     "file."));
  return TRUE;
}

/* Every rule a write must keep, judged against @stored, the record as it
 * is in the vault (NULL for a new one), inside the write's transaction. No
 * path writes a record without passing here. */
static gboolean
check_write (ScVault     *vault,
             ScRecord    *record,
             ScRecord    *stored,
             ScWriteKind  kind,
             GError     **error)
{
  /* A review is made by a manager's signature and an addendum by its
   * author, each once: neither is ever typed over. */
  if (SC_IS_REVIEW (record) && (stored != NULL || kind != SC_WRITE_REVIEW))
    return refuse (error, SC_RECORD_ERROR_INVALID,
                   _("A review is signed by a manager with their own passphrase, and is never "
                     "changed afterwards."));
  if (SC_IS_ADDENDUM (record) && (stored != NULL || kind != SC_WRITE_ADDENDUM))
    return refuse (error, SC_RECORD_ERROR_INVALID,
                   _("An addendum is never changed. Add another to correct it."));

  /* A signed write changes what it signs, and nothing else. */
  if (fields_of_kind (kind) != NULL && !SC_IS_REVIEW (record) && !SC_IS_ADDENDUM (record)
      && (stored == NULL || !sc_record_fields_equal_except (stored, record, fields_of_kind (kind))))
    return refuse (error, SC_RECORD_ERROR_INVALID,
                   _("Only what was signed is saved with a signature. Save the record’s other "
                     "changes on their own first."));

  /* An addendum is an addition, so a closed concern takes one. */
  if (kind != SC_WRITE_REVIEW && !SC_IS_ADDENDUM (record)
      && !check_not_closed (vault, record, stored, error))
    return FALSE;

  /* A contact is linked to or from a closed concern no more than evidence
   * is moved: what the review saw stays as it saw it. */
  if (SC_IS_CONTACT (record)
      && sc_record_get_int64 (record, "concern-id")
         != (stored != NULL ? sc_record_get_int64 (stored, "concern-id") : 0))
    {
      if (!check_concern_open (vault, sc_record_get_int64 (record, "concern-id"), error)
          || (stored != NULL
              && !check_concern_open (vault, sc_record_get_int64 (stored, "concern-id"), error)))
        return FALSE;
    }

  /* Only a manager's signed review closes or reopens a concern. */
  if (SC_IS_CONCERN (record) && kind != SC_WRITE_REVIEW
      && is_closed_status (record) != is_closed_status (stored))
    return refuse (error, SC_RECORD_ERROR_INVALID,
                   _("Only a manager’s signed review closes a concern. Ask a manager to sign it "
                     "off."));

  /* Bookkeeping and signatures may touch a final record, within their own
   * fields; what the worker types may not. */
  if ((kind == SC_WRITE_WORKER || kind == SC_WRITE_MARK || kind == SC_WRITE_FILE_ADDED)
      && !check_not_final (vault, stored, error))
    return FALSE;

  /* What the program sets (an approval, a copy, a file, who marked a step
   * and when) is never typed in: only its own write changes it. */
  if (!check_program_fields (record, stored, kind, error))
    return FALSE;

  /* An approval is of the contact as it was approved: a change after it
   * is an addendum, or the approval would vouch for what it never saw. */
  if (SC_IS_CONTACT (record) && kind == SC_WRITE_WORKER && stored != NULL
      && *sc_record_get_text (stored, "approved-by") != '\0'
      && !sc_record_fields_equal_except (stored, record, fields_of_kind (SC_WRITE_COPIED)))
    return refuse (error, SC_RECORD_ERROR_FINAL,
                   _("A manager approved this contact as it is, so it is not changed. Add an "
                     "addendum to correct it or say more."));

  /* A concern once saved in full is never a draft again: drafts are not
   * audited, and a final one would slip out of its finality. */
  if (stored != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (record), "is-draft") != NULL
      && !is_draft (stored) && is_draft (record))
    return refuse (error, SC_RECORD_ERROR_INVALID,
                   _("A concern saved in full does not go back to being a draft."));

  return TRUE;
}

/* The one way a record reaches the vault, inside a transaction: checked
 * against the saved copy, then written with its audit entry. */
static gboolean
guarded_write (ScVault     *vault,
               ScRecord    *record,
               ScWriteKind  kind,
               GError     **error)
{
  g_autoptr(ScRecord) stored = NULL;

  if (sc_record_get_id (record) < 0)
    return refuse (error, SC_RECORD_ERROR_NOT_FOUND, _("This record is no longer in the vault."));
  if (sc_record_get_id (record) > 0
      && !(stored = load_in_transaction (vault, G_OBJECT_TYPE (record), sc_record_get_id (record),
                                         error)))
    return FALSE;
  return check_write (vault, record, stored, kind, error)
         && write_record (vault, record, stored, error);
}

/* Saves what there is, as a draft if the record has drafts: only what was
 * typed is checked (dates, choices, lengths), not what is still missing. */
gboolean
sc_records_save (ScVault  *vault,
                 ScRecord *record,
                 GError  **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (SC_IS_RECORD (record), FALSE);

  return sc_record_validate (record, FALSE, error)
         && (!SC_IS_CONTACT (record) || check_contact_link (vault, SC_CONTACT (record), error))
         && save_validated (vault, record, error);
}

/* Saves @records together, all or none, in one transaction, as a write of
 * @kind (sc-records-private.h): a review and the concern it closes or
 * reopens, an approval, an addendum. */
gboolean
sc_records_save_as (ScVault      *vault,
                    ScRecord    **records,
                    guint         n_records,
                    ScWriteKind   kind,
                    GError      **error)
{
  g_autofree gint64 *ids = g_new0 (gint64, n_records);

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  for (guint i = 0; i < n_records; i++)
    {
      if (!sc_record_validate (records[i], FALSE, error) || !check_lengths (records[i], error))
        return FALSE;
      ids[i] = sc_record_get_id (records[i]);
    }
  if (!sc_vault_begin (vault, error))
    return FALSE;
  for (guint i = 0; i < n_records; i++)
    if (!guarded_write (vault, records[i], kind, error))
      {
        sc_vault_rollback (vault);
        /* A rolled-back insert did not happen: the record is still new. */
        for (guint j = 0; j < n_records; j++)
          sc_record_set_id (records[j], ids[j]);
        return FALSE;
      }
  if (!sc_vault_commit (vault, error))
    {
      for (guint j = 0; j < n_records; j++)
        sc_record_set_id (records[j], ids[j]);
      return FALSE;
    }
  return TRUE;
}

/* Saves the record as complete: a concern stops being a draft. */
gboolean
sc_records_complete (ScVault  *vault,
                     ScRecord *record,
                     GError  **error)
{
  gboolean has_draft_flag, was_draft;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (SC_IS_RECORD (record), FALSE);

  if (!sc_record_validate (record, TRUE, error)
      || (SC_IS_CONTACT (record) && !check_contact_link (vault, SC_CONTACT (record), error)))
    return FALSE;

  has_draft_flag = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "is-draft") != NULL;
  was_draft = has_draft_flag && sc_record_get_boolean (record, "is-draft");
  if (has_draft_flag)
    sc_record_set_boolean (record, "is-draft", FALSE);

  if (!save_validated (vault, record, error))
    {
      /* As it was: a concern already complete never becomes a draft. */
      if (has_draft_flag)
        sc_record_set_boolean (record, "is-draft", was_draft);
      return FALSE;
    }
  return TRUE;
}

/* Selecting records ----------------------------------------------------------- */

/* One bound value of a query: text or integer. */
typedef struct
{
  const char *text;
  gint64      number;
} Param;

static void
bind_params (sqlite3_stmt *stmt,
             GArray       *params)
{
  for (guint i = 0; i < params->len; i++)
    {
      Param *p = &g_array_index (params, Param, i);

      if (p->text != NULL)
        sqlite3_bind_text (stmt, (int) i + 1, p->text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, (int) i + 1, p->number);
    }
}

static void
add_text_param (GArray     *params,
                const char *text)
{
  Param p = { text, 0 };

  g_array_append_val (params, p);
}

static void
add_number_param (GArray *params,
                  gint64  number)
{
  Param p = { NULL, number };

  g_array_append_val (params, p);
}

/* SELECT id, <fields> FROM <table> <tail>, with @params bound in order. */
static GPtrArray *
select_records (ScVault    *vault,
                GType       type,
                const char *tail,
                GArray     *params,
                GError    **error)
{
  ScRecordClass *klass = g_type_class_ref (type);
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  append_columns (sql, klass, "");
  g_string_append_printf (sql, " FROM %s %s", klass->table, tail);
  g_type_class_unref (klass);

  if (!(stmt = prepare (vault, sql->str, error)))
    return NULL;
  bind_params (stmt, params);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScRecord *record = g_object_new (type, NULL);

      sc_record_set_id (record, sqlite3_column_int64 (stmt, 0));
      read_fields (stmt, 1, record);
      g_ptr_array_add (records, record);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      sc_vault_set_sqlite_error (sc_vault_get_db (vault), rc, "Listing records", error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

/* The same, for the common query on one id (bound as ?1). */
static GPtrArray *
select_by_id (ScVault    *vault,
              GType       type,
              const char *tail,
              gint64      id,
              GError    **error)
{
  g_autoptr(GArray) params = g_array_new (FALSE, FALSE, sizeof (Param));

  add_number_param (params, id);
  return select_records (vault, type, tail, params, error);
}

static gboolean
count_rows (ScVault    *vault,
            const char *sql,
            GArray     *params,
            guint      *count,
            GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (vault, sql, error)))
    return FALSE;
  bind_params (stmt, params);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    return sc_vault_set_sqlite_error (sc_vault_get_db (vault), rc, "Counting records", error);
  return TRUE;
}

/* Children --------------------------------------------------------------------- */

/* Each word of the filter must be found in the child's names or reference;
 * LIKE's own wildcards in what was typed are matched literally. */
static void
append_filter (GString    *sql,
               GPtrArray  *patterns,
               const char *filter)
{
  g_autofree char *folded = sc_text_fold (filter);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n", -1);

  for (guint i = 0; words[i] != NULL && patterns->len < MAX_FILTER_WORDS; i++)
    {
      GString *pattern;

      if (*words[i] == '\0')
        continue;

      pattern = g_string_new ("%");
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');

      g_string_append_printf (sql, " %s search_text LIKE ?%u ESCAPE '\\'",
                              patterns->len == 0 ? "WHERE" : "AND", patterns->len + 1);
      g_ptr_array_add (patterns, g_string_free (pattern, FALSE));
    }
}

gboolean
sc_records_count_children (ScVault    *vault,
                           const char *filter,
                           guint      *count,
                           GError    **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM child");
  g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) params = g_array_new (FALSE, FALSE, sizeof (Param));

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  append_filter (sql, patterns, filter);
  for (guint i = 0; i < patterns->len; i++)
    add_text_param (params, patterns->pdata[i]);
  return count_rows (vault, sql->str, params, count, error);
}

GPtrArray *
sc_records_list_children (ScVault    *vault,
                          const char *filter,
                          guint       offset,
                          guint       limit,
                          GError    **error)
{
  ScRecordClass *klass = g_type_class_ref (SC_TYPE_CHILD);
  g_autoptr(GString) sql = g_string_new ("SELECT child.id");
  g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  append_columns (sql, klass, "child.");
  g_string_append (sql, ", (SELECT count(*) FROM concern"
                        " WHERE concern.child_id = child.id AND concern.is_draft = 0"
                        " AND concern.status != 'closed') FROM child");
  append_filter (sql, patterns, filter);
  g_string_append_printf (sql, " ORDER BY sort_key, id LIMIT ?%u OFFSET ?%u",
                          patterns->len + 1, patterns->len + 2);

  if (!(stmt = prepare (vault, sql->str, error)))
    {
      g_type_class_unref (klass);
      return NULL;
    }
  for (guint i = 0; i < patterns->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, patterns->pdata[i], -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, (int) patterns->len + 1, limit);
  sqlite3_bind_int64 (stmt, (int) patterns->len + 2, offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScChild *child = sc_child_new ();

      sc_record_set_id (SC_RECORD (child), sqlite3_column_int64 (stmt, 0));
      read_fields (stmt, 1, SC_RECORD (child));
      sc_child_set_open_concerns (child,
                                  (guint) sqlite3_column_int64 (stmt, 1 + (int) klass->n_fields));
      g_ptr_array_add (children, child);
    }
  sqlite3_finalize (stmt);
  g_type_class_unref (klass);

  if (rc != SQLITE_DONE)
    {
      sc_vault_set_sqlite_error (sc_vault_get_db (vault), rc, "Listing children", error);
      return NULL;
    }
  return g_steal_pointer (&children);
}

/* Concerns --------------------------------------------------------------------- */

/* Newest first; drafts among them, marked by is-draft. */
GPtrArray *
sc_records_list_concerns (ScVault *vault,
                          gint64   child_id,
                          GError **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return select_by_id (vault, SC_TYPE_CONCERN,
                       "WHERE child_id = ?1 ORDER BY recorded_at DESC, id DESC", child_id, error);
}

/* How many of the child's concerns (saved, not @except_id) were judged
 * accidental and happened (or, without that, were recorded) at @since or
 * later. */
gboolean
sc_records_count_accidental (ScVault    *vault,
                             gint64      child_id,
                             gint64      except_id,
                             const char *since,
                             guint      *count,
                             GError    **error)
{
  g_autoptr(GArray) params = g_array_new (FALSE, FALSE, sizeof (Param));

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  add_number_param (params, child_id);
  add_number_param (params, except_id);
  add_text_param (params, since);
  return count_rows (vault,
                     "SELECT count(*) FROM concern WHERE child_id = ?1 AND id != ?2 AND is_draft = 0"
                     " AND intent = 'accidental'"
                     " AND (CASE happened_at WHEN '' THEN recorded_at ELSE happened_at END) >= ?3",
                     params, count, error);
}

/* Every concern not closed and no longer a draft, across all children,
 * oldest first: what a manager's overview starts from. */
GPtrArray *
sc_records_list_open_concerns (ScVault *vault,
                               GError **error)
{
  g_autoptr(GArray) params = g_array_new (FALSE, FALSE, sizeof (Param));

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return select_records (vault, SC_TYPE_CONCERN,
                         "WHERE is_draft = 0 AND status != 'closed' ORDER BY recorded_at, id",
                         params, error);
}

/* Addenda: about one record (@entity and its @id), or with @entity NULL,
 * every one about child @id; oldest first. */
GPtrArray *
sc_records_list_addenda (ScVault     *vault,
                         const char  *entity,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(GArray) params = g_array_new (FALSE, FALSE, sizeof (Param));

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (entity == NULL)
    {
      add_number_param (params, id);
      return select_records (vault, SC_TYPE_ADDENDUM, "WHERE child_id = ?1 ORDER BY written_at, id",
                             params, error);
    }
  add_text_param (params, entity);
  add_number_param (params, id);
  return select_records (vault, SC_TYPE_ADDENDUM,
                         "WHERE entity = ?1 AND entity_id = ?2 ORDER BY written_at, id", params,
                         error);
}

/* Contacts ---------------------------------------------------------------------- */

static void
contact_where (const ScQuery *query,
               GString       *sql,
               GArray        *params)
{
  g_string_append (sql, " WHERE 1");
  if (query->child_id > 0)
    {
      add_number_param (params, query->child_id);
      g_string_append_printf (sql, " AND child_id = ?%u", params->len);
    }
  if (query->channel != NULL && *query->channel != '\0')
    {
      add_text_param (params, query->channel);
      g_string_append_printf (sql, " AND channel = ?%u", params->len);
    }
  if (query->from != NULL && *query->from != '\0')
    {
      add_text_param (params, query->from);
      g_string_append_printf (sql, " AND happened_at >= ?%u", params->len);
    }
  if (query->to != NULL && *query->to != '\0')
    {
      add_text_param (params, query->to);
      g_string_append_printf (sql, " AND happened_at < ?%u", params->len);
    }
  if (query->personal_only)
    g_string_append (sql, " AND device = 'personal'");
}

/* When child @child_id was added to the caseload (storage form). */
char *
sc_records_child_created_at (ScVault *vault,
                             gint64   child_id,
                             GError **error)
{
  sqlite3_stmt *stmt;
  char *created = NULL;
  int rc;

  if (!(stmt = prepare (vault, "SELECT created_at FROM child WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    created = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return created;
  if (rc == SQLITE_DONE)
    g_set_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_NOT_FOUND, "No child %" G_GINT64_FORMAT,
                 child_id);
  else
    sc_vault_set_sqlite_error (sc_vault_get_db (vault), rc, "Reading a child", error);
  return NULL;
}

gboolean
sc_records_count_contacts (ScVault       *vault,
                           const ScQuery *query,
                           guint         *count,
                           GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM contact");
  g_autoptr(GArray) params = g_array_new (FALSE, FALSE, sizeof (Param));

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  contact_where (query, sql, params);
  return count_rows (vault, sql->str, params, count, error);
}

/* Newest first. */
GPtrArray *
sc_records_list_contacts (ScVault       *vault,
                          const ScQuery *query,
                          guint          offset,
                          guint          limit,
                          GError       **error)
{
  g_autoptr(GString) tail = g_string_new (NULL);
  g_autoptr(GArray) params = g_array_new (FALSE, FALSE, sizeof (Param));

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  contact_where (query, tail, params);
  add_number_param (params, limit);
  add_number_param (params, offset);
  g_string_append_printf (tail, " ORDER BY happened_at DESC, id DESC LIMIT ?%u OFFSET ?%u",
                          params->len - 1, params->len);
  return select_records (vault, SC_TYPE_CONTACT, tail->str, params, error);
}

GPtrArray *
sc_records_list_contacts_for_concern (ScVault *vault,
                                      gint64   concern_id,
                                      GError **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return select_by_id (vault, SC_TYPE_CONTACT,
                       "WHERE concern_id = ?1 ORDER BY happened_at DESC, id DESC", concern_id, error);
}

/* A contact linked to a concern must be linked to one of its own child's. */
static gboolean
check_contact_link (ScVault   *vault,
                    ScContact *contact,
                    GError   **error)
{
  gint64 concern_id = sc_record_get_int64 (SC_RECORD (contact), "concern-id");
  g_autoptr(ScConcern) concern = NULL;

  if (concern_id == 0)
    return TRUE;

  concern = SC_CONCERN (load_in_transaction (vault, SC_TYPE_CONCERN, concern_id, NULL));
  if (concern == NULL || sc_record_get_int64 (SC_RECORD (concern), "child-id")
                         != sc_record_get_int64 (SC_RECORD (contact), "child-id"))
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                           _("The contact can only be linked to one of this child’s concerns."));
      return FALSE;
    }
  return TRUE;
}

/* Runs a write that returns no rows, inside a transaction: on failure the
 * whole transaction is rolled back. Finalizes @stmt. */
static gboolean
step_or_roll_back (ScVault      *vault,
                   sqlite3_stmt *stmt,
                   const char   *what,
                   GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sc_vault_set_sqlite_error (sc_vault_get_db (vault), rc, what, error);
      sc_vault_rollback (vault);
      return FALSE;
    }
  return TRUE;
}

/* Marks @contacts as copied to the council's case system, all or none. */
gboolean
sc_records_mark_copied (ScVault   *vault,
                        GPtrArray *contacts,
                        GError   **error)
{
  g_autofree char *now = sc_datetime_now_storage ();

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_begin (vault, error))
    return FALSE;
  /* Each as saved, with only its copied-at changed: nothing unsaved goes
   * in with it. */
  for (guint i = 0; i < contacts->len; i++)
    {
      ScRecord *contact = contacts->pdata[i];
      g_autoptr(ScRecord) saved = load_in_transaction (vault, G_OBJECT_TYPE (contact),
                                                       sc_record_get_id (contact), error);

      if (saved != NULL)
        sc_record_set_text (saved, "copied-at", now);
      if (saved == NULL || !guarded_write (vault, saved, SC_WRITE_COPIED, error))
        {
          sc_vault_rollback (vault);
          return FALSE;
        }
    }
  if (!sc_vault_commit (vault, error))
    return FALSE;
  for (guint i = 0; i < contacts->len; i++)
    sc_record_set_text (contacts->pdata[i], "copied-at", now);
  return TRUE;
}

/* Children with contacts not yet copied to the case system, last reminded
 * a week ago or never. */
GArray *
sc_records_children_to_remind (ScVault   *vault,
                               GDateTime *now,
                               GError   **error)
{
  g_autoptr(GDateTime) week_ago = g_date_time_add_weeks (now, -1);
  g_autofree char *cutoff = sc_datetime_to_storage (week_ago);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!(stmt = prepare (vault,
                        "SELECT DISTINCT contact.child_id FROM contact"
                        " LEFT JOIN contact_reminder r ON r.child_id = contact.child_id"
                        " WHERE contact.copied_at = '' AND (r.reminded_at IS NULL OR r.reminded_at <= ?1)"
                        " ORDER BY contact.child_id", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      sc_vault_set_sqlite_error (sc_vault_get_db (vault), rc, "Finding contacts to copy", error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
sc_records_mark_reminded (ScVault   *vault,
                          GArray    *child_ids,
                          GDateTime *now,
                          GError   **error)
{
  g_autofree char *at = sc_datetime_to_storage (now);

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_begin (vault, error))
    return FALSE;
  for (guint i = 0; i < child_ids->len; i++)
    {
      sqlite3_stmt *stmt = prepare (vault, "INSERT OR REPLACE INTO contact_reminder"
                                           " (child_id, reminded_at) VALUES (?1, ?2)", error);

      if (stmt == NULL)
        {
          sc_vault_rollback (vault);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, g_array_index (child_ids, gint64, i));
      sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
      if (!step_or_roll_back (vault, stmt, "Noting a reminder", error))
        return FALSE;
    }
  return sc_vault_commit (vault, error);
}

/* The response ------------------------------------------------------------------- */

/* What has been recorded of a concern's response steps, or evidence. */
GPtrArray *
sc_records_list_for_concern (ScVault *vault,
                             GType    type,
                             gint64   concern_id,
                             GError **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return select_by_id (vault, type, "WHERE concern_id = ?1 ORDER BY id", concern_id, error);
}

/* The records of @type whose @column ("child_id", "concern_id": the
 * caller's constant, never input) is one of @ids, with @filter (constant
 * SQL, or "") after: one query for a page of rows, not one per row. */
GPtrArray *
sc_records_list_where_in (ScVault      *vault,
                          GType         type,
                          const char   *column,
                          const gint64 *ids,
                          guint         n_ids,
                          const char   *filter,
                          GError      **error)
{
  g_autoptr(GArray) params = g_array_new (FALSE, FALSE, sizeof (Param));
  g_autoptr(GString) tail = g_string_new (NULL);

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (n_ids <= 500, NULL);   /* SQLite takes 999 parameters */

  if (n_ids == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);
  g_string_append_printf (tail, "WHERE %s IN (", column);
  for (guint i = 0; i < n_ids; i++)
    {
      add_number_param (params, ids[i]);
      g_string_append_printf (tail, "%s?%u", i > 0 ? ", " : "", params->len);
    }
  g_string_append_printf (tail, ") %s ORDER BY id", filter != NULL ? filter : "");
  return select_records (vault, type, tail->str, params, error);
}

/* Whether the concern @evidence belongs to, as saved, may hold a file: a
 * sexual or grooming concern never does. */
static gboolean
check_file_allowed (ScVault   *vault,
                    ScRecord  *evidence,
                    GError   **error)
{
  g_autoptr(ScRecord) concern = load_in_transaction (vault, SC_TYPE_CONCERN,
                                                     sc_record_get_int64 (evidence, "concern-id"),
                                                     error);

  if (concern == NULL)
    return FALSE;
  if (!sc_evidence_files_allowed (SC_CONCERN (concern)))
    return refuse (error, SC_RECORD_ERROR_INVALID,
                   _("A sexual or grooming concern keeps no file of any kind: describe the "
                     "evidence and where it is held instead."));
  return TRUE;
}

/* The record and its file, in one transaction: both or neither. */
gboolean
sc_records_save_with_file (ScVault  *vault,
                           ScRecord *record,
                           GBytes   *data,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  gsize size;
  const void *bytes = g_bytes_get_data (data, &size);
  gint64 id_before = sc_record_get_id (record);

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_record_validate (record, FALSE, error) || !check_lengths (record, error)
      || !sc_vault_begin (vault, error))
    return FALSE;

  if (!check_file_allowed (vault, record, error)
      || !guarded_write (vault, record, SC_WRITE_FILE_ADDED, error)
      || !(stmt = prepare (vault, "INSERT INTO evidence_file (evidence_id, data) VALUES (?1, ?2)",
                           error)))
    {
      sc_vault_rollback (vault);
      sc_record_set_id (record, id_before);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, sc_record_get_id (record));
  sqlite3_bind_blob64 (stmt, 2, bytes != NULL ? bytes : "", size, SQLITE_TRANSIENT);
  if (step_or_roll_back (vault, stmt, "Saving a file", error) && sc_vault_commit (vault, error))
    return TRUE;
  sc_record_set_id (record, id_before);
  return FALSE;
}

/* Deletes the files of @evidence (records with a file), all or none: the
 * content goes (secure_delete overwrites it), each entry forgets its file,
 * and the audit keeps what the file was (name, size and SHA-256, never its
 * content) and @reason. */
gboolean
sc_records_remove_files (ScVault    *vault,
                         GPtrArray  *evidence,
                         const char *reason,
                         GError    **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_begin (vault, error))
    return FALSE;
  for (guint i = 0; i < evidence->len; i++)
    {
      ScRecord *record = evidence->pdata[i];
      gint64 id = sc_record_get_id (record);
      g_autoptr(GBytes) bytes = sc_records_load_file (vault, id, NULL);
      g_autofree char *hash = bytes != NULL
                              ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes) : g_strdup ("");
      g_autofree char *what = g_strdup_printf ("file \"%s\", %" G_GSIZE_FORMAT " bytes, SHA-256 %s;"
                                               " removed: %s",
                                               sc_record_get_text (record, "file-name"),
                                               bytes != NULL ? g_bytes_get_size (bytes) : 0,
                                               hash, reason);
      sqlite3_stmt *stmt = prepare (vault, "DELETE FROM evidence_file WHERE evidence_id = ?1", error);
      g_autoptr(ScRecord) saved = NULL;

      if (stmt == NULL)
        {
          sc_vault_rollback (vault);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, id);
      if (!step_or_roll_back (vault, stmt, "Removing a file", error))
        return FALSE;
      /* As saved, with only its file forgotten. */
      if ((saved = load_in_transaction (vault, G_OBJECT_TYPE (record), id, error)) != NULL)
        {
          sc_record_set_text (saved, "file-name", "");
          sc_record_set_text (saved, "file-type", "");
        }
      if (saved == NULL || !guarded_write (vault, saved, SC_WRITE_FILE_REMOVED, error)
          || !sc_vault_append_audit (vault, "remove-file", "evidence", id, NULL, what, error))
        {
          sc_vault_rollback (vault);
          return FALSE;
        }
    }
  if (!sc_vault_commit (vault, error))
    return FALSE;
  for (guint i = 0; i < evidence->len; i++)
    {
      sc_record_set_text (evidence->pdata[i], "file-name", "");
      sc_record_set_text (evidence->pdata[i], "file-type", "");
    }
  return TRUE;
}

GBytes *
sc_records_load_file (ScVault  *vault,
                      gint64    evidence_id,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;
  int rc;

  if (!(stmt = prepare (vault, "SELECT data FROM evidence_file WHERE evidence_id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_NOT_FOUND,
                         _("This evidence has no file attached."));
  else
    sc_vault_set_sqlite_error (sc_vault_get_db (vault), rc, "Reading a file", error);
  sqlite3_finalize (stmt);
  return bytes;
}

/* Search ------------------------------------------------------------------------ */

#define SEARCH_MAX_CHARS 256
#define SEARCH_MAX_TERMS 16

static void
add_term (GString    *query,
          GString    *term,
          gboolean    prefix,
          guint      *n_terms)
{
  /* Inside quotes FTS reads nothing but words; a quote would end them. */
  g_strstrip (term->str);
  term->len = strlen (term->str);
  /* "a*" would match nearly everything: a prefix needs two letters. */
  if (prefix && g_utf8_strlen (term->str, -1) < 2)
    g_string_truncate (term, 0);
  if (term->len > 0 && *n_terms < SEARCH_MAX_TERMS)
    {
      /* FTS4 takes a prefix inside the quotes: "skatep*". */
      g_string_append_printf (query, "%s\"%s%s\"", query->len > 0 ? " " : "", term->str,
                              prefix ? "*" : "");
      (*n_terms)++;
    }
  g_string_truncate (term, 0);
}

/* What the worker typed as an FTS4 query every term of which must match:
 * words, "quoted phrases" and prefix* words, and nothing else FTS would
 * read as syntax (NEAR, -, OR, brackets, column names). NULL when there
 * is nothing to search for: a blank or one-letter query finds nothing
 * rather than everything. */
char *
sc_search_query_from_text (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) term = g_string_new (NULL);
  g_autofree char *bounded = NULL;
  gboolean quoted = FALSE;
  guint n_terms = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  bounded = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), SEARCH_MAX_CHARS));
  for (const char *c = bounded; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (ch == '"')
        {
          add_term (query, term, FALSE, &n_terms);
          quoted = !quoted;
        }
      else if (!quoted && g_unichar_isspace (ch))
        add_term (query, term, FALSE, &n_terms);
      else if (!quoted && ch == '*')
        add_term (query, term, TRUE, &n_terms);
      else if (g_unichar_isalnum (ch) || g_unichar_ismark (ch))
        g_string_append_unichar (term, ch);
      else if (quoted)
        g_string_append_c (term, ' ');   /* punctuation parts words, as the index does */
      else
        add_term (query, term, FALSE, &n_terms);
    }
  add_term (query, term, FALSE, &n_terms);

  {
    g_autofree char *letters = g_strdup (query->str);
    guint n = 0;

    for (const char *c = letters; *c != '\0'; c = g_utf8_next_char (c))
      n += g_unichar_isalnum (g_utf8_get_char (c));
    if (n < 2)
      return NULL;
  }
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* The snippet FTS made, with \1 and \2 around each match, as Pango markup:
 * the text escaped, piece by piece, and the matches in bold. */
static char *
snippet_to_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *piece = snippet != NULL ? snippet : "";
  gboolean bold = FALSE;

  while (*piece != '\0')
    {
      gsize len = strcspn (piece, "\1\2\n");
      g_autofree char *escaped = g_markup_escape_text (piece, (gssize) len);

      g_string_append (markup, escaped);
      piece += len;
      /* Tags that always pair, whatever the record's own text holds. */
      if (*piece == '\1' && !bold)
        {
          g_string_append (markup, "<b>");
          bold = TRUE;
        }
      else if (*piece == '\2' && bold)
        {
          g_string_append (markup, "</b>");
          bold = FALSE;
        }
      else if (*piece == '\n')
        g_string_append_c (markup, ' ');
      if (*piece != '\0')
        piece++;
    }
  if (bold)
    g_string_append (markup, "</b>");
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

void
sc_search_hit_free (ScSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->child_name);
  g_free (hit->at);
  g_free (hit->markup);
  g_free (hit);
}

/* Every record that matches @text (see sc_search_query_from_text()),
 * grouped by child in the caseload's order, newest first within a child;
 * at most @limit. Odd input finds nothing; it is never an error. */
GPtrArray *
sc_records_search (ScVault     *vault,
                   const char  *text,
                   guint        limit,
                   GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_search_hit_free);
  g_autofree char *query = sc_search_query_from_text (text);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (query == NULL)
    return g_steal_pointer (&hits);
  if (!(stmt = prepare (vault,
                        "SELECT search.kind, search.record_id, search.child_id, search.at, "
                        "snippet(search, char(1), char(2), '…', 4, 12), child.name "
                        "FROM search JOIN child ON child.id = search.child_id "
                        "WHERE search MATCH ?1 "
                        "ORDER BY child.sort_key, child.id, search.at DESC LIMIT ?2", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScSearchHit *hit = g_new0 (ScSearchHit, 1);

      hit->kind = sqlite3_column_int (stmt, 0);
      hit->record_id = sqlite3_column_int64 (stmt, 1);
      hit->child_id = sqlite3_column_int64 (stmt, 2);
      hit->at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      hit->markup = snippet_to_markup ((const char *) sqlite3_column_text (stmt, 4));
      hit->child_name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (hits, hit);
    }
  if (rc == SQLITE_ERROR)
    {
      /* The query is made of quoted words only; should FTS still refuse it,
       * the worker sees no results, never an SQL error. */
      g_debug ("Search refused: %s", sqlite3_errmsg (sc_vault_get_db (vault)));
      g_ptr_array_set_size (hits, 0);
    }
  else if (rc != SQLITE_DONE)
    {
      sc_vault_set_sqlite_error (sc_vault_get_db (vault), rc, "Searching the records", error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&hits);
}
