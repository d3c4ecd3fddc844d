/* sc-vault.c: the encrypted vault every record lives in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>

#include "sc-addendum.h"
#include "sc-key-file.h"
#include "sc-keyring.h"
#include "sc-passphrase.h"
#include "sc-secure.h"
#include "sc-vault-private.h"
#include "sc-audit-private.h"

#define MIGRATIONS_PATH "/io/github/safecase/Safecase/core/migrations"

/* SQLCipher 3 defaults, set explicitly so that SQLCipher 4 (the Flatpak)
 * opens a vault made by Debian's SQLCipher 3.4.1 and the other way round. */
#define CIPHER_PAGE_SIZE "1024"
#define CIPHER_KDF_ITER  "64000"

struct _ScVault
{
  GObject  parent_instance;

  char    *directory;
  sqlite3 *db;
  char    *worker_name;
  char    *manager_name;   /* when a manager's passphrase unlocked the vault */
  guint    final_after_hours;
  int      schema_version;
  gboolean key_in_keyring;
  GError  *keyring_error;

  /* What the open transaction changed, announced once it commits. */
  GArray  *pending_changes;   /* of Change */
  /* The open transaction added to the audit trail: its anchor in the key
   * file is written after the commit. */
  gboolean audit_appended;
};

typedef struct
{
  GQuark table;
  gint64 id;
} Change;

G_DEFINE_FINAL_TYPE (ScVault, sc_vault, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (sc-vault-error-quark, sc_vault_error)

static guint keyring_timeout_ms = SC_KEYRING_DEFAULT_TIMEOUT_MS;

static void     write_audit_anchor (ScVault  *self,
                                    gboolean  first);
static gboolean ensure_open        (ScVault *self,
                                    GError **error);
static void     remove_vault_files (const char *directory);

/* A vault is built in "vault.creating-XXXXXX" beside its folder. */
#define BUILDING_SUFFIX ".creating-"

static void
sc_vault_finalize (GObject *object)
{
  ScVault *self = (ScVault *) object;

  sc_vault_close (self);
  g_clear_pointer (&self->pending_changes, g_array_unref);
  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->worker_name, g_free);
  g_clear_pointer (&self->manager_name, g_free);
  g_clear_error (&self->keyring_error);

  G_OBJECT_CLASS (sc_vault_parent_class)->finalize (object);
}

static void
sc_vault_class_init (ScVaultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_vault_finalize;

  /**
   * ScVault::changed:
   * @table: the table a committed change wrote to, also the detail
   * @id: the row's id
   *
   * Emitted after a commit, once for each row the change wrote (as its
   * audit rows name them), so lists and pages follow the vault instead of
   * being told to reload. Connect to "changed::concern" for one table.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
sc_vault_init (ScVault *self)
{
  self->final_after_hours = 24;
  self->pending_changes = g_array_new (FALSE, FALSE, sizeof (Change));
}

void
sc_vault_set_keyring_timeout (guint timeout_ms)
{
  keyring_timeout_ms = timeout_ms;
}

/* Errors ------------------------------------------------------------------ */

gboolean
sc_vault_set_sqlite_error (sqlite3    *db,
                           int         rc,
                           const char *what,
                           GError    **error)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  ScVaultError code;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = SC_VAULT_ERROR_STORAGE_FULL;
      break;
    case SQLITE_IOERR:
      /* A write refused by the file-size limit or a full device comes back
       * as an I/O error on write or sync: to the user, storage is full. */
      code = (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC
              || rc == SQLITE_IOERR_TRUNCATE || rc == SQLITE_IOERR_SHMSIZE)
             ? SC_VAULT_ERROR_STORAGE_FULL : SC_VAULT_ERROR_FAILED;
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = SC_VAULT_ERROR_DAMAGED;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      code = SC_VAULT_ERROR_INSECURE;
      break;
    default:
      code = SC_VAULT_ERROR_FAILED;
      break;
    }

  g_set_error (error, SC_VAULT_ERROR, code, "%s: %s (%d)", what, message, rc);
  return FALSE;
}

/* Files ------------------------------------------------------------------- */

char *
sc_vault_get_default_directory (gboolean demo)
{
  return g_build_filename (g_get_user_data_dir (), "safecase", demo ? "demo" : "vault", NULL);
}

static char *
vault_file (const char *directory,
            const char *name)
{
  return g_build_filename (directory, name, NULL);
}

gboolean
sc_vault_exists_at (const char *directory)
{
  g_autofree char *db_path = vault_file (directory, SC_VAULT_DB_NAME);
  g_autofree char *key_path = vault_file (directory, SC_VAULT_KEY_NAME);

  return g_file_test (db_path, G_FILE_TEST_EXISTS) || g_file_test (key_path, G_FILE_TEST_EXISTS);
}

/* The vault's files must be ours alone: another user able to read them
 * could copy them away, and one able to write them could plant a file. */
