/* sc-key-file.c: the vault key, wrapped with the worker's passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-key-file"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "sc-key-file.h"
#include "sc-secure.h"
#include "sc-vault-error.h"

#define GROUP_VAULT      "Vault"
#define GROUP_PASSPHRASE "Passphrase"
#define GROUP_AUDIT      "Audit"
#define GROUP_MANAGER    "Manager "   /* then the manager's id */
#define MAX_MANAGERS     32
/* 2: managers' wraps. A build that knows only 1 refuses the file rather
 * than saving it without them. */
#define FORMAT_VERSION   2
#define MAX_FILE_BYTES   (64 * 1024)
#define KDF_NAME         "argon2id13"
#define WRAPPED_BYTES    (crypto_secretbox_MACBYTES + SC_KEY_BYTES)
#define CHECK_CONTEXT    "safecase vault key check v1"

struct _ScKeyFile
{
  char              *vault_id;
  unsigned long long opslimit;
  gsize              memlimit;
  guint8             salt[crypto_pwhash_SALTBYTES];
  guint8             nonce[crypto_secretbox_NONCEBYTES];
  guint8             wrapped[WRAPPED_BYTES];
  guint8             check[crypto_generichash_BYTES];
  /* The audit trail's anchor (sc-audit.c): its entries and last hash, as
   * they were after the last commit that added to it. */
  guint64            audit_entries;
  char              *audit_head;
  gboolean           audit_damaged;
  /* Each manager's own wrap of the same key (ScKeyWrap). */
  GPtrArray         *managers;
  /* Read for a repair: the Id or the check value did not read. */
  gboolean           repairing;
  /* Manager groups that did not read: kept in the file as they are, and
   * counted, so that a damaged entry neither vanishes nor lets the worker
   * alone change the managers. */
  guint              n_unreadable;
  GPtrArray         *removed;   /* ids removed since the file was read */
};

/* A second wrap of the vault key, under a manager's own passphrase:
 * Argon2id and XSalsa20-Poly1305, exactly as the worker's. */
typedef struct
{
  char               *id;
  char               *name;
  char               *role;
  unsigned long long  opslimit;
  gsize               memlimit;
  guint8              salt[crypto_pwhash_SALTBYTES];
  guint8              nonce[crypto_secretbox_NONCEBYTES];
  guint8              wrapped[WRAPPED_BYTES];
} ScKeyWrap;

static void
key_wrap_free (ScKeyWrap *wrap)
{
  g_free (wrap->id);
  g_free (wrap->name);
  g_free (wrap->role);
  sodium_memzero (wrap, sizeof *wrap);
  g_free (wrap);
}

/* Argon2id's cost for new key files: libsodium's "moderate" (256 MiB, about
 * 0.7 s here), chosen for a passphrase typed once a session. Tests that make
 * hundreds of vaults use the interactive limits instead; the limits are kept
 * in each key file, so either kind opens with the same code. */
static unsigned long long new_opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
static gsize new_memlimit = crypto_pwhash_MEMLIMIT_MODERATE;

/* For tests only: new key files use libsodium's interactive limits. */
void
sc_key_file_use_interactive_limits_for_tests (void)
{
  new_opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  new_memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
}

static void
compute_check (const ScKey *key,
               guint8       out[crypto_generichash_BYTES])
{
  crypto_generichash (out, crypto_generichash_BYTES,
                      (const guint8 *) CHECK_CONTEXT, strlen (CHECK_CONTEXT),
                      key->bytes, sizeof key->bytes);
}

static ScKey *
derive_kek (const guint8       *salt,
            unsigned long long  opslimit,
            gsize               memlimit,
            const char         *passphrase,
            GError            **error)
{
  g_autoptr(ScKey) kek = sc_key_new ();

  if (crypto_pwhash (kek->bytes, sizeof kek->bytes,
                     passphrase, strlen (passphrase),
                     salt, opslimit, memlimit,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_FAILED,
                           "Not enough memory to derive the key from the passphrase");
      return NULL;
    }

  return g_steal_pointer (&kek);
}

