/* test-vault.c: the encrypted vault, against real SQLCipher and a real keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "sc-child.h"
#include "sc-error-message.h"
#include "sc-key-file.h"
#include "sc-keyring.h"
#include "sc-lock-state.h"
#include "sc-records.h"
#include "sc-secure.h"
#include "sc-test-core.h"
#include "sc-vault-private.h"

#define PASSPHRASE "Blue-Kettle-42"
#define WORKER     "Sam Taylor"
#define CANARY     "CANARY-Zq8w-plaintext-must-never-reach-disk"

typedef struct
{
  char *directory;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives every test a fresh XDG_DATA_HOME. */
  fixture->directory = sc_vault_get_default_directory (FALSE);
  /* A subprocess inherits its parent's folders, and the vault in them. */
  if (!g_test_subprocess ())
    g_assert_false (sc_vault_exists_at (fixture->directory));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->directory);
}

static char *
vault_path (Fixture    *fixture,
            const char *name)
{
  return g_build_filename (fixture->directory, name, NULL);
}

static ScVault *
create_vault (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  ScVault *vault = sc_vault_create (fixture->directory, WORKER, PASSPHRASE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (vault);
  return vault;
}

static void
create_and_close (Fixture *fixture)
{
  g_autoptr(ScVault) vault = create_vault (fixture);

  sc_vault_close (vault);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
write_file (const char *path,
            const void *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  /* CONSISTENT: GLib 2.74 does not truncate a file it writes in place. */
  g_file_set_contents_full (path, data, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
}

static char *
vault_id_of (Fixture *fixture)
{
  g_autofree char *key_path = vault_path (fixture, SC_VAULT_KEY_NAME);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScKeyFile) key_file = sc_key_file_load (key_path, &error);

  g_assert_no_error (error);
  return g_strdup (sc_key_file_get_vault_id (key_file));
}

/* Creating and reopening -------------------------------------------------- */

static void
test_create_then_reopen_with_keyring (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = create_vault (fixture);
  g_autoptr(ScVault) reopened = NULL;

  g_assert_true (sc_vault_is_open (vault));
  g_assert_true (sc_vault_get_key_in_keyring (vault));
  g_assert_null (sc_vault_get_keyring_error (vault));
  g_assert_cmpstr (sc_vault_get_worker_name (vault), ==, WORKER);
  g_assert_cmpint (sc_vault_get_schema_version (vault), ==, sc_vault_get_latest_schema_version ());

  g_assert_true (sc_vault_begin (vault, &error));
  g_assert_true (sc_vault_append_audit (vault, "create", "note", 7, NULL, "first entry", &error));
  g_assert_true (sc_vault_commit (vault, &error));
  g_assert_no_error (error);
  sc_vault_close (vault);
  g_assert_false (sc_vault_is_open (vault));

  reopened = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);
  g_assert_cmpstr (sc_vault_get_worker_name (reopened), ==, WORKER);
  g_assert_cmpint (sc_test_count_rows (reopened, "SELECT count(*) FROM audit WHERE after = 'first entry'"),
                   ==, 1);
}

static void
test_reopen_with_passphrase (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;

  create_and_close (fixture);

  vault = sc_vault_open_with_passphrase (fixture->directory, PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vault);
  g_assert_cmpstr (sc_vault_get_worker_name (vault), ==, WORKER);
  g_assert_cmpint (sc_test_count_rows (vault, "SELECT count(*) FROM meta WHERE key = 'vault_id'"), ==, 1);
}

static void
open_with_passphrase_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_reopen_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;

  create_and_close (fixture);

  sc_vault_open_with_passphrase_async (fixture->directory, PASSPHRASE, FALSE, NULL,
                                       open_with_passphrase_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  vault = sc_vault_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_is_open (vault));
}

static void
test_wrong_passphrase_changes_nothing (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autofree char *db_path = vault_path (fixture, SC_VAULT_DB_NAME);
  g_autofree char *key_path = vault_path (fixture, SC_VAULT_KEY_NAME);
  g_autoptr(GBytes) db_before = NULL, key_before = NULL, db_after = NULL, key_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autofree char *sentence = NULL;
  GStatBuf st_before, st_after;

  create_and_close (fixture);
  db_before = read_file (db_path);
  key_before = read_file (key_path);
  g_assert_cmpint (g_stat (db_path, &st_before), ==, 0);

  vault = sc_vault_open_with_passphrase (fixture->directory, "Blue-Kettle-43", NULL, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);

  sentence = sc_error_message_for (error);
  g_assert_true (g_str_has_prefix (sentence, "Wrong passphrase."));

  db_after = read_file (db_path);
  key_after = read_file (key_path);
  g_assert_true (g_bytes_equal (db_before, db_after));
  g_assert_true (g_bytes_equal (key_before, key_after));
  g_assert_cmpint (g_stat (db_path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
}

static void
test_create_refuses_existing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) again = NULL;
  g_autofree char *db_path = vault_path (fixture, SC_VAULT_DB_NAME);
  g_autoptr(GBytes) before = NULL, after = NULL;

  create_and_close (fixture);
  before = read_file (db_path);

  again = sc_vault_create (fixture->directory, "Someone Else", "Other-Pass-99", NULL, &error);
  g_assert_null (again);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS);

  after = read_file (db_path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_create_needs_a_name (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_create (fixture->directory, "   ", PASSPHRASE, NULL, &error);

  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT);
  g_assert_false (sc_vault_exists_at (fixture->directory));
}