static gboolean
check_private (const char *path,
               gboolean    is_directory,
               gboolean    must_exist,
               GError    **error)
{
  struct stat st;

  if (lstat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT && !must_exist)
        return TRUE;
      if (saved_errno == ENOENT)
        g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                     "%s is missing", path);
      else
        g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INSECURE,
                     "Cannot check %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  if ((is_directory && !S_ISDIR (st.st_mode)) || (!is_directory && !S_ISREG (st.st_mode)))
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INSECURE,
                   "%s is not a plain %s", path, is_directory ? "folder" : "file");
      return FALSE;
    }

  if (st.st_uid != geteuid () || (st.st_mode & 077) != 0)
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INSECURE,
                   "%s can be read or changed by another user (mode %03o)",
                   path, (unsigned) (st.st_mode & 0777));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_vault_files (const char *directory,
                   GError    **error)
{
  static const char *const optional[] = { SC_VAULT_DB_NAME "-wal", SC_VAULT_DB_NAME "-shm",
                                          SC_VAULT_DB_NAME "-journal" };
  g_autofree char *db_path = vault_file (directory, SC_VAULT_DB_NAME);
  g_autofree char *key_path = vault_file (directory, SC_VAULT_KEY_NAME);

  if (!check_private (directory, TRUE, TRUE, error)
      || !check_private (key_path, FALSE, TRUE, error)
      || !check_private (db_path, FALSE, TRUE, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      g_autofree char *path = vault_file (directory, optional[i]);

      if (!check_private (path, FALSE, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

/* A new, private folder beside @directory to build a vault in: renamed
 * to @directory once the vault is whole. */
static char *
make_building_directory (const char *directory,
                         GError    **error)
{
  g_autofree char *parent = g_path_get_dirname (directory);
  g_autofree char *base = g_path_get_basename (directory);
  g_autofree char *building = NULL;

  if (g_mkdir_with_parents (parent, 0700) != 0
      /* The app's own folders under the data directory are private too. */
      || g_chmod (parent, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_FAILED,
                   "Cannot create the folder %s: %s", parent, g_strerror (saved_errno));
      return NULL;
    }
  building = g_strdup_printf ("%s/%s%sXXXXXX", parent, base, BUILDING_SUFFIX);
  if (g_mkdtemp_full (building, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, SC_VAULT_ERROR,
                   saved_errno == ENOSPC ? SC_VAULT_ERROR_STORAGE_FULL : SC_VAULT_ERROR_FAILED,
                   "Cannot create a folder beside %s: %s", directory, g_strerror (saved_errno));
      return NULL;
    }
  if (!check_private (building, TRUE, TRUE, error))
    return NULL;
  return g_steal_pointer (&building);
}

/* @building, a whole vault, renamed to @directory: there must be no vault
 * there, and a folder left there without one (empty, or holding only what
 * a vault since removed left: its lock file, SQLite's side files) is
 * replaced. The parent folder is synced, so the rename survives a power
 * cut. */
static gboolean
move_into_place (const char  *building,
                 const char  *directory,
                 GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (directory);
  g_autofree char *lock = g_build_filename (directory, "locked", NULL);

  if (g_file_test (directory, G_FILE_TEST_IS_DIR) && !sc_vault_exists_at (directory))
    {
      remove_vault_files (directory);
      g_unlink (lock);
      g_rmdir (directory);
    }
  if (g_rename (building, directory) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SC_VAULT_ERROR,
                   saved_errno == ENOTEMPTY || saved_errno == EEXIST ? SC_VAULT_ERROR_EXISTS
                   : SC_VAULT_ERROR_FAILED,
                   "Cannot put the new vault in %s: %s", directory, g_strerror (saved_errno));
      return FALSE;
    }
  /* The vault is there now, whatever the sync says. */
  {
    g_autoptr(GError) sync_error = NULL;

    if (!sc_secure_sync_folder (parent, &sync_error))
      g_message ("%s", sync_error->message);
  }
  return TRUE;
}

/* Folders a vault was being built in when the app was killed: never a
 * vault (the rename that makes one did not happen), so removed. */
void
sc_vault_remove_unfinished (const char *directory)
{
  g_autofree char *parent = g_path_get_dirname (directory);
  g_autofree char *base = g_path_get_basename (directory);
  g_autofree char *prefix = g_strconcat (base, BUILDING_SUFFIX, NULL);
  g_autoptr(GDir) dir = g_dir_open (parent, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + 6)
        continue;
      path = g_build_filename (parent, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISDIR (st.st_mode) || st.st_uid != getuid ())
        continue;
      remove_vault_files (path);
      if (g_rmdir (path) != 0)
        g_message ("An unfinished vault folder %s could not be removed: %s", path,
                   g_strerror (errno));
    }
}

/* SQLite creates the database with the process umask; create it 0600 first
 * so it never exists with looser permissions, even for a moment. The WAL and
 * shared-memory files SQLite makes later copy the database's mode. */
static gboolean
create_private_file (const char *path,
                     GError    **error)
{
  int fd = open (path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SC_VAULT_ERROR,
                   saved_errno == EEXIST ? SC_VAULT_ERROR_EXISTS
                   : saved_errno == ENOSPC ? SC_VAULT_ERROR_STORAGE_FULL
                   : SC_VAULT_ERROR_FAILED,
                   "Cannot create %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Temporary key files ("vault.key.XXXXXX") a write killed half-way
 * left: the key file itself is whole (renamed into place only when
 * complete), these are not needed. */
static void
remove_key_file_leftovers (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, SC_VAULT_KEY_NAME ".")
        && strlen (name) == strlen (SC_VAULT_KEY_NAME ".") + 6)
      {
        g_autofree char *path = g_build_filename (directory, name, NULL);
        GStatBuf st;

        if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid ())
          g_unlink (path);
      }
}

static void
remove_vault_files (const char *directory)
{
  static const char *const names[] = { SC_VAULT_KEY_NAME, SC_VAULT_DB_NAME,
                                       SC_VAULT_DB_NAME "-wal", SC_VAULT_DB_NAME "-shm",
                                       SC_VAULT_DB_NAME "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = vault_file (directory, names[i]);

      g_unlink (path);
    }
  remove_key_file_leftovers (directory);
}

/* SQL helpers ------------------------------------------------------------- */

static gboolean
exec_sql (sqlite3    *db,
          const char *sql,
          const char *what,
          GError    **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return sc_vault_set_sqlite_error (db, rc, what, error);
  return TRUE;
}

static char *
query_text (sqlite3    *db,
            const char *sql,
            int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc_out != NULL)
    *rc_out = rc;
  return result;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int        *rc_out)
{
  g_autofree char *text = query_text (db, sql, rc_out);

  return text != NULL ? atoi (text) : 0;
}

static char *
now_utc_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Opening the database ---------------------------------------------------- */

static gboolean
apply_cipher_settings (sqlite3 *db,
                       GError **error)
{
  g_autofree char *version = NULL;
  int rc;

  version = query_text (db, "PRAGMA cipher_version", &rc);
  if (version == NULL)
    {
      /* Plain SQLite ignores the key and would write records in the clear. */
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_FAILED,
                           "The SQLite library in use is not SQLCipher; refusing to open the vault");
      return FALSE;
    }

  /* Older SQLCipher ignores pragmas it does not know, so choose by version. */
  if (atoi (version) >= 4)
    return exec_sql (db, "PRAGMA cipher_compatibility = 3", "Setting cipher compatibility", error);

  return exec_sql (db,
                   "PRAGMA cipher_page_size = " CIPHER_PAGE_SIZE ";"
                   "PRAGMA kdf_iter = " CIPHER_KDF_ITER ";"
                   "PRAGMA cipher_use_hmac = ON;",
                   "Setting cipher parameters", error);
}

static gboolean
apply_raw_key (sqlite3     *db,
               const ScKey *key,
               GError     **error)
{
  /* A raw key is exactly x'<64 hex digits>'; anything else would silently be
   * taken as a passphrase and stretched with PBKDF2. */
  enum { RAW_KEY_CHARS = 2 + SC_KEY_BYTES * 2 + 1 };
  char *raw = sodium_malloc (RAW_KEY_CHARS + 1);
  int rc;

  if (raw == NULL)
    g_error ("Out of locked memory for a key");

  raw[0] = 'x';
  raw[1] = '\'';
  sodium_bin2hex (raw + 2, SC_KEY_BYTES * 2 + 1, key->bytes, sizeof key->bytes);
  raw[RAW_KEY_CHARS - 1] = '\'';
  raw[RAW_KEY_CHARS] = '\0';
  g_assert (strlen (raw) == RAW_KEY_CHARS);

  rc = sqlite3_key_v2 (db, "main", raw, RAW_KEY_CHARS);
  sodium_free (raw);

  if (rc != SQLITE_OK)
    return sc_vault_set_sqlite_error (db, rc, "Applying the vault key", error);
  return TRUE;
}

