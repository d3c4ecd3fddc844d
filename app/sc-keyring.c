/* sc-keyring.c: the vault key in the login keyring (Secret Service)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-keyring"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <sodium.h>

#include "sc-keyring.h"
#include "sc-vault-error.h"

#define HEX_KEY_CHARS (SC_KEY_BYTES * 2)

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.safecase.Safecase.VaultKey", SECRET_SCHEMA_NONE,
    {
      { "vault-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

typedef enum
{
  KEYRING_LOOKUP,
  KEYRING_STORE,
  KEYRING_CLEAR,
} KeyringOp;

/* One keyring call, shared between the caller and the helper thread that
 * makes it: whichever lets go last frees it, so a caller that stopped
 * waiting never leaves the thread writing into freed memory. */
typedef struct
{
  gint          refs;
  GMutex        lock;
  GCond         cond;
  gboolean      done;
  KeyringOp     op;
  char         *vault_id;
  char         *secret;     /* hex key to store, or the one looked up; guarded memory */
  gboolean      ok;
  GError       *error;
  GCancellable *cancellable;
} KeyringCall;

static void
keyring_call_unref (KeyringCall *call)
{
  if (!g_atomic_int_dec_and_test (&call->refs))
    return;
  g_mutex_clear (&call->lock);
  g_cond_clear (&call->cond);
  g_free (call->vault_id);
  if (call->op == KEYRING_LOOKUP)
    secret_password_free (call->secret);
  else
    sc_secure_strfree (call->secret);
  g_clear_error (&call->error);
  g_clear_object (&call->cancellable);
  g_free (call);
}

static gpointer
keyring_call_thread (gpointer data)
{
  KeyringCall *call = data;
  GError *error = NULL;
  char *found = NULL;
  gboolean ok = FALSE;

  switch (call->op)
    {
    case KEYRING_LOOKUP:
      found = secret_password_lookup_nonpageable_sync (get_schema (), call->cancellable, &error,
                                                       "vault-id", call->vault_id, NULL);
      ok = (error == NULL);
      break;
    case KEYRING_STORE:
      ok = secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT,
                                       _("Safecase vault key"), call->secret,
                                       call->cancellable, &error,
                                       "vault-id", call->vault_id, NULL);
      break;
    case KEYRING_CLEAR:
      secret_password_clear_sync (get_schema (), call->cancellable, &error,
                                  "vault-id", call->vault_id, NULL);
      ok = (error == NULL);
      break;
    default:
      g_assert_not_reached ();
    }

  g_mutex_lock (&call->lock);
  if (call->op == KEYRING_LOOKUP)
    call->secret = found;
  call->ok = ok;
  call->error = error;
  call->done = TRUE;
  g_cond_signal (&call->cond);
  g_mutex_unlock (&call->lock);

  keyring_call_unref (call);
  return NULL;
}

static void
translate_error (GError  *error,
                 GError **out)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (out, g_error_copy (error));
  else if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    g_set_error (out, SC_VAULT_ERROR, SC_VAULT_ERROR_KEYRING_LOCKED,
                 "The login keyring is locked: %s", error->message);
  else
    /* No Secret Service on the bus (G_DBUS_ERROR_SERVICE_UNKNOWN), no
     * session bus at all, or a service that failed: all mean the key has
     * to come from the passphrase. */
    g_set_error (out, SC_VAULT_ERROR, SC_VAULT_ERROR_KEYRING_UNAVAILABLE,
                 "The login keyring is not available: %s", error->message);
}

/* Runs @call in a helper thread and waits at most @timeout_ms for it. */
static gboolean
keyring_call_run (KeyringCall  *call,
                  guint         timeout_ms,
                  GError      **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * G_TIME_SPAN_MILLISECOND;
  gboolean ok;

  g_atomic_int_inc (&call->refs);
  g_thread_unref (g_thread_new ("sc-keyring", keyring_call_thread, call));

  g_mutex_lock (&call->lock);
  while (!call->done)
    {
      if (!g_cond_wait_until (&call->cond, &call->lock, deadline))
        break;
    }

  if (!call->done)
    {
      g_mutex_unlock (&call->lock);
      g_cancellable_cancel (call->cancellable);
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_KEYRING_TIMEOUT,
                   "The login keyring did not answer within %u ms", timeout_ms);
      return FALSE;
    }

  ok = call->ok;
  if (call->error != NULL)
    translate_error (call->error, error);
  g_mutex_unlock (&call->lock);

  return ok;
}

