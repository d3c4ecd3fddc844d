/* sc-response.h: the response to a concern, step by step, and its evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-child.h"
#include "sc-concern.h"
#include "sc-procedure.h"
#include "sc-record.h"
#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_RESPONSE_STEP (sc_response_step_get_type ())

G_DECLARE_FINAL_TYPE (ScResponseStep, sc_response_step, SC, RESPONSE_STEP, ScRecord)

#define SC_TYPE_EVIDENCE (sc_evidence_get_type ())

G_DECLARE_FINAL_TYPE (ScEvidence, sc_evidence, SC, EVIDENCE, ScRecord)

/* One step of the procedure that applies to a concern, with what has been
 * recorded of it (a record not yet in the vault if nothing has). */
typedef struct
{
  const ScProcedureStep *step;
  ScResponseStep        *record;
  const char            *unknown;   /* NULL, or the answer that would confirm it applies */
} ScResponseItem;

ScEvidence  *sc_evidence_new                (gint64        concern_id);

GPtrArray   *sc_response_build              (ScVault      *vault,
                                             ScProcedure  *procedure,
                                             ScConcern    *concern,
                                             ScChild      *child,
                                             GError      **error);
gboolean     sc_response_mark               (ScVault      *vault,
                                             ScResponseItem *item,
                                             const char   *status,
                                             const char   *reason,
                                             GError      **error);
gboolean     sc_response_is_overdue         (ScResponseStep *record,
                                             GDateTime    *now);
GHashTable  *sc_response_most_urgent_for    (ScVault      *vault,
                                             ScProcedure  *procedure,
                                             GPtrArray    *children,
                                             GDateTime    *now);
char        *sc_response_most_urgent        (ScVault      *vault,
                                             ScProcedure  *procedure,
                                             ScChild      *child,
                                             GDateTime    *now);

gboolean     sc_evidence_files_allowed      (ScConcern    *concern);
GBytes      *sc_evidence_read_file          (ScConcern    *concern,
                                             GFile        *file,
                                             gsize         max_bytes,
                                             GCancellable *cancellable,
                                             GError      **error);
gboolean     sc_evidence_attach             (ScVault      *vault,
                                             ScEvidence   *evidence,
                                             ScConcern    *concern,
                                             const char   *file_name,
                                             GBytes       *data,
                                             gsize         max_bytes,
                                             GError      **error);
GPtrArray   *sc_evidence_with_files         (ScVault      *vault,
                                             ScConcern    *concern,
                                             GError      **error);
gboolean     sc_evidence_save_file_as       (ScVault      *vault,
                                             ScEvidence   *evidence,
                                             const char   *path,
                                             GError      **error);
gboolean     sc_evidence_remove_file        (ScVault      *vault,
                                             ScEvidence   *evidence,
                                             const char   *reason,
                                             GError      **error);
gboolean     sc_evidence_remove_forbidden_files (ScVault    *vault,
                                                 ScConcern  *concern,
                                                 GError    **error);
GBytes      *sc_evidence_load_file          (ScVault      *vault,
                                             ScEvidence   *evidence,
                                             GError      **error);
GPtrArray   *sc_evidence_list               (ScVault      *vault,
                                             gint64        concern_id,
                                             GError      **error);

G_END_DECLS
