/* sc-finality.h: marking a record final, and its addenda, in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-record.h"
#include "sc-vault.h"

G_BEGIN_DECLS

/* Called on @page after an addendum was added, or a record made final. */
typedef void (*ScFinalityDone) (GtkWidget *page);

void sc_finality_mark_final    (GtkWidget      *page,
                                ScVault        *vault,
                                ScRecord       *record,
                                ScFinalityDone  done);
void sc_finality_add_addendum  (GtkWidget      *page,
                                ScVault        *vault,
                                ScRecord       *record,
                                ScFinalityDone  done);
void sc_finality_flush_dialogs (void);

G_END_DECLS