static void
test_closed_vault_refuses_writes (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = create_vault (fixture);

  sc_vault_close (vault);
  g_assert_false (sc_vault_begin (vault, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (sc_vault_append_audit (vault, "create", "note", 1, NULL, NULL, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED);
}

/* The keyring ------------------------------------------------------------- */

static void
test_keyring_without_key (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autofree char *vault_id = NULL;

  create_and_close (fixture);
  vault_id = vault_id_of (fixture);
  g_assert_true (sc_keyring_clear_key (vault_id, SC_KEYRING_DEFAULT_TIMEOUT_MS, NULL, &error));
  g_assert_no_error (error);

  /* The vault is there and the keyring answers "nothing": that is never a
   * first run, and never a reason to make a new key. */
  vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_KEYRING_NO_KEY);
  g_assert_true (sc_vault_exists_at (fixture->directory));
  g_clear_error (&error);

  vault = sc_vault_open_with_passphrase (fixture->directory, PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vault);
  g_clear_object (&vault);

  /* Unlocked with the passphrase, the key goes back into the keyring: the
   * next start needs no passphrase. */
  vault = sc_vault_open_with_passphrase_restoring_keyring (fixture->directory, PASSPHRASE, NULL,
                                                           &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_get_key_in_keyring (vault));
  g_clear_object (&vault);
  vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vault);
}

static void
test_keyring_with_wrong_key (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScKey) other = sc_key_new_random (NULL);
  g_autofree char *vault_id = NULL;

  create_and_close (fixture);
  vault_id = vault_id_of (fixture);
  g_assert_true (sc_keyring_store_key (vault_id, other, SC_KEYRING_DEFAULT_TIMEOUT_MS, NULL,
                                       &error));
  g_assert_no_error (error);

  vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_KEYRING_WRONG_KEY);
}

static void
test_keyring_absent (Fixture       *fixture,
                     gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      /* A session bus of our own, with no Secret Service on it. */
      g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScVault) vault = NULL;
      g_autoptr(ScVault) created = NULL;
      const char *directory = g_getenv ("SC_TEST_VAULT_DIR");
      g_autofree char *second = g_build_filename (directory, "..", "second", NULL);

      g_test_dbus_up (bus);

      vault = sc_vault_open_with_keyring (directory, NULL, &error);
      g_assert_null (vault);
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_KEYRING_UNAVAILABLE);
      g_clear_error (&error);

      vault = sc_vault_open_with_passphrase (directory, PASSPHRASE, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (sc_vault_get_worker_name (vault), ==, WORKER);

      /* Creating without a keyring works too, and says the key is only
       * behind the passphrase. */
      created = sc_vault_create (second, WORKER, PASSPHRASE, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (sc_vault_get_key_in_keyring (created));
      g_assert_error (sc_vault_get_keyring_error (created), SC_VAULT_ERROR,
                      SC_VAULT_ERROR_KEYRING_UNAVAILABLE);

      g_test_dbus_down (bus);
      return;
    }

  create_and_close (fixture);
  g_setenv ("SC_TEST_VAULT_DIR", fixture->directory, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Drops every call, answering none: a Secret Service that hangs. */
static GDBusMessage *
swallow_calls_cb (GDBusConnection *connection,
                  GDBusMessage    *message,
                  gboolean         incoming,
                  gpointer         user_data)
{
  if (incoming && g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL)
    {
      g_object_unref (message);
      return NULL;
    }
  return message;
}

static void
test_keyring_not_answering (Fixture       *fixture,
                            gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_autoptr(GDBusConnection) fake = NULL;
      g_autoptr(GVariant) reply = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ScVault) vault = NULL;
      const char *directory = g_getenv ("SC_TEST_VAULT_DIR");
      gint64 start;

      g_test_dbus_up (bus);
      fake = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                     G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                     | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                     NULL, NULL, &error);
      g_assert_no_error (error);
      reply = g_dbus_connection_call_sync (fake, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "RequestName",
                                           g_variant_new ("(su)", "org.freedesktop.secrets", 0),
                                           G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                           NULL, &error);
      g_assert_no_error (error);
      g_dbus_connection_add_filter (fake, swallow_calls_cb, NULL, NULL);

      sc_vault_set_keyring_timeout (500);
      start = g_get_monotonic_time ();
      vault = sc_vault_open_with_keyring (directory, NULL, &error);
      g_assert_null (vault);
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_KEYRING_TIMEOUT);
      /* Bounded: the default D-Bus timeout would be 25 s. */
      g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
      g_clear_error (&error);

      vault = sc_vault_open_with_passphrase (directory, PASSPHRASE, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (vault);
      return;
    }

  create_and_close (fixture);
  g_setenv ("SC_TEST_VAULT_DIR", fixture->directory, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* No plaintext on disk ------------------------------------------------------ */

static void
assert_no_canary_under (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          assert_no_canary_under (child);
        }
    }
  else if (S_ISREG (st.st_mode))
    {
      g_autoptr(GBytes) bytes = read_file (path);
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);

      g_test_message ("checked %s (%" G_GSIZE_FORMAT " bytes)", path, len);
      if (data != NULL && memmem (data, len, CANARY, strlen (CANARY)) != NULL)
        g_error ("The canary is in plaintext in %s", path);
    }
}

static void
test_no_plaintext_on_disk (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_create (fixture->directory, CANARY, PASSPHRASE, NULL, &error);
  g_autofree char *wal = vault_path (fixture, SC_VAULT_DB_NAME "-wal");
  g_autofree char *big = NULL;

  g_assert_no_error (error);

  /* Enough writes that pages go through the WAL and secure_delete. */
  big = g_strnfill (3000, 'x');
  for (int i = 0; i < 50; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %d %s", CANARY, i, big);

      g_assert_true (sc_vault_begin (vault, &error));
      g_assert_true (sc_vault_append_audit (vault, "create", "note", i + 1, NULL, text, &error));
      g_assert_true (sc_vault_commit (vault, &error));
      g_assert_no_error (error);
    }

  /* While open the WAL holds the latest pages: it must be ciphertext too. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_no_canary_under (g_get_home_dir ());
  assert_no_canary_under (g_get_user_data_dir ());
  assert_no_canary_under (g_get_user_cache_dir ());
  assert_no_canary_under (g_get_user_config_dir ());
  assert_no_canary_under (g_get_user_runtime_dir ());
  /* build-aux/test-env gives the run a TMPDIR of its own, where SQLite
   * would put any temporary file; the shared /tmp holds others' files. */
  if (g_strcmp0 (g_getenv ("SC_TEST_ENV_INNER"), "1") == 0)
    assert_no_canary_under (g_get_tmp_dir ());

  sc_vault_close (vault);
  assert_no_canary_under (g_get_home_dir ());
  assert_no_canary_under (g_get_user_data_dir ());
}

