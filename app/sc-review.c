/* sc-review.c: a manager's review of a concern, and its sign-off
 *
 * A manager reviews a concern on the worker's laptop (supervision) and
 * signs the review by typing their own passphrase at that moment, whoever
 * unlocked the vault: it must open the manager's own wrap of the vault key
 * (sc_vault_check_manager()). The review keeps the audit chain's count and
 * head as they were when it was signed, so a later rewrite of the trail
 * shows against it. "Close" closes the concern, which is then read-only
 * (sc_records_save() refuses it, its steps and its evidence) until a new
 * review reopens it with "further action".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-record-private.h"
#include "sc-records-private.h"
#include "sc-review.h"
#include "sc-contact.h"

struct _ScReview
{
  ScRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ScReview, sc_review, SC_TYPE_RECORD)

static const ScField review_fields[] = {
  { "concern-id", SC_FIELD_INT64 },
  { "manager-id", SC_FIELD_TEXT },
  { "manager", SC_FIELD_TEXT },
  { "role", SC_FIELD_TEXT },
  { "comments", SC_FIELD_TEXT },
  { "decision", SC_FIELD_TEXT },
  { "signed-at", SC_FIELD_TEXT },
  { "audit-entries", SC_FIELD_INT64 },
  { "audit-head", SC_FIELD_TEXT },
  { "recorded-at", SC_FIELD_TEXT },
};

static gboolean
sc_review_validate (ScRecord *record,
                    gboolean  final,
                    GError  **error)
{
  if (*sc_choice_label ("decision", sc_record_get_text (record, "decision")) == '\0')
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED,
                           _("Choose what the review decided."));
      return FALSE;
    }
  if (sc_text_is_blank (sc_record_get_text (record, "comments")))
    {
      g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED,
                           _("Say what was reviewed and why it was decided so."));
      return FALSE;
    }
  return TRUE;
}

static void
sc_review_class_init (ScReviewClass *klass)
{
  ScRecordClass *record_class = SC_RECORD_CLASS (klass);

  sc_record_class_install_fields (record_class, "review", review_fields,
                                  G_N_ELEMENTS (review_fields));
  record_class->validate = sc_review_validate;
}

static void
sc_review_init (ScReview *self)
{
}

gboolean
sc_concern_is_closed (ScConcern *concern)
{
  return g_strcmp0 (sc_record_get_text (SC_RECORD (concern), "status"), "closed") == 0;
}

/* Manager @manager_id, from the key file (@managers keeps it alive). */
static const ScManager *
find_manager (ScVault     *vault,
              const char  *manager_id,
              GPtrArray  **managers,
              GError     **error)
{
  if (!(*managers = sc_vault_list_managers (vault, error)))
    return NULL;
  for (guint i = 0; i < (*managers)->len; i++)
    if (g_strcmp0 (((ScManager *) (*managers)->pdata[i])->id, manager_id) == 0)
      return (*managers)->pdata[i];
  g_set_error_literal (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED,
                       _("Choose the manager signing."));
  return NULL;
}

/* Whether @passphrase, typed now, is @manager's own: said in a sentence if
 * not. */
static gboolean
check_signer (ScVault         *vault,
              const ScManager *manager,
              const char      *passphrase,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (sc_vault_check_manager (vault, manager->id, passphrase != NULL ? passphrase : "",
                              &local_error))
    return TRUE;
  if (g_error_matches (local_error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE))
    g_set_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID,
                 _("That is not %s’s passphrase, so nothing was signed. Only %s can sign, with "
                   "their own passphrase."), manager->name, manager->name);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* A personal-device contact approved by manager @manager_id, if
 * @passphrase is theirs: their name and today on the contact, never typed
 * by anyone else. */
