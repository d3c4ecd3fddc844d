/* test-audit.c: the audit trail as a hash chain, against an attacker with
 * the key
 *
 * The tampering is done as an attacker with the laptop would: on a closed
 * vault, with the sqlcipher shell, and the key read from the login keyring
 * with secret-tool.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sc-audit.h"
#include "sc-key-file.h"
#include "sc-records.h"
#include "sc-test-core.h"

#define PASSPHRASE "Blue-Kettle-42"

typedef struct
{
  char    *directory;
  ScVault *vault;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = sc_vault_get_default_directory (FALSE);
  fixture->vault = sc_vault_create (fixture->directory, "Sam Taylor", PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->vault);
  g_free (fixture->directory);
}

static ScKeyFile *
load_key_file (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->directory, SC_VAULT_KEY_NAME, NULL);
  g_autoptr(GError) error = NULL;
  ScKeyFile *key_file = sc_key_file_load (path, &error);

  g_assert_no_error (error);
  return key_file;
}

static ScAuditReport *
verify (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  ScAuditReport *report = sc_vault_verify_audit (fixture->vault, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* One write of a worker's day, chosen by the test's random seed (so
 * --seed replays it): a child, an edit, a concern, a contact. */
static void
random_write (Fixture   *fixture,
              GPtrArray *children,
              guint      n)
{
  g_autoptr(GError) error = NULL;
  int what = children->len == 0 ? 0 : g_test_rand_int_range (0, 4);
  ScChild *child = children->len > 0
                   ? children->pdata[g_test_rand_int_range (0, (int) children->len)] : NULL;

  switch (what)
    {
    case 0:
      {
        ScChild *added = sc_child_new ();
        g_autofree char *name = g_strdup_printf ("Child %u", children->len + 1);

        sc_record_set_text (SC_RECORD (added), "name", name);
        g_assert_true (sc_records_save (fixture->vault, SC_RECORD (added), &error));
        g_ptr_array_add (children, added);
      }
      break;
    case 1:
      {
        /* Always a change: an edit that changes nothing is not audited. */
        g_autofree char *carer = g_strdup_printf ("Carer %u", n);

        sc_record_set_text (SC_RECORD (child), "carer", carer);
        g_assert_true (sc_records_save (fixture->vault, SC_RECORD (child), &error));
      }
      break;
    case 2:
      {
        g_autoptr(ScConcern) concern = sc_concern_new (sc_record_get_id (SC_RECORD (child)));

        sc_record_set_text (SC_RECORD (concern), "summary", "Messages late at night");
        sc_record_set_text (SC_RECORD (concern), "own-words", "He keeps messaging me “hi”");
        sc_record_set_text (SC_RECORD (concern), "happened-at", "2026-11-20T22:00:00Z");
        sc_record_set_text (SC_RECORD (concern), "area", "bullying");
        sc_record_set_text (SC_RECORD (concern), "involvement", "child-on-child");
        g_assert_true (sc_records_complete (fixture->vault, SC_RECORD (concern), &error));
      }
      break;
    default:
      {
        g_autoptr(ScContact) contact = sc_contact_new (sc_record_get_id (SC_RECORD (child)));

        sc_record_set_text (SC_RECORD (contact), "happened-at", "2026-11-24T10:00:00Z");
        sc_record_set_text (SC_RECORD (contact), "channel", "text");
        sc_record_set_text (SC_RECORD (contact), "direction", "to");
        sc_record_set_text (SC_RECORD (contact), "device", "work");
        sc_record_set_text (SC_RECORD (contact), "summary", "Rang to confirm the visit");
        g_assert_true (sc_records_save (fixture->vault, SC_RECORD (contact), &error));
      }
      break;
    }
  g_assert_no_error (error);
}

static void
write_some (Fixture *fixture,
            guint    n)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    random_write (fixture, children, i);
}

/* A thousand writes of every kind: every entry follows from the one before,
 * and the key file holds the trail's count and head. */