static sqlite3 *
open_database (const char  *db_path,
               const ScKey *key,
               GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      sc_vault_set_sqlite_error (db, rc, "Opening the vault database", error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);

  if (!apply_raw_key (db, key, error) || !apply_cipher_settings (db, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  /* The first read is where SQLCipher finds out whether the key fits. The
   * key was checked against the key file beforehand, so a failure here
   * means the database itself is damaged. */
  query_int (db, "SELECT count(*) FROM sqlite_master", &rc);
  if (rc != SQLITE_OK)
    {
      sc_vault_set_sqlite_error (db, rc, "Reading the vault database", error);
      sqlite3_close_v2 (db);
      return NULL;
    }

  if (!exec_sql (db,
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA secure_delete = ON;"
                 "PRAGMA temp_store = MEMORY;"
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = FULL;",
                 "Setting up the vault database", error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);

  return db;
}

/* Migrations -------------------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The migrations are data/migrations/NNN-name.sql, numbered from 1 with no
 * gaps; the schema version is the number of the last one applied. */
static GStrv
list_migrations (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (names != NULL);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  for (guint i = 0; names[i] != NULL; i++)
    g_assert (atoi (names[i]) == (int) i + 1);

  return g_steal_pointer (&names);
}

int
sc_vault_get_latest_schema_version (void)
{
  g_auto(GStrv) names = list_migrations ();

  return (int) g_strv_length (names);
}

static gboolean
migrate (sqlite3 *db,
         int      target_version,
         int     *version_out,
         GError **error)
{
  g_auto(GStrv) names = list_migrations ();
  int latest = (int) g_strv_length (names);
  int version;
  int rc;

  version = query_int (db, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK)
    return sc_vault_set_sqlite_error (db, rc, "Reading the schema version", error);

  if (version > latest)
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TOO_NEW,
                   "The vault has schema version %d; this app knows up to %d", version, latest);
      return FALSE;
    }

  for (int next = version + 1; next <= MIN (latest, target_version); next++)
    {
      g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, names[next - 1], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      /* PRAGMA takes no bound parameters; @next is our own integer. */
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", next);

      if (!exec_sql (db, "BEGIN IMMEDIATE", "Starting a migration", error))
        return FALSE;

      if (!exec_sql (db, sql, names[next - 1], error)
          /* Version 7 chains the entries already written (sc-audit.c). */
          || (next == 7 && !sc_audit_chain_existing (db, error))
          || !exec_sql (db, set_version, "Recording the schema version", error)
          || !exec_sql (db, "COMMIT", "Committing a migration", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      version = next;
    }

  *version_out = version;
  return TRUE;
}

/* Vault objects ----------------------------------------------------------- */

static gboolean
load_worker (ScVault *self,
             GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (self->schema_version < 2)
    return TRUE;

  rc = sqlite3_prepare_v2 (self->db, "SELECT name FROM worker WHERE id = 1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_free (self->worker_name);
          self->worker_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return sc_vault_set_sqlite_error (self->db, rc, "Reading the worker's profile", error);
  return TRUE;
}

/* Opens the database of an existing vault with a key already checked
 * against the key file, and brings its schema up to date. */
static ScVault *
vault_open_with_key (const char  *directory,
                     const ScKey *key,
                     gboolean     migrating,
                     GError     **error)
{
  g_autoptr(ScVault) self = g_object_new (SC_TYPE_VAULT, NULL);
  g_autofree char *db_path = vault_file (directory, SC_VAULT_DB_NAME);
  int rc;

  self->directory = g_strdup (directory);

  if (!(self->db = open_database (db_path, key, error)))
    return NULL;

  /* An existing vault always has a schema: an empty database here means the
   * file was truncated, and migrating it would quietly start an empty vault. */
  if (query_int (self->db, "PRAGMA user_version", &rc) == 0)
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                   "The vault database %s is empty", db_path);
      return NULL;
    }

  {
    int before = query_int (self->db, "PRAGMA user_version", &rc);

    /* A check changes nothing: a vault an older Safecase left is refused. */
    if (!migrating && before != sc_vault_get_latest_schema_version ())
      {
        g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_OLD_SCHEMA,
                     "The vault has schema version %d, not %d: open it in Safecase first",
                     before, sc_vault_get_latest_schema_version ());
        return NULL;
      }
    if (!migrate (self->db, G_MAXINT, &self->schema_version, error) || !load_worker (self, error))
      return NULL;
    /* The entries written before the chain are anchored as they are now. */
    if (before < 7 && self->schema_version >= 7)
      write_audit_anchor (self, TRUE);
  }
  remove_key_file_leftovers (directory);

  return g_steal_pointer (&self);
}

static ScKeyFile *
load_key_file (const char *directory,
               GError    **error)
{
  g_autofree char *key_path = vault_file (directory, SC_VAULT_KEY_NAME);
  g_autoptr(GError) local_error = NULL;
  ScKeyFile *key_file;

  if (!sc_vault_exists_at (directory))
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND,
                   "There is no vault in %s", directory);
      return NULL;
    }

  if (!check_vault_files (directory, error))
    return NULL;

  key_file = sc_key_file_load (key_path, &local_error);
  if (key_file == NULL && g_error_matches (local_error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND))
    {
      /* A database without its key file cannot be opened, but it is not
       * "no vault": never offer to create a new one over it. */
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                   "The vault's key file %s is missing", key_path);
      return NULL;
    }
  if (key_file == NULL && g_error_matches (local_error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED))
    {
      /* Perhaps repairable (sc_vault_repair_key_file_async()). */
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_KEY_FILE_DAMAGED, "%s",
                   local_error->message);
      return NULL;
    }
  if (key_file == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return key_file;
}

/* Repairing a damaged key file ----------------------------------------------- */

/* The vault's Id as its database keeps it, read with @key; NULL if @key
 * does not open the database. */
static char *
database_vault_id (const char  *directory,
                   const ScKey *key,
                   GError     **error)
{
  g_autofree char *db_path = vault_file (directory, SC_VAULT_DB_NAME);
  sqlite3 *db = open_database (db_path, key, error);
  sqlite3_stmt *stmt = NULL;
  char *id = NULL;

  if (db == NULL)
    return NULL;
  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'vault_id'", -1, &stmt, NULL)
      == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (id == NULL || !g_uuid_string_is_valid (id))
    {
      g_clear_pointer (&id, g_free);
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                           "The vault database does not say which vault it is");
    }
  return id;
}

/* The key file of the vault in @directory rewritten, its damage mended:
 * the key comes from the passphrase's wrap in it (@passphrase), or from
 * the keyring (@passphrase NULL, if the file still names the vault), and
 * must open the database itself. The damaged file is kept beside it, as
 * "vault.key.damaged-TIME". Returns the key. */
static ScKey *
repair_key_file (const char    *directory,
                 const char    *passphrase,
                 GCancellable  *cancellable,
                 char         **what,
                 GError       **error)
{
  g_autofree char *path = vault_file (directory, SC_VAULT_KEY_NAME);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ScKeyFile) key_file = NULL;
  g_autoptr(ScKey) key = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *id = NULL;
  g_autofree char *damaged_path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  gsize length = 0;

  if (!(raw = sc_secure_read_private_file (path, 64 * 1024, &length, error)))
    return NULL;
  if (!(key_file = sc_key_file_load_for_repair (path, &local_error)))
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                   "The key file is too damaged to repair (%s): restore it from a backup",
                   local_error->message);
      return NULL;
    }
  if (passphrase != NULL)
    key = sc_key_file_unwrap_unchecked (key_file, passphrase, error);
  else if (sc_key_file_get_vault_id (key_file) == NULL)
    g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_KEY_FILE_DAMAGED,
                         "The key file no longer names its vault: only the passphrase repairs it");
  else
    key = sc_keyring_lookup_key (sc_key_file_get_vault_id (key_file), keyring_timeout_ms,
                                 cancellable, error);
  if (key == NULL)
    return NULL;
  if (!(id = database_vault_id (directory, key, &local_error)))
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                   "The key the key file holds does not open this vault's database (%s)",
                   local_error->message);
      return NULL;
    }

  /* The damaged file kept, then the mended one in its place. */
  damaged_path = g_strdup_printf ("%s.damaged-%s", path, stamp);
  if (!sc_secure_write_private_file (damaged_path, raw, length, error))
    return NULL;
  sc_key_file_repair (key_file, key, id);
  if (!sc_key_file_save_over (key_file, path, error))
    return NULL;
  *what = g_strdup_printf ("Key file repaired with %s; the damaged one kept as %s",
                           passphrase != NULL ? "the passphrase" : "the key in the keyring",
                           damaged_path);
  return g_steal_pointer (&key);
}

/* The vault opened after its key file was repaired, the repair in its
 * trail. */