gboolean
sc_contact_approve (ScVault     *vault,
                    ScContact   *contact,
                    const char  *manager_id,
                    const char  *passphrase,
                    GError     **error)
{
  g_autoptr(GPtrArray) managers = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(ScRecord) saved = NULL;
  const ScManager *manager;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (SC_IS_CONTACT (contact), FALSE);

  if (!(manager = find_manager (vault, manager_id, &managers, error))
      || !check_signer (vault, manager, passphrase, error))
    return FALSE;
  /* The contact as saved is what is approved, never unsaved edits. */
  if (!(saved = sc_records_load (vault, SC_TYPE_CONTACT, sc_record_get_id (SC_RECORD (contact)),
                                 error)))
    return FALSE;
  sc_record_set_text (saved, "approved-by", manager->name);
  sc_record_set_text (saved, "approved-on", today);
  if (!sc_records_save_as (vault, &saved, 1, SC_WRITE_APPROVAL, error))
    return FALSE;
  sc_record_set_text (SC_RECORD (contact), "approved-by", manager->name);
  sc_record_set_text (SC_RECORD (contact), "approved-on", today);
  return TRUE;
}

/* Signs @manager_id's review of @concern, if @passphrase is that manager's
 * own: the review saved with the chain's head, and the concern closed,
 * reopened or kept open as @decision says, in one transaction. */
ScReview *
sc_review_sign (ScVault     *vault,
                ScConcern   *concern,
                const char  *manager_id,
                const char  *passphrase,
                const char  *decision,
                const char  *comments,
                GError     **error)
{
  g_autoptr(ScReview) review = g_object_new (SC_TYPE_REVIEW, NULL);
  g_autoptr(GPtrArray) managers = NULL;
  g_autofree char *head = NULL;
  g_autofree char *now = sc_datetime_now_storage ();
  g_autoptr(ScRecord) saved = NULL;
  const ScManager *manager = NULL;
  guint64 entries = 0;
  ScRecord *records[2];

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (SC_IS_CONCERN (concern), NULL);

  if (!(manager = find_manager (vault, manager_id, &managers, error)))
    return NULL;

  sc_record_set_int64 (SC_RECORD (review), "concern-id", sc_record_get_id (SC_RECORD (concern)));
  sc_record_set_text (SC_RECORD (review), "manager-id", manager->id);
  sc_record_set_text (SC_RECORD (review), "manager", manager->name);
  sc_record_set_text (SC_RECORD (review), "role", manager->role);
  sc_record_set_text (SC_RECORD (review), "decision", decision != NULL ? decision : "");
  sc_record_set_text (SC_RECORD (review), "comments", comments != NULL ? comments : "");
  if (!sc_record_validate (SC_RECORD (review), TRUE, error))
    return NULL;

  /* The passphrase last typed is the manager's, or nothing is signed. */
  if (!check_signer (vault, manager, passphrase, error))
    return NULL;

  if (!sc_vault_get_audit_head (vault, &entries, &head, error))
    return NULL;
  sc_record_set_text (SC_RECORD (review), "signed-at", now);
  sc_record_set_int64 (SC_RECORD (review), "audit-entries", (gint64) entries);
  sc_record_set_text (SC_RECORD (review), "audit-head", head);

  /* The concern as saved takes the decision: nothing unsaved is signed. */
  if (!(saved = sc_records_load (vault, SC_TYPE_CONCERN, sc_record_get_id (SC_RECORD (concern)),
                                 error)))
    return NULL;
  if (g_str_equal (decision, "close"))
    sc_record_set_text (saved, "status", "closed");
  else if (g_str_equal (decision, "further-action"))
    sc_record_set_text (saved, "status", "awaiting-action");
  else if (sc_concern_is_closed (SC_CONCERN (saved)))
    sc_record_set_text (saved, "status", "open");

  records[0] = SC_RECORD (review);
  records[1] = saved;
  if (!sc_records_save_as (vault, records, G_N_ELEMENTS (records), SC_WRITE_REVIEW, error))
    return NULL;
  sc_record_set_text (SC_RECORD (concern), "status", sc_record_get_text (saved, "status"));
  return g_steal_pointer (&review);
}

/* A concern's reviews, oldest first. */
GPtrArray *
sc_reviews_for_concern (ScVault  *vault,
                        gint64    concern_id,
                        GError  **error)
{
  return sc_records_list_for_concern (vault, SC_TYPE_REVIEW, concern_id, error);
}
