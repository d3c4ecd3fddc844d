/* test-review.c: managers in a vault, and their sign-off of a concern
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-addendum.h"
#include "sc-chronology.h"
#include "sc-dates.h"
#include "sc-overview.h"
#include "sc-records.h"
#include "sc-response.h"
#include "sc-review.h"
#include "sc-test-core.h"

#define WORKER_PASSPHRASE  "Blue-Kettle-42"
#define MANAGER_PASSPHRASE "Green-Teapot-77"

typedef struct
{
  char      *directory;
  ScVault   *vault;
  char      *manager_id;
  ScConcern *concern;
} Fixture;

static char *
only_manager_id (ScVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) managers = sc_vault_list_managers (vault, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (managers->len, ==, 1);
  return g_strdup (((ScManager *) managers->pdata[0])->id);
}

/* A worker's vault, a manager added by the worker, a child and a concern. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScChild) child = sc_child_new ();

  fixture->directory = sc_vault_get_default_directory (FALSE);
  fixture->vault = sc_vault_create (fixture->directory, "Sam Taylor", WORKER_PASSPHRASE, NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_add_manager (fixture->vault, WORKER_PASSPHRASE, "Priya Shah",
                                       "Team manager", MANAGER_PASSPHRASE, &error));
  g_assert_no_error (error);
  fixture->manager_id = only_manager_id (fixture->vault);

  sc_record_set_text (SC_RECORD (child), "name", "Ava Jones");
  sc_test_save (fixture->vault, child);
  fixture->concern = sc_concern_new (sc_record_get_id (SC_RECORD (child)));
  sc_record_set_text (SC_RECORD (fixture->concern), "summary", "Messages from a stranger");
  sc_record_set_text (SC_RECORD (fixture->concern), "happened-at", "2026-11-20T16:00:00Z");
  sc_record_set_text (SC_RECORD (fixture->concern), "area", "bullying");
  sc_record_set_text (SC_RECORD (fixture->concern), "involvement", "child-on-child");
  g_assert_true (sc_records_complete (fixture->vault, SC_RECORD (fixture->concern), &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->concern);
  g_clear_object (&fixture->vault);
  g_free (fixture->manager_id);
  g_free (fixture->directory);
}

static void
reopen_with (Fixture    *fixture,
             const char *passphrase)
{
  g_autoptr(GError) error = NULL;

  sc_vault_close (fixture->vault);
  g_clear_object (&fixture->vault);
  fixture->vault = sc_vault_open_with_passphrase (fixture->directory, passphrase, NULL, &error);
  g_assert_no_error (error);
}

/* A manager's own passphrase opens the vault, and they are then the actor
 * of every audit entry; the worker's passphrase is never needed by them,
 * nor theirs by the worker. */
static void
test_manager_unlocks_and_acts (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(ScChild) child = sc_child_new ();
  g_autoptr(GPtrArray) managers = NULL;
  g_autoptr(GError) error = NULL;

  managers = sc_vault_list_managers (fixture->vault, &error);
  g_assert_cmpstr (((ScManager *) managers->pdata[0])->name, ==, "Priya Shah");
  g_assert_cmpstr (((ScManager *) managers->pdata[0])->role, ==, "Team manager");

  reopen_with (fixture, MANAGER_PASSPHRASE);
  g_assert_cmpstr (sc_vault_get_actor (fixture->vault), ==, "Priya Shah");
  sc_record_set_text (SC_RECORD (child), "name", "Zoe Brown");
  sc_test_save (fixture->vault, child);
  /* A step marked in a manager's session is theirs. */
  {
    g_autoptr(ScProcedure) procedure = sc_procedure_new_default ();
    g_autoptr(ScChild) ava = sc_records_load (fixture->vault, SC_TYPE_CHILD,
                                              sc_record_get_int64 (SC_RECORD (fixture->concern),
                                                                   "child-id"), &error);
    g_autoptr(GPtrArray) items = sc_response_build (fixture->vault, procedure, fixture->concern,
                                                    ava, &error);
    ScResponseItem *first = items->pdata[0];

    g_assert_no_error (error);
    g_assert_true (sc_response_mark (fixture->vault, first, "not-needed", "Agreed in supervision",
                                     &error));
    g_assert_no_error (error);
    g_assert_cmpstr (sc_record_get_text (SC_RECORD (first->record), "done-by"), ==, "Priya Shah");
  }
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM audit WHERE entity = 'child' "
                                       "AND actor = 'Priya Shah'"), ==, 1);
  /* The people in the vault changed in the trail, never a passphrase. */
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM audit WHERE action = 'add-manager' "
                                       "AND after LIKE '%Priya Shah%' "
                                       "AND after NOT LIKE '%" MANAGER_PASSPHRASE "%'"), ==, 1);

  reopen_with (fixture, WORKER_PASSPHRASE);
  g_assert_cmpstr (sc_vault_get_actor (fixture->vault), ==, "Sam Taylor");
}

/* Removed, the manager's wrap is gone: their passphrase opens nothing. A
 * weak passphrase, or the wrong worker's, adds no one. */
