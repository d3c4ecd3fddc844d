/* sc-key-file.h: the vault key, wrapped with the worker's passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-secure.h"

G_BEGIN_DECLS

/* The longest name or role a manager has, in characters. */
#define SC_KEY_FILE_MAX_NAME 80

/* The small file beside the database. It holds the vault key wrapped with a
 * key derived from the passphrase (Argon2id, then XSalsa20-Poly1305), and a
 * check value (a keyed BLAKE2b of a constant) that tells a wrong key from a
 * damaged database without decrypting anything. */
typedef struct _ScKeyFile ScKeyFile;

ScKeyFile  *sc_key_file_new_for_key   (const ScKey  *key,
                                       const char   *passphrase,
                                       GError      **error);
ScKeyFile  *sc_key_file_load          (const char   *path,
                                       GError      **error);
ScKeyFile  *sc_key_file_load_for_repair (const char *path,
                                         GError    **error);
void        sc_key_file_repair        (ScKeyFile    *self,
                                       const ScKey  *key,
                                       const char   *vault_id);
ScKey      *sc_key_file_unwrap_unchecked (ScKeyFile *self,
                                          const char *passphrase,
                                          GError    **error);
gboolean    sc_key_file_save          (ScKeyFile    *self,
                                       const char   *path,
                                       GError      **error);
gboolean    sc_key_file_save_over     (ScKeyFile    *self,
                                       const char   *path,
                                       GError      **error);
gboolean    sc_key_file_name_is_valid (const char   *text);
guint       sc_key_file_get_n_unreadable (ScKeyFile *self);
gboolean    sc_key_file_rewrap        (ScKeyFile    *self,
                                       const char   *manager_id,
                                       const ScKey  *key,
                                       const char   *passphrase,
                                       GError      **error);
gboolean    sc_key_file_take_wrap     (ScKeyFile    *self,
                                       ScKeyFile    *from,
                                       const char   *manager_id,
                                       GError      **error);
ScKey      *sc_key_file_unwrap        (ScKeyFile    *self,
                                       const char   *passphrase,
                                       GError      **error);
gboolean    sc_key_file_check_key     (ScKeyFile    *self,
                                       const ScKey  *key);
const char *sc_key_file_get_vault_id  (ScKeyFile    *self);
gboolean    sc_key_file_get_audit_anchor (ScKeyFile   *self,
                                          guint64     *entries,
                                          const char **head);
void        sc_key_file_set_audit_anchor (ScKeyFile   *self,
                                          guint64      entries,
                                          const char  *head);

gboolean    sc_key_file_write_audit_anchor (const char *path,
                                            guint64     entries,
                                            const char *head,
                                            GError    **error);

char       *sc_key_file_add_manager   (ScKeyFile    *self,
                                       const ScKey  *key,
                                       const char   *name,
                                       const char   *role,
                                       const char   *passphrase,
                                       GError      **error);
gboolean    sc_key_file_remove_manager (ScKeyFile   *self,
                                        const char  *id);
guint       sc_key_file_get_n_managers (ScKeyFile   *self);
void        sc_key_file_get_manager   (ScKeyFile    *self,
                                       guint         i,
                                       const char  **id,
                                       const char  **name,
                                       const char  **role);
ScKey      *sc_key_file_unwrap_manager (ScKeyFile   *self,
                                        const char  *id,
                                        const char  *passphrase,
                                        GError     **error);
ScKey      *sc_key_file_unwrap_anyone (ScKeyFile    *self,
                                       const char   *passphrase,
                                       char        **manager_id,
                                       GError      **error);
void        sc_key_file_free          (ScKeyFile    *self);

void        sc_key_file_use_interactive_limits_for_tests (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScKeyFile, sc_key_file_free)

G_END_DECLS
