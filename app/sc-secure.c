/* sc-secure.c: key material in guarded memory, process hardening
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-secure"

#include "config.h"

#include <unistd.h>

#include <sys/stat.h>

#include <fcntl.h>

#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <sodium.h>

#include "sc-secure.h"

gboolean
sc_secure_init (void)
{
  return sodium_init () >= 0;
}

/* A core dump or a debugger attached by another process of the same user
 * would read the vault key out of memory: refuse both. */
void
sc_secure_harden_process (void)
{
  struct rlimit no_core = { 0, 0 };

  if (setrlimit (RLIMIT_CORE, &no_core) != 0)
    g_warning ("Could not disable core dumps: %s", g_strerror (errno));
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    g_warning ("Could not mark the process undumpable: %s", g_strerror (errno));
}

gboolean
sc_secure_random_bytes (void    *buffer,
                        gsize    length,
                        GError **error)
{
  guint8 *p = buffer;

  while (length > 0)
    {
      ssize_t n = getrandom (p, length, 0);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "getrandom: %s", g_strerror (saved_errno));
          return FALSE;
        }
      p += n;
      length -= (gsize) n;
    }

  return TRUE;
}

ScKey *
sc_key_new (void)
{
  ScKey *key = sodium_malloc (sizeof (ScKey));

  if (key == NULL)
    g_error ("Out of locked memory for a key");
  sodium_memzero (key, sizeof (ScKey));
  return key;
}

ScKey *
sc_key_new_random (GError **error)
{
  g_autoptr(ScKey) key = sc_key_new ();

  if (!sc_secure_random_bytes (key->bytes, sizeof key->bytes, error))
    return NULL;
  return g_steal_pointer (&key);
}

ScKey *
sc_key_copy (const ScKey *key)
{
  ScKey *copy = sc_key_new ();

  memcpy (copy->bytes, key->bytes, sizeof copy->bytes);
  return copy;
}

void
sc_key_free (ScKey *key)
{
  /* sodium_free() wipes the buffer before releasing it. */
  if (key != NULL)
    sodium_free (key);
}

gboolean
sc_key_equal (const ScKey *a,
              const ScKey *b)
{
  return sodium_memcmp (a->bytes, b->bytes, sizeof a->bytes) == 0;
}

/* Passphrases typed by the user live in guarded memory too. */
char *
sc_secure_strdup (const char *string)
{
  gsize len;
  char *copy;

  if (string == NULL)
    return NULL;
  len = strlen (string);
  copy = sodium_malloc (len + 1);
  if (copy == NULL)
    g_error ("Out of locked memory for a passphrase");
  memcpy (copy, string, len + 1);
  return copy;
}

/* @string in lower case, for comparing, in guarded memory like
 * sc_secure_strdup(): a passphrase is never copied to the ordinary heap.
 * Free with sc_secure_strfree(). */
char *
sc_secure_fold (const char *string)
{
  glong n;
  char *folded, *out;

  if (string == NULL || !g_utf8_validate (string, -1, NULL))
    return NULL;
  n = g_utf8_strlen (string, -1);
  out = folded = sodium_malloc ((gsize) n * 6 + 1);
  if (folded == NULL)
    g_error ("Out of locked memory for a passphrase");
  for (const char *p = string; *p != '\0'; p = g_utf8_next_char (p))
    out += g_unichar_to_utf8 (g_unichar_tolower (g_utf8_get_char (p)), out);
  *out = '\0';
  return folded;
}

void
sc_secure_strfree (char *string)
{
  if (string != NULL)
    sodium_free (string);
}

void
sc_secure_wipe (void   *buffer,
                gsize   length)
{
  if (buffer != NULL)
    sodium_memzero (buffer, length);
}

/* Reads a file of the vault's folder: opened with O_NOFOLLOW (a link put in
 * its place is refused, not followed, with no gap between a check and the
 * open), a regular file of this user's, at most @max_bytes. */
char *
sc_secure_read_private_file (const char  *path,
                             gsize        max_bytes,
                             gsize       *length,
                             GError     **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize used = 0;
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
                   saved == ELOOP ? "is a link, not a file" : g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != geteuid ()
      || (gsize) st.st_size > max_bytes)
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_PERM,
                   "%s is not a file of this user's of at most %" G_GSIZE_FORMAT " bytes",
                   path, max_bytes);
      return NULL;
    }
  data = g_malloc ((gsize) st.st_size + 1);
  while (used < (gsize) st.st_size)
    {
      ssize_t n = read (fd, data + used, (gsize) st.st_size - used);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      used += (gsize) n;
    }
  close (fd);
  data[used] = '\0';
  if (length != NULL)
    *length = used;
  return g_steal_pointer (&data);
}

/* @data written to @path for good: to a temporary name beside it, synced,
 * renamed into place (GLib's CONSISTENT and DURABLE), readable by the
 * worker alone; then the folder is synced too, so that the rename itself
 * survives a power cut. A kill at any moment leaves the old file or the
 * new one, never neither and never half of one. */
gboolean
sc_secure_write_private_file (const char  *path,
                              const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_file_set_contents_full (path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error)
         && sc_secure_sync_folder (folder, error);
}

/* What was renamed into, or removed from, @directory made durable. */
gboolean
sc_secure_sync_folder (const char  *directory,
                       GError     **error)
{
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not sync the folder %s: %s", directory, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}