/* Permissions ---------------------------------------------------------------- */

static void
assert_mode (const char *path,
             guint       expected)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, expected);
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ScVault) vault = NULL;
  g_autofree char *db_path = vault_path (fixture, SC_VAULT_DB_NAME);
  g_autofree char *key_path = vault_path (fixture, SC_VAULT_KEY_NAME);
  g_autofree char *wal = vault_path (fixture, SC_VAULT_DB_NAME "-wal");
  g_autofree char *shm = vault_path (fixture, SC_VAULT_DB_NAME "-shm");
  g_autofree char *parent = g_path_get_dirname (fixture->directory);
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (0);   /* the most permissive umask there is */

  vault = create_vault (fixture);
  umask (old_umask);

  g_assert_true (sc_vault_begin (vault, &error));
  g_assert_true (sc_vault_append_audit (vault, "create", "note", 1, NULL, "x", &error));
  g_assert_true (sc_vault_commit (vault, &error));

  assert_mode (parent, 0700);
  assert_mode (fixture->directory, 0700);
  assert_mode (db_path, 0600);
  assert_mode (key_path, 0600);
  assert_mode (wal, 0600);
  assert_mode (shm, 0600);
}

static void
test_refuses_readable_files (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char *names[] = { SC_VAULT_DB_NAME, SC_VAULT_KEY_NAME, "." };

  create_and_close (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = vault_path (fixture, names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScVault) vault = NULL;
      g_autofree char *sentence = NULL;
      guint mode = g_str_equal (names[i], ".") ? 0755 : 0644;
      guint fixed = g_str_equal (names[i], ".") ? 0700 : 0600;

      g_assert_cmpint (g_chmod (path, mode), ==, 0);
      vault = sc_vault_open_with_passphrase (fixture->directory, PASSPHRASE, NULL, &error);
      g_assert_null (vault);
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INSECURE);
      g_assert_nonnull (strstr (error->message, names[i]));
      sentence = sc_error_message_for (error);
      g_assert_nonnull (strstr (sentence, "Other people on this computer"));

      g_assert_cmpint (g_chmod (path, fixed), ==, 0);
    }
}

/* A link put in place of the key file is refused, not followed. */
static void
test_key_file_link_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *key_path = vault_path (fixture, SC_VAULT_KEY_NAME);
  g_autofree char *moved = g_strconcat (key_path, ".elsewhere", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScKeyFile) key_file = NULL;

  create_and_close (fixture);
  key_file = sc_key_file_load (key_path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&key_file, sc_key_file_free);

  g_assert_cmpint (g_rename (key_path, moved), ==, 0);
  g_assert_cmpint (symlink (moved, key_path), ==, 0);
  key_file = sc_key_file_load (key_path, &error);
  g_assert_null (key_file);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INSECURE);
  g_assert_nonnull (strstr (error->message, "link"));
}

/* Migrations ------------------------------------------------------------------ */

static ScVault *
create_at_version (Fixture *fixture,
                   int      version)
{
  g_autoptr(GError) error = NULL;
  ScVault *old = sc_vault_create_at_version (fixture->directory, WORKER, PASSPHRASE, version,
                                             &error);

  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_schema_version (old), ==, version);
  return old;
}

