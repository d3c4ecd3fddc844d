/* sc-export.h: a document saved from a page, protected by a password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-concern.h"
#include "sc-document.h"
#include "sc-procedure.h"
#include "sc-vault.h"

G_BEGIN_DECLS

void sc_export_document (GtkWidget      *page,
                         ScDocumentKind  kind,
                         ScVault        *vault,
                         ScProcedure    *procedure,
                         ScConcern      *concern);

void sc_export_chronology (GtkWidget         *page,
                           ScVault           *vault,
                           ScProcedure       *procedure,
                           gint64             child_id,
                           ScChronologyKinds  kinds,
                           const char        *from);

GtkPrintOperation *sc_export_print_operation_new (ScDocument *document);

G_END_DECLS
