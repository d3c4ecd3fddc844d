/* test-crash.c: the vault survives being killed at any moment
 *
 * A child process writes records in a loop, each in its own transaction,
 * and prints the number of each record once its commit has returned. It is
 * killed with SIGKILL at a random moment, fifty times over. After each kill
 * the vault must open, pass PRAGMA integrity_check, and hold every record
 * whose number was printed.
 *
 * The same for a passphrase being changed (the old one or the new one
 * opens the vault after any kill, never neither) and for a vault being
 * created (after any kill there is no vault, or a whole one; never one
 * the app calls damaged).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "sc-key-file.h"
#include "sc-secure.h"
#include "sc-vault-private.h"

#define PASSPHRASE       "Blue-Kettle-42"
#define OTHER_PASSPHRASE "Orchard-Lantern-58"
#define KILLS            50
#define SHORT_KILLS      20

static char *self_path;

/* The child: write until killed. */
static int
run_writer (const char *directory,
            gint64      first_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open_with_keyring (directory, NULL, &error);
  g_autofree char *payload = g_strnfill (700, 'r');

  if (vault == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }

  for (gint64 id = first_id; ; id++)
    {
      if (!sc_vault_begin (vault, &error)
          || !sc_vault_append_audit (vault, "create", "record", id, NULL, payload, &error)
          || !sc_vault_commit (vault, &error))
        {
          g_printerr ("writer: %s\n", error->message);
          return 1;
        }
      /* Only now is the record promised to be there. */
      printf ("%" G_GINT64_FORMAT "\n", id);
      fflush (stdout);
    }
}

/* The child: change the passphrase back and forth until killed, printing
 * each one once the change has returned. */
static int
run_changer (const char *directory)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open_with_keyring (directory, NULL, &error);
  const char *now = PASSPHRASE;

  if (vault == NULL)
    {
      g_printerr ("changer: %s\n", error->message);
      return 1;
    }
  for (;;)
    {
      const char *next = g_str_equal (now, PASSPHRASE) ? OTHER_PASSPHRASE : PASSPHRASE;

      if (!sc_vault_change_passphrase (vault, now, next, &error))
        {
          g_printerr ("changer: %s\n", error->message);
          return 1;
        }
      now = next;
      printf ("%s\n", now);
      fflush (stdout);
    }
}

/* The child: create a vault, then say so. */
static int
run_creator (const char *directory)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_create (directory, "Sam Taylor", PASSPHRASE, NULL, &error);

  if (vault == NULL)
    {
      g_printerr ("creator: %s\n", error->message);
      return 1;
    }
  printf ("created\n");
  fflush (stdout);
  pause ();
  return 0;
}

static guint
count_lines (GString *text)
{
  guint n = 0;

  for (gsize i = 0; i < text->len; i++)
    n += text->str[i] == '\n';
  return n;
}

/* Reads what the child printed until @deadline (or until it ends), or, if
 * @lines is not 0, until it has printed that many lines. */
static void
read_until (int      fd,
            GString *out,
            gint64   deadline,
            guint    lines)
{
  while (lines == 0 || count_lines (out) < lines)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      gint64 remaining_ms = deadline < 0 ? -1 : (deadline - g_get_monotonic_time ()) / 1000;
      char buf[4096];
      ssize_t n;
      int r;

      if (deadline >= 0 && remaining_ms <= 0)
        return;
      r = poll (&pfd, 1, (int) remaining_ms);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        return;
      n = read (fd, buf, sizeof buf);
      if (n <= 0)
        return;
      g_string_append_len (out, buf, n);
    }
}