static void
test_manager_removed_and_refused (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) refused = NULL;

  g_assert_false (sc_vault_add_manager (fixture->vault, WORKER_PASSPHRASE, "Tom Reed", "Deputy",
                                        "tom", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (sc_vault_add_manager (fixture->vault, "Not-The-Worker-1", "Tom Reed", "Deputy",
                                        "Orange-Kettle-55", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  /* Once there is a manager, the worker alone changes no one. */
  g_assert_false (sc_vault_remove_manager (fixture->vault, WORKER_PASSPHRASE, fixture->manager_id,
                                           &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_MANAGER_NEEDED);
  g_clear_error (&error);
  g_assert_true (sc_vault_remove_manager (fixture->vault, MANAGER_PASSPHRASE, fixture->manager_id,
                                          &error));
  g_assert_no_error (error);
  sc_vault_close (fixture->vault);
  refused = sc_vault_open_with_passphrase (fixture->directory, MANAGER_PASSPHRASE, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  reopen_with (fixture, WORKER_PASSPHRASE);
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM audit WHERE action = 'remove-manager'"),
                   ==, 1);
  {
    g_autoptr(ScAuditReport) report = sc_vault_verify_audit (fixture->vault, &error);

    g_assert_no_error (error);
    g_assert_true (report->intact);
  }
}

/* A sign-off needs the manager's own passphrase, typed then, whoever
 * unlocked; it keeps the chain's head; "close" makes the concern
 * read-only until a new review reopens it. */
static void
test_sign_off (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScReview) refused = NULL;
  g_autoptr(ScReview) review = NULL;
  g_autoptr(ScReview) reopening = NULL;
  g_autoptr(ScResponseStep) step = g_object_new (SC_TYPE_RESPONSE_STEP, NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *head = NULL;
  guint64 entries = 0;
  gboolean found = FALSE;

  /* The worker unlocked: the worker's passphrase signs nothing. */
  refused = sc_review_sign (fixture->vault, fixture->concern, fixture->manager_id,
                            WORKER_PASSPHRASE, "close", "Seen and agreed.", &error);
  g_assert_null (refused);
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Priya Shah"));
  g_clear_error (&error);
  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM review"), ==, 0);
  g_assert_false (sc_concern_is_closed (fixture->concern));

  g_assert_true (sc_vault_get_audit_head (fixture->vault, &entries, &head, &error));
  review = sc_review_sign (fixture->vault, fixture->concern, fixture->manager_id,
                           MANAGER_PASSPHRASE, "close", "Support in place; police not needed.",
                           &error);
  g_assert_no_error (error);
  g_assert_nonnull (review);
  g_assert_cmpint (sc_record_get_int64 (SC_RECORD (review), "audit-entries"), ==, (gint64) entries);
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (review), "audit-head"), ==, head);
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (review), "manager"), ==, "Priya Shah");
  g_assert_true (sc_concern_is_closed (fixture->concern));

  /* Closed: the concern and its steps cannot be changed. */
  sc_record_set_text (SC_RECORD (fixture->concern), "summary", "Changed afterwards");
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (fixture->concern), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_CLOSED);
  g_clear_error (&error);
  sc_record_set_text (SC_RECORD (fixture->concern), "summary", "Messages from a stranger");
  sc_record_set_int64 (SC_RECORD (step), "concern-id", sc_record_get_id (SC_RECORD (fixture->concern)));
  sc_record_set_text (SC_RECORD (step), "step-id", "support");
  sc_record_set_text (SC_RECORD (step), "status", "to-do");
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (step), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_CLOSED);
  g_clear_error (&error);

  /* A new review reopens it. */
  reopening = sc_review_sign (fixture->vault, fixture->concern, fixture->manager_id,
                              MANAGER_PASSPHRASE, "further-action", "New messages: reopened.",
                              &error);
  g_assert_no_error (error);
  g_assert_false (sc_concern_is_closed (fixture->concern));
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (step), &error));
  g_assert_no_error (error);

  /* Both reviews are lines of the chronology. */
  lines = sc_chronology_build (fixture->vault, NULL,
                               sc_record_get_int64 (SC_RECORD (fixture->concern), "child-id"),
                               SC_CHRONOLOGY_REVIEW, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  for (guint i = 0; i < lines->len; i++)
    found |= strstr (sc_chronology_entry_get_event (lines->pdata[i]), "Priya Shah") != NULL;
  g_assert_true (found);
}

static ScOverview *
overview_at (Fixture *fixture,
             int      days_from_now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (today, days_from_now);
  g_autoptr(ScProcedure) procedure = sc_procedure_new_default ();
  ScOverview *overview = sc_overview_build (fixture->vault, procedure, then, 28, &error);

  g_assert_no_error (error);
  return overview;
}

/* The manager's overview: a LADO referral past its working day first, the
 * contacts no manager approved, the concerns not reviewed for 28 days,
 * and every open concern; a closed one is in none of them. */
