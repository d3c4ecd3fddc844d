/* sc-lock-state.c: a lock that holds across restarts
 *
 * Once the app has locked, only a passphrase opens the vault again until
 * the worker's next login: quitting and starting the app must not let the
 * keyring open it silently. The lock is a file beside the vault naming the
 * login session (logind's XDG_SESSION_ID) and the boot (the kernel's boot
 * id) it was made in; it holds while both are the same, and is written
 * atomically (temporary name, fsync, rename, fsync of the folder) before
 * the vault is closed and its key wiped. A new login or a reboot releases
 * it, as the login keyring's own lock does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-lock-state"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sc-lock-state.h"
#include "sc-secure.h"

#define LOCK_FILE "locked"
#define MAX_LOCK_BYTES 512

/* "BOOT-ID SESSION-ID": where this process runs. */
char *
sc_lock_state_session (void)
{
  g_autofree char *boot = NULL;
  const char *session = g_getenv ("XDG_SESSION_ID");

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot, NULL, NULL))
    boot = g_strdup ("unknown-boot");
  g_strstrip (boot);
  return g_strdup_printf ("%s %s", boot, session != NULL && *session != '\0' ? session : "-");
}

static char *
lock_path (const char *vault_directory)
{
  return g_build_filename (vault_directory, LOCK_FILE, NULL);
}

/* Before the key is wiped: the next start asks for the passphrase. */
gboolean
sc_lock_state_write (const char  *vault_directory,
                     GError     **error)
{
  g_autofree char *path = lock_path (vault_directory);
  g_autofree char *session = sc_lock_state_session ();
  g_autofree char *content = g_strconcat (session, "\n", NULL);

  return sc_secure_write_private_file (path, content, strlen (content), error);
}

/* TRUE when the vault was locked in this login session and boot. A lock
 * file that cannot be read, or reads oddly, holds: only the passphrase is
 * sure. */
gboolean
sc_lock_state_holds (const char *vault_directory)
{
  g_autofree char *path = lock_path (vault_directory);
  g_autofree char *session = sc_lock_state_session ();
  g_autofree char *content = NULL;
  gsize length = 0;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return errno != ENOENT;
  if (!(content = sc_secure_read_private_file (path, MAX_LOCK_BYTES, &length, NULL)))
    return TRUE;
  g_strstrip (content);
  if (g_str_equal (content, session))
    return TRUE;
  /* Only a reboot, or a login session known on both sides, releases it: a
   * start from a terminal without XDG_SESSION_ID must not undo a lock made
   * from the launcher, or the reverse. */
  {
    const char *space_then = strchr (content, ' ');
    const char *space_now = strchr (session, ' ');
    gboolean same_boot = space_then != NULL && space_now != NULL
                         && space_then - content == space_now - session
                         && strncmp (content, session, (gsize) (space_now - session)) == 0;

    return same_boot && (g_str_equal (space_then + 1, "-") || g_str_equal (space_now + 1, "-"));
  }
}

/* After the passphrase opened the vault, or in a new login session. */
void
sc_lock_state_clear (const char *vault_directory)
{
  g_autofree char *path = lock_path (vault_directory);

  if (g_unlink (path) != 0 && errno != ENOENT)
    g_message ("Could not remove the lock file %s: %s", path, g_strerror (errno));
  else
    sc_secure_sync_folder (vault_directory, NULL);
}