static ScVault *
open_repaired (const char    *directory,
               const char    *passphrase,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *what = NULL;
  g_autoptr(ScKey) key = repair_key_file (directory, passphrase, cancellable, &what, error);
  g_autoptr(ScVault) self = NULL;

  if (key == NULL || !(self = vault_open_with_key (directory, key, TRUE, error)))
    return NULL;
  if (!sc_vault_begin (self, error)
      || !sc_vault_append_audit (self, "repair-key-file", "vault", 0, NULL, what, error)
      || !sc_vault_commit (self, error))
    return NULL;
  if (passphrase != NULL)
    {
      g_autoptr(GError) keyring_error = NULL;
      g_autofree char *id = database_vault_id (directory, key, NULL);

      self->key_in_keyring = id != NULL && sc_keyring_store_key (id, key, keyring_timeout_ms, NULL,
                                                                 &keyring_error);
      if (!self->key_in_keyring && keyring_error != NULL)
        self->keyring_error = g_steal_pointer (&keyring_error);
    }
  else
    self->key_in_keyring = TRUE;
  return g_steal_pointer (&self);
}

static ScVault *
open_with_keyring (const char   *directory,
                   gboolean      migrating,
                   GCancellable *cancellable,
                   GError      **error)
{
  g_autoptr(ScKeyFile) key_file = NULL;
  g_autoptr(ScKey) key = NULL;
  ScVault *self;

  g_return_val_if_fail (directory != NULL, NULL);

  {
    g_autoptr(GError) load_error = NULL;

    if (!(key_file = load_key_file (directory, &load_error)))
      {
        ScVault *repaired;

        /* The keyring's key may mend it, if the file still names the vault;
         * never for a check (--verify-audit), which changes nothing. */
        if (!migrating || !g_error_matches (load_error, SC_VAULT_ERROR, SC_VAULT_ERROR_KEY_FILE_DAMAGED))
          {
            g_propagate_error (error, g_steal_pointer (&load_error));
            return NULL;
          }
        if ((repaired = open_repaired (directory, NULL, cancellable, NULL)))
          return repaired;
        g_propagate_error (error, g_steal_pointer (&load_error));
        return NULL;
      }
  }

  key = sc_keyring_lookup_key (sc_key_file_get_vault_id (key_file), keyring_timeout_ms,
                               cancellable, error);
  if (key == NULL)
    return NULL;

  if (!sc_key_file_check_key (key_file, key))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_KEYRING_WRONG_KEY,
                           "The key in the login keyring does not belong to this vault");
      return NULL;
    }

  if ((self = vault_open_with_key (directory, key, migrating, error)))
    self->key_in_keyring = TRUE;
  return self;
}

ScVault *
sc_vault_open_with_keyring (const char   *directory,
                            GCancellable *cancellable,
                            GError      **error)
{
  return open_with_keyring (directory, TRUE, cancellable, error);
}

/* With the key from the login keyring, for a check that must change
 * nothing: a vault at an older schema is refused, not migrated. */
ScVault *
sc_vault_open_for_check (const char  *directory,
                         GError     **error)
{
  return open_with_keyring (directory, FALSE, NULL, error);
}

static ScVault *
open_with_passphrase (const char   *directory,
                      const char   *passphrase,
                      gboolean      restore_keyring,
                      GCancellable *cancellable,
                      GError      **error)
{
  g_autoptr(ScKeyFile) key_file = NULL;
  g_autoptr(ScKey) key = NULL;
  g_autoptr(GError) keyring_error = NULL;
  g_autofree char *manager_id = NULL;
  ScVault *self;

  g_return_val_if_fail (directory != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  {
    g_autoptr(GError) load_error = NULL;

    /* A damaged key file is repaired with the worker's passphrase, if the
     * wrap in it still holds the key that opens the database. */
    if (!(key_file = load_key_file (directory, &load_error))
        && g_error_matches (load_error, SC_VAULT_ERROR, SC_VAULT_ERROR_KEY_FILE_DAMAGED))
      return open_repaired (directory, passphrase, cancellable, error);
    if (key_file == NULL)
      {
        g_propagate_error (error, g_steal_pointer (&load_error));
        return NULL;
      }
  }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!(key = sc_key_file_unwrap_anyone (key_file, passphrase, &manager_id, error)))
    return NULL;

  if (!(self = vault_open_with_key (directory, key, TRUE, error)))
    return NULL;
  /* Whoever unlocked is the actor in every audit entry from now on. */
  for (guint i = 0; manager_id != NULL && i < sc_key_file_get_n_managers (key_file); i++)
    {
      const char *id = NULL, *name = NULL;

      sc_key_file_get_manager (key_file, i, &id, &name, NULL);
      if (g_str_equal (id, manager_id))
        self->manager_name = g_strdup (name);
    }
  if (!restore_keyring)
    return self;

  /* The keyring answered but had lost the key (a new login keyring, say):
   * put it back, so the next start needs no passphrase. */
  self->key_in_keyring = sc_keyring_store_key (sc_key_file_get_vault_id (key_file), key,
                                               keyring_timeout_ms, NULL, &keyring_error);
  if (!self->key_in_keyring)
    self->keyring_error = g_steal_pointer (&keyring_error);
  return self;
}

ScVault *
sc_vault_open_with_passphrase (const char   *directory,
                               const char   *passphrase,
                               GCancellable *cancellable,
                               GError      **error)
{
  return open_with_passphrase (directory, passphrase, FALSE, cancellable, error);
}

/* The same, and the key put back into the login keyring. */
ScVault *
sc_vault_open_with_passphrase_restoring_keyring (const char   *directory,
                                                 const char   *passphrase,
                                                 GCancellable *cancellable,
                                                 GError      **error)
{
  return open_with_passphrase (directory, passphrase, TRUE, cancellable, error);
}

/* Long on purpose: creating a vault is one sequence (folder, key, files,
 * key file, cipher settings, schema, keyring) whose order is the point, and
 * which reads best from top to bottom. */
