/* sc-vault.h: the encrypted vault every record lives in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-audit.h"
#include "sc-vault-error.h"

G_BEGIN_DECLS

#define SC_TYPE_VAULT (sc_vault_get_type ())

G_DECLARE_FINAL_TYPE (ScVault, sc_vault, SC, VAULT, GObject)

/* An ScVault is an open vault. Closing it (sc_vault_close(), or dropping
 * the last reference) closes the database and with it the key; a locked
 * app holds no ScVault at all. */

char       *sc_vault_get_default_directory      (gboolean              demo);
gboolean    sc_vault_exists_at                  (const char           *directory);
void        sc_vault_remove_unfinished          (const char           *directory);

ScVault    *sc_vault_create                     (const char           *directory,
                                                 const char           *worker_name,
                                                 const char           *passphrase,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
ScVault    *sc_vault_open_with_keyring          (const char           *directory,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
ScVault    *sc_vault_open_with_passphrase       (const char           *directory,
                                                 const char           *passphrase,
                                                 GCancellable         *cancellable,
                                                 GError              **error);

ScVault    *sc_vault_open_with_passphrase_restoring_keyring (const char   *directory,
                                                             const char   *passphrase,
                                                             GCancellable *cancellable,
                                                             GError      **error);

void        sc_vault_create_async               (const char           *directory,
                                                 const char           *worker_name,
                                                 const char           *passphrase,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
void        sc_vault_open_with_keyring_async    (const char           *directory,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
void        sc_vault_open_with_passphrase_async (const char           *directory,
                                                 const char           *passphrase,
                                                 gboolean              restore_keyring,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
ScVault    *sc_vault_open_finish                (GAsyncResult         *result,
                                                 GError              **error);

void        sc_vault_close                      (ScVault              *self);
gboolean    sc_vault_is_open                    (ScVault              *self);

const char *sc_vault_get_directory              (ScVault              *self);
const char *sc_vault_get_worker_name            (ScVault              *self);
int         sc_vault_get_schema_version         (ScVault              *self);
gboolean    sc_vault_get_key_in_keyring         (ScVault              *self);
const GError *sc_vault_get_keyring_error        (ScVault              *self);

gboolean    sc_vault_begin                      (ScVault              *self,
                                                 GError              **error);
gboolean    sc_vault_commit                     (ScVault              *self,
                                                 GError              **error);
void        sc_vault_rollback                   (ScVault              *self);
gboolean    sc_vault_append_audit               (ScVault              *self,
                                                 const char           *action,
                                                 const char           *entity,
                                                 gint64                entity_id,
                                                 const char           *before,
                                                 const char           *after,
                                                 GError              **error);
ScVault       *sc_vault_open_for_check          (const char           *directory,
                                                 GError              **error);
ScAuditReport *sc_vault_verify_audit            (ScVault              *self,
                                                 GError              **error);
/* A manager whose own passphrase opens the vault. */
typedef struct
{
  char *id;
  char *name;
  char *role;
} ScManager;

void           sc_manager_free                  (ScManager            *manager);
GPtrArray     *sc_vault_list_managers           (ScVault              *self,
                                                 GError              **error);
gboolean       sc_vault_add_manager             (ScVault              *self,
                                                 const char           *worker_passphrase,
                                                 const char           *name,
                                                 const char           *role,
                                                 const char           *manager_passphrase,
                                                 GError              **error);
gboolean       sc_vault_remove_manager          (ScVault              *self,
                                                 const char           *worker_passphrase,
                                                 const char           *manager_id,
                                                 GError              **error);
void           sc_vault_change_passphrase_async (ScVault              *self,
                                                 const char           *current,
                                                 const char           *replacement,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       sc_vault_change_passphrase_finish (ScVault             *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
gboolean       sc_vault_change_passphrase       (ScVault              *self,
                                                 const char           *current,
                                                 const char           *replacement,
                                                 GError              **error);
gboolean       sc_vault_check_manager           (ScVault              *self,
                                                 const char           *manager_id,
                                                 const char           *passphrase,
                                                 GError              **error);
gboolean       sc_vault_get_audit_head          (ScVault              *self,
                                                 guint64              *entries,
                                                 char                **head,
                                                 GError              **error);
const char    *sc_vault_get_actor               (ScVault              *self);
void           sc_vault_set_final_after_hours   (ScVault              *self,
                                                 guint                 hours);
guint          sc_vault_get_final_after_hours   (ScVault              *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScManager, sc_manager_free)
GPtrArray     *sc_vault_record_history          (ScVault              *self,
                                                 const char           *table,
                                                 gint64                id,
                                                 GError              **error);

int         sc_vault_get_latest_schema_version  (void);

G_END_DECLS
