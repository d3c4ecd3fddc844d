/* test-search.c: full-text search across every child, in a real vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-records.h"
#include "sc-response.h"
#include "sc-test-core.h"

#define PASSPHRASE "Blue-Kettle-42"

typedef struct
{
  char    *directory;
  ScVault *vault;
  gint64   zoe;
  gint64   ava;
  gint64   concern;
  gint64   contact;
} Fixture;

/* Saved as complete: a draft is not searched. */
static void
complete (Fixture   *fixture,
          ScConcern *concern)
{
  g_autoptr(GError) error = NULL;

  sc_record_set_text (SC_RECORD (concern), "area", "bullying");
  sc_record_set_text (SC_RECORD (concern), "involvement", "child-on-child");
  g_assert_true (sc_records_complete (fixture->vault, SC_RECORD (concern), &error));
  g_assert_no_error (error);
}

static gint64
add_child (Fixture    *fixture,
           const char *name)
{
  g_autoptr(ScChild) child = sc_child_new ();

  sc_record_set_text (SC_RECORD (child), "name", name);
  sc_test_save (fixture->vault, child);
  return sc_record_get_id (SC_RECORD (child));
}

/* Two children (Zoë added first, Ava second, so the caseload's order is
 * not the order of adding), and a word in each searchable field. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScConcern) concern = NULL;
  g_autoptr(ScConcern) older = NULL;
  g_autoptr(ScResponseStep) step = g_object_new (SC_TYPE_RESPONSE_STEP, NULL);
  g_autoptr(ScEvidence) evidence = NULL;
  g_autoptr(ScContact) contact = NULL;

  fixture->directory = sc_vault_get_default_directory (FALSE);
  fixture->vault = sc_vault_create (fixture->directory, "Sam Taylor", PASSPHRASE, NULL, &error);
  g_assert_no_error (error);

  fixture->zoe = add_child (fixture, "Zoë Brontë");
  fixture->ava = add_child (fixture, "Ava Jones");

  concern = sc_concern_new (fixture->ava);
  sc_record_set_text (SC_RECORD (concern), "own-words", "He sent me a picture of the skatepark");
  sc_record_set_text (SC_RECORD (concern), "summary", "Messages from a stranger on Snapchat");
  sc_record_set_text (SC_RECORD (concern), "happened-at", "2026-11-20T16:00:00Z");
  sc_record_set_text (SC_RECORD (concern), "adult-employer", "Riverside Boxing Gym");
  sc_record_set_text (SC_RECORD (concern), "adult-other-work", "Coaches the under-12 cricket");
  sc_record_set_text (SC_RECORD (concern), "adult-previous-concerns", "Dismissed from Oakfield in 2023");
  complete (fixture, concern);
  fixture->concern = sc_record_get_id (SC_RECORD (concern));

  older = sc_concern_new (fixture->ava);
  sc_record_set_text (SC_RECORD (older), "summary", "Snapchat streaks at night, earlier");
  sc_record_set_text (SC_RECORD (older), "happened-at", "2026-10-01T16:00:00Z");
  complete (fixture, older);

  sc_record_set_int64 (SC_RECORD (step), "concern-id", fixture->concern);
  sc_record_set_text (SC_RECORD (step), "step-id", "police-sexual");
  sc_record_set_text (SC_RECORD (step), "status", "to-do");
  sc_record_set_text (SC_RECORD (step), "notes", "Left a message for the duty inspector");
  sc_record_set_text (SC_RECORD (step), "reference", "PPIU/26/4411");
  sc_test_save (fixture->vault, step);

  evidence = sc_evidence_new (fixture->concern);
  sc_record_set_text (SC_RECORD (evidence), "what", "Screenshots of the conversation");
  sc_record_set_text (SC_RECORD (evidence), "usernames", "skater_boy_99");
  sc_test_save (fixture->vault, evidence);

  contact = sc_contact_new (fixture->zoe);
  sc_record_set_text (SC_RECORD (contact), "happened-at", "2026-11-22T10:00:00Z");
  sc_record_set_text (SC_RECORD (contact), "channel", "text");
  sc_record_set_text (SC_RECORD (contact), "direction", "to");
  sc_record_set_text (SC_RECORD (contact), "device", "work");
  sc_record_set_text (SC_RECORD (contact), "summary", "Talked about the café after school");
  sc_test_save (fixture->vault, contact);
  fixture->contact = sc_record_get_id (SC_RECORD (contact));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->vault);
  g_free (fixture->directory);
}

static GPtrArray *
search (Fixture    *fixture,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = sc_records_search (fixture->vault, text, 100, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

/* @text finds exactly one record, of @kind, with @bold in bold. */
static void
assert_one (Fixture      *fixture,
            const char   *text,
            ScSearchKind  kind,
            gint64        record_id,
            const char   *bold)
{
  g_autoptr(GPtrArray) hits = search (fixture, text);
  g_autofree char *expected = g_strdup_printf ("<b>%s</b>", bold);
  ScSearchHit *hit;

  if (hits->len != 1)
    g_error ("“%s” found %u records, not 1", text, hits->len);
  hit = hits->pdata[0];
  g_assert_cmpint (hit->kind, ==, kind);
  g_assert_cmpint (hit->record_id, ==, record_id);
  if (strstr (hit->markup, expected) == NULL)
    g_error ("“%s” found “%s”, without %s", text, hit->markup, expected);
}