ScVault *
sc_vault_create_at_version (const char *directory,
                            const char *worker_name,
                            const char *passphrase,
                            int         version,
                            GError    **error)
{
  g_autoptr(ScVault) self = NULL;
  g_autoptr(ScKey) key = NULL;
  g_autoptr(ScKeyFile) key_file = NULL;
  g_autofree char *building = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) keyring_error = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  name = g_strstrip (g_strdup (worker_name != NULL ? worker_name : ""));
  if (*name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT,
                           "A vault needs the worker's name");
      return NULL;
    }

  if (sc_vault_exists_at (directory))
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS,
                   "There is already a vault in %s", directory);
      return NULL;
    }

  /* Built whole in a folder of its own beside @directory, and renamed to
   * it at the end: a kill at any moment leaves no vault, or a whole one,
   * never a folder the app would call damaged for ever. */
  sc_vault_remove_unfinished (directory);
  if (!(building = make_building_directory (directory, error)))
    return NULL;
  db_path = vault_file (building, SC_VAULT_DB_NAME);
  key_path = vault_file (building, SC_VAULT_KEY_NAME);
  self = g_object_new (SC_TYPE_VAULT, NULL);
  self->directory = g_strdup (directory);
  if (!(key = sc_key_new_random (error))
      || !(key_file = sc_key_file_new_for_key (key, passphrase, error))
      || !create_private_file (db_path, error))
    goto failed;

  if (!(self->db = open_database (db_path, key, error))
      || !migrate (self->db, version, &self->schema_version, error))
    goto failed;

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO meta (key, value) VALUES ('vault_id', ?1), "
                           "('created_at', ?2), ('created_by_version', ?3)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      g_autofree char *now = now_utc_iso8601 ();

      sqlite3_bind_text (stmt, 1, sc_key_file_get_vault_id (key_file), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, PACKAGE_VERSION, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (self->db);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_OK && self->schema_version >= 2)
    {
      rc = sqlite3_prepare_v2 (self->db,
                               "INSERT INTO worker (id, name, created_at) VALUES (1, ?1, ?2)",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          g_autofree char *now = now_utc_iso8601 ();

          sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (self->db);
        }
      sqlite3_finalize (stmt);
      self->worker_name = g_strdup (name);
    }

  if (rc != SQLITE_OK)
    {
      sc_vault_set_sqlite_error (self->db, rc, "Writing the new vault", error);
      goto failed;
    }

  /* An empty trail is anchored from the start, so that a key file with
   * no anchor always means one was taken away. */
  if (self->schema_version >= 7)
    {
      guint64 entries = 0;
      g_autofree char *head = NULL;

      if (!sc_audit_read_head (self->db, &entries, &head, error))
        goto failed;
      sc_key_file_set_audit_anchor (key_file, entries, head);
    }

  /* The key file is written last; then the folder becomes the vault in
   * one rename, and the database is opened again where it now is. */
  if (!sc_key_file_save (key_file, key_path, error))
    goto failed;
  sc_vault_close (self);
  if (!move_into_place (building, directory, error))
    goto failed;
  g_clear_pointer (&db_path, g_free);
  db_path = vault_file (directory, SC_VAULT_DB_NAME);
  if (!(self->db = open_database (db_path, key, error)))
    return NULL;
  self->schema_version = query_int (self->db, "PRAGMA user_version", &rc);

  self->key_in_keyring = sc_keyring_store_key (sc_key_file_get_vault_id (key_file), key,
                                               keyring_timeout_ms, NULL, &keyring_error);
  if (!self->key_in_keyring)
    {
      /* Not fatal: the passphrase opens the vault, and the UI says so. */
      g_message ("Vault key not stored in the keyring: %s", keyring_error->message);
      self->keyring_error = g_steal_pointer (&keyring_error);
    }

  return g_steal_pointer (&self);

failed:
  sc_vault_close (self);
  remove_vault_files (building);
  g_rmdir (building);
  return NULL;
}

ScVault *
sc_vault_create (const char   *directory,
                 const char   *worker_name,
                 const char   *passphrase,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_return_val_if_fail (directory != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return sc_vault_create_at_version (directory, worker_name, passphrase, G_MAXINT, error);
}

void
sc_vault_close (ScVault *self)
{
  g_return_if_fail (SC_IS_VAULT (self));

  if (self->db != NULL)
    {
      /* Closing the connection is what makes SQLCipher wipe its copy of the
       * key; a failure to checkpoint leaves the WAL, which is encrypted. */
      int rc = sqlite3_close (self->db);

      if (rc != SQLITE_OK)
        {
          g_warning ("Closing the vault left statements open (%d)", rc);
          sqlite3_close_v2 (self->db);
        }
      self->db = NULL;
    }
}

gboolean
sc_vault_is_open (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  return self->db != NULL;
}

const char *
sc_vault_get_directory (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), NULL);

  return self->directory;
}

/* How long after it was first saved a record becomes final (the app's
 * setting; 24 hours unless set). */
/* The wait last applied to this vault, from its meta table, or 0. */
static guint
stored_final_rule (ScVault *self)
{
  sqlite3_stmt *stmt = NULL;
  guint hours = 0;

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM meta WHERE key = 'final_after_hours'", -1,
                          &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    hours = (guint) g_ascii_strtoull ((const char *) sqlite3_column_text (stmt, 0), NULL, 10);
  sqlite3_finalize (stmt);
  return hours;
}

/* Applies the rule of @hours to the vault: kept in it, so that a longer
 * wait is known as such at the next unlock; when it grows, every record
 * final under the wait before is marked so in the trail first
 * ('finalise-rule'), so none becomes editable again. The change is an
 * audit entry. */
static gboolean
apply_final_rule (ScVault  *self,
                  guint     hours,
                  GError  **error)
{
  /* A vault that never kept one has had the default. */
  guint stored = stored_final_rule (self);
  guint applied = stored > 0 ? stored : SC_FINAL_AFTER_HOURS_DEFAULT;
  g_autofree char *value = g_strdup_printf ("%u", hours);
  g_autofree char *said = g_strdup_printf ("{\"final-after-hours\":%u}", hours);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (applied == hours)
    return TRUE;
  if (hours > applied && !sc_records_pin_finals (self, applied, error))
    return FALSE;
  if (!sc_vault_begin (self, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (self->db, "INSERT OR REPLACE INTO meta (key, value)"
                                     " VALUES ('final_after_hours', ?1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sc_vault_set_sqlite_error (self->db, rc, "Keeping the final rule", error);
      sc_vault_rollback (self);
      return FALSE;
    }
  if (!sc_vault_append_audit (self, "final-rule", "vault", 0, NULL, said, error))
    {
      sc_vault_rollback (self);
      return FALSE;
    }
  return sc_vault_commit (self, error);
}

/* How long after it was first saved a record becomes final (the app's
 * setting; 24 hours unless set). */
void
sc_vault_set_final_after_hours (ScVault *self,
                                guint    hours)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SC_IS_VAULT (self));

  hours = MAX (hours, 1);
  if (self->db != NULL && !apply_final_rule (self, hours, &error))
    {
      g_message ("The wait before records are final stays at %u hours: %s",
                 self->final_after_hours, error->message);
      return;
    }
  self->final_after_hours = hours;
}

guint
sc_vault_get_final_after_hours (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), 24);

  return self->final_after_hours;
}

/* Who is using the vault now: the worker, or the manager whose passphrase
 * unlocked it. Every audit entry names them. */
const char *
sc_vault_get_actor (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), NULL);

  if (self->manager_name != NULL)
    return self->manager_name;
  return self->worker_name != NULL ? self->worker_name : "";
}

const char *
sc_vault_get_worker_name (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), NULL);

  return self->worker_name;
}

int
sc_vault_get_schema_version (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), 0);

  return self->schema_version;
}

gboolean
sc_vault_get_key_in_keyring (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  return self->key_in_keyring;
}

const GError *
sc_vault_get_keyring_error (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), NULL);

  return self->keyring_error;
}

sqlite3 *
sc_vault_get_db (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), NULL);

  return self->db;
}

/* The audit trail's anchor ------------------------------------------------- */

/* Writes the trail's entries and last hash into the key file (atomically:
 * a new file renamed over the old), after a commit. The anchor only ever
 * moves forward along the same trail: if the entry it names is no longer
 * there with the same hash, or the key file holds no anchor that reads,
 * the trail was tampered with, and the anchor is left as it is for the
 * check to find; only the migration that made the chain (@first) anchors
 * a trail afresh. A failure leaves the anchor behind the trail, which the
 * check allows; it is said, not fatal. */
static void
write_audit_anchor (ScVault  *self,
                    gboolean  first)
{
  g_autofree char *path = vault_file (self->directory, SC_VAULT_KEY_NAME);
  g_autoptr(ScKeyFile) key_file = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GError) error = NULL;
  guint64 entries = 0, anchored = 0;
  const char *anchored_head = NULL;

  if (self->schema_version < 7)
    return;   /* no chain yet */
  if (!(key_file = sc_key_file_load (path, &error)))
    {
      g_message ("The audit trail's anchor was not written: %s", error->message);
      return;
    }
  if (!first)
    {
      g_autofree char *there = NULL;

      if (!sc_key_file_get_audit_anchor (key_file, &anchored, &anchored_head)
          || anchored_head == NULL)
        {
          g_message ("The audit trail's anchor was not advanced: the key file holds none");
          return;
        }
      if (anchored > 0 && g_strcmp0 (there = sc_audit_hash_at (self->db, anchored), anchored_head) != 0)
        {
          g_message ("The audit trail's anchor was not advanced: entry %" G_GUINT64_FORMAT
                     " is not the one it names", anchored);
          return;
        }
    }
  if (!sc_audit_read_head (self->db, &entries, &head, &error)
      || !sc_key_file_write_audit_anchor (path, entries, head, &error))
    g_message ("The audit trail's anchor was not written: %s", error->message);
}