static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScConcern) lado = sc_concern_new (sc_record_get_int64 (SC_RECORD (fixture->concern),
                                                                   "child-id"));
  g_autoptr(ScContact) contact = sc_contact_new (sc_record_get_int64 (SC_RECORD (fixture->concern),
                                                                      "child-id"));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) week_ago = g_date_time_add_days (now, -7);
  g_autofree char *when = sc_datetime_to_storage (week_ago);
  g_autoptr(ScOverview) today = NULL;
  g_autoptr(ScOverview) later = NULL;
  g_autoptr(ScOverview) after_close = NULL;
  g_autoptr(ScReview) review = NULL;
  ScOverviewItem *first;

  sc_record_set_text (SC_RECORD (lado), "summary", "Messages from a residential worker");
  sc_record_set_text (SC_RECORD (lado), "happened-at", when);
  sc_record_set_text (SC_RECORD (lado), "disclosed-at", when);
  sc_record_set_text (SC_RECORD (lado), "area", "sexual");
  sc_record_set_text (SC_RECORD (lado), "involvement", "adult-on-child");
  sc_record_set_text (SC_RECORD (lado), "adult-works-with-children", "yes");
  g_assert_true (sc_records_complete (fixture->vault, SC_RECORD (lado), &error));
  g_assert_no_error (error);
  sc_record_set_text (SC_RECORD (contact), "happened-at", when);
  sc_record_set_text (SC_RECORD (contact), "channel", "text");
  sc_record_set_text (SC_RECORD (contact), "direction", "to");
  sc_record_set_text (SC_RECORD (contact), "device", "personal");
  sc_record_set_text (SC_RECORD (contact), "summary", "Texted from my own phone");
  sc_test_save (fixture->vault, contact);

  today = overview_at (fixture, 0);
  g_assert_cmpuint (today->sections[SC_OVERVIEW_OVERDUE]->len, >=, 1);
  first = today->sections[SC_OVERVIEW_OVERDUE]->pdata[0];
  g_assert_nonnull (strstr (first->title, "LADO"));
  g_assert_cmpint (first->target, ==, sc_record_get_id (SC_RECORD (lado)));
  g_assert_cmpstr (first->action, ==, "window.show-concern");
  g_assert_cmpuint (today->sections[SC_OVERVIEW_APPROVALS]->len, ==, 1);
  g_assert_cmpuint (today->sections[SC_OVERVIEW_OPEN]->len, ==, 2);
  g_assert_cmpuint (today->sections[SC_OVERVIEW_NOT_REVIEWED]->len, ==, 0);
  g_assert_cmpuint (today->sections[SC_OVERVIEW_FINAL_UNSIGNED]->len, ==, 0);

  /* Four weeks on, neither has been reviewed, and both are final. */
  later = overview_at (fixture, 30);
  g_assert_cmpuint (later->sections[SC_OVERVIEW_NOT_REVIEWED]->len, ==, 2);
  g_assert_cmpuint (later->sections[SC_OVERVIEW_FINAL_UNSIGNED]->len, ==, 2);

  /* Closed by a review: gone from every list. */
  review = sc_review_sign (fixture->vault, fixture->concern, fixture->manager_id,
                           MANAGER_PASSPHRASE, "close", "Resolved with the school.", &error);
  g_assert_no_error (error);
  after_close = overview_at (fixture, 30);
  g_assert_cmpuint (after_close->sections[SC_OVERVIEW_OPEN]->len, ==, 1);
  g_assert_cmpuint (after_close->sections[SC_OVERVIEW_NOT_REVIEWED]->len, ==, 1);
  g_assert_cmpuint (after_close->sections[SC_OVERVIEW_FINAL_UNSIGNED]->len, ==, 1);

  /* Marked final, then signed off: no longer awaiting. */
  g_assert_true (sc_records_finalise (fixture->vault, SC_RECORD (lado), &error));
  g_clear_object (&review);
  review = sc_review_sign (fixture->vault, lado, fixture->manager_id, MANAGER_PASSPHRASE,
                           "actions-agreed", "LADO referral made; strategy meeting booked.", &error);
  g_assert_no_error (error);
  {
    g_autoptr(ScOverview) signed_off = overview_at (fixture, 30);

    g_assert_cmpuint (signed_off->sections[SC_OVERVIEW_FINAL_UNSIGNED]->len, ==, 0);
    g_assert_cmpuint (signed_off->sections[SC_OVERVIEW_OPEN]->len, ==, 1);
  }
}

/* Final records: by hand, or a day after the first save (the clock given);
 * a final record is never changed; an addendum, signed and dated, says the
 * correction, and the original's row is as it was. */
