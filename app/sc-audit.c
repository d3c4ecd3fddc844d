/* sc-audit.c: the audit trail as a hash chain
 *
 * Every entry of the audit table carries
 *
 *   values_sha256 = SHA-256 (F(before) ‖ F(after))
 *   hash          = SHA-256 (F(previous hash) ‖ F(id) ‖ F(at) ‖ F(actor) ‖ F(action)
 *                            ‖ F(entity) ‖ F(entity_id) ‖ F(values_sha256))
 *
 * where F(x) is one byte (0 for NULL, 1 for a value), the value's length as
 * eight bytes big-endian, then its UTF-8 bytes; numbers are written in
 * decimal, hashes in lower-case hex, and the first entry's previous hash is
 * 64 zeros. The values enter the chain only through their digest, so a
 * lawful erasure may empty them and the chain still checks. The entries
 * are numbered from 1 with no gaps, so a removed one shows.
 *
 * Anyone with the key could rewrite the whole chain; the vault's key file
 * keeps the number of entries and the last hash (the anchor) after each
 * commit, and a sign-off or a printed document carries it too, so that a
 * rewrite is found against them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-audit"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sc-audit-private.h"
#include "sc-vault-private.h"

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

static void
feed (GChecksum  *sum,
      const char *text)
{
  guint8 head[9];
  gsize len = text != NULL ? strlen (text) : 0;

  head[0] = text != NULL;
  for (guint i = 0; i < 8; i++)
    head[1 + i] = (guint8) ((guint64) len >> (56 - 8 * i));
  g_checksum_update (sum, head, sizeof head);
  if (len > 0)
    g_checksum_update (sum, (const guchar *) text, len);
}

static void
feed_int (GChecksum *sum,
          gint64     value,
          gboolean   null)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  feed (sum, null ? NULL : text);
}

/* The digest of an entry's old and new values (NULL for none). */
char *
sc_audit_values_digest (const char *before,
                        const char *after)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  feed (sum, before);
  feed (sum, after);
  return g_strdup (g_checksum_get_string (sum));
}

/* An entry's hash, from the one before it (NULL for the first). An
 * @entity_id of 0 is none. */
char *
sc_audit_entry_hash (const char *previous,
                     gint64      id,
                     const char *at,
                     const char *actor,
                     const char *action,
                     const char *entity,
                     gint64      entity_id,
                     const char *values_digest)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  feed (sum, previous != NULL ? previous : GENESIS);
  feed_int (sum, id, FALSE);
  feed (sum, at);
  feed (sum, actor);
  feed (sum, action);
  feed (sum, entity);
  feed_int (sum, entity_id, entity_id <= 0);
  feed (sum, values_digest);
  return g_strdup (g_checksum_get_string (sum));
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* The last entry's number (the count, as entries are numbered from 1) and
 * hash; 0 and 64 zeros for an empty trail. */