static void
insert_audit_rows (ScVault *vault)
{
  g_assert_cmpint (sqlite3_exec (sc_vault_get_db (vault),
                                 "INSERT INTO audit (at, actor, action, entity, entity_id, after) VALUES"
                                 " ('2026-01-01T10:00:00Z', 'Sam Taylor', 'create', 'note', 1, 'one'),"
                                 " ('2026-01-02T10:00:00Z', 'Sam Taylor', 'update', 'note', 1, 'two'),"
                                 " ('2026-01-03T10:00:00Z', 'Sam Taylor', 'create', 'note', 2, 'three');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
assert_migrated_keeping_rows (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
  int latest = sc_vault_get_latest_schema_version ();

  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_schema_version (vault), ==, latest);
  g_assert_cmpint (sc_test_count_rows (vault, "PRAGMA user_version"), ==, latest);
  g_assert_cmpstr (sc_vault_get_worker_name (vault), ==, WORKER);
  g_assert_cmpint (sc_test_count_rows (vault, "SELECT count(*) FROM audit"), ==, 3);
  g_assert_cmpint (sc_test_count_rows (vault, "SELECT count(*) FROM audit WHERE after IN ('one','two','three')"),
                   ==, 3);
  g_assert_cmpint (sc_test_count_rows (vault, "SELECT count(*) FROM meta WHERE key IN ('vault_id','created_at')"),
                   ==, 2);
  g_assert_cmpint (sc_test_count_rows (vault, "SELECT count(*) FROM meta WHERE key = 'worker_name'"), ==, 0);
}

/* Version 1 kept the worker's name in meta; every later version must carry
 * it, and every audit row, forward. */
static void
test_migrate_from_version_1 (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ScVault) old = create_at_version (fixture, 1);

  g_assert_cmpint (sqlite3_exec (sc_vault_get_db (old),
                                 "INSERT INTO meta (key, value) VALUES ('worker_name', 'Sam Taylor')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  insert_audit_rows (old);
  sc_vault_close (old);

  assert_migrated_keeping_rows (fixture);
}

static void
test_migrate_from_previous_version (Fixture       *fixture,
                                    gconstpointer  data)
{
  int latest = sc_vault_get_latest_schema_version ();
  g_autoptr(ScVault) old = NULL;

  g_assert_cmpint (latest, >=, 2);
  old = create_at_version (fixture, latest - 1);
  insert_audit_rows (old);
  sc_vault_close (old);

  assert_migrated_keeping_rows (fixture);
}

/* Version 13 makes the addendum table again to let a step take one: its
 * rows, and what search finds of them, are kept. */
static void
test_migrate_addenda (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ScVault) old = create_at_version (fixture, 12);
  g_autoptr(ScVault) reopened = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_exec (sc_vault_get_db (old),
                                 "INSERT INTO child (id, name, initials, created_at, updated_at)"
                                 " VALUES (1, 'Ava Jones', 'AJ', '2026-11-20T10:00:00Z',"
                                 " '2026-11-20T10:00:00Z');"
                                 "INSERT INTO addendum (id, entity, entity_id, child_id, concern_id,"
                                 " author, text, written_at, recorded_at, updated_at)"
                                 " VALUES (5, 'contact', 3, 1, 0, 'Sam Taylor', 'Rang back on Friday',"
                                 " '2026-11-21T10:00:00Z', '2026-11-21T10:00:00Z',"
                                 " '2026-11-21T10:00:00Z')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sc_vault_close (old);

  reopened = sc_vault_open_with_passphrase (fixture->directory, PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_test_count_rows (reopened,
                                       "SELECT count(*) FROM addendum WHERE id = 5 AND entity = 'contact'"
                                       " AND text = 'Rang back on Friday'"), ==, 1);
  g_assert_cmpint (sc_test_count_rows (reopened,
                                       "SELECT count(*) FROM search WHERE search MATCH 'friday'"), ==, 1);
  /* A step's addendum is taken now, and found. */
  g_assert_cmpint (sqlite3_exec (sc_vault_get_db (reopened),
                                 "INSERT INTO addendum (entity, entity_id, child_id, concern_id, author,"
                                 " text, written_at, recorded_at, updated_at)"
                                 " VALUES ('response_step', 2, 1, 4, 'Sam Taylor', 'Police ref later',"
                                 " '2026-11-22T10:00:00Z', '2026-11-22T10:00:00Z',"
                                 " '2026-11-22T10:00:00Z')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sc_test_count_rows (reopened,
                                       "SELECT count(*) FROM search WHERE search MATCH 'police'"), ==, 1);
}

/* Version 6 asks whether the adult works with children with three
 * answers; "works with children" ticked before is a "yes". */
static void
test_migrate_works_with_children (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(ScVault) old = create_at_version (fixture, 5);
  g_autoptr(ScVault) reopened = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_exec (sc_vault_get_db (old),
                                 "INSERT INTO child (id, name, initials, created_at, updated_at)"
                                 " VALUES (1, 'Ava Jones', 'AJ', '2026-11-20T10:00:00Z',"
                                 " '2026-11-20T10:00:00Z');"
                                 "INSERT INTO concern (id, child_id, adult_is_staff, recorded_at,"
                                 " updated_at) VALUES (1, 1, 1, '2026-11-20T10:00:00Z',"
                                 " '2026-11-20T10:00:00Z'), (2, 1, 0, '2026-11-20T10:00:00Z',"
                                 " '2026-11-20T10:00:00Z')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sc_vault_close (old);

  reopened = sc_vault_open_with_passphrase (fixture->directory, PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_test_count_rows (reopened, "SELECT count(*) FROM concern WHERE id = 1 AND "
                                                 "adult_works_with_children = 'yes'"), ==, 1);
  g_assert_cmpint (sc_test_count_rows (reopened, "SELECT count(*) FROM concern WHERE id = 2 AND "
                                                 "adult_works_with_children = ''"), ==, 1);
}

static void
test_refuses_newer_vault (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = create_vault (fixture);
  g_autofree char *db_path = vault_path (fixture, SC_VAULT_DB_NAME);
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autoptr(ScVault) reopened = NULL;

  g_assert_cmpint (sqlite3_exec (sc_vault_get_db (vault), "PRAGMA user_version = 999",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sc_vault_close (vault);
  before = read_file (db_path);

  reopened = sc_vault_open_with_passphrase (fixture->directory, PASSPHRASE, NULL, &error);
  g_assert_null (reopened);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TOO_NEW);

  /* Never downgraded. */
  after = read_file (db_path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Damaged files ----------------------------------------------------------------- */

static void
assert_damaged_after (Fixture    *fixture,
                      const char *what,
                      gsize       keep_bytes,
                      gboolean    garbage)
{
  g_autofree char *db_path = vault_path (fixture, SC_VAULT_DB_NAME);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autofree char *sentence = NULL;
  g_autofree guint8 *bytes = NULL;
  gsize len;

  original = read_file (db_path);
  len = MIN (keep_bytes, g_bytes_get_size (original));
  bytes = g_malloc0 (MAX (len, 1));
  if (garbage)
    for (gsize i = 0; i < len; i++)
      bytes[i] = (guint8) g_random_int ();
  else
    memcpy (bytes, g_bytes_get_data (original, NULL), len);
  write_file (db_path, bytes, len);

  g_test_message ("%s", what);
  vault = sc_vault_open_with_passphrase (fixture->directory, PASSPHRASE, NULL, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED);
  sentence = sc_error_message_for (error);
  g_assert_nonnull (strstr (sentence, "damaged"));
  g_clear_error (&error);

  vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED);

  write_file (db_path, g_bytes_get_data (original, NULL), g_bytes_get_size (original));
}

static void
test_damaged_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autofree char *db_path = vault_path (fixture, SC_VAULT_DB_NAME);
  GStatBuf st;
  gsize db_size;

  create_and_close (fixture);
  g_assert_cmpint (g_stat (db_path, &st), ==, 0);
  db_size = (gsize) st.st_size;
  g_assert_cmpuint (db_size, >, 4096);

  assert_damaged_after (fixture, "truncated to nothing", 0, FALSE);
  assert_damaged_after (fixture, "truncated to 100 bytes", 100, FALSE);
  assert_damaged_after (fixture, "truncated mid-page", 1500, FALSE);
  assert_damaged_after (fixture, "4 KiB of garbage", 4096, TRUE);
  assert_damaged_after (fixture, "last page cut off", db_size - 1024, FALSE);

  /* Put back, it opens again: nothing was written over it. */
  vault = sc_vault_open_with_passphrase (fixture->directory, PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vault);
}

static void
test_damaged_key_file (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *const broken[] = {
    "",
    "not a key file at all\n",
    "[Vault]\nFormat=1\nId=1f0e4f9c-8a57-4f55-9a9a-3a2f6f9b1c11\n",
    "[Vault]\nFormat=1\nId=1f0e4f9c-8a57-4f55-9a9a-3a2f6f9b1c11\nKeyCheck=AAAA\n"
    "[Passphrase]\nKdf=argon2id13\nOpsLimit=3\nMemLimit=268435456\nSalt=AAAA\nNonce=AAAA\n"
    "WrappedKey=AAAA\n",
  };
  g_autofree char *key_path = vault_path (fixture, SC_VAULT_KEY_NAME);
  g_autoptr(GBytes) original = NULL;

  create_and_close (fixture);
  original = read_file (key_path);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScVault) vault = NULL;

      write_file (key_path, broken[i], strlen (broken[i]));
      vault = sc_vault_open_with_passphrase (fixture->directory, PASSPHRASE, NULL, &error);
      g_assert_null (vault);
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED);
    }

  /* A missing key file: still a vault, never "no vault". */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScVault) vault = NULL;

    g_assert_cmpint (g_unlink (key_path), ==, 0);
    g_assert_true (sc_vault_exists_at (fixture->directory));
    vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED);
    g_clear_error (&error);
    vault = sc_vault_create (fixture->directory, WORKER, PASSPHRASE, NULL, &error);
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS);
  }
}

