/* sc-evidence-dialog.h: a new entry in a concern's evidence log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-response.h"

G_BEGIN_DECLS

#define SC_TYPE_EVIDENCE_DIALOG (sc_evidence_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScEvidenceDialog, sc_evidence_dialog, SC, EVIDENCE_DIALOG, AdwMessageDialog)

GtkWidget *sc_evidence_dialog_new       (GtkWindow        *parent);
gboolean   sc_evidence_dialog_is_empty  (ScEvidenceDialog *self);
void       sc_evidence_dialog_load      (ScEvidenceDialog *self,
                                         ScEvidence       *evidence);
void       sc_evidence_dialog_fill      (ScEvidenceDialog *self,
                                         ScEvidence       *evidence);

G_END_DECLS