static void
test_sigkill_loses_nothing_committed (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) created = sc_vault_create (directory, "Sam Taylor", PASSPHRASE, NULL, &error);
  gint64 promised_total = 0;
  guint kills_mid_write = 0;

  g_assert_no_error (error);
  g_assert_true (sc_vault_get_key_in_keyring (created));
  sc_vault_close (created);

  for (int round = 0; round < KILLS; round++)
    {
      g_autofree char *first_id = g_strdup_printf ("%d", (round + 1) * 1000000);
      const char *child_argv[] = { self_path, "--writer", directory, first_id, NULL };
      g_autoptr(GString) printed = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;
      g_autoptr(ScVault) vault = NULL;
      g_autofree char *integrity = NULL;
      sqlite3_stmt *check = NULL;
      GPid pid;
      int out_fd, status;
      guint promised = 0;

      g_spawn_async_with_pipes (NULL, (char **) child_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      /* Every other round, among its writes: after a number of commits it
       * reported (an event, not a delay, so a slow machine changes
       * nothing). The others anywhere from while it opens the vault on.
       * Random from the test's seed, so --seed replays a run. */
      if (round % 2 == 0)
        read_until (out_fd, printed, -1, (guint) g_test_rand_int_range (1, 60));
      else
        read_until (out_fd, printed,
                    g_get_monotonic_time () + g_test_rand_int_range (0, 200) * G_TIME_SPAN_MILLISECOND,
                    0);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      /* Whatever it printed before dying was committed before it printed. */
      read_until (out_fd, printed, -1, 0);
      close (out_fd);
      g_spawn_close_pid (pid);

      vault = sc_vault_open_with_keyring (directory, NULL, &error);
      g_assert_no_error (error);

      g_assert_cmpint (sqlite3_prepare_v2 (sc_vault_get_db (vault), "PRAGMA integrity_check",
                                           -1, &check, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (check), ==, SQLITE_ROW);
      integrity = g_strdup ((const char *) sqlite3_column_text (check, 0));
      sqlite3_finalize (check);
      g_assert_cmpstr (integrity, ==, "ok");

      lines = g_strsplit (printed->str, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          sqlite3_stmt *stmt = NULL;
          gint64 id;

          /* The last line may be cut short by the kill: a record whose
           * number was not printed in full was not promised. */
          if (lines[i + 1] == NULL || *lines[i] == '\0')
            continue;
          id = g_ascii_strtoll (lines[i], NULL, 10);
          g_assert_cmpint (sqlite3_prepare_v2 (sc_vault_get_db (vault),
                                               "SELECT count(*) FROM audit "
                                               "WHERE entity = 'record' AND entity_id = ?1",
                                               -1, &stmt, NULL), ==, SQLITE_OK);
          sqlite3_bind_int64 (stmt, 1, id);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          if (sqlite3_column_int64 (stmt, 0) != 1)
            g_error ("Round %d: record %" G_GINT64_FORMAT " was committed but is gone", round, id);
          sqlite3_finalize (stmt);
          promised++;
        }

      if (promised > 0)
        kills_mid_write++;
      promised_total += promised;
      sc_vault_close (vault);
    }

  g_test_message ("%d kills, %u while writing, %" G_GINT64_FORMAT " committed records checked",
                  KILLS, kills_mid_write, promised_total);
  /* The kills really landed among the writes (every even round waited
   * for commits before killing), or this tests nothing. */
  g_assert_cmpuint (kills_mid_write, >=, KILLS / 2);
}

/* Spawns this program as @role on @directory, lets it run until it has
 * printed @lines lines and then for @delay_ms more, kills it, and returns
 * all it printed. */
static GString *
run_and_kill (const char *role,
              const char *directory,
              guint       lines,
              int         delay_ms)
{
  g_autoptr(GError) error = NULL;
  const char *child_argv[] = { self_path, role, directory, NULL };
  GString *printed = g_string_new (NULL);
  GPid pid;
  int out_fd, status;

  g_spawn_async_with_pipes (NULL, (char **) child_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);
  if (lines > 0)
    read_until (out_fd, printed, -1, lines);
  read_until (out_fd, printed, g_get_monotonic_time () + delay_ms * G_TIME_SPAN_MILLISECOND, 0);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  read_until (out_fd, printed, -1, 0);
  close (out_fd);
  g_spawn_close_pid (pid);
  return printed;
}

static gboolean
key_file_opens_with (const char *directory,
                     const char *passphrase)
{
  g_autofree char *path = g_build_filename (directory, SC_VAULT_KEY_NAME, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScKeyFile) key_file = sc_key_file_load (path, &error);
  g_autoptr(ScKey) key = NULL;

  g_assert_no_error (error);
  key = sc_key_file_unwrap (key_file, passphrase, &error);
  if (key == NULL)
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  return key != NULL;
}

static void
assert_intact (ScVault *vault)
{
  sqlite3_stmt *check = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (sc_vault_get_db (vault), "PRAGMA integrity_check", -1, &check,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (check), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (check, 0), ==, "ok");
  sqlite3_finalize (check);
}

/* Killed while changing its passphrase, again and again: after each kill
 * the key file reads, the passphrase last reported or the one it was
 * changing to opens it (never neither), the keyring's key still opens
 * the vault, and no half-written key file is left behind. */
static void
test_sigkill_during_passphrase_change (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) created = sc_vault_create (directory, "Sam Taylor", PASSPHRASE, NULL, &error);
  const char *now = PASSPHRASE;
  guint changes = 0;

  g_assert_no_error (error);
  sc_vault_close (created);

  for (int round = 0; round < SHORT_KILLS; round++)
    {
      /* After some changes it reported, then part-way into the next (a
       * change takes some tens of milliseconds): from the test's seed. */
      g_autoptr(GString) printed = run_and_kill ("--changer", directory,
                                                 (guint) g_test_rand_int_range (0, 3),
                                                 g_test_rand_int_range (0, 120));
      g_auto(GStrv) lines = g_strsplit (printed->str, "\n", -1);
      g_autoptr(ScVault) vault = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;
      gboolean with_now, with_other;

      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        if (*lines[i] != '\0')
          {
            now = g_str_equal (lines[i], PASSPHRASE) ? PASSPHRASE : OTHER_PASSPHRASE;
            changes++;
          }
      with_now = key_file_opens_with (directory, now);
      with_other = key_file_opens_with (directory, g_str_equal (now, PASSPHRASE) ? OTHER_PASSPHRASE
                                                                                : PASSPHRASE);
      if (!with_now && !with_other)
        g_error ("Round %d: neither passphrase opens the vault", round);
      if (with_other)
        now = g_str_equal (now, PASSPHRASE) ? OTHER_PASSPHRASE : PASSPHRASE;

      vault = sc_vault_open_with_keyring (directory, NULL, &error);
      g_assert_no_error (error);
      assert_intact (vault);
      dir = g_dir_open (directory, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_prefix (name, SC_VAULT_KEY_NAME "."))
          g_error ("Round %d: %s was left in the vault's folder", round, name);
      sc_vault_close (vault);
      /* The child starts from the passphrase that opens it now. */
      if (!g_str_equal (now, PASSPHRASE))
        {
          vault = sc_vault_open_with_keyring (directory, NULL, &error);
          g_assert_no_error (error);
          g_assert_true (sc_vault_change_passphrase (vault, now, PASSPHRASE, &error));
          g_assert_no_error (error);
          sc_vault_close (vault);
          now = PASSPHRASE;
        }
    }
  g_test_message ("%d kills, %u changes reported", SHORT_KILLS, changes);
}