static void
test_final_and_addendum (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_hours (now, 25);
  g_autoptr(ScConcern) draft = sc_concern_new (sc_record_get_int64 (SC_RECORD (fixture->concern),
                                                                    "child-id"));
  g_autoptr(ScAddendum) addendum = NULL;
  g_autoptr(GPtrArray) addenda = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(ScConcern) stored = NULL;
  g_autofree char *not_yet = NULL;
  g_autofree char *by_rule = NULL;
  g_autofree char *by_hand = NULL;
  g_autofree char *draft_final = NULL;
  ScRecord *r = SC_RECORD (fixture->concern);

  /* Not final today; a day after it was saved, final by the rule. */
  not_yet = sc_records_final_since (fixture->vault, r, now, 24, &error);
  g_assert_no_error (error);
  g_assert_null (not_yet);
  by_rule = sc_records_final_since (fixture->vault, r, tomorrow, 24, &error);
  g_assert_nonnull (by_rule);
  /* A draft never is. */
  sc_record_set_text (SC_RECORD (draft), "own-words", "half a sentence");
  sc_test_save (fixture->vault, draft);
  draft_final = sc_records_final_since (fixture->vault, SC_RECORD (draft), tomorrow, 24, &error);
  g_assert_null (draft_final);

  /* Final by hand: no longer changed in place. */
  g_assert_true (sc_records_finalise (fixture->vault, r, &error));
  by_hand = sc_records_final_since (fixture->vault, r, now, 24, &error);
  g_assert_nonnull (by_hand);
  sc_record_set_text (r, "summary", "Messages from a stranger, and a call");
  g_assert_false (sc_records_save (fixture->vault, r, &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_FINAL);
  g_clear_error (&error);

  /* The correction is an addendum, signed by whoever is using the vault. */
  addendum = sc_addendum_add (fixture->vault, r, "He also rang her twice that evening.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (addendum), "author"), ==, "Sam Taylor");
  stored = sc_records_load (fixture->vault, SC_TYPE_CONCERN, sc_record_get_id (r), &error);
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (stored), "summary"), ==, "Messages from a stranger");
  addenda = sc_addenda_for (fixture->vault, r, &error);
  g_assert_cmpuint (addenda->len, ==, 1);
  lines = sc_chronology_build (fixture->vault, NULL, sc_record_get_int64 (r, "child-id"),
                               SC_CHRONOLOGY_ADDENDUM, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_nonnull (strstr (sc_chronology_entry_get_event (lines->pdata[0]), "rang her twice"));
  g_assert_nonnull (strstr (sc_chronology_entry_get_source (lines->pdata[0]), "Sam Taylor"));
}

static void
assert_refused (gboolean  saved,
                GError  **error,
                int       code)
{
  g_assert_false (saved);
  g_assert_error (*error, SC_RECORD_ERROR, code);
  g_clear_error (error);
}

static char *
stored_text (Fixture    *fixture,
             GType       type,
             gint64      id,
             const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRecord) stored = sc_records_load (fixture->vault, type, id, &error);

  g_assert_no_error (error);
  return g_strdup (sc_record_get_text (stored, field));
}

/* Every way a record reaches the vault keeps the same rules: a final
 * record is not set back to a draft; only a signed review closes a
 * concern; a file, a removal, a "copied" mark or a signature carries
 * nothing else in with it; reviews and addenda are never typed over; and
 * nothing leaves a closed concern. */