static void
test_chain_intact_after_many_writes (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(ScAuditReport) report = NULL;
  g_autoptr(ScKeyFile) key_file = NULL;
  g_autofree char *said = NULL;
  const char *head = NULL;
  guint64 entries = 0;

  write_some (fixture, 1000);
  report = verify (fixture);
  g_assert_true (report->intact);
  g_assert_null (report->problem);
  g_assert_cmpuint (report->count, ==, sc_test_count_rows (fixture->vault,
                                                           "SELECT count(*) FROM audit"));
  g_assert_cmpuint (report->count, >=, 1000);

  key_file = load_key_file (fixture);
  g_assert_true (sc_key_file_get_audit_anchor (key_file, &entries, &head));
  g_assert_cmpuint (entries, ==, report->count);
  g_assert_cmpstr (head, ==, report->head);

  said = sc_audit_report_describe (report);
  g_assert_true (g_str_has_prefix (said, "intact: "));
  g_assert_nonnull (strstr (said, report->head));
}

/* What an entry keeps of a record: canonical JSON, its keys sorted, no
 * white space, so the same values always hash the same. */
static void
test_values_are_canonical_json (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScChild) child = sc_child_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) members = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *after = NULL;
  const char *previous = "";

  sc_record_set_text (SC_RECORD (child), "name", "Ava \"AJ\" Jones\n");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (child), &error));
  g_assert_cmpint (sqlite3_prepare_v2 (sc_vault_get_db (fixture->vault),
                                       "SELECT after FROM audit WHERE entity = 'child'", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  after = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  g_assert_true (json_parser_load_from_data (parser, after, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                  "name"), ==, "Ava \"AJ\" Jones\n");
  g_assert_null (strstr (after, ": "));
  g_assert_null (strstr (after, ", "));
  g_assert_null (strchr (after, '\n'));
  /* The keys in the text's own order (json-glib keeps it) are sorted. */
  members = json_object_get_members (json_node_get_object (json_parser_get_root (parser)));
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_assert_cmpint (strcmp (previous, l->data), <, 0);
      previous = l->data;
    }
}

/* Even with the key, the table refuses to be changed or cut. */
static void
test_triggers_refuse_update_and_delete (Fixture       *fixture,
                                        gconstpointer  data)
{
  sqlite3 *db = sc_vault_get_db (fixture->vault);
  gint64 before;

  write_some (fixture, 5);
  before = sc_test_count_rows (fixture->vault, "SELECT count(*) FROM audit");
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET actor = 'Someone else' WHERE id = 2",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "cannot be changed"));
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit WHERE id = 2", NULL, NULL, NULL), !=,
                   SQLITE_OK);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "cannot be changed"));
  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM audit"), ==, before);
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM audit WHERE actor = 'Someone else'"),
                   ==, 0);
}

/* The key, as an attacker would get it: from the login keyring. */
static char *
key_from_keyring (Fixture *fixture)
{
  g_autoptr(ScKeyFile) key_file = load_key_file (fixture);
  const char *argv[] = { "secret-tool", "lookup", "vault-id",
                         sc_key_file_get_vault_id (key_file), NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_strstrip (out);
  g_assert_cmpuint (strlen (out), ==, 64);
  return g_steal_pointer (&out);
}

/* Runs @sql in the sqlcipher shell on the closed vault. */
static void
tamper (Fixture    *fixture,
        const char *sql)
{
  g_autofree char *key = key_from_keyring (fixture);
  g_autofree char *db_path = g_build_filename (fixture->directory, SC_VAULT_DB_NAME, NULL);
  /* SQLCipher 3's defaults are the vault's; a 4 is told to be a 3. */
  g_autofree char *script = g_strdup_printf ("PRAGMA key = \"x'%s'\";\n"
                                             "PRAGMA cipher_compatibility = 3;\n"
                                             "%s\n", key, sql);
  const char *argv[] = { "sqlcipher", "-bail", db_path, NULL };
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  sc_vault_close (fixture->vault);
  g_clear_object (&fixture->vault);

  shell = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                   | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (shell, script, NULL, NULL, &err, &error));
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (shell) || (err != NULL && *err != '\0'))
    g_error ("sqlcipher: %s", err);

  fixture->vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
  g_assert_no_error (error);
}

#define GUARDS_DROPPED "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;"
/* An attacker who knows the schema puts the guards back to hide the work. */
#define GUARDS_BACK \
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit " \
  "BEGIN SELECT RAISE (ABORT, 'The audit trail cannot be changed'); END; " \
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit " \
  "BEGIN SELECT RAISE (ABORT, 'The audit trail cannot be changed'); END;"

typedef struct
{
  const char *sql;          /* between dropping the guards and putting them back */
  gint64      first_bad;
  const char *said;
} Tampering;

