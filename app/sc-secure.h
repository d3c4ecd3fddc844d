/* sc-secure.h: key material in guarded memory, process hardening
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_KEY_BYTES 32

/* A 256-bit key in memory that is locked (never swapped), guarded and wiped
 * when freed. Allocate with sc_key_new(), free with sc_key_free(). */
typedef struct
{
  guint8 bytes[SC_KEY_BYTES];
} ScKey;

gboolean  sc_secure_init            (void);
void      sc_secure_harden_process  (void);
gboolean  sc_secure_random_bytes    (void        *buffer,
                                     gsize        length,
                                     GError     **error);

ScKey    *sc_key_new                (void);
ScKey    *sc_key_new_random         (GError     **error);
ScKey    *sc_key_copy               (const ScKey *key);
void      sc_key_free               (ScKey       *key);
gboolean  sc_key_equal              (const ScKey *a,
                                     const ScKey *b);

char     *sc_secure_strdup          (const char  *string);
void      sc_secure_strfree         (char        *string);
char     *sc_secure_fold            (const char  *string);
char     *sc_secure_read_private_file (const char  *path,
                                       gsize        max_bytes,
                                       gsize       *length,
                                       GError     **error);
gboolean  sc_secure_write_private_file (const char  *path,
                                        const char  *data,
                                        gsize        length,
                                        GError     **error);
gboolean  sc_secure_sync_folder     (const char  *directory,
                                     GError     **error);
void      sc_secure_wipe            (void        *buffer,
                                     gsize        length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScKey, sc_key_free)

G_END_DECLS