static ScKey *
derive_wrapping_key (ScKeyFile  *self,
                     const char *passphrase,
                     GError    **error)
{
  return derive_kek (self->salt, self->opslimit, self->memlimit, passphrase, error);
}

ScKeyFile *
sc_key_file_new_for_key (const ScKey *key,
                         const char  *passphrase,
                         GError     **error)
{
  g_autoptr(ScKeyFile) self = g_new0 (ScKeyFile, 1);
  g_autoptr(ScKey) kek = NULL;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  self->vault_id = g_uuid_string_random ();
  self->managers = g_ptr_array_new_with_free_func ((GDestroyNotify) key_wrap_free);
  self->opslimit = new_opslimit;
  self->memlimit = new_memlimit;

  if (!sc_secure_random_bytes (self->salt, sizeof self->salt, error)
      || !sc_secure_random_bytes (self->nonce, sizeof self->nonce, error))
    return NULL;

  if (!(kek = derive_wrapping_key (self, passphrase, error)))
    return NULL;

  crypto_secretbox_easy (self->wrapped, key->bytes, sizeof key->bytes,
                         self->nonce, kek->bytes);
  compute_check (key, self->check);

  return g_steal_pointer (&self);
}

static gboolean
read_base64 (GKeyFile   *kf,
             const char *group,
             const char *name,
             guint8     *out,
             gsize       expected,
             GError    **error)
{
  g_autofree char *text = g_key_file_get_string (kf, group, name, error);
  g_autofree guchar *bytes = NULL;
  gsize len = 0;

  if (text == NULL)
    return FALSE;

  bytes = g_base64_decode (text, &len);
  if (len != expected)
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                   "The key file's %s is %" G_GSIZE_FORMAT " bytes, not %" G_GSIZE_FORMAT,
                   name, len, expected);
      return FALSE;
    }

  memcpy (out, bytes, expected);
  return TRUE;
}

static gboolean
is_sha256_hex (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isxdigit (*c) || g_ascii_isupper (*c))
      return FALSE;
  return TRUE;
}

/* Optional: a key file from before the chain has none. One that does not
 * read is not a reason to lock the worker out; the audit check says so. */
static void
read_audit_anchor (ScKeyFile *self,
                   GKeyFile  *kf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  guint64 entries;

  if (!g_key_file_has_group (kf, GROUP_AUDIT))
    return;
  entries = g_key_file_get_uint64 (kf, GROUP_AUDIT, "Entries", &error);
  if (error == NULL)
    head = g_key_file_get_string (kf, GROUP_AUDIT, "Head", &error);
  if (error != NULL || !is_sha256_hex (head))
    {
      self->audit_damaged = TRUE;
      return;
    }
  self->audit_entries = entries;
  self->audit_head = g_steal_pointer (&head);
}

/* Whether @text is a name or role a manager may have: one line of valid
 * UTF-8, without control characters, at most SC_KEY_FILE_MAX_NAME
 * characters. */
gboolean
sc_key_file_name_is_valid (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL)
      || g_utf8_strlen (text, -1) > SC_KEY_FILE_MAX_NAME)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* One manager's wrap, bounded as the worker's is; NULL if it does not read. */
static ScKeyWrap *
read_manager (GKeyFile   *kf,
              const char *group,
              GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  ScKeyWrap *wrap = g_new0 (ScKeyWrap, 1);
  guint64 opslimit, memlimit;

  wrap->id = g_strdup (group + strlen (GROUP_MANAGER));
  wrap->name = g_key_file_get_string (kf, group, "Name", &local_error);
  if (local_error == NULL)
    wrap->role = g_key_file_get_string (kf, group, "Role", &local_error);
  opslimit = local_error == NULL ? g_key_file_get_uint64 (kf, group, "OpsLimit", &local_error) : 0;
  memlimit = local_error == NULL ? g_key_file_get_uint64 (kf, group, "MemLimit", &local_error) : 0;
  if (local_error == NULL)
    read_base64 (kf, group, "Salt", wrap->salt, sizeof wrap->salt, &local_error);
  if (local_error == NULL)
    read_base64 (kf, group, "Nonce", wrap->nonce, sizeof wrap->nonce, &local_error);
  if (local_error == NULL)
    read_base64 (kf, group, "WrappedKey", wrap->wrapped, sizeof wrap->wrapped, &local_error);
  if (local_error == NULL
      && (!g_uuid_string_is_valid (wrap->id)
          || !g_utf8_validate (wrap->name, -1, NULL) || !g_utf8_validate (wrap->role, -1, NULL)
          || opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE
          || memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE))
    g_set_error_literal (&local_error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                         "parameters out of range");
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      key_wrap_free (wrap);
      return NULL;
    }
  wrap->opslimit = opslimit;
  wrap->memlimit = (gsize) memlimit;
  return wrap;
}