static const Tampering edit = {
  "UPDATE audit SET actor = 'Someone Else' WHERE id = 5;", 5, "was changed"
};
static const Tampering edit_values = {
  "UPDATE audit SET after = '{\"name\":\"Someone else\"}' WHERE id = 7;", 7, "values it holds"
};
static const Tampering deletion = {
  "DELETE FROM audit WHERE id = 9;", 9, "was removed"
};
static const Tampering reordering = {
  "UPDATE audit SET id = -3 WHERE id = 3; UPDATE audit SET id = 3 WHERE id = 4; "
  "UPDATE audit SET id = 4 WHERE id = -3;", 3, "moved"
};
static const Tampering emptied = {
  "UPDATE audit SET before = NULL, after = NULL WHERE id = 6;", 6, "values it holds"
};
static const Tampering retyped = {
  "UPDATE audit SET entity = CAST (entity AS BLOB) WHERE id = 8;", 8, "kind the trail never writes"
};
static const Tampering hidden_after_nul = {
  "UPDATE audit SET after = CAST (after || X'00' || 'hidden' AS TEXT) WHERE id = 5;", 5,
  "kind the trail never writes"
};
static const Tampering cut_end = {
  "DELETE FROM audit WHERE id > 15;", 16, "removed"
};

/* Each kind of tampering is named, with the first entry it touched. */
static void
test_tampering_found (Fixture       *fixture,
                      gconstpointer  data)
{
  const Tampering *tampering = data;
  g_autofree char *sql = g_strconcat (GUARDS_DROPPED, tampering->sql, GUARDS_BACK, NULL);
  g_autoptr(ScAuditReport) report = NULL;

  write_some (fixture, 20);
  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM audit"), >=, 20);
  {
    g_autoptr(ScAuditReport) before = verify (fixture);

    g_assert_true (before->intact);
  }

  tamper (fixture, sql);
  report = verify (fixture);
  g_assert_false (report->intact);
  g_assert_nonnull (report->problem);
  g_assert_nonnull (strstr (report->problem, tampering->said));
  g_assert_cmpint (report->first_bad, ==, tampering->first_bad);
}

/* The guards dropped and left off: said, even where no entry was touched. */
static void
test_guards_removed_found (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(ScAuditReport) report = NULL;

  write_some (fixture, 10);
  tamper (fixture, GUARDS_DROPPED);
  report = verify (fixture);
  g_assert_false (report->intact);
  g_assert_nonnull (strstr (report->problem, "guard against changes was removed"));
}

/* A rewrite of the whole chain, as someone who read this code would make
 * it: every entry after the changed one hashed again, so that each follows
 * from the one before. Only the anchor in the key file shows it. */
static char *
rewrite_chain_sql (Fixture *fixture,
                   gint64   changed_id)
{
  g_autoptr(GString) sql = g_string_new (GUARDS_DROPPED);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *previous = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (sc_vault_get_db (fixture->vault),
                                       "SELECT id, at, actor, action, entity, entity_id, "
                                       "values_sha256 FROM audit ORDER BY id", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *actor = id == changed_id ? "Someone Else"
                                           : (const char *) sqlite3_column_text (stmt, 2);
      char *hash = sc_audit_entry_hash (previous, id, (const char *) sqlite3_column_text (stmt, 1),
                                        actor, (const char *) sqlite3_column_text (stmt, 3),
                                        (const char *) sqlite3_column_text (stmt, 4),
                                        sqlite3_column_int64 (stmt, 5),
                                        (const char *) sqlite3_column_text (stmt, 6));

      g_string_append_printf (sql, "UPDATE audit SET actor = '%s', hash = '%s' WHERE id = %"
                              G_GINT64_FORMAT ";\n", actor, hash, id);
      g_free (previous);
      previous = hash;
    }
  sqlite3_finalize (stmt);
  g_string_append (sql, GUARDS_BACK);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static void
test_rewritten_chain_found_by_anchor (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(ScAuditReport) report = NULL;
  g_autofree char *sql = NULL;

  write_some (fixture, 20);
  sql = rewrite_chain_sql (fixture, 4);
  tamper (fixture, sql);
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM audit WHERE actor = 'Someone Else'"),
                   ==, 1);
  report = verify (fixture);
  g_assert_false (report->intact);
  g_assert_nonnull (strstr (report->problem, "rewritten"));
}