static void
test_guards_on_every_path (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScRecord *r = SC_RECORD (fixture->concern);
  gint64 concern_id = sc_record_get_id (r);
  gint64 child_id = sc_record_get_int64 (r, "child-id");
  g_autoptr(ScConcern) closing = sc_concern_new (child_id);
  g_autoptr(ScConcern) draft = sc_concern_new (child_id);
  g_autoptr(ScEvidence) evidence = sc_evidence_new (concern_id);
  g_autoptr(ScEvidence) late = sc_evidence_new (concern_id);
  g_autoptr(ScContact) contact = sc_contact_new (child_id);
  g_autoptr(ScReview) review = NULL;
  g_autoptr(ScReview) forged = g_object_new (SC_TYPE_REVIEW, NULL);
  g_autoptr(ScAddendum) addendum = NULL;
  g_autoptr(GPtrArray) contacts = g_ptr_array_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GBytes) text = g_bytes_new_static ("Typed from the screen.", 22);
  g_autofree char *summary = NULL;
  g_autofree char *copied = NULL;

  /* The worker closes nothing: not a concern, not a draft. */
  sc_record_set_text (r, "status", "closed");
  assert_refused (sc_records_save (fixture->vault, r, &error), &error, SC_RECORD_ERROR_INVALID);
  sc_record_set_text (r, "status", "open");
  sc_record_set_text (SC_RECORD (draft), "summary", "Half typed");
  sc_record_set_text (SC_RECORD (draft), "status", "closed");
  assert_refused (sc_records_save (fixture->vault, SC_RECORD (draft), &error), &error,
                  SC_RECORD_ERROR_INVALID);
  sc_record_set_text (SC_RECORD (closing), "summary", "Complete, and closed by hand");
  sc_record_set_text (SC_RECORD (closing), "happened-at", "2026-11-20T16:00:00Z");
  sc_record_set_text (SC_RECORD (closing), "area", "bullying");
  sc_record_set_text (SC_RECORD (closing), "status", "closed");
  assert_refused (sc_records_complete (fixture->vault, SC_RECORD (closing), &error), &error,
                  SC_RECORD_ERROR_INVALID);
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM concern WHERE status = 'closed'"), ==, 0);

  /* A concern saved in full is never a draft again, final or not. */
  sc_record_set_boolean (r, "is-draft", TRUE);
  assert_refused (sc_records_save (fixture->vault, r, &error), &error, SC_RECORD_ERROR_INVALID);
  sc_record_set_boolean (r, "is-draft", FALSE);

  /* Evidence and a contact, then everything final. */
  sc_record_set_text (SC_RECORD (evidence), "what", "Chat");
  sc_test_save (fixture->vault, evidence);
  sc_record_set_text (SC_RECORD (contact), "happened-at", "2026-11-21T10:00:00Z");
  sc_record_set_text (SC_RECORD (contact), "channel", "text");
  sc_record_set_text (SC_RECORD (contact), "direction", "to");
  sc_record_set_text (SC_RECORD (contact), "device", "work");
  sc_record_set_text (SC_RECORD (contact), "summary", "Checked she got home.");
  sc_test_save (fixture->vault, contact);

  /* What the program sets is not typed: a file forgotten, a copy faked, a
   * second file through a copy of the entry from before the first. */
  {
    g_autoptr(ScRecord) stale = sc_records_load (fixture->vault, SC_TYPE_EVIDENCE,
                                                 sc_record_get_id (SC_RECORD (evidence)), &error);
    g_autoptr(GBytes) second = g_bytes_new_static ("A second file's text.", 21);
    g_autoptr(GBytes) kept = NULL;

    g_assert_true (sc_evidence_attach (fixture->vault, evidence, fixture->concern, "notes.txt", text,
                                       1024, &error));
    g_assert_no_error (error);
    assert_refused (sc_evidence_attach (fixture->vault, SC_EVIDENCE (stale), fixture->concern,
                                        "second.txt", second, 1024, &error), &error,
                    SC_RECORD_ERROR_INVALID);
    kept = sc_evidence_load_file (fixture->vault, evidence, &error);
    g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), "Typed from the screen.", 22);
    sc_record_set_text (SC_RECORD (evidence), "file-name", "");
    assert_refused (sc_records_save (fixture->vault, SC_RECORD (evidence), &error), &error,
                    SC_RECORD_ERROR_INVALID);
    sc_record_set_text (SC_RECORD (evidence), "file-name", "notes.txt");
    sc_record_set_text (SC_RECORD (contact), "copied-at", "2026-11-22T10:00:00Z");
    assert_refused (sc_records_save (fixture->vault, SC_RECORD (contact), &error), &error,
                    SC_RECORD_ERROR_INVALID);
    sc_record_set_text (SC_RECORD (contact), "copied-at", "");
  }
  g_assert_true (sc_records_finalise (fixture->vault, r, &error));
  g_assert_true (sc_records_finalise (fixture->vault, SC_RECORD (evidence), &error));
  g_assert_true (sc_records_finalise (fixture->vault, SC_RECORD (contact), &error));
  g_assert_no_error (error);

  /* A final concern set back to a draft is still final, and unchanged. */
  sc_record_set_boolean (r, "is-draft", TRUE);
  sc_record_set_text (r, "summary", "Rewritten as a draft");
  assert_refused (sc_records_save (fixture->vault, r, &error), &error, SC_RECORD_ERROR_FINAL);
  assert_refused (sc_records_complete (fixture->vault, r, &error), &error, SC_RECORD_ERROR_FINAL);
  summary = stored_text (fixture, SC_TYPE_CONCERN, concern_id, "summary");
  g_assert_cmpstr (summary, ==, "Messages from a stranger");
  sc_record_set_boolean (r, "is-draft", FALSE);
  sc_record_set_text (r, "summary", "Messages from a stranger");

  /* A file is not attached to final evidence (a new, empty copy of it). */
  {
    g_autoptr(ScRecord) bare = sc_records_load (fixture->vault, SC_TYPE_EVIDENCE,
                                                sc_record_get_id (SC_RECORD (evidence)), &error);

    sc_record_set_text (bare, "file-name", "");
    assert_refused (sc_records_save_with_file (fixture->vault, bare, text, &error), &error,
                    SC_RECORD_ERROR_FINAL);
  }
  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM evidence_file"), ==, 1);

  /* Marked copied: the mark goes in, an unsaved change does not. */
  sc_record_set_text (SC_RECORD (contact), "summary", "Changed while being copied");
  g_ptr_array_add (contacts, contact);
  g_assert_true (sc_records_mark_copied (fixture->vault, contacts, &error));
  g_assert_no_error (error);
  copied = stored_text (fixture, SC_TYPE_CONTACT, sc_record_get_id (SC_RECORD (contact)), "copied-at");
  g_assert_cmpstr (copied, !=, "");
  g_free (summary);
  summary = stored_text (fixture, SC_TYPE_CONTACT, sc_record_get_id (SC_RECORD (contact)), "summary");
  g_assert_cmpstr (summary, ==, "Checked she got home.");

  /* A review is signed, never typed, and never typed over. */
  sc_record_set_int64 (SC_RECORD (forged), "concern-id", concern_id);
  sc_record_set_text (SC_RECORD (forged), "manager-id", fixture->manager_id);
  sc_record_set_text (SC_RECORD (forged), "manager", "Priya Shah");
  sc_record_set_text (SC_RECORD (forged), "decision", "close");
  sc_record_set_text (SC_RECORD (forged), "comments", "Signed without a passphrase");
  assert_refused (sc_records_save (fixture->vault, SC_RECORD (forged), &error), &error,
                  SC_RECORD_ERROR_INVALID);
  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM review"), ==, 0);

  /* Signed with an unsaved edit in the concern: only the decision goes in. */
  sc_record_set_text (r, "summary", "Slipped in with the signature");
  review = sc_review_sign (fixture->vault, fixture->concern, fixture->manager_id,
                           MANAGER_PASSPHRASE, "close", "Agreed.", &error);
  g_assert_no_error (error);
  g_assert_true (sc_concern_is_closed (fixture->concern));
  g_free (summary);
  summary = stored_text (fixture, SC_TYPE_CONCERN, concern_id, "summary");
  g_assert_cmpstr (summary, ==, "Messages from a stranger");
  sc_record_set_text (SC_RECORD (review), "comments", "Changed after signing");
  assert_refused (sc_records_save (fixture->vault, SC_RECORD (review), &error), &error,
                  SC_RECORD_ERROR_INVALID);

  /* Closed: no new evidence with a file, no file removed, nothing moved out. */
  sc_record_set_text (SC_RECORD (late), "what", "Later screenshot");
  assert_refused (sc_evidence_attach (fixture->vault, late, fixture->concern, "late.txt", text, 1024,
                                      &error), &error, SC_RECORD_ERROR_CLOSED);
  g_assert_cmpint (sc_record_get_id (SC_RECORD (late)), ==, 0);
  sc_record_set_text (SC_RECORD (evidence), "file-name", "notes.txt");
  g_ptr_array_add (files, evidence);
  assert_refused (sc_records_remove_files (fixture->vault, files, "test", &error), &error,
                  SC_RECORD_ERROR_CLOSED);
  sc_record_set_text (SC_RECORD (evidence), "file-name", "");
  {
    g_autoptr(ScConcern) open = sc_concern_new (child_id);
    g_autoptr(ScContact) late_contact = sc_contact_new (child_id);

    sc_record_set_text (SC_RECORD (open), "summary", "Another, open concern");
    sc_test_save (fixture->vault, open);
    sc_record_set_int64 (SC_RECORD (evidence), "concern-id", sc_record_get_id (SC_RECORD (open)));
    assert_refused (sc_records_save (fixture->vault, SC_RECORD (evidence), &error), &error,
                    SC_RECORD_ERROR_CLOSED);
    /* Nor is a contact linked to it now. */
    sc_record_set_int64 (SC_RECORD (late_contact), "concern-id", concern_id);
    sc_record_set_text (SC_RECORD (late_contact), "happened-at", "2026-11-23T10:00:00Z");
    sc_record_set_text (SC_RECORD (late_contact), "channel", "text");
    sc_record_set_text (SC_RECORD (late_contact), "direction", "to");
    sc_record_set_text (SC_RECORD (late_contact), "device", "work");
    assert_refused (sc_records_save (fixture->vault, SC_RECORD (late_contact), &error), &error,
                    SC_RECORD_ERROR_CLOSED);
  }

  /* An addendum is an addition: a closed concern takes one, and it is
   * never typed over afterwards. */
  addendum = sc_addendum_add (fixture->vault, r, "Found later: a second account.", &error);
  g_assert_no_error (error);
  sc_record_set_text (SC_RECORD (addendum), "author", "Someone else");
  assert_refused (sc_records_save (fixture->vault, SC_RECORD (addendum), &error), &error,
                  SC_RECORD_ERROR_INVALID);
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM addendum WHERE author = 'Sam Taylor'"),
                   ==, 1);
}