/* Checks the whole audit trail, entry by entry, and against the anchor the
 * key file holds now. */
ScAuditReport *
sc_vault_verify_audit (ScVault *self,
                       GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(ScKeyFile) key_file = NULL;
  g_autoptr(ScAuditReport) report = NULL;
  const char *head = NULL;
  guint64 entries = 0;
  gboolean anchor_reads;

  g_return_val_if_fail (SC_IS_VAULT (self), NULL);

  if (!ensure_open (self, error))
    return NULL;
  if (self->schema_version < 8)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_FAILED,
                           "This vault's audit trail is not chained yet");
      return NULL;
    }
  path = vault_file (self->directory, SC_VAULT_KEY_NAME);
  if (!(key_file = sc_key_file_load (path, error)))
    return NULL;
  anchor_reads = sc_key_file_get_audit_anchor (key_file, &entries, &head);
  if (!(report = sc_audit_verify (self->db, entries, head, error)))
    return NULL;

  /* Every commit that adds an entry writes the anchor, and so does the
   * migration that made the chain: a trail with entries and no anchor had
   * it taken away. */
  if (report->intact && (!anchor_reads || (head == NULL && report->count > 0)))
    {
      report->intact = FALSE;
      report->problem = g_strdup (_("The key file no longer holds its record of the audit "
                                    "trail: it was removed or damaged, so a rewritten trail "
                                    "could not be told from the real one."));
    }
  return g_steal_pointer (&report);
}

/* Managers ---------------------------------------------------------------------- */

void
sc_manager_free (ScManager *manager)
{
  if (manager == NULL)
    return;
  g_free (manager->id);
  g_free (manager->name);
  g_free (manager->role);
  g_free (manager);
}

/* The managers whose own passphrases open the vault, as the key file has
 * them. */
GPtrArray *
sc_vault_list_managers (ScVault *self,
                        GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(ScKeyFile) key_file = NULL;
  GPtrArray *managers;

  g_return_val_if_fail (SC_IS_VAULT (self), NULL);

  path = vault_file (self->directory, SC_VAULT_KEY_NAME);
  if (!(key_file = sc_key_file_load (path, error)))
    return NULL;
  managers = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_manager_free);
  for (guint i = 0; i < sc_key_file_get_n_managers (key_file); i++)
    {
      ScManager *manager = g_new0 (ScManager, 1);
      const char *id, *name, *role;

      sc_key_file_get_manager (key_file, i, &id, &name, &role);
      manager->id = g_strdup (id);
      manager->name = g_strdup (name);
      manager->role = g_strdup (role);
      g_ptr_array_add (managers, manager);
    }
  return managers;
}

/* Who may change the people in the key file: the worker, to add the first
 * manager; after that, a manager already in it (so a worker cannot enrol
 * a passphrase of their own choosing to sign their own work). Sets
 * @by to who confirmed. */
static ScKey *
unwrap_to_change_managers (ScKeyFile   *key_file,
                           const char  *passphrase,
                           char       **by,
                           GError     **error)
{
  g_autofree char *manager_id = NULL;
  ScKey *key;

  /* A manager entry that does not read still counts: damage to the file
   * never hands the worker the managers' say. */
  if (sc_key_file_get_n_managers (key_file) == 0 && sc_key_file_get_n_unreadable (key_file) == 0)
    {
      *by = NULL;
      return sc_key_file_unwrap (key_file, passphrase, error);
    }
  if (!(key = sc_key_file_unwrap_anyone (key_file, passphrase, &manager_id, error)))
    return NULL;
  if (manager_id == NULL)
    {
      sc_key_free (key);
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_MANAGER_NEEDED,
                           "A manager's passphrase is needed to change the managers");
      return NULL;
    }
  for (guint i = 0; i < sc_key_file_get_n_managers (key_file); i++)
    {
      const char *id, *name;

      sc_key_file_get_manager (key_file, i, &id, &name, NULL);
      if (g_str_equal (id, manager_id))
        *by = g_strdup (name);
    }
  return key;
}

static char *
describe_manager_change (const char *id,
                         const char *name,
                         const char *role,
                         const char *by)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name != NULL ? name : "");
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, role != NULL ? role : "");
  json_builder_set_member_name (builder, "confirmed-by");
  json_builder_add_string_value (builder, by);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* @key_file written over the vault's, with its audit entry: the entry is
 * written in a transaction, the key file replaced, then the transaction
 * committed; if the commit fails, the key file is put back as it was
 * (@before). Never a passphrase in the trail. */