/* …and with the anchor taken out of the key file too, that is said. */
static void
test_rewritten_chain_without_anchor_found (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autofree char *key_path = g_build_filename (fixture->directory, SC_VAULT_KEY_NAME, NULL);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(ScAuditReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  write_some (fixture, 12);
  sql = rewrite_chain_sql (fixture, 2);
  tamper (fixture, sql);
  sc_vault_close (fixture->vault);
  g_assert_true (g_key_file_load_from_file (kf, key_path, G_KEY_FILE_KEEP_COMMENTS, &error));
  g_assert_true (g_key_file_remove_group (kf, "Audit", &error));
  {
    gsize length = 0;
    g_autofree char *text = g_key_file_to_data (kf, &length, NULL);

    g_assert_true (g_file_set_contents_full (key_path, text, (gssize) length,
                                             G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error));
  }
  g_assert_no_error (error);
  g_clear_object (&fixture->vault);
  fixture->vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
  g_assert_no_error (error);

  report = verify (fixture);
  g_assert_false (report->intact);
  g_assert_nonnull (strstr (report->problem, "no longer holds its record"));
}

/* The command line an auditor runs: exit status 0 and the head when intact,
 * 1 and the entry when not. */
static void
test_command_line (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *safecase = g_getenv ("SC_SAFECASE");
  const char *argv[] = { safecase, "--verify-audit", NULL };
  g_autoptr(ScAuditReport) report = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", g_get_user_data_dir (),
                                         TRUE);

  g_assert_nonnull (safecase);
  write_some (fixture, 8);
  report = verify (fixture);
  sc_vault_close (fixture->vault);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("safecase --verify-audit: %s%s", out, err);
  {
    g_autofree char *said = sc_audit_report_describe (report);

    g_assert_cmpstr (g_strstrip (out), ==, said);
  }
  g_clear_pointer (&out, g_free);

  g_clear_object (&fixture->vault);
  fixture->vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
  g_assert_no_error (error);
  tamper (fixture, GUARDS_DROPPED "DELETE FROM audit WHERE id = 3;" GUARDS_BACK);
  sc_vault_close (fixture->vault);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Entry 3 of the audit trail is missing"));
}

/* The order that matters: the trail rewritten, then the worker saves as on
 * any day, then the check. The save must not anchor the forgery. */
static void
test_rewritten_then_saved (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(ScAuditReport) report = NULL;
  g_autofree char *sql = NULL;

  write_some (fixture, 12);
  sql = rewrite_chain_sql (fixture, 3);
  tamper (fixture, sql);
  write_some (fixture, 3);
  report = verify (fixture);
  g_assert_false (report->intact);
  g_assert_nonnull (strstr (report->problem, "rewritten"));
}

/* A complete concern whose save fails stays complete: its later saves are
 * audited, and it stays in the chronology. */
static void
test_complete_stays_complete (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScChild) child = sc_child_new ();
  g_autoptr(ScConcern) concern = NULL;
  g_autofree char *too_long = g_strnfill (SC_RECORD_MAX_TEXT_BYTES + 1, 'x');
  g_autofree char *sql = NULL;

  sc_record_set_text (SC_RECORD (child), "name", "Ava Jones");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (child), &error));
  concern = sc_concern_new (sc_record_get_id (SC_RECORD (child)));
  sc_record_set_text (SC_RECORD (concern), "summary", "Messages from a stranger");
  sc_record_set_text (SC_RECORD (concern), "happened-at", "2026-11-20T16:00:00Z");
  sc_record_set_text (SC_RECORD (concern), "area", "bullying");
  sc_record_set_text (SC_RECORD (concern), "involvement", "child-on-child");
  g_assert_true (sc_records_complete (fixture->vault, SC_RECORD (concern), &error));
  g_assert_no_error (error);

  sc_record_set_text (SC_RECORD (concern), "own-words", too_long);
  g_assert_false (sc_records_complete (fixture->vault, SC_RECORD (concern), &error));
  g_clear_error (&error);
  g_assert_false (sc_record_get_boolean (SC_RECORD (concern), "is-draft"));
  sc_record_set_text (SC_RECORD (concern), "own-words", "He said not to tell");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (concern), &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE entity = 'concern' AND entity_id = %"
                         G_GINT64_FORMAT, sc_record_get_id (SC_RECORD (concern)));
  g_assert_cmpint (sc_test_count_rows (fixture->vault, sql), ==, 2);
}