static gboolean opens_with (Fixture    *fixture,
                            const char *passphrase);

/* @key_path with the value of @key in it replaced by @value. */
static void
damage_key_file (const char *key_path,
                 const char *key,
                 const char *value)
{
  g_autoptr(GBytes) original = read_file (key_path);
  g_autofree char *pattern = g_strdup_printf ("(?m)^%s=.*$", key);
  g_autofree char *replacement = g_strdup_printf ("%s=%s", key, value);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autofree char *changed = g_regex_replace_literal (regex, g_bytes_get_data (original, NULL),
                                                      (gssize) g_bytes_get_size (original), 0,
                                                      replacement, 0, NULL);

  g_assert_cmpstr (changed, !=, g_bytes_get_data (original, NULL));
  write_file (key_path, changed, strlen (changed));
}

/* The damaged copies a repair kept beside the key file. */
static GPtrArray *
damaged_copies (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->directory, 0, NULL);
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, SC_VAULT_KEY_NAME ".damaged-"))
      g_ptr_array_add (copies, vault_path (fixture, name));
  return copies;
}

/* A key file whose Id no longer reads: the keyring cannot be asked (the
 * Id names its entry), so the app asks for the passphrase; the
 * passphrase's wrap still holds the key, which opens the database, and the
 * file is written again with the vault's Id (from the database), the
 * damaged one kept beside it, and the repair in the trail. */
static void
test_repair_key_file_with_passphrase (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *key_path = vault_path (fixture, SC_VAULT_KEY_NAME);
  g_autofree char *id = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(ScChild) child = sc_child_new ();
  gint64 child_id;

  {
    g_autoptr(ScVault) vault = create_vault (fixture);

    sc_record_set_text (SC_RECORD (child), "name", "Ava Jones");
    sc_test_save (vault, child);
    child_id = sc_record_get_id (SC_RECORD (child));
    sc_vault_close (vault);
  }
  id = vault_id_of (fixture);
  damage_key_file (key_path, "Id", "not-an-id");
  damaged = read_file (key_path);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScVault) vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);

    g_assert_null (vault);
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_KEY_FILE_DAMAGED);
  }
  /* A wrong passphrase repairs nothing and keeps nothing. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScVault) vault = sc_vault_open_with_passphrase (fixture->directory, "Blue-Kettle-43", NULL,
                                                              &error);
    g_autoptr(GBytes) after = read_file (key_path);
    g_autoptr(GPtrArray) none = damaged_copies (fixture);

    g_assert_null (vault);
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
    g_assert_true (g_bytes_equal (after, damaged));
    g_assert_cmpuint (none->len, ==, 0);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScVault) vault = sc_vault_open_with_passphrase (fixture->directory, PASSPHRASE, NULL, &error);
    g_autoptr(ScChild) kept = NULL;
    g_autofree char *repaired_id = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (vault);
    kept = sc_records_load (vault, SC_TYPE_CHILD, child_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sc_record_get_text (SC_RECORD (kept), "name"), ==, "Ava Jones");
    g_assert_cmpint (sc_test_count_rows (vault, "SELECT count(*) FROM audit WHERE action = 'repair-key-file'"),
                     ==, 1);
    repaired_id = vault_id_of (fixture);
    g_assert_cmpstr (repaired_id, ==, id);
  }
  copies = damaged_copies (fixture);
  g_assert_cmpuint (copies->len, ==, 1);
  {
    g_autoptr(GBytes) kept = read_file (copies->pdata[0]);
    GStatBuf st;

    g_assert_true (g_bytes_equal (kept, damaged));
    g_assert_cmpint (g_stat (copies->pdata[0], &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  }
  /* The keyring opens it again, and the trail reads whole. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScVault) vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
    g_autoptr(ScAuditReport) report = NULL;

    g_assert_no_error (error);
    report = sc_vault_verify_audit (vault, &error);
    g_assert_no_error (error);
    g_assert_true (report->intact);
  }
}

/* A key file whose check value no longer reads, but which still names the
 * vault: the keyring's key (checked against the database) repairs it with
 * no question asked. One whose passphrase wrap is gone cannot be repaired
 * from here, and is left as it is. */
