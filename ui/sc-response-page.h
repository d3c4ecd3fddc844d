/* sc-response-page.h: the guided response to one concern
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-child.h"
#include "sc-concern.h"
#include "sc-procedure.h"
#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_RESPONSE_PAGE (sc_response_page_get_type ())

G_DECLARE_FINAL_TYPE (ScResponsePage, sc_response_page, SC, RESPONSE_PAGE, GtkWidget)

void        sc_response_page_show         (ScResponsePage *self,
                                           ScVault        *vault,
                                           ScProcedure    *procedure,
                                           ScConcern      *concern,
                                           ScChild        *child);
void        sc_response_page_clear        (ScResponsePage *self);
void        sc_response_page_flush        (ScResponsePage *self);
ScConcern  *sc_response_page_get_concern  (ScResponsePage *self);
GStrv       sc_response_page_dup_step_ids (ScResponsePage *self);
GStrv       sc_response_page_dup_warnings (ScResponsePage *self);
gboolean    sc_response_page_mark         (ScResponsePage *self,
                                           const char     *step_id,
                                           const char     *status,
                                           const char     *reason,
                                           const char     *reference);
const char *sc_response_page_get_step_status (ScResponsePage *self,
                                              const char     *step_id);
gint64      sc_response_page_add_evidence (ScResponsePage *self,
                                           const char     *what);
gboolean    sc_response_page_attach_file  (ScResponsePage *self,
                                           gint64          evidence_id,
                                           GFile          *file);
const char *sc_response_page_get_status   (ScResponsePage *self);

G_END_DECLS
