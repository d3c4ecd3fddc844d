/* sc-addendum.h: final records, and the addenda that correct them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-record.h"
#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_ADDENDUM (sc_addendum_get_type ())

G_DECLARE_FINAL_TYPE (ScAddendum, sc_addendum, SC, ADDENDUM, ScRecord)

#define SC_FINAL_AFTER_HOURS_DEFAULT 24

gboolean    sc_record_can_be_final  (ScRecord    *record);
char       *sc_records_final_since  (ScVault     *vault,
                                     ScRecord    *record,
                                     GDateTime   *now,
                                     guint        hours,
                                     GError     **error);
gboolean    sc_records_pin_finals   (ScVault     *vault,
                                     guint        hours,
                                     GError     **error);
gboolean    sc_records_finalise     (ScVault     *vault,
                                     ScRecord    *record,
                                     GError     **error);
ScAddendum *sc_addendum_add         (ScVault     *vault,
                                     ScRecord    *record,
                                     const char  *text,
                                     GError     **error);
gboolean    sc_addendum_save_draft  (ScVault     *vault,
                                     ScRecord    *record,
                                     const char  *text,
                                     GError     **error);
char       *sc_addendum_get_draft   (ScVault     *vault,
                                     ScRecord    *record,
                                     GError     **error);
GPtrArray  *sc_addenda_for          (ScVault     *vault,
                                     ScRecord    *record,
                                     GError     **error);
GPtrArray  *sc_addenda_for_child    (ScVault     *vault,
                                     gint64       child_id,
                                     GError     **error);

G_END_DECLS