/* The managers' wraps. One that does not read is left out, with a warning
 * for whoever supports the laptop: it never locks the worker out of their
 * own vault. */
static void
read_managers (ScKeyFile *self,
               GKeyFile  *kf)
{
  g_auto(GStrv) groups = g_key_file_get_groups (kf, NULL);

  self->managers = g_ptr_array_new_with_free_func ((GDestroyNotify) key_wrap_free);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      ScKeyWrap *wrap;

      if (!g_str_has_prefix (groups[i], GROUP_MANAGER))
        continue;
      if (self->managers->len >= MAX_MANAGERS)
        {
          g_message ("The key file names more than %u managers; [%s] is left out", MAX_MANAGERS,
                     groups[i]);
          self->n_unreadable++;
          continue;
        }
      if (!(wrap = read_manager (kf, groups[i], &error)))
        {
          /* The group's name only: the value may be anything. */
          g_message ("The key file's [%s] does not read, and is left out", groups[i]);
          self->n_unreadable++;
          continue;
        }
      g_ptr_array_add (self->managers, wrap);
    }
}

static ScKeyFile *load (const char  *path,
                        gboolean     repairing,
                        GError     **error);

ScKeyFile *
sc_key_file_load (const char *path,
                  GError    **error)
{
  return load (path, FALSE, error);
}

/* A damaged key file, read for a repair: its Id and its check value may
 * not read (sc_key_file_repair() sets them again); the passphrase's wrap
 * must, for there is nothing to repair without it. */
ScKeyFile *
sc_key_file_load_for_repair (const char *path,
                             GError    **error)
{
  return load (path, TRUE, error);
}

/* The vault's Id and the check value of @key, set again after a repair
 * found the key that opens the database. */
void
sc_key_file_repair (ScKeyFile   *self,
                    const ScKey *key,
                    const char  *vault_id)
{
  g_return_if_fail (g_uuid_string_is_valid (vault_id));

  g_free (self->vault_id);
  self->vault_id = g_strdup (vault_id);
  compute_check (key, self->check);
  self->repairing = FALSE;
}

/* The key the worker's wrap holds, not checked against the check value
 * (which a repair may have lost): the wrap's own authentication says
 * whether the passphrase is right. */
ScKey *
sc_key_file_unwrap_unchecked (ScKeyFile  *self,
                              const char *passphrase,
                              GError    **error)
{
  g_autoptr(ScKey) kek = NULL;
  g_autoptr(ScKey) key = sc_key_new ();

  if (!(kek = derive_wrapping_key (self, passphrase, error)))
    return NULL;
  if (crypto_secretbox_open_easy (key->bytes, self->wrapped, sizeof self->wrapped,
                                  self->nonce, kek->bytes) != 0)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE,
                           "Wrong passphrase");
      return NULL;
    }
  return g_steal_pointer (&key);
}

