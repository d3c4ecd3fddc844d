/* sc-application.h: lifecycle, actions and the lock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-procedure.h"
#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_APPLICATION (sc_application_get_type ())

G_DECLARE_FINAL_TYPE (ScApplication, sc_application, SC, APPLICATION, AdwApplication)

ScApplication *sc_application_new                (void);
ScVault       *sc_application_get_vault          (ScApplication *self);
void           sc_application_set_vault          (ScApplication *self,
                                                  ScVault       *vault);
const char    *sc_application_get_vault_directory (ScApplication *self);
gboolean       sc_application_get_was_locked     (ScApplication *self);
GSettings     *sc_application_get_settings       (ScApplication *self);
void           sc_application_lock               (ScApplication *self);
void           sc_application_note_activity      (ScApplication *self);
void           sc_application_check_reminders    (ScApplication *self);
ScProcedure   *sc_application_get_procedure      (ScApplication *self);
const char    *sc_application_get_procedure_source (ScApplication *self,
                                                    const GError **error,
                                                    const char   **notice);
void           sc_application_set_demo           (ScApplication *self,
                                                  gboolean       demo);
gboolean       sc_application_get_demo           (ScApplication *self);

void           sc_application_copy_text        (ScApplication *self,
                                                GdkClipboard  *clipboard,
                                                const char    *text);
void           sc_application_clear_clipboard  (ScApplication *self);

G_END_DECLS
