/* sc-review.h: a manager's review of a concern, and its sign-off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-concern.h"
#include "sc-contact.h"
#include "sc-record.h"
#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_REVIEW (sc_review_get_type ())

G_DECLARE_FINAL_TYPE (ScReview, sc_review, SC, REVIEW, ScRecord)

ScReview  *sc_review_sign          (ScVault     *vault,
                                    ScConcern   *concern,
                                    const char  *manager_id,
                                    const char  *passphrase,
                                    const char  *decision,
                                    const char  *comments,
                                    GError     **error);
GPtrArray *sc_reviews_for_concern  (ScVault     *vault,
                                    gint64       concern_id,
                                    GError     **error);
gboolean   sc_concern_is_closed    (ScConcern   *concern);
gboolean   sc_contact_approve      (ScVault     *vault,
                                    ScContact   *contact,
                                    const char  *manager_id,
                                    const char  *passphrase,
                                    GError     **error);

G_END_DECLS