static ScKeyFile *
load (const char  *path,
      gboolean     repairing,
      GError     **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(ScKeyFile) self = g_new0 (ScKeyFile, 1);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *kdf = NULL;
  gint64 format;
  guint64 opslimit = 0, memlimit = 0;

  {
    /* Never through a link: O_NOFOLLOW, no gap between check and open. */
    gsize length = 0;
    g_autofree char *data = sc_secure_read_private_file (path, MAX_FILE_BYTES, &length, &local_error);

    if (data == NULL || !g_key_file_load_from_data (kf, data, length, G_KEY_FILE_NONE,
                                                     &local_error))
      {
        if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
          g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND,
                       "No key file at %s", path);
        else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_LOOP)
                 || g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_PERM))
          g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INSECURE,
                       "The key file %s: %s", path, local_error->message);
        else
          g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                       "The key file %s cannot be read: %s", path, local_error->message);
        return NULL;
      }
  }

  format = g_key_file_get_int64 (kf, GROUP_VAULT, "Format", &local_error);
  if (local_error == NULL && format > FORMAT_VERSION)
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TOO_NEW,
                   "The key file %s has format %" G_GINT64_FORMAT ", newer than this app knows",
                   path, format);
      return NULL;
    }
  if (local_error == NULL && format < 1)
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                   "The key file %s has format %" G_GINT64_FORMAT ", which no Safecase writes",
                   path, format);
      return NULL;
    }

  if (repairing)
    {
      /* A format that does not read is the format this build writes. */
      g_clear_error (&local_error);
      self->vault_id = g_key_file_get_string (kf, GROUP_VAULT, "Id", NULL);
    }
  else if (local_error == NULL)
    self->vault_id = g_key_file_get_string (kf, GROUP_VAULT, "Id", &local_error);
  if (local_error == NULL)
    kdf = g_key_file_get_string (kf, GROUP_PASSPHRASE, "Kdf", &local_error);
  if (local_error == NULL)
    opslimit = g_key_file_get_uint64 (kf, GROUP_PASSPHRASE, "OpsLimit", &local_error);
  if (local_error == NULL)
    memlimit = g_key_file_get_uint64 (kf, GROUP_PASSPHRASE, "MemLimit", &local_error);
  if (local_error == NULL)
    read_base64 (kf, GROUP_PASSPHRASE, "Salt", self->salt, sizeof self->salt, &local_error);
  if (local_error == NULL)
    read_base64 (kf, GROUP_PASSPHRASE, "Nonce", self->nonce, sizeof self->nonce, &local_error);
  if (local_error == NULL)
    read_base64 (kf, GROUP_PASSPHRASE, "WrappedKey", self->wrapped, sizeof self->wrapped,
                 &local_error);
  if (local_error == NULL && !repairing)
    read_base64 (kf, GROUP_VAULT, "KeyCheck", self->check, sizeof self->check, &local_error);

  if (local_error != NULL)
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                   "The key file %s is damaged: %s", path, local_error->message);
      return NULL;
    }

  /* Bound the cost parameters: a tampered file must not make us allocate
   * gigabytes or spin for minutes. */
  if (g_strcmp0 (kdf, KDF_NAME) != 0
      || opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE
      || memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE
      || (!repairing && !g_uuid_string_is_valid (self->vault_id)))
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                   "The key file %s has parameters out of range", path);
      return NULL;
    }

  self->opslimit = opslimit;
  self->memlimit = (gsize) memlimit;
  self->repairing = repairing;
  if (repairing && (self->vault_id == NULL || !g_uuid_string_is_valid (self->vault_id)))
    g_clear_pointer (&self->vault_id, g_free);
  read_audit_anchor (self, kf);
  read_managers (self, kf);

  return g_steal_pointer (&self);
}

/* Puts what this version knows into @kf: the managers' groups are
 * replaced, anything else it holds stays. */
