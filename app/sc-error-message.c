/* sc-error-message.c: a sentence for every error a user can meet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-error-message"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "sc-error-message.h"
#include "sc-records.h"
#include "sc-document-pdf.h"
#include "sc-vault-error.h"

/* What happened and what to do, in words a social worker uses. The
 * technical message stays in the log for whoever supports the laptop. */
static const char *
vault_error_sentence (int code)
{
  switch ((ScVaultError) code)
    {
    case SC_VAULT_ERROR_NOT_FOUND:
      return _("There is no vault on this computer yet. Create one to start.");
    case SC_VAULT_ERROR_EXISTS:
      return _("There is already a vault on this computer. Unlock it with its passphrase instead.");
    case SC_VAULT_ERROR_INVALID_INPUT:
      return _("Some details are missing. Fill in the highlighted fields and try again.");
    case SC_VAULT_ERROR_WRONG_PASSPHRASE:
      return _("Wrong passphrase. Check Caps Lock and try again.");
    case SC_VAULT_ERROR_KEYRING_UNAVAILABLE:
      return _("The login keyring is not available, so Safecase cannot open the vault on its own. Enter your vault passphrase.");
    case SC_VAULT_ERROR_KEYRING_LOCKED:
    case SC_VAULT_ERROR_KEYRING_NO_KEY:
      return _("The login keyring is locked or does not hold the vault key. Enter your vault passphrase.");
    case SC_VAULT_ERROR_KEYRING_TIMEOUT:
      return _("The login keyring did not answer in time. Enter your vault passphrase.");
    case SC_VAULT_ERROR_KEYRING_WRONG_KEY:
      return _("The key in the login keyring does not fit this vault. Enter your vault passphrase.");
    case SC_VAULT_ERROR_DAMAGED:
      return _("The vault is damaged and cannot be opened. Nothing has been changed; ask your IT support to restore it from a backup.");
    case SC_VAULT_ERROR_TOO_NEW:
      return _("This vault was saved by a newer version of Safecase. Update Safecase to open it.");
    case SC_VAULT_ERROR_INSECURE:
      return _("Other people on this computer could read the vault’s files, so Safecase will not open them. Ask your IT support to make them private.");
    case SC_VAULT_ERROR_STORAGE_FULL:
      return _("Storage is full, so the change was not saved. Free some space and try again; nothing already saved was lost.");
    case SC_VAULT_ERROR_LOCKED:
      return _("The vault is locked. Unlock it and try again.");
    case SC_VAULT_ERROR_OLD_SCHEMA:
      return _("This vault was last opened by an older version of Safecase. Open it in Safecase once, then check it again.");
    case SC_VAULT_ERROR_MANAGER_NEEDED:
      return _("Once there is a manager, only a manager changes who the managers are. Ask one to "
               "confirm with their own passphrase.");
    case SC_VAULT_ERROR_KEY_FILE_DAMAGED:
      return _("The vault’s key file is damaged. Type your passphrase to repair it: the damaged "
               "file is kept beside it, and nothing in the vault changes.");
    case SC_VAULT_ERROR_FAILED:
    default:
      return _("Safecase could not use the vault. Try again; if it keeps happening, contact your IT support.");
    }
}

char *
sc_error_message_for (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == SC_VAULT_ERROR)
    return g_strdup (vault_error_sentence (error->code));

  /* Errors about what the worker typed are written as sentences already. */
  if (error->domain == SC_RECORD_ERROR)
    return g_strdup (error->message);

  if (error->domain == SC_DOCUMENT_ERROR)
    return g_strdup (error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return g_strdup (vault_error_sentence (SC_VAULT_ERROR_STORAGE_FULL));

  /* Saving a document somewhere the worker chose. */
  if (error->domain == G_FILE_ERROR)
    {
      if (error->code == G_FILE_ERROR_NOSPC)
        return g_strdup (_("There is not enough room to save the file there, so nothing was "
                           "saved. Free some space or choose another place."));
      if (error->code == G_FILE_ERROR_NOENT || error->code == G_FILE_ERROR_NOTDIR)
        return g_strdup (_("That folder is no longer there, so nothing was saved. Choose another "
                           "place."));
      if (error->code == G_FILE_ERROR_ACCES || error->code == G_FILE_ERROR_PERM
          || error->code == G_FILE_ERROR_ROFS)
        return g_strdup (_("Safecase cannot write there, so nothing was saved. Choose another "
                           "place."));
      return g_strdup (_("The file could not be written there (it may be too large for that "
                         "place), so nothing was saved. Choose another place."));
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_strdup (_("Cancelled."));

  return g_strdup (_("Something went wrong. Try again; if it keeps happening, contact your IT support."));
}