static gboolean
rewrite_key_file (ScVault     *self,
                  ScKeyFile   *key_file,
                  const char  *before,
                  gsize        before_length,
                  const char  *action,
                  const char  *entity,
                  const char  *said_before,
                  const char  *said_after,
                  GError     **error)
{
  g_autofree char *path = vault_file (self->directory, SC_VAULT_KEY_NAME);

  if (!sc_vault_begin (self, error))
    return FALSE;
  if (!sc_vault_append_audit (self, action, entity, 0, said_before, said_after, error)
      || !sc_key_file_save_over (key_file, path, error))
    {
      sc_vault_rollback (self);
      return FALSE;
    }
  if (!sc_vault_commit (self, error))
    {
      g_autoptr(GError) restore_error = NULL;

      if (!sc_secure_write_private_file (path, before, before_length, &restore_error))
        g_warning ("The key file could not be put back after a failed change: %s",
                   restore_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Changes the people in the key file, with its audit entry. */
static gboolean
change_managers (ScVault     *self,
                 const char  *confirm_passphrase,
                 const char  *action,
                 const char  *name,
                 const char  *role,
                 const char  *manager_passphrase,
                 const char  *remove_id,
                 GError     **error)
{
  g_autofree char *path = vault_file (self->directory, SC_VAULT_KEY_NAME);
  g_autoptr(ScKeyFile) key_file = NULL;
  g_autoptr(ScKey) key = NULL;
  g_autofree char *before = NULL;
  g_autofree char *added = NULL;
  g_autofree char *said = NULL;
  g_autofree char *by = NULL;
  g_autofree char *removed_name = NULL;
  g_autofree char *removed_role = NULL;
  gsize before_length = 0;

  if (!ensure_open (self, error)
      || !(before = sc_secure_read_private_file (path, 64 * 1024, &before_length, error))
      || !(key_file = sc_key_file_load (path, error))
      || !(key = unwrap_to_change_managers (key_file, confirm_passphrase, &by, error)))
    return FALSE;
  if (by == NULL)
    by = g_strdup (sc_vault_get_actor (self));

  if (remove_id != NULL)
    {
      for (guint i = 0; i < sc_key_file_get_n_managers (key_file) && removed_name == NULL; i++)
        {
          const char *id, *manager, *manager_role;

          sc_key_file_get_manager (key_file, i, &id, &manager, &manager_role);
          if (g_str_equal (id, remove_id))
            {
              removed_name = g_strdup (manager);
              removed_role = g_strdup (manager_role);
            }
        }
      if (!sc_key_file_remove_manager (key_file, remove_id))
        {
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND,
                               "No such manager in this vault");
          return FALSE;
        }
      said = describe_manager_change (remove_id, removed_name, removed_role, by);
    }
  else
    {
      g_autofree char *opens = NULL;
      g_autoptr(ScKey) taken = sc_key_file_unwrap_anyone (key_file, manager_passphrase, &opens, NULL);

      /* Each person has their own: one passphrase is one person. */
      if (taken != NULL)
        {
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT,
                               _("That passphrase already opens this vault. Each person needs "
                                 "their own"));
          return FALSE;
        }
      if (!(added = sc_key_file_add_manager (key_file, key, name, role, manager_passphrase,
                                             error)))
        return FALSE;
      said = describe_manager_change (added, name, role, by);
    }

  return rewrite_key_file (self, key_file, before, before_length, action, "manager",
                           added != NULL ? NULL : said, added != NULL ? said : NULL, error);
}

/* Changing a passphrase ---------------------------------------------------- */

/* The slow part (Argon2id, several times) runs in a thread on a copy of
 * the key file; the write and its audit entry on the caller's thread. */
typedef struct
{
  char      *directory;
  char      *worker_name;
  char      *current;       /* guarded memory */
  char      *replacement;   /* guarded memory */
  /* Out: */
  ScKeyFile *key_file;   /* with the new wrap */
  char      *manager_id; /* whose wrap it is; NULL: the worker's */
  char      *who;
} ChangeData;

static void
change_data_free (ChangeData *data)
{
  g_free (data->directory);
  g_free (data->worker_name);
  sc_secure_strfree (data->current);
  sc_secure_strfree (data->replacement);
  g_clear_pointer (&data->key_file, sc_key_file_free);
  g_free (data->manager_id);
  g_free (data->who);
  g_free (data);
}

static gboolean
prepare_change (ChangeData  *data,
                GError     **error)
{
  g_autofree char *path = vault_file (data->directory, SC_VAULT_KEY_NAME);
  g_autofree char *manager_id = NULL;
  g_autofree char *opened_by = NULL;
  g_autoptr(ScKey) key = NULL;
  g_autoptr(ScKey) taken = NULL;

  if (!(data->key_file = sc_key_file_load (path, error)))
    return FALSE;
  if (!(key = sc_key_file_unwrap_anyone (data->key_file, data->current, &manager_id, error)))
    return FALSE;
  data->who = g_strdup (data->worker_name);
  for (guint i = 0; manager_id != NULL && i < sc_key_file_get_n_managers (data->key_file); i++)
    {
      const char *id, *name;

      sc_key_file_get_manager (data->key_file, i, &id, &name, NULL);
      if (g_str_equal (id, manager_id))
        {
          g_free (data->who);
          data->who = g_strdup (name);
        }
    }
  if (sc_passphrase_check (data->replacement, data->who) != SC_PASSPHRASE_OK)
    {
      g_autofree char *said = sc_passphrase_describe (data->replacement, data->who, NULL);

      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT,
                   _("The new passphrase is too weak. %s"), said);
      return FALSE;
    }
  /* One passphrase is one person, and the old one is not a new one. */
  if ((taken = sc_key_file_unwrap_anyone (data->key_file, data->replacement, &opened_by, NULL)))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT,
                           _("That passphrase already opens this vault. Choose a new one"));
      return FALSE;
    }
  data->manager_id = g_steal_pointer (&manager_id);
  return sc_key_file_rewrap (data->key_file, data->manager_id, key, data->replacement, error);
}

static void
change_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (!prepare_change (task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The passphrase @current opens (the worker's, or a manager's own) made
 * @replacement: the vault key is wrapped again under it, and the key file
 * replaced atomically, so a kill at any moment leaves the old passphrase
 * or the new one working, never neither. The keyring holds the vault key,
 * not the passphrase, and still opens the vault. */
void
sc_vault_change_passphrase_async (ScVault             *self,
                                  const char          *current,
                                  const char          *replacement,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  ChangeData *data = g_new0 (ChangeData, 1);

  g_return_if_fail (SC_IS_VAULT (self));
  g_return_if_fail (current != NULL && replacement != NULL);

  g_task_set_source_tag (task, sc_vault_change_passphrase_async);
  data->directory = g_strdup (self->directory);
  data->worker_name = g_strdup (self->worker_name);
  data->current = sc_secure_strdup (current);
  data->replacement = sc_secure_strdup (replacement);
  g_task_set_task_data (task, data, (GDestroyNotify) change_data_free);
  g_task_run_in_thread (task, change_thread);
}

gboolean
sc_vault_change_passphrase_finish (ScVault       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  ChangeData *data;
  g_autofree char *said = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_vault_change_passphrase_async,
                        FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error) || !ensure_open (self, error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  /* Only the new wrap goes into the key file as it is now: a manager added
   * or removed while the thread worked stays added or removed. */
  {
    g_autofree char *path = vault_file (self->directory, SC_VAULT_KEY_NAME);
    g_autofree char *before = NULL;
    g_autoptr(ScKeyFile) now = NULL;
    gsize before_length = 0;
    gboolean written;

    if (!(before = sc_secure_read_private_file (path, 64 * 1024, &before_length, error))
        || !(now = sc_key_file_load (path, error))
        || !sc_key_file_take_wrap (now, data->key_file, data->manager_id, error))
      return FALSE;
    said = g_strdup_printf ("Passphrase of %s changed", data->who);
    written = rewrite_key_file (self, now, before, before_length, "change-passphrase", "vault",
                                NULL, said, error);
    sodium_memzero (before, before_length);
    return written;
  }
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The same, waiting: for tests and tools. */
gboolean
sc_vault_change_passphrase (ScVault     *self,
                            const char  *current,
                            const char  *replacement,
                            GError     **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  gboolean changed;

  g_main_context_push_thread_default (context);
  sc_vault_change_passphrase_async (self, current, replacement, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  changed = sc_vault_change_passphrase_finish (self, result, error);
  g_main_context_pop_thread_default (context);
  return changed;
}

/* A manager, named, with a role and a passphrase of their own: a second
 * wrap of the vault key. The first is confirmed with the worker's
 * passphrase; each later one with a manager's already there. */
gboolean
sc_vault_add_manager (ScVault     *self,
                      const char  *confirm_passphrase,
                      const char  *name,
                      const char  *role,
                      const char  *manager_passphrase,
                      GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *clean_role = NULL;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (name != NULL && manager_passphrase != NULL && confirm_passphrase != NULL,
                        FALSE);

  clean = g_strstrip (g_strdup (name));
  clean_role = g_strstrip (g_strdup (role != NULL ? role : ""));
  if (*clean == '\0')
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT,
                           _("A manager needs a name"));
      return FALSE;
    }
  if (!sc_key_file_name_is_valid (clean) || !sc_key_file_name_is_valid (clean_role))
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT,
                   _("A manager’s name and role are each one line of at most %u characters"),
                   SC_KEY_FILE_MAX_NAME);
      return FALSE;
    }
  if (sc_passphrase_check (manager_passphrase, clean) != SC_PASSPHRASE_OK)
    {
      g_autofree char *said = sc_passphrase_describe (manager_passphrase, clean, NULL);

      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT,
                   _("The manager’s passphrase is too weak. %s"), said);
      return FALSE;
    }
  return change_managers (self, confirm_passphrase, "add-manager", clean, clean_role,
                          manager_passphrase, NULL, error);
}

/* The manager's wrap removed, confirmed with a manager's passphrase: from
 * now on their passphrase does not open the vault's key file. A copy of
 * the key file from before still would: the vault key itself is not
 * changed. */