static void
fill_key_file (ScKeyFile *self,
               GKeyFile  *kf)
{
  g_autofree char *salt = g_base64_encode (self->salt, sizeof self->salt);
  g_autofree char *nonce = g_base64_encode (self->nonce, sizeof self->nonce);
  g_autofree char *wrapped = g_base64_encode (self->wrapped, sizeof self->wrapped);
  g_autofree char *check = g_base64_encode (self->check, sizeof self->check);
  /* Only the managers removed go: a group that did not read stays as it
   * is, for whoever supports the laptop to mend. */
  for (guint i = 0; self->removed != NULL && i < self->removed->len; i++)
    {
      g_autofree char *group = g_strconcat (GROUP_MANAGER, self->removed->pdata[i], NULL);

      g_key_file_remove_group (kf, group, NULL);
    }
  g_key_file_set_int64 (kf, GROUP_VAULT, "Format", FORMAT_VERSION);
  g_key_file_set_string (kf, GROUP_VAULT, "Id", self->vault_id);
  g_key_file_set_string (kf, GROUP_VAULT, "KeyCheck", check);
  g_key_file_set_string (kf, GROUP_PASSPHRASE, "Kdf", KDF_NAME);
  g_key_file_set_uint64 (kf, GROUP_PASSPHRASE, "OpsLimit", self->opslimit);
  g_key_file_set_uint64 (kf, GROUP_PASSPHRASE, "MemLimit", self->memlimit);
  g_key_file_set_string (kf, GROUP_PASSPHRASE, "Salt", salt);
  g_key_file_set_string (kf, GROUP_PASSPHRASE, "Nonce", nonce);
  g_key_file_set_string (kf, GROUP_PASSPHRASE, "WrappedKey", wrapped);
  if (self->audit_head != NULL)
    {
      g_key_file_set_uint64 (kf, GROUP_AUDIT, "Entries", self->audit_entries);
      g_key_file_set_string (kf, GROUP_AUDIT, "Head", self->audit_head);
    }
  for (guint i = 0; self->managers != NULL && i < self->managers->len; i++)
    {
      ScKeyWrap *wrap = self->managers->pdata[i];
      g_autofree char *group = g_strconcat (GROUP_MANAGER, wrap->id, NULL);
      g_autofree char *wrap_salt = g_base64_encode (wrap->salt, sizeof wrap->salt);
      g_autofree char *wrap_nonce = g_base64_encode (wrap->nonce, sizeof wrap->nonce);
      g_autofree char *wrap_key = g_base64_encode (wrap->wrapped, sizeof wrap->wrapped);

      g_key_file_set_string (kf, group, "Name", wrap->name);
      g_key_file_set_string (kf, group, "Role", wrap->role);
      g_key_file_set_uint64 (kf, group, "OpsLimit", wrap->opslimit);
      g_key_file_set_uint64 (kf, group, "MemLimit", wrap->memlimit);
      g_key_file_set_string (kf, group, "Salt", wrap_salt);
      g_key_file_set_string (kf, group, "Nonce", wrap_nonce);
      g_key_file_set_string (kf, group, "WrappedKey", wrap_key);
    }
}

/* Writes @kf atomically and durably, readable by the worker alone, if it
 * is no bigger than a key file is ever read. */
static gboolean
write_key_file (GKeyFile   *kf,
                const char *path,
                GError    **error)
{
  gsize len = 0;
  g_autofree char *data = g_key_file_to_data (kf, &len, NULL);

  if (len > MAX_FILE_BYTES)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT,
                           _("The names and roles are too long to keep; shorten them"));
      return FALSE;
    }
  return sc_secure_write_private_file (path, data, len, error);
}

/* A new key file at @path. */
gboolean
sc_key_file_save (ScKeyFile  *self,
                  const char *path,
                  GError    **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  g_key_file_set_comment (kf, NULL, NULL,
                          " Safecase vault key file. Without it and the passphrase,\n"
                          " the vault next to it cannot be opened: back them up together.",
                          NULL);
  fill_key_file (self, kf);
  return write_key_file (kf, path, error);
}

/* The key file at @path with what @self now holds (its managers): groups,
 * keys and comments this version does not know stay, as does an [Audit]
 * group that does not read. */
gboolean
sc_key_file_save_over (ScKeyFile  *self,
                       const char *path,
                       GError    **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!(data = sc_secure_read_private_file (path, MAX_FILE_BYTES, &length, error))
      || !g_key_file_load_from_data (kf, data, length,
                                     G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS, error))
    return FALSE;
  fill_key_file (self, kf);
  return write_key_file (kf, path, error);
}

/* The wrap of @key that @manager_id (NULL: the worker) opens, made again
 * under @passphrase: a new salt and nonce, the current cost. The vault key
 * itself does not change, so the keyring's copy still opens the vault. */