static char *
key_file_path (Fixture *fixture)
{
  return g_build_filename (fixture->directory, SC_VAULT_KEY_NAME, NULL);
}

static char *
read_key_file (Fixture *fixture)
{
  g_autofree char *path = key_file_path (fixture);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
write_key_file (Fixture    *fixture,
                const char *text)
{
  g_autofree char *path = key_file_path (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                           &error));
  g_assert_no_error (error);
}

/* Who the managers are is a manager's business once there is one: the
 * worker cannot enrol a passphrase of their own to sign their own work,
 * nor reuse one that already opens the vault. A name or role that is not
 * one short line is refused before it reaches the key file. */
static void
test_manager_enrolment (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_role = g_string_new (NULL);
  const char *bad_roles[] = { "Team\xff manager", "Team\nmanager", "Team\tmanager", NULL };
  const char *taken[] = { WORKER_PASSPHRASE, MANAGER_PASSPHRASE };
  g_autoptr(GPtrArray) managers = NULL;

  g_assert_false (sc_vault_add_manager (fixture->vault, WORKER_PASSPHRASE, "Tom Reed", "Deputy",
                                        "Orange-Kettle-55", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_MANAGER_NEEDED);
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_assert_false (sc_vault_add_manager (fixture->vault, MANAGER_PASSPHRASE, "Tom Reed", "Deputy",
                                            taken[i], &error));
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "already opens this vault"));
      g_clear_error (&error);
    }
  while (long_role->len < 70000)
    g_string_append (long_role, "Team manager ");
  g_assert_false (sc_vault_add_manager (fixture->vault, MANAGER_PASSPHRASE, "Tom Reed",
                                        long_role->str, "Orange-Kettle-55", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "one line"));
  g_clear_error (&error);
  for (guint i = 0; bad_roles[i] != NULL; i++)
    {
      g_assert_false (sc_vault_add_manager (fixture->vault, MANAGER_PASSPHRASE, "Tom Reed",
                                            bad_roles[i], "Orange-Kettle-55", &error));
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "one line"));
      g_clear_error (&error);
    }

  /* Confirmed by a manager: added, and the trail says by whom. */
  g_assert_true (sc_vault_add_manager (fixture->vault, MANAGER_PASSPHRASE, "Tom Reed", "Deputy",
                                       "Orange-Kettle-55", &error));
  g_assert_no_error (error);
  managers = sc_vault_list_managers (fixture->vault, &error);
  g_assert_cmpuint (managers->len, ==, 2);
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM audit WHERE action = 'add-manager' "
                                       "AND after LIKE '%Tom Reed%' "
                                       "AND after LIKE '%\"confirmed-by\":\"Priya Shah\"%'"), ==, 1);
}