/* An entry missing from a trail from before the chain stays missing: the
 * migration chains what is there, as it is numbered. */
static void
test_gap_before_chain_named (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) old = sc_vault_create_at_version (directory, "Sam Taylor", PASSPHRASE, 6,
                                                       &error);
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScAuditReport) report = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    g_assert_true (sc_vault_append_audit (old, "create", "note", i + 1, NULL, "old entry", &error));
  g_assert_cmpint (sqlite3_exec (sc_vault_get_db (old), "DELETE FROM audit WHERE id = 2", NULL,
                                 NULL, NULL), ==, SQLITE_OK);
  sc_vault_close (old);

  vault = sc_vault_open_with_keyring (directory, NULL, &error);
  g_assert_no_error (error);
  report = sc_vault_verify_audit (vault, &error);
  g_assert_no_error (error);
  g_assert_false (report->intact);
  g_assert_cmpint (report->first_bad, ==, 2);
  g_assert_nonnull (strstr (report->problem, "missing"));
}

/* A check changes nothing: a vault an older Safecase left is refused, not
 * migrated, and its key file is as it was. */
static void
test_check_opens_without_migrating (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autofree char *key_path = g_build_filename (directory, SC_VAULT_KEY_NAME, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) old = sc_vault_create_at_version (directory, "Sam Taylor", PASSPHRASE, 6,
                                                       &error);
  g_autoptr(ScVault) checked = NULL;
  g_autoptr(ScVault) opened = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  sc_vault_close (old);
  g_assert_true (g_file_get_contents (key_path, &before, NULL, NULL));
  checked = sc_vault_open_for_check (directory, &error);
  g_assert_null (checked);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_OLD_SCHEMA);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (key_path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  opened = sc_vault_open_with_keyring (directory, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_schema_version (opened), ==, sc_vault_get_latest_schema_version ());
}

/* A vault from before the chain: its entries are chained, in order, and
 * anchored, when it is first opened. */
static void
test_old_entries_chained (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) old = sc_vault_create_at_version (directory, "Sam Taylor", PASSPHRASE, 6,
                                                       &error);
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScAuditReport) report = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    g_assert_true (sc_vault_append_audit (old, "create", "note", i + 1, NULL, "old entry", &error));
  sc_vault_close (old);

  vault = sc_vault_open_with_keyring (directory, NULL, &error);
  g_assert_no_error (error);
  report = sc_vault_verify_audit (vault, &error);
  g_assert_no_error (error);
  g_assert_true (report->intact);
  g_assert_cmpuint (report->count, ==, 5);
  g_assert_true (sc_vault_append_audit (vault, "create", "note", 6, NULL, "new entry", &error));
  g_clear_pointer (&report, sc_audit_report_free);
  report = sc_vault_verify_audit (vault, &error);
  g_assert_true (report->intact);
  g_assert_cmpuint (report->count, ==, 6);
}

/* A record's history: who and when, and the fields that changed, old and
 * new. */
static void
test_record_history (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScChild) child = sc_child_new ();
  g_autoptr(GPtrArray) history = NULL;
  ScAuditHistoryEntry *created, *changed;
  ScAuditChange *change;

  sc_record_set_text (SC_RECORD (child), "name", "Ava Jones");
  sc_record_set_text (SC_RECORD (child), "carer", "Ms Rivers");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (child), &error));
  sc_record_set_text (SC_RECORD (child), "carer", "Mr Okafor");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (child), &error));
  g_assert_no_error (error);

  history = sc_vault_record_history (fixture->vault, "child", sc_record_get_id (SC_RECORD (child)),
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  created = history->pdata[0];
  changed = history->pdata[1];
  g_assert_cmpstr (created->action, ==, "create");
  g_assert_cmpstr (created->actor, ==, "Sam Taylor");
  g_assert_cmpuint (created->changes->len, >=, 2);
  g_assert_cmpstr (changed->action, ==, "update");
  g_assert_cmpuint (changed->changes->len, ==, 1);
  change = changed->changes->pdata[0];
  g_assert_cmpstr (change->field, ==, "carer");
  g_assert_cmpstr (change->before, ==, "Ms Rivers");
  g_assert_cmpstr (change->after, ==, "Mr Okafor");
  g_assert_cmpint (changed->id, >, created->id);
}