gboolean
sc_key_file_rewrap (ScKeyFile    *self,
                    const char   *manager_id,
                    const ScKey  *key,
                    const char   *passphrase,
                    GError      **error)
{
  g_autoptr(ScKey) kek = NULL;
  ScKeyWrap *wrap = NULL;
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 nonce[crypto_secretbox_NONCEBYTES];

  g_return_val_if_fail (key != NULL && passphrase != NULL, FALSE);

  if (!sc_key_file_check_key (self, key))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                           "The key does not belong to this key file");
      return FALSE;
    }
  for (guint i = 0; manager_id != NULL && i < self->managers->len && wrap == NULL; i++)
    if (g_str_equal (((ScKeyWrap *) self->managers->pdata[i])->id, manager_id))
      wrap = self->managers->pdata[i];
  if (manager_id != NULL && wrap == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND,
                           "No such manager in this vault");
      return FALSE;
    }
  if (!sc_secure_random_bytes (salt, sizeof salt, error)
      || !sc_secure_random_bytes (nonce, sizeof nonce, error)
      || !(kek = derive_kek (salt, new_opslimit, new_memlimit, passphrase, error)))
    return FALSE;
  if (wrap == NULL)
    {
      memcpy (self->salt, salt, sizeof salt);
      memcpy (self->nonce, nonce, sizeof nonce);
      self->opslimit = new_opslimit;
      self->memlimit = new_memlimit;
      crypto_secretbox_easy (self->wrapped, key->bytes, sizeof key->bytes, self->nonce, kek->bytes);
    }
  else
    {
      memcpy (wrap->salt, salt, sizeof salt);
      memcpy (wrap->nonce, nonce, sizeof nonce);
      wrap->opslimit = new_opslimit;
      wrap->memlimit = new_memlimit;
      crypto_secretbox_easy (wrap->wrapped, key->bytes, sizeof key->bytes, wrap->nonce, kek->bytes);
    }
  return TRUE;
}

/* The wrap of @manager_id (NULL: the worker's) copied from @from, a copy
 * of the same vault's key file made again in a thread: everything else in
 * @self (managers added or removed since, the audit anchor) stays as it is
 * now. FALSE if @from is another vault's, or the manager is gone. */
gboolean
sc_key_file_take_wrap (ScKeyFile  *self,
                       ScKeyFile  *from,
                       const char *manager_id,
                       GError    **error)
{
  ScKeyWrap *to_wrap = NULL, *from_wrap = NULL;

  if (g_strcmp0 (self->vault_id, from->vault_id) != 0
      || sodium_memcmp (self->check, from->check, sizeof self->check) != 0)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_FAILED,
                           "The key file changed to another vault's meanwhile");
      return FALSE;
    }
  if (manager_id == NULL)
    {
      memcpy (self->salt, from->salt, sizeof self->salt);
      memcpy (self->nonce, from->nonce, sizeof self->nonce);
      memcpy (self->wrapped, from->wrapped, sizeof self->wrapped);
      self->opslimit = from->opslimit;
      self->memlimit = from->memlimit;
      return TRUE;
    }
  for (guint i = 0; i < self->managers->len; i++)
    if (g_str_equal (((ScKeyWrap *) self->managers->pdata[i])->id, manager_id))
      to_wrap = self->managers->pdata[i];
  for (guint i = 0; i < from->managers->len; i++)
    if (g_str_equal (((ScKeyWrap *) from->managers->pdata[i])->id, manager_id))
      from_wrap = from->managers->pdata[i];
  if (to_wrap == NULL || from_wrap == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND,
                           _("That manager was removed meanwhile, so their passphrase was not changed"));
      return FALSE;
    }
  memcpy (to_wrap->salt, from_wrap->salt, sizeof to_wrap->salt);
  memcpy (to_wrap->nonce, from_wrap->nonce, sizeof to_wrap->nonce);
  memcpy (to_wrap->wrapped, from_wrap->wrapped, sizeof to_wrap->wrapped);
  to_wrap->opslimit = from_wrap->opslimit;
  to_wrap->memlimit = from_wrap->memlimit;
  return TRUE;
}