/* A word in each searchable field: names, the child's own words, notes,
 * references, evidence, contacts; accents folded both ways. */
static void
test_each_field_found_and_highlighted (Fixture       *fixture,
                                       gconstpointer  data)
{
  assert_one (fixture, "bronte", SC_SEARCH_CHILD, fixture->zoe, "Brontë");
  assert_one (fixture, "Zoë", SC_SEARCH_CHILD, fixture->zoe, "Zoë");
  assert_one (fixture, "skatepark", SC_SEARCH_CONCERN, fixture->concern, "skatepark");
  assert_one (fixture, "stranger", SC_SEARCH_CONCERN, fixture->concern, "stranger");
  /* What is said of the adult: employer, other work, previous concerns. */
  assert_one (fixture, "riverside", SC_SEARCH_CONCERN, fixture->concern, "Riverside");
  assert_one (fixture, "cricket", SC_SEARCH_CONCERN, fixture->concern, "cricket");
  assert_one (fixture, "oakfield", SC_SEARCH_CONCERN, fixture->concern, "Oakfield");
  assert_one (fixture, "inspector", SC_SEARCH_STEP, fixture->concern, "inspector");
  assert_one (fixture, "PPIU", SC_SEARCH_STEP, fixture->concern, "PPIU");
  assert_one (fixture, "screenshots", SC_SEARCH_EVIDENCE, fixture->concern, "Screenshots");
  assert_one (fixture, "skater_boy_99", SC_SEARCH_EVIDENCE, fixture->concern, "skater");
  assert_one (fixture, "cafe", SC_SEARCH_CONTACT, fixture->contact, "café");
  assert_one (fixture, "CAFÉ", SC_SEARCH_CONTACT, fixture->contact, "café");
  /* A phrase, and a prefix. */
  assert_one (fixture, "\"the duty inspector\"", SC_SEARCH_STEP, fixture->concern, "inspector");
  assert_one (fixture, "skatep*", SC_SEARCH_CONCERN, fixture->concern, "skatepark");
  {
    g_autoptr(GPtrArray) none = search (fixture, "\"inspector duty\"");

    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* Grouped by child in the caseload's order (Ava before Zoë), newest first
 * within a child. */
static void
test_grouped_by_child_newest_first (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = search (fixture, "snapchat");

  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpint (((ScSearchHit *) hits->pdata[0])->record_id, ==, fixture->concern);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture, "th*");
  g_assert_cmpuint (hits->len, >, 2);
  for (guint i = 1; i < hits->len; i++)
    {
      ScSearchHit *before = hits->pdata[i - 1], *hit = hits->pdata[i];

      if (before->child_id == hit->child_id)
        g_assert_cmpint (strcmp (before->at, hit->at), >=, 0);
      else
        g_assert_cmpint (before->child_id, ==, fixture->ava);
    }
}

/* Kept in step with the records: an edit is found by its new words, not
 * its old; a row taken out (an erasure) is no longer found. */
static void
test_in_step_after_edit_and_delete (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScContact) contact = sc_records_load (fixture->vault, SC_TYPE_CONTACT,
                                                  fixture->contact, &error);
  g_autoptr(GPtrArray) old_words = NULL;
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  sc_record_set_text (SC_RECORD (contact), "summary", "Talked about the library instead");
  sc_test_save (fixture->vault, contact);
  old_words = search (fixture, "cafe");
  g_assert_cmpuint (old_words->len, ==, 0);
  assert_one (fixture, "library", SC_SEARCH_CONTACT, fixture->contact, "library");

  sql = g_strdup_printf ("DELETE FROM contact WHERE id = %" G_GINT64_FORMAT, fixture->contact);
  g_assert_cmpint (sqlite3_exec (sc_vault_get_db (fixture->vault), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
  {
    g_autoptr(GPtrArray) gone = search (fixture, "library");

    g_assert_cmpuint (gone->len, ==, 0);
  }
}

/* Nothing, one letter, and FTS's own syntax typed by accident or on
 * purpose: never an error, never everything. */
static void
test_hostile_queries (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *long_query = g_strnfill (10000, 'x');
  g_autofree char *long_words = NULL;
  const char *queries[] = {
    "", " ", "a", "\"", "\"\"", "*", "**", "-", "-skatepark", "NEAR/", "skatepark NEAR/3 picture",
    "skatepark OR", "OR", "AND NOT", "(", ")", "body:skatepark", "^skatepark", "'", "\\",
    "\"unclosed phrase", "skate\"park", "%", "_", "🙂", "\x01", long_query, NULL,
  };

  {
    GString *words = g_string_new (NULL);

    for (guint i = 0; i < 2000; i++)
      g_string_append (words, "skatepark* \"the ");
    long_words = g_string_free (words, FALSE);
  }

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) hits = search (fixture, queries[i]);

      g_assert_cmpuint (hits->len, <=, 1);
    }
  {
    g_autoptr(GPtrArray) hits = search (fixture, long_words);

    g_assert_cmpuint (hits->len, <=, 1);
  }
  /* Syntax is read as words: "-skatepark" and "(skatepark)" still find the
   * word, and "skatepark OR" does not find everything. */
  assert_one (fixture, "-skatepark", SC_SEARCH_CONCERN, fixture->concern, "skatepark");
  assert_one (fixture, "(skatepark)", SC_SEARCH_CONCERN, fixture->concern, "skatepark");
  {
    g_autoptr(GPtrArray) one_letter = search (fixture, "a");
    g_autofree char *none = sc_search_query_from_text ("  x ");

    g_assert_cmpuint (one_letter->len, ==, 0);
    g_assert_null (none);
  }
}