/* Killed while creating a vault: afterwards there is no vault (and a new
 * one can be made), or a whole one that opens; the folder it was built
 * in goes at the next start. */
static void
test_sigkill_during_creation (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autofree char *parent = g_path_get_dirname (directory);
  guint whole = 0, none = 0;
  int creating_ms;

  /* How long a creation takes here, from a child let finish: the kills
   * land from its start to a little after its end. */
  {
    gint64 start = g_get_monotonic_time ();
    g_autoptr(GString) printed = run_and_kill ("--creator", directory, 1, 0);
    g_autofree char *key_path = g_build_filename (directory, SC_VAULT_KEY_NAME, NULL);
    g_autofree char *db_path = g_build_filename (directory, SC_VAULT_DB_NAME, NULL);

    g_assert_nonnull (strstr (printed->str, "created"));
    creating_ms = (int) ((g_get_monotonic_time () - start) / 1000) + 1;
    g_assert_cmpint (g_unlink (key_path), ==, 0);
    g_assert_cmpint (g_unlink (db_path), ==, 0);
  }

  for (int round = 0; round < SHORT_KILLS; round++)
    {
      g_autoptr(GString) printed = run_and_kill ("--creator", directory, 0,
                                                 g_test_rand_int_range (0, creating_ms + creating_ms / 4));
      g_autoptr(GError) error = NULL;
      g_autoptr(ScVault) vault = NULL;

      if (sc_vault_exists_at (directory))
        {
          vault = sc_vault_open_with_passphrase (directory, PASSPHRASE, NULL, &error);
          g_assert_no_error (error);
          assert_intact (vault);
          sc_vault_close (vault);
          whole++;
        }
      else
        {
          g_assert_false (strstr (printed->str, "created") != NULL);
          none++;
        }
      sc_vault_remove_unfinished (directory);
      {
        g_autoptr(GDir) dir = g_dir_open (parent, 0, &error);
        const char *name;

        g_assert_no_error (error);
        while ((name = g_dir_read_name (dir)) != NULL)
          if (strstr (name, ".creating-") != NULL)
            g_error ("Round %d: %s was left beside the vault", round, name);
      }
      /* The next round starts with no vault. */
      if (sc_vault_exists_at (directory))
        {
          g_autofree char *key_path = g_build_filename (directory, SC_VAULT_KEY_NAME, NULL);
          g_autofree char *db_path = g_build_filename (directory, SC_VAULT_DB_NAME, NULL);

          g_unlink (key_path);
          g_unlink (db_path);
        }
    }
  /* A vault that was never made can still be made. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScVault) vault = sc_vault_create (directory, "Sam Taylor", PASSPHRASE, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (vault);
  }
  g_test_message ("%d kills over %d ms: %u left a whole vault, %u none", SHORT_KILLS, creating_ms,
                  whole, none);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_assert_true (sc_secure_init ());

  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], g_ascii_strtoll (argv[3], NULL, 10));
  if (argc == 3 && g_str_equal (argv[1], "--changer"))
    {
      sc_key_file_use_interactive_limits_for_tests ();
      return run_changer (argv[2]);
    }
  if (argc == 3 && g_str_equal (argv[1], "--creator"))
    {
      sc_key_file_use_interactive_limits_for_tests ();
      return run_creator (argv[2]);
    }

  /* The writer is this very program, found whatever the working folder. */
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (self_path);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/vault/crash-safety/sigkill-loses-nothing-committed",
                   test_sigkill_loses_nothing_committed);
  g_test_add_func ("/vault/crash-safety/sigkill-during-passphrase-change",
                   test_sigkill_during_passphrase_change);
  g_test_add_func ("/vault/crash-safety/sigkill-during-creation",
                   test_sigkill_during_creation);

  return g_test_run ();
}