ScKey *
sc_key_file_unwrap (ScKeyFile  *self,
                    const char *passphrase,
                    GError    **error)
{
  g_autoptr(ScKey) key = sc_key_file_unwrap_unchecked (self, passphrase, error);

  if (key != NULL && !sc_key_file_check_key (self, key))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                           "The key file's check value does not match its wrapped key");
      return NULL;
    }
  return g_steal_pointer (&key);
}

gboolean
sc_key_file_check_key (ScKeyFile   *self,
                       const ScKey *key)
{
  guint8 check[crypto_generichash_BYTES];
  gboolean equal;

  compute_check (key, check);
  equal = sodium_memcmp (check, self->check, sizeof check) == 0;
  sodium_memzero (check, sizeof check);
  return equal;
}

const char *
sc_key_file_get_vault_id (ScKeyFile *self)
{
  return self->vault_id;
}

/* Writes the audit anchor into the key file at @path, changing nothing else
 * in it (groups and comments this version does not know stay), atomically
 * and readable by the worker alone. */
gboolean
sc_key_file_write_audit_anchor (const char  *path,
                                guint64      entries,
                                const char  *head,
                                GError     **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (is_sha256_hex (head), FALSE);

  if (!(data = sc_secure_read_private_file (path, MAX_FILE_BYTES, &length, error))
      || !g_key_file_load_from_data (kf, data, length,
                                     G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS, error))
    return FALSE;
  g_key_file_set_uint64 (kf, GROUP_AUDIT, "Entries", entries);
  g_key_file_set_string (kf, GROUP_AUDIT, "Head", head);
  return write_key_file (kf, path, error);
}

/* Managers -------------------------------------------------------------------------- */

/* Wraps @key (checked against the file) a second time, under a manager's
 * own passphrase. Returns the new manager's id. */
char *
sc_key_file_add_manager (ScKeyFile   *self,
                         const ScKey *key,
                         const char  *name,
                         const char  *role,
                         const char  *passphrase,
                         GError     **error)
{
  g_autoptr(ScKey) kek = NULL;
  ScKeyWrap *wrap;

  g_return_val_if_fail (name != NULL && passphrase != NULL, NULL);

  if (!sc_key_file_name_is_valid (name) || !sc_key_file_name_is_valid (role != NULL ? role : ""))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT,
                           _("A manager’s name and role are each one line of text"));
      return NULL;
    }

  if (!sc_key_file_check_key (self, key))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                           "The key does not belong to this key file");
      return NULL;
    }
  if (self->managers->len >= MAX_MANAGERS)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT,
                           _("A vault has room for 32 managers; remove one first"));
      return NULL;
    }
  wrap = g_new0 (ScKeyWrap, 1);
  wrap->opslimit = new_opslimit;
  wrap->memlimit = new_memlimit;
  if (!sc_secure_random_bytes (wrap->salt, sizeof wrap->salt, error)
      || !sc_secure_random_bytes (wrap->nonce, sizeof wrap->nonce, error)
      || !(kek = derive_kek (wrap->salt, wrap->opslimit, wrap->memlimit, passphrase, error)))
    {
      key_wrap_free (wrap);
      return NULL;
    }
  crypto_secretbox_easy (wrap->wrapped, key->bytes, sizeof key->bytes, wrap->nonce, kek->bytes);
  wrap->id = g_uuid_string_random ();
  wrap->name = g_strdup (name);
  wrap->role = g_strdup (role != NULL ? role : "");
  g_ptr_array_add (self->managers, wrap);
  return g_strdup (wrap->id);
}

static ScKeyWrap *
find_manager (ScKeyFile  *self,
              const char *id)
{
  for (guint i = 0; id != NULL && i < self->managers->len; i++)
    if (g_str_equal (((ScKeyWrap *) self->managers->pdata[i])->id, id))
      return self->managers->pdata[i];
  return NULL;
}

/* Removes the manager's wrap: their passphrase opens nothing any more. */
gboolean
sc_key_file_remove_manager (ScKeyFile  *self,
                            const char *id)
{
  ScKeyWrap *wrap = find_manager (self, id);

  if (wrap == NULL)
    return FALSE;
  if (self->removed == NULL)
    self->removed = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->removed, g_strdup (wrap->id));
  return g_ptr_array_remove (self->managers, wrap);
}