/* A draft is saved as the worker types, and writes no audit entry each
 * time: the trail starts at the first save, with the whole concern. */
static void
test_draft_keystrokes_not_audited (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScChild) child = sc_child_new ();
  g_autoptr(ScConcern) concern = NULL;
  const char *typed = "He said not to tell anyone";
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) history = NULL;

  sc_record_set_text (SC_RECORD (child), "name", "Ava Jones");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (child), &error));
  concern = sc_concern_new (sc_record_get_id (SC_RECORD (child)));
  for (guint i = 1; i <= strlen (typed); i++)
    {
      g_autofree char *so_far = g_strndup (typed, i);

      sc_record_set_text (SC_RECORD (concern), "own-words", so_far);
      g_assert_true (sc_records_save (fixture->vault, SC_RECORD (concern), &error));
    }
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE entity = 'concern' AND entity_id = %"
                         G_GINT64_FORMAT, sc_record_get_id (SC_RECORD (concern)));
  g_assert_cmpint (sc_test_count_rows (fixture->vault, sql), ==, 0);

  sc_record_set_text (SC_RECORD (concern), "summary", "Messages from a stranger");
  sc_record_set_text (SC_RECORD (concern), "happened-at", "2026-11-20T16:00:00Z");
  sc_record_set_text (SC_RECORD (concern), "area", "bullying");
  sc_record_set_text (SC_RECORD (concern), "involvement", "child-on-child");
  g_assert_true (sc_records_complete (fixture->vault, SC_RECORD (concern), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_test_count_rows (fixture->vault, sql), ==, 1);
  history = sc_vault_record_history (fixture->vault, "concern",
                                     sc_record_get_id (SC_RECORD (concern)), &error);
  g_assert_cmpstr (((ScAuditHistoryEntry *) history->pdata[0])->action, ==, "create");
  {
    g_autoptr(ScAuditReport) report = verify (fixture);

    g_assert_true (report->intact);
  }
}

int
main (int   argc,
      char *argv[])
{
  sc_test_core_init (&argc, &argv);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/audit/chain/intact-after-1000-writes", NULL, test_chain_intact_after_many_writes);
  ADD ("/audit/chain/values-are-canonical-json", NULL, test_values_are_canonical_json);
  ADD ("/audit/guards/refuse-update-and-delete", NULL, test_triggers_refuse_update_and_delete);
  ADD ("/audit/tampering/edit", &edit, test_tampering_found);
  ADD ("/audit/tampering/edit-values", &edit_values, test_tampering_found);
  ADD ("/audit/tampering/deletion", &deletion, test_tampering_found);
  ADD ("/audit/tampering/reordering", &reordering, test_tampering_found);
  ADD ("/audit/tampering/end-cut-off", &cut_end, test_tampering_found);
  ADD ("/audit/tampering/values-emptied", &emptied, test_tampering_found);
  ADD ("/audit/tampering/text-made-blob", &retyped, test_tampering_found);
  ADD ("/audit/tampering/text-after-a-nul", &hidden_after_nul, test_tampering_found);
  ADD ("/audit/tampering/rewritten-then-saved", NULL, test_rewritten_then_saved);
  ADD ("/audit/drafts/complete-stays-complete", NULL, test_complete_stays_complete);
  ADD ("/audit/tampering/guards-removed", NULL, test_guards_removed_found);
  ADD ("/audit/tampering/whole-chain-rewritten", NULL, test_rewritten_chain_found_by_anchor);
  ADD ("/audit/tampering/rewritten-and-anchor-removed", NULL,
       test_rewritten_chain_without_anchor_found);
  ADD ("/audit/command-line", NULL, test_command_line);
  ADD ("/audit/history/a-record", NULL, test_record_history);
  ADD ("/audit/drafts/keystrokes-not-audited", NULL, test_draft_keystrokes_not_audited);
  g_test_add_func ("/audit/migration/old-entries-chained", test_old_entries_chained);
  g_test_add_func ("/audit/migration/gap-before-the-chain-named", test_gap_before_chain_named);
  g_test_add_func ("/audit/check/opens-without-migrating", test_check_opens_without_migrating);

  return g_test_run ();
}