gboolean
sc_audit_read_head (sqlite3  *db,
                    guint64  *count,
                    char    **head,
                    GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *count = 0;
  *head = NULL;
  rc = sqlite3_prepare_v2 (db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", -1, &stmt,
                           NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *count = (guint64) sqlite3_column_int64 (stmt, 0);
      *head = g_strdup (column_text (stmt, 1) != NULL ? column_text (stmt, 1) : "");
      rc = SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sc_vault_set_sqlite_error (db, rc, "Reading the audit trail", error);
  if (*head == NULL)
    *head = g_strdup (GENESIS);
  return TRUE;
}

/* The hash of entry @id, or NULL if there is none. */
char *
sc_audit_hash_at (sqlite3 *db,
                  guint64  id)
{
  sqlite3_stmt *stmt = NULL;
  char *hash = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT hash FROM audit WHERE id = ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, (gint64) id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        hash = g_strdup (column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return hash;
}

/* When @entity's row @entity_id first had an entry (with @action, unless
 * NULL): storage form, or NULL if never. */
char *
sc_audit_first_at (sqlite3    *db,
                   const char *entity,
                   gint64      entity_id,
                   const char *action,
                   GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  char *at = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, action != NULL
                               ? "SELECT at FROM audit WHERE entity = ?1 AND entity_id = ?2 "
                                 "AND action = ?3 ORDER BY id LIMIT 1"
                               : "SELECT at FROM audit WHERE entity = ?1 AND entity_id = ?2 "
                                 "ORDER BY id LIMIT 1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, entity_id);
      if (action != NULL)
        sqlite3_bind_text (stmt, 3, action, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        at = g_strdup (column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  /* A trail that cannot be read is said, never taken for "not there": a
   * record would pass for not final. */
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    sc_vault_set_sqlite_error (db, rc, "Reading the audit trail", error);
  return at;
}

/* Appends an entry, chained to the last (unless the vault's schema is from
 * before the chain, for the migration tests), inside the caller's
 * transaction. */
gboolean
sc_audit_append (sqlite3     *db,
                 gboolean     chained,
                 const char  *at,
                 const char  *actor,
                 const char  *action,
                 const char  *entity,
                 gint64       entity_id,
                 const char  *before,
                 const char  *after,
                 GError     **error)
{
  g_autofree char *previous = NULL;
  g_autofree char *values = sc_audit_values_digest (before, after);
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt = NULL;
  guint64 last = 0;
  gint64 id;
  int rc;

  if (chained)
    {
      if (!sc_audit_read_head (db, &last, &previous, error))
        return FALSE;
      id = (gint64) last + 1;
      hash = sc_audit_entry_hash (last > 0 ? previous : NULL, id, at, actor, action, entity,
                                  entity_id, values);
    }

  rc = sqlite3_prepare_v2 (db,
                           chained
                           ? "INSERT INTO audit (id, at, actor, action, entity, entity_id, before, "
                             "after, values_sha256, hash) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                           : "INSERT INTO audit (id, at, actor, action, entity, entity_id, before, "
                             "after) VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      if (chained)
        sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, actor, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, action, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, entity, -1, SQLITE_TRANSIENT);
      if (entity_id > 0)
        sqlite3_bind_int64 (stmt, 6, entity_id);
      else
        sqlite3_bind_null (stmt, 6);
      sqlite3_bind_text (stmt, 7, before, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, after, -1, SQLITE_TRANSIENT);
      if (chained)
        {
          sqlite3_bind_text (stmt, 9, values, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 10, hash, -1, SQLITE_TRANSIENT);
        }
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return sc_vault_set_sqlite_error (db, rc, "Writing the audit trail", error);
  return TRUE;
}

/* One entry as read back. */
typedef struct
{
  gint64  id;
  char   *at;
  char   *actor;
  char   *action;
  char   *entity;
  gint64  entity_id;
  char   *before;
  char   *after;
  char   *values;
  char   *hash;
  /* A value not of the type the trail writes (a BLOB for text, a text for
   * a number, a NUL inside a text): written by someone else. */
  gboolean malformed;
} Entry;

static void
entry_clear (Entry *entry)
{
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry->values);
  g_free (entry->hash);
}

#define ENTRY_COLUMNS "id, at, actor, action, entity, entity_id, before, after, values_sha256, hash"

/* Text column @column, or NULL; @malformed is set if it is not text (or
 * NULL, where @nullable), or holds a NUL. */
static char *
read_text (sqlite3_stmt *stmt,
           int           column,
           gboolean      nullable,
           gboolean     *malformed)
{
  int type = sqlite3_column_type (stmt, column);
  const char *text;

  if (type == SQLITE_NULL)
    {
      *malformed |= !nullable;
      return NULL;
    }
  if (type != SQLITE_TEXT)
    *malformed = TRUE;
  text = column_text (stmt, column);
  if (text != NULL && strlen (text) != (gsize) sqlite3_column_bytes (stmt, column))
    *malformed = TRUE;
  return g_strdup (text);
}

static void
entry_read (sqlite3_stmt *stmt,
            Entry        *entry)
{
  int id_type = sqlite3_column_type (stmt, 5);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->malformed = sqlite3_column_type (stmt, 0) != SQLITE_INTEGER;
  entry->at = read_text (stmt, 1, FALSE, &entry->malformed);
  entry->actor = read_text (stmt, 2, FALSE, &entry->malformed);
  entry->action = read_text (stmt, 3, FALSE, &entry->malformed);
  entry->entity = read_text (stmt, 4, FALSE, &entry->malformed);
  /* The trail writes an entity's id as a positive number, or none. */
  entry->entity_id = id_type == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 5);
  if (id_type != SQLITE_NULL && (id_type != SQLITE_INTEGER || entry->entity_id <= 0))
    entry->malformed = TRUE;
  entry->before = read_text (stmt, 6, TRUE, &entry->malformed);
  entry->after = read_text (stmt, 7, TRUE, &entry->malformed);
  entry->values = read_text (stmt, 8, TRUE, &entry->malformed);
  entry->hash = read_text (stmt, 9, TRUE, &entry->malformed);
}

/* Schema version 7: the entries written before the chain are chained, in
 * the order they were written. Only the migration may do this: version 8
 * makes the table append-only. */
gboolean
sc_audit_chain_existing (sqlite3  *db,
                         GError  **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autofree char *previous = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_array_set_clear_func (entries, (GDestroyNotify) entry_clear);
  rc = sqlite3_prepare_v2 (db, "SELECT " ENTRY_COLUMNS " FROM audit ORDER BY id", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Entry entry = { 0 };

      entry_read (stmt, &entry);
      g_array_append_val (entries, entry);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    return sc_vault_set_sqlite_error (db, rc, "Reading the audit trail", error);

  /* Chained as they are numbered: a number missing since before the chain
   * (nothing the app did) stays missing, for the check to name. */
  rc = sqlite3_prepare_v2 (db, "UPDATE audit SET values_sha256 = ?1, hash = ?2 WHERE id = ?3",
                           -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      g_autofree char *values = sc_audit_values_digest (entry->before, entry->after);
      char *hash = sc_audit_entry_hash (previous, entry->id, entry->at, entry->actor,
                                        entry->action, entry->entity, entry->entity_id, values);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, values, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, entry->id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      g_free (previous);
      previous = hash;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return sc_vault_set_sqlite_error (db, rc, "Chaining the audit trail", error);
  return TRUE;
}

static gboolean
guards_in_place (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int n = 0;

  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                              "AND name IN ('audit_no_update', 'audit_no_delete')",
                          -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n == 2;
}

/* A number, as text: a translatable sentence takes it as %s (xgettext
 * cannot read a format macro inside a string). */
static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
report_problem (ScAuditReport *report,
                gint64         first_bad,
                char          *problem)
{
  if (!report->intact)
    {
      g_free (problem);
      return;   /* the first problem is the one to name */
    }
  report->intact = FALSE;
  report->first_bad = first_bad;
  report->problem = problem;
}

/* One entry against the one before it. */
static void
check_entry (ScAuditReport *report,
             const Entry   *entry,
             gint64         expected_id,
             const char    *previous)
{
  g_autofree char *values = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *number = id_text (entry->id);
  g_autofree char *expected = id_text (expected_id);

  if (entry->malformed)
    {
      report_problem (report, entry->id,
                      g_strdup_printf (_("Entry %s of the audit trail was changed: it holds a "
                                         "value of a kind the trail never writes."),
                                       number));
      return;
    }
  if (entry->id != expected_id)
    {
      report_problem (report, expected_id,
                      g_strdup_printf (_("Entry %s of the audit trail is missing: it was "
                                         "removed."), expected));
      return;
    }
  /* Every entry's values are checked: the app erases none yet, so values
   * emptied since are values changed. */
  values = sc_audit_values_digest (entry->before, entry->after);
  if (g_strcmp0 (values, entry->values) != 0)
    {
      report_problem (report, entry->id,
                      g_strdup_printf (_("Entry %s of the audit trail was changed: the values it "
                                         "holds are not the ones recorded."), number));
      return;
    }
  hash = sc_audit_entry_hash (previous, entry->id, entry->at, entry->actor, entry->action,
                              entry->entity, entry->entity_id, entry->values);
  if (g_strcmp0 (hash, entry->hash) != 0)
    report_problem (report, entry->id,
                    g_strdup_printf (_("Entry %s of the audit trail was changed, or entries were "
                                       "moved: it does not follow from the one before it."),
                                     number));
}

/* Checks every entry in order, and the trail against its anchor (the count
 * and head kept outside the database; a count of 0 is none yet). An
 * anchor behind the trail is allowed: it is written after each commit. */
ScAuditReport *
sc_audit_verify (sqlite3     *db,
                 guint64      anchor_count,
                 const char  *anchor_head,
                 GError     **error)
{
  g_autoptr(ScAuditReport) report = g_new0 (ScAuditReport, 1);
  g_autofree char *previous = NULL;
  g_autofree char *at_anchor = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 expected_id = 1;
  int rc;

  report->intact = TRUE;
  rc = sqlite3_prepare_v2 (db, "SELECT " ENTRY_COLUMNS " FROM audit ORDER BY id", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Entry entry = { 0 };

      entry_read (stmt, &entry);
      if (report->intact)
        check_entry (report, &entry, expected_id, previous);
      if ((guint64) entry.id == anchor_count)
        {
          g_free (at_anchor);
          at_anchor = g_strdup (entry.hash);
        }
      g_free (previous);
      previous = g_steal_pointer (&entry.hash);
      expected_id = entry.id + 1;
      entry_clear (&entry);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      sc_vault_set_sqlite_error (db, rc, "Reading the audit trail", error);
      return NULL;
    }

  report->count = (guint64) (expected_id - 1);
  report->head = g_strdup (previous != NULL ? previous : GENESIS);

  if (anchor_count > report->count)
    {
      g_autofree char *anchored = id_text ((gint64) anchor_count);
      g_autofree char *counted = id_text ((gint64) report->count);

      report_problem (report, (gint64) report->count + 1,
                      g_strdup_printf (_("The key file recorded %s entries, but the audit trail "
                                         "has %s: entries at its end were removed."),
                                       anchored, counted));
    }
  else if (anchor_count > 0 && g_strcmp0 (at_anchor, anchor_head) != 0)
    {
      g_autofree char *anchored = id_text ((gint64) anchor_count);

      report_problem (report, (gint64) anchor_count,
                      g_strdup_printf (_("Entry %s of the audit trail is not the one the key file "
                                         "recorded: the trail was rewritten."), anchored));
    }
  if (!guards_in_place (db))
    report_problem (report, 0,
                    g_strdup (_("The audit trail’s guard against changes was removed from the "
                                "vault.")));
  return g_steal_pointer (&report);
}

/* "intact: 12 entries, head 3f…", or what was found. */
char *
sc_audit_report_describe (const ScAuditReport *report)
{
  if (report->intact)
    return g_strdup_printf ("intact: %" G_GUINT64_FORMAT " entries, head %s", report->count,
                            report->head);
  return g_strdup (report->problem);
}

void
sc_audit_report_free (ScAuditReport *report)
{
  if (report == NULL)
    return;
  g_free (report->head);
  g_free (report->problem);
  g_free (report);
}

/* History ------------------------------------------------------------------------- */

static void
change_free (ScAuditChange *change)
{
  g_free (change->field);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

void
sc_audit_history_entry_free (ScAuditHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry->note);
  g_free (entry);
}

/* A record's values as the trail keeps them (canonical JSON), as text by
 * field; NULL if @text is not such an object (an older entry, a note). */
static GHashTable *
parse_values (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTable *values;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (text == NULL || *text != '{' || !json_parser_load_from_data (parser, text, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  object = json_node_get_object (json_parser_get_root (parser));
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      GType type;
      char *value;

      if (!JSON_NODE_HOLDS_VALUE (node))
        continue;
      type = json_node_get_value_type (node);
      if (type == G_TYPE_STRING)
        value = g_strdup (json_node_get_string (node));
      else if (type == G_TYPE_BOOLEAN)
        value = g_strdup (json_node_get_boolean (node) ? "yes" : "no");
      else
        value = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      g_hash_table_insert (values, g_strdup (name), value);
    }
  return values;
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  return strcmp ((*(ScAuditChange *const *) a)->field, (*(ScAuditChange *const *) b)->field);
}

/* The fields whose values differ between @before and @after (either NULL
 * for none), sorted by name; NULL when either is not a record's values. */
GPtrArray *
sc_audit_changes (const char *before,
                  const char *after)
{
  g_autoptr(GHashTable) old = before != NULL ? parse_values (before)
                                             : g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) now = parse_values (after);
  g_autoptr(GPtrArray) changes = NULL;
  GHashTableIter iter;
  gpointer field, value;

  if (old == NULL || now == NULL)
    return NULL;
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &field, &value))
    {
      const char *was = g_hash_table_lookup (old, field);
      ScAuditChange *change;

      /* The id and the times the vault keeps are not the worker's change. */
      if (g_strcmp0 (was, value) == 0 || g_str_equal (field, "id")
          || (was == NULL && *(const char *) value == '\0'))
        continue;
      change = g_new0 (ScAuditChange, 1);
      change->field = g_strdup (field);
      change->before = g_strdup (was);
      change->after = g_strdup (value);
      g_ptr_array_add (changes, change);
    }
  g_ptr_array_sort (changes, compare_changes);
  return g_steal_pointer (&changes);
}

/* Every entry of the trail about one record, oldest first. */
GPtrArray *
sc_audit_history (sqlite3     *db,
                  const char  *entity,
                  gint64       entity_id,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_audit_history_entry_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT id, at, actor, action, before, after FROM audit "
                               "WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, entity_id);
    }
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScAuditHistoryEntry *entry = g_new0 (ScAuditHistoryEntry, 1);
      const char *before = column_text (stmt, 4), *after = column_text (stmt, 5);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup (column_text (stmt, 1));
      entry->actor = g_strdup (column_text (stmt, 2));
      entry->action = g_strdup (column_text (stmt, 3));
      entry->changes = sc_audit_changes (before, after);
      if (entry->changes == NULL)
        entry->note = g_strdup (after != NULL ? after : before);
      g_ptr_array_add (entries, entry);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      sc_vault_set_sqlite_error (db, rc, "Reading a record's history", error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