/* Manager groups in the file that did not read. */
guint
sc_key_file_get_n_unreadable (ScKeyFile *self)
{
  return self->n_unreadable;
}

guint
sc_key_file_get_n_managers (ScKeyFile *self)
{
  return self->managers->len;
}

/* The @i-th manager's id, name and role (any may be NULL). */
void
sc_key_file_get_manager (ScKeyFile   *self,
                         guint        i,
                         const char **id,
                         const char **name,
                         const char **role)
{
  ScKeyWrap *wrap;

  g_return_if_fail (i < self->managers->len);

  wrap = self->managers->pdata[i];
  if (id != NULL)
    *id = wrap->id;
  if (name != NULL)
    *name = wrap->name;
  if (role != NULL)
    *role = wrap->role;
}

static ScKey *
unwrap_manager (ScKeyFile  *self,
                ScKeyWrap  *wrap,
                const char *passphrase,
                GError    **error)
{
  g_autoptr(ScKey) kek = NULL;
  g_autoptr(ScKey) key = sc_key_new ();

  if (!(kek = derive_kek (wrap->salt, wrap->opslimit, wrap->memlimit, passphrase, error)))
    return NULL;
  if (crypto_secretbox_open_easy (key->bytes, wrap->wrapped, sizeof wrap->wrapped, wrap->nonce,
                                  kek->bytes) != 0
      || !sc_key_file_check_key (self, key))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE,
                           "Wrong passphrase");
      return NULL;
    }
  return g_steal_pointer (&key);
}

/* The key, from manager @id's passphrase: for a sign-off, typed at that
 * moment whoever unlocked. */
ScKey *
sc_key_file_unwrap_manager (ScKeyFile  *self,
                            const char *id,
                            const char *passphrase,
                            GError    **error)
{
  ScKeyWrap *wrap = find_manager (self, id);

  if (wrap == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND,
                           "No such manager in this vault");
      return NULL;
    }
  return unwrap_manager (self, wrap, passphrase, error);
}

/* The key from the worker's passphrase or any manager's; @manager_id is
 * set to the manager's id, or NULL for the worker. */
ScKey *
sc_key_file_unwrap_anyone (ScKeyFile   *self,
                           const char  *passphrase,
                           char       **manager_id,
                           GError     **error)
{
  g_autoptr(GError) worker_error = NULL;
  ScKey *key;

  *manager_id = NULL;
  if ((key = sc_key_file_unwrap (self, passphrase, &worker_error)) != NULL
      || !g_error_matches (worker_error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE))
    {
      if (key == NULL)
        g_propagate_error (error, g_steal_pointer (&worker_error));
      return key;
    }
  for (guint i = 0; i < self->managers->len; i++)
    {
      ScKeyWrap *wrap = self->managers->pdata[i];

      if ((key = unwrap_manager (self, wrap, passphrase, NULL)) != NULL)
        {
          *manager_id = g_strdup (wrap->id);
          return key;
        }
    }
  g_propagate_error (error, g_steal_pointer (&worker_error));
  return NULL;
}

/* The audit trail's anchor: FALSE if the file has none that reads. */
gboolean
sc_key_file_get_audit_anchor (ScKeyFile   *self,
                              guint64     *entries,
                              const char **head)
{
  *entries = self->audit_entries;
  *head = self->audit_head;
  return !self->audit_damaged;
}

void
sc_key_file_set_audit_anchor (ScKeyFile  *self,
                              guint64     entries,
                              const char *head)
{
  g_return_if_fail (is_sha256_hex (head));

  self->audit_entries = entries;
  g_free (self->audit_head);
  self->audit_head = g_strdup (head);
  self->audit_damaged = FALSE;
}

void
sc_key_file_free (ScKeyFile *self)
{
  if (self == NULL)
    return;
  g_free (self->vault_id);
  g_free (self->audit_head);
  g_clear_pointer (&self->managers, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);
  sodium_memzero (self, sizeof *self);
  g_free (self);
}