/* The key file is the worker's way in: a manager's entry that does not
 * read leaves that manager out, never the worker; a change of managers
 * keeps what this version does not know, and says a newer format so an
 * older build refuses it rather than dropping the managers. */
static void
test_manager_key_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) managers = NULL;
  g_autofree char *text = read_key_file (fixture);
  g_autofree char *kept = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *role_line = g_strdup ("Role=Team manager\n");
  char *at;

  g_assert_nonnull (strstr (text, "Format=2"));
  kept = g_strconcat ("# kept by hand\n", text, "\n[Future]\nSetting=kept\n", NULL);
  write_key_file (fixture, kept);
  g_assert_true (sc_vault_add_manager (fixture->vault, MANAGER_PASSPHRASE, "Tom Reed", "Deputy",
                                       "Orange-Kettle-55", &error));
  g_assert_no_error (error);
  g_free (text);
  text = read_key_file (fixture);
  g_assert_nonnull (strstr (text, "# kept by hand"));
  g_assert_nonnull (strstr (text, "[Future]\nSetting=kept"));
  g_assert_nonnull (strstr (text, "[Audit]"));

  /* Priya's role made unreadable by hand: she is left out, the worker
   * and Tom still open the vault. */
  at = strstr (text, role_line);
  g_assert_nonnull (at);
  broken = g_strdup_printf ("%.*sRole=Team\xff manager\n%s", (int) (at - text), text,
                            at + strlen (role_line));
  write_key_file (fixture, broken);
  reopen_with (fixture, WORKER_PASSPHRASE);
  managers = sc_vault_list_managers (fixture->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (managers->len, ==, 1);
  g_assert_cmpstr (((ScManager *) managers->pdata[0])->name, ==, "Tom Reed");
  reopen_with (fixture, "Orange-Kettle-55");
  g_assert_cmpstr (sc_vault_get_actor (fixture->vault), ==, "Tom Reed");

  /* A change of managers keeps the entry that does not read, for IT to
   * mend; it is not deleted in passing. */
  g_assert_true (sc_vault_add_manager (fixture->vault, "Orange-Kettle-55", "Ann Lee", "Deputy",
                                       "Yellow-Kettle-66", &error));
  g_assert_no_error (error);
  g_free (text);
  text = read_key_file (fixture);
  g_assert_nonnull (strstr (text, "Role=Team\xff manager"));
  g_assert_nonnull (strstr (text, "Name=Ann Lee"));

  /* And it still counts: with every readable manager gone, the worker
   * alone does not take over who the managers are. */
  {
    g_autoptr(GPtrArray) now = sc_vault_list_managers (fixture->vault, &error);

    /* Tom last: his passphrase confirms each removal. */
    for (guint i = 0; i < now->len; i++)
      if (!g_str_equal (((ScManager *) now->pdata[i])->name, "Tom Reed"))
        g_assert_true (sc_vault_remove_manager (fixture->vault, "Orange-Kettle-55",
                                                ((ScManager *) now->pdata[i])->id, &error));
    for (guint i = 0; i < now->len; i++)
      if (g_str_equal (((ScManager *) now->pdata[i])->name, "Tom Reed"))
        g_assert_true (sc_vault_remove_manager (fixture->vault, "Orange-Kettle-55",
                                                ((ScManager *) now->pdata[i])->id, &error));
    g_assert_no_error (error);
  }
  g_assert_false (sc_vault_add_manager (fixture->vault, WORKER_PASSPHRASE, "Sam Self", "Worker",
                                        "Purple-Kettle-77", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_MANAGER_NEEDED);
}

/* A step marked done or not needed is a note made at the time: final by
 * hand or a day after it was marked, not marked again, corrected by an
 * addendum that the chronology shows. A step still to do is not final. */
static void
test_step_final (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProcedure) procedure = sc_procedure_new_default ();
  g_autoptr(ScChild) child = sc_records_load (fixture->vault, SC_TYPE_CHILD,
                                              sc_record_get_int64 (SC_RECORD (fixture->concern),
                                                                   "child-id"), &error);
  g_autoptr(GPtrArray) items = sc_response_build (fixture->vault, procedure, fixture->concern,
                                                  child, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_hours (now, 25);
  g_autoptr(ScAddendum) addendum = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *not_yet = NULL;
  g_autofree char *by_rule = NULL;
  ScResponseItem *item;
  ScRecord *step;

  g_assert_no_error (error);
  item = items->pdata[0];
  step = SC_RECORD (item->record);
  g_assert_false (sc_records_finalise (fixture->vault, step, &error));
  g_clear_error (&error);
  /* A step is marked, never typed "done". */
  sc_record_set_text (step, "status", "done");
  g_assert_false (sc_records_save (fixture->vault, step, &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  sc_record_set_text (step, "status", "to-do");
  g_assert_true (sc_response_mark (fixture->vault, item, "not-needed", "No one in danger: she is at home",
                                   &error));
  g_assert_no_error (error);
  not_yet = sc_records_final_since (fixture->vault, step, now, 24, &error);
  g_assert_null (not_yet);
  by_rule = sc_records_final_since (fixture->vault, step, tomorrow, 24, &error);
  g_assert_nonnull (by_rule);

  g_assert_true (sc_records_finalise (fixture->vault, step, &error));
  g_assert_no_error (error);
  g_assert_false (sc_response_mark (fixture->vault, item, "to-do", NULL, &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_FINAL);
  g_clear_error (&error);
  g_assert_cmpstr (sc_record_get_text (step, "status"), ==, "not-needed");
  sc_record_set_text (step, "reference", "Typed in afterwards");
  g_assert_false (sc_records_save (fixture->vault, step, &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_FINAL);
  g_clear_error (&error);

  addendum = sc_addendum_add (fixture->vault, step, "Police reference PPIU/26/4411, given later.",
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_record_get_int64 (SC_RECORD (addendum), "concern-id"), ==,
                   sc_record_get_id (SC_RECORD (fixture->concern)));
  lines = sc_chronology_build (fixture->vault, NULL, sc_record_get_id (SC_RECORD (child)),
                               SC_CHRONOLOGY_ADDENDUM, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_nonnull (strstr (sc_chronology_entry_get_event (lines->pdata[0]), "PPIU/26/4411"));
}

/* Final under the rule as it was stays final when the wait grows: what
 * is final then is marked so in the trail (here with a wait of 0 hours,
 * as a day gone by), drafts and steps still to do aside. */
static void
test_finals_pinned (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(ScConcern) draft = sc_concern_new (sc_record_get_int64 (SC_RECORD (fixture->concern),
                                                                    "child-id"));
  g_autofree char *concern_since = NULL;
  g_autofree char *draft_since = NULL;

  sc_record_set_text (SC_RECORD (draft), "summary", "Still being written");
  sc_test_save (fixture->vault, draft);
  g_assert_true (sc_records_pin_finals (fixture->vault, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM audit WHERE action = 'finalise-rule'"),
                   ==, 1);

  /* A week's wait now: the concern is final all the same, and the vault
   * keeps the wait, in the trail too. */
  sc_vault_set_final_after_hours (fixture->vault, 168);
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM meta WHERE key = 'final_after_hours'"
                                       " AND value = '168'"), ==, 1);
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM audit WHERE action = 'final-rule'"), ==, 1);
  concern_since = sc_records_final_since (fixture->vault, SC_RECORD (fixture->concern), now, 168,
                                          &error);
  g_assert_nonnull (concern_since);
  draft_since = sc_records_final_since (fixture->vault, SC_RECORD (draft), now, 168, &error);
  g_assert_null (draft_since);
  sc_record_set_text (SC_RECORD (fixture->concern), "summary", "Changed once the wait grew");
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (fixture->concern), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_FINAL);
  g_clear_error (&error);

  /* Applied again at the next unlock: nothing more is written. */
  reopen_with (fixture, WORKER_PASSPHRASE);
  sc_vault_set_final_after_hours (fixture->vault, 168);
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM audit WHERE action = 'final-rule'"), ==, 1);
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM audit WHERE action = 'finalise-rule'"),
                   ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  sc_test_core_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/review/managers/unlock-and-act", test_manager_unlocks_and_acts);
  ADD ("/review/managers/removed-and-refused", test_manager_removed_and_refused);
  ADD ("/review/managers/enrolment", test_manager_enrolment);
  ADD ("/review/managers/key-file", test_manager_key_file);
  ADD ("/review/sign-off", test_sign_off);
  ADD ("/review/overview", test_overview);
  ADD ("/review/final-and-addendum", test_final_and_addendum);
  ADD ("/review/guards-on-every-path", test_guards_on_every_path);
  ADD ("/review/step-final", test_step_final);
  ADD ("/review/finals-pinned", test_finals_pinned);

  return g_test_run ();
}