/* A draft being typed is not a record to rely on: not found, until it is
 * saved. */
static void
test_drafts_not_searched (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ScConcern) draft = sc_concern_new (fixture->ava);
  g_autoptr(GPtrArray) before = NULL;

  sc_record_set_text (SC_RECORD (draft), "own-words", "zebracorn in the chat");
  sc_test_save (fixture->vault, draft);
  before = search (fixture, "zebracorn");
  g_assert_cmpuint (before->len, ==, 0);
  sc_record_set_text (SC_RECORD (draft), "summary", "A strange word");
  sc_record_set_text (SC_RECORD (draft), "happened-at", "2026-11-21T16:00:00Z");
  complete (fixture, draft);
  assert_one (fixture, "zebracorn", SC_SEARCH_CONCERN, sc_record_get_id (SC_RECORD (draft)),
              "zebracorn");
}

/* Whether @markup parses, as Pango's parser would need it to. */
static gboolean
well_formed (const char *markup)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);

  return g_markup_parse_context_parse (context, wrapped, -1, NULL)
         && g_markup_parse_context_end_parse (context, NULL);
}

/* The record's own text cannot unbalance the highlighting; a one-letter
 * prefix finds nothing rather than nearly everything. */
static void
test_markup_and_prefixes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ScContact) contact = sc_contact_new (fixture->zoe);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) letters = NULL;

  sc_record_set_text (SC_RECORD (contact), "happened-at", "2026-11-23T10:00:00Z");
  sc_record_set_text (SC_RECORD (contact), "channel", "text");
  sc_record_set_text (SC_RECORD (contact), "direction", "to");
  sc_record_set_text (SC_RECORD (contact), "device", "work");
  sc_record_set_text (SC_RECORD (contact), "summary", "odd \002 text \001 <i>quokka</i> & more");
  sc_test_save (fixture->vault, contact);
  hits = search (fixture, "quokka");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_true (well_formed (((ScSearchHit *) hits->pdata[0])->markup));
  letters = search (fixture, "a* e* s*");
  g_assert_cmpuint (letters->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  sc_test_core_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/search/each-field-found-and-highlighted", test_each_field_found_and_highlighted);
  ADD ("/search/grouped-by-child-newest-first", test_grouped_by_child_newest_first);
  ADD ("/search/in-step-after-edit-and-delete", test_in_step_after_edit_and_delete);
  ADD ("/search/hostile-queries", test_hostile_queries);
  ADD ("/search/drafts-not-searched", test_drafts_not_searched);
  ADD ("/search/markup-and-prefixes", test_markup_and_prefixes);

  return g_test_run ();
}