gboolean
sc_vault_remove_manager (ScVault     *self,
                         const char  *confirm_passphrase,
                         const char  *manager_id,
                         GError     **error)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (manager_id != NULL && confirm_passphrase != NULL, FALSE);

  return change_managers (self, confirm_passphrase, "remove-manager", NULL, NULL, NULL, manager_id,
                          error);
}

/* Whether @passphrase is manager @manager_id's own: what a sign-off asks,
 * typed at that moment, whoever unlocked the vault. */
gboolean
sc_vault_check_manager (ScVault     *self,
                        const char  *manager_id,
                        const char  *passphrase,
                        GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(ScKeyFile) key_file = NULL;
  g_autoptr(ScKey) key = NULL;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  path = vault_file (self->directory, SC_VAULT_KEY_NAME);
  return (key_file = sc_key_file_load (path, error)) != NULL
         && (key = sc_key_file_unwrap_manager (key_file, manager_id, passphrase, error)) != NULL;
}

/* The trail's count and head now, as a sign-off records them. */
gboolean
sc_vault_get_audit_head (ScVault  *self,
                         guint64  *entries,
                         char    **head,
                         GError  **error)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  return ensure_open (self, error) && sc_audit_read_head (self->db, entries, head, error);
}

/* Every audit entry about one record (@table, @id), oldest first: who,
 * when, and the fields that changed. */
GPtrArray *
sc_vault_record_history (ScVault    *self,
                         const char *table,
                         gint64      id,
                         GError    **error)
{
  g_return_val_if_fail (SC_IS_VAULT (self), NULL);

  if (!ensure_open (self, error))
    return NULL;
  return sc_audit_history (self->db, table, id, error);
}

/* Writes ------------------------------------------------------------------ */

static gboolean
ensure_open (ScVault *self,
             GError **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED, "The vault is locked");
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_vault_begin (ScVault *self,
                GError **error)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!ensure_open (self, error) || !exec_sql (self->db, "BEGIN IMMEDIATE", "Starting a change", error))
    return FALSE;
  g_array_set_size (self->pending_changes, 0);
  return TRUE;
}

gboolean
sc_vault_commit (ScVault *self,
                 GError **error)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!ensure_open (self, error))
    return FALSE;
  if (!exec_sql (self->db, "COMMIT", "Saving a change", error))
    {
      sc_vault_rollback (self);
      return FALSE;
    }
  /* After the commit, never before: the anchor may be behind the trail
   * (a kill here), never ahead of it. */
  if (self->audit_appended)
    write_audit_anchor (self, FALSE);
  self->audit_appended = FALSE;

  /* Announced after the commit, from a copy: a handler may write again. */
  {
    g_autoptr(GArray) changes = g_steal_pointer (&self->pending_changes);

    self->pending_changes = g_array_new (FALSE, FALSE, sizeof (Change));
    for (guint i = 0; i < changes->len; i++)
      {
        const Change *change = &g_array_index (changes, Change, i);

        g_signal_emit (self, signals[CHANGED], change->table, g_quark_to_string (change->table),
                       change->id);
      }
  }
  return TRUE;
}

void
sc_vault_rollback (ScVault *self)
{
  g_return_if_fail (SC_IS_VAULT (self));

  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_array_set_size (self->pending_changes, 0);
  self->audit_appended = FALSE;
}

/* Every change a user makes is written through here as well, inside the
 * same transaction as the change itself. */
gboolean
sc_vault_append_audit (ScVault    *self,
                       const char *action,
                       const char *entity,
                       gint64      entity_id,
                       const char *before,
                       const char *after,
                       GError    **error)
{
  g_autofree char *now = now_utc_iso8601 ();

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (action != NULL && entity != NULL, FALSE);

  if (!ensure_open (self, error))
    return FALSE;

  /* A vault left at a version before the chain is for the migration tests. */
  if (!sc_audit_append (self->db, self->schema_version >= 7, now,
                        sc_vault_get_actor (self), action, entity,
                        entity_id, before, after, error))
    return FALSE;

  /* Outside a transaction the entry is committed already. */
  if (sqlite3_get_autocommit (self->db))
    write_audit_anchor (self, FALSE);
  else
    self->audit_appended = TRUE;

  sc_vault_note_change (self, entity, entity_id);
  return TRUE;
}

/* Row @entity_id of @entity changed in the open transaction: announced
 * (ScVault::changed) once it commits. sc_vault_append_audit() says so
 * itself; a change that is not audited (a draft) says so here. */
void
sc_vault_note_change (ScVault    *self,
                      const char *entity,
                      gint64      entity_id)
{
  /* A row written twice in a row (a record, then its file) changed once. */
  Change change = { g_quark_from_string (entity), entity_id };
  guint n = self->pending_changes->len;
  const Change *last = n > 0 ? &g_array_index (self->pending_changes, Change, n - 1) : NULL;

  g_return_if_fail (SC_IS_VAULT (self));

  if (last == NULL || last->table != change.table || last->id != change.id)
    g_array_append_val (self->pending_changes, change);
}

/* Asynchronous variants ---------------------------------------------------- */

typedef enum
{
  OPEN_BY_CREATING,
  OPEN_WITH_KEYRING,
  OPEN_WITH_PASSPHRASE,
  OPEN_WITH_PASSPHRASE_RESTORING_KEYRING,
} OpenHow;

typedef struct
{
  OpenHow  how;
  char    *directory;
  char    *worker_name;
  char    *passphrase;     /* guarded memory */
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->directory);
  g_free (data->worker_name);
  sc_secure_strfree (data->passphrase);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  ScVault *vault = NULL;

  switch (data->how)
    {
    case OPEN_BY_CREATING:
      vault = sc_vault_create (data->directory, data->worker_name, data->passphrase,
                               cancellable, &error);
      break;
    case OPEN_WITH_KEYRING:
      vault = sc_vault_open_with_keyring (data->directory, cancellable, &error);
      break;
    case OPEN_WITH_PASSPHRASE:
    case OPEN_WITH_PASSPHRASE_RESTORING_KEYRING:
      vault = open_with_passphrase (data->directory, data->passphrase,
                                    data->how == OPEN_WITH_PASSPHRASE_RESTORING_KEYRING,
                                    cancellable, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (vault == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, vault, g_object_unref);
}

static void
run_open_task (OpenHow              how,
               const char          *directory,
               const char          *worker_name,
               const char          *passphrase,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenData *data = g_new0 (OpenData, 1);

  g_return_if_fail (directory != NULL);

  g_task_set_source_tag (task, run_open_task);
  data->how = how;
  data->directory = g_strdup (directory);
  data->worker_name = g_strdup (worker_name);
  data->passphrase = sc_secure_strdup (passphrase);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

void
sc_vault_create_async (const char          *directory,
                       const char          *worker_name,
                       const char          *passphrase,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  run_open_task (OPEN_BY_CREATING, directory, worker_name, passphrase,
                 cancellable, callback, user_data);
}

void
sc_vault_open_with_keyring_async (const char          *directory,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  run_open_task (OPEN_WITH_KEYRING, directory, NULL, NULL, cancellable, callback, user_data);
}

/* @restore_keyring: also put the key back into the login keyring, which
 * answered but did not have it. */
void
sc_vault_open_with_passphrase_async (const char          *directory,
                                     const char          *passphrase,
                                     gboolean             restore_keyring,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  run_open_task (restore_keyring ? OPEN_WITH_PASSPHRASE_RESTORING_KEYRING : OPEN_WITH_PASSPHRASE,
                 directory, NULL, passphrase, cancellable, callback, user_data);
}

ScVault *
sc_vault_open_finish (GAsyncResult *result,
                      GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == run_open_task, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