static KeyringCall *
keyring_call_new (KeyringOp     op,
                  const char   *vault_id,
                  GCancellable *cancellable)
{
  KeyringCall *call = g_new0 (KeyringCall, 1);

  call->refs = 1;
  g_mutex_init (&call->lock);
  g_cond_init (&call->cond);
  call->op = op;
  call->vault_id = g_strdup (vault_id);
  /* A cancellable of our own, chained to the caller's, so a timeout can
   * cancel the call without cancelling anything else of the caller. */
  call->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled",
                             G_CALLBACK (g_cancellable_cancel), call->cancellable,
                             G_CONNECT_SWAPPED);
  return call;
}

ScKey *
sc_keyring_lookup_key (const char   *vault_id,
                       guint         timeout_ms,
                       GCancellable *cancellable,
                       GError      **error)
{
  KeyringCall *call;
  g_autoptr(ScKey) key = NULL;
  gboolean ok;

  g_return_val_if_fail (vault_id != NULL, NULL);

  call = keyring_call_new (KEYRING_LOOKUP, vault_id, cancellable);
  ok = keyring_call_run (call, timeout_ms, error);

  if (ok)
    {
      g_mutex_lock (&call->lock);
      if (call->secret == NULL)
        {
          /* A locked collection answers "nothing" too: never read this as
           * "no vault". */
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_KEYRING_NO_KEY,
                               "The login keyring holds no key for this vault, or is locked");
          ok = FALSE;
        }
      else
        {
          key = sc_key_new ();
          if (strlen (call->secret) != HEX_KEY_CHARS
              || sodium_hex2bin (key->bytes, sizeof key->bytes, call->secret, HEX_KEY_CHARS,
                                 NULL, NULL, NULL) != 0)
            {
              g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_KEYRING_WRONG_KEY,
                                   "The login keyring's entry for this vault is not a key");
              ok = FALSE;
            }
        }
      g_mutex_unlock (&call->lock);
    }

  keyring_call_unref (call);
  return ok ? g_steal_pointer (&key) : NULL;
}

/* Store and clear: calls whose only answer is whether they worked. */
static gboolean
keyring_call_run_once (KeyringOp     op,
                       const char   *vault_id,
                       const ScKey  *key,
                       guint         timeout_ms,
                       GCancellable *cancellable,
                       GError      **error)
{
  KeyringCall *call = keyring_call_new (op, vault_id, cancellable);
  gboolean ok;

  if (key != NULL)
    {
      call->secret = sodium_malloc (HEX_KEY_CHARS + 1);
      if (call->secret == NULL)
        g_error ("Out of locked memory for a key");
      sodium_bin2hex (call->secret, HEX_KEY_CHARS + 1, key->bytes, sizeof key->bytes);
    }

  ok = keyring_call_run (call, timeout_ms, error);
  keyring_call_unref (call);
  return ok;
}

gboolean
sc_keyring_store_key (const char   *vault_id,
                      const ScKey  *key,
                      guint         timeout_ms,
                      GCancellable *cancellable,
                      GError      **error)
{
  g_return_val_if_fail (vault_id != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return keyring_call_run_once (KEYRING_STORE, vault_id, key, timeout_ms, cancellable, error);
}

gboolean
sc_keyring_clear_key (const char   *vault_id,
                      guint         timeout_ms,
                      GCancellable *cancellable,
                      GError      **error)
{
  g_return_val_if_fail (vault_id != NULL, FALSE);

  return keyring_call_run_once (KEYRING_CLEAR, vault_id, NULL, timeout_ms, cancellable, error);
}