static void
test_repair_key_file_with_keyring (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *key_path = vault_path (fixture, SC_VAULT_KEY_NAME);
  g_autoptr(GPtrArray) copies = NULL;

  create_and_close (fixture);
  damage_key_file (key_path, "KeyCheck", "@@@");
  /* A check (--verify-audit) repairs nothing and writes nothing. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScVault) vault = sc_vault_open_for_check (fixture->directory, &error);
    g_autoptr(GPtrArray) none = damaged_copies (fixture);

    g_assert_null (vault);
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_KEY_FILE_DAMAGED);
    g_assert_cmpuint (none->len, ==, 0);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScVault) vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (vault);
    g_assert_cmpint (sc_test_count_rows (vault, "SELECT count(*) FROM audit WHERE action = 'repair-key-file'"
                                                " AND after LIKE '%keyring%'"), ==, 1);
  }
  copies = damaged_copies (fixture);
  g_assert_cmpuint (copies->len, ==, 1);
  g_assert_true (opens_with (fixture, PASSPHRASE));

  /* The passphrase's wrap gone: nothing to repair with. */
  damage_key_file (key_path, "WrappedKey", "AAAA");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) before = read_file (key_path);
    g_autoptr(GBytes) after = NULL;
    g_autoptr(ScVault) vault = sc_vault_open_with_passphrase (fixture->directory, PASSPHRASE, NULL, &error);

    g_assert_null (vault);
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED);
    after = read_file (key_path);
    g_assert_true (g_bytes_equal (before, after));
  }
}

/* A format no Safecase writes (0, negative) is refused as damage; one
 * newer than this build, as too new. */
static void
test_key_file_formats (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct { const char *format; int code; } formats[] = {
    { "0", SC_VAULT_ERROR_DAMAGED },
    { "-1", SC_VAULT_ERROR_DAMAGED },
    { "3", SC_VAULT_ERROR_TOO_NEW },
  };
  g_autofree char *key_path = vault_path (fixture, SC_VAULT_KEY_NAME);
  g_autoptr(GBytes) original = NULL;

  create_and_close (fixture);
  original = read_file (key_path);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScVault) vault = NULL;
      g_autoptr(GRegex) regex = g_regex_new ("Format=[0-9]+", 0, 0, NULL);
      g_autofree char *format = g_strconcat ("Format=", formats[i].format, NULL);
      g_autofree char *changed = g_regex_replace_literal (regex, g_bytes_get_data (original, NULL),
                                                          (gssize) g_bytes_get_size (original), 0,
                                                          format, 0, NULL);

      write_file (key_path, changed, strlen (changed));
      vault = sc_vault_open_with_passphrase (fixture->directory, PASSPHRASE, NULL, &error);
      g_assert_null (vault);
      g_assert_error (error, SC_VAULT_ERROR, formats[i].code);
    }
}

/* Changing the passphrase ----------------------------------------------------- */

#define NEW_PASSPHRASE     "Orchard-Lantern-58"
#define MANAGER_PASSPHRASE "Green-Teapot-77"

static gboolean
opens_with (Fixture    *fixture,
            const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open_with_passphrase (fixture->directory, passphrase, NULL, &error);

  if (vault == NULL)
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  return vault != NULL;
}

/* The worker's passphrase changed: the old one no longer opens the vault,
 * the new one does, the keyring still does (it holds the key, not the
 * passphrase), and the trail says so without either passphrase. */
static void
test_change_passphrase (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = create_vault (fixture);
  g_autofree char *id = vault_id_of (fixture);

  g_assert_true (sc_vault_change_passphrase (vault, PASSPHRASE, NEW_PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_test_count_rows (vault, "SELECT count(*) FROM audit WHERE action = 'change-passphrase'"
                                              " AND after LIKE '%Sam Taylor%'"), ==, 1);
  g_assert_cmpint (sc_test_count_rows (vault, "SELECT count(*) FROM audit WHERE after LIKE '%Orchard%'"
                                              " OR after LIKE '%Kettle%'"), ==, 0);
  sc_vault_close (vault);

  g_assert_false (opens_with (fixture, PASSPHRASE));
  g_assert_true (opens_with (fixture, NEW_PASSPHRASE));
  {
    g_autoptr(ScVault) by_keyring = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
    g_autofree char *still = vault_id_of (fixture);
    g_autoptr(ScAuditReport) report = sc_vault_verify_audit (by_keyring, &error);

    g_assert_no_error (error);
    g_assert_nonnull (by_keyring);
    g_assert_cmpstr (still, ==, id);
    g_assert_true (report->intact);
  }
  {
    g_autofree char *key_path = vault_path (fixture, SC_VAULT_KEY_NAME);
    GStatBuf st;

    g_assert_cmpint (g_stat (key_path, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  }
}

/* What is refused, and changes nothing: a wrong current passphrase, a weak
 * new one, the same one again, one a manager already uses. A manager
 * changes their own, and only theirs. */
static void
test_change_passphrase_refusals (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(ScVault) vault = create_vault (fixture);
  g_autofree char *key_path = vault_path (fixture, SC_VAULT_KEY_NAME);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GPtrArray) managers = NULL;
  static const struct { const char *current, *replacement; int code; } refused[] = {
    { "Blue-Kettle-43", NEW_PASSPHRASE, SC_VAULT_ERROR_WRONG_PASSPHRASE },
    { PASSPHRASE, "Password1", SC_VAULT_ERROR_INVALID_INPUT },
    { PASSPHRASE, "short", SC_VAULT_ERROR_INVALID_INPUT },
    { PASSPHRASE, "Taylor-Made-42", SC_VAULT_ERROR_INVALID_INPUT },
    { PASSPHRASE, PASSPHRASE, SC_VAULT_ERROR_INVALID_INPUT },
    { PASSPHRASE, MANAGER_PASSPHRASE, SC_VAULT_ERROR_INVALID_INPUT },
  };

  {
    g_autoptr(GError) error = NULL;

    g_assert_true (sc_vault_add_manager (vault, PASSPHRASE, "Priya Shah", "Team manager",
                                         MANAGER_PASSPHRASE, &error));
    g_assert_no_error (error);
  }
  before = read_file (key_path);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) after = NULL;

      g_assert_false (sc_vault_change_passphrase (vault, refused[i].current, refused[i].replacement,
                                                  &error));
      g_assert_error (error, SC_VAULT_ERROR, refused[i].code);
      after = read_file (key_path);
      g_assert_true (g_bytes_equal (before, after));
    }

  /* The manager's own: theirs changes, the worker's stays. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (sc_vault_change_passphrase (vault, MANAGER_PASSPHRASE, NEW_PASSPHRASE, &error));
    g_assert_no_error (error);
    managers = sc_vault_list_managers (vault, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (managers->len, ==, 1);
    g_assert_true (sc_vault_check_manager (vault, ((ScManager *) managers->pdata[0])->id,
                                           NEW_PASSPHRASE, &error));
    g_assert_no_error (error);
    g_assert_false (sc_vault_check_manager (vault, ((ScManager *) managers->pdata[0])->id,
                                            MANAGER_PASSPHRASE, &error));
    g_clear_error (&error);
    g_assert_cmpint (sc_test_count_rows (vault, "SELECT count(*) FROM audit WHERE action = 'change-passphrase'"
                                                " AND after LIKE '%Priya Shah%'"), ==, 1);
  }
  sc_vault_close (vault);
  g_assert_true (opens_with (fixture, PASSPHRASE));
  g_assert_true (opens_with (fixture, NEW_PASSPHRASE));
}

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A manager removed while a passphrase change worked in its thread stays
 * removed: the change writes only its own wrap into the key file as it is
 * when the change finishes. */
static void
test_change_passphrase_keeps_later_changes (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(ScVault) vault = create_vault (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) managers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *removed_id = NULL;

  g_assert_true (sc_vault_add_manager (vault, PASSPHRASE, "Priya Shah", "Team manager",
                                       MANAGER_PASSPHRASE, &error));
  g_assert_true (sc_vault_add_manager (vault, MANAGER_PASSPHRASE, "Tom Reid", "Deputy",
                                       "Copper-Lantern-31", &error));
  g_assert_no_error (error);
  managers = sc_vault_list_managers (vault, &error);
  for (guint i = 0; i < managers->len; i++)
    if (g_str_equal (((ScManager *) managers->pdata[i])->name, "Tom Reid"))
      removed_id = g_strdup (((ScManager *) managers->pdata[i])->id);
  g_assert_nonnull (removed_id);

  /* The thread has read the key file and made the new wrap… */
  sc_vault_change_passphrase_async (vault, PASSPHRASE, NEW_PASSPHRASE, NULL, keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* …when a manager is removed, before the change is written. */
  g_assert_true (sc_vault_remove_manager (vault, MANAGER_PASSPHRASE, removed_id, &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_change_passphrase_finish (vault, result, &error));
  g_assert_no_error (error);
  sc_vault_close (vault);

  g_assert_true (opens_with (fixture, NEW_PASSPHRASE));
  g_assert_false (opens_with (fixture, "Copper-Lantern-31"));
  g_assert_true (opens_with (fixture, MANAGER_PASSPHRASE));
}

static void
test_no_vault (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);

  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
}

/* Storage full ----------------------------------------------------------------- */

static void
test_storage_full (Fixture       *fixture,
                   gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScVault) vault = sc_vault_open_with_keyring (g_getenv ("SC_TEST_VAULT_DIR"), NULL,
                                                             &error);
      g_autofree char *row = g_strnfill (4000, 'f');
      g_autofree char *sentence = NULL;
      struct rlimit limit = { 256 * 1024, 256 * 1024 };
      int written = 0;

      g_assert_no_error (error);
      /* Files may grow to 256 KiB: past that, writes fail as on a full disk. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      for (;;)
        {
          if (!sc_vault_begin (vault, &error)
              || !sc_vault_append_audit (vault, "create", "filler", written + 1, NULL, row, &error)
              || !sc_vault_commit (vault, &error))
            break;
          written++;
          g_assert_cmpint (written, <, 10000);
        }
      sc_vault_rollback (vault);

      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_STORAGE_FULL);
      sentence = sc_error_message_for (error);
      g_assert_true (g_str_has_prefix (sentence, "Storage is full"));
      g_assert_cmpint (written, >, 0);
      g_print ("committed %d\n", written);
      return;
    }

  /* A folder the child's test framework will not clean away as its own. */
  {
    g_autofree char *tmp = g_dir_make_tmp ("safecase-full-XXXXXX", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(ScVault) created = NULL;

    g_free (fixture->directory);
    fixture->directory = g_build_filename (tmp, "vault", NULL);
    created = sc_vault_create (fixture->directory, WORKER, PASSPHRASE, NULL, &error);
    g_assert_no_error (error);
    sc_vault_close (created);
  }
  g_setenv ("SC_TEST_VAULT_DIR", fixture->directory, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*committed *");

  /* The vault is intact, and holds what was committed before it filled. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScVault) vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
    sqlite3_stmt *check = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_prepare_v2 (sc_vault_get_db (vault), "PRAGMA integrity_check", -1,
                                         &check, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (check), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (check, 0), ==, "ok");
    sqlite3_finalize (check);
    g_assert_cmpint (sc_test_count_rows (vault, "SELECT count(*) FROM audit WHERE entity = 'filler'"),
                     >, 0);
  }
}

/* Error sentences ----------------------------------------------------------- */

static void
test_every_error_has_a_sentence (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int code = SC_VAULT_ERROR_FAILED; code <= SC_VAULT_ERROR_LOCKED; code++)
    {
      g_autoptr(GError) error = g_error_new_literal (SC_VAULT_ERROR, code, "technical detail");
      g_autofree char *sentence = sc_error_message_for (error);

      g_assert_nonnull (sentence);
      g_assert_true (g_str_has_suffix (sentence, "."));
      /* The technical message stays in the log, not in front of the worker. */
      g_assert_null (strstr (sentence, "technical detail"));
      g_hash_table_add (seen, g_steal_pointer (&sentence));
    }

  /* Almost every code has its own sentence (keyring locked and keyring
   * without the key share one: the keyring cannot tell them apart). */
  g_assert_cmpuint (g_hash_table_size (seen), ==, SC_VAULT_ERROR_LOCKED);
}

/* The lock beside the vault holds in the login session and boot it was
 * made in, and in no other. */
static void
test_lock_state_holds_until_next_login (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "lock-state", NULL);
  g_autofree char *path = g_build_filename (dir, "locked", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_setenv ("XDG_SESSION_ID", "7", TRUE);
  g_assert_false (sc_lock_state_holds (dir));

  g_assert_true (sc_lock_state_write (dir, &error));
  g_assert_no_error (error);
  g_assert_true (sc_lock_state_holds (dir));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  /* Another login session (or boot) is free of it. */
  g_setenv ("XDG_SESSION_ID", "8", TRUE);
  g_assert_false (sc_lock_state_holds (dir));
  /* Started without a session id (from a terminal): still locked. */
  g_unsetenv ("XDG_SESSION_ID");
  g_assert_true (sc_lock_state_holds (dir));
  g_setenv ("XDG_SESSION_ID", "7", TRUE);
  g_assert_true (sc_lock_state_holds (dir));

  sc_lock_state_clear (dir);
  g_assert_false (sc_lock_state_holds (dir));

  /* Something that is not a plain small file there: locked, to be sure. */
  g_assert_cmpint (symlink ("/dev/null", path), ==, 0);
  g_assert_true (sc_lock_state_holds (dir));
  g_unlink (path);
  g_unsetenv ("XDG_SESSION_ID");
}

int
main (int   argc,
      char *argv[])
{
  sc_test_core_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/vault/create/then-reopen-with-keyring", test_create_then_reopen_with_keyring);
  ADD ("/vault/migrate/works-with-children", test_migrate_works_with_children);
  ADD ("/vault/migrate/addenda", test_migrate_addenda);
  ADD ("/vault/files/key-file-link-refused", test_key_file_link_refused);
  g_test_add_func ("/vault/lock-state/holds-until-next-login", test_lock_state_holds_until_next_login);
  ADD ("/vault/create/refuses-existing-vault", test_create_refuses_existing);
  ADD ("/vault/create/needs-a-name", test_create_needs_a_name);
  ADD ("/vault/reopen/with-passphrase", test_reopen_with_passphrase);
  ADD ("/vault/reopen/async", test_reopen_async);
  ADD ("/vault/reopen/wrong-passphrase-changes-nothing", test_wrong_passphrase_changes_nothing);
  ADD ("/vault/reopen/no-vault", test_no_vault);
  ADD ("/vault/closed/refuses-writes", test_closed_vault_refuses_writes);
  ADD ("/vault/keyring/without-key", test_keyring_without_key);
  ADD ("/vault/keyring/wrong-key", test_keyring_with_wrong_key);
  ADD ("/vault/keyring/absent", test_keyring_absent);
  ADD ("/vault/keyring/not-answering", test_keyring_not_answering);
  ADD ("/vault/security/no-plaintext-on-disk", test_no_plaintext_on_disk);
  ADD ("/vault/security/permissions", test_permissions);
  ADD ("/vault/security/refuses-readable-files", test_refuses_readable_files);
  ADD ("/vault/migrate/from-version-1", test_migrate_from_version_1);
  ADD ("/vault/migrate/from-previous-version", test_migrate_from_previous_version);
  ADD ("/vault/migrate/refuses-newer-vault", test_refuses_newer_vault);
  ADD ("/vault/damaged/database", test_damaged_database);
  ADD ("/vault/damaged/key-file", test_damaged_key_file);
  ADD ("/vault/key-file/formats", test_key_file_formats);
  ADD ("/vault/key-file/repair-with-passphrase", test_repair_key_file_with_passphrase);
  ADD ("/vault/key-file/repair-with-keyring", test_repair_key_file_with_keyring);
  ADD ("/vault/passphrase/change", test_change_passphrase);
  ADD ("/vault/passphrase/change-refusals", test_change_passphrase_refusals);
  ADD ("/vault/passphrase/change-keeps-later-changes", test_change_passphrase_keeps_later_changes);
  ADD ("/vault/storage-full/says-so-and-keeps-the-vault", test_storage_full);
  g_test_add_func ("/vault/errors/every-code-has-a-sentence", test_every_error_has_a_sentence);

  return g_test_run ();
}
